"""Metric bookkeeping: ratios summed over files, P/R/F1, and one table's result with its error entries."""
from __future__ import annotations

from typing import Any

from pipeline.tools.evaluate.gold import GoldFile
from pipeline.tools.evaluate.values import jsonable


class Ratio:
    """Numerator and denominator of one metric, summed over gold files."""

    __slots__ = ("num", "den")

    def __init__(self) -> None:
        self.num = 0
        self.den = 0

    def add(self, ok: bool) -> None:
        self.den += 1
        self.num += bool(ok)

    @property
    def value(self) -> float:
        return self.num / self.den if self.den else 0.0


def f1_score(p: float, r: float) -> float:
    return 2 * p * r / (p + r) if p + r else 0.0


def put_prf(metrics: dict, fractions: dict, prefix: str, tp: int, predicted: int, gold: int) -> None:
    p = tp / predicted if predicted else 0.0
    r = tp / gold if gold else 0.0
    metrics[f"{prefix}precision"] = round(p, 4)
    metrics[f"{prefix}recall"] = round(r, 4)
    metrics[f"{prefix}f1"] = round(f1_score(p, r), 4)
    fractions[f"{prefix}precision"] = [tp, predicted]
    fractions[f"{prefix}recall"] = [tp, gold]


def put_ratio(metrics: dict, fractions: dict, name: str, ratio: Ratio) -> None:
    metrics[name] = round(ratio.value, 4)
    fractions[name] = [ratio.num, ratio.den]


def new_table() -> dict:
    return {"metrics": {}, "fractions": {}, "counts": {}, "misses": [], "false_positives": [], "mismatches": []}


def error_entry(gold_file: GoldFile, start: int | None, end: int | None, text: str | None, **values: Any) -> dict:
    entry = {"file": gold_file.name, "source": gold_file.source, "start": start, "end": end, "text": text}
    entry.update({k: jsonable(v) if not isinstance(v, dict) else {kk: jsonable(vv) for kk, vv in v.items()}
                  for k, v in values.items()})
    return entry
