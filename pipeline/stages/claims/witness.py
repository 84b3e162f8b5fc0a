"""A nameless event or time phrase that "sees" a clause: the claim is the clause's (claims round 64, issue 16).

"The result sees him lead Piastri by a single point" (dev7 403_: Norris's lead) and "The first half of the year
saw overall electricity demand rise 2.6%" (dev10 450_: the demand's rise): the verb ``see`` (``witness_verbs``)
only frames the fact, and the parser reads its object as a small clause (a ``ccomp`` whose bare infinitive, tag
``VB`` or ``VBP``, has a subject of its own and no "that"). When the framing subject is a common noun whose phrase names no entity, the
claim is about the small clause's subject: a name resolved as any subject is (its mention recorded in
``subject_mention_id``), else that phrase's own words, with ``subject_rule`` ``seen_clause``. A pronoun there is left
("sees him lead": a person pronoun goes to the last person named, Verstappen in 403_, a worse subject than the
phrase), so 403_ keeps "The result". A named framing
subject keeps its claim ("Labor saw large swings"), as does a noun object ("the month saw a slight increase of
2,000 jobs", "Solar power saw strong growth": no clause), a participle ("analysts see prices rising": an
expectation) and a relative "that saw" (its subject is a pronoun).
"""
from __future__ import annotations

SMALL_CLAUSE_DEPS = frozenset({"ccomp"})
# a bare infinitive; the small parser tags one after a plural noun as a present verb ("payments increase")
BARE_TAGS = frozenset({"VB", "VBP"})


def _within(token, head) -> bool:
    """True when ``token`` is in ``head``'s subtree (walks ``token``'s heads, no subtree set built)."""
    return token.i == head.i or head.is_ancestor(token)


def seen_subject(token, verb, index, rules):
    """The subject of the small clause a nameless ``token`` "sees" (``verb``), else None."""
    if verb.lemma_.lower() not in rules.witness_verbs or not _within(token, verb):
        return None
    framing = next((c for c in verb.children if c.dep_ in {"nsubj", "nsubjpass"} and c.i < verb.i), None)
    if framing is None or framing.pos_ != "NOUN" or not _within(token, framing):
        return None
    first, last = framing.left_edge, framing.right_edge
    if index.mentions_in(first.idx, last.idx + len(last.text)):
        return None
    clause = next((c for c in verb.children if c.dep_ in SMALL_CLAUSE_DEPS and c.i > verb.i
                   and c.tag_ in BARE_TAGS and not any(m.dep_ == "mark" for m in c.children)), None)
    if clause is None:
        return None
    return next((c for c in clause.children if c.dep_ == "nsubj" and c.i < clause.i
                 and c.pos_ in {"NOUN", "PROPN"}), None)

