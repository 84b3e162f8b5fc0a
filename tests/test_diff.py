"""``pipeline diff``: rows added, removed and changed between two output folders, and its exit status."""
from __future__ import annotations

import datetime as dt
import json
import shutil

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq
import pytest
from click.testing import CliRunner
from hypothesis import given
from hypothesis import strategies as st

from pipeline.tools.diff import (CORPUS, DiffInputError, _list_keys, diff_command, diff_outputs, format_diff,
                           show_value)
from pipeline.core.ids import span_id
from pipeline.core.schema import CONTRACT_TABLES, SCHEMAS, read_table, write_table

S1 = "003_f791254c45d2c24f.txt"
S2 = "004_7cab0b9feffd0baa.txt"


def _span(prefix: str, source: str, start: int, end: int, text: str, sentence: str | None = "s_1") -> dict:
    return {"doc_id": f"d_{source[:3]}", "source": source, "start": start, "end": end, "text": text,
            "sentence_id": sentence, f"{prefix}": span_id(prefix[0] + "_", source, start, end)}


def _quantity(source, start, end, text, kind, value, unit, approx=None) -> dict:
    row = _span("quantity_id", source, start, end, text)
    row.update(kind=kind, value=value, value_low=value, value_high=value, unit=unit, approx=approx, unit_rule=None)
    return row


def sample_tables() -> dict[str, list[dict]]:
    """A small but complete set of output tables across two sources (every contract table)."""
    documents = [
        {"doc_id": "d_003", "source": S1, "start": 0, "end": 2400, "title": "Budget plans", "published":
            dt.date(2025, 5, 19), "published_from": "metadata", "published_precision": "day", "encoding": "utf-8",
         "sha256": "a" * 64, "article": 0},
        {"doc_id": "d_004", "source": S2, "start": 0, "end": 900, "title": None, "published": None,
         "published_from": None, "published_precision": None, "encoding": "cp1252", "sha256": "b" * 64, "article": 0},
    ]
    sentences = [
        {"sentence_id": "s_1", "doc_id": "d_003", "source": S1, "start": 1200, "end": 1300,
         "text": "x" * 100, "paragraph": 3, "boilerplate": False, "boilerplate_reason": None},
        {"sentence_id": "s_2", "doc_id": "d_004", "source": S2, "start": 10, "end": 60,
         "text": "y" * 50, "paragraph": 0, "boilerplate": True, "boilerplate_reason": "byline"},
    ]
    entities = [
        {"entity_id": "e_boe", "name": "Bank of England", "label": "ORG", "aliases": ["Bank of England", "BoE"],
         "mentions": 3, "documents": 2, "kb_id": "Q806950"},
        {"entity_id": "e_reeves", "name": "Rachel Reeves", "label": "PERSON", "aliases": ["Reeves"],
         "mentions": 1, "documents": 1, "kb_id": None},
    ]
    mentions = [dict(_span("mention_id", S1, 1210, 1225, "Bank of England"), entity_id="e_boe", label="ORG",
                     detector="model"),
                dict(_span("mention_id", S2, 12, 18, "Reeves", "s_2"), entity_id="e_reeves", label="PERSON",
                     detector="gazetteer")]
    dates = [dict(_span("date_id", S1, 1250, 1258, "May 2025"), tclass="date", value="2025-05",
                  range_start=dt.date(2025, 5, 1), range_end=dt.date(2025, 5, 31), granularity="month",
                  anchored=False, anchor=None, mod=None)]
    quantities = [
        _quantity(S1, 1234, 1240, "€150bn", "money", 1.5e11, "EUR"),
        _quantity(S1, 1270, 1273, "40%", "percent", 40.0, "%", "about"),
        _quantity(S2, 30, 40, "some staff", "count", float("nan"), "staff"),
    ]
    claims = [dict(_span("claim_id", S1, 1200, 1300, "x" * 100), subject_entity_id="e_boe",
                   subject="Bank of England", predicate="said", quantity_ids=[quantities[0]["quantity_id"]],
                   date_ids=[dates[0]["date_id"]], entity_ids=["e_boe"], speaker_entity_id=None, speaker=None,
                   kind="statement", subject_mention_id=None, subject_rule="name", speaker_mention_id=None,
                   confidence=1.0)]
    texts = [{"source": S1, "text": "a" * 2400}, {"source": S2, "text": "b" * 900}]
    return {"documents": documents, "sentences": sentences, "entities": entities, "mentions": mentions,
            "dates": dates, "quantities": quantities, "claims": claims, "texts": texts}


def write_outputs(folder, tables: dict[str, list[dict]]):
    """Write the tables with write_table (nullable columns added to the schema later left null)."""
    folder.mkdir(parents=True, exist_ok=True)
    for name, rows in tables.items():
        nullable = [f.name for f in SCHEMAS[name] if f.nullable]
        write_table(name, [{**dict.fromkeys(nullable), **row} for row in rows], folder / f"{name}.parquet")
    return folder


@pytest.fixture
def old_new(tmp_path):
    """Two identical output folders written separately."""
    return write_outputs(tmp_path / "old", sample_tables()), write_outputs(tmp_path / "new", sample_tables())


def _edit(folder, name, change):
    frame = read_table(name, folder / f"{name}.parquet")
    write_table(name, change(frame), folder / f"{name}.parquet")


def _invoke(*args):
    return CliRunner().invoke(diff_command, [str(a) for a in args])


# ---------------------------------------------------------------------------------------------
# the acceptance cases


def test_identical_outputs_report_no_change_and_exit_0(old_new):
    old, new = old_new
    result = diff_outputs(old, new)
    assert result.identical
    assert len(result.events) == 0
    run = _invoke(old, new)
    assert run.exit_code == 0, run.output
    assert run.output.startswith("no differences")


def test_one_changed_one_removed_one_added_are_exactly_three(old_new):
    old, new = old_new
    added = _quantity(S2, 70, 73, "£2m", "money", 2e6, "GBP")

    def change(frame):
        frame.loc[frame["text"] == "€150bn", "value"] = 1.5e10
        frame = frame[frame["text"] != "40%"]
        return pd.concat([frame, pd.DataFrame([added])], ignore_index=True)

    _edit(new, "quantities", change)
    result = diff_outputs(old, new)
    events = result.events
    assert sorted(zip(events["table"], events["change"], events["start"])) == [
        ("quantities", "added", 70), ("quantities", "changed", 1234), ("quantities", "removed", 1270)]
    records = {r["change"]: r for r in result.records()}
    assert records["changed"]["columns"] == {"value": {"old": 1.5e11, "new": 1.5e10}}
    assert records["changed"]["matched_by"] == "id"
    assert records["removed"]["row"]["approx"] == "about"
    assert records["added"]["id"] == added["quantity_id"]
    for name, diff in result.tables.items():
        assert diff.identical == (name != "quantities"), name

    run = _invoke(old, new)
    assert run.exit_code == 1
    assert f"~ quantities {S1} [1234:1240] '€150bn': value 1.5e11 -> 1.5e10" in run.output
    assert f"- quantities {S1} [1270:1273] '40%': removed" in run.output
    assert f"+ quantities {S2} [70:73] '£2m': added {added['quantity_id']}" in run.output
    assert "quantities +1 -1 ~1 (3 -> 3 rows); changed columns: value 1" in run.output


def test_a_row_whose_id_changed_but_span_did_not_shows_as_changed(old_new):
    old, new = old_new

    def change(frame):
        row = frame["text"] == "some staff"
        frame.loc[row, "quantity_id"] = "q_new_recipe"
        frame.loc[row, "unit"] = "staff members"
        return frame

    _edit(new, "quantities", change)
    result = diff_outputs(old, new)
    assert list(result.events["change"]) == ["changed"]
    (record,) = result.records()
    assert record["matched_by"] == "span"
    assert record["new_id"] == "q_new_recipe" and record["old_id"].startswith("q_")
    assert set(record["columns"]) == {"quantity_id", "unit"}
    assert "(matched by span)" in format_diff(result)


def test_an_entity_whose_id_changed_is_matched_by_label_and_name(old_new):
    old, new = old_new

    def change(frame):
        frame.loc[frame["entity_id"] == "e_boe", ["entity_id", "mentions"]] = ["Q806950", 4]
        return frame

    _edit(new, "entities", change)
    (record,) = diff_outputs(old, new).records()
    assert record["source"] == CORPUS and record["matched_by"] == "name"
    assert record["columns"] == {"entity_id": {"old": "e_boe", "new": "Q806950"}, "mentions": {"old": 3, "new": 4}}


# ---------------------------------------------------------------------------------------------
# how values are compared


@pytest.mark.parametrize(("table", "column", "new_value", "differs", "shown"), [
    ("claims", "entity_ids", ["e_boe"], False, None),
    ("claims", "entity_ids", ["e_boe", "e_reeves"], True, "['e_boe'] -> ['e_boe', 'e_reeves']"),
    ("entities", "aliases", ["BoE", "Bank of England"], True, "['Bank of England', 'BoE'] -> ['BoE', 'Bank of England']"),
    ("entities", "aliases", ["Bank of England, BoE"], True, None),
    ("claims", "date_ids", [], True, None),
    ("quantities", "value", 1.5e11, False, None),
    ("quantities", "value", float(np.nextafter(1.5e11, np.inf)), True, None),
    ("quantities", "value", float("nan"), True, "value 1.5e11 -> null"),
    ("quantities", "approx", "", True, "approx null -> ''"),
    ("dates", "range_end", dt.date(2025, 5, 30), True, "range_end '2025-05-31' -> '2025-05-30'"),
    ("dates", "anchored", True, True, "anchored false -> true"),
    ("documents", "published", dt.date(2025, 5, 19), False, None),
    ("sentences", "paragraph", 4, True, "paragraph 3 -> 4"),
])
def test_values_are_compared_as_the_contract_means(old_new, table, column, new_value, differs, shown):
    old, new = old_new

    def change(frame):
        frame[column] = frame[column].astype(object)
        frame.at[0, column] = new_value
        return frame

    _edit(new, table, change)
    result = diff_outputs(old, new)
    assert (not result.identical) == differs
    if differs:
        (record,) = result.records()
        assert list(record["columns"]) == [column]
    if shown:
        assert shown in format_diff(result)


def test_missing_value_equals_missing_value(old_new):
    """NaN in a float column and null in a string column compare equal to themselves."""
    old, new = old_new
    _edit(new, "quantities", lambda f: f.assign(approx=f["approx"].where(f["approx"].notna(), None)))
    assert diff_outputs(old, new).identical


@given(st.lists(st.one_of(st.none(), st.text(alphabet=":|~0123a,", max_size=4)), max_size=4),
       st.lists(st.one_of(st.none(), st.text(alphabet=":|~0123a,", max_size=4)), max_size=4))
def test_list_keys_are_equal_exactly_when_the_lists_are(left, right):
    keys = _list_keys(pa.chunked_array([pa.array([left, right, None], pa.list_(pa.string()))])).to_pylist()
    assert (keys[0] == keys[1]) == (left == right)
    assert keys[2] is None and keys[0] is not None


def test_row_order_does_not_matter(old_new, tmp_path):
    old, new = old_new
    # write bypassing write_table's sort, rows reversed
    for name in CONTRACT_TABLES:
        table = pq.read_table(old / f"{name}.parquet")
        pq.write_table(table.take(pa.array(range(table.num_rows - 1, -1, -1))), new / f"{name}.parquet")
    assert diff_outputs(old, new).identical


def test_repeated_ids_pair_up_instead_of_multiplying(old_new):
    old, new = old_new
    for folder in (old, new):
        _edit(folder, "mentions", lambda f: f.assign(mention_id="m_same"))
    assert diff_outputs(old, new).identical
    _edit(new, "mentions", lambda f: f.assign(label=["ORG", "GPE"]))
    (record,) = diff_outputs(old, new).records()
    assert record["columns"] == {"label": {"old": "PERSON", "new": "GPE"}}


def test_a_new_column_and_a_table_on_one_side_are_differences(old_new):
    old, new = old_new
    table = pq.read_table(new / "dates.parquet")
    pq.write_table(table.append_column("calendar", pa.array(["gregorian"] * table.num_rows)), new / "dates.parquet")
    (old / "claims.parquet").unlink()
    result = diff_outputs(old, new)
    text = format_diff(result)
    assert "! dates: column 'calendar' added" in text
    assert "! claims.parquet only in NEW" in text
    assert result.tables["claims"].summary()["added"] == 1
    assert _invoke(old, new).exit_code == 1


def test_limit_caps_the_listed_rows_and_says_how_many_are_hidden(old_new):
    old, new = old_new
    _edit(new, "quantities", lambda f: f.assign(unit="XXX"))
    result = diff_outputs(old, new)
    text = format_diff(result, limit=1)
    assert sum(line.startswith("~ ") for line in text.splitlines()) == 1
    assert "2 more differing rows" in text
    assert sum(line.startswith("~ ") for line in format_diff(result, limit=0).splitlines()) == 3


def test_rows_are_grouped_by_source_with_corpus_rows_last(old_new):
    old, new = old_new
    _edit(new, "entities", lambda f: f.assign(kb_id="Q1"))
    _edit(new, "quantities", lambda f: f.assign(unit="XXX"))
    _edit(new, "documents", lambda f: f.assign(encoding="latin-1"))
    sources = list(diff_outputs(old, new).events["source"])
    assert sources == [S1, S1, S1, S2, S2, CORPUS, CORPUS]
    tables = list(diff_outputs(old, new).events["table"])
    assert tables[:3] == ["documents", "quantities", "quantities"]


@pytest.mark.parametrize(("value", "shown"), [
    (1.5e11, "1.5e11"), (1.5e10, "1.5e10"), (40.0, "40.0"), (0.25, "0.25"), (123456.5, "123456.5"),
    (2.5e-7, "2.5e-7"), (None, "null"), ("EUR", "'EUR'"), (["a", None], "['a', null]"), (False, "false"),
    (7, "7"),
])
def test_show_value(value, shown):
    assert show_value(value) == shown


# ---------------------------------------------------------------------------------------------
# the command line


def test_json_output_shape(old_new):
    old, new = old_new
    _edit(new, "quantities", lambda f: f.assign(value=f["value"] * 10).iloc[1:])
    run = _invoke(old, new, "--json")
    assert run.exit_code == 1
    data = json.loads(run.output)
    assert set(data) == {"identical", "old", "new", "notes", "tables", "sources"}
    assert data["identical"] is False
    assert set(data["tables"]) == set(CONTRACT_TABLES)
    assert data["tables"]["quantities"] == {
        "old_rows": 3, "new_rows": 2, "added": 0, "removed": 1, "changed": 1,
        "changed_columns": {"value": 1}, "columns_added": [], "columns_removed": [], "type_changes": {}}
    assert set(data["sources"]) == {S1}
    removed, changed = data["sources"][S1]
    assert removed["change"] == "removed" and removed["row"]["value"] == 1.5e11
    assert set(removed) == {"table", "change", "start", "end", "text", "id", "row"}
    assert set(changed) == {"table", "change", "start", "end", "text", "old_id", "new_id", "matched_by", "columns"}
    assert changed["columns"] == {"value": {"old": 40.0, "new": 400.0}}
    # the NaN count never leaks into JSON as NaN: it is unchanged, and missing values are null
    assert "NaN" not in run.output


def test_json_of_identical_outputs(old_new):
    run = _invoke(*old_new, "--json")
    assert run.exit_code == 0
    data = json.loads(run.output)
    assert data["identical"] is True and data["sources"] == {}


@pytest.mark.parametrize(("make", "code"), [
    (lambda tmp: tmp / "nope", "E070"),
    (lambda tmp: (tmp / "file.txt").write_text("x") and tmp / "file.txt", "E070"),
    (lambda tmp: (tmp / "empty").mkdir() or tmp / "empty", "E071"),
    (lambda tmp: (tmp / "bad").mkdir() or (tmp / "bad" / "dates.parquet").write_bytes(b"nope") and tmp / "bad",
     "E072"),
])
@pytest.mark.parametrize("side", ["old", "new"])
def test_bad_input_folder_is_one_line_and_exit_2(old_new, tmp_path, make, code, side):
    old, new = old_new
    bad = make(tmp_path)
    args = (bad, new) if side == "old" else (old, bad)
    run = CliRunner().invoke(diff_command, [str(a) for a in args])
    assert run.exit_code == 2
    assert code in run.output and str(bad) in run.output
    assert len(run.output.strip().splitlines()) == 1 and "Traceback" not in run.output
    with pytest.raises(DiffInputError, match=code):
        diff_outputs(*args)


def test_help_has_an_example():
    run = CliRunner().invoke(diff_command, ["--help"])
    assert run.exit_code == 0
    assert "Example:" in run.output and "pipeline diff" in run.output


# ---------------------------------------------------------------------------------------------
# scale


def _synthetic_quantities(n: int) -> pd.DataFrame:
    """``n`` quantity rows over n/1000 sources, built column-wise (no Python loop over rows)."""
    index = pd.Series(np.arange(n))
    start = (index % 1000) * 10
    return pd.DataFrame({
        "quantity_id": "q_" + index.astype(str).str.zfill(7),
        "doc_id": "d_" + (index // 1000).astype(str),
        "source": (index // 1000).astype(str).str.zfill(4) + ".txt",
        "start": start, "end": start + 6, "text": "€150bn", "sentence_id": None, "kind": "money",
        "value": index * 1.5, "value_low": index * 1.5, "value_high": index * 1.5, "unit": "EUR",
        "approx": None, "unit_rule": None, "si_value": None, "si_unit": None,
    })


def test_a_million_rows_diff_correctly(tmp_path):
    old = _synthetic_quantities(1_000_000)
    new = old.copy()
    new.loc[[10, 500_000, 999_999], "value"] += 1.0
    new.loc[30, "quantity_id"] = "q_renamed"
    new.loc[40, "unit"] = "GBP"
    new = new.drop(index=[20, 600_000])
    extra = old.iloc[[5, 6]].assign(quantity_id=["q_extra1", "q_extra2"], start=[20_000, 20_010],
                                    end=[20_006, 20_016])
    new = pd.concat([new, extra], ignore_index=True)
    for name, frame in (("old", old), ("new", new)):
        (tmp_path / name).mkdir()
        table = pa.Table.from_pandas(frame, schema=SCHEMAS["quantities"], preserve_index=False)
        pq.write_table(table, tmp_path / name / "quantities.parquet")

    result = diff_outputs(tmp_path / "old", tmp_path / "new")
    diff = result.tables["quantities"]
    assert diff.summary()["changed_columns"] == {"quantity_id": 1, "value": 3, "unit": 1}
    assert sorted(old["quantity_id"].iloc[diff.removed]) == ["q_0000020", "q_0600000"]
    assert sorted(new["quantity_id"].iloc[diff.added]) == ["q_extra1", "q_extra2"]
    records = result.records()
    assert len(records) == 9
    by_id = {r.get("old_id"): r for r in records if r["change"] == "changed"}
    assert by_id["q_0999999"]["columns"] == {"value": {"old": 999_999 * 1.5, "new": 999_999 * 1.5 + 1}}
    assert by_id["q_0000030"]["matched_by"] == "span"
    assert by_id["q_0000040"]["columns"] == {"unit": {"old": "EUR", "new": "GBP"}}
    assert [r["source"] for r in records] == sorted(r["source"] for r in records)
    assert "~ quantities 0500.txt [0:6] '€150bn': value 750000.0 -> 750001.0" in format_diff(result)


# ---------------------------------------------------------------------------------------------
# the seed corpus's real outputs


def test_seed_outputs_against_a_copy_with_three_edits(seed_run, tmp_path):
    ws, _, tables, _ = seed_run
    old = ws.out_dir
    new = tmp_path / "new"
    shutil.copytree(old, new)
    assert _invoke(old, new).exit_code == 0
    quantities = tables.quantities.reset_index(drop=True)
    assert len(quantities) >= 3, "the seeds should yield quantities"
    changed, removed = quantities.iloc[0], quantities.iloc[1]
    edited = quantities.copy()
    edited.loc[0, "value"] = (changed["value"] if changed["value"] == changed["value"] else 1.0) * 10
    edited = edited.drop(index=1)
    added = removed.to_dict() | {"quantity_id": "q_added", "start": removed["start"] + 100_000,
                                 "end": removed["end"] + 100_000}
    edited = pd.concat([edited, pd.DataFrame([added])], ignore_index=True)
    write_table("quantities", edited, new / "quantities.parquet")
    # a hand-edited table no longer matches the manifest, which every reader refuses (tests/test_publishing.py);
    # without a manifest the folder is read unchecked, as a hand-made one is
    (new / "manifest.json").unlink()

    result = diff_outputs(old, new)
    assert sorted(result.events["change"]) == ["added", "changed", "removed"]
    (record,) = [r for r in result.records() if r["change"] == "changed"]
    assert list(record["columns"]) == ["value"] and record["old_id"] == changed["quantity_id"]
    assert _invoke(old, new).exit_code == 1


def test_diff_is_a_pipeline_subcommand():
    """`pipeline diff` is the command the issue asks for (wired in pipeline/cli.py)."""
    from pipeline.cli import main

    run = CliRunner().invoke(main, ["diff", "--help"])
    assert run.exit_code == 0, run.output
    assert "Example:" in run.output
