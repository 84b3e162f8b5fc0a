"""Confidence: a 0-1 score for each claim row from the evidence that built it, so a user can trade recall for precision."""
from __future__ import annotations

import re

from pipeline.stages.claims.rules import ClaimRules
from pipeline.stages.claims.words import apostrophe

_DIGITS = re.compile(r"\d+")

#: a claim row at or above this confidence counts as high confidence (README, "Claims and their evidence")
HIGH_CONFIDENCE = 0.7


def hedge_of(head, rules: ClaimRules) -> str | None:
    """The word that hedges the claim headed by ``head`` ("may keep", "reportedly agreed"), or None.

    A modal or adverb of ``hedge_words`` on the head, or on the verb the head's clause
    is chained to ("is expected to rise" has none; "could be expected to rise" has one).
    """
    node = head
    for _ in range(3):
        for child in node.children:
            if child.dep_ in {"aux", "advmod"} and apostrophe(child.lower_) in rules.hedge_words:
                return child.lower_
        if node.dep_ not in {"xcomp", "ccomp"} or node.head.i == node.i:
            break
        node = node.head
    return None


def uncovered_number(text: str, covered: list[tuple[int, int]]) -> bool:
    """True when ``text`` holds a digit outside every ``covered`` (start, end) span of it.

    A figure the claim states but no value row holds ("a 9-3 vote", "FY25") means the
    row's values are likely incomplete.
    """
    return any(not any(start <= match.start() < end for start, end in covered) for match in _DIGITS.finditer(text))


def claim_confidence(rules: ClaimRules, *, subject_rule: str | None, has_values: bool, hedge: str | None,
                     clause_cut: bool, unattributed_quote: bool, unlinked_number: bool = False) -> float:
    """1 less the penalty of every weaker piece of evidence ([confidence] in configs/claims.toml), in [0, 1]."""
    weights = rules.confidence
    penalty = weights.get(f"subject.{subject_rule or 'none'}", 0.0)
    penalty += weights.get("unlinked_number", 0.0) if unlinked_number else 0.0
    penalty += 0.0 if has_values else weights.get("no_value", 0.0)
    penalty += weights.get("hedged", 0.0) if hedge else 0.0
    penalty += weights.get("clause_cut", 0.0) if clause_cut else 0.0
    penalty += weights.get("unattributed_quote", 0.0) if unattributed_quote else 0.0
    return round(max(0.0, 1.0 - penalty), 2)


def unresolved_confidence(rules: ClaimRules, confidence: float) -> float:
    """The confidence of a row whose subject mention reconciliation dropped."""
    return round(max(0.0, confidence - rules.confidence.get("unresolved", 0.0)), 2)
