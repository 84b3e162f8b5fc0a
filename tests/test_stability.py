"""Run-to-run stability: two runs in different folders, hash seeds and time zones give identical bytes."""
from __future__ import annotations

import os
import shutil
import subprocess
import sys

import pytest

from pipeline.tools.diff import diff_outputs, format_diff

from .conftest import RAW, ROOT

#: a dated source, an undated one and a multi-article one: metadata, inferred and per-article anchors
SEEDS = ("001_546b4fd73cca9fc4.txt", "002_d24cd345f8d21f72.txt", "004_7cab0b9feffd0baa.txt", "sources.csv")
#: what may differ between two machines or two days without changing a single output byte
RUNS = {
    "first": {"PYTHONHASHSEED": "1", "TZ": "UTC"},
    "second": {"PYTHONHASHSEED": "4242", "TZ": "Pacific/Kiritimati"},  # UTC+14: another calendar day
}


def _start(folder, extra_env: dict[str, str]) -> subprocess.Popen:
    (folder / "raw").mkdir(parents=True)
    for name in SEEDS:
        shutil.copy2(RAW / name, folder / "raw" / name)
    env = {**os.environ, **extra_env, "PYTHONPATH": str(ROOT)}
    command = [sys.executable, "-m", "pipeline", "run", "--raw", "raw", "--out", "outputs", "--interim", "interim"]
    return subprocess.Popen(command, cwd=folder, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)


@pytest.mark.slow
def test_two_runs_write_byte_identical_parquet(tmp_path):
    folders = {name: tmp_path / name / "work" for name in RUNS}
    # both runs at once: they share nothing but the code, so neither can reuse the other's files
    processes = {name: _start(folders[name], env) for name, env in RUNS.items()}
    for name, process in processes.items():
        output, _ = process.communicate(timeout=900)
        assert process.returncode == 0, f"{name} run failed:\n{output}"

    first, second = (folders[name] / "outputs" for name in RUNS)
    files = sorted(p.name for p in first.glob("*.parquet"))
    assert files == sorted(p.name for p in second.glob("*.parquet"))
    assert {"documents.parquet", "quantities.parquet", "claims.parquet"} <= set(files)
    differing = [name for name in files if (first / name).read_bytes() != (second / name).read_bytes()]
    if differing:
        result = diff_outputs(first, second)
        detail = format_diff(result, limit=30) if not result.identical else (
            "the rows are the same; the bytes differ (row order, metadata or encoding of the file)")
        pytest.fail(f"runs differ in {', '.join(differing)}:\n{detail}")
