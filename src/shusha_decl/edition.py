"""The :class:`Declaration`: the whole edition as one immutable object.

Its collections are tuples of records.  The three that have filters are also
callable: ``decl.commitments`` is the tuple of all commitments and
``decl.commitments(topic="energy")`` the tuple of those that match.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from datetime import date
from typing import TYPE_CHECKING, Any, ClassVar, Generic, NoReturn, Protocol, TypeVar

from attrs import field, frozen

from . import model
from .display import html_table, summary_html
from .model.base import Value
from .query import Index

__all__ = [
    "Agreements",
    "Claims",
    "Commitments",
    "Declaration",
    "Events",
    "Organizations",
    "Records",
    "Titles",
]

_R = TypeVar("_R")


class Records(tuple[_R, ...], Generic[_R]):
    """An immutable tuple of records that belongs to one edition (whose index its filters use)."""

    #: The name of the record class in :mod:`shusha_decl.model` (the loader reads each item as one).
    item_name: ClassVar[str]

    def __new__(cls, records: Iterable[_R] = ()) -> Records[_R]:
        return super().__new__(cls, records)

    def __setattr__(self, name: str, value: object) -> NoReturn:
        raise AttributeError(f"{type(self).__name__} is immutable")

    def __delattr__(self, name: str) -> NoReturn:
        raise AttributeError(f"{type(self).__name__} is immutable")

    def __repr__(self) -> str:
        ids = [getattr(r, "id", "?") for r in self]
        shown = ", ".join(ids[:3]) + (f", … {ids[-1]}" if len(ids) > 3 else "")
        return f"<{type(self).__name__}: {len(self)} ({shown})>"

    def _repr_html_(self) -> str:
        return html_table(self, type(self).__name__)

    def __reduce__(self) -> tuple[Any, ...]:
        index: Index | None = self.__dict__.get("_index")
        if index is None:
            return (type(self), (tuple(self),))
        # A collection that filters takes its declaration along: the copy filters with the copy's index.
        return (_bound_copy, (type(self), tuple(self), index.declaration))

    def _bound(self, index: Index) -> Records[_R]:
        """A copy of these records that filters with *index*."""
        bound = type(self)(self)
        object.__setattr__(bound, "_index", index)
        return bound

    @property
    def _edition_index(self) -> Index:
        try:
            index: Index = self.__dict__["_index"]
        except KeyError:
            raise TypeError(f"these {type(self).__name__} do not belong to a Declaration") from None
        return index


def _bound_copy(kind: type[Records[_R]], records: tuple[_R, ...], decl: Declaration) -> Records[_R]:
    """A pickled collection that filters, unpickled: bound to the unpickled copy of its declaration."""
    return kind(records)._bound(decl._index)


class Commitments(Records["model.Commitment"]):
    """The commitments, in document order; call it to filter them."""

    item_name = "Commitment"

    def __call__(
        self,
        *,
        topic: object = None,
        party: object = None,
        modality: object = None,
        mentions: object = None,
        text: object = None,
    ) -> tuple[model.Commitment, ...]:
        """The commitments that match every criterion given, in document order.

        Args:
            topic: a topic or category slug (``"energy"``, ``"defense-and-security"``) or
                :class:`~shusha_decl.model.Topic`; a category matches all its topics.
            party: a party, by anything :meth:`Declaration.lookup` resolves (``"AZ"``, ``"Türkiye"``);
                matches the commitments it makes (``actors``).
            modality: a :class:`~shusha_decl.model.Modality` or its value (``"undertaking"``).
            mentions: an agreement, organisation, place or person, by anything ``lookup`` resolves.
            text: a substring of the commitment's text, ignoring case and diacritics.

        Each criterion takes one value or a collection of values (matching any of them).

        Raises:
            ValueError: a value names nothing (the message lists the valid values).
        """
        return self._edition_index.commitments(
            self, topic=topic, party=party, modality=modality, mentions=mentions, text=text
        )


class Agreements(Records["model.Agreement"]):
    """The agreements the declaration refers to, in the edition's order; call it to filter them."""

    item_name = "Agreement"

    def __call__(
        self,
        *,
        kind: object = None,
        signed_after: object = None,
        signed_before: object = None,
        mentions: object = None,
    ) -> tuple[model.Agreement, ...]:
        """The agreements that match every criterion given, in the edition's order.

        Args:
            kind: an :class:`~shusha_decl.model.AgreementKind` or its value (``"treaty"``).
            signed_after: a date (or ``"YYYY-MM-DD"``); keeps agreements signed strictly after it.
            signed_before: a date (or ``"YYYY-MM-DD"``); keeps agreements signed strictly before it.
                Agreements whose date is unknown never match a date criterion.
            mentions: text units or commitments (records or ids, e.g. ``"para_9"``); keeps the
                agreements they mention.

        Raises:
            ValueError: a value names nothing (the message lists the valid values).
        """
        return self._edition_index.agreements(
            self, kind=kind, signed_after=signed_after, signed_before=signed_before, mentions=mentions
        )


class Events(Records["model.Event"]):
    """The declaration's history, in date order; call it to filter it."""

    item_name = "Event"

    def __call__(
        self, *, after: object = None, before: object = None, concerns: object = None
    ) -> tuple[model.Event, ...]:
        """The events that match every criterion given, in date order.

        Args:
            after: a date (or ``"YYYY-MM-DD"``); keeps events that certainly happened after it
                (every day the date or its readings allow is later).
            before: a date (or ``"YYYY-MM-DD"``); keeps events that certainly happened before it.
                Events with an unknown date never match a date criterion.
            concerns: records, by id or by anything :meth:`Declaration.lookup` resolves, or the
                declaration's own id; keeps the events that concern any of them.

        Raises:
            ValueError: a value names nothing.
        """
        return self._edition_index.events(self, after=after, before=before, concerns=concerns)


class Claims(Records["model.Claim"]):
    """The press claims about the declaration's content, checked against the text; call it to filter them."""

    item_name = "Claim"

    def __call__(self, *, status: object = None, source: object = None) -> tuple[model.Claim, ...]:
        """The claims that match every criterion given, in the order of their sources.

        Args:
            status: a :class:`~shusha_decl.model.ClaimStatus` or its value (``"not-in-text"``).
            source: a source, or its id (``"social-post-2021-06-15"``).

        Raises:
            ValueError: a value names nothing (the message lists the valid values).
        """
        return self._edition_index.claims(self, status=status, source=source)


class Titles(Mapping[str, "model.Title"]):
    """The declaration's titles by language code (``"en"``, ``"az"``, ``"tr"``, ``"ru"``); immutable."""

    __slots__ = ("_titles",)
    _titles: tuple[model.Title, ...]

    def __init__(self, titles: Iterable[model.Title] = ()) -> None:
        items = titles.values() if isinstance(titles, Titles) else titles
        object.__setattr__(self, "_titles", tuple(items))

    def __getitem__(self, language: str) -> model.Title:
        for title in self._titles:
            if title.language == language:
                return title
        raise KeyError(language)

    def __iter__(self) -> Iterator[str]:
        return (title.language for title in self._titles)

    def __len__(self) -> int:
        return len(self._titles)

    def __hash__(self) -> int:
        return hash(self._titles)

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Titles) and self._titles == other._titles

    def __setattr__(self, name: str, value: object) -> NoReturn:
        raise AttributeError("Titles is immutable")

    def __repr__(self) -> str:
        return f"Titles({dict(self)!r})"

    def __reduce__(self) -> tuple[type[Titles], tuple[tuple[model.Title, ...]]]:
        return (Titles, (self._titles,))


class Organizations(Records["model.Organization"]):
    """The organisations the declaration names, in the edition's order; call it to filter them."""

    item_name = "Organization"

    def __call__(self, *, kind: object = None, mentions: object = None) -> tuple[model.Organization, ...]:
        """The organisations that match every criterion given, in the edition's order.

        Args:
            kind: an :class:`~shusha_decl.model.OrganizationKind` or its value (``"intergovernmental"``).
            mentions: text units or commitments (records or ids, e.g. ``"para_32"``); keeps the
                organisations they mention.

        Raises:
            ValueError: a value names nothing (the message lists the valid values).
        """
        return self._edition_index.organizations(self, kind=kind, mentions=mentions)


class FieldSource(Protocol):
    """Where a declaration made by :meth:`Declaration._reading_from` reads its fields on first use."""

    def __contains__(self, name: object) -> bool:
        """Whether *name* is a field this source gives."""

    def fill(self, decl: Declaration, name: str) -> Any:
        """Set the field *name* of *decl* (once) and return its value."""


_COUNTED = ("preamble", "provisions", "commitments", "agreements", "organizations", "events", "claims")
#: The collections that filter, with the edition's index.
_FILTERING = ("commitments", "agreements", "organizations", "events", "claims")


@frozen(eq=False, repr=False)
class Declaration(Value):
    """The Shusha Declaration: its metadata, its text in units, the coding and the entities it names.

    Get the packaged edition with :func:`shusha_decl.declaration`; build one
    from files with :func:`shusha_decl.load`.  Text units are in document
    order; ``signed_at`` and ``text_source`` are ids (of a place and a source).
    """

    id: str
    title: str
    short_title: str
    titles: Titles = field(converter=Titles)
    signed_on: date
    signed_at: str
    parties: Records[model.Party] = field(converter=Records)
    signatories: Records[model.Signatory] = field(converter=Records)
    authentic_languages: tuple[str, ...]
    text_language: str
    text_source: str
    opening_formula: model.Unit
    preamble: Records[model.Unit] = field(converter=Records)
    provisions: Records[model.Unit] = field(converter=Records)
    final_clause: model.Unit
    edits: Records[model.Edit] = field(converter=Records)
    commitments: Commitments = field(converter=Commitments)
    agreements: Agreements = field(converter=Agreements)
    organizations: Organizations = field(converter=Organizations)
    places: Records[model.Place] = field(converter=Records)
    persons: Records[model.Person] = field(converter=Records)
    quotes: Records[model.Quote] = field(converter=Records)
    topics: Records[model.Topic] = field(converter=Records)
    sources: Records[model.Source] = field(converter=Records)
    events: Events = field(converter=Events)
    claims: Claims = field(converter=Claims)
    alliance: model.Alliance
    _index: Index = field(init=False, eq=False, repr=False)
    _source: FieldSource | None = field(init=False, default=None, eq=False, repr=False)

    def __attrs_post_init__(self) -> None:
        object.__setattr__(self, "_index", Index(self))
        for name in _FILTERING:
            object.__setattr__(self, name, self._settled(name, getattr(self, name)))

    @classmethod
    def _reading_from(cls, source: FieldSource) -> Declaration:
        """A declaration that reads each field from *source* when first used (see shusha_decl.packaged)."""
        decl = object.__new__(cls)
        object.__setattr__(decl, "_source", source)
        object.__setattr__(decl, "_index", Index(decl))
        return decl

    if not TYPE_CHECKING:  # for the type checker, every field is always there

        def __getattr__(self, name: str) -> Any:
            # Python calls this only for an attribute not set: a field that _reading_from left to first use.
            source = None if name.startswith("_") else self._source
            if source is None or name not in source:
                raise AttributeError(f"{type(self).__name__!r} object has no attribute {name!r}")
            return source.fill(self, name)

    def _settled(self, name: str, value: Any) -> Any:
        """*value* as field *name* holds it: a collection that filters is bound to this edition's index."""
        return value._bound(self._index) if name in _FILTERING else value

    def __reduce__(self) -> tuple[type[Declaration], tuple[Any, ...]]:
        # Rebuilt through __init__, which makes the index anew; collections go as plain tuples, unbound.
        fields = (getattr(self, a.name) for a in self.__attrs_attrs__ if a.init)
        return (type(self), tuple(tuple(v) if isinstance(v, Records) else v for v in fields))

    def __repr__(self) -> str:
        return (
            f"<Declaration {self.short_title!r}, signed {self.signed_on.isoformat()}: "
            f"{len(self.preamble)} recitals, {len(self.provisions)} paragraphs, "
            f"{len(self.commitments)} commitments>"
        )

    def _repr_html_(self) -> str:
        place = self._index.records.get(self.signed_at)
        rows = [
            ("signed", f"{self.signed_on.isoformat()}, {getattr(place, 'name', self.signed_at)}"),
            ("parties", ", ".join(f"{p.name} ({p.id})" for p in self.parties)),
            ("authentic languages", ", ".join(self.authentic_languages)),
            ("text", f"{self.text_language}, from {self.text_source}"),
            *((name, str(len(getattr(self, name)))) for name in _COUNTED),
        ]
        return summary_html(self.title, rows)

    @property
    def units(self) -> tuple[model.Unit, ...]:
        """Every text unit in document order: opening formula, recitals, paragraphs, final clause."""
        return (self.opening_formula, *self.preamble, *self.provisions, self.final_clause)

    @property
    def text(self) -> str:
        """The whole text as edited, one unit per paragraph, units separated by a blank line."""
        return self._index.text

    def entities(self) -> Iterator[model.Entity]:
        """Every record :meth:`lookup` can find: parties, agreements, organisations, places, persons."""
        yield from self.parties
        yield from self.agreements
        yield from self.organizations
        yield from self.places
        yield from self.persons

    def records(self) -> Iterator[model.Record]:
        """Every record of the edition, each once."""
        yield from self.units
        yield from self.edits
        yield from self.signatories
        yield from self.commitments
        yield from self.entities()
        yield from self.quotes
        yield from self.topics
        yield from self.sources
        yield from self.titles.values()
        yield from self.events
        yield from self.claims

    def get(self, record_id: str) -> model.Record:
        """The record with this id, of any kind.

        Raises:
            KeyError: no record has this id (the message lists close ids).
        """
        return self._index.get(record_id)

    def lookup(self, name: str | model.Entity) -> model.Entity:
        """The party or entity known by *name*: id, name, acronym, alias, or former or later name.

        Case and diacritics are ignored, so ``"turkiye"``, ``"Türkiye"`` and ``"TR"``
        all give the Republic of Turkey.

        Raises:
            UnknownNameError: (a ``LookupError``) nothing has this name; the message suggests close names.
        """
        return self._index.lookup(name)
