"""Hatch build hook: compile the packaged edition into the wheel, for a fast first load.

The JSON files stay the single source of truth.  At build time the hook reads
them with the strict loader (so a wheel is never built from invalid data),
pickles each field of the resulting Declaration on its own and writes the
pickles into a generated module, ``shusha_decl/_built_edition.py`` (see
``shusha_decl.packaged``, which writes and reads it).  Importing a module
costs the import system nothing it has not already paid for, where reading a
data file through importlib.resources first imports importlib.resources
itself (about ten milliseconds); see docs/performance.md.  ``shusha_decl.packaged`` uses
the module when it matches the installed version and reads the JSON
otherwise.  Editable installs get no module: they read the JSON they edit.
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path
from typing import Any

from hatchling.builders.hooks.plugin.interface import BuildHookInterface


def _forget_package() -> None:
    for name in [name for name in sys.modules if name.partition(".")[0] == "shusha_decl"]:
        del sys.modules[name]


class EditionCacheHook(BuildHookInterface):  # type: ignore[type-arg]
    PLUGIN_NAME = "custom"

    def initialize(self, version: str, build_data: dict[str, Any]) -> None:
        if version == "editable":
            return
        source = Path(self.root) / "src"
        _forget_package()  # whatever the build process imported before is not this tree's code
        sys.path.insert(0, str(source))
        try:
            import shusha_decl
            from shusha_decl.loader import load
            from shusha_decl.packaged import compiled_module

            if not Path(shusha_decl.__file__).resolve().is_relative_to(source.resolve()):
                raise RuntimeError(f"imported shusha_decl from {shusha_decl.__file__}, not from {source}")
            edition = load(source / "shusha_decl" / "data")
            module = compiled_module(edition)
        finally:
            sys.path.remove(str(source))
            _forget_package()
        target = Path(tempfile.mkdtemp()) / "_built_edition.py"
        target.write_text(module, encoding="utf-8")
        build_data["force_include"][str(target)] = "shusha_decl/_built_edition.py"
