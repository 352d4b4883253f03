"""How records and collections show themselves: short ``repr``s, and HTML tables in notebooks.

:mod:`html` is imported when HTML is drawn, not with this module, which the
record classes need at import time for their ``repr``.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

__all__ = ["html_table", "short", "short_repr", "summary_html", "unit_html"]

#: The columns a table shows, when a record has them, after its id.
_COLUMNS = ("date", "kind", "modality", "status", "topics", "acronym", "name", "title", "label", "text")
_LIMIT = 60


def short(text: str, limit: int = _LIMIT) -> str:
    """*text* cut to *limit* characters, with an ellipsis if it was longer."""
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def short_repr(text: str) -> str:
    """The ``repr`` of *text*, cut short: for record ``repr``s that stay on a line or two."""
    return repr(short(text))


def _cell(value: Any) -> str:
    """A field's value as a table cell's text (before escaping)."""
    if isinstance(value, tuple):
        value = ", ".join(map(str, value))
    return str(getattr(value, "value", "" if value is None else value))


def html_table(records: Sequence[Any], caption: str) -> str:
    """An HTML table of *records*: the id and the telling columns, text in full."""
    from html import escape

    if not records:
        return f"<p><b>{escape(caption)}</b>: none</p>"
    columns = ["id", *(c for c in _COLUMNS if hasattr(records[0], c))]
    head = "".join(f"<th>{c}</th>" for c in columns)
    rows = "".join(
        "<tr>" + "".join(f"<td>{escape(_cell(getattr(r, c)))}</td>" for c in columns) + "</tr>"
        for r in records
    )
    return (
        f"<table><caption>{escape(caption)} ({len(records)})</caption>"
        f"<thead><tr>{head}</tr></thead><tbody>{rows}</tbody></table>"
    )


def summary_html(caption: str, rows: Iterable[tuple[str, str]]) -> str:
    """An HTML table of (label, value) rows under *caption*."""
    from html import escape

    body = "".join(f"<tr><th>{escape(k)}</th><td>{escape(v)}</td></tr>" for k, v in rows)
    return f"<table><caption>{escape(caption)}</caption><tbody>{body}</tbody></table>"


def unit_html(unit_id: str, text: str) -> str:
    """A text unit as an HTML paragraph led by its id."""
    from html import escape

    return f"<p><code>{escape(unit_id)}</code> {escape(text)}</p>"
