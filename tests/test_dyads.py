"""Rows that merge with ATOP and COW data: directed dyad-years and members, from the alliance coding."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import shusha_decl
from shusha_decl.export import dyads

pd = pytest.importorskip("pandas")
LAST = int(shusha_decl.DATA_VERSION[:4])
ATOP = [
    "ccode1",
    "ccode2",
    "year",
    "atop_defense",
    "atop_offense",
    "atop_neutral",
    "atop_nonagg",
    "atop_consul",
]
COW = ["ccode1", "ccode2", "year", "cow_defense", "cow_neutral", "cow_nonagg", "cow_entente"]


def test_atop_rows_have_peacesciencers_columns_as_integers_in_both_directions_every_year() -> None:
    frame = shusha_decl.to_frame("atop_dyad_years")
    assert list(frame.columns) == ATOP
    assert all(str(dtype) == "int64" for dtype in frame.dtypes)
    assert sorted(set(zip(frame.ccode1, frame.ccode2, strict=True))) == [(373, 640), (640, 373)]
    assert sorted(set(frame.year)) == list(range(2021, LAST + 1))
    assert len(frame) == 2 * (LAST - 2021 + 1)


def test_atop_values_for_a_known_year_and_direction() -> None:
    rows = shusha_decl.to_records("atop_dyad_years")
    row = next(r for r in rows if (r["ccode1"], r["ccode2"], r["year"]) == (640, 373, 2022))
    assert row == {
        "ccode1": 640, "ccode2": 373, "year": 2022,
        "atop_defense": 1, "atop_offense": 0, "atop_neutral": 0, "atop_nonagg": 0, "atop_consul": 1,
    }  # fmt: skip


def test_cow_rows_follow_the_coding_and_the_alternative_reading_is_an_entente() -> None:
    frame = shusha_decl.to_frame("cow_dyad_years")
    assert list(frame.columns) == COW
    first = frame[(frame.ccode1 == 373) & (frame.year == 2021)].iloc[0]
    alliance = shusha_decl.declaration().alliance
    assert (
        [first[c] for c in COW[3:]]
        == [
            alliance.defense.value,
            alliance.neutrality.value,
            alliance.nonaggression.value,
            alliance.consultation.value,
        ]
        == [1, 0, 0, 1]
    )
    other = dyads.cow_dyad_years(shusha_decl.declaration(), reading="alternative")
    assert {(r.cow_defense, r.cow_entente) for r in other} == {(0, 1)}


def test_members_carry_the_disputed_entry_into_force_with_sources() -> None:
    rows = shusha_decl.to_records("alliance_members")
    assert [(r["ccode"], r["in_force_on"], r["in_force_sources"]) for r in rows] == [
        (373, "2021-06-15", ["report-az-in-force"]),
        (373, "2022-02-13", ["ictimaifikir-25234"]),
        (640, "2021-06-15", ["report-az-in-force"]),
        (640, "2022-02-13", ["ictimaifikir-25234"]),
    ]
    assert {(r["party"], r["signed_on"], r["approved_on"]) for r in rows} == {
        ("AZ", "2021-06-15", "2022-02-12"),
        ("TR", "2021-06-15", "2022-02-11"),
    }


def test_the_data_package_validates_and_says_the_rows_are_not_an_atop_or_cow_release(tmp_path: Path) -> None:
    frictionless = pytest.importorskip("frictionless")
    path = shusha_decl.export.write(shusha_decl.declaration(), "datapackage", tmp_path / "package")
    report = frictionless.validate(str(Path(path) / "datapackage.json"))
    assert report.valid, report.flatten(["type", "note"])
    package = json.loads((Path(path) / "datapackage.json").read_text(encoding="utf-8"))
    resources = {r["name"]: r for r in package["resources"]}
    for name in ("atop-dyad-years", "cow-dyad-years", "alliance-members"):
        assert "not an ATOP or COW release" in resources[name]["description"]
    header = (Path(path) / "atop_dyad_years.csv").read_text(encoding="utf-8").splitlines()[0]
    assert header == ",".join(ATOP)
