"""Places that only say where: a place compounded on a common noun is not what the noun's phrase is about."""
from __future__ import annotations

from pipeline.stages.claims.rules import ClaimRules

#: the relations by which a name modifies a noun without owning it ("Hong Kong stocks", "U.S. home prices");
#: a possessive ("India's merchandise trade deficit") and an owner preposition ("the economy of Japan") own it
MODIFIER_DEPS = frozenset({"compound", "amod", "nmod"})


def place_modifier(child, node, row: dict | None, rules: ClaimRules) -> bool:
    """True when ``child`` (whose mention is ``row``) is a place modifying the common noun ``node`` (or a word
    compounded on it: the caller follows the compounds).

    "Hong Kong stocks wrapped up 2025 with losses" (dev10 448_, RTHK), "U.S. home prices rose an estimated 2.2%"
    (dev8 412_, The MortgagePoint on the FHFA index): the judges want the stocks and the prices, the place where
    they trade or are measured being no owner of them (claims round 40; "The U.S. trade deficit", "the US
    population", "The U.S. goods trade deficit" were judged right either way, dev6 382_, dev5 358_, dev7
    406_). A possessive keeps its owner ("India's merchandise trade deficit", dev9 432_; "Australia's seasonally adjusted
    unemployment rate", dev9 424_), and so does a name that heads the phrase ("Hong Kong fell"). People and
    bodies serving the place, and a share word, are still its (``Coreference.place_owns``).
    """
    return (row is not None and row["label"] in rules.place_labels and child.dep_ in MODIFIER_DEPS
            and node.pos_ == "NOUN" and child.i < node.i)


def modified_by_place(token, index, rules: ClaimRules) -> bool:
    """True when a place modifies the common noun ``token``, directly or on a word compounded on it
    (``place_modifier``), and no possessive owns it."""
    if token.pos_ != "NOUN" or any(c.dep_ == "poss" for c in token.children):
        return False
    frontier = [token]
    while frontier:
        node = frontier.pop()
        for child in node.children:
            if child.dep_ in MODIFIER_DEPS:
                if place_modifier(child, token, index.mention_of(child), rules):
                    return True
                frontier.append(child)
    return False
