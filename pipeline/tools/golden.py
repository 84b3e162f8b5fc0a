"""Golden snapshots: the seed corpus's extractions committed as sorted JSONL, one row a line.

A code review then shows every change to what the tables say as changed lines, and
``tests/test_golden.py`` fails on any difference with the rows and values in its
message. ``make golden`` reruns the pipeline on ``raw/`` and rewrites the snapshots on
purpose:

    python -m pipeline.tools.golden --raw raw --snapshots tests/golden

Each table is one file ``<table>.jsonl``: keys sorted, rows sorted by
``(source, start, end, id)`` (entities by ID), floats as Python's shortest round-trip
``repr``, dates as ISO strings, lists as JSON lists, null for missing values.
"""
from __future__ import annotations

import json
import math
import sys
import tempfile
from pathlib import Path

import click
import pyarrow as pa

from pipeline.tools.diff import DiffInputError, DiffResult, diff_tables, difference_lines, format_diff, plain, read_outputs
from pipeline.core.schema import CONTRACT_TABLES, ID_COLUMN, SCHEMAS, write_bytes_atomic

#: characters JSON leaves unescaped that editors and ``str.splitlines`` treat as line breaks
_LINE_BREAKS = {"\u0085": "\\u0085", "\u2028": "\\u2028", "\u2029": "\\u2029"}


class GoldenError(RuntimeError):
    """Snapshots cannot be written or read as asked (E075-E078)."""


def sort_keys(name: str, table: pa.Table) -> list[str]:
    """The columns a snapshot of ``name`` is sorted by: span then ID, or the ID alone."""
    id_column = ID_COLUMN[name]
    span = [c for c in ("source", "start", "end") if c in table.column_names]
    return [*span, id_column] if len(span) == 3 else [id_column]


def snapshot_lines(name: str, table: pa.Table) -> list[str]:
    """One JSON line per row of ``table``, keys sorted, rows in snapshot order."""
    table = table.sort_by([(column, "ascending") for column in sort_keys(name, table)])
    lines = []
    for row in table.to_pylist():
        line = json.dumps({key: _snapshot_value(value) for key, value in row.items()}, sort_keys=True,
                          ensure_ascii=False)
        for char, escaped in _LINE_BREAKS.items():
            line = line.replace(char, escaped)
        lines.append(line)
    return lines


def _snapshot_value(value):
    """``plain`` but infinities stay floats (JSON ``Infinity``) so the column reads back as float."""
    if isinstance(value, float) and math.isinf(value):
        return value
    return plain(value)


def write_snapshots(out_dir: str | Path, snapshot_dir: str | Path) -> dict[str, int]:
    """Write every contract table of ``out_dir`` as ``snapshot_dir/<table>.jsonl``; return rows per table."""
    tables = read_outputs(out_dir, label="outputs")
    missing = [name for name in CONTRACT_TABLES if name not in tables]
    if missing:
        raise GoldenError(f"[E075] {out_dir} lacks {', '.join(missing)}; snapshots need every output table")
    snapshot_dir = Path(snapshot_dir)
    counts = {}
    for name in CONTRACT_TABLES:
        lines = snapshot_lines(name, tables[name])
        data = "".join(line + "\n" for line in lines).encode("utf-8")
        path = snapshot_dir / f"{name}.jsonl"
        write_bytes_atomic(data, path)
        path.chmod(0o644)  # the temporary file's private mode would otherwise stick
        counts[name] = len(lines)
    return counts


def read_snapshot(name: str, path: Path) -> pa.Table:
    """One snapshot file as Arrow, with the declared types for the columns the schema knows."""
    try:
        rows = [json.loads(line) for line in path.read_text(encoding="utf-8").split("\n") if line]
    except (OSError, ValueError) as exc:
        raise GoldenError(f"[E076] {path} is not a readable JSONL snapshot: {exc}") from exc
    schema = SCHEMAS[name]
    if not rows:
        return schema.empty_table()
    try:
        table = pa.Table.from_pylist(rows)
    except (pa.ArrowInvalid, pa.ArrowTypeError) as exc:
        raise GoldenError(f"[E076] {path}: a column mixes value types ({exc}); rewrite it with `make golden`") from exc
    columns = {}
    # the schema's column order first, so a snapshot reads like the Parquet table it came from
    order = [c for c in schema.names if c in table.column_names]
    for column in order + sorted(c for c in table.column_names if c not in order):
        values = table.column(column)
        if column in schema.names and values.type != schema.field(column).type:
            try:
                # JSON has no date or typed-null: give those columns their declared type back
                values = values.cast(schema.field(column).type)
            except (pa.ArrowInvalid, pa.ArrowNotImplementedError):
                pass  # a snapshot from another schema: the diff reports the column's type change
        columns[column] = values
    return pa.table(columns)


def load_snapshots(snapshot_dir: str | Path) -> tuple[dict[str, pa.Table], list[str]]:
    """Every contract table's snapshot, and a note for each snapshot file that is missing."""
    snapshot_dir = Path(snapshot_dir)
    tables, notes = {}, []
    for name in CONTRACT_TABLES:
        path = snapshot_dir / f"{name}.jsonl"
        if path.is_file():
            tables[name] = read_snapshot(name, path)
        else:
            notes.append(f"snapshot {path} is missing; record it with `make golden`")
    return tables, notes


def diff_snapshots(out_dir: str | Path, snapshot_dir: str | Path, *, label: str | None = None) -> DiffResult:
    """Diff the committed snapshots (old) against the tables of ``out_dir`` (new, called ``label``)."""
    snapshots, notes = load_snapshots(snapshot_dir)
    outputs = read_outputs(out_dir, label="outputs")
    notes += [f"{name}.parquet missing in {out_dir}" for name in CONTRACT_TABLES if name not in outputs]
    return diff_tables(snapshots, outputs, old_label=str(snapshot_dir), new_label=label or str(out_dir), notes=notes)


def compare_snapshots(out_dir: str | Path, snapshot_dir: str | Path) -> list[str]:
    """Readable differences between ``out_dir``'s tables and the snapshots; empty when they agree."""
    return difference_lines(diff_snapshots(out_dir, snapshot_dir))


@click.command(context_settings={"help_option_names": ["-h", "--help"]})
@click.option("--raw", "raw_dir", type=click.Path(path_type=Path), default=Path("raw"), show_default=True,
              help="Input folder the snapshots are built from.")
@click.option("--snapshots", "snapshot_dir", type=click.Path(path_type=Path), default=Path("tests/golden"),
              show_default=True, help="Folder of the committed <table>.jsonl snapshots.")
@click.option("--config", "config_path", type=click.Path(path_type=Path), default=None,
              help="Configuration file [default: configs/pipeline.toml of this package].")
@click.option("--check", is_flag=True, help="Only compare: exit 1 when the snapshots differ, write nothing.")
@click.option("--limit", type=click.IntRange(min=0), default=50, show_default=True,
              help="Differing rows to list (0 lists all).")
def main(raw_dir: Path, snapshot_dir: Path, config_path: Path | None, check: bool, limit: int) -> None:
    """Run the pipeline on an input folder and rewrite the golden snapshots from its tables.

    The run goes to a temporary folder; what changed against the committed snapshots
    is printed first, so the rewrite is a deliberate, reviewed step.

    \b
    Example:
        python -m pipeline.tools.golden --raw raw --snapshots tests/golden
        python -m pipeline.tools.golden --check
    """
    from pipeline.run.config import ConfigError, load_config
    from pipeline.stages.nlp import ModelNotFound
    from pipeline.run.runner import ErrorLog, LockBusy, PipelineFailure, Workspace, run_pipeline
    from pipeline.core.schema import SchemaError
    from pipeline.run.sources import InputError

    if not raw_dir.is_dir():
        raise click.ClickException(f"[E078] input folder {raw_dir} does not exist or is not a folder; pass --raw DIR")
    try:
        config = load_config(config_path)
        with tempfile.TemporaryDirectory(prefix="golden_") as tmp:
            ws = Workspace(raw_dir=raw_dir, interim_dir=Path(tmp) / "interim", out_dir=Path(tmp) / "outputs",
                           config=config, errors=ErrorLog())
            run_pipeline(ws)
            for row in ws.errors.rows:
                click.echo(f"error: {row['source'] or '-'}: {row['stage']}: {row['message']}", err=True)
            if ws.errors.rows:
                raise click.ClickException(
                    f"[E077] the run recorded {len(ws.errors.rows)} problem(s); snapshots left as they were")
            result = diff_snapshots(ws.out_dir, snapshot_dir, label=f"this run of {raw_dir}")
            click.echo(format_diff(result, limit=limit))
            if check:
                sys.exit(0 if result.identical else 1)
            counts = write_snapshots(ws.out_dir, snapshot_dir)
    except (ConfigError, InputError, LockBusy, PipelineFailure, ModelNotFound, SchemaError, GoldenError,
            DiffInputError) as exc:
        raise click.ClickException(str(exc)) from exc
    click.echo(f"wrote {snapshot_dir}: " + ", ".join(f"{name} {n}" for name, n in counts.items()))


if __name__ == "__main__":
    main()
