"""Publishing is atomic as a set, cleanup touches only the pipeline's own files, workers die with their parent."""
from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import textwrap
import time

import pandas as pd
import pytest

from pipeline.core.schema import CONTRACT_TABLES

from .conftest import RAW, ROOT

TABLES = [*CONTRACT_TABLES, "errors"]
EXTRA = ("Kaja Kallas said on Monday that the EU would lend €150bn, up from 65 per cent.\n"
         "The U.K. sent at least 19 drones to Poland last week.\n")


def _cli(*args: str, env: dict | None = None) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "pipeline", *args], cwd=ROOT, capture_output=True, text=True,
                          check=False, env={**os.environ, "PYTHONPATH": str(ROOT), **(env or {})})


def _run(raw, out, interim, env: dict | None = None) -> subprocess.CompletedProcess:
    return _cli("run", "--raw", str(raw), "--out", str(out), "--interim", str(interim), env=env)


def _tables(out) -> dict[str, pd.DataFrame]:
    from pipeline import load

    tables = load(out)
    return {name: tables[name] for name in TABLES}


@pytest.fixture(scope="module")
def two_runs(tmp_path_factory):
    """An output folder of an 'old' run over two files and the tables of the 'new' run over one of them.

    The new run reuses every shard (the second file was removed), so a killed new run
    costs no model loading.
    """
    base = tmp_path_factory.mktemp("publishing")
    raw = base / "raw"
    raw.mkdir()
    shutil.copy(RAW / "001_546b4fd73cca9fc4.txt", raw)
    (raw / "extra.txt").write_text(EXTRA)
    old_out, interim = base / "old_out", base / "old_interim"
    assert _run(raw, old_out, interim).returncode == 0
    (raw / "extra.txt").unlink()
    new_out = base / "new_out"
    shutil.copytree(old_out, new_out)
    new_interim = base / "new_interim"
    shutil.copytree(interim, new_interim)
    done = _run(raw, new_out, new_interim)
    assert done.returncode == 0, done.stderr[-2000:]
    old, new = _tables(old_out), _tables(new_out)
    assert set(old["documents"]["source"]) != set(new["documents"]["source"])  # the two runs can be told apart
    return base, raw, old_out, interim, old, new


# the checkpoints of pipeline.run.outputs, in the order a run passes them; 8 tables + manifest = 9 moves
BEFORE_COMMIT = ["staged:entities", "staged:documents", "staged:errors", "staged:manifest"]
AFTER_COMMIT = ["committed", "moved:1", "moved:4", "moved:8", "moved:9", "moved"]


@pytest.mark.parametrize("step", BEFORE_COMMIT + AFTER_COMMIT)
def test_a_kill_at_any_publishing_step_leaves_one_complete_run(two_runs, tmp_path, step):
    from pipeline.run.outputs import KILL_AT_ENV, staging_folders

    _, raw, old_out, old_interim, old, new = two_runs
    out, interim = tmp_path / "out", tmp_path / "interim"
    shutil.copytree(old_out, out)
    shutil.copytree(old_interim, interim)
    killed = _run(raw, out, interim, env={KILL_AT_ENV: step})
    assert killed.returncode == -signal.SIGKILL, (step, killed.stderr[-2000:])
    assert staging_folders(out), step  # the kill left its staging folder: committed or not, a reader must cope

    from pipeline.tools.diff import diff_outputs

    base = two_runs[0]
    expected_dir = old_out if step in BEFORE_COMMIT else base / "new_out"
    probe = tmp_path / "probe"  # diff, as the first reader of a copy of the killed folder, sees one whole run
    shutil.copytree(out, probe)
    assert diff_outputs(expected_dir, probe).identical, step
    seen = _tables(out)
    expected = old if step in BEFORE_COMMIT else new  # committed sets are finished by the reader
    for name in TABLES:
        pd.testing.assert_frame_equal(seen[name], expected[name], obj=f"{step}: {name}")
    # the reader settled the folder: what DuckDB or pandas reads directly is the same complete set
    assert not staging_folders(out)
    for name in TABLES:
        direct = pd.read_parquet(out / f"{name}.parquet")
        assert len(direct) == len(expected[name]), (step, name)

    rerun = _run(raw, out, interim)
    assert rerun.returncode == 0, rerun.stderr[-2000:]
    for name in TABLES:
        pd.testing.assert_frame_equal(_tables(out)[name], new[name], obj=f"rerun after {step}: {name}")
    assert not staging_folders(out)
    assert not [p for p in out.iterdir() if p.name.startswith(".")], sorted(p.name for p in out.iterdir())


def test_a_run_after_a_kill_finishes_the_committed_set_before_its_own(two_runs, tmp_path):
    """The next run, not only a reader, rolls a committed staging folder forward."""
    from pipeline.run.outputs import KILL_AT_ENV, staging_folders
    from pipeline.run.workspace import output_lock
    from pipeline.tools.load import as_datetimes

    _, raw, old_out, old_interim, _, new = two_runs
    out, interim = tmp_path / "out", tmp_path / "interim"
    shutil.copytree(old_out, out)
    shutil.copytree(old_interim, interim)
    assert _run(raw, out, interim, env={KILL_AT_ENV: "moved:2"}).returncode == -signal.SIGKILL
    assert staging_folders(out)
    with output_lock(out):  # what every run does first
        assert not staging_folders(out)
    for name in TABLES:  # read as load() reads them (dates as datetimes), without load()'s own settling
        frame = as_datetimes(name, pd.read_parquet(out / f"{name}.parquet"))
        pd.testing.assert_frame_equal(frame, new[name], obj=name)


def test_an_uncommitted_staging_folder_is_left_to_its_live_run_and_dropped_once_it_is_dead(two_runs, tmp_path):
    from pipeline import load
    from pipeline.run.outputs import staging_folders
    from pipeline.run.workspace import folder_lock

    _, _, old_out, _, old, _ = two_runs
    out = tmp_path / "out"
    shutil.copytree(old_out, out)
    staging = out / ".pipeline-publish.0123456789ab"
    staging.mkdir()
    (staging / "entities.parquet").write_bytes(b"half written")
    with folder_lock(out):  # a live run is writing it
        assert len(load(out).entities) == len(old["entities"])
        assert staging_folders(out) == [staging]
    assert len(load(out).entities) == len(old["entities"])  # its run is gone: the reader drops it
    assert not staging.exists()


def _mixed_folder(two_runs, tmp_path):
    base, _, old_out, _, _, _ = two_runs
    mixed = tmp_path / "mixed"
    shutil.copytree(old_out, mixed)
    shutil.copy(base / "new_out" / "entities.parquet", mixed / "entities.parquet")  # new entities, old mentions
    return mixed


def test_a_mixed_folder_is_refused_by_every_reader(two_runs, tmp_path):
    from pipeline import load
    from pipeline.run.outputs import OutputsError
    from pipeline.tools.diff import DiffInputError, diff_outputs

    mixed = _mixed_folder(two_runs, tmp_path)
    with pytest.raises(OutputsError, match=r"^\[E052\] .*entities\.parquet.*rerun `pipeline run"):
        load(mixed)
    with pytest.raises(DiffInputError, match=r"^\[E052\]"):
        diff_outputs(two_runs[2], mixed)
    report = _cli("report", str(mixed), "--out", str(tmp_path / "r.html"))
    assert report.returncode == 1 and "E052" in report.stderr, report.stderr[-2000:]
    evaluation = _cli("eval", "--gold", str(ROOT / "tests" / "gold"), str(mixed))
    assert evaluation.returncode == 1 and "E052" in evaluation.stderr, evaluation.stderr[-2000:]
    assert not (tmp_path / "r.html").exists()


def test_a_missing_table_or_a_wrong_row_count_is_refused(two_runs, tmp_path):
    import json

    from pipeline import load
    from pipeline.run.outputs import OutputsError

    _, _, old_out, _, _, _ = two_runs
    gone = tmp_path / "gone"
    shutil.copytree(old_out, gone)
    (gone / "mentions.parquet").unlink()
    with pytest.raises(OutputsError, match=r"^\[E053\] .*mentions\.parquet"):
        load(gone)
    miscounted = tmp_path / "miscounted"
    shutil.copytree(old_out, miscounted)
    manifest = json.loads((miscounted / "manifest.json").read_text())
    manifest["files"]["claims.parquet"]["rows"] += 1
    (miscounted / "manifest.json").write_text(json.dumps(manifest))
    with pytest.raises(OutputsError, match=r"^\[E052\] .*claims\.parquet"):
        load(miscounted)
    assert len(load(old_out).claims)  # the untouched folder still loads


@pytest.mark.parametrize("damage, code", [("truncated", "E052"), ("missing", "E053"), ("wrong_schema", "E052"),
                                          ("truncated_unlisted", "E056"), ("wrong_schema_unlisted", "E056")])
def test_every_reader_refuses_a_damaged_claims_table_in_one_coded_line(two_runs, tmp_path, damage, code):
    """A truncated claims.parquet, a missing one, or another table saved under its name: load, report, eval and
    diff (E072 for a file it cannot read) each stop with one coded line (they once printed pyarrow tracebacks, or went on with zero claims or
    rows of nulls). "_unlisted" is a folder whose manifest does not list its files (an earlier version's)."""
    import json

    from pipeline import load
    from pipeline.run.outputs import OutputsError
    from pipeline.tools.diff import DiffInputError, diff_outputs

    _, raw, old_out, _, _, _ = two_runs
    out = tmp_path / "out"
    shutil.copytree(old_out, out)
    claims = out / "claims.parquet"
    if damage == "missing":
        claims.unlink()
    elif damage.startswith("truncated"):
        claims.write_bytes(claims.read_bytes()[:400])
    else:
        shutil.copy(out / "dates.parquet", claims)
    if damage.endswith("unlisted"):
        manifest = json.loads((out / "manifest.json").read_text())
        del manifest["files"]
        (out / "manifest.json").write_text(json.dumps(manifest))
    with pytest.raises(OutputsError, match=rf"^\[{code}\] .*claims\.parquet.*rerun `pipeline run"):
        load(out)
    prefix = r"\[E072\] NEW " if code == "E056" else rf"\[{code}\] "  # diff's code for an unreadable file names the side
    with pytest.raises(DiffInputError, match=rf"^{prefix}.*claims\.parquet"):
        diff_outputs(old_out, out)
    for command in (["report", str(out), "--out", str(tmp_path / "r.html")],
                    ["eval", "--gold", str(ROOT / "tests" / "gold"), str(out), "--raw", str(raw)]):
        done = _cli(*command)
        assert done.returncode == 1 and done.stderr.startswith(f"Error: [{code}] "), (command, done.stderr[-2000:])
        assert "Traceback" not in done.stderr and len(done.stderr.strip().splitlines()) == 1, done.stderr
    assert not (tmp_path / "r.html").exists()


# ---------------------------------------------------------------------------------------------
# temporary files, cleanup and locks


def test_cleanup_removes_only_the_pipelines_own_temporaries(tmp_path, config, nlp):
    from pipeline.run.runner import ErrorLog, Workspace, run_pipeline

    raw, out, interim = tmp_path / "raw", tmp_path / "out", tmp_path / "interim"
    raw.mkdir()
    (raw / "a.txt").write_text(EXTRA)
    user_files = [out / "notes" / ".draft.tmp", out / ".draft.tmp", interim / "mine" / ".x.tmp",
                  out / "segment" / ".notes.tmp"]
    ours = [out / ".claims.parquet.ab12cd34.pipeline-tmp", interim / ".run.json.0a1b2c3d.pipeline-tmp",
            interim / "segment" / ".a.parquet.zz99yy88.pipeline-tmp"]
    for path in user_files + ours:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text("keep me" if path in user_files else "")
    ws = Workspace(raw_dir=raw, interim_dir=interim, out_dir=out, config=config, errors=ErrorLog())
    run_pipeline(ws, nlp=nlp)
    for path in user_files:
        assert path.read_text() == "keep me", path
    for path in ours:
        assert not path.exists(), path
    assert not (out / ".pipeline.lock").exists() and not (interim / ".pipeline.lock").exists()
    assert not list(out.rglob("*.pipeline-tmp")) and not list(interim.rglob("*.pipeline-tmp"))


def test_an_empty_lock_file_of_an_earlier_version_is_not_left_behind(tmp_path, config, nlp):
    from pipeline.run.runner import ErrorLog, Workspace, run_pipeline

    raw, out = tmp_path / "raw", tmp_path / "out"
    raw.mkdir()
    (raw / "a.txt").write_text(EXTRA)
    out.mkdir()
    (out / ".pipeline.lock").touch()
    ws = Workspace(raw_dir=raw, interim_dir=tmp_path / "interim", out_dir=out, config=config, errors=ErrorLog())
    run_pipeline(ws, nlp=nlp)
    assert sorted(p.name for p in out.iterdir()) == sorted(["manifest.json", *(f"{t}.parquet" for t in TABLES)])


def test_a_second_run_on_the_same_interim_folder_is_refused(tmp_path, config):
    from pipeline.run.runner import ErrorLog, LockBusy, Workspace, run_pipeline
    from pipeline.run.workspace import folder_lock

    (tmp_path / "raw").mkdir()
    (tmp_path / "raw" / "a.txt").write_text(EXTRA)
    ws = Workspace(raw_dir=tmp_path / "raw", interim_dir=tmp_path / "i", out_dir=tmp_path / "o", config=config,
                   errors=ErrorLog())
    with folder_lock(ws.interim_dir, role="interim"), \
            pytest.raises(LockBusy, match=r"^\[E040\] .*interim folder .*/i;.*--interim"):
        run_pipeline(ws)
    assert not (ws.out_dir / "manifest.json").exists()


def test_one_folder_as_both_interim_and_output_is_locked_once(tmp_path, config, nlp):
    from pipeline import load
    from pipeline.run.runner import ErrorLog, Workspace, run_pipeline

    (tmp_path / "raw").mkdir()
    (tmp_path / "raw" / "a.txt").write_text(EXTRA)
    both = tmp_path / "both"
    ws = Workspace(raw_dir=tmp_path / "raw", interim_dir=both, out_dir=both, config=config, errors=ErrorLog())
    run_pipeline(ws, nlp=nlp)
    assert list(load(both).documents["source"]) == ["a.txt"]


# ---------------------------------------------------------------------------------------------
# workers die with their parent


_POOL_PARENT = textwrap.dedent('''
    import os, sys, time
    from pipeline.run.config import load_config
    from pipeline.run.engine import make_engine

    engine = make_engine(sys.argv[1], load_config(), workers=2)
    if sys.argv[1] == "dask":
        pids = list(engine.client.run(os.getpid).values())
    else:
        pids = [process.pid for process in engine.pool._processes.values()]
    print(" ".join(map(str, pids)), flush=True)
    time.sleep(600)  # killed by the test long before this
''')


def _alive(pid: int) -> bool:
    """Running (a zombie waiting for a reaper counts as gone: it holds no memory and runs nothing)."""
    try:
        with open(f"/proc/{pid}/stat") as handle:
            return handle.read().rsplit(")", 1)[1].split()[0] != "Z"
    except FileNotFoundError:
        return False
    except OSError:
        try:
            os.kill(pid, 0)
        except ProcessLookupError:
            return False
        return True


@pytest.mark.parametrize("engine", ["local", "dask"])
def test_workers_exit_after_their_parent_is_killed(engine):
    if engine == "dask":
        pytest.importorskip("distributed")
    parent = subprocess.Popen([sys.executable, "-c", _POOL_PARENT, engine], cwd=ROOT, stdout=subprocess.PIPE,
                              stderr=subprocess.DEVNULL, text=True, env={**os.environ, "PYTHONPATH": str(ROOT)})
    try:
        pids = [int(p) for p in parent.stdout.readline().split()]
        assert len(pids) == 2 and all(_alive(pid) for pid in pids), pids
    finally:
        parent.kill()
        parent.wait()
    for _ in range(600):  # bounded poll, not a timing claim: the watchdogs look twice a second
        if not any(_alive(pid) for pid in pids):
            break
        time.sleep(0.1)
    survivors = [pid for pid in pids if _alive(pid)]
    for pid in survivors:  # never leave an orphan behind, whatever the verdict
        os.kill(pid, signal.SIGKILL)
    assert not survivors, f"{engine} workers {survivors} outlived their parent"
