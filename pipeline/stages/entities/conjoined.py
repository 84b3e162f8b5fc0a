"""Conjoined names: one span the model read over two names coordinated by "and" or a comma is cut in two."""
from __future__ import annotations

import re

from pipeline.stages.entities.context import ArticleContext, Mention

#: the detector of the two pieces (CONTRACT.md, mentions.detector)
DETECTOR = "rule:conjoined_split"
#: labels of names the model may read over a coordination
_LABELS = frozenset({"ORG", "PERSON", "GPE", "LOC", "FAC", "NORP", "EVENT", "PRODUCT"})
#: the list goes on past the span with another capitalised word: ", and Youth", ", Youth", " and Youth"
_LIST_GOES_ON = re.compile(r"(?:,[^\S\n]*(?:and[^\S\n]+)?|[^\S\n]+and[^\S\n]+)[A-Z]")


def split_conjoined(ctx: ArticleContext, mentions: list[Mention], *, known: frozenset, by_surface: dict,
                    function_words: frozenset, org_suffixes: frozenset) -> list[Mention]:
    """Cut "Olive Garden and LongHorn Steakhouse", "Politico, Business Insider" in two (detector ``rule:conjoined_split``).

    The parse decides: the span holds one "and" (a ``cc``) or one comma between two capitalised runs, and the
    run after it is a conjunct (``conj``, or the possessor of one: "Ayden Owens-Delerme and USA's Kyle Garland").
    One name stays whole: a name a place list or the gazetteer knows ("Bosnia and Herzegovina", "Trinidad and
    Tobago"), one joined by "&" ("Procter & Gamble", "Ernst & Young"), one whose first run holds a lower-case
    word ("Department of Energy and Climate Change", "Ministry of Health and Family Welfare": the coordination may
    sit inside its "of" phrase), a run that is one word the text also writes in lower case ("Justice and Constitutional
    Development Committee" beside "the criminal justice system") and a legal form after a comma ("Nordstrom, Inc.") and a span the list goes on after, a piece of a longer
    title the model cut ("Skills, Entrepreneurship" of "Skills, Entrepreneurship, and Youth Employment Improvement Project").
    """
    out: list[Mention] = []
    for m in mentions:
        pieces = _pieces(ctx, m, known, function_words, org_suffixes) if m.label in _LABELS and m.entry is None else None
        if pieces is None:
            out.append(m)
            continue
        out.extend(Mention(s, e, m.label, DETECTOR, by_surface.get(ctx.text[s:e])) for s, e in pieces)
    return out


def _pieces(ctx: ArticleContext, m: Mention, known: frozenset, function_words: frozenset,
            org_suffixes: frozenset) -> list[tuple[int, int]] | None:
    """The two character ranges of a conjoined span, or None when it is one name."""
    whole = ctx.text[m.start:m.end]
    if whole in known or "&" in whole or "\n" in whole:
        return None
    if _LIST_GOES_ON.match(ctx.text, m.end):
        return None  # a piece of a longer title the model cut: "Skills, Entrepreneurship, and Youth Employment ... Project"
    span = ctx.doc.char_span(m.start, m.end, alignment_mode="expand")
    if span is None or len(span) < 3:
        return None
    seps = [t for t in span if (t.lower_ == "and" and t.dep_ == "cc") or t.text == ","]
    if len(seps) != 1 or seps[0].i in (span.start, span.end - 1):
        return None
    sep = seps[0]
    left, right = ctx.doc[span.start:sep.i], ctx.doc[sep.i + 1:span.end]
    if right[0].lower_ == "and" and sep.text == ",":  # the serial comma: "A, and B"
        right = ctx.doc[right.start + 1:right.end]
    if not left or not right or not all(t.text[:1].isupper() or not t.is_alpha for t in (*left, *right)):
        return None  # a lower-case word inside: "Department of Energy and Climate Change"
    if any(t.lower_ in function_words for t in (*left, *right)):
        return None
    if right[0].text.rstrip(".") in org_suffixes or right[0].text in org_suffixes:
        return None  # "Nordstrom, Inc."
    root = right.root
    if not (root.dep_ == "conj" or (root.dep_ == "poss" and root.head.dep_ == "conj")):
        return None
    if any(len(side) == 1 and side[0].pos_ != "PROPN" for side in (left, right)):
        return None
    if any(len(side) == 1 and side.text.casefold() in ctx.lower_words for side in (left, right)):
        return None  # "Justice and Constitutional Development Committee" beside "the criminal justice system"
    return [(left.start_char, left.end_char), (right.start_char, right.end_char)]
