"""Rows that merge with ATOP and COW data: directed dyad-years and members, from the alliance coding."""

from __future__ import annotations

import json
from pathlib import Path

import attrs
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


def test_to_records_and_to_frame_take_the_reading_of_the_dyad_years() -> None:
    decl = shusha_decl.declaration()
    assert shusha_decl.to_records("atop_dyad_years", reading="alternative") == shusha_decl.to_records(
        dyads.atop_dyad_years(decl, "alternative")
    )
    main = shusha_decl.to_records("cow_dyad_years", reading="main")
    assert main == shusha_decl.to_records("cow_dyad_years")
    frame = shusha_decl.to_frame("atop_dyad_years", reading="alternative")
    assert list(frame.columns) == ATOP  # the same columns, so the two readings concatenate
    assert set(frame.atop_defense) == {0}
    assert set(shusha_decl.to_frame("atop_dyad_years").atop_defense) == {1}


@pytest.mark.parametrize("collection", ["alliance_members", "alliance", "commitments"])
def test_only_the_dyad_years_take_the_alternative_reading(collection: str) -> None:
    message = "reading='alternative' applies only to atop_dyad_years and cow_dyad_years"
    with pytest.raises(ValueError, match=message):
        shusha_decl.to_records(collection, reading="alternative")
    with pytest.raises(ValueError, match=message):
        shusha_decl.to_frame(collection, reading="alternative")
    with pytest.raises(ValueError, match="not to list"):
        shusha_decl.to_records(list(shusha_decl.declaration().parties), reading="alternative")
    with pytest.raises(ValueError, match="unknown reading 'other'; valid readings: main, alternative"):
        shusha_decl.to_records("atop_dyad_years", reading="other")  # type: ignore[arg-type]


def _dyad_years_description(data: str, release: str, reading: str) -> str:
    return (
        f"This project's coding of the declaration ({reading}) in the columns peacesciencer gives {data} "
        f"alliance data: not {release}. Directed dyad-years from the year of the earliest reading of the "
        f"date the declaration took effect through {LAST}, the year of the data version."
    )


ALTERNATIVE = "alternative reading: each variable's first alternative, where it has one"
DESCRIPTIONS = {
    "atop-dyad-years": _dyad_years_description("ATOP 5.1", "an ATOP release", "main reading"),
    "atop-dyad-years-alternative": _dyad_years_description("ATOP 5.1", "an ATOP release", ALTERNATIVE),
    "cow-dyad-years": _dyad_years_description("COW 4.1", "a COW release", "main reading"),
    "cow-dyad-years-alternative": _dyad_years_description("COW 4.1", "a COW release", ALTERNATIVE),
    "alliance-members": (
        "Each party with each reading of the disputed date the declaration took effect, with its sources, "
        "the signature and the party's last approval, with its sources: not an ATOP or COW release. The "
        "dyad-year tables count from the earliest reading."
    ),
}


def test_the_data_package_validates_and_describes_each_derived_table(tmp_path: Path) -> None:
    frictionless = pytest.importorskip("frictionless")
    path = shusha_decl.export.write(shusha_decl.declaration(), "datapackage", tmp_path / "package")
    report = frictionless.validate(str(Path(path) / "datapackage.json"))
    assert report.valid, report.flatten(["type", "note"])
    package = json.loads((Path(path) / "datapackage.json").read_text(encoding="utf-8"))
    resources = {r["name"]: r for r in package["resources"]}
    assert {name: resources[name]["description"] for name in DESCRIPTIONS} == DESCRIPTIONS
    assert resources["alliance-members"]["schema"]["foreignKeys"] == [
        {"fields": "party", "reference": {"resource": "parties", "fields": "id"}}
    ]
    for name in ("atop-dyad-years-alternative", "cow-dyad-years-alternative"):
        assert resources[name]["path"] == name.replace("-", "_") + ".csv"
        assert resources[name]["schema"] == resources[name.removesuffix("-alternative")]["schema"]


def test_the_csv_export_writes_each_reading_with_peacesciencers_columns(tmp_path: Path) -> None:
    path = shusha_decl.export.write(shusha_decl.declaration(), "csv", tmp_path / "tables")
    for data, columns in (("atop", ATOP), ("cow", COW)):
        main = pd.read_csv(Path(path) / f"{data}_dyad_years.csv")
        other = pd.read_csv(Path(path) / f"{data}_dyad_years_alternative.csv")
        assert list(main.columns) == list(other.columns) == columns
        assert main.equals(shusha_decl.to_frame(f"{data}_dyad_years"))
        assert other.equals(shusha_decl.to_frame(f"{data}_dyad_years", reading="alternative"))
        assert (list(main[f"{data}_defense"].unique()), list(other[f"{data}_defense"].unique())) == ([1], [0])


def test_a_partys_own_value_holds_unless_the_reading_takes_the_variables_alternative() -> None:
    """Where the parties' obligations differ, each direction takes its party's value, under either reading,
    except for a variable whose alternative the reading asks for, which holds for both."""
    decl = shusha_decl.declaration()
    alliance = decl.alliance
    one_sided = attrs.evolve(alliance.offense, per_party=(shusha_decl.PartyValue(party="TR", value=1),))
    differing = attrs.evolve(alliance.defense, per_party=(shusha_decl.PartyValue(party="AZ", value=0),))
    edited = attrs.evolve(decl, alliance=attrs.evolve(alliance, offense=one_sided, defense=differing))
    for reading in ("main", "alternative"):
        rows = {(r.ccode1, r.year): r for r in dyads.atop_dyad_years(edited, reading=reading)}
        assert (rows[(640, 2022)].atop_offense, rows[(373, 2022)].atop_offense) == (1, 0)
    main = {(r.ccode1, r.year): r for r in dyads.atop_dyad_years(edited)}
    alternative = {(r.ccode1, r.year): r for r in dyads.atop_dyad_years(edited, reading="alternative")}
    assert (main[(373, 2022)].atop_defense, main[(640, 2022)].atop_defense) == (0, 1)
    assert (alternative[(373, 2022)].atop_defense, alternative[(640, 2022)].atop_defense) == (0, 0)
