"""Fiscal years and their quarters and halves: "FY2025", "FY25-26", "fiscal 2024", "Q2 FY25", "H1 FY26".

Convention: a fiscal-year label names the year the fiscal year ENDS in, as the US federal
government and most companies do ("FY2025" of the US federal government is 1 October 2024 -
30 September 2025) and as India does ("FY25" is 1 April 2024 - 31 March 2025). A label that
names two years ("FY25-26", "FY2025/26", "the 2025-26 fiscal year") is the fiscal year that
ends in the second one. The month a fiscal year starts in is ``[fiscal] year_start`` of
configs/dates.toml (default January: the fiscal year is the calendar year).

TIMEX3 values follow TimeML/TIMEX2 practice for fiscal periods: "FY2025" (granularity year),
"FY2025-Q2" (quarter), "FY2026-H1" (half); ``range_start``/``range_end`` are the calendar days
the period covers under the configured start. A two-year label read under a January start
cannot be one calendar year: its range is the two calendar years it names, the smallest
interval sure to hold it, and its quarters and halves get no range.
"""
from __future__ import annotations

import datetime as dt

from pipeline.stages.dates.calendar import _add_months, _month_range, _year_range, choose_instance
from pipeline.stages.dates.context import _Context
from pipeline.stages.dates.shapes import _RE_FYEAR, _RE_FYPART, _RE_YEARSPAN, _Unit
from pipeline.stages.dates.timex import _Norm

_FISCAL_WORDS = ("fiscal", "financial")


def fiscal_year_range(end_year: int, start_month: int) -> tuple[dt.date, dt.date]:
    """Calendar days of the fiscal year ending in ``end_year`` that starts in month ``start_month``."""
    if start_month == 1:
        return _year_range(end_year)
    return dt.date(end_year - 1, start_month, 1), _month_range(end_year, start_month - 1)[1]


def fiscal_part_range(end_year: int, start_month: int, n: int, months: int) -> tuple[dt.date, dt.date]:
    """The ``n``-th part of ``months`` months (quarter 3, half 6) of the fiscal year ending in ``end_year``."""
    first = _add_months(fiscal_year_range(end_year, start_month)[0], months * (n - 1))
    last = _add_months(first, months - 1)
    return first, _month_range(last.year, last.month)[1]


def _fiscal_year_of(d: dt.date, start_month: int) -> int:
    """The label year of the fiscal year holding day ``d``."""
    return d.year + 1 if start_month > 1 and d.month >= start_month else d.year


def _expand(digits: str, ctx: _Context) -> int | None:
    """"2025" -> 2025; "25" -> the year ending in 25 nearest the anchor (20xx without one)."""
    if len(digits) == 4:
        return int(digits)
    if len(digits) != 2:
        return None
    yy = int(digits)
    if ctx.anchor is None:
        return 2000 + yy
    base = ctx.anchor.date.year
    return min(((base // 100 + c) * 100 + yy for c in (-1, 0, 1)), key=lambda y: (abs(y - base), y))


def _numbers(us: list[_Unit]) -> list[str]:
    """The digit groups of a fiscal label's units, in order ("FY25", "-", "26" -> ["25", "26"])."""
    out: list[str] = []
    for u in us:
        if u.code == "F":
            m = _RE_FYEAR.fullmatch(u.text)
            out += [g for g in m.groups() if g]
        elif u.code == "P":
            out.append(_RE_FYPART.fullmatch(u.text).group(3))
        elif u.code == "Y":
            out += list(_RE_YEARSPAN.fullmatch(u.text).groups())
        elif u.code in "ydn":
            out.append(u.text)
    return out


def _label_year(ctx: _Context, us: list[_Unit]) -> tuple[int, bool] | None:
    """(end year, names two years) of the fiscal label in ``us``; None when it is no fiscal year."""
    groups = _numbers(us)
    if not groups or len(groups) > 2:
        return None
    first = _expand(groups[0], ctx)
    if first is None:
        return None
    if len(groups) == 1:
        return first, False
    second = groups[1]
    if len(second) == 2:
        end = (first // 100) * 100 + int(second)
        end += 100 if end < first else 0
    elif len(second) == 4:
        end = int(second)
    else:
        return None
    return (end, True) if end == first + 1 else None


def _year_norm(ctx: _Context, end: int, split: bool, mod: str | None, anchored: bool = False) -> _Norm:
    start = ctx.g.fiscal_start
    interval = (dt.date(end - 1, 1, 1), dt.date(end, 12, 31)) if split and start == 1 else fiscal_year_range(end, start)
    return _Norm("date", f"FY{end:04d}", "year", interval, anchored, mod)


def _part_norm(ctx: _Context, end: int | None, split: bool, kind: str, n: int, mod, anchored: bool) -> _Norm:
    """"FY2025-Q2" / "FY2026-H1" and its range (none for a two-year label under a January start)."""
    gran, months = ("quarter", 3) if kind == "Q" else (None, 6)
    if end is None:
        return _Norm("date", f"FYXXXX-{kind}{n}" if ctx.anchor is None else None, gran, None, True, mod)
    start = ctx.g.fiscal_start
    interval = None if split and start == 1 else fiscal_part_range(end, start, n, months)
    return _Norm("date", f"FY{end:04d}-{kind}{n}", gran, interval, anchored, mod)


def fiscal_year(ctx: _Context, us, rule, i, j) -> _Norm | None:
    """"FY2025", "FY 25", "FY25-26", "fiscal 2024", "fiscal year 2024", "the 2025-26 fiscal year",
    and the relative "this fiscal year", "last financial year"."""
    mod, k = ctx.prefix(us)
    rel_u = ctx.first(us[k:], "REL")
    if rel_u is not None and not _numbers(us):
        start = ctx.g.fiscal_start
        if not ctx.need("year" if start == 1 else "month"):
            return _Norm("date", None, "year", None, True, mod)
        end = _fiscal_year_of(ctx.anchor.date, start) + int(ctx.pay(rel_u, "REL"))
        return _year_norm(ctx, end, False, mod, anchored=True)
    label = _label_year(ctx, us[k:])
    return None if label is None else _year_norm(ctx, label[0], label[1], mod)


def _part_marker(ctx: _Context, us: list[_Unit]) -> tuple[str, int, list[_Unit]] | None:
    """("Q"|"H", n, the units left) of "Q2", "H1", "Q2FY25", "the third quarter", "the final half"."""
    for u in us:
        if u.code == "P":
            m = _RE_FYPART.fullmatch(u.text)
            return m.group(1).upper(), int(m.group(2)), us
        if u.code in "qh":
            return ("Q" if u.code == "q" else "H"), int(u.text[1]), [v for v in us if v is not u]
    k = next((n for n, u in enumerate(us) if u.key in ("quarter", "half")), None)
    if k is None:
        return None
    kind, last = ("Q", 4) if us[k].key == "quarter" else ("H", 2)
    o = ctx.first(us[:k], "ORD")
    n = last if o is None or ctx.pay(o, "ORD") == -1 else int(ctx.pay(o, "ORD"))
    return (kind, n, us[k + 1:]) if 1 <= n <= last else None


def fiscal_part(ctx: _Context, us, rule, i, j) -> _Norm | None:
    """"Q2FY25", "Q2 FY25", "H1 FY26", "the third quarter of FY26", "the fiscal first quarter"."""
    mod, k = ctx.prefix(us)
    marker = _part_marker(ctx, us[k:])
    if marker is None:
        return None
    kind, n, rest = marker
    if _numbers(rest):
        label = _label_year(ctx, rest)
        if label is None:
            return None
        return _part_norm(ctx, label[0], label[1], kind, n, mod, False)
    end = sentence_fiscal_year(ctx, i, j)
    if end is not None:
        return _part_norm(ctx, end, False, kind, n, mod, False)
    return nearest_part(ctx, kind, n, i, j, mod)


def nearest_part(ctx: _Context, kind: str, n: int, i: int, j: int, mod) -> _Norm:
    """A fiscal quarter or half with no year: the instance nearest the anchor on the tense's side."""
    if ctx.anchor is None:
        return _part_norm(ctx, None, False, kind, n, mod, True)
    months = 3 if kind == "Q" else 6
    start = ctx.g.fiscal_start
    picked = choose_instance(ctx.anchor, lambda y: fiscal_part_range(y, start, n, months), direction=ctx.direction(i, j), reach=ctx.reach)
    return _part_norm(ctx, picked[0] if picked else None, False, kind, n, mod, True)


def sentence_fiscal_year(ctx: _Context, i: int, j: int) -> int | None:
    """The fiscal year a sentence names ("FY25", "fiscal 2024"), which a bare "fourth quarter" there is part of."""
    units = ctx.units
    sent = ctx.doc[units[i].tok].sent
    lo, hi = sent.start_char, sent.end_char
    a = i
    while a > 0 and units[a - 1].start >= lo:
        a -= 1
    b = j
    while b < len(units) and units[b].start < hi:
        b += 1
    for k in range(a, b):
        u = units[k]
        if i <= k < j or u.code == "|":
            continue
        if u.code in "FP":
            label = _label_year(ctx, [u])
        elif u.key in _FISCAL_WORDS and k + 1 < b:
            nxt = units[k + 2] if units[k + 1].key == "year" and k + 2 < b else units[k + 1]
            label = _label_year(ctx, [nxt]) if nxt.code in "yY" else None
        else:
            continue
        if label is not None and not label[1]:
            return label[0]
    return None

