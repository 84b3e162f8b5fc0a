"""Entity F1 and label accuracy of a run's mentions against an article-level hand annotation (dev_gold.tsv)."""
from __future__ import annotations

import sys
from collections import defaultdict

import pandas as pd


def _fold(text: str) -> str:
    return " ".join(text.replace("’s", "").replace("'s", "").split()).casefold()


def score(gold_path: str, mentions_tsv: str) -> dict:
    """Per-article entities matched by any of their forms; label accuracy over matched entities with a fixed label."""
    gold = defaultdict(list)
    for line in open(gold_path, encoding="utf-8"):
        if line.startswith("#") or not line.strip():
            continue
        art, label, names = line.rstrip("\n").split("\t")
        gold[art].append((label, {_fold(n) for n in names.split("|")}))
    sys_ents = defaultdict(dict)
    for row in pd.read_csv(mentions_tsv, sep="\t").itertuples():
        art = row.source[:3]
        if art not in gold:
            continue
        ent = sys_ents[art].setdefault(row.name, {"label": row.label, "forms": {_fold(row.name)}})
        ent["forms"].add(_fold(row.text))
    tp = fp = fn = right = labelled = 0
    for art, entries in gold.items():
        unmatched = dict(sys_ents.get(art, {}))
        for label, forms in entries:
            hit = next((name for name, e in unmatched.items() if e["forms"] & forms), None)
            if hit is None:
                fn += 1
                continue
            tp += 1
            if label != "*":
                labelled += 1
                right += unmatched[hit]["label"] == label
            del unmatched[hit]
        fp += len(unmatched)
    p, r = tp / max(tp + fp, 1), tp / max(tp + fn, 1)
    return {"precision": round(p, 3), "recall": round(r, 3), "f1": round(2 * p * r / max(p + r, 1e-9), 3),
            "label_accuracy": round(right / max(labelled, 1), 3), "tp": tp, "fp": fp, "fn": fn}


if __name__ == "__main__":
    print(score(sys.argv[1], sys.argv[2]))
