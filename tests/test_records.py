"""Record files (.jsonl, .csv, .parquet): each record is a source ``<file>#<id>`` whose offsets count in its text."""
from __future__ import annotations

import json

import pandas as pd
import pytest

TXT = "The European Union agreed €150bn in defence loans on 19 May 2025, officials said.\n"
RECORDS = {
    # ids with "/" and "#" must still give safe, distinct interim shards
    "news.jsonl#a/1": "Germany's economy grew 0.4% in the first quarter, Destatis said on Friday.\n",
    "news.jsonl#b#2": "\ufeffShell said on Thursday it would cut 500 jobs by 2026.\r\nThe shares rose 3%.",
    "news.jsonl#4": "Unicode \u2028 separator: France spent $2.5bn on 3 March 2024.",
    "wire.csv#c1": "Apple sold 50 million phones in 2024, the company said.\n\nIt hired 1,000 staff.",
    "wire.csv#2": "Toyota said profits fell 20% last year.",
    "feed.parquet#p1": "Brazil's central bank raised rates to 15% on Wednesday.",
    "feed.parquet#2": "Spain built 120 km of rail in 2023 at a cost of €3bn.",
}


def _write_corpus(raw):
    raw.mkdir()
    (raw / "plain.txt").write_text(TXT, encoding="utf-8")
    lines = [
        json.dumps({"id": "a/1", "text": RECORDS["news.jsonl#a/1"], "published": "2025-05-02", "title": "GDP"}),
        json.dumps({"id": "b#2", "text": RECORDS["news.jsonl#b#2"]}),
        "{not json at all",  # line 3: bad, an error row of its own
        json.dumps({"text": RECORDS["news.jsonl#4"]}, ensure_ascii=False),  # no id: line number 4
        json.dumps({"id": "x", "text": 42}),  # line 5: text not a string
        json.dumps({"id": "y", "title": "no text"}),  # line 6: no text
    ]
    (raw / "news.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    pd.DataFrame({"id": ["c1", ""], "text": [RECORDS["wire.csv#c1"], RECORDS["wire.csv#2"]],
                  "published": ["2025-01-10", ""]}).to_csv(raw / "wire.csv", index=False)
    pd.DataFrame({"id": ["p1", None], "text": [RECORDS["feed.parquet#p1"], RECORDS["feed.parquet#2"]],
                  "url": ["https://example.org/p1", None]}).to_parquet(raw / "feed.parquet")
    # sources.csv is metadata, not a record file; it may still date a record by its name
    (raw / "sources.csv").write_text("source,published,title,url\nfeed.parquet#2,2024-02-01,Rail,\n")


@pytest.fixture(scope="module")
def record_run(tmp_path_factory):
    from click.testing import CliRunner

    from pipeline import load
    from pipeline.cli import main

    base = tmp_path_factory.mktemp("records")
    _write_corpus(base / "raw")
    result = CliRunner().invoke(main, ["run", "--raw", str(base / "raw"), "--out", str(base / "o"),
                                       "--interim", str(base / "i")])
    return base, result, load(base / "o")


def test_every_good_record_is_a_source_and_every_bad_one_an_error_row(record_run):
    _, result, tables = record_run
    assert result.exit_code == 1, result.output  # the bad records fail the run's status, not the other records
    assert set(tables.documents["source"]) == {"plain.txt", *RECORDS}
    errors = tables.errors.sort_values("line")
    assert list(errors["source"]) == ["news.jsonl#3", "news.jsonl#5", "news.jsonl#6"]
    assert list(errors["code"]) == ["E028"] * 3
    assert list(errors["line"]) == [3, 5, 6]
    assert all("news.jsonl line" in message for message in errors["message"])


def test_every_span_is_exact_against_its_records_text(record_run):
    _, _, tables = record_run
    texts = {"plain.txt": TXT, **RECORDS}
    assert dict(zip(tables.texts["source"], tables.texts["text"])) == texts  # each record's own text, as given
    checked = 0
    for name in ("sentences", "mentions", "dates", "quantities", "claims"):
        for row in tables[name].itertuples():
            assert texts[row.source][row.start:row.end] == row.text, (name, row.source, row.start)
            checked += 1
    for row in tables.documents.itertuples():
        assert 0 <= row.start < row.end <= len(texts[row.source])
    assert checked > 20
    # a record's BOM-like first character and CRLF are its text, kept as written
    first = tables.sentences[tables.sentences.source == "news.jsonl#b#2"].sort_values("start").iloc[0]
    assert first.start >= 0 and "Shell" in first.text
    assert set(tables.quantities["source"]) >= {"news.jsonl#a/1", "wire.csv#c1", "feed.parquet#2"}


def test_record_fields_and_sources_csv_date_the_records(record_run):
    _, _, tables = record_run
    docs = tables.documents.set_index("source")
    assert str(docs.loc["news.jsonl#a/1", "published"])[:10] == "2025-05-02"
    assert docs.loc["news.jsonl#a/1", "published_from"] == "metadata"
    assert docs.loc["news.jsonl#a/1", "title"] == "GDP"
    assert str(docs.loc["wire.csv#c1", "published"])[:10] == "2025-01-10"
    assert str(docs.loc["feed.parquet#2", "published"])[:10] == "2024-02-01"
    assert docs.loc["feed.parquet#2", "title"] == "Rail"


def test_load_source_text_reads_a_record_through_the_same_reader(record_run):
    _, _, tables = record_run
    for source, text in RECORDS.items():
        assert tables.source_text(source) == text
    assert tables.source_text("plain.txt") == TXT


def test_manifest_lists_each_record_file_once(record_run):
    _, _, tables = record_run
    listed = [item["source"] for item in tables.manifest["inputs"]]
    assert sorted(listed) == ["feed.parquet", "news.jsonl", "plain.txt", "wire.csv"]


def test_a_rerun_reuses_every_record_and_redoes_only_a_changed_one(record_run, tmp_path):
    import shutil

    from click.testing import CliRunner

    from pipeline.cli import main
    from pipeline.run.workspace import read_index

    base, _, _ = record_run
    shutil.copytree(base / "raw", tmp_path / "raw")
    shutil.copytree(base / "i", tmp_path / "i")
    before = read_index(tmp_path / "i" / "run.json")["sources"]
    lines = (tmp_path / "raw" / "news.jsonl").read_text(encoding="utf-8").split("\n")
    lines[0] = json.dumps({"id": "a/1", "text": RECORDS["news.jsonl#a/1"], "published": "2025-05-03"})
    (tmp_path / "raw" / "news.jsonl").write_text("\n".join(lines), encoding="utf-8")
    result = CliRunner().invoke(main, ["run", "--raw", str(tmp_path / "raw"), "--out", str(tmp_path / "o"),
                                       "--interim", str(tmp_path / "i")])
    assert result.exit_code == 1, result.output
    from pipeline import load

    docs = load(tmp_path / "o").documents.set_index("source")
    assert str(docs.loc["news.jsonl#a/1", "published"])[:10] == "2025-05-03"  # a changed field is a changed input
    after = read_index(tmp_path / "i" / "run.json")["sources"]
    assert after["news.jsonl#a/1"]["key"] != before["news.jsonl#a/1"]["key"]
    assert after["wire.csv#c1"] == before["wire.csv#c1"]


def test_record_names_split_at_the_record_files_suffix():
    from pipeline.run.records import split_record_name
    from pipeline.run.sources import shard_name

    assert split_record_name("news.jsonl#a/1") == ("news.jsonl", "a/1")
    assert split_record_name("a#b.jsonl#c#d") == ("a#b.jsonl", "c#d")
    assert split_record_name("notes#1.txt") is None
    names = {shard_name(s) for s in ("n.jsonl#a/b", "n.jsonl#a_b", "n.jsonl#a#b", "n.jsonl#1", "n.jsonl#2")}
    assert len(names) == 5 and not any("/" in n or "#" in n for n in names)


def test_a_record_file_without_text_is_one_coded_error():
    from pipeline.run.records import parse_records
    from pipeline.run.sources import InputError

    with pytest.raises(InputError, match=r"\[E028\] w\.csv line 1: no 'text' column"):
        parse_records(b"id,body\n1,hello\n", "w.csv", max_chars=100)
    records, problems = parse_records(b'{"id": 1, "text": "a"}\n{"id": 1, "text": "b"}\n', "n.jsonl", max_chars=100)
    assert [r.source for r in records] == ["n.jsonl#1"]
    assert [p.code for p in problems] == ["E029"]


def test_stage_by_stage_commands_read_records_as_run_does(record_run, tmp_path):
    """The Makefile's per-stage path splits record files the same way and gives the same tables."""
    from pipeline.core.schema import CONTRACT_TABLES
    from pipeline.run import steps
    from pipeline.run.config import load_config
    from pipeline.run.workspace import ErrorLog, Workspace

    base, _, _ = record_run
    staged = Workspace(raw_dir=base / "raw", interim_dir=tmp_path / "interim", out_dir=tmp_path / "out",
                       config=load_config(), errors=ErrorLog())
    for step in (steps.stage_segment, steps.stage_nlp, steps.stage_dates, steps.stage_quantities,
                 steps.stage_mentions, steps.stage_reconcile, steps.stage_claims, steps.stage_publish):
        step(staged)
    assert {row["source"] for row in staged.errors.rows} >= {"news.jsonl#3", "news.jsonl#5", "news.jsonl#6"}
    for name in CONTRACT_TABLES:
        assert (staged.out_dir / f"{name}.parquet").read_bytes() == (base / "o" / f"{name}.parquet").read_bytes(), name


def test_worker_processes_read_records_as_one_process_does(record_run, tmp_path, config):
    """Records travel to worker processes as decoded text and come back as the same tables."""
    import shutil

    from pipeline.core.schema import CONTRACT_TABLES
    from pipeline.run.runner import ErrorLog, Workspace, run_pipeline

    base, _, _ = record_run
    shutil.copytree(base / "raw", tmp_path / "raw")
    ws = Workspace(raw_dir=tmp_path / "raw", interim_dir=tmp_path / "i", out_dir=tmp_path / "o",
                   config=config, errors=ErrorLog())
    manifest = run_pipeline(ws, workers=2, batch_chars=100)  # tiny batches: both workers get records
    assert manifest["errors"] == 3
    for name in CONTRACT_TABLES:
        assert (ws.out_dir / f"{name}.parquet").read_bytes() == (base / "o" / f"{name}.parquet").read_bytes(), name


def test_an_output_folder_without_a_texts_table_reads_the_texts_from_the_input_folder(record_run):
    """Folders published before the texts table existed: source_text falls back to the run's raw folder."""
    from pipeline import load

    base, _, _ = record_run
    tables = load(base / "o")
    tables._frames["texts"] = tables.texts.iloc[:0]  # what such a folder gives
    for source, text in RECORDS.items():
        assert tables.source_text(source) == text
    assert str(tables.show(tables.quantities[tables.quantities.source == "wire.csv#2"].iloc[0], width=0)) == "[[20%]]"
