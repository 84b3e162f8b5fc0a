"""Where a run reads and writes: folders, shard paths, the per-stage index, the folder locks and the error log."""
from __future__ import annotations

import contextlib
import json
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from pipeline.core.errors import severity
from pipeline.core.schema import write_bytes_atomic
from pipeline.run.config import Config
from pipeline.run.outputs import held, recover, remove_temporaries_in, try_lock_folder
from pipeline.run.sources import shard_name


class PipelineFailure(RuntimeError):
    """Raised under --strict at the first error, or when a run cannot start at all."""


class LockBusy(RuntimeError):
    """Another run holds the output or interim folder's lock."""


@dataclass
class ErrorLog:
    """Problems met during a run; each becomes a row of ``errors.parquet``."""

    strict: bool = False
    rows: list[dict] = field(default_factory=list)

    def add(self, *, stage: str, source: str | None, exc: BaseException, line: int | None = None) -> None:
        message = str(exc) or exc.__class__.__name__
        code = getattr(exc, "code", None) or _code_in(message) or "E099"
        self.rows.append({
            "source": source, "stage": stage, "error_class": getattr(exc, "error_class", exc.__class__.__name__),
            "code": code, "severity": severity(code), "message": message,
            "line": line if line is not None else getattr(exc, "line", None),
        })
        if self.strict:
            raise PipelineFailure(f"{source or '-'}: {stage}: {message}") from exc


class RecordedError(Exception):
    """An error reported by a worker, re-raised here with its original class name and code."""

    def __init__(self, message: str, code: str, error_class: str) -> None:
        super().__init__(message)
        self.code = code
        self.error_class = error_class


def _code_in(message: str) -> str | None:
    if message.startswith("[E") and "]" in message[:8]:
        return message[1:message.index("]")]
    return None


@dataclass
class Workspace:
    """Where a run reads and writes: the input, interim and output folders and the configuration."""

    raw_dir: Path
    interim_dir: Path
    out_dir: Path
    config: Config
    errors: ErrorLog = field(default_factory=ErrorLog)
    timings: dict[str, float] = field(default_factory=lambda: defaultdict(float))

    def shard(self, stage: str, source: str, suffix: str = "parquet") -> Path:
        return shard_path(self.interim_dir, stage, source, suffix)

    def index_path(self, stage: str) -> Path:
        return self.interim_dir / f"{stage}.json"


def read_index(path: Path) -> dict:
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {"sources": {}}


def write_index(path: Path, stage: str, entries: dict[str, dict], *, key_of_code: str | None = None) -> None:
    """Write a stage's index; ``key_of_code`` says every entry's key was made with that code (a finished run)."""
    payload = {"stage": stage, "sources": dict(sorted(entries.items()))}
    if key_of_code is not None:  # a cluster rerun checks such sources in larger batches (cluster.CHECK_FACTOR)
        payload["key_of_code"] = key_of_code
    write_bytes_atomic((json.dumps(payload, indent=1, sort_keys=True) + "\n").encode(), path)


#: the interim folder's subfolders the pipeline writes (one per per-source stage, and the stage commands' errors)
INTERIM_FOLDERS = ("segment", "nlp", "dates", "quantities", "mentions", "claim_drafts", "errors")


@contextlib.contextmanager
def folder_lock(folder: Path, *, role: str = "output") -> Iterator[None]:
    """Hold an exclusive lock on ``folder`` (``--out`` or ``--interim``) for the duration of a run."""
    folder.mkdir(parents=True, exist_ok=True)
    fd = try_lock_folder(folder)
    if fd is None:
        raise LockBusy(
            f"[E040] another pipeline run is writing to the {role} folder {folder}; "
            f"wait for it to finish or choose another --{'out' if role == 'output' else 'interim'} folder")
    with held(fd):
        # earlier versions locked an empty .pipeline.lock file and left it behind
        legacy = folder / ".pipeline.lock"
        with contextlib.suppress(OSError):
            if legacy.is_file() and legacy.stat().st_size == 0:
                legacy.unlink()
        yield


@contextlib.contextmanager
def output_lock(out_dir: Path) -> Iterator[None]:
    """Lock the output folder, finish or drop an interrupted publish, and remove a killed run's temporaries."""
    with folder_lock(out_dir, role="output"):
        recover(out_dir, locked=True)
        remove_stale_temporaries(out_dir)
        yield


@contextlib.contextmanager
def interim_lock(interim_dir: Path) -> Iterator[None]:
    """Lock the interim folder (a stage command, or a run's second lock) and remove a killed run's temporaries."""
    with folder_lock(interim_dir, role="interim"):
        remove_stale_temporaries(interim_dir)
        yield


@contextlib.contextmanager
def run_locks(ws: Workspace) -> Iterator[None]:
    """Lock both folders a whole run (or ``publish``) writes: the output folder and the interim folder."""
    with output_lock(ws.out_dir):
        if _same_folder(ws.interim_dir, ws.out_dir):
            yield
            return
        with interim_lock(ws.interim_dir):
            yield


def _same_folder(a: Path, b: Path) -> bool:
    # two locks on one folder from one process would refuse each other
    a.mkdir(parents=True, exist_ok=True)
    return a.resolve() == b.resolve()


def remove_stale_temporaries(folder: Path) -> int:
    """Delete the temporary files a killed run left in ``folder`` and the pipeline's own subfolders of it.

    Only names the writers create (``.<name>.<random>.pipeline-tmp``) and only in the
    folders the pipeline writes: a user's own ``notes/.draft.tmp`` is never touched.
    Call only while holding the folder's lock.
    """
    return remove_temporaries_in([folder, *(folder / name for name in INTERIM_FOLDERS)])


#: the segment stage's shard holding a source's decoded text (its one ``texts`` row)
TEXTS_SUFFIX = "texts.parquet"


def shards_exist(ws: Workspace, source: str) -> bool:
    return all(ws.shard(stage, source).exists() for stage in ("segment", "dates", "quantities", "mentions", "claim_drafts")) \
        and ws.shard("nlp", source, "spacy").exists() and ws.shard("segment", source, TEXTS_SUFFIX).exists()


def shard_path(interim_dir: Path, stage: str, source: str, suffix: str = "parquet") -> Path:
    """Where one source's rows of one stage live under ``interim_dir``."""
    return interim_dir / stage / f"{shard_name(source)}.{suffix}"
