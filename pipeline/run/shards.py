"""Per-source interim shards: write one source's rows of every stage, read one table's shards back."""
from __future__ import annotations

from collections.abc import Iterable, Sequence
from pathlib import Path

import pandas as pd

from pipeline.core.schema import empty_frame, read_table
from pipeline.run.sources import shard_name
from pipeline.run.storage import Store
from pipeline.run.workspace import TEXTS_SUFFIX, Workspace


def write_source_shards(interim_dir: Path | Store, result) -> None:
    """Write one source's rows for every per-source stage under ``interim_dir`` (a folder or a Store; each file atomically)."""
    store = interim_dir if isinstance(interim_dir, Store) else Store(interim_dir)
    tables = result.tables
    stem = shard_name(result.source)

    def put(table: str, rows, stage: str, suffix: str = "parquet") -> None:
        store.write_table(table, rows, f"{stage}/{stem}.{suffix}", durable=False)

    put("documents", tables["documents"], "segment", "documents.parquet")
    put("sentences", tables["sentences"], "segment")
    put("texts", tables["texts"], "segment", TEXTS_SUFFIX)
    store.write_bytes(f"nlp/{stem}.spacy", result.docbin, durable=False)
    put("anchors", tables["anchors"], "dates", "anchors.parquet")
    put("dates", tables["dates"], "dates")
    put("quantities", tables["quantities"], "quantities")
    put("errors", tables.get("warnings", []), "quantities", WARNINGS_SUFFIX)
    put("mention_candidates", tables["mention_candidates"], "mentions")
    put("claim_drafts", tables["claim_drafts"], "claim_drafts")


def concat_tables(name: str, paths: Iterable[Path]) -> pd.DataFrame:
    frames = [read_table(name, path) for path in paths if path.exists()]
    frames = [f for f in frames if len(f)]
    if not frames:
        return empty_frame(name)
    return pd.concat(frames, ignore_index=True)


#: per-source ``errors`` rows that did not fail the source, published with the run's errors
WARNINGS_SUFFIX = "warnings.parquet"

#: per-source tables: (output name, stage folder, shard suffix)
SHARDED_TABLES = (
    ("documents", "segment", "documents.parquet"),
    ("sentences", "segment", "parquet"),
    ("texts", "segment", TEXTS_SUFFIX),
    ("dates", "dates", "parquet"),
    ("quantities", "quantities", "parquet"),
)


def read_shards(ws: Workspace, name: str, stage: str, sources: Sequence[str], suffix: str = "parquet") -> pd.DataFrame:
    """One table's shards of ``sources``, concatenated in source order."""
    return concat_tables(name, (ws.shard(stage, s, suffix) for s in sources))
