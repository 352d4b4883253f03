"""The code on the documentation pages runs as written: command lines first, then the doctests."""

from __future__ import annotations

import doctest
import shlex
import subprocess
import sys
from pathlib import Path

import pytest

DOCS = Path(__file__).parent.parent / "docs"


@pytest.mark.parametrize("page", ["cite-and-merge.md"])
def test_page_examples_run(page: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    text = (DOCS / page).read_text(encoding="utf-8")
    for line in (line for line in text.splitlines() if line.startswith("shusha-decl ")):
        command = [sys.executable, "-m", "shusha_decl", *shlex.split(line)[1:]]
        result = subprocess.run(command, cwd=tmp_path, capture_output=True, text=True, check=False)
        assert result.returncode == 0, (line, result.stderr)
    monkeypatch.chdir(tmp_path)  # the examples read the files the command lines wrote
    result = doctest.testfile(
        str(DOCS / page), module_relative=False, optionflags=doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE
    )
    assert result.attempted >= 10
    assert result.failed == 0
