"""Every export, checked by its format's own validator: lxml and the OASIS schema, rdflib, frictionless."""

from __future__ import annotations

import csv
import json
import shutil
import subprocess
import sys
from pathlib import Path

import attrs
import pytest

import shusha_decl
from shusha_decl.export import FORMATS, write

DECL = shusha_decl.declaration()
AKN_SCHEMA = Path(__file__).parent / "data" / "akn" / "akomantoso30.xsd"
AKN = "{http://docs.oasis-open.org/legaldocml/ns/akn/3.0}"


# -- Akoma Ntoso -----------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def akn() -> object:
    etree = pytest.importorskip("lxml.etree")
    return etree.fromstring(write(DECL, "akn").encode("utf-8"))  # type: ignore[union-attr]


def test_akn_validates_against_the_oasis_schema(akn: object) -> None:
    etree = pytest.importorskip("lxml.etree")
    schema = etree.XMLSchema(etree.parse(str(AKN_SCHEMA)))
    assert schema.validate(akn), schema.error_log


def test_akn_is_a_declaration_statement_with_frbr_ids(akn: object) -> None:
    statement = akn.find(f"{AKN}statement")  # type: ignore[attr-defined]
    assert statement.get("name") == "declaration"
    for level in ("FRBRWork", "FRBRExpression", "FRBRManifestation"):
        this = statement.find(f".//{AKN}{level}/{AKN}FRBRthis").get("value")
        assert this.startswith("/akn/az/statement/declaration/2021-06-15/shusha")
    assert statement.find(f".//{AKN}FRBRExpression/{AKN}FRBRlanguage").get("language") == "eng"


def test_akn_units_carry_the_edition_ids_and_text(akn: object) -> None:
    eids = {e.get("eId"): e for e in akn.iter() if e.get("eId")}  # type: ignore[attr-defined]
    for unit in DECL.units:
        element = eids[unit.id]
        text = "".join(element.itertext()).strip()
        assert text.endswith(unit.text), unit.id  # a paragraph's <num> comes first
    assert [e.get("eId") for e in akn.iter(f"{AKN}paragraph")] == [p.id for p in DECL.provisions]  # type: ignore[attr-defined]


def test_akn_references_and_refers_to_every_mention(akn: object) -> None:
    references = akn.find(f".//{AKN}references")  # type: ignore[attr-defined]
    tlc = {e.get("eId"): e.tag.removeprefix(AKN) for e in references}
    assert tlc["ilham-aliyev"] == "TLCPerson"
    assert tlc["oic"] == "TLCOrganization"
    assert tlc["shusha"] == "TLCLocation"
    assert tlc["energy"] == "TLCConcept"
    eids = {e.get("eId"): e for e in akn.iter() if e.get("eId")}  # type: ignore[attr-defined]
    for entity in DECL.entities():
        for unit_id in getattr(entity, "mentioned_in", ()):
            refs = {e.get("refersTo") for e in eids[unit_id].iter() if e is not eids[unit_id]}
            assert f"#{entity.id}" in refs, (entity.id, unit_id)
            assert entity.id in tlc
    assert eids["para_18"].get("refersTo") == "#energy"


# -- JSON-LD ---------------------------------------------------------------------------------------


@pytest.mark.filterwarnings(
    "ignore:ConjunctiveGraph is deprecated:DeprecationWarning"
)  # inside rdflib's parser
def test_jsonld_parses_as_rdf_with_the_expected_triples() -> None:
    rdflib = pytest.importorskip("rdflib")
    graph = rdflib.Graph().parse(data=write(DECL, "jsonld"), format="json-ld")
    schema = rdflib.Namespace("https://schema.org/")
    base = "urn:shusha-decl:2021-06-15"
    decl = rdflib.URIRef(f"{base}#shusha-declaration")
    assert (decl, rdflib.RDF.type, schema.Legislation) in graph
    assert str(graph.value(decl, schema.legislationDate)) == "2021-06-15"
    assert str(graph.value(decl, schema.inLanguage)) == "en"
    assert len(set(graph.objects(decl, schema.hasPart))) == len(DECL.units)
    para_9 = rdflib.URIRef(f"{base}#para_9")
    assert str(graph.value(para_9, schema.text)) == DECL.get("para_9").text  # type: ignore[union-attr]
    about = {str(graph.value(t, schema.termCode)) for t in graph.objects(decl, schema.about)}
    assert about == {t for c in DECL.commitments for t in c.topics}
    mentions = set(graph.objects(decl, schema.mentions))
    assert rdflib.URIRef(f"{base}#un-charter") in mentions
    assert (rdflib.URIRef(f"{base}#oic"), rdflib.RDF.type, schema.Organization) in graph
    jurisdictions = {
        str(graph.value(j, schema.identifier)) for j in graph.objects(decl, schema.legislationJurisdiction)
    }
    assert jurisdictions == {"AZ", "TR"}
    passed_by = set(graph.objects(decl, schema.legislationPassedBy))
    assert rdflib.URIRef(f"{base}#ilham-aliyev") in passed_by


# -- CSV and the Data Package ----------------------------------------------------------------------


def read_csv(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as stream:
        return list(csv.DictReader(stream))


@pytest.fixture(scope="module")
def package(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return write(DECL, "datapackage", tmp_path_factory.mktemp("package"))  # type: ignore[return-value]


def test_datapackage_is_valid_for_frictionless(package: Path) -> None:
    frictionless = pytest.importorskip("frictionless")
    report = frictionless.validate(str(package / "datapackage.json"))
    assert report.valid, report.flatten(["rowNumber", "fieldName", "type", "note"])


def test_frictionless_command_line_validates_it(package: Path) -> None:
    command = Path(sys.executable).parent / "frictionless"
    if not command.exists():
        command = Path(shutil.which("frictionless") or "frictionless")
    pytest.importorskip("frictionless")
    result = subprocess.run(
        [str(command), "validate", "datapackage.json"],
        cwd=package,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_every_tabular_resource_declares_its_schema(package: Path) -> None:
    descriptor = json.loads((package / "datapackage.json").read_text(encoding="utf-8"))
    # the collections, the second coding, the ATOP- and COW-shaped dyad-years under each reading, the members
    assert len(descriptor["resources"]) == 21 + 1 + 2 * 2 + 1
    for resource in descriptor["resources"]:
        schema = resource["schema"]
        assert resource["profile"] == "tabular-data-resource"
        assert schema["fields"], resource["name"]
        assert schema["primaryKey"], resource["name"]
        header = list(read_csv(package / resource["path"])[0])
        assert header == [f["name"] for f in schema["fields"]], resource["name"]
    by_name = {r["name"]: r["schema"] for r in descriptor["resources"]}
    modality = next(f for f in by_name["commitments"]["fields"] if f["name"] == "modality")
    assert modality["constraints"]["enum"] == ["undertaking", "endeavour", "declaration"]
    keys = {(k["fields"], k["reference"]["resource"]) for k in by_name["commitments"]["foreignKeys"]}
    assert ("provision", "units") in keys


def test_long_tables_hold_one_row_per_value(package: Path) -> None:
    rows = read_csv(package / "commitment_topics.csv")
    assert len(rows) == sum(len(c.topics) for c in DECL.commitments)
    assert {"commitment": "para_18__cmt_1", "topic": "energy"} in rows
    commitments = read_csv(package / "commitments.csv")
    assert json.loads(commitments[0]["topics"]) == list(DECL.commitments[0].topics)


def test_the_second_coding_is_a_table_keyed_by_commitment(package: Path) -> None:
    rows = read_csv(package / "second_coding.csv")
    assert list(rows[0]) == ["commitment", "modality", "topics", "note", "uncertain", "covered"]
    assert [r["commitment"] for r in rows] == [c.id for c in DECL.commitments]
    para_9 = next(r for r in rows if r["commitment"] == "para_9__cmt_1")
    assert (json.loads(para_9["topics"]), para_9["uncertain"], para_9["covered"]) == (
        ["mutual-assistance"],
        "True",
        "True",
    )
    assert sum(r["covered"] == "False" for r in rows) == 7
    descriptor = json.loads((package / "datapackage.json").read_text(encoding="utf-8"))
    schema = next(r["schema"] for r in descriptor["resources"] if r["name"] == "second-coding")
    assert schema["primaryKey"] == "commitment"
    assert schema["foreignKeys"] == [
        {"fields": "commitment", "reference": {"resource": "commitments", "fields": "id"}}
    ]
    assert {f["name"]: f["type"] for f in schema["fields"]}["covered"] == "boolean"


def test_csv_format_writes_the_tables_without_a_descriptor(tmp_path: Path) -> None:
    write(DECL, "csv", tmp_path)
    assert (tmp_path / "units.csv").exists()
    assert not (tmp_path / "datapackage.json").exists()


def test_json_format_is_the_canonical_edition(tmp_path: Path) -> None:
    assert shusha_decl.load(write(DECL, "json", tmp_path)) == DECL  # type: ignore[arg-type]


# -- Markdown --------------------------------------------------------------------------------------


def test_markdown_has_every_unit_under_its_anchor() -> None:
    text = write(DECL, "markdown")
    assert isinstance(text, str)
    assert text.startswith(f"# {DECL.title}\n")
    for unit in DECL.units:
        anchor = text.index(f'<a id="{unit.id}"></a>')
        assert text.index(unit.text) > anchor
    assert text.count("<a id=") == len(DECL.units)


def test_text_formats_also_write_a_file(tmp_path: Path) -> None:
    target = tmp_path / "declaration.md"
    assert write(DECL, "markdown", target) == target.read_text(encoding="utf-8")


def test_unknown_format_and_missing_directory() -> None:
    with pytest.raises(ValueError, match="valid formats: json, csv"):
        write(DECL, "pdf")
    with pytest.raises(ValueError, match="writes a directory"):
        write(DECL, "csv")
    assert set(FORMATS) == {"json", "csv", "datapackage", "akn", "jsonld", "markdown"}


# -- data frames -----------------------------------------------------------------------------------


def test_to_frame_has_sensible_dtypes() -> None:
    pd = pytest.importorskip("pandas")
    agreements = shusha_decl.to_frame("agreements")
    assert pd.api.types.is_datetime64_any_dtype(agreements["signed_on"])
    assert agreements.loc[agreements["id"] == "treaty-of-kars", "signed_on"].iloc[0] == pd.Timestamp(
        "1921-10-13"
    )
    commitments = shusha_decl.to_frame("commitments")
    assert len(commitments) == 46
    assert commitments.loc[0, "topics"] == ["political-dialogue"]
    assert commitments.groupby("modality", observed=True).size().to_dict() == {
        "declaration": 15,
        "endeavour": 19,
        "undertaking": 12,
    }


def test_to_frame_explodes_a_list_column_into_a_long_table() -> None:
    pytest.importorskip("pandas")
    long = shusha_decl.to_frame("commitments", explode="topics")
    assert len(long) == sum(len(c.topics) for c in DECL.commitments)
    assert set(long["topic" if "topic" in long else "topics"]) == {
        t for c in DECL.commitments for t in c.topics
    }
    with pytest.raises(ValueError, match="list columns of commitments"):
        shusha_decl.to_frame("commitments", explode="modality")


# -- hostile data in the text formats --------------------------------------------------------------


def _with_unit_text(text: str) -> shusha_decl.Declaration:
    provisions = [attrs.evolve(DECL.provisions[0], text=text), *DECL.provisions[1:]]
    return attrs.evolve(DECL, provisions=provisions)


def test_every_unit_text_reads_back_from_the_akn_exactly(akn: object) -> None:
    for unit in DECL.units:
        (element,) = akn.xpath("//*[@eId=$id]", id=unit.id)  # type: ignore[attr-defined]
        (paragraph,) = element.iter(f"{AKN}p")
        assert "".join(paragraph.itertext()) == unit.text, unit.id


@pytest.mark.parametrize("fmt", ["akn", "jsonld", "markdown"])
@pytest.mark.parametrize(
    "text", ["a\x01b", "a\rb", "a\ud800b", "a\uffffb"], ids=["control", "CR", "surrogate", "nonchar"]
)
def test_text_formats_refuse_what_no_edition_may_hold(fmt: str, text: str) -> None:
    """A declaration made in Python can hold what load rejects; the exports refuse it rather than break."""
    with pytest.raises(ValueError, match="no edition may hold it"):
        write(_with_unit_text(text), fmt)


def test_text_formats_refuse_ids_outside_the_rule() -> None:
    place = attrs.evolve(DECL.places[0], id='x"><script>')
    with pytest.raises(ValueError, match="cannot export the id"):
        write(attrs.evolve(DECL, places=[place, *DECL.places[1:]]), "akn")


def test_markdown_shows_hostile_text_as_written_and_links_only_to_the_web() -> None:
    hostile = (
        '<script>alert(1)</script> <img src=x onerror="alert(2)"> *bold* [link](javascript:x)\n# Heading'
    )
    source = attrs.evolve(DECL.get(DECL.text_source), url="javascript:alert(3)")
    sources = [source if s.id == source.id else s for s in DECL.sources]
    text = write(attrs.evolve(_with_unit_text(hostile), sources=sources), "markdown")
    assert isinstance(text, str)
    assert "<script>" not in text
    assert "<img" not in text
    assert "&lt;script&gt;" in text
    assert "\\*bold\\*" in text
    assert "\\[link\\]" in text
    assert "\n# Heading" not in text
    assert "\n\\# Heading" in text
    assert "(<javascript:" not in text
    assert f"(<{DECL.get(DECL.text_source).url}>)" in write(DECL, "markdown")  # type: ignore[union-attr]
