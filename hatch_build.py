"""Hatch build hook: ship a pickle of the packaged edition beside its JSON files, for a fast first load.

The JSON files stay the single source of truth.  At build time the hook reads
them with the strict loader (so a wheel is never built from invalid data) and
pickles the resulting Declaration; ``shusha_decl.packaged`` loads that pickle
when it matches the installed version and falls back to the JSON otherwise.
"""

from __future__ import annotations

import pickle
import sys
import tempfile
from pathlib import Path
from typing import Any

from hatchling.builders.hooks.plugin.interface import BuildHookInterface


class EditionCacheHook(BuildHookInterface):  # type: ignore[type-arg]
    PLUGIN_NAME = "custom"

    def initialize(self, version: str, build_data: dict[str, Any]) -> None:
        source = Path(self.root) / "src"
        sys.path.insert(0, str(source))
        try:
            import shusha_decl
            from shusha_decl.loader import load

            edition = load(source / "shusha_decl" / "data")
            payload = pickle.dumps((shusha_decl.__version__, edition), protocol=5)
        finally:
            sys.path.remove(str(source))
        target = Path(tempfile.mkdtemp()) / "edition.pickle"
        target.write_bytes(payload)
        build_data["force_include"][str(target)] = "shusha_decl/data/edition.pickle"
