"""Normalisers of expressions relative to the anchor: weekdays, "yesterday", "last month", "three years ago"."""
from __future__ import annotations

import datetime as dt

from pipeline.stages.dates.calendar import _add_months, _century_range, _decade_range, _iso_week, _year_range, resolve_weekday
from pipeline.stages.dates.context import _Context
from pipeline.stages.dates.durations import _lone_one_day
from pipeline.stages.dates.tense import _verb_above
from pipeline.stages.dates.units import _neighbour
from pipeline.stages.dates.timex import _UNIT_GRAN, _UNIT_NEEDS, _UNIT_WORD, _Norm, _period_value


def weekday(ctx: _Context, us, rule, i, j) -> _Norm | None:
    wd_u = ctx.first(us, "WEEKDAY")
    wd = int(ctx.pay(wd_u, "WEEKDAY"))
    rel = ctx.pay(ctx.first(us, "REL"), "REL")
    mod_u = ctx.first(us, "MOD")
    mod = ctx.pay(mod_u, "MOD") if mod_u is not None else None
    pod = ctx.pay(ctx.first(us, "POD"), "POD")
    tclass = "time" if pod else "date"
    suffix = f"T{pod}" if pod else ""
    if ctx.anchor is None:
        return _Norm(tclass, f"XXXX-WXX-{wd}{suffix}", "day", None, True, mod)
    if not ctx.need("day"):
        # only the year (or month) of the publication is known: keep what is unknown
        return _Norm(tclass, f"{ctx.anchor.date.year:04d}-WXX-{wd}{suffix}", "day", None, True, mod)
    direction = ctx.direction(i, j) if rel is None else 0
    if rel is None and direction == 0 and (ctx.anchor.date.isoweekday() - wd) % 7 <= ctx.g.possessive_weekday_back \
            and _owns_past(ctx.doc[wd_u.tok], ctx.g):
        direction = -1  # "a premium over Thursday's closing price": what a weekday owns has mostly happened
    d = resolve_weekday(ctx.anchor.date, wd, rel=rel, direction=direction)
    return _Norm(tclass, d.isoformat() + suffix, "day", (d, d), True, mod)


def _owns_past(tok, g) -> bool:
    """True for a possessive weekday nothing above points ahead ("over Thursday's closing price"; not "ahead of
    Thursday's vote", "Thursday's vote will decide")."""
    if tok.dep_ != "poss":
        return False
    above = list(tok.ancestors)[:6]
    if any(a.lower_ in g.future_preps or a.pos_ == "ADJ" and a.lower_ in g.future_adjectives for a in above):
        return False
    return _verb_above(tok, g) <= 0


def weekend(ctx: _Context, us, rule, i, j) -> _Norm | None:
    rel = ctx.pay(ctx.first(us, "REL"), "REL")
    if not ctx.need("day"):
        year = "XXXX" if ctx.anchor is None else f"{ctx.anchor.date.year:04d}"
        return _Norm("date", f"{year}-WXX-WE", "week", None, True)
    sat = resolve_weekday(ctx.anchor.date, 6, rel=rel, direction=ctx.direction(i, j) if rel is None else 0)
    return _Norm("date", _iso_week(sat) + "-WE", "week", (sat, sat + dt.timedelta(days=1)), True)


def relative_day(ctx: _Context, us, rule, i, j) -> _Norm | None:
    mod, k = ctx.prefix(us)
    keys = [u.key for u in us[k:]]
    pod = ctx.pay(ctx.first(us, "POD"), "POD")
    if "tonight" in keys:
        word, pod = "today", "NI"
    elif keys[:2] == ["last", "night"]:
        word, pod = "yesterday", "NI"
    elif keys[0] == "this":
        word = "today"
    elif ctx.g.is_(us[k], "POD"):  # "mid-afternoon yesterday"; alone, the anchor's day
        word = keys[1] if len(keys) > 1 else "today"
    else:
        word = keys[0]
    tclass = "time" if pod else "date"
    if not ctx.need("day"):
        return _Norm(tclass, None, "day", None, True, mod)
    reading = ctx.read(word, relative=True)
    if reading is None:
        return None
    d = reading[0]
    return _Norm(tclass, d.isoformat() + (f"T{pod}" if pod else ""), "day", (d, d), True, mod)


def _relative_unit(ctx: _Context, rel: int, unit: str, mod: str | None) -> _Norm:
    gran = {"W": "week", "M": "month", "Y": "year", "DE": "decade", "CE": None}[unit]
    if not ctx.need(_UNIT_NEEDS[unit]):
        return _Norm("date", None, gran, None, True, mod)
    if unit in ("W", "M", "Y"):
        word = {-1: "last", 0: "this", 1: "next"}[rel]
        reading = ctx.read(f"{word} {_UNIT_WORD[unit][:-1]}", relative=True)
        if reading is not None:
            value, gran, interval = _period_value(reading[0], reading[1])
            return _Norm("date", value, gran, interval, True, mod)
        return _Norm("date", None, gran, None, True, mod)
    y = ctx.anchor.date.year
    if unit == "DE":
        start = (y // 10 + rel) * 10
        return _Norm("date", f"{start // 10:03d}", "decade", _decade_range(start), True, mod)
    c = y // 100 + rel
    return _Norm("date", f"{c:02d}", None, _century_range(c), True, mod)


def relative(ctx: _Context, us, rule, i, j) -> _Norm | None:
    mod, k = ctx.prefix(us)
    rel = ctx.pay(ctx.first(us[k:], "REL"), "REL")
    unit = ctx.pay(ctx.first(us[k:], "CAL_UNIT"), "CAL_UNIT")
    return _relative_unit(ctx, int(rel), str(unit), mod)


def the_period(ctx: _Context, us, rule, i, j) -> _Norm | None:
    mod, k = ctx.prefix(us)
    if us[-1].key == "period":  # "the latest period": only the period the report spoke of says which
        return _Norm("date", None, None, None, True, mod)
    if us[-1].key == "quarter":
        if not ctx.need("month"):
            return _Norm("date", None, "quarter", None, True, mod)
        # "posted a loss for the quarter": a quarter spoken of in the past is over, the one before the anchor's;
        # so is "the latest quarter" a report speaks of
        past = ctx.direction(i, j) < 0 or any(u.key == "latest" for u in us)
        value, gran, interval = _period_value(_add_months(ctx.anchor.date, -3 if past else 0), "quarter")
        return _Norm("date", value, gran, interval, True, mod)
    unit = ctx.pay(ctx.first(us[k:], "CAL_UNIT"), "CAL_UNIT")
    if us[-1].key == "end":  # "year-end": the end of this year, or of the last one over
        nxt = _neighbour(ctx.units, j - 1, +1)
        if nxt is not None and ctx.doc[nxt.tok].pos_ in ("NOUN", "PROPN", "ADJ"):
            return None  # "year-end net", "a year-end rally": a kind of result, not a time
        return _relative_unit(ctx, -1 if ctx.direction(i, j) < 0 else 0, str(unit), "END")
    return _relative_unit(ctx, 0, str(unit), mod)


def period_last_year(ctx: _Context, us, rule, i, j) -> _Norm | None:
    """"the same period last year": last year, until the anaphora pass finds the period the report spoke of."""
    return _relative_unit(ctx, -1, "Y", None)


def ago(ctx: _Context, us, rule, i, j) -> _Norm | None:
    count, unit, _ = ctx.count_unit(us)
    if count is None:
        return _Norm("date", "PAST_REF", None, None, True)
    gran = _UNIT_GRAN.get(unit, "day")
    if not ctx.need(_UNIT_NEEDS[unit]) or not float(count).is_integer():
        return _Norm("date", None, gran, None, True)
    n = int(count)
    if unit in ("DE", "CE"):
        y = ctx.anchor.date.year - n * (10 if unit == "DE" else 100)
        if unit == "DE":
            return _Norm("date", f"{y // 10:03d}", "decade", _decade_range(y // 10 * 10), True)
        return _Norm("date", f"{y:04d}", "year", _year_range(y), True)
    return _read_relative(ctx, f"{n} {_UNIT_WORD[unit]} ago", gran)


def from_now(ctx: _Context, us, rule, i, j) -> _Norm | None:
    count, unit, _ = ctx.count_unit(us)
    gran = _UNIT_GRAN.get(unit, "day")
    if count is None or unit not in _UNIT_WORD or not float(count).is_integer() or not ctx.need(_UNIT_NEEDS[unit]):
        return _Norm("date", None, gran, None, True)
    return _read_relative(ctx, f"in {int(count)} {_UNIT_WORD[unit]}", gran)


def _read_relative(ctx: _Context, phrase: str, gran: str) -> _Norm:
    """dateparser's reading of a relative phrase ("3 weeks ago", "in 2 months") at its period."""
    reading = ctx.read(phrase, relative=True)
    if reading is None:
        return _Norm("date", None, gran, None, True)
    period = reading[1] if reading[1] in ("day", "week", "month", "year") else "day"
    value, gran, interval = _period_value(reading[0], period)
    return _Norm("date", value, gran, interval, True)


def offset(ctx: _Context, us, rule, i, j) -> _Norm | None:
    count, unit, _ = ctx.count_unit(us)
    if unit is None:
        return None
    if _lone_one_day(ctx, us, i):
        return None
    nxt = _neighbour(ctx.units, j - 1, +1)
    if us[-1].key in ("before", "after") and nxt is not None and nxt.text[:1].isalnum():
        # "twenty years after the war": the time is the event's, unknown here; TimeML marks
        # the duration ("twenty years"), which the shorter duration rule reads
        return None
    unit_tok = ctx.doc[ctx.first(us, "UNIT").tok]
    if unit_tok.dep_ == "pobj" and unit_tok.head.lower_ in ctx.g.duration_preps:
        # "for 50 minutes before turning back": a span of time; the shorter duration
        # rule reads "50 minutes" (and its qualifier) instead
        return None
    return _Norm("date", None, _UNIT_GRAN.get(unit), None, False)


def anaphoric(ctx: _Context, us, rule, i, j) -> _Norm | None:
    mod, _ = ctx.prefix(us)  # "the end of that year", "later that week"
    last = us[-1].key
    gran = {"day": "day", "week": "week", "weekend": "week", "month": "month", "quarter": "quarter", "year": "year",
            "decade": "decade"}
    if ctx.g.is_(us[-1], "POD"):  # "that night": a part of a day, a time
        return _Norm("time", None, "day", None, False, mod)
    return _Norm("date", None, gran.get(last), None, False, mod)


def vague_reference(ctx: _Context, us, rule, i, j) -> _Norm | None:
    return _Norm("date", rule.value, None, None, True)
