"""MkDocs hook: run the analysis example before each build, so its page shows fresh output."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path
from typing import Any

DOCS = Path(__file__).parent
GENERATED = DOCS / "generated"


def on_pre_build(config: Any) -> None:
    GENERATED.mkdir(exist_ok=True)
    result = subprocess.run(
        [sys.executable, str(DOCS / "examples" / "analysis.py"), str(GENERATED)],
        capture_output=True,
        text=True,
        check=True,
    )
    (GENERATED / "analysis.txt").write_text(result.stdout, encoding="utf-8")
