"""Nameless subjects the text states: a bare generic phrase, a noun the parser made the sentence's root.

Neither may be replaced by a guess: a generic phrase is never the article's topic ("Energy
costs provided much of the near-term relief" is no fact about the United States; with no value
and no named subject the sentence makes no row, ``facts.fact_subject``), and a root noun is the
subject's own words (``noun_root``), never the nearest name in the clause ("The findings ...
draw on a Nature Medicine study" is not about the journal). Claims round 50 (issue 16).
"""
from __future__ import annotations

from pipeline.stages.claims.words import fold, name_words

#: the children that make a noun phrase point at one thing: an article or demonstrative, an owner, a count
_POINTING_DEPS = frozenset({"det", "poss", "nummod", "predet"})
#: the premodifiers that qualify a bare noun into a kind of thing ("Energy costs", "sea ice", "warmer air")
_KIND_DEPS = frozenset({"compound", "amod", "nmod"})
#: finite verb tags; a bare "VB" counts only with no "to" or modal before it (``_finite``)
_FINITE_TAGS = frozenset({"VBZ", "VBP", "VBD"})
#: the attachments the parser gives a finite verb it failed to see as the root's verb
_MISREAD_DEPS = frozenset({"acl", "pobj", "amod", "appos"})


def generic_phrase(token, topic: dict | None) -> bool:
    """True for a bare common noun subject that names a kind of thing, not the topic: "Energy costs", "sea ice".

    No article, demonstrative, owner or count points it at one thing spoken of, and a noun or
    adjective before it qualifies it into a kind, so it describes no actor the article is about ("Year-to-date regional import data shows
    strong growth", dev12 495_; "Typically, sea ice grows", dev10 455_; "several market
    heavyweights such as Apple and Microsoft fell", dev6 375_). A word of the topic's own
    name ("Walgreens will become a private entity", a name the entity stage missed) is
    the topic, not a kind.
    """
    if token.pos_ != "NOUN" or token.tag_ not in {"NN", "NNS"}:
        return False
    if any(child.dep_ in _POINTING_DEPS for child in token.children):
        return False
    if not any(child.dep_ in _KIND_DEPS and child.i < token.i for child in token.children):
        # a lone bare noun may point back to the matter just told ("Officials on both sides confirmed that
        # discussions will focus on ...", the seeds' UK-EU talks): only a qualified one names a kind
        return False
    return topic is None or not (name_words(token.text) & name_words(topic["text"]) or fold(token.text) == fold(
        topic["text"]))


def _finite(verb) -> bool:
    """True for a verb form that can head a clause of its own: a tensed form, or a bare form with no "to" or modal."""
    if verb.tag_ in _FINITE_TAGS:
        return True
    return verb.tag_ == "VB" and not any(child.dep_ == "aux" for child in verb.children)


def rooted_noun(token):
    """The noun the parser made its sentence's root when a finite verb hangs on it as a modifier, else None.

    "The announcement by the Malawi Electoral Commission (MEC) on Wednesday evening marks
    Mutharika's return" (dev10 449_: "marks" read as an object of "on") and "The findings,
    published to coincide with World Cancer Day ..., draw on a Nature Medicine study"
    (dev12 501_: "draw" read as a participle) state their subject: the root noun phrase,
    whose verb has no subject of its own. A proper noun root is left to the name rules.
    """
    root = token.sent.root
    if root.pos_ != "NOUN" or root.dep_ != "ROOT":
        return None
    for verb in root.subtree:
        hung = verb.head.i == root.i or (verb.head.dep_ == "prep" and verb.head.head.i == root.i)
        if verb.i > root.i and hung and verb.pos_ == "VERB" and verb.dep_ in _MISREAD_DEPS and _finite(verb) \
                and not any(child.dep_ in {"nsubj", "nsubjpass"} for child in verb.children):
            return root
    return None
