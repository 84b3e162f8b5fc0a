"""Normalisers of years and their parts: bare years, year spans, decades, centuries, quarters and halves."""
from __future__ import annotations

import datetime as dt

from pipeline.stages.dates.calendar import (
    _add_months, _century_range, _decade_range, _month_range, _quarter_range, _season_range, _year_range, choose_instance,
)
from pipeline.stages.dates.context import _Context
from pipeline.stages.dates.fiscal import _part_norm, sentence_fiscal_year
from pipeline.stages.dates.shapes import (
    _CURRENCY, _NUMERIC_CODES, _RE_DECADE2, _RE_DECADE4, _RE_YEARSPAN, _Unit, _leading_int,
)
from pipeline.stages.dates.timex import _Norm
from pipeline.stages.dates.units import _neighbour, _neighbour_index


def year(ctx: _Context, us, rule, i, j) -> _Norm | None:
    mod, k = ctx.prefix(us)
    year_u = next((u for u in us if u.code == "y"), None)
    if year_u is None:
        return None
    if k == 0 and rule.id == "year" and not _bare_year_ok(ctx, i, j, year_u):
        return None
    y = int(year_u.text)
    reading = ctx.read(year_u.text)
    period = reading[1] if reading and reading[0].year == y else "year"
    if period != "year":
        return None
    return _Norm("date", f"{y:04d}", "year", _year_range(y), False, mod)


def year_words(ctx: _Context, us, rule, i, j) -> _Norm | None:
    """A spelled-out year: "nineteen ninety-six" (1996), "the year two thousand" (2000), "the winter of
    nineteen ninety-four" (1994-WI), "January nineteen ninety-seven" (1997-01); None when the words after the century are no number of 10-99."""
    nums = [int(ctx.pay(u, "NUMWORD")) for u in us if ctx.g.is_(u, "NUMWORD")]
    if "thousand" in (u.key for u in us):
        y = 2000 + sum(nums[1:])
    else:
        rest = sum(nums[1:])
        if not 10 <= rest <= 99 or (len(nums) == 3 and not (nums[1] % 10 == 0 and nums[1] >= 20 and nums[2] < 10)):
            return None  # "twenty five", "nineteen fifteen-six"
        y = nums[0] * 100 + rest
    if not ctx.g.year_min <= y <= ctx.g.year_max:
        return None
    month = ctx.month(us[0])
    if month is not None:
        return _Norm("date", f"{y:04d}-{month:02d}", "month", _month_range(y, month), False)
    season = ctx.pay(ctx.first(us, "SEASON"), "SEASON")
    if season is not None:
        return _Norm("date", f"{y:04d}-{season}", "season", _season_range(y, season), False)
    return _Norm("date", f"{y:04d}", "year", _year_range(y), False)


def _bare_year_ok(ctx: _Context, i: int, j: int, year_u: _Unit) -> bool:
    """A bare 4-digit number is a year after a date word or when the model says DATE."""
    g = ctx.g
    units = ctx.units
    pi, ni = _neighbour_index(units, i, -1), _neighbour_index(units, j - 1, +1)
    prev = None if pi is None else units[pi]
    nxt = None if ni is None else units[ni]
    for k, step in ((pi, -1), (ni, +1)):
        if k is not None and units[k].code == "-":
            beyond = _neighbour(units, k, step)
            if beyond is not None and beyond.code in _NUMERIC_CODES:
                return False  # "880 07-2025", "1861-1761": a phone or code group
    if prev is not None and prev.text == "(" and nxt is not None and nxt.text == ")":
        return False  # "(2022)": a citation
    if nxt is not None and (nxt.key in ("%", "percent", "per") or nxt.text in _CURRENCY):
        return False
    tok = ctx.doc[year_u.tok]
    if (
        nxt is not None and ctx.doc[nxt.tok].tag_ == "NNS" and tok.dep_ == "nummod"
        and (prev is None or prev.key != "the")
    ):
        return False  # "2000 troops": a count
    if prev is not None and prev.key in g.year_preceders:
        return True
    if prev is not None and prev.key == "than" and tok.i > 1:
        compared = ctx.doc[tok.i - 2]  # "0.13°C cooler than 2024": a year compared, not "more than 1500"
        if compared.tag_ in g.comparative_tags and compared.lower_ not in g.amount_comparatives:
            return True
    if prev is not None and prev.key in g.weak_year_preceders and prev.key != "the":
        # "from 2009 to 2017", "between 2014 and 2022", "dating back to 1994" but not "rose to 2000"
        before = _neighbour(units, pi, -1)
        origin = prev.key == "to" and before is not None and before.key in g.year_origin_words
        return origin or any(u.code == "y" for u in units[max(0, i - 4):i])
    if tok.ent_type_ != "DATE":
        return _year_leads_name(ctx, tok, prev, nxt)
    if prev is not None and prev.text[:1].isupper() and prev.code == "x":
        return False  # "DSEI UK 2025", "Readiness 2030", "Windows 2000": the year belongs to a name
    if nxt is not None and nxt.code == "x" and ctx.doc[nxt.tok].ent_type_ in ("GPE", "LOC", "FAC"):
        return False  # "1049 Brussels": a postal code
    return True


def _year_leads_name(ctx: _Context, tok, prev: _Unit | None, nxt: _Unit | None) -> bool:
    """"the 2014 Wales Summit": a year that opens the name of an event or a treaty dates it."""
    if tok.ent_type_ not in ctx.g.year_led_labels or prev is None or prev.key != "the":
        return False
    before = ctx.doc[tok.i - 1] if tok.i > 0 else None
    opens = tok.ent_iob_ == "B" or (before is not None and before.ent_iob_ == "B" and before.lower_ == "the")
    return opens and nxt is not None and nxt.code == "x" and nxt.text[:1].isupper()


def year_range(ctx: _Context, us, rule, i, j) -> _Norm | None:
    if us[0].code == "Y":
        m = _RE_YEARSPAN.fullmatch(us[0].text)
        y1, second = int(m.group(1)), m.group(2)
    else:
        y1, second = int(us[0].text), us[-1].text
    y2 = int(second) if len(second) == 4 else (y1 // 100) * 100 + int(second) if len(second) == 2 else -1
    dashed = us[0].code != "Y" and len(second) == 4  # "1850–1900"; "2019/2088" is an identifier
    span = ctx.g.settings.get("max_year_span_dashed", 100) if dashed else ctx.g.settings.get("max_year_span", 30)
    if not (y1 < y2 <= y1 + int(span)):
        return None
    return _Norm("date", f"{y1:04d}/{y2:04d}", "year", (dt.date(y1, 1, 1), dt.date(y2, 12, 31)), False)


def decade(ctx: _Context, us, rule, i, j) -> _Norm | None:
    mod, _ = ctx.prefix(us)
    u = next(u for u in us if u.code in "eE" or ctx.g.is_(u, "DECADE_WORD"))
    if u.code == "e":
        start = int(_RE_DECADE4.fullmatch(u.text).group(1)) * 10
        anchored = False
    else:
        word = ctx.pay(u, "DECADE_WORD")
        digit = int(word) if word is not None else int(_RE_DECADE2.fullmatch(u.text).group(1))
        if ctx.anchor is None:
            return _Norm("date", None, "decade", None, True, mod)
        start = 2000 + digit * 10
        if start > ctx.anchor.date.year:
            start -= 100
        anchored = True
    return _Norm("date", f"{start // 10:03d}", "decade", _decade_range(start), anchored, mod)


def century(ctx: _Context, us, rule, i, j) -> _Norm | None:
    mod, _ = ctx.prefix(us)
    u = next((u for u in us if u.code in "oO" or ctx.g.is_(u, "ORD")), None)
    n = _leading_int(u.text) if u.code in "oO" else ctx.pay(u, "ORD")
    if not n or n < 1 or n > 30:
        return None
    return _Norm("date", f"{n - 1:02d}", None, _century_range(n - 1), False, mod)


def _yearish(ctx: _Context, us: list[_Unit]) -> tuple[int | None, bool, bool]:
    """The year of "of 2025" / "of last year" / "of the year": (year, anchored, present)."""
    year_u = next((u for u in us if u.code == "y"), None)
    if year_u is not None:
        return int(year_u.text), False, True
    if any(u.key == "year" for u in us):
        rel = ctx.pay(ctx.first(us, "REL"), "REL") or 0
        return (ctx.anchor.date.year + int(rel) if ctx.need("year") else None), True, True
    return None, True, False


def _ordinal_part(ctx: _Context, us: list[_Unit], code: str, word: str, last: int) -> tuple[int | None, list[_Unit]]:
    """(n, the units that follow) of "Q3", "H1", "the third quarter", "the final half"."""
    marker = next((u for u in us if u.code == code), None)
    if marker is not None:
        return int(marker.text[1]), [u for u in us if u is not marker]
    k = next(n for n, u in enumerate(us) if u.key == word)
    o = ctx.first(us[:k], "ORD")
    n = last if o is None or ctx.pay(o, "ORD") == -1 else int(ctx.pay(o, "ORD"))
    return (n if 1 <= n <= last else None), us[k + 1:]


def _part_of_year(ctx: _Context, rest, i, j, build, fmt, gran, mod) -> _Norm:
    """A quarter or half: of the year given in ``rest``, else the one nearest the anchor."""
    y, anchored, present = _yearish(ctx, rest)
    if not present:
        if ctx.anchor is None:
            return _Norm("date", fmt("XXXX"), gran, None, True, mod)
        picked = choose_instance(ctx.anchor, build, direction=ctx.direction(i, j), reach=ctx.reach)
        y = picked[0] if picked else None
    if y is None:
        return _Norm("date", None, gran, None, True, mod)
    return _Norm("date", fmt(f"{y:04d}"), gran, build(y), anchored, mod)


def quarter(ctx: _Context, us, rule, i, j) -> _Norm | None:
    mod, _ = ctx.prefix(us)
    if rule.id == "quarter_relative":
        rel = int(ctx.pay(ctx.first(us, "REL"), "REL"))
        if not ctx.need("month"):
            return _Norm("date", None, "quarter", None, True, mod)
        d = _add_months(ctx.anchor.date.replace(day=1), 3 * rel)
        q = (d.month - 1) // 3 + 1
        return _Norm("date", f"{d.year:04d}-Q{q}", "quarter", _quarter_range(d.year, q), True, mod)
    q, rest = _ordinal_part(ctx, us, "q", "quarter", 4)
    if q is None:
        return None
    if not any(u.code == "y" for u in rest):
        rest = rest + [u for u in us if u.code == "y"]  # "the 1988 second quarter"
    if not any(u.code == "y" or u.key == "year" for u in rest):
        if rule.id == "quarter_code" and _names_a_product(ctx, i):
            return None  # "Audi Q2", "Galaxy Q3": a model name
        fiscal_end = sentence_fiscal_year(ctx, i, j)
        if fiscal_end is not None:
            # "Fourth quarter profit rose ... in fiscal 2024": a quarter of the fiscal year the sentence names
            return _part_norm(ctx, fiscal_end, False, "Q", q, mod, False)
    return _part_of_year(ctx, rest, i, j, lambda y: _quarter_range(y, q), lambda y: f"{y}-Q{q}", "quarter", mod)


def _year_of_named_half(ctx: _Context, i: int) -> int | None:
    """The year of the last "half of YYYY" in the sentence of unit ``i`` or the one before, else None."""
    sent = ctx.doc[ctx.units[i].tok].sent
    first = ctx.doc[sent.start - 1].sent.start if sent.start > 0 else sent.start
    year = None
    for k in range(i - 2):
        u = ctx.units[k]
        if ctx.units[k].tok >= first and u.key == "half" and ctx.units[k + 1].key == "of" and ctx.units[k + 2].code == "y":
            year = int(ctx.units[k + 2].text)
    return year


def _names_a_product(ctx: _Context, i: int) -> bool:
    """True when a lone "Q2" follows a capitalised word or sits in a name ("Audi Q2")."""
    prev = _neighbour(ctx.units, i, -1)
    tok = ctx.doc[ctx.units[i].tok]
    if tok.ent_type_ in ctx.g.veto_labels:
        return True
    return prev is not None and prev.code == "x" and prev.text[:1].isupper() and not prev.text.isupper()


def half(ctx: _Context, us, rule, i, j) -> _Norm | None:
    h, rest = _ordinal_part(ctx, us, "h", "half", 2)
    if h is None:
        return None

    def build(y: int) -> tuple[dt.date, dt.date]:
        return (dt.date(y, 1, 1), dt.date(y, 6, 30)) if h == 1 else (dt.date(y, 7, 1), dt.date(y, 12, 31))

    if rule.id == "half_anaphor":
        y = _year_of_named_half(ctx, i)
        if y is None:
            return None  # "led in the first half" of a match: no year's half spoken of
        return _Norm("date", f"{y}-H{h}", None, build(y), False, None)
    return _part_of_year(ctx, rest, i, j, build, lambda y: f"{y}-H{h}", None, None)
