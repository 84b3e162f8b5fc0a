"""Entity F1, label accuracy and alias F1 of a run's mentions against an article-level hand annotation (dev_gold.tsv)."""
from __future__ import annotations

import re
import sys
from collections import defaultdict
from itertools import combinations

import pandas as pd


def _fold(text: str) -> str:
    return " ".join(text.replace("’s", "").replace("'s", "").split()).casefold()


def _article(source: str) -> str:
    """The article key of a source file: its leading number ("501_x.txt" -> "501", "1001_x.txt" -> "1001")."""
    match = re.match(r"(\d+)_", source)
    return match.group(1) if match else source[:3]


def _read_gold(gold_path: str) -> dict[str, list[tuple[str, set[str]]]]:
    gold = defaultdict(list)
    for line in open(gold_path, encoding="utf-8"):
        if line.startswith("#") or not line.strip():
            continue
        art, label, names = line.rstrip("\n").split("\t")
        gold[art].append((label, {_fold(n) for n in names.split("|")}))
    return gold


def _alias_counts(entries: list[tuple[str, set[str]]], items: set[tuple[str, str]]) -> tuple[int, int, int]:
    """Pairs of (system entity, mention form) whose forms each match one gold entity: (both same, system same, gold same)."""
    owner = {}
    for i, (_, forms) in enumerate(entries):
        for form in forms:
            owner.setdefault(form, set()).add(i)
    # a form two gold entities share ("Bank") tells nothing about which of them the system meant
    matched = [(name, owner[form].pop()) for name, form in sorted(items) if len(owner.get(form, ())) == 1]
    both = same_sys = same_gold = 0
    for (name_a, gold_a), (name_b, gold_b) in combinations(matched, 2):
        same_sys += name_a == name_b
        same_gold += gold_a == gold_b
        both += name_a == name_b and gold_a == gold_b
    return both, same_sys, same_gold


def _prf(right: int, system: int, gold: int) -> dict:
    p = right / system if system else 0.0
    r = right / gold if gold else 0.0
    return {"precision": round(p, 3), "recall": round(r, 3), "f1": round(2 * p * r / max(p + r, 1e-9), 3)}


def score(gold_path: str, mentions_tsv: str) -> dict:
    """Per-article entities matched by any of their forms; label accuracy over matched entities with a fixed label.

    Alias F1: within each article, over pairs of system mention forms that both match gold entities,
    precision and recall of "same system entity" against "same gold entity".

    Label-aware figures (``label_precision``, ``label_recall``, ``label_f1`` and ``per_label``): a matched entity
    is a label-aware true positive only when the system's label is the gold one (a gold label ``*`` is always
    right). Overall, precision is over all system entities and recall over all gold entities. Per label L,
    precision is over the system entities labelled L (right when matched to a gold entity labelled L or ``*``)
    and recall over the gold entities labelled L (right when matched by a system entity labelled L); gold ``*``
    entities count in no label's recall. A label no system entity carries has precision None, one no gold
    entity carries recall None (and then F1 None).
    """
    gold = _read_gold(gold_path)
    sys_ents = defaultdict(dict)
    items = defaultdict(set)
    for row in pd.read_csv(mentions_tsv, sep="\t").itertuples():
        art = _article(row.source)
        if art not in gold:
            continue
        ent = sys_ents[art].setdefault(row.name, {"label": row.label, "forms": {_fold(row.name)}})
        ent["forms"].add(_fold(row.text))
        items[art].add((row.name, _fold(row.text)))
    tp = fp = fn = right = labelled = 0
    a_both = a_sys = a_gold = 0
    label_right = 0
    # label -> [system entities with it, of them right; gold entities with it, of them found with it]
    per = defaultdict(lambda: [0, 0, 0, 0])
    for art, entries in gold.items():
        unmatched = dict(sys_ents.get(art, {}))
        for ent in unmatched.values():
            per[ent["label"]][0] += 1
        for label, forms in entries:
            if label != "*":
                per[label][2] += 1
            hit = next((name for name, e in unmatched.items() if e["forms"] & forms), None)
            if hit is None:
                fn += 1
                continue
            tp += 1
            sys_label = unmatched[hit]["label"]
            if label != "*":
                labelled += 1
                right += sys_label == label
            if label in ("*", sys_label):
                label_right += 1
                per[sys_label][1] += 1
                if label != "*":
                    per[label][3] += 1
            del unmatched[hit]
        fp += len(unmatched)
        both, same_sys, same_gold = _alias_counts(entries, {(n, f) for n, f in items.get(art, ())})
        a_both, a_sys, a_gold = a_both + both, a_sys + same_sys, a_gold + same_gold
    p, r = tp / max(tp + fp, 1), tp / max(tp + fn, 1)
    ap = a_both / a_sys if a_sys else 1.0
    ar = a_both / a_gold if a_gold else 1.0
    aware = _prf(label_right, tp + fp, tp + fn)
    per_label = {}
    for label, (n_sys, sys_right, n_gold, gold_right) in sorted(per.items()):
        # a label the system never gives has no precision, one the gold never gives no recall (None, not 0)
        ps = sys_right / n_sys if n_sys else None
        rs = gold_right / n_gold if n_gold else None
        f1 = 2 * ps * rs / max(ps + rs, 1e-9) if ps is not None and rs is not None else None
        per_label[label] = {"precision": None if ps is None else round(ps, 3),
                            "recall": None if rs is None else round(rs, 3),
                            "f1": None if f1 is None else round(f1, 3), "system": n_sys, "gold": n_gold}
    return {"precision": round(p, 3), "recall": round(r, 3), "f1": round(2 * p * r / max(p + r, 1e-9), 3),
            "label_accuracy": round(right / max(labelled, 1), 3), "tp": tp, "fp": fp, "fn": fn,
            "alias_precision": round(ap, 3), "alias_recall": round(ar, 3),
            "alias_f1": round(2 * ap * ar / max(ap + ar, 1e-9), 3), "alias_pairs": a_gold,
            "label_precision": aware["precision"], "label_recall": aware["recall"], "label_f1": aware["f1"],
            "label_tp": label_right, "per_label": per_label}


if __name__ == "__main__":
    print(score(sys.argv[1], sys.argv[2]))
