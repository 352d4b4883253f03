"""The rules an edition must meet across its records, beyond each field's type.

Ids are unique across the edition; every reference names a record of the right kind; the text units are
numbered as their place calls for; a paragraph's commitments, joined, are its text; each entity's
``mentioned_in`` agrees with the commitments that mention it; no name answers for two entities; events are in
date order; alliance values are on their scales; translation notes follow the order of their units and are
numbered within each.  [`problems`][shusha_decl.checks.problems] reports each breach with its path in the
edition as one JSON document (``$.commitments[3].topics[0]``): the loader turns that into a file and a path in
it.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Callable, Collection, Iterator
from datetime import date
from typing import Any

from . import model
from .edition import Declaration, names_of
from .errors import shown
from .text import fold

#: A breach of a rule: where (a JSON path in the edition) and what.
Problem = tuple[str, str]

#: The values each alliance variable can take (the codebook gives their meaning).
ALLIANCE_SCALES = {
    **dict.fromkeys(
        ("defense", "defense_conditional", "offense", "neutrality", "nonaggression", "consultation"), 1
    ),
    **dict.fromkeys(("consultation_conditional", "intcom", "specthrt", "asymm", "nomicoop"), 1),
    "milcon": 3,
    "milaid": 4,
    "base": 3,
    "organ": 2,
}

#: What an id may be: ASCII letters, digits, ``-`` and ``_``, starting with a letter or a digit
#: (``para_9``, ``treaty-of-kars``, ``AZ``): safe in a file name, a URL fragment and an XML attribute.
ID = re.compile(r"[A-Za-z0-9][A-Za-z0-9_-]*")

#: The collections that hold records with ids, in the order their problems are reported.
_COLLECTIONS = (
    "preamble", "provisions", "edits", "parties", "signatories", "commitments", "agreements",
    "organizations", "places", "persons", "quotes", "topics", "sources", "events", "claims",
    "translation_notes", "comparisons",
)  # fmt: skip


def problems(decl: Declaration, shown: Callable[[str], str] = str) -> Iterator[Problem]:
    """Every breach of the edition's rules in *decl*, as (path, message); none for a valid edition.

    *shown* turns a path into what a message says of another place (the loader names the file).
    """
    where = _paths(decl)
    yield from _ids(decl, shown)
    yield from _names_given(decl, where)
    yield from _references(decl, where)
    yield from _units(decl)
    yield from _commitment_text(decl)
    yield from _mentions(decl, where)
    yield from _names(decl, where)
    yield from _name_dates(decl, where)
    yield from _event_order(decl)
    yield from _titles(decl)
    yield from _alliance(decl)
    yield from _translation_notes(decl)
    yield from _second_coding(decl)


def _located(decl: Declaration) -> Iterator[tuple[Any, str]]:
    """Every record with an id, with its path."""
    yield decl.opening_formula, "$.opening_formula"
    yield decl.final_clause, "$.final_clause"
    for i, title in enumerate(decl.titles.records):
        yield title, f"$.titles[{i}]"
    for name in _COLLECTIONS:
        for i, record in enumerate(getattr(decl, name)):
            yield record, f"$.{name}[{i}]"


def _paths(decl: Declaration) -> dict[str, str]:
    """The path of the first record with each id."""
    where: dict[str, str] = {}
    for record, at in _located(decl):
        where.setdefault(record.id, at)
    return where


def _ids(decl: Declaration, where_shown: Callable[[str], str]) -> Iterator[Problem]:
    """Every id follows [`ID`][shusha_decl.checks.ID] and names one record (or the declaration) only."""
    first: dict[str, str] = {decl.id: "$.id"}
    if not ID.fullmatch(decl.id):
        yield "$.id", f"not a valid id: {shown(decl.id)} (letters, digits, '-' and '_')"
    for record, at in _located(decl):
        if not ID.fullmatch(record.id):
            yield f"{at}.id", f"not a valid id: {shown(record.id)} (letters, digits, '-' and '_')"
        elif record.id in first:
            yield f"{at}.id", f"duplicate id {shown(record.id)} (also at {where_shown(first[record.id])})"
        first.setdefault(record.id, at)


def _names_given(decl: Declaration, where: dict[str, str]) -> Iterator[Problem]:
    """Names, aliases, acronyms, labels and title texts are not blank."""
    for entity in decl.entities():
        at = where[entity.id]
        name_field = "title" if isinstance(entity, model.Agreement) else "name"
        texts = [
            (name_field, getattr(entity, name_field)),
            *((f"aliases[{i}]", a) for i, a in enumerate(entity.aliases)),
        ]
        if isinstance(entity, model.Party):
            texts.append(("short_name", entity.short_name))
        if isinstance(entity, model.Organization):
            texts.append(("acronym", entity.acronym))
        for field, k, other in _other_names(entity):
            texts += [(f"{field}[{k}].name", other.name), (f"{field}[{k}].acronym", other.acronym)]
        for path, text in texts:
            if text is not None and not text.strip():
                yield f"{at}.{path}", "blank: a name must have text"
    for i, topic in enumerate(decl.topics):
        if not topic.label.strip():
            yield f"$.topics[{i}].label", "blank: a name must have text"
    for i, title in enumerate(decl.titles.records):
        if not title.text.strip():
            yield f"$.titles[{i}].text", "blank: a name must have text"


def _other_names(entity: model.Entity) -> Iterator[tuple[str, int, model.Name]]:
    """The former and later names of a party or organisation: (field, index, name)."""
    fields = {model.Party: ("later_names",), model.Organization: ("former_names", "later_names")}
    for field in fields.get(type(entity), ()):
        for k, name in enumerate(getattr(entity, field)):
            yield field, k, name


def _refs(
    at: str, field: str, values: str | tuple[str, ...], valid: Collection[str], what: str
) -> Iterator[Problem]:
    """A problem for each of *values* (the field *field* of the record at *at*) not in *valid*."""
    if isinstance(values, str):
        if values not in valid:
            yield f"{at}.{field}", f"unknown {what} {shown(values)}"
        return
    for i, value in enumerate(values):
        if value not in valid:
            yield f"{at}.{field}[{i}]", f"unknown {what} {shown(value)}"


def _references(decl: Declaration, where: dict[str, str]) -> Iterator[Problem]:
    ids = {name: {r.id for r in getattr(decl, name)} for name in ("parties", "places", "persons", "sources")}
    sources = ids["sources"]
    units = {u.id: u for u in decl.units}
    texts = {*units, *(c.id for c in decl.commitments)}
    leaf_topics = {t.id for t in decl.topics if t.category is not None}
    categories = {t.id for t in decl.topics if t.category is None}
    mentionable = {e.id for e in decl.entities() if not isinstance(e, model.Party)}
    paragraphs = {p.id for p in decl.provisions}

    yield from _refs("$", "signed_at", decl.signed_at, ids["places"], "place")
    yield from _refs("$", "text_source", decl.text_source, sources, "source")
    for record, at in _located(decl):
        if hasattr(record, "sources"):
            yield from _refs(at, "sources", record.sources, sources, "source")
        if hasattr(record, "mentioned_in"):
            yield from _refs(at, "mentioned_in", record.mentioned_in, units, "text unit")
    for entity in decl.entities():
        for field, k, name in _other_names(entity):
            yield from _refs(f"{where[entity.id]}.{field}[{k}]", "sources", name.sources, sources, "source")
    for i, commitment in enumerate(decl.commitments):
        at = f"$.commitments[{i}]"
        yield from _refs(at, "provision", commitment.provision, paragraphs, "paragraph")
        yield from _refs(at, "actors", commitment.actors, ids["parties"], "party")
        yield from _refs(at, "topics", commitment.topics, leaf_topics, "topic (not in the vocabulary)")
        yield from _refs(at, "mentions", commitment.mentions, mentionable, "entity")
    for i, signatory in enumerate(decl.signatories):
        yield from _refs(f"$.signatories[{i}]", "person", signatory.person, ids["persons"], "person")
        yield from _refs(f"$.signatories[{i}]", "party", signatory.party, ids["parties"], "party")
    for i, edit in enumerate(decl.edits):
        if edit.unit not in units:
            yield f"$.edits[{i}].unit", f"unknown text unit {shown(edit.unit)}"
        elif edit.after not in units[edit.unit].text:
            yield f"$.edits[{i}].after", f"not found in the text of {edit.unit}"
    for i, quote in enumerate(decl.quotes):
        yield from _refs(f"$.quotes[{i}]", "speaker", quote.speaker, ids["persons"], "person")
        if quote.unit not in units:
            yield f"$.quotes[{i}].unit", f"unknown text unit {shown(quote.unit)}"
        elif quote.text not in units[quote.unit].text:
            yield f"$.quotes[{i}].text", f"not found in the text of {quote.unit}"
    for i, topic in enumerate(decl.topics):
        if topic.category is not None:
            yield from _refs(f"$.topics[{i}]", "category", topic.category, categories, "category")
    for i, claim in enumerate(decl.claims):
        at = f"$.claims[{i}]"
        yield from _refs(at, "source", claim.source, sources, "source")
        yield from _refs(at, "evidence", claim.evidence, texts, "text unit or commitment")
        if (claim.status is model.ClaimStatus.NOT_IN_TEXT) != (not claim.evidence):
            yield f"{at}.evidence", f"a {claim.status.value!r} claim needs evidence, a 'not-in-text' one none"
    concernable = {*where, decl.id}
    for i, event in enumerate(decl.events):
        at = f"$.events[{i}]"
        yield from _refs(at, "concerns", event.concerns, concernable, "record")
        for k, reading in enumerate(event.readings):
            yield from _refs(f"{at}.readings[{k}]", "sources", reading.sources, sources, "source")
    for variable in ALLIANCE_SCALES:
        coding: model.Coding = getattr(decl.alliance, variable)
        at = f"$.alliance.{variable}"
        yield from _refs(at, "evidence", coding.evidence, texts, "text unit or commitment")
        for i, party_value in enumerate(coding.per_party):
            yield from _refs(f"{at}.per_party[{i}]", "party", party_value.party, ids["parties"], "party")


def _units(decl: Declaration) -> Iterator[Problem]:
    """Each unit has the kind, number and id its place in the text calls for."""
    expected = [
        ("opening_formula", decl.opening_formula, "formula", 1, "preamble__formula_1"),
        *(
            (f"preamble[{i}]", u, "recital", i + 1, f"preamble__recs__rec_{i + 1}")
            for i, u in enumerate(decl.preamble)
        ),
        *(
            (f"provisions[{i}]", u, "paragraph", i + 1, f"para_{i + 1}")
            for i, u in enumerate(decl.provisions)
        ),
        ("final_clause", decl.final_clause, "conclusions", 1, "conclusions"),
    ]
    for path, unit, kind, num, unit_id in expected:
        found = (unit.kind.value, unit.num, unit.id)
        if found != (kind, num, unit_id):
            yield f"$.{path}", f"expected kind {kind!r}, num {num}, id {unit_id!r}; got {found}"


def _commitment_text(decl: Declaration) -> Iterator[Problem]:
    """The commitments of a paragraph, in order and joined by spaces, are its text."""
    positions = {p.id: i for i, p in enumerate(decl.provisions)}
    order = [positions.get(c.provision, -1) for c in decl.commitments]
    if order != sorted(order):
        yield "$.commitments", "commitments are not in the order of their paragraphs"
    index = {c.id: i for i, c in enumerate(decl.commitments)}
    of_provision: dict[str, list[model.Commitment]] = defaultdict(list)
    for commitment in decl.commitments:
        of_provision[commitment.provision].append(commitment)
    for provision in decl.provisions:
        sentences = of_provision.get(provision.id, [])
        if " ".join(c.text for c in sentences) != provision.text:
            yield (
                f"$.provisions[{positions[provision.id]}].text",
                "the texts of its commitments, joined by spaces, are not the paragraph's text",
            )
        for k, commitment in enumerate(sentences, 1):
            if commitment.id != f"{provision.id}__cmt_{k}":
                yield (
                    f"$.commitments[{index[commitment.id]}].id",
                    f"expected id {provision.id}__cmt_{k}, got {shown(commitment.id)}",
                )


def _mentions(decl: Declaration, where: dict[str, str]) -> Iterator[Problem]:
    """An entity's ``mentioned_in`` names the paragraphs whose commitments mention it, and no others."""
    provisions = {p.id for p in decl.provisions}
    mentioned_in: dict[str, set[str]] = defaultdict(set)
    for commitment in decl.commitments:
        for entity_id in commitment.mentions:
            mentioned_in[entity_id].add(commitment.provision)
    for entity in decl.entities():
        if isinstance(entity, model.Party):
            continue
        claimed = provisions.intersection(entity.mentioned_in)
        actual = mentioned_in.get(entity.id, set())
        if claimed != actual:
            yield (
                f"{where[entity.id]}.mentioned_in",
                f"paragraphs {sorted(claimed)} differ from those whose commitments mention it: "
                f"{sorted(actual)}",
            )


def _names(decl: Declaration, where: dict[str, str]) -> Iterator[Problem]:
    """No name or alias answers for two entities, so `Declaration.lookup` is never ambiguous."""
    owner: dict[str, str] = {}
    for entity in decl.entities():
        for name in names_of(entity):
            key = fold(name)
            if owner.setdefault(key, entity.id) != entity.id:
                yield where[entity.id], f"name {shown(name)} also names {shown(owner[key])}"


def _name_dates(decl: Declaration, where: dict[str, str]) -> Iterator[Problem]:
    """A former name gave way, and a later name was taken, on the side of the signing its field says."""
    for entity in decl.entities():
        for field, k, name in _other_names(entity):
            if name.date is None:
                continue
            if field == "former_names" and name.date.first_day() > decl.signed_on:
                yield f"{where[entity.id]}.{field}[{k}].date", f"{name.date} is after the signing"
            if field == "later_names" and name.date.last_day() < decl.signed_on:
                yield f"{where[entity.id]}.{field}[{k}].date", f"{name.date} is before the signing"


def _event_order(decl: Declaration) -> Iterator[Problem]:
    """Readings fall within their event's date, and events are in date order."""
    for i, event in enumerate(decl.events):
        for k, reading in enumerate(event.readings):
            if event.date is not None and not (
                event.date.first_day() <= reading.date.first_day() <= event.date.last_day()
            ):
                yield (
                    f"$.events[{i}].readings[{k}].date",
                    f"{reading.date} is not within the event's date {event.date}",
                )
    starts = [span[0] if (span := e.span()) else date.max for e in decl.events]
    if starts != sorted(starts):
        yield "$.events", "events are not in date order"


def _titles(decl: Declaration) -> Iterator[Problem]:
    """One title per language, and the English one is the declaration's title."""
    seen: set[str] = set()
    for i, language in enumerate(decl.titles):  # iterating gives every title's language, repeats included
        if language in seen:
            yield f"$.titles[{i}].language", f"a second title in {shown(language)}"
        seen.add(language)
    if decl.titles.get("en") is None or decl.titles["en"].text != decl.title:
        yield "$.titles", "the English title must be the declaration's title"


def _alliance(decl: Declaration) -> Iterator[Problem]:
    """Every value of the alliance coding is on its variable's scale, and each alternative differs from it."""
    for variable, highest in ALLIANCE_SCALES.items():
        coding: model.Coding = getattr(decl.alliance, variable)
        values = [
            ("value", coding.value),
            *((f"per_party[{i}].value", p.value) for i, p in enumerate(coding.per_party)),
            *((f"alternatives[{i}].value", a.value) for i, a in enumerate(coding.alternatives)),
        ]
        for i, alternative in enumerate(coding.alternatives):
            if alternative.value == coding.value:
                at = f"$.alliance.{variable}.alternatives[{i}].value"
                yield at, "an alternative must differ from the value"
        for path, value in values:
            if not 0 <= value <= highest:
                yield f"$.alliance.{variable}.{path}", f"{value} is outside 0..{highest}"


#: A language code: ISO 639-1, two lowercase letters.
LANGUAGE = re.compile(r"[a-z]{2}")


def _language(at: str, language: str) -> Iterator[Problem]:
    """*language* (of the record at *at*) is an ISO 639-1 code."""
    if not LANGUAGE.fullmatch(language):
        yield f"{at}.language", f"not an ISO 639-1 code: {shown(language)}"


def _translation_notes(decl: Declaration) -> Iterator[Problem]:
    """Notes are on recitals or paragraphs, in their order, numbered within their unit (``para_9__note_1``),
    in a language, on known alliance variables; a paraphrase is uncertain, and only a quotation in English has
    no rendering of ours; each comparison puts every recital and paragraph in exactly one of its lists."""
    ordered = [unit.id for unit in (*decl.preamble, *decl.provisions)]
    numbered = set(ordered)
    positions = {unit_id: i for i, unit_id in enumerate(ordered)}
    order = [positions.get(note.unit, -1) for note in decl.translation_notes]
    if order != sorted(order):
        yield "$.translation_notes", "notes are not in the order of their units"
    counts: dict[str, int] = defaultdict(int)
    for i, note in enumerate(decl.translation_notes):
        at = f"$.translation_notes[{i}]"
        yield from _refs(at, "unit", note.unit, numbered, "recital or paragraph")
        yield from _refs(at, "variables", note.variables, ALLIANCE_SCALES, "alliance variable")
        yield from _language(at, note.language)
        counts[note.unit] += 1
        if note.id != f"{note.unit}__note_{counts[note.unit]}":
            yield f"{at}.id", f"expected id {note.unit}__note_{counts[note.unit]}, got {shown(note.id)}"
        if note.evidence_kind is model.EvidenceKind.PARAPHRASE and not note.uncertain:
            yield f"{at}.uncertain", "a paraphrase is uncertain: it is not the text"
        if (note.our_rendering is None) != (note.language == "en"):
            yield f"{at}.our_rendering", "null for a quotation in English, and only for one"
        for field in ("quotation", "our_rendering", "bears_on"):
            text = getattr(note, field)
            if text is not None and not text.strip():
                yield f"{at}.{field}", "blank: a note must have text"
    languages: set[str] = set()
    for i, comparison in enumerate(decl.comparisons):
        at = f"$.comparisons[{i}]"
        yield from _language(at, comparison.language)
        if comparison.language in languages:
            yield f"{at}.language", f"a second comparison in {shown(comparison.language)}"
        languages.add(comparison.language)
        listed = [*comparison.verbatim, *comparison.paraphrase, *comparison.not_compared]
        for field in ("verbatim", "paraphrase", "not_compared"):
            yield from _refs(at, field, getattr(comparison, field), numbered, "recital or paragraph")
        if sorted(listed) != sorted(ordered):
            yield at, "must list every recital and paragraph exactly once"
    compared = {(c.language, u) for c in decl.comparisons for u in (*c.verbatim, *c.paraphrase)}
    for i, note in enumerate(decl.translation_notes):
        if note.language in languages and (note.language, note.unit) not in compared:
            yield f"$.translation_notes[{i}].unit", f"{note.unit} is not compared in {note.language!r}"


def _second_coding(decl: Declaration) -> Iterator[Problem]:
    """The second coding codes existing commitments, each once, with topics of the vocabulary."""
    commitments = {c.id for c in decl.commitments}
    leaf_topics = {t.id for t in decl.topics if t.category is not None}
    seen: set[str] = set()
    for i, coding in enumerate(decl.second_coding.codings):
        at = f"$.second_coding.codings[{i}]"
        if coding.commitment in seen:
            yield f"{at}.commitment", f"{shown(coding.commitment)} is coded twice"
        seen.add(coding.commitment)
        yield from _refs(at, "commitment", coding.commitment, commitments, "commitment")
        yield from _refs(at, "topics", coding.topics, leaf_topics, "topic (not in the vocabulary)")
