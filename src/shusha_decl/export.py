"""Collections as plain, JSON-ready records for other tools (pandas, CSV writers, JSON APIs)."""

from __future__ import annotations

from typing import Any

import attrs

from .edition import Declaration
from .loader import OWN_FILES, converter

__all__ = ["COLLECTIONS", "to_records"]

#: The names :func:`to_records` accepts.
COLLECTIONS = ("units", "preamble", "provisions", "edits", "parties", "signatories", "titles", *OWN_FILES)


def _records(decl: Declaration, name: str) -> list[Any]:
    if name == "titles":
        return list(decl.titles.values())
    if name == "alliance":  # one row per variable
        return [
            {"variable": field.name, **converter.unstructure(getattr(decl.alliance, field.name))}
            for field in attrs.fields(type(decl.alliance))
        ]
    return list(getattr(decl, name))


def to_records(decl: Declaration, name: str) -> list[dict[str, Any]]:
    """The collection *name* of *decl* as dicts of JSON types (dates as ISO strings, enums as values).

    ``"alliance"`` gives one record per variable, with the variable's name under ``"variable"``.

    Raises:
        ValueError: *name* is not a collection (the message lists the valid names).
    """
    if name not in COLLECTIONS:
        raise ValueError(f"unknown collection {name!r}; valid names: {', '.join(COLLECTIONS)}")
    records: list[dict[str, Any]] = converter.unstructure(_records(decl, name))
    return records
