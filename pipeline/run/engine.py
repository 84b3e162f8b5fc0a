"""Where the per-source work runs: in this process, in a local process pool, or on Dask.

The unit of work is a batch of sources given as bytes. ``process_batch`` decodes, segments,
annotates (one ``nlp.pipe`` over all the batch's articles) and extracts. On a machine that
shares the interim folder with the caller (this process, a local pool) the worker writes
each source's shards itself and returns only timings and errors, so the parent does no
serialisation work; on a cluster (``pipeline.run.cluster``) the worker also reads the
sources and writes the shards, given their locations. The model is loaded once per worker
process, when the engine starts, and kept.
"""
from __future__ import annotations

import os
import time
from collections import defaultdict, deque
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field

from pipeline.run.config import Config
from pipeline.stages.segment import SourceMetadata

#: per-process cache of the loaded model and extractors, keyed by configuration digest
_STATE: dict[str, tuple] = {}


@dataclass(frozen=True)
class SourceTask:
    """One source to process: its name, raw bytes, metadata and cache key."""

    source: str
    data: bytes
    sha256: str
    key: str
    metadata: SourceMetadata | None = None
    #: a record of a record file comes already decoded (``data`` is then empty): its text is its source
    text: str | None = None
    encoding: str | None = None


@dataclass
class SourceResult:
    """Everything the per-source stages produced for one source (or the errors that stopped it)."""

    source: str
    key: str
    sha256: str
    tables: dict[str, list[dict]] = field(default_factory=dict)
    docbin: bytes = b""
    errors: list[dict] = field(default_factory=list)
    timings: dict[str, float] = field(default_factory=dict)
    #: the worker wrote this source's shards itself (``tables`` and ``docbin`` are then empty)
    written: bool = False
    #: every piece of the source went through the model (or it failed): nothing more to add
    done: bool = False

    @property
    def ok(self) -> bool:
        return not self.errors


def file_tasks(file: str, *, read: Callable[[str, int | None], bytes], report: Callable, metadata: dict,
               key_of_code: str, settings: dict) -> Iterator[SourceTask]:
    """The sources of one input file as tasks, each with its cache key; ``report(source, exc, line)`` takes problems.

    A text file is one task holding its bytes; a record file is parsed and each record
    handed on as decoded text, as is an HTML page's main text. ``read(file, max_bytes)``
    reads the file wherever it is (the client's folder, or a worker's object store).
    """
    import hashlib

    from pipeline.run.html import extract_html, extractor_version, is_html_file, page_metadata
    from pipeline.run.records import is_record_file, merged_metadata, metadata_key, parse_records
    from pipeline.run.sources import InputError

    max_chars = settings["max_source_chars"]
    try:
        if is_record_file(file, settings["metadata"]):
            records, problems = parse_records(read(file, None), file, max_chars=max_chars)
            for problem in problems:
                report(problem.source, problem, problem.line)
            for record in records:
                meta = merged_metadata(record, metadata.get(record.source))
                # the record's fields are part of its input, as its text is
                key = hashlib.sha256(f"{record.decoded.sha256}|{metadata_key(meta)}|{key_of_code}".encode())
                yield SourceTask(record.source, b"", record.decoded.sha256, key.hexdigest(), meta,
                                 text=record.decoded.text, encoding=record.decoded.encoding)
            return
        data = read(file, 4 * max_chars)
        if is_html_file(file):
            decoded, own = extract_html(data, file, max_chars=max_chars)
            meta = page_metadata(metadata.get(file), own)
            key = hashlib.sha256(f"{decoded.sha256}|{metadata_key(meta)}|{extractor_version()}|{key_of_code}".encode())
            yield SourceTask(file, b"", decoded.sha256, key.hexdigest(), meta, text=decoded.text,
                             encoding=decoded.encoding)
            return
    except InputError as exc:
        report(file, exc, None)
        return
    sha = hashlib.sha256(data).hexdigest()
    yield SourceTask(file, data, sha, hashlib.sha256(f"{sha}|{key_of_code}".encode()).hexdigest(), metadata.get(file))


def _error(stage: str, exc: BaseException) -> dict:
    message = str(exc) or exc.__class__.__name__
    code = getattr(exc, "code", None)
    if code is None and message.startswith("[E") and "]" in message[:8]:
        code = message[1:message.index("]")]
    return {"stage": stage, "error_class": exc.__class__.__name__, "code": code or "E099", "message": message,
            "line": getattr(exc, "line", None)}


def worker_state(config: Config, nlp=None):
    """The model and extractors for ``config``, loaded once per process."""
    from pipeline.stages.nlp import load_pipeline
    from pipeline.run.extract import Extractors, entity_lexicon

    state = _STATE.get(config.digest)
    if state is None or (nlp is not None and state[0] is not nlp):
        if nlp is None:
            nlp = load_pipeline(config.model_name, disable=config.settings["model"]["disable"],
                                entity_lexicon=entity_lexicon(config))
        state = (nlp, Extractors(config))
        _STATE.clear()
        _STATE[config.digest] = state
    return state


def process_batch(tasks: list[SourceTask], config: Config, nlp=None, *,
                  interim_dir: str | None = None) -> list[SourceResult]:
    """Run segment, nlp, dates, quantities, mentions and claim drafts over a batch of sources.

    With ``interim_dir`` each source's shards are written there (atomically) and the
    returned results carry no rows; without it the rows come back for the caller to write.
    """
    from pipeline.run.extract import segment_decoded
    from pipeline.run.sources import DecodedSource, InputError, decode_bytes

    clock = time.perf_counter()
    nlp, extractors = worker_state(config, nlp)
    load_seconds = time.perf_counter() - clock  # ~0 once the process has the model
    max_chars = config.settings["input"]["max_source_chars"]
    results: list[SourceResult] = []
    segmented = []
    for task in tasks:
        result = SourceResult(task.source, task.key, task.sha256, timings=defaultdict(float))
        results.append(result)
        clock = time.perf_counter()
        try:
            if task.text is not None:
                text, encoding = task.text, task.encoding or "utf-8"
            else:
                text, encoding = decode_bytes(task.data, source=task.source)
            if len(text) > max_chars:
                raise InputError(
                    f"[E016] {task.source}: {len(text):,} characters exceeds input.max_source_chars = {max_chars:,}; "
                    "split the file or raise the limit in the configuration", source=task.source, code="E016")
            decoded = DecodedSource(task.source, text, encoding, task.sha256)
            segmented.append((result, segment_decoded(decoded, metadata=task.metadata,
                                                      lexicon=config.lexicon("segment"))))
        except Exception as exc:  # one bad source never costs the others
            result.errors.append(_error("segment", exc))
        result.timings["segment"] += time.perf_counter() - clock
    try:
        _annotate_and_extract(segmented, config, nlp, extractors, interim_dir=interim_dir)
    except Exception as exc:
        unfinished = [(result, seg) for result, seg in segmented if not result.done]
        if len(unfinished) > 1:  # retry one source at a time so the bad one alone fails
            by_source = {r.source: r for r in process_many_singly(
                [t for t in tasks if t.source in {r.source for r, _ in unfinished}], config, nlp,
                interim_dir=interim_dir)}
            return [by_source.get(r.source, r) for r in results]
        for result, _ in unfinished:
            result.errors.append(_error("nlp", exc))
    if results:
        results[0].timings["load_model"] += load_seconds
    for result in results:
        result.timings = dict(result.timings)
    return results


def _annotate_and_extract(segmented: list, config: Config, nlp, extractors, *, interim_dir: str | None) -> None:
    """One ``nlp.pipe`` over the articles (or windows) of every source of a batch, streamed.

    Each Doc is extracted and added to its source's DocBin as it comes, then dropped; a
    source whose last piece is done is finished at once (its shards written when there is
    an ``interim_dir``), so a batch holds the model's few Docs in flight and one source's
    rows, never every Doc of a long source.
    """
    from pipeline.stages.nlp import DocWriter, annotate
    from pipeline.run.extract import SourceRows, extract_article

    window = config.settings["model"]["window_chars"]
    in_flight: deque = deque()  # (result, seg, piece) handed to nlp.pipe whose Doc has not come out yet

    def pieces():
        for result, seg in segmented:
            for piece in seg.pieces(window):
                in_flight.append((result, seg, piece))
                yield piece

    current = None  # (result, seg, rows, DocWriter) of the source being filled
    clock = time.perf_counter()
    for doc in annotate(nlp, pieces(), batch_size=config.settings["model"]["batch_size"],
                   batch_chars=config.settings["model"]["window_chars"]):
        result, seg, piece = in_flight.popleft()
        result.timings["nlp"] += time.perf_counter() - clock
        if current is None or current[0] is not result:
            _finish(current, interim_dir)
            current = (result, seg, SourceRows(), DocWriter())
        if not result.errors:
            try:
                extract_article(extractors, doc, piece, current[2], result.timings)
                current[3].add(doc)
            except Exception as exc:  # one bad source never costs the others
                result.errors.append(_error("extract", exc))
        clock = time.perf_counter()
    _finish(current, interim_dir)  # every segmented source has an article (segment_decoded refuses one without)


def _finish(current, interim_dir: str | None) -> None:
    """A source's tables and Doc shard bytes, written as shards when the caller shares ``interim_dir``."""
    if current is None:
        return
    result, seg, rows, writer = current
    result.done = True
    if result.errors:
        return
    clock = time.perf_counter()
    result.docbin = writer.to_bytes()
    result.timings["nlp"] += time.perf_counter() - clock
    result.tables = {
        "documents": seg.documents, "sentences": seg.sentences, "texts": [seg.text_row()], "anchors": rows.anchors,
        "dates": rows.dates, "quantities": rows.quantities, "mention_candidates": rows.mentions,
        "claim_drafts": rows.claim_drafts, "warnings": rows.warnings,
    }
    if interim_dir is not None:
        _write_results([result], interim_dir)


def _write_results(results: list[SourceResult], interim_dir: str) -> None:
    """Write each successful result's shards under ``interim_dir`` and drop its rows."""
    from pathlib import Path

    from pipeline.run.shards import write_source_shards

    for result in results:
        if not result.ok:
            continue
        clock = time.perf_counter()
        try:
            write_source_shards(Path(interim_dir), result)
        except Exception as exc:  # a full disk or a bad row costs this source only
            result.errors.append(_error("write_interim", exc))
            continue
        finally:
            result.timings["write_interim"] += time.perf_counter() - clock
        result.tables, result.docbin, result.written = {}, b"", True


def process_many_singly(tasks, config, nlp, *, interim_dir: str | None = None) -> list[SourceResult]:
    """Process each task of a failed batch alone."""
    results = []
    for task in tasks:
        results.extend(process_batch([task], config, nlp, interim_dir=interim_dir))
    return results


# ---------------------------------------------------------------------------------------------
# engines: each maps process_batch over batches and yields the per-source results


class SerialEngine:
    """Everything in this process: the model (passed in, or loaded here once) and the shard writes."""

    def __init__(self, config: Config, *, interim_dir: str | None = None, nlp=None) -> None:
        self.nlp = nlp
        self.interim_dir = interim_dir
        worker_state(config, nlp)  # start-up cost, paid before the first batch

    def run(self, batches: Iterable[list[SourceTask]], config: Config) -> Iterator[SourceResult]:
        for batch in batches:
            yield from process_batch(batch, config, self.nlp, interim_dir=self.interim_dir)

    def close(self) -> None:
        pass


#: an error met while a pool worker loaded the model, raised by the worker's first task
_STARTUP_ERRORS: list[BaseException] = []


def exit_with_parent(parent_pid: int | None = None, *, every: float = 0.5) -> None:
    """Start a daemon thread that ends this process as soon as its parent is gone.

    A pool worker blocks reading its task queue, whose write end it holds itself, so a
    parent killed with SIGKILL would leave it waiting for ever, holding the model's memory
    and the interim folder. When the parent dies the worker is re-parented, so a change of
    ``os.getppid()`` is the signal. ``parent_pid`` defaults to the current parent; pass the
    parent's own PID when it may already have died.
    """
    import threading

    parent = os.getppid() if parent_pid is None else parent_pid

    def watch() -> None:
        while os.getppid() == parent:
            time.sleep(every)
        os._exit(70)  # no cleanup: the parent that would collect the results is gone

    threading.Thread(target=watch, name="exit-with-parent", daemon=True).start()


def _init_worker(config: Config, parent_pid: int | None = None) -> None:
    """Start a pool worker: one thread for numpy/thinc (the processes are the parallelism), then the model."""
    exit_with_parent(parent_pid)
    os.environ.setdefault("OMP_NUM_THREADS", "1")
    try:
        worker_state(config)
    except Exception as exc:  # a failing initializer would break the pool with no message; report it instead
        _STARTUP_ERRORS.append(exc)


def _worker_ready() -> int:
    """Raise the worker's start-up error, if any; else return its process ID."""
    if _STARTUP_ERRORS:
        raise _STARTUP_ERRORS[0]
    return os.getpid()


class ProcessEngine:
    """A pool of local worker processes that load the model once and write their own shards.

    The pool is started and every worker has loaded the model before the first batch
    is submitted; at most 2x workers batches are in flight.
    """

    def __init__(self, workers: int, config: Config, *, interim_dir: str | None = None) -> None:
        import multiprocessing
        from concurrent.futures import ProcessPoolExecutor

        self.workers = workers
        self.interim_dir = interim_dir
        self.pool = ProcessPoolExecutor(max_workers=workers, mp_context=multiprocessing.get_context("spawn"),
                                        initializer=_init_worker, initargs=(config, os.getpid()))
        try:
            # with the spawn context the pool starts a process for each submission no idle worker
            # takes, so these start every worker and wait until each has run its initializer
            for future in [self.pool.submit(_worker_ready) for _ in range(workers)]:
                future.result()
        except BaseException:
            self.pool.shutdown(wait=False, cancel_futures=True)
            raise

    def run(self, batches: Iterable[list[SourceTask]], config: Config) -> Iterator[SourceResult]:
        yield from _bounded(lambda batch: self.pool.submit(process_batch, batch, config,
                                                           interim_dir=self.interim_dir),
                            batches, 2 * self.workers)

    def close(self) -> None:
        self.pool.shutdown(wait=True, cancel_futures=True)


#: Dask's timers, run less often than their defaults: the event loops' blocked-loop watch ("tick", 20 ms), the
#: CPU/memory sampling for dashboards (0.5 s) and the memory monitor (0.1 s) by which a nanny restarts a worker
#: over its memory limit and a worker pauses or spills. A LocalCluster hosts its scheduler and its workers' nannies
#: in the client's process, where these timers were most of its CPU: 2.3 s in 40 s idle at the defaults, 0.56 s in
#: 30 s with tick 200 ms and monitor 5 s, 0.27 s with tick and memory monitor at 1 s. A worker over its limit is
#: still restarted, up to a second later; a worker's memory grows by spaCy Docs, far slower than that.
QUIET_LOOPS = {"distributed.admin.tick.interval": "1s", "distributed.admin.system-monitor.interval": "5s",
               "distributed.worker.memory.monitor-interval": "1s"}


class DaskEngine:
    """A Dask distributed client (on a LocalCluster when no scheduler address is given) for ``pipeline.run.cluster``.

    ``processes=False`` runs the LocalCluster's workers as threads of this process, so that
    they share its ``memory://`` file system (the tests' object store).
    """

    def __init__(self, scheduler: str | None = None, workers: int = 2, *, processes: bool = True) -> None:
        import dask
        from dask.distributed import Client, LocalCluster

        self.cluster = None
        # read when the client, and a LocalCluster's scheduler and nannies (which live in this process), start
        with dask.config.set(QUIET_LOOPS):
            if scheduler:
                self.client = Client(scheduler)
            else:
                # its worker processes watch a pipe to this process and exit when it dies, so they need no
                # watchdog of ours (tests/test_publishing.py kills the parent to check)
                self.cluster = LocalCluster(n_workers=workers, threads_per_worker=1, processes=processes,
                                            dashboard_address=None)
                self.client = Client(self.cluster)
        self.workers = max(1, len(self.client.scheduler_info().get("workers", {})) or workers)

    def close(self) -> None:
        self.client.close()
        if self.cluster is not None:
            self.cluster.close()


def _bounded(submit: Callable, batches: Iterable, in_flight: int) -> Iterator[SourceResult]:
    """Submit batches keeping at most ``in_flight`` pending; yield results in submission order."""
    from collections import deque

    pending: deque = deque()
    for batch in batches:
        pending.append(submit(batch))
        if len(pending) >= in_flight:
            yield from pending.popleft().result()
    while pending:
        yield from pending.popleft().result()


def make_engine(name: str, config: Config, *, workers: int = 1, scheduler: str | None = None, nlp=None,
                interim_dir: str | None = None):
    """The engine called ``name`` ("local" or "dask"), started and with its model loaded.

    Local engines write shards under ``interim_dir`` themselves; a Dask engine is a client whose
    workers read and write the run's locations themselves (``pipeline.run.cluster``).
    """
    if name == "dask":
        return DaskEngine(scheduler, workers=max(workers, 1) if workers > 1 else 2)
    if name != "local":
        raise ValueError(f"[E041] unknown engine {name!r}; use 'local' or 'dask'")
    if workers <= 1:
        return SerialEngine(config, interim_dir=interim_dir, nlp=nlp)
    return ProcessEngine(workers, config, interim_dir=interim_dir)
