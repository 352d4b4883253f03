"""The versions of the package and of its data, and their licences, in one place.

The build reads ``__version__`` here; the exports, ``pyproject.toml`` and ``CITATION.cff`` state the same
licences (the tests hold them to these constants).
"""

__version__ = "0.1.0"
#: The version of the packaged data: the date of its last correction (see docs/corrections.md).
DATA_VERSION = "2026-12-03"
#: The publication date of the shipped English text (Trend News Agency), as an ISO date.
SOURCE_DATE = "2021-06-16"

#: The code's licence, as an SPDX identifier (the file LICENSE).
CODE_LICENSE = "MIT"
#: The licence of this project's data (the file LICENSE-DATA): its SPDX identifier, title and address.
DATA_LICENSE = "CC-BY-4.0"
DATA_LICENSE_TITLE = "Creative Commons Attribution 4.0 International"
DATA_LICENSE_URL = "https://creativecommons.org/licenses/by/4.0/"
#: What the data licence covers.
DATA_RIGHTS = (
    "This project's data (the segmentation and editorial record, the coding, the entity records, "
    "the timeline, the claim checks and the alliance coding) is licensed under CC BY 4.0."
)
#: The declaration's text, which the data licence does not cover.
TEXT_RIGHTS = (
    "The declaration's text is an official document of the Republic of Azerbaijan and the Republic of "
    "Turkey; the English translation shipped is Trend News Agency's (published 16 June 2021), reproduced "
    "for reference and research with its source named. This project claims no rights in either."
)
