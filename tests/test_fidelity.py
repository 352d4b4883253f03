"""The packaged text is the source text: every sentence kept, nothing added, every fix recorded."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

import shusha_decl

SOURCE = Path(__file__).parent / "data" / "source" / "000_a3bc560c820c8793.txt"
FIRST = "The Republic of Azerbaijan and the Republic of Turkey,"
LAST = "all texts are equally authentic."


@pytest.fixture(scope="module")
def body() -> str:
    """The declaration's part of the source page, from its first word to its last."""
    page = SOURCE.read_text(encoding="utf-8")
    return page[page.index(FIRST) : page.index(LAST) + len(LAST)]


def restored(unit: shusha_decl.Unit, decl: shusha_decl.Declaration) -> str:
    """The unit's text with its editorial fixes undone: the source exactly as received."""
    text = unit.text
    for edit in decl.edits:
        if edit.unit == unit.id:
            assert text.count(edit.after) == 1, edit.id
            text = text.replace(edit.after, edit.before)
    return text


def words(text: str) -> list[str]:
    return re.findall(r"\w+|[^\w\s]", text)


def sentences(text: str) -> list[str]:
    return [s for s in re.split(r"(?<=[.:])\s+(?=[A-Z])", " ".join(text.split())) if s]


def test_units_with_fixes_undone_are_the_source_in_order(body: str) -> None:
    decl = shusha_decl.declaration()
    position = 0
    for unit in decl.units:
        source_form = restored(unit, decl)
        start = body.find(source_form, position)
        assert start >= 0, f"{unit.id} is not verbatim in the source"
        assert body[position:start].strip() == "", f"source text before {unit.id} is in no unit"
        position = start + len(source_form)
    assert body[position:].strip() == ""


def test_every_source_sentence_is_in_the_data_and_nothing_is_added(body: str) -> None:
    decl = shusha_decl.declaration()
    edited = body
    for edit in decl.edits:
        edited = edited.replace(edit.before, edit.after, 1)
    data_text = " ".join(decl.text.split())
    for sentence in sentences(edited):
        assert sentence in data_text
    assert words(decl.text) == words(edited)


def test_each_edit_is_found_once_in_the_source(body: str) -> None:
    decl = shusha_decl.declaration()
    for edit in decl.edits:
        assert body.count(edit.before) >= 1, edit.id
        assert edit.before != edit.after


def test_the_recorded_fixes_are_the_artefacts_the_sources_readme_lists() -> None:
    decl = shusha_decl.declaration()
    fixes = {(e.unit, e.kind.value, e.before, e.after) for e in decl.edits if e.kind.value != "list-marker"}
    assert fixes == {
        ("para_8", "line-join", "organizations,\n\nincluding the UN", "organizations, including the UN"),
        ("para_8", "space", "Council of Europe , Cooperation", "Council of Europe, Cooperation"),
        (
            "para_18",
            "line-join",
            "Europe. The\n\nparties, in coordination",
            "Europe. The parties, in coordination",
        ),
    }
    dashed = [e for e in decl.edits if e.kind.value == "list-marker"]
    assert all(e.before.lstrip().startswith("- ") and e.before.endswith(e.after) for e in dashed)


def test_commitments_are_the_sentences_of_their_paragraph() -> None:
    decl = shusha_decl.declaration()
    for provision in decl.provisions:
        own = [c.text for c in decl.commitments if c.provision == provision.id]
        assert " ".join(own) == provision.text
        assert own == sentences(provision.text)


def test_quotes_are_verbatim_in_their_unit() -> None:
    decl = shusha_decl.declaration()
    for quote in decl.quotes:
        assert f'"{quote.text}"' in decl.get(quote.unit).text  # type: ignore[union-attr]
