"""Plain values: pandas cells as Python values, number checks, and values fit for JSON."""
from __future__ import annotations

import datetime as dt
import math
from typing import Any

import pandas as pd


def is_int(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def is_number(value: Any) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool) and math.isfinite(value)


def plain_value(value: Any) -> Any:
    """A pandas cell as a plain Python value: nulls to None, arrays to lists, numpy scalars unwrapped."""
    if value is None:
        return None
    if isinstance(value, (list, tuple)) or hasattr(value, "tolist") and getattr(value, "ndim", 0) > 0:
        return [plain_value(v) for v in (value.tolist() if hasattr(value, "tolist") else value)]
    if value is pd.NA or value is pd.NaT:
        return None
    if isinstance(value, float) and math.isnan(value):
        return None
    if isinstance(value, pd.Timestamp):
        return value.date()
    if hasattr(value, "item") and not isinstance(value, (str, bytes)):
        value = value.item()
        return None if isinstance(value, float) and math.isnan(value) else value
    return value


def as_list(value: Any) -> list:
    if value is None:
        return []
    if isinstance(value, (list, tuple)):
        return list(value)
    return [value]


def jsonable(value: Any) -> Any:
    value = plain_value(value)
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()
    if isinstance(value, float) and not math.isfinite(value):
        return None
    if isinstance(value, list):
        return [jsonable(v) for v in value]
    return value
