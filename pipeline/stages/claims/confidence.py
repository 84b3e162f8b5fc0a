"""Confidence: a 0-1 score for each claim row from the evidence that built it, so a user can trade recall for precision."""
from __future__ import annotations

import re

from pipeline.stages.claims.rules import ClaimRules
from pipeline.stages.claims.words import apostrophe

_DIGITS = re.compile(r"\d+")

#: a claim row at or above this confidence counts as high confidence (README, "Claims and their evidence").
#: Kept at 0.75 by the calibration of issue 16 (pipeline/tools/calibrate.py): with the penalties derived on
#: fourteen dev halves and scored on the fifteenth, 0.75 keeps 516/559 left-out rows right (0.923, 40% of the
#: 1400 judged dev rows); 0.7 keeps 646/702 (0.920, no margin over the 92% aimed at), 0.8 422/449 (0.940, 32%).
#: The line was not moved, so the left-out figure holds no choice of its own (first set: the lowest line at
#: which the dev half reached 90% right)
HIGH_CONFIDENCE = 0.75


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


def claim_evidence(*, subject_rule: str | None, has_values: bool, hedge: str | None, clause_cut: bool,
                   unattributed_quote: bool, unlinked_number: bool = False, quoted: bool = False,
                   nested_report: bool = False, several_clauses: bool = False, value_below: bool = False,
                   value_in_modifier: bool = False,
                   long_sentence: bool = False, verbless: bool = False, fronted_phrase: bool = False,
                   vague_time: bool = False, subordinate_clause: bool = False, figure_subject: bool = False,
                   unused_report: bool = False, graded_subject: bool = False, release_day: bool = False,
                   absolute_clause: bool = False, relative_values: bool = False,
                   sized_kind: bool = False, dash_aside: bool = False,
                   contrast_clause: bool = False) -> list[str]:
    """The names of the evidence classes behind a claim row, in a fixed order (keys of ``[confidence]``).

    The subject rule is always named (``subject.name`` costs nothing); every other name is a
    weaker piece of evidence present on the row. The last five are signs of risk read off the
    parse (``risk``), named so that a row shows which of them cost it its confidence; ``release_day`` (free) says
    that a day of someone else's statement was left out of the row's values; ``absolute_clause`` (free) that the row
    holds the figures of an absolute participle clause, which makes no row of its own (``clauses.bare_participle``);
    ``relative_values`` (free) that the row's only figures were a relative clause's on another noun, left to that
    clause's own row (``values.relative_clause_values``), so the row states no value of its own; ``sized_kind`` (free)
    that a size naming a kind of counted thing ("1.96 million 20-foot containers") was left out of its values (``kinds``);
    ``dash_aside`` (free) that a duration in a dash aside after the claim's own figure ("gained 28 percent -- its best
    performance in eight years") was left out of its values (``asides``); ``contrast_clause`` (free) that the values of
    a "while" clause with a subject of its own ("2,799 stocks advanced, while 1,413 declined") were (``contrasts``).
    """
    flags = (("unlinked_number", unlinked_number), ("no_value", not has_values), ("hedged", bool(hedge)),
             ("clause_cut", clause_cut), ("unattributed_quote", unattributed_quote), ("quoted", quoted),
             ("nested_report", nested_report), ("several_clauses", several_clauses), ("value_below", value_below),
             ("value_in_modifier", value_in_modifier),
             ("long_sentence", long_sentence), ("verbless", verbless), ("fronted_phrase", fronted_phrase),
             ("vague_time", vague_time), ("subordinate_clause", subordinate_clause),
             ("figure_subject", figure_subject), ("unused_report", unused_report),
             ("graded_subject", graded_subject), ("release_day", release_day),
             ("absolute_clause", absolute_clause), ("relative_values", relative_values),
             ("sized_kind", sized_kind), ("dash_aside", dash_aside),
             ("contrast_clause", contrast_clause))
    return [f"subject.{subject_rule or 'none'}", *(name for name, present in flags if present)]


def claim_confidence(rules: ClaimRules, evidence: list[str]) -> float:
    """1 less the penalty of every piece of ``evidence`` ([confidence] in configs/claims.toml), in [0, 1]."""
    penalty = sum(rules.confidence.get(name, 0.0) for name in evidence)
    return round(max(0.0, 1.0 - penalty), 2)


def unresolved_confidence(rules: ClaimRules, confidence: float) -> float:
    """The confidence of a row whose subject mention reconciliation dropped."""
    return round(max(0.0, confidence - rules.confidence.get("unresolved", 0.0)), 2)
