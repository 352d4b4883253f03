"""What a notebook or a REPL shows: short reprs, and HTML tables with ids."""

from __future__ import annotations

import pytest

import shusha_decl

DECL = shusha_decl.declaration()
COLLECTIONS = ["preamble", "provisions", "edits", "parties", "commitments", "agreements", "organizations"]
COLLECTIONS += ["places", "persons", "quotes", "topics", "sources", "events", "claims"]


def test_declaration_repr_is_one_short_line() -> None:
    assert repr(DECL) == (
        "<Declaration 'Shusha Declaration', signed 2021-06-15: 11 recitals, 34 paragraphs, 46 commitments>"
    )


def test_declaration_html_is_a_summary_table() -> None:
    page = DECL._repr_html_()
    assert page.startswith("<table><caption>Shusha Declaration on Allied Relations")
    assert "<th>signed</th><td>2021-06-15, Shusha</td>" in page
    assert "<th>commitments</th><td>46</td>" in page


@pytest.mark.parametrize("name", COLLECTIONS)
def test_collections_repr_short_and_html_with_every_id(name: str) -> None:
    collection = getattr(DECL, name)
    assert isinstance(collection, tuple)
    assert len(repr(collection)) < 200
    assert repr(collection).startswith(f"<{type(collection).__name__}: {len(collection)} (")
    page = collection._repr_html_()
    for record in collection:
        assert f"<td>{record.id}</td>" in page


def test_unit_and_commitment_reprs_cut_the_text_but_html_shows_it_all() -> None:
    unit = DECL.get("para_9")
    assert isinstance(unit, shusha_decl.Unit)
    assert len(repr(unit)) < 200
    assert "…" in repr(unit)
    assert unit._repr_html_() == f"<p><code>para_9</code> {unit.text}</p>"
    assert len(repr(DECL.commitments[0])) < 300


def test_html_escapes_text() -> None:
    unit = shusha_decl.Unit("x", shusha_decl.UnitKind.PARAGRAPH, 1, "a < b & c")
    assert unit._repr_html_() == "<p><code>x</code> a &lt; b &amp; c</p>"
    assert "a &lt; b &amp; c" in shusha_decl.Records([unit])._repr_html_()
