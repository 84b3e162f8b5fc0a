"""A Dask run in which the client only coordinates: it sends names and receives small summaries.

Workers read their sources from ``--raw``, write their shards to ``--interim``, and run the
corpus-wide stages too, in partitions of whole sources sized by their bytes: each partition
reads its mention shards once and keeps them on its worker; reconciliation's two global
steps see only one entry per distinct form (the corpus facts) and one tally per target and
partition (the entity decisions), never a mention; claims are resolved and every table is
written per partition. The client lists the input folder, reads ``sources.csv`` and the run
index (small), keeps at most two batches per worker in flight, journals each finished
batch's index entries, and writes the manifest from the summaries and file entries: it
receives no table row.

Every location is a plain path or an fsspec URL (``pipeline.run.storage``). On a local
folder the set is published as a local run publishes it (staging folder, commit marker,
renames, under the folder locks); on an object store, which has neither locks nor renames,
the staging prefix is copied into place table by table and ``manifest.json`` is written
last: it is the commit marker, and a reader that checks its SHA-256s sees a half-moved set
as not one run.
"""
from __future__ import annotations

import contextlib
import functools
import json
import secrets
import time
from collections import defaultdict
from dataclasses import dataclass

import pandas as pd

from pipeline.core.schema import CONTRACT_TABLES
from pipeline.run.config import Config
from pipeline.run.engine import file_tasks, process_batch
from pipeline.run.publish import apply_anchors, manifest_fields
from pipeline.run.shards import SHARDED_TABLES, WARNINGS_SUFFIX, write_source_shards
from pipeline.run.sources import InputError, shard_name
from pipeline.run.storage import Store
from pipeline.run.workspace import TEXTS_SUFFIX, ErrorLog, RecordedError

#: the shards a source must have to be reused: (stage folder, suffix)
_SHARDS = (("segment", "parquet"), ("segment", TEXTS_SUFFIX), ("nlp", "spacy"), ("dates", "parquet"),
           ("quantities", "parquet"), ("mentions", "parquet"), ("claim_drafts", "parquet"))


#: partitions per worker: two of even work (``_weights``) keep a straggler short; four cost
#: 0.6 s more task CPU (per-partition setup) on the 500,000-word benchmark for the same wall time
PARTITIONS_PER_WORKER = 2

#: the folder, inside the staging prefix, of one-file tables' temporary parts (gone before the commit)
PARTS = ".parts"

#: how many times more bytes a batch holds when its files are in the last index under the same
#: code: most of them only have their key checked (a read and a hash), so 50,000-byte batches
#: made 46 tasks of ~3 ms each on the 500,000-word benchmark's rerun, and Dask's cost per task
#: (scheduler and client) outweighed the work; an edited file among them is still processed
CHECK_FACTOR = 20


@dataclass(frozen=True)
class Job:
    """What every task receives: the three locations (as URLs), the configuration and the code's cache key."""

    raw: Store
    interim: Store
    out: Store
    config: Config
    key_of_code: str


# ---------------------------------------------------------------------------------------------
# worker side: each function reads and writes the stores itself and returns a summary or stays remote


def source_batch(files: list[str], job: Job, metadata: dict, previous: dict[str, str]) -> dict:
    """Read ``files``, process the sources whose key changed and write their shards; return counts and errors only."""
    settings = job.config.settings["input"]
    problems: list[dict] = []
    file_sha: dict[str, str] = {}

    def read(file: str, max_bytes: int | None) -> bytes:
        import hashlib

        try:
            size = job.raw.size(file)
        except OSError as exc:
            raise InputError(f"[E015] {file}: cannot read the file: {exc}; check it exists and is readable",
                             source=file, code="E015") from exc
        if max_bytes is not None and size > max_bytes:
            raise InputError(f"[E016] {file}: {size:,} bytes is more than input.max_source_chars allows "
                             f"({max_bytes:,} bytes); split the file or raise the limit", source=file, code="E016")
        data = job.raw.read_bytes(file)
        file_sha[file] = hashlib.sha256(data).hexdigest()
        return data

    def report(source: str | None, exc: BaseException, line: int | None = None) -> None:
        problems.append({"source": source, "message": str(exc), "code": getattr(exc, "code", None) or "E099",
                         "error_class": exc.__class__.__name__, "line": line})

    tasks = [t for f in files for t in file_tasks(f, read=read, report=report, metadata=metadata,
                                                   key_of_code=job.key_of_code, settings=settings)]
    stale = [t for t in tasks if previous.get(t.source) != t.key or not _shards_exist(job.interim, t.source)]
    if job.interim.local is not None:
        results = process_batch(stale, job.config, interim_dir=str(job.interim.local)) if stale else []
    else:
        results = process_batch(stale, job.config) if stale else []
        for result in results:
            if result.ok:
                write_source_shards(job.interim, result)
                result.tables, result.docbin, result.written = {}, b"", True
    done = {r.source: r for r in results}
    summaries = []
    for task in tasks:
        result = done.get(task.source)
        summaries.append({"source": task.source, "key": task.key, "sha256": task.sha256,
                          "ok": result is None or result.ok, "errors": result.errors if result else [],
                          "timings": result.timings if result else {}})
    return {"sources": summaries, "problems": problems, "files": file_sha}


def _shards_exist(interim: Store, source: str) -> bool:
    stem = shard_name(source)
    return all(interim.exists(f"{stage}/{stem}.{suffix}") for stage, suffix in _SHARDS)


def read_part(job: Job, table: str, stage: str, sources: list[str], suffix: str = "parquet") -> pd.DataFrame:
    """One table's shards of a partition of sources, concatenated (stays on the worker)."""
    from pipeline.core.schema import empty_frame

    frames = [job.interim.read_table(table, f"{stage}/{shard_name(s)}.{suffix}") for s in sources]
    frames = [f for f in frames if len(f)]
    return pd.concat(frames, ignore_index=True) if frames else empty_frame(table)


class Partition:
    """One partition's mention candidates and their rows, as reconciliation leaves them on the worker.

    Never sent to the client: the tasks that read it run where it is, and only its small
    products (facts, tallies, counts) travel to the global steps.
    """

    def __init__(self, frame: pd.DataFrame, rows: list, seconds: float) -> None:
        self.frame, self.rows, self.seconds = frame, rows, seconds


def reconcile_part(job: Job, sources: list[str]) -> tuple[Partition, dict]:
    """Read one partition's mention shards once; return it with its corpus facts (one entry per distinct form)."""
    from pipeline.run.extract import entity_lexicon
    from pipeline.stages.reconcile.linking import options, partition_facts, prepare

    clock = time.perf_counter()
    lexicon = entity_lexicon(job.config)
    candidates = read_part(job, "mention_candidates", "mentions", sources)
    frame, rows = prepare(candidates, lexicon=lexicon)
    facts = partition_facts(rows, options(lexicon))
    return Partition(frame, rows, time.perf_counter() - clock), facts


def merge_facts(*facts: dict):
    """The first global step: every partition's facts (distinct forms) into the corpus's."""
    from pipeline.stages.reconcile.linking import corpus_facts

    clock = time.perf_counter()
    return corpus_facts(list(facts)), time.perf_counter() - clock


def resolve_part(job: Job, part: tuple, facts: tuple) -> tuple[Partition, dict]:
    """Settle the target of each row of one partition; return it with one tally per target."""
    from pipeline.run.extract import entity_lexicon
    from pipeline.stages.reconcile.groups import partition_tallies
    from pipeline.stages.reconcile.linking import options, resolve_targets

    partition = part[0]  # resolved in place: it never leaves its worker, and a copy of its rows would double them
    clock = time.perf_counter()
    resolve_targets(partition.rows, facts[0], options(entity_lexicon(job.config)))
    tallies = partition_tallies(partition.rows)
    partition.seconds += time.perf_counter() - clock
    return partition, tallies


def decide(job: Job, facts: tuple, *tallies: dict):
    """The second global step: the targets' tallies (one per target and partition) into decided entities.

    ``facts`` (the first step's result, already on every worker that resolved a partition)
    is taken only for its seconds, so that no task exists just to fetch them.
    """
    from pipeline.run.extract import entity_lexicon
    from pipeline.stages.reconcile.groups import decide_entities
    from pipeline.stages.reconcile.linking import gazetteer_lookups, options
    from pipeline.stages.reconcile.names import gazetteer_entries

    clock = time.perf_counter()
    lexicon = entity_lexicon(job.config)
    by_name, _ = gazetteer_lookups(gazetteer_entries(lexicon))
    decisions = decide_entities(list(tallies), by_name=by_name, titles=options(lexicon)["titles"])
    return decisions, time.perf_counter() - clock + facts[1]


def mentions_part(resolved: tuple, decisions: tuple) -> tuple[pd.DataFrame, dict, float]:
    """One partition's mentions table and its per-entity counts."""
    from pipeline.stages.reconcile.groups import partition_mentions

    partition = resolved[0]
    clock = time.perf_counter()
    mentions, counts = partition_mentions(partition.frame, partition.rows, decisions[0])
    return mentions, counts, partition.seconds + time.perf_counter() - clock


def entities_of(decisions: tuple, *counts: dict) -> tuple[pd.DataFrame, float]:
    """The entities table: the decisions with every partition's counts added up."""
    from pipeline.stages.reconcile.groups import entity_table

    clock = time.perf_counter()
    return entity_table(decisions[0], list(counts)), time.perf_counter() - clock + decisions[1]


def claims_part(job: Job, sources: list[str], mentions: tuple, entities: tuple, name: str, *,
                final: bool = True) -> dict:
    """Resolve one partition's claim drafts against the corpus entities and write them under ``name``.

    Drafts use only their own partition's mentions, and the write always follows on the
    same worker, so one task does both (no frame is held for a second task).
    """
    from pipeline.run.extract import claim_rules
    from pipeline.stages.claims import resolve_claims

    clock = time.perf_counter()
    drafts = read_part(job, "claim_drafts", "claim_drafts", sources)
    claims = resolve_claims(drafts, mentions[0], entities[0], rules=claim_rules(job.config))
    entry = write_part(job, "claims", name, claims, final=final)["claims"]
    entry["stages"] = {"claims": time.perf_counter() - clock - entry["seconds"]}
    return {"claims": entry}


def write_part(job: Job, table: str, name: str, part, *, final: bool = True, spent: str | None = None) -> dict:
    """Write one partition's table (a ``(frame, ...)`` task result, or a frame) under ``name``: ``{table: entry}``.

    ``final`` False: a temporary part of a one-file table, which ``assemble`` joins and
    removes (no fsync, no SHA-256). ``spent`` names the stage whose seconds the task
    result carries last, so they reach the manifest in the entry rather than by a task of their own.
    """
    clock = time.perf_counter()
    frame = part[0] if isinstance(part, tuple) else part
    rows, sha = job.out.write_table(table, frame, name, digest=final, durable=final)
    entry = {"name": name, "rows": rows, "sha256": sha, "seconds": time.perf_counter() - clock}
    if spent is not None:
        entry["stages"] = {spent: part[-1]}
    return {table: entry}


def sources_part(job: Job, sources: list[str], names: dict[str, str], *, final: bool = True) -> dict:
    """Write every per-source table's rows of ``sources`` (and their warnings) straight from their shards.

    One task per partition: the tables read different shards but always ran on the same
    worker, and they fill that worker's waits at the global steps as well together as apart.
    ``names`` maps each table to the file it goes to; the warnings are always a temporary
    part, joined with the client's errors by ``assemble``.
    """
    written = {table: _sharded(job, table, stage, suffix, sources, names[table], final=final)
               for table, stage, suffix in SHARDED_TABLES}
    written["errors"] = _sharded(job, "errors", "quantities", WARNINGS_SUFFIX, sources, names["errors"], final=False)
    return written


def _sharded(job: Job, table: str, stage: str, suffix: str, sources: list[str], name: str, *, final: bool) -> dict:
    """Write one per-source table's rows of ``sources`` from their shards, as Arrow (pandas for documents only)."""
    import pyarrow as pa

    from pipeline.core.schema import SCHEMAS

    clock = time.perf_counter()
    if table == "documents":
        frame = apply_anchors(read_part(job, table, stage, sources, suffix),
                              read_part(job, "anchors", "dates", sources, "anchors.parquet"))
        rows, sha = job.out.write_table(table, frame, name, digest=final, durable=final)
    else:
        shards = [job.interim.read_arrow(table, f"{stage}/{shard_name(s)}.{suffix}") for s in sources]
        arrow = pa.concat_tables(shards) if shards else SCHEMAS[table].empty_table()
        rows, sha = job.out.write_arrow(table, arrow, name, digest=final, durable=final)
    return {"name": name, "rows": rows, "sha256": sha, "seconds": time.perf_counter() - clock}


def assemble(job: Job, table: str, name: str, *parts: dict, rows: list[dict] | None = None) -> dict:
    """Write one table file from its partitions' temporary parts, in partition order, and remove the parts.

    Reading Parquet parts into Arrow and writing them as one file costs a fraction of
    building them, so the partitions do that work side by side and this last step is
    short; the file has the bytes a local run writes for the same rows. ``rows`` (the
    client's errors) come first, as in a local run. ``parts`` are the partitions' writers'
    results (``{table: entry}``); the seconds the parts carry are passed on.
    """
    import pyarrow as pa

    from pipeline.core.schema import to_arrow

    clock = time.perf_counter()
    parts = tuple(p[table] for p in parts)
    tables = ([to_arrow(table, rows)] if rows else []) + [job.out.read_arrow(table, p["name"]) for p in parts]
    count, sha = job.out.write_arrow(table, pa.concat_tables(tables), name, digest=True)
    for part in parts:
        job.out.remove(part["name"])
    stages: dict[str, float] = defaultdict(float)
    for part in parts:
        for stage, seconds in part.get("stages", {}).items():
            stages[stage] += seconds
    seconds = time.perf_counter() - clock + sum(p["seconds"] for p in parts)
    return {table: {"name": name, "rows": count, "sha256": sha, "seconds": seconds, "stages": dict(stages)}}


def item(pair: tuple, index: int):
    """One element of a task's tuple result, taken on the worker that holds it."""
    return pair[index]


# ---------------------------------------------------------------------------------------------
# client side


def partitions(sources: list[str], parts: int, weights: dict[str, float] | None = None) -> list[list[str]]:
    """``sources`` in at most ``parts`` contiguous runs of nearly equal work (none empty).

    The work of a source is its weight (``_weights``), so a partition of a few long articles
    and one of many short ones take about as long.
    """
    parts = max(1, min(parts, len(sources)))
    weight = [max((weights or {}).get(s, 1.0), 1.0) for s in sources]
    total = sum(weight)
    out: list[list[str]] = [[] for _ in range(parts)]
    done = 0.0
    for source, w in zip(sources, weight):
        # the partition whose share of the total this source's midpoint falls in
        out[min(parts - 1, int((done + w / 2) * parts / total))].append(source)
        done += w
    return [p for p in out if p]


def run_cluster(job: Job, client, *, errors: ErrorLog, model_version: str, dataset: bool = False,
                batch_chars: int = 50_000, workers: int = 2) -> dict:
    """Run every stage on the cluster behind ``client``; return the manifest (the client holds no rows)."""
    started = time.perf_counter()
    timings: dict[str, float] = defaultdict(float)
    with _locks(job):
        sizes, metadata, metadata_entry = _discover(job, errors)
        journal = Journal(job.interim)
        index = _read_json(job.interim, "run.json") or {"sources": {}}
        known = set(_by_file(index["sources"])) if index.get("key_of_code") == job.key_of_code else set()
        index["sources"].update(journal.read())  # what a run killed before its end had finished
        # by input file, so that each batch's share is found without a pass over the corpus
        meta_of, previous_of = _by_file(metadata), _by_file({s: e.get("key") for s, e in index["sources"].items()})
        order: list[str] = []
        entries: dict[str, dict] = {}
        inputs: dict[str, str] = {}
        pending = []
        # the job (configuration and lexicons, ~90 KB pickled) goes to each worker once, not with every task
        shared = client.scatter(job, broadcast=True, hash=False)
        for batch in _batches(sizes, batch_chars, known=known):
            meta = {s: m for f in batch for s, m in meta_of.get(f, {}).items()}
            previous = {s: k for f in batch for s, k in previous_of.get(f, {}).items()}
            pending.append(client.submit(source_batch, batch, shared, meta, previous, pure=False))
            if len(pending) >= 2 * workers:
                journal.add(_take(pending.pop(0).result(), order, entries, inputs, timings, errors))
        for future in pending:
            journal.add(_take(future.result(), order, entries, inputs, timings, errors))
        head = {"stage": "run", "key_of_code": job.key_of_code}
        job.interim.write_bytes("run.json", (json.dumps({**head, "sources": dict(sorted(entries.items()))},
                                                        indent=1, sort_keys=True) + "\n").encode())
        journal.clear()
        live = [s for s in order if s in entries]
        manifest = _publish(shared, client, live, errors, timings, dataset=dataset, workers=workers,
                            weights=_weights(job.interim, live))
        manifest.update(_manifest_head(job, model_version, inputs, metadata_entry, manifest["rows"]["errors"],
                                       timings))
        manifest["engine"] = {"name": "dask", "workers": workers, "dataset": dataset}
        manifest["seconds_total"] = round(time.perf_counter() - started, 3)
        _commit(job.out, manifest)
    return manifest


def _take(summary: dict, order: list, entries: dict, inputs: dict, timings: dict, errors: ErrorLog) -> dict:
    """Record one batch's summary; return its sources' index entries."""
    taken = {}
    for problem in summary["problems"]:
        errors.add(stage="segment", source=problem["source"], line=problem["line"],
                   exc=RecordedError(problem["message"], problem["code"], problem["error_class"]))
    inputs.update(summary["files"])
    for row in summary["sources"]:
        order.append(row["source"])
        for stage, seconds in row["timings"].items():
            timings[stage] += seconds
        for error in row["errors"]:
            errors.add(stage=error["stage"], source=row["source"],
                       exc=RecordedError(error["message"], error["code"], error["error_class"]))
        if row["ok"]:
            entries[row["source"]] = taken[row["source"]] = {"key": row["key"], "sha256": row["sha256"],
                                                             "shard": shard_name(row["source"])}
    return taken


class Journal:
    """The run index in pieces, one small file per finished batch, so a killed run keeps its finished sources' keys.

    ``run.json`` is written once, at the end of the per-document phase; until then each
    batch's entries land in ``run.journal/`` (an object store has no append), which the
    next run reads over ``run.json`` and a finished run removes.
    """

    FOLDER = "run.journal"

    def __init__(self, interim: Store) -> None:
        self.interim = interim
        self.token = secrets.token_hex(4)
        self.count = 0

    def add(self, entries: dict) -> None:
        if entries:
            self.count += 1
            self.interim.write_bytes(f"{self.FOLDER}/{self.token}-{self.count:06d}.json",
                                     json.dumps(entries, sort_keys=True).encode(), durable=False)

    def read(self) -> dict:
        entries: dict = {}
        if self.interim.exists(self.FOLDER):
            folder = Store(f"{self.interim.location.rstrip('/')}/{self.FOLDER}")
            for name in folder.files(("*.json",)):
                entries.update(_read_json(folder, name) or {})
        return entries

    def clear(self) -> None:
        self.interim.remove(self.FOLDER)


def _publish(job, client, live: list[str], errors: ErrorLog, timings: dict, *, dataset: bool,
             workers: int, weights: dict[str, float]) -> dict:
    """Stage every table under a fresh prefix of ``--out`` from tasks on the workers; return the files' entries.

    ``job`` is the ``Job`` as a future held by every worker.

    Reconciliation runs in two levels: each partition reads its mention shards once and
    sends only its facts (one entry per distinct form) to the first global step, resolves
    its own rows against the merged facts, sends one tally per target to the second, and
    labels its own mentions; the big frames never leave the worker that read them, and the
    client gathers only file entries and timings.
    """
    staging = f".pipeline-publish.{secrets.token_hex(6)}"
    chunks = partitions(live, PARTITIONS_PER_WORKER * workers, weights) if live else [[]]
    submit = functools.partial(client.submit, pure=False)
    hosts = sorted(client.scheduler_info().get("workers", {}))

    def at(i: int):
        """``submit`` for partition ``i``'s tasks, on one worker by preference.

        Its rows are Python objects whose size Dask underestimates: left to itself the
        scheduler pickles them to whichever worker is free, which costs more than the task.
        """
        if not hosts:
            return submit
        return functools.partial(submit, workers=[hosts[i % len(hosts)]], allow_other_workers=True)

    def name(table: str, part: int | None) -> str:
        if part is None:
            return f"{staging}/{table}.parquet"
        return f"{staging}/{table}/part-{part:05d}.parquet"

    def part_name(table: str, i: int) -> str:
        """Partition ``i``'s file of ``table``: a part of a dataset, or a temporary part of a one-file table."""
        return name(table, i) if dataset else f"{staging}/{PARTS}/{table}-{i:05d}.parquet"

    # nine tasks per partition: each of its chained steps waits for a global step (or feeds
    # one only a small piece), and every step that always follows on the same worker shares a task
    read = [at(i)(reconcile_part, job, c) for i, c in enumerate(chunks)]
    facts = submit(merge_facts, *[at(i)(item, r, 1) for i, r in enumerate(read)])
    resolved = [at(i)(resolve_part, job, r, facts) for i, r in enumerate(read)]
    decisions = submit(decide, job, facts, *[at(i)(item, r, 1) for i, r in enumerate(resolved)])
    mentions = [at(i)(mentions_part, r, decisions) for i, r in enumerate(resolved)]
    entities = submit(entities_of, decisions, *[at(i)(item, m, 1) for i, m in enumerate(mentions)])

    # every table is written per partition, by the worker that holds the partition's rows or
    # reads its shards; a one-file table (and the errors) is then assembled from temporary
    # parts, which is cheap, so no frame travels to a writer and no writer reads every shard
    parts: dict[str, list] = defaultdict(list)
    for i, chunk in enumerate(chunks):
        parts["mentions"].append(at(i)(write_part, job, "mentions", part_name("mentions", i), mentions[i],
                                       final=dataset, spent="reconcile"))
        parts["claims"].append(at(i)(claims_part, job, chunk, mentions[i], entities, part_name("claims", i),
                                     final=dataset))
        names = {table: part_name(table, i) for table, _, _ in SHARDED_TABLES}
        names["errors"] = f"{staging}/{PARTS}/errors-{i:05d}.parquet"
        # the workers' warnings join the client's problems in a worker's write, not in the client
        parts["sources"].append(at(i)(sources_part, job, chunk, names, final=dataset))
    written = [submit(write_part, job, "entities", name("entities", 0 if dataset else None), entities,
                      spent="reconcile"),
               submit(assemble, job, "errors", name("errors", 0 if dataset else None), *parts["sources"],
                      rows=errors.rows)]
    if dataset:
        written += [f for futures in parts.values() for f in futures]
    else:
        tables = ("mentions", "claims", *(table for table, _, _ in SHARDED_TABLES))
        written += [submit(assemble, job, table, name(table, None),
                           *parts["sources" if table not in parts else table]) for table in tables]
    counts: dict[str, int] = defaultdict(int)
    files = {}
    for result in client.gather(written):
        for table, entry in result.items():
            if entry["name"].startswith(f"{staging}/{PARTS}/"):
                continue  # a partition's warnings, already joined into the errors table
            for stage, seconds in entry.get("stages", {}).items():
                timings[stage] += seconds
            timings["publish"] += entry["seconds"]
            relative = entry["name"][len(staging) + 1:]
            files[relative] = {"rows": entry["rows"], "sha256": entry["sha256"]}
            counts[table] += entry["rows"]
    return {"rows": {t: counts[t] for t in (*CONTRACT_TABLES, "errors")}, "files": files, "staging": staging}


@contextlib.contextmanager
def _locks(job: Job):
    """The local run's folder locks where ``--out`` and ``--interim`` are local; object stores have none."""
    from pipeline.run.workspace import Workspace, run_locks

    if job.out.local is None or job.interim.local is None:
        yield  # one writer per --out is then the caller's rule (README, "Clusters and object storage")
        return
    with run_locks(Workspace(job.raw.local or job.out.local, job.interim.local, job.out.local, job.config)):
        yield


def _discover(job: Job, errors: ErrorLog) -> tuple[dict[str, int], dict, dict | None]:
    """The input files with their sizes, ``sources.csv``'s rows and its manifest entry (name, SHA-256).

    A local folder is scanned as a local run scans it; ``sources.csv`` is read once.
    """
    import hashlib
    import tempfile
    from pathlib import Path

    from pipeline.run.html import HTML_PATTERNS
    from pipeline.run.records import RECORD_PATTERNS, is_record_file, scan_inputs
    from pipeline.run.sources import read_metadata

    settings = job.config.settings["input"]
    if job.raw.local is not None:
        files, unreadable = scan_inputs(job.raw.local, settings)
        for problem in unreadable:
            errors.add(stage="segment", source=problem.source, exc=problem)
        metadata, problems = read_metadata(job.raw.local, settings["metadata"])
        data = (job.raw.local / settings["metadata"]).read_bytes() if job.raw.exists(settings["metadata"]) else None
        sizes = {}
        for file in files:
            with contextlib.suppress(OSError):  # a file gone since the scan fails in its task, with its code
                sizes[file] = (job.raw.local / file).stat().st_size
            sizes.setdefault(file, 0)
    else:
        found = job.raw.files((settings["pattern"], *RECORD_PATTERNS, *HTML_PATTERNS))
        sizes = {n: size for n, size in found.items()
                 if not is_record_file(n, "") or is_record_file(n, settings["metadata"])}
        metadata, problems, data = {}, [], None
        if job.raw.exists(settings["metadata"]):  # small: read here, and each batch gets its own rows
            data = job.raw.read_bytes(settings["metadata"])
            with tempfile.TemporaryDirectory() as folder:
                (Path(folder) / settings["metadata"]).write_bytes(data)
                metadata, problems = read_metadata(Path(folder), settings["metadata"])
    for problem in problems:
        errors.add(stage="segment", source=problem.source, exc=problem, line=problem.line)
    entry = None if data is None else {"file": settings["metadata"], "sha256": hashlib.sha256(data).hexdigest()}
    return sizes, metadata, entry


def _batches(sizes: dict[str, int], batch_chars: int, *, known: set[str] = frozenset()):
    """Names in batches of about ``batch_chars`` bytes of work, by the sizes the listing gave (no file is opened).

    A ``known`` file (in the last index, under the same code) counts ``CHECK_FACTOR`` times
    less: it is most likely only checked.
    """
    batch, size = [], 0.0
    for file, bytes_ in sizes.items():
        batch.append(file)
        size += bytes_ / CHECK_FACTOR if file in known else bytes_
        if size >= batch_chars:
            yield batch
            batch, size = [], 0
    if batch:
        yield batch


def _by_file(by_source: dict) -> dict[str, dict]:
    """``{source: value}`` grouped by the input file each source comes from (a record's file, else itself)."""
    from pipeline.run.records import split_record_name

    grouped: dict[str, dict] = defaultdict(dict)
    for source, value in by_source.items():
        split = split_record_name(source)
        grouped[split[0] if split else source][source] = value
    return grouped


def _read_json(store: Store, name: str) -> dict | None:
    try:
        return json.loads(store.read_bytes(name))
    except (OSError, ValueError):
        return None


def _weights(interim: Store, sources: list[str]) -> dict[str, float]:
    """Each source's work in the corpus-wide stages: the bytes of the mention and claim-draft shards they read.

    Input bytes were a poor measure: on the 500,000-word benchmark a partition of many short
    files held twice the mentions and 2.6 times the claim drafts of one of few long files,
    and its reconcile and claims tasks were the run's critical path. Two listings (one
    request per thousand names on an object store), no file opened.
    """
    sizes = [Store(f"{interim.location.rstrip('/')}/{stage}").files(("*.parquet",))
             for stage in ("mentions", "claim_drafts")]
    return {s: float(sum(found.get(f"{shard_name(s)}.parquet", 0) for found in sizes)) for s in sources}


def _manifest_head(job: Job, model_version: str, inputs: dict[str, str], metadata: dict | None, errors: int,
                   timings: dict) -> dict:
    """The manifest's fields beside ``rows`` and ``files``, as a local run writes them, from the workers' summaries."""
    return manifest_fields(
        config=job.config, model_version=model_version,
        raw_dir=str(job.raw.local.resolve()) if job.raw.local is not None else job.raw.location,
        interim_dir=str(job.interim.local.resolve()) if job.interim.local is not None else job.interim.location,
        inputs=[{"source": f, "sha256": sha} for f, sha in sorted(inputs.items())], metadata=metadata,
        counts=None, errors=errors, timings=timings)


def _commit(out: Store, manifest: dict) -> None:
    """Publish the staged set: as a local run does on a folder of single files, else tables first, manifest last."""
    from pipeline.run.outputs import MANIFEST, commit

    staging = manifest.pop("staging")
    single = all("/" not in name for name in manifest["files"])
    if out.local is not None and single:
        commit(out.local, out.local / staging, manifest)
        for name in manifest["files"]:  # an earlier --dataset run's folder of parts (and nothing else) goes
            parts = out.local / name.removesuffix(".parquet")
            if parts.is_dir() and all(p.name.startswith("part-") for p in parts.iterdir()):
                out.remove(parts.name)
        return
    tables = sorted({name.split("/")[0] for name in manifest["files"]})
    for table in tables:
        # a table published in the other layout (one file, or a folder of parts) by an earlier run goes
        other = table.removesuffix(".parquet") if table.endswith(".parquet") else f"{table}.parquet"
        out.remove(other)
        out.move(f"{staging}/{table}", table)
    out.write_bytes(MANIFEST, (json.dumps(manifest, indent=2, sort_keys=True) + "\n").encode())
    out.remove(staging)
