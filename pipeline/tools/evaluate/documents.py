"""Scoring documents: publication dates and article boundaries.

documents
    A ``doc`` record is judged on the document of its source with the largest extent
    (ties: the earliest); an ``article`` record (located by its first characters) on
    the document whose ``[start, end)`` holds the article's start (the smallest such).
    ``pub_date_accuracy`` = share of doc and article records whose document's
    ``published``, written ``YYYY-MM-DD``, starts with the gold ``pub_date`` (so the
    gold's precision decides how much must agree). In files with article records:
    a document's start is its ``start`` moved past leading whitespace;
    ``article_boundary_recall`` = share of gold article starts that equal some
    document start, ``article_boundary_precision`` = share of document starts in the
    region that equal some gold article start.
"""
from __future__ import annotations

import datetime as dt
from typing import Any

from pipeline.tools.evaluate.gold import GoldFile
from pipeline.tools.evaluate.rows import gold_in_region, group_by_source
from pipeline.tools.evaluate.tally import Ratio, error_entry, new_table, put_ratio
from pipeline.tools.evaluate.values import plain_value


def _published_iso(value: Any) -> str | None:
    value = plain_value(value)
    if isinstance(value, dt.datetime):
        return value.date().isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, str) and value.strip():
        return value.strip()
    return None


def _skip_space(text: str, start: int, end: int) -> int:
    while start < min(end, len(text)) and text[start].isspace():
        start += 1
    return start


def score_documents(files: list[GoldFile], rows: list[dict]) -> dict:
    """Publication-date accuracy of doc/article records and article-boundary recall and precision."""
    out = new_table()
    by_source = group_by_source(rows)
    pub, recall, precision = Ratio(), Ratio(), Ratio()
    for gf in files:
        docs = by_source.get(gf.source, [])
        articles = gold_in_region(gf, gf.articles)
        judged = []  # (gold record, its document row or None, is an article record)
        for g in gf.docs:
            row = min(docs, key=lambda r: (-(r["end"] - r["start"]), r["start"]), default=None)
            judged.append((g, row, False))
        for g in articles:
            holding = [r for r in docs if r["start"] <= g.start < r["end"]]
            judged.append((g, min(holding, key=lambda r: (r["end"] - r["start"], r["start"]), default=None), True))
        for g, row, is_article in judged:
            gold_date = g.record.get("pub_date")
            predicted = _published_iso(row.get("published")) if row else None
            ok = gold_date is None and predicted is None or (
                gold_date is not None and predicted is not None and predicted.startswith(gold_date))
            pub.add(ok)
            if not ok:
                out["mismatches"].append(error_entry(
                    gf, *((g.start, g.end, g.text) if is_article else (None, None, None)),
                    problems=["published" if row else "no_document"], gold={"pub_date": gold_date},
                    predicted={"doc_id": row.get("doc_id") if row else None, "published": predicted,
                               "published_from": row.get("published_from") if row else None}))
        if not gf.articles:
            continue
        gold_starts = {g.start: g for g in articles}
        doc_starts = {}
        for r in docs:
            s = _skip_space(gf.text, r["start"], r["end"])
            if gf.region.contains(s):
                doc_starts.setdefault(s, r)
        for s, g in sorted(gold_starts.items()):
            recall.add(s in doc_starts)
            if s not in doc_starts:
                out["misses"].append(error_entry(gf, g.start, g.end, g.text,
                                                 gold={"pub_date": g.record.get("pub_date")}))
        for s, r in sorted(doc_starts.items()):
            precision.add(s in gold_starts)
            if s not in gold_starts:
                out["false_positives"].append(error_entry(
                    gf, s, r["end"], gf.text[s:min(r["end"], s + 60)],
                    predicted={"doc_id": r.get("doc_id"), "published": _published_iso(r.get("published"))}))
    m, f = out["metrics"], out["fractions"]
    put_ratio(m, f, "pub_date_accuracy", pub)
    put_ratio(m, f, "article_boundary_recall", recall)
    put_ratio(m, f, "article_boundary_precision", precision)
    out["counts"] = {"gold_dated": pub.den, "gold_articles": recall.den, "predicted_article_starts": precision.den}
    return out
