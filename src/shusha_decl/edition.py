"""[`Declaration`][shusha_decl.Declaration], the whole edition as one immutable object, and its queries.

Its collections are tuples of records that know their declaration ([`Records`][shusha_decl.Records]).  Those
with filters are callable: ``decl.commitments`` is the tuple of all commitments and
``decl.commitments(topic="energy")`` the tuple of those that match, of the same type, so that it can be
filtered, sliced, shown or exported like the whole.  Each filter is written once, here: the package's
functions (``shusha_decl.commitments`` ...) call these on the packaged edition.
"""

from __future__ import annotations

import enum
import re
from collections.abc import Callable, Collection, Iterable, Iterator, Mapping
from datetime import date, datetime
from typing import Any, ClassVar, Generic, NoReturn, SupportsIndex, TypeAlias, TypeVar, overload

import attrs
from attrs import field, frozen

from . import model
from .display import entities_html, html_table, match_html, matches_html, summary_html
from .errors import UnknownNameError
from .text import find_all, fold

_R = TypeVar("_R")
_T = TypeVar("_T")
_C = TypeVar("_C", bound="Records[Any]")
_E = TypeVar("_E", bound=enum.Enum)

#: A filter criterion: one value, or several (an iterable; a record matches any of them).
Criterion: TypeAlias = _T | Iterable[_T]
#: A day, as a `datetime.date` or a ``"YYYY-MM-DD"`` string.
Day: TypeAlias = date | str
_ISO_DAY = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")


def names_of(entity: model.Entity) -> tuple[str, ...]:
    """Every name *entity* answers to: id, names, acronyms, aliases.

    These are the names [`lookup`][shusha_decl.Declaration.lookup] resolves.
    """
    names = [entity.id, entity.name, *entity.aliases]
    if isinstance(entity, model.Party):
        names += [entity.short_name, *(later.name for later in entity.later_names)]
    elif isinstance(entity, model.Organization):
        others = (*entity.former_names, *entity.later_names)
        names += [other.name for other in others]
        names += [acronym for acronym in (entity.acronym, *(o.acronym for o in others)) if acronym]
    return tuple(names)


# -- collections ---------------------------------------------------------------------------------------


class Records(tuple[_R, ...], Generic[_R]):
    """An immutable tuple of records that knows the declaration it comes from.

    A slice or a filter result is of the same type and from the same declaration, so it filters,
    shows itself as a table in a notebook, and exports ([`to_frame`][shusha_decl.to_frame]) like the whole.
    """

    #: The class of the records a collection of this type holds, which gives a data frame of it its columns
    #: even when it is empty; ``None`` for a plain ``Records`` (its records tell) and for several kinds.
    record_class: ClassVar[type | None] = None

    def __new__(cls, records: Iterable[_R] = (), declaration: Declaration | None = None) -> Records[_R]:
        self = tuple.__new__(cls, records)
        self.__dict__["_declaration"] = declaration
        return self

    @property
    def declaration(self) -> Declaration:
        """The declaration these records come from.

        Raises:
            TypeError: the records were put together by hand, not taken from a declaration.
        """
        found: Declaration | None = self.__dict__["_declaration"]
        if found is None:
            raise TypeError(f"these {type(self).__name__} do not belong to a Declaration")
        return found

    def _kept(self: _C, records: Iterable[Any]) -> _C:
        """*records* as a collection of this type, from the same declaration."""
        return type(self)(records, self.__dict__["_declaration"])

    @overload
    def __getitem__(self, index: SupportsIndex) -> _R: ...
    @overload
    def __getitem__(self, index: slice) -> Records[_R]: ...
    def __getitem__(self, index: SupportsIndex | slice) -> _R | Records[_R]:
        if isinstance(index, slice):
            return self._kept(super().__getitem__(index))
        return super().__getitem__(index)

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


class Commitments(Records[model.Commitment]):
    """The commitments, in document order; call it to filter them."""

    record_class = model.Commitment

    def __call__(
        self,
        *,
        topic: Criterion[str | model.Topic] | None = None,
        party: Criterion[str | model.Party] | None = None,
        modality: Criterion[str | model.Modality] | None = None,
        mentions: Criterion[str | model.Agreement | model.Organization | model.Place | model.Person]
        | None = None,
        text: Criterion[str] | None = None,
    ) -> Commitments:
        """The commitments that match every criterion given, in document order.

        Args:
            topic: a topic or category id (``"energy"``, ``"defense-and-security"``) or a
                [`Topic`][shusha_decl.Topic]; a category matches all its topics.
            party: a party, by anything [`Declaration.lookup`][shusha_decl.Declaration.lookup] resolves
                (``"AZ"``, ``"Türkiye"``); matches the commitments it makes (``actors``).
            modality: a [`Modality`][shusha_decl.Modality] or its value (``"undertaking"``).
            mentions: an agreement, organisation, place or person, by anything ``lookup`` resolves.
            text: a substring of the commitment's text, ignoring case and diacritics.

        Each criterion takes one value or an iterable of values (matching any of them).

        Raises:
            UnknownNameError: (a ``ValueError``) a value names nothing; the message lists the valid values.
        """
        decl = self.declaration
        found: Iterable[model.Commitment] = self
        if topic is not None:
            about = decl._commitments_about(topic)
            found = [c for c in found if c.id in about]
        if party is not None:
            parties = {decl._lookup_as(model.Party, value).id for value in _values(party)}
            found = [c for c in found if not parties.isdisjoint(c.actors)]
        if modality is not None:
            modalities = {_member(model.Modality, value, "modality") for value in _values(modality)}
            found = [c for c in found if c.modality in modalities]
        if mentions is not None:
            named = {decl._lookup_as(_MENTIONABLE, value).id for value in _values(mentions)}
            found = [c for c in found if not named.isdisjoint(c.mentions)]
        if text is not None:
            needles = [fold(_string(value, "text")) for value in _values(text)]
            found = [c for c in found if any(n in fold(c.text) for n in needles)]
        return self._kept(found)


class Agreements(Records[model.Agreement]):
    """The agreements the declaration refers to, in the edition's order; call it to filter them."""

    record_class = model.Agreement

    def __call__(
        self,
        *,
        kind: Criterion[str | model.AgreementKind] | None = None,
        signed_after: Day | None = None,
        signed_before: Day | None = None,
        mentions: Criterion[str | model.Unit | model.Commitment] | None = None,
    ) -> Agreements:
        """The agreements that match every criterion given, in the edition's order.

        Args:
            kind: an [`AgreementKind`][shusha_decl.AgreementKind] or its value (``"treaty"``).
            signed_after: a date (or ``"YYYY-MM-DD"``); keeps agreements signed strictly after it.
            signed_before: a date (or ``"YYYY-MM-DD"``); keeps agreements signed strictly before it.
                Agreements whose date is unknown never match a date criterion.
            mentions: text units or commitments (records or ids, e.g. ``"para_9"``); keeps the
                agreements they mention.

        Raises:
            UnknownNameError: (a ``ValueError``) a value names nothing; the message lists the valid values.
        """
        found: Iterable[model.Agreement] = self
        if kind is not None:
            kinds = {_member(model.AgreementKind, value, "agreement kind") for value in _values(kind)}
            found = [a for a in found if a.kind in kinds]
        if signed_after is not None:
            after = _day(signed_after, "signed_after")
            found = [a for a in found if a.signed_on is not None and a.signed_on > after]
        if signed_before is not None:
            before = _day(signed_before, "signed_before")
            found = [a for a in found if a.signed_on is not None and a.signed_on < before]
        if mentions is not None:
            found = list(filter(self.declaration._mentioned_in(mentions), found))
        return self._kept(found)


class Organizations(Records[model.Organization]):
    """The organisations the declaration names, in the edition's order; call it to filter them."""

    record_class = model.Organization

    def __call__(
        self,
        *,
        kind: Criterion[str | model.OrganizationKind] | None = None,
        mentions: Criterion[str | model.Unit | model.Commitment] | None = None,
    ) -> Organizations:
        """The organisations that match every criterion given, in the edition's order.

        Args:
            kind: an [`OrganizationKind`][shusha_decl.OrganizationKind] or its value
                (``"intergovernmental"``).
            mentions: text units or commitments (records or ids, e.g. ``"para_32"``); keeps the
                organisations they mention.

        Raises:
            UnknownNameError: (a ``ValueError``) a value names nothing; the message lists the valid values.
        """
        found: Iterable[model.Organization] = self
        if kind is not None:
            kinds = {_member(model.OrganizationKind, value, "organization kind") for value in _values(kind)}
            found = [o for o in found if o.kind in kinds]
        if mentions is not None:
            found = list(filter(self.declaration._mentioned_in(mentions), found))
        return self._kept(found)


class Events(Records[model.Event]):
    """The declaration's history, in date order; call it to filter it."""

    record_class = model.Event

    def __call__(
        self,
        *,
        after: Day | None = None,
        before: Day | None = None,
        concerns: Criterion[str | model.Record | Declaration] | None = None,
    ) -> Events:
        """The events that match every criterion given, in date order.

        Args:
            after: a date (or ``"YYYY-MM-DD"``); keeps events that certainly happened after it
                (every day the date or its readings allow is later).
            before: a date (or ``"YYYY-MM-DD"``); keeps events that certainly happened before it.
                Events with an unknown date never match a date criterion.
            concerns: records, by id or by anything [`Declaration.lookup`][shusha_decl.Declaration.lookup]
                resolves, or the declaration (or its id); keeps the events that concern any of them.

        Raises:
            UnknownNameError: (a ``ValueError``) a value names nothing.
        """
        decl = self.declaration
        found: Iterable[model.Event] = self
        if after is not None:
            start = _day(after, "after")
            found = [e for e in found if (span := decl._spans[e.id]) is not None and span[0] > start]
        if before is not None:
            end = _day(before, "before")
            found = [e for e in found if (span := decl._spans[e.id]) is not None and span[1] < end]
        if concerns is not None:
            wanted = {decl._record_id(value) for value in _values(concerns)}
            found = [e for e in found if not wanted.isdisjoint(e.concerns)]
        return self._kept(found)


class Claims(Records[model.Claim]):
    """The press claims about the declaration's content, checked against the text; call it to filter them."""

    record_class = model.Claim

    def __call__(
        self,
        *,
        status: Criterion[str | model.ClaimStatus] | None = None,
        source: Criterion[str | model.Source] | None = None,
    ) -> Claims:
        """The claims that match every criterion given, in the order of their sources.

        Args:
            status: a [`ClaimStatus`][shusha_decl.ClaimStatus] or its value (``"not-in-text"``).
            source: a source, or its id (``"social-post-2021-06-15"``).

        Raises:
            UnknownNameError: (a ``ValueError``) a value names nothing; the message lists the valid values.
        """
        found: Iterable[model.Claim] = self
        if status is not None:
            statuses = {_member(model.ClaimStatus, value, "claim status") for value in _values(status)}
            found = [c for c in found if c.status in statuses]
        if source is not None:
            cited = set(self.declaration.claims.cited)
            sources = {v.id if isinstance(v, model.Source) else _id_in(v, cited) for v in _values(source)}
            unknown = sorted(map(repr, sources - cited))
            if unknown:
                valid = ", ".join(self.declaration.claims.cited)
                raise UnknownNameError(f"no claim cites the source {unknown[0]}; sources of claims: {valid}")
            found = [c for c in found if c.source in sources]
        return self._kept(found)

    @property
    def cited(self) -> tuple[str, ...]:
        """The ids of the sources these claims cite, sorted: the values ``source`` accepts."""
        return tuple(sorted({c.source for c in self}))


class TranslationNotes(Records[model.TranslationNote]):
    """Where other-language texts say something the English does not; call it to filter them."""

    record_class = model.TranslationNote

    def __call__(
        self,
        *,
        unit: Criterion[str | model.Unit | model.Commitment] | None = None,
        language: Criterion[str] | None = None,
    ) -> TranslationNotes:
        """The notes that match every criterion given, in the edition's order.

        Args:
            unit: a text unit or its id (``"para_9"``), or a commitment, which stands for its paragraph;
                keeps the notes on it.
            language: an ISO 639-1 code (``"az"``, ``"tr"``, ``"ru"``).

        Raises:
            UnknownNameError: (a ``ValueError``) a unit id names no text unit or commitment.
        """
        decl = self.declaration
        found: Iterable[model.TranslationNote] = self
        if unit is not None:
            records = [decl._text_record(value) for value in _values(unit)]
            units = {r.provision if isinstance(r, model.Commitment) else r.id for r in records}
            found = [n for n in found if n.unit in units]
        if language is not None:
            languages = {fold(_string(value, "language")) for value in _values(language)}
            found = [n for n in found if n.language in languages]
        return self._kept(found)


def _title_records(titles: Iterable[model.Title]) -> tuple[model.Title, ...]:
    return titles.records if isinstance(titles, Titles) else tuple(titles)


def _by_language(titles: Titles) -> dict[str, model.Title]:
    found: dict[str, model.Title] = {}
    for title in titles.records:
        found.setdefault(title.language, title)  # the first, should two share a language
    return found


@frozen(repr=False)
class Titles(Mapping[str, model.Title]):
    """The declaration's titles by language code (``"en"``, ``"az"``, ``"tr"``, ``"ru"``); immutable.

    ``records`` holds every title in order, even two in one language (which an edition may not have).
    """

    records: tuple[model.Title, ...] = field(converter=_title_records)
    _by_language: dict[str, model.Title] = field(
        init=False, eq=False, repr=False, default=attrs.Factory(_by_language, takes_self=True)
    )

    def __getitem__(self, language: str) -> model.Title:
        return self._by_language[language]

    def __iter__(self) -> Iterator[str]:
        return (title.language for title in self.records)

    def __len__(self) -> int:
        return len(self.records)

    def __repr__(self) -> str:
        return f"Titles({dict(self)!r})"

    def _repr_html_(self) -> str:
        return html_table(self.records, "Titles")


# -- text search ------------------------------------------------------------------------------------------


@frozen
class TextMatch:
    """A text unit where [`Declaration.search`][shusha_decl.Declaration.search] found the words.

    ``spans`` are the ``(start, end)`` character offsets of each occurrence in ``unit.text``.
    """

    unit: model.Unit
    spans: tuple[tuple[int, int], ...]

    @property
    def id(self) -> str:
        """The unit's id, by which the match is listed."""
        return self.unit.id

    def _repr_html_(self) -> str:
        return match_html(self)


class TextMatches(Records[TextMatch]):
    """The results of [`Declaration.search`][shusha_decl.Declaration.search], ranked.

    In a notebook they show as a table of the units, how many matches each has and its text with the
    matches marked.
    """

    record_class = TextMatch

    def _repr_html_(self) -> str:
        return matches_html(self, type(self).__name__)


class Entities(Records[model.Entity]):
    """Parties and entities of several kinds, such as the results of
    [`Declaration.search_names`][shusha_decl.Declaration.search_names].

    In a notebook they show as a table of their ids, kinds (record classes) and names.
    """

    def _repr_html_(self) -> str:
        return entities_html(self, type(self).__name__)


# -- the declaration ------------------------------------------------------------------------------------

_COUNTED = (
    "preamble", "provisions", "commitments", "agreements", "organizations", "events", "claims",
    "translation_notes",
)  # fmt: skip
_MENTIONABLE = (model.Agreement, model.Organization, model.Place, model.Person)


@frozen(repr=False)
class Declaration:
    """The Shusha Declaration: its metadata, its text in units, the coding and the entities it names.

    Get the packaged edition with [`shusha_decl.declaration`][shusha_decl.declaration]; build one from files
    with [`shusha_decl.load`][shusha_decl.load].  Text units are in document order; ``signed_at`` and
    ``text_source`` are ids (of a place and a source).  The constructor binds each collection to the new
    declaration and builds the lookup tables that [`get`][shusha_decl.Declaration.get],
    [`lookup`][shusha_decl.Declaration.lookup] and the filters use.
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
    translation_notes: TranslationNotes = field(converter=TranslationNotes)
    comparisons: Records[model.Comparison] = field(converter=Records)
    second_coding: model.SecondCoding
    # Lookup tables, made from the fields above by __attrs_post_init__.
    _by_id: dict[str, model.Record] = field(init=False, eq=False)
    _by_name: dict[str, model.Entity] = field(init=False, eq=False)
    _by_topic: dict[str, frozenset[str]] = field(init=False, eq=False)
    _spans: dict[str, tuple[date, date] | None] = field(init=False, eq=False)

    def __attrs_post_init__(self) -> None:
        # attrs' way to set a frozen instance's attributes while it is being made.
        set_field = object.__setattr__
        for a in attrs.fields(Declaration):
            value = getattr(self, a.name) if a.init else None
            if isinstance(value, Records):
                set_field(self, a.name, type(value)(value, self))
        by_id: dict[str, model.Record] = {}
        for record in self.records():
            by_id.setdefault(record.id, record)
        by_name: dict[str, model.Entity] = {}
        for entity in self.entities():
            for name in names_of(entity):
                by_name.setdefault(fold(name), entity)
        # Each topic or category, with the ids of the commitments coded with it or with its topics.
        category = {topic.id: topic.category for topic in self.topics}
        coded: dict[str, set[str]] = {topic.id: set() for topic in self.topics}
        for commitment in self.commitments:
            for topic_id in commitment.topics:
                for key in (topic_id, category.get(topic_id)):
                    if key in coded:
                        coded[key].add(commitment.id)
        by_topic = {key: frozenset(ids) for key, ids in coded.items()}
        set_field(self, "_by_id", by_id)
        set_field(self, "_by_name", by_name)
        set_field(self, "_by_topic", by_topic)
        set_field(self, "_spans", {event.id: event.span() for event in self.events})

    def __reduce__(self) -> tuple[type[Declaration], tuple[Any, ...]]:
        # Rebuilt through the constructor; the collections go as plain tuples (bound, they would
        # carry this declaration inside its own arguments).
        fields = (getattr(self, a.name) for a in attrs.fields(Declaration) if a.init)
        return (Declaration, tuple(tuple(v) if isinstance(v, Records) else v for v in fields))

    def __repr__(self) -> str:
        return (
            f"<Declaration {self.short_title!r}, signed {self.signed_on.isoformat()}: "
            f"{len(self.preamble)} recitals, {len(self.provisions)} paragraphs, "
            f"{len(self.commitments)} commitments>"
        )

    def _repr_html_(self) -> str:
        place = self._by_id.get(self.signed_at)
        rows = [
            ("signed", f"{self.signed_on.isoformat()}, {getattr(place, 'name', self.signed_at)}"),
            ("parties", ", ".join(f"{p.name} ({p.id})" for p in self.parties)),
            ("authentic languages", ", ".join(self.authentic_languages)),
            ("text", f"{self.text_language}, from {self.text_source}"),
            *((name, str(len(getattr(self, name)))) for name in _COUNTED),
        ]
        return summary_html(self.title, rows)

    @property
    def units(self) -> Records[model.Unit]:
        """Every text unit in document order: opening formula, recitals, paragraphs, final clause."""
        return Records((self.opening_formula, *self.preamble, *self.provisions, self.final_clause), self)

    @property
    def text(self) -> str:
        """The whole text as edited, one unit per paragraph, units separated by a blank line."""
        return "\n\n".join(unit.text for unit in self.units)

    def search(self, words: str, *, substring: bool = False) -> TextMatches:
        """The text units where *words* occur, ignoring case and diacritics, most occurrences first.

        Only whole words match (``"art"`` is not found in ``"parties"``) unless *substring* is true.
        Units with as many occurrences keep their document order.
        """
        found = [
            TextMatch(unit, tuple(find_all(unit.text, words, substring=substring))) for unit in self.units
        ]
        return TextMatches(sorted((m for m in found if m.spans), key=lambda m: -len(m.spans)), self)

    def entities(self) -> Iterator[model.Entity]:
        """Every record that [`lookup`][shusha_decl.Declaration.lookup] finds.

        These are the parties, agreements, organisations, places and persons.
        """
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
        yield from self.titles.records
        yield from self.events
        yield from self.claims
        yield from self.translation_notes
        yield from self.comparisons

    def get(self, record_id: str) -> model.Record:
        """The record with this id, of any kind.

        Raises:
            KeyError: no record has this id (the message lists close ids).
        """
        try:
            return self._by_id[record_id]
        except (KeyError, TypeError):
            close = _close(str(record_id), self._by_id)
            hint = f"; close ids: {', '.join(close)}" if close else ""
            raise KeyError(f"no record with id {record_id!r}{hint}") from None

    def lookup(self, name: str | model.Entity) -> model.Entity:
        """The party or entity known by *name*: id, name, acronym, alias, or former or later name.

        Case and diacritics are ignored, so ``"turkiye"``, ``"Türkiye"`` and ``"TR"``
        all give the Republic of Turkey.  A record of this edition is returned as it is.

        Raises:
            UnknownNameError: (a ``LookupError``) nothing has this name; the message lists the best
                candidates of [`search_names`][shusha_decl.Declaration.search_names].
        """
        if not isinstance(name, str):
            if self._by_id.get(name.id) == name:
                return name
            raise UnknownNameError(f"{name!r} is not a record of this edition")
        try:
            return self._by_name[fold(name)]
        except KeyError:
            raise UnknownNameError(f"no entity or party is named {name!r}{self._candidates(name)}") from None

    def search_names(
        self, query: str, *, kind: type[model.Entity] | tuple[type[model.Entity], ...] | None = None
    ) -> Entities:
        """The parties and entities whose names match *query*, best match first.

        Every name an entity answers to in [`lookup`][shusha_decl.Declaration.lookup] is searched (id,
        name, short name, aliases, acronyms, former and later names), ignoring case and diacritics.
        An entity ranks by its best-matching name, in this order:

        1. the name is the query;
        2. the name starts with the query;
        3. a word of the name is the query;
        4. a word of the name starts with the query;
        5. the name contains the query;
        6. the name or one of its words is close to the query (a `difflib` ratio of at least 0.75).

        Within a rank, the closer name (by that ratio) comes first, then the edition's order.
        A query that matches nothing, or a blank one, gives an empty collection.

        Args:
            query: a name or part of one (``"aliyev"``, ``"kars"``, ``"turkic"``).
            kind: keep only entities of this record class, or of these classes
                (``shusha_decl.Person``, ``(shusha_decl.Agreement, shusha_decl.Place)``).
        """
        needle = fold(_string(query, "query"))
        if not needle:
            return Entities((), self)
        ranked = []
        for position, entity in enumerate(self.entities()):
            if kind is None or isinstance(entity, kind):
                ranks = [r for name in names_of(entity) if (r := _name_rank(needle, fold(name))) is not None]
                if ranks:
                    ranked.append((min(ranks), position, entity))
        return Entities((entity for _, _, entity in sorted(ranked, key=lambda r: r[:2])), self)

    # -- resolving criteria (for the filters above) --------------------------------------------------

    def _candidates(
        self, name: str, kind: type[model.Entity] | tuple[type[model.Entity], ...] | None = None
    ) -> str:
        """The best five matches of *name* (of *kind*) in a message: ``" (did you mean ...?)"`` or ``""``."""
        found = self.search_names(name, kind=kind)[:5]
        listed = ", ".join(f"{entity.name!r} ({entity.id})" for entity in found)
        return f" (did you mean {listed}?)" if found else ""

    def _lookup_as(
        self, kinds: type[model.Entity] | tuple[type[model.Entity], ...], value: object
    ) -> model.Entity:
        """The entity of one of *kinds* that *value* (a name or a record) names.

        A miss is explained with names of the kind asked for, not of any entity.
        """
        if kinds is model.Party:
            what = "a party"
            valid = " and ".join(f"{p.name} ({p.id})" for p in self.parties)
            listing = f"; the declaration has only {len(self.parties)} parties: {valid}"
        else:
            what = "an agreement, organisation, place or person"
            listing = "; shusha_decl.search_names() finds them by part of a name"
        if not isinstance(value, (str, *_ENTITIES)):
            raise TypeError(f"expected the name of {what}, or the record, not {value!r}")
        try:
            found = self.lookup(value)
        except UnknownNameError:
            hint = self._candidates(value, kinds) if isinstance(value, str) else ""
            raise UnknownNameError(
                f"{value!r} names no {what[what.index(' ') + 1 :]}{hint}{listing}"
            ) from None
        if not isinstance(found, kinds):
            raise UnknownNameError(f"{value!r} is a {type(found).__name__}, not {what}{listing}")
        return found

    def _commitments_about(self, criterion: object) -> frozenset[str]:
        """The ids of the commitments coded with the topics (or categories) that *criterion* names."""
        found = []
        for value in _values(criterion):
            key = value.id if isinstance(value, model.Topic) else _id_in(value, self._by_topic)
            try:
                found.append(self._by_topic[key])  # type: ignore[index]
            except (KeyError, TypeError):
                raise UnknownNameError(
                    f"unknown topic {key!r}{_suggest(str(key), self._by_topic)}; "
                    f"valid topics: {', '.join(self._by_topic)}"
                ) from None
        return found[0] if len(found) == 1 else found[0].union(*found[1:])

    def _text_record(self, value: object) -> model.Unit | model.Commitment:
        """The text unit or commitment that *value* (a record or its id) names."""
        texts = (model.Unit, model.Commitment)
        key = value.id if isinstance(value, texts) else _id_in(value, self._by_id)
        record = self._by_id.get(key) if isinstance(key, str) else None
        if isinstance(record, texts):
            return record
        ids = [i for i, r in self._by_id.items() if isinstance(r, texts)]
        raise UnknownNameError(
            f"{value!r} is not the id of a text unit or commitment{_suggest(str(key), ids)}"
        )

    def _mentioned_in(self, criterion: object) -> Callable[[model.Agreement | model.Organization], bool]:
        """A test for entities named in the given units, or in the given commitments' sentences."""
        units: set[str] = set()
        named: set[str] = set()
        for value in _values(criterion):
            record = self._text_record(value)
            if isinstance(record, model.Commitment):
                named.update(record.mentions)
            else:
                units.add(record.id)
        return lambda e: e.id in named or not units.isdisjoint(e.mentioned_in)

    def _record_id(self, value: object) -> str:
        """The id of the record (or the declaration) that *value* is, has as its id, or names."""
        key = _id_in(getattr(value, "id", value), (*self._by_id, self.id))
        if key == self.id or (isinstance(key, str) and key in self._by_id):
            return str(key)
        if isinstance(value, str):
            return self.lookup(value).id
        raise UnknownNameError(f"{value!r} is not a record of this edition")


_ENTITIES = (model.Party, *_MENTIONABLE)


# -- reading criteria ------------------------------------------------------------------------------------


def _values(criterion: object) -> tuple[object, ...]:
    """One value or an iterable of values, as a tuple; a string is one value."""
    if isinstance(criterion, (str, enum.Enum, date)) or not isinstance(criterion, Iterable):
        return (criterion,)
    values = tuple(criterion)
    if not values:
        raise ValueError("an empty collection matches nothing; pass None to match everything")
    return values


def _member(kind: type[_E], value: object, what: str) -> _E:
    """The member of the enum *kind* that *value* is or names (by value or name, any case)."""
    if isinstance(value, kind):
        return value
    if isinstance(value, str):
        for member in kind:
            if fold(value) in (member.value, fold(member.name)):
                return member
    valid = ", ".join(repr(m.value) for m in kind)
    raise UnknownNameError(f"unknown {what} {value!r}; valid values: {valid}")


def _id_in(value: object, ids: Collection[str]) -> object:
    """The one of *ids* that the string *value* names, ignoring case and diacritics as enum values do.

    Anything else is returned unchanged, for the caller to report.
    """
    if isinstance(value, str) and value not in ids:
        key = fold(value)
        for known in ids:
            if fold(known) == key:
                return known
    return value


def _day(value: object, what: str) -> date:
    if isinstance(value, datetime):  # a datetime is a date, but does not compare with one
        return value.date()
    if isinstance(value, date):
        return value
    if isinstance(value, str) and _ISO_DAY.fullmatch(value):
        try:
            return date.fromisoformat(value)
        except ValueError as exc:
            raise ValueError(f"{what}: impossible date {value!r}: {exc}") from None
    raise ValueError(f"{what} must be a date or a YYYY-MM-DD string, not {value!r}")


def _string(value: object, what: str) -> str:
    if not isinstance(value, str):
        raise TypeError(f"{what} must be a string, not {value!r}")
    return value


def _close(word: str, choices: Iterable[str]) -> list[str]:
    """Up to five of *choices* close to *word*; difflib is imported only when a name is not found."""
    from difflib import get_close_matches

    return get_close_matches(word, choices, n=5, cutoff=0.6)


_WORD = re.compile(r"[^\W_]+")


def _name_rank(query: str, name: str) -> tuple[int, float] | None:
    """How well the folded *name* matches the folded *query*, as (rank, minus the difflib ratio); lower is
    better.  The ranks are those of [`search_names`][shusha_decl.Declaration.search_names], from 0;
    ``None`` is no match.
    """
    from difflib import SequenceMatcher

    words = _WORD.findall(name)
    ratio = max(SequenceMatcher(None, query, text).ratio() for text in (name, *words))
    tests = (
        name == query,
        name.startswith(query),
        query in words,
        any(word.startswith(query) for word in words),
        query in name,
        ratio >= 0.75,
    )
    return next(((rank, -ratio) for rank, holds in enumerate(tests) if holds), None)


def _suggest(word: str, choices: Iterable[str]) -> str:
    close = _close(fold(word), {fold(c): c for c in choices})
    return f" (did you mean {', '.join(map(repr, close))}?)" if close else ""
