"""The edition a wheel carries, pickled by the build: equal to the JSON, and never silently replaced."""

from __future__ import annotations

import os
import pickle
import shutil
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

import shusha_decl
import shusha_decl.loader
import shusha_decl.packaged
from shusha_decl.packaged import MODULE, module_source

JSON = shusha_decl.loader.read_packaged_json()
IN_A_WHEEL = (Path(shusha_decl.__file__).parent / f"{MODULE}.py").is_file()


def test_the_packaged_edition_is_the_strictly_loaded_json() -> None:
    if not IN_A_WHEEL and os.environ.get("CI"):
        pytest.fail(f"the installed wheel has no {MODULE} module")
    decl = shusha_decl.packaged.read()
    assert decl == JSON
    assert hash(decl) == hash(JSON)
    assert repr(decl) == repr(JSON)
    assert decl.commitments(topic="defense-and-security", party="TR") == JSON.commitments(
        topic="defense-and-security", party="TR"
    )
    assert decl.lookup("Türkiye") == JSON.lookup("Türkiye")
    assert type(decl.commitments) is type(JSON.commitments)


def test_the_main_job_from_the_wheel_needs_no_loader() -> None:
    """The main job imports neither cattrs, json nor importlib.resources: the wheel holds the edition."""
    if not IN_A_WHEEL:
        pytest.skip("a source checkout has no compiled edition (CI tests the wheel)")
    code = (
        "import sys, shusha_decl; shusha_decl.commitments(topic='energy'); "
        "shusha_decl.lookup('Nakhichevan'); "
        "heavy = ('cattrs', 'json', 'importlib.resources', 'importlib.metadata', 'difflib'); "
        "print(sorted(m for m in sys.modules if m.startswith(heavy)))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"


def test_the_module_source_holds_the_edition_and_the_version() -> None:
    namespace: dict[str, object] = {}
    exec(module_source(JSON), namespace)
    assert namespace["VERSION"] == shusha_decl.__version__
    assert isinstance(namespace["EDITION"], bytes)
    assert pickle.loads(namespace["EDITION"]) == JSON


def test_a_pickled_declaration_is_rebuilt_through_its_constructor() -> None:
    """The pickle holds the constructor's arguments only: the lookup tables are made anew."""
    data = pickle.dumps(JSON)
    assert b"_by_name" not in data
    copy = pickle.loads(data)
    assert copy == JSON
    assert copy.commitments.declaration is copy
    assert copy.lookup("Türkiye") == JSON.lookup("Türkiye")


@pytest.fixture
def package_copy(tmp_path: Path) -> Path:
    """A copy of the installed package in *tmp_path*, with a compiled edition made from its JSON files."""
    package = tmp_path / "shusha_decl"
    shutil.copytree(Path(shusha_decl.__file__).parent, package, ignore=shutil.ignore_patterns("__pycache__"))
    (package / f"{MODULE}.py").write_text(module_source(JSON), encoding="utf-8")
    return package


READ = """import sys, warnings
with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter("always")
    decl = shusha_decl.declaration()
loaded = "cattrs" in sys.modules
import shusha_decl.loader
print(decl == shusha_decl.loader.read_packaged_json(), len(decl.commitments(topic="energy")), loaded)
for warning in caught:
    print(warning.category.__name__, warning.message)
"""


def test_a_copy_with_a_compiled_edition_reads_it_without_warning(
    package_copy: Path, run_package_from: Callable[[Path, str], str]
) -> None:
    assert run_package_from(package_copy.parent, READ).splitlines() == ["True 3 False"]


def test_without_a_compiled_edition_the_json_is_read_without_warning(
    package_copy: Path, run_package_from: Callable[[Path, str], str]
) -> None:
    (package_copy / f"{MODULE}.py").unlink()
    assert run_package_from(package_copy.parent, READ).splitlines() == ["True 3 True"]


@pytest.mark.parametrize(
    ("damage", "reason"),
    [
        pytest.param(lambda text: text[: len(text) // 2], "SyntaxError", id="truncated"),
        pytest.param(lambda text: "\0" + text, "null bytes", id="null-byte"),
        pytest.param(lambda text: "VERSION = '0.1.0'\n", "ImportError", id="no-edition"),
        pytest.param(
            lambda text: text.replace("VERSION = '", "VERSION = '0.", 1), "version 0.", id="other-version"
        ),
        pytest.param(
            lambda text: text.replace("EDITION = b'", "EDITION = b'x", 1), "UnpicklingError", id="bad-pickle"
        ),
        pytest.param(
            lambda text: text.split("EDITION =")[0] + f"EDITION = {pickle.dumps([1])!r}\n",
            "not a Declaration",
            id="not-a-declaration",
        ),
    ],
)
def test_a_damaged_compiled_edition_is_reported_and_the_json_read(
    package_copy: Path,
    damage: Callable[[str], str],
    reason: str,
    run_package_from: Callable[[Path, str], str],
) -> None:
    built = package_copy / f"{MODULE}.py"
    built.write_text(damage(built.read_text(encoding="utf-8")), encoding="utf-8")
    first, warning = run_package_from(package_copy.parent, READ).splitlines()
    assert first == "True 3 True"
    assert warning.startswith(
        "RuntimeWarning shusha_decl: the compiled copy of the packaged edition is unusable"
    )
    assert reason in warning
    assert warning.endswith("reading the JSON files instead")
