"""How the declaration, its collections and its records show themselves in notebooks: HTML tables.

Every cell is escaped, and styled inline to be left-aligned and to wrap long text (notebook front ends
right-align table cells, and some do not wrap them; inline styles survive their sanitisers).  The
module imports nothing of ours, so that the records (in `model`) can use it: it knows a record by its
being an attrs class, and a partial date by its ``first_day`` method, not by their classes.  `html` is
imported when HTML is drawn, not with this module.
"""

from __future__ import annotations

import enum
from collections.abc import Iterable, Sequence
from datetime import date
from typing import Any

import attrs

_STYLE = ' style="text-align:left;vertical-align:top;white-space:pre-wrap"'

#: The telling columns of each kind of record in a table of many, after its id; other kinds show every field.
_COLUMNS = {
    "Unit": ("kind", "num", "text"),
    "Edit": ("unit", "kind", "before", "after"),
    "Party": ("name", "short_name", "cow_code"),
    "Signatory": ("person", "party"),
    "Title": ("language", "text"),
    "Commitment": ("modality", "actors", "topics", "text"),
    "Topic": ("label", "category", "definition"),
    "Agreement": ("title", "kind", "signed_on", "signed_at", "parties"),
    "Organization": ("name", "acronym", "kind", "founded_on", "headquarters"),
    "Place": ("name", "kind"),
    "Person": ("name", "roles"),
    "Quote": ("speaker", "kind", "text"),
    "Source": ("title", "publisher", "published_on", "kind"),
    "Event": ("date", "title", "concerns"),
    "Claim": ("status", "made_by", "source", "text"),
    "TranslationNote": ("unit", "language", "evidence_kind", "uncertain", "quotation", "our_rendering"),
}


def _text(value: Any) -> str:
    """A value as a cell's text (before escaping); a date known to the month or year reads as such."""
    if value is None:
        return ""
    if isinstance(value, enum.Enum):
        return str(value.value)
    if isinstance(value, date):
        return value.isoformat()
    # A partial date, known by its method (this module cannot import model): "2011", "February 2022".
    if hasattr(value, "first_day") and value.precision != "day":
        return str(value.year) if value.precision == "year" else str(value.first_day().strftime("%B %Y"))
    return str(value)


def _word(text: str) -> str:
    """*text* escaped; one without spaces (an id, a date, a code) kept on one line, not broken at a hyphen."""
    from html import escape

    if not text or any(c.isspace() for c in text):
        return escape(text)
    return f'<span style="white-space:nowrap">{escape(text)}</span>'


def _cell(value: Any) -> str:
    """A value as a table cell's HTML: escaped text; lists joined by commas; a nested record as its table."""
    # A partial date is an attrs class too, but a value: it reads as a date, not as a nested table.
    if isinstance(value, tuple):
        if any(attrs.has(type(item)) and not hasattr(item, "first_day") for item in value):
            return "".join(map(_cell, value))
        return ", ".join(_word(_text(item)) for item in value)
    if attrs.has(type(value)) and not hasattr(value, "first_day"):
        return record_html(value, caption=False)
    return _word(_text(value))


def _grid(caption: str, head: Sequence[str], rows: Iterable[Iterable[str]]) -> str:
    """An HTML table under *caption*: a header of *head* and *rows* of cells already in HTML."""
    from html import escape

    heads = "".join(f"<th{_STYLE}>{escape(c)}</th>" for c in head)
    body = "".join("<tr>" + "".join(f"<td{_STYLE}>{cell}</td>" for cell in row) + "</tr>" for row in rows)
    return (
        f"<table><caption>{escape(caption)}</caption>"
        f"<thead><tr>{heads}</tr></thead><tbody>{body}</tbody></table>"
    )


def _none(caption: str) -> str:
    from html import escape

    return f"<p><b>{escape(caption)}</b>: none</p>"


def html_table(records: Sequence[Any], caption: str) -> str:
    """An HTML table of *records*: the id and the telling columns, text in full."""
    if not records:
        return _none(caption)
    kind = type(records[0])
    columns = ["id", *_COLUMNS.get(kind.__name__, (a.name for a in attrs.fields(kind) if a.name != "id"))]
    rows = ([_cell(getattr(r, c, None)) for c in columns] for r in records)
    return _grid(f"{caption} ({len(records)})", columns, rows)


def entities_html(entities: Sequence[Any], caption: str) -> str:
    """An HTML table of records of several kinds: the id, the kind (the record's class) and the name."""
    if not entities:
        return _none(caption)
    rows = ([_cell(e.id), _cell(type(e).__name__), _cell(e.name)] for e in entities)
    return _grid(f"{caption} ({len(entities)})", ("id", "kind", "name"), rows)


def marked_html(text: str, spans: Iterable[tuple[int, int]]) -> str:
    """*text* escaped, with each ``(start, end)`` span of it in ``<mark>``."""
    from html import escape

    parts, at = [], 0
    for start, end in spans:
        parts += [escape(text[at:start]), f"<mark>{escape(text[start:end])}</mark>"]
        at = end
    return "".join([*parts, escape(text[at:])])


#: The columns of a text search's results, one row a text unit.
_MATCH_COLUMNS = ("unit", "matches", "text")


def _match_cells(match: Any) -> list[str]:
    """A text search's match (a unit and the spans of the words in its text) as the cells of its row."""
    return [_cell(match.unit.id), str(len(match.spans)), marked_html(match.unit.text, match.spans)]


def matches_html(matches: Sequence[Any], caption: str) -> str:
    """An HTML table of a text search's matches: the unit, how many matches, its text with them marked."""
    if not matches:
        return _none(caption)
    return _grid(f"{caption} ({len(matches)})", _MATCH_COLUMNS, map(_match_cells, matches))


def match_html(match: Any) -> str:
    """One match of a text search as a key/value table: the unit, how many matches, the text marked."""
    from html import escape

    rows = "".join(
        f"<tr><th{_STYLE}>{name}</th><td{_STYLE}>{cell}</td></tr>"
        for name, cell in zip(_MATCH_COLUMNS, _match_cells(match), strict=True)
    )
    return f"<table><caption>{escape(f'TextMatch {match.unit.id}')}</caption><tbody>{rows}</tbody></table>"


def record_html(record: Any, caption: bool = True) -> str:
    """One record as a key/value table of its fields, under its kind and id: each record's `_repr_html_`."""
    from html import escape

    fields = [a.name for a in attrs.fields(type(record))]
    rows = "".join(
        f"<tr><th{_STYLE}>{name}</th><td{_STYLE}>{_cell(getattr(record, name))}</td></tr>" for name in fields
    )
    title = " ".join((type(record).__name__, *([record.id] if "id" in fields else [])))
    head = f"<caption>{escape(title)}</caption>" if caption else ""
    return f"<table>{head}<tbody>{rows}</tbody></table>"


def summary_html(caption: str, rows: Iterable[tuple[str, str]]) -> str:
    """An HTML table of (label, value) rows under *caption*."""
    from html import escape

    body = "".join(f"<tr><th{_STYLE}>{escape(k)}</th><td{_STYLE}>{escape(v)}</td></tr>" for k, v in rows)
    return f"<table><caption>{escape(caption)}</caption><tbody>{body}</tbody></table>"
