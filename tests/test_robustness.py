"""Hostile input, interrupted runs and concurrent runs never cost data or break a span."""
from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import textwrap

import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from pipeline.core.schema import CONTRACT_TABLES

from .conftest import RAW, ROOT, run_stage_by_stage

SPAN_TABLES = ["sentences", "mentions", "dates", "quantities", "claims"]
GOOD_TEXT = ("Kaja Kallas said on Monday that the EU would lend €150bn, up from 65 per cent.\n"
             "The U.K. sent at least 19 drones to Poland last week.\n")


def _hostile_corpus(folder):
    """Every kind of awkward input a real export contains, good and bad, with the expected error codes."""
    folder.mkdir()
    good = {
        "cp1252.txt": ("The minister’s “€5bn” plan – déjà vu, said Kallas on 19 May 2025. " * 3).encode("cp1252"),
        "bom.txt": b"\xef\xbb\xbf" + GOOD_TEXT.encode(),
        "utf16.txt": GOOD_TEXT.encode("utf-16"),
        "crlf.txt": GOOD_TEXT.replace("\n", "\r\n").encode(),
        "cr.txt": GOOD_TEXT.replace("\n", "\r").encode(),
        "odd.txt": ("Tabs\tand\u00a0NBSP\u200b zero-width, control \x07 chars, emoji 👍🏽 and e\u0301 combining. "
                    + GOOD_TEXT).encode(),
        "longline.txt": (("The EU spent €2bn on 14 March 2024 and NATO agreed. " * 4000).strip()).encode(),
    }
    bad = {
        "empty.txt": (b"", "E012"),
        "scan.txt": (b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj", "E013"),
        "image.txt": (b"\x89PNG\r\n\x1a\n\x00\x00", "E013"),
        "nul.txt": (b"abc\x00\x00def", "E013"),
    }
    for name, data in good.items():
        (folder / name).write_bytes(data)
    for name, (data, _) in bad.items():
        (folder / name).write_bytes(data)
    (folder / "sources.csv").write_text("source,published,title,url\ncrlf.txt,2025-13-01,,\n")
    return good, {name: code for name, (_, code) in bad.items()}


def test_hostile_corpus_runs_to_the_end(tmp_path, config, nlp):
    from pipeline import load
    from pipeline.run.runner import ErrorLog, Workspace, run_pipeline
    from pipeline.run.sources import decode_bytes

    good, bad = _hostile_corpus(tmp_path / "raw")
    ws = Workspace(raw_dir=tmp_path / "raw", interim_dir=tmp_path / "interim", out_dir=tmp_path / "out",
                   config=config, errors=ErrorLog())
    run_pipeline(ws, nlp=nlp)
    tables = load(ws.out_dir)
    assert set(tables.documents["source"]) == set(good)
    errors = tables.errors
    for name, code in bad.items():
        rows = errors[errors["source"] == name]
        assert list(rows["code"]) == [code], (name, rows.to_dict("records"))
        assert name in rows["message"].iloc[0]
    assert "E025" in set(errors["code"])  # the sources.csv typo, named by line
    texts = {name: decode_bytes(data, source=name)[0] for name, data in good.items()}
    for name in SPAN_TABLES:
        for row in tables[name].itertuples():
            assert texts[row.source][row.start:row.end] == row.text, (name, row)
    assert (tables.quantities["source"] == "longline.txt").sum() >= 1000


def test_the_cli_exit_status_says_something_failed(tmp_path):
    from click.testing import CliRunner

    from pipeline.cli import main

    (tmp_path / "raw").mkdir()
    (tmp_path / "raw" / "ok.txt").write_text(GOOD_TEXT)
    (tmp_path / "raw" / "empty.txt").write_bytes(b"")
    result = CliRunner().invoke(main, ["run", "--raw", str(tmp_path / "raw"), "--out", str(tmp_path / "o"),
                                       "--interim", str(tmp_path / "i")])
    assert result.exit_code == 1
    assert "empty.txt" in result.output and "E012" in result.output
    strict = CliRunner().invoke(main, ["run", "--strict", "--raw", str(tmp_path / "raw"), "--out",
                                       str(tmp_path / "o2"), "--interim", str(tmp_path / "i2")])
    assert strict.exit_code == 1 and "E012" in strict.output
    assert not (tmp_path / "o2" / "manifest.json").exists()


def test_a_second_run_on_the_same_output_folder_is_refused(tmp_path, config):
    from pipeline.run.runner import ErrorLog, LockBusy, Workspace, output_lock, run_pipeline

    (tmp_path / "raw").mkdir()
    (tmp_path / "raw" / "ok.txt").write_text(GOOD_TEXT)
    ws = Workspace(raw_dir=tmp_path / "raw", interim_dir=tmp_path / "i", out_dir=tmp_path / "o", config=config,
                   errors=ErrorLog())
    with output_lock(ws.out_dir):
        with pytest.raises(LockBusy, match="E040"):
            run_pipeline(ws)


_KILLER = textwrap.dedent('''
    import os, signal, sys
    from pathlib import Path
    import pipeline.core.schema as schema
    from pipeline.run.config import load_config
    from pipeline.run.runner import ErrorLog, Workspace, run_pipeline

    raw, interim, out, kill_at = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4])
    real_replace, calls = os.replace, []

    def replace_then_die(src, dst):
        calls.append(dst)
        if str(dst).startswith(out) and len([c for c in calls if str(c).startswith(out)]) == kill_at:
            os.kill(os.getpid(), signal.SIGKILL)  # mid-publish: the temporary file is written, not renamed
        return real_replace(src, dst)

    os.replace = replace_then_die
    ws = Workspace(raw_dir=Path(raw), interim_dir=Path(interim), out_dir=Path(out), config=load_config(),
                   errors=ErrorLog())
    run_pipeline(ws)
''')


@pytest.mark.parametrize("kill_at", [1, 4])
def test_sigkill_during_the_parquet_writes_keeps_the_previous_outputs(tmp_path, kill_at):
    from pipeline import load

    raw = tmp_path / "raw"
    raw.mkdir()
    shutil.copy(RAW / "001_546b4fd73cca9fc4.txt", raw)
    out, interim = tmp_path / "out", tmp_path / "interim"
    python = [sys.executable, "-m", "pipeline", "run", "--raw", str(raw), "--out", str(out), "--interim", str(interim)]
    subprocess.run(python, check=True, cwd=ROOT, capture_output=True)
    before = {name: pd.read_parquet(out / f"{name}.parquet") for name in CONTRACT_TABLES}
    (raw / "extra.txt").write_text(GOOD_TEXT)  # the next run has something new to write
    killed = subprocess.run([sys.executable, "-c", _KILLER, str(raw), str(interim), str(out), str(kill_at)],
                            cwd=ROOT, capture_output=True)
    assert killed.returncode == -signal.SIGKILL, killed.stderr.decode()[-2000:]
    tables = load(out)  # every table still loads
    for name in CONTRACT_TABLES:
        frame = tables[name]
        assert len(frame) >= len(before[name]) or frame.equals(before[name])
    rerun = subprocess.run(python, cwd=ROOT, capture_output=True, text=True)
    assert rerun.returncode == 0, rerun.stderr[-2000:]
    assert "extra.txt" in set(load(out).documents["source"])
    assert not [p for p in out.iterdir() if p.name.endswith(".tmp")]


_ALPHABET = st.one_of(
    # NUL marks a file as binary (refused with E013, tested above), so the text here has none
    st.characters(codec="utf-8", exclude_categories=("Cs",), exclude_characters="\x00"),
    st.sampled_from(list("\r\n\t\u00a0\u200b\u2028 .,;:!?“”’'\"()-–—€£$%0123456789") + ["👍🏽", "e\u0301"]),
    st.sampled_from(["Kallas said", " on 19 May 2025", " €150bn", " 65 per cent", " at least 19 drones", " U.K.",
                     "\n\n", " BRUSSELS — ", " 12345678901234567890123456789", " last week", " the EU "]),
)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture,
                                                                 HealthCheck.too_slow])
@given(st.lists(_ALPHABET, max_size=120).map("".join))
def test_arbitrary_text_through_every_stage_keeps_every_span(config, nlp, text):
    import hashlib

    from pipeline.stages.claims import resolve_claims
    from pipeline.run.engine import SourceTask, process_batch
    from pipeline.stages.reconcile import reconcile
    from pipeline.run.extract import entity_lexicon

    data = text.encode("utf-8")
    task = SourceTask("x.txt", data, hashlib.sha256(data).hexdigest(), "k")
    [result] = process_batch([task], config, nlp)
    if not result.ok:
        assert {e["code"] for e in result.errors} <= {"E012"}, result.errors  # only blank input is refused
        return
    for name in ("sentences", "dates", "quantities", "mention_candidates", "claim_drafts"):
        for row in result.tables[name]:
            assert text[row["start"]:row["end"]] == row["text"], (name, row)
    candidates = pd.DataFrame.from_records(result.tables["mention_candidates"],
                                           columns=list(__import__("pipeline.core.schema", fromlist=["SCHEMAS"])
                                                        .SCHEMAS["mention_candidates"].names))
    entities, mentions = reconcile(candidates, lexicon=entity_lexicon(config))
    drafts = pd.DataFrame.from_records(result.tables["claim_drafts"],
                                       columns=list(__import__("pipeline.core.schema", fromlist=["SCHEMAS"])
                                                    .SCHEMAS["claim_drafts"].names))
    claims = resolve_claims(drafts, mentions, entities)
    for row in mentions.itertuples():
        assert text[row.start:row.end] == row.text
    assert len(claims) == len(drafts)


def test_a_run_on_text_reaches_every_stage_in_capped_sentences(tmp_path, config, nlp):
    """20,000 characters of "the EU said " with no full stop (and the same with commas and one full stop)
    run through every stage in sentences no longer than the configured caps: the claims stage once took
    minutes on such a sentence, as its time grew with the square of the sentence's length."""
    from pipeline import load
    from pipeline.run.runner import ErrorLog, Workspace, run_pipeline

    caps = config.lexicon("segment")["sentences"]
    (tmp_path / "raw").mkdir()
    texts = {"said.txt": ("the EU said " * 1667).strip(), "commas.txt": "the EU said, " * 1540 + "and that was all."}
    for name, text in texts.items():
        (tmp_path / "raw" / name).write_text(text, encoding="utf-8")
    ws = Workspace(raw_dir=tmp_path / "raw", interim_dir=tmp_path / "interim", out_dir=tmp_path / "out",
                   config=config, errors=ErrorLog())
    run_pipeline(ws, nlp=nlp)
    tables = load(ws.out_dir)
    assert tables.errors.empty, tables.errors.to_dict("records")
    sentences = tables.sentences
    for name, cap in [("said.txt", caps["max_unpunctuated_chars"]), ("commas.txt", caps["max_sentence_chars"])]:
        rows = sentences[sentences["source"] == name]
        assert len(rows) >= len(texts[name]) // cap and (rows["end"] - rows["start"]).max() <= cap, name
    for name in SPAN_TABLES:
        for row in tables[name].itertuples():
            assert texts[row.source][row.start:row.end] == row.text, (name, row)


def test_odd_files_names_and_encodings_through_every_stage(tmp_path, config, nlp):
    """FIFOs, a socket, broken and FIFO symlinks and a non-UTF-8 name are error rows of their own (none is opened,
    so nothing hangs); BOM-marked UTF-16/32 files, a U+FEFF at the start of the text and an overflowing number
    come through with every span exact against the decoded text; a rerun from the cache reports the same."""
    import socket

    from pipeline import load
    from pipeline.run.runner import ErrorLog, Workspace, run_pipeline
    from pipeline.run.sources import decode_bytes

    from .test_sources import _no_hang

    raw = tmp_path / "raw"
    raw.mkdir()
    feff = "\ufeff" + GOOD_TEXT
    good = {
        "utf8.txt": GOOD_TEXT.encode(),
        "bom.txt": b"\xef\xbb\xbf" + GOOD_TEXT.encode(),
        "cp1252.txt": ("The minister’s “€5bn” plan – déjà vu, said Kallas on 19 May 2025. " * 3).encode("cp1252"),
        "utf16le.txt": b"\xff\xfe" + GOOD_TEXT.encode("utf-16-le"),
        "utf16be.txt": b"\xfe\xff" + GOOD_TEXT.encode("utf-16-be"),
        "utf16-feff.txt": feff.encode("utf-16"),
        "utf16be-feff.txt": b"\xfe\xff" + feff.encode("utf-16-be"),
        "utf32.txt": GOOD_TEXT.encode("utf-32"),
        "huge.txt": ("The fund holds " + "9" * 400 + " euros, the EU said on Monday. " + GOOD_TEXT).encode(),
    }
    for name, data in good.items():
        (raw / name).write_bytes(data)
    (raw / "latin1.txt").write_bytes(("The café owners in Zürich said déjà vu \x81 again. " * 3).encode("latin-1"))
    os.mkfifo(raw / "pipe.txt")
    os.mkfifo(tmp_path / "outside-pipe")
    (raw / "pipe-link.txt").symlink_to(raw / "pipe.txt")
    (raw / "broken.txt").symlink_to(raw / "gone")
    with open(os.path.join(os.fsencode(raw), b"caf\xe9.txt"), "wb") as handle:
        handle.write(GOOD_TEXT.encode())
    sock = socket.socket(socket.AF_UNIX)
    sock.bind(str(raw / "sock.txt"))
    expected = {"latin1.txt": "E014", "pipe.txt": "E019", "pipe-link.txt": "E019", "broken.txt": "E019",
                "sock.txt": "E019", "caf\\xe9.txt": "E027"}
    ws = Workspace(raw_dir=raw, interim_dir=tmp_path / "interim", out_dir=tmp_path / "out", config=config,
                   errors=ErrorLog())
    texts = {name: decode_bytes(data, source=name)[0] for name, data in good.items()}
    assert texts["utf16-feff.txt"] == texts["utf16be-feff.txt"] == feff
    try:
        for attempt in ("first", "cached"):
            with _no_hang(300):
                run_pipeline(ws, nlp=nlp)
            tables = load(ws.out_dir)
            errors = tables.errors
            assert set(tables.documents["source"]) == set(good), attempt
            input_errors = errors[errors["code"] != "E410"]
            assert dict(zip(input_errors["source"], input_errors["code"])) == expected, attempt
            assert len(input_errors) == len(expected)
            assert set(input_errors["severity"]) == {"error"}, attempt
            for row in input_errors.itertuples():
                assert row.message.startswith(f"[{row.code}] {row.source}"), row
            overflow = errors[errors["code"] == "E410"]
            assert list(overflow["source"]) == ["huge.txt"], (attempt, errors.to_dict("records"))
            assert list(overflow["severity"]) == ["warning"], attempt  # the value is null; the source is whole
            values = tables.quantities[["value", "value_low", "value_high"]].to_numpy(dtype=float)
            assert not (abs(values) == float("inf")).any()
            huge = tables.quantities[(tables.quantities["source"] == "huge.txt")
                                     & tables.quantities["text"].str.startswith("999")]
            assert len(huge) == 1 and huge[["value", "value_low", "value_high"]].isna().all(axis=None)
            for name in SPAN_TABLES + ["documents"]:
                for row in tables[name].itertuples():
                    if name == "documents":
                        assert texts[row.source][row.start:row.end].strip(), row
                    else:
                        assert texts[row.source][row.start:row.end] == row.text, (name, row)
            spans = tables.mentions[tables.mentions["source"].isin(["utf16-feff.txt", "utf16be-feff.txt"])]
            assert len(spans) >= 2 and (spans["start"] >= 1).all()  # the text's own U+FEFF is kept, so spans shift by one
    finally:
        sock.close()


# ---------------------------------------------------------------------------------------------
# memory bounded by the window, not by the longest article or source


def test_an_article_longer_than_the_window_is_tiled_by_pieces_cut_at_sentence_starts():
    from pipeline.core.article import Article, Sentence

    text = "".join(f"Sentence {i} is here. " for i in range(300))  # 300 sentences of 21-22 characters
    starts = [i for i in range(len(text)) if text.startswith("Sentence", i)]
    ends = [s + text[s:].index(".") + 1 for s in starts]
    sentences = tuple(Sentence(f"s{i}", s, e, paragraph=i // 40, boilerplate=False)
                      for i, (s, e) in enumerate(zip(starts, ends)))
    offset = 1000  # the article starts inside its source: pieces keep source offsets
    article = Article("d", "x.txt", offset, offset + len(text), text,
                      sentences=tuple(Sentence(s.sentence_id, s.start + offset, s.end + offset, s.paragraph, False)
                                      for s in sentences))
    assert list(article.windows(len(text))) == [article]
    pieces = list(article.windows(2000))
    assert len(pieces) >= len(text) // 2000 and [p.window for p in pieces] == list(range(len(pieces)))
    assert pieces[0].start == article.start and pieces[-1].end == article.end
    for before, after in zip(pieces, pieces[1:]):
        assert before.end == after.start == after.sentences[0].start  # no gap, no overlap, cut at a sentence
    for piece in pieces:
        assert piece.end - piece.start <= 2000 and piece.text == text[piece.start - offset:piece.end - offset]
        assert all(piece.start <= s.start and s.end <= piece.end for s in piece.sentences)
    assert sum(len(p.sentences) for p in pieces) == len(sentences)
    # a paragraph start in the window's second half is preferred to a later sentence start
    assert all(p.sentences[0].paragraph != pieces[i].sentences[-1].paragraph
               for i, p in enumerate(pieces[1:]))
    one = Article("d", "x.txt", 0, 5000, "x" * 5000, sentences=(Sentence("s", 0, 5000, 0, False),))
    assert list(one.windows(2000)) == [one]  # a sentence is never cut, whatever its length


@pytest.fixture(scope="module")
def windowed_run(tmp_path_factory, nlp):
    """A run with 2,000-character windows over one 74,000-character article and the seeds 003/004
    (no sources.csv: the long articles' dates are inferred), counting the Docs alive at once."""
    import gc
    import weakref

    import pipeline.run.extract as extract
    from pipeline import load
    from pipeline.run.config import load_config
    from pipeline.run.runner import ErrorLog, Workspace, run_pipeline

    base = tmp_path_factory.mktemp("windows")
    shutil.copytree(ROOT / "configs", base / "configs")
    settings = base / "configs" / "pipeline.toml"
    text = settings.read_text()
    assert "window_chars = 50_000" in text and "batch_size = 32" in text
    settings.write_text(text.replace("window_chars = 50_000", "window_chars = 2_000")
                        .replace("batch_size = 32", "batch_size = 4"))
    config = load_config(settings)
    raw = base / "raw"
    raw.mkdir()
    for name in ("003_f791254c45d2c24f.txt", "004_7cab0b9feffd0baa.txt"):
        shutil.copy(RAW / name, raw)
    body = (RAW / "003_f791254c45d2c24f.txt").read_text(encoding="utf-8").strip()
    lead = "The Commission said on Tuesday 19 May 2025 that ministers met on 18 May 2025 in Brussels.\n\n"
    (raw / "long.txt").write_text(lead + "\n\n".join([body] * 3) + "\n", encoding="utf-8")

    live, most = weakref.WeakSet(), [0]
    real = extract.extract_article

    def counting(extractors, doc, article, rows, timings):
        live.add(doc)
        gc.collect()
        most[0] = max(most[0], len(live))
        return real(extractors, doc, article, rows, timings)

    ws = Workspace(raw_dir=raw, interim_dir=base / "interim", out_dir=base / "out", config=config, errors=ErrorLog())
    extract.extract_article = counting
    try:
        run_pipeline(ws, nlp=nlp)
    finally:
        extract.extract_article = real
    return ws, load(ws.out_dir), most[0]


def test_a_long_source_is_annotated_in_windows_one_doc_at_a_time(windowed_run):
    ws, tables, most_docs_alive = windowed_run
    assert tables.errors.empty, tables.errors.to_dict("records")
    docs = tables.documents
    long_docs = docs[docs["end"] - docs["start"] > 2000]
    windows = sum(-(-(e - s) // 1000) for s, e in zip(long_docs["start"], long_docs["end"]))
    assert len(long_docs) >= 3 and windows > 60
    # the Docs were streamed: a few batches in flight, never every window's Doc (before: all of them at once)
    assert most_docs_alive <= 24 < windows, most_docs_alive
    texts = {s: (ws.raw_dir / s).read_text(encoding="utf-8") for s in docs["source"].unique()}
    for name in SPAN_TABLES:
        for row in tables[name].itertuples():
            assert texts[row.source][row.start:row.end] == row.text, (name, row)
    # rows come from every part of the long article, not only its first window
    long_mentions = tables.mentions[tables.mentions["source"] == "long.txt"]
    assert long_mentions["start"].max() > 2 * len(texts["long.txt"]) // 3
    # an article's date is inferred from its first window once, and every later window resolves against it
    first = docs[(docs["source"] == "long.txt") & (docs["start"] == 0)].iloc[0]
    assert first["end"] > 10_000 and first["published_from"] == "inferred", first.to_dict()
    anchored = tables.dates[(tables.dates["doc_id"] == first["doc_id"]) & tables.dates["anchored"]]
    assert anchored["start"].max() > 4000 and (anchored["anchor"] == first["published"]).all()


def test_stage_commands_cut_the_same_windows_as_run(windowed_run, tmp_path):
    ws, _, _ = windowed_run
    staged = run_stage_by_stage(ws, tmp_path)
    for name in CONTRACT_TABLES:
        assert (staged.out_dir / f"{name}.parquet").read_bytes() == (ws.out_dir / f"{name}.parquet").read_bytes(), name


def test_a_text_of_only_no_break_or_zero_width_spaces_is_an_error_row_not_silence(tmp_path, config, nlp):
    """Such a file once gave neither a document nor an error: it vanished from the outputs without a word."""
    from pipeline import load
    from pipeline.run import steps
    from pipeline.run.runner import ErrorLog, Workspace, run_pipeline

    raw = tmp_path / "raw"
    raw.mkdir()
    (raw / "good.txt").write_text(GOOD_TEXT, encoding="utf-8")
    (raw / "nbsp.txt").write_text("\u00a0" * 40 + "\n\u00a0\n", encoding="utf-8")
    (raw / "zwsp.txt").write_text("\u200b\u3000\u200b\n", encoding="utf-8")
    ws = Workspace(raw_dir=raw, interim_dir=tmp_path / "interim", out_dir=tmp_path / "out", config=config,
                   errors=ErrorLog())
    run_pipeline(ws, nlp=nlp)
    tables = load(ws.out_dir)
    assert list(tables.documents["source"]) == ["good.txt"]
    assert dict(zip(tables.errors["source"], tables.errors["code"])) == {"nbsp.txt": "E012", "zwsp.txt": "E012"}
    assert all(m.startswith(f"[E012] {s}: ") for s, m in zip(tables.errors["source"], tables.errors["message"]))
    staged = Workspace(raw_dir=raw, interim_dir=tmp_path / "staged", out_dir=tmp_path / "o2", config=config,
                       errors=ErrorLog())
    steps.stage_segment(staged)  # the Makefile's path says the same
    assert sorted((r["source"], r["code"]) for r in staged.errors.rows) == [("nbsp.txt", "E012"), ("zwsp.txt", "E012")]
