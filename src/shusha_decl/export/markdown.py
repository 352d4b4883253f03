"""Markdown: the whole declaration as a readable document, with the unit ids as anchors.

Text from the data is escaped, so that it shows as written and never becomes markup: HTML's ``<``, ``>``
and ``&``, Markdown's emphasis, code, link and table characters, and the marks that would open a heading,
a list or a quotation at the start of a line.  Only ``http`` and ``https`` addresses become links.
"""

from __future__ import annotations

import html
import re

from ..edition import Declaration
from ..model import Source, TranslationNote, Unit

_INLINE = re.compile(r"([\\`*_\[\]|!#])")
_LINE_START = re.compile(r"^([ \t]*)([-+>=~])", re.MULTILINE)  # a list, quotation, heading or fence
_NUMBERED = re.compile(r"^([ \t]*[0-9]+)([.)])", re.MULTILINE)  # a numbered list
_LINK = re.compile(r"https?://[^\s<>]+")


def _escaped(text: str) -> str:
    """*text* as Markdown that shows it as written."""
    text = _INLINE.sub(r"\\\1", html.escape(text, quote=False))
    return _NUMBERED.sub(r"\1\\\2", _LINE_START.sub(r"\1\\\2", text))


def _note(note: TranslationNote, decl: Declaration) -> str:
    """A translation note as a list item: language, quotation, this project's rendering (none for English),
    evidence, sources."""
    kind = note.evidence_kind.value + (", uncertain" if note.uncertain else "")
    sources = []
    for source_id in note.sources:
        source = decl.get(source_id)
        assert isinstance(source, Source)
        url = source.url if source.url and _LINK.fullmatch(source.url) else None
        sources.append(f"[{_escaped(source.title)}](<{url}>)" if url else _escaped(source.title))
    rendering = f"our rendering: \u201c{_escaped(note.our_rendering)}\u201d. " if note.our_rendering else ""
    parts = [
        f"- `{note.id}` {note.language} ({kind}): \u201c{_escaped(note.quotation)}\u201d",
        rendering + _escaped(note.bears_on),
        *([_escaped(note.note)] if note.note else []),
        f"Sources: {'; '.join(sources)}.",
    ]
    return "  \n  ".join(parts)


def _unit(unit: Unit, label: str, decl: Declaration) -> str:
    text = f'<a id="{unit.id}"></a>\n**{label}** `{unit.id}`  \n{_escaped(unit.text)}\n'
    notes = decl.translation_notes(unit=unit.id)
    if notes:
        heading = "Translation notes (where the authentic or official texts differ from this English):"
        text += "\n" + heading + "\n\n" + "\n".join(_note(note, decl) for note in notes) + "\n"
    return text


def to_markdown(decl: Declaration) -> str:
    """The declaration as Markdown: title, metadata, then every unit under an anchor named by its id."""
    source = next(s for s in decl.sources if s.id == decl.text_source)
    place = next(p for p in decl.places if p.id == decl.signed_at)
    link = source.url if source.url and _LINK.fullmatch(source.url) else None
    lines = [
        f"# {_escaped(decl.title)}",
        "",
        f"Signed in {_escaped(place.name)} on {decl.signed_on:%d %B %Y} by "
        + " and ".join(_escaped(p.name) for p in decl.parties)
        + f". Authentic languages: {_escaped(', '.join(decl.authentic_languages))}.",
        f"English translation as published by {_escaped(source.publisher)}"
        + (f" on {source.published_on}" if source.published_on else "")
        + (f" (<{link}>)" if link else "")
        + "; unit ids follow the Akoma Ntoso naming convention.",
        "",
        "## Preamble",
        "",
        _unit(decl.opening_formula, "Opening formula", decl),
        *(_unit(recital, f"Recital {recital.num}", decl) for recital in decl.preamble),
        "## Operative paragraphs",
        "",
        *(_unit(paragraph, f"Paragraph {paragraph.num}", decl) for paragraph in decl.provisions),
        "## Final clause",
        "",
        _unit(decl.final_clause, "Final clause", decl),
    ]
    return "\n".join(lines)
