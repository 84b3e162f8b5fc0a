"""Matching gold with predictions: folded strings, span geometry and the one-to-one span pairing.

Span matching (dates, quantities)
    Gold and predicted spans of one file are paired one-to-one, greedily: candidate
    pairs are the gold/predicted pairs that overlap by at least one character, taken
    in the order (identical offsets first, larger overlap first, then gold start,
    predicted start), each pair kept when neither side is paired yet. Strict TP =
    kept pairs with identical offsets; relaxed TP = all kept pairs.
    precision = TP / predicted, recall = TP / gold, F1 = their harmonic mean.
"""
from __future__ import annotations

import re
from typing import Any

from pipeline.tools.evaluate.gold import GoldSpan

_WHITESPACE = re.compile(r"\s+")
_APOSTROPHES = str.maketrans({"\u2019": "'", "\u2018": "'", "\u02bc": "'", "\u2032": "'", "`": "'"})
_POSSESSIVE = re.compile(r"'s?$")


def overlap(s1: int, e1: int, s2: int, e2: int) -> int:
    return min(e1, e2) - max(s1, s2)


def distance(s1: int, e1: int, s2: int, e2: int) -> int:
    return max(0, s2 - e1, s1 - e2)


def fold(text: str) -> str:
    """Whitespace runs to one space, curly apostrophes to straight; case kept."""
    return _WHITESPACE.sub(" ", text.translate(_APOSTROPHES)).strip()


def fold_subject(text: str) -> str:
    return _POSSESSIVE.sub("", fold(text)).rstrip()


def fold_loose(value: Any) -> str:
    """Units and qualifiers: whitespace folded, case-insensitive, null as ''."""
    return "" if value is None else fold(str(value)).casefold()


def match_spans(gold: list[GoldSpan], pred: list[dict]) -> tuple[list[tuple[GoldSpan, dict]], list[GoldSpan], list[dict]]:
    """Pair gold and predicted spans one-to-one (exact first, then by overlap); return pairs, misses, FPs."""
    candidates = []
    for gi, g in enumerate(gold):
        for pi, p in enumerate(pred):
            size = overlap(g.start, g.end, p["start"], p["end"])
            if size > 0:
                exact = g.start == p["start"] and g.end == p["end"]
                candidates.append((not exact, -size, g.start, p["start"], p["end"], gi, pi))
    candidates.sort()
    used_gold, used_pred, pairs = set(), set(), []
    for *_, gi, pi in candidates:
        if gi not in used_gold and pi not in used_pred:
            used_gold.add(gi)
            used_pred.add(pi)
            pairs.append((gold[gi], pred[pi]))
    pairs.sort(key=lambda pair: (pair[0].start, pair[0].end))
    misses = [g for gi, g in enumerate(gold) if gi not in used_gold]
    fps = [p for pi, p in enumerate(pred) if pi not in used_pred]
    return pairs, misses, fps
