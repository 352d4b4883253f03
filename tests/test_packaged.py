"""The compiled edition a wheel carries: read field by field, equal to the JSON, ignored when damaged."""

from __future__ import annotations

import os
import pickle
import shutil
import subprocess
import sys
import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any

import attrs
import pytest

import shusha_decl
import shusha_decl.loader
import shusha_decl.packaged
from shusha_decl.edition import Declaration
from shusha_decl.packaged import PickledFields, pickled_fields

JSON = shusha_decl.loader.load_packaged()
FIELDS = [a.name for a in attrs.fields(Declaration) if a.init]


def compiled() -> Declaration:
    """A new declaration that reads its fields from pickles, as the packaged one does from the wheel."""
    return Declaration._reading_from(PickledFields(pickled_fields(JSON)))


def is_set(decl: Declaration, name: str) -> bool:
    """Whether the field *name* of *decl* has been read (without reading it)."""
    try:
        object.__getattribute__(decl, name)
    except AttributeError:
        return False
    return True


def test_a_compiled_declaration_reads_each_field_on_first_use_and_keeps_it() -> None:
    decl = compiled()
    assert not any(is_set(decl, name) for name in FIELDS)
    for name in FIELDS:
        value = getattr(decl, name)
        assert value == getattr(JSON, name), name
        assert type(value) is type(getattr(JSON, name)), name
        assert getattr(decl, name) is value
        assert is_set(decl, name)
    assert decl == JSON
    assert hash(decl) == hash(JSON)
    assert repr(decl) == repr(JSON)


def test_a_compiled_declaration_filters_and_finds_like_the_json() -> None:
    decl = compiled()
    assert decl.commitments(topic="defense-and-security", party="TR") == JSON.commitments(
        topic="defense-and-security", party="TR"
    )
    assert decl.lookup("Türkiye") == JSON.lookup("Türkiye")
    assert decl.get("para_9") == JSON.get("para_9")
    assert decl.agreements(signed_after="2010-01-01") == JSON.agreements(signed_after="2010-01-01")
    assert decl.text == JSON.text


def test_a_compiled_declaration_is_as_immutable_and_copyable_as_any() -> None:
    decl = compiled()
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        decl.commitments = ()  # type: ignore[misc]
    with pytest.raises(AttributeError, match="no attribute 'comitments'"):
        decl.comitments  # type: ignore[attr-defined]  # noqa: B018
    with pytest.raises(AttributeError):
        decl._missing  # type: ignore[attr-defined]  # noqa: B018
    copy = pickle.loads(pickle.dumps(compiled()))
    assert copy == JSON
    assert copy.commitments(topic="energy") == JSON.commitments(topic="energy")
    assert attrs.evolve(compiled(), title="x") == attrs.evolve(JSON, title="x")


def test_threads_reading_a_compiled_declaration_at_once_get_the_same_objects() -> None:
    def read_all(decl: Declaration, start: threading.Barrier, offset: int, seen: list[list[Any]]) -> None:
        start.wait()
        order = FIELDS[offset:] + FIELDS[:offset]  # each thread asks in another order
        got = {name: getattr(decl, name) for name in order}
        seen.append([got[name] for name in FIELDS])

    for _ in range(20):
        decl, start, seen = compiled(), threading.Barrier(8), []
        threads = [threading.Thread(target=read_all, args=(decl, start, i * 3, seen)) for i in range(8)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        assert len(seen) == 8
        assert all(a is b for values in seen for a, b in zip(values, seen[0], strict=True))


def test_a_pickled_declaration_leaves_its_index_and_source_behind() -> None:
    data = pickle.dumps(compiled())
    assert b"shusha_decl.query" not in data
    assert b"shusha_decl.packaged" not in data
    assert pickle.loads(data) == JSON


def test_first_load_from_the_wheel_needs_no_loader() -> None:
    """The main job imports no cattrs, json, importlib.resources or pickle (the wheel holds the edition)."""
    code = (
        "import sys, shusha_decl; shusha_decl.commitments(topic='energy'); "
        "heavy = ('cattrs', 'json', 'importlib.resources', 'importlib.metadata', 'html', 'difflib', "
        "'pickle'); "
        "built = 'shusha_decl._built_edition' in sys.modules; "
        "print(sorted(m for m in sys.modules if m.startswith(heavy)), built)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    if out.strip() != "[] True" and not os.environ.get("CI") and shusha_decl.packaged._from_build() is None:
        pytest.skip("a source checkout has no compiled edition (CI tests the wheel)")
    assert out.strip() == "[] True"


def test_the_build_cache_is_the_strictly_loaded_json(monkeypatch: pytest.MonkeyPatch) -> None:
    """The wheel's compiled edition (made at build time) equals the JSON read by the strict loader.

    Without it (another version, a source checkout), the JSON is read.
    """
    cached = shusha_decl.packaged._from_build()
    if cached is None and os.environ.get("CI"):
        pytest.fail("the installed wheel has no usable _built_edition module")
    assert (cached or shusha_decl.loader.load_packaged()) == shusha_decl.loader.load_packaged()
    monkeypatch.setattr(shusha_decl.packaged, "__version__", "0.0.0")  # a cache from another version
    assert shusha_decl.packaged._from_build() is None
    assert shusha_decl.packaged.load() == JSON


@pytest.fixture
def compiled_copy(tmp_path: Path) -> Path:
    """A copy of the package with a compiled edition made from the JSON files, in *tmp_path*."""
    package = tmp_path / "shusha_decl"
    shutil.copytree(Path(shusha_decl.__file__).parent, package, ignore=shutil.ignore_patterns("__pycache__"))
    built = package / "_built_edition.py"
    edition = shusha_decl.loader.load_packaged()
    built.write_text(shusha_decl.packaged.compiled_module(edition), encoding="utf-8")
    return built


@pytest.mark.parametrize(
    "damage",
    [
        pytest.param(lambda text: text[: len(text) // 2], id="truncated"),
        pytest.param(lambda text: "\0" + text, id="null-byte"),
        pytest.param(lambda text: "VERSION = '0.1.0'\n", id="no-fields"),
        pytest.param(lambda text: text.replace("'alliance': b", "'alliances': b", 1), id="misnamed-field"),
        pytest.param(lambda text: text.replace("VERSION = '", "VERSION = '0.", 1), id="other-version"),
    ],
)
def test_a_damaged_compiled_edition_falls_back_to_the_json(
    compiled_copy: Path, damage: Any, run_package_from: Callable[[Path, str], str]
) -> None:
    compiled_copy.write_text(damage(compiled_copy.read_text(encoding="utf-8")), encoding="utf-8")
    code = (
        "import shusha_decl.loader, shusha_decl.packaged; "
        "assert shusha_decl.packaged._from_build() is None; "
        "print(shusha_decl.declaration() == shusha_decl.loader.load_packaged())"
    )
    assert run_package_from(compiled_copy.parent.parent, code).strip() == "True"


def test_a_damaged_field_of_the_compiled_edition_is_read_from_the_json(
    compiled_copy: Path, run_package_from: Callable[[Path, str], str]
) -> None:
    """Damaged fields come from the JSON, read once; the others still come from their pickles."""
    text = compiled_copy.read_text(encoding="utf-8")
    for name in ("commitments", "topics"):
        text = text.replace(f"'{name}': b", f"'{name}': b'x' + b", 1)
    compiled_copy.write_text(text, encoding="utf-8")
    code = """import shusha_decl.loader, shusha_decl.packaged
json = shusha_decl.loader.load_packaged()
reads = []
shusha_decl.loader.load_packaged = lambda: reads.append(1) or json
decl = shusha_decl.declaration()
assert isinstance(decl._source, shusha_decl.packaged.PickledFields)
print(len(decl.commitments(topic="energy")), decl.commitments == json.commitments, len(reads))
print(decl.parties is not json.parties, decl == json, len(reads))
"""
    assert run_package_from(compiled_copy.parent.parent, code).split() == [
        "3",
        "True",
        "1",
        "True",
        "True",
        "1",
    ]


def test_the_main_job_reads_only_what_it_needs_from_the_compiled_edition(
    compiled_copy: Path, run_package_from: Callable[[Path, str], str]
) -> None:
    """A filter over the commitments unpickles two fields and creates only the classes they hold."""
    code = """import sys
shusha_decl.commitments(topic="energy")
decl = shusha_decl.declaration()
def is_set(name):
    try:
        object.__getattribute__(decl, name)  # not __getattr__, which would read the field
    except AttributeError:
        return False
    return True
print(*sorted(a.name for a in type(decl).__attrs_attrs__ if a.init and is_set(a.name)))
print(*sorted(name for name in sys.modules if name.startswith("shusha_decl.model.")))
"""
    read, modules = run_package_from(compiled_copy.parent.parent, code).splitlines()
    assert read.split() == ["commitments", "topics"]
    assert modules.split() == ["shusha_decl.model.base", "shusha_decl.model.coding"]
