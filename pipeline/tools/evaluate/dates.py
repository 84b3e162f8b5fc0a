"""Scoring dates: span P/R/F1, then value and tclass accuracy over the paired spans.

dates
    ``strict_*``, ``relaxed_*``: span P/R/F1 (see ``matching``). Over the relaxed pairs:
    ``value_accuracy`` = share whose predicted ``value`` equals the gold value (strings
    compared after stripping; a gold null is right only when the prediction is null or
    empty), split into ``value_accuracy_anchored`` / ``value_accuracy_unanchored`` by
    the gold ``anchored`` flag; ``tclass_accuracy`` = share with the same ``tclass``
    (case-insensitive).
"""
from __future__ import annotations

from typing import Any

from pipeline.tools.evaluate.gold import GoldFile
from pipeline.tools.evaluate.matching import fold_loose, match_spans
from pipeline.tools.evaluate.rows import gold_in_region, group_by_source, predicted_in_region, row_text
from pipeline.tools.evaluate.tally import Ratio, error_entry, new_table, put_prf, put_ratio

_DATE_FIELDS = ("tclass", "value", "anchored")


def _date_value_ok(gold_value: Any, pred_value: Any) -> bool:
    pred = None if pred_value is None or str(pred_value).strip() == "" else str(pred_value).strip()
    return pred is None if gold_value is None else pred == str(gold_value).strip()


def score_dates(files: list[GoldFile], rows: list[dict]) -> dict:
    """Strict/relaxed P/R/F1 of date spans, value (by anchoring) and tclass accuracy over relaxed pairs."""
    out = new_table()
    by_source = group_by_source(rows)
    n_gold = n_pred = strict = 0
    value, anchored, unanchored, tclass = Ratio(), Ratio(), Ratio(), Ratio()
    for gf in files:
        gold, pred = gold_in_region(gf, gf.dates), predicted_in_region(gf, by_source)
        pairs, misses, fps = match_spans(gold, pred)
        n_gold, n_pred = n_gold + len(gold), n_pred + len(pred)
        for g, p in pairs:
            rec = g.record
            exact = (g.start, g.end) == (p["start"], p["end"])
            strict += exact
            value_ok = _date_value_ok(rec.get("value"), p.get("value"))
            tclass_ok = fold_loose(rec.get("tclass")) == fold_loose(p.get("tclass"))
            value.add(value_ok)
            (anchored if rec.get("anchored") else unanchored).add(value_ok)
            tclass.add(tclass_ok)
            problems = [name for name, ok in (("extent", exact), ("value", value_ok), ("tclass", tclass_ok)) if not ok]
            if problems:
                out["mismatches"].append(error_entry(
                    gf, g.start, g.end, g.text, problems=problems,
                    gold={k: rec.get(k) for k in _DATE_FIELDS},
                    predicted={"date_id": p.get("date_id"), "start": p["start"], "end": p["end"],
                               "text": row_text(p, gf.text), **{k: p.get(k) for k in _DATE_FIELDS}}))
        out["misses"] += [error_entry(gf, g.start, g.end, g.text, gold={k: g.record.get(k) for k in _DATE_FIELDS})
                          for g in misses]
        out["false_positives"] += [error_entry(gf, p["start"], p["end"], row_text(p, gf.text),
                                               predicted={"date_id": p.get("date_id"),
                                                          **{k: p.get(k) for k in _DATE_FIELDS}})
                                   for p in fps]
    m, f = out["metrics"], out["fractions"]
    put_prf(m, f, "strict_", strict, n_pred, n_gold)
    put_prf(m, f, "relaxed_", value.den, n_pred, n_gold)
    put_ratio(m, f, "value_accuracy", value)
    put_ratio(m, f, "value_accuracy_anchored", anchored)
    put_ratio(m, f, "value_accuracy_unanchored", unanchored)
    put_ratio(m, f, "tclass_accuracy", tclass)
    out["counts"] = {"gold": n_gold, "predicted": n_pred, "strict_tp": strict, "relaxed_tp": value.den}
    return out
