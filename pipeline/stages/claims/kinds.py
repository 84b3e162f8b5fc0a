"""Sizes that name a kind of thing ("1.96 million 20-foot containers"): not a figure the claim states (round 69).

A size written as one hyphened word before a noun ("20-foot", "40-foot", "4,800-ton") classifies the noun: a
20-foot container is a kind of container, as a reader knows it. When another figure counts the noun ("handled
1.96 million 20-foot containers", "exceeding a billion 20-foot containers moved"), prices it ("$2,107 per 40-foot
container": the noun after a ``rate_preps`` word) or the noun is one of kind (``kind_nouns``: "the upgraded
Mogami-class (4,800-ton type)"), the size only says which things are meant, and the judges leave it out of the
claim's values (dev8 409_, dev9 426_, dev13 543_, dev14 555_). A size on a noun nothing counts measures the
thing itself and stays: "a ferocious 25-yard strike", "a 10-point increase", "a 50-basis-point cut".
"""
from __future__ import annotations

from collections.abc import Sequence

from pipeline.stages.claims.rules import ClaimRules

#: the dependencies by which a size's words hang on the noun they classify
_MODIFIER_DEPS = frozenset({"compound", "amod", "nmod"})


def hyphened_size(row: dict) -> bool:
    """True for a quantity written as one hyphened word ("20-foot", "4,800-ton"): a size used as an adjective."""
    text = row.get("text") or ""
    return "quantity_id" in row and "-" in text and not any(ch.isspace() for ch in text.strip()) \
        and text[:1].isdigit()


def names_a_kind(row: dict, token, rules: ClaimRules, *, others: Sequence[dict] = ()) -> bool:
    """True when the value ``row`` (its head ``token``) is a size that names the kind of a counted or priced noun.

    ``others``: the sentence's other value rows; the noun is counted when one of them holds its number ("1.96
    million" of "1.96 million 20-foot containers"). A number no value row holds leaves the size in: the claim
    would keep no figure of the noun's, and a relative clause on it would then lose its own.
    """
    if not hyphened_size(row) or token.dep_ not in _MODIFIER_DEPS or token.head.i == token.i:
        return False
    noun, first = token.head, row.get("first", token.i)
    if noun.pos_ not in {"NOUN", "PROPN"}:
        return False
    spans = [(other.get("first", -1), other.get("last", -1)) for other in others
             if "quantity_id" in other and other is not row]
    counted = any(child.dep_ == "nummod" and child.i < first and any(low <= child.i <= high for low, high in spans)
                  for child in noun.children)
    priced = noun.dep_ == "pobj" and noun.head.lower_ in rules.rate_preps
    return counted or priced or noun.lemma_.lower() in rules.kind_nouns


def sized_kind_left_out(rows, doc, offset: int, low: int, high: int, rules: ClaimRules, *,
                        others: Sequence[dict] = ()) -> bool:
    """True when one of ``rows`` (values left out of a claim) lying in its tokens ``low:high`` names a kind (evidence
    ``sized_kind``); ``offset``: the article's start in the text the rows' offsets count in; ``others``: the claim's
    own value rows."""
    for row in rows:
        if "quantity_id" not in row or not low <= row.get("first", -1) < high:
            continue
        span = doc.char_span(row["start"] - offset, row["end"] - offset, alignment_mode="expand")
        if span is not None and len(span) and names_a_kind(row, span.root, rules, others=[*rows, *others]):
            return True
    return False
