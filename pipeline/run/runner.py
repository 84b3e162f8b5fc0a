"""Run every stage over an input folder: hand sources to an engine in batches, then finish and publish.

Per-source stages (segment, nlp, dates, quantities, mentions, claim drafts) write
one interim shard per source, so a run can stream a corpus of any size and a rerun
redoes only the sources whose bytes, configuration or stage code changed. Global
stages (reconcile, claims, publish) work from those compact shards.
"""
from __future__ import annotations

import hashlib
import itertools
import time
from collections.abc import Iterator

from pipeline.run.engine import SourceTask, make_engine
from pipeline.run.fingerprint import model_version as _model_version
from pipeline.run.fingerprint import stage_keys
from pipeline.run.publish import finish
from pipeline.run.shards import write_source_shards
from pipeline.run.html import extract_html, extractor_version, is_html_file, page_metadata
from pipeline.run.records import is_record_file, merged_metadata, metadata_key, parse_records, scan_inputs
from pipeline.run.sources import InputError, read_input, read_metadata, resolve_inside, shard_name
from pipeline.run.workspace import (
    ErrorLog, LockBusy, PipelineFailure, Workspace, output_lock, read_index, run_locks, shards_exist, write_index,
)

__all__ = ["ErrorLog", "LockBusy", "PipelineFailure", "Workspace", "discover", "output_lock", "run_pipeline"]


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


def run_pipeline(ws: Workspace, *, nlp=None, workers: int = 1, engine: str = "local",
                 scheduler: str | None = None, batch_chars: int = 50_000) -> dict:
    """Run every stage over ``ws.raw_dir``, reusing shards whose inputs are unchanged; return the manifest.

    Per-source work goes to the chosen engine in batches of about ``batch_chars``
    characters: large enough for ``nlp.pipe`` to batch well, small enough that no worker
    idles long while the last batch runs elsewhere (at 200,000 the second of two workers
    waited for up to a tenth of a 250,000-word run).
    """
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
        max_chars = config.settings["input"]["max_source_chars"]

        order: list[str] = []  # every source met, records included, in input order

        def tasks() -> Iterator[SourceTask]:
            for source in sources:
                if is_record_file(source, config.settings["input"]["metadata"]):
                    yield from record_tasks(source)
                    continue
                if is_html_file(source):
                    yield from html_task(source)
                    continue
                try:
                    data = read_input(resolve_inside(ws.raw_dir, source), source, max_bytes=4 * max_chars)
                except InputError as exc:
                    ws.errors.add(stage="segment", source=source, exc=exc)
                    continue
                sha = hashlib.sha256(data).hexdigest()
                yield SourceTask(source, data, sha, hashlib.sha256(f"{sha}|{key_of_code}".encode()).hexdigest(),
                                 metadata.get(source))

        def record_tasks(file: str) -> Iterator[SourceTask]:
            # a record file is parsed here, one file at a time, and each record handed on as decoded text
            try:
                records, problems = parse_records(read_input(resolve_inside(ws.raw_dir, file), file), file,
                                                  max_chars=max_chars)
            except InputError as exc:
                ws.errors.add(stage="segment", source=file, exc=exc)
                return
            for problem in problems:
                ws.errors.add(stage="segment", source=problem.source, exc=problem, line=problem.line)
            for record in records:
                meta = merged_metadata(record, metadata.get(record.source))
                # the record's fields are part of its input, as its text is
                key = hashlib.sha256(f"{record.decoded.sha256}|{metadata_key(meta)}|{key_of_code}".encode()).hexdigest()
                yield SourceTask(record.source, b"", record.decoded.sha256, key, meta,
                                 text=record.decoded.text, encoding=record.decoded.encoding)

        def html_task(page: str) -> Iterator[SourceTask]:
            # the main text is extracted here and handed on as decoded text, like a record's
            try:
                data = read_input(resolve_inside(ws.raw_dir, page), page, max_bytes=4 * max_chars)
                decoded, own = extract_html(data, page, max_chars=max_chars)
            except InputError as exc:
                ws.errors.add(stage="segment", source=page, exc=exc)
                return
            meta = page_metadata(metadata.get(page), own)
            key = hashlib.sha256(f"{decoded.sha256}|{metadata_key(meta)}|{extractor_version()}|{key_of_code}".encode())
            yield SourceTask(page, b"", decoded.sha256, key.hexdigest(), meta, text=decoded.text,
                             encoding=decoded.encoding)

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
                                  exc=_RecordedError(error["message"], error["code"], error["error_class"]))
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
        write_index(ws.index_path("run"), "run", entries)
        live = [s for s in order if s in entries]
        # the manifest is written once, with the tables, so that it is part of the set published together
        return finish(ws, live, model_version=model_version, extra={"engine": {"name": engine, "workers": workers}},
                      started=started)


class _RecordedError(Exception):
    """An error reported by a worker, re-raised here with its original class name and code."""

    def __init__(self, message: str, code: str, error_class: str) -> None:
        super().__init__(message)
        self.code = code
        self.error_class = error_class
