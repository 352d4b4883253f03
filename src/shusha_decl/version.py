"""The versions of the package and of its data, in one place (the build reads ``__version__`` here)."""

__version__ = "0.1.0"
#: The version of the packaged data: the date of its last correction (see docs/corrections.md).
DATA_VERSION = "2026-11-23"
#: The publication date of the shipped English text (Trend News Agency), as an ISO date.
SOURCE_DATE = "2021-06-16"
