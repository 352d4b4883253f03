"""Hatch build hook: put the packaged edition into the wheel pickled, for a fast first load.

The JSON files stay the single source of truth.  At build time the hook reads them with the strict
loader (so a wheel is never built from invalid data), pickles the resulting Declaration and writes the
pickle into a generated module, ``shusha_decl/_built_edition.py`` (``shusha_decl.packaged`` writes and
reads it).  Unpickling skips importing cattrs and reading and checking the files again; a module is
loaded by the import system already running, where reading a data file would first import
importlib.resources (see docs/performance.md).  Editable installs get no module: they read the JSON
they edit.
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
            from shusha_decl.loader import read_edition
            from shusha_decl.packaged import MODULE, module_source

            if not Path(shusha_decl.__file__).resolve().is_relative_to(source.resolve()):
                raise RuntimeError(f"imported shusha_decl from {shusha_decl.__file__}, not from {source}")
            module = module_source(read_edition(source / "shusha_decl" / "data"))
        finally:
            sys.path.remove(str(source))
            _forget_package()
        target = Path(tempfile.mkdtemp()) / f"{MODULE}.py"
        target.write_text(module, encoding="utf-8")
        build_data["force_include"][str(target)] = f"shusha_decl/{MODULE}.py"
