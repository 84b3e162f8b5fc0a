"""Clauses that state an attempt or a trend kept up rather than an act: no row when they state no value."""
from __future__ import annotations

from pipeline.stages.claims.grammar import VERBAL, verb_lemma
from pipeline.stages.claims.rules import ClaimRules


def aims_only(verb, rules: ClaimRules) -> bool:
    """True when ``verb`` only tries, or goes on, doing what its infinitive complement says.

    "Throughout the campaign, the Liberals tried to frame the central ballot question as one of
    Canadian sovereignty", "T-Mobile US continues to strengthen its market position", "Bitcoin (BTC)
    continues to accelerate upward momentum" (dev 007_, dev 207_, dev13 546_, judged not a claim):
    an ``aim_verbs`` verb with an ``xcomp`` verb states an attempt or a trend, with nothing done to
    check. A complement that is a movement ("Prices continued to rise": ``change_nouns`` read as
    verbs) is one; so is a noun object with no complement ("The union is seeking pay"). The caller
    asks only of a clause that states no value (``facts.fact_claim``): a value keeps the claim.
    """
    if verb.pos_ not in VERBAL or verb_lemma(verb, rules) not in rules.aim_verbs:
        return False
    return any(child.dep_ == "xcomp" and child.pos_ in VERBAL and verb_lemma(child, rules) not in rules.change_nouns
               for child in verb.children)
