"""Anchored values on undated articles: a raw folder dated by its sources.csv, then with the dates withheld.

Issue 17 asks that "anchored values [be] at least 0.85 right on undated articles whose text
fixes the date". Each article of the folder (or of one half of a ``halves.csv``) is run
twice through the dates stage: once with its ``sources.csv`` date, once with no date, so that
the publication date comes from its text alone: a dateline, else the inference of README,
"Undated articles". Every date row the dated run marks ``anchored`` is looked up in the undated
run by its span; it is *right* when the value there is the same. Rows count only in articles
the text dated (``dated_from_<published_from>`` says how); articles it left undated are
counted apart, with their anchored rows, which then keep no value; ``inferred_by_<rule>`` counts the
articles each inference rule dated::

    python -m pipeline.tools.evaluate.undated --raw ../fresh/articles --halves ../fresh/halves.csv --half dev

``--rows`` lists every anchored row that differs (for the half rules may be written from).
"""
from __future__ import annotations

import argparse
import csv
import json
from collections import Counter
from pathlib import Path

from pipeline.run.sources import read_metadata


def compare(dated: list[dict], undated: list[dict]) -> tuple[int, int, list[tuple[dict, dict | None]]]:
    """(anchored rows of the dated run, how many the undated run gives the same value, the others with their
    undated counterpart or None)."""
    by_span = {(r["start"], r["end"]): r for r in undated}
    anchored = [r for r in dated if r["anchored"]]
    wrong = [(r, by_span.get((r["start"], r["end"]))) for r in anchored
             if (by_span.get((r["start"], r["end"])) or {}).get("value") != r["value"]]
    return len(anchored), len(anchored) - len(wrong), wrong


def measure(raw: Path, runner, *, sources: list[str]) -> tuple[dict, list[dict]]:
    """The summary over ``sources`` (file names in ``raw``) and the differing rows."""
    # problems are per row or column (extra columns are ignored): the rows read still count
    metadata, _ = read_metadata(raw, "sources.csv")
    if not metadata:
        raise ValueError(f"[E064] {raw / 'sources.csv'}: no dated rows; give a sources.csv with source,published")
    tally: Counter = Counter()
    differing: list[dict] = []
    for name in sources:
        meta = metadata.get(name)
        if meta is None or meta.published is None:
            tally["articles_without_metadata_date"] += 1
            continue
        text = (raw / name).read_text(encoding="utf-8")
        dated, _ = runner(name, text, meta.published, precision=meta.published_precision or "day")
        undated, documents = runner(name, text, None)
        tally["articles"] += 1
        inferred = [d for d in documents if d.get("published") is not None]
        n, right, wrong = compare(dated, undated)
        if not inferred:
            tally["articles_undated"] += 1
            tally["anchored_rows_in_undated_articles"] += n
            continue
        first = inferred[0]
        tally[f"articles_dated_from_{first['published_from']}"] += 1
        if first["published_from"] == "inferred":
            # the evidence opens with the rule that decided (README, "Undated articles")
            tally[f"inferred_by_{(first.get('published_evidence') or '?').split(' ')[0]}"] += 1
        tally["text_date_equal_to_metadata"] += (
            first["published"] == meta.published and first["published_precision"] == meta.published_precision)
        tally["anchored_rows"] += n
        tally["anchored_rows_right"] += right
        for row, other in wrong:
            differing.append({"source": name, "text": row["text"], "value": row["value"],
                              "undated_value": None if other is None else other["value"],
                              "inferred": f"{first['published']} ({first['published_precision']})",
                              "published": f"{meta.published} ({meta.published_precision})"})
    summary = dict(sorted(tally.items()))
    summary["anchored_accuracy"] = round(tally["anchored_rows_right"] / tally["anchored_rows"], 4) \
        if tally["anchored_rows"] else None
    return summary, differing


def _half(halves: Path | None, half: str | None, raw: Path) -> list[str]:
    if halves is None:
        return sorted(p.name for p in raw.glob("*.txt"))
    with halves.open(encoding="utf-8", newline="") as fh:
        return sorted(r["source"] for r in csv.DictReader(fh) if half is None or r["half"] == half)


def main(argv: list[str] | None = None) -> None:
    """Print the summary (JSON) and, with ``--rows``, every anchored row whose value changed."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--raw", type=Path, required=True, help="folder of .txt articles with a sources.csv")
    parser.add_argument("--halves", type=Path, default=None, help="CSV with columns source,half")
    parser.add_argument("--half", default=None, help="only the articles of this half (dev, measure)")
    parser.add_argument("--rows", action="store_true", help="list the anchored rows whose value changed")
    args = parser.parse_args(argv)
    from pipeline.run.config import load_config
    from pipeline.run.extract import entity_lexicon
    from pipeline.stages.nlp import load_pipeline
    from pipeline.tools.evaluate.timeml_run import DatesRunner

    config = load_config()
    runner = DatesRunner(config, load_pipeline(config.model_name, entity_lexicon=entity_lexicon(config)))
    summary, differing = measure(args.raw, runner, sources=_half(args.halves, args.half, args.raw))
    print(json.dumps(summary, indent=1))
    if args.rows:
        for row in differing:
            print(json.dumps(row, ensure_ascii=False))


if __name__ == "__main__":
    main()
