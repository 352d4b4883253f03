"""The records of the edition: frozen, slotted, hashable attrs classes, and their vocabularies (enums).

Records with an ``id`` sort by it (it is their first field and unique in the edition); equality and hashing
use every field, as attrs makes them.  Records refer to one another by id (``Commitment.provision``,
``Quote.speaker``, ``mentions``), never by embedding, so each fact is stored once.  Dates are `datetime.date`,
or [`PartialDate`][shusha_decl.PartialDate] where a source gives only a year or a month; an unknown value is
``None``.

The classes by concern: the text ([`Unit`][shusha_decl.Unit], [`Edit`][shusha_decl.Edit],
[`Quote`][shusha_decl.Quote], [`Title`][shusha_decl.Title]), this project's coding
([`Commitment`][shusha_decl.Commitment], [`Topic`][shusha_decl.Topic]), the parties and the entities the text
names ([`Party`][shusha_decl.Party], [`Signatory`][shusha_decl.Signatory],
[`Agreement`][shusha_decl.Agreement], [`Organization`][shusha_decl.Organization],
[`Place`][shusha_decl.Place], [`Person`][shusha_decl.Person]), where the facts come from
([`Source`][shusha_decl.Source], [`Event`][shusha_decl.Event], [`Claim`][shusha_decl.Claim]), where the
translation differs from the authentic texts ([`TranslationNote`][shusha_decl.TranslationNote],
[`Comparison`][shusha_decl.Comparison]), and the alliance coding ([`Alliance`][shusha_decl.Alliance]).
"""

from __future__ import annotations

import enum
import re
from collections.abc import Mapping
from datetime import date, timedelta
from typing import Any, Literal, TypeAlias, get_args

import attrs
from attrs import field, frozen

from .display import record_html

_Day = date  # for annotations inside classes that have a field called ``date``
_PARTIAL_DATE = re.compile(r"([0-9]{4})(?:-([0-9]{2})(?:-([0-9]{2}))?)?")  # ASCII digits only
_SHORT = 60


def _short_repr(text: str) -> str:
    """The ``repr`` of *text* cut to a line, for the long text fields."""
    return repr(text if len(text) <= _SHORT else text[: _SHORT - 1].rstrip() + "…")


# -- dates --------------------------------------------------------------------------------------------


@frozen(order=True)
class PartialDate:
    """A date known to the year, the month or the day (``"2022"``, ``"2022-02"``, ``"2022-02-01"``)."""

    year: int
    month: int | None = None
    day: int | None = None

    def __attrs_post_init__(self) -> None:
        if self.day is not None and self.month is None:
            raise ValueError("a day needs a month")
        if self.month is not None and not 1 <= self.month <= 12:
            raise ValueError(f"month must be in 1..12, not {self.month}")
        # Raises ValueError for an impossible year or day.
        date(self.year, self.month or 1, 1 if self.day is None else self.day)

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


# -- the text -----------------------------------------------------------------------------------------


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


class QuoteKind(str, enum.Enum):
    STATEMENT = "statement"
    SLOGAN = "slogan"


@frozen(order=True)
class Unit:
    """A unit of the declaration's text: the opening formula, a recital, a paragraph or the conclusions.

    ``id`` follows the Akoma Ntoso eId convention (``preamble__recs__rec_3``,
    ``para_9``); ``num`` is the unit's position among units of its kind.  Where another language's text
    differs, its translation notes are ``decl.translation_notes(unit=unit)``.
    """

    id: str
    kind: UnitKind
    num: int
    text: str = field(repr=_short_repr)


@frozen(order=True)
class Edit:
    """An editorial fix to the extracted source text.

    ``before`` is the source text exactly as received (with enough context to
    be unique in it); ``after`` is what the unit's text has instead.
    """

    id: str
    unit: str
    kind: EditKind
    before: str
    after: str
    note: str


@frozen(order=True)
class Quote:
    """A quotation in the declaration's text, attributed to ``speaker`` (a person's id)."""

    id: str
    text: str
    speaker: str
    unit: str
    kind: QuoteKind


@frozen(order=True)
class Title:
    """The declaration's official title in one language (ISO 639-1 code), with where it is attested."""

    id: str
    language: str
    text: str
    sources: tuple[str, ...]


# -- this project's coding ----------------------------------------------------------------------------


class Modality(str, enum.Enum):
    """How binding a commitment is; the decision rules are in the codebook."""

    UNDERTAKING = "undertaking"
    ENDEAVOUR = "endeavour"
    DECLARATION = "declaration"


@frozen(order=True)
class Commitment:
    """One operative sentence of a paragraph, with this project's analytic coding."""

    id: str
    provision: str
    text: str = field(repr=_short_repr)
    actors: tuple[str, ...]
    modality: Modality
    topics: tuple[str, ...]
    mentions: tuple[str, ...]


@frozen(order=True)
class Topic:
    """A value of the closed topic vocabulary; ``category`` is ``None`` for the five categories."""

    id: str
    label: str
    category: str | None
    definition: str


# -- the parties and the entities the text names --------------------------------------------------------


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


@frozen(order=True)
class Party:
    """A party to the declaration; ``id`` is its ISO 3166-1 alpha-2 code.

    ``name`` and ``short_name`` are the names the declaration uses (in English); ``later_names`` are the
    English names in use after it was signed (the Republic of Türkiye, from 2022), each with its date and
    sources; ``aliases`` are other names and spellings, in any language and at any time.
    """

    id: str
    name: str
    short_name: str
    cow_code: int
    aliases: tuple[str, ...]
    later_names: tuple[Name, ...]
    sources: tuple[str, ...]

    @property
    def code(self) -> str:
        """The ISO 3166-1 alpha-2 code (the same as ``id``)."""
        return self.id


@frozen(order=True)
class Signatory:
    """Who signed for a party, and where that is reported."""

    id: str
    person: str
    party: str
    sources: tuple[str, ...]


@frozen(order=True)
class Name:
    """Another name of a party or an organisation; ``date`` is the change (a former name's end, a later
    name's start)."""

    name: str
    acronym: str | None
    date: PartialDate | None
    sources: tuple[str, ...]


@frozen(order=True)
class Agreement:
    """An agreement the declaration refers to."""

    id: str
    title: str
    aliases: tuple[str, ...]
    kind: AgreementKind
    signed_on: date | None
    signed_at: str | None
    parties: tuple[str, ...] | None
    mentioned_in: tuple[str, ...]
    sources: tuple[str, ...]
    note: str | None

    @property
    def name(self) -> str:
        """The title (so that every entity has a ``name``)."""
        return self.title


@frozen(order=True)
class Organization:
    """An organisation or body the declaration names; ``name`` is its name when the declaration was signed."""

    id: str
    name: str
    acronym: str | None
    aliases: tuple[str, ...]
    kind: OrganizationKind
    founded_on: date | None
    headquarters: str | None
    former_names: tuple[Name, ...]
    later_names: tuple[Name, ...]
    mentioned_in: tuple[str, ...]
    sources: tuple[str, ...]
    note: str | None


@frozen(order=True)
class Place:
    """A place, region or infrastructure project the declaration names."""

    id: str
    name: str
    kind: PlaceKind
    aliases: tuple[str, ...]
    mentioned_in: tuple[str, ...]
    sources: tuple[str, ...]
    note: str | None


@frozen(order=True)
class Person:
    """A person the declaration names, with the roles it gives them."""

    id: str
    name: str
    aliases: tuple[str, ...]
    roles: tuple[str, ...]
    mentioned_in: tuple[str, ...]
    sources: tuple[str, ...]


# -- where the facts come from --------------------------------------------------------------------------


class SourceKind(str, enum.Enum):
    FULL_TEXT = "full-text"
    NEWS = "news"
    COMMENTARY = "commentary"
    SOCIAL_POST = "social-post"
    OFFICIAL = "official"
    REFERENCE = "reference"


class ClaimStatus(str, enum.Enum):
    """How a press claim about the declaration's content compares with its text."""

    SUPPORTED = "supported"
    PARTLY_SUPPORTED = "partly-supported"
    NOT_IN_TEXT = "not-in-text"


@frozen(order=True)
class Source:
    """A document a fact in the edition comes from.

    ``url`` is given only where the full address is known; otherwise
    ``locator`` holds the site and page as far as they are known.
    A ``publisher`` the document does not name is ``"unknown"``; a title in
    square brackets is supplied by this project.
    """

    id: str
    title: str
    publisher: str
    published_on: PartialDate | None
    url: str | None
    locator: str | None
    kind: SourceKind
    note: str | None


@frozen(order=True)
class DateReading:
    """One source's reading of a disputed date."""

    date: PartialDate
    sources: tuple[str, ...]


@frozen(order=True)
class Event:
    """A dated step in the declaration's history.

    ``date`` is as precise as the sources allow, or ``None`` when it is not
    known.  When sources disagree, ``readings`` holds each reading with its
    sources and ``date`` is what they agree on: February 2022 for a vote that
    sources put on the 1st or the 2nd, ``None`` when they differ by more.
    """

    id: str
    date: PartialDate | None
    title: str
    description: str
    concerns: tuple[str, ...]
    sources: tuple[str, ...]
    readings: tuple[DateReading, ...]

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


@frozen(order=True)
class Claim:
    """A claim about the declaration's content made in a news source, checked against the text.

    ``evidence`` holds the ids of the units or commitments that support the
    claim (empty when it is not in the text).
    """

    id: str
    text: str
    made_by: str | None
    source: str
    status: ClaimStatus
    evidence: tuple[str, ...]
    explanation: str


# -- where the translation differs from the authentic texts ---------------------------------------------


class EvidenceKind(str, enum.Enum):
    """Whether a page quotes the authentic or official text word for word (``verbatim``) or not.

    ``paraphrase`` covers every other evidence about the text: a paraphrase or summary, a quotation of a
    translation into a language that is not authentic (Kazakh, French, an English other than Trend's), and a
    restatement in a commentator's own words.
    """

    VERBATIM = "verbatim"
    PARAPHRASE = "paraphrase"


@frozen(order=True)
class TranslationNote:
    """A quotation of the declaration in another language that bears on the shipped English (Trend's).

    ``quotation`` is exactly as the page (``sources``) prints it, in ``language`` (ISO 639-1: the
    authentic ``tr`` and ``az``, the official ``ru``, and others that corroborate).  ``our_rendering`` is
    this project's English rendering of it, not an official one; ``None`` for a quotation already in English
    (and only for one), which needs none.  ``evidence_kind`` says whether the page quotes the text word for
    word or paraphrases it.  ``uncertain`` marks a note that may not be the text: every paraphrase, and a
    verbatim quotation where the research marks it so (a substantive difference known from one page only, a
    near-verbatim restatement, or wording that may be the author's own).  A verbatim quotation on one page
    only is otherwise not uncertain.  ``variables`` are the alliance variables the note bears on
    (``"milcon"``), if any.
    """

    id: str
    unit: str
    language: str
    quotation: str
    our_rendering: str | None
    evidence_kind: EvidenceKind
    uncertain: bool
    bears_on: str
    variables: tuple[str, ...]
    sources: tuple[str, ...]
    note: str | None


@frozen(order=True)
class Comparison:
    """Which recitals and paragraphs were compared with the text in one language, and on what evidence.

    Every recital and paragraph is in exactly one of ``verbatim`` (a page quotes it), ``paraphrase`` (pages
    only paraphrase it) and ``not_compared``: a unit not compared is not known to agree.
    """

    id: str
    language: str
    verbatim: tuple[str, ...]
    paraphrase: tuple[str, ...]
    not_compared: tuple[str, ...]
    note: str | None

    def compared(self, unit: str) -> EvidenceKind | None:
        """How *unit* (an id) was compared in this language; ``None`` when it was not."""
        if unit in self.verbatim:
            return EvidenceKind.VERBATIM
        return EvidenceKind.PARAPHRASE if unit in self.paraphrase else None


# -- the alliance coding --------------------------------------------------------------------------------


class Confidence(str, enum.Enum):
    HIGH = "high"
    MEDIUM = "medium"
    LOW = "low"


@frozen
class PartyValue:
    """A party's own value for an alliance variable, where the parties' obligations differ."""

    party: str
    value: int


#: The readings of the alliance coding: each variable's value, or its first alternative where it has one.
Reading: TypeAlias = Literal["main", "alternative"]
READINGS: tuple[Reading, ...] = ("main", "alternative")


@frozen
class Alternative:
    """Another value a careful coder could give an alliance variable, with why and how likely."""

    value: int
    confidence: Confidence
    rationale: str


@frozen
class Coding:
    """This project's value for one ATOP variable, with how sure it is and the units it rests on.

    ``alternatives`` keeps the values a careful coder could give this variable instead (empty when there is
    none); the value is the main reading.
    """

    value: int
    confidence: Confidence
    rationale: str
    evidence: tuple[str, ...]
    per_party: tuple[PartyValue, ...]
    alternatives: tuple[Alternative, ...]

    def reading(self, reading: Reading = "main") -> Coding | Alternative:
        """This coding, or with ``"alternative"`` its first alternative (itself if it has none).

        Alternatives are per variable: each is this variable's other value with the main values of the others,
        not a second coding of the whole declaration. ``defense_conditional`` and ``consultation_conditional``
        apply only where ``defense`` and ``consultation`` are 1, so every variable's alternative taken at once
        is not one coherent reading (``defense`` 0 with ``defense_conditional`` 1 limits a pledge that is not
        there). [`Alliance.cow_type`][shusha_decl.Alliance.cow_type] reads only ``defense``, ``neutrality``,
        ``nonaggression`` and ``consultation``; of these, only ``defense`` has an alternative.

        Raises:
            ValueError: an unknown reading.
        """
        if reading not in READINGS:
            raise ValueError(f"unknown reading {reading!r}; valid readings: {', '.join(READINGS)}")
        return self.alternatives[0] if reading == "alternative" and self.alternatives else self


@frozen
class CowType:
    """The Correlates of War alliance type implied by the coding, the variable it rests on and the reading.

    ``coding`` is what the type rests on: the variable's [`Coding`][shusha_decl.Coding] under the main
    reading, or the [`Alternative`][shusha_decl.Alternative] under the alternative one; ``reading`` says which
    (``"main"`` or ``"alternative"``).
    """

    type: str
    label: str
    variable: str
    coding: Coding | Alternative
    reading: Reading


#: The Correlates of War types, strongest first, with the ATOP variable each follows from.
_COW_TYPES = (
    ("I", "defense pact", "defense"),
    ("II", "neutrality or non-aggression pact", "neutrality"),
    ("II", "neutrality or non-aggression pact", "nonaggression"),
    ("III", "entente", "consultation"),
)


@frozen
class Alliance:
    """The declaration coded as an alliance under the ATOP codebook's definitions: this project's coding.

    ATOP v5.1 ends in 2018 and COW v4.1 in 2012; neither contains the declaration, and this is not an official
    ATOP or COW release.  Each attribute is a [`Coding`][shusha_decl.Coding]; the codebook explains each
    value.
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

    def cow_type(self, reading: Reading = "main") -> CowType | None:
        """The strongest COW type the coding implies: I defense, II neutrality/non-aggression, III entente.

        Args:
            reading: ``"main"`` (the default) uses each variable's value; ``"alternative"`` uses the first
                alternative of each of the four variables it reads where it has one (only ``defense`` does:
                so the main reading with ``defense`` 0). The conditionals play no part.

        Raises:
            ValueError: an unknown reading.
        """
        for cow, label, variable in _COW_TYPES:
            coding = getattr(self, variable).reading(reading)
            if coding.value:
                return CowType(cow, label, variable, coding, reading)
        return None


# -- the second coding ---------------------------------------------------------------------------------


@frozen
class CommitmentCoding:
    """One commitment's modality and topics as the second coder gave them, with its note and doubt.

    ``covered`` is the project's, not the coder's: whether the passages removed from the coder's codebook (its
    rulings and examples on named paragraphs) settle this commitment, so that agreement can be reported apart
    for the commitments the general rules alone decide.
    """

    commitment: str
    modality: Modality
    topics: tuple[str, ...]
    note: str
    uncertain: bool
    covered: bool


@frozen
class SecondCoding:
    """An independent second coding of every commitment's modality and topics, to measure agreement.

    ``method`` says how it was made; ``codings`` holds the second coder's output, one per commitment.  The
    documentation's *Reliability* page compares it with the packaged coding.
    """

    method: str
    codings: tuple[CommitmentCoding, ...]


#: The records that [`Declaration.lookup`][shusha_decl.Declaration.lookup] finds by name.
Entity: TypeAlias = Party | Agreement | Organization | Place | Person
#: Every kind of record, as [`Declaration.get`][shusha_decl.Declaration.get] returns them.
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
    | TranslationNote
    | Comparison
)


def json_ready(value: Any) -> Any:
    """*value* (a record, a collection, a date, an enum) as JSON types, exactly as the data files hold it.

    Records become objects of their constructor's fields, in order; tuples and the titles become arrays;
    dates and partial dates ISO strings; enum members their values.
    """
    if isinstance(value, (date, PartialDate)):
        return value.isoformat()
    if isinstance(value, enum.Enum):
        return value.value
    if isinstance(value, tuple):
        return [json_ready(item) for item in value]
    if isinstance(value, dict):
        return {key: json_ready(item) for key, item in value.items()}
    if isinstance(value, Mapping):  # the titles, by language: stored as the array of their records
        return [json_ready(item) for item in value.values()]
    if attrs.has(type(value)):
        return {a.name: json_ready(getattr(value, a.name)) for a in attrs.fields(type(value)) if a.init}
    return value


# In a notebook every record shows itself as a key/value table of its fields, drawn by one function.
for _kind in (*get_args(Record), Name, DateReading, Alliance, Coding, Alternative, PartyValue, CowType):
    _kind._repr_html_ = record_html
