"""The command line, end to end: the installed command run in subprocesses."""

from __future__ import annotations

import csv
import inspect
import io
import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

import shusha_decl

SCRIPT = Path(sys.executable).parent / "shusha-decl"


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "shusha_decl", *args], capture_output=True, text=True, check=False, timeout=60
    )


def ok(*args: str) -> str:
    result = run(*args)
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr
    return result.stdout


@pytest.mark.parametrize("listing", ["commitments", "agreements", "organizations", "events", "claims"])
def test_each_listing_takes_its_filter_arguments_as_options(listing: str) -> None:
    """The options are the filter's keyword arguments, so the two never drift apart."""
    method = type(getattr(shusha_decl.declaration(), listing)).__call__
    keywords = [name for name in inspect.signature(method).parameters if name != "self"]
    help_text = ok(listing, "--help")
    options = sorted(set(re.findall(r"--[a-z][a-z-]+", help_text)) - {"--help", "--json", "--csv"})
    assert options == sorted("--" + keyword.replace("_", "-") for keyword in keywords)


def test_main_job_prints_the_defense_commitments_as_a_table() -> None:
    lines = ok("commitments", "--topic", "defense-and-security").splitlines()
    assert lines[0].split() == ["id", "modality", "topics", "text"]
    assert set(lines[1]) <= {"-", " "}
    ids = [line.split()[0] for line in lines[2:]]
    assert ids == [c.id for c in shusha_decl.commitments(topic="defense-and-security")]
    assert all(len(line) <= 120 for line in lines)
    assert all(len(line.split(None, 3)[-1]) >= 20 for line in lines[2:])  # the text stays readable


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (("commitments", "--topic", "energy", "--modality", "endeavour", "--modality", "undertaking"), 2),
        (("agreements", "--kind", "treaty", "--signed-after", "1990-01-01"), 2),
        (("organizations", "--kind", "bilateral"), 3),
        (
            ("events", "--concerns", "shusha-declaration", "--after", "2022-01-31", "--before", "2022-03-01"),
            7,
        ),
        (("claims", "--status", "not-in-text"), 6),
        (("claims", "--source", "ratification-2022-02", "--status", "partly-supported"), 2),
    ],
)
def test_listings_take_the_helpers_filters_and_print_json_and_csv(
    args: tuple[str, ...], expected: int
) -> None:
    rows = json.loads(ok(*args, "--json"))
    assert len(rows) == expected
    table = list(csv.DictReader(io.StringIO(ok(*args, "--csv"))))
    assert [r["id"] for r in table] == [r["id"] for r in rows]
    assert len(ok(*args).splitlines()) == expected + 2  # header and rule


def test_json_rows_are_the_full_records() -> None:
    (row,) = json.loads(ok("commitments", "--text", "Southern Gas Corridor contributing", "--json"))
    assert row["id"] == "para_18__cmt_1"
    assert row["topics"] == ["energy"]
    assert row["mentions"] == ["southern-gas-corridor", "europe"]


def test_nothing_matched_exits_1() -> None:
    for args in (("commitments", "--text", "zzzz"), ("search", "zzzz"), ("events", "--before", "1900-01-01")):
        result = run(*args)
        assert result.returncode == 1
        assert result.stdout == ""
        assert "nothing matched" in result.stderr


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("commitments", "--topic", "defence-x"), "valid topics"),
        (("commitments", "--party", "Armenia"), "not a party"),
        (("agreements", "--signed-after", "June 2021"), "YYYY-MM-DD"),
        (("claims", "--status", "false"), "'supported', 'partly-supported', 'not-in-text'"),
        (("show", "para_99"), "close ids: para_9"),
        (("lookup", "Narnia"), "no entity or party is named 'Narnia'"),
        (("export", "--format", "csv"), "give it with -o PATH"),
    ],
)
def test_user_errors_exit_2_with_a_message_and_no_traceback(args: tuple[str, ...], message: str) -> None:
    result = run(*args)
    assert result.returncode == 2
    assert message in result.stderr
    assert "Traceback" not in result.stderr


def test_usage_errors_exit_2() -> None:
    assert run().returncode == 2
    assert run("commitments", "--colour", "red").returncode == 2
    assert run("export", "--format", "pdf").returncode == 2


def test_show_a_record_and_the_whole_text() -> None:
    unit = ok("show", "para_10")
    assert unit.startswith("Unit para_10\n")
    assert "Joint meetings of the Security Councils" in unit
    organization = ok("show", "turkic-council")
    assert "Organization of Turkic States" in organization
    whole = ok("show")
    assert whole.startswith("Shusha Declaration on Allied Relations")
    assert whole.rstrip().endswith("all texts are equally authentic.")
    assert "[para_34]" in whole
    assert len(json.loads(ok("show", "--json"))) == 47


def test_search_highlights_the_match_with_the_unit_id() -> None:
    out = ok("search", "TURKIC WORLD")
    assert "[preamble__recs__rec_1] 1 match(es)" in out
    assert "**Turkic world**" in out
    rows = json.loads(ok("search", "ilham aliyev", "--json"))
    assert rows == [
        {
            "id": "preamble__recs__rec_1",
            "matches": 1,
            "text": rows[0]["text"],
        }
    ]
    assert "**İlham Aliyev**" in rows[0]["text"]


def test_lookup_by_variant_spelling() -> None:
    assert ok("lookup", "Nakhichevan").splitlines()[2].split()[:2] == ["nakhchivan", "Place"]
    assert json.loads(ok("lookup", "turkiye", "--json")) == [
        {"id": "TR", "kind": "Party", "name": "Republic of Turkey"}
    ]


def test_export_to_stdout_and_to_files(tmp_path: Path) -> None:
    assert ok("export", "--format", "akn").startswith('<?xml version="1.0" encoding="UTF-8"?>')
    assert json.loads(ok("export", "--format", "jsonld"))["@type"] == "Legislation"
    target = tmp_path / "out.md"
    result = run("export", "--format", "markdown", "-o", str(target))
    assert result.returncode == 0
    assert target.read_text(encoding="utf-8").startswith("# Shusha Declaration")
    edition = tmp_path / "edition"
    assert run("export", "--format", "json", "-o", str(edition)).returncode == 0
    assert shusha_decl.load(edition) == shusha_decl.declaration()
    package = tmp_path / "package"
    assert run("export", "--format", "datapackage", "-o", str(package)).returncode == 0
    assert (package / "datapackage.json").exists()


def test_validate_an_edition_on_disk(tmp_path: Path) -> None:
    edition = shusha_decl.dump(shusha_decl.declaration(), tmp_path / "edition")
    assert ok("validate", str(edition)).startswith(f"{edition}: valid (")
    places = Path(edition) / "places.json"
    places.write_text(places.read_text(encoding="utf-8").replace('"city"', '"town"'), encoding="utf-8")
    result = run("validate", str(edition))
    assert result.returncode == 2
    assert "places.json: $[0].kind: expected one of 'city'" in result.stderr
    assert "Traceback" not in result.stderr
    missing = run("validate", str(tmp_path / "nowhere"))
    assert (missing.returncode, missing.stdout) == (2, "")
    assert "not a directory" in missing.stderr


def test_help_shows_examples() -> None:
    out = ok("--help")
    assert "examples:" in out
    assert "shusha-decl export --format akn" in out


@pytest.mark.skipif(
    not SCRIPT.exists() and not os.environ.get("CI"),
    reason="the shusha-decl script comes with the installed wheel (required under CI)",
)
def test_console_script() -> None:
    result = subprocess.run(
        [str(SCRIPT), "lookup", "Şuşa"], capture_output=True, text=True, check=False, timeout=60
    )
    assert result.returncode == 0
    assert result.stdout.splitlines()[2].split()[:2] == ["shusha", "Place"]
