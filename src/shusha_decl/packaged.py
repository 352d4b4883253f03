"""The edition shipped in the package: from the build's compiled copy when it fits, else from the JSON files.

A wheel carries ``_built_edition``, a module that the build (``hatch_build.py``)
writes from the JSON files after reading them with the strict loader: each
field of the :class:`~shusha_decl.edition.Declaration`, pickled on its own
(:func:`compiled_module`).  The packaged declaration unpickles a field on its
first use, so a filter over the commitments creates neither the other
records nor their classes; unpickling skips the import of cattrs and the
checks already made at build time, and importing a module skips the import
of :mod:`importlib.resources`.  A compiled copy that is missing (a source
checkout, an editable install), from another version or unreadable is
ignored, and the JSON files are read and checked through
:mod:`importlib.resources` instead; so is a field whose pickle is damaged.
"""

from __future__ import annotations

import _thread
from collections.abc import Mapping
from typing import Any

try:  # CPython's unpickler itself, which pickle re-exports: importing pickle costs more than unpickling
    from _pickle import loads
except ImportError:  # a Python without it
    from pickle import loads

from . import __version__
from .edition import Declaration, Records

__all__ = ["FIELD_NAMES", "PickledFields", "compiled_module", "load", "pickled_fields"]

#: The fields a compiled copy holds: those the constructor takes.
FIELD_NAMES = frozenset(a.name for a in Declaration.__attrs_attrs__ if a.init)


def pickled_fields(decl: Declaration) -> dict[str, bytes]:
    """Each field of *decl* that the constructor takes, pickled on its own: what the build compiles."""
    import pickle

    def unbound(value: Any) -> Any:
        # A collection goes as its records alone: bound, it would take the whole declaration along.
        return type(value)(value) if isinstance(value, Records) else value

    return {name: pickle.dumps(unbound(getattr(decl, name)), protocol=5) for name in sorted(FIELD_NAMES)}


def compiled_module(decl: Declaration) -> str:
    """The source of the ``_built_edition`` module holding *decl*, as the build writes it into the wheel."""
    return (
        '"""The packaged edition, pickled by hatch_build.py from the JSON files: do not edit."""\n\n'
        f"VERSION = {__version__!r}\nFIELDS = {pickled_fields(decl)!r}\n"
    )


class PickledFields:
    """The fields of a declaration not read yet, as pickles; each is unpickled once, on first use."""

    def __init__(self, pickles: Mapping[str, bytes]) -> None:
        self._pickles = pickles
        self._lock = _thread.allocate_lock()
        self._json: Declaration | None = None  # read once, if a pickle is damaged

    def __contains__(self, name: object) -> bool:
        return name in FIELD_NAMES

    def fill(self, decl: Declaration, name: str) -> Any:
        """Set the field *name* of *decl* from its pickle, once, whichever thread asks first; return it."""
        with self._lock:
            try:
                return object.__getattribute__(decl, name)  # another thread set it first
            except AttributeError:
                pass
            value = decl._settled(name, self._unpickled(name))
            object.__setattr__(decl, name, value)
            return value

    def _unpickled(self, name: str) -> Any:
        try:
            return loads(self._pickles[name])
        except Exception:  # a damaged pickle is never an error: the JSON is the truth
            if self._json is None:
                from .loader import load_packaged

                self._json = load_packaged()
            return getattr(self._json, name)


def _from_build() -> Declaration | None:
    try:  # a damaged copy (truncated, not Python) is never an error: the JSON is the truth
        from . import _built_edition as built  # type: ignore[attr-defined, unused-ignore]  # written by the build

        if __version__ != built.VERSION:
            return None
        pickles = built.FIELDS
    except Exception:
        return None
    if not isinstance(pickles, dict) or pickles.keys() != FIELD_NAMES:
        return None
    return Declaration._reading_from(PickledFields(pickles))


def load() -> Declaration:
    """The packaged edition."""
    edition = _from_build()
    if edition is None:
        from .loader import load_packaged

        edition = load_packaged()
    return edition
