"""TIMEX3 values: the normalised reading of a span, and how periods and durations are written."""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from pipeline.stages.dates.calendar import _iso_week, _month_range, _quarter_range, _week_range, _year_range


@dataclass(slots=True)
class _Norm:
    tclass: str
    value: str | None
    granularity: str | None
    interval: tuple[dt.date, dt.date] | None = None
    anchored: bool = False
    mod: str | None = None
    # the words of the text time an anaphoric value was resolved against ("the third quarter"), or
    # "published" when the publication date stood in for it
    reference: str | None = None


_UNIT_GRAN = {"Y": "year", "M": "month", "W": "week", "D": "day", "DE": "decade"}
_UNIT_WORD = {"Y": "years", "M": "months", "W": "weeks", "D": "days", "H": "hours", "MIN": "minutes", "S": "seconds"}
# the anchor precision a unit needs ("two days ago" needs a day, "five years ago" a year)
_UNIT_NEEDS = {
    "Y": "year", "DE": "year", "CE": "year", "M": "month", "W": "day", "D": "day", "H": "day", "MIN": "day", "S": "day",
}


def _split_unit(payload: str) -> tuple[int, str]:
    """Lexicon unit payload "2W" -> (2, "W"); "Y" -> (1, "Y")."""
    m = re.fullmatch(r"([0-9]*)([A-Z]+)", payload)
    return (int(m.group(1)) if m.group(1) else 1), m.group(2)


def _fmt_number(n: float) -> str:
    return str(int(n)) if float(n).is_integer() else f"{n:g}"


def duration_value(count: float | None, unit: str) -> str:
    """TIMEX3 duration: (45, "Y") -> "P45Y", (48, "H") -> "PT48H", (None, "W") -> "PXW"."""
    n = "X" if count is None else None
    if count is not None and not float(count).is_integer():
        # fractions are written in the next smaller unit where that is exact
        smaller = {"DE": (10, "Y"), "CE": (100, "Y"), "Y": (12, "M"), "W": (7, "D"), "D": (24, "H"), "H": (60, "MIN"),
                   "MIN": (60, "S")}
        if unit in smaller and float(count * smaller[unit][0]).is_integer():
            count, unit = count * smaller[unit][0], smaller[unit][1]
    if n is None:
        n = _fmt_number(count)
    if unit in ("H", "MIN", "S"):
        return f"PT{n}{'M' if unit == 'MIN' else unit}"
    return f"P{n}{unit}"


def _period_value(d: dt.date, period: str) -> tuple[str, str, tuple[dt.date, dt.date]]:
    """TIMEX3 value, granularity and interval of a date read at dateparser's ``period``."""
    if period == "year":
        return f"{d.year:04d}", "year", _year_range(d.year)
    if period == "month":
        return f"{d.year:04d}-{d.month:02d}", "month", _month_range(d.year, d.month)
    if period == "week":
        return _iso_week(d), "week", _week_range(d)
    if period == "quarter":
        q = (d.month - 1) // 3 + 1
        return f"{d.year:04d}-Q{q}", "quarter", _quarter_range(d.year, q)
    return d.isoformat(), "day", (d, d)
