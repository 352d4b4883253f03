"""Collections as plain, JSON-ready records for other tools (pandas, CSV writers, JSON APIs)."""

from __future__ import annotations

from typing import Any

from .edition import Declaration
from .loader import COLLECTION_FILES, converter

__all__ = ["COLLECTIONS", "to_records"]

#: The names :func:`to_records` accepts: every collection of a :class:`Declaration`.
COLLECTIONS = ("units", "preamble", "provisions", "edits", "parties", "signatories", *COLLECTION_FILES)


def to_records(decl: Declaration, name: str) -> list[dict[str, Any]]:
    """The collection *name* of *decl* as dicts of JSON types (dates as ISO strings, enums as values).

    Raises:
        ValueError: *name* is not a collection (the message lists the valid names).
    """
    if name not in COLLECTIONS:
        raise ValueError(f"unknown collection {name!r}; valid names: {', '.join(COLLECTIONS)}")
    records: list[dict[str, Any]] = converter.unstructure(list(getattr(decl, name)))
    return records
