"""The codebook documents exactly the vocabulary, the rules' exceptions and the counts the data has."""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

import attrs
import pytest

import shusha_decl

CODEBOOK = Path(__file__).parent.parent / "docs" / "codebook.md"
DECL = shusha_decl.declaration()


def table_rows(text: str) -> dict[str, list[str]]:
    """Markdown table rows keyed by their first cell with the backticks removed."""
    rows = {}
    for line in text.splitlines():
        if line.startswith("| `"):
            cells = [cell.strip() for cell in line.strip("|").split(" | ")]
            rows.setdefault(cells[0].strip("`"), cells)
    return rows


@pytest.fixture(scope="module")
def rows() -> dict[str, list[str]]:
    return table_rows(CODEBOOK.read_text(encoding="utf-8"))


@pytest.mark.parametrize("topic", DECL.topics, ids=lambda t: t.id)
def test_each_topic_has_its_row_with_label_definition_and_count(
    rows: dict[str, list[str]], topic: shusha_decl.Topic
) -> None:
    category = f"`{topic.category}`" if topic.category else "—"
    members = {t.id for t in DECL.topics if topic.id in (t.id, t.category)}
    count = sum(1 for c in DECL.commitments if members.intersection(c.topics))
    assert rows[topic.id] == [f"`{topic.id}`", topic.label, category, topic.definition, str(count)]


@pytest.mark.parametrize("modality", list(shusha_decl.Modality), ids=lambda m: m.value)
def test_each_modality_is_defined_with_its_count(
    rows: dict[str, list[str]], modality: shusha_decl.Modality
) -> None:
    assert rows[modality.value][-1] == str(Counter(c.modality for c in DECL.commitments)[modality])


def test_hard_cases_cite_real_commitments_with_their_coded_modality(rows: dict[str, list[str]]) -> None:
    for key, cells in rows.items():
        if "__cmt_" in key:
            commitment = DECL.get(key)
            assert isinstance(commitment, shusha_decl.Commitment)
            decision = cells[-1]
            if decision.startswith("`") and decision.split("`")[1] in {m.value for m in shusha_decl.Modality}:
                assert decision.split("`")[1] == commitment.modality.value, key


def test_the_alliance_table_matches_the_coding(rows: dict[str, list[str]]) -> None:
    for field in attrs.fields(shusha_decl.Alliance):
        coding = getattr(DECL.alliance, field.name)
        cells = rows[f"alliance.{field.name}"]
        assert cells[2:4] == [str(coding.value), coding.confidence.value], field.name
        assert cells[4] == ", ".join(f"`{unit}`" for unit in coding.evidence), field.name


def test_the_codebook_counts_the_claims_by_source() -> None:
    text = " ".join(CODEBOOK.read_text(encoding="utf-8").split())
    counts = Counter(claim.source for claim in DECL.claims)
    stated = (
        f"There are {len(DECL.claims)} claims: {counts['social-post-2021-06-15']} from the post, "
        f"{counts['turan-2021-06-15']} from Turan, "
        f"{counts['ratification-2022-02']} from the ratification report "
        f"and {counts['anniversary-2025-06-15']} from the anniversary article."
    )
    assert stated in text


def alternatives_paragraph() -> str:
    text = " ".join(CODEBOOK.read_text(encoding="utf-8").split())
    return text[text.index("**Alternative readings.**") : text.index("**The authentic texts.**")]


def test_the_codebook_names_the_variables_that_keep_alternatives() -> None:
    rule = alternatives_paragraph()
    numbers = {"One": 1, "Two": 2, "Three": 3, "Four": 4, "Five": 5}
    sentence = re.search(r"(\w+) variables? ha(?:s|ve) one: (.*?)\. Alternatives are per variable", rule)
    assert sentence is not None
    count, listed = sentence.groups()
    named = {
        name: (int(value), confidence)
        for name, value, confidence in re.findall(r"`(\w+)` \((\d), (\w+):", listed)
    }
    coded = {
        field.name: (coding.alternatives[0].value, coding.alternatives[0].confidence.value)
        for field in attrs.fields(shusha_decl.Alliance)
        if (coding := getattr(DECL.alliance, field.name)).alternatives
    }
    assert named == coded
    assert numbers[count] == len(coded)


def test_every_uncertain_variable_without_an_alternative_is_named_in_the_rule() -> None:
    rule = alternatives_paragraph()
    keeps_none = rule[rule.index("keeps none") : rule.index("variables have one")]
    uncertain = {
        field.name
        for field in attrs.fields(shusha_decl.Alliance)
        if getattr(DECL.alliance, field.name).confidence is not shusha_decl.Confidence.HIGH
        and not getattr(DECL.alliance, field.name).alternatives
    }
    assert uncertain == set(re.findall(r"`(\w+)`", keeps_none))


def test_the_dyad_year_rows_can_be_rebuilt_from_the_codebook_rules() -> None:
    """The columns' variables, the pairs and the years as the codebook states them give the packaged rows."""
    text = CODEBOOK.read_text(encoding="utf-8")
    rules = text[text.index("**Dyad-year rows.**") : text.index("- **Members.**")]
    sources = dict(re.findall(r"`((?:atop|cow)_\w+)`\s+from\s+`(\w+)`", rules))
    assert len(sources) == 9
    in_force = DECL.get("entry-into-force")
    assert isinstance(in_force, shusha_decl.Event)
    first = min(reading.date.first_day() for reading in in_force.readings).year
    last = int(shusha_decl.DATA_VERSION[:4])
    assert "through the year of `DATA_VERSION`" in rules
    assert f"so {first})" in rules
    for table in ("atop_dyad_years", "cow_dyad_years"):
        columns = [c for c in sources if c.startswith(table.split("_")[0])]
        rebuilt = [
            {
                "ccode1": one.cow_code,
                "ccode2": other.cow_code,
                "year": year,
                **{c: getattr(DECL.alliance, sources[c]).value for c in columns},
            }
            for year in range(first, last + 1)
            for one in DECL.parties
            for other in DECL.parties
            if one != other
        ]
        assert shusha_decl.to_records(table) == rebuilt
