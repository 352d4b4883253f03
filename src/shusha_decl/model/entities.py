"""The parties, who signed for them, and the agreements, organisations, places and persons the text names."""

from __future__ import annotations

import enum
from datetime import date

from attrs import field, frozen

from .base import OrderedValue, PartialDate

__all__ = [
    "Agreement",
    "AgreementKind",
    "Name",
    "Organization",
    "OrganizationKind",
    "Party",
    "Person",
    "Place",
    "PlaceKind",
    "Signatory",
]


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
