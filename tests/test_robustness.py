"""Immutability all the way down, consistency under concurrent use, and loading from a zip file."""

from __future__ import annotations

import zipfile
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

import attrs
import pytest

import shusha_decl

DECL = shusha_decl.declaration()
MUTABLE = (list, dict, set, bytearray)


def values(value: Any, seen: set[int]) -> list[Any]:
    """Every value reachable from *value* through record fields and containers."""
    if id(value) in seen:
        return []
    seen.add(id(value))
    found = [value]
    if attrs.has(type(value)):
        for field in attrs.fields(type(value)):
            if not field.name.startswith("_"):
                found += values(getattr(value, field.name), seen)
    elif isinstance(value, (tuple, frozenset)):
        for item in value:
            found += values(item, seen)
    elif isinstance(value, shusha_decl.Titles):
        for item in value.values():
            found += values(item, seen)
    return found


def test_nothing_reachable_from_the_edition_is_mutable() -> None:
    reachable = values(DECL, set())
    assert len(reachable) > 2000  # every record and value, not just the top
    assert [type(v).__name__ for v in reachable if isinstance(v, MUTABLE)] == []


def test_the_cached_edition_cannot_be_altered() -> None:
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        DECL.commitments = ()  # type: ignore[misc]
    with pytest.raises(TypeError):
        DECL.commitments[0] = None  # type: ignore[index]
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        DECL.commitments[0].topics = ("energy",)  # type: ignore[misc]
    with pytest.raises(AttributeError):
        DECL.commitments._declaration = None  # type: ignore[attr-defined]
    assert shusha_decl.declaration() is DECL
    assert shusha_decl.declaration() == shusha_decl.load(shusha_decl.dump(DECL, _tmp()))


def _tmp() -> Path:
    import tempfile

    return Path(tempfile.mkdtemp())


def test_many_threads_querying_at_once_see_one_consistent_edition() -> None:
    expected = {
        "energy": shusha_decl.commitments(topic="energy"),
        "lookup": shusha_decl.lookup("Türkiye"),
        "treaties": shusha_decl.agreements(kind="treaty"),
        "events": shusha_decl.events(after="2022-01-31"),
        "claims": shusha_decl.claims(status="not-in-text"),
    }

    def work(_: int) -> tuple[Any, ...]:
        decl = shusha_decl.declaration()
        return (
            decl,
            {
                "energy": shusha_decl.commitments(topic="energy"),
                "lookup": decl.lookup("Türkiye"),
                "treaties": decl.agreements(kind="treaty"),
                "events": decl.events(after="2022-01-31"),
                "claims": decl.claims(status="not-in-text"),
            },
        )

    with ThreadPoolExecutor(max_workers=32) as pool:
        results = list(pool.map(work, range(500)))
    assert all(decl is DECL for decl, _ in results)
    assert all(found == expected for _, found in results)


def test_the_package_imports_and_loads_from_a_zip_file(
    tmp_path: Path, run_package_from: Callable[[Path, str], str]
) -> None:
    package = Path(shusha_decl.__file__).parent
    archive = tmp_path / "shusha_decl.zip"
    with zipfile.ZipFile(archive, "w") as zf:
        for path in package.rglob("*"):
            if path.is_file() and "__pycache__" not in path.parts:
                zf.write(path, path.relative_to(package.parent))
    code = (
        "import shusha_decl.loader; "
        "d = shusha_decl.declaration(); s = shusha_decl.loader.read_packaged_json(); "
        "assert d == s; print(len(d.commitments), type(s.sources[0]).__module__)"
    )
    assert run_package_from(archive, code).split() == ["46", "shusha_decl.model"]
