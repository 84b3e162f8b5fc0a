"""Ratios: shares and multipliers ("one in five", "three times the size", "two-thirds of", "twice as many")."""
from __future__ import annotations

from dataclasses import replace

from pipeline.stages.quantities.lexicon import DASHES
from pipeline.stages.quantities.nouns import complete
from pipeline.stages.quantities.numbers import parse_number_words
from pipeline.stages.quantities.operands import Quantity, number_at
from pipeline.stages.quantities.qualifiers import approx_before
from pipeline.stages.quantities.view import TokenView


def one_in(view: TokenView, q: Quantity) -> Quantity | None:
    """ "one in five adults", "1 in 10": a ratio, the text ending at the second number."""
    for joiner in view.lex.ratio_joiners:
        words = joiner.split()
        if all(view.lower(q.end + n) == w for n, w in enumerate(words)):
            other = number_at(view, q.end + len(words), money=False)
            if other is None or other.low is None or other.is_range or q.low is None or not q.low < other.low:
                return None  # a share is a part of a whole: "2020 in 5 cities" is not one
            value = q.low / other.low
            return replace(q, end=other.end, num_end=other.end, low=value, high=value, kind="ratio",
                           decimal=True)
    return None


def times(view: TokenView, q: Quantity) -> Quantity | None:
    """ "three times the size" is a multiplier (ratio); "met three times" is not a quantity."""
    j = q.end
    if q.kind is None and view.lower(j + 1) in view.lex.multiple_followers and q.low is not None:
        return replace(q, end=j + 1, kind="ratio")
    return None


def fraction_or_multiple(view: TokenView, i: int) -> Quantity | None:
    """ "half the budget", "a third of", "two-thirds of", "twice as many": ratios."""
    lex = view.lex
    lower = view.lower(i)
    if lower in lex.multiples:
        t = view.doc[i]
        if t.pos_ == "VERB" or view.lower(i + 1) not in lex.multiple_followers:
            return None
        value = float(lex.multiples[lower])
        return Quantity(i, i + 1, i, i + 1, value, value, kind="ratio", words=True)
    numerator, j = 1.0, i
    if lower in lex.fractions:
        if lower in lex.ordinal_fractions:
            return None  # "the third": an ordinal
        if view.lower(i - 1) in lex.sequence_before:
            return None  # "the fourth consecutive quarter", "the second half of": a piece of a sequence
        if view.lower(i + 1) in lex.indefinite:
            q = number_at(view, i, money=False)  # "half a million"
            return None if q is None else complete(view, q)
    else:
        if lower in lex.indefinite:
            j = i + 1
        else:
            parsed = parse_number_words([view.lower(k) for k in range(i, min(view.n, i + 4))], lex)
            if parsed is None:
                return None
            numerator, j = parsed[0], i + parsed[1]
        if view.lower(j) in DASHES:
            j += 1
    denom_word = view.lower(j)
    # "a two-thirds majority": a hyphenated fraction before its noun is a share too
    hyphenated = j > i and view.lower(j - 1) in DASHES and view.glued(j - 1) and view.glued(j - 2)
    if denom_word not in lex.fractions or (view.lower(j + 1) not in lex.fraction_followers and not (
            hyphenated and view.tok(j + 1) is not None and view.doc[j + 1].pos_ in lex.noun_pos)
            and not _elided_whole(view, i, j + 1)):
        return None
    value = numerator / lex.fractions[denom_word]
    return Quantity(i, j + 1, i, j + 1, value, value, kind="ratio", words=True)


def _elided_whole(view: TokenView, start: int, nxt: int) -> bool:
    """True when a qualified fraction ending before token ``nxt`` leaves its whole unsaid ("more than
    half in Africa", "nearly half are women"): a qualifier before it and no noun phrase after it."""
    lex = view.lex
    t = view.tok(nxt)
    return (approx_before(view, start) is not None and t is not None and t.pos_ in lex.elided_fraction_next_pos
            and t.lower_ not in lex.elided_fraction_blockers)
