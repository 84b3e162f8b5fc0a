"""Where a run reads and writes: folders, shard paths, the per-stage index, the output lock and the error log."""
from __future__ import annotations

import contextlib
import fcntl
import json
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from pipeline.core.schema import write_bytes_atomic
from pipeline.run.config import Config
from pipeline.run.sources import shard_name


class PipelineFailure(RuntimeError):
    """Raised under --strict at the first error, or when a run cannot start at all."""


class LockBusy(RuntimeError):
    """Another run holds the output folder's lock."""


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
            "code": code, "message": message, "line": line if line is not None else getattr(exc, "line", None),
        })
        if self.strict:
            raise PipelineFailure(f"{source or '-'}: {stage}: {message}") from exc

    def failed_sources(self) -> set[str]:
        return {row["source"] for row in self.rows if row["source"]}


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


def write_index(path: Path, stage: str, entries: dict[str, dict]) -> None:
    payload = {"stage": stage, "sources": dict(sorted(entries.items()))}
    write_bytes_atomic((json.dumps(payload, indent=1, sort_keys=True) + "\n").encode(), path)


@contextlib.contextmanager
def output_lock(out_dir: Path) -> Iterator[None]:
    """Hold an exclusive lock on the output folder for the duration of a run."""
    out_dir.mkdir(parents=True, exist_ok=True)
    lock_path = out_dir / ".pipeline.lock"
    handle = open(lock_path, "a+")
    try:
        try:
            fcntl.flock(handle.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError as exc:
            raise LockBusy(
                f"[E040] another pipeline run is writing to {out_dir} (lock {lock_path}); "
                "wait for it to finish or choose another --out folder") from exc
        remove_stale_temporaries(out_dir)
        yield
    finally:
        handle.close()


def remove_stale_temporaries(folder: Path) -> int:
    """Delete temporary files a killed run left behind (only ever called while holding the lock)."""
    removed = 0
    for path in folder.rglob(".*.tmp") if folder.is_dir() else ():
        path.unlink(missing_ok=True)
        removed += 1
    return removed


def shards_exist(ws: Workspace, source: str) -> bool:
    return all(ws.shard(stage, source).exists() for stage in ("segment", "dates", "quantities", "mentions", "claim_drafts")) \
        and ws.shard("nlp", source, "spacy").exists()


def shard_path(interim_dir: Path, stage: str, source: str, suffix: str = "parquet") -> Path:
    """Where one source's rows of one stage live under ``interim_dir``."""
    return interim_dir / stage / f"{shard_name(source)}.{suffix}"
