"""Benchmark of a cluster run's coordination cost: the client process's CPU against the workers', on a cold run.

A whole ``pipeline run --engine dask`` (every stage, the model loaded) is run in this
process into an empty scratch folder. This process's CPU (``getrusage``, imports included)
is the client's; on a LocalCluster it also hosts the scheduler and the nannies. The workers'
CPU is that of the reaped worker processes (a LocalCluster) or, given ``--scheduler``, the
difference of the workers' process CPU before and after the run (a separately started
cluster, whose scheduler's CPU is not in either figure):

    python -m pipeline.tools.bench_client --raw .bench_cluster/corpus --scratch .bench_client
"""
from __future__ import annotations

import json
import os
import resource
import shutil
import time
from pathlib import Path

import click

from pipeline.tools.bench_cluster import _cpu


def _own_cpu(who: int) -> float:
    usage = resource.getrusage(who)
    return usage.ru_utime + usage.ru_stime


@click.command()
@click.option("--raw", "raw_dir", type=click.Path(exists=True, file_okay=False, path_type=Path), required=True,
              help="Folder of sources to run on (for example the corpus bench_cluster builds).")
@click.option("--scratch", type=click.Path(path_type=Path), default=Path(".bench_client"), show_default=True,
              help="Scratch folder for the run's interim files and outputs; emptied first.")
@click.option("--workers", default=2, show_default=True, help="LocalCluster worker processes (one thread each).")
@click.option("--scheduler", default=None, help="Run on an existing cluster (tcp://HOST:8786) instead of a LocalCluster.")
@click.option("--dataset/--one-file", default=True, show_default=True, help="Write each table as a dataset of parts.")
def main(raw_dir: Path, scratch: Path, workers: int, scheduler: str | None, dataset: bool) -> None:
    """Run the whole pipeline cold on a cluster and print the client's CPU against the workers' as JSON.

    \b
    Example:
        python -m pipeline.tools.bench_client --raw .bench_cluster/corpus --workers 2
    """
    from pipeline.run.config import load_config
    from pipeline.run.runner import ErrorLog, run_on_cluster

    shutil.rmtree(scratch, ignore_errors=True)
    config = load_config(None)
    before = None
    if scheduler:
        from distributed import Client

        with Client(scheduler) as probe:
            before = probe.run(_cpu)
    children_before = _own_cpu(resource.RUSAGE_CHILDREN)  # processes this one reaped earlier are not the run's
    load = [round(os.getloadavg()[0], 2)]
    started = time.perf_counter()
    manifest = run_on_cluster(str(raw_dir), str(scratch / "interim"), str(scratch / "out"), config, errors=ErrorLog(),
                              scheduler=scheduler, workers=workers, dataset=dataset)
    wall = time.perf_counter() - started
    load.append(round(os.getloadavg()[0], 2))
    if before is not None:
        from distributed import Client

        with Client(scheduler) as probe:
            after = probe.run(_cpu)
        workers_cpu = sum(after[w] - before.get(w, 0.0) for w in after)
    else:
        workers_cpu = _own_cpu(resource.RUSAGE_CHILDREN) - children_before
    client_cpu = _own_cpu(resource.RUSAGE_SELF)
    click.echo(json.dumps({
        "cluster": scheduler or f"LocalCluster({workers} workers; scheduler and nannies in the client's process)",
        "wall_seconds": round(wall, 1), "client_cpu_seconds": round(client_cpu, 2),
        "workers_cpu_seconds": round(workers_cpu, 2), "client_vs_workers": round(client_cpu / workers_cpu, 4),
        "load_average_1min": load, "rows": manifest["rows"], "errors": manifest["errors"]}, indent=2, sort_keys=True))


if __name__ == "__main__":
    main()
