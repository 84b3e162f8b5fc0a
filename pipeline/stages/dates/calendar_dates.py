"""Normalisers of the calendar and the clock: dates with or without a year, ranges, holidays, seasons, times."""
from __future__ import annotations

import datetime as dt
import re

from pipeline.stages.dates.calendar import (
    _holiday_date, _iso_week, _month_range, _season_of, _season_range, _week_range, choose_instance,
)
from pipeline.stages.dates.context import _Context
from pipeline.stages.dates.shapes import _Unit, _leading_int
from pipeline.stages.dates.timex import _Norm, _period_value


def calendar_date(ctx: _Context, us, rule, i, j) -> _Norm | None:
    mod, k = ctx.prefix(us)
    core = us[k:]
    rel = ctx.pay(ctx.first(core, "REL"), "REL")
    if core and core[0].code == "D":
        return _numeric_date(ctx, core[0])
    month = next((int(ctx.month(u)) for u in core if ctx.month(u) is not None), None)
    if month is None:
        return None
    day_u = next((u for u in core if u.code in "do"), None)
    day = _leading_int(day_u.text) if day_u else None
    year_u = next((u for u in core if u.code == "y"), None)
    if rel is not None and core[-1].key == "year":
        # "July last year", "5 March this year": the year is relative, the rest is fixed
        if not ctx.need("year"):
            return _Norm("date", None, "day" if day else "month", None, True, mod)
        year = ctx.anchor.date.year + int(rel)
        try:
            d = dt.date(year, month, day or 1)
        except ValueError:
            return None
        value, gran, interval = _period_value(d, "day" if day else "month")
        return _Norm("date", value, gran, interval, True, mod)
    if year_u is not None:
        year = int(year_u.text)
        try:
            d = dt.date(year, month, day or 1)
        except ValueError:
            return None
        # dateparser reads the span and its period is the granularity; the grammar's own
        # reading is the check (and the answer when dateparser cannot read the span)
        reading = ctx.read(ctx.surface(core))
        period = "day" if day else "month"
        if reading and reading[0] == d and reading[1] in ("day", "month"):
            period = reading[1]
        value, gran, interval = _period_value(d, period)
        return _Norm("date", value, gran, interval, False, mod)
    # year-less: the anchor and the tense fix the year (dateparser would take the clock's
    # side of the anchor; it has no notion of tense)
    if day is not None:
        try:
            dt.date(2000, month, day)
        except ValueError:
            return None
    gran = "day" if day else "month"
    wd_u = ctx.first(core, "WEEKDAY") or ctx.first(core, "WEEKDAY_ABBR")
    weekday = ctx.pay(wd_u, "WEEKDAY") or ctx.pay(wd_u, "WEEKDAY_ABBR") if wd_u else None

    def build(y: int):
        try:
            d = dt.date(y, month, day or 1)
        except ValueError:
            return None
        if weekday and day and d.isoweekday() != weekday:
            return None  # "Tuesday 18 March" names the year in which 18 March is a Tuesday
        return (d, d) if day else _month_range(y, month)

    if ctx.anchor is None:
        value = f"XXXX-{month:02d}-{day:02d}" if day else f"XXXX-{month:02d}"
        return _Norm("date", value, gran, None, True, mod)
    picked = choose_instance(ctx.anchor, build, rel=rel, direction=ctx.direction(i, j) if rel is None else 0, reach=ctx.reach)
    if picked is None:
        return _Norm("date", None, gran, None, True, mod)
    y, interval = picked
    value = interval[0].isoformat() if day else f"{y:04d}-{month:02d}"
    return _Norm("date", value, gran, interval, True, mod)


def _numeric_date(ctx: _Context, u: _Unit) -> _Norm | None:
    p = u.payload
    if p.get("y3") is not None and len(p["y3"]) == 2 and p.get("sep") == ".":
        return None  # "1.2.25" is more often a version or a score than a date
    reading = ctx.read(u.text)
    candidates = []
    if p.get("y1") or p.get("y2"):
        k = "1" if p.get("y1") else "2"
        candidates.append((int(p["y" + k]), int(p["m" + k]), int(p["d" + k])))
    else:
        a, b, y = int(p["a"]), int(p["b"]), int(p["y3"])
        y = y + 2000 if y < 100 else y
        candidates += [(y, b, a), (y, a, b)]
    valid = []
    for y, m, d in candidates:
        try:
            if ctx.g.year_min <= y <= ctx.g.year_max:
                valid.append(dt.date(y, m, d))
        except ValueError:
            pass
    if not valid:
        return None
    d = reading[0] if reading and reading[0] in valid else valid[0]
    return _Norm("date", d.isoformat(), "day", (d, d), False)


def week_of_month(ctx: _Context, us, rule, i, j) -> _Norm | None:
    ord_u = ctx.first(us, "ORD")
    n = ctx.pay(ord_u, "ORD") if ord_u else -1
    mod = "START" if n == 1 else "END" if n in (-1, 4, 5) else "MID"
    core = [u for u in us if ctx.month(u) is not None or u.code == "y"]
    norm = calendar_date(ctx, core, rule, i, j)
    if norm is not None:
        norm.mod = mod
    return norm


def week_of_date(ctx: _Context, us, rule, i, j) -> _Norm | None:
    """"the week of March 6": the ISO week holding that day (the year as for the day alone)."""
    norm = calendar_date(ctx, us[3:], rule, i, j)
    if norm is None or norm.interval is None:
        return norm
    d = norm.interval[0]
    norm.value, norm.granularity, norm.interval = _iso_week(d), "week", _week_range(d)
    return norm


def calendar_range(ctx: _Context, us, rule, i, j) -> _Norm | None:
    g = ctx.g
    months = [int(ctx.month(u)) for u in us if g.is_(u, "MONTH") or g.is_(u, "MONTH_ABBR")]
    days = [_leading_int(u.text) for u in us if u.code in "do"]
    year_u = next((u for u in us if u.code == "y"), None)
    if not months or len(days) not in (0, 2):
        return None
    m1, m2 = months[0], months[-1]
    d1, d2 = days if days else (1, 1)

    def build(y: int):
        y2 = y + 1 if m2 < m1 else y
        try:
            if days:
                a, b = dt.date(y, m1, d1), dt.date(y2, m2, d2)
            else:
                a, b = _month_range(y, m1)[0], _month_range(y2, m2)[1]
        except ValueError:
            return None
        return (a, b) if a < b else None

    gran = "day" if days else "month"

    def fmt(d: dt.date) -> str:
        return d.isoformat() if days else f"{d.year:04d}-{d.month:02d}"

    if year_u is not None:
        interval = build(int(year_u.text))
        if interval is None:
            return None
        return _Norm("date", f"{fmt(interval[0])}/{fmt(interval[1])}", gran, interval, False)
    if build(2000) is None and build(2001) is None:
        return None
    if ctx.anchor is None:
        # keep the unknown year: "March 20-21" -> XXXX-03-20/XXXX-03-21
        a, b = build(2000) or build(2001)
        return _Norm("date", f"XXXX{fmt(a)[4:]}/XXXX{fmt(b)[4:]}", gran, None, True)
    picked = choose_instance(ctx.anchor, build, direction=ctx.direction(i, j), reach=ctx.reach)
    if picked is None:
        return _Norm("date", None, gran, None, True)
    interval = picked[1]
    return _Norm("date", f"{fmt(interval[0])}/{fmt(interval[1])}", gran, interval, True)


def part_of_day(ctx: _Context, us, rule, i, j) -> _Norm | None:
    """"the night of 9-10 September 2025": the named day's value with the part of the day (TNI)."""
    pod = ctx.pay(ctx.first(us, "POD"), "POD")
    core = us[next(k for k, u in enumerate(us) if u.key == "of") + 1:]
    days = [k for k, u in enumerate(core) if u.code in "do"]
    if len(days) == 2:  # a night across two days is the night of the first
        core = core[:days[0] + 1] + core[days[1] + 1:]
    norm = calendar_date(ctx, core, rule, i, j)
    if norm is None or norm.granularity != "day":
        return None
    value = f"{norm.value}T{pod}" if norm.value else None
    return _Norm("time", value, "day", norm.interval, norm.anchored, norm.mod)


def holiday(ctx: _Context, us, rule, i, j) -> _Norm | None:
    mod, _ = ctx.prefix(us)
    h_u = next(u for u in us if u.code == "H")
    year_u = next((u for u in us if u.code == "y"), None)
    spec = str(h_u.payload)
    if year_u is not None:
        d = _holiday_date(spec, int(year_u.text))
        return None if d is None else _Norm("date", d.isoformat(), "day", (d, d), False, mod)
    if ctx.anchor is None:
        if re.fullmatch(r"[0-9]{2}-[0-9]{2}", spec):
            return _Norm("date", f"XXXX-{spec}", "day", None, True, mod)
        return _Norm("date", None, "day", None, True, mod)
    rel = ctx.pay(ctx.first(us, "REL"), "REL")

    def build(y: int):
        d = _holiday_date(spec, y)
        return (d, d) if d else None

    picked = choose_instance(ctx.anchor, build, rel=rel, direction=ctx.direction(i, j) if rel is None else 0, reach=ctx.reach)
    if picked is None:
        return _Norm("date", None, "day", None, True, mod)
    d = picked[1][0]
    return _Norm("date", d.isoformat(), "day", (d, d), True, mod)


def season(ctx: _Context, us, rule, i, j) -> _Norm | None:
    mod, _ = ctx.prefix(us)
    s_u = ctx.first(us, "SEASON")
    s = ctx.pay(s_u, "SEASON")
    year_u = next((u for u in us if u.code == "y"), None)
    if year_u is not None:
        y = int(year_u.text)
        return _Norm("date", f"{y:04d}-{s}", "season", _season_range(y, s), False, mod)
    rel_u = ctx.first(us, "REL")
    if rel_u is None and ctx.doc[s_u.tok].tag_.startswith("VB"):
        return None  # "rates are set to fall", "prices fall in spring": the verb, not the season
    if ctx.anchor is None or not ctx.need("month"):
        return _Norm("date", f"XXXX-{s}" if ctx.anchor is None else None, "season", None, True, mod)
    if rel_u is not None:
        rel = ctx.pay(rel_u, "REL")
        cy, cs = _season_of(ctx.anchor.date)
        current_start = _season_range(cy, cs)[0]
        this_y = ctx.anchor.date.year - (1 if s == "WI" and ctx.anchor.date.month <= 2 else 0)
        if rel == 0:
            y = this_y
        elif rel < 0:
            y = this_y if _season_range(this_y, s)[0] < current_start else this_y - 1
        else:
            y = this_y if _season_range(this_y, s)[0] > current_start else this_y + 1
        return _Norm("date", f"{y:04d}-{s}", "season", _season_range(y, s), True, mod)
    picked = choose_instance(ctx.anchor, lambda y: _season_range(y, s), direction=ctx.direction(i, j), reach=ctx.reach)
    if picked is None:
        return _Norm("date", None, "season", None, True, mod)
    y, interval = picked
    return _Norm("date", f"{y:04d}-{s}", "season", interval, True, mod)


def clock(ctx: _Context, us, rule, i, j) -> _Norm | None:
    words = [u for u in us if not ctx.g.is_(u, "TZ")]
    if len(words) == 1 and words[0].code in "ny":
        # "0400 GMT", "1430 UTC": the four-digit clock of wire copy, only before a time
        # zone written in capitals ("2010 et al." is a citation)
        zone = us[-1].text
        m = re.fullmatch(r"([01][0-9]|2[0-3])([0-5][0-9])", words[0].text) if zone.isupper() else None
        return _Norm("time", f"T{m.group(1)}:{m.group(2)}", "day", None, True) if m else None
    if [u.key for u in words] == ["midnight"]:
        # "expires at midnight Friday" is the end of Friday, as TIMEX3 writes it (dateparser reads its start)
        return _Norm("time", "T24:00", "day", None, True)
    if [u.key for u in words] in (["noon"], ["midday"]):
        return _Norm("time", "T12:00", "day", None, True)  # dateparser reads no "midday"
    reading = ctx.read(ctx.surface(words))
    if reading is None:
        return None
    _, _, hour, minute = reading
    return _Norm("time", f"T{hour:02d}:{minute:02d}", "day", None, True)
