"""Coordinated modifiers the parser read as a verb: "food and drink price rises have accelerated".

The small model often reads the second of two coordinated noun modifiers as a verb: in "food and
drink price rises have accelerated" (dev11 478_) and "Cholera and mpox outbreaks in various parts
of Africa have claimed" (dev11 472_) the clause's subject token is the first modifier ("food",
"Cholera"), "drink"/"mpox" a verb conjoined with it and "rises"/"outbreaks" that verb's object
(or, in "Cholera and measles outbreaks", a second conjunct of the subject); read as a noun, the
second modifier may still be given the head noun as its object. A noun subject
followed at once by "and" and such a verb, which has no subject or auxiliary of its own and
stands before the clause's verb, with the head noun's phrase opening right after it, is no
clause: the words from the subject to the head noun are one noun phrase, and that phrase, not
the first modifier (nor a name the modifier happens to be tagged with: "Cholera" as an ORG), is
what the claim is about (subject_rule ``coordination``).
"""
from __future__ import annotations

#: dependency labels that give a verb a clause of its own
_CLAUSE_DEPS = frozenset({"nsubj", "nsubjpass", "aux", "auxpass", "mark"})


def misread_coordination(token):
    """(first token, head noun) of the noun phrase a misread "N and V N" subject really is, else None."""
    if token.dep_ not in {"nsubj", "nsubjpass"} or token.pos_ not in {"NOUN", "PROPN"}:
        return None
    verb = token.head
    for conj in token.children:
        # the three words follow each other: "food and drink", never "the rate of food and drink inflation"
        # (a noun given an object is the same misreading: "Cholera and mpox/NOUN outbreaks/dobj")
        if conj.dep_ != "conj" or conj.i != token.i + 2 or conj.i >= verb.i or not (
                conj.pos_ == "VERB" or (conj.pos_ == "NOUN" and any(c.dep_ == "dobj" for c in conj.children))):
            continue
        if not any(c.dep_ == "cc" and c.i == token.i + 1 for c in token.children):
            continue
        if any(c.dep_ in _CLAUSE_DEPS for c in conj.children):
            return None
        # the head noun: the verb's object ("drink price rises"), or a second conjunct after it ("Cholera and
        # measles outbreaks", "measles" a verb and "outbreaks" conjoined with "Cholera")
        obj = next((c for c in conj.children if c.dep_ == "dobj"), None) or next(
            (c for c in token.children if c.dep_ == "conj" and c.i > conj.i), None)
        if obj is None or obj.pos_ != "NOUN" or obj.left_edge.i != conj.i + 1 or obj.i >= verb.i:
            return None
        return token.left_edge, obj
    return _modifier_conjunct(token, verb)


def _modifier_conjunct(token, verb):
    """(first token, head noun) when the parser joined a bare first modifier to the modified phrase, else None.

    "Mpox and cholera outbreaks escalated", "Surging meat and tea prices sent": the subject token is the first
    modifier and its conjunct the head noun with the second modifier compounded on it, right after "and". Read
    either way (the diseases' outbreaks, or the first thing and the second's outbreaks) the subject is the whole
    phrase, as the judgements name coordinated subjects ("Aircraft and aero engines", dev9 421_), never its first word.
    """
    if not any(c.dep_ == "cc" and c.i == token.i + 1 for c in token.children):
        return None
    head = next((c for c in token.children if c.dep_ == "conj" and c.i > token.i + 2), None)
    if head is None or head.pos_ != "NOUN" or head.left_edge.i != token.i + 2 or head.i >= verb.i \
            or not all(t.dep_ in {"compound", "amod", "nmod"} for t in head.doc[token.i + 2:head.i]):
        return None
    # a title before a name is no such phrase: "former Le Pen partner and Perpignan mayor Louis Aliot" (dev10 453_)
    following = head.doc[head.i + 1] if head.i + 1 < len(head.doc) else None
    if head.right_edge.i != head.i or (following is not None and following.pos_ == "PROPN"):
        return None
    return token.left_edge, head
