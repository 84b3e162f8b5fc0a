"""Publication-date inference: the most plausible date of an article that carries none, from its own dates."""
from __future__ import annotations

import datetime as dt
import re

from pipeline.core.article import Article
from pipeline.stages.dates.extract import _extract, _Found, _grammar_for
from pipeline.stages.dates.tense import direction


def _is_header(text: str, f: _Found, header_chars: int) -> bool:
    """A date alone on a line near the top, or opening a dateline ("June 4, 2025 —")."""
    if f.start > header_chars:
        return False
    line_start = text.rfind("\n", 0, f.start) + 1
    line_end = text.find("\n", f.end)
    line_end = len(text) if line_end < 0 else line_end
    before = text[line_start:f.start].strip()
    after = text[f.end:line_end].strip()
    before_ok = before == "" or bool(re.fullmatch(r"[A-Z][A-Z .'\u2019-]*,?", before))
    after_ok = after == "" or after[0] in "—–-|:("
    return before_ok and after_ok


def _closes_short_line(text: str, f: _Found, header_chars: int, max_line: int) -> bool:
    """A full date closing a short line near the top: a byline or credit line ("by Staff / News December 10, 2025",
    "New Delhi (AFP) Sept 25, 2025")."""
    if f.start > header_chars:
        return False
    line_start = text.rfind("\n", 0, f.start) + 1
    line_end = text.find("\n", f.end)
    line_end = len(text) if line_end < 0 else line_end
    return text[f.end:line_end].strip(" .") == "" and line_end - line_start <= max_line


def _quote(text: str, f: _Found) -> str:
    return repr(re.sub(r"\s+", " ", text[f.start:f.end]))


def _weekday_pair(doc, text: str, f: _Found, year: int) -> dt.date | None:
    """The date of a year-less "Friday, May 23" in the year nearest ``year`` where that day is that weekday."""
    m = re.fullmatch(r"XXXX-(\d\d)-(\d\d)", f.norm.value or "")
    wd = _WEEKDAYS.get(text[f.start:f.end].split(",")[0].split()[0].lower().rstrip("."))
    if m is None or wd is None:
        return None
    for y in (year, year + 1, year - 1):
        try:
            d = dt.date(y, int(m.group(1)), int(m.group(2)))
        except ValueError:
            continue
        if d.isoweekday() == wd:
            return d
    return None


_WEEKDAYS = {name: k for k, names in enumerate(
    [("monday", "mon"), ("tuesday", "tue", "tues"), ("wednesday", "wed"), ("thursday", "thu", "thurs"),
     ("friday", "fri"), ("saturday", "sat"), ("sunday", "sun")], start=1) for name in names}


def infer_publication_date(doc, article: Article, *, lexicon: dict) -> tuple[dt.date, str, str] | None:
    """The most plausible publication date of an article that carries none: (date, precision, evidence).

    Only the article's own dates count, in this order (the first that applies decides, and
    ``evidence`` names it with the words it read):
    1. ``header``: a date alone on a line near the top, opening a dateline ("Sunday, February 01,
       2026", "BRUSSELS, March 6, 2025 —") or closing a short byline or credit line near the top
       ("by Staff / News December 10, 2025"): that day;
    2. ``published``: a date after a publication cue ("First published ... June 4, 2025",
       "Updated April 29, 2025"): that day;
    3. ``bounds``: the latest event reported in the past tense and the earliest date spoken of
       in the future tense, when they are at most ``max_bound_gap_days`` apart: the month
       after the past event ("adopted in May 2025" ... "at the end of June 2025" -> June 2025);
    4. ``lede``: a past-tense day in the lede ("On 2 March 2025, leaders agreed ..."): its month;
    5. ``weekday``: a weekday and year-less date ("Friday, May 23"), whose weekday fixes the year
       near the year the text states (rule 6): that date's month;
    6. ``year``: the latest year the text states outside the future tense and outside a target
       ("by 2035", ``target_preps``), when it is stated three times or in a headline (a first
       line of at most 120 characters; one old date,
       "the invasion in February 2022", bounds the publication from one side only): that
       year, precision ``year``.
    Otherwise None. A wrong anchor would misplace every relative expression, so each rule
    gives only as much precision as its evidence carries.
    """
    g = _grammar_for(lexicon)
    found, units = _extract(doc, article.text, g, None)
    text = article.text
    fixed = [
        f for f in found
        if f.norm.tclass == "date" and not f.norm.anchored and f.norm.interval is not None
        and f.norm.granularity in ("day", "month", "season", "quarter", "year")
    ]
    header_chars = int(g.settings.get("header_chars", 400))
    window = int(g.settings.get("publication_cue_window", 10))
    starts = {u.start: k for k, u in enumerate(units)}
    days = [f for f in fixed if f.norm.granularity == "day"]
    for f in days:
        if _is_header(text, f, header_chars) or _closes_short_line(text, f, header_chars, 120):
            return f.norm.interval[0], "day", f"header {_quote(text, f)}"
    for f in days:
        k = starts.get(f.start)
        line_start = text.rfind("\n", 0, f.start) + 1
        before = [u for u in units[max(0, (k or 0) - window):k or 0] if u.code != "|" and u.start >= line_start]
        if any(u.key in g.publication_cues for u in before):
            return f.norm.interval[0], "day", f"published {_quote(text, f)}"
    targets = frozenset(g.settings.get("target_preps", ()))

    def target(f: _Found) -> bool:
        prev = next((u for u in reversed(units[:f.first]) if u.code != "|"), None)
        return prev is not None and prev.key in targets

    # a target or a maturity ("by 2035", "notes due March 15, 2007") is no time the article reports
    tensed = [(f, direction(doc, units, g, f.first, f.last)) for f in fixed if not target(f)]
    past = [f for f, d in tensed if d < 0 and f.norm.granularity != "year"]
    future = [f for f, d in tensed if d > 0 and f.norm.granularity != "year"]

    def after(f: _Found) -> dt.date:
        # a whole month or season written as past ("in May 2025") is over by publication
        end = f.norm.interval[1]
        return end if f.norm.granularity == "day" else end + dt.timedelta(days=1)

    if past:
        latest = max(past, key=after)
        lower = after(latest)
        later = [f for f in future if f.norm.interval[1] >= lower]
        gap = int(g.settings.get("max_bound_gap_days", 92))
        if later:
            first = min(later, key=lambda f: f.norm.interval[0])
            upper = first.norm.interval[0]
            if (upper - lower).days <= gap:
                return (min(lower, upper).replace(day=1), "month",
                        f"bounds past {_quote(text, latest)} future {_quote(text, first)}")
        lede = [f for f in past if f.norm.granularity == "day" and f.start <= header_chars]
        if lede:
            return lede[0].norm.interval[0].replace(day=1), "month", f"lede {_quote(text, lede[0])}"
    year = _stated_year(text, tensed)
    if year is not None:
        for f in found:
            if f.kind == "calendar" and f.norm.value and f.norm.value.startswith("XXXX-") and text[f.start:f.start + 1].isupper():
                d = _weekday_pair(doc, text, f, year[0])
                if d is not None:
                    return d.replace(day=1), "month", f"weekday {_quote(text, f)} in {d.year}"
    return _bounded_year(doc, units, text, tensed)


def _names_a_thing(doc, units, f: _Found) -> bool:
    """True when the expression modifies a noun ("predicting 1990 earnings", "the 2025 budget"): the tense around it
    dates the predicting, not the year."""
    toks = {units[k].tok for k in range(f.first, f.last) if units[k].code != "|"}
    heads = [doc[t] for t in sorted(toks) if doc[t].head.i not in toks or doc[t].head.i == t]
    return bool(heads) and heads[0].dep_ in ("compound", "nummod", "amod", "nmod", "poss") and heads[0].head.pos_ in (
        "NOUN", "PROPN")


def _bounded_year(doc, units, text: str, tensed: list) -> tuple[dt.date, str, str] | None:
    """The year when the bounds the tenses set both fall in it: an event reported in the past is no later than
    publication (a stated past year is a lower bound: an article of January looks back on the year before), one
    spoken of in the future no earlier. (Jan 1 of the year, ``year``, evidence) or None."""
    past = [f for f, d in tensed if d < 0 and not _names_a_thing(doc, units, f)]
    if not past:
        return None
    latest = max(past, key=lambda f: f.norm.interval[0])
    lower = latest.norm.interval[0]
    later = [f for f, d in tensed if d > 0 and f.norm.interval[1] >= lower and not _names_a_thing(doc, units, f)]
    if not later:
        return None
    first = min(later, key=lambda f: f.norm.interval[1])
    if first.norm.interval[1].year != lower.year:
        return None
    return (dt.date(lower.year, 1, 1), "year",
            f"year {lower.year} between past {_quote(text, latest)} and future {_quote(text, first)}")


def _stated_year(text: str, tensed: list) -> tuple[int, str] | None:
    """The latest year stated outside the future tense, stated three times or in a headline (the year near which
    a weekday and year-less date are sought), and the evidence."""
    first_line = text.find("\n")
    years: dict[int, list[_Found]] = {}
    for f, d in tensed:
        y = f.norm.interval[1].year
        if d > 0 or f.norm.interval[0].year != y:
            continue
        years.setdefault(y, []).append(f)
    if not years:
        return None
    y = max(years)
    mentions = years[y]
    headline = 0 < first_line <= 120 and mentions[0].start < first_line
    if len(mentions) >= 3 or headline:
        return y, f"year {_quote(text, mentions[0])} latest stated ({len(mentions)}x)"
    return None
