"""Anaphoric times resolved against the time the text last spoke of ("that day", "a year earlier", "the quarter").

TimeML's reading: "later that day", "the same week", "that year" name the period of the
last date the text mentioned; "the following month", "the previous year" the period after
or before it; "a year earlier", "three days later" shift it by the count, written at the
finer of the two granularities ("the third quarter ... a year earlier" is the year-ago
quarter; a time right after the anaphor comes first: "on a year earlier last month"); a definite "the quarter"/"the year" after a date of that granularity is that
date's period. With no date mentioned before, the anchor (the publication date) is the
reference of a backward shift only ("a year earlier", "the previous year"); "a year later"
or "that year" with nothing before them keep no value. A reference coarser than the anaphor ("in 1998 ... three days later") leaves
the value empty rather than guessing, but "that same day" after a month is a day of it ("1998-10-XX").
"In the morning", "that night", "the next morning" are that part of the day spoken of, or of the day after it. Resolved anaphors are not references themselves
(a second "a year earlier" refers to the same time the first did), except a definite
"the quarter", which names a period the next anaphor may shift. "A year ago" in or right after
a sentence that reports a month or a quarter, or anywhere after a quarter the text last spoke
of, is that period a year before, the comparison an earnings or statistics report makes; a
"year earlier" right after "a year ago" is that same time, not a second shift, and a day that
closes the period of its sentence ("the quarter ended Sept. 30") is no reference."""
from __future__ import annotations

import datetime as dt

from pipeline.stages.dates.calendar import _Anchor, _add_months, _quarter_range, _season_of, _season_range
from pipeline.stages.dates.timex import _period_value

_GRAN_RANK = {"day": 0, "week": 1, "month": 2, "quarter": 3, "season": 3, "year": 4}
_UNIT_GRAN = {"D": "day", "W": "week", "M": "month", "Q": "quarter", "Y": "year"}
_ANAPHOR_UNIT = {"day": "D", "week": "W", "weekend": "W", "month": "M", "quarter": "Q", "year": "Y"}
_WEEKDAY_DIRECTION = {"following": 1, "previous": -1, "preceding": -1}
_DIRECTION = {"following": 1, "next": 1, "previous": -1, "preceding": -1, "same": 0, "that": 0}


def _is_reference(f) -> bool:
    n = f.norm
    return (
        n.tclass in ("date", "time") and n.interval is not None and n.granularity in _GRAN_RANK
        and n.value is not None and not n.value.endswith("_REF")
    )


def _shift(d: dt.date, count: int, unit: str) -> dt.date:
    if unit == "D":
        return d + dt.timedelta(days=count)
    if unit == "W":
        return d + dt.timedelta(weeks=count)
    return _add_months(d, count * {"M": 1, "Q": 3, "Y": 12}[unit])


def _at(d: dt.date, gran: str):
    """(value, granularity, interval) of the ``gran`` period holding ``d``."""
    if gran == "season":
        y, s = _season_of(d)
        return f"{y:04d}-{s}", "season", _season_range(y, s)
    return _period_value(d, gran)


def shifted(ref_day: dt.date, ref_gran: str, count: int, unit: str, *, at: str | None = None):
    """The reference moved by ``count`` ``unit``s, written at ``at`` (default: the reference's granularity).

    None when the reference is coarser than the unit it is moved by or read at.
    """
    target = at or ref_gran
    if _GRAN_RANK[ref_gran] > _GRAN_RANK[_UNIT_GRAN[unit]] or _GRAN_RANK[ref_gran] > _GRAN_RANK[target]:
        return None
    return _at(_shift(ref_day, count, unit), target)


def resolve_anaphora(found: list, ctx, anchor: _Anchor | None) -> None:
    """Give every anaphoric expression of ``found`` (text order) the value its reference fixes."""
    # the publication date stands in only for a backward shift ("a year earlier", "the previous
    # year"): "a year later" or "that year" with no date before them speak of an event's time
    ref: tuple[dt.date, str] | None = (anchor.date, anchor.precision) if anchor is not None else None
    spoken = False
    ago = None  # the last reference, when it is an "N units ago"
    back = False  # the last reference is a year back, the side a report compares with ("last year")
    lead: tuple[dt.date, str] | None = None  # the first quarter spoken of that has begun: the report's own
    sentence_ref: tuple[int, tuple[dt.date, str]] | None = None
    said: dict[tuple[dt.date, str], str] = {}  # the words that last named each reference period
    for n, f in enumerate(found):
        sentence = ctx.doc[ctx.units[f.first].tok].sent.start
        if f.kind in ("anaphoric", "offset", "the_period", "year_earlier", "period_last_year") and (
                f.norm.tclass == "date" or f.kind == "anaphoric" and f.norm.tclass == "time"):
            # a time of the anaphor's own sentence comes first ("rose in the third quarter from
            # a year earlier"), then the last one the text spoke of
            own = sentence_ref[1] if sentence_ref is not None and sentence_ref[0] == sentence else None
            nxt = found[n + 1] if n + 1 < len(found) else None
            if nxt is not None and nxt.start - f.end <= 1 and _is_reference(nxt):
                # "rose 3.5 per cent on a year earlier last month": the time right after it
                own = (nxt.norm.interval[0], nxt.norm.granularity)
                said[own] = ctx.text[nxt.start:nxt.end]
            if own is None and lead is not None and (f.kind == "period_last_year" or f.kind == "year_earlier"
                                                     and ref[1] == "quarter"):
                # "the year-ago period" compares with the period the report is about, the first quarter it spoke
                # of, not a forecast or an earlier quarter spoken of since ("a flat second quarter")
                own = lead
            reading = _reading(f, ctx, own or ref, spoken or own is not None)
            used = said.get(own or ref) if own is not None or spoken else None
            if own is None and ago is not None and _same_shift(f, ago, ctx):
                reading, used = (ago.norm.value, ago.norm.granularity, ago.norm.interval), ctx.text[ago.start:ago.end]
            elif own is None and back and f.kind == "year_earlier" and reading is not None:
                # "losses totaled $5 million last year ... The year-earlier results", "compared with a loss in the 1988
                # period. The year-ago results": the year-back side just spoken of, not a year before it (TimeBank 2 of 2)
                reading = _at(ref[0], ref[1])
            if reading is not None:
                f.norm.value, f.norm.granularity, f.norm.interval = reading
                f.norm.anchored, f.norm.reference = True, _evidence(used)
            if f.kind != "the_period" or not _is_reference(f):
                continue
        elif f.kind == "year_period" and f.norm.value is not None:
            # "the 1988 period" in a report: the period of its own sentence ("in the first nine months ... the 1988
            # period" stays the year), else the report's (the first quarter it spoke of), else the last quarter or
            # month, in that year
            own = sentence_ref[1] if sentence_ref is not None and sentence_ref[0] == sentence else None
            day, gran = own or lead or (ref if spoken else (None, None))
            if gran in ("month", "quarter"):
                f.norm.value, f.norm.granularity, f.norm.interval = _at(day.replace(year=int(f.norm.value)), gran)
                f.norm.reference = _evidence(said.get((day, gran)))
        elif f.kind == "ago" or f.kind == "relative" and _compared_last_year(f, ctx):
            near = sentence_ref is not None and sentence_ref[0] in (sentence, _previous(ctx, sentence))
            # a month counts only next to it; a quarter, the period an earnings report is about, wherever
            # the text last spoke of one (TimeBank: 28 of 35 "a year ago/earlier" after a quarter)
            last = sentence_ref[1] if near else (ref if spoken and ref[1] == "quarter" else None)
            reading = _year_ago_period(f, ctx, last) if last is not None else None
            if reading is not None:
                f.norm.value, f.norm.granularity, f.norm.interval = reading
                f.norm.reference = _evidence(said.get(last))
                continue
        elif anchor is not None and _year_to_date(f, ctx):
            # "for the nine months, net fell ... from a year earlier": the report's year so far, so what follows
            # compares with the year before (TimeBank: "1988" after "the nine months" written in 1989)
            ref = (dt.date(anchor.date.year, 1, 1), "year")
            sentence_ref, spoken, ago, back = (sentence, ref), True, None, False
            said[ref] = ctx.text[f.start:f.end]
            continue
        elif f.kind == "weekday" and spoken and ref[1] == "day" and f.norm.interval is not None:
            # "closed Friday ... down 4.5% from the previous Friday": the one before the day the text spoke of, not
            # before the publication date (TimeBank 1 of 1); "the following Monday" the one after it
            step = _weekday_step(f, ctx)
            if step:
                wd = f.norm.interval[0].isoweekday()
                d = ref[0] + dt.timedelta(days=step * ((step * (wd - ref[0].isoweekday()) - 1) % 7 + 1))
                suffix = f.norm.value[10:] if f.norm.value else ""
                f.norm.value, f.norm.interval = d.isoformat() + suffix, (d, d)
                f.norm.reference = _evidence(said.get(ref))
        closes = sentence_ref is not None and sentence_ref[0] == sentence and _period_end(f, ctx, sentence_ref[1])
        if _is_reference(f) and not closes:
            # "a year ago ... a year earlier" is one time, as TimeBank writes it, not two shifts
            ago = f if f.kind == "ago" else None
            back = _year_back(f, ctx, anchor)
            ref = (f.norm.interval[0], f.norm.granularity)
            sentence_ref = (sentence, ref)
            said[ref] = ctx.text[f.start:f.end]
            if lead is None and ref[1] == "quarter" and f.norm.value[:1].isdigit() and anchor is not None \
                    and ref[0] <= anchor.date:
                lead = ref
            spoken = True


def _evidence(words: str | None) -> str:
    """The ``reference`` column: the text time that fixed an anaphoric value, or the publication date."""
    return "published" if words is None else f"text '{' '.join(words.split())}'"


def _year_back(f, ctx, anchor) -> bool:
    """True for a time a year before the report's: "last year", "a year ago", "the 1988 period" written in 1989."""
    keys = [u.key for u in ctx.words(f.first, f.last)]
    if f.kind == "year_period":
        return anchor is not None and f.norm.interval[0].year == anchor.date.year - 1
    return keys in (["last", "year"], ["a", "year", "ago"], ["one", "year", "ago"])


def _weekday_step(f, ctx) -> int:
    """-1 for "the previous Friday" or "the preceding Friday", +1 for "the following Monday", else 0 ("on
    previous Fridays", "Friday following the vote" say nothing of the sort)."""
    us = ctx.words(f.first, f.last)
    k = f.first - 1
    while len(us) < 4 and k >= 0:
        if ctx.units[k].code != "|":
            us.insert(0, ctx.units[k])
        k -= 1
    wd = next((n for n, u in enumerate(us) if ctx.g.is_(u, "WEEKDAY")), None)
    if wd is None or wd < 2 or us[wd - 2].key != "the":
        return 0
    return _WEEKDAY_DIRECTION.get(us[wd - 1].key, 0)


def _year_to_date(f, ctx) -> bool:
    """True for a definite span of months shorter than a year ("the nine months", "the first six months"), which a
    report names as its year so far."""
    if f.kind != "duration" or f.norm.value is None or not f.norm.value.startswith("P") \
            or not f.norm.value.endswith("M") or not f.norm.value[1:-1].isdigit():
        return False
    us = ctx.words(f.first, f.last)
    keys = [u.key for u in us]
    if keys[0] != "the" or keys[-1] != "months" or not 3 <= int(f.norm.value[1:-1]) < 12:
        return False
    if ctx.first(us, "DEIXIS") is not None:
        return False  # "the past nine months" runs back from the report, not from the start of its year
    # "the six months ended Aug. 12" names its own end, the reference of what follows
    nxt = next((u for u in ctx.units[f.last:] if u.code != "|"), None)
    return nxt is None or nxt.key not in ("ended", "ending")


def _period_end(f, ctx, ref) -> bool:
    """True when day ``f`` only closes the period its sentence spoke of ("the fiscal first quarter ended Sept.
    30"): the period stays the reference of what follows ("a year ago" is the year-ago quarter, not the day)."""
    if f.norm.granularity != "day" or ref[1] not in ("month", "quarter", "year"):
        return False
    k = f.first - 1
    while k >= 0 and ctx.units[k].code == "|":
        k -= 1
    return k >= 0 and ctx.units[k].key in ("ended", "ending")


def _reading(f, ctx, ref, spoken: bool):
    if ref is None:
        return None
    ref_day, ref_gran = ref
    us = ctx.words(f.first, f.last)
    keys = [u.key for u in us]
    backward = any(k in ("earlier", "before", "previous", "preceding") for k in keys)
    if f.kind == "period_last_year":
        # "the corresponding period last year" after "third-quarter net": that quarter a year before; else the
        # normaliser's last year stays
        noun = next(k for k in keys if k in ("period", "quarter", "month"))
        if not spoken or ref_gran not in ("month", "quarter") or noun not in ("period", ref_gran):
            return None
        return _at(_shift(ref_day, -1, "Y"), ref_gran)
    if f.kind == "year_earlier":
        # "the year-earlier quarter" is the quarter last spoken of, a year before; only a spoken month, quarter
        # or year says which period ("year-earlier results" with nothing before keep no value)
        ordinal = ctx.first(us, "ORD")
        if ordinal is not None:
            return _year_ago_quarter(int(ctx.pay(ordinal, "ORD")), ref_day, ref_gran if spoken else None)
        if not spoken or ref_gran not in ("month", "quarter", "year"):
            return None
        if keys[-1] in ("quarter", "month") and keys[-1] != ref_gran:
            return None
        return _at(_shift(ref_day, -1, "Y"), ref_gran)
    if not spoken and not backward and f.kind != "the_period":
        return None
    if f.kind == "the_period":
        if keys[-1] == "period":
            # "sales in the latest period": the quarter or month the report last spoke of
            return _at(ref_day, ref_gran) if spoken and ref_gran in ("month", "quarter") else None
        if "latest" in keys or "full" in keys:
            # "the latest quarter" is the last one over, "the full year" the report's own year ("by 1992
            # it aims at a 50% share ... an earnings increase for the full year"), not the last one spoken of
            return None
        unit = _ANAPHOR_UNIT.get(keys[-1])
        if unit is None:
            return None
        target = _UNIT_GRAN[unit]
        # a time the text spoke of names the period holding it ("fell on Friday. For the week, the index ..." is
        # Friday's week), but a quarter only from a month or quarter: the day of a report's news ("shares fell
        # Tuesday ... in the quarter") is not in the quarter it reports; the anchor stands in only at the
        # period's own granularity
        finer = spoken and (_GRAN_RANK[ref_gran] < _GRAN_RANK[target]) and (target != "quarter" or ref_gran == "month")
        if ref_gran != target and not finer:
            return None
        return _at(ref_day, target)
    if f.kind == "anaphoric":
        step = next((_DIRECTION[k] for k in keys if k in _DIRECTION), 0)
        pod = ctx.pay(us[-1], "POD")
        if pod is not None:
            # "in the morning", "the next morning": that part of the day last spoken of, or of the day after it
            if ref_gran != "day":
                return None
            d = ref_day + dt.timedelta(days=step)
            return f"{d.isoformat()}T{pod}", "day", (d, d)
        unit = _ANAPHOR_UNIT.get(keys[-1])
        if unit is None:
            return None
        if step == 0 and unit == "D" and ref_gran == "month":
            # "killed last October ... crossed out that same day": a day of that month, which TimeML writes with
            # its day unknown (1998-10-XX), the month its interval
            value, _, interval = _at(ref_day, "month")
            return f"{value}-XX", "month", interval
        return shifted(ref_day, ref_gran, step, unit, at=_UNIT_GRAN[unit])
    # offset: "a year earlier", "three days later"; "N units before/after X" is not an anaphor
    if f.norm.value is not None or keys[-1] not in ("earlier", "later", "before", "after"):
        return None
    count, unit, fuzzy = ctx.count_unit(us)
    if fuzzy or count is None or not float(count).is_integer() or unit not in _UNIT_GRAN:
        return None
    sign = -1 if keys[-1] in ("earlier", "before") else 1
    at = ref_gran if _GRAN_RANK[ref_gran] <= _GRAN_RANK[_UNIT_GRAN[unit]] else None
    return shifted(ref_day, ref_gran, sign * int(count), unit, at=at)


def _year_ago_quarter(n: int, ref_day: dt.date, ref_gran: str | None):
    """Quarter ``n`` a year before the year spoken of ("the year-ago third quarter" after "third-quarter net"), or,
    with only the anchor known, before that of the last quarter ``n`` over; None for no quarter number."""
    if not 1 <= n <= 4:
        return None
    y = ref_day.year
    if ref_gran is None and _quarter_range(y, n)[1] > ref_day:
        y -= 1
    return f"{y - 1:04d}-Q{n}", "quarter", _quarter_range(y - 1, n)


def _same_shift(f, ago, ctx) -> bool:
    """True when offset ``f`` shifts back by what ``ago`` did ("a year earlier" after "a year ago")."""
    keys = [u.key for u in ctx.words(f.first, f.last)]
    ago_keys = [u.key for u in ctx.words(ago.first, ago.last)]
    return f.kind == "offset" and keys[-1] == "earlier" and keys[:-1] == ago_keys[:-1] and ago_keys[-1] == "ago"


def _previous(ctx, sentence: int) -> int | None:
    """The first token of the sentence before the one starting at token ``sentence``."""
    return ctx.doc[sentence - 1].sent.start if sentence > 0 else None


def _year_ago_period(f, ctx, ref):
    """A year back from a month or quarter its own sentence or the one before reported ("third-quarter net income rose
    11%. Net advanced to $94 million from $85 million a year ago"): that period a year before, as a report's
    comparison means; None for other references and wordings ("last year" counts only as the side of a comparison with
    a figure, ``_compared_last_year``: elsewhere it is as often the whole year)."""
    ref_day, ref_gran = ref
    if ref_gran not in ("month", "quarter"):
        return None
    keys = [u.key for u in ctx.words(f.first, f.last)]
    if keys not in (["a", "year", "ago"], ["one", "year", "ago"]) and f.kind != "relative":
        return None
    return _at(_shift(ref_day, -1, "Y"), ref_gran)


def _compared_last_year(f, ctx) -> bool:
    """True for "last year" as the side a report's figure is compared with ("compared with a loss of $3 million last
    year", "a 13% increase from last year's $1.55 billion"): the period the report spoke of, a year before (TimeBank:
    3 of 3 after a quarter; "last year" elsewhere stays the year)."""
    if [u.key for u in ctx.words(f.first, f.last)] != ["last", "year"]:
        return False
    doc = ctx.doc
    first, last = ctx.units[f.first].tok, ctx.units[f.last - 1].tok
    start = max(doc[first].sent.start, first - ctx.g.comparison_reach)
    before = [t for t in doc[start:first]]
    cue = max((k for k in range(len(before)) for n in ctx.g.comparison_cues
               if tuple(t.lower_ for t in before[k:k + len(n)]) == n), default=None)
    if cue is None or any(t.text in (";", ".") for t in before[cue:]):
        return False
    after = doc[last + 1:last + 4]
    # a figure between the cue and "last year", or owned by it ("last year's $1.55 billion")
    return any(t.like_num or t.tag_ == "$" for t in before[cue:]) or \
        (len(after) > 1 and after[0].tag_ == "POS" and any(t.like_num or t.tag_ == "$" for t in after[1:]))
