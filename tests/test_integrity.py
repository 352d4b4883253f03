"""The packaged edition is internally consistent, and its coding follows the codebook's mechanical rules."""

from __future__ import annotations

import re
from collections import Counter

import attrs
import pytest

import shusha_decl
from shusha_decl.edition import names_of
from shusha_decl.text import fold

DECL = shusha_decl.declaration()
ALL_IDS = {record.id for record in DECL.records()} | {DECL.id}


def test_ids_are_unique_across_the_edition() -> None:
    counts = Counter(record.id for record in DECL.records())
    assert [i for i, n in counts.items() if n > 1] == []


@pytest.mark.parametrize("record", list(DECL.records()), ids=lambda r: r.id)
def test_every_reference_resolves(record: shusha_decl.Record) -> None:
    reference_fields = {
        "source",
        "evidence",
        "concerns",
        "provision",
        "actors",
        "mentions",
        "mentioned_in",
        "sources",
        "speaker",
        "unit",
        "person",
        "party",
    }
    for field in attrs.fields(type(record)):
        if field.name in reference_fields:
            value = getattr(record, field.name)
            for ref in (value,) if isinstance(value, str) else value:
                assert ref in ALL_IDS, f"{record.id}.{field.name} -> {ref}"


def test_declaration_references_resolve() -> None:
    assert isinstance(DECL.get(DECL.signed_at), shusha_decl.Place)
    assert isinstance(DECL.get(DECL.text_source), shusha_decl.Source)
    for organization in DECL.organizations:
        for name in (*organization.former_names, *organization.later_names):
            assert set(name.sources) <= ALL_IDS


def test_topics_are_in_the_vocabulary_and_every_topic_is_used() -> None:
    categories = {t.id for t in DECL.topics if t.category is None}
    members = {t.id for t in DECL.topics if t.category is not None}
    assert len(categories) == 5
    assert len(members) == 22
    assert {t.category for t in DECL.topics if t.category} == categories
    used = {topic for c in DECL.commitments for topic in c.topics}
    assert used == members  # commitments carry member topics only, and each one is used
    for commitment in DECL.commitments:
        order = [t.id for t in DECL.topics]
        assert list(commitment.topics) == sorted(commitment.topics, key=order.index), commitment.id


def test_every_paragraph_is_coded_and_nothing_else_is() -> None:
    coded = {c.provision for c in DECL.commitments}
    assert coded == {p.id for p in DECL.provisions}
    uncoded = {u.id for u in DECL.units} - coded  # deliberately: motives and formalities
    assert uncoded == {DECL.opening_formula.id, DECL.final_clause.id, *(r.id for r in DECL.preamble)}


def test_actors_are_both_parties_except_where_one_speaks_alone() -> None:
    alone = {c.id: c.actors for c in DECL.commitments if c.actors != ("AZ", "TR")}
    assert alone == {"para_3__cmt_1": ("AZ",), "para_23__cmt_1": ("AZ",)}


def _scanner() -> tuple[re.Pattern[str], dict[str, str]]:
    """A pattern for every entity name or acronym as whole words, longest first ('UN Charter' beats 'UN')."""
    owner = {}
    for entity in DECL.entities():
        if not isinstance(entity, shusha_decl.Party):
            for name in names_of(entity):
                if name != entity.id:
                    owner[fold(name)] = entity.id
    alternatives = "|".join(re.escape(n) for n in sorted(owner, key=len, reverse=True))
    return re.compile(rf"(?<!\w)(?:{alternatives})(?!\w)"), owner


PATTERN, OWNER = _scanner()


def named_in(text: str) -> set[str]:
    pattern, owner = PATTERN, OWNER
    return {owner[m.group()] for m in pattern.finditer(fold(text))}


@pytest.mark.parametrize("commitment", DECL.commitments, ids=lambda c: c.id)
def test_commitment_mentions_are_exactly_the_entities_its_sentence_names(
    commitment: shusha_decl.Commitment,
) -> None:
    assert set(commitment.mentions) == named_in(commitment.text)


@pytest.mark.parametrize("unit", DECL.units, ids=lambda u: u.id)
def test_mentioned_in_lists_exactly_the_units_that_name_the_entity(unit: shusha_decl.Unit) -> None:
    claimed = {e.id for e in DECL.entities() if unit.id in getattr(e, "mentioned_in", ())}
    assert claimed == named_in(unit.text)


def test_lookup_names_are_unambiguous() -> None:
    for entity in DECL.entities():
        for name in (entity.name, *entity.aliases):
            assert DECL.lookup(name) == entity


def test_facts_beyond_the_text_cite_sources() -> None:
    """Founding dates, places of signature and the Protocol's date come from outside the text."""
    for organization in DECL.organizations:
        if organization.founded_on or organization.headquarters:
            assert organization.sources, organization.id
    for agreement in DECL.agreements:
        if agreement.signed_at or agreement.id == "mutual-assistance-protocol-1994":
            assert agreement.sources, agreement.id
    for party in DECL.parties:
        assert party.sources
    for signatory in DECL.signatories:
        assert signatory.sources


def test_names_from_outside_the_text_cite_sources() -> None:
    """An alias the declaration does not use (Türkiye, Nakhichevan, OTS ...) comes from a source."""
    text = fold(DECL.text)
    for entity in DECL.entities():
        outside = [a for a in entity.aliases if fold(a) not in text]
        if outside:
            assert entity.sources, (entity.id, outside)
