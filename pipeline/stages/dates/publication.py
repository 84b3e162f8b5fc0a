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


def infer_publication_date(doc, article: Article, *, lexicon: dict) -> tuple[dt.date, str] | None:
    """The most plausible publication date of an article that carries none, and its precision.

    Only the article's own fully specified dates count, in this order:
    1. a date alone on a line near the top or opening a dateline ("Sunday, February 01, 2026",
       "BRUSSELS, March 6, 2025 —"): that day;
    2. a date after a publication cue ("First published ... June 4, 2025"): that day;
    3. the latest event reported in the past tense and the earliest date spoken of in the
       future tense, when they are at most ``max_bound_gap_days`` apart: the month after
       the past event ("adopted in May 2025" ... "at the end of June 2025" -> June 2025);
    4. a past-tense day in the lede ("On 2 March 2025, leaders agreed ..."): its month.
    Otherwise None: one old date ("the invasion in February 2022") bounds the publication
    date from one side only, and a wrong anchor would misplace every relative expression.
    """
    g = _grammar_for(lexicon)
    found, units = _extract(doc, article.text, g, None)
    fixed = [
        f for f in found
        if f.norm.tclass == "date" and not f.norm.anchored and f.norm.interval is not None
        and f.norm.granularity in ("day", "month", "season", "quarter", "year")
    ]
    if not fixed:
        return None
    header_chars = int(g.settings.get("header_chars", 400))
    window = int(g.settings.get("publication_cue_window", 10))
    starts = {u.start: k for k, u in enumerate(units)}
    days = [f for f in fixed if f.norm.granularity == "day"]
    for f in days:
        if _is_header(article.text, f, header_chars):
            return f.norm.interval[0], "day"
    for f in days:
        k = starts.get(f.start)
        line_start = article.text.rfind("\n", 0, f.start) + 1
        before = [u for u in units[max(0, (k or 0) - window):k or 0] if u.code != "|" and u.start >= line_start]
        if any(u.key in g.publication_cues for u in before):
            return f.norm.interval[0], "day"
    tensed = [(f, direction(doc, units, g, f.first, f.last)) for f in fixed if f.norm.granularity != "year"]
    past = [f for f, d in tensed if d < 0]
    future = [f for f, d in tensed if d > 0]
    if not past:
        return None

    def after(f: _Found) -> dt.date:
        # a whole month or season written as past ("in May 2025") is over by publication
        end = f.norm.interval[1]
        return end if f.norm.granularity == "day" else end + dt.timedelta(days=1)

    lower = max(after(f) for f in past)
    upper = min((f.norm.interval[0] for f in future if f.norm.interval[1] >= lower), default=None)
    gap = int(g.settings.get("max_bound_gap_days", 92))
    if upper is not None and (upper - lower).days <= gap:
        return min(lower, upper).replace(day=1), "month"
    lede = [f for f in past if f.norm.granularity == "day" and f.start <= header_chars]
    if lede:
        return lede[0].norm.interval[0].replace(day=1), "month"
    return None
