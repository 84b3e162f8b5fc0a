"""Calendar arithmetic: the anchor, ranges of weeks, months, seasons and years, and the instance nearest an anchor."""
from __future__ import annotations

import calendar
import datetime as dt
import math
from collections.abc import Callable
from dataclasses import dataclass

from pipeline.core.article import Article

_PRECISION_RANK = {"year": 1, "month": 2, "day": 3}


@dataclass(frozen=True)
class _Anchor:
    date: dt.date
    precision: str  # "day" | "month" | "year"

    def allows(self, precision: str) -> bool:
        """True when the anchor is at least as precise as ``precision``."""
        return _PRECISION_RANK[self.precision] >= _PRECISION_RANK[precision]

    @property
    def interval(self) -> tuple[dt.date, dt.date]:
        d = self.date
        if self.precision == "year":
            return dt.date(d.year, 1, 1), dt.date(d.year, 12, 31)
        if self.precision == "month":
            return _month_range(d.year, d.month)
        return d, d


def _anchor_of(article: Article) -> _Anchor | None:
    if article.published is None:
        return None
    precision = article.published_precision if article.published_precision in _PRECISION_RANK else "day"
    return _Anchor(article.published, precision)


def _month_range(y: int, m: int) -> tuple[dt.date, dt.date]:
    return dt.date(y, m, 1), dt.date(y, m, calendar.monthrange(y, m)[1])


def _year_range(y: int) -> tuple[dt.date, dt.date]:
    return dt.date(y, 1, 1), dt.date(y, 12, 31)


def _week_range(d: dt.date) -> tuple[dt.date, dt.date]:
    monday = d - dt.timedelta(days=d.weekday())
    return monday, monday + dt.timedelta(days=6)


def _iso_week(d: dt.date) -> str:
    y, w, _ = d.isocalendar()
    return f"{y:04d}-W{w:02d}"


_SEASON_MONTHS = {"SP": (3, 5), "SU": (6, 8), "FA": (9, 11), "WI": (12, 2)}


def _season_range(y: int, s: str) -> tuple[dt.date, dt.date]:
    """Meteorological seasons; winter Y runs from December Y to February Y+1."""
    first, last = _SEASON_MONTHS[s]
    if s == "WI":
        return dt.date(y, 12, 1), _month_range(y + 1, 2)[1]
    return dt.date(y, first, 1), _month_range(y, last)[1]


def _season_of(d: dt.date) -> tuple[int, str]:
    for s, (first, last) in _SEASON_MONTHS.items():
        if s != "WI" and first <= d.month <= last:
            return d.year, s
    return (d.year if d.month == 12 else d.year - 1), "WI"


def _decade_range(start: int) -> tuple[dt.date, dt.date]:
    return dt.date(start, 1, 1), dt.date(start + 9, 12, 31)


def _century_range(c: int) -> tuple[dt.date, dt.date]:
    """Century "20" (TIMEX3) runs from 2000 to 2099."""
    return dt.date(max(c * 100, 1), 1, 1), dt.date(c * 100 + 99, 12, 31)


def _quarter_range(y: int, q: int) -> tuple[dt.date, dt.date]:
    return dt.date(y, 3 * q - 2, 1), _month_range(y, 3 * q)[1]


def _add_months(d: dt.date, n: int) -> dt.date:
    m = d.month - 1 + n
    y, m = d.year + m // 12, m % 12 + 1
    return dt.date(y, m, min(d.day, calendar.monthrange(y, m)[1]))


def _easter(y: int) -> dt.date:
    """Easter Sunday (anonymous Gregorian algorithm)."""
    a, b, c = y % 19, y // 100, y % 100
    d, e = b // 4, b % 4
    f = (b + 8) // 25
    g = (b - f + 1) // 3
    h = (19 * a + b - d - g + 15) % 30
    i, k = c // 4, c % 4
    l_ = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * l_) // 451
    month = (h + l_ - 7 * m + 114) // 31
    day = (h + l_ - 7 * m + 114) % 31 + 1
    return dt.date(y, month, day)


def _holiday_date(spec: str, y: int) -> dt.date | None:
    if spec.startswith("easter"):
        return _easter(y) + dt.timedelta(days=int(spec[6:] or 0))
    if spec == "thanksgiving":
        first = dt.date(y, 11, 1)
        return first + dt.timedelta(days=(3 - first.weekday()) % 7 + 21)
    try:
        month, day = (int(p) for p in spec.split("-"))
        return dt.date(y, month, day)
    except ValueError:
        return None


def _signed_distance(interval: tuple[dt.date, dt.date], anchor: _Anchor) -> int:
    """Days from the anchor to the interval: 0 when they overlap, negative when before."""
    a0, a1 = anchor.interval
    if interval[1] < a0:
        return -(a0 - interval[1]).days
    if interval[0] > a1:
        return (interval[0] - a1).days
    return 0


def choose_instance(
    anchor: _Anchor,
    build: Callable[[int], tuple[dt.date, dt.date] | None],
    *,
    rel: int | None = None,
    direction: int = 0,
    reach: int | None = None,
) -> tuple[int, tuple[dt.date, dt.date]] | None:
    """Pick the year of a year-less expression ("19 May", "June", "summer").

    ``rel`` comes from the text ("last May" -1, "this May" 0, "next May" +1) and wins;
    otherwise ``direction`` (the tense: -1 past, +1 future, 0 unknown) keeps the
    candidates on its side of the anchor, and the nearest candidate is taken, except that
    an instance within ``reach`` days of the anchor wins over a future tense, and a day
    within ``reach`` over a past tense: the verb the tense comes from often dates the
    report, not the time ("the offer runs through Nov. 17, the bank said" written on 27
    October; "expects to report a third-quarter loss" written in October), while a
    past-tense month still to come is last year's ("cut rates in May" written in March).
    """
    y0 = anchor.date.year
    if anchor.precision == "year" and rel is None:
        interval = build(y0)
        return (y0, interval) if interval else None
    candidates = [(y, build(y)) for y in (y0 - 1, y0, y0 + 1)]
    candidates = [(y, iv, _signed_distance(iv, anchor)) for y, iv in candidates if iv is not None]
    if not candidates:
        return None
    if rel == 0:
        pick = [c for c in candidates if c[0] == y0]
    elif rel == -1:
        pick = [c for c in candidates if c[1][1] < anchor.interval[0]][-1:]
    elif rel == 1:
        pick = [c for c in candidates if c[1][0] > anchor.interval[1]][:1]
    else:
        # a past-tense month or season still to come is last year's ("cut rates in May" in March)
        near = [c for c in candidates if reach is not None and abs(c[2]) <= reach
                and (direction >= 0 or c[1][0] == c[1][1])]
        side = [c for c in candidates if (c[2] <= 0 if direction < 0 else c[2] >= 0)] if direction else []
        pool = near or side or candidates
        pick = [min(pool, key=lambda c: (abs(c[2]), c[2] > 0))]
    if not pick:
        return None
    return pick[0][0], pick[0][1]


def resolve_weekday(anchor: dt.date, weekday: int, *, rel: int | None = None, direction: int = 0) -> dt.date:
    """The date of ``weekday`` (1=Monday) relative to ``anchor``.

    "last Monday" is the one strictly before, "next Monday" strictly after, "this Monday"
    the one in the anchor's ISO week; otherwise the day before the anchor's weekday is
    the day before whatever the tense (TimeBank and AQUAINT: 68 of 68; a day six days
    ahead is "next Thursday"), past tense gives the one on or before the anchor, future
    tense the one on or after, and no tense the nearest (ties: the past).
    """
    back = (anchor.isoweekday() - weekday) % 7
    ahead = (weekday - anchor.isoweekday()) % 7
    if rel is None and back <= 1:
        return anchor - dt.timedelta(days=back)
    if rel == -1:
        return anchor - dt.timedelta(days=back or 7)
    if rel == 1:
        return anchor + dt.timedelta(days=ahead or 7)
    if rel == 0:
        return anchor - dt.timedelta(days=anchor.isoweekday() - weekday)
    if direction < 0:
        return anchor - dt.timedelta(days=back)
    if direction > 0:
        return anchor + dt.timedelta(days=ahead)
    return anchor - dt.timedelta(days=back) if back <= ahead else anchor + dt.timedelta(days=ahead)


def _shift(d: dt.date, count: float, unit: str, sign: int) -> dt.date:
    """``d`` moved ``count`` units forward (sign +1) or back (sign -1)."""
    if unit in ("Y", "DE", "CE"):
        months = round(count * {"Y": 12, "DE": 120, "CE": 1200}[unit])
        return _add_months(d, sign * months)
    if unit == "M":
        whole = int(count)
        return _add_months(d, sign * whole) + dt.timedelta(days=sign * round((count - whole) * 30))
    days = {"W": 7 * count, "D": count, "H": count / 24, "MIN": count / 1440, "S": count / 86400}[unit]
    return d + dt.timedelta(days=sign * math.ceil(days))
