"""Headings: title-case, capitals and run-in headings, where capitals show position rather than names."""
from __future__ import annotations

import re
from functools import lru_cache

from pipeline.stages.entities.context import ArticleContext

_HEADING_WORD = re.compile(r"[A-Za-z][\w’'\-]*")
_LIST_MARKER = re.compile(r"[^\S\n]*(?:(?:[-•*–]|\d+[.)])[^\S\n]*)?")
# the end of a run-in heading: a colon, question mark or full stop before a space or the line end
_RUN_IN_END = re.compile(r"[:?.](?=\s|$)")


def is_capitals_line(ctx: ArticleContext, pos: int) -> bool:
    """True when the line holding ``pos`` is written in capitals ("OPERATION EASTERN SENTRY")."""
    line_start, line_end = ctx.line_of(pos)
    line = ctx.text[line_start:line_end]
    if not line.isupper():
        return False  # a lower-case letter, or no cased one: the same answer as below, without a loop over a paragraph
    letters = [c for c in line if c.isalpha()]
    return len(letters) >= 8 and all(c.isupper() for c in letters)


def is_title_case_line(ctx: ArticleContext, pos: int) -> bool:
    """True when the line holding ``pos`` is a heading written in title case."""
    line_start, line_end = ctx.line_of(pos)
    return _is_title_case(ctx.text[line_start:line_end].strip())


# each mention on a line asks about it again: answer a line once
@lru_cache(maxsize=4096)
def _is_title_case(line: str) -> bool:
    """True when ``line`` (stripped) reads as a heading in title case: three or more words, most long ones capitalised."""
    words = _HEADING_WORD.findall(line)
    long_words = [w for w in words if len(w) > 3]
    if len(words) < 3 or not long_words or line[-1:] in ".?!:”\"":
        return False
    return sum(w[0].isupper() for w in long_words) >= 0.75 * len(long_words)


def _all_capitalised(words: list[str]) -> bool:
    """True when every word longer than three letters starts with a capital (and there is one)."""
    long_words = [w for w in words if len(w) > 3]
    return bool(long_words) and all(w[0].isupper() for w in long_words)


def _run_in_heading(ctx: ArticleContext, pos: int) -> tuple[int, int] | None:
    """The run-in heading that opens the line of ``pos``, as a char range, or None.

    It ends at the line's first colon, question mark or full stop, the line goes on
    after it, and it has two to eight words, every long one capitalised ("Budget and Arms
    Production Growth. Russia plans ...", "2. Stinger Missiles Replenishment: The
    committee ..."). Abbreviations end it early ("U.S. Army" gives one word).
    """
    line_start, line_end = ctx.line_of(pos)
    body_start = _LIST_MARKER.match(ctx.text, line_start, line_end).end()
    end = _RUN_IN_END.search(ctx.text, body_start, line_end)
    if end is None or not ctx.text[end.end():line_end].strip():
        return None
    words = _HEADING_WORD.findall(ctx.text[body_start:end.start()])
    if not 2 <= len(words) <= 8 or not _all_capitalised(words):
        return None
    return body_start, end.start()


def is_heading(ctx: ArticleContext, pos: int) -> bool:
    """True when ``pos`` lies in a heading: a title-case or capitals line, or a run-in heading.

    A title-case line may end in a colon, question mark or full stop when it has at most
    twelve words and every long one is capitalised ("NATO 5% GDP Defence Spending
    Target:", "Committing to 2.5%: Is Help at Hand for the UK's Defences?").
    """
    if is_title_case_line(ctx, pos) or is_capitals_line(ctx, pos):
        return True
    line_start, line_end = ctx.line_of(pos)
    line = ctx.text[line_start:line_end].strip()
    words = _HEADING_WORD.findall(line)
    if line[-1:] in ":?." and 2 <= len(words) <= 12 and _all_capitalised(words):
        return True
    heading = _run_in_heading(ctx, pos)
    return heading is not None and heading[0] <= pos < heading[1]


def whole_heading(ctx: ArticleContext, start: int, end: int) -> bool:
    """True when [start, end) is a whole heading: all of its line (after a list marker) above running text, or all of the line's run-in heading.

    "FDA Drug Approvals" alone on its line, "California Refinery Shutdown: Valero is shutting
    down ..." (the words before the colon).
    """
    line_start, line_end = ctx.line_of(start)
    body_start = _LIST_MARKER.match(ctx.text, line_start, line_end).end()
    if not ctx.text[body_start:start].strip() and not ctx.text[end:line_end].strip():
        # a heading heads running text; a name on the last line or above another name line is a footer or a credit
        following = re.search(r"\S[^\n]*", ctx.text[line_end:])
        return following is not None and re.search(r"\b[a-z]{3,}\b", following.group(0)) is not None
    return _run_in_heading(ctx, start) == (start, end)


def written_off_line(ctx: ArticleContext, start: int, end: int) -> bool:
    """True when the text writes the words of [start, end) (in any case) outside their line."""
    line_start, line_end = ctx.line_of(start)
    return _written_off_line(ctx, ctx.text[start:end], line_start, line_end)


def unattested_in_capitals(ctx: ArticleContext, start: int, end: int, surface: str) -> bool:
    """True for a span of a capitals line that the text never writes on another kind of line.

    A heading in capitals repeats names of the text ("RHEINMETALL WINS ORDER" and
    "Rheinmetall said"); a capitalised run found nowhere else is heading words
    ("RENEWED ENERGY IN"). A name alone on its line ("MARTA KOWALSKA" of a byline) stays.
    """
    line_start, line_end = ctx.line_of(start)
    if ctx.text[line_start:line_end].strip() == ctx.text[start:end]:
        return False
    words = [re.escape(w) for w in surface.split(" ")]
    pattern = re.compile(r"(?<!\w)" + r"\s+".join(words) + r"(?!\w)", re.IGNORECASE)
    return all(is_capitals_line(ctx, g.start()) for g in pattern.finditer(ctx.text))


def attested_prefix_end(ctx: ArticleContext, start: int, end: int) -> int | None:
    """The end of the longest leading words of a capitals-line span that the text writes on another kind of line, or None.

    The capitals view ("BANK OF JAPAN HOLDS RATES" -> "Bank of Japan Holds rates")
    capitalises a verb the article never writes in lower case, and the model takes it into
    the name; the name is the part the article writes elsewhere ("Bank of Japan"), with
    only words cut off.
    """
    cuts = [start + g.start() for g in re.finditer(r"\s+", ctx.text[start:end])]
    for cut in reversed(cuts):
        if not ctx.text[cut:end].replace(" ", "").isalpha():
            return None  # a number or a sign ends names too ("WORLD WAR 3")
        if not unattested_in_capitals(ctx, start, cut, " ".join(ctx.text[start:cut].split())):
            return cut
    return None


def title_case_prefix_end(ctx: ArticleContext, start: int, end: int) -> int | None:
    """The end of the leading words of a title-case heading's span that the text writes on another line, or None.

    Title case capitalises the headline's verb and nouns ("Reds Sign Swedish Striker From
    Newcastle"), and the model takes them into the name. When the whole span is written on
    no other line but its leading words are, and a word cut off is one the text writes in
    lower case ("sign", "striker"), the name is those leading words ("Reds").
    """
    if not is_title_case_line(ctx, start) or is_capitals_line(ctx, start):
        return None
    line_start, line_end = ctx.line_of(start)
    # a hard-wrapped line of running text is no heading, however many capitals it holds
    if (line_end < len(ctx.text) and ctx.is_wrap(line_end)) or (line_start > 0 and ctx.is_wrap(line_start - 1)):
        return None
    if _written_off_line(ctx, ctx.text[start:end], line_start, line_end):
        return None
    cuts = [start + g.start() for g in re.finditer(r"\s+", ctx.text[start:end])]
    for cut in reversed(cuts):
        tail = ctx.text[cut:end].split()
        if not all(w.isalpha() for w in tail) or not any(ctx.written_lower(w) for w in tail):
            continue
        if _written_off_line(ctx, ctx.text[start:cut], line_start, line_end):
            return cut
    return None


def _written_off_line(ctx: ArticleContext, phrase: str, line_start: int, line_end: int) -> bool:
    """True when the text writes ``phrase`` (whole words, in any case: "Bank Of Japan") outside the line [line_start, line_end)."""
    pattern = re.compile(r"(?<!\w)" + r"\s+".join(re.escape(w) for w in phrase.split()) + r"(?!\w)", re.IGNORECASE)
    return any(not line_start <= g.start() < line_end for g in pattern.finditer(ctx.text))
