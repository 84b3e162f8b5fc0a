"""The quantities stage on phrases from recent news of many countries: currencies, number words, signs, ranges,
glued units, false counts, and look-alikes that are not quantities (tables in tests/quantities_news/)."""
from __future__ import annotations

import math
from pathlib import Path

import pytest

from pipeline.core.article import Article
from pipeline.stages.quantities import QuantityExtractor
from tests.test_quantities_gold import extractor, quantity_nlp, view  # noqa: F401 (fixtures)

TABLES = Path(__file__).resolve().parent / "quantities_news"


def _rows(name: str) -> list[list[str]]:
    lines = (TABLES / name).read_text(encoding="utf-8").splitlines()
    return [line.split("\t") for line in lines if line.strip() and not line.startswith("#")]


PHRASES = _rows("phrases.tsv")
LOOKALIKES = _rows("lookalikes.tsv")
# a third column names a known gap: the test runs and must fail (strict), so a fix shows up
_LOOKALIKE_CASES = [
    pytest.param(row[0], row[1], id=f"{i:03d}-{row[1][:16]}",
                 marks=[pytest.mark.xfail(reason=row[2], strict=True)] if len(row) > 2 else [])
    for i, row in enumerate(LOOKALIKES)
]


def _run(nlp, ex: QuantityExtractor, text: str) -> list[dict]:
    article = Article(doc_id="d1", source="s.txt", start=0, end=len(text), text=text)
    return ex(nlp(view(text)), article)


def _same(a, b) -> bool:
    return a is not None and b is not None and math.isclose(float(a), float(b), rel_tol=1e-6)


def test_tables_are_large_and_cover_every_family():
    assert len(PHRASES) + len(LOOKALIKES) >= 300
    families = {row[6].split("_")[0] for row in PHRASES}
    assert {"currency", "number", "signs", "ranges", "false", "glued", "dev"} <= families
    assert all(len(row) in (7, 8) for row in PHRASES), [row for row in PHRASES if len(row) not in (7, 8)]
    assert all(len(row) in (2, 3) and row[1] in row[0] for row in LOOKALIKES)


# an eighth column names a known gap (a phrase the stage still misses): the test runs and must fail (strict)
_PHRASE_CASES = [
    pytest.param(*row[:7], id=f"{i:03d}-{row[6]}-{row[1][:20]}",
                 marks=[pytest.mark.xfail(reason=row[7], strict=True)] if len(row) > 7 else [])
    for i, row in enumerate(PHRASES)
]


@pytest.mark.parametrize(("sentence", "text", "kind", "value", "unit", "approx", "family"), _PHRASE_CASES)
def test_news_phrase(quantity_nlp, extractor, sentence, text, kind, value, unit, approx, family):
    hits = [r for r in _run(quantity_nlp, extractor, sentence) if r["text"] == text]
    assert len(hits) == 1, [r["text"] for r in _run(quantity_nlp, extractor, sentence)]
    row = hits[0]
    assert (row["kind"], row["unit"] or "", row["approx"] or "") == (kind, unit, approx)
    if value == "null":  # a score ("9-3", "4-6 6-4"): two sides, no single value
        assert (row["value"], row["value_low"], row["value_high"]) == (None, None, None)
        return
    low, _, high = value.partition("..")
    high = high or low
    assert _same(row["value_low"], low) and _same(row["value_high"], high), (row["value_low"], row["value_high"])
    assert (row["value"] is None) == (".." in value)


@pytest.mark.parametrize(("sentence", "fragment"), _LOOKALIKE_CASES)
def test_news_lookalike_is_no_quantity(quantity_nlp, extractor, sentence, fragment):
    at = sentence.index(fragment)
    rows = _run(quantity_nlp, extractor, sentence)
    assert [r["text"] for r in rows if r["start"] < at + len(fragment) and at < r["end"]] == []


@pytest.mark.parametrize(("first", "second"), [
    ("The car makes 5kW of power.", "The heater draws 5,000 watts."),
    ("The route is 1.5 km long.", "The route is 1,500 metres long."),
    ("The truck weighs 2 tonnes.", "The truck weighs 2,000 kg."),
])
def test_si_columns_make_units_compare(quantity_nlp, extractor, first, second):
    a, b = (_run(quantity_nlp, extractor, s)[0] for s in (first, second))
    assert a["unit"] != b["unit"]
    assert _same(a["si_value"], b["si_value"]) and a["si_unit"] == b["si_unit"]


def test_si_columns_stay_null_off_measures(quantity_nlp, extractor):
    rows = _run(quantity_nlp, extractor, "Sales rose 5% to $3bn as 40 stores opened, and it hit minus 5 degrees.")
    assert [(r["si_value"], r["si_unit"]) for r in rows] == [(None, None)] * len(rows)
    assert len(rows) == 4


# Durations: the dates table owns them, the quantities table never repeats them. Ages are in
# neither table ("a 67-year-old", "aged 45", "Merz, 69,"): no time, and no amount of anything.
OWNED_BY_DATES = [
    ("The war has lasted 45 years.", "45 years"),
    ("The talks took three months.", "three months"),
    ("The government sold 10-year bonds.", "10-year"),
    ("Officials set a 30-day deadline.", "30-day"),
    ("She spent two and a half years in jail.", "two and a half years"),
    ("The 24-hour strike ended after 12 days.", "12 days"),
]
AGES = [
    ("He was aged 45 when he died.", "45"),
    ("Merz, 69, told supporters he would govern.", "69"),
    ("A 67-year-old man was arrested.", "67-year-old"),
    ("The singer, 52 years old, cancelled the tour.", "52 years old"),
    ("The 129-year-old index fell.", "129-year-old"),
    ("The company's 75-year-old founder retired.", "75-year-old"),
]


@pytest.fixture(scope="module")
def owned_tables(nlp):
    from pipeline import extract

    texts = [s for s, _ in OWNED_BY_DATES + AGES]
    return texts, extract({f"t{i}": s for i, s in enumerate(texts)}, published="2025-06-01", nlp=nlp)


def _overlapping(frame, source: str, start: int, end: int) -> list[str]:
    rows = frame[(frame.source == source) & (frame.start < end) & (frame.end > start)]
    return list(rows.text)


@pytest.mark.parametrize(("sentence", "span"), OWNED_BY_DATES + AGES)
def test_durations_are_dates_only_and_ages_in_neither_table(owned_tables, sentence, span):
    texts, tables = owned_tables
    source = f"t{texts.index(sentence)}.txt"
    start = sentence.index(span)
    in_dates = _overlapping(tables.dates, source, start, start + len(span))
    assert _overlapping(tables.quantities, source, start, start + len(span)) == []
    assert in_dates == ([span] if (sentence, span) in OWNED_BY_DATES else [])
