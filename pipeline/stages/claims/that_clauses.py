"""A "that" clause holding all of a claim's values, under a verb no lexicon reads as reporting (claims round 77).

"The European Commission has found that, at least since 2014, Google has abused such a dominant position" (dev14
553_) and "The agency highlighted that mpox response efforts are showing positive results, with both confirmed and
suspected cases declining steadily in recent weeks" (dev11 472_): the verb's own subject only reports what its
"that" clause states, as "X said that ..." does (the judges' convention of the reported clause) and as a ruling
verb's clause does (``misread.verdict_clause``, claims round 62: "Mehta concluded that the government's proposed
divestitures went ...", dev4 332_). The parse says so without a word list: a clausal complement (``ccomp``) opened
by "that" (``mark``) with a noun subject of its own, and every value of the claim inside that clause. The verbs
the other lexicons already read are left to them (``speech_verbs``, ``verdict_verbs``, ``content_verbs``), and so
are the verbs whose clause is a state of mind or an opinion, not a fact (``attitude_lemmas``, ``opinion_verbs``),
and a negated verb ("Kipruto didn't realise that Mutiso made a last-minute sprint", dev2 310_: its value is
Kipruto's, outside the clause). ``subject_rule`` ``that_clause``; the verb's subject is the speaker.
"""
from __future__ import annotations

from pipeline.stages.claims.grammar import VERBAL, own_subject

NOUNS = frozenset({"NOUN", "PROPN"})


def that_clause(verb, group, rules):
    """(the "that" clause's subject noun, its verb) when ``verb``'s "that" clause holds all of ``group``'s values."""
    lemma = verb.lemma_.lower()
    if verb.pos_ not in VERBAL or not group or own_subject(verb, rules) is None \
            or lemma in rules.speech_verbs | rules.verdict_verbs | rules.content_verbs | rules.attitude_lemmas \
            | rules.opinion_verbs or any(child.dep_ == "neg" for child in verb.children):
        return None
    for clause in verb.children:
        if clause.dep_ != "ccomp" or clause.pos_ not in VERBAL \
                or not any(child.dep_ == "mark" and child.lower_ == "that" for child in clause.children):
            continue
        subject = next((child for child in clause.children if child.dep_ in {"nsubj", "nsubjpass"}), None)
        low, high = clause.left_edge.i, clause.right_edge.i
        if subject is not None and subject.pos_ in NOUNS and all(low <= token.i <= high for _, token in group):
            return subject, clause
    return None


def that_words(noun, words: str) -> str:
    """``words`` (the phrase of the clause's subject ``noun``) led by the nouns the parser hung on "that" right before it.

    "highlighted that mpox response efforts are showing": "mpox" was read as the object of "that", a determiner,
    and the phrase came out as "response efforts"; those nouns belong to it.
    """
    doc, first = noun.doc, noun.left_edge.i
    start = first
    while start > 0 and doc[start - 1].pos_ in NOUNS and doc[start - 1].head.lower_ == "that" \
            and doc[start - 1].head.i < start - 1:
        start -= 1
    if start == first or not words.startswith(doc[first].text):
        return words
    return f"{doc[start:first].text} {words}"
