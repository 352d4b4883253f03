"""The Shusha Declaration on Allied Relations between Azerbaijan and Turkey, as typed, queryable data.

>>> import shusha_decl
>>> decl = shusha_decl.declaration()
>>> decl.signed_on
datetime.date(2021, 6, 15)

The packaged edition is read on the first call to :func:`declaration` (or to
any helper below), once, and shared after that; importing the package reads
nothing.
"""

from __future__ import annotations

import _thread
from importlib import import_module
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # the names below are imported on first use, by __getattr__
    import os
    import sys

    from .edition import Agreements, Claims, Commitments, Declaration, Events, Organizations, Records, Titles
    from .errors import DataError, UnknownNameError
    from .model import (
        Agreement,
        AgreementKind,
        Alliance,
        Claim,
        ClaimStatus,
        Coding,
        Commitment,
        Confidence,
        CowType,
        DateReading,
        Edit,
        EditKind,
        Entity,
        Event,
        Modality,
        Name,
        Organization,
        OrganizationKind,
        PartialDate,
        Party,
        PartyValue,
        Person,
        Place,
        PlaceKind,
        Quote,
        QuoteKind,
        Record,
        Signatory,
        Source,
        SourceKind,
        Title,
        Topic,
        Unit,
        UnitKind,
    )

    if sys.version_info >= (3, 11):
        from importlib.resources.abc import Traversable
    else:
        from importlib.abc import Traversable

__version__ = "0.1.0"
#: The version of the packaged data: the date of its last correction (see docs/corrections.md).
DATA_VERSION = "2026-11-23"
#: The publication date of the shipped English text (Trend News Agency), as an ISO date.
SOURCE_DATE = "2021-06-16"

__all__ = [
    "DATA_VERSION",
    "SOURCE_DATE",
    "Agreement",
    "AgreementKind",
    "Agreements",
    "Alliance",
    "Claim",
    "ClaimStatus",
    "Claims",
    "Coding",
    "Commitment",
    "Commitments",
    "Confidence",
    "CowType",
    "DataError",
    "DateReading",
    "Declaration",
    "Edit",
    "EditKind",
    "Entity",
    "Event",
    "Events",
    "Modality",
    "Name",
    "Organization",
    "OrganizationKind",
    "Organizations",
    "PartialDate",
    "Party",
    "PartyValue",
    "Person",
    "Place",
    "PlaceKind",
    "Quote",
    "QuoteKind",
    "Record",
    "Records",
    "Signatory",
    "Source",
    "SourceKind",
    "Title",
    "Titles",
    "Topic",
    "Unit",
    "UnitKind",
    "UnknownNameError",
    "__version__",
    "agreements",
    "claims",
    "commitments",
    "declaration",
    "dump",
    "events",
    "get",
    "load",
    "lookup",
    "organizations",
    "to_frame",
    "to_records",
]

#: Where each lazily imported public name lives.
_LAZY = {
    **dict.fromkeys(
        ("Agreements", "Claims", "Commitments", "Declaration", "Events", "Organizations", "Records"),
        "edition",
    ),
    "Titles": "edition",
    **dict.fromkeys(("DataError", "UnknownNameError"), "errors"),
}


if not TYPE_CHECKING:  # for the type checker, the imports above are all there is

    def __getattr__(name: str) -> Any:
        """Import a public class on first use, so that ``import shusha_decl`` stays cheap."""
        module = _LAZY.get(name, "model" if name[:1].isupper() and name in __all__ else None)
        if module is None:
            raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
        value = getattr(import_module(f".{module}", __name__), name)
        globals()[name] = value
        return value


def __dir__() -> list[str]:
    return sorted({*globals(), *__all__})


_lock = _thread.allocate_lock()
_edition: Declaration | None = None


def declaration() -> Declaration:
    """The packaged edition: read on the first call (thread-safely), the same object on every call after."""
    global _edition
    if _edition is None:
        with _lock:
            if _edition is None:
                from .packaged import load as load_packaged

                _edition = load_packaged()
    return _edition


def load(path: str | os.PathLike[str] | Traversable) -> Declaration:
    """Read an edition in the packaged format from the directory *path*.

    Raises:
        DataError: the edition is invalid; the message names the file and the path of the bad field.
    """
    from .loader import load as load_edition

    return load_edition(path)


def dump(decl: Declaration, path: str | os.PathLike[str]) -> os.PathLike[str]:
    """Write *decl* into the directory *path* in the packaged format; ``load(dump(x, p)) == x``."""
    from .loader import dump as dump_edition

    return dump_edition(decl, path)


def to_frame(name: str, decl: Declaration | None = None, *, explode: str | None = None) -> Any:
    """A collection as a pandas DataFrame (needs the ``pandas`` extra); see :func:`.export.to_frame`."""
    from .export import to_frame as frame

    return frame(decl or declaration(), name, explode=explode)


def to_records(name: str, decl: Declaration | None = None) -> list[dict[str, Any]]:
    """A collection (``"commitments"``, ``"agreements"``, ...) as JSON-ready dicts, for pandas or CSV."""
    from .export import to_records as export

    return export(decl or declaration(), name)


def get(record_id: str) -> Record:
    """The record with this id in the packaged edition; see :meth:`Declaration.get`."""
    return declaration().get(record_id)


def lookup(name: str | Entity) -> Entity:
    """The party or entity known by *name* in the packaged edition; see :meth:`Declaration.lookup`."""
    return declaration().lookup(name)


def commitments(
    *,
    topic: object = None,
    party: object = None,
    modality: object = None,
    mentions: object = None,
    text: object = None,
) -> tuple[Commitment, ...]:
    """The packaged edition's commitments that match; see :meth:`Commitments.__call__`."""
    return declaration().commitments(
        topic=topic, party=party, modality=modality, mentions=mentions, text=text
    )


def agreements(
    *,
    kind: object = None,
    signed_after: object = None,
    signed_before: object = None,
    mentions: object = None,
) -> tuple[Agreement, ...]:
    """The packaged edition's agreements that match; see :meth:`Agreements.__call__`."""
    return declaration().agreements(
        kind=kind, signed_after=signed_after, signed_before=signed_before, mentions=mentions
    )


def organizations(*, kind: object = None, mentions: object = None) -> tuple[Organization, ...]:
    """The packaged edition's organisations that match; see :meth:`Organizations.__call__`."""
    return declaration().organizations(kind=kind, mentions=mentions)


def events(*, after: object = None, before: object = None, concerns: object = None) -> tuple[Event, ...]:
    """The packaged edition's events that match; see :meth:`Events.__call__`."""
    return declaration().events(after=after, before=before, concerns=concerns)


def claims(*, status: object = None, source: object = None) -> tuple[Claim, ...]:
    """The packaged edition's press claims that match; see :meth:`Claims.__call__`."""
    return declaration().claims(status=status, source=source)
