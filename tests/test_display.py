"""What a notebook or a REPL shows: short reprs, and HTML tables with ids, every cell escaped and wrapped."""

from __future__ import annotations

import typing
from html.parser import HTMLParser
from typing import Any

import attrs
import pytest

import shusha_decl

DECL = shusha_decl.declaration()
COLLECTIONS = ["preamble", "provisions", "edits", "parties", "commitments", "agreements", "organizations"]
COLLECTIONS += ["places", "persons", "quotes", "topics", "sources", "events", "claims"]
#: One record of each class the edition holds, and the alliance coding.
ONE_OF_EACH = {type(record).__name__: record for record in DECL.records()}
ONE_OF_EACH["Alliance"] = DECL.alliance


class _Table(HTMLParser):
    """The cells of an HTML page, read back as a browser would: rows of (tag, text, style)."""

    def __init__(self, page: str) -> None:
        super().__init__()
        self.rows: list[list[tuple[str, str, str]]] = []
        self.captions: list[str] = []
        self._open: list[tuple[str, str, list[str]]] = []  # the cells being read, innermost last
        self._rows: list[list[tuple[str, str, str]]] = []  # the rows being read, innermost last
        self.feed(page)
        self.close()

    def handle_starttag(self, tag: str, attributes: list[tuple[str, str | None]]) -> None:
        if tag == "tr":
            self._rows.append([])
            self.rows.append(self._rows[-1])
        elif tag in ("th", "td", "caption"):
            self._open.append((tag, dict(attributes).get("style") or "", []))

    def handle_endtag(self, tag: str) -> None:
        if tag == "tr":
            self._rows.pop()
        elif tag in ("th", "td", "caption"):
            kind, style, text = self._open.pop()
            if kind == "caption":
                self.captions.append("".join(text))
            else:
                self._rows[-1].append((kind, "".join(text), style))

    def handle_data(self, data: str) -> None:
        if self._open:
            self._open[-1][2].append(data)


def _pairs(page: str) -> dict[str, str]:
    """The (label, value) rows of a key/value table; nested tables' rows are included."""
    return {row[0][1]: row[1][1] for row in _Table(page).rows if len(row) == 2 and row[0][0] == "th"}


def test_declaration_repr_is_one_short_line() -> None:
    assert repr(DECL) == (
        "<Declaration 'Shusha Declaration', signed 2021-06-15: 11 recitals, 34 paragraphs, 46 commitments>"
    )


def test_declaration_html_is_a_summary_table() -> None:
    page = DECL._repr_html_()
    assert _Table(page).captions == [DECL.title]
    rows = _pairs(page)
    assert rows["signed"] == "2021-06-15, Shusha"
    assert rows["commitments"] == "46"
    assert rows["translation_notes"] == str(len(DECL.translation_notes)) == "34"


@pytest.mark.parametrize("name", COLLECTIONS)
def test_collections_repr_short_and_html_with_every_id(name: str) -> None:
    collection = getattr(DECL, name)
    assert isinstance(collection, tuple)
    assert len(repr(collection)) < 200
    assert repr(collection).startswith(f"<{type(collection).__name__}: {len(collection)} (")
    table = _Table(collection._repr_html_())
    assert [row[0][1] for row in table.rows[1:]] == [record.id for record in collection]


def test_titles_show_as_a_table() -> None:
    table = _Table(DECL.titles._repr_html_())
    assert table.captions == ["Titles (4)"]
    assert [cell[1] for cell in table.rows[0]] == ["id", "language", "text"]
    assert [row[1][1] for row in table.rows[1:]] == list(DECL.titles)
    assert table.rows[1][2][1] == DECL.titles.records[0].text


@pytest.mark.parametrize("kind", sorted(ONE_OF_EACH))
def test_every_record_shows_as_a_key_value_table_of_its_fields(kind: str) -> None:
    record = ONE_OF_EACH[kind]
    page = record._repr_html_()
    table = _Table(page)
    assert table.captions[0] == " ".join((kind, *([record.id] if hasattr(record, "id") else [])))
    assert _pairs(page).keys() >= {a.name for a in attrs.fields(type(record))}
    assert table.rows[0][0][1] == attrs.fields(type(record))[0].name


def test_a_record_table_holds_its_values_in_full() -> None:
    unit = DECL.get("para_9")
    rows = _pairs(unit._repr_html_())
    assert rows == {"id": "para_9", "kind": "paragraph", "num": "9", "text": unit.text}
    assert len(repr(unit)) < 200  # the repr is attrs' own, with the text cut
    assert "…" in repr(unit)
    assert len(repr(DECL.commitments[0])) < 300
    commitment = _pairs(DECL.get("para_9__cmt_1")._repr_html_())
    assert commitment["actors"] == "AZ, TR"
    assert commitment["topics"] == "mutual-assistance, security"


def test_records_stay_frozen_slotted_attrs_classes() -> None:
    unit = DECL.get("para_9")
    assert not hasattr(unit, "__dict__")
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        unit.text = "changed"  # type: ignore[misc]
    assert unit == attrs.evolve(unit)
    assert hash(unit) == hash(attrs.evolve(unit))
    assert repr(unit).startswith("Unit(id='para_9', kind=<UnitKind.PARAGRAPH: 'paragraph'>, num=9, text=")


def test_the_alliance_shows_each_coding_as_a_nested_table() -> None:
    rows = _pairs(DECL.alliance._repr_html_())
    assert rows["confidence"]  # the nested codings' rows are read too
    table = _Table(DECL.alliance._repr_html_())
    defense = next(i for i, row in enumerate(table.rows) if row[0][1] == "defense")
    assert [cell[1] for cell in table.rows[defense + 1]] == ["value", "1"]
    assert [cell[1] for cell in table.rows[defense + 2]] == ["confidence", "medium"]


def test_agreements_show_their_signature_dates() -> None:
    table = _Table(DECL.agreements._repr_html_())
    head = [cell[1] for cell in table.rows[0]]
    assert "signed_on" in head
    kars = next(row for row in table.rows if row[0][1] == "treaty-of-kars")
    assert kars[head.index("signed_on")][1] == "1921-10-13"
    assert _pairs(DECL.get("treaty-of-kars")._repr_html_())["signed_on"] == "1921-10-13"


def test_partial_dates_read_as_a_year_or_a_month() -> None:
    table = _Table(DECL.events._repr_html_())
    head = [cell[1] for cell in table.rows[0]]
    dates = {row[0][1]: row[head.index("date")][1] for row in table.rows[1:]}
    assert dates["strategic-partnership-treaty-ratified-tr"] == "2011"
    assert dates["milli-majlis-approval"] == "February 2022"
    assert dates["declaration-signed"] == "2021-06-15"
    assert dates["entry-into-force"] == ""  # the sources disagree by more than a month
    source = _pairs(DECL.get("ratification-2022-02")._repr_html_())
    assert source["published_on"] == "February 2022"


def test_text_search_results_show_as_a_table_with_the_matches_marked() -> None:
    found = DECL.search("ilham aliyev")
    assert repr(found) == "<TextMatches: 1 (preamble__recs__rec_1)>"
    page = found._repr_html_()
    table = _Table(page)
    assert table.captions == ["TextMatches (1)"]
    assert [cell[1] for cell in table.rows[0]] == ["unit", "matches", "text"]
    unit = DECL.get("preamble__recs__rec_1")
    assert [cell[1] for cell in table.rows[1]] == [unit.id, "1", unit.text]  # the text in full
    assert page.count("<mark>") == 1
    assert "<mark>İlham Aliyev</mark>" in page
    ranked = DECL.search("parties")
    table = _Table(ranked._repr_html_())
    assert [(row[0][1], row[1][1]) for row in table.rows[1:]] == [
        (m.unit.id, str(len(m.spans))) for m in ranked
    ]
    assert "TextMatches</b>: none" in DECL.search("xyzzy")._repr_html_()


def test_a_text_match_shows_as_a_key_value_table() -> None:
    match = DECL.search("parties")[0]
    page = match._repr_html_()
    assert _Table(page).captions == [f"TextMatch {match.unit.id}"]
    assert _pairs(page) == {"unit": match.unit.id, "matches": str(len(match.spans)), "text": match.unit.text}
    assert page.count("<mark>") == len(match.spans)


def test_name_search_results_show_as_one_table_across_kinds() -> None:
    found = DECL.search_names("kars")
    table = _Table(found._repr_html_())
    assert table.captions == [f"Entities ({len(found)})"]
    assert [cell[1] for cell in table.rows[0]] == ["id", "kind", "name"]
    rows = [[cell[1] for cell in row] for row in table.rows[1:]]
    assert rows == [[e.id, type(e).__name__, e.name] for e in found]
    assert {"Agreement", "Place"} <= {row[1] for row in rows}  # the treaty and the railway
    assert repr(found[:1]) == f"<Entities: 1 ({found[0].id})>"


def test_search_results_are_typed_collections() -> None:
    assert typing.get_type_hints(shusha_decl.search)["return"] is shusha_decl.TextMatches
    assert typing.get_type_hints(shusha_decl.Declaration.search)["return"] is shusha_decl.TextMatches
    found = shusha_decl.search("parties")
    assert isinstance(found, tuple)
    assert found.declaration is DECL
    assert isinstance(found[:2], shusha_decl.TextMatches)


@pytest.mark.parametrize(
    "shown",
    [
        DECL,
        DECL.commitments,
        DECL.titles,
        DECL.get("para_9"),
        DECL.alliance,
        DECL.search("parties"),
        DECL.search("parties")[0],
        DECL.search_names("aliyev"),
    ],
    ids=["declaration", "commitments", "titles", "unit", "alliance", "search", "match", "search_names"],
)
def test_every_cell_is_left_aligned_and_wraps(shown: Any) -> None:
    cells = [cell for row in _Table(shown._repr_html_()).rows for cell in row]
    assert cells
    for _, _, style in cells:
        assert "text-align:left" in style
        assert "white-space:pre-wrap" in style


def test_ids_and_dates_are_not_broken_at_their_hyphens() -> None:
    page = DECL.agreements._repr_html_()
    assert '<span style="white-space:nowrap">1921-10-13</span>' in page
    assert '<span style="white-space:nowrap">mutual-assistance-protocol-1994</span>' in page
    assert ">Treaty of Kars<" in page  # text with spaces wraps at them


HOSTILE = '<script>alert(1)</script> <img src=x onerror="alert(2)"> a < b & c'


def test_html_escapes_text_everywhere() -> None:
    unit = shusha_decl.Unit("x", shusha_decl.UnitKind.PARAGRAPH, 1, HOSTILE)
    name = shusha_decl.Name(HOSTILE, HOSTILE, None, (HOSTILE,))
    organization = attrs.evolve(DECL.organizations[0], id=HOSTILE, former_names=(name,))
    title = attrs.evolve(DECL.titles.records[0], text=HOSTILE)
    pages = {
        "unit": unit._repr_html_(),
        "records": shusha_decl.Records([unit])._repr_html_(),
        "nested": organization._repr_html_(),
        "titles": shusha_decl.Titles([title])._repr_html_(),
        "declaration": attrs.evolve(DECL, title=HOSTILE)._repr_html_(),
        "match": shusha_decl.TextMatch(unit, ((0, 8), (20, 25)))._repr_html_(),
        "matches": shusha_decl.TextMatches([shusha_decl.TextMatch(unit, ((0, 8),))])._repr_html_(),
        "entities": shusha_decl.Entities([organization])._repr_html_(),
    }
    for where, page in pages.items():
        assert "<script>" not in page, where
        assert "<img" not in page, where
        table = _Table(page)
        texts = table.captions + [cell[1] for row in table.rows for cell in row]
        assert any(HOSTILE in text for text in texts), where
    assert "a &lt; b &amp; c" in pages["unit"]
