"""Title-case headlines: names cut at the headline's verbs, and kept only when evidence outside the headline confirms them."""
from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import replace

from pipeline.stages.entities.context import ArticleContext, Mention
from pipeline.stages.entities.patterns import line_kind
from pipeline.stages.reconcile import fold_whitespace, strip_possessive

# Penn tags of verbs: title case capitalises a headline's verb ("TPG Acquires Sabre") and the model takes it into the name
_VERB_TAGS = frozenset({"VBZ", "VBD", "VBP", "VBG", "VBN"})
#: cues of the entities stage that confirm a headline's name as firmly as the body writing it
CONFIRMING_CUES = frozenset({"gazetteer", "place", "continent", "org_suffix", "stock_index", "outlet", "first_name",
                             "person_title", "event_name"})


def headline_line(ctx: ArticleContext, pos: int, function_words: frozenset) -> tuple[int, int] | None:
    """The line holding ``pos`` when it is a title-case headline or subhead (as the nlp view reads one), else None."""
    start, end = ctx.line_of(pos)
    if line_kind(ctx.text[start:end], function_words) != "title":
        return None
    # a hard-wrapped line of running text is no heading, however many capitals it holds
    if (end < len(ctx.text) and ctx.is_wrap(end)) or (start > 0 and ctx.is_wrap(start - 1)):
        return None
    return start, end


def cut_at_verbs(ctx: ArticleContext, mentions: list[Mention], function_words: frozenset) -> list[Mention]:
    """A headline's span cut at its verbs and at the words the view lowered: "TPG Acquires Sabre" -> "TPG", "Sabre"."""
    out = []
    for m in mentions:
        if m.entry is not None or " " not in ctx.text[m.start:m.end] or headline_line(ctx, m.start, function_words) is None:
            out.append(m)
            continue
        span = ctx.doc.char_span(m.start, m.end, alignment_mode="contract")
        cuts = [t for t in (span or [])[1:] if t.tag_ in _VERB_TAGS or (t.text[:1].islower() and ctx.text[t.idx].isupper())]
        if not cuts:
            out.append(m)
            continue
        cursor = m.start
        for t in [*cuts, None]:
            end = t.idx if t is not None else m.end
            piece = ctx.text[cursor:end].rstrip()
            if piece and piece[:1].isupper():
                out.append(replace(m, start=cursor, end=cursor + len(piece), detector="rule:headline_verb_cut"))
            if t is not None:
                cursor = t.idx + len(t.text)
                while cursor < m.end and ctx.text[cursor].isspace():
                    cursor += 1
    return out


def confirm_headlines(ctx: ArticleContext, mentions: list[Mention], function_words: frozenset, *,
                      first_name_opens: Callable[[str], bool]) -> list[Mention]:
    """Headline mentions that the body writes in the same form or a confirming cue backs, the evidence in ``detector``.

    Title case capitalises a headline's common words ("New Projects Announced", "Oil
    Prices Rise"), and the small model reads them as names; a headline names what its
    article names. The evidence is recorded as ``rule:headline_<evidence>`` (``body``,
    ``gazetteer``, ``place``, ``org_suffix``, ``first_name``, ...); a name no evidence backs
    is dropped. A name the model calls a person that opens with a first name of the list
    ("By Ben Phillips") is confirmed by that name, as the label cues confirm a body's name.
    """
    out = []
    for m in mentions:
        line = headline_line(ctx, m.start, function_words)
        # a name alone on its line (a footer's institute, a byline) is no headline's common words
        if line is None or ctx.text[line[0]:line[1]].strip() == ctx.text[m.start:m.end]:
            out.append(m)
            continue
        surface = strip_possessive(fold_whitespace(ctx.text[m.start:m.end]))
        if _written_off_line(ctx, surface, *line):
            evidence = "body"
        elif m.entry is not None:
            evidence = "gazetteer"
        elif m.evidence in CONFIRMING_CUES:
            evidence = m.evidence
        elif m.label == "PERSON" and first_name_opens(surface):
            # the model's own PERSON carries no cue, so the first name is asked here
            evidence = "first_name"
        else:
            continue
        out.append(m if m.detector == "gazetteer" else replace(m, detector=f"rule:headline_{evidence}"))
    return out


def _written_off_line(ctx: ArticleContext, phrase: str, line_start: int, line_end: int) -> bool:
    """True when the text writes ``phrase`` (whole words, same case) outside the line [line_start, line_end)."""
    pattern = re.compile(r"(?<!\w)" + r"\s+".join(re.escape(w) for w in phrase.split()) + r"(?!\w)")
    return any(not line_start <= g.start() < line_end for g in pattern.finditer(ctx.text))
