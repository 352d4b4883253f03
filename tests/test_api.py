"""The public API: the edition, its records, lookups and filters, as a user calls them."""

from __future__ import annotations

import json
import pickle
import subprocess
import sys
import threading
import zipfile
from datetime import date, datetime
from importlib.resources import files
from pathlib import Path
from typing import get_args

import attrs
import pytest

import shusha_decl
import shusha_decl.loader
import shusha_decl.packaged
from shusha_decl import Modality
from shusha_decl.export import COLLECTIONS, DERIVED

DECL = shusha_decl.declaration()


def ids(records: tuple[shusha_decl.Record, ...]) -> list[str]:
    return [r.id for r in records]


# -- the edition -----------------------------------------------------------------------------------


def test_declaration_is_loaded_once_and_shared() -> None:
    assert shusha_decl.declaration() is DECL
    assert isinstance(DECL, shusha_decl.Declaration)


def test_first_load_is_thread_safe(monkeypatch: pytest.MonkeyPatch) -> None:
    calls = []
    real = shusha_decl.packaged.read

    def counting() -> shusha_decl.Declaration:
        calls.append(1)
        return real()

    monkeypatch.setattr(shusha_decl.packaged, "_edition", None)
    monkeypatch.setattr(shusha_decl.packaged, "read", counting)
    barrier = threading.Barrier(16)
    seen: list[shusha_decl.Declaration] = []

    def worker() -> None:
        barrier.wait()
        seen.append(shusha_decl.declaration())
        seen.append(shusha_decl.declaration())

    threads = [threading.Thread(target=worker) for _ in range(16)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert len(calls) == 1
    assert len(seen) == 32
    assert all(d is seen[0] for d in seen)
    assert seen[0] == DECL


def test_metadata() -> None:
    assert DECL.title == (
        "Shusha Declaration on Allied Relations between the Republic of Azerbaijan and the Republic of Turkey"
    )
    assert DECL.short_title == "Shusha Declaration"
    assert DECL.signed_on == date(2021, 6, 15)
    assert DECL.get(DECL.signed_at).name == "Shusha"  # type: ignore[union-attr]
    assert [(p.code, p.id, p.cow_code) for p in DECL.parties] == [("AZ", "AZ", 373), ("TR", "TR", 640)]
    assert DECL.authentic_languages == ("az", "tr")
    assert DECL.text_language == "en"
    source = DECL.get(DECL.text_source)
    assert isinstance(source, shusha_decl.Source)
    assert (source.publisher, str(source.published_on)) == ("Trend News Agency", "2021-06-16")
    assert source.url == "https://en.trend.az/azerbaijan/politics/3440715.html"
    assert {(s.person, s.party) for s in DECL.signatories} == {
        ("ilham-aliyev", "AZ"),
        ("recep-tayyip-erdogan", "TR"),
    }


def test_structure_of_the_text() -> None:
    assert DECL.opening_formula.text == "The Republic of Azerbaijan and the Republic of Turkey,"
    assert len(DECL.preamble) == 11
    assert len(DECL.provisions) == 34
    assert len(DECL.commitments) == 46
    assert DECL.final_clause.text.startswith(
        "This Declaration is signed in the city of Shusha on 15 June 2021"
    )
    assert DECL.units == (DECL.opening_formula, *DECL.preamble, *DECL.provisions, DECL.final_clause)
    assert ids(DECL.preamble)[0] == "preamble__recs__rec_1"
    assert ids(DECL.provisions)[-1] == "para_34"
    positions = [DECL.text.index(unit.text) for unit in DECL.units]
    assert positions == sorted(positions)
    assert DECL.text == "\n\n".join(unit.text for unit in DECL.units)


def test_entity_collections() -> None:
    assert len(DECL.agreements) == 7
    assert len(DECL.organizations) == 13
    assert len(DECL.places) == 10
    assert len(DECL.persons) == 4
    assert [(q.text, q.speaker) for q in DECL.quotes] == [
        ("The joy of Azerbaijan is our joy, its sorrow is our sorrow", "mustafa-kemal-ataturk"),
        ("One nation, two states", "heydar-aliyev"),
    ]
    protocol = DECL.get("mutual-assistance-protocol-1994")
    assert isinstance(protocol, shusha_decl.Agreement)
    assert (protocol.kind, protocol.signed_on) == (shusha_decl.AgreementKind.PROTOCOL, date(1994, 2, 9))
    turkpa = DECL.lookup("TURKPA")
    assert isinstance(turkpa, shusha_decl.Organization)
    assert turkpa.later_names[0].date == shusha_decl.PartialDate(2022)
    assert turkpa.later_names[0].date.precision == "year"  # type: ignore[union-attr]


# -- records are values --------------------------------------------------------------------------


@pytest.mark.parametrize(
    "record",
    [next(r for r in DECL.records() if type(r) is t) for t in {type(r) for r in DECL.records()}],
    ids=lambda r: type(r).__name__,
)
def test_records_are_frozen_slotted_hashable_and_sortable(record: shusha_decl.Record) -> None:
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        record.id = "x"  # type: ignore[misc]
    assert not hasattr(record, "__dict__")
    assert hash(record) == hash(attrs.evolve(record))
    assert {record, attrs.evolve(record)} == {record}
    assert pickle.loads(pickle.dumps(record)) == record


def test_records_sort_by_id() -> None:
    assert ids(tuple(sorted(DECL.agreements))) == sorted(ids(DECL.agreements))


#: Every record class, and the values records hold.
RECORD_CLASSES = [kind for name in shusha_decl.__all__ if attrs.has(kind := getattr(shusha_decl, name))]


def test_records_with_an_id_sort_by_it() -> None:
    """attrs orders by the fields in turn; the id comes first and is unique, so records sort by id."""
    with_id = [kind for kind in RECORD_CLASSES if "id" in attrs.fields_dict(kind)]
    assert set(with_id) - {shusha_decl.Declaration} == set(get_args(shusha_decl.Record))
    assert set(get_args(shusha_decl.Entity)) == {type(entity) for entity in DECL.entities()}
    for kind in set(with_id) - {shusha_decl.Declaration}:
        assert attrs.fields(kind)[0].name == "id", kind
        assert kind.__lt__ is not object.__lt__, kind
    assert len({r.id for r in DECL.records()}) == len(list(DECL.records()))


def test_type_hints_resolve_at_run_time() -> None:
    """Tools that read annotations (cattrs, editors, documentation) resolve them, in a fresh interpreter."""
    code = """import inspect, typing, shusha_decl
public = [getattr(shusha_decl, name) for name in shusha_decl.__all__]
functions = [f for f in public if inspect.isfunction(f)]
methods = [m for kind in public if inspect.isclass(kind) and kind.__module__.startswith("shusha_decl")
           for m in vars(kind).values() if inspect.isfunction(m) and not m.__name__.startswith("_")]
methods += [shusha_decl.Commitments.__call__, shusha_decl.Events.__call__]
hints = [typing.get_type_hints(f) for f in functions + methods]
classes = [typing.get_type_hints(kind) for kind in public if inspect.isclass(kind)]
D = shusha_decl.Declaration
assert typing.get_type_hints(D)["parties"] == shusha_decl.Records[shusha_decl.Party]
assert typing.get_type_hints(D)["commitments"] is shusha_decl.Commitments
assert typing.get_type_hints(D.lookup)["return"] == shusha_decl.Entity
assert typing.get_type_hints(shusha_decl.commitments)["return"] is shusha_decl.Commitments
assert "topic" in typing.get_type_hints(shusha_decl.commitments)
assert list(inspect.signature(shusha_decl.events).parameters) == ["after", "before", "concerns"]
print(len(functions) >= 10, len(methods) >= 10)
"""
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=False)
    assert out.returncode == 0, out.stderr
    assert out.stdout.split() == ["True", "True"]


def test_declaration_equality_ignores_its_lookup_tables() -> None:
    """The tables made from the fields take no part in equality and hashing: another copy is equal."""
    copy = pickle.loads(pickle.dumps(DECL))
    assert copy._by_name is not DECL._by_name
    assert copy == DECL
    assert hash(copy) == hash(DECL)
    assert attrs.evolve(DECL) == DECL


def test_collections_are_immutable_tuples() -> None:
    for name in ("commitments", "agreements", "organizations", "places", "preamble", "topics"):
        collection = getattr(DECL, name)
        assert isinstance(collection, tuple)
        with pytest.raises((AttributeError, TypeError)):
            collection[0] = None
    with pytest.raises(AttributeError):
        DECL.commitments.extra = 1  # type: ignore[attr-defined]
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        DECL.title = "x"  # type: ignore[misc]
    assert hash(DECL) == hash(DECL)


def test_declaration_pickles_and_still_filters() -> None:
    copy = pickle.loads(pickle.dumps(DECL))
    assert copy == DECL
    assert ids(copy.commitments(topic="energy")) == ids(DECL.commitments(topic="energy"))


def test_a_collection_pickled_alone_still_filters() -> None:
    copy = pickle.loads(pickle.dumps(DECL.commitments))
    assert copy == DECL.commitments
    assert type(copy) is shusha_decl.Commitments
    assert ids(copy(topic="energy")) == ids(DECL.commitments(topic="energy"))
    assert pickle.loads(pickle.dumps(DECL.parties)) == DECL.parties  # a collection without filters


def test_slices_and_filter_results_are_collections_of_the_same_kind_that_filter_again() -> None:
    energy = DECL.commitments(topic="energy")
    assert type(energy) is shusha_decl.Commitments
    assert energy.declaration is DECL
    assert ids(energy(modality="endeavour")) == ["para_18__cmt_2", "para_18__cmt_3"]
    first = DECL.commitments[:10]
    assert type(first) is shusha_decl.Commitments
    assert ids(first(topic="defense-and-security")) == [
        c.id for c in DECL.commitments(topic="defense-and-security") if c in first
    ]
    assert type(DECL.places[1:]) is shusha_decl.Records
    assert DECL.places[1:].declaration is DECL
    assert DECL.commitments[0] == DECL.commitments[:1][0]
    assert type(shusha_decl.events(after="2022-01-31")) is shusha_decl.Events
    assert repr(energy) == "<Commitments: 3 (para_18__cmt_1, para_18__cmt_2, para_18__cmt_3)>"
    assert ">para_18__cmt_2<" in energy._repr_html_()


def test_records_put_together_by_hand_do_not_filter() -> None:
    loose = shusha_decl.Commitments(DECL.commitments)
    assert loose == DECL.commitments
    with pytest.raises(TypeError, match="do not belong to a Declaration"):
        loose(topic="energy")


def test_filter_results_export_like_the_whole() -> None:
    energy = DECL.commitments(topic="energy")
    assert [r["id"] for r in shusha_decl.to_records(energy)] == ids(energy)
    assert shusha_decl.to_records(DECL.commitments) == shusha_decl.to_records("commitments")
    frame = shusha_decl.to_frame(energy)
    assert list(frame["id"]) == ids(energy)
    assert list(shusha_decl.to_frame(DECL.agreements(kind="treaty"))["signed_on"].dt.year) == [
        1921,
        1994,
        2010,
    ]


def test_loading_cannot_be_made_lenient_from_outside() -> None:
    """The strict converter is private to the loader: no public name reconfigures it."""
    import cattrs

    public = [value for name, value in vars(shusha_decl.loader).items() if not name.startswith("_")]
    assert not any(isinstance(value, cattrs.BaseConverter) for value in public)


# -- get and lookup --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("record_id", "kind"),
    [
        ("para_9", shusha_decl.Unit),
        ("preamble__recs__rec_3", shusha_decl.Unit),
        ("para_9__cmt_1", shusha_decl.Commitment),
        ("treaty-of-kars", shusha_decl.Agreement),
        ("oic", shusha_decl.Organization),
        ("zangezur-corridor", shusha_decl.Place),
        ("heydar-aliyev", shusha_decl.Person),
        ("quote_1", shusha_decl.Quote),
        ("energy", shusha_decl.Topic),
        ("trend-2021-06-16", shusha_decl.Source),
        ("edit_1", shusha_decl.Edit),
        ("AZ", shusha_decl.Party),
    ],
)
def test_get_any_record_by_id(record_id: str, kind: type) -> None:
    record = shusha_decl.get(record_id)
    assert isinstance(record, kind)
    assert record.id == record_id


def test_get_unknown_id_lists_close_ids() -> None:
    with pytest.raises(KeyError, match="para_9"):
        DECL.get("para_99")


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("TR", "TR"),
        ("Turkey", "TR"),
        ("Türkiye", "TR"),
        ("turkiye", "TR"),
        ("REPUBLIC OF TURKEY", "TR"),
        ("Azerbaijan", "AZ"),
        ("İlham Aliyev", "ilham-aliyev"),
        ("Ilham Aliyev", "ilham-aliyev"),
        ("Erdoğan", "recep-tayyip-erdogan"),
        ("Erdogan", "recep-tayyip-erdogan"),
        ("Zangezur corridor", "zangezur-corridor"),
        ("Zengezur corridor", "zangezur-corridor"),
        ("Nakhchivan", "nakhchivan"),
        ("Nakhichevan", "nakhchivan"),
        ("Shusha", "shusha"),
        ("Şuşa", "shusha"),
        ("Shushi", "shusha"),
        ("Nakhchivan\u2013Kars railway", "nakhchivan-kars-railway"),
        ("Nakhchivan-Kars railway", "nakhchivan-kars-railway"),
        ("OIC", "oic"),
        ("Organisation of the Islamic Conference", "oic"),
        ("CSCE", "osce"),
        ("Organization of Turkic States", "turkic-council"),
        ("OTS", "turkic-council"),
        ("turkic council", "turkic-council"),
        ("UN Charter", "un-charter"),
        ("UN", "un"),
        ("Inter-Parliamentary Assembly of Turkic-Speaking Countries", "turkpa"),
        ("treaty-of-kars", "treaty-of-kars"),
    ],
)
def test_lookup_ignores_case_and_diacritics(name: str, expected: str) -> None:
    assert shusha_decl.lookup(name).id == expected
    assert DECL.lookup(name) is DECL.get(expected)


def test_lookup_of_a_record_returns_it() -> None:
    assert DECL.lookup(DECL.parties[0]) is DECL.parties[0]


def test_lookup_miss_suggests_and_is_both_lookup_and_value_error() -> None:
    with pytest.raises(shusha_decl.UnknownNameError, match="did you mean") as caught:
        DECL.lookup("Turky")
    assert isinstance(caught.value, LookupError)
    assert isinstance(caught.value, ValueError)


# -- filters ---------------------------------------------------------------------------------------


def test_filters_as_methods_and_module_functions_agree() -> None:
    assert DECL.commitments(topic="energy") == shusha_decl.commitments(topic="energy")
    assert DECL.agreements(kind="treaty") == shusha_decl.agreements(kind="treaty")
    assert DECL.organizations(kind="bilateral") == shusha_decl.organizations(kind="bilateral")


def test_no_criteria_returns_everything() -> None:
    assert DECL.commitments() == tuple(DECL.commitments)
    assert shusha_decl.agreements() == tuple(DECL.agreements)
    assert shusha_decl.organizations() == tuple(DECL.organizations)


def in_document_order(found: tuple[shusha_decl.Commitment, ...]) -> bool:
    positions = [DECL.commitments.index(c) for c in found]
    return positions == sorted(positions)


def test_topic() -> None:
    assert ids(DECL.commitments(topic="energy")) == ["para_18__cmt_1", "para_18__cmt_2", "para_18__cmt_3"]
    assert DECL.commitments(topic=DECL.get("energy")) == DECL.commitments(topic="energy")
    both = DECL.commitments(topic=["energy", "mobility"])
    assert ids(both) == [*ids(DECL.commitments(topic="energy")), "para_33__cmt_1"]


def test_category_matches_all_its_topics_in_document_order() -> None:
    category = DECL.commitments(topic="economy-and-connectivity")
    members = {*DECL.commitments(topic="economy"), *DECL.commitments(topic="energy")}
    members |= set(DECL.commitments(topic="transport"))
    assert set(category) == members
    assert in_document_order(category)


def test_party_accepts_anything_lookup_resolves() -> None:
    by_turkey = DECL.commitments(party="TR")
    assert DECL.commitments(party="Türkiye") == by_turkey
    assert DECL.commitments(party=DECL.parties[1]) == by_turkey
    assert {"para_3__cmt_1", "para_23__cmt_1"}.isdisjoint(ids(by_turkey))
    assert len(by_turkey) == 44
    assert len(DECL.commitments(party=("AZ", "TR"))) == 46


def test_modality_as_string_enum_or_collection() -> None:
    undertakings = DECL.commitments(modality="undertaking")
    assert DECL.commitments(modality=Modality.UNDERTAKING) == undertakings
    assert len(undertakings) == 12
    assert len(DECL.commitments(modality=["undertaking", Modality.ENDEAVOUR])) == 31


def test_mentions() -> None:
    assert ids(DECL.commitments(mentions="Southern Gas Corridor")) == ["para_18__cmt_1", "para_18__cmt_2"]
    assert ids(DECL.commitments(mentions="UN Charter")) == ["para_9__cmt_1"]
    assert ids(DECL.commitments(mentions="OTS")) == ["para_8__cmt_1", "para_32__cmt_1"]
    assert ids(DECL.commitments(mentions=DECL.get("armenia"))) == [
        "para_2__cmt_1",
        "para_3__cmt_1",
        "para_26__cmt_1",
    ]


def test_text_ignores_case_and_diacritics() -> None:
    assert ids(DECL.commitments(text="SOUTHERN gas")) == ["para_18__cmt_1", "para_18__cmt_2"]
    assert ids(DECL.commitments(text="Türkic Academy")) == ["para_32__cmt_1"]
    assert DECL.commitments(text="zzzz") == ()


def test_criteria_combine_with_and() -> None:
    found = DECL.commitments(topic="defense-and-security", modality="undertaking", text="armed forces")
    assert ids(found) == ["para_9__cmt_2", "para_13__cmt_1"]


@pytest.mark.parametrize(
    ("criteria", "message"),
    [
        ({"topic": "defence-x"}, "valid topics: politics"),
        ({"topic": ["energy", "nope"]}, "unknown topic 'nope'"),
        ({"modality": "must"}, "'undertaking', 'endeavour', 'declaration'"),
        ({"party": "Narnia"}, "'Narnia' names no party; the declaration has only 2 parties"),
        ({"party": "Armenia"}, "not a party"),
        ({"mentions": "AZ"}, "not an agreement, organisation, place or person"),
        ({"mentions": "Atlantis"}, "names no agreement, organisation, place or person"),
        ({"topic": []}, "empty collection"),
    ],
)
def test_unknown_values_raise_value_error_naming_valid_values(
    criteria: dict[str, object], message: str
) -> None:
    with pytest.raises(ValueError, match=message):
        DECL.commitments(**criteria)  # type: ignore[arg-type]


def test_agreements() -> None:
    assert ids(DECL.agreements(kind="treaty")) == [
        "treaty-of-kars",
        "friendship-treaty-1994",
        "strategic-partnership-treaty-2010",
    ]
    assert ids(DECL.agreements(signed_after="2000-01-01")) == [
        "strategic-partnership-treaty-2010",
        "media-mou-2020",
        "id-card-travel-protocol-2020",
    ]
    assert ids(DECL.agreements(signed_before=date(1950, 1, 1))) == ["treaty-of-kars", "un-charter"]
    assert ids(DECL.agreements(signed_after="1994-02-09", signed_before="2020-12-10")) == [
        "strategic-partnership-treaty-2010"
    ]
    assert len(DECL.agreements(mentions="preamble__recs__rec_3")) == 3
    assert ids(DECL.agreements(mentions="para_9__cmt_1")) == ["un-charter"]
    assert ids(DECL.agreements(mentions=DECL.get("para_33"))) == ["id-card-travel-protocol-2020"]


def test_a_datetime_counts_as_its_day() -> None:
    since_2000 = DECL.agreements(signed_after=date(2000, 1, 1))
    assert DECL.agreements(signed_after=datetime(2000, 1, 1, 12, 0)) == since_2000
    assert DECL.events(before=datetime(1950, 1, 1, 0, 0)) == DECL.events(before="1950-01-01")


@pytest.mark.parametrize(
    "criteria",
    [{"kind": "pact"}, {"signed_after": "1 June 2021"}, {"signed_before": 2021}, {"mentions": "para_99"}],
)
def test_agreements_reject_bad_values(criteria: dict[str, object]) -> None:
    with pytest.raises(ValueError):  # noqa: PT011 - the messages are checked elsewhere
        DECL.agreements(**criteria)  # type: ignore[arg-type]


def test_organizations() -> None:
    assert len(DECL.organizations(kind="intergovernmental")) == 9
    assert ids(DECL.organizations(kind="national")) == ["security-councils"]
    assert ids(DECL.organizations(kind=["bilateral", "national"])) == [
        "turkish-russian-joint-center",
        "high-level-strategic-cooperation-council",
        "security-councils",
        "media-platform",
    ]
    assert ids(DECL.organizations(mentions="para_32")) == [
        "turkic-council",
        "turkic-academy",
        "turkic-culture-heritage-foundation",
        "turksoy",
        "turkpa",
    ]
    with pytest.raises(ValueError, match="valid values"):
        DECL.organizations(kind="ngo")


# -- export, load and dump --------------------------------------------------------------------------


@pytest.mark.parametrize("name", COLLECTIONS)
def test_to_records_gives_plain_json(name: str) -> None:
    records = shusha_decl.to_records(name)
    assert json.loads(json.dumps(records)) == records  # only JSON types, nothing lost on the way
    assert all(type(record) is dict for record in records)
    if name == "alliance":
        assert [r["variable"] for r in records] == [f.name for f in attrs.fields(shusha_decl.Alliance)]
    elif name in DERIVED:  # rows in ATOP's and COW's shapes: tests/test_dyads.py
        assert records
    elif name == "second_coding":  # one row per commitment: tests/test_formats.py
        assert [r["commitment"] for r in records] == [c.id for c in DECL.commitments]
    else:
        collection = list(DECL.titles.values()) if name == "titles" else getattr(DECL, name)
        assert [r["id"] for r in records] == [record.id for record in collection]


def test_to_records_unknown_name() -> None:
    with pytest.raises(ValueError, match="valid names: units"):
        shusha_decl.to_records("treaties")


def test_dump_then_load_is_identity(tmp_path: Path) -> None:
    assert shusha_decl.load(shusha_decl.dump(DECL, tmp_path)) == DECL
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(
        ["declaration.json", *(f"{n}.json" for n in shusha_decl.loader.OWN_FILES)]
    )


def test_dump_reproduces_the_packaged_files(tmp_path: Path) -> None:
    shusha_decl.dump(DECL, tmp_path)
    packaged = files("shusha_decl").joinpath("data")
    for path in tmp_path.iterdir():
        assert path.read_bytes() == packaged.joinpath(path.name).read_bytes(), path.name


def test_load_from_a_traversable_and_from_a_zip(tmp_path: Path) -> None:
    assert shusha_decl.load(files("shusha_decl").joinpath("data")) == DECL
    archive = tmp_path / "edition.zip"
    with zipfile.ZipFile(archive, "w") as zf:
        for path in shusha_decl.dump(DECL, tmp_path / "edition").iterdir():  # type: ignore[attr-defined]
            zf.write(path, f"data/{path.name}")
    assert shusha_decl.load(zipfile.Path(archive, "data/")) == DECL


def test_version_and_typing_marker() -> None:
    assert shusha_decl.__version__ == "0.1.0"
    assert files("shusha_decl").joinpath("py.typed").is_file()


def test_import_is_cheap() -> None:
    """Importing reads no data and no package metadata, and imports neither cattrs, json nor pathlib."""
    code = (
        "import sys; before = set(sys.modules); import shusha_decl; "
        "new = set(sys.modules) - before; "
        "heavy = ('cattrs', 'json', 'importlib.metadata', 'importlib.resources', 'pathlib'); "
        "print(sorted(m for m in new if m.startswith(heavy)), shusha_decl.packaged._edition)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[] None"


def test_data_version_and_source_date_are_exposed_without_loading() -> None:
    assert str(DECL.get(DECL.text_source).published_on) == shusha_decl.SOURCE_DATE  # type: ignore[union-attr]
    assert date.fromisoformat(shusha_decl.DATA_VERSION) >= date(2026, 11, 23)
