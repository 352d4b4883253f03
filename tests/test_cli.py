"""The command line, end to end: the installed command run in a subprocess."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

SCRIPT = Path(sys.executable).parent / "shusha-decl"


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "shusha_decl", *args], capture_output=True, text=True, check=False, timeout=60
    )


def test_main_job_prints_the_defense_commitments() -> None:
    result = run("commitments", "--topic", "defense-and-security")
    assert result.returncode == 0
    assert "para_9__cmt_1 [undertaking; mutual-assistance, security; by AZ+TR]" in result.stdout
    assert "will provide the necessary assistance" in result.stdout
    assert "para_18__cmt_1" not in result.stdout


def test_repeated_options_match_any_and_options_combine() -> None:
    result = run("commitments", "--topic", "energy", "--modality", "endeavour", "--modality", "undertaking")
    assert result.returncode == 0
    assert "para_18__cmt_2" in result.stdout
    assert "para_18__cmt_3" in result.stdout
    assert "para_18__cmt_1" not in result.stdout


def test_nothing_matched_exits_1() -> None:
    result = run("commitments", "--text", "zzzz")
    assert result.returncode == 1
    assert result.stdout == ""
    assert "nothing matched" in result.stderr


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("commitments", "--topic", "defence-x"), "valid topics"),
        (("commitments", "--party", "Armenia"), "not a party"),
        (("show", "para_99"), "close ids: para_9"),
        (("lookup", "Narnia"), "no entity or party is named 'Narnia'"),
    ],
)
def test_user_errors_exit_2_with_a_message_and_no_traceback(args: tuple[str, ...], message: str) -> None:
    result = run(*args)
    assert result.returncode == 2
    assert message in result.stderr
    assert "Traceback" not in result.stderr


def test_usage_error_exits_2() -> None:
    assert run().returncode == 2
    assert run("commitments", "--colour", "red").returncode == 2


def test_show_a_unit_and_the_whole_text() -> None:
    unit = run("show", "para_10")
    assert unit.returncode == 0
    assert unit.stdout.startswith("para_10\tUnit\nJoint meetings of the Security Councils")
    whole = run("show")
    assert whole.returncode == 0
    assert whole.stdout.startswith("Shusha Declaration on Allied Relations")
    assert whole.stdout.rstrip().endswith("all texts are equally authentic.")


def test_lookup_by_variant_spelling() -> None:
    result = run("lookup", "Nakhichevan")
    assert result.returncode == 0
    assert result.stdout == "nakhchivan\tPlace\tNakhchivan Autonomous Republic\n"


def test_help_shows_examples() -> None:
    result = run("--help")
    assert result.returncode == 0
    assert "examples:" in result.stdout


@pytest.mark.skipif(
    not SCRIPT.exists() and not os.environ.get("CI"),
    reason="the shusha-decl script comes with the installed wheel (required under CI)",
)
def test_console_script() -> None:
    result = subprocess.run(
        [str(SCRIPT), "lookup", "Şuşa"], capture_output=True, text=True, check=False, timeout=60
    )
    assert result.returncode == 0
    assert result.stdout.startswith("shusha\tPlace\tShusha")
