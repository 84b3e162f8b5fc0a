"""Every engine writes the same tables: serial, local worker processes, and Dask."""
from __future__ import annotations

import shutil

import pytest

from pipeline.core.schema import CONTRACT_TABLES

from .conftest import RAW


def _run(tmp_path, config, name, **kwargs):
    from pipeline.run.runner import ErrorLog, Workspace, run_pipeline

    ws = Workspace(raw_dir=tmp_path / "raw", interim_dir=tmp_path / f"interim_{name}", out_dir=tmp_path / f"out_{name}",
                   config=config, errors=ErrorLog())
    manifest = run_pipeline(ws, **kwargs)
    assert manifest["errors"] == 0
    return {t: (ws.out_dir / f"{t}.parquet").read_bytes() for t in CONTRACT_TABLES}


@pytest.fixture
def seeds(tmp_path):
    shutil.copytree(RAW, tmp_path / "raw")
    return tmp_path


def test_worker_processes_write_the_same_tables_as_one_process(seeds, config, nlp):
    serial = _run(seeds, config, "serial", nlp=nlp)
    # small batches so that both workers get sources
    pooled = _run(seeds, config, "pool", workers=2, batch_chars=5_000)
    assert pooled == serial


def test_dask_local_cluster_with_two_workers_writes_the_same_tables(seeds, config, nlp):
    pytest.importorskip("distributed")
    serial = _run(seeds, config, "serial", nlp=nlp)
    dask = _run(seeds, config, "dask", engine="dask", workers=2, batch_chars=5_000)
    assert dask == serial


def test_a_worker_given_the_interim_folder_writes_the_shards_and_returns_no_rows(tmp_path, config, nlp):
    """The pool's workers write their own shards: what they write is what the parent would have written."""
    import hashlib

    from pipeline.run.engine import SourceTask, process_batch
    from pipeline.run.shards import write_source_shards
    from pipeline.run.workspace import shard_path
    from pipeline.core.schema import read_table

    data = (RAW / "001_546b4fd73cca9fc4.txt").read_bytes()
    task = SourceTask("001_546b4fd73cca9fc4.txt", data, hashlib.sha256(data).hexdigest(), "key")
    [returned] = process_batch([task], config, nlp)
    write_source_shards(tmp_path / "parent", returned)
    [written] = process_batch([task], config, nlp, interim_dir=str(tmp_path / "worker"))
    assert written.ok and written.written and written.tables == {} and written.docbin == b""
    assert written.timings["write_interim"] > 0
    assert not returned.written and returned.tables["dates"]
    for stage, suffix, table in (("dates", "parquet", "dates"), ("quantities", "parquet", "quantities"),
                                 ("mentions", "parquet", "mention_candidates"),
                                 ("claim_drafts", "parquet", "claim_drafts"),
                                 ("segment", "documents.parquet", "documents")):
        ours = read_table(table, shard_path(tmp_path / "worker", stage, task.source, suffix))
        theirs = read_table(table, shard_path(tmp_path / "parent", stage, task.source, suffix))
        assert len(ours) == len(theirs) and ours.equals(theirs), stage
    assert shard_path(tmp_path / "worker", "nlp", task.source, "spacy").read_bytes() \
        == shard_path(tmp_path / "parent", "nlp", task.source, "spacy").read_bytes()


def test_a_worker_pool_that_cannot_load_the_model_says_so_before_any_work(config):
    """Each worker loads the model when the pool starts; a missing model is the coded E030, not a broken pool."""
    import dataclasses

    from pipeline.run.engine import ProcessEngine

    settings = {**config.settings, "model": {**config.settings["model"], "name": "no_such_model_package"}}
    broken = dataclasses.replace(config, settings=settings, digest="broken")
    with pytest.raises(Exception, match=r"E030.*no_such_model_package"):
        ProcessEngine(2, broken)


def test_the_nlp_shard_keeps_docs_in_compressed_chunks_and_reads_them_back_in_order(nlp):
    """A long source's Docs are serialised a chunk at a time (never all its tokens' arrays at once)."""
    import spacy

    from pipeline.stages.nlp import SHARD_MAGIC, DocWriter, docs_from_bytes

    texts = [f"Kaja Kallas met {n} ministers in Brussels on Monday." for n in range(7)]
    writer = DocWriter(chunk_tokens=25)  # about two Docs a chunk
    for doc in nlp.pipe(texts):
        writer.add(doc)
    data = writer.to_bytes()
    assert data.startswith(SHARD_MAGIC) and len(writer.chunks) >= 3
    docs = list(docs_from_bytes(data, spacy.blank("en").vocab))
    assert [d.text for d in docs] == texts
    assert [[(e.text, e.label_) for e in d.ents] for d in docs] == [[(e.text, e.label_) for e in d.ents]
                                                                    for d in nlp.pipe(texts)]
    assert [t.dep_ for t in docs[3]] == [t.dep_ for t in nlp(texts[3])]
    with pytest.raises(ValueError, match=r"^\[E045\] .*rerun `pipeline nlp`"):
        list(docs_from_bytes(b"an older shard", spacy.blank("en").vocab))


def test_a_local_clusters_diagnostic_timers_run_at_the_quiet_intervals():
    # they run in the client's process (scheduler, nannies) and were most of its CPU at the defaults (20 ms, 0.5 s, 0.1 s)
    from pipeline.run.engine import DaskEngine

    engine = DaskEngine(workers=1, processes=False)
    try:
        timers = engine.cluster.scheduler.periodic_callbacks
        assert (timers["tick"].callback_time, timers["monitor"].callback_time) == (1000, 5000)
        for worker in engine.cluster.workers.values():  # a nanny's and a worker's memory monitor alike
            assert worker.periodic_callbacks["memory_monitor"].callback_time == 1000
    finally:
        engine.close()
