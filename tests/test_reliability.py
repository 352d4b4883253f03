"""The shipped second coding, and the agreement statistics the reliability example prints from it."""

from __future__ import annotations

import subprocess
import sys
from collections import Counter
from pathlib import Path

import pytest

import shusha_decl

DECL = shusha_decl.declaration()


def test_the_second_coding_codes_every_commitment_once_in_order() -> None:
    second = DECL.second_coding
    assert [c.commitment for c in second.codings] == [c.id for c in DECL.commitments]
    assert "language model" in second.method
    assert sum(c.uncertain for c in second.codings) == 3
    para_9 = next(c for c in second.codings if c.commitment == "para_9__cmt_1")
    assert para_9.modality is shusha_decl.Modality.UNDERTAKING
    assert para_9.topics == ("mutual-assistance",)
    assert para_9.uncertain


def test_covered_marks_the_commitments_the_removed_passages_settle() -> None:
    """The removed rulings and examples settle 39 commitments; the general rules alone decide these 7."""
    not_covered = [c.commitment for c in DECL.second_coding.codings if not c.covered]
    assert not_covered == [
        "para_7__cmt_1",
        "para_11__cmt_1",
        "para_17__cmt_1",
        "para_18__cmt_2",
        "para_19__cmt_1",
        "para_19__cmt_2",
        "para_30__cmt_1",
    ]
    assert "The project added `covered`" in DECL.second_coding.method


def test_the_method_and_the_page_say_what_lay_within_the_second_coders_reach() -> None:
    page = (Path(__file__).parent.parent / "docs" / "reliability.md").read_text(encoding="utf-8")
    said = "A copy of the first coding, made for the comparison, lay in the same folder as the packet"
    assert said in DECL.second_coding.method
    assert said in " ".join(page.split())
    assert "The adjudicator was this project's engineer, an AI agent" in " ".join(page.split())


# -- the example's figures, against a computation of this test's own ----------------------------------------

SCRIPT = Path(__file__).parent.parent / "docs" / "examples" / "reliability.py"


def kappa(pairs: list[tuple[object, object]]) -> str:
    """Cohen's kappa from the confusion matrix of (first, second) pairs, as the script shows it."""
    n = len(pairs)
    categories = sorted({str(v) for pair in pairs for v in pair})
    matrix = {(a, b): 0 for a in categories for b in categories}
    for a, b in pairs:
        matrix[str(a), str(b)] += 1
    p_o = sum(matrix[c, c] for c in categories) / n
    rows = {c: sum(matrix[c, d] for d in categories) / n for c in categories}
    cols = {c: sum(matrix[d, c] for d in categories) / n for c in categories}
    p_e = sum(rows[c] * cols[c] for c in categories)
    return "undefined" if p_e == 1 else f"{(p_o - p_e) / (1 - p_e):.3f}"


def alpha(pairs: list[tuple[object, object]]) -> str:
    """Krippendorff's alpha, nominal, from the coincidence matrix of two coders with no missing values."""
    coincidences: Counter[tuple[object, object]] = Counter()
    for a, b in pairs:
        coincidences[a, b] += 1
        coincidences[b, a] += 1
    n = 2 * len(pairs)
    marginal: Counter[object] = Counter()
    for (a, _), count in coincidences.items():
        marginal[a] += count
    d_o = sum(count for (a, b), count in coincidences.items() if a != b) / n
    d_e = sum(marginal[a] * marginal[b] for a in marginal for b in marginal if a != b) / (n * (n - 1))
    return "undefined" if d_e == 0 else f"{1 - d_o / d_e:.3f}"


def test_the_tests_own_statistics_give_the_textbook_values() -> None:
    pairs: list[tuple[object, object]] = [("a", "a"), ("a", "b"), ("b", "b"), ("b", "b")]
    assert kappa(pairs) == "0.500"  # observed 0.75, expected 0.5
    assert alpha(pairs) == "0.533"  # 1 - 7 * 2 / (8 * 8 - 3 * 3 - 5 * 5)


@pytest.fixture(scope="module")
def printed() -> list[str]:
    result = subprocess.run(
        [sys.executable, str(SCRIPT)], capture_output=True, text=True, check=False, timeout=120
    )
    assert result.returncode == 0, result.stderr
    return result.stdout.splitlines()


def row(lines: list[str], after: str, first_cell: str) -> list[str]:
    """The cells of the first line starting with *first_cell* below the line starting with *after*."""
    start = next(k for k, line in enumerate(lines) if line.startswith(after))
    found = next(line for line in lines[start:] if line.startswith(first_cell + "  "))
    return found[len(first_cell) :].split()


FIRST = {c.id: c for c in DECL.commitments}
SECOND = {c.commitment: c for c in DECL.second_coding.codings}
GROUPS = {
    "all": [c.id for c in DECL.commitments],
    "covered": [c.id for c in DECL.commitments if SECOND[c.id].covered],
    "not covered": [c.id for c in DECL.commitments if not SECOND[c.id].covered],
}
TOPICS = [t.id for t in DECL.topics if t.category is not None]


@pytest.mark.parametrize("group", GROUPS)
def test_modality_agreement_is_computed_right(printed: list[str], group: str) -> None:
    pairs = [(FIRST[i].modality, SECOND[i].modality) for i in GROUPS[group]]
    agree = sum(a == b for a, b in pairs)
    expected = [str(len(pairs)), str(agree), f"{100 * agree / len(pairs):.1f}%", kappa(pairs), alpha(pairs)]
    assert row(printed, "Modality", group) == expected


@pytest.mark.parametrize("group", GROUPS)
def test_topic_set_agreement_and_pooled_kappa_are_computed_right(printed: list[str], group: str) -> None:
    ids = GROUPS[group]
    same = sum(sorted(FIRST[i].topics) == sorted(SECOND[i].topics) for i in ids)
    pairs = [(t in FIRST[i].topics, t in SECOND[i].topics) for i in ids for t in TOPICS]
    expected = [str(len(ids)), str(same), f"{100 * same / len(ids):.1f}%", kappa(pairs)]
    assert row(printed, "Topics:", group) == expected


@pytest.mark.parametrize("topic", TOPICS)
def test_each_topic_table_is_computed_right(printed: list[str], topic: str) -> None:
    pairs = {
        name: [(topic in FIRST[i].topics, topic in SECOND[i].topics) for i in ids]
        for name, ids in GROUPS.items()
    }
    cells = Counter(pairs["all"])
    counts = [cells[True, True], cells[True, False], cells[False, True], cells[False, False]]
    assert row(printed, "Each topic", topic) == [*map(str, counts), *(kappa(p) for p in pairs.values())]


def test_every_disagreement_is_listed_with_the_second_coders_note(printed: list[str]) -> None:
    differing = [
        i
        for i in GROUPS["all"]
        if (FIRST[i].modality, set(FIRST[i].topics)) != (SECOND[i].modality, set(SECOND[i].topics))
    ]
    assert differing == ["para_9__cmt_1", "para_9__cmt_2"]  # the known result: security, in paragraph 9
    listed = printed[printed.index("Disagreements") :]
    assert [line.split()[0] for line in listed if line.startswith("para_")] == differing
    for i in differing:
        assert f"  second coder's note: {SECOND[i].note}" in listed


def test_the_reliability_page_shows_the_scripts_output_and_adjudicates_each_disagreement(
    printed: list[str],
) -> None:
    page = (Path(__file__).parent.parent / "docs" / "reliability.md").read_text(encoding="utf-8")
    assert '--8<-- "docs/generated/reliability.txt"' in page  # the figures are the script's, not typed in
    assert '--8<-- "docs/examples/reliability.py"' in page
    adjudicated = page.split("## How each disagreement was adjudicated")[1].split("\n## ")[0]
    for line in printed[printed.index("Disagreements") :]:
        if line.startswith("para_"):
            assert f"**`{line.split()[0]}`, topic `security`: the first coding stands.**" in adjudicated
