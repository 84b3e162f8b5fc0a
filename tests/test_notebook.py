"""The example notebook runs top to bottom on the seed outputs, so it never rots."""
from __future__ import annotations

import json
import re

import pytest

from .conftest import ROOT

NOTEBOOK = ROOT / "notebooks" / "explore.ipynb"


def test_notebook_is_committed_without_outputs():
    """Outputs in the file would go stale and bloat diffs; CI makes its own."""
    notebook = json.loads(NOTEBOOK.read_text(encoding="utf-8"))
    code = [cell for cell in notebook["cells"] if cell["cell_type"] == "code"]
    assert code, "the notebook has no code"
    assert all(cell["outputs"] == [] and cell["execution_count"] is None for cell in code)
    sources = "".join("".join(cell["source"]) for cell in code)
    assert "PIPELINE_OUTPUTS" in sources and "duckdb" in sources and "from pipeline import load" in sources


@pytest.mark.slow
def test_notebook_runs_on_the_seed_outputs(seed_run, monkeypatch):
    nbformat = pytest.importorskip("nbformat", reason="nbformat is not installed (pip install '.[test]')")
    nbclient = pytest.importorskip("nbclient", reason="nbclient is not installed (pip install '.[test]')")
    pytest.importorskip("duckdb", reason="duckdb is not installed (pip install '.[test]')")
    pytest.importorskip("ipykernel", reason="ipykernel is not installed (pip install '.[test]')")
    pytest.importorskip("matplotlib", reason="matplotlib is not installed (pip install '.[test]')")
    ws = seed_run[0]
    monkeypatch.setenv("PIPELINE_OUTPUTS", str(ws.out_dir))
    monkeypatch.setenv("MPLBACKEND", "Agg")
    notebook = nbformat.read(NOTEBOOK, as_version=4)
    client = nbclient.NotebookClient(notebook, timeout=300, kernel_name="python3",
                                     resources={"metadata": {"path": str(NOTEBOOK.parent)}})
    client.execute()  # raises CellExecutionError, naming the cell, when any cell fails
    outputs = [out for cell in notebook.cells if cell.cell_type == "code" for out in cell.outputs]
    assert not [out for out in outputs if out.output_type == "error"]
    shown = "".join(out.get("text", "") for out in outputs if out.output_type == "stream")
    assert "[[" in shown and "]]" in shown  # tables.show printed a span in its context
    counts = notebook.cells[1].outputs[0]["data"]["text/plain"]
    assert re.search(rf"^claims\s+{len(seed_run[2].claims)}$", counts, re.M), counts
