"""The declaration's text: its units, the editorial fixes made to them, its quotations and its titles."""

from __future__ import annotations

import enum

from attrs import field, frozen

from ..display import short_repr, unit_html
from .base import OrderedValue

__all__ = [
    "Edit",
    "EditKind",
    "Quote",
    "QuoteKind",
    "Title",
    "Unit",
    "UnitKind",
]


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
class Quote(OrderedValue):
    """A quotation in the declaration's text, attributed to ``speaker`` (a person's id)."""

    id: str
    text: str = field(order=False)
    speaker: str = field(order=False)
    unit: str = field(order=False)
    kind: QuoteKind = field(order=False)


@frozen(eq=False, repr=False)
class Title(OrderedValue):
    """The declaration's official title in one language (ISO 639-1 code), with where it is attested."""

    id: str
    language: str = field(order=False)
    text: str = field(order=False)
    sources: tuple[str, ...] = field(order=False)
