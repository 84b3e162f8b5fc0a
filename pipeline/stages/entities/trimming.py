"""Span edges: trimming punctuation and possessives, cutting at real line breaks, a "The" inside a name."""
from __future__ import annotations

import re

from pipeline.stages.entities.context import ArticleContext

_LEADING_PUNCT = "\"'“”‘’«»([{*•·,;:!?&–—-/|"
_TRAILING_PUNCT = "\"'“”‘’«»)]}*•·,;:!?&–—-/|."
_INITIALISM_END = re.compile(r"(?:\b[A-Za-z]\.){2,}$")
# "Wells Fargo & Co.", "Merck & Co. announced", "Chevron Corp. and Apache Corp. have", "Nordstrom, Inc. has",
# "Diamondback Energy Inc., an": the full stop closes the company's abbreviated legal form, even at a sentence end
_AND_COMPANY_END = re.compile(r"(?:&[^\S\n]*Co|(?<![\w.])(?:Inc|Corp|Co|Ltd))\.$")
#: a dash glued between a name and a lower-case word ("the U.S.—and this study"): the name ends at the dash
_GLUED_DASH_TAIL = re.compile(r"[—–](?=[a-z])")

#: "ISHIHARA SANGYO KAISHA, LTD.", "KYOKUYO CO., LTD.": a legal form written in capitals keeps its full stop too
_CAPITALS_LEGAL_END = re.compile(r"(?<![\w.])(?:INC|CORP|CO|LTD)\.$")


def trim(text: str, start: int, end: int) -> tuple[int, int]:
    """Strip whitespace, stray punctuation and a possessive from both ends of a span.

    A dash glued to a lower-case word ends the name there: "U.S.—and" is "U.S.".
    """
    glued = _GLUED_DASH_TAIL.search(text, start, end)
    if glued is not None:
        end = glued.start()
    while True:
        before = (start, end)
        while start < end and (text[start].isspace() or text[start] in _LEADING_PUNCT):
            start += 1
        while start < end and text[end - 1].isspace():
            end -= 1
        if start < end and text[end - 1] in _TRAILING_PUNCT:
            chunk = text[start:end]
            if text[end - 1] == "." and (_INITIALISM_END.search(chunk) or _AND_COMPANY_END.search(chunk)
                                          or _CAPITALS_LEGAL_END.search(chunk)):
                pass
            elif text[end - 1] == ")" and chunk.count("(") >= chunk.count(")"):
                pass
            else:
                end -= 1
        for poss in ("’s", "'s"):
            if text[start:end].endswith(poss) and end - start > len(poss):
                end -= len(poss)
        if (start, end) == before:
            return start, end


def split_at_breaks(ctx: ArticleContext, start: int, end: int) -> list[tuple[int, int]]:
    """Cut a span at blank lines and at line breaks that end a line (not a hard wrap)."""
    pieces, cursor = [], start
    for g in re.finditer(r"\s*\n\s*", ctx.text[start:end]):
        run_start, run_end = start + g.start(), start + g.end()
        newlines = g.group(0).count("\n")
        if newlines >= 2 or not ctx.is_wrap(start + g.group(0).index("\n") + g.start()):
            pieces.append((cursor, run_start))
            cursor = run_end
    pieces.append((cursor, end))
    return [(a, b) for a, b in pieces if a < b]


def the_in_name(ctx: ArticleContext, start: int) -> bool:
    """True for a capital "The" inside running text ("in The Hague"), part of the name."""
    prev = start - 1
    while prev >= 0 and ctx.text[prev].isspace():
        prev -= 1
    if prev < 0 or not (ctx.text[prev] == "," or ctx.text[prev].islower()):
        return False
    gap = ctx.text[prev + 1:start]
    if "\n" in gap:
        return ctx.is_wrap(prev + 1 + gap.index("\n"))
    return True
