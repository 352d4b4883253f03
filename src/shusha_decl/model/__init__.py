"""The records of the edition: frozen, slotted, hashable attrs classes.

Records sort by ``id``; equality and hashing use every field (see
:class:`Value`).  Every record has an ``id`` unique across the whole edition.
Records refer to one another by id (``Commitment.provision``,
``Quote.speaker``, ``mentions``), never by embedding, so each fact is stored
once.  Dates are :class:`datetime.date`, or :class:`PartialDate` where a
source gives only a year or a month; an unknown value is ``None``.

Every class is importable from here.  Each lives in the submodule of its
concern (:mod:`~shusha_decl.model.text`, :mod:`~shusha_decl.model.coding`,
:mod:`~shusha_decl.model.entities`, :mod:`~shusha_decl.model.sources`,
:mod:`~shusha_decl.model.alliance`), which is imported when one of its
classes is first used: creating a class costs attrs about a third of a
millisecond, and a filter over the commitments needs only the three classes
of :mod:`~shusha_decl.model.coding`.
"""

from __future__ import annotations

import operator
from functools import reduce
from importlib import import_module
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from typing import TypeAlias

    from .alliance import Alliance, Coding, Confidence, CowType, PartyValue
    from .base import OrderedValue, PartialDate, Value
    from .coding import Commitment, Modality, Topic
    from .entities import (
        Agreement,
        AgreementKind,
        Name,
        Organization,
        OrganizationKind,
        Party,
        Person,
        Place,
        PlaceKind,
        Signatory,
    )
    from .sources import Claim, ClaimStatus, DateReading, Event, Source, SourceKind
    from .text import Edit, EditKind, Quote, QuoteKind, Title, Unit, UnitKind

    #: The records that :meth:`Declaration.lookup` finds by name.
    Entity: TypeAlias = Party | Agreement | Organization | Place | Person
    #: Every kind of record, as :meth:`Declaration.get` returns them.
    Record: TypeAlias = (
        Unit
        | Edit
        | Party
        | Signatory
        | Commitment
        | Agreement
        | Organization
        | Place
        | Person
        | Quote
        | Topic
        | Source
        | Title
        | Event
        | Claim
    )

__all__ = [
    "Agreement",
    "AgreementKind",
    "Alliance",
    "Claim",
    "ClaimStatus",
    "Coding",
    "Commitment",
    "Confidence",
    "CowType",
    "DateReading",
    "Edit",
    "EditKind",
    "Entity",
    "Event",
    "Modality",
    "Name",
    "OrderedValue",
    "Organization",
    "OrganizationKind",
    "PartialDate",
    "Party",
    "PartyValue",
    "Person",
    "Place",
    "PlaceKind",
    "Quote",
    "QuoteKind",
    "Record",
    "Signatory",
    "Source",
    "SourceKind",
    "Title",
    "Topic",
    "Unit",
    "UnitKind",
    "Value",
]

#: The submodule that defines each class.
_HOME = {
    **dict.fromkeys(("Alliance", "Coding", "Confidence", "CowType", "PartyValue"), "alliance"),
    **dict.fromkeys(("OrderedValue", "PartialDate", "Value"), "base"),
    **dict.fromkeys(("Commitment", "Modality", "Topic"), "coding"),
    **dict.fromkeys(
        (
            "Agreement",
            "AgreementKind",
            "Name",
            "Organization",
            "OrganizationKind",
            "Party",
            "Person",
            "Place",
            "PlaceKind",
            "Signatory",
        ),
        "entities",
    ),
    **dict.fromkeys(("Claim", "ClaimStatus", "DateReading", "Event", "Source", "SourceKind"), "sources"),
    **dict.fromkeys(("Edit", "EditKind", "Quote", "QuoteKind", "Title", "Unit", "UnitKind"), "text"),
}


#: The classes of the two unions, which are made when first used since they need every class.
_UNIONS = {
    "Entity": ("Party", "Agreement", "Organization", "Place", "Person"),
    "Record": (
        "Unit",
        "Edit",
        "Party",
        "Signatory",
        "Commitment",
        "Agreement",
        "Organization",
        "Place",
        "Person",
        "Quote",
        "Topic",
        "Source",
        "Title",
        "Event",
        "Claim",
    ),
}

if not TYPE_CHECKING:  # for the type checker, the names above are all there is

    def __getattr__(name: str) -> Any:
        """Import the class *name* from its submodule on first use, or make the union *name*."""
        if name in _UNIONS:
            value = reduce(operator.or_, map(__getattr__, _UNIONS[name]))
        elif name in _HOME:
            value = getattr(import_module(f".{_HOME[name]}", __name__), name)
        else:
            raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
        globals()[name] = value
        return value


def __dir__() -> list[str]:
    return sorted({*globals(), *__all__})
