"""The records of the edition: frozen, slotted, hashable attrs classes.

Records sort by ``id``; equality and hashing use every field.  attrs makes
each class (``__init__``, slots, immutability, ``attrs.fields``); equality,
hashing, ordering and ``repr`` come from :class:`Value` and
:class:`OrderedValue`, written once over the attrs fields instead of
compiled again for every class, which halves the cost of creating the
classes on the first :func:`shusha_decl.declaration` call.

Every record has an ``id`` unique across the whole edition.  Records refer to
one another by id (``Commitment.provision``, ``Quote.speaker``, ``mentions``),
never by embedding, so each fact is stored once.  Dates are
:class:`datetime.date`, or :class:`PartialDate` where a source gives only a
year or a month; an unknown value is ``None``.

This module imports nothing but the standard library and attrs, so that
``import shusha_decl`` stays cheap.
"""

from __future__ import annotations

import enum
import operator
import re
from collections.abc import Callable
from datetime import date, timedelta
from typing import TYPE_CHECKING, Any, ClassVar, TypeVar

from attrs import field, frozen

if TYPE_CHECKING:
    from attrs import Attribute

from .display import short_repr, unit_html

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
    "Signatory",
    "Source",
    "SourceKind",
    "Title",
    "Topic",
    "Unit",
    "UnitKind",
    "Value",
]


class Modality(str, enum.Enum):
    """How binding a commitment is; the decision rules are in the codebook."""

    UNDERTAKING = "undertaking"
    ENDEAVOUR = "endeavour"
    DECLARATION = "declaration"


class UnitKind(str, enum.Enum):
    """The place of a text unit in the document's structure."""

    FORMULA = "formula"
    RECITAL = "recital"
    PARAGRAPH = "paragraph"
    CONCLUSIONS = "conclusions"


class EditKind(str, enum.Enum):
    """The kinds of editorial fix made to the extracted source text."""

    LIST_MARKER = "list-marker"
    LINE_JOIN = "line-join"
    SPACE = "space"


class AgreementKind(str, enum.Enum):
    TREATY = "treaty"
    PROTOCOL = "protocol"
    AGREEMENT = "agreement"
    MEMORANDUM = "memorandum"
    CHARTER = "charter"


class OrganizationKind(str, enum.Enum):
    INTERGOVERNMENTAL = "intergovernmental"
    BILATERAL = "bilateral"
    NATIONAL = "national"


class PlaceKind(str, enum.Enum):
    CITY = "city"
    REGION = "region"
    COUNTRY = "country"
    TRANSPORT_CORRIDOR = "transport-corridor"
    RAILWAY = "railway"
    ENERGY_CORRIDOR = "energy-corridor"


class QuoteKind(str, enum.Enum):
    STATEMENT = "statement"
    SLOGAN = "slogan"


class ClaimStatus(str, enum.Enum):
    """How a press claim about the declaration's content compares with its text."""

    SUPPORTED = "supported"
    PARTLY_SUPPORTED = "partly-supported"
    NOT_IN_TEXT = "not-in-text"


class Confidence(str, enum.Enum):
    HIGH = "high"
    MEDIUM = "medium"
    LOW = "low"


class SourceKind(str, enum.Enum):
    FULL_TEXT = "full-text"
    NEWS = "news"
    COMMENTARY = "commentary"
    SOCIAL_POST = "social-post"
    OFFICIAL = "official"
    REFERENCE = "reference"


_Key = Callable[[Any], tuple[Any, ...]]


class _FieldsKey:
    """A class attribute: the function that gives the values of the fields with *flag* true, as a tuple.

    Made from the class's ``__attrs_attrs__`` on first use and then stored on
    the class in its place, so that later uses are a plain attribute lookup.
    """

    def __init__(self, flag: str, name: str) -> None:
        self.flag, self.name = flag, name

    def __get__(self, instance: object, owner: type[Value]) -> _Key:
        names = tuple(a.name for a in owner.__attrs_attrs__ if getattr(a, self.flag))
        key: _Key
        if len(names) > 1:
            key = operator.attrgetter(*names)  # builds the tuple in C
        elif names:
            get = operator.attrgetter(*names)
            key = lambda value: (get(value),)  # noqa: E731
        else:
            key = lambda value: ()  # noqa: E731
        setattr(owner, self.name, staticmethod(key))
        return key


class Value:
    """The base of the records: equality, hashing and ``repr`` over the attrs fields, as attrs generates them.

    attrs compiles these methods anew for each class it decorates; the
    records, decorated with ``@frozen(eq=False, repr=False)``, share these
    instead.  Two values are equal when they are of the same class and their
    fields compare equal (fields made with ``eq=False`` take no part, in
    hashing either); ``repr`` shows the fields made with ``repr`` true,
    through a field's own ``repr`` callable where it has one.  Comparison keys
    (``field(eq=callable)``) are not supported.
    """

    __slots__ = ()
    _eq_key: ClassVar[_Key]
    if TYPE_CHECKING:  # set by attrs on each subclass; not an annotation at run time (get_type_hints)
        __attrs_attrs__: ClassVar[tuple[Attribute[Any], ...]]

    def __init_subclass__(cls, **kwargs: Any) -> None:
        super().__init_subclass__(**kwargs)
        cls._eq_key = _FieldsKey("eq", "_eq_key")  # type: ignore[assignment]  # becomes a _Key on first use

    def __eq__(self, other: object) -> bool:
        if other.__class__ is not self.__class__:
            return NotImplemented
        return self.__class__._eq_key(self) == self.__class__._eq_key(other)

    def __hash__(self) -> int:
        return hash((self.__class__.__qualname__, self.__class__._eq_key(self)))

    def __repr__(self) -> str:
        shown = (
            f"{a.name}={(a.repr if callable(a.repr) else repr)(getattr(self, a.name))}"
            for a in self.__attrs_attrs__
            if a.repr
        )
        return f"{self.__class__.__qualname__.rsplit('>.', 1)[-1]}({', '.join(shown)})"


_O = TypeVar("_O", bound="OrderedValue")


class OrderedValue(Value):
    """A :class:`Value` that sorts by its fields made with ``order`` true (for records, the ``id``)."""

    __slots__ = ()
    _order_key: ClassVar[_Key]

    def __init_subclass__(cls, **kwargs: Any) -> None:
        super().__init_subclass__(**kwargs)
        cls._order_key = _FieldsKey("order", "_order_key")  # type: ignore[assignment]

    def __lt__(self: _O, other: _O) -> bool:
        if other.__class__ is not self.__class__:
            return NotImplemented
        return self.__class__._order_key(self) < self.__class__._order_key(other)

    def __le__(self: _O, other: _O) -> bool:
        if other.__class__ is not self.__class__:
            return NotImplemented
        return self.__class__._order_key(self) <= self.__class__._order_key(other)

    def __gt__(self: _O, other: _O) -> bool:
        if other.__class__ is not self.__class__:
            return NotImplemented
        return self.__class__._order_key(self) > self.__class__._order_key(other)

    def __ge__(self: _O, other: _O) -> bool:
        if other.__class__ is not self.__class__:
            return NotImplemented
        return self.__class__._order_key(self) >= self.__class__._order_key(other)


_Day = date  # for annotations inside classes that have a field called ``date``
_PARTIAL_DATE = re.compile(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?")


@frozen(eq=False, repr=False)
class PartialDate(OrderedValue):
    """A date known to the year, the month or the day (``"2022"``, ``"2022-02"``, ``"2022-02-01"``)."""

    year: int
    month: int | None = None
    day: int | None = None

    def __attrs_post_init__(self) -> None:
        if self.day is not None and self.month is None:
            raise ValueError("a day needs a month")
        # Raises ValueError for an impossible month or day.
        date(self.year, self.month or 1, self.day or 1)

    @classmethod
    def fromisoformat(cls, text: str) -> PartialDate:
        """Parse ``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD``."""
        match = _PARTIAL_DATE.fullmatch(text)
        if match is None:
            raise ValueError(f"not a date of the form YYYY, YYYY-MM or YYYY-MM-DD: {text!r}")
        year, month, day = (int(g) if g else None for g in match.groups())
        assert year is not None
        return cls(year, month, day)

    @property
    def precision(self) -> str:
        """``"day"``, ``"month"`` or ``"year"``."""
        if self.day is not None:
            return "day"
        return "month" if self.month is not None else "year"

    def first_day(self) -> date:
        """The earliest day the date allows."""
        return date(self.year, self.month or 1, self.day or 1)

    def last_day(self) -> date:
        """The latest day the date allows."""
        if self.day is not None:
            return self.first_day()
        if self.month is None or self.month == 12:
            return date(self.year, 12, 31)
        return date(self.year, self.month + 1, 1) - timedelta(days=1)

    def isoformat(self) -> str:
        parts = [f"{self.year:04d}", *(f"{p:02d}" for p in (self.month, self.day) if p is not None)]
        return "-".join(parts)

    def __str__(self) -> str:
        return self.isoformat()


@frozen(eq=False, repr=False)
class Unit(OrderedValue):
    """A unit of the declaration's text: the opening formula, a recital, a paragraph or the conclusions.

    ``id`` follows the Akoma Ntoso eId convention (``preamble__recs__rec_3``,
    ``para_9``); ``num`` is the unit's position among units of its kind.
    """

    id: str
    kind: UnitKind = field(order=False)
    num: int = field(order=False)
    text: str = field(order=False, repr=short_repr)

    def _repr_html_(self) -> str:
        return unit_html(self.id, self.text)


@frozen(eq=False, repr=False)
class Edit(OrderedValue):
    """An editorial fix to the extracted source text.

    ``before`` is the source text exactly as received (with enough context to
    be unique in it); ``after`` is what the unit's text has instead.
    """

    id: str
    unit: str = field(order=False)
    kind: EditKind = field(order=False)
    before: str = field(order=False)
    after: str = field(order=False)
    note: str = field(order=False)


@frozen(eq=False, repr=False)
class Party(OrderedValue):
    """A party to the declaration; ``id`` is its ISO 3166-1 alpha-2 code."""

    id: str
    name: str = field(order=False)
    short_name: str = field(order=False)
    cow_code: int = field(order=False)
    aliases: tuple[str, ...] = field(order=False)
    sources: tuple[str, ...] = field(order=False)

    @property
    def code(self) -> str:
        """The ISO 3166-1 alpha-2 code (the same as ``id``)."""
        return self.id


@frozen(eq=False, repr=False)
class Signatory(OrderedValue):
    """Who signed for a party, and where that is reported."""

    id: str
    person: str = field(order=False)
    party: str = field(order=False)
    sources: tuple[str, ...] = field(order=False)


@frozen(eq=False, repr=False)
class Commitment(OrderedValue):
    """One operative sentence of a paragraph, with this project's analytic coding."""

    id: str
    provision: str = field(order=False)
    text: str = field(order=False, repr=short_repr)
    actors: tuple[str, ...] = field(order=False)
    modality: Modality = field(order=False)
    topics: tuple[str, ...] = field(order=False)
    mentions: tuple[str, ...] = field(order=False)


@frozen(eq=False, repr=False)
class Name(OrderedValue):
    """Another name of an organisation; ``date`` is the change (a former name's end, a later name's start)."""

    name: str
    acronym: str | None = field(order=False)
    date: PartialDate | None = field(order=False)
    sources: tuple[str, ...] = field(order=False)


@frozen(eq=False, repr=False)
class Agreement(OrderedValue):
    """An agreement the declaration refers to."""

    id: str
    title: str = field(order=False)
    aliases: tuple[str, ...] = field(order=False)
    kind: AgreementKind = field(order=False)
    signed_on: date | None = field(order=False)
    signed_at: str | None = field(order=False)
    parties: tuple[str, ...] | None = field(order=False)
    mentioned_in: tuple[str, ...] = field(order=False)
    sources: tuple[str, ...] = field(order=False)
    note: str | None = field(order=False)

    @property
    def name(self) -> str:
        """The title (so that every entity has a ``name``)."""
        return self.title


@frozen(eq=False, repr=False)
class Organization(OrderedValue):
    """An organisation or body the declaration names; ``name`` is its name when the declaration was signed."""

    id: str
    name: str = field(order=False)
    acronym: str | None = field(order=False)
    aliases: tuple[str, ...] = field(order=False)
    kind: OrganizationKind = field(order=False)
    founded_on: date | None = field(order=False)
    headquarters: str | None = field(order=False)
    former_names: tuple[Name, ...] = field(order=False)
    later_names: tuple[Name, ...] = field(order=False)
    mentioned_in: tuple[str, ...] = field(order=False)
    sources: tuple[str, ...] = field(order=False)
    note: str | None = field(order=False)


@frozen(eq=False, repr=False)
class Place(OrderedValue):
    """A place, region or infrastructure project the declaration names."""

    id: str
    name: str = field(order=False)
    kind: PlaceKind = field(order=False)
    aliases: tuple[str, ...] = field(order=False)
    mentioned_in: tuple[str, ...] = field(order=False)
    sources: tuple[str, ...] = field(order=False)
    note: str | None = field(order=False)


@frozen(eq=False, repr=False)
class Person(OrderedValue):
    """A person the declaration names, with the roles it gives them."""

    id: str
    name: str = field(order=False)
    aliases: tuple[str, ...] = field(order=False)
    roles: tuple[str, ...] = field(order=False)
    mentioned_in: tuple[str, ...] = field(order=False)
    sources: tuple[str, ...] = field(order=False)


@frozen(eq=False, repr=False)
class Quote(OrderedValue):
    """A quotation in the declaration's text, attributed to ``speaker`` (a person's id)."""

    id: str
    text: str = field(order=False)
    speaker: str = field(order=False)
    unit: str = field(order=False)
    kind: QuoteKind = field(order=False)


@frozen(eq=False, repr=False)
class Topic(OrderedValue):
    """A value of the closed topic vocabulary; ``category`` is ``None`` for the five categories."""

    id: str
    label: str = field(order=False)
    category: str | None = field(order=False)
    definition: str = field(order=False)


@frozen(eq=False, repr=False)
class Source(OrderedValue):
    """A document a fact in the edition comes from.

    ``url`` is given only where the full address is known; otherwise
    ``locator`` holds the site and page as the research notes recorded them.
    A ``publisher`` the document does not name is ``"unknown"``; a title in
    square brackets is supplied by this project.
    """

    id: str
    title: str = field(order=False)
    publisher: str = field(order=False)
    published_on: PartialDate | None = field(order=False)
    url: str | None = field(order=False)
    locator: str | None = field(order=False)
    kind: SourceKind = field(order=False)
    note: str | None = field(order=False)


@frozen(eq=False, repr=False)
class Title(OrderedValue):
    """The declaration's official title in one language (ISO 639-1 code), with where it is attested."""

    id: str
    language: str = field(order=False)
    text: str = field(order=False)
    sources: tuple[str, ...] = field(order=False)


@frozen(eq=False, repr=False)
class DateReading(OrderedValue):
    """One source's reading of a disputed date."""

    date: PartialDate
    sources: tuple[str, ...] = field(order=False)


@frozen(eq=False, repr=False)
class Event(OrderedValue):
    """A dated step in the declaration's history.

    ``date`` is as precise as the sources allow, or ``None`` when it is not
    known.  When sources disagree, ``readings`` holds each reading with its
    sources and ``date`` is what they agree on: February 2022 for a vote that
    sources put on the 1st or the 2nd, ``None`` when they differ by more.
    """

    id: str
    date: PartialDate | None = field(order=False)
    title: str = field(order=False)
    description: str = field(order=False)
    concerns: tuple[str, ...] = field(order=False)
    sources: tuple[str, ...] = field(order=False)
    readings: tuple[DateReading, ...] = field(order=False)

    @property
    def precision(self) -> str | None:
        """``"day"``, ``"month"`` or ``"year"``; ``None`` when the date is unknown."""
        return None if self.date is None else self.date.precision

    @property
    def disputed(self) -> bool:
        """Whether the sources give different dates (see ``readings``)."""
        return len(self.readings) > 1

    def span(self) -> tuple[_Day, _Day] | None:
        """The first and last day the event can have happened on, by its readings or its date."""
        dates = [reading.date for reading in self.readings] or ([self.date] if self.date else [])
        if not dates:
            return None
        return min(d.first_day() for d in dates), max(d.last_day() for d in dates)


@frozen(eq=False, repr=False)
class Claim(OrderedValue):
    """A claim about the declaration's content made in a news source, checked against the text.

    ``evidence`` holds the ids of the units or commitments that support the
    claim (empty when it is not in the text).
    """

    id: str
    text: str = field(order=False)
    made_by: str | None = field(order=False)
    source: str = field(order=False)
    status: ClaimStatus = field(order=False)
    evidence: tuple[str, ...] = field(order=False)
    explanation: str = field(order=False)


@frozen(eq=False, repr=False)
class PartyValue(Value):
    """A party's own value for an alliance variable, where the parties' obligations differ."""

    party: str
    value: int


@frozen(eq=False, repr=False)
class Coding(Value):
    """This project's value for one ATOP variable, with how sure it is and the units it rests on."""

    value: int
    confidence: Confidence
    rationale: str
    evidence: tuple[str, ...]
    per_party: tuple[PartyValue, ...]


@frozen(eq=False, repr=False)
class CowType(Value):
    """The Correlates of War alliance type implied by the coding, and the variable it follows from."""

    type: str
    label: str
    variable: str
    coding: Coding


#: The Correlates of War types, strongest first, with the ATOP variable each follows from.
_COW_TYPES = (
    ("I", "defense pact", "defense"),
    ("II", "neutrality or non-aggression pact", "neutrality"),
    ("II", "neutrality or non-aggression pact", "nonaggression"),
    ("III", "entente", "consultation"),
)


@frozen(eq=False, repr=False)
class Alliance(Value):
    """The declaration coded as an alliance under the ATOP codebook's definitions: this project's coding.

    ATOP v5.1 ends in 2018 and COW v4.1 in 2012; neither contains the declaration, and this is not an
    official ATOP or COW release.  Each attribute is a :class:`Coding`; the codebook explains each value.
    """

    defense: Coding
    defense_conditional: Coding
    offense: Coding
    neutrality: Coding
    nonaggression: Coding
    consultation: Coding
    consultation_conditional: Coding
    milcon: Coding
    milaid: Coding
    intcom: Coding
    base: Coding
    organ: Coding
    nomicoop: Coding
    specthrt: Coding
    asymm: Coding

    def cow_type(self) -> CowType | None:
        """The strongest COW type the coding implies: I defense, II neutrality/non-aggression, III entente."""
        for cow, label, variable in _COW_TYPES:
            coding: Coding = getattr(self, variable)
            if coding.value:
                return CowType(cow, label, variable, coding)
        return None
