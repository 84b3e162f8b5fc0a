"""Benchmark: the whole pipeline against bare spaCy ``nlp.pipe`` on the same text, in one run.

Machines are shared and noisy, so the result that matters is the ratio of the two
throughputs measured side by side, not either number alone.

    python -m pipeline.bench --words 500000
"""
from __future__ import annotations

import json
import resource
import shutil
import time
from pathlib import Path

import click

from .config import load_config


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
    """Peak resident memory of this process and its finished children, in MiB."""
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    return max(own, children) / 1024


@click.command()
@click.option("--words", default=500_000, show_default=True, help="Size of the benchmark corpus in words.")
@click.option("--seeds", "seed_dir", type=click.Path(path_type=Path), default=Path("raw"), show_default=True,
              help="Folder of source texts to copy.")
@click.option("--scratch", type=click.Path(path_type=Path), default=Path(".bench"), show_default=True,
              help="Scratch folder for the corpus, interim files and outputs.")
@click.option("--config", "config_path", type=click.Path(path_type=Path), default=None)
@click.option("--skip-bare", is_flag=True, help="Do not time bare spaCy (pipeline figures only).")
@click.option("--json", "as_json", is_flag=True, help="Print the result as JSON.")
def main(words: int, seed_dir: Path, scratch: Path, config_path: Path | None, skip_bare: bool, as_json: bool) -> None:
    """Time the pipeline and bare spaCy on the same corpus; print words/second and stage shares.

    \b
    Example:
        python -m pipeline.bench --words 500000
    """
    from .runner import ErrorLog, Workspace, run_pipeline
    from .sources import decode_bytes

    config = load_config(config_path)
    corpus = scratch / "corpus"
    files, total_words = build_corpus(seed_dir, corpus, words=words)
    for folder in ("interim", "outputs"):
        shutil.rmtree(scratch / folder, ignore_errors=True)
    ws = Workspace(raw_dir=corpus, interim_dir=scratch / "interim", out_dir=scratch / "outputs", config=config,
                   errors=ErrorLog())
    started = time.perf_counter()
    manifest = run_pipeline(ws)
    pipeline_seconds = time.perf_counter() - started - manifest["seconds"].get("load_model", 0.0)
    result = {
        "files": files, "words": total_words,
        "pipeline_seconds": round(pipeline_seconds, 3),
        "pipeline_words_per_second": round(total_words / pipeline_seconds, 1),
        "stage_seconds": manifest["seconds"],
        "stage_share": {k: round(v / pipeline_seconds, 4) for k, v in manifest["seconds"].items() if k != "load_model"},
        "errors": manifest["errors"],
        "peak_rss_mb": round(peak_rss_mb(), 1),
    }
    if not skip_bare:
        texts = [decode_bytes(p.read_bytes(), source=p.name)[0] for p in sorted(corpus.glob("*.txt"))]
        bare_seconds = bare_spacy(texts, config.model_name, config.settings["model"]["batch_size"])
        result["bare_spacy_seconds"] = round(bare_seconds, 3)
        result["bare_spacy_words_per_second"] = round(total_words / bare_seconds, 1)
        result["throughput_ratio"] = round(bare_seconds / pipeline_seconds, 4)
        nlp_seconds = manifest["seconds"].get("nlp", 0.0) or 1e-9
        for stage in ("dates", "quantities"):
            result[f"{stage}_vs_spacy_pass"] = round(manifest["seconds"].get(stage, 0.0) / nlp_seconds, 4)
    if as_json:
        click.echo(json.dumps(result, indent=2, sort_keys=True))
        return
    click.echo(f"corpus: {files} files, {total_words:,} words")
    click.echo(f"pipeline:   {result['pipeline_words_per_second']:>10,.0f} words/s ({pipeline_seconds:.1f}s)")
    if not skip_bare:
        click.echo(f"bare spaCy: {result['bare_spacy_words_per_second']:>10,.0f} words/s ({bare_seconds:.1f}s)")
        click.echo(f"ratio pipeline/bare: {result['throughput_ratio']:.3f}")
    click.echo("stage shares of the pipeline's time:")
    for stage, share in sorted(result["stage_share"].items(), key=lambda kv: -kv[1]):
        click.echo(f"  {stage:<14} {share:6.1%}  ({manifest['seconds'][stage]:.2f}s)")
    click.echo(f"peak memory: {result['peak_rss_mb']:.0f} MiB")


if __name__ == "__main__":
    main()
