"""Every Parquet table's schema, defined once, and the one function that writes them.

``write_table`` checks column names, types and nullability against the schema,
sorts span tables by ``(source, start, end)``, stamps ``schema_version`` in the
file metadata and replaces the file atomically (temporary file, fsync, rename),
so an interrupted run never leaves a half-written table behind.
"""
from __future__ import annotations

import os
import tempfile

# mkstemp creates 0600 files; published tables should get the usual umask-respecting mode
_UMASK = os.umask(0)
os.umask(_UMASK)
_FILE_MODE = 0o666 & ~_UMASK
from pathlib import Path

import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.parquet as pq

SCHEMA_VERSION = "1"

_str = pa.string()
_i64 = pa.int64()
_f64 = pa.float64()
_date = pa.date32()
_bool = pa.bool_()
_strlist = pa.list_(pa.string())


def _f(name: str, type_: pa.DataType, nullable: bool = False) -> pa.Field:
    return pa.field(name, type_, nullable=nullable)


SPAN_FIELDS = [
    _f("doc_id", _str),
    _f("source", _str),
    _f("start", _i64),
    _f("end", _i64),
    _f("text", _str),
    _f("sentence_id", _str, True),
]

SCHEMAS: dict[str, pa.Schema] = {
    "documents": pa.schema([
        _f("doc_id", _str),
        _f("source", _str),
        _f("start", _i64),
        _f("end", _i64),
        _f("title", _str, True),
        _f("published", _date, True),
        _f("published_from", _str, True),
        _f("published_precision", _str, True),
        _f("published_evidence", _str, True),
        _f("encoding", _str),
        _f("sha256", _str),
        _f("article", _i64),
    ]),
    "sentences": pa.schema([
        _f("sentence_id", _str),
        _f("doc_id", _str),
        _f("source", _str),
        _f("start", _i64),
        _f("end", _i64),
        _f("text", _str),
        _f("paragraph", _i64),
        _f("boilerplate", _bool),
        _f("boilerplate_reason", _str, True),
    ]),
    "entities": pa.schema([
        _f("entity_id", _str),
        _f("name", _str),
        _f("label", _str),
        _f("aliases", _strlist),
        _f("mentions", _i64),
        _f("documents", _i64),
        _f("kb_id", _str, True),
        _f("label_evidence", _str, True),
    ]),
    "mentions": pa.schema([
        _f("mention_id", _str),
        _f("entity_id", _str),
        *SPAN_FIELDS,
        _f("label", _str),
        _f("detector", _str),
        _f("link", _str, True),
    ]),
    # interim: mentions as detected in one article, before corpus-wide reconciliation
    "mention_candidates": pa.schema([
        _f("mention_id", _str),
        *SPAN_FIELDS,
        _f("label", _str),
        _f("detector", _str),
        _f("canonical_hint", _str, True),
        _f("kb_id", _str, True),
        _f("evidence", _str, True),
    ]),
    "dates": pa.schema([
        _f("date_id", _str),
        *SPAN_FIELDS,
        _f("tclass", _str),
        _f("value", _str, True),
        _f("range_start", _date, True),
        _f("range_end", _date, True),
        _f("granularity", _str, True),
        _f("anchored", _bool),
        _f("anchor", _date, True),
        _f("mod", _str, True),
        _f("reference", _str, True),
    ]),
    "quantities": pa.schema([
        _f("quantity_id", _str),
        *SPAN_FIELDS,
        _f("kind", _str),
        _f("value", _f64, True),
        _f("value_low", _f64, True),
        _f("value_high", _f64, True),
        _f("unit", _str, True),
        _f("approx", _str, True),
        _f("unit_rule", _str, True),
        _f("si_value", _f64, True),
        _f("si_unit", _str, True),
    ]),
    "claims": pa.schema([
        _f("claim_id", _str),
        *SPAN_FIELDS,
        _f("subject_entity_id", _str, True),
        _f("subject", _str, True),
        _f("predicate", _str, True),
        _f("quantity_ids", _strlist),
        _f("date_ids", _strlist),
        _f("entity_ids", _strlist),
        _f("speaker_entity_id", _str, True),
        _f("speaker", _str, True),
        _f("kind", _str),
        _f("subject_mention_id", _str, True),
        _f("subject_rule", _str, True),
        _f("speaker_mention_id", _str, True),
        _f("confidence", _f64),
        _f("confidence_evidence", _str, True),
    ]),
    # interim: the publication date each article was anchored to (after inference)
    "anchors": pa.schema([
        _f("doc_id", _str),
        _f("published", _date, True),
        _f("published_from", _str, True),
        _f("published_precision", _str, True),
        _f("published_evidence", _str, True),
    ]),
    # interim: claims of one article before mentions are resolved to corpus entities
    "claim_drafts": pa.schema([
        _f("claim_id", _str),
        *SPAN_FIELDS,
        _f("subject_mention_id", _str, True),
        _f("subject", _str, True),
        _f("predicate", _str, True),
        _f("quantity_ids", _strlist),
        _f("date_ids", _strlist),
        _f("mention_ids", _strlist),
        _f("speaker_mention_id", _str, True),
        _f("speaker", _str, True),
        _f("kind", _str),
        _f("subject_rule", _str, True),
        _f("confidence", _f64),
        _f("confidence_evidence", _str, True),
    ]),
    # the decoded text every span of a source indexes into (for a record or an HTML page, its text)
    "texts": pa.schema([
        _f("source", _str),
        _f("text", _str),
    ]),
    "errors": pa.schema([
        _f("source", _str, True),
        _f("stage", _str),
        _f("error_class", _str),
        _f("code", _str),
        _f("severity", _str),
        _f("message", _str),
        _f("line", _i64, True),
    ]),
}

#: tables whose rows are spans of a source, sorted by (source, start, end)
SPAN_TABLES = ("documents", "sentences", "mentions", "mention_candidates", "claim_drafts", "dates", "quantities", "claims")
#: tables of the output contract (errors is written beside them)
CONTRACT_TABLES = ("documents", "sentences", "entities", "mentions", "dates", "quantities", "claims", "texts")
ID_COLUMN = {
    "mention_candidates": "mention_id",
    "claim_drafts": "claim_id",
    "documents": "doc_id", "sentences": "sentence_id", "entities": "entity_id",
    "mentions": "mention_id", "dates": "date_id", "quantities": "quantity_id",
    "claims": "claim_id", "texts": "source",
}


class SchemaError(ValueError):
    """A table does not match its declared schema (E100-E103)."""


def to_arrow(name: str, rows: pd.DataFrame | list[dict]) -> pa.Table:
    """Convert rows to an Arrow table of schema ``name``, checking columns and nulls.

    Span tables come back sorted by ``(source, start, end, id)``.
    """
    schema = SCHEMAS[name]
    table = _from_frame(name, schema, rows) if isinstance(rows, pd.DataFrame) else _from_rows(name, schema, rows)
    return arrow_rows(name, table)


def arrow_rows(name: str, table: pa.Table) -> pa.Table:
    """Check an Arrow table of schema ``name`` for nulls, sort it as ``to_arrow`` does and stamp its metadata.

    Tables read back from shards or parts (``read_arrow``) go through this alone, without
    pandas, and give the same Parquet bytes as ``to_arrow`` of the same rows.
    """
    schema = SCHEMAS[name]
    if table.schema.remove_metadata() != schema.remove_metadata():
        raise SchemaError(f"[E102] table {name!r} does not fit its schema: {table.schema} is not {schema}")
    for field in schema:
        if not field.nullable and table.column(field.name).null_count:
            raise SchemaError(
                f"[E103] table {name!r} column {field.name!r} has "
                f"{table.column(field.name).null_count} nulls but is declared non-null"
            )
    if name in SPAN_TABLES and table.num_rows > 1:
        keys = [("source", "ascending"), ("start", "ascending"), ("end", "ascending"),
                (ID_COLUMN.get(name, "source"), "ascending")]
        table = table.take(pc.sort_indices(table, sort_keys=keys))
    elif name == "texts" and table.num_rows > 1:
        table = table.take(pc.sort_indices(table, sort_keys=[("source", "ascending")]))
    metadata = {b"schema_version": SCHEMA_VERSION.encode(), b"table": name.encode()}
    return table.replace_schema_metadata(metadata)


def _from_frame(name: str, schema: pa.Schema, frame: pd.DataFrame) -> pa.Table:
    missing = [c for c in schema.names if c not in frame.columns]
    if missing:
        raise SchemaError(f"[E100] table {name!r} lacks columns {missing}")
    extra = [c for c in frame.columns if c not in schema.names]
    if extra:
        raise SchemaError(f"[E101] table {name!r} has undeclared columns {extra}; declare them in pipeline/schema.py")
    frame = frame[schema.names]
    for field in schema:
        if not field.nullable and len(frame) and not pa.types.is_list(field.type):
            nulls = int(frame[field.name].isna().sum())
            if nulls:
                raise SchemaError(f"[E103] table {name!r} column {field.name!r} has {nulls} nulls but is declared non-null")
    try:
        return pa.Table.from_pandas(frame, schema=schema, preserve_index=False, safe=True)
    except (pa.ArrowInvalid, pa.ArrowTypeError, TypeError, ValueError) as exc:
        raise SchemaError(f"[E102] table {name!r} does not fit its schema: {exc}") from exc


def _from_rows(name: str, schema: pa.Schema, rows: list[dict]) -> pa.Table:
    """Column-wise conversion of row dicts (no pandas: this runs once per source and table)."""
    expected = set(schema.names)
    for index, row in enumerate(rows):
        if row.keys() != expected:
            missing = sorted(expected - set(row))
            if missing:
                raise SchemaError(f"[E100] table {name!r} row {index} lacks columns {missing}")
            raise SchemaError(f"[E101] table {name!r} row {index} has undeclared columns "
                              f"{sorted(set(row) - expected)}; declare them in pipeline/schema.py")
    columns = []
    for field in schema:
        values = [row[field.name] for row in rows]
        try:
            columns.append(pa.array(values, type=field.type, from_pandas=True))
        except (pa.ArrowInvalid, pa.ArrowTypeError, TypeError, ValueError, OverflowError) as exc:
            raise SchemaError(f"[E102] table {name!r} column {field.name!r} does not fit {field.type}: {exc}") from exc
    return pa.Table.from_arrays(columns, schema=schema)


def write_table(name: str, rows: pd.DataFrame | list[dict], path: str | os.PathLike, *, durable: bool = True) -> int:
    """Check ``rows`` against schema ``name`` and atomically replace ``path``; return the row count.

    ``durable=False`` skips the fsync: the rename alone keeps the file whole when a
    process is killed; the fsync adds survival of a power cut, worth it for outputs
    but not for interim shards that a rerun rebuilds.
    """
    table = to_arrow(name, rows)
    write_arrow_atomic(table, Path(path), durable=durable)
    return table.num_rows


def write_arrow_atomic(table: pa.Table, path: Path, *, durable: bool = True) -> None:
    """Write ``table`` as Parquet to ``path`` atomically (see ``replace_atomically``)."""
    # zstd, statistics, no timestamps: the same rows always give the same bytes
    replace_atomically(path, lambda tmp: pq.write_table(table, tmp, compression="zstd", write_statistics=True,
                                                        store_schema=True), durable=durable)


def write_bytes_atomic(data: bytes, path: Path, *, durable: bool = True) -> None:
    """Atomically replace ``path`` with ``data`` (for JSON sidecars, DocBins and the report page)."""
    replace_atomically(path, lambda tmp: Path(tmp).write_bytes(data), durable=durable)


#: the ending of every temporary file the writers create: cleanup after a killed run removes
#: only names ending so (``.<name>.<8 random>.pipeline-tmp``), never a user's own ``*.tmp``
TEMP_SUFFIX = ".pipeline-tmp"


def replace_atomically(path: Path, write, *, durable: bool = True) -> None:
    """Let ``write(tmp_path)`` fill a temporary file beside ``path``, then rename it over ``path``.

    A reader sees the old file or the new one, never half of one, whenever the writing
    process is killed. ``durable`` adds an fsync before the rename so the new file also
    survives a power cut.
    """
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp_name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=TEMP_SUFFIX, dir=path.parent)
    os.close(fd)
    try:
        write(tmp_name)
        if durable:
            with open(tmp_name, "rb") as handle:
                os.fsync(handle.fileno())
        os.chmod(tmp_name, _FILE_MODE)
        os.replace(tmp_name, path)
    except BaseException:
        Path(tmp_name).unlink(missing_ok=True)
        raise


def read_table(name: str, path: str | os.PathLike) -> pd.DataFrame:
    """Read a table written by ``write_table`` into pandas (lists as Python lists)."""
    table = pq.read_table(path, schema=SCHEMAS[name])
    return table.to_pandas(types_mapper=None)


def read_arrow(name: str, path) -> pa.Table:
    """Read a table written by ``write_table`` as Arrow, in its declared schema (no pandas)."""
    return pq.read_table(path, schema=SCHEMAS[name])


def empty_frame(name: str) -> pd.DataFrame:
    """An empty DataFrame with the columns of table ``name``."""
    return SCHEMAS[name].empty_table().to_pandas()
