"""Tense: which way the governing verb points an expression (past, future or unknown)."""
from __future__ import annotations

from pipeline.stages.dates.grammar import _Grammar
from pipeline.stages.dates.shapes import _Unit, _key


def direction(doc, units: list[_Unit], g: _Grammar, i: int, j: int) -> int:
    """-1 when the governing verb puts the expression in the past, +1 future, 0 unknown."""
    toks = sorted({u.tok for u in units[i:j] if u.code != "|"})
    if not toks:
        return 0
    inside = set(toks)
    outside = (doc[t] for t in toks if doc[t].head.i not in inside or doc[t].head.i == t)
    head = next(outside, doc[toks[0]])
    if head.dep_ == "poss" or any(c.dep_ == "case" for c in head.children):
        return 0  # "Friday's meeting": nothing says which Friday
    tok = head
    for _ in range(8):
        if tok.i not in inside:
            if tok.lower_ in g.past_preps:
                return -1
            if tok.lower_ in g.future_preps:
                return 1
            if tok.lower_ in g.neutral_preps and tok.dep_ == "prep":
                # a deadline lies on either side of a past event ("talked of a plan by June") but after a
                # future one ("will double its flights by August")
                if tok.lower_ in g.deferral_preps and _verb_lemma_above(tok) in g.deferral_lemmas:
                    return 1  # "postponed until Tuesday": what is put off lies ahead of the putting off
                return 1 if _verb_above(tok, g) > 0 else 0
            if tok.pos_ == "ADJ" and tok.lower_ in g.future_adjectives:
                return 1
            if tok.pos_ in ("VERB", "AUX"):
                return _verb_tense(tok, g, 2)
        if tok.head.i == tok.i:
            break
        tok = tok.head
    return 0


def _verb_tense(v, g: _Grammar, depth: int) -> int:
    """-1 past, +1 future, 0 unknown: what verb ``v`` says through its auxiliaries, tags and complements."""
    aux = [c for c in v.children if c.dep_ in ("aux", "auxpass")]
    if any(_key(a.text) in g.perfect_modals for a in aux) and any(a.lemma_ == "have" for a in aux):
        return -1  # "could have been responsible for a drop on Wednesday": a modal perfect speaks of the past
    if any(_key(a.text) in g.future_aux for a in aux):
        return 1
    if v.lemma_ in g.future_cues:
        # "is expected on Monday" points ahead; "promised a hike in March" only says
        # the hike comes after the promise, which may itself lie before the anchor, and
        # "was proposed in March" dates the proposal itself ("has been scheduled for
        # Thursday" still points ahead)
        return 0 if v.tag_ == "VBD" or any(a.tag_ == "VBD" for a in aux) else 1
    complements = (c for c in v.children if c.dep_ in ("acomp", "attr", "xcomp", "oprd") and c.tag_ != "VBD")
    if any(c.lemma_ in g.future_cues for c in complements):
        return 1
    if any(a.tag_ == "TO" for a in aux):
        h = v.head
        if h.i != v.i and depth > 0:
            if h.lemma_ in g.future_cues or h.lemma_ == "be":
                # "had been scheduled to expire Friday", "planned to pay on Friday": a plan made in the past
                # says no more than "was proposed in March" does
                return 0 if _past_plan(h) else 1
            if h.pos_ in ("VERB", "AUX") and _verb_tense(h, g, depth - 1) < 0:
                return -1
        return 1
    if v.tag_ == "VBD":
        return -1
    if any(a.tag_ == "VBD" for a in aux) or any(a.lemma_ == "have" for a in aux):
        return -1
    if v.tag_ == "VBN":
        return 0 if any(a.tag_ in ("VBZ", "VBP") for a in aux) else -1
    if v.tag_ == "VBG" and any(a.tag_ in ("VBZ", "VBP") for a in aux):
        return 1
    return 0



def _verb_above(tok, g: _Grammar) -> int:
    """What the first verb above ``tok`` says (-1 past, +1 future, 0 unknown or none)."""
    for _ in range(6):
        if tok.head.i == tok.i:
            return 0
        tok = tok.head
        if tok.pos_ in ("VERB", "AUX"):
            return _verb_tense(tok, g, 2)
    return 0


def _verb_lemma_above(tok) -> str | None:
    """The lemma of the first verb above ``tok`` (None when there is none within six heads)."""
    for _ in range(6):
        if tok.head.i == tok.i:
            return None
        tok = tok.head
        if tok.pos_ in ("VERB", "AUX"):
            return tok.lemma_
    return None


def _past_plan(h) -> bool:
    """True when the plan word ``h`` ("scheduled", "due", "planned") is itself in the past tense ("had been scheduled",
    "was due", "planned"), its own or through the verb it complements."""
    words = [h, h.head] if h.dep_ in ("acomp", "attr", "oprd") else [h]
    return any(w.tag_ == "VBD" or any(a.tag_ == "VBD" for a in w.children if a.dep_ in ("aux", "auxpass")) for w in words)
