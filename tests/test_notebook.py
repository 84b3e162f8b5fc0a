"""The example notebook is committed executed, and runs top to bottom today, so it never rots."""
from __future__ import annotations

import json

import pytest

from .conftest import RAW, ROOT

NOTEBOOK = ROOT / "notebooks" / "explore.ipynb"


def _code_cells(notebook) -> list:
    return [cell for cell in notebook["cells"] if cell["cell_type"] == "code"]


def test_notebook_is_committed_executed_in_order_without_errors():
    """A reader on GitHub sees what each cell gives; a cell left unrun or failing would mislead."""
    notebook = json.loads(NOTEBOOK.read_text(encoding="utf-8"))
    code = _code_cells(notebook)
    assert code, "the notebook has no code"
    assert [cell["execution_count"] for cell in code] == list(range(1, len(code) + 1)), \
        "run the notebook top to bottom and commit it with its outputs"
    assert all(cell["outputs"] for cell in code)
    assert not [out for cell in code for out in cell["outputs"] if out["output_type"] == "error"]
    sources = "".join("".join(cell["source"]) for cell in code)
    assert "from pipeline import extract" in sources and "duckdb" in sources and "tables.doc(" in sources


@pytest.mark.slow
def test_notebook_runs_and_highlights_spans(monkeypatch):
    nbformat = pytest.importorskip("nbformat", reason="nbformat is not installed (pip install '.[test]')")
    nbclient = pytest.importorskip("nbclient", reason="nbclient is not installed (pip install '.[test]')")
    pytest.importorskip("duckdb", reason="duckdb is not installed (pip install '.[test]')")
    pytest.importorskip("ipykernel", reason="ipykernel is not installed (pip install '.[test]')")
    monkeypatch.setenv("PIPELINE_RAW", str(RAW))
    notebook = nbformat.read(NOTEBOOK, as_version=4)
    client = nbclient.NotebookClient(notebook, timeout=300, kernel_name="python3",
                                     resources={"metadata": {"path": str(NOTEBOOK.parent)}})
    client.execute()  # raises CellExecutionError, naming the cell, when any cell fails
    outputs = [out for cell in notebook.cells if cell.cell_type == "code" for out in cell.outputs]
    assert not [out for out in outputs if out.output_type == "error"]
    html = "".join(out.get("data", {}).get("text/html", "") for out in outputs)
    plain = "".join(out.get("data", {}).get("text/plain", "") + out.get("text", "") for out in outputs)
    assert "<mark>" in html and "[[" in plain and "]]" in plain  # show highlights in a notebook, [[ ]] in print
    assert "claims" in notebook.cells[1].outputs[0]["data"]["text/plain"]  # the Tables repr with its counts
