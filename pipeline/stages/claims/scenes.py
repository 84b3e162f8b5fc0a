"""An "as" clause the parser read as a preposition: "..., as spot gold climbed to $5,243.58".

The small parser often hangs a scene clause's "as" on the main clause as a preposition, with
the clause's subject as its object and the clause's verb cut loose ("Global commodity markets
witnessed a historic surge as spot gold climbed to $5,243.58 per ounce": "as" > "surge", "gold"
its object, "climbed" a ccomp; "The Australian stock market reached unprecedented heights as the
S&P/ASX 200 index breached the 8,900 level": "breached" a conj). ``drafts`` asks
``misparsed_scene`` only when the main clause's subject names no entity, as it asks
``scene_with_values`` (``as_clause``).
"""
from __future__ import annotations

from pipeline.stages.claims.grammar import VERBAL


def misparsed_scene(head, group, index, rules):
    """(the noun after "as", the finite verb right after its phrase) when they hold all of a claim's values, else None.

    ``head``: the main clause's verb. The "as" (``scene_marks``) is a preposition inside the main clause after
    ``head``; its object is a noun whose phrase is followed directly by a finite verb (``finite_tags``), so that
    noun is that verb's subject; every value of ``group`` comes after the noun and lies in that verb's or the
    noun's subtree. "as a result of outbreaks, as 24 countries reported ..." (a comma and another "as" between
    the noun and the verb), "served as chairman until 2020" (no finite verb follows) are left alone. As for a scene
    clause the parser read right (``filters.background_clause``), a generic crowd or mood ("as the market sentiment
    improved") states no fact of its own: the noun's phrase must hold a name (``index``, an ``ArticleIndex``: "the
    S&P/ASX 200 index") or its verb state a movement (``change_nouns`` read as verbs: "as spot gold climbed").
    """
    if not group:
        return None
    doc = head.doc
    for mark in head.subtree:
        if mark.i <= head.i or mark.dep_ != "prep" or mark.lower_ not in rules.scene_marks:
            continue
        noun = next((c for c in mark.children if c.dep_ == "pobj" and c.pos_ in {"NOUN", "PROPN"}), None)
        if noun is None or noun.right_edge.i + 1 >= len(doc):
            continue
        verb = doc[noun.right_edge.i + 1]
        if verb.pos_ not in VERBAL or verb.tag_ not in rules.finite_tags or verb.dep_ == "relcl" \
                or verb.sent.start != head.sent.start:
            continue
        inside = {t.i for t in verb.subtree} | {t.i for t in noun.subtree}
        if not all(token.i > noun.i and token.i in inside for _, token in group):
            continue
        if states_fact(noun, verb, group, index, rules):
            return noun, verb
    return None


def states_fact(noun, verb, group, index, rules) -> bool:
    """True when a scene clause's subject ``noun`` and ``verb`` state a fact of their own, not a crowd's or a mood's.

    The noun's phrase up to the noun holds a name (``index``, an ``ArticleIndex``: "the S&P/ASX 200 index") or the
    verb states a movement (``change_nouns`` read as verbs: "as spot gold climbed", "as Brent crude climbed 3%");
    "as the market sentiment improved", "as investors bet on ..." do not. A movement states its own figure: one of the
    claim's values (``group``) lies outside the noun's phrase ("as higher readings from a year ago drop out of the
    annual calculation" holds only the readings' own date: dev6 374_).
    """
    doc = noun.doc
    first, last = doc[noun.left_edge.i], doc[noun.i]
    phrase = {token.i for token in noun.subtree}
    moves = verb.lemma_.lower() in rules.change_nouns and any(token.i not in phrase for _, token in group)
    return bool(index.mentions_in(first.idx, last.idx + len(last.text))) or moves
