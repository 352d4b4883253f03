"""The README's examples run as written (doctest), so they cannot drift from the package."""

from __future__ import annotations

import doctest
import shlex
import subprocess
import sys
from pathlib import Path

README = Path(__file__).parent.parent / "README.md"


def test_readme_examples() -> None:
    result = doctest.testfile(
        str(README),
        module_relative=False,
        optionflags=doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE,
        verbose=False,
    )
    assert result.attempted > 20
    assert result.failed == 0


def test_readme_command_lines_run(tmp_path: Path) -> None:
    """Every `shusha-decl ...` line of the README, run in order in an empty directory, succeeds."""
    lines = [
        line.split("  #")[0].strip()
        for line in README.read_text(encoding="utf-8").splitlines()
        if line.startswith("shusha-decl ")
    ]
    assert len(lines) >= 10
    for line in lines:
        args = shlex.split(line)[1:]
        result = subprocess.run(
            [sys.executable, "-m", "shusha_decl", *args],
            cwd=tmp_path,
            capture_output=True,
            text=True,
            check=False,
        )
        assert result.returncode == 0, (line, result.stderr)


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
