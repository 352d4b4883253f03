"""What every record shares (:class:`Value`, :class:`OrderedValue`), and :class:`PartialDate`.

attrs makes each record class (``__init__``, slots, immutability,
``attrs.fields``); equality, hashing, ordering and ``repr`` come from these
two base classes, written once over the attrs fields instead of compiled
again for every class, which halves the cost of creating the classes.
"""

from __future__ import annotations

import operator
import re
from collections.abc import Callable
from datetime import date, timedelta
from typing import TYPE_CHECKING, Any, ClassVar, TypeVar

from attrs import frozen

if TYPE_CHECKING:
    from attrs import Attribute

__all__ = [
    "OrderedValue",
    "PartialDate",
    "Value",
]


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


#: Compiled by :mod:`re` (and cached there) on first use, not when the classes are made.
_PARTIAL_DATE = r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?"


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
        match = re.fullmatch(_PARTIAL_DATE, text)
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
