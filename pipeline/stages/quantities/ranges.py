"""Ranges: a second end joined to a quantity ("£50,000 to £100,000", "between 2 and 3 percent", "one or two")."""
from __future__ import annotations

from dataclasses import replace

from pipeline.stages.quantities.operands import Quantity, operand_at
from pipeline.stages.quantities.qualifiers import qualifier, qualifier_size
from pipeline.stages.quantities.view import TokenView


def join_range(view: TokenView, q: Quantity) -> Quantity:
    """Join a second end: "£50,000 to £100,000", "2-3%", "between 2 and 3 percent", "one or two"."""
    lex = view.lex
    if q.drop or q.is_range or q.vague or q.trim:
        return q
    j = q.end
    conn = view.lower(j)
    # the word opening the range stands before any qualifier ("from roughly ten to 200")
    open_at = q.start - 1 - qualifier_size(view, q.start)
    opener = view.lower(open_at)
    if opener in lex.between:
        if conn not in lex.between_joiner:
            return q
    elif j >= view.n or view.doc[j].text not in lex.connectors:
        return q
    if j + 1 >= view.n or view.doc[j + 1].is_sent_start:
        return q
    other = operand_at(view, j + 1)
    inner = None
    if other is None:
        # the second end may carry its own qualifier: "from 250,000 to over 480,000 troops"
        size, inner = next(((size, found) for size in (3, 2, 1)
                            if (found := qualifier(view, j + 1, j + 1 + size)) is not None), (0, None))
        if size:
            other = operand_at(view, j + 1 + size)
    if other is None or other.is_range or other.vague or other.drop:
        return replace(q, drop=True) if other is not None and other.drop else q
    if q.words != other.words and conn == "or":
        return q
    if q.kind and other.kind and (q.kind, q.unit) != (other.kind, other.unit):
        return q
    if q.kind and not other.kind and q.kind != "money":
        return q  # "5% to 10 countries": two things
    low, high = q.low, other.high
    if other.factor != 1.0 and q.factor == 1.0 and low is not None:
        if low * other.factor <= high:  # "5 to 10 billion", "€1-2bn": the scale covers both
            low *= other.factor
    if opener in lex.change_openers and conn == "to" and _states_change(view, open_at):
        # "from 20 to 30 percent" states a change: the first end alone, in the second's unit
        if q.kind is None and other.kind and low is not None:
            return replace(q, kind=other.kind, unit=other.unit, unit_rule=other.unit_rule, low=low, high=low)
        return q
    if conn == "to" and q.kind and other.kind and (
            _after_change_verb(view, q.start)
            or (opener in lex.change_amount_openers and _governed_by_change(view, open_at))):
        return q  # "rose $1.20 to $78.40", "fell 0.5% to 3.2%", "boosted ... by $4 billion to $11 billion"
    if low is None or high is None or low > high:
        return q
    kind = q.kind or other.kind
    unit = q.unit or other.unit
    rule = q.unit_rule or other.unit_rule
    return replace(q, end=other.end, num_end=other.num_end, low=low, high=high, kind=kind, unit=unit,
                   unit_rule=rule, is_range=True, scaled=q.scaled or other.scaled,
                   decimal=q.decimal or other.decimal, words=q.words and other.words, inner_approx=inner)


def _states_change(view: TokenView, opener: int) -> bool:
    """True when "from" belongs to a verb of change ("rose from 2% to 3%"), not a span
    ("ranging from $5bn to $10bn", "costs run from £1 to £2")."""
    doc = view.doc
    if doc[opener].head.lemma_.lower() in view.lex.change_verbs:
        return True
    for k in range(opener - 1, max(-1, opener - 5), -1):
        if doc[k].pos_ in ("VERB", "AUX") or doc[k].is_punct:
            return doc[k].lemma_.lower() in view.lex.change_verbs
    return False


def _after_change_verb(view: TokenView, start: int) -> bool:
    """True when a verb of change comes right before token ``start`` ("rose 5%", "fell by 2%")."""
    for k in range(start - 1, max(-1, start - 4), -1):
        t = view.doc[k]
        if t.pos_ in ("VERB", "AUX"):
            return t.lemma_.lower() in view.lex.change_verbs
        if t.pos_ not in ("ADV", "ADP", "PART") and t.lower_ not in view.lex.approx:
            return False
    return False


def _governed_by_change(view: TokenView, opener: int) -> bool:
    """True when the "by" at ``opener`` hangs (through at most two nouns) on a verb of change
    ("boosted their net profit year on year by ...", "hiked its outlook by ...")."""
    t = view.doc[opener].head
    for _ in range(3):
        if t.pos_ in ("VERB", "AUX"):
            return t.lemma_.lower() in view.lex.change_verbs
        if t.head is t:
            return False
        t = t.head
    return False
