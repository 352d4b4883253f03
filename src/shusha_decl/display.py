"""How the declaration and its collections show themselves in notebooks: HTML tables.

`html` is imported when HTML is drawn, not with this module.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

#: The columns a table shows, when a record has them, after its id.
_COLUMNS = ("date", "kind", "modality", "status", "topics", "acronym", "name", "title", "label", "text")


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
