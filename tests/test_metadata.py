"""One licence story everywhere: the package metadata, CITATION.cff and every export's own metadata.

The facts live in ``shusha_decl.version``; these tests hold the installed distribution's metadata (built from
``pyproject.toml``), ``CITATION.cff``, the Data Package, the JSON-LD and the Akoma Ntoso export to them.
"""

from __future__ import annotations

import json
from importlib.metadata import distribution
from pathlib import Path

import pytest

import shusha_decl
from shusha_decl import version
from shusha_decl.export import write

ROOT = Path(__file__).parent.parent
DECL = shusha_decl.declaration()
TEXT_SOURCE = DECL.get(DECL.text_source)


# -- the distribution's metadata (pyproject.toml) -----------------------------------------------------


def test_the_distribution_declares_the_code_and_data_licences() -> None:
    dist = distribution("shusha-decl")
    assert dist.metadata["License-Expression"] == f"{version.CODE_LICENSE} AND {version.DATA_LICENSE}"
    assert sorted(dist.metadata.get_all("License-File") or []) == ["LICENSE", "LICENSE-DATA"]
    data_licence = dist.read_text("licenses/LICENSE-DATA")
    assert data_licence is not None
    assert "https://creativecommons.org/licenses/by/4.0/legalcode" in data_licence
    assert "This project claims no rights in either." in data_licence
    assert "MIT License" in (dist.read_text("licenses/LICENSE") or "")


def test_the_project_urls_are_addresses_the_data_cites() -> None:
    """The project has no repository or documentation site yet: only addresses the data grounds are listed."""
    entries = distribution("shusha-decl").metadata.get_all("Project-URL") or []
    urls = [entry.split(", ", 1)[1] for entry in entries]
    assert TEXT_SOURCE.url in urls  # type: ignore[union-attr]
    assert set(urls) <= {s.url for s in DECL.sources}


# -- CITATION.cff -----------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def citation() -> dict[str, object]:
    yaml = pytest.importorskip("yaml")
    return yaml.safe_load((ROOT / "CITATION.cff").read_text(encoding="utf-8"))  # type: ignore[no-any-return]


def test_citation_cff_is_valid_cff_1_2_0(citation: dict[str, object]) -> None:
    jsonschema = pytest.importorskip("jsonschema")
    schema = json.loads((ROOT / "tests" / "data" / "cff" / "schema.json").read_text(encoding="utf-8"))
    errors = [e.message for e in jsonschema.Draft7Validator(schema).iter_errors(citation)]
    assert errors == []
    assert citation["cff-version"] == "1.2.0"


def test_citation_cff_states_the_package_version_and_licences(citation: dict[str, object]) -> None:
    """One licence per work: CFF 1.2.0 reads a list of licences as a choice between them (OR)."""
    assert citation["version"] == shusha_decl.__version__
    assert citation["type"] == "software"
    assert citation["license"] == version.CODE_LICENSE  # the software; the dataset is the preferred citation
    message = citation["message"]
    assert isinstance(message, str)
    assert "the code is MIT; this project's data is CC BY 4.0" in message
    assert "the declaration's text is not licensed by this project" in message


def test_citation_cff_prefers_the_dataset_at_its_data_version(citation: dict[str, object]) -> None:
    preferred = citation["preferred-citation"]
    assert isinstance(preferred, dict)
    assert preferred["type"] == "data"
    assert preferred["version"] == shusha_decl.__version__
    assert preferred["date-released"] == shusha_decl.DATA_VERSION
    assert preferred["license"] == version.DATA_LICENSE
    assert preferred["notes"] == f"{version.DATA_RIGHTS} {version.TEXT_RIGHTS}"


def test_citation_cff_references_the_text_source(citation: dict[str, object]) -> None:
    references = citation["references"]
    assert isinstance(references, list)
    (text,) = [r for r in references if r.get("url") == TEXT_SOURCE.url]  # type: ignore[union-attr]
    assert text["title"] == TEXT_SOURCE.title  # type: ignore[union-attr]
    assert text["date-published"] == shusha_decl.SOURCE_DATE


# -- the exports ------------------------------------------------------------------------------------


def test_datapackage_declares_the_data_licence_and_the_text_status(tmp_path: Path) -> None:
    frictionless = pytest.importorskip("frictionless")
    descriptor = write(DECL, "datapackage", tmp_path)
    package = frictionless.Package(str(descriptor))
    assert package.licenses == [
        {"name": "CC-BY-4.0", "path": version.DATA_LICENSE_URL, "title": version.DATA_LICENSE_TITLE}
    ]
    assert version.TEXT_RIGHTS in (package.description or "")
    assert package.version == shusha_decl.__version__


def test_datapackage_says_which_columns_its_licence_does_not_cover(tmp_path: Path) -> None:
    """The package's licence covers every resource: those holding text it does not cover say so, by column."""
    frictionless = pytest.importorskip("frictionless")
    package = frictionless.Package(str(write(DECL, "datapackage", tmp_path)))
    assert package.licenses[0]["name"] == version.DATA_LICENSE
    described = {r.name: r.description for r in package.resources if r.description}
    licensed_text = {"units", "edits", "titles", "commitments", "quotes", "claims"}
    derived = {"atop-dyad-years", "cow-dyad-years", "alliance-members"}
    derived |= {"atop-dyad-years-alternative", "cow-dyad-years-alternative"}
    assert described.keys() == licensed_text | derived
    assert all(not r.licenses for r in package.resources)  # none names a licence the text lacks
    for name in ("units", "titles", "commitments", "quotes"):
        assert package.get_resource(name).schema.has_field("text")
        assert described[name].startswith("The column `text` holds the declaration's text, which")
        assert version.TEXT_RIGHTS in described[name]
    assert described["edits"].startswith("The columns `before` and `after` hold the declaration's text")
    assert "each claim quoted as its source (the column `source`) has it" in described["claims"]
    assert all(
        described[n].endswith("The other columns are under the package's licence.") for n in licensed_text
    )


@pytest.fixture(scope="module")
def graph() -> object:
    rdflib = pytest.importorskip("rdflib")
    return rdflib.Graph().parse(data=write(DECL, "jsonld"), format="json-ld")


DECLARATION_IRI = "urn:shusha-decl:2021-06-15#shusha-declaration"


@pytest.mark.filterwarnings("ignore:ConjunctiveGraph is deprecated:DeprecationWarning")
def test_jsonld_dates_are_typed_xsd_date(graph: object) -> None:
    from rdflib import Literal, Namespace, URIRef
    from rdflib.namespace import XSD

    schema = Namespace("https://schema.org/")
    dates = {(s, o) for s, o in graph.subject_objects(schema.legislationDate)}  # type: ignore[attr-defined]
    assert (URIRef(DECLARATION_IRI), Literal("2021-06-15", datatype=XSD.date)) in dates
    signed = [a for a in DECL.agreements if a.signed_on]
    assert len(dates) == 1 + len(signed) > 1
    assert all(o.datatype == XSD.date for _, o in dates)


@pytest.mark.filterwarnings("ignore:ConjunctiveGraph is deprecated:DeprecationWarning")
def test_jsonld_titles_carry_their_language_tags(graph: object) -> None:
    from rdflib import Literal, Namespace, URIRef

    schema = Namespace("https://schema.org/")
    decl = URIRef(DECLARATION_IRI)
    names = {*graph.objects(decl, schema.name), *graph.objects(decl, schema.alternateName)}  # type: ignore[attr-defined]
    assert {t.language for t in DECL.titles.values()} == {"az", "tr", "ru", "en"}
    for title in DECL.titles.values():
        assert Literal(title.text, lang=title.language) in names, title.language
    assert Literal(DECL.short_title, lang="en") in names
    assert all(name.language for name in names)


@pytest.mark.filterwarnings("ignore:ConjunctiveGraph is deprecated:DeprecationWarning")
def test_jsonld_licenses_the_data_and_states_the_text_status(graph: object) -> None:
    from rdflib import Literal, Namespace, URIRef

    schema = Namespace("https://schema.org/")
    decl = URIRef(DECLARATION_IRI)
    assert graph.value(decl, schema.sdLicense) == URIRef(version.DATA_LICENSE_URL)  # type: ignore[attr-defined]
    assert graph.value(decl, schema.copyrightNotice) == Literal(version.TEXT_RIGHTS)  # type: ignore[attr-defined]


def test_akn_meta_carries_the_licences_and_validates() -> None:
    etree = pytest.importorskip("lxml.etree")
    akn = etree.fromstring(write(DECL, "akn").encode("utf-8"))  # type: ignore[union-attr]
    ns = {"akn": "http://docs.oasis-open.org/legaldocml/ns/akn/3.0", "dcterms": "http://purl.org/dc/terms/"}
    (proprietary,) = akn.xpath("/akn:akomaNtoso/akn:statement/akn:meta/akn:proprietary", namespaces=ns)
    assert proprietary.get("source") == "#shusha-decl"
    assert proprietary.xpath("dcterms:license/text()", namespaces=ns) == [version.DATA_LICENSE_URL]
    rights = proprietary.xpath("dcterms:rights/text()", namespaces=ns)
    assert rights == [version.DATA_RIGHTS, version.TEXT_RIGHTS]
    schema = etree.XMLSchema(etree.parse(str(ROOT / "tests" / "data" / "akn" / "akomantoso30.xsd")))
    assert schema.validate(akn), schema.error_log
