"""Golden snapshots: the seed corpus's tables as committed sorted JSONL, and the test that guards them."""
from __future__ import annotations

import datetime as dt
import json

import pyarrow as pa
import pyarrow.parquet as pq
import pytest
from click.testing import CliRunner

from pipeline.tools.golden import (compare_snapshots, diff_snapshots, load_snapshots, main, read_snapshot,
                             snapshot_lines, write_snapshots)
from pipeline.core.schema import CONTRACT_TABLES, SCHEMAS, read_table, write_table

from .conftest import ROOT
from .test_diff import S1, S2, sample_tables, write_outputs

GOLDEN = ROOT / "tests" / "golden"


def test_the_seed_corpus_matches_the_committed_snapshots(seed_run):
    """Any change to what the tables say fails here, naming the rows and values.

    When the change is deliberate, record it with `make golden` and commit the JSONL diff.
    """
    ws, _, _, _ = seed_run
    differences = compare_snapshots(ws.out_dir, GOLDEN)
    assert not differences, (
        f"{len(differences)} difference(s) between {GOLDEN} (old) and this run (new); "
        "if they are intended, run `make golden` and commit tests/golden:\n" + "\n".join(differences[:200])
        + (f"\n… {len(differences) - 200} more" if len(differences) > 200 else ""))


@pytest.mark.parametrize("name", CONTRACT_TABLES)
def test_committed_snapshots_are_in_canonical_form(name):
    """Each committed file is exactly what write_snapshots would write (sorted, keys sorted, one row a line)."""
    path = GOLDEN / f"{name}.jsonl"
    assert path.is_file(), f"{path} missing; run `make golden`"
    text = path.read_text(encoding="utf-8")
    assert text.splitlines() == snapshot_lines(name, read_snapshot(name, path))
    assert text == "" or text.endswith("\n")


# ---------------------------------------------------------------------------------------------
# the snapshot format


@pytest.fixture
def outputs(tmp_path):
    return write_outputs(tmp_path / "outputs", sample_tables())


def test_round_trip_has_no_differences(outputs, tmp_path):
    counts = write_snapshots(outputs, tmp_path / "golden")
    assert counts == {name: len(rows) for name, rows in sample_tables().items()}
    assert compare_snapshots(outputs, tmp_path / "golden") == []
    snapshots, notes = load_snapshots(tmp_path / "golden")
    assert notes == []
    for name in CONTRACT_TABLES:
        # JSON loses dates and typed nulls; reading gives the declared types back
        assert [(f.name, f.type) for f in snapshots[name].schema] == [(f.name, f.type) for f in SCHEMAS[name]]


def test_one_row_a_line_keys_and_rows_sorted(outputs, tmp_path):
    write_snapshots(outputs, tmp_path / "golden")
    lines = (tmp_path / "golden" / "quantities.jsonl").read_text(encoding="utf-8").splitlines()
    rows = [json.loads(line) for line in lines]
    assert [(r["source"], r["start"]) for r in rows] == [(S1, 1234), (S1, 1270), (S2, 30)]
    assert all(list(r) == sorted(r) for r in rows)
    assert '"text": "€150bn"' in lines[0] and '"value": 150000000000.0' in lines[0]
    assert '"value": null' in lines[2]  # NaN is written as null, never as bare NaN
    entities = [json.loads(line) for line in (tmp_path / "golden" / "entities.jsonl").read_text().splitlines()]
    assert [e["entity_id"] for e in entities] == sorted(e["entity_id"] for e in entities)
    assert entities[0]["aliases"] == ["Bank of England", "BoE"]
    dates = json.loads((tmp_path / "golden" / "dates.jsonl").read_text())
    assert dates["range_start"] == "2025-05-01" and dates["anchor"] is None


def test_snapshot_bytes_do_not_depend_on_row_order(outputs, tmp_path):
    write_snapshots(outputs, tmp_path / "a")
    for name in CONTRACT_TABLES:
        table = pq.read_table(outputs / f"{name}.parquet")
        pq.write_table(table.take(pa.array(range(table.num_rows - 1, -1, -1))), outputs / f"{name}.parquet")
    write_snapshots(outputs, tmp_path / "b")
    for name in CONTRACT_TABLES:
        assert (tmp_path / "a" / f"{name}.jsonl").read_bytes() == (tmp_path / "b" / f"{name}.jsonl").read_bytes()


def test_text_with_unicode_line_separators_stays_on_one_line(tmp_path):
    tables = sample_tables()
    tables["sentences"][0]["text"] = "a\u2028b\u2029c\u0085d\r\ne"
    write_outputs(tmp_path / "out", tables)
    write_snapshots(tmp_path / "out", tmp_path / "golden")
    text = (tmp_path / "golden" / "sentences.jsonl").read_text(encoding="utf-8")
    assert len(text.splitlines()) == 2
    assert compare_snapshots(tmp_path / "out", tmp_path / "golden") == []


def test_a_changed_value_fails_with_the_row_and_values(outputs, tmp_path):
    """What removing "bn" from the lexicon would do: the golden diff names the row and both values."""
    write_snapshots(outputs, tmp_path / "golden")
    frame = read_table("quantities", outputs / "quantities.parquet")
    frame.loc[frame["text"] == "€150bn", ["value", "value_low", "value_high"]] = 150.0
    write_table("quantities", frame, outputs / "quantities.parquet")
    differences = compare_snapshots(outputs, tmp_path / "golden")
    assert differences == [
        f"~ quantities {S1} [1234:1240] '€150bn': value 1.5e11 -> 150.0; value_low 1.5e11 -> 150.0; "
        "value_high 1.5e11 -> 150.0"]
    # rewriting records the change as one changed line of the JSONL file
    before = (tmp_path / "golden" / "quantities.jsonl").read_text().splitlines()
    write_snapshots(outputs, tmp_path / "golden")
    after = (tmp_path / "golden" / "quantities.jsonl").read_text().splitlines()
    assert [i for i, (a, b) in enumerate(zip(before, after)) if a != b] == [0]
    assert compare_snapshots(outputs, tmp_path / "golden") == []


def test_added_and_removed_rows_and_dates_are_named(outputs, tmp_path):
    write_snapshots(outputs, tmp_path / "golden")
    frame = read_table("dates", outputs / "dates.parquet")
    frame["range_end"] = dt.date(2025, 5, 30)
    write_table("dates", frame, outputs / "dates.parquet")
    write_table("mentions", read_table("mentions", outputs / "mentions.parquet").iloc[:1],
                outputs / "mentions.parquet")
    differences = compare_snapshots(outputs, tmp_path / "golden")
    assert len(differences) == 2
    assert differences[0].endswith("range_end '2025-05-31' -> '2025-05-30'")
    assert differences[1].startswith(f"- mentions {S2} [12:18] 'Reeves': removed m_")


def test_a_missing_snapshot_file_says_how_to_record_it(outputs, tmp_path):
    write_snapshots(outputs, tmp_path / "golden")
    (tmp_path / "golden" / "claims.jsonl").unlink()
    differences = compare_snapshots(outputs, tmp_path / "golden")
    assert any("claims.jsonl is missing" in d and "make golden" in d for d in differences)
    assert any(d.startswith("+ claims") for d in differences)
    assert not diff_snapshots(outputs, tmp_path / "golden").identical


def test_cli_help_and_a_bad_input_folder(tmp_path):
    run = CliRunner().invoke(main, ["--help"])
    assert run.exit_code == 0 and "Example:" in run.output and "tests/golden" in run.output
    run = CliRunner().invoke(main, ["--raw", str(tmp_path / "nope"), "--snapshots", str(tmp_path / "golden")])
    assert run.exit_code == 1
    assert "E078" in run.output and "nope" in run.output and "Traceback" not in run.output
    assert not (tmp_path / "golden").exists()


def test_infinite_and_missing_floats_round_trip(tmp_path):
    tables = sample_tables()
    tables["quantities"][1].update(value_high=float("inf"))
    write_outputs(tmp_path / "out", tables)
    write_snapshots(tmp_path / "out", tmp_path / "golden")
    assert "Infinity" in (tmp_path / "golden" / "quantities.jsonl").read_text()
    assert compare_snapshots(tmp_path / "out", tmp_path / "golden") == []
