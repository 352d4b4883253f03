"""Indexes over an edition, and the filters and lookups built on them.

An edition has one :class:`Index`, whose tables are each built once, on
first use; filters then intersect precomputed sets of positions instead of
scanning records.  Criteria follow one convention: ``None`` means "any", a single
value or a collection of values matches any of them, and several criteria
combine with AND.  A value that names nothing raises
:class:`~shusha_decl.UnknownNameError` (a ``ValueError``) naming the valid
values: a filter never answers a typo with an empty result.
"""

from __future__ import annotations

import enum
import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from datetime import date, datetime
from functools import cached_property
from typing import TYPE_CHECKING, TypeVar

from . import model
from .errors import UnknownNameError
from .text import fold

if TYPE_CHECKING:
    from .edition import Declaration

__all__ = ["Index", "names_of"]


_T = TypeVar("_T")
_E = TypeVar("_E", bound=enum.Enum)
_ISO_DATE = r"\d{4}-\d{2}-\d{2}"  # compiled by re on first use


def names_of(entity: model.Entity) -> tuple[str, ...]:
    """Every name *entity* answers to in :meth:`Index.lookup`: id, names, acronyms, aliases."""
    names = [entity.id, entity.name, *entity.aliases]
    if isinstance(entity, model.Party):
        names.append(entity.short_name)
    elif isinstance(entity, model.Organization):
        acronyms = [entity.acronym] + [other.acronym for other in (*entity.former_names, *entity.later_names)]
        names += [other.name for other in (*entity.former_names, *entity.later_names)]
        names += [acronym for acronym in acronyms if acronym]
    return tuple(names)


def _values(criterion: object) -> tuple[object, ...]:
    """One value or a collection of values, as a tuple; a string is one value."""
    if isinstance(criterion, (str, enum.Enum, date)) or not isinstance(criterion, Iterable):
        return (criterion,)
    values = tuple(criterion)
    if not values:
        raise ValueError("an empty collection matches nothing; pass None to match everything")
    return values


def _close(word: str, choices: Iterable[str]) -> list[str]:
    """Up to five of *choices* close to *word*; difflib is imported only when a name is not found."""
    from difflib import get_close_matches

    return get_close_matches(word, choices, n=5, cutoff=0.6)


def _suggest(word: str, choices: Iterable[str]) -> str:
    close = _close(fold(word), {fold(c): c for c in choices})
    return f" (did you mean {', '.join(map(repr, close))}?)" if close else ""


def _enum(kind: type[_E], value: object, what: str) -> _E:
    if isinstance(value, kind):
        return value
    if isinstance(value, str):
        for member in kind:
            if fold(value) in (member.value, fold(member.name)):
                return member
    valid = ", ".join(repr(m.value) for m in kind)
    raise UnknownNameError(f"unknown {what} {value!r}; valid values: {valid}")


def _date(value: object, what: str) -> date:
    if isinstance(value, datetime):  # a datetime is a date, but does not compare with one
        return value.date()
    if isinstance(value, date):
        return value
    if isinstance(value, str) and re.fullmatch(_ISO_DATE, value):
        return date.fromisoformat(value)
    raise ValueError(f"{what} must be a date or a YYYY-MM-DD string, not {value!r}")


class Index:
    """Lookup tables for one edition, each built on its first use and kept."""

    def __init__(self, decl: Declaration) -> None:
        #: The edition indexed.
        self.declaration = decl

    @cached_property
    def records(self) -> dict[str, model.Record]:
        records: dict[str, model.Record] = {}
        for record in self.declaration.records():
            records.setdefault(record.id, record)
        return records

    @cached_property
    def names(self) -> dict[str, model.Entity]:
        names: dict[str, model.Entity] = {}
        for entity in self.declaration.entities():
            for name in names_of(entity):
                names.setdefault(fold(name), entity)
        return names

    @cached_property
    def text(self) -> str:
        return "\n\n".join(unit.text for unit in self.declaration.units)

    @cached_property
    def topics(self) -> dict[str, frozenset[str]]:
        """Each topic or category id, with the ids of the topics it covers."""
        topics = self.declaration.topics
        return {
            topic.id: frozenset(t.id for t in topics if topic.id in (t.id, t.category)) for topic in topics
        }

    @cached_property
    def commitment_texts(self) -> tuple[str, ...]:
        return tuple(fold(c.text) for c in self.declaration.commitments)

    @cached_property
    def commitments_by(self) -> dict[str, Mapping[str, frozenset[int]]]:
        """For each criterion, the positions of the commitments that each value matches."""
        commitments = self.declaration.commitments
        by_topic = _positions(commitments, lambda c: c.topics)
        return {
            # A category's commitments are its topics', so that a topic criterion is one lookup.
            "topic": {topic: _union(by_topic, members) for topic, members in self.topics.items()},
            "party": _positions(commitments, lambda c: c.actors),
            "modality": _positions(commitments, lambda c: (c.modality.value,)),
            "mentions": _positions(commitments, lambda c: c.mentions),
        }

    # -- finding records ---------------------------------------------------------------------

    def get(self, record_id: str) -> model.Record:
        try:
            return self.records[record_id]
        except KeyError:
            close = _close(str(record_id), self.records)
            hint = f"; close ids: {', '.join(close)}" if close else ""
            raise KeyError(f"no record with id {record_id!r}{hint}") from None

    def lookup(self, name: str | model.Entity) -> model.Entity:
        if not isinstance(name, str):
            if self.records.get(name.id) == name:
                return name
            raise UnknownNameError(f"{name!r} is not a record of this edition")
        try:
            return self.names[fold(name)]
        except KeyError:
            raise UnknownNameError(
                f"no entity or party is named {name!r}{_suggest(name, self.names)}"
            ) from None

    def _lookup_as(self, kinds: tuple[type, ...], value: object, what: str) -> model.Entity:
        if not isinstance(value, (str, model.Entity)):
            raise TypeError(f"expected the name of {what}, or the record, not {value!r}")
        found = self.lookup(value)
        if not isinstance(found, kinds):
            raise UnknownNameError(f"{value!r} is a {type(found).__name__}, not {what}")
        return found

    # -- resolving criteria to ids ----------------------------------------------------------

    def topic_keys(self, criterion: object) -> list[str]:
        """The ids of the topics or categories named by *criterion*."""
        keys = []
        for value in _values(criterion):
            key = value.id if isinstance(value, model.Topic) else value
            if not isinstance(key, str) or key not in self.topics:
                valid = ", ".join(self.topics)
                raise UnknownNameError(
                    f"unknown topic {key!r}{_suggest(str(key), self.topics)}; valid topics: {valid}"
                )
            keys.append(key)
        return keys

    def party_ids(self, criterion: object) -> frozenset[str]:
        return frozenset(self._lookup_as((model.Party,), v, "a party").id for v in _values(criterion))

    def entity_ids(self, criterion: object) -> frozenset[str]:
        """Ids of the entities named by *criterion*; parties are not mentioned, they act."""
        kinds = (model.Agreement, model.Organization, model.Place, model.Person)
        return frozenset(
            self._lookup_as(kinds, v, "an entity that can be mentioned").id for v in _values(criterion)
        )

    def text_record(self, value: object) -> model.Unit | model.Commitment:
        """The text unit or commitment that *value* (a record or its id) names."""
        texts = (model.Unit, model.Commitment)
        key = value.id if isinstance(value, texts) else value
        record = self.records.get(key) if isinstance(key, str) else None
        if isinstance(record, texts):
            return record
        ids = [i for i, r in self.records.items() if isinstance(r, texts)]
        raise UnknownNameError(
            f"{value!r} is not the id of a text unit or commitment{_suggest(str(key), ids)}"
        )

    # -- filters ----------------------------------------------------------------------------

    def commitments(
        self,
        commitments: Sequence[model.Commitment],
        *,
        topic: object = None,
        party: object = None,
        modality: object = None,
        mentions: object = None,
        text: object = None,
    ) -> tuple[model.Commitment, ...]:
        sets = self.commitments_by
        selected: list[frozenset[int]] = []
        if topic is not None:
            selected.append(_union(sets["topic"], self.topic_keys(topic)))
        if party is not None:
            selected.append(_union(sets["party"], self.party_ids(party)))
        if modality is not None:
            modalities = {_enum(model.Modality, v, "modality").value for v in _values(modality)}
            selected.append(_union(sets["modality"], modalities))
        if mentions is not None:
            selected.append(_union(sets["mentions"], self.entity_ids(mentions)))
        if text is not None:
            needles = [fold(_string(v, "text")) for v in _values(text)]
            texts = self.commitment_texts
            selected.append(frozenset(i for i, t in enumerate(texts) if any(n in t for n in needles)))
        return _select(commitments, selected)

    def agreements(
        self,
        agreements: Sequence[model.Agreement],
        *,
        kind: object = None,
        signed_after: object = None,
        signed_before: object = None,
        mentions: object = None,
    ) -> tuple[model.Agreement, ...]:
        tests: list[Callable[[model.Agreement], bool]] = []
        if kind is not None:
            kinds = {_enum(model.AgreementKind, v, "agreement kind") for v in _values(kind)}
            tests.append(lambda a: a.kind in kinds)
        if signed_after is not None:
            after = _date(signed_after, "signed_after")
            tests.append(lambda a: a.signed_on is not None and a.signed_on > after)
        if signed_before is not None:
            before = _date(signed_before, "signed_before")
            tests.append(lambda a: a.signed_on is not None and a.signed_on < before)
        if mentions is not None:
            tests.append(self._mentioned_in(mentions))
        return _passing(agreements, tests)

    def organizations(
        self, organizations: Sequence[model.Organization], *, kind: object = None, mentions: object = None
    ) -> tuple[model.Organization, ...]:
        tests: list[Callable[[model.Organization], bool]] = []
        if kind is not None:
            kinds = {_enum(model.OrganizationKind, v, "organization kind") for v in _values(kind)}
            tests.append(lambda o: o.kind in kinds)
        if mentions is not None:
            tests.append(self._mentioned_in(mentions))
        return _passing(organizations, tests)

    def events(
        self,
        events: Sequence[model.Event],
        *,
        after: object = None,
        before: object = None,
        concerns: object = None,
    ) -> tuple[model.Event, ...]:
        tests: list[Callable[[model.Event], bool]] = []
        if after is not None:
            start = _date(after, "after")
            tests.append(lambda e: (span := e.span()) is not None and span[0] > start)
        if before is not None:
            end = _date(before, "before")
            tests.append(lambda e: (span := e.span()) is not None and span[1] < end)
        if concerns is not None:
            wanted = {self._record_id(value) for value in _values(concerns)}
            tests.append(lambda e: not wanted.isdisjoint(e.concerns))
        return _passing(events, tests)

    def claims(
        self, claims: Sequence[model.Claim], *, status: object = None, source: object = None
    ) -> tuple[model.Claim, ...]:
        tests: list[Callable[[model.Claim], bool]] = []
        if status is not None:
            statuses = {_enum(model.ClaimStatus, v, "claim status") for v in _values(status)}
            tests.append(lambda c: c.status in statuses)
        if source is not None:
            cited = {c.source for c in claims}
            sources = {v.id if isinstance(v, model.Source) else v for v in _values(source)}
            unknown = sorted(map(repr, sources - cited))
            if unknown:
                valid = ", ".join(sorted(cited))
                raise UnknownNameError(f"no claim cites the source {unknown[0]}; sources of claims: {valid}")
            tests.append(lambda c: c.source in sources)
        return _passing(claims, tests)

    def _record_id(self, value: object) -> str:
        """The id of a record given as a record, an id, the declaration's id or a name ``lookup`` knows."""
        key = getattr(value, "id", value)
        if key == self.declaration.id or (isinstance(key, str) and key in self.records):
            return str(key)
        if isinstance(value, str):
            return self.lookup(value).id
        raise UnknownNameError(f"{value!r} is not a record of this edition")

    def _mentioned_in(self, criterion: object) -> Callable[[model.Agreement | model.Organization], bool]:
        """A test for entities named in the given units, or in the given commitments' sentences."""
        units: set[str] = set()
        named: set[str] = set()
        for value in _values(criterion):
            record = self.text_record(value)
            if isinstance(record, model.Commitment):
                named.update(record.mentions)
            else:
                units.add(record.id)
        return lambda e: e.id in named or not units.isdisjoint(e.mentioned_in)


def _string(value: object, what: str) -> str:
    if not isinstance(value, str):
        raise TypeError(f"{what} must be a string, not {value!r}")
    return value


def _positions(
    records: Sequence[model.Commitment], keys: Callable[[model.Commitment], Iterable[str]]
) -> Mapping[str, frozenset[int]]:
    table: dict[str, set[int]] = {}
    for position, record in enumerate(records):
        for key in keys(record):
            table.setdefault(key, set()).add(position)
    return {key: frozenset(positions) for key, positions in table.items()}


_NONE: frozenset[int] = frozenset()


def _union(table: Mapping[str, frozenset[int]], keys: Iterable[str]) -> frozenset[int]:
    sets = [table.get(key, _NONE) for key in keys]
    return sets[0] if len(sets) == 1 else _NONE.union(*sets)  # one key, the common case: no copy


def _passing(records: Sequence[_T], tests: list[Callable[[_T], bool]]) -> tuple[_T, ...]:
    """The records that pass every test, in order."""
    return tuple(record for record in records if all(test(record) for test in tests))


def _select(records: Sequence[_T], selected: list[frozenset[int]]) -> tuple[_T, ...]:
    if not selected:
        return tuple(records)
    positions = selected[0].intersection(*selected[1:])
    return tuple([records[i] for i in sorted(positions)])
