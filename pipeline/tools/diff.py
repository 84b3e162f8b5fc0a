"""Compare two output folders table by table: which rows were added, removed or changed.

Rows are matched by their stable ID first. Rows whose ID changed (an ID recipe or a
discriminating column moved) are matched again by their span ``(source, start, end)``,
or for entities by ``(label, name)``, so a changed value reads as *changed* instead of
*removed + added*. Every comparison is a vectorised join over whole columns; only the
final report loops, and only over the rows that differ.

Values are compared as the analyst sees them: lists as lists (order matters), floats
with exact equality except that NaN equals NaN, dates as ISO strings.

    pipeline diff outputs_before outputs_after --limit 20
"""
from __future__ import annotations

import datetime as dt
import json
import math
import sys
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path

import click
import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.parquet as pq

from pipeline.core.schema import CONTRACT_TABLES, ID_COLUMN
from pipeline.run.outputs import OutputsError, check_rows, table_schema

#: the span key: rows whose ID changed are re-matched on it
SPAN_KEY = ("source", "start", "end")
#: tables without spans are re-matched on a natural key instead
NATURAL_KEY = {"entities": ("label", "name")}
#: the group name of rows that belong to no single source (corpus-wide entities)
CORPUS = "(corpus)"
#: columns worth showing beside the span when a whole row was added or removed
SUMMARY_COLUMNS = {
    "documents": ("title", "published"),
    "sentences": ("boilerplate",),
    "entities": ("name", "label", "mentions"),
    "mentions": ("label", "entity_id"),
    "dates": ("tclass", "value"),
    "quantities": ("kind", "value", "unit"),
    "claims": ("kind", "predicate"),
}
_CHANGE_ORDER = {"removed": 0, "changed": 1, "added": 2}
_MARK = {"removed": "-", "changed": "~", "added": "+"}


class DiffInputError(ValueError):
    """A folder given to ``diff_outputs`` cannot be read as pipeline outputs (E070-E072)."""


# ---------------------------------------------------------------------------------------------
# results


@dataclass
class TableDiff:
    """How one table differs between the old and the new folder.

    ``added`` and ``removed`` hold row positions in ``new``/``old``; ``changed`` holds
    one row per changed pair (``old_pos``, ``new_pos``, ``matched_by``) and
    ``changed_mask`` says, per pair, which compared columns differ.
    """

    name: str
    id_column: str
    old: pa.Table
    new: pa.Table
    added: np.ndarray
    removed: np.ndarray
    changed: pd.DataFrame
    changed_mask: pd.DataFrame
    columns_added: list[str] = field(default_factory=list)
    columns_removed: list[str] = field(default_factory=list)
    type_changes: dict[str, tuple[str, str]] = field(default_factory=dict)

    @property
    def identical(self) -> bool:
        return not (len(self.added) or len(self.removed) or len(self.changed)
                    or self.columns_added or self.columns_removed or self.type_changes)

    def summary(self) -> dict:
        """Counts for the report and the JSON: rows, added, removed, changed, changed columns."""
        per_column = self.changed_mask.sum()
        return {
            "old_rows": self.old.num_rows, "new_rows": self.new.num_rows,
            "added": int(len(self.added)), "removed": int(len(self.removed)), "changed": int(len(self.changed)),
            "changed_columns": {col: int(n) for col, n in per_column.items() if n},
            "columns_added": list(self.columns_added), "columns_removed": list(self.columns_removed),
            "type_changes": {col: list(types) for col, types in self.type_changes.items()},
        }


@dataclass
class DiffResult:
    """Every table's differences plus ``events``: one row per differing row, grouped by source."""

    old_label: str
    new_label: str
    tables: dict[str, TableDiff]
    events: pd.DataFrame
    notes: list[str] = field(default_factory=list)

    @property
    def identical(self) -> bool:
        return not self.notes and all(t.identical for t in self.tables.values())

    def records(self, *, limit: int | None = None) -> list[dict]:
        """The differing rows as plain dicts (sorted by source), at most ``limit`` of them."""
        events = self.events if limit is None else self.events.head(limit)
        return _event_records(self, events)

    def to_dict(self) -> dict:
        """The whole result as JSON-ready data: totals per table and the differing rows by source."""
        sources: dict[str, list[dict]] = {}
        for record in self.records():
            sources.setdefault(record.pop("source"), []).append(record)
        return {
            "identical": self.identical,
            "old": self.old_label,
            "new": self.new_label,
            "notes": list(self.notes),
            "tables": {name: diff.summary() for name, diff in self.tables.items()},
            "sources": sources,
        }

    def to_json(self, *, indent: int | None = 2) -> str:
        """``to_dict()`` as JSON (null for missing values; keys sorted so output is stable)."""
        return json.dumps(self.to_dict(), indent=indent, sort_keys=True, ensure_ascii=False, allow_nan=False)


# ---------------------------------------------------------------------------------------------
# reading


def read_outputs(location: str | Path, *, label: str = "folder") -> dict[str, pa.Table]:
    """Every contract table present in an output folder or fsspec URL, as Arrow (file metadata dropped).

    A table is one file or a ``--dataset`` folder of parts (read as one table, parts in
    order: rows are matched by key, so their order does not matter), read and checked
    against the manifest as ``load`` reads it. Raises DiffInputError when the location
    does not exist or holds no contract table.
    """
    from pipeline.run.outputs import read_output_parts
    from pipeline.run.storage import Store, local_path

    folder = local_path(location)
    if folder is not None and not folder.is_dir():
        raise DiffInputError(f"[E070] {label} {folder} does not exist or is not a folder")
    where = str(folder) if folder is not None else str(location)
    try:
        store = Store(location)
        if folder is None and not store.fs.exists(store.root):
            raise DiffInputError(f"[E070] {label} {where} does not exist")
        # one complete run, checked against its manifest (an interrupted local publish is finished first)
        manifest, parts = read_output_parts(where, list(CONTRACT_TABLES))  # a listed file that is gone: E053
    except OutputsError as exc:
        raise DiffInputError(f"{exc} ({label} folder)") from exc
    except ValueError as exc:  # no fsspec backend for the URL: the storage layer's coded line
        raise DiffInputError(f"{exc} ({label})") from exc
    present = [name for name in CONTRACT_TABLES if parts.get(name)]
    if not present:
        raise DiffInputError(
            f"[E071] {label} {where} holds none of the output tables ({', '.join(CONTRACT_TABLES)}.parquet or a "
            "folder of parts); give a folder written by `pipeline run`")
    tables: dict[str, pa.Table] = {}
    for name in present:
        read = []
        for file, raw in parts[name]:
            path = Path(where) / file if folder is not None else f"{where.rstrip('/')}/{file}"
            try:
                table_schema(path, name, raw)
                read.append(pq.read_table(pa.BufferReader(raw)).replace_schema_metadata(None))
            except (OSError, pa.ArrowException) as exc:
                raise DiffInputError(f"[E072] {label} {path} is not a readable Parquet file: {exc}") from exc
            except OutputsError as exc:
                if exc.code == "E056":  # diff's own code for a file it cannot read as the table, naming OLD or NEW
                    raise DiffInputError(f"[E072] {label} {str(exc).split('] ', 1)[1]}") from exc
                raise DiffInputError(f"{exc} ({label} folder)") from exc
        tables[name] = read[0] if len(read) == 1 else pa.concat_tables(read)
        try:
            check_rows(where, manifest, name, tables[name].num_rows)
        except OutputsError as exc:
            raise DiffInputError(f"{exc} ({label} folder)") from exc
    return tables


# ---------------------------------------------------------------------------------------------
# comparable columns


def _list_keys(column: pa.ChunkedArray) -> pa.Array:
    """One string per list that is equal exactly when the lists are equal (order and nulls included).

    Each element is written as ``<length>:<text>`` (``~`` for a null element), so no
    separator inside a value can make two different lists collide.
    """
    array = column.combine_chunks()
    lengths = pc.list_value_length(array)
    offsets = pa.concat_arrays([
        pa.array([0], pa.int64()),
        pc.cumulative_sum(pc.fill_null(lengths, 0).cast(pa.int64())),
    ])
    values = pc.list_flatten(array)
    if not pa.types.is_string(values.type) and not pa.types.is_large_string(values.type):
        values = values.cast(pa.string())
    elements = pc.fill_null(
        pc.binary_join_element_wise(pc.utf8_length(values).cast(pa.string()), values, ":"), "~")
    rebuilt = pa.LargeListArray.from_arrays(offsets, elements)
    keys = pc.binary_join_element_wise(lengths.cast(pa.string()), pc.binary_join(rebuilt, ""), "|")
    return pc.if_else(pc.is_null(array), pa.scalar(None, pa.string()), keys)


def comparable(table: pa.Table) -> pd.DataFrame:
    """``table`` as pandas with every column in a form ``==`` compares as the contract means."""
    columns = {}
    for name in table.column_names:
        column = table.column(name)
        kind = column.type
        if pa.types.is_list(kind) or pa.types.is_large_list(kind):
            column = _list_keys(column)
        elif pa.types.is_date(kind) or pa.types.is_timestamp(kind):
            column = column.cast(pa.string())
        columns[name] = column
    return pa.table(columns).to_pandas() if columns else pd.DataFrame(index=range(table.num_rows))


def _same(a: pd.Series, b: pd.Series) -> np.ndarray:
    """Elementwise equality where missing equals missing (so NaN == NaN and None == None)."""
    a = a.reset_index(drop=True)
    b = b.reset_index(drop=True)
    try:
        equal = a.eq(b)
    except TypeError:
        # columns whose type changed between runs (e.g. str -> float): compare as objects
        equal = a.astype(object).eq(b.astype(object))
    equal = equal.to_numpy(dtype=bool, na_value=False)
    return equal | (a.isna().to_numpy() & b.isna().to_numpy())


# ---------------------------------------------------------------------------------------------
# matching


def _match(old: pd.DataFrame, new: pd.DataFrame, keys: Sequence[str]) -> pd.DataFrame:
    """Pairs ``(old_pos, new_pos)`` of rows equal on ``keys``; repeated keys pair up in row order."""
    keys = list(keys)
    left = old[keys].copy()
    right = new[keys].copy()
    # duplicate keys pair first-with-first instead of multiplying into a cross product
    left["_nth"] = left.groupby(keys, sort=False, dropna=False).cumcount()
    right["_nth"] = right.groupby(keys, sort=False, dropna=False).cumcount()
    left["old_pos"] = old.index.to_numpy()
    right["new_pos"] = new.index.to_numpy()
    pairs = left.merge(right, on=[*keys, "_nth"], how="inner", sort=False)
    return pairs[["old_pos", "new_pos"]]


def diff_table(name: str, old: pa.Table, new: pa.Table) -> TableDiff:
    """Compare one table's old and new rows: added, removed and changed (with the columns that changed)."""
    id_column = ID_COLUMN.get(name, "")
    old_frame = comparable(old)
    new_frame = comparable(new)
    common = [c for c in new.column_names if c in old.column_names]
    type_changes = {c: (str(old.schema.field(c).type), str(new.schema.field(c).type))
                    for c in common if old.schema.field(c).type != new.schema.field(c).type}

    stages = []
    if id_column in common:
        stages.append(("id", (id_column,)))
    rematch = NATURAL_KEY.get(name, SPAN_KEY)
    if all(c in common for c in rematch):
        stages.append(("span" if rematch == SPAN_KEY else "name", rematch))
    matched = []
    old_left, new_left = old_frame, new_frame
    for how, keys in stages:
        pairs = _match(old_left, new_left, keys)
        pairs["matched_by"] = how
        matched.append(pairs)
        old_left = old_left[~old_left.index.isin(pairs["old_pos"])]
        new_left = new_left[~new_left.index.isin(pairs["new_pos"])]
    pairs = (pd.concat(matched, ignore_index=True) if matched
             else pd.DataFrame({"old_pos": pd.Series(dtype="int64"), "new_pos": pd.Series(dtype="int64"),
                                "matched_by": pd.Series(dtype=object)}))

    old_rows = old_frame.iloc[pairs["old_pos"].to_numpy()]
    new_rows = new_frame.iloc[pairs["new_pos"].to_numpy()]
    mask = pd.DataFrame({c: ~_same(old_rows[c], new_rows[c]) for c in common}, index=pairs.index)
    differs = mask.any(axis=1).to_numpy() if common else np.zeros(len(pairs), dtype=bool)
    return TableDiff(
        name=name, id_column=id_column, old=old, new=new,
        added=new_left.index.to_numpy(dtype=np.int64),
        removed=old_left.index.to_numpy(dtype=np.int64),
        changed=pairs[differs].reset_index(drop=True),
        changed_mask=mask[differs].reset_index(drop=True),
        columns_added=[c for c in new.column_names if c not in old.column_names],
        columns_removed=[c for c in old.column_names if c not in new.column_names],
        type_changes=type_changes,
    )


def _locations(table: pa.Table, positions: np.ndarray) -> pd.DataFrame:
    """``source``, ``start``, ``end`` of the rows at ``positions`` (the corpus group for unspanned rows)."""
    n = len(positions)
    index = pa.array(positions, pa.int64())
    if all(c in table.column_names for c in SPAN_KEY):
        picked = table.select(list(SPAN_KEY)).take(index).to_pandas()
        return pd.DataFrame({"source": picked["source"].astype(object).to_numpy(),
                             "start": picked["start"].to_numpy(), "end": picked["end"].to_numpy()})
    return pd.DataFrame({"source": np.full(n, CORPUS, dtype=object),
                         "start": np.full(n, -1, dtype=np.int64), "end": np.full(n, -1, dtype=np.int64)})


def _events(tables: Mapping[str, TableDiff]) -> pd.DataFrame:
    """One row per differing row of every table, sorted by source, table, span and kind of change."""
    parts = []
    for rank, (name, diff) in enumerate(tables.items()):
        changed = diff.changed
        for change, positions, side, frame in (
            ("removed", diff.removed, diff.old, None),
            ("changed", changed["new_pos"].to_numpy(dtype=np.int64), diff.new, changed),
            ("added", diff.added, diff.new, None),
        ):
            if not len(positions):
                continue
            part = _locations(side, positions)
            part["table"] = name
            part["rank"] = rank
            part["change"] = change
            part["old_pos"] = positions if change == "removed" else (
                frame["old_pos"].to_numpy(dtype=np.int64) if change == "changed" else -1)
            part["new_pos"] = positions if change != "removed" else -1
            part["pair"] = np.arange(len(positions)) if change == "changed" else -1
            parts.append(part)
    columns = ["source", "start", "end", "table", "rank", "change", "old_pos", "new_pos", "pair"]
    if not parts:
        return pd.DataFrame({c: pd.Series(dtype=object) for c in columns})
    events = pd.concat(parts, ignore_index=True)
    events["corpus"] = events["source"] == CORPUS
    events["order"] = events["change"].map(_CHANGE_ORDER)
    events = events.sort_values(["corpus", "source", "rank", "start", "end", "order", "old_pos", "new_pos"],
                                kind="mergesort")
    return events[columns].reset_index(drop=True)


def diff_tables(old: Mapping[str, pa.Table], new: Mapping[str, pa.Table], *, old_label: str = "old",
                new_label: str = "new", notes: Sequence[str] = ()) -> DiffResult:
    """Compare two sets of tables by name (a table absent on one side counts as empty there)."""
    names = [n for n in CONTRACT_TABLES if n in old or n in new]
    names += sorted(n for n in {*old, *new} if n not in names)
    diffs = {}
    for name in names:
        before, after = old.get(name), new.get(name)
        before = after.schema.empty_table() if before is None else before
        after = before.schema.empty_table() if after is None else after
        diffs[name] = diff_table(name, before, after)
    return DiffResult(old_label, new_label, diffs, _events(diffs), list(notes))


def diff_outputs(old_dir: str | Path, new_dir: str | Path) -> DiffResult:
    """Compare two output folders table by table (every contract table).

    Raises DiffInputError (E070-E072) when either folder cannot be read as pipeline outputs.
    """
    old = read_outputs(old_dir, label="OLD")
    new = read_outputs(new_dir, label="NEW")
    # a table written on one side only is a difference even when it has no rows
    notes = [f"{name}.parquet only in {'NEW' if name in new else 'OLD'}"
             for name in CONTRACT_TABLES if (name in old) != (name in new)]
    return diff_tables(old, new, old_label=str(old_dir), new_label=str(new_dir), notes=notes)


# ---------------------------------------------------------------------------------------------
# reporting (loops only over the rows that differ)


def plain(value):
    """A value as plain JSON-ready Python: ISO dates, lists, None for null and NaN, 'inf' for infinity."""
    if value is None:
        return None
    if isinstance(value, float):
        if math.isnan(value):
            return None
        return value if math.isfinite(value) else repr(value)
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()
    if isinstance(value, (list, tuple, np.ndarray)):
        return [plain(v) for v in value]
    if isinstance(value, np.generic):
        return plain(value.item())
    if isinstance(value, dict):
        return {k: plain(v) for k, v in value.items()}
    return value


def _rows(table: pa.Table, positions: Sequence[int]) -> dict[int, dict]:
    """The rows at ``positions`` as plain dicts, fetched with one ``take``."""
    wanted = sorted({int(p) for p in positions if p >= 0})
    if not wanted:
        return {}
    rows = table.take(pa.array(wanted, pa.int64())).to_pylist()
    return {pos: {k: plain(v) for k, v in row.items()} for pos, row in zip(wanted, rows)}


def _event_records(result: DiffResult, events: pd.DataFrame) -> list[dict]:
    fetched: dict[tuple[str, str], dict[int, dict]] = {}
    for name, group in events.groupby("table", sort=False):
        diff = result.tables[name]
        fetched[(name, "old")] = _rows(diff.old, group["old_pos"].tolist())
        fetched[(name, "new")] = _rows(diff.new, group["new_pos"].tolist())
    records = []
    for event in events.itertuples(index=False):
        diff = result.tables[event.table]
        old = fetched[(event.table, "old")].get(int(event.old_pos))
        new = fetched[(event.table, "new")].get(int(event.new_pos))
        row = new if new is not None else old
        record = {"table": event.table, "change": event.change, "source": event.source,
                  "start": row.get("start"), "end": row.get("end"), "text": row.get("text")}
        if "text" not in row and "name" in row:
            record["name"] = row["name"]
        if event.change == "changed":
            mask = diff.changed_mask.iloc[int(event.pair)]
            columns = [c for c in diff.changed_mask.columns if mask[c]]
            record["old_id"] = old.get(diff.id_column)
            record["new_id"] = new.get(diff.id_column)
            record["matched_by"] = diff.changed.at[int(event.pair), "matched_by"]
            record["columns"] = {c: {"old": old.get(c), "new": new.get(c)} for c in columns}
        else:
            record["id"] = row.get(diff.id_column)
            record["row"] = row
        records.append(record)
    return records


def show_value(value, *, width: int = 60) -> str:
    """A value as a short readable literal: 1.5e11, 'EUR', ['a', 'b'], null."""
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float):
        if math.isfinite(value) and value != 0 and not 1e-4 <= abs(value) < 1e6:
            return np.format_float_scientific(value, unique=True, trim="-", exp_digits=1).replace("e+", "e")
        return repr(value)
    if isinstance(value, list):
        text = "[" + ", ".join(show_value(v, width=width) for v in value) + "]"
    else:
        text = repr(value)
    return text if len(text) <= width else text[:width - 1] + "…"


def _where(record: dict) -> str:
    if record["source"] == CORPUS:
        return CORPUS
    return f"{record['source']} [{record['start']}:{record['end']}]"


def record_line(record: dict) -> str:
    """One differing row as one self-contained line (table, source, span, text, what changed)."""
    head = f"{_MARK[record['change']]} {record['table']} {_where(record)}"
    shown = record.get("text") if record.get("text") is not None else record.get("name")
    if shown is not None:
        head += f" {show_value(shown, width=50)}"
    if record["change"] == "changed":
        parts = [f"{c} {show_value(v['old'])} -> {show_value(v['new'])}" for c, v in record["columns"].items()]
        how = f" (matched by {record['matched_by']})" if record["matched_by"] != "id" else ""
        return f"{head}: {'; '.join(parts)}{how}"
    shown = [f"{c}={show_value(record['row'][c])}" for c in SUMMARY_COLUMNS.get(record["table"], ())
             if c in record["row"]]
    what = "added" if record["change"] == "added" else "removed"
    return f"{head}: {what} {record['id']}" + (f" ({', '.join(shown)})" if shown else "")


def _schema_lines(result: DiffResult) -> list[str]:
    lines = [f"! {note}" for note in result.notes]
    for name, diff in result.tables.items():
        lines += [f"! {name}: column {c!r} added" for c in diff.columns_added]
        lines += [f"! {name}: column {c!r} removed" for c in diff.columns_removed]
        lines += [f"! {name}: column {c!r} type {a} -> {b}" for c, (a, b) in diff.type_changes.items()]
    return lines


def difference_lines(result: DiffResult, *, limit: int | None = None) -> list[str]:
    """Schema notes and one line per differing row (sorted by source), at most ``limit`` row lines."""
    return _schema_lines(result) + [record_line(r) for r in result.records(limit=limit)]


def format_diff(result: DiffResult, *, limit: int | None = 50) -> str:
    """A readable summary: totals per table, then each differing row, grouped by source.

    ``limit`` caps the row lines shown (``None`` or 0 shows all).
    """
    limit = limit or None
    if result.identical:
        rows = sum(d.new.num_rows for d in result.tables.values())
        return (f"no differences: {len(result.tables)} tables, {rows} rows "
                f"({result.old_label} == {result.new_label})")
    out = [f"differences {result.old_label} -> {result.new_label}:"]
    for name, diff in result.tables.items():
        summary = diff.summary()
        if diff.identical:
            out.append(f"  {name:<10} no change ({summary['new_rows']} rows)")
            continue
        columns = ", ".join(f"{c} {n}" for c, n in summary["changed_columns"].items())
        out.append(f"  {name:<10} +{summary['added']} -{summary['removed']} ~{summary['changed']} "
                   f"({summary['old_rows']} -> {summary['new_rows']} rows)"
                   + (f"; changed columns: {columns}" if columns else ""))
    schema = _schema_lines(result)
    if schema:
        out += ["", *schema]
    previous = None
    records = result.records(limit=limit)
    for record in records:
        if record["source"] != previous:
            out.append("")
            previous = record["source"]
        out.append(record_line(record))
    hidden = len(result.events) - len(records)
    if hidden:
        out += ["", f"… {hidden} more differing rows (--limit 0 lists all; --json gives every row)"]
    return "\n".join(out)


@click.command(name="diff", context_settings={"help_option_names": ["-h", "--help"]})
# str, not click.Path: a Path would fold the "//" of a URL
@click.argument("old", metavar="OLD")
@click.argument("new", metavar="NEW")
@click.option("--json", "as_json", is_flag=True, help="Print every difference as JSON instead of the summary.")
@click.option("--limit", type=click.IntRange(min=0), default=50, show_default=True,
              help="Differing rows to list in the summary (0 lists all).")
def diff_command(old: str, new: str, as_json: bool, limit: int) -> None:
    """Compare two output folders: rows added, removed and changed, grouped by source.

    Each is a folder or an fsspec URL (file://, memory://, s3://, ...), its tables one file
    each or datasets of parts (--dataset); a dataset and one-file tables of the same rows are
    the same.

    Rows are matched by their stable ID, and by span when an ID changed, so a changed
    value reads as one changed row naming the column, old and new value. Exit status:
    0 when the folders hold the same rows, 1 when anything differs, 2 when a folder
    cannot be read as pipeline outputs.

    \b
    Example:
        pipeline diff outputs_main outputs_branch
        pipeline diff outputs_main outputs_branch --json > changes.json
        pipeline diff outputs s3://news/out
    """
    try:
        result = diff_outputs(old, new)
    except DiffInputError as exc:
        click.echo(f"error: {exc}", err=True)
        sys.exit(2)
    click.echo(result.to_json() if as_json else format_diff(result, limit=limit))
    sys.exit(0 if result.identical else 1)
