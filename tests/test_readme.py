"""The README's and the command-line page's examples run as written, so they cannot drift from the package."""

from __future__ import annotations

import doctest
import os
import re
import shlex
import subprocess
import sys
from pathlib import Path

import pytest

import shusha_decl

README = Path(__file__).parent.parent / "README.md"
CLI_PAGE = Path(__file__).parent.parent / "docs" / "cli.md"


def test_readme_examples() -> None:
    result = doctest.testfile(
        str(README),
        module_relative=False,
        optionflags=doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE,
        verbose=False,
    )
    assert result.attempted > 20
    assert result.failed == 0


@pytest.mark.parametrize(("page", "at_least"), [(README, 10), (CLI_PAGE, 25)])
def test_command_lines_run(page: Path, at_least: int, tmp_path: Path) -> None:
    """Every `shusha-decl ...` line of the page, run in order in an empty directory, succeeds."""
    lines = [
        line.split("  #")[0].strip()
        for line in page.read_text(encoding="utf-8").splitlines()
        if line.startswith("shusha-decl ")
    ]
    assert len(lines) >= at_least
    for line in lines:
        result = _run(shlex.split(line)[1:], tmp_path)
        assert result.returncode == 0, (line, result.stderr)


def test_cli_page_shows_the_output_at_80_columns(tmp_path: Path) -> None:
    """Each `$ shusha-decl ...` of the page's console blocks prints exactly the lines under it."""
    blocks = re.findall(r"```console\n(.*?)```", CLI_PAGE.read_text(encoding="utf-8"), flags=re.DOTALL)
    assert len(blocks) >= 2
    for block in blocks:
        command, _, output = block.partition("\n")
        assert command.startswith("$ shusha-decl ")
        result = _run(shlex.split(command)[2:], tmp_path)
        assert (result.returncode, result.stdout) == (0, output)


def test_readme_opens_with_what_a_user_needs() -> None:
    """What this is, how to install what exists, a short tour, where the codebook is; developers last."""
    text = README.read_text(encoding="utf-8")
    headings = [line for line in text.splitlines() if line.startswith("## ")]
    assert headings[:3] == ["## Install", "## The documentation", "## A 30-second tour"]
    assert headings.index("## Development") > headings.index("## A 30-second tour")
    before_development = text[: text.index("## Development")]
    assert "nox" not in before_development
    assert "codebook" in text[text.index("## The documentation") : text.index("## A 30-second tour")]
    install = text[text.index("## Install") : text.index("## The documentation")]
    assert 'python -m pip install ".[pandas]"' in install
    # The package is not on the index yet: installing it by name is only mentioned as what comes later.
    for line in text.splitlines():
        if 'install "shusha-decl' in line:
            assert line.startswith("Once it is published"), line


def _run(args: list[str], cwd: Path) -> subprocess.CompletedProcess[str]:
    environment = {key: value for key, value in os.environ.items() if key != "NO_COLOR"}
    return subprocess.run(
        [sys.executable, "-m", "shusha_decl", *args],
        cwd=cwd,
        capture_output=True,
        text=True,
        check=False,
        env={**environment, "COLUMNS": "80"},
    )


def test_what_is_in_the_data_counts_the_packaged_data() -> None:
    """Every count the README's "What is in the data" states is the packaged edition's."""
    text = README.read_text(encoding="utf-8")
    section = " ".join(text[text.index("## What is in the data") : text.index("## Development")].split())
    decl = shusha_decl.declaration()
    codings = decl.second_coding.codings
    first = {c.id: c for c in decl.commitments}
    counts = {
        "recitals": len(decl.preamble),
        "paragraphs": len(decl.provisions),
        "topics in": sum(t.category is not None for t in decl.topics),
        "categories": sum(t.category is None for t in decl.topics),
        "agreements": len(decl.agreements),
        "organisations and bodies": len(decl.organizations),
        "places and projects": len(decl.places),
        "persons": len(decl.persons),
        "quotations": len(decl.quotes),
        "sources": len(decl.sources),
        "dated events": len(decl.events),
        "press claims": len(decl.claims),
        "translation notes": len(decl.translation_notes),
    }
    for words, count in counts.items():
        assert f"{count} {words}" in section, words
    modality = sum(c.modality is first[c.commitment].modality for c in codings)
    topics = sum(set(c.topics) == set(first[c.commitment].topics) for c in codings)
    assert f"modality {modality} of {len(codings)}, topic sets {topics} of {len(codings)}" in section
