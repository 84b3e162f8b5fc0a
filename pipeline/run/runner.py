"""Run every stage over an input folder: hand sources to an engine in batches, then finish and publish.

Per-source stages (segment, nlp, dates, quantities, mentions, claim drafts) write
one interim shard per source, so a run can stream a corpus of any size and a rerun
redoes only the sources whose bytes, configuration or stage code changed. Global
stages (reconcile, claims, publish) work from those compact shards.
"""
from __future__ import annotations

import itertools
import time
from collections.abc import Iterator

from pipeline.run.engine import SourceTask, file_tasks, make_engine
from pipeline.run.fingerprint import model_version as _model_version
from pipeline.run.fingerprint import stage_keys
from pipeline.run.publish import finish
from pipeline.run.shards import write_source_shards
from pipeline.run.records import scan_inputs
from pipeline.run.sources import read_input, read_metadata, resolve_inside, shard_name
from pipeline.run.workspace import (
    ErrorLog, LockBusy, PipelineFailure, RecordedError, Workspace, output_lock, read_index, run_locks, shards_exist,
    write_index,
)

__all__ = ["ErrorLog", "LockBusy", "PipelineFailure", "Workspace", "discover", "output_lock", "run_on_cluster",
           "run_pipeline"]


def discover(ws: Workspace) -> tuple[list[str], dict]:
    """The input files (record files not yet split into records) and the metadata; problems go to the error log."""
    settings = ws.config.settings["input"]
    sources, unreadable = scan_inputs(ws.raw_dir, settings)
    for problem in unreadable:  # FIFOs, devices, broken links, names that are not UTF-8
        ws.errors.add(stage="segment", source=problem.source, exc=problem)
    metadata, problems = read_metadata(ws.raw_dir, settings["metadata"])
    for problem in problems:
        ws.errors.add(stage="segment", source=problem.source, exc=problem, line=problem.line)
    return sources, metadata


def run_on_cluster(raw: str, interim: str, out: str, config, *, errors: ErrorLog, scheduler: str | None = None,
                   workers: int = 2, dataset: bool = False, batch_chars: int = 50_000, client=None) -> dict:
    """Run every stage on a Dask cluster whose workers read ``raw`` and write ``interim`` and ``out`` (paths or URLs).

    ``client`` is an existing ``dask.distributed.Client``; without it one is started on
    ``scheduler``, or on a LocalCluster of ``workers`` processes. Return the manifest.
    """
    from pipeline.run.cluster import Job, run_cluster
    from pipeline.run.engine import DaskEngine
    from pipeline.run.storage import Store

    model_version = _model_version(config.model_name)
    job = Job(Store(raw), Store(interim), Store(out), config, stage_keys(config, model_version)["claim_drafts"])
    engine = None
    if client is None:
        engine = DaskEngine(scheduler, workers=workers)
        client = engine.client
    try:
        count = len(client.scheduler_info().get("workers", {})) or workers
        return run_cluster(job, client, errors=errors, model_version=model_version, dataset=dataset,
                           batch_chars=batch_chars, workers=count)
    finally:
        if engine is not None:
            engine.close()


def run_pipeline(ws: Workspace, *, nlp=None, workers: int = 1, engine: str = "local",
                 scheduler: str | None = None, batch_chars: int = 50_000) -> dict:
    """Run every stage over ``ws.raw_dir``, reusing shards whose inputs are unchanged; return the manifest.

    Per-source work goes to the chosen engine in batches of about ``batch_chars``
    characters: large enough for ``nlp.pipe`` to batch well, small enough that no worker
    idles long while the last batch runs elsewhere (at 200,000 the second of two workers
    waited for up to a tenth of a 250,000-word run).
    """
    if engine == "dask":
        return run_on_cluster(str(ws.raw_dir), str(ws.interim_dir), str(ws.out_dir), ws.config, errors=ws.errors,
                              scheduler=scheduler, workers=workers if workers > 1 else 2, batch_chars=batch_chars)
    with run_locks(ws):
        started = time.perf_counter()
        ws.timings.clear()  # a Workspace may serve several runs: each manifest speaks of its own
        ws.errors.rows.clear()
        sources, metadata = discover(ws)
        config = ws.config
        model_version = _model_version(config.model_name)
        key_of_code = stage_keys(config, model_version)["claim_drafts"]
        index = read_index(ws.index_path("run"))
        entries: dict[str, dict] = {}

        order: list[str] = []  # every source met, records included, in input order

        def read(file: str, max_bytes: int | None) -> bytes:
            return read_input(resolve_inside(ws.raw_dir, file), file, max_bytes=max_bytes)

        def report(source: str | None, exc: BaseException, line: int | None = None) -> None:
            ws.errors.add(stage="segment", source=source, exc=exc, line=line)

        def tasks() -> Iterator[SourceTask]:
            for source in sources:
                yield from file_tasks(source, read=read, report=report, metadata=metadata, key_of_code=key_of_code,
                                      settings=config.settings["input"])

        def batches() -> Iterator[list[SourceTask]]:
            batch: list[SourceTask] = []
            size = 0
            for task in tasks():
                order.append(task.source)
                previous = index["sources"].get(task.source)
                if previous and previous.get("key") == task.key and shards_exist(ws, task.source):
                    entries[task.source] = previous
                    continue
                batch.append(task)
                size += len(task.data) if task.text is None else len(task.text)
                if size >= batch_chars:
                    yield batch
                    batch, size = [], 0
            if batch:
                yield batch

        pending = batches()
        first = next(pending, None)
        # engines load the model when they start: a run with every source cached needs none
        runner = None
        if first is not None:
            clock = time.perf_counter()
            runner = make_engine(engine, config, workers=workers, scheduler=scheduler, nlp=nlp,
                                 interim_dir=str(ws.interim_dir))
            ws.timings["start_engine"] += time.perf_counter() - clock
        saved_at = time.perf_counter()
        try:
            for result in runner.run(itertools.chain([first], pending), config) if runner else ():
                for stage, seconds in result.timings.items():
                    ws.timings[stage] += seconds
                for error in result.errors:
                    ws.errors.add(stage=error["stage"], source=result.source,
                                  exc=RecordedError(error["message"], error["code"], error["error_class"]))
                if not result.ok:
                    continue
                if not result.written:
                    clock = time.perf_counter()
                    write_source_shards(ws.interim_dir, result)
                    ws.timings["write_interim"] += time.perf_counter() - clock
                entries[result.source] = {"key": result.key, "sha256": result.sha256,
                                          "shard": shard_name(result.source)}
                if time.perf_counter() - saved_at > 30:  # a killed run resumes from here
                    write_index(ws.index_path("run"), "run", {**index["sources"], **entries})
                    saved_at = time.perf_counter()
        finally:
            if runner is not None:
                runner.close()
        write_index(ws.index_path("run"), "run", entries, key_of_code=key_of_code)
        live = [s for s in order if s in entries]
        # the manifest is written once, with the tables, so that it is part of the set published together
        return finish(ws, live, model_version=model_version, extra={"engine": {"name": engine, "workers": workers}},
                      started=started)

