"""Where the facts come from: the sources, the dated history, and press claims checked against the text."""

from __future__ import annotations

import enum
from datetime import date

from attrs import field, frozen

from .base import OrderedValue, PartialDate

_Day = date  # for annotations inside classes that have a field called ``date``

__all__ = [
    "Claim",
    "ClaimStatus",
    "DateReading",
    "Event",
    "Source",
    "SourceKind",
]


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
