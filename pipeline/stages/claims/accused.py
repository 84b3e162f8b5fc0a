"""The one an accusation names: a charge reported about its object is the object's claim (claims round 72, issue 16).

"Prosecutors accused Combs of orchestrating a years-long scheme" (dev14 554_), "US Treasury Secretary Scott Bessent
has accused India of “profiteering” by reselling Russian oil" (dev15 596_) and "Prosecutors accused Lai of
orchestrating efforts to seek foreign sanctions" (dev15 599_): the accuser only reports what the accused is said to
have done, as "X said that ..." reports its clause. An active verb of ``accusation_verbs`` with a subject of its own,
a noun or pronoun direct object after it and a phrase of ``accusation_preps`` after that object gives the claim to
the object; the accuser is the speaker (``subject_rule`` ``accused_party``). "Combs was accused of ..." already has
the accused as its subject; "The bank charged customers a fee" and "The jury acquitted Combs of ..." accuse no one.
"""
from __future__ import annotations

from pipeline.stages.claims.grammar import own_subject

OBJECTS = frozenset({"NOUN", "PROPN", "PRON"})


def accused_party(verb, rules):
    """(the accused noun, the accusing verb) when ``verb`` accuses its direct object of something, else None."""
    if verb.pos_ != "VERB" or verb.lemma_.lower() not in rules.accusation_verbs:
        return None
    subject = own_subject(verb, rules)
    if subject is None or subject.dep_ != "nsubj":
        return None
    accused = next((c for c in verb.children if c.dep_ == "dobj" and c.i > verb.i), None)
    if accused is None or accused.pos_ not in OBJECTS or accused.like_num:
        return None
    charged = any(c.dep_ == "prep" and c.i > accused.i and c.lower_ in rules.accusation_preps
                  and any(t.dep_ in {"pobj", "pcomp"} for t in c.children) for c in verb.children)
    return (accused, verb) if charged else None
