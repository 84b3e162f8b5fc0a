"""Run the pipeline over tests/entities_news/dev2/excerpts and score its mentions against gold.tsv.

Usage (from the worktree root): python tests/entities_news/dev2/run_dev2.py [WORKDIR]

Prints score.py's figures (entity F1, label accuracy, alias F1) and label-aware F1: an entity
counts only when a system entity of the gold label (any label for gold ``*``) matches one of its
forms; per label, system entities matching a ``*`` gold entity are left out.
"""
from __future__ import annotations

import subprocess
import sys
from collections import defaultdict
from pathlib import Path

import pandas as pd

HERE = Path(__file__).parent
sys.path.insert(0, str(HERE.parent))
from score import _fold, _read_gold, score  # noqa: E402


def run(work: Path) -> Path:
    out, interim = work / "out", work / "int"
    subprocess.run([sys.executable, "-m", "pipeline", "run", "--raw", str(HERE / "excerpts"), "--out", str(out),
                    "--interim", str(interim)], check=True, capture_output=True)
    m = pd.read_parquet(out / "mentions.parquet")
    e = pd.read_parquet(out / "entities.parquet")[["entity_id", "name", "label"]]
    joined = m[["source", "text", "entity_id"]].merge(e, on="entity_id")
    tsv = work / "mentions.tsv"
    joined[["source", "name", "label", "text"]].to_csv(tsv, sep="\t", index=False)
    return tsv


def label_aware(gold_path: Path, tsv: Path, only: str | None = None) -> dict:
    gold = _read_gold(str(gold_path))
    ents = defaultdict(dict)
    for row in pd.read_csv(tsv, sep="\t").itertuples():
        art = row.source[:3]
        ent = ents[art].setdefault(row.name, {"label": row.label, "forms": {_fold(row.name)}})
        ent["forms"].add(_fold(row.text))
    tp = fp = fn = 0
    for art, entries in gold.items():
        unmatched = dict(ents.get(art, {}))
        for label, forms in entries:
            if only and label not in (only, "*"):
                continue
            ok = [n for n, e in unmatched.items() if e["forms"] & forms and (label == "*" or e["label"] == label)]
            if ok:
                del unmatched[ok[0]]
                tp += label != "*" or not only
            elif label != "*":
                fn += 1
            elif not only:
                fn += 1
        fp += sum(1 for e in unmatched.values() if not only or e["label"] == only)
    p, r = tp / max(tp + fp, 1), tp / max(tp + fn, 1)
    return {"p": round(p, 3), "r": round(r, 3), "f1": round(2 * p * r / max(p + r, 1e-9), 3), "tp": tp, "fp": fp, "fn": fn}


if __name__ == "__main__":
    work = Path(sys.argv[1] if len(sys.argv) > 1 else "/tmp/dev2-run")
    work.mkdir(parents=True, exist_ok=True)
    tsv = run(work)
    gold = HERE / "gold.tsv"
    print("score.py     ", score(str(gold), str(tsv)))
    print("label-aware  ", label_aware(gold, tsv))
    for lab in ("ORG", "PERSON", "GPE", "NORP"):
        print(f"  {lab:7s}    ", label_aware(gold, tsv, lab))
