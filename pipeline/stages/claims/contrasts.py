"""Clauses of contrast: the figures of a "while" clause with a subject of its own are that subject's, not the claim's."""
from __future__ import annotations

from collections.abc import Sequence

from pipeline.stages.claims.rules import ClaimRules

#: Penn tags of a subject that only points back ("while it was closed on Friday": the claim's own subject again)
_POINTING_TAGS = frozenset({"PRP", "EX", "DT", "WP"})


def _other_subject(verb, rules: ClaimRules):
    """The subject of ``verb`` when it opens a clause of contrast about another thing than the claim's, else None.

    The clause is opened by a subordinator of ``parallel_marks`` ("while", "whereas") and has a nominal subject of its
    own, not a pronoun (it points back: "while it was closed on Friday" is the claim subject's own time).
    """
    if not any(child.dep_ == "mark" and child.lower_ in rules.parallel_marks for child in verb.children):
        return None
    subjects = [child for child in verb.children if child.dep_ in rules.subject_deps]
    if not subjects or subjects[0].tag_ in _POINTING_TAGS:
        return None
    return subjects[0]


def contrast_clause_values(group: Sequence[tuple[dict, object]], head, rules: ClaimRules
                           ) -> tuple[list[tuple[dict, object]], list[tuple[dict, object]]]:
    """One claim's values split into (its own, those inside a clause of contrast with another subject under ``head``).

    ``head`` is the clause the claim's subject is read from (the main clause when the sentence makes one claim).

    "A total of 2,799 stocks advanced, while 1,413 declined" (dev9 428_), "The stockpile of copper in the US has
    tightened markets elsewhere, while mine disruptions have caused many analysts to forecast deficits next year"
    (dev12 498_), "Lai ... faces a possible life sentence ..., while the sedition conviction carries a maximum two-year
    term" (dev15 599_): a "while" or "whereas" clause with a subject of its own states that subject's fact beside the
    claim (as the parser's cut clauses already make a row of their own: "the CAC 40 has climbed 10% while the DAX 40
    is up 22%"), so its figures and dates are not the claim's (claims round 76; evidence ``contrast_clause``). As a
    relative clause's or a concession's (``values.concessive_values``), they are set aside only beside a value of the
    claim's own: a claim left with none keeps them, as the older halves' judges linked them ("Poland is a key ally ...,
    while neighboring Ukraine is struggling with the Russian invasion that began in 2022", dev 037_; dev4 326_, dev6
    379_, dev 003_), so 498_'s and 599_'s sentences keep theirs. A value of a claim whose own head lies in the clause stays, and so does one under a
    clause whose subject is a pronoun. (A clause the parser reads as a claim of its own, "the CAC 40 has climbed 10%
    while the DAX 40 is up 22%", "Full-year revenue ... totaled $130.5bn, while Q4 2025 revenue totaled $39.3bn", is
    cut into rows of its own before this and keeps its values.)
    """
    own, aside = [], []
    for row, token in group:
        node, inside = token, False
        while node.i != head.i and node.head.i != node.i:
            if node.pos_ in {"VERB", "AUX"} and _other_subject(node, rules) is not None:
                inside = True
                break
            node = node.head
        (aside if inside else own).append((row, token))
    return (own, aside) if own else (list(group), [])
