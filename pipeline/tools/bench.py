"""Benchmark: the whole pipeline against bare spaCy ``nlp.pipe`` on the same text, in one run.

Machines are shared and noisy, so the result that matters is the ratio of the two
throughputs measured side by side, not either number alone.

    python -m pipeline.tools.bench --words 500000
"""
from __future__ import annotations

import json
import resource
import shutil
import time
from pathlib import Path

import click

from pipeline.run.config import load_config


def build_corpus(seed_dir: Path, corpus_dir: Path, *, words: int, pattern: str = "*.txt") -> tuple[int, int]:
    """Copy the seed sources into ``corpus_dir`` until it holds ``words`` words; return (files, words).

    Each copy is its own source file, so no per-source cache can skip work.
    """
    seeds = sorted(p for p in seed_dir.glob(pattern) if p.is_file())
    if not seeds:
        raise click.ClickException(f"[E060] no {pattern} files in {seed_dir} to build a benchmark corpus from")
    if corpus_dir.exists():
        shutil.rmtree(corpus_dir)
    corpus_dir.mkdir(parents=True)
    total = files = 0
    texts = [(p.stem, p.read_bytes()) for p in seeds]
    copy = 0
    while total < words:
        for stem, data in texts:
            (corpus_dir / f"{stem}.copy{copy:05d}.txt").write_bytes(data)
            total += len(data.decode("utf-8", "replace").split())
            files += 1
            if total >= words:
                break
        copy += 1
    return files, total


def bare_spacy(texts: list[str], model_name: str, batch_size: int) -> float:
    """Seconds for bare ``nlp.pipe`` over ``texts`` with the same model (loading excluded)."""
    import spacy

    nlp = spacy.load(model_name)
    started = time.perf_counter()
    for _ in nlp.pipe(texts, batch_size=batch_size):
        pass
    return time.perf_counter() - started


def peak_rss_mb() -> float:
    """Peak resident memory of this process, in MiB (its own high-water mark, not its parent's)."""
    try:
        with open("/proc/self/status", encoding="ascii") as handle:
            for line in handle:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) / 1024
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _workspace(scratch: Path, corpus: Path, config, name: str):
    from pipeline.run.runner import ErrorLog, Workspace

    for folder in (f"interim_{name}", f"outputs_{name}"):
        shutil.rmtree(scratch / folder, ignore_errors=True)
    return Workspace(raw_dir=corpus, interim_dir=scratch / f"interim_{name}", out_dir=scratch / f"outputs_{name}",
                     config=config, errors=ErrorLog())


def timed_run(scratch: Path, corpus: Path, config, name: str, *, fresh: bool = True, **kwargs) -> tuple[float, dict]:
    """Wall seconds of one pipeline run (model loading excluded) and its manifest."""
    from pipeline.run.runner import ErrorLog, Workspace, run_pipeline

    if fresh:
        ws = _workspace(scratch, corpus, config, name)
    else:
        ws = Workspace(raw_dir=corpus, interim_dir=scratch / f"interim_{name}", out_dir=scratch / f"outputs_{name}",
                       config=config, errors=ErrorLog())
    started = time.perf_counter()
    manifest = run_pipeline(ws, **kwargs)
    # engine start-up and model loading are one-off costs, not throughput
    seconds = time.perf_counter() - started - manifest["seconds"].get("start_engine", 0.0) \
        - manifest["seconds"].get("load_model", 0.0) / max(1, kwargs.get("workers", 1))
    return seconds, manifest


def memory_peak(words: int, seed_dir: Path, scratch: Path) -> float:
    """Peak RSS (MiB) of a fresh process running the pipeline alone over a ``words``-word corpus."""
    import subprocess
    import sys

    folder = scratch / f"memory_{words}"
    command = [sys.executable, "-m", "pipeline.tools.bench", "--words", str(words), "--seeds", str(seed_dir),
               "--scratch", str(folder), "--skip-bare", "--json"]
    result = subprocess.run(command, check=True, capture_output=True, text=True)
    return json.loads(result.stdout)["peak_rss_mb"]


def attack_timings(seed_dir: Path, scratch: Path, config, *, chars: int = 40_000) -> dict:
    """Seconds of a run on one ``chars``-character line with no full stop and on as much ordinary news, side by side.

    One model serves both runs (loaded, and warmed up on a short text, before either is
    timed), so the ratio compares the stages' work on the two texts, not start-up costs.
    """
    from pipeline.run.extract import entity_lexicon
    from pipeline.stages.nlp import load_pipeline

    news = "\n\n".join(p.read_text(encoding="utf-8", errors="replace").strip() for p in sorted(seed_dir.glob("*.txt")))
    if len(news) < chars:
        news = "\n\n".join([news] * (chars // len(news) + 1))
    texts = {"unpunctuated": ("the EU said " * (chars // 12 + 1))[:chars].rstrip(), "news": news[:chars],
             "warm_up": news[:2000]}
    nlp = load_pipeline(config.model_name, disable=config.settings["model"]["disable"],
                        entity_lexicon=entity_lexicon(config))
    seconds = {}
    for name in ("warm_up", "news", "unpunctuated"):
        corpus = scratch / f"attack_{name}"
        shutil.rmtree(corpus, ignore_errors=True)
        corpus.mkdir(parents=True)
        (corpus / f"{name}.txt").write_text(texts[name], encoding="utf-8")
        seconds[name], _ = timed_run(scratch, corpus, config, f"attack_{name}", nlp=nlp)
    return {"chars": chars, "news_seconds": round(seconds["news"], 3),
            "unpunctuated_seconds": round(seconds["unpunctuated"], 3),
            "unpunctuated_vs_news": round(seconds["unpunctuated"] / seconds["news"], 3)}


def single_source_peak(seed_dir: Path, scratch: Path, *, megabytes: int = 16) -> dict:
    """Peak RSS (MiB) of ``pipeline run`` in a process of its own over one source of ``megabytes`` MB of news.

    The source is the seed texts repeated into one file; the child's own resource usage
    (``os.wait4``) is read, not the high-water mark of every child this process ever had.
    """
    import os
    import subprocess
    import sys

    folder = scratch / f"single_{megabytes}mb"
    shutil.rmtree(folder, ignore_errors=True)
    (folder / "raw").mkdir(parents=True)
    news = "".join(p.read_text(encoding="utf-8", errors="replace").strip() + "\n\n"
                   for p in sorted(seed_dir.glob("*.txt")))
    size = megabytes * 1_000_000
    (folder / "raw" / "single.txt").write_text((news * (size // len(news) + 1))[:size], encoding="utf-8")
    started = time.perf_counter()
    child = subprocess.Popen([sys.executable, "-m", "pipeline.cli", "run", "--raw", str(folder / "raw"),
                              "--out", str(folder / "outputs"), "--interim", str(folder / "interim")],
                             stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(child.pid, 0)
    child.returncode = os.waitstatus_to_exitcode(status)
    if child.returncode != 0:
        raise click.ClickException(f"[E063] the {megabytes} MB single-source run failed (exit {child.returncode}): "
                                   f"{child.stderr.read().decode(errors='replace')[-500:]}")
    return {"single_source_mb": megabytes, "single_source_seconds": round(time.perf_counter() - started, 1),
            "single_source_peak_rss_mb": round(usage.ru_maxrss / 1024, 1)}


@click.command()
@click.option("--words", default=500_000, show_default=True, help="Size of the benchmark corpus in words.")
@click.option("--seeds", "seed_dir", type=click.Path(path_type=Path), default=Path("raw"), show_default=True,
              help="Folder of source texts to copy.")
@click.option("--scratch", type=click.Path(path_type=Path), default=Path(".bench"), show_default=True,
              help="Scratch folder for the corpus, interim files and outputs.")
@click.option("--config", "config_path", type=click.Path(path_type=Path), default=None)
@click.option("--skip-bare", is_flag=True, help="Do not time bare spaCy (pipeline figures only).")
@click.option("--suite", is_flag=True,
              help="Also measure --workers 2 vs 1, adding one source to a processed corpus, and peak memory "
                   "at 4x the corpus size.")
@click.option("--attack", is_flag=True,
              help="Instead: time a 40,000-character line with no full stop against as much ordinary news "
                   "(limit: within 3x), and the peak memory of one --single-source-mb source (limit: 1.5 GB).")
@click.option("--single-source-mb", default=16, show_default=True, help="Size of the --attack single source.")
@click.option("--json", "as_json", is_flag=True, help="Print the result as JSON.")
def main(words: int, seed_dir: Path, scratch: Path, config_path: Path | None, skip_bare: bool, suite: bool,
         attack: bool, single_source_mb: int, as_json: bool) -> None:
    """Time the pipeline and bare spaCy on the same corpus; print words/second and stage shares.

    \b
    Example:
        python -m pipeline.tools.bench --words 500000
        python -m pipeline.tools.bench --words 500000 --suite
        python -m pipeline.tools.bench --attack
    """
    from pipeline.run.sources import decode_bytes

    config = load_config(config_path)
    if attack:
        _attack(seed_dir, scratch, config, megabytes=single_source_mb, as_json=as_json)
        return
    corpus = scratch / "corpus"
    files, total_words = build_corpus(seed_dir, corpus, words=words)
    pipeline_seconds, manifest = timed_run(scratch, corpus, config, "serial")
    stage_seconds = {k: v for k, v in manifest["seconds"].items() if k not in {"start_engine", "load_model"}}
    result = {
        "files": files, "words": total_words,
        "pipeline_seconds": round(pipeline_seconds, 3),
        "pipeline_words_per_second": round(total_words / pipeline_seconds, 1),
        "stage_seconds": stage_seconds,
        "stage_share": {k: round(v / pipeline_seconds, 4) for k, v in stage_seconds.items()},
        "errors": manifest["errors"],
        "peak_rss_mb": round(peak_rss_mb(), 1),
    }
    if not skip_bare:
        texts = [decode_bytes(p.read_bytes(), source=p.name)[0] for p in sorted(corpus.glob("*.txt"))]
        bare_seconds = bare_spacy(texts, config.model_name, config.settings["model"]["batch_size"])
        result["bare_spacy_seconds"] = round(bare_seconds, 3)
        result["bare_spacy_words_per_second"] = round(total_words / bare_seconds, 1)
        result["throughput_ratio"] = round(bare_seconds / pipeline_seconds, 4)
        nlp_seconds = stage_seconds.get("nlp", 0.0) or 1e-9
        for stage in ("dates", "quantities", "mentions", "claim_drafts", "segment"):
            result[f"{stage}_vs_spacy_pass"] = round(stage_seconds.get(stage, 0.0) / nlp_seconds, 4)
    if suite:
        two_seconds, _ = timed_run(scratch, corpus, config, "workers2", workers=2)
        result["workers2_seconds"] = round(two_seconds, 3)
        result["workers2_speedup"] = round(pipeline_seconds / two_seconds, 3)
        extra = sorted(corpus.glob("*.txt"))[0]
        shutil.copy(extra, corpus / f"added-{extra.name}")
        added_seconds, added = timed_run(scratch, corpus, config, "serial", fresh=False)
        result["add_one_source_seconds"] = round(added_seconds, 3)
        result["add_one_source_share"] = round(added_seconds / pipeline_seconds, 4)
        (corpus / f"added-{extra.name}").unlink()
        result["peak_rss_mb_at_words"] = {str(words): memory_peak(words, seed_dir, scratch),
                                          str(4 * words): memory_peak(4 * words, seed_dir, scratch)}
        small, large = result["peak_rss_mb_at_words"].values()
        result["memory_growth_4x"] = round(large / small, 3)
    if as_json:
        click.echo(json.dumps(result, indent=2, sort_keys=True))
        return
    click.echo(f"corpus: {files} files, {total_words:,} words")
    click.echo(f"pipeline:   {result['pipeline_words_per_second']:>10,.0f} words/s ({pipeline_seconds:.1f}s)")
    if not skip_bare:
        click.echo(f"bare spaCy: {result['bare_spacy_words_per_second']:>10,.0f} words/s ({bare_seconds:.1f}s)")
        click.echo(f"ratio pipeline/bare: {result['throughput_ratio']:.3f}")
        click.echo("stage time / spaCy pass: " + ", ".join(
            f"{stage} {result[f'{stage}_vs_spacy_pass']:.3f}" for stage in ("dates", "quantities", "mentions",
                                                                            "claim_drafts", "segment")))
    click.echo("stage shares of the pipeline's time:")
    for stage, share in sorted(result["stage_share"].items(), key=lambda kv: -kv[1]):
        click.echo(f"  {stage:<14} {share:6.1%}  ({stage_seconds[stage]:.2f}s)")
    click.echo(f"peak memory: {result['peak_rss_mb']:.0f} MiB")
    if suite:
        click.echo(f"--workers 2: {result['workers2_seconds']:.1f}s, speed-up {result['workers2_speedup']:.2f}x")
        click.echo(f"add one source: {result['add_one_source_seconds']:.1f}s = "
                   f"{result['add_one_source_share']:.1%} of the full run")
        click.echo("peak memory by corpus size: " + ", ".join(
            f"{w} words {mb:.0f} MiB" for w, mb in result["peak_rss_mb_at_words"].items())
            + f" (growth {result['memory_growth_4x']:.2f}x)")


#: the issue's limits for the --attack figures
ATTACK_TIME_RATIO, ATTACK_PEAK_MB = 3.0, 1536


def _attack(seed_dir: Path, scratch: Path, config, *, megabytes: int, as_json: bool) -> None:
    result = {**attack_timings(seed_dir, scratch, config), **single_source_peak(seed_dir, scratch, megabytes=megabytes)}
    result["time_within_limit"] = result["unpunctuated_vs_news"] <= ATTACK_TIME_RATIO
    result["memory_within_limit"] = result["single_source_peak_rss_mb"] < ATTACK_PEAK_MB
    if as_json:
        click.echo(json.dumps(result, indent=2, sort_keys=True))
        return
    click.echo(f"{result['chars']:,} characters: ordinary news {result['news_seconds']:.1f}s, one unpunctuated line "
               f"{result['unpunctuated_seconds']:.1f}s: {result['unpunctuated_vs_news']:.2f}x "
               f"({'within' if result['time_within_limit'] else 'OVER'} the {ATTACK_TIME_RATIO:.0f}x limit)")
    click.echo(f"one {megabytes} MB source: peak memory {result['single_source_peak_rss_mb']:,.0f} MiB "
               f"({'under' if result['memory_within_limit'] else 'OVER'} the 1.5 GB limit), "
               f"{result['single_source_seconds']:.0f}s")


if __name__ == "__main__":
    main()
