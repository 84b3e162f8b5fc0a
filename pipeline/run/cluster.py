"""A Dask run in which the client only coordinates: it sends names and receives small summaries.

Workers read their sources from ``--raw``, write their shards to ``--interim``, and run the
corpus-wide stages too: the mention shards are read in partitions of sources, their distinct
forms analysed per partition, and grouped into entities on one worker (the one global step;
partitions reach it worker to worker, never through the client), and claims are resolved and
every table written per partition. The client lists the input folder, reads ``sources.csv``
and the run index (small), keeps at most two batches per worker in flight, and writes the
manifest from the summaries. Reconciliation's per-mention half (``row_features``: keys,
gazetteer look-ups, person names) runs per partition; only the grouping of all mentions runs
in one task.

Every location is a plain path or an fsspec URL (``pipeline.run.storage``). On a local
folder the set is published as a local run publishes it (staging folder, commit marker,
renames, under the folder locks); on an object store, which has neither locks nor renames,
the staging prefix is copied into place table by table and ``manifest.json`` is written
last: it is the commit marker, and a reader that checks its SHA-256s sees a half-moved set
as not one run.
"""
from __future__ import annotations

import contextlib
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


def features_part(job: Job, candidates: pd.DataFrame) -> tuple[dict, float]:
    """The per-mention half of reconciliation over one partition (its distinct forms only)."""
    from pipeline.run.extract import entity_lexicon
    from pipeline.stages.reconcile import row_features

    clock = time.perf_counter()
    return row_features(candidates, lexicon=entity_lexicon(job.config)), time.perf_counter() - clock


def reconcile_parts(job: Job, features: list[tuple], *parts: pd.DataFrame) -> tuple[pd.DataFrame, pd.DataFrame, float]:
    """The one global step: every partition's mention candidates into corpus entities and mentions."""
    from pipeline.run.extract import entity_lexicon
    from pipeline.stages.reconcile import reconcile

    clock = time.perf_counter()
    merged: dict = {}
    for part, _ in features:
        merged.update(part)
    entities, mentions = reconcile(pd.concat(parts, ignore_index=True), lexicon=entity_lexicon(job.config),
                                   features=merged)
    return entities, mentions, time.perf_counter() - clock + sum(seconds for _, seconds in features)


def claims_part(job: Job, sources: list[str], reconciled: tuple) -> tuple[pd.DataFrame, float]:
    """Resolve one partition's claim drafts against the corpus entities (drafts only use their own mentions)."""
    from pipeline.run.extract import claim_rules
    from pipeline.stages.claims import resolve_claims

    entities, mentions, _ = reconciled
    clock = time.perf_counter()
    drafts = read_part(job, "claim_drafts", "claim_drafts", sources)
    own = mentions[mentions["source"].isin(set(sources))]
    claims = resolve_claims(drafts, own, entities, rules=claim_rules(job.config))
    return claims, time.perf_counter() - clock


def write_part(job: Job, table: str, name: str, *parts) -> dict:
    """Write one table file (a whole table, or one part of a dataset) from frames or (frame, seconds) pairs."""
    clock = time.perf_counter()
    frames = [p[0] if isinstance(p, tuple) else p for p in parts]
    frame = pd.concat(frames, ignore_index=True) if len(frames) > 1 else frames[0]  # list[dict] for ``errors``
    rows, sha = job.out.write_table(table, frame, name, digest=True)
    return {"name": name, "rows": rows, "sha256": sha, "seconds": time.perf_counter() - clock}


def sharded_part(job: Job, table: str, stage: str, suffix: str, sources: list[str], name: str) -> dict:
    """Write a per-source table (or one part of it) straight from the shards of ``sources``."""
    frame = read_part(job, table, stage, sources, suffix)
    if table == "documents":
        frame = apply_anchors(frame, read_part(job, "anchors", "dates", sources, "anchors.parquet"))
    return write_part(job, table, name, frame)


def item(pair: tuple, index: int):
    """One element of a task's tuple result, taken on the worker that holds it."""
    return pair[index]


def mentions_of(reconciled: tuple, sources: list[str] | None = None) -> pd.DataFrame:
    mentions = reconciled[1]
    return mentions if sources is None else mentions[mentions["source"].isin(set(sources))]


def warnings_of(job: Job, sources: list[str]) -> list[dict]:
    return read_part(job, "errors", "quantities", sources, WARNINGS_SUFFIX).to_dict("records")


# ---------------------------------------------------------------------------------------------
# client side


def partitions(sources: list[str], parts: int) -> list[list[str]]:
    """``sources`` in ``parts`` contiguous runs of nearly equal length (none empty)."""
    parts = max(1, min(parts, len(sources)))
    size, extra = divmod(len(sources), parts)
    out, start = [], 0
    for index in range(parts):
        end = start + size + (1 if index < extra else 0)
        out.append(sources[start:end])
        start = end
    return [p for p in out if p]


def run_cluster(job: Job, client, *, errors: ErrorLog, model_version: str, dataset: bool = False,
                batch_chars: int = 50_000, workers: int = 2) -> dict:
    """Run every stage on the cluster behind ``client``; return the manifest (the client holds no rows)."""
    started = time.perf_counter()
    timings: dict[str, float] = defaultdict(float)
    with _locks(job):
        sizes, metadata = _discover(job, errors)
        index = _read_json(job.interim, "run.json") or {"sources": {}}
        # by input file, so that each batch's share is found without a pass over the corpus
        meta_of, previous_of = _by_file(metadata), _by_file({s: e.get("key") for s, e in index["sources"].items()})
        order: list[str] = []
        entries: dict[str, dict] = {}
        inputs: dict[str, str] = {}
        pending = []
        for batch in _batches(sizes, batch_chars):
            meta = {s: m for f in batch for s, m in meta_of.get(f, {}).items()}
            previous = {s: k for f in batch for s, k in previous_of.get(f, {}).items()}
            pending.append(client.submit(source_batch, batch, job, meta, previous, pure=False))
            if len(pending) >= 2 * workers:
                _take(pending.pop(0).result(), order, entries, inputs, timings, errors)
        for future in pending:
            _take(future.result(), order, entries, inputs, timings, errors)
        job.interim.write_bytes("run.json", (json.dumps({"stage": "run", "sources": dict(sorted(entries.items()))},
                                                        indent=1, sort_keys=True) + "\n").encode())
        live = [s for s in order if s in entries]
        manifest = _publish(job, client, live, errors, timings, dataset=dataset, workers=workers)
        manifest.update(_manifest_head(job, model_version, inputs, errors, timings))
        manifest["engine"] = {"name": "dask", "workers": workers, "dataset": dataset}
        manifest["seconds_total"] = round(time.perf_counter() - started, 3)
        _commit(job.out, manifest)
    return manifest


def _take(summary: dict, order: list, entries: dict, inputs: dict, timings: dict, errors: ErrorLog) -> None:
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
            entries[row["source"]] = {"key": row["key"], "sha256": row["sha256"], "shard": shard_name(row["source"])}


def _publish(job: Job, client, live: list[str], errors: ErrorLog, timings: dict, *, dataset: bool,
             workers: int) -> dict:
    """Stage every table under a fresh prefix of ``--out`` from tasks on the workers; return the files' entries."""
    staging = f".pipeline-publish.{secrets.token_hex(6)}"
    chunks = partitions(live, 2 * workers) if live else [[]]
    submit = client.submit
    mention_parts = [submit(read_part, job, "mention_candidates", "mentions", c, pure=False) for c in chunks]
    features = [submit(features_part, job, part, pure=False) for part in mention_parts]
    reconciled = submit(reconcile_parts, job, features, *mention_parts, pure=False)
    claims = [submit(claims_part, job, c, reconciled, pure=False) for c in chunks]
    written = []

    def name(table: str, part: int | None) -> str:
        return f"{staging}/{table}.parquet" if part is None else f"{staging}/{table}/part-{part:05d}.parquet"

    entities = submit(item, reconciled, 0, pure=False)
    written.append(submit(write_part, job, "entities", name("entities", 0 if dataset else None), entities, pure=False))
    if dataset:
        for i, chunk in enumerate(chunks):
            mentions = submit(mentions_of, reconciled, chunk, pure=False)
            written.append(submit(write_part, job, "mentions", name("mentions", i), mentions, pure=False))
            written.append(submit(write_part, job, "claims", name("claims", i), claims[i], pure=False))
            for table, stage, suffix in SHARDED_TABLES:
                written.append(submit(sharded_part, job, table, stage, suffix, chunk, name(table, i), pure=False))
    else:
        written.append(submit(write_part, job, "mentions", name("mentions", None),
                              submit(mentions_of, reconciled, pure=False), pure=False))
        written.append(submit(write_part, job, "claims", name("claims", None), *claims, pure=False))
        for table, stage, suffix in SHARDED_TABLES:
            written.append(submit(sharded_part, job, table, stage, suffix, live, name(table, None), pure=False))
    warnings = client.gather([submit(warnings_of, job, c, pure=False) for c in chunks])
    errors.rows.extend(row for part in warnings for row in part)
    written.append(submit(write_part, job, "errors", name("errors", 0 if dataset else None), errors.rows, pure=False))
    entries = client.gather(written)
    timings["reconcile"] += submit(item, reconciled, 2, pure=False).result()
    timings["claims"] += sum(client.gather([submit(item, part, 1, pure=False) for part in claims]))
    timings["publish"] += sum(e["seconds"] for e in entries)
    counts: dict[str, int] = defaultdict(int)
    files = {}
    for entry in entries:
        relative = entry["name"][len(staging) + 1:]
        files[relative] = {"rows": entry["rows"], "sha256": entry["sha256"]}
        counts[relative.split("/")[0].removesuffix(".parquet")] += entry["rows"]
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


def _discover(job: Job, errors: ErrorLog) -> tuple[dict[str, int], dict]:
    """The input files with their sizes, and ``sources.csv``; a local folder is scanned as a local run scans it."""
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
        sizes = {}
        for file in files:
            with contextlib.suppress(OSError):  # a file gone since the scan fails in its task, with its code
                sizes[file] = (job.raw.local / file).stat().st_size
            sizes.setdefault(file, 0)
    else:
        found = job.raw.files((settings["pattern"], *RECORD_PATTERNS, *HTML_PATTERNS))
        sizes = {n: size for n, size in found.items()
                 if not is_record_file(n, "") or is_record_file(n, settings["metadata"])}
        metadata, problems = {}, []
        if job.raw.exists(settings["metadata"]):  # small: read here, and each batch gets its own rows
            with tempfile.TemporaryDirectory() as folder:
                (Path(folder) / settings["metadata"]).write_bytes(job.raw.read_bytes(settings["metadata"]))
                metadata, problems = read_metadata(Path(folder), settings["metadata"])
    for problem in problems:
        errors.add(stage="segment", source=problem.source, exc=problem, line=problem.line)
    return sizes, metadata


def _batches(sizes: dict[str, int], batch_chars: int):
    """Names in batches of about ``batch_chars`` bytes, by the sizes the listing gave (no file is opened)."""
    batch, size = [], 0
    for file, bytes_ in sizes.items():
        batch.append(file)
        size += bytes_
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


def _manifest_head(job: Job, model_version: str, inputs: dict[str, str], errors: ErrorLog, timings: dict) -> dict:
    """The manifest's fields beside ``rows`` and ``files``, as a local run writes them, from the workers' summaries."""
    import hashlib

    metadata_name = job.config.settings["input"]["metadata"]
    metadata = None
    if job.raw.exists(metadata_name):
        metadata = {"file": metadata_name, "sha256": hashlib.sha256(job.raw.read_bytes(metadata_name)).hexdigest()}
    return manifest_fields(
        config=job.config, model_version=model_version,
        raw_dir=str(job.raw.local.resolve()) if job.raw.local is not None else job.raw.location,
        interim_dir=str(job.interim.local.resolve()) if job.interim.local is not None else job.interim.location,
        inputs=[{"source": f, "sha256": sha} for f, sha in sorted(inputs.items())], metadata=metadata,
        counts=None, errors=len(errors.rows), timings=timings)


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
