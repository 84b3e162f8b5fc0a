"""A list the parser broke off its preposition and read as a second subject: "Rates for adult men (3.8%), adult
women (4.0%), and major racial and ethnic groups showed little monthly movement" (dev13 550_, a US jobs report).

The small model reads the list's first member as the preposition's object ("for adult men") and the rest as a
subject of its own, coordinated ("adult women ..., and ... groups"), so the verb gets two subjects; ``own_subject``
then takes the one next before the verb, a list member, for the head of the phrase ("Rates"). Such a second subject
opens right after a comma, heads a coordination ("and ... groups") and follows the first subject's own prepositional
phrase with nothing between but that phrase and commas: no dash or colon, which would mark a dateline ("LONDON,
March 2 — The British government announced", dev13 552_) or a lead-in ("A particularly alarming finding concerns the
period 2023–2025: for the first time, a three-year average has exceeded"). The second subject is a common noun: a
name with a comma inside ("A report from global outplacement firm Challenger, Gray & Christmas said", dev3 319_, which
the bare model parses so) is no list member. Then the first subject heads the phrase (claims round 65).
"""
from __future__ import annotations

#: marks that end a lead-in or a dateline, never the inside of a list
_BREAKS = frozenset({"—", "–", "-", "--", ":", ";"})


def broken_list(first, last) -> bool:
    """True when ``last``, a second subject of the same verb after ``first``, is the rest of a list hung on
    ``first``'s preposition: a common noun that opens after a comma and heads a coordination, with only ``first``'s
    prepositional phrase and commas between the two."""
    doc = last.doc
    start = last.left_edge.i
    if last.pos_ != "NOUN" or start <= first.i + 1 or doc[start - 1].text != "," \
            or not any(c.dep_ == "conj" for c in last.children):
        return False
    between = doc[first.i + 1:start]
    if any(token.text in _BREAKS for token in between):
        return False
    return between[0].dep_ == "prep" and between[0].head.i == first.i \
        and all(token.i in range(between[0].left_edge.i, between[0].right_edge.i + 1) or token.is_punct
                for token in between)
