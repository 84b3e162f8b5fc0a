"""Normalisers of spans of time and of sets: "five years", "year-long", "the past two weeks", "every month"."""
from __future__ import annotations

from pipeline.stages.dates.calendar import _shift
from pipeline.stages.dates.context import _Context
from pipeline.stages.dates.shapes import _NUMERIC_CODES, _Unit, _leading_int
from pipeline.stages.dates.timex import _UNIT_GRAN, _UNIT_NEEDS, _Norm, _split_unit, duration_value
from pipeline.stages.dates.units import _neighbour


def _lone_one_day(ctx: _Context, us: list[_Unit], i: int) -> bool:
    """"one day" without a preposition is "some day", not a duration."""
    if len(us) >= 2 and us[0].key == "one" and us[1].key == "day":
        prev = _neighbour(ctx.units, i, -1)
        return prev is None or not ctx.g.is_(prev, "TPREP")
    return False


def duration(ctx: _Context, us, rule, i, j) -> _Norm | None:
    count, unit, fuzzy = ctx.count_unit(us)
    if unit is None or (count is None and not fuzzy) or _lone_one_day(ctx, us, i):
        return None
    if count is not None and count <= 0:
        return None
    nxt = _neighbour(ctx.units, j - 1, +1)
    if us[-1].key == "quarters" and nxt is not None and nxt.key == "of":
        return None  # "three quarters of voters": a share, not a time
    return _Norm("duration", duration_value(count, unit), _UNIT_GRAN.get(unit), None, False)


def duration_long(ctx: _Context, us, rule, i, j) -> _Norm | None:
    """"year-long" (P1Y), "decades-long" (PXDE): a span of one unit, or of an unknown number."""
    unit_u = ctx.first(us, "UNIT")
    mult, unit = _split_unit(str(ctx.pay(unit_u, "UNIT")))
    count = None if ctx.g.is_(unit_u, "UNIT_PL") else mult
    return _Norm("duration", duration_value(count, unit), _UNIT_GRAN.get(unit), None, False)


def duration_bare(ctx: _Context, us, rule, i, j) -> _Norm | None:
    prev = _neighbour(ctx.units, i, -1)
    nxt = _neighbour(ctx.units, j - 1, +1)
    if nxt is not None and (nxt.key in ("'", "'s") or (us[-1].key == "quarters" and nxt.key == "of")):
        return None  # "three-quarters of its food" (once "three-" is vetoed): a share, not a time
    relative = nxt is not None and nxt.key in ("after", "before", "later", "earlier")
    if prev is not None and ctx.doc[prev.tok].pos_ not in ctx.g.bare_prev_pos and not relative:
        return None  # "the early days", "working hours": not a span of time
    _, unit, _ = ctx.count_unit(us)
    return _Norm("duration", duration_value(None, unit), _UNIT_GRAN.get(unit), None, False)


def duration_ordinal(ctx: _Context, us, rule, i, j) -> _Norm | None:
    ord_u = us[0]
    n = _leading_int(ord_u.text) if ord_u.code == "o" else ctx.pay(ord_u, "ORD")
    if not n or n < 1:
        return None
    mult, unit = _split_unit(str(ctx.pay(us[-1], "UNIT")))
    return _Norm("duration", duration_value(n * mult, unit), _UNIT_GRAN.get(unit), None, False)


def duration_deictic(ctx: _Context, us, rule, i, j) -> _Norm | None:
    deixis = ctx.pay(ctx.first(us, "DEIXIS"), "DEIXIS")
    count, unit, fuzzy = ctx.count_unit([u for u in us if not ctx.g.is_(u, "DEIXIS") and u.key != "the"])
    unit_u = ctx.first(us, "UNIT")
    plural = ctx.g.is_(unit_u, "UNIT_PL")
    if fuzzy or (count is None and plural):
        # "the next few days", "the past several weeks", "the coming years": TimeML's duration of an
        # unknown number of units (PXD), its value fixed by the text
        return _Norm("duration", duration_value(None, unit), _UNIT_GRAN.get(unit), None, False)
    if count is None:
        count = float(_split_unit(str(ctx.pay(unit_u, "UNIT")))[0])
    interval = None
    if ctx.need(_UNIT_NEEDS[unit]):
        a = ctx.anchor.date
        interval = (_shift(a, count, unit, -1), a) if deixis < 0 else (a, _shift(a, count, unit, +1))
    return _Norm("duration", duration_value(count, unit), _UNIT_GRAN.get(unit), interval, True)


def a_unit(ctx: _Context, us, rule, i, j) -> _Norm | None:
    mult, unit = _split_unit(str(ctx.pay(us[-1], "UNIT")))
    prev = _neighbour(ctx.units, i, -1)
    if prev is not None:
        tok = ctx.doc[prev.tok]
        number_like = prev.code in _NUMERIC_CODES or tok.like_num or tok.pos_ == "NUM"
        if number_like or tok.tag_ == "NNS" or prev.key in ctx.g.rate_preceders:
            return _Norm("set", duration_value(mult, unit), _UNIT_GRAN.get(unit), None, False)
    return _Norm("duration", duration_value(mult, unit), _UNIT_GRAN.get(unit), None, False)


def _shared_part_of_day(ctx: _Context, j: int):
    """The plural part of day a coordinated weekday shares ("Monday" in "Monday and Tuesday nights"), or None."""
    for u in ctx.units[j:j + 12]:
        if ctx.g.is_(u, "POD_PL"):
            return u
        if not (ctx.g.is_(u, "WEEKDAY") or u.key in (",", "and", "or")):
            return None
    return None


def recurrence(ctx: _Context, us, rule, i, j) -> _Norm | None:
    g = ctx.g
    if len(us) == 1 and g.is_(us[0], "SET_ADJ"):
        if ctx.doc[us[0].tok].pos_ not in g.set_adj_pos:
            return None  # "the Daily", "a weekly" used as a noun: a publication
        value = str(ctx.pay(us[0], "SET_ADJ"))
        return _Norm("set", value, None, None, False)
    wd_u = ctx.first(us, "WEEKDAY") or ctx.first(us, "WEEKDAY_PL")
    if wd_u is not None:
        wd = ctx.pay(wd_u, "WEEKDAY") or ctx.pay(wd_u, "WEEKDAY_PL")
        pod = ctx.pay(ctx.first(us, "POD_PL") or _shared_part_of_day(ctx, j), "POD_PL")
        return _Norm("set", f"XXXX-WXX-{wd}" + (f"T{pod}" if pod else ""), None, None, False)
    season_u, month_u = ctx.first(us, "SEASON"), ctx.first(us, "MONTH")
    if season_u is not None:
        return _Norm("set", f"XXXX-{ctx.pay(season_u, 'SEASON')}", None, None, False)
    if month_u is not None:
        return _Norm("set", f"XXXX-{int(ctx.pay(month_u, 'MONTH')):02d}", None, None, False)
    unit_u = ctx.first(us, "UNIT")
    if unit_u is None:
        return None
    mult, unit = _split_unit(str(ctx.pay(unit_u, "UNIT")))
    count = 1.0
    keys = [u.key for u in us]
    if "other" in keys:
        count = 2.0
    elif keys[0] in ("every", "each"):
        count = ctx.number(us[1:-1]) or 1.0
    return _Norm("set", duration_value(count * mult, unit), _UNIT_GRAN.get(unit), None, False)
