"""Every engine writes the same tables: serial, local worker processes, and Dask."""
from __future__ import annotations

import shutil

import pytest

from pipeline.schema import CONTRACT_TABLES

from .conftest import RAW


def _run(tmp_path, config, name, **kwargs):
    from pipeline.runner import ErrorLog, Workspace, run_pipeline

    ws = Workspace(raw_dir=tmp_path / "raw", interim_dir=tmp_path / f"interim_{name}", out_dir=tmp_path / f"out_{name}",
                   config=config, errors=ErrorLog())
    manifest = run_pipeline(ws, **kwargs)
    assert manifest["errors"] == 0
    return {t: (ws.out_dir / f"{t}.parquet").read_bytes() for t in CONTRACT_TABLES}


@pytest.fixture
def seeds(tmp_path):
    shutil.copytree(RAW, tmp_path / "raw")
    return tmp_path


def test_worker_processes_write_the_same_tables_as_one_process(seeds, config, nlp):
    serial = _run(seeds, config, "serial", nlp=nlp)
    # small batches so that both workers get sources
    pooled = _run(seeds, config, "pool", workers=2, batch_chars=5_000)
    assert pooled == serial


def test_dask_local_cluster_with_two_workers_writes_the_same_tables(seeds, config, nlp):
    pytest.importorskip("distributed")
    serial = _run(seeds, config, "serial", nlp=nlp)
    dask = _run(seeds, config, "dask", engine="dask", workers=2, batch_chars=5_000)
    assert dask == serial
