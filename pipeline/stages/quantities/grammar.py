"""The grammar: which reading a number-like token starts (ratio, fraction, range, counted noun), in order."""
from __future__ import annotations

from dataclasses import replace

from pipeline.stages.quantities.lexicon import DASHES
from pipeline.stages.quantities.nouns import attach_noun, complete
from pipeline.stages.quantities.operands import Quantity, operand_at
from pipeline.stages.quantities.ranges import join_range
from pipeline.stages.quantities.ratios import fraction_or_multiple, one_in, times
from pipeline.stages.quantities.scores import point_gap, point_share, score
from pipeline.stages.quantities.view import TokenView


def read(view: TokenView, i: int) -> Quantity | None:
    """Read the quantity whose number starts at (or whose currency precedes) token i."""
    lex = view.lex
    start = i
    if view.dotted_symbol(i - 2):
        start = i - 2  # "Rs. 600 crore": the tokenizer split the symbol's full stop off
    elif view.currency_token(i - 1) is not None:
        start = i - 1
    elif view.lower(i - 1) in lex.indefinite and (
        view.lower(i) in lex.multipliers or view.lower(i) in lex.magnitude_words
    ):
        start = i - 1
    elif (vague := _vague_scale(view, i)) is not None:
        return complete(view, vague)
    if (share := point_share(view, i - 1) if view.lower(i - 1) in lex.indefinite else point_share(view, i)) is not None:
        return share  # "a quarter point", "half a point", "by a point"
    lower = view.lower(start)
    if lower in lex.fold_words:  # "rise fivefold": a multiplier
        value = lex.fold_words[lower]
        return Quantity(i, i + 1, i, i + 1, value, value, kind="ratio", words=True)
    if lower in lex.fractions and view.lower(i - 1) in lex.indefinite:
        if view.lower(i - 2) in lex.addition_joiners:
            # "a year and a half": a part added to the unit before it, not a share of something
            return Quantity(i - 1, i + 1, i - 1, i + 1, None, None, drop=True)
        return fraction_or_multiple(view, i - 1)  # "a third of", "a quarter of"
    if lower in lex.fractions or (lower in lex.multiples and lower not in lex.units):
        return fraction_or_multiple(view, start)
    if start == i and (special := score(view, i) or point_gap(view, i)) is not None:
        return special
    q = operand_at(view, start)
    if q is None:
        return None
    if q.words and view.lower(q.end) in DASHES and view.glued(q.end - 1) and view.lower(q.end + 1) in lex.fractions:
        return fraction_or_multiple(view, start)  # "two-thirds of"
    if q.words and view.lower(q.end) in lex.fractions and view.lower(q.end) != "half":
        return fraction_or_multiple(view, start)  # "two thirds of"
    if view.lower(q.end) in lex.times_words:
        return times(view, q)
    if q.kind is None and not q.is_range:
        ratio = one_in(view, q)
        if ratio is not None:
            return ratio
    q = join_range(view, q)
    if q.drop:
        return q
    if q.kind is None:
        q = attach_noun(view, q)
    return _sign_word(view, q)


def _sign_word(view: TokenView, q: Quantity) -> Quantity:
    """ "minus 233 Celsius", "minus 0.5%": the sign word joins the text and negates the value."""
    sign = view.lex.sign_words.get(view.lower(q.start - 1))
    if (sign is None or q.kind not in ("percent", "measure") or q.is_range or q.low is None
            or q.high is None or q.low < 0 or q.start != q.num_start):
        return q
    return replace(q, start=q.start - 1, low=q.low * sign, high=q.high * sign)


def _vague_scale(view: TokenView, i: int) -> Quantity | None:
    """ "several hundred troops", "a few thousand", "many millions": an amount with no value."""
    lex = view.lex
    if view.lower(i) not in lex.multipliers and view.lower(i) not in lex.magnitude_words:
        return None
    start = None
    for size in (2, 1):
        key = " ".join(view.lower(k) for k in range(i - size, i))
        if i - size >= 0 and key in lex.vague_quantifiers:
            start = i - size
            break
    if start is None:
        return None
    j = i
    while view.lower(j) in lex.multipliers or view.lower(j) in lex.magnitude_words:
        j += 1
    return Quantity(start, j, start, j, None, None, words=True, vague=True, scaled=True)
