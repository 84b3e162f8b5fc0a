"""Scoring quantities: span P/R/F1, then value, unit, kind and qualifier accuracy over the paired spans.

quantities
    ``strict_*``, ``relaxed_*``: span P/R/F1 (see ``matching``). Over the relaxed pairs:
    ``value_accuracy``: a gold number needs the predicted ``value`` (or, when that is
    null, ``value_low`` == ``value_high``) within relative 1e-6; a gold ``[low, high]``
    needs ``value_low`` and ``value_high`` within relative 1e-6 of its ends; a gold
    null needs a null ``value``. ``unit_accuracy``: same unit, compared with
    whitespace folded and case-insensitive (a missing unit equals ""); over all pairs,
    and ``unit_accuracy_money_percent`` over pairs whose gold ``qkind`` is money or
    percent. ``kind_accuracy``: predicted ``kind`` equals gold ``qkind``.
    ``approx_accuracy``: same qualifier, folded like units (gold "" equals a null or
    empty prediction).
"""
from __future__ import annotations

import math
from collections.abc import Mapping
from typing import Any

from pipeline.tools.evaluate.gold import GoldFile
from pipeline.tools.evaluate.matching import fold_loose, match_spans
from pipeline.tools.evaluate.rows import gold_in_region, group_by_source, predicted_in_region, row_text
from pipeline.tools.evaluate.tally import Ratio, error_entry, new_table, put_prf, put_ratio
from pipeline.tools.evaluate.values import is_number

_QUANTITY_FIELDS = ("kind", "value", "value_low", "value_high", "unit", "approx")


def _close(pred: Any, gold: float) -> bool:
    return pred is not None and is_number(pred) and math.isclose(float(pred), float(gold), rel_tol=1e-6, abs_tol=0.0)


def _quantity_value_ok(gold_value: Any, row: dict) -> bool:
    value, low, high = row.get("value"), row.get("value_low"), row.get("value_high")
    if gold_value is None:
        return value is None
    if isinstance(gold_value, list):
        return _close(low, gold_value[0]) and _close(high, gold_value[1])
    if value is None and low is not None and high is not None and _close(low, high):
        value = low
    return _close(value, gold_value)


def score_quantities(files: list[GoldFile], rows: list[dict]) -> dict:
    """Strict/relaxed P/R/F1 of quantity spans, value, unit, kind and approx accuracy over relaxed pairs."""
    out = new_table()
    by_source = group_by_source(rows)
    n_gold = n_pred = strict = 0
    value, unit, unit_mp, kind, approx = Ratio(), Ratio(), Ratio(), Ratio(), Ratio()
    for gf in files:
        gold, pred = gold_in_region(gf, gf.quantities), predicted_in_region(gf, by_source)
        pairs, misses, fps = match_spans(gold, pred)
        n_gold, n_pred = n_gold + len(gold), n_pred + len(pred)
        for g, p in pairs:
            rec = g.record
            exact = (g.start, g.end) == (p["start"], p["end"])
            strict += exact
            checks = {
                "extent": exact,
                "value": _quantity_value_ok(rec.get("value"), p),
                "unit": fold_loose(rec.get("unit")) == fold_loose(p.get("unit")),
                "kind": fold_loose(rec.get("qkind")) == fold_loose(p.get("kind")),
                "approx": fold_loose(rec.get("approx")) == fold_loose(p.get("approx")),
            }
            value.add(checks["value"])
            unit.add(checks["unit"])
            if fold_loose(rec.get("qkind")) in ("money", "percent"):
                unit_mp.add(checks["unit"])
            kind.add(checks["kind"])
            approx.add(checks["approx"])
            problems = [name for name, ok in checks.items() if not ok]
            if problems:
                out["mismatches"].append(error_entry(
                    gf, g.start, g.end, g.text, problems=problems, gold=_gold_quantity(rec),
                    predicted={"quantity_id": p.get("quantity_id"), "start": p["start"], "end": p["end"],
                               "text": row_text(p, gf.text), **{k: p.get(k) for k in _QUANTITY_FIELDS}}))
        out["misses"] += [error_entry(gf, g.start, g.end, g.text, gold=_gold_quantity(g.record)) for g in misses]
        out["false_positives"] += [error_entry(gf, p["start"], p["end"], row_text(p, gf.text),
                                               predicted={"quantity_id": p.get("quantity_id"),
                                                          **{k: p.get(k) for k in _QUANTITY_FIELDS}})
                                   for p in fps]
    m, f = out["metrics"], out["fractions"]
    put_prf(m, f, "strict_", strict, n_pred, n_gold)
    put_prf(m, f, "relaxed_", value.den, n_pred, n_gold)
    put_ratio(m, f, "value_accuracy", value)
    put_ratio(m, f, "unit_accuracy", unit)
    put_ratio(m, f, "unit_accuracy_money_percent", unit_mp)
    put_ratio(m, f, "kind_accuracy", kind)
    put_ratio(m, f, "approx_accuracy", approx)
    out["counts"] = {"gold": n_gold, "predicted": n_pred, "strict_tp": strict, "relaxed_tp": value.den}
    return out


def _gold_quantity(record: Mapping[str, Any]) -> dict:
    return {"qkind": record.get("qkind"), "value": record.get("value"), "unit": record.get("unit"),
            "approx": record.get("approx")}
