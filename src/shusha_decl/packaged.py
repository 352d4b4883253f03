"""The edition shipped in the package: from the build's compiled copy when it fits, else from the JSON files.

A wheel carries ``_built_edition``, a module that the build (``hatch_build.py``)
writes from the JSON files after reading them with the strict loader: the
edition, pickled.  Unpickling it skips the import of cattrs and the checks
already made at build time, and importing a module skips the import of
:mod:`importlib.resources`; together they make the first
:func:`shusha_decl.declaration` call several times faster.  A compiled copy
that is missing (a source checkout, an editable install), from another
version or unreadable is ignored, and the JSON files are read and checked
through :mod:`importlib.resources` instead.
"""

from __future__ import annotations

try:  # CPython's unpickler itself, which pickle re-exports: importing pickle costs more than unpickling
    from _pickle import loads
except ImportError:  # a Python without it
    from pickle import loads

from . import __version__
from .edition import Declaration

__all__ = ["load"]


def _from_build() -> Declaration | None:
    try:  # a damaged copy (truncated, not Python) is never an error: the JSON is the truth
        from . import _built_edition as built

        if __version__ != built.VERSION:
            return None
        edition = loads(built.PICKLE)  # written by this package's own build
    except Exception:
        return None
    return edition if isinstance(edition, Declaration) else None


def load() -> Declaration:
    """The packaged edition."""
    edition = _from_build()
    if edition is None:
        from .loader import load_packaged

        edition = load_packaged()
    return edition
