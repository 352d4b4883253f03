"""MkDocs hooks: run the examples before each build, so their pages show fresh output.

- ``docs/examples/analysis.py`` prints into ``docs/generated/`` (the Analysis page includes it).
- ``docs/examples/reliability.py`` prints into ``docs/generated/`` too (the Reliability page includes it).
- ``docs/examples/tour.ipynb`` is executed and becomes the page ``tour.md``: each code cell followed by its
  outputs, HTML tables as HTML.  A cell that raises fails the build.
"""

from __future__ import annotations

import re
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

DOCS = Path(__file__).parent
GENERATED = DOCS / "generated"
NOTEBOOK = DOCS / "examples" / "tour.ipynb"


def on_pre_build(config: Any) -> None:
    GENERATED.mkdir(exist_ok=True)
    result = subprocess.run(
        [sys.executable, str(DOCS / "examples" / "analysis.py"), str(GENERATED)],
        capture_output=True,
        text=True,
        check=True,
    )
    (GENERATED / "analysis.txt").write_text(result.stdout, encoding="utf-8")
    script = DOCS / "examples" / "reliability.py"
    reliability = subprocess.run([sys.executable, str(script)], capture_output=True, text=True, check=True)
    (GENERATED / "reliability.txt").write_text(reliability.stdout, encoding="utf-8")


def on_files(files: Any, config: Any) -> Any:
    from mkdocs.structure.files import File

    files.append(File.generated(config, "tour.md", content=notebook_page(NOTEBOOK)))
    return files


def notebook_page(path: Path) -> str:
    """The notebook at *path*, executed, as a Markdown page: cells, then what each printed or returned."""
    import nbformat
    from nbclient import NotebookClient

    notebook = nbformat.read(path, as_version=4)
    with tempfile.TemporaryDirectory() as empty:  # the notebook runs in an empty directory
        NotebookClient(notebook, timeout=300, resources={"metadata": {"path": empty}}).execute()
    parts = []
    for cell in notebook.cells:
        if cell.cell_type == "markdown":
            parts.append(cell.source)
            if cell is notebook.cells[0]:
                parts.append(f"[Download the notebook](examples/{path.name}) to run it yourself.")
        elif cell.cell_type == "code":
            parts.append(f"```python\n{cell.source}\n```")
            parts.extend(filter(None, map(_output, cell.outputs)))
    return "\n\n".join(parts) + "\n"


def _output(output: Any) -> str:
    """One output of a code cell as Markdown: HTML as HTML, anything else as text."""
    if output.output_type == "stream":
        return _text(output.text)
    data = output.get("data", {})
    if "text/html" in data:
        html = re.sub(r"\n\s*\n", "\n", data["text/html"].strip())  # a blank line would end the HTML block
        return f'<div class="notebook-output">\n{html}\n</div>'
    if "text/plain" in data:
        return _text(data["text/plain"])
    return ""


def _text(text: str) -> str:
    return f"```text\n{text.rstrip()}\n```"
