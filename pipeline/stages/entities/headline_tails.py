"""Title-case headlines: a name cut before the trailing words the headline alone capitalises ("Rogers Secures" -> "Rogers")."""
from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import replace

from pipeline.stages.entities.context import ArticleContext, Mention
from pipeline.stages.entities.headings import is_capitals_line, is_title_case_line
from pipeline.stages.reconcile import fold_whitespace

#: the detector of a headline span cut before its headline-only words (the evidence: the body writes the rest capitalised)
HEADLINE_TAIL_CUT = "rule:headline_tail_cut"


def cut_headline_tails(ctx: ArticleContext, mentions: list[Mention], function_words: frozenset, *,
                       first_name_opens: Callable[[str], bool]) -> list[Mention]:
    """A title-case headline's span cut to its longest leading words that the text writes, capitalised, on another line.

    Title case capitalises a headline's verbs and nouns ("Rogers Secures CAD 7 Billion ...",
    "... with Eni Leadership", "De Jong Commits Future to Barcelona"), and the model takes
    them into the name. When the text writes the whole span on no other line but writes
    its leading words there, in the same case, and no cut-off word is written capitalised
    off the line, the name is those leading words. Gazetteer names, a span alone on its line
    (a byline, a footer's institute), a cut right after a function word ("Bank of"), a cut
    leaving a first name ("Jim" of a byline's "Jim Edwards") and list lines (two commas, or
    a colon: "FIPRESCI Prize for Best Film: ...") are left as they are.
    """
    return [_cut(ctx, m, function_words, first_name_opens) for m in mentions]


def _cut(ctx: ArticleContext, m: Mention, function_words: frozenset, first_name_opens: Callable[[str], bool]) -> Mention:
    words = list(re.finditer(r"\S+", ctx.text[m.start:m.end]))
    # a span the model calls a person keeps its words: a cut would leave its label to no evidence ("Eni Leadership")
    if m.entry is not None or m.label == "PERSON" or len(words) < 2 or not is_title_case_line(ctx, m.start) or is_capitals_line(ctx, m.start):
        return m
    line_start, line_end = ctx.line_of(m.start)
    line = ctx.text[line_start:line_end]
    if first_name_opens(fold_whitespace(ctx.text[m.start:m.end])):
        return m  # "By Jim Edwards": a person's name on a byline, not a headline's words
    # a line of names between commas ("Works by Alex Jacobs-Blum, Art Hunter, ...") or after a colon is a list, no headline
    if line.strip() == ctx.text[m.start:m.end] or line.count(",") >= 2 or ":" in line or _off_line(ctx, words, line_start, line_end):
        return m
    for n in range(len(words) - 1, 0, -1):
        head, tail = words[:n], words[n:]
        if head[-1].group(0) in function_words or tail[0].group(0) in function_words:
            continue
        if not all(w.group(0).isalnum() for w in tail) or any(_off_line(ctx, [w], line_start, line_end) for w in tail):
            continue
        if head[-1].group(0)[:1].isupper() and _off_line(ctx, head, line_start, line_end, any_case=True):
            return replace(m, end=m.start + head[-1].end(), detector=HEADLINE_TAIL_CUT)
    return m


def _off_line(ctx: ArticleContext, words: list[re.Match], line_start: int, line_end: int, *, any_case: bool = False) -> bool:
    """True when the text writes these words (whole words) outside the line [line_start, line_end).

    Same case, or with ``any_case`` any case of the leading words so long as the last one is capitalised
    ("Frenkie de Jong" confirms a headline's "De Jong"; "general" confirms no "General").
    """
    pattern = re.compile(r"(?<!\w)" + r"\s+".join(re.escape(w.group(0)) for w in words) + r"(?!\w)",
                         re.IGNORECASE if any_case else 0)
    return any(not line_start <= g.start() < line_end and g.group(0).split()[-1][:1].isupper()
               for g in pattern.finditer(ctx.text))
