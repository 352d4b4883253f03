"""The documentation's analysis example runs against the installed package and gives the known numbers."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

SCRIPT = Path(__file__).parent.parent / "docs" / "examples" / "analysis.py"


def test_analysis_example_runs_and_draws_the_timeline(tmp_path: Path) -> None:
    pytest.importorskip("pandas")
    pytest.importorskip("matplotlib")
    result = subprocess.run(
        [sys.executable, str(SCRIPT), str(tmp_path)], capture_output=True, text=True, check=False, timeout=300
    )
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    row = next(line.split() for line in lines if line.startswith("defense-and-security"))
    assert row == ["defense-and-security", "8", "5", "2", "15"]
    assert "Timeline of 20 events since 2020" in result.stdout
    assert str(tmp_path) not in result.stdout  # the docs page shows this output: no path of the machine
    png = (tmp_path / "timeline.png").read_bytes()
    assert png.startswith(b"\x89PNG")
    assert len(png) > 10_000
