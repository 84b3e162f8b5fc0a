"""The Dask engine with inputs and outputs as URLs: workers read and write, the client gets summaries only."""
from __future__ import annotations

import json
import pickle
import shutil

import pandas as pd
import pytest

from pipeline.core.schema import CONTRACT_TABLES

from .conftest import RAW

distributed = pytest.importorskip("distributed")
SEEDS = ("001_546b4fd73cca9fc4.txt", "003_f791254c45d2c24f.txt", "sources.csv")


@pytest.fixture(scope="module")
def client():
    # threads, not processes: the workers share this process's memory:// file system
    cluster = distributed.LocalCluster(n_workers=1, threads_per_worker=1, processes=False, dashboard_address=None)
    with distributed.Client(cluster) as c:
        yield c
    cluster.close()


#: a record file, which the workers parse themselves
RECORDS = ('{"id": "a1", "text": "The EU agreed €150bn on 19 May 2025, officials said.", "published": "2025-05-20"}\n'
           '{"id": "a2", "text": "Siemens said revenue rose 4% in the third quarter."}\n')


@pytest.fixture
def raw(tmp_path):
    for name in SEEDS:
        shutil.copy(RAW / name, tmp_path / name)
    (tmp_path / "news.jsonl").write_text(RECORDS, encoding="utf-8")
    return tmp_path


def _local(raw, tmp_path, config, nlp):
    from pipeline.run.runner import ErrorLog, Workspace, run_pipeline

    ws = Workspace(raw_dir=raw, interim_dir=tmp_path / "interim_local", out_dir=tmp_path / "out_local",
                   config=config, errors=ErrorLog())
    run_pipeline(ws, nlp=nlp)
    return {t: pd.read_parquet(tmp_path / "out_local" / f"{t}.parquet") for t in CONTRACT_TABLES}


def _cluster(client, raw: str, interim: str, out: str, config, **kwargs):
    from pipeline.run.runner import ErrorLog, run_on_cluster

    errors = ErrorLog()
    manifest = run_on_cluster(raw, interim, out, config, errors=errors, client=client, batch_chars=2_000, **kwargs)
    assert manifest["errors"] == 0 and not errors.rows
    return manifest


def _same(left: dict, right: dict) -> None:
    for table in CONTRACT_TABLES:
        pd.testing.assert_frame_equal(left[table].reset_index(drop=True), right[table].reset_index(drop=True))
        assert len(left[table]) or table in ("errors",)


def test_file_urls_give_the_local_tables_to_the_row_and_a_loadable_folder(raw, tmp_path, config, nlp, client):
    from pipeline import load

    local = _local(raw, tmp_path, config, nlp)
    manifest = _cluster(client, f"file://{raw}", f"file://{tmp_path}/interim", f"file://{tmp_path}/out", config)
    _same(local, {t: pd.read_parquet(tmp_path / "out" / f"{t}.parquet") for t in CONTRACT_TABLES})
    assert load(tmp_path / "out").claims.shape[0] == len(local["claims"])  # manifest and SHA-256s check out
    assert manifest["engine"]["name"] == "dask"
    # each one-file table is assembled from the partitions' parts, to the local file's bytes
    single = json.loads((tmp_path / "out_local" / "manifest.json").read_text())["files"]
    assert {n: e["sha256"] for n, e in manifest["files"].items()} == {n: e["sha256"] for n, e in single.items()}
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == sorted([*single, "manifest.json"])


def test_memory_urls_give_the_local_tables_and_a_rerun_reuses_every_shard(raw, tmp_path, config, nlp, client):
    import fsspec

    memory = fsspec.filesystem("memory")
    for name in (*SEEDS, "news.jsonl"):
        memory.pipe_file(f"/seeds/raw/{name}", (raw / name).read_bytes())
    local = _local(raw, tmp_path, config, nlp)
    _cluster(client, "memory://seeds/raw", "memory://seeds/interim", "memory://seeds/out", config)
    _same(local, {t: pd.read_parquet(f"memory://seeds/out/{t}.parquet") for t in CONTRACT_TABLES})
    assert {"news.jsonl#a1", "news.jsonl#a2"} <= set(local["texts"].source)
    again = _cluster(client, "memory://seeds/raw", "memory://seeds/interim", "memory://seeds/out", config)
    assert "nlp" not in again["seconds"]  # nothing went through the model the second time
    assert not [p for p in memory.ls("/seeds/out", detail=False) if ".pipeline-publish." in p]
    assert not memory.exists("/seeds/interim/run.journal")  # the journal is folded into run.json at the end


def test_a_dataset_is_one_part_per_partition_read_back_as_the_local_table(raw, tmp_path, config, nlp, client):
    import duckdb

    local = _local(raw, tmp_path, config, nlp)
    with distributed.get_task_stream(client) as stream:
        manifest = _cluster(client, str(raw), str(tmp_path / "interim"), str(tmp_path / "out"), config, dataset=True)
    functions = [str(t["key"][0] if isinstance(t["key"], tuple) else t["key"]).split("-", 1)[0] for t in stream.data]
    corpus_wide = [f for f in functions if f != "source_batch"]
    # nine tasks per partition (its per-source tables written by one task) and five global ones
    assert len(corpus_wide) == 9 * 2 + 5 and functions.count("sources_part") == 2
    parts = [name for name in manifest["files"] if name.startswith("claims/")]
    assert parts == ["claims/part-00000.parquet", "claims/part-00001.parquet"]  # two per worker
    for table in CONTRACT_TABLES:
        frame = pd.read_parquet(tmp_path / "out" / table)  # the folder of parts, read as one table
        key = local[table].columns[0]  # the table's ID (``source`` for texts)
        pd.testing.assert_frame_equal(frame.sort_values(key).reset_index(drop=True),
                                      local[table].sort_values(key).reset_index(drop=True))
    count = duckdb.sql(f"select count(*) from read_parquet('{tmp_path}/out/claims/*.parquet')").fetchall()[0][0]
    assert count == len(local["claims"]) == manifest["rows"]["claims"]


def test_the_client_receives_summaries_not_rows(raw, config):
    """What a per-document task sends back is counts, keys and timings: no table, no text."""
    from pipeline.run.cluster import Job, source_batch
    from pipeline.run.fingerprint import model_version, stage_keys
    from pipeline.run.storage import Store

    job = Job(Store(raw), Store(raw / "interim"), Store(raw / "out"), config,
              stage_keys(config, model_version(config.model_name))["claim_drafts"])
    summary = source_batch(["001_546b4fd73cca9fc4.txt"], job, {}, {})
    [row] = summary["sources"]
    assert row["ok"] and set(row) == {"source", "key", "sha256", "ok", "errors", "timings"}
    text = (RAW / "001_546b4fd73cca9fc4.txt").read_text(encoding="utf-8")
    payload = pickle.dumps(summary)
    assert len(payload) < 2_000 < len(text)
    assert text[:60].encode() not in payload


def test_a_url_other_than_file_needs_the_dask_engine_and_a_plain_path_still_works(tmp_path):
    from click.testing import CliRunner

    from pipeline.cli import main
    from pipeline.run.storage import local_path

    result = CliRunner().invoke(main, ["run", "--raw", "memory://corpus", "--out", str(tmp_path / "out")])
    assert result.exit_code == 2 and "[E044]" in result.output
    result = CliRunner().invoke(main, ["run", "--raw", str(tmp_path), "--dataset"])
    assert result.exit_code == 2 and "--dataset needs --engine dask" in result.output
    assert local_path("file:///data/raw") == local_path("/data/raw") and local_path("s3://bucket/raw") is None


def test_a_one_file_run_after_a_dataset_run_leaves_no_parts_behind(raw, tmp_path, config, client):
    out = tmp_path / "out"
    _cluster(client, str(raw), str(tmp_path / "interim"), str(out), config, dataset=True)
    (out / "notes").mkdir()
    (out / "notes" / "mine.txt").write_text("kept", encoding="utf-8")
    manifest = _cluster(client, str(raw), str(tmp_path / "interim"), str(out), config)
    assert not (out / "claims").exists() and (out / "claims.parquet").is_file()
    assert (out / "notes" / "mine.txt").read_text(encoding="utf-8") == "kept"
    assert set(manifest["files"]) == {f"{t}.parquet" for t in (*CONTRACT_TABLES, "errors")}


#: names that join across sources, the sources split so that each pair lands in two partitions
ACROSS = {
    "a_boj.txt": "TOKYO - The BoJ kept its policy rate at 0.5% on Friday, officials said.\n",
    "b_uk.txt": "LONDON - The UK economy grew 0.3% in the third quarter, the statistics office said.\n",
    "c_bank.txt": "TOKYO - The Bank of Japan said inflation would stay near 2% next year.\n",
    "d_britain.txt": "LONDON - Britain said on Monday it would raise defence spending to 2.5% of GDP.\n",
}


def test_names_joined_across_partitions_give_the_local_tables(tmp_path, config, nlp, client):
    raw = tmp_path / "raw"
    raw.mkdir()
    for name, text in ACROSS.items():
        (raw / name).write_text(text, encoding="utf-8")
    local = _local(raw, tmp_path, config, nlp)
    manifest = _cluster(client, str(raw), str(tmp_path / "interim"), str(tmp_path / "out"), config, dataset=True)
    assert [n for n in manifest["files"] if n.startswith("mentions/")] == ["mentions/part-00000.parquet",
                                                                           "mentions/part-00001.parquet"]
    first = pd.read_parquet(tmp_path / "out" / "mentions" / "part-00000.parquet")
    assert set(first.source) == {"a_boj.txt", "b_uk.txt"}  # the two halves of each pair are apart
    for table in CONTRACT_TABLES:
        frame = pd.read_parquet(tmp_path / "out" / table)
        key = local[table].columns[0]
        pd.testing.assert_frame_equal(frame.sort_values(key).reset_index(drop=True),
                                      local[table].sort_values(key).reset_index(drop=True))
    mentions, entities = local["mentions"], local["entities"].set_index("entity_id")
    names = {row.text: entities.loc[row.entity_id, "name"] for row in mentions.itertuples()}
    assert names["BoJ"] == names["Bank of Japan"] and names["UK"] == names["Britain"]


def test_load_eval_and_report_read_a_dataset_folder_and_a_memory_url(raw, tmp_path, config, nlp, client):
    import json

    from click.testing import CliRunner

    from pipeline import load
    from pipeline.cli import main

    _local(raw, tmp_path, config, nlp)  # the one-file folder the others must match
    _cluster(client, str(raw), str(tmp_path / "interim"), str(tmp_path / "parts"), config, dataset=True)
    _cluster(client, str(raw), str(tmp_path / "interim"), "memory://loaded/out", config)
    one_file, parts, memory = load(tmp_path / "out_local"), load(tmp_path / "parts"), load("memory://loaded/out")
    for table in CONTRACT_TABLES:
        pd.testing.assert_frame_equal(parts[table], one_file[table])  # the parts together, in the one file's order
        pd.testing.assert_frame_equal(memory[table], one_file[table])
    claim = parts.claims.iloc[0]
    assert parts.source_text(claim.source)[claim.start:claim.end] == claim.text
    gold = tmp_path / "gold"
    gold.mkdir()
    shutil.copy(RAW.parent / "tests" / "gold" / "001_546b4fd73cca9fc4.jsonl", gold)  # the seed this corpus holds
    scores = [CliRunner().invoke(main, ["eval", "--gold", str(gold), str(out), "--json"])
              for out in (tmp_path / "out_local", tmp_path / "parts", "memory://loaded/out")]
    assert [r.exit_code for r in scores] == [0, 0, 0], scores[1].output
    assert json.loads(scores[1].output) == json.loads(scores[0].output) == json.loads(scores[2].output)
    for out, page in ((tmp_path / "parts", tmp_path / "parts" / "report.html"),
                      ("memory://loaded/out", tmp_path / "memory.html")):
        result = CliRunner().invoke(main, ["report", str(out), "--out", str(page)])
        assert result.exit_code == 0, result.output
        assert claim.text[:30] in page.read_text(encoding="utf-8") or len(one_file.claims) == 0
    # a table part changed after the run is refused, part by part
    part = tmp_path / "parts" / "claims" / "part-00000.parquet"
    part.write_bytes(part.read_bytes() + b"x")
    with pytest.raises(Exception, match=r"\[E052\]"):
        load(tmp_path / "parts")


def test_the_index_is_journalled_per_batch_so_a_killed_run_keeps_its_finished_sources(tmp_path):
    from pipeline.run.cluster import Journal
    from pipeline.run.storage import Store

    for location in (str(tmp_path / "interim"), "memory://journal/interim"):
        killed = Journal(Store(location))
        killed.add({"a.txt": {"key": "k1", "sha256": "s1", "shard": "a"}})
        killed.add({})  # a batch of failed sources writes nothing
        killed.add({"b.txt": {"key": "k2", "sha256": "s2", "shard": "b"}})
        # the next run (another token) reads what the killed one finished, and clears it once its index is written
        after = Journal(Store(location))
        assert set(after.read()) == {"a.txt", "b.txt"} and after.read()["b.txt"]["key"] == "k2"
        after.clear()
        assert after.read() == {} and not Store(location).exists(Journal.FOLDER)


def test_partitions_are_balanced_on_the_shards_the_corpus_wide_stages_read(tmp_path):
    """Weights are mention and claim-draft shard bytes, not input bytes: many short sources can hold the most work."""
    from pipeline.run.cluster import _weights, partitions
    from pipeline.run.sources import shard_name
    from pipeline.run.storage import Store

    heavy = {f"short{i}.txt": 3000 for i in range(4)}  # short files dense with names and claims
    light = {f"long{i}.txt": 500 for i in range(4)}
    for stage in ("mentions", "claim_drafts"):
        (tmp_path / stage).mkdir()
        for source, size in {**heavy, **light}.items():
            (tmp_path / stage / f"{shard_name(source)}.parquet").write_bytes(b"x" * size)
    weights = _weights(Store(str(tmp_path)), [*heavy, *light])
    assert weights["short0.txt"] == 6000 and weights["long0.txt"] == 1000
    chunks = partitions([*heavy, *light], 2, weights)
    assert chunks == [["short0.txt", "short1.txt"], ["short2.txt", "short3.txt", *light]]
    assert _weights(Store(str(tmp_path)), ["gone.txt"]) == {"gone.txt": 0.0}  # no shard: the least work


def test_files_of_the_last_index_under_the_same_code_are_checked_in_larger_batches(raw, tmp_path, config, nlp,
                                                                                    client):
    """A rerun's batches only check keys: fewer, larger tasks; a new file keeps the processing batch size."""
    from pipeline.run.cluster import CHECK_FACTOR, _batches

    sizes = {f"f{i:02d}.txt": 1_000 for i in range(4 * CHECK_FACTOR)}
    assert len(list(_batches(sizes, 2_000))) == 2 * CHECK_FACTOR
    assert list(_batches(sizes, 2_000, known=set(sizes))) == [list(sizes)[:2 * CHECK_FACTOR],
                                                                 list(sizes)[2 * CHECK_FACTOR:]]
    # the index records the code its keys were made with; another code's index makes every file new
    _cluster(client, str(raw), str(tmp_path / "interim"), str(tmp_path / "out"), config)
    index = json.loads((tmp_path / "interim" / "run.json").read_text())
    assert index["key_of_code"] and index["sources"]
    with distributed.get_task_stream(client) as stream:
        _cluster(client, str(raw), str(tmp_path / "interim"), str(tmp_path / "out"), config)
    batches = [t for t in stream.data if str(t["key"][0] if isinstance(t["key"], tuple) else t["key"]).startswith(
        "source_batch")]
    assert len(batches) == 1  # the four files, 2,000 bytes of work at most, checked in one task


def test_diff_reads_one_file_tables_datasets_and_urls_alike(raw, tmp_path, config, nlp, client):
    """`pipeline diff` of a local run against a dataset of the same corpus is empty; a changed row is reported."""
    import hashlib

    import pyarrow as pa
    import pyarrow.parquet as pq
    from click.testing import CliRunner

    from pipeline.cli import main

    _local(raw, tmp_path, config, nlp)
    _cluster(client, str(raw), str(tmp_path / "interim"), str(tmp_path / "parts"), config, dataset=True)
    _cluster(client, str(raw), str(tmp_path / "interim"), "memory://diffed/out", config, dataset=True)
    for old, new in ((tmp_path / "out_local", tmp_path / "parts"), (tmp_path / "out_local", "memory://diffed/out"),
                     (f"file://{tmp_path}/parts", tmp_path / "out_local")):
        result = CliRunner().invoke(main, ["diff", str(old), str(new)])
        assert result.exit_code == 0, result.output
    changed = tmp_path / "changed"
    shutil.copytree(tmp_path / "out_local", changed)
    dates = pq.read_table(changed / "dates.parquet")
    values = dates.column("value").to_pylist()
    values[0] = "1999"
    pq.write_table(dates.set_column(dates.schema.get_field_index("value"), "value", pa.array(values)),
                   changed / "dates.parquet")
    manifest = json.loads((changed / "manifest.json").read_text())
    manifest["files"]["dates.parquet"]["sha256"] = hashlib.sha256((changed / "dates.parquet").read_bytes()).hexdigest()
    (changed / "manifest.json").write_text(json.dumps(manifest))
    result = CliRunner().invoke(main, ["diff", str(tmp_path / "parts"), str(changed), "--json"])
    assert result.exit_code == 1, result.output
    (record,) = [r for rows in json.loads(result.output)["sources"].values() for r in rows]
    assert record["table"] == "dates" and record["change"] == "changed" and "1999" in json.dumps(record)


def test_the_client_benchmark_sets_the_client_process_cpu_against_the_reaped_workers(tmp_path):
    # issue 22's "client CPU under 2% of the workers'" is measured with this tool; a worker process of the run
    # must be counted (it loads the model: seconds of CPU) and the ratio be theirs
    from click.testing import CliRunner

    from pipeline.tools.bench_client import main as bench

    source = RAW / SEEDS[0]
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / source.name).write_bytes(source.read_bytes())
    result = CliRunner().invoke(bench, ["--raw", str(corpus), "--scratch", str(tmp_path / "scratch"),
                                        "--workers", "1"], catch_exceptions=False)
    report = json.loads(result.output[result.output.index("{"):])
    assert report["workers_cpu_seconds"] > 1.0
    assert report["client_vs_workers"] == pytest.approx(report["client_cpu_seconds"] / report["workers_cpu_seconds"],
                                                        rel=1e-3)
    assert (tmp_path / "scratch" / "out" / "manifest.json").exists()
