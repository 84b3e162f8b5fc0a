"""Entity figures of a run over a folder of article excerpts against an article-level annotation.

Runs the whole pipeline over ``--raw`` in a temporary folder (as ``pipeline.tools.judged`` does), writes the
run's mentions as a ``source, name, label, text`` table (the mention's text, its entity's canonical name and
label) and scores it with ``tests/entities_news/score.py``: entity P/R/F1 (an article's gold entity matched
by any of its forms), label accuracy, alias F1 and the label-aware figures, overall and per label. It also
prints how long the mentions step took next to the model's (``nlp``) time of the same run.

Example (the blind benchmark of tests/entities_bench/README.md; ``make entities-bench``)::

    python -m pipeline.tools.evaluate.entities_bench --raw tests/entities_bench/excerpts \
        --gold tests/entities_bench/gold.tsv --out /tmp/bench

``--out`` keeps the run's tables, the mentions table scored (``mentions.tsv``) and the figures
(``figures.json``) there; without it nothing is kept.
"""
from __future__ import annotations

import importlib.util
import json
import tempfile
from pathlib import Path

#: the scorer shared with tests/entities_news (dev_gold.tsv): one definition of the figures
SCORER = Path(__file__).resolve().parents[3] / "tests" / "entities_news" / "score.py"
#: per-source steps timed inside the engine, for the mentions step's share
PER_SOURCE_STEPS = ("nlp", "dates", "quantities", "mentions", "claim_drafts")


def load_scorer():
    """tests/entities_news/score.py as a module: the one definition of the entity figures."""
    if not SCORER.is_file():
        raise SystemExit(f"no scorer at {SCORER}: run from a checkout of the repository")
    spec = importlib.util.spec_from_file_location("entities_news_score", SCORER)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def mentions_table(out_dir: str | Path):
    """The run's mentions with their entity's canonical name and label, as the scorer reads them."""
    from pipeline.core.schema import read_table

    out_dir = Path(out_dir)
    mentions = read_table("mentions", out_dir / "mentions.parquet")
    entities = read_table("entities", out_dir / "entities.parquet")
    table = mentions[["entity_id", "source", "text"]].merge(entities[["entity_id", "name", "label"]], on="entity_id")
    return table[["source", "name", "label", "text"]]


def timing_figures(timings: dict) -> dict:
    """Seconds of the per-source steps and the mentions step's share of the model's time and of them all."""
    seconds = {step: round(float(timings.get(step, 0.0)), 3) for step in PER_SOURCE_STEPS}
    total = sum(seconds.values())
    return {"seconds": seconds,
            "mentions_share_of_nlp": round(seconds["mentions"] / seconds["nlp"], 3) if seconds["nlp"] else None,
            "mentions_share_of_per_source": round(seconds["mentions"] / total, 3) if total else None}


def format_figures(figures: dict) -> str:
    """The figures as a few plain lines."""
    lines = [f"entities  P {figures['precision']:.3f}  R {figures['recall']:.3f}  F1 {figures['f1']:.3f}  "
             f"(tp {figures['tp']}, fp {figures['fp']}, fn {figures['fn']})  "
             f"label accuracy {figures['label_accuracy']:.3f}",
             f"alias     P {figures['alias_precision']:.3f}  R {figures['alias_recall']:.3f}  "
             f"F1 {figures['alias_f1']:.3f}  (gold pairs {figures['alias_pairs']})",
             f"label-aware  P {figures['label_precision']:.3f}  R {figures['label_recall']:.3f}  "
             f"F1 {figures['label_f1']:.3f}  (right {figures['label_tp']})"]
    def num(value) -> str:
        return "  -  " if value is None else f"{value:.3f}"

    for label, row in figures["per_label"].items():
        lines.append(f"  {label:<12} P {num(row['precision'])}  R {num(row['recall'])}  F1 {num(row['f1'])}  "
                     f"(system {row['system']}, gold {row['gold']})")
    timing = figures.get("timing")
    if timing:
        s = timing["seconds"]
        share = timing["mentions_share_of_nlp"]
        lines.append(f"time      nlp {s['nlp']:.2f}s  mentions {s['mentions']:.2f}s"
                     + (f"  = {share:.1%} of nlp" if share is not None else "")
                     + (f"  ({timing['mentions_share_of_per_source']:.1%} of the per-source steps)"
                        if timing["mentions_share_of_per_source"] is not None else ""))
    return "\n".join(lines)


def run(raw: str | Path, gold: str | Path, out: str | Path | None = None) -> dict:
    """Run the pipeline over ``raw``, score its mentions against ``gold``; the figures (with timings)."""
    from pipeline.run.config import load_config
    from pipeline.run.runner import ErrorLog, Workspace, run_pipeline

    score = load_scorer().score
    with tempfile.TemporaryDirectory() as tmp:
        base = Path(out) if out is not None else Path(tmp)
        ws = Workspace(raw_dir=Path(raw), interim_dir=base / "interim", out_dir=base / "out",
                       config=load_config(None), errors=ErrorLog())
        run_pipeline(ws)
        tsv = base / "mentions.tsv"
        tsv.parent.mkdir(parents=True, exist_ok=True)
        mentions_table(ws.out_dir).to_csv(tsv, sep="\t", index=False)
        figures = score(str(gold), str(tsv))
        figures["timing"] = timing_figures(dict(ws.timings))
        if out is not None:
            (base / "figures.json").write_text(json.dumps(figures, indent=1), encoding="utf-8")
    return figures


def main(argv: list[str] | None = None) -> int:
    """Run the pipeline over a folder of excerpts and print its entity figures against an annotation.

    Example: python -m pipeline.tools.evaluate.entities_bench --raw tests/entities_bench/excerpts
    --gold tests/entities_bench/gold.tsv
    """
    import argparse

    parser = argparse.ArgumentParser(description=main.__doc__.splitlines()[0])
    parser.add_argument("--raw", default="tests/entities_bench/excerpts", help="folder of excerpts and sources.csv")
    parser.add_argument("--gold", default="tests/entities_bench/gold.tsv",
                        help="article-level annotation (format: tests/entities_news/dev_gold.tsv)")
    parser.add_argument("--out", default=None, help="keep the run, mentions.tsv and figures.json in this folder")
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    args = parser.parse_args(argv)
    figures = run(args.raw, args.gold, args.out)
    print(json.dumps(figures, indent=1) if args.json else format_figures(figures))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
