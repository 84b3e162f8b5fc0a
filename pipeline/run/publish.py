"""The corpus-wide end of a run: reconcile, resolve claims, and write the contract tables and manifest."""
from __future__ import annotations

import time
from collections.abc import Sequence

import pandas as pd

from pipeline import __version__
from pipeline.core.schema import CONTRACT_TABLES, SCHEMA_VERSION, write_table
from pipeline.run.extract import claim_rules, entity_lexicon
from pipeline.run.outputs import checkpoint, commit, file_entry, new_staging
from pipeline.run.shards import SHARDED_TABLES, WARNINGS_SUFFIX, read_shards
from pipeline.run.workspace import Workspace


def apply_anchors(documents: pd.DataFrame, anchors: pd.DataFrame) -> pd.DataFrame:
    """Fill undated articles' publication dates with the ones the dates stage inferred."""
    if not len(anchors):
        return documents
    documents = documents.copy()
    lookup = anchors.set_index("doc_id")
    mask = documents["doc_id"].isin(lookup.index) & documents["published"].isna()
    for column in ("published", "published_from", "published_precision", "published_evidence"):
        documents.loc[mask, column] = documents.loc[mask, "doc_id"].map(lookup[column])
    return documents


def finish(ws: Workspace, sources: Sequence[str], *, model_version: str, extra: dict | None = None,
           started: float | None = None) -> dict:
    """Reconcile entities and resolve claims over the shards of ``sources``, then publish."""
    from pipeline.stages.claims import resolve_claims
    from pipeline.stages.reconcile import reconcile

    clock = time.perf_counter()
    entities, mentions = reconcile(read_shards(ws, "mention_candidates", "mentions", sources),
                                   lexicon=entity_lexicon(ws.config))
    ws.timings["reconcile"] += time.perf_counter() - clock
    clock = time.perf_counter()
    claims = resolve_claims(read_shards(ws, "claim_drafts", "claim_drafts", sources), mentions, entities,
                            rules=claim_rules(ws.config))
    ws.timings["claims"] += time.perf_counter() - clock
    return publish(ws, {"entities": entities, "mentions": mentions, "claims": claims}, sources,
                   model_version=model_version, extra=extra, started=started)


def publish(ws: Workspace, global_tables: dict[str, pd.DataFrame], sources: Sequence[str], *,
            model_version: str, extra: dict | None = None, started: float | None = None) -> dict:
    """Write the contract tables, ``errors.parquet`` and ``manifest.json`` into the output folder, as one set.

    Everything is written into a staging folder inside the output folder and moved into
    place only once complete (``pipeline.run.outputs``): a reader sees the previous run
    or this one, whenever this process is killed. Call with the output lock held.
    The per-source tables are read from their shards one table at a time and the
    corpus-wide ones are dropped once written, so the peak holds one table, not all.
    ``extra`` joins the manifest; ``started`` (a ``perf_counter`` reading) gives its ``seconds_total``.
    """
    clock = time.perf_counter()
    staging = new_staging(ws.out_dir)
    counts = {}

    def write(name: str, frame) -> None:
        counts[name] = write_table(name, frame, staging / f"{name}.parquet")
        checkpoint(f"staged:{name}")

    for name in ("entities", "mentions", "claims"):
        write(name, global_tables.pop(name))
    for name, stage, suffix in SHARDED_TABLES:
        frame = read_shards(ws, name, stage, sources, suffix)
        if name == "documents":
            frame = apply_anchors(frame, read_shards(ws, "anchors", "dates", sources, "anchors.parquet"))
        write(name, frame)
        del frame
    # read from the shards, so a source reused from an earlier run still reports its warnings
    ws.errors.rows.extend(read_shards(ws, "errors", "quantities", sources, WARNINGS_SUFFIX).to_dict("records"))
    write("errors", ws.errors.rows)
    counts = {name: counts[name] for name in (*CONTRACT_TABLES, "errors")}
    ws.timings["publish"] += time.perf_counter() - clock
    manifest = build_manifest(ws, sources, counts, model_version=model_version)
    manifest["files"] = {f"{name}.parquet": file_entry(staging / f"{name}.parquet", rows)
                         for name, rows in counts.items()}
    manifest.update(extra or {})
    if started is not None:
        manifest["seconds_total"] = round(time.perf_counter() - started, 3)
    commit(ws.out_dir, staging, manifest)
    return manifest


def build_manifest(ws: Workspace, sources: Sequence[str], counts: dict[str, int], *, model_version: str) -> dict:
    """Versions, configuration hash, inputs with hashes, row counts and seconds per stage."""
    from pipeline.run.records import split_record_name
    from pipeline.run.sources import file_sha256

    inputs, files = [], []
    for source in sources:
        # a record's input is its file: listed once, however many records it holds
        split = split_record_name(source) if not (ws.raw_dir / source).is_file() else None
        file = split[0] if split else source
        if file not in files:
            files.append(file)
    for file in files:
        inputs.append({"source": file, "sha256": file_sha256(ws.raw_dir / file)})
    metadata_path = ws.raw_dir / ws.config.settings["input"]["metadata"]
    metadata = {"file": metadata_path.name, "sha256": file_sha256(metadata_path)} if metadata_path.is_file() else None
    return manifest_fields(config=ws.config, model_version=model_version, raw_dir=str(ws.raw_dir.resolve()),
                           interim_dir=str(ws.interim_dir.resolve()), inputs=inputs, metadata=metadata,
                           counts=counts, errors=len(ws.errors.rows), timings=ws.timings)


def manifest_fields(*, config, model_version: str, raw_dir: str, interim_dir: str, inputs: list[dict],
                    metadata: dict | None, counts: dict[str, int] | None, errors: int, timings: dict) -> dict:
    """The manifest's fields beside ``files``, for a local run and a cluster run alike (``counts`` None: no ``rows``)."""
    import spacy

    manifest = {
        "package": {"name": "pipeline", "version": __version__},
        "versions": {"spacy": spacy.__version__, "model": model_version, "pandas": pd.__version__,
                     "pyarrow": __import__("pyarrow").__version__, "dateparser": __import__("dateparser").__version__},
        "config": {"path": str(config.path), "sha256": config.digest},
        "schema_version": SCHEMA_VERSION,
        "raw_dir": raw_dir,
        # where the run's serialized Docs are, for ``Tables.doc``
        "interim_dir": interim_dir,
        "inputs": inputs,
        "metadata": metadata,
        "rows": counts,
        "errors": errors,
        "seconds": {stage: round(seconds, 3) for stage, seconds in sorted(timings.items())},
        "currency_rules": "unit_rule column of quantities.parquet records the rule that decided each unit",
    }
    if counts is None:
        del manifest["rows"]
    return manifest
