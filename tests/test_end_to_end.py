"""One run over the seeds: the contract's tables, the span invariant, links, stability."""
from __future__ import annotations

import pandas as pd
import pyarrow.parquet as pq
import pytest

from pipeline.core.schema import CONTRACT_TABLES, ID_COLUMN, SCHEMAS

from .conftest import run_stage_by_stage

CONTRACT_COLUMNS = {
    "documents": ["doc_id", "source", "start", "end", "title", "published", "published_from", "encoding", "sha256"],
    "sentences": ["sentence_id", "doc_id", "source", "start", "end", "text", "paragraph", "boilerplate"],
    "entities": ["entity_id", "name", "label", "aliases", "mentions", "documents", "kb_id"],
    "mentions": ["mention_id", "entity_id", "doc_id", "source", "start", "end", "text", "sentence_id", "label"],
    "dates": ["date_id", "doc_id", "source", "start", "end", "text", "sentence_id", "tclass", "value",
              "range_start", "range_end", "granularity", "anchored", "anchor"],
    "quantities": ["quantity_id", "doc_id", "source", "start", "end", "text", "sentence_id", "kind", "value",
                   "value_low", "value_high", "unit", "approx"],
    "claims": ["claim_id", "doc_id", "source", "start", "end", "text", "sentence_id", "subject_entity_id", "subject",
               "predicate", "quantity_ids", "date_ids", "entity_ids", "speaker_entity_id", "kind"],
    "texts": ["source", "text"],
}
SPAN_TABLES = ["sentences", "mentions", "dates", "quantities", "claims"]


def test_every_table_and_the_manifest_are_written(seed_run):
    ws, manifest, tables, _ = seed_run
    for name in CONTRACT_TABLES:
        assert (ws.out_dir / f"{name}.parquet").exists(), name
    assert (ws.out_dir / "manifest.json").exists()
    assert manifest["errors"] == 0, tables.errors.to_dict("records")
    assert set(manifest["rows"]) >= set(CONTRACT_TABLES)
    assert {i["source"] for i in manifest["inputs"]} == set(tables.documents["source"])
    for key in ("spacy", "model"):
        assert manifest["versions"][key]
    assert manifest["seconds"]["nlp"] > 0


@pytest.mark.parametrize("name", CONTRACT_TABLES)
def test_contract_columns_and_types(seed_run, name):
    ws, _, tables, _ = seed_run
    schema = pq.read_schema(ws.out_dir / f"{name}.parquet")
    for column in CONTRACT_COLUMNS[name]:
        assert column in schema.names, f"{name}.{column} missing"
        assert schema.field(column).type == SCHEMAS[name].field(column).type
    assert schema.metadata[b"schema_version"] == b"1"
    ids = tables[name][ID_COLUMN[name]]
    assert ids.is_unique, f"{name}: duplicate IDs"


@pytest.mark.parametrize("name", SPAN_TABLES)
def test_every_span_is_its_source_text(seed_run, name):
    _, _, tables, texts = seed_run
    frame = tables[name]
    assert len(frame), f"{name} is empty"
    published = dict(zip(tables.texts["source"], tables.texts["text"]))
    for row in frame.itertuples():
        assert texts[row.source][row.start:row.end] == row.text, (name, row)
        assert published[row.source][row.start:row.end] == row.text, (name, row)  # no raw folder needed


def test_the_texts_table_holds_each_source_decoded_text(seed_run):
    ws, manifest, tables, texts = seed_run
    assert dict(zip(tables.texts["source"], tables.texts["text"])) == texts
    assert list(tables.texts["source"]) == sorted(texts)
    assert manifest["files"]["texts.parquet"]["rows"] == len(texts)


def test_documents_cover_their_sentences_and_004_holds_several_articles(seed_run):
    _, _, tables, texts = seed_run
    documents = tables.documents
    per_source = documents.groupby("source").size()
    assert per_source["004_7cab0b9feffd0baa.txt"] >= 6
    for source in ("000_3ae3fb871738f1df.txt", "001_546b4fd73cca9fc4.txt", "003_f791254c45d2c24f.txt"):
        assert per_source[source] == 1
    spans = {row.doc_id: (row.start, row.end) for row in documents.itertuples()}
    for name in SPAN_TABLES:
        for row in tables[name].itertuples():
            start, end = spans[row.doc_id]
            assert start <= row.start <= row.end <= end, (name, row)
    for row in documents.itertuples():
        assert 0 <= row.start < row.end <= len(texts[row.source])


def test_publication_dates_come_from_metadata_dateline_or_inference(seed_run):
    _, _, tables, _ = seed_run
    by_source = tables.documents.groupby("source").first()
    assert str(by_source.loc["000_3ae3fb871738f1df.txt", "published"])[:10] == "2025-03-17"  # a datetime
    assert by_source.loc["000_3ae3fb871738f1df.txt", "published_from"] == "metadata"
    assert by_source.loc["002_d24cd345f8d21f72.txt", "published"].strftime("%Y-%m-%d") == "2026-02-01"
    assert by_source.loc["002_d24cd345f8d21f72.txt", "published_from"] == "dateline"
    assert set(tables.documents["published_from"].dropna()) <= {"metadata", "dateline", "inferred"}


def test_every_link_points_at_an_existing_row(seed_run):
    _, _, tables, _ = seed_run
    entity_ids = set(tables.entities["entity_id"])
    assert set(tables.mentions["entity_id"]) <= entity_ids
    sentence_ids = set(tables.sentences["sentence_id"])
    for name in SPAN_TABLES:
        assert set(tables[name]["sentence_id"].dropna()) <= sentence_ids, name
    claims = tables.claims
    assert len(claims)
    quantity_ids, date_ids = set(tables.quantities["quantity_id"]), set(tables.dates["date_id"])
    for row in claims.itertuples():
        assert set(row.quantity_ids) <= quantity_ids
        assert set(row.date_ids) <= date_ids
        assert set(row.entity_ids) <= entity_ids
        assert pd.isna(row.speaker_entity_id) or row.speaker_entity_id in entity_ids
        assert pd.isna(row.subject_entity_id) or row.subject_entity_id in entity_ids
        # a claim links a value, or states a named actor's act or state and links that entity, or is a sentence
        # whose only figures went to a relative clause's own row (claims round 48, CONTRACT.md: relative_values)
        assert (len(row.quantity_ids) + len(row.date_ids) >= 1 or row.subject_entity_id in entity_ids
                or "relative_values" in str(row.confidence_evidence).split()), row.claim_id
    counts = tables.mentions.groupby("entity_id").size()
    for row in tables.entities.itertuples():
        assert row.mentions == counts[row.entity_id]


def test_rerun_reuses_every_source_and_gives_identical_bytes(seed_run, nlp):
    from pipeline.run.runner import run_pipeline

    ws, _, _, _ = seed_run
    before = {name: (ws.out_dir / f"{name}.parquet").read_bytes() for name in CONTRACT_TABLES}
    manifest = run_pipeline(ws, nlp=nlp)
    assert manifest["seconds"].get("nlp", 0) == 0  # nothing was re-annotated
    assert "start_engine" not in manifest["seconds"]  # nor was an engine (and its model) started
    after = {name: (ws.out_dir / f"{name}.parquet").read_bytes() for name in CONTRACT_TABLES}
    assert before == after


def test_stage_by_stage_commands_give_the_same_tables_as_run(seed_run, tmp_path):
    """The Makefile's per-stage path and `pipeline run` must agree row for row."""
    ws, _, tables, _ = seed_run
    staged = run_stage_by_stage(ws, tmp_path)
    for name in CONTRACT_TABLES:
        assert (staged.out_dir / f"{name}.parquet").read_bytes() == (ws.out_dir / f"{name}.parquet").read_bytes(), name


# ---------------------------------------------------------------------------------------------
# acceptance (issue 20): one folder of every input kind, through `pipeline run` and `make all`

MIXED = {
    "wire.txt": "The European Union agreed €150bn in defence loans on 19 May 2025, officials said.\n",
    "feed.jsonl#a1": "Germany's economy grew 0.4% in the first quarter, Destatis said on Friday.",
    "feed.jsonl#a2": "Shell said on Thursday it would cut 500 jobs by 2026.",
    "export.csv#c1": "Toyota said profits fell 20% last year.",
    "dump.parquet#p1": "Brazil's central bank raised rates to 15% on Wednesday.",
}
PAGE = ("<html><head><title>Rates rise</title></head><body><nav>Home | News</nav><article><h1>Rates rise</h1>"
        "<p>The Bank of England raised interest rates to 5% on Thursday, its governor said.</p>"
        "<p>Markets in London fell 2% after the decision.</p></article><footer>Copyright 2025</footer></body></html>")


def write_mixed_corpus(raw) -> None:
    """A .txt, a .jsonl of three records (the middle one bad), a .csv, a .parquet and an .html page."""
    import json

    raw.mkdir()
    (raw / "wire.txt").write_text(MIXED["wire.txt"], encoding="utf-8")
    (raw / "feed.jsonl").write_text("\n".join([
        json.dumps({"id": "a1", "text": MIXED["feed.jsonl#a1"], "published": "2025-05-02"}),
        json.dumps({"id": "bad", "body": "no text field"}),
        json.dumps({"id": "a2", "text": MIXED["feed.jsonl#a2"]}),
    ]) + "\n", encoding="utf-8")
    pd.DataFrame({"id": ["c1"], "text": [MIXED["export.csv#c1"]]}).to_csv(raw / "export.csv", index=False)
    pd.DataFrame({"id": ["p1"], "text": [MIXED["dump.parquet#p1"]]}).to_parquet(raw / "dump.parquet")
    (raw / "page.html").write_text(PAGE, encoding="utf-8")


def check_mixed_outputs(out) -> None:
    """Every good record in the tables, the bad one in errors.parquet, every span exact against `texts`."""
    from pipeline import load

    tables = load(out)
    sources = {*MIXED, "page.html"}
    assert set(tables.documents["source"]) == sources
    errors = tables.errors
    assert list(errors["source"]) == ["feed.jsonl#2"] and list(errors["code"]) == ["E028"], errors
    texts = dict(zip(tables.texts["source"], tables.texts["text"]))
    assert set(texts) == sources
    assert {source: texts[source] for source in MIXED} == MIXED
    assert "Bank of England" in texts["page.html"] and "Copyright" not in texts["page.html"]
    checked = 0
    for name in SPAN_TABLES:
        for row in tables[name].itertuples():
            assert texts[row.source][row.start:row.end] == row.text, (name, row.source, row.start)
            checked += 1
    assert checked > 30 and set(tables.quantities["source"]) >= {"wire.txt", "feed.jsonl#a1", "page.html"}


def test_acceptance_every_input_kind_through_pipeline_run(tmp_path):
    pytest.importorskip("trafilatura", reason="trafilatura (pinned in pyproject.toml) is not installed here")
    from click.testing import CliRunner

    from pipeline.cli import main

    write_mixed_corpus(tmp_path / "raw")
    result = CliRunner().invoke(main, ["run", "--raw", str(tmp_path / "raw"), "--out", str(tmp_path / "out"),
                                       "--interim", str(tmp_path / "interim")])
    assert result.exit_code == 1, result.output  # the bad record fails the status, and nothing else
    assert "[E028]" in result.output and "feed.jsonl" in result.output
    check_mixed_outputs(tmp_path / "out")


def _make(tmp_path, *args: str):
    """`make` in the repository with its folders pointed into ``tmp_path`` and the pipeline of this checkout."""
    import os
    import shutil
    import subprocess
    import sys

    from .conftest import ROOT

    if shutil.which("make") is None:
        pytest.skip("make is not installed")
    venv = tmp_path / "venv"  # a stand-in whose .installed is fresh, so make installs nothing
    venv.mkdir(exist_ok=True)
    (venv / ".installed").touch()
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    variables = [f"RAW={tmp_path / 'raw'}", f"OUT={tmp_path / 'out'}", f"INTERIM={tmp_path / 'interim'}",
                 f"VENV={venv}", f"PIPE={sys.executable} -m pipeline.cli"]
    return subprocess.run(["make", "-C", str(ROOT), *args, *variables], capture_output=True, text=True, env=env,
                          timeout=900)


def test_make_all_takes_raw_out_and_interim_folders(tmp_path):
    """A dry run: every stage command reads RAW and INTERIM, publish writes OUT (nothing runs)."""
    write_mixed_corpus(tmp_path / "raw")
    run = _make(tmp_path, "-n", "all")
    assert run.returncode == 0, run.stderr
    commands = [line for line in run.stdout.splitlines() if "pipeline.cli" in line]
    stages = ["segment", "nlp", "dates", "quantities", "mentions", "reconcile", "claims", "publish"]
    assert {line.split("pipeline.cli ")[1].split()[0] for line in commands} == set(stages)
    assert all(f"--raw {tmp_path / 'raw'}" in line and f"--interim {tmp_path / 'interim'}" in line
               for line in commands)
    assert f"--out {tmp_path / 'out'}" in commands[-1]


@pytest.mark.slow
def test_acceptance_every_input_kind_through_make_all(tmp_path):
    pytest.importorskip("trafilatura", reason="trafilatura (pinned in pyproject.toml) is not installed here")
    write_mixed_corpus(tmp_path / "raw")
    run = _make(tmp_path, "all")
    assert run.returncode != 0 and "[E028]" in run.stderr, run.stderr  # publish exits 1 on the bad record
    check_mixed_outputs(tmp_path / "out")
