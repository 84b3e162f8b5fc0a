"""dateparser's reading of a span: one parser per anchor, readings cached by (text, anchor)."""
from __future__ import annotations

import datetime as dt
import functools

from dateparser.date import DateDataParser

_FIXED_BASE = dt.datetime(2000, 1, 1)  # base for readings that do not depend on any anchor


@functools.lru_cache(maxsize=512)
def _parser(base: dt.datetime, settings: tuple) -> DateDataParser:
    options = dict(settings)
    options["RELATIVE_BASE"] = base
    return DateDataParser(languages=["en"], settings=options)


@functools.lru_cache(maxsize=65536)
def _dp_read(text: str, anchor: dt.date | None, settings: tuple) -> tuple[dt.date, str, int, int] | None:
    """dateparser's reading of a found span: (date, period, hour, minute) or None.

    ``anchor`` None means the span is read without any reference date (a fixed base is
    still passed, so dateparser never consults the clock).
    """
    base = dt.datetime.combine(anchor, dt.time()) if anchor is not None else _FIXED_BASE
    try:
        data = _parser(base, settings).get_date_data(text)
    except (ValueError, OverflowError, TypeError):
        return None
    if data is None or data.date_obj is None:
        return None
    obj = data.date_obj
    return obj.date(), data.period or "day", obj.hour, obj.minute


def clear_caches() -> None:
    """Forget cached dateparser parsers and readings (tests that move the clock use it)."""
    _parser.cache_clear()
    _dp_read.cache_clear()
