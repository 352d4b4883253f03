"""Writing never loses data: nothing written until all is checked, atomic files, nothing replaced unasked."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import attrs
import pytest

import shusha_decl
from shusha_decl.export import write

DECL = shusha_decl.declaration()


def snapshot(directory: Path) -> dict[str, bytes]:
    return {path.name: path.read_bytes() for path in sorted(directory.iterdir())}


def with_place_name(name: str) -> shusha_decl.Declaration:
    places = [attrs.evolve(DECL.places[0], name=name), *DECL.places[1:]]
    return attrs.evolve(DECL, places=places)


@pytest.mark.parametrize(
    ("broken", "message"),
    [
        pytest.param(lambda: with_place_name("Shusha\ud800"), "places.json: $[0].name", id="lone-surrogate"),
        pytest.param(
            lambda: attrs.evolve(DECL, signed_at=123), "declaration.json: $.signed_at", id="int-for-str"
        ),
        pytest.param(
            lambda: attrs.evolve(DECL, title="Another title"), "declaration.json: $.titles", id="title"
        ),
    ],
)
def test_a_dump_that_load_would_reject_writes_nothing(tmp_path: Path, broken, message: str) -> None:  # type: ignore[no-untyped-def]
    edition = tmp_path / "edition"
    shusha_decl.dump(DECL, edition)
    before = snapshot(edition)
    with pytest.raises(shusha_decl.DataError, match=message.replace("$", r"\$").replace("[", r"\[")):
        shusha_decl.dump(broken(), edition, overwrite=True)
    assert snapshot(edition) == before
    with pytest.raises(shusha_decl.DataError):
        shusha_decl.dump(broken(), tmp_path / "new")
    assert not (tmp_path / "new").exists()


def test_dump_refuses_to_replace_a_file_it_did_not_write_unless_asked(tmp_path: Path) -> None:
    (tmp_path / "places.json").write_text("my own notes", encoding="utf-8")
    with pytest.raises(FileExistsError, match=r"places\.json already there"):
        shusha_decl.dump(DECL, tmp_path)
    assert [p.name for p in tmp_path.iterdir()] == ["places.json"]
    assert (tmp_path / "places.json").read_text(encoding="utf-8") == "my own notes"
    assert shusha_decl.load(shusha_decl.dump(DECL, tmp_path, overwrite=True)) == DECL


def test_dump_never_writes_through_a_symlink(tmp_path: Path) -> None:
    target = tmp_path / "precious.txt"
    target.write_text("keep me", encoding="utf-8")
    edition = tmp_path / "edition"
    edition.mkdir()
    (edition / "places.json").symlink_to(target)
    with pytest.raises(FileExistsError):
        shusha_decl.dump(DECL, edition)
    shusha_decl.dump(DECL, edition, overwrite=True)
    assert target.read_text(encoding="utf-8") == "keep me"
    assert not (edition / "places.json").is_symlink()
    assert shusha_decl.load(edition) == DECL


def test_written_files_have_the_usual_mode_and_no_temporary_file_is_left(tmp_path: Path) -> None:
    shusha_decl.dump(DECL, tmp_path)
    assert all(path.stat().st_mode & 0o044 == 0o044 for path in tmp_path.iterdir())  # readable by others
    assert not [path for path in tmp_path.iterdir() if path.name.startswith(".")]


@pytest.mark.parametrize("fmt", ["csv", "datapackage", "json"])
def test_directory_exports_refuse_to_replace_files(tmp_path: Path, fmt: str) -> None:
    write(DECL, fmt, tmp_path)
    before = snapshot(tmp_path)
    with pytest.raises(FileExistsError):
        write(DECL, fmt, tmp_path)
    assert snapshot(tmp_path) == before
    write(DECL, fmt, tmp_path, overwrite=True)
    assert snapshot(tmp_path) == before


def run(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "shusha_decl", *args], capture_output=True, text=True, check=False, cwd=cwd
    )


def test_export_to_a_file_refuses_to_clobber_it_or_its_link_target_unless_forced(tmp_path: Path) -> None:
    mine = tmp_path / "mine.xml"
    mine.write_text("my file", encoding="utf-8")
    link = tmp_path / "link.xml"
    link.symlink_to(mine)
    for output in (mine, link):
        result = run("export", "--format", "akn", "-o", str(output), cwd=tmp_path)
        assert result.returncode == 2
        assert "already there" in result.stderr
        assert "Traceback" not in result.stderr
    assert mine.read_text(encoding="utf-8") == "my file"
    assert run("export", "--format", "akn", "-o", str(link), "--force", cwd=tmp_path).returncode == 0
    assert mine.read_text(encoding="utf-8") == "my file"
    assert link.read_text(encoding="utf-8").startswith("<?xml")
    assert run("export", "--format", "akn", "-o", str(mine), "--force", cwd=tmp_path).returncode == 0
    assert mine.read_text(encoding="utf-8").startswith("<?xml")
