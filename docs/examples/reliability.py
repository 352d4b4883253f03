"""How far two coders agree: the packaged coding against the independent second coding.

Run it with the package installed (no extra needed):

    python docs/examples/reliability.py

It prints the agreement on modality and on topics, for all 46 commitments and separately for those the
codebook's rulings on named paragraphs settle and those they do not, and then every disagreement.  The
documentation build runs it (docs/hooks.py) and the tests check its figures, so the Reliability page cannot go
stale.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

import shusha_decl


def cohen_kappa(first: Sequence[object], second: Sequence[object]) -> float | None:
    """Cohen's kappa of two codings of the same units; ``None`` when chance agreement is total."""
    n = len(first)
    observed = sum(a == b for a, b in zip(first, second, strict=True)) / n
    counts_first, counts_second = Counter(first), Counter(second)
    expected = sum(counts_first[value] * counts_second[value] for value in counts_first) / n**2
    return None if expected == 1 else (observed - expected) / (1 - expected)


def krippendorff_alpha_nominal(first: Sequence[object], second: Sequence[object]) -> float | None:
    """Krippendorff's alpha: two coders, nominal values, none missing; ``None`` if all values are one."""
    pairable = 2 * len(first)
    values = Counter([*first, *second])
    disagreeing = 2 * sum(
        a != b for a, b in zip(first, second, strict=True)
    )  # each unit's pairs (a, b) and (b, a)
    expected = pairable**2 - sum(count**2 for count in values.values())
    return None if expected == 0 else 1 - (pairable - 1) * disagreeing / expected


def shown(value: float | None) -> str:
    return "undefined" if value is None else f"{value:.3f}"


def percent(part: int, whole: int) -> str:
    return f"{100 * part / whole:.1f}%"


decl = shusha_decl.declaration()
first = {c.id: c for c in decl.commitments}
second = {c.commitment: c for c in decl.second_coding.codings}
# "covered": the passages removed from the second coder's codebook (its rulings and examples on named
# paragraphs) settle the commitment; on the others the general rules alone decide.
groups = {
    "all": [c.id for c in decl.commitments],
    "covered": [c.id for c in decl.commitments if second[c.id].covered],
    "not covered": [c.id for c in decl.commitments if not second[c.id].covered],
}
member_topics = [t.id for t in decl.topics if t.category is not None]

print("Modality (3 categories)\n")
print(f"{'units':<12} {'n':>3} {'agree':>6} {'percent':>8} {'kappa':>9} {'alpha':>9}")
for name, ids in groups.items():
    a = [first[i].modality.value for i in ids]
    b = [second[i].modality.value for i in ids]
    agree = sum(x == y for x, y in zip(a, b, strict=True))
    kappa, alpha = shown(cohen_kappa(a, b)), shown(krippendorff_alpha_nominal(a, b))
    print(f"{name:<12} {len(ids):>3} {agree:>6} {percent(agree, len(ids)):>8} {kappa:>9} {alpha:>9}")

print(
    "\nTopics: the same set of topics, and the pooled kappa (every member topic of every unit, yes or no)\n"
)
print(f"{'units':<12} {'n':>3} {'same set':>8} {'percent':>8} {'pooled kappa':>13}")
for name, ids in groups.items():
    same = sum(set(first[i].topics) == set(second[i].topics) for i in ids)
    a = [topic in first[i].topics for i in ids for topic in member_topics]
    b = [topic in second[i].topics for i in ids for topic in member_topics]
    print(f"{name:<12} {len(ids):>3} {same:>8} {percent(same, len(ids)):>8} {shown(cohen_kappa(a, b)):>13}")

print("\nEach topic (yes or no on every unit): both, first coder only, second coder only, neither; kappa\n")
print(
    f"{'topic':<20} {'both':>4} {'1st':>4} {'2nd':>4} {'none':>4} {'kappa':>9} {'covered':>9} {'not cov.':>9}"
)
for topic in member_topics:
    cells = Counter((topic in first[i].topics, topic in second[i].topics) for i in groups["all"])
    kappas = [
        shown(cohen_kappa([topic in first[i].topics for i in ids], [topic in second[i].topics for i in ids]))
        for ids in groups.values()
    ]
    counts = [cells[True, True], cells[True, False], cells[False, True], cells[False, False]]
    print(f"{topic:<20} " + " ".join(f"{c:>4}" for c in counts) + " " + " ".join(f"{k:>9}" for k in kappas))

print("\nDisagreements\n")  # topics compared as sets, shown sorted
for i in groups["all"]:
    one, two = first[i], second[i]
    differences = []
    if one.modality != two.modality:
        differences.append(("modality", one.modality.value, two.modality.value))
    if set(one.topics) != set(two.topics):
        differences.append(("topics", ", ".join(sorted(one.topics)), ", ".join(sorted(two.topics))))
    for field, a, b in differences:
        covered = "covered" if two.covered else "not covered"
        doubt = "uncertain" if two.uncertain else "not flagged uncertain"
        print(f"{i} ({covered}), {field}: first {a}; second {b} ({doubt})")
        print(f"  second coder's note: {two.note}")
