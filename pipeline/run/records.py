"""Record files: ``.jsonl``, ``.csv`` and ``.parquet`` inputs holding one source per record.

Each record becomes a source named ``<file>#<id>`` (its ``id`` field, else its 1-based line
(JSONL) or row (CSV, Parquet) number) whose decoded text is exactly the record's ``text``:
the rest of the pipeline sees it as one more decoded source, so every span's offsets count
from the start of the record's text. ``published``, ``title`` and ``url`` act like a
``sources.csv`` row for it. A bad record is an error of its own and costs no other record.
"""
from __future__ import annotations

import csv
import hashlib
import io
import json
import os
from dataclasses import dataclass
from pathlib import Path

from pipeline.run.sources import (
    DecodedSource, InputError, decode_bytes, fill_metadata, parse_published, read_input, resolve_inside,
)
from pipeline.stages.segment import SourceMetadata

#: globs (beside ``input.pattern``) whose files are read as records; the metadata file is never one
RECORD_PATTERNS = ("*.jsonl", "*.csv", "*.parquet")
RECORD_SUFFIXES = (".jsonl", ".csv", ".parquet")
RECORD_FIELDS = ("id", "text", "published", "title", "url")


@dataclass(frozen=True)
class Record:
    """One record of a record file, decoded: the source it is, its metadata and where it sits in the file."""

    decoded: DecodedSource
    metadata: SourceMetadata | None
    line: int

    @property
    def source(self) -> str:
        return self.decoded.source


def is_record_file(name: str, metadata_name: str) -> bool:
    return name.lower().endswith(RECORD_SUFFIXES) and os.path.basename(name) != metadata_name


def split_record_name(source: str) -> tuple[str, str] | None:
    """``(file, id)`` for a record's source name ``<file>#<id>``, else None.

    The first ``#`` that follows a record file's suffix splits it, so a ``#`` inside the
    file name before the suffix, or inside the record's id, is kept where it belongs.
    """
    at = source.find("#")
    while at != -1:
        if source[:at].lower().endswith(RECORD_SUFFIXES):
            return source[:at], source[at + 1:]
        at = source.find("#", at + 1)
    return None


def parse_records(data: bytes, file: str, *, max_chars: int) -> tuple[list[Record], list[InputError]]:
    """Every good record of one record file's bytes, and one InputError per bad record (or for the whole file)."""
    kind = file.lower().rsplit(".", 1)[-1]
    if kind == "parquet":
        rows, encoding = _parquet_rows(data, file), "utf-8"  # Arrow strings are UTF-8
    else:
        text, encoding = decode_bytes(data, source=file)
        rows = _jsonl_rows(text, file) if kind == "jsonl" else _csv_rows(text, file)
    records: list[Record] = []
    problems: list[InputError] = []
    seen: set[str] = set()
    for number, fields in rows:
        if isinstance(fields, InputError):
            problems.append(fields)
            continue
        try:
            record, warnings = _record(fields, file, number, encoding, max_chars=max_chars)
        except InputError as exc:
            problems.append(exc)
            continue
        problems.extend(warnings)
        if record.source in seen:
            problems.append(InputError(
                f"[E029] {file} line {number}: id {record.source.split('#', 1)[-1]!r} is used twice; the first "
                "record wins, give this one an id of its own", source=record.source, line=number, code="E029"))
            continue
        seen.add(record.source)
        records.append(record)
    return records, problems


def _bad(file: str, number: int, what: str) -> InputError:
    return InputError(f"[E028] {file} line {number}: {what}, so this record is not read; fix the record "
                      "(each needs a string 'text')", source=f"{file}#{number}", line=number, code="E028")


def _jsonl_rows(text: str, file: str):
    # split on "\n" only: str.splitlines would also cut at U+2028 and the like, which JSON allows in strings
    for number, line in enumerate(text.split("\n"), start=1):
        if not line.strip():
            continue
        try:
            fields = json.loads(line)
        except ValueError as exc:
            yield number, _bad(file, number, f"not JSON ({exc})")
            continue
        yield number, fields if isinstance(fields, dict) else _bad(file, number, "not a JSON object")


def _csv_rows(text: str, file: str):
    reader = csv.reader(io.StringIO(text, newline=""))
    header = [h.strip().lower() for h in next(reader, [])]
    if "text" not in header:
        raise InputError(f"[E028] {file} line 1: no 'text' column; the header needs text and may have "
                         f"{', '.join(f for f in RECORD_FIELDS if f != 'text')}", source=file, line=1, code="E028")
    for number, row in enumerate(reader, start=1):
        if not any(cell.strip() for cell in row):
            continue
        if len(row) != len(header):
            yield number, _bad(file, number, f"{len(row)} fields where the header has {len(header)}")
            continue
        yield number, dict(zip(header, row))


def _parquet_rows(data: bytes, file: str):
    import pyarrow as pa
    import pyarrow.parquet as pq

    try:
        table = pq.read_table(pa.BufferReader(data))
    except Exception as exc:
        raise InputError(f"[E013] {file}: not a readable Parquet file ({exc}); write it again with "
                         "pandas or pyarrow", source=file, code="E013") from exc
    if "text" not in table.column_names:
        raise InputError(f"[E028] {file}: no 'text' column; the file needs one, and may have "
                         f"{', '.join(f for f in RECORD_FIELDS if f != 'text')}", source=file, code="E028")
    columns = [name for name in table.column_names if name in RECORD_FIELDS]
    return list(enumerate(table.select(columns).to_pylist(), start=1))


def _record(fields: dict, file: str, number: int, encoding: str, *, max_chars: int) -> tuple[Record, list]:
    text = fields.get("text")
    if text is None:
        raise _bad(file, number, "no 'text'")
    if not isinstance(text, str):
        raise _bad(file, number, f"'text' is {type(text).__name__}, not a string")
    if not text.strip():
        raise _bad(file, number, "'text' is empty")
    try:
        data = text.encode("utf-8")
    except UnicodeEncodeError as exc:  # a lone surrogate written as \\udXXX in JSON
        raise _bad(file, number, f"'text' is not valid Unicode ({exc.reason})") from exc
    if len(text) > max_chars:
        raise InputError(f"[E016] {file} line {number}: {len(text):,} characters exceeds input.max_source_chars = "
                         f"{max_chars:,}; split the record or raise the limit", source=f"{file}#{number}",
                         line=number, code="E016")
    ident = fields.get("id")
    ident = str(number) if ident is None or str(ident).strip() == "" else str(ident).strip()
    source = f"{file}#{ident}"
    warnings: list[InputError] = []
    try:
        published, precision = parse_published(str(fields.get("published") or ""))
    except Exception as exc:  # a malformed or impossible date: the record still counts, undated
        warnings.append(InputError(f"[E025] {file} line {number}: {exc}; write e.g. 2025-05-19, 2025-05 or 2025",
                                   source=source, line=number, code="E025"))
        published, precision = None, None
    title, url = (str(fields.get(name) or "").strip() or None for name in ("title", "url"))
    metadata = SourceMetadata(published=published, published_precision=precision, title=title, url=url) \
        if published or title or url else None
    decoded = DecodedSource(source=source, text=text, encoding=encoding, sha256=hashlib.sha256(data).hexdigest())
    return Record(decoded, metadata, number), warnings


def merged_metadata(record: Record, listed: SourceMetadata | None) -> SourceMetadata | None:
    """The record's own fields, with a ``sources.csv`` row for its name filling those it leaves empty."""
    return fill_metadata(record.metadata, listed)


def metadata_key(metadata: SourceMetadata | None) -> str:
    """A stable text of ``metadata`` for cache keys: a record's fields change its rows as its text does."""
    if metadata is None:
        return ""
    return json.dumps([str(metadata.published), metadata.published_precision, metadata.title, metadata.url])


_CACHE: dict[tuple, tuple[dict[str, Record], list[InputError]]] = {}


def read_record_file(raw_dir: Path, file: str, *, max_chars: int) -> tuple[dict[str, Record], list[InputError]]:
    """The records of ``file`` by source name, and its problems; the last file read is kept, so reading
    its records one by one (a stage command, ``load``) parses it once."""
    path = resolve_inside(raw_dir, file)
    info = os.stat(path)
    key = (str(path), info.st_mtime_ns, info.st_size, max_chars)
    if key not in _CACHE:
        records, problems = parse_records(read_input(path, file), file, max_chars=max_chars)
        _CACHE.clear()
        _CACHE[key] = ({record.source: record for record in records}, problems)
    return _CACHE[key]


def read_record(raw_dir: Path, source: str, *, max_chars: int) -> Record:
    """One record, by its source name ``<file>#<id>``; raises InputError when the file no longer holds it."""
    split = split_record_name(source)
    if split is None:
        raise InputError(f"[E011] {source}: not a record name (<file>.jsonl#<id>)", source=source, code="E011")
    records, _ = read_record_file(raw_dir, split[0], max_chars=max_chars)
    if source not in records:
        raise InputError(f"[E028] {source}: {split[0]} holds no good record with id {split[1]!r}; "
                         "rerun the pipeline on the current input folder", source=source, code="E028")
    return records[source]


def scan_inputs(raw_dir: Path, settings: dict) -> tuple[list[str], list[InputError]]:
    """The input files: those matching ``input.pattern``, the record files and HTML pages, sorted; and the unreadable ones."""
    from pipeline.run.sources import scan_sources

    files, problems = scan_sources(raw_dir, settings["pattern"])
    from pipeline.run.html import HTML_PATTERNS

    for pattern in (*RECORD_PATTERNS, *HTML_PATTERNS):
        found, unreadable = scan_sources(raw_dir, pattern)
        files.extend(name for name in found if not is_record_file(name, "") or is_record_file(name, settings["metadata"]))
        problems.extend(unreadable)
    return sorted(set(files)), problems
