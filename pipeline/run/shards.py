"""Per-source interim shards: write one source's rows of every stage, read one table's shards back."""
from __future__ import annotations

from collections.abc import Iterable, Sequence
from pathlib import Path

import pandas as pd

from pipeline.core.schema import empty_frame, read_table, write_bytes_atomic, write_table
from pipeline.run.workspace import TEXTS_SUFFIX, Workspace, shard_path


def write_source_shards(interim_dir: Path, result) -> None:
    """Write one source's rows for every per-source stage under ``interim_dir`` (each file atomically)."""
    source = result.source
    tables = result.tables

    def shard(stage: str, suffix: str = "parquet") -> Path:
        return shard_path(interim_dir, stage, source, suffix)

    write_table("documents", tables["documents"], shard("segment", "documents.parquet"), durable=False)
    write_table("sentences", tables["sentences"], shard("segment"), durable=False)
    write_table("texts", tables["texts"], shard("segment", TEXTS_SUFFIX), durable=False)
    write_bytes_atomic(result.docbin, shard("nlp", "spacy"), durable=False)
    write_table("anchors", tables["anchors"], shard("dates", "anchors.parquet"), durable=False)
    write_table("dates", tables["dates"], shard("dates"), durable=False)
    write_table("quantities", tables["quantities"], shard("quantities"), durable=False)
    write_table("errors", tables.get("warnings", []), shard("quantities", WARNINGS_SUFFIX), durable=False)
    write_table("mention_candidates", tables["mention_candidates"], shard("mentions"), durable=False)
    write_table("claim_drafts", tables["claim_drafts"], shard("claim_drafts"), durable=False)


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
