"""The page for contributors tells the truth: each module imports only the modules listed above it there."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import shusha_decl

PAGE = Path(__file__).parent.parent / "docs" / "architecture.md"
PACKAGE = Path(shusha_decl.__file__).parent


def _listed() -> list[str]:
    """The package's modules in the order the page lists them (``export/`` is one, the package)."""
    block = PAGE.read_text(encoding="utf-8").split("```text\n", 1)[1].split("```", 1)[0]
    return [m.group(1) for m in re.finditer(r"^  (\w+)(?:\.py|/) ", block, re.MULTILINE)]


def _ours(path: Path) -> set[str]:
    """The modules of the package that the file at *path* imports, anywhere in it (lazy imports too)."""
    inside_export = path.parent.name == "export"
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.level:
            if node.level != (2 if inside_export else 1):
                continue  # within export/
            if node.module:
                found.add(node.module.split(".")[0])
            else:
                found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and (node.module or "").startswith("shusha_decl."):
            found.add(node.module.split(".")[1])  # type: ignore[union-attr]
    return found


def test_each_module_imports_only_those_listed_above_it() -> None:
    order = _listed()
    modules = {p.stem for p in PACKAGE.glob("*.py") if not p.stem.startswith("_")} | {"export"}
    assert set(order) == modules  # every module is on the page, and nothing else
    for position, name in enumerate(order):
        files = sorted((PACKAGE / "export").glob("*.py")) if name == "export" else [PACKAGE / f"{name}.py"]
        # _built_edition, which the build writes into the wheel, is the pickle the page's packaged.py reads.
        imported = {m for m in set().union(*map(_ours, files)) if not m.startswith("_")} - {name}
        assert imported <= set(order[:position]), (name, imported - set(order[:position]))


def test_display_imports_nothing_of_ours() -> None:
    assert _ours(PACKAGE / "display.py") == set()
    assert "display" in _ours(PACKAGE / "model.py")  # the records draw themselves through it
