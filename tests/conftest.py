"""Fixtures shared by the test modules."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest


@pytest.fixture
def run_package_from() -> Callable[[Path, str], str]:
    """Run *code* in a fresh interpreter that imports shusha_decl from *location* (a folder or a zip file).

    The code runs after ``import shusha_decl`` and a check that the package came from *location*;
    a non-zero exit fails the test with the interpreter's stderr.  Returns what the code printed.
    """

    def run(location: Path, code: str) -> str:
        prelude = (
            "import sys; sys.path.insert(0, sys.argv[1]); import shusha_decl; "
            "assert shusha_decl.__file__.startswith(sys.argv[1]), shusha_decl.__file__; "
        )
        result = subprocess.run(
            [sys.executable, "-c", prelude + code, str(location)], capture_output=True, text=True, check=False
        )
        assert result.returncode == 0, result.stderr
        assert result.stderr == ""
        return result.stdout

    return run
