"""The packaged edition: [`declaration`][shusha_decl.declaration] reads it once and shares it.

A wheel carries the edition pickled by the build from the JSON files, which reads back in a millisecond.

The build (``hatch_build.py``) reads the JSON files with the strict loader and writes the resulting
[`Declaration`][shusha_decl.Declaration], pickled, into a generated module of the wheel,
``shusha_decl/_built_edition.py`` ([`module_source`][shusha_decl.packaged.module_source]).
[`read`][shusha_decl.packaged.read] unpickles it, which skips importing cattrs, reading the files and checking
them again.  Where the module is missing (a source checkout, an editable install), the JSON files are read;
where it is there but from another version or unusable, the JSON files are read too, with a warning, since
that means a broken install.
"""

from __future__ import annotations

import pickle
import threading
import warnings

from .edition import Declaration
from .version import __version__

#: The generated module's name, within the package.
MODULE = "_built_edition"

_lock = threading.Lock()
_edition: Declaration | None = None


def declaration() -> Declaration:
    """The packaged edition: read on the first call (thread-safely), the same object on every call after.

    Importing the package reads nothing; every helper of the package uses this edition.
    """
    global _edition
    if _edition is None:
        with _lock:
            if _edition is None:
                _edition = read()
    return _edition


def module_source(decl: Declaration) -> str:
    """The source of the generated module that holds *decl*, as the build writes it into the wheel."""
    return (
        f'"""The packaged edition, pickled by hatch_build.py from the JSON files: do not edit."""\n\n'
        f"VERSION = {__version__!r}\nEDITION = {pickle.dumps(decl, protocol=4)!r}\n"
    )


def read() -> Declaration:
    """The packaged edition: the build's pickle if the wheel has one of this version, else the JSON files."""
    try:
        edition = _from_build()
    except Exception as exc:  # whatever is wrong with the build's copy, the JSON files are the truth
        warnings.warn(
            f"shusha_decl: the compiled copy of the packaged edition is unusable ({exc!r}); "
            "reading the JSON files instead",
            RuntimeWarning,
            stacklevel=4,
        )
        edition = None
    if edition is None:
        from .loader import read_packaged_json

        edition = read_packaged_json()
    return edition


def _from_build() -> Declaration | None:
    """The edition pickled by the build, or ``None`` where there is no build (a source tree)."""
    try:
        from ._built_edition import EDITION, VERSION  # type: ignore[import-not-found, unused-ignore]  # by the build
    except ModuleNotFoundError as exc:
        if exc.name == f"{__package__}.{MODULE}":
            return None
        raise
    if __version__ != VERSION:
        raise ValueError(f"it was built for version {VERSION}, not {__version__}")
    edition = pickle.loads(EDITION)
    if not isinstance(edition, Declaration):
        raise TypeError(f"it holds a {type(edition).__name__}, not a Declaration")
    return edition
