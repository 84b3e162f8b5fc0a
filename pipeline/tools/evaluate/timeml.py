"""Scoring the dates stage on TimeML files (TimeBank, AQUAINT, TempEval-3): strict, relaxed and value F1.

A document's text is the content of ``<TEXT>`` with every tag removed and XML entities
decoded, so a TIMEX3's offsets are its position there; its creation time (DCT) is the
``value`` of the TIMEX3 inside ``<DCT>``. Metrics follow TempEval-3: *strict* counts a
predicted span equal to a gold one, *relaxed* one overlapping a gold one (pairs made one
to one, largest overlap first), *value* a relaxed pair whose TIMEX3 values are equal, and
*type* one whose classes are equal; each as precision, recall and F1 over all predicted
and all gold expressions (``value_accuracy``: the share of relaxed pairs with equal
values). Values are compared in one notation for what TIMEX3 writes two ways (``same_value``):
an unpadded ISO week ("2000-W7" is "2000-W07"), a decade or century with or without its X
("198X" is "198"), trailing unspecified parts ("1994-XX-XX" is "1994"), a whole hour with or without
its minutes ("T17:00" is "T17"), decades and centuries as years ("P1DE" is "P10Y"), quarters as months ("P2Q" is
"P6M") and a duration in units that convert exactly in its smallest one ("PT1M30S" is "PT90S", "P1Y6M" "P18M", "P1W"
"P7D"; "P1D" stays apart from "PT24H" and "P1M" from "P30D"). With ``withhold_dct`` the DCT is not given to the pipeline:
each document's publication date is inferred from its text, and the inferred dates are
scored against the DCTs by day, month and year.
"""
from __future__ import annotations

import datetime as dt
import html
import re
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

_TAG = re.compile(r"<(/?)([A-Za-z0-9]+)([^>]*)>")
_ATTR = re.compile(r'(\w+)="([^"]*)"')
_TYPES = {"date": "DATE", "time": "TIME", "duration": "DURATION", "set": "SET"}


@dataclass
class TimemlDoc:
    """One TimeML document: its text, creation date and gold TIMEX3 (start, end, type, value)."""

    name: str
    text: str
    dct: dt.date | None
    timexes: list[tuple[int, int, str, str]] = field(default_factory=list)


def parse_timeml(name: str, raw: str) -> TimemlDoc:
    """A TimeML file's text (tags removed, entities decoded), DCT and TIMEX3 with their offsets."""
    dct = None
    m = re.search(r"<DCT>.*?value=\"(\d{4}-\d{2}-\d{2})", raw, re.S)
    if m:
        dct = dt.date.fromisoformat(m.group(1))
    body = re.search(r"<TEXT>(.*)</TEXT>", raw, re.S)
    if body is None:
        raise ValueError(f"[E057] {name}: no <TEXT> element; give a TimeML file (TimeBank, AQUAINT, TempEval-3)")
    src = body.group(1)
    parts: list[str] = []
    length = 0
    open_timex: tuple[int, dict] | None = None
    timexes = []
    pos = 0
    for tag in _TAG.finditer(src):
        chunk = html.unescape(src[pos:tag.start()])
        parts.append(chunk)
        length += len(chunk)
        pos = tag.end()
        if tag.group(2) != "TIMEX3":
            continue
        if tag.group(1):
            if open_timex is not None:
                start, attrs = open_timex
                timexes.append((start, length, attrs.get("type", ""), attrs.get("value", "")))
            open_timex = None
        else:
            open_timex = (length, dict(_ATTR.findall(tag.group(3))))
    parts.append(html.unescape(src[pos:]))
    return TimemlDoc(name, "".join(parts), dct, timexes)


def read_timeml(folder: Path) -> list[TimemlDoc]:
    """Every ``*.tml`` file under ``folder``, in path order."""
    paths = sorted(Path(folder).rglob("*.tml"))
    if not paths:
        raise FileNotFoundError(f"[E058] {folder}: no .tml files found; point --timeml at a folder of TimeML files")
    return [parse_timeml(str(p.relative_to(folder)), p.read_text(encoding="utf-8")) for p in paths]


_WEEK = re.compile(r"^(\d{4})-W(\d)(?=\D|$)")
_PERIOD_X = re.compile(r"^(\d{2,3})X+$")
_TRAILING_XX = re.compile(r"^(\d{4}(?:-\d\d)?)(?:-XX)+$")
_DURATION_DE = re.compile(r"^P(\d+)(DE|CE)$")
_WHOLE_HOUR = re.compile(r"(T\d\d):00$")
_DURATION_Q = re.compile(r"^P(\d+)Q$")
# a duration in units that convert exactly ("PT1M30S" is "PT90S", "P1Y6M" "P18M", "P1W" "P7D"); a day is no
# 24 hours and a month no 30 days, so those stay apart
_CLOCK_SPAN = re.compile(r"^PT(?:(\d+)H)?(?:(\d+)M)?(?:(\d+)S)?$")
_MONTH_SPAN = re.compile(r"^P(?:(\d+)Y)?(?:(\d+)M)?$")
_DAY_SPAN = re.compile(r"^P(?:(\d+)W)?(?:(\d+)D)?$")


def _in_smallest_unit(v: str) -> str:
    for pattern, sizes, unit in ((_CLOCK_SPAN, (3600, 60, 1), "PTS"), (_MONTH_SPAN, (12, 1), "PM"),
                                 (_DAY_SPAN, (7, 1), "PD")):
        m = pattern.match(v)
        if m and any(m.groups()):
            total = sum(int(n) * size for n, size in zip(m.groups(), sizes) if n)
            return f"{unit[:-1]}{total}{unit[-1]}"
    return v


def same_value(value: str) -> str:
    """``value`` in one notation of the equivalent ones TIMEX3 allows (module docstring)."""
    v = _WEEK.sub(lambda m: f"{m.group(1)}-W0{m.group(2)}", value)
    v = _PERIOD_X.sub(r"\1", v)
    v = _TRAILING_XX.sub(r"\1", _WHOLE_HOUR.sub(r"\1", v))
    v = _DURATION_Q.sub(lambda m: f"P{int(m.group(1)) * 3}M", v)
    v = _DURATION_DE.sub(lambda m: f"P{int(m.group(1)) * (10 if m.group(2) == 'DE' else 100)}Y", v)
    return _in_smallest_unit(v)


def _prf(tp_p: int, n_pred: int, tp_g: int, n_gold: int) -> dict:
    p = tp_p / n_pred if n_pred else 0.0
    r = tp_g / n_gold if n_gold else 0.0
    return {"precision": round(p, 4), "recall": round(r, 4), "f1": round(2 * p * r / (p + r), 4) if p + r else 0.0}


def _pairs(gold: list[tuple], pred: list[tuple]) -> list[tuple[tuple, tuple]]:
    """Overlapping gold and predicted spans paired one to one, largest overlap first."""
    scored = sorted(
        ((min(g[1], p[1]) - max(g[0], p[0]), gi, pi) for gi, g in enumerate(gold) for pi, p in enumerate(pred)
         if min(g[1], p[1]) > max(g[0], p[0])),
        reverse=True,
    )
    used_g, used_p, out = set(), set(), []
    for _, gi, pi in scored:
        if gi not in used_g and pi not in used_p:
            used_g.add(gi)
            used_p.add(pi)
            out.append((gold[gi], pred[pi]))
    return sorted(out)


def score_timeml(docs: list[TimemlDoc], predicted: dict[str, list[tuple[int, int, str, str | None]]]) -> dict:
    """Strict, relaxed, value and type P/R/F1, and every error as (document, kind, gold, predicted)."""
    n_gold = n_pred = strict = relaxed = value = typed = 0
    errors: list[dict] = []
    for d in docs:
        gold = sorted(d.timexes)
        pred = sorted((s, e, _TYPES.get(t, t), v or "") for s, e, t, v in predicted.get(d.name, []))
        n_gold += len(gold)
        n_pred += len(pred)
        strict += len({(g[0], g[1]) for g in gold} & {(p[0], p[1]) for p in pred})
        pairs = _pairs(gold, pred)
        relaxed += len(pairs)
        paired_g = {g for g, _ in pairs}
        paired_p = {p for _, p in pairs}
        for g, p in pairs:
            equal = same_value(g[3]) == same_value(p[3])
            value += equal
            typed += g[2] == p[2]
            if (g[0], g[1]) != (p[0], p[1]):
                errors.append(_error(d, "extent", g, p))
            if not equal:
                errors.append(_error(d, "value", g, p))
        errors += [_error(d, "missed", g, None) for g in gold if g not in paired_g]
        errors += [_error(d, "spurious", None, p) for p in pred if p not in paired_p]
    return {
        "documents": len(docs), "gold": n_gold, "predicted": n_pred,
        "strict": _prf(strict, n_pred, strict, n_gold), "relaxed": _prf(relaxed, n_pred, relaxed, n_gold),
        "value": _prf(value, n_pred, value, n_gold), "type": _prf(typed, n_pred, typed, n_gold),
        "value_accuracy": round(value / relaxed, 4) if relaxed else 0.0, "errors": errors,
    }


def _error(d: TimemlDoc, kind: str, g: tuple | None, p: tuple | None) -> dict:
    return {
        "document": d.name, "kind": kind, "dct": d.dct.isoformat() if d.dct else None,
        "gold": None if g is None else {"text": d.text[g[0]:g[1]], "type": g[2], "value": g[3]},
        "predicted": None if p is None else {"text": d.text[p[0]:p[1]], "type": p[2], "value": p[3]},
    }


def score_inferred(docs: list[TimemlDoc], inferred: dict[str, tuple[dt.date, str] | None]) -> dict:
    """How often an inferred publication date agrees with the DCT to the day, the month and the year."""
    tally: Counter = Counter()
    for d in docs:
        if d.dct is None:
            continue
        tally["documents"] += 1
        guess = inferred.get(d.name)
        if guess is None:
            continue
        date, precision = guess
        tally["inferred"] += 1
        tally[f"precision_{precision}"] += 1
        tally["year"] += date.year == d.dct.year
        tally["month"] += (date.year, date.month) == (d.dct.year, d.dct.month) and precision in ("month", "day")
        tally["day"] += date == d.dct and precision == "day"
    n = tally["documents"] or 1
    return {**dict(tally), **{f"{k}_accuracy": round(tally[k] / n, 4) for k in ("year", "month", "day")}}


def format_timeml(result: dict, *, show_errors: bool = False) -> str:
    """The scores as plain text, then (``show_errors``) one line per error, grouped by kind."""
    lines = [f"TimeML: {result['documents']} documents, {result['gold']} gold TIMEX3, {result['predicted']} predicted"]
    for metric in ("strict", "relaxed", "value", "type"):
        m = result[metric]
        lines.append(f"  {metric:8s} P {m['precision']:.3f}  R {m['recall']:.3f}  F1 {m['f1']:.3f}")
    lines.append(f"  value accuracy on relaxed matches {result['value_accuracy']:.3f}")
    if "inferred" in result:
        lines.append(f"  inferred publication dates: {result['inferred']}")
    kinds = Counter(e["kind"] for e in result["errors"])
    lines.append("  errors: " + ", ".join(f"{k} {n}" for k, n in sorted(kinds.items())))
    if show_errors:
        for e in sorted(result["errors"], key=lambda e: (e["kind"], e["document"])):
            g, p = e["gold"], e["predicted"]
            gs = f"{g['text']!r} {g['type']} {g['value']}" if g else "-"
            ps = f"{p['text']!r} {p['type']} {p['value']}" if p else "-"
            lines.append(f"{e['kind']:8s} {e['document']} dct={e['dct']}  gold {gs}  |  ours {ps}")
    return "\n".join(lines)
