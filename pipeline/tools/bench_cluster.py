"""Benchmark of the corpus-wide stages: one process against a Dask LocalCluster, on a rerun with every shard reused.

Machines are shared and noisy, so what it reports are ratios, and CPU seconds beside the
wall times: the single process's, the workers' processes' (everything they spend: tasks,
serialisation, Dask's own work) and the client's (a LocalCluster's scheduler included),
with the load average while the runs went on:

    python -m pipeline.tools.bench_cluster --words 300000 --runs 3
"""
from __future__ import annotations

import json
import os
import statistics
import time
from pathlib import Path

import click

from pipeline.run.config import load_config
from pipeline.tools.bench import build_corpus


def fill(corpus: Path, scratch: Path, config, *, workers: int) -> float:
    """Process every source once (a local run), so that the timed runs reuse every shard; return its seconds."""
    from pipeline.run.runner import ErrorLog, Workspace, run_pipeline

    ws = Workspace(raw_dir=corpus, interim_dir=scratch / "interim", out_dir=scratch / "out_fill", config=config,
                   errors=ErrorLog())
    started = time.perf_counter()
    run_pipeline(ws, workers=workers)
    return time.perf_counter() - started


def local_rerun(corpus: Path, scratch: Path, config) -> dict:
    """Wall seconds of a single-process rerun over the filled interim folder, and its stage seconds."""
    from pipeline.run.runner import ErrorLog, Workspace, run_pipeline

    ws = Workspace(raw_dir=corpus, interim_dir=scratch / "interim", out_dir=scratch / "out_local", config=config,
                   errors=ErrorLog())
    cpu = time.process_time()
    started = time.perf_counter()
    manifest = run_pipeline(ws, workers=1)
    return {"seconds": time.perf_counter() - started, "cpu_seconds": time.process_time() - cpu,
            "stages": manifest["seconds"], "files": manifest["files"]}


def cluster_rerun(corpus: Path, scratch: Path, config, client, *, dataset: bool = False) -> dict:
    """Wall seconds of the same rerun on the cluster behind ``client``, with its tasks, compute time and transfers."""
    from distributed import get_task_stream

    from pipeline.run.runner import ErrorLog, run_on_cluster

    client.run(_reset_transfers)
    client.run(_task_cpu)
    workers_cpu = client.run(_cpu)
    cpu = time.process_time()
    started = time.perf_counter()
    with get_task_stream(client) as stream:
        manifest = run_on_cluster(str(corpus), str(scratch / "interim"), str(scratch / "out_cluster"), config,
                                  errors=ErrorLog(), client=client, dataset=dataset)
    seconds = time.perf_counter() - started
    computed = [s for task in stream.data for s in task["startstops"] if s["action"] == "compute"]
    by_function: dict[str, float] = {}
    for task in stream.data:
        name = task["key"][0] if isinstance(task["key"], tuple) else task["key"]
        function = str(name).split("-", 1)[0]  # "claims_part-<uuid>": the function's name
        by_function[function] = by_function.get(function, 0.0) + sum(
            s["stop"] - s["start"] for s in task["startstops"] if s["action"] == "compute")
    client_cpu = time.process_time() - cpu
    workers_cpu = sum(after - workers_cpu.get(worker, 0.0) for worker, after in client.run(_cpu).items())
    moved = sum(client.run(_transferred).values())
    cpu_by_function: dict[str, float] = {}
    for spent in client.run(_task_cpu).values():
        for function, used in spent.items():
            cpu_by_function[function] = cpu_by_function.get(function, 0.0) + used
    return {"seconds": seconds, "client_cpu_seconds": client_cpu, "workers_cpu_seconds": workers_cpu,
            "stages": manifest["seconds"], "files": manifest["files"],
            "tasks": len(stream.data), "task_compute_seconds": sum(s["stop"] - s["start"] for s in computed),
            "bytes_between_workers": moved, "compute_by_function": by_function, "cpu_by_function": cpu_by_function}


TASK_CPU = "bench-task-cpu"


def task_cpu_plugin():
    """A worker plugin adding up, per task function, the worker process's CPU seconds while a task executes.

    A worker runs one thread, so that is the task's own CPU (plus the little the worker's
    event loop spends meanwhile), whatever the other users of the machine take from it.
    """
    from distributed import WorkerPlugin

    class TaskCpu(WorkerPlugin):
        name = TASK_CPU

        def setup(self, worker) -> None:
            self.started: dict = {}
            self.spent: dict[str, float] = {}

        def transition(self, key, start, finish, **kwargs) -> None:
            if finish == "executing":
                self.started[key] = time.process_time()
            elif start == "executing" and key in self.started:
                function = str(key[0] if isinstance(key, tuple) else key).split("-", 1)[0]
                self.spent[function] = self.spent.get(function, 0.0) + time.process_time() - self.started.pop(key)

    return TaskCpu()


def _task_cpu(dask_worker) -> dict[str, float]:
    """The CPU per task function since the last call, and start again."""
    plugin = dask_worker.plugins[TASK_CPU]
    spent, plugin.spent = plugin.spent, {}
    return spent


def _cpu() -> float:
    """CPU seconds of the worker's process so far, every thread included."""
    return time.process_time()


def _reset_transfers(dask_worker) -> None:
    dask_worker.transfer_incoming_log.clear()


def _transferred(dask_worker) -> int:
    return int(sum(entry.get("total", 0) for entry in dask_worker.transfer_incoming_log))


def same_tables(scratch: Path) -> bool:
    """Whether the cluster's tables (one file each, or datasets of parts) are the single process's, to the row."""
    from pipeline.core.schema import CONTRACT_TABLES
    from pipeline.tools.load import load

    left, right = load(scratch / "out_local"), load(scratch / "out_cluster")
    return all(left[table].equals(right[table]) for table in CONTRACT_TABLES)


def same_bytes(local: dict, remote: dict) -> bool:
    """Whether every one-file table of the cluster run has the SHA-256 of the single process's."""
    return all(entry["sha256"] == local["files"].get(name, {}).get("sha256") for name, entry in remote["files"].items())


@click.command()
@click.option("--words", default=300_000, show_default=True, help="Size of the benchmark corpus in words.")
@click.option("--seeds", "seed_dir", type=click.Path(path_type=Path), default=Path("raw"), show_default=True,
              help="Folder of source texts to copy.")
@click.option("--scratch", type=click.Path(path_type=Path), default=Path(".bench_cluster"), show_default=True,
              help="Scratch folder for the corpus, interim files and outputs; a filled one is reused.")
@click.option("--runs", default=3, show_default=True, help="Timed reruns per engine.")
@click.option("--workers", default=2, show_default=True, help="LocalCluster worker processes (one thread each).")
@click.option("--scheduler", default=None, help="Time an existing cluster (tcp://HOST:8786) instead of a LocalCluster.")
@click.option("--dataset", is_flag=True, help="The cluster writes each table as a dataset of parts (--dataset).")
@click.option("--warmup/--no-warmup", default=True, show_default=True,
              help="One untimed rerun per engine first, so that both have imported the stages and read the lexicons, "
                   "as a long-lived cluster has.")
@click.option("--config", "config_path", type=click.Path(path_type=Path), default=None)
def main(words: int, seed_dir: Path, scratch: Path, runs: int, workers: int, scheduler: str | None,
         dataset: bool, warmup: bool, config_path: Path | None) -> None:
    """Time the corpus-wide stages (a rerun with every shard reused) in one process and on a cluster; print JSON.

    \b
    Example:
        python -m pipeline.tools.bench_cluster --words 300000 --runs 3
    """
    from distributed import Client, LocalCluster

    config = load_config(config_path)
    corpus = scratch / "corpus"
    result: dict = {}
    if not (scratch / "interim" / "run.json").exists():
        result["files"], result["words"] = build_corpus(seed_dir, corpus, words=words)
        result["fill_seconds"] = round(fill(corpus, scratch, config, workers=workers), 1)
    cluster = None if scheduler else LocalCluster(n_workers=workers, threads_per_worker=1, processes=True,
                                                  dashboard_address=None)
    with Client(scheduler or cluster) as client:
        client.register_plugin(task_cpu_plugin())
        if warmup:
            local_rerun(corpus, scratch, config)
            cluster_rerun(corpus, scratch, config, client, dataset=dataset)
        local, remote, load = [], [], []
        for _ in range(runs):  # interleaved, so that a busy spell of the machine hits both
            load.append(os.getloadavg()[0])
            local.append(local_rerun(corpus, scratch, config))
            load.append(os.getloadavg()[0])
            remote.append(cluster_rerun(corpus, scratch, config, client, dataset=dataset))
        load.append(os.getloadavg()[0])
    if cluster is not None:
        cluster.close()
    one = statistics.median(r["seconds"] for r in local)
    many = statistics.median(r["seconds"] for r in remote)
    cpu_one = statistics.median(r["cpu_seconds"] for r in local)
    cpu_many = statistics.median(r["workers_cpu_seconds"] + r["client_cpu_seconds"] for r in remote)
    result.update({
        "runs": runs, "workers": workers, "dataset": dataset,
        "single_process_seconds": [round(r["seconds"], 2) for r in local],
        "cluster_seconds": [round(r["seconds"], 2) for r in remote],
        "cluster_vs_single_median": round(many / one, 3),
        "single_process_cpu_seconds": [round(r["cpu_seconds"], 2) for r in local],
        "cluster_workers_cpu_seconds": [round(r["workers_cpu_seconds"], 2) for r in remote],
        "cluster_cpu_vs_single_median": round(cpu_many / cpu_one, 3),
        "load_average_1min": [round(x, 2) for x in load],
        "cluster_task_compute_seconds": [round(r["task_compute_seconds"], 2) for r in remote],
        "cluster_tasks": remote[-1]["tasks"],
        "cluster_compute_by_function": {k: round(v, 2) for k, v in remote[-1]["compute_by_function"].items()},
        "cluster_task_cpu_seconds": [round(sum(r["cpu_by_function"].values()), 2) for r in remote],
        "cluster_cpu_by_function": {k: round(v, 2) for k, v in remote[-1]["cpu_by_function"].items()},
        "bytes_between_workers": [r["bytes_between_workers"] for r in remote],
        "client_cpu_seconds": [round(r["client_cpu_seconds"], 2) for r in remote],
        "single_process_stages": {k: round(v, 2) for k, v in local[-1]["stages"].items()},
        "cluster_stages": {k: round(v, 2) for k, v in remote[-1]["stages"].items()},
        "identical_tables": same_tables(scratch),
        "identical_bytes": None if dataset else all(same_bytes(a, b) for a, b in zip(local, remote)),
    })
    click.echo(json.dumps(result, indent=2, sort_keys=True))


if __name__ == "__main__":
    main()
