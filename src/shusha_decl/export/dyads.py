"""Rows that merge with ATOP and COW alliance data: directed dyad-years and the members.

These rows are this project's coding of the declaration in the column names and types that peacesciencer
gives ATOP 5.1 (``atop_alliance``) and COW 4.1 (``cow_alliance``) data: they are not an ATOP or COW release,
neither of which covers 2021 or later. One row per ordered pair of parties and year (both directions),
from the year of the earliest entry-into-force reading through
[`LAST_YEAR`][shusha_decl.export.dyads.LAST_YEAR].
"""

from __future__ import annotations

from datetime import date

from attrs import frozen

from .. import model, version
from ..edition import Declaration

#: The last year of the dyad-year rows: the year of ``DATA_VERSION``, when the data were last checked (the
#: declaration has no end date, and no source reports its end).
LAST_YEAR = int(version.DATA_VERSION[:4])
#: Each ATOP column (peacesciencer's name) and the alliance variable it takes its value from.
ATOP_COLUMNS = {
    "atop_defense": "defense",
    "atop_offense": "offense",
    "atop_neutral": "neutrality",
    "atop_nonagg": "nonaggression",
    "atop_consul": "consultation",
}
#: Each COW column (peacesciencer's name) and the alliance variable it takes its value from.
COW_COLUMNS = {
    "cow_defense": "defense",
    "cow_neutral": "neutrality",
    "cow_nonagg": "nonaggression",
    "cow_entente": "consultation",
}
#: The event of each party's last act of approval.
APPROVALS = {"AZ": "aliyev-approval", "TR": "erdogan-approval"}
SIGNED, IN_FORCE = "declaration-signed", "entry-into-force"


@frozen
class AtopDyadYear:
    """One directed dyad-year in peacesciencer's ATOP columns: this project's coding, not an ATOP release."""

    ccode1: int
    ccode2: int
    year: int
    atop_defense: int
    atop_offense: int
    atop_neutral: int
    atop_nonagg: int
    atop_consul: int


@frozen
class CowDyadYear:
    """One directed dyad-year in peacesciencer's COW columns: this project's coding, not a COW release."""

    ccode1: int
    ccode2: int
    year: int
    cow_defense: int
    cow_neutral: int
    cow_nonagg: int
    cow_entente: int


@frozen
class AllianceMember:
    """A party and one reading of the date the pledge took effect, with its sources (the date is disputed).

    ``signed_on`` is the signature; ``approved_on`` the party's last act of approval (its president's),
    from the events data, with that event's sources.
    """

    ccode: int
    party: str
    in_force_on: model.PartialDate
    in_force_sources: tuple[str, ...]
    signed_on: date
    approved_on: model.PartialDate | None
    approved_sources: tuple[str, ...]


def _first_year(decl: Declaration) -> int:
    """The year of the earliest entry-into-force reading (2021: on signature, by one source)."""
    event = decl.get(IN_FORCE)
    assert isinstance(event, model.Event)
    span = event.span()
    assert span is not None
    return span[0].year


def _value(coding: model.Coding, party: str, reading: model.Reading) -> int:
    """The value of *coding* for a pledge from *party* under *reading*.

    The variable's alternative, where the reading asks for it and there is one, holds for both parties;
    otherwise the party's own value where the parties' values differ, else the variable's value.
    """
    chosen = coding.reading(reading)
    if chosen is not coding:
        return chosen.value
    own = [p.value for p in coding.per_party if p.party == party]
    return own[0] if own else coding.value


def _dyad_years(
    decl: Declaration, columns: dict[str, str], reading: model.Reading = "main"
) -> list[dict[str, int]]:
    """The directed dyad-years with *columns* (column -> alliance variable), under *reading*, as dicts."""
    rows = []
    for year in range(_first_year(decl), LAST_YEAR + 1):
        for one in decl.parties:
            for other in (p for p in decl.parties if p.id != one.id):
                row = {"ccode1": one.cow_code, "ccode2": other.cow_code, "year": year}
                for column, variable in columns.items():
                    row[column] = _value(getattr(decl.alliance, variable), one.id, reading)
                rows.append(row)
    return rows


def atop_dyad_years(decl: Declaration, reading: model.Reading = "main") -> list[AtopDyadYear]:
    """The ATOP-shaped rows; ``reading="alternative"`` uses each variable's first alternative."""
    return [AtopDyadYear(**row) for row in _dyad_years(decl, ATOP_COLUMNS, reading)]


def cow_dyad_years(decl: Declaration, reading: model.Reading = "main") -> list[CowDyadYear]:
    """The COW-shaped rows, each column from its variable; ``reading="alternative"`` as for ATOP."""
    return [CowDyadYear(**row) for row in _dyad_years(decl, COW_COLUMNS, reading)]


def alliance_members(decl: Declaration) -> list[AllianceMember]:
    """One row per party and entry-into-force reading, from the events data."""
    in_force = decl.get(IN_FORCE)
    signed = decl.get(SIGNED)
    assert isinstance(in_force, model.Event)
    assert isinstance(signed, model.Event)
    assert signed.date is not None
    rows = []
    for party in decl.parties:
        approval = decl.get(APPROVALS[party.id])
        assert isinstance(approval, model.Event)
        for reading in in_force.readings:
            rows.append(
                AllianceMember(
                    party.cow_code,
                    party.id,
                    reading.date,
                    reading.sources,
                    signed.date.first_day(),
                    approval.date,
                    approval.sources,
                )
            )
    return rows
