"""Table cells as plain values (text, ids, numbers, dates; missing ones told apart) and numbers for people."""
from __future__ import annotations

import datetime as dt
import math
from collections.abc import Mapping

import pandas as pd

from pipeline.core.schema import empty_frame

_SCALE_WORDS = ((1e12, "tn"), (1e9, "bn"), (1e6, "M"), (1e3, "k"))


def is_missing(value: object) -> bool:
    """True for None, NaN, NaT and pandas' NA (but not for lists or arrays)."""
    if value is None:
        return True
    if isinstance(value, (list, tuple, dict, set)) or hasattr(value, "__len__") and not isinstance(value, str):
        return False
    try:
        return bool(pd.isna(value))
    except (TypeError, ValueError):
        return False


def cell_text(value: object, default: str = "") -> str:
    """``value`` as text, or ``default`` when it is missing."""
    if is_missing(value):
        return default
    if isinstance(value, (dt.date, pd.Timestamp)):
        return value.isoformat()[:10]
    return str(value)


def cell_ids(value: object) -> list[str]:
    """A list column's cell (list, array or missing) as a list of strings."""
    if is_missing(value):
        return []
    return [str(v) for v in value if not is_missing(v)]


def cell_float(value: object) -> float | None:
    if is_missing(value):
        return None
    try:
        number = float(value)
    except (TypeError, ValueError):
        return None
    return number if math.isfinite(number) else None


def cell_date(value: object) -> dt.date | None:
    """A date cell (date, Timestamp or ISO string) as ``datetime.date``."""
    if is_missing(value):
        return None
    if isinstance(value, pd.Timestamp):
        return value.date()
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(str(value)[:10])
    except ValueError:
        return None


def format_number(value: float | None) -> str:
    """A number for people: thousands separators, no spurious decimals (``150,000,000,000``)."""
    if value is None:
        return "?"
    if float(value).is_integer() and abs(value) < 1e18:
        return f"{int(value):,}"
    return f"{value:,.6g}"


def short_number(value: float) -> str:
    """A compact number with a scale word (``150bn``, ``2.5M``, ``950``)."""
    for scale, word in _SCALE_WORDS:
        if abs(value) >= scale:
            return f"{value / scale:.3g}{word}"
    return f"{value:.3g}"


def clip(text: str, size: int) -> str:
    """``text`` cut to ``size`` characters with an ellipsis (for chart labels; the full text goes in a title)."""
    return text if len(text) <= size else text[:size - 1] + "…"


def table_frame(tables: Mapping, name: str) -> pd.DataFrame:
    frame = tables.get(name) if hasattr(tables, "get") else None
    return empty_frame(name) if frame is None else frame
