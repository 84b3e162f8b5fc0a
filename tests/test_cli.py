"""The command line: help with examples, runs on any folder, clear one-line errors."""
from __future__ import annotations

import shutil

import pandas as pd
import pytest
from click.testing import CliRunner

from pipeline.cli import main

from .conftest import ROOT, RAW

COMMANDS = ["run", "segment", "nlp", "dates", "quantities", "mentions", "reconcile", "claims", "publish", "eval", "report", "diff"]


@pytest.mark.parametrize("command", COMMANDS)
def test_every_command_has_help_with_an_example(command):
    result = CliRunner().invoke(main, [command, "--help"])
    assert result.exit_code == 0, result.output
    assert "Example" in result.output


def test_group_help_lists_every_command():
    result = CliRunner().invoke(main, ["--help"])
    assert result.exit_code == 0
    for command in COMMANDS:
        assert command in result.output


def test_missing_input_folder_is_one_clear_line(tmp_path):
    result = CliRunner().invoke(main, ["run", "--raw", str(tmp_path / "nope"), "--out", str(tmp_path / "o"),
                                       "--interim", str(tmp_path / "i")])
    assert result.exit_code != 0
    assert "E010" in result.output and "nope" in result.output
    assert "Traceback" not in result.output


def test_run_on_another_folder_with_a_bad_file_and_a_bad_metadata_row(tmp_path, monkeypatch):
    """Two seeds, a binary file and a malformed sources.csv row: the seeds' tables are complete,
    each problem is named, the exit status says something failed, and outputs/ is untouched."""
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for name in ("000_3ae3fb871738f1df.txt", "001_546b4fd73cca9fc4.txt"):
        shutil.copy(RAW / name, corpus / name)
    (corpus / "scan.txt").write_bytes(b"%PDF-1.7 binary")
    (corpus / "sources.csv").write_text(
        "source,published,title,url\n000_3ae3fb871738f1df.txt,2025-03-17,,\n001_546b4fd73cca9fc4.txt,19.05.2025,,\n")
    repo_outputs = ROOT / "outputs"
    before = sorted(p.name for p in repo_outputs.iterdir()) if repo_outputs.exists() else None
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(main, ["run", "--raw", str(corpus), "--out", str(tmp_path / "out"),
                                       "--interim", str(tmp_path / "interim")])
    assert result.exit_code == 1, result.output
    assert "scan.txt" in result.output and "E013" in result.output
    assert "sources.csv line 3" in result.output and "E025" in result.output
    documents = pd.read_parquet(tmp_path / "out" / "documents.parquet")
    assert sorted(documents["source"]) == ["000_3ae3fb871738f1df.txt", "001_546b4fd73cca9fc4.txt"]
    errors = pd.read_parquet(tmp_path / "out" / "errors.parquet")
    assert set(errors["code"]) == {"E013", "E025"}
    after = sorted(p.name for p in repo_outputs.iterdir()) if repo_outputs.exists() else None
    assert before == after


def test_warnings_alone_are_recorded_but_do_not_fail_the_run(tmp_path):
    """An ignored sources.csv column (E022) and a number too large to store (E410) lose nothing of a source:
    both are errors.parquet rows with severity 'warning', printed as warnings, and the exit status stays 0;
    a file that cannot be read beside them still makes it 1."""
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "a.txt").write_text("The fund lost 1" + "0" * 400 + " dollars on Monday, Reuters said.\n")
    (corpus / "sources.csv").write_text("source,published,desk\na.txt,2025-03-17,markets\n")
    args = ["run", "--raw", str(corpus), "--out", str(tmp_path / "out"), "--interim", str(tmp_path / "interim")]
    result = CliRunner().invoke(main, args)
    assert result.exit_code == 0, result.output
    errors = pd.read_parquet(tmp_path / "out" / "errors.parquet")
    assert sorted(zip(errors["code"], errors["severity"])) == [("E022", "warning"), ("E410", "warning")]
    assert "warning: sources.csv" in result.output and "2 warning(s)" in result.output
    (corpus / "scan.txt").write_bytes(b"%PDF-1.7 binary")
    result = CliRunner().invoke(main, args)
    assert result.exit_code == 1, result.output
    assert "error: scan.txt" in result.output and "(1 error(s))" in result.output


def test_a_broken_lexicon_is_one_coded_line_not_a_traceback(tmp_path):
    import shutil as _shutil

    configs = tmp_path / "configs"
    _shutil.copytree(ROOT / "configs", configs)
    text = (configs / "quantities.toml").read_text()
    (configs / "quantities.toml").write_text(text.replace("[magnitudes]", "[magnitudez]", 1))
    (tmp_path / "raw").mkdir()
    (tmp_path / "raw" / "a.txt").write_text("The EU lent €5bn on Monday.\n")
    result = CliRunner().invoke(main, ["run", "--raw", str(tmp_path / "raw"), "--out", str(tmp_path / "o"),
                                       "--interim", str(tmp_path / "i"), "--config", str(configs / "pipeline.toml")])
    assert result.exit_code == 1
    assert "[E4" in result.output and "Traceback" not in result.output


STAGE_COMMANDS = ["segment", "nlp", "dates", "quantities", "mentions", "reconcile", "claims", "publish"]


@pytest.mark.parametrize("command", STAGE_COMMANDS)
def test_a_stage_command_on_a_locked_interim_folder_is_refused_like_run(tmp_path, command):
    """Each stage command (the Makefile's targets) takes the --interim lock `pipeline run` takes: while
    another run holds it the command writes nothing and says E040, naming the folder and the option."""
    from pipeline.run.workspace import folder_lock

    raw, interim, out = tmp_path / "raw", tmp_path / "interim", tmp_path / "out"
    raw.mkdir()
    shutil.copy(RAW / "001_546b4fd73cca9fc4.txt", raw)
    args = ["--raw", str(raw), "--interim", str(interim)] + (["--out", str(out)] if command == "publish" else [])
    with folder_lock(interim, role="interim"):
        result = CliRunner().invoke(main, [command, *args])
    assert result.exit_code == 1, result.output
    assert result.output.startswith("Error: [E040] another pipeline run is writing to the interim folder "), result.output
    assert str(interim) in result.output and "--interim" in result.output and "Traceback" not in result.output
    assert sorted(p.name for p in interim.iterdir()) == []  # nothing read or written under the lock
    assert not out.exists() or not any(out.iterdir())


def test_a_stage_command_releases_the_interim_lock_for_the_next(tmp_path):
    """The lock is held only while a command runs: make's next target (and a later run) get it."""
    from pipeline.run.workspace import folder_lock

    raw, interim = tmp_path / "raw", tmp_path / "interim"
    raw.mkdir()
    shutil.copy(RAW / "001_546b4fd73cca9fc4.txt", raw)
    result = CliRunner().invoke(main, ["segment", "--raw", str(raw), "--interim", str(interim)])
    assert result.exit_code == 0, result.output
    assert (interim / "segment.json").is_file()
    with folder_lock(interim, role="interim"):
        pass


def _stage_chain(raw: str, interim: str, out: str) -> None:
    for command in STAGE_COMMANDS:
        args = ["--raw", raw, "--interim", interim] + (["--out", out] if command == "publish" else [])
        result = CliRunner().invoke(main, [command, *args])
        assert result.exit_code == 0, (command, result.output)


def test_stage_commands_take_file_and_memory_urls_and_give_the_local_tables(tmp_path):
    """The Makefile's chain with every location a URL writes the tables a chain on local folders writes."""
    import fsspec

    from pipeline.core.schema import CONTRACT_TABLES

    raw = tmp_path / "raw"
    raw.mkdir()
    shutil.copy(RAW / "001_546b4fd73cca9fc4.txt", raw)
    (raw / "z.txt").write_text("LONDON - Siemens said on Monday that revenue rose 4% to €20bn in the third "
                               "quarter.\n", encoding="utf-8")
    memory = fsspec.filesystem("memory")
    for name in ("001_546b4fd73cca9fc4.txt", "z.txt"):
        memory.pipe_file(f"/stages/raw/{name}", (raw / name).read_bytes())
    _stage_chain(str(raw), str(tmp_path / "interim"), str(tmp_path / "out"))
    _stage_chain(f"file://{raw}", f"file://{tmp_path}/interim_url", f"file://{tmp_path}/out_url")
    _stage_chain("memory://stages/raw", "memory://stages/interim", "memory://stages/out")
    assert memory.exists("/stages/interim/segment.json") and memory.exists("/stages/out/manifest.json")
    for table in CONTRACT_TABLES:
        local = pd.read_parquet(tmp_path / "out" / f"{table}.parquet")
        assert len(local), table
        for other in (tmp_path / "out_url" / f"{table}.parquet", f"memory://stages/out/{table}.parquet"):
            pd.testing.assert_frame_equal(pd.read_parquet(other), local)
    # the order checks read the store's times: a stage after its input was redone is still refused
    urls = ["--raw", "memory://stages/raw", "--interim", "memory://stages/interim"]
    again = CliRunner().invoke(main, ["segment", *urls])
    assert again.exit_code == 0, again.output
    late = CliRunner().invoke(main, ["claims", *urls])
    assert late.exit_code == 1 and "[E043]" in late.output
    assert "memory://stages/interim/" in late.output and "pipeline-copy" not in late.output  # named as given


@pytest.mark.parametrize(("raw", "code"), [("nosuchprotocol://corpus", "E044"), ("memory://no/such/corpus", "E010")])
def test_a_stage_command_on_a_bad_url_is_one_coded_line(tmp_path, raw, code):
    result = CliRunner().invoke(main, ["segment", "--raw", raw, "--interim", str(tmp_path / "interim")])
    assert result.exit_code == 1 and f"[{code}]" in result.output, result.output
    assert len(result.output.strip().splitlines()) == 1 and "Traceback" not in result.output
