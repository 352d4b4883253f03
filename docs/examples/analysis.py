"""A small analysis of the declaration: what it commits the parties to, and when things happened.

Run it with the pandas and matplotlib extras installed:

    python docs/examples/analysis.py OUTPUT_DIR

It prints two tables and writes ``timeline.png`` into OUTPUT_DIR.  The
documentation build runs it (docs/hooks.py) and the tests run it, so it
cannot go stale.
"""

from __future__ import annotations

import sys
from pathlib import Path

import matplotlib

matplotlib.use("Agg")  # no screen needed
import matplotlib.pyplot as plt
import pandas as pd

import shusha_decl

# 1. Commitments by topic category and modality: how binding is each area?
by_area = shusha_decl.to_frame("commitments", explode="categories")  # a row per commitment and category
by_category = pd.crosstab(by_area["categories"], by_area["modality"]).reindex(
    columns=["undertaking", "endeavour", "declaration"], fill_value=0
)
by_category["total"] = by_category.sum(axis=1)
print("Commitments by topic category and modality\n")
print(by_category.sort_values("total", ascending=False).to_string())

# 2. The most frequent topics among the undertakings, the firmest commitments.
long = shusha_decl.to_frame("commitments", explode="topics")
undertakings = long[long["modality"] == "undertaking"]
print("\nTopics of the undertakings\n")
print(undertakings["topics"].value_counts().to_string())

# 3. A timeline of the events whose date is known: disputed dates in red, dates known only
#    to the month or the year drawn hollow (at the first day they allow).
events = shusha_decl.to_frame("events")  # a date as its first and last day and its precision
dated = events[events["date_start"].notna()].copy()
dated["disputed"] = dated["readings"].map(len) > 1
recent = dated[dated["date_start"] >= "2020-01-01"]
figure, axes = plt.subplots(figsize=(9, 5))
for position, (_, event) in enumerate(recent.iterrows()):
    colour = "tab:red" if event["disputed"] else "tab:blue"
    face = colour if event["date_precision"] == "day" else "white"
    axes.plot(event["date_start"], position, "o", color=colour, markerfacecolor=face)
    axes.annotate(
        event["title"],
        (event["date_start"], position),
        xytext=(6, -3),
        textcoords="offset points",
        fontsize=7,
    )
axes.set_yticks([])
axes.set_xlim(right=pd.Timestamp("2028-01-01"))  # room for the labels
axes.set_title("The Shusha Declaration, 2020-2025 (red: disputed date; hollow: month or year only)")
figure.autofmt_xdate()
figure.tight_layout()
output = Path(sys.argv[1] if len(sys.argv) > 1 else ".")
output.mkdir(parents=True, exist_ok=True)
figure.savefig(output / "timeline.png", dpi=120)
print(f"\nTimeline of {len(recent)} events since 2020 drawn in timeline.png")  # no path: the page shows this
