"""The output folder as one unit: a run's tables and manifest are staged, committed, then moved into place.

A run writes every table and ``manifest.json`` into a staging folder inside ``--out``
(``.pipeline-publish.<token>``, a name only the pipeline uses), writes a commit marker
listing the files, then renames each file over its published name, the manifest last.
A kill before the marker leaves the published set untouched; a kill after it leaves a
committed staging folder that the next run, or the next reader, finishes moving (roll
forward). An uncommitted staging folder is deleted, but only by whoever holds the
folder's lock, so that a live run's half-written set is never taken for litter.

The manifest names every file with its row count and SHA-256; ``read_output_files``
checks them, so a folder whose tables come from different runs (or were damaged) is
refused with a coded error instead of being read as one run.
"""
from __future__ import annotations

import contextlib
import fcntl
import hashlib
import json
import os
import re
import secrets
import shutil
import signal
import time
from collections.abc import Iterator
from pathlib import Path

from pipeline.core.schema import TEMP_SUFFIX, write_bytes_atomic

STAGING_PREFIX = ".pipeline-publish."
COMMIT_MARKER = "COMMITTED"
MANIFEST = "manifest.json"
#: tests set this to a checkpoint name (``staged:claims``, ``committed``, ``moved:3``, ``moved``) to have
#: the publishing process SIGKILL itself there, so that a kill at that instant is reproducible
KILL_AT_ENV = "PIPELINE_TEST_KILL_AT"

# mkstemp's names: ``.<target name>.<8 characters>`` + TEMP_SUFFIX; nothing else is ever removed as a temporary
_TEMP_NAME = re.compile(r"^\..+\.[a-z0-9_]{8}" + re.escape(TEMP_SUFFIX) + r"$")


class OutputsError(ValueError):
    """An output folder that is not one complete run (mixed, damaged or unreadable)."""

    def __init__(self, message: str, code: str) -> None:
        super().__init__(message)
        self.code = code


def checkpoint(step: str) -> None:
    """Die here, as a kill at this instant would, when the test hook names this step."""
    if os.environ.get(KILL_AT_ENV) == step:
        os.kill(os.getpid(), signal.SIGKILL)


# ---------------------------------------------------------------------------------------------
# locks and temporaries


def try_lock_folder(folder: Path) -> int | None:
    """An exclusive lock on ``folder`` itself (its directory descriptor), or None when another process holds it.

    Locking the directory rather than a lock file inside it leaves nothing behind after
    a run and needs no cleanup; the lock goes with the process, however it ends.
    """
    fd = os.open(folder, os.O_RDONLY)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        os.close(fd)
        return None
    return fd


@contextlib.contextmanager
def held(fd: int) -> Iterator[None]:
    try:
        yield
    finally:
        os.close(fd)  # closing the descriptor releases the flock


def is_pipeline_temporary(path: Path) -> bool:
    return path.is_file() and bool(_TEMP_NAME.match(path.name))


def remove_temporaries_in(folders: list[Path]) -> int:
    """Delete the writers' temporary files directly inside ``folders`` (not below them); return how many."""
    removed = 0
    for folder in folders:
        if not folder.is_dir():
            continue
        for path in folder.iterdir():
            if is_pipeline_temporary(path):
                path.unlink(missing_ok=True)
                removed += 1
    return removed


# ---------------------------------------------------------------------------------------------
# writing: stage, commit, move


def new_staging(out_dir: Path) -> Path:
    """A fresh staging folder inside ``out_dir`` (call with the output lock held, after ``recover``)."""
    staging = out_dir / f"{STAGING_PREFIX}{secrets.token_hex(6)}"
    staging.mkdir(parents=True)
    return staging


def file_entry(path: Path, rows: int | None) -> dict:
    return {"rows": rows, "sha256": hashlib.sha256(path.read_bytes()).hexdigest()}


def commit(out_dir: Path, staging: Path, manifest: dict) -> None:
    """Write the manifest and the commit marker into ``staging``, then move the set into ``out_dir``."""
    write_bytes_atomic((json.dumps(manifest, indent=2, sort_keys=True) + "\n").encode(), staging / MANIFEST)
    checkpoint("staged:manifest")
    names = sorted(p.name for p in staging.iterdir() if p.name.endswith(".parquet"))
    # the manifest moves last: until it does, a reader that checks sees the old manifest
    # and files that do not match it, and retries or finishes the move itself
    marker = {"files": [*names, MANIFEST]}
    write_bytes_atomic((json.dumps(marker) + "\n").encode(), staging / COMMIT_MARKER)
    _fsync_folder(staging)
    checkpoint("committed")
    roll_forward(out_dir, staging)


def staging_folders(out_dir: Path) -> list[Path]:
    if not out_dir.is_dir():
        return []
    return sorted(p for p in out_dir.iterdir() if p.name.startswith(STAGING_PREFIX) and p.is_dir())


def _committed_files(staging: Path) -> list[str] | None:
    try:
        marker = json.loads((staging / COMMIT_MARKER).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    files = marker.get("files") if isinstance(marker, dict) else None
    if not isinstance(files, list) or not all(isinstance(f, str) and "/" not in f for f in files):
        return None
    return files


def roll_forward(out_dir: Path, staging: Path) -> bool:
    """Move a committed staging folder's files into place and remove it; False when it is not committed.

    Safe to run from several processes at once: each rename happens exactly once, and a
    file another process already moved is simply missing here.
    """
    files = _committed_files(staging)
    if files is None:
        return False
    for moved, name in enumerate(files, start=1):
        with contextlib.suppress(FileNotFoundError):
            os.replace(staging / name, out_dir / name)
        checkpoint(f"moved:{moved}")
    _fsync_folder(out_dir)
    checkpoint("moved")
    with contextlib.suppress(FileNotFoundError):
        (staging / COMMIT_MARKER).unlink()
    shutil.rmtree(staging, ignore_errors=True)
    return True


def recover(out_dir: Path, *, locked: bool) -> None:
    """Finish every committed staging folder; with the lock held, also delete the uncommitted ones."""
    for staging in staging_folders(out_dir):
        if not roll_forward(out_dir, staging) and locked:
            shutil.rmtree(staging, ignore_errors=True)


def _fsync_folder(folder: Path) -> None:
    """Make the renames in ``folder`` survive a power cut, not only a kill."""
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    except OSError:  # some file systems refuse fsync on a directory; the renames are still atomic
        pass
    finally:
        os.close(fd)


# ---------------------------------------------------------------------------------------------
# reading: settle, then verify against the manifest


def settle(out_dir: Path) -> None:
    """What a reader does first: finish an interrupted publish, and drop a dead run's staging folder."""
    if not staging_folders(out_dir):
        return
    try:
        fd = try_lock_folder(out_dir)
    except OSError:
        fd = None
    if fd is None:  # a run is live: only finish what it committed, never touch what it is writing
        with contextlib.suppress(OSError):
            recover(out_dir, locked=False)
        return
    with held(fd), contextlib.suppress(OSError):
        recover(out_dir, locked=True)


def read_output_files(out_dir: Path, names: list[str], *, attempts: int = 3) -> tuple[dict | None, dict[str, bytes]]:
    """The manifest and the bytes of each one-file table of ``names`` in ``out_dir``, checked against the manifest.

    A folder without a manifest, or with one from before the manifest listed its files,
    is read unchecked. A mismatch is retried (a run may be moving its files in right now)
    and then refused with E052/E053. A table written as a dataset (a folder of parts) is left out.
    """
    manifest, parts = read_output_parts(out_dir, names, attempts=attempts)
    return manifest, {name: files[0][1] for name, files in parts.items()
                      if len(files) == 1 and files[0][0] == f"{name}.parquet"}


def read_output_parts(location: str | Path, names: list[str], *,
                      attempts: int = 3) -> tuple[dict | None, dict[str, list[tuple[str, bytes]]]]:
    """The manifest and each table's files as (name, bytes), checked against the manifest.

    ``location`` is a folder or an fsspec URL, and a table is one file (``claims.parquet``)
    or a dataset of parts (``claims/part-00000.parquet``, ...), as ``--dataset`` writes it.
    A local folder is settled first (an interrupted publish finished); an object store has
    no lock to settle under, and its manifest, written last, is checked the same way.
    """
    from pipeline.run.storage import Store

    out = Store(location)
    problem: OutputsError | None = None
    for attempt in range(attempts):
        if attempt:
            time.sleep(0.2 * attempt)
        if out.local is not None:
            settle(out.local)
        try:
            return _read_checked(out, names)
        except OutputsError as exc:
            problem = exc
    assert problem is not None
    raise problem


def _table_files(out, listed: dict | None, name: str) -> list[str]:
    """The files of table ``name``: the ones the manifest lists, else the one file or the parts found."""
    if isinstance(listed, dict):
        files = sorted(f for f in listed if f == f"{name}.parquet" or f.startswith(f"{name}/"))
        if files:
            return files
    if out.exists(f"{name}.parquet"):
        return [f"{name}.parquet"]
    if out.exists(name):
        from pipeline.run.storage import Store

        return [f"{name}/{part}" for part in Store(out.full(name) if out.local is not None
                                                   else f"{out.location.rstrip('/')}/{name}").files(("part-*.parquet",))]
    return []


def _read_checked(out, names: list[str]) -> tuple[dict | None, dict[str, list[tuple[str, bytes]]]]:
    manifest_path = out.full(MANIFEST)
    where = out.location
    manifest = None
    if out.exists(MANIFEST):
        try:
            manifest = json.loads(out.read_bytes(MANIFEST).decode("utf-8"))
        except (OSError, ValueError) as exc:
            raise OutputsError(f"[E054] {manifest_path} is not readable JSON ({exc}); rerun `pipeline run "
                               f"--out {where}` to rewrite the folder", "E054") from exc
    listed = manifest.get("files") if isinstance(manifest, dict) else None
    data: dict[str, list[tuple[str, bytes]]] = {}
    for name in names:
        files = []
        for file in _table_files(out, listed, name):
            entry = listed.get(file) if isinstance(listed, dict) else None
            try:
                files.append((file, out.read_bytes(file)))
            except FileNotFoundError as exc:
                if entry is None:
                    continue
                raise OutputsError(f"[E053] {out.full(file)} is missing but {manifest_path} lists it: the folder is "
                                   f"not one complete run; rerun `pipeline run --out {where}` to rewrite it",
                                   "E053") from exc
            if entry is not None and hashlib.sha256(files[-1][1]).hexdigest() != entry.get("sha256"):
                raise OutputsError(f"[E052] {out.full(file)} does not match {manifest_path} (SHA-256 differs): the "
                                   f"folder mixes runs or was damaged; rerun `pipeline run --out {where}` to rewrite it",
                                   "E052")
        if files:
            data[name] = files
    return manifest, data


def check_rows(out_dir: str | Path, manifest: dict | None, name: str, rows: int) -> None:
    """Refuse a table whose row count differs from the manifest's (the hash already matched: a damaged manifest).

    For a dataset, ``rows`` is all its parts' and the manifest's counts add up.
    """
    listed = manifest.get("files") if isinstance(manifest, dict) else None
    entries = [e for f, e in listed.items() if f == f"{name}.parquet" or f.startswith(f"{name}/")] \
        if isinstance(listed, dict) else []
    if entries and all(e.get("rows") is not None for e in entries) and sum(e["rows"] for e in entries) != rows:
        table = f"{name}.parquet" if f"{name}.parquet" in listed else f"{name}/ (its parts)"
        raise OutputsError(f"[E052] {out_dir}/{table} holds {rows} rows but {out_dir}/{MANIFEST} says "
                           f"{sum(e['rows'] for e in entries)}; rerun `pipeline run --out {out_dir}` to rewrite the "
                           f"folder", "E052")


def table_schema(path: Path, name: str, data: bytes):
    """The Arrow schema of table ``name`` read from ``data`` (the bytes of ``path``), refusing what is not that table.

    A truncated or foreign file is E056, and so is a Parquet file lacking the table's ID
    or span columns (another table saved under this name), which would otherwise read as
    rows of nulls. Columns added since a folder was written are not required.
    """
    import pyarrow as pa
    import pyarrow.parquet as pq

    from pipeline.core.schema import ID_COLUMN, SPAN_TABLES

    try:
        schema = pq.read_schema(pa.BufferReader(data))
    except (OSError, pa.ArrowException) as exc:
        raise OutputsError(f"[E056] {path} is not a readable Parquet file ({exc}); rerun `pipeline run "
                           f"--out {path.parent}` to rewrite the folder", "E056") from exc
    needed = [ID_COLUMN.get(name), *(("source", "start", "end") if name in SPAN_TABLES else ())]
    missing = [column for column in needed if column and column not in schema.names]
    if missing:
        raise OutputsError(f"[E056] {path} is not a {name} table (no column {', '.join(missing)}); rerun "
                           f"`pipeline run --out {path.parent}` to rewrite the folder", "E056")
    return schema
