"""Every check the project runs, the same way on a laptop and in CI: ``python -m nox``.

Tests run against the built wheel, installed into a fresh environment, never
against the source tree, so a file missing from the wheel fails them.
"""

from __future__ import annotations

import os
import re
import shutil
from pathlib import Path

import nox

PYTHONS = ["3.10", "3.11", "3.12", "3.13"]
ROOT = Path(__file__).parent
DIST = ROOT / ".nox" / "_dist"

nox.options.sessions = ["tests", "minimum", "lint", "docs", "package", "fuzz", "bench"]
nox.options.reuse_existing_virtualenvs = False
# nox's own default, stated so it does not depend on the nox version: CI must not skip a Python.
nox.options.error_on_missing_interpreters = "CI" in os.environ


def _put_pyenv_interpreters_on_path() -> None:
    """Let nox find pyenv's python3.10 ... python3.13 without `pyenv global` listing them all."""
    versions = Path(os.environ.get("PYENV_ROOT", Path.home() / ".pyenv")) / "versions"
    found = sorted(versions.glob("3.1[0-9]*/bin"), reverse=True) if versions.is_dir() else []
    os.environ["PATH"] = os.pathsep.join([*map(str, found), os.environ.get("PATH", "")])


_put_pyenv_interpreters_on_path()


_built: list[Path] = []

# Fails unless the package imports from this session's site-packages (the wheel), not from src/.
_IMPORTED_FROM_SITE_PACKAGES = (
    "import pathlib, sysconfig, shusha_decl as m; f = pathlib.Path(m.__file__).resolve(); "
    "assert f.is_relative_to(pathlib.Path(sysconfig.get_path('purelib')).resolve()), f"
)


def _wheel(session: nox.Session) -> Path:
    """The wheel of this checkout, built once per nox run (by the first session that needs it)."""
    if not _built:
        shutil.rmtree(DIST, ignore_errors=True)
        session.run("python", "-m", "pip", "wheel", "--no-deps", "--wheel-dir", str(DIST), str(ROOT))
        _built.extend(DIST.glob("shusha_decl-*.whl"))
    return _built[0]


@nox.session(python=PYTHONS)
def tests(session: nox.Session) -> None:
    """The test suite against the installed wheel."""
    session.install(f"{_wheel(session)}[test]")
    session.run("python", "-c", _IMPORTED_FROM_SITE_PACKAGES)
    session.run("pytest", *session.posargs)


def _lowest_runtime_requirements() -> list[str]:
    """The runtime dependencies pinned to the lowest versions pyproject.toml allows (``attrs==23.1``, ...)."""
    project = (ROOT / "pyproject.toml").read_text(encoding="utf-8")
    dependencies = re.search(r"^dependencies = \[(.*?)\]", project, re.MULTILINE | re.DOTALL)
    assert dependencies, "pyproject.toml has no dependencies list"
    return [f"{name}=={low}" for name, low in re.findall(r'"([\w-]+)>=([\d.]+)"', dependencies.group(1))]


@nox.session(python=PYTHONS[0])
def minimum(session: nox.Session) -> None:
    """The test suite against the wheel with the oldest attrs and cattrs the package declares it supports."""
    session.install(f"{_wheel(session)}[test]", *_lowest_runtime_requirements())
    session.run("python", "-c", _IMPORTED_FROM_SITE_PACKAGES)
    session.run("pytest", *session.posargs)


@nox.session(python="3.12")
def lint(session: nox.Session) -> None:
    """Types and style: mypy --strict on the package, ruff on everything."""
    session.install(".[lint]")
    session.run("ruff", "check", ".")
    session.run("ruff", "format", "--check", ".")
    session.run("mypy", "--strict", "src")


@nox.session(python="3.12")
def docs(session: nox.Session) -> None:
    """The documentation, built in strict mode, then read as a reader meets it (tests/docs/check_site.py)."""
    session.install(".[docs]")
    site = str(Path(session.create_tmp()) / "site")
    session.run("mkdocs", "build", "--strict", "--site-dir", site)
    session.run("python", "tests/docs/check_site.py", site)


@nox.session(python="3.12")
def package(session: nox.Session) -> None:
    """Build the sdist and wheel, check what they hold, and run twine check on them."""
    session.install("build", "twine")
    dist = Path(session.create_tmp()) / "dist"
    shutil.rmtree(dist, ignore_errors=True)
    session.run("python", "-m", "build", "--outdir", str(dist), str(ROOT))
    session.run("twine", "check", "--strict", *map(str, dist.iterdir()))
    session.run("python", "tests/packaging/check_dist.py", str(dist))


@nox.session(python="3.12")
def fuzz(session: nox.Session) -> None:
    """The loader fuzzer, for a fixed time budget (seconds as the first argument; 60 by default)."""
    session.install(str(_wheel(session)))
    seconds = session.posargs[0] if session.posargs else "60"
    session.run("python", "tests/fuzz/fuzz_loader.py", "--seconds", seconds)


@nox.session(python=PYTHONS)
def bench(session: nox.Session) -> None:
    """The benchmark: quick, failing only on a gross regression; ``-- --full [--runs N]`` for the tables."""
    session.install(str(_wheel(session)), "pycountry")
    options = [arg for arg in session.posargs if arg != "--full"]
    mode = [] if "--full" in session.posargs else ["--quick"]
    session.run("python", "benchmarks/bench.py", *mode, *options)
