"""The edition shipped in the package: from the build's pickle when it fits, else from the JSON files.

The wheel carries ``data/edition.pickle``, made at build time from the JSON
files by the strict loader (see ``hatch_build.py``).  Unpickling skips the
import of cattrs and the validation already done at build time, which makes
the first :func:`shusha_decl.declaration` call several times faster.  A
pickle that is missing (a source checkout), from another version or
unreadable is ignored, and the JSON files are read and checked instead.
"""

from __future__ import annotations

import pickle
from importlib.resources import files

from . import __version__
from .edition import Declaration

__all__ = ["load"]


def _from_pickle() -> Declaration | None:
    entry = files(__package__).joinpath("data").joinpath("edition.pickle")
    if not entry.is_file():
        return None
    try:
        version, edition = pickle.loads(entry.read_bytes())  # written by this package's own build
    except Exception:  # an unreadable cache is never an error: the JSON is the truth
        return None
    return edition if version == __version__ and isinstance(edition, Declaration) else None


def load() -> Declaration:
    """The packaged edition."""
    edition = _from_pickle()
    if edition is None:
        from .loader import load_packaged

        edition = load_packaged()
    return edition
