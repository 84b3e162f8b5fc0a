"""The one write function: schema checks, sorting, metadata and atomic replacement."""
from __future__ import annotations

import datetime as dt

import pandas as pd
import pyarrow.parquet as pq
import pytest

from pipeline.core.schema import SCHEMAS, SchemaError, read_table, write_table


def _date_row(**overrides):
    row = {
        "date_id": "t_1", "doc_id": "d_1", "source": "a.txt", "start": 5, "end": 11, "text": "19 May",
        "sentence_id": "s_1", "tclass": "date", "value": "2025-05-19", "range_start": dt.date(2025, 5, 19),
        "range_end": dt.date(2025, 5, 19), "granularity": "day", "anchored": True, "anchor": dt.date(2025, 5, 20),
        "mod": None, "reference": None,
    }
    row.update(overrides)
    return row


def test_round_trip_keeps_types_and_values(tmp_path):
    path = tmp_path / "dates.parquet"
    assert write_table("dates", [_date_row()], path) == 1
    frame = read_table("dates", path)
    assert frame.loc[0, "value"] == "2025-05-19"
    assert pq.read_schema(path).field("start").type == SCHEMAS["dates"].field("start").type
    assert pq.read_schema(path).metadata[b"schema_version"] == b"1"


@pytest.mark.parametrize(
    ("rows", "code"),
    [
        ([{k: v for k, v in _date_row().items() if k != "value"}], "E100"),
        ([{**_date_row(), "surprise": 1}], "E101"),
        ([_date_row(start="five")], "E102"),
        ([_date_row(tclass=None)], "E103"),
    ],
    ids=["missing-column", "undeclared-column", "wrong-type", "null-in-required"],
)
def test_bad_rows_are_refused_with_a_code(tmp_path, rows, code):
    frame = pd.DataFrame.from_records(rows)
    with pytest.raises(SchemaError, match=code):
        write_table("dates", frame, tmp_path / "dates.parquet")


def test_a_refused_write_leaves_the_previous_file_intact(tmp_path):
    path = tmp_path / "dates.parquet"
    write_table("dates", [_date_row()], path)
    before = path.read_bytes()
    with pytest.raises(SchemaError):
        write_table("dates", [_date_row(anchored=None)], path)
    assert path.read_bytes() == before
    assert [p.name for p in tmp_path.iterdir()] == ["dates.parquet"]


def test_span_tables_are_sorted_by_source_and_offsets(tmp_path):
    rows = [_date_row(date_id="t_b", source="b.txt", start=1, end=2),
            _date_row(date_id="t_a2", source="a.txt", start=9, end=12),
            _date_row(date_id="t_a1", source="a.txt", start=1, end=4)]
    write_table("dates", rows, tmp_path / "d.parquet")
    assert list(read_table("dates", tmp_path / "d.parquet")["date_id"]) == ["t_a1", "t_a2", "t_b"]


def test_same_rows_give_the_same_bytes(tmp_path):
    write_table("dates", [_date_row()], tmp_path / "one.parquet")
    write_table("dates", [_date_row()], tmp_path / "two.parquet")
    assert (tmp_path / "one.parquet").read_bytes() == (tmp_path / "two.parquet").read_bytes()
