"""The command line, end to end: the installed command run in subprocesses."""

from __future__ import annotations

import collections
import csv
import importlib.util
import inspect
import io
import json
import os
import re
import subprocess
import sys
from pathlib import Path

import attrs
import pytest

import shusha_decl
import shusha_decl.cli

SCRIPT = Path(sys.executable).parent / "shusha-decl"


def run(*args: str, columns: int = 80, **env: str) -> subprocess.CompletedProcess[str]:
    """The command run with *args*, in a terminal *columns* wide, with *env* added to the environment."""
    environment = {**os.environ, "COLUMNS": str(columns), **env}
    if "NO_COLOR" not in env:
        environment.pop("NO_COLOR", None)
    return subprocess.run(
        [sys.executable, "-m", "shusha_decl", *args],
        capture_output=True,
        text=True,
        check=False,
        timeout=60,
        env=environment,
    )


def ok(*args: str, columns: int = 80) -> str:
    result = run(*args, columns=columns)
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr
    return result.stdout


def fails(*args: str, status: int) -> str:
    """The error message of a run that must exit with *status*, print nothing and show no traceback."""
    result = run(*args)
    assert result.returncode == status, result.stderr
    assert result.stdout == ""
    assert "Traceback" not in result.stderr
    return result.stderr


@pytest.mark.parametrize("listing", ["commitments", "agreements", "organizations", "events", "claims"])
def test_each_listing_takes_its_filter_arguments_as_options(listing: str) -> None:
    """The options are the filter's keyword arguments, so the two never drift apart."""
    method = type(getattr(shusha_decl.declaration(), listing)).__call__
    keywords = [name for name in inspect.signature(method).parameters if name != "self"]
    help_text = ok(listing, "--help")
    options = sorted(set(re.findall(r"--[a-z][a-z-]+", help_text)) - {"--help", "--json", "--csv"})
    assert options == sorted("--" + keyword.replace("_", "-") for keyword in keywords)


def test_main_job_prints_the_defense_commitments_as_a_table_that_fits_80_columns() -> None:
    lines = ok("commitments", "--topic", "defense-and-security").splitlines()
    assert lines[0].split() == ["id", "modality", "topics", "text"]
    assert set(lines[1]) <= {"-", " "}
    ids = [line.split()[0] for line in lines[2:] if not line.startswith(" ")]  # the rest are wrapped cells
    found = shusha_decl.commitments(topic="defense-and-security")
    assert ids == [c.id for c in found]
    assert max(map(len, lines)) == 80  # fits, and uses the width
    text_column = lines[0].index("text")
    cells = [line[text_column:] for line in lines[2:]]
    assert " ".join(cells).split() == " ".join(c.text for c in found).split()  # wrapped, not cut


@pytest.mark.parametrize(
    "args",
    [
        ("claims",),
        ("agreements",),
        ("alliance",),
        ("sources",),
        ("titles",),
        ("show",),
        ("show", "para_9"),
        ("show", "alliance"),
        ("search", "parties"),
    ],
)
def test_every_output_fits_the_terminal(args: tuple[str, ...]) -> None:
    assert max(map(len, ok(*args, columns=80).splitlines())) <= 80
    wide = ok(*args, columns=400).splitlines()
    assert max(map(len, wide)) > 80  # the width comes from COLUMNS, not a constant


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
        (("claims", "--status", "not-in-text"), 7),
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
    assert len(ok(*args, columns=1000).splitlines()) == expected + 2  # header and rule


def test_json_rows_are_the_full_records() -> None:
    (row,) = json.loads(ok("commitments", "--text", "Southern Gas Corridor contributing", "--json"))
    assert row["id"] == "para_18__cmt_1"
    assert row["topics"] == ["energy"]
    assert row["mentions"] == ["southern-gas-corridor", "europe"]


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("commitments", "--text", "zzzz"), "nothing matched"),
        (("agreements", "--signed-after", "2030-01-01"), "nothing matched"),
        (("organizations", "--mentions", "conclusions"), "nothing matched"),
        (("events", "--before", "1900-01-01"), "nothing matched"),
        (("claims", "--status", "not-in-text", "--source", "turan-2021-06-15"), "nothing matched"),
        (("search", "zzzz"), "nothing matched"),
        (("search", "art"), "nothing matched"),  # a whole word, by default
        (("show", "para_99"), "close ids: para_9"),
        (("lookup", "Narnia"), "no entity or party is named 'Narnia'"),
    ],
)
def test_nothing_found_exits_1_in_every_subcommand(args: tuple[str, ...], message: str) -> None:
    assert message in fails(*args, status=1)


def test_the_exit_status_rule_is_in_the_help() -> None:
    for args in (("--help",), ("commitments", "--help")):
        assert "exit status" in ok(*args)
        assert "1  nothing found" in ok(*args)


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("commitments", "--topic", "defence-x"), "valid topics"),
        (("commitments", "--party", "Armenia"), "not a party"),
        (("agreements", "--signed-after", "June 2021"), "YYYY-MM-DD"),
        (("claims", "--status", "false"), "'supported', 'partly-supported', 'not-in-text'"),
        (("commitments", "--mentions", "Narnia"), "Narnia"),
        (("export", "--format", "csv"), "give it with -o PATH"),
        (("export", "--format", "datapackage", "-o", "-"), "writes a directory"),
    ],
)
def test_user_errors_exit_2_with_a_message_and_no_traceback(args: tuple[str, ...], message: str) -> None:
    assert message in fails(*args, status=2)


def test_usage_errors_exit_2() -> None:
    assert run().returncode == 2
    assert run("commitments", "--colour", "red").returncode == 2
    assert run("export", "--format", "pdf").returncode == 2
    assert run("search").returncode == 2


def test_show_a_record_and_the_whole_text() -> None:
    unit = ok("show", "para_10")
    assert unit.startswith("Unit para_10\n")
    assert "Joint meetings of the Security Councils" in unit
    organization = ok("show", "turkic-council")
    assert "aliases: Turkic Council\n" in organization
    assert "aliases: Nakhchivan, Nakhichevan\n" in ok("show", "nakhchivan")  # a list as words
    assert 'later_names: [{"name": "Organization of Turkic States", "acronym": "OTS",' in organization
    whole = ok("show")
    assert whole.startswith("Shusha Declaration on Allied Relations")
    assert " ".join(whole.split()).endswith("and all texts are equally authentic.")
    assert "[para_34]" in whole
    assert len(json.loads(ok("show", "--json"))) == 47


def test_search_matches_whole_words_ranked_by_matches_then_document_order() -> None:
    decl = shusha_decl.declaration()
    assert decl.search("art") == ()
    parts = decl.search("art", substring=True)
    assert sum(len(m.spans) for m in parts) >= 30  # 'parties', 'partnership', ...
    assert shusha_decl.search("art", substring=True) == parts
    found = decl.search("parties")
    order = [u.id for u in decl.units]
    ranks = [(-len(m.spans), order.index(m.unit.id)) for m in found]
    assert ranks == sorted(ranks)
    assert len(found[0].spans) > len(found[-1].spans)
    for match in found:
        for start, end in match.spans:
            assert match.unit.text[start:end].lower() == "parties"
    assert [line.split()[0] for line in ok("search", "parties").splitlines() if line.startswith("[")] == [
        f"[{m.unit.id}]" for m in found
    ]


def test_search_json_and_csv_carry_the_text_as_in_the_data_and_the_spans_apart() -> None:
    out = ok("search", "TURKIC WORLD")
    assert "[preamble__recs__rec_1] 1 match" in out
    assert "**" not in out  # no markers when not on a terminal
    assert "\033" not in out
    rows = json.loads(ok("search", "ilham aliyev", "--json"))
    unit = shusha_decl.get("preamble__recs__rec_1")
    assert rows == [{"id": unit.id, "matches": 1, "spans": rows[0]["spans"], "text": unit.text}]
    ((start, end),) = rows[0]["spans"]
    assert unit.text[start:end] == "İlham Aliyev"
    (row,) = csv.DictReader(io.StringIO(ok("search", "ilham aliyev", "--csv")))
    assert row["text"] == unit.text
    assert json.loads(row["spans"]) == rows[0]["spans"]


def _on_a_terminal(*args: str, **env: str) -> str:
    """What the command prints with its standard output on a pseudo-terminal."""
    import pty

    main, secondary = pty.openpty()
    environment = {**os.environ, "COLUMNS": "80", **env}
    if "NO_COLOR" not in env:
        environment.pop("NO_COLOR", None)
    process = subprocess.Popen(
        [sys.executable, "-m", "shusha_decl", *args],
        stdout=secondary,
        stderr=subprocess.DEVNULL,
        env=environment,
    )
    os.close(secondary)
    output = b""
    while True:
        try:
            chunk = os.read(main, 4096)
        except OSError:  # the terminal is closed once the command has exited
            break
        if not chunk:
            break
        output += chunk
    os.close(main)
    assert process.wait(timeout=60) == 0
    return output.decode()


@pytest.mark.skipif(sys.platform == "win32", reason="pseudo-terminals are POSIX")
def test_matches_are_highlighted_only_on_a_terminal_without_no_color() -> None:
    assert "\033[1;7mTurkic world\033[0m" in _on_a_terminal("search", "turkic world")
    assert "\033[" not in _on_a_terminal("search", "turkic world", NO_COLOR="1")
    assert "\033[" not in run("search", "turkic world").stdout


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


def test_version_prints_the_package_and_data_versions() -> None:
    assert (
        ok("--version").strip() == f"shusha-decl {shusha_decl.__version__} (data {shusha_decl.DATA_VERSION})"
    )


@pytest.mark.parametrize(
    ("listing", "option", "values"),
    [
        ("commitments", "--modality", [m.value for m in shusha_decl.Modality]),
        ("agreements", "--kind", [k.value for k in shusha_decl.AgreementKind]),
        ("organizations", "--kind", [k.value for k in shusha_decl.OrganizationKind]),
        ("claims", "--status", [s.value for s in shusha_decl.ClaimStatus]),
        ("claims", "--source", sorted({c.source for c in shusha_decl.declaration().claims})),
        ("commitments", "--topic", [t.id for t in shusha_decl.declaration().topics]),
        ("commitments", "--party", [p.id for p in shusha_decl.declaration().parties]),
        ("translation-notes", "--language", ["az", "en", "fr", "kk", "ru", "tr"]),
    ],
)
def test_each_option_lists_its_valid_values_in_its_help(listing: str, option: str, values: list[str]) -> None:
    lines = ok(listing, "--help").splitlines()
    first = next(i for i, line in enumerate(lines) if line.startswith(f"  {option} "))
    end = next(i for i in range(first + 1, len(lines)) if lines[i].startswith("  -") or not lines[i])
    words = set(re.findall(r"[\w-]+", " ".join(lines[first:end])))
    assert set(values) <= words, set(values) - words


def test_every_value_option_ignores_case_and_diacritics() -> None:
    decl = shusha_decl.declaration()
    assert decl.commitments(topic="Energy") == decl.commitments(topic="energy") != ()
    assert decl.commitments(topic=["ENERGY", "Défense"]) == decl.commitments(topic=["energy", "defense"])
    assert decl.claims(source="Turan-2021-06-15") == decl.claims(source="turan-2021-06-15") != ()
    assert decl.agreements(mentions="PARA_9") == decl.agreements(mentions="para_9") != ()
    assert decl.events(concerns="Shusha-Declaration") == decl.events(concerns="shusha-declaration") != ()
    for args in (("--topic", "Energy"), ("--modality", "Endeavour"), ("--party", "tr")):
        assert ok("commitments", *args, "--json") == ok("commitments", *(a.lower() for a in args), "--json")
    assert ok("agreements", "--kind", "Treaty") == ok("agreements", "--kind", "treaty")
    assert ok("claims", "--source", "TURAN-2021-06-15") == ok("claims", "--source", "turan-2021-06-15")


def test_export_to_standard_output_with_dash() -> None:
    assert ok("export", "--format", "akn", "-o", "-") == ok("export", "--format", "akn")
    assert json.loads(ok("export", "--format", "jsonld", "-o", "-"))["@type"] == "Legislation"
    assert ok("export", "--format", "markdown", "-o", "-").startswith("# Shusha Declaration")
    assert not Path("-").exists()


@pytest.mark.parametrize(
    ("listing", "collection"),
    [
        ("parties", "parties"),
        ("places", "places"),
        ("persons", "persons"),
        ("quotes", "quotes"),
        ("topics", "topics"),
        ("sources", "sources"),
        ("titles", "titles"),
    ],
)
def test_every_collection_has_a_listing(listing: str, collection: str) -> None:
    rows = json.loads(ok(listing, "--json"))
    assert rows == shusha_decl.to_records(collection)
    assert [r["id"] for r in csv.DictReader(io.StringIO(ok(listing, "--csv")))] == [r["id"] for r in rows]
    table = ok(listing, columns=1000).splitlines()
    assert [line.split()[0] for line in table[2:]] == [r["id"] for r in rows]


def test_the_alliance_coding_has_its_own_listing() -> None:
    alliance = shusha_decl.declaration().alliance
    rows = json.loads(ok("alliance", "--json"))
    assert [r["variable"] for r in rows] == [f.name for f in attrs.fields(type(alliance))]
    assert rows[0] == {"variable": "defense", **shusha_decl.to_records("alliance")[0]} | {
        "value": alliance.defense.value,
        "confidence": alliance.defense.confidence.value,
        "rationale": alliance.defense.rationale,
    }
    header = ok("alliance").splitlines()[0].split()
    assert header == ["variable", "value", "confidence", "rationale"]


@pytest.mark.parametrize(
    ("listing", "collection", "header"),
    [
        (
            "atop-dyad-years",
            "atop_dyad_years",
            ["ccode1", "ccode2", "year", "defense", "offense", "neutral", "nonagg", "consul"],
        ),
        (
            "cow-dyad-years",
            "cow_dyad_years",
            ["ccode1", "ccode2", "year", "defense", "neutral", "nonagg", "entente"],
        ),
    ],
)
def test_the_dyad_year_listings_keep_the_column_names_in_json_and_csv(
    listing: str, collection: str, header: list[str]
) -> None:
    rows = json.loads(ok(listing, "--json"))
    assert rows == shusha_decl.to_records(collection)
    assert {(r["ccode1"], r["ccode2"]) for r in rows} == {(373, 640), (640, 373)}
    table = list(csv.DictReader(io.StringIO(ok(listing, "--csv"))))
    assert list(table[0]) == list(rows[0])  # atop_defense ..., as peacesciencer names them
    assert ok(listing).splitlines()[0].split() == header  # the table alone drops the prefix, to fit


def test_the_dyad_year_listings_give_the_alternative_reading() -> None:
    for listing in ("atop-dyad-years", "cow-dyad-years"):
        name = listing.replace("-", "_")
        alternative = shusha_decl.to_records(name, reading="alternative")
        assert json.loads(ok(listing, "--reading", "alternative", "--json")) == alternative
        assert json.loads(ok(listing, "--reading", "main", "--json")) == json.loads(ok(listing, "--json"))
    cow = json.loads(ok("cow-dyad-years", "--reading", "alternative", "--json"))
    assert {(r["cow_defense"], r["cow_entente"]) for r in cow} == {(0, 1)}  # an entente
    assert run("alliance-members", "--reading", "alternative").returncode == 2  # its dates, not a coding


@pytest.mark.parametrize("listing", ["atop-dyad-years", "cow-dyad-years"])
def test_the_dyad_year_tables_say_their_reading_on_the_last_line_only(listing: str) -> None:
    rows = shusha_decl.to_records(listing.replace("-", "_"))
    for reading in ("main", "alternative"):
        lines = ok(listing, "--reading", reading).splitlines()
        assert lines[-1] == f"{reading} reading: this project's coding, not an ATOP or COW release"
        assert len(lines) == 2 + len(rows) + 1  # header, rule, one line a row, the reading
        assert lines[2].split()[:3] == [str(rows[0][c]) for c in ("ccode1", "ccode2", "year")]
        assert "reading" not in ok(listing, "--reading", reading, "--csv")  # the data alone
        assert len(json.loads(ok(listing, "--reading", reading, "--json"))) == len(rows)


def test_the_members_listing_gives_each_entry_into_force_reading() -> None:
    rows = json.loads(ok("alliance-members", "--json"))
    assert rows == shusha_decl.to_records("alliance_members")
    assert [(r["ccode"], r["in_force_on"], r["in_force_sources"]) for r in rows] == [
        (373, "2021-06-15", ["report-az-in-force"]),
        (373, "2022-02-13", ["ictimaifikir-25234"]),
        (640, "2021-06-15", ["report-az-in-force"]),
        (640, "2022-02-13", ["ictimaifikir-25234"]),
    ]


def test_shell_completion_script() -> None:
    pytest.importorskip("shtab")
    script = ok("--print-completion", "bash")
    assert "shusha-decl" in script
    for command in ("commitments", "alliance", "search", "export"):
        assert command in script
    assert "--substring" in script
    assert "#compdef shusha-decl" in ok("--print-completion", "zsh")


def test_shell_completion_without_shtab_says_what_to_install() -> None:
    code = (
        "import sys; sys.modules['shtab'] = None; from shusha_decl.cli import main; "
        "sys.exit(main(['--print-completion', 'bash']))"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=False, timeout=60
    )
    assert result.returncode == 2
    assert "needs shtab" in result.stderr
    assert "completion extra" in result.stderr
    assert "Traceback" not in result.stderr


@pytest.mark.parametrize("listing", list(shusha_decl.cli.LISTINGS))
def test_every_listing_fits_80_columns_with_every_word_whole(listing: str) -> None:
    """At 80 columns no line is longer, and cells wrap between words, never inside one (or an id)."""
    wide = ok(listing, columns=1000).splitlines()  # one line per row: every cell whole
    words = collections.Counter(" ".join(wide[2:]).split())
    narrow = ok(listing, columns=80).splitlines()
    assert max(map(len, narrow)) <= 80
    assert narrow[0].split() == wide[0].split()
    assert collections.Counter(" ".join(narrow[2:]).split()) == words
    # narrower than the longest words, lines grow longer than the terminal rather than break a word
    assert collections.Counter(" ".join(ok(listing, columns=40).splitlines()[2:]).split()) == words


def test_version_validate_and_completion_do_not_read_the_packaged_edition(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    edition = shusha_decl.dump(shusha_decl.declaration(), tmp_path / "edition")

    def unreadable() -> shusha_decl.Declaration:
        raise shusha_decl.DataError("the packaged edition cannot be read")

    monkeypatch.setattr(shusha_decl.cli, "declaration", unreadable)
    with pytest.raises(SystemExit) as exit_:
        shusha_decl.cli.main(["--version"])
    assert exit_.value.code == 0
    assert capsys.readouterr().out.startswith(f"shusha-decl {shusha_decl.__version__} ")
    assert shusha_decl.cli.main(["validate", str(edition)]) == 0
    assert capsys.readouterr().out.startswith(f"{edition}: valid (")
    if importlib.util.find_spec("shtab"):
        assert shusha_decl.cli.main(["--print-completion", "bash"]) == 0
        assert "--substring" in capsys.readouterr().out
    assert shusha_decl.cli.main(["commitments"]) == 2  # a command that needs it says why, without a traceback
    assert "the packaged edition cannot be read" in capsys.readouterr().err


def test_the_sources_of_claims_come_from_one_place() -> None:
    claims = shusha_decl.declaration().claims
    assert claims.cited == tuple(sorted({c.source for c in claims}))
    assert claims(status="not-in-text").cited == tuple(
        sorted({c.source for c in claims(status="not-in-text")})
    )
    with pytest.raises(shusha_decl.UnknownNameError, match=", ".join(claims.cited)):
        claims(source="nowhere")


def test_show_of_an_id_that_is_also_a_listing_says_where_the_listing_is() -> None:
    topic = ok("show", "alliance")
    assert topic.startswith("Topic alliance\n")
    assert " ".join(topic.split()).endswith(
        "(shusha-decl alliance lists this project's coding of the declaration as an alliance"
        " (ATOP variables))"
    )
    assert "shusha-decl para_9 lists" not in ok("show", "para_9")
    assert json.loads(ok("show", "alliance", "--json"))[0]["id"] == "alliance"  # data stays data
