"""`to_frame`: typed columns for analysis (categoricals, date ranges, lists), from any result."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import attrs
import pytest

import shusha_decl
from shusha_decl.export import write

pd = pytest.importorskip("pandas")
DECL = shusha_decl.declaration()


def _row(frame: Any, record_id: str) -> Any:
    return frame.set_index("id").loc[record_id]


def test_modality_and_confidence_are_ordered_as_the_codebook_ranks_them() -> None:
    modality = shusha_decl.to_frame("commitments")["modality"]
    assert isinstance(modality.dtype, pd.CategoricalDtype)
    assert modality.cat.ordered
    assert list(modality.cat.categories) == ["declaration", "endeavour", "undertaking"]
    assert (modality > "declaration").sum() == 19 + 12  # the endeavours and the undertakings
    confidence = shusha_decl.to_frame("alliance").set_index("variable")["confidence"]
    assert confidence.cat.ordered
    assert list(confidence.cat.categories) == ["low", "medium", "high"]
    assert confidence["defense"] == "medium"
    assert list(confidence[confidence < "high"].index) == [
        "defense", "defense_conditional", "nonaggression", "consultation_conditional", "milcon", "milaid",
        "organ", "specthrt",
    ]  # fmt: skip


@pytest.mark.parametrize(
    ("name", "column", "enum"),
    [
        ("units", "kind", shusha_decl.UnitKind),
        ("agreements", "kind", shusha_decl.AgreementKind),
        ("organizations", "kind", shusha_decl.OrganizationKind),
        ("places", "kind", shusha_decl.PlaceKind),
        ("sources", "kind", shusha_decl.SourceKind),
        ("claims", "status", shusha_decl.ClaimStatus),
    ],
)
def test_other_enums_are_unordered_categoricals_of_the_whole_vocabulary(
    name: str, column: str, enum: Any
) -> None:
    values = shusha_decl.to_frame(name)[column]
    assert isinstance(values.dtype, pd.CategoricalDtype)
    assert not values.cat.ordered
    assert list(values.cat.categories) == [member.value for member in enum]
    records = DECL.units if name == "units" else getattr(DECL, name)
    assert list(values) == [getattr(r, column).value for r in records]


def test_partial_dates_are_a_range_and_a_precision() -> None:
    events = shusha_decl.to_frame("events")
    assert "date" not in events
    assert list(events.columns[1:4]) == ["date_start", "date_end", "date_precision"]
    assert pd.api.types.is_datetime64_any_dtype(events["date_start"])
    assert pd.api.types.is_datetime64_any_dtype(events["date_end"])
    assert events["date_start"].dtype == shusha_decl.to_frame("agreements")["signed_on"].dtype
    precision = events["date_precision"]
    assert precision.cat.ordered
    assert list(precision.cat.categories) == ["year", "month", "day"]
    year = _row(events, "strategic-partnership-treaty-ratified-tr")  # "2011"
    assert (year["date_start"], year["date_end"], year["date_precision"]) == (
        pd.Timestamp("2011-01-01"),
        pd.Timestamp("2011-12-31"),
        "year",
    )
    month = _row(events, "milli-majlis-approval")  # "2022-02"
    assert (month["date_start"], month["date_end"], month["date_precision"]) == (
        pd.Timestamp("2022-02-01"),
        pd.Timestamp("2022-02-28"),
        "month",
    )
    day = _row(events, "declaration-signed")
    assert day["date_start"] == day["date_end"] == pd.Timestamp("2021-06-15")
    unknown = _row(events, "entry-into-force")
    assert pd.isna(unknown["date_start"])
    assert pd.isna(unknown["date_precision"])
    source = _row(shusha_decl.to_frame("sources"), "ratification-2022-02")
    assert source["published_on_end"] == pd.Timestamp("2022-02-28")
    assert source["published_on_precision"] == "month"


def test_list_fields_are_lists() -> None:
    commitment = _row(shusha_decl.to_frame("commitments"), "para_9__cmt_1")
    assert commitment["actors"] == ["AZ", "TR"]
    assert commitment["topics"] == ["mutual-assistance", "security"]
    event = _row(shusha_decl.to_frame("events"), "strategic-partnership-treaty-ratified-az")
    assert event["concerns"] == ["strategic-partnership-treaty-2010", "AZ"]
    assert [reading["date"] for reading in event["readings"]] == ["2010-12-21", "2010-12-22"]
    defense = _row(shusha_decl.to_frame("alliance").rename(columns={"variable": "id"}), "defense")
    assert defense["evidence"] == ["para_9__cmt_1", "para_9__cmt_2"]


def test_commitments_have_their_topics_categories() -> None:
    commitments = shusha_decl.to_frame("commitments")
    assert list(commitments.columns[5:7]) == ["topics", "categories"]
    assert _row(commitments, "para_3__cmt_2")["categories"] == [
        "defense-and-security",
        "conflict-and-peace",
        "economy-and-connectivity",
    ]
    assert _row(commitments, "para_9__cmt_1")["categories"] == ["defense-and-security"]
    by_category = shusha_decl.to_frame("commitments", explode="categories").groupby("categories").size()
    assert by_category.to_dict() == {  # the codebook's vocabulary table
        "politics": 9,
        "defense-and-security": 15,
        "conflict-and-peace": 10,
        "economy-and-connectivity": 10,
        "society-and-culture": 11,
    }


def test_any_result_becomes_a_frame() -> None:
    def ids(frame: Any) -> list[str]:
        return list(frame["id"])

    energy = DECL.commitments(topic="energy")
    assert ids(shusha_decl.to_frame(energy)) == [c.id for c in energy]
    assert _row(shusha_decl.to_frame(energy), "para_18__cmt_2")["categories"] == ["economy-and-connectivity"]
    assert ids(shusha_decl.to_frame(DECL.commitments[:2])) == ["para_1__cmt_1", "para_2__cmt_1"]
    assert ids(shusha_decl.to_frame(DECL.units)) == [u.id for u in DECL.units]
    assert ids(shusha_decl.to_frame(DECL.titles)) == [t.id for t in DECL.titles.records]
    assert ids(shusha_decl.to_frame(DECL.get("para_9"))) == ["para_9"]
    assert ids(shusha_decl.to_frame([DECL.get("para_9__cmt_2"), DECL.get("para_9__cmt_1")])) == [
        "para_9__cmt_2",
        "para_9__cmt_1",
    ]
    assert ids(shusha_decl.to_frame(e for e in DECL.events if e.date is None)) == ["entry-into-force"]
    alliance = shusha_decl.to_frame(DECL.alliance)
    assert alliance.equals(shusha_decl.to_frame("alliance"))
    assert alliance["confidence"].cat.ordered
    assert shusha_decl.to_records(DECL.alliance) == shusha_decl.to_records("alliance")
    with pytest.raises(TypeError, match="expected a collection"):
        shusha_decl.to_frame(DECL)  # type: ignore[arg-type]


EMPTY_RESULTS = {
    "commitments": DECL.commitments(text="zzz"),
    "agreements": DECL.agreements(signed_after="2100-01-01"),
    "organizations": DECL.organizations[:0],
    "events": DECL.events(after="2100-01-01"),
    "claims": DECL.claims[:0],
}


@pytest.mark.parametrize("name", EMPTY_RESULTS)
def test_an_empty_result_keeps_the_columns_and_their_types(name: str) -> None:
    empty = shusha_decl.to_frame(EMPTY_RESULTS[name])
    whole = shusha_decl.to_frame(name)
    assert empty.shape == (0, whole.shape[1])
    assert list(empty.columns) == list(whole.columns)
    assert empty.dtypes.equals(whole.dtypes)  # categoricals with their vocabulary, dates, partial dates


def test_an_empty_result_still_explodes_and_categorises() -> None:
    empty = DECL.commitments(text="zzz")
    modality = shusha_decl.to_frame(empty)["modality"]
    assert list(modality.cat.categories) == ["declaration", "endeavour", "undertaking"]
    assert modality.cat.ordered
    for column in ("topics", "categories", "actors", "mentions"):
        exploded = shusha_decl.to_frame(empty, explode=column)
        assert exploded.empty
        assert column in exploded
    with pytest.raises(ValueError, match="list columns of Commitments: actors, topics, categories, mentions"):
        shusha_decl.to_frame(empty, explode="text")


def test_a_named_collection_that_is_empty_keeps_its_columns() -> None:
    no_parties = attrs.evolve(DECL, parties=())
    frame = shusha_decl.to_frame("parties", no_parties)
    assert frame.empty
    assert frame.dtypes.equals(shusha_decl.to_frame("parties").dtypes)
    assert frame["cow_code"].dtype == "int64"


def test_search_results_become_frames() -> None:
    found = DECL.search("parties")
    frame = shusha_decl.to_frame(found, explode="spans")
    assert len(frame) == sum(len(m.spans) for m in found)
    assert list(frame.columns) == ["unit", "spans"]
    assert list(shusha_decl.to_frame(DECL.search("xyzzy")).columns) == ["unit", "spans"]
    names = shusha_decl.to_frame(DECL.search_names("aliyev"))  # one kind: typed as that kind's frame
    assert list(names["id"]) == ["ilham-aliyev", "heydar-aliyev"]
    mixed = shusha_decl.to_frame(DECL.search_names("kars"))  # several kinds: every field of any of them
    assert {"id", "kind", "signed_on", "aliases"} <= set(mixed.columns)


def test_an_empty_list_has_no_columns() -> None:
    assert shusha_decl.to_frame([]).shape == (0, 0)


def test_csv_keeps_its_flat_cells(tmp_path: Path) -> None:
    """The frames' typed columns are the frames' own: the CSV tables still hold the data files' strings."""
    write(DECL, "csv", tmp_path)
    events = pd.read_csv(tmp_path / "events.csv")
    assert events.set_index("id").loc["milli-majlis-approval", "date"] == "2022-02"


def test_the_second_coding_is_a_frame_to_compare_with_the_commitments() -> None:
    second = shusha_decl.to_frame("second_coding")
    assert list(second.columns) == ["commitment", "modality", "topics", "note", "uncertain", "covered"]
    assert second["modality"].cat.ordered
    assert second.equals(shusha_decl.to_frame(DECL.second_coding))
    first = shusha_decl.to_frame("commitments").set_index("id")
    same = second.set_index("commitment")["modality"] == first["modality"]
    assert same.sum() == 46
    assert second.loc[~second["covered"], "commitment"].tolist()[0] == "para_7__cmt_1"
