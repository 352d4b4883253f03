"""The example notebook (docs/examples/tour.ipynb) runs against the installed package and shows real results.

The documentation build runs it too and shows its outputs (docs/hooks.py).  The HTML of the tables is the
package's to choose: only what it must contain is checked here.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import nbclient
import nbformat
import pytest

NOTEBOOK = Path(__file__).parent.parent / "docs" / "examples" / "tour.ipynb"


@pytest.fixture(scope="module")
def outputs(tmp_path_factory: pytest.TempPathFactory) -> dict[str, dict[str, Any]]:
    """Each code cell's source -> the data of its result, after running the whole notebook."""
    notebook = nbformat.read(NOTEBOOK, as_version=4)
    assert all(not cell.get("outputs") for cell in notebook.cells), "commit the notebook without outputs"
    folder = tmp_path_factory.mktemp("notebook")
    nbclient.NotebookClient(
        notebook, timeout=300, kernel_name="python3", resources={"metadata": {"path": str(folder)}}
    ).execute()
    results = {}
    for cell in notebook.cells:
        if cell.cell_type == "code":
            assert [o.output_type for o in cell.outputs] == ["execute_result"], cell.source
            results[cell.source] = cell.outputs[0].data
    return results


def _result(outputs: dict[str, dict[str, Any]], starts: str) -> dict[str, Any]:
    return next(data for source, data in outputs.items() if source.startswith(starts))


def test_the_declaration_and_a_filter_result_show_as_tables(outputs: dict[str, dict[str, Any]]) -> None:
    decl = _result(outputs, "import shusha_decl")
    assert decl["text/plain"].startswith("<Declaration 'Shusha Declaration', signed 2021-06-15")
    assert "<table" in decl["text/html"]
    energy = _result(outputs, "energy = ")
    assert energy["text/plain"] == "<Commitments: 3 (para_18__cmt_1, para_18__cmt_2, para_18__cmt_3)>"
    for cid in ("para_18__cmt_1", "para_18__cmt_2", "para_18__cmt_3"):
        assert cid in energy["text/html"]
    assert "<table" in energy["text/html"]


def test_filters_records_and_lookups_give_the_known_values(outputs: dict[str, dict[str, Any]]) -> None:
    assert _result(outputs, "energy(")["text/plain"] == "<Commitments: 2 (para_18__cmt_2, para_18__cmt_3)>"
    treaties = _result(outputs, "shusha_decl.agreements(")["text/plain"]
    assert treaties == "<Agreements: 2 (friendship-treaty-1994, strategic-partnership-treaty-2010)>"
    paragraph = _result(outputs, 'decl.get("para_10")')
    assert "Joint meetings of the Security Councils" in paragraph["text/html"]
    ots = _result(outputs, "ots = ")["text/plain"]
    assert "'Cooperation Council of Turkic-Speaking States'" in ots
    assert "datetime.date(2009, 10, 3)" in ots
    assert "['Organization of Turkic States', 'T\u00fcrk Devletleri Te\u015fkilat\u0131']" in ots


def test_data_frames_count_and_show_the_commitments(outputs: dict[str, dict[str, Any]]) -> None:
    counts = _result(outputs, "frame = ")["text/plain"].split()
    assert counts[counts.index("endeavour") + 1] == "19"
    assert counts[counts.index("declaration") + 1] == "15"
    assert counts[counts.index("undertaking") + 1] == "12"
    table = _result(outputs, "shusha_decl.to_frame(energy)")
    assert "<table" in table["text/html"]
    assert "para_18__cmt_3" in table["text/html"]


def test_search_results_show_as_tables(outputs: dict[str, dict[str, Any]]) -> None:
    names = _result(outputs, "shusha_decl.search_names(")
    assert names["text/plain"] == "<Entities: 2 (ilham-aliyev, heydar-aliyev)>"
    assert "<table" in names["text/html"]
    assert ">Person<" in names["text/html"]  # the kind column
    words = _result(outputs, "shusha_decl.search(")
    assert words["text/plain"] == "<TextMatches: 3 (preamble__recs__rec_1, preamble__recs__rec_9, para_30)>"
    assert "<table" in words["text/html"]
    assert "<mark>Turkic world</mark>" in words["text/html"]
