"""Markdown: the whole declaration as a readable document, with the unit ids as anchors."""

from __future__ import annotations

from ..edition import Declaration
from ..model import Unit


def _unit(unit: Unit, label: str) -> str:
    return f'<a id="{unit.id}"></a>\n**{label}** `{unit.id}`  \n{unit.text}\n'


def to_markdown(decl: Declaration) -> str:
    """The declaration as Markdown: title, metadata, then every unit under an anchor named by its id."""
    source = next(s for s in decl.sources if s.id == decl.text_source)
    place = next(p for p in decl.places if p.id == decl.signed_at)
    lines = [
        f"# {decl.title}",
        "",
        f"Signed in {place.name} on {decl.signed_on:%d %B %Y} by "
        + " and ".join(p.name for p in decl.parties)
        + f". Authentic languages: {', '.join(decl.authentic_languages)}.",
        f"English translation as published by {source.publisher}"
        + (f" on {source.published_on}" if source.published_on else "")
        + (f" (<{source.url}>)" if source.url else "")
        + "; unit ids follow the Akoma Ntoso naming convention.",
        "",
        "## Preamble",
        "",
        _unit(decl.opening_formula, "Opening formula"),
        *(_unit(recital, f"Recital {recital.num}") for recital in decl.preamble),
        "## Operative paragraphs",
        "",
        *(_unit(paragraph, f"Paragraph {paragraph.num}") for paragraph in decl.provisions),
        "## Final clause",
        "",
        _unit(decl.final_clause, "Final clause"),
    ]
    return "\n".join(lines)
