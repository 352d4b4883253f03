"""The Shusha Declaration on Allied Relations between Azerbaijan and Turkey, as typed, queryable data.

The packaged edition is read on the first call to [`declaration`][shusha_decl.declaration] (or to any helper
below), once, and shared after that; importing the package reads nothing.  The helpers
[`commitments`][shusha_decl.commitments], [`agreements`][shusha_decl.agreements],
[`organizations`][shusha_decl.organizations], [`events`][shusha_decl.events] and
[`claims`][shusha_decl.claims] are the filters of the packaged edition's collections
([`Commitments.__call__`][shusha_decl.Commitments.__call__] ...).

Examples:
    >>> import shusha_decl
    >>> decl = shusha_decl.declaration()
    >>> decl.signed_on
    datetime.date(2021, 6, 15)
"""

from __future__ import annotations

import functools
import inspect
import os
from collections.abc import Callable
from typing import Any, Concatenate, ParamSpec, TypeVar

from .edition import (
    Agreements,
    Claims,
    Commitments,
    Declaration,
    Entities,
    Events,
    Organizations,
    Records,
    TextMatch,
    TextMatches,
    Titles,
    TranslationNotes,
)
from .errors import DataError, UnknownNameError
from .export import to_frame, to_records
from .model import (
    Agreement,
    AgreementKind,
    Alliance,
    Alternative,
    Claim,
    ClaimStatus,
    Coding,
    Commitment,
    CommitmentCoding,
    Comparison,
    Confidence,
    CowType,
    DateReading,
    Edit,
    EditKind,
    Entity,
    Event,
    EvidenceKind,
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
    Reading,
    Record,
    SecondCoding,
    Signatory,
    Source,
    SourceKind,
    Title,
    Topic,
    TranslationNote,
    Unit,
    UnitKind,
)
from .packaged import declaration
from .version import DATA_VERSION, SOURCE_DATE, __version__

__all__ = [
    "DATA_VERSION",
    "SOURCE_DATE",
    "Agreement",
    "AgreementKind",
    "Agreements",
    "Alliance",
    "Alternative",
    "Claim",
    "ClaimStatus",
    "Claims",
    "Coding",
    "Commitment",
    "CommitmentCoding",
    "Commitments",
    "Comparison",
    "Confidence",
    "CowType",
    "DataError",
    "DateReading",
    "Declaration",
    "Edit",
    "EditKind",
    "Entities",
    "Entity",
    "Event",
    "Events",
    "EvidenceKind",
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
    "Reading",
    "Record",
    "Records",
    "SecondCoding",
    "Signatory",
    "Source",
    "SourceKind",
    "TextMatch",
    "TextMatches",
    "Title",
    "Titles",
    "Topic",
    "TranslationNote",
    "TranslationNotes",
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
    "search",
    "search_names",
    "to_frame",
    "to_records",
]


def load(path: str | os.PathLike[str]) -> Declaration:
    """Read an edition in the packaged format (``docs/data-format.md``) from the directory *path*.

    *path* may also be an ``importlib.resources`` Traversable, such as a folder in a zip file.

    Raises:
        DataError: the edition is invalid; the message names the file and the path of each bad field.
    """
    from .loader import read_edition  # imports cattrs, which only reading JSON needs

    return read_edition(path)


def dump(decl: Declaration, path: str | os.PathLike[str], *, overwrite: bool = False) -> os.PathLike[str]:
    """Write *decl* into the directory *path* in the packaged format; ``load(dump(x, p)) == x``.

    Returns the directory, as a `pathlib.Path`.  The edition is checked, and every file encoded,
    before anything is written; each file is then replaced atomically, and an existing one only if
    *overwrite* is true.

    Raises:
        DataError: *decl* is not an edition [`load`][shusha_decl.load] would read back; nothing is written.
        FileExistsError: a file of the edition is already there and *overwrite* is false.
    """
    from .loader import write_edition

    return write_edition(decl, path, overwrite=overwrite)


def get(record_id: str) -> Record:
    """The record with this id in the packaged edition.

    See [`Declaration.get`][shusha_decl.Declaration.get].
    """
    return declaration().get(record_id)


def lookup(name: str | Entity) -> Entity:
    """The party or entity known by *name* in the packaged edition.

    See [`Declaration.lookup`][shusha_decl.Declaration.lookup].
    """
    return declaration().lookup(name)


def search(words: str, *, substring: bool = False) -> TextMatches:
    """The packaged edition's text units where *words* occur, ranked.

    See [`Declaration.search`][shusha_decl.Declaration.search] for the matching and the ranking.
    """
    return declaration().search(words, substring=substring)


def search_names(query: str, *, kind: type[Entity] | tuple[type[Entity], ...] | None = None) -> Entities:
    """The parties and entities of the packaged edition whose names match *query*, best first.

    See [`Declaration.search_names`][shusha_decl.Declaration.search_names] for the ranking.
    """
    return declaration().search_names(query, kind=kind)


_P = ParamSpec("_P")
_R = TypeVar("_R")


def _filter_of_the_packaged(name: str, method: Callable[Concatenate[Any, _P], _R]) -> Callable[_P, _R]:
    """The filter *method* of the packaged edition's collection *name*, as a function of this module.

    The function has the method's signature (without ``self``), annotations and docstring, so that
    editors, ``help`` and ``typing.get_type_hints`` see the filter's arguments, written once.
    """

    def function(*args: _P.args, **kwargs: _P.kwargs) -> _R:
        return method(getattr(declaration(), name), *args, **kwargs)

    functools.update_wrapper(function, method)
    function.__name__ = function.__qualname__ = name
    function.__module__ = __name__
    signature = inspect.signature(method)
    function.__signature__ = signature.replace(  # type: ignore[attr-defined]
        parameters=list(signature.parameters.values())[1:]
    )
    return function


commitments = _filter_of_the_packaged("commitments", Commitments.__call__)
agreements = _filter_of_the_packaged("agreements", Agreements.__call__)
organizations = _filter_of_the_packaged("organizations", Organizations.__call__)
events = _filter_of_the_packaged("events", Events.__call__)
claims = _filter_of_the_packaged("claims", Claims.__call__)
