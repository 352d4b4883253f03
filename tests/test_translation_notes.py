"""The translation notes: where the authentic (and official) texts say what the shipped English does not."""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

import pytest

import shusha_decl
from shusha_decl import EvidenceKind, TranslationNote
from shusha_decl.export import write

DECL = shusha_decl.declaration()
NUMBERED = [unit.id for unit in (*DECL.preamble, *DECL.provisions)]


def test_para_9_azerbaijani_quotation_is_recorded_exactly() -> None:
    notes = DECL.translation_notes(unit="para_9", language="az")
    (note,) = [n for n in notes if n.sources == ("huquqaz-4283",)]
    assert note.quotation == (
        "Silahlı Qüvvələrin güc və idarəetmə strukturlarının əlaqələndirilmiş fəaliyyəti təşkil olunacaqdır"  # noqa: RUF001
    )
    assert note.our_rendering.startswith("coordinated activity of the force and management/command")
    assert note.evidence_kind is EvidenceKind.VERBATIM
    assert note.variables == ("milcon",)
    assert DECL.get(note.id) is note


def test_recital_5_names_defence_in_turkish_and_azerbaijani() -> None:
    notes = DECL.translation_notes(unit="preamble__recs__rec_5")
    assert {n.language for n in notes} == {"tr", "az"}
    assert all(n.our_rendering and "defence" in n.our_rendering for n in notes)
    assert all(n.variables == ("defense", "milcon") for n in notes)  # both rationales rest on recital 5
    assert "savunma" in next(n for n in notes if n.language == "tr").quotation
    assert "müdafiə" in next(n for n in notes if n.language == "az").quotation


def test_counts_per_language() -> None:
    counts = Counter(n.language for n in DECL.translation_notes)
    assert counts == {"tr": 17, "az": 9, "ru": 4, "fr": 2, "kk": 1, "en": 1}
    assert len(DECL.translation_notes(language=["tr", "az"])) == 26


def test_only_a_quotation_in_english_has_no_rendering_of_ours() -> None:
    (english,) = DECL.translation_notes(language="en")
    assert english.id == "para_9__note_6"
    assert english.quotation == "power and command structures of the Armed Forces"
    assert english.our_rendering is None  # shahidov.com's English, not ours
    assert all(n.our_rendering for n in DECL.translation_notes if n.language != "en")


def test_each_variable_a_note_bears_on_names_the_note_in_its_rationale() -> None:
    bearing = [(n.id, v) for n in DECL.translation_notes for v in n.variables]
    assert len(bearing) == 12  # rec_5: 2 notes x (defense, milcon); para_9: 7 x milcon, 1 x defense
    for note_id, variable in bearing:
        assert note_id in getattr(DECL.alliance, variable).rationale, (note_id, variable)


def test_wording_follows_the_research() -> None:
    assert DECL.get("para_9__note_7").note == "Quoted from Matthew Bryza."  # type: ignore[union-attr]
    # The Turkish "demir yolunun" is a genitive whose head the page cuts off: not "of the railway".
    rendering = DECL.get("para_20__note_3").our_rendering  # type: ignore[union-attr]
    assert rendering == "the opening of the Zangezur corridor and the Nakhchivan-Kars railway's …"


def test_units_and_sources_exist() -> None:
    sources = {s.id for s in DECL.sources}
    for note in DECL.translation_notes:
        assert note.unit in NUMBERED
        assert note.sources
        assert set(note.sources) <= sources


def test_paraphrases_are_marked_uncertain() -> None:
    paraphrases = [n for n in DECL.translation_notes if n.evidence_kind is EvidenceKind.PARAPHRASE]
    assert len(paraphrases) == 15
    assert all(n.uncertain for n in paraphrases)
    # Paragraph 18 (Southern Gas Corridor, electricity) rests on a paraphrase only.
    assert {n.evidence_kind for n in DECL.translation_notes(unit="para_18")} == {EvidenceKind.PARAPHRASE}


def test_coverage_per_language() -> None:
    by_language = {c.language: c for c in DECL.comparisons}
    assert {lang: (len(c.verbatim), len(c.paraphrase)) for lang, c in by_language.items()} == {
        "tr": (9, 9),
        "az": (8, 9),
        "ru": (3, 5),
    }
    for comparison in DECL.comparisons:
        assert sorted((*comparison.verbatim, *comparison.paraphrase, *comparison.not_compared)) == sorted(
            NUMBERED
        )
    compared_anywhere = {u for c in DECL.comparisons for u in (*c.verbatim, *c.paraphrase)}
    assert len(compared_anywhere) == 24
    assert "para_33" not in compared_anywhere  # domestic passports: could not be checked
    assert by_language["tr"].compared("para_9") is EvidenceKind.VERBATIM
    assert by_language["az"].compared("para_17") is EvidenceKind.PARAPHRASE
    assert by_language["az"].compared("para_1") is None  # not compared, not "agrees"


def test_filter_by_unit_record_and_commitment() -> None:
    by_id = DECL.translation_notes(unit="para_9")
    assert by_id == DECL.translation_notes(unit=DECL.get("para_9"))
    assert by_id == DECL.translation_notes(unit="para_9__cmt_1")
    commitment = next(c for c in DECL.commitments if c.id == "para_9__cmt_1")
    assert by_id == DECL.translation_notes(unit=commitment)  # a Commitment, as the type hint says
    assert all(isinstance(n, TranslationNote) and n.unit == "para_9" for n in by_id)
    with pytest.raises(shusha_decl.UnknownNameError):
        DECL.translation_notes(unit="para_99")


# -- in the exports --------------------------------------------------------------------------------

AKN = "{http://docs.oasis-open.org/legaldocml/ns/akn/3.0}"
AKN_SCHEMA = Path(__file__).parent / "data" / "akn" / "akomantoso30.xsd"


def test_akn_has_every_note_in_meta_referenced_from_its_unit_and_validates() -> None:
    etree = pytest.importorskip("lxml.etree")
    akn = etree.fromstring(write(DECL, "akn").encode("utf-8"))  # type: ignore[union-attr]
    schema = etree.XMLSchema(etree.parse(str(AKN_SCHEMA)))
    assert schema.validate(akn), schema.error_log
    notes = akn.findall(f"{AKN}statement/{AKN}meta/{AKN}notes/{AKN}note")
    assert [n.get("eId") for n in notes] == [n.id for n in DECL.translation_notes]
    (note,) = [n for n in notes if n.get("eId") == "para_9__note_1"]
    assert note.get("placementBase") == "para_9"
    (quotation,) = note.iter(f"{AKN}span")
    assert quotation.text == DECL.get("para_9__note_1").quotation  # type: ignore[union-attr]
    assert quotation.get("{http://www.w3.org/XML/1998/namespace}lang") == "az"
    refs = akn.xpath("//*[@eId='para_9']//a:noteRef/@href", namespaces={"a": AKN[1:-1]})
    assert refs == [f"#{n.id}" for n in DECL.translation_notes(unit="para_9")]
    (english,) = [n for n in notes if n.get("eId") == "para_9__note_6"]
    assert not [p for p in english.itertext() if "Rendering by shusha-decl" in p]
    assert len([p for p in akn.itertext() if p.startswith("Rendering by shusha-decl")]) == 33


def test_notes_are_in_document_order_and_akn_markers_run_down_the_document() -> None:
    positions = {unit.id: i for i, unit in enumerate(DECL.units)}
    assert [positions[n.unit] for n in DECL.translation_notes] == sorted(
        positions[n.unit] for n in DECL.translation_notes
    )
    body = write(DECL, "akn")
    assert isinstance(body, str)
    markers = re.findall(r'<noteRef href="#[^"]+" marker="([0-9]+)"', body)
    assert markers == [str(k) for k in range(1, len(DECL.translation_notes) + 1)]


def test_markdown_shows_the_notes_under_their_unit() -> None:
    markdown = write(DECL, "markdown")
    assert isinstance(markdown, str)
    para_9 = markdown[markdown.index('<a id="para_9">') : markdown.index('<a id="para_10">')]
    assert "Translation notes" in para_9
    assert "`para_9__note_1` az (verbatim): \u201cSilahl\u0131 Q\u00fcvv\u0259l\u0259rin g\u00fc" in para_9
    assert "our rendering: \u201ccoordinated activity of the force and management/command" in para_9
    assert "(<https://huquqaz.com/?p=4283>)" in para_9
    para_18 = markdown[markdown.index('<a id="para_18">') : markdown.index('<a id="para_19">')]
    assert para_18.count("(paraphrase, uncertain)") == 3
    (english,) = [line for line in para_9.splitlines() if "`para_9__note_6`" in line]
    assert "power and command structures" in english
    assert para_9.count("our rendering:") == len(DECL.translation_notes(unit="para_9")) - 1
    para_1 = markdown[markdown.index('<a id="para_1">') : markdown.index('<a id="para_2">')]
    assert "Translation notes" not in para_1


def test_tables_frames_and_the_data_package(tmp_path: Path) -> None:
    rows = shusha_decl.to_records("translation_notes")
    assert len(rows) == 34
    assert rows[0]["evidence_kind"] in ("verbatim", "paraphrase")
    assert {r["language"] for r in shusha_decl.to_records("comparisons")} == {"tr", "az", "ru"}
    frictionless = pytest.importorskip("frictionless")
    descriptor = write(DECL, "datapackage", tmp_path / "package")
    report = frictionless.validate(str(descriptor / "datapackage.json"))  # type: ignore[operator]
    assert report.valid, report.flatten(["rowNumber", "fieldName", "type", "note"])
    with (descriptor / "translation_notes.csv").open(encoding="utf-8") as table:
        assert sum(1 for _ in table) == 35  # the header and one row per note


def test_command_line_lists_the_notes_of_a_unit() -> None:
    import contextlib
    import io

    from shusha_decl.cli import main

    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        status = main(["translation-notes", "--unit", "para_9", "--language", "tr", "--csv"])
    assert status == 0
    lines = out.getvalue().splitlines()
    assert lines[0].startswith("id,unit,language,quotation,our_rendering,evidence_kind")
    assert [line.split(",")[0] for line in lines[1:]] == [
        n.id for n in DECL.translation_notes(unit="para_9", language="tr")
    ]
