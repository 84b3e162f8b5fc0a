"""Publication-date inference: the most plausible date of an article that carries none, from its own dates."""
from __future__ import annotations

import datetime as dt
import functools
import re

from pipeline.core.article import Article
from pipeline.stages.dates.extract import _extract, _Found, _grammar_for
from pipeline.stages.dates.shapes import _key
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


def _archive(text: str, f: _Found) -> bool:
    """True when the date stands in the caption of an archive photo ("FILE - A trader works ... Jan. 28, 2025"):
    the day the photo was taken, not the article's."""
    return re.match(r"\s*FILE\b", text[text.rfind("\n", 0, f.start) + 1:f.start]) is not None


#: a date in digits whose day and month may be read either way ("11/04/2025")
_NUMERIC = re.compile(r"(\d{1,2})([/.-])(\d{1,2})\2(\d{2}|\d{4})")


def _day(text: str, f: _Found, days: list[_Found]) -> tuple[dt.date, str, str]:
    """(date, precision, note) of a full date that dates the article: its day, unless it is written in digits that
    read both ways ("11/04/2025": 11 April or 4 November) and no date in words in the article ("November 4, 2025")
    says which; then only its year, which both readings share."""
    d = f.norm.interval[0]
    m = _NUMERIC.fullmatch(text[f.start:f.end])
    if m is None or m.group(1) == m.group(3) or max(int(m.group(1)), int(m.group(3))) > 12:
        return d, "day", ""
    other = d.replace(month=d.day, day=d.month)
    worded = {g.norm.interval[0]: g for g in days if not _NUMERIC.fullmatch(text[g.start:g.end])}
    if (d in worded) != (other in worded):
        reading = d if d in worded else other
        return reading, "day", f" read as {reading.isoformat()} by {_quote(text, worded[reading])}"
    return d.replace(month=1, day=1), "year", " (day and month read either way)"


@functools.lru_cache(maxsize=8)
def _cue_at_end(cues: frozenset) -> re.Pattern:
    """A publication cue ending the text before a date on its line ("Updated:", "Published on"), also when glued to
    the word before it ("Source: ReutersPublished: 11/04/2025")."""
    words = "|".join(sorted(map(re.escape, cues)))
    glued = "|".join(sorted(re.escape(c.capitalize()) for c in cues))
    return re.compile(rf"(?:(?<![A-Za-z])(?i:{words})|(?<=[a-z])(?:{glued}))[\s:]*(?:(?i:on|at)\b[\s:]*)?$")


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
       ("by Staff / News December 10, 2025"), not in an archive photo's caption ("FILE - ..."): that day;
    2. ``published``: a date after a publication cue ("First published ... June 4, 2025",
       "Updated April 29, 2025", "ReutersPublished: 11/04/2025"): that day; in rules 1 and 2 a date in
       digits that reads both ways ("11/04/2025") gives its day only when a date in words in the article
       ("November 4, 2025") says which reading, else its year;
    2a. ``weekday_date``: a full date with its right weekday ("Tuesday, April 29, 2025"), no earlier than
       anything reported in the past: that day when the article names the weekday alone in the past too
       ("said on Tuesday"), else its month when the week after it stays in the month, else its year;
    3. ``bounds``: the latest event reported in the past tense and the earliest date spoken of
       in the future tense, when they are at most ``max_bound_gap_days`` apart: the month
       after the past event ("adopted in May 2025" ... "at the end of June 2025" -> June 2025);
    4. ``lede``: a past-tense day in the lede ("On 2 March 2025, leaders agreed ..."), no earlier than
       anything else reported in the past: its month;
    5. ``weekday``: a weekday and year-less date ("Friday, May 23"), whose weekday fixes the year
       near the year the text states (rule 6): that date's month;
    5a. ``apposition``: a relative year beside a stated year ("Last year, 2025, was ..."): the year it
       implies (2026), precision ``year``;
    6. ``year``: the latest year the text states outside the future tense and outside a target
       ("by 2035", ``target_preps``), when it is stated three times or in a headline (a first
       line of at most 120 characters; one old date,
       "the invasion in February 2022", bounds the publication from one side only): that
       year, precision ``year``.
    A birth date ("born on March 3, 1990", ``[publication] birth_words``) is no evidence.
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
    births = frozenset(_key(w) for w in lexicon.get("publication", {}).get("birth_words", ()))
    fixed = [f for f in fixed if not _after_word(units, f, births, reach=2)]
    header_chars = int(g.settings.get("header_chars", 400))
    window = int(g.settings.get("publication_cue_window", 10))
    starts = {u.start: k for k, u in enumerate(units)}
    days = [f for f in fixed if f.norm.granularity == "day"]
    for f in days:
        if _archive(text, f):
            continue
        if _is_header(text, f, header_chars) or _closes_short_line(text, f, header_chars, 120):
            date, precision, note = _day(text, f, days)
            return date, precision, f"header {_quote(text, f)}{note}"
    cue_at_end = _cue_at_end(g.publication_cues)
    for f in days:
        k = starts.get(f.start)
        line_start = text.rfind("\n", 0, f.start) + 1
        before = [u for u in units[max(0, (k or 0) - window):k or 0] if u.code != "|" and u.start >= line_start]
        if any(u.key in g.publication_cues for u in before) or cue_at_end.search(text, line_start, f.start):
            date, precision, note = _day(text, f, days)
            return date, precision, f"published {_quote(text, f)}{note}"
    targets = frozenset(g.settings.get("target_preps", ()))

    def target(f: _Found) -> bool:
        prev = next((u for u in reversed(units[:f.first]) if u.code != "|"), None)
        return prev is not None and prev.key in targets

    # a target or a maturity ("by 2035", "notes due March 15, 2007") is no time the article reports
    tensed = [(f, direction(doc, units, g, f.first, f.last)) for f in fixed if not target(f)]
    # the start of the latest time reported in the past: the article is no older, so no earlier date dates it
    since = max((f.norm.interval[0] for f, d in tensed if d < 0), default=None)
    paired = _weekday_date(doc, units, g, text, found, tensed, since)
    if paired is not None:
        return paired
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
        lede = [f for f in past if f.norm.granularity == "day" and f.start <= header_chars
                and f.norm.interval[0] >= since]
        if lede:
            return lede[0].norm.interval[0].replace(day=1), "month", f"lede {_quote(text, lede[0])}"
    year = _stated_year(text, tensed)
    if year is not None:
        for f in found:
            if f.kind == "calendar" and f.norm.value and f.norm.value.startswith("XXXX-") and text[f.start:f.start + 1].isupper():
                d = _weekday_pair(doc, text, f, year[0])
                if d is not None:
                    return d.replace(day=1), "month", f"weekday {_quote(text, f)} in {d.year}"
    apposed = _apposed_year(text, found, lexicon.get("publication", {}).get("year_appositions", {}))
    if apposed is not None:
        return apposed
    return _bounded_year(doc, units, text, tensed)


def _weekday_date(doc, units, g, text: str, found: list[_Found], tensed: list,
                  since: dt.date | None) -> tuple[dt.date, str, str] | None:
    """A full date written with its weekday ("Tuesday, April 29, 2025"), the weekday right, reported in the past or
    standing in a caption, and no earlier than any time the article reports in the past: news writes the weekday
    only for the days of the week it appeared in. When the article names that weekday alone in the past too
    ("said on Tuesday"), that weekday is this date: that day, against which the article's weekdays resolve; else
    the date's month when the six days after it stay in it, else its year. A caption's archive photo ("FILE -")
    or a date in the future is no evidence."""
    pairs = []
    for f, d in tensed:
        if d > 0 or f.norm.granularity != "day":
            continue
        wd = _WEEKDAYS.get(text[f.start:f.end].split(",")[0].split()[0].lower().rstrip("."))
        if wd is None or f.norm.interval[0].isoweekday() != wd or _archive(text, f):
            continue
        if since is None or f.norm.interval[0] >= since:
            pairs.append((f, wd))
    if not pairs:
        return None
    f, wd = max(pairs, key=lambda p: p[0].norm.interval[0])
    date = f.norm.interval[0]
    alone = next((w for w in found if w.kind == "weekday" and re.fullmatch(rf"XXXX-WXX-{wd}\D*", w.norm.value or "")
                  and direction(doc, units, g, w.first, w.last) < 0), None)
    if alone is not None:
        return date, "day", f"weekday_date {_quote(text, f)} named {_quote(text, alone)}"
    if (date + dt.timedelta(days=6)).month == date.month:
        return date.replace(day=1), "month", f"weekday_date {_quote(text, f)}"
    return dt.date(date.year, 1, 1), "year", f"weekday_date {_quote(text, f)}"


def _apposed_year(text: str, found: list[_Found], offsets: dict) -> tuple[dt.date, str, str] | None:
    """The year a relative year names where a stated year stands beside it ("Last year, 2025, was the
    third-hottest", "this year (2025)"): that year shifted by ``offsets`` (``last year`` 1), precision ``year``."""
    for a, b in zip(found, found[1:]):
        if not re.fullmatch(r"\s*[,(\u2013\u2014-]\s*", text[a.end:b.start]):
            continue
        for rel, year in ((a, b), (b, a)):
            shift = offsets.get(re.sub(r"\s+", " ", text[rel.start:rel.end]).lower())
            if shift is not None and year.kind == "year" and not year.norm.anchored and year.norm.interval:
                y = year.norm.interval[0].year + int(shift)
                return (dt.date(y, 1, 1), "year",
                        f"apposition {_quote(text, rel)} {_quote(text, year)}")
    return None


def _after_word(units, f: _Found, words: frozenset, *, reach: int) -> bool:
    """True when one of ``words`` is among the ``reach`` words before the expression ("born on March 3, 1990")."""
    before = [u for u in units[max(0, f.first - reach - 2):f.first] if u.code != "|"][-reach:]
    return any(u.key in words for u in before)


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
