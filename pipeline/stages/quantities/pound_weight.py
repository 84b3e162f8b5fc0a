"""Whether an amount in the word "pound(s)" is a weight, by the evidence of its phrase (round 72), not money."""
from __future__ import annotations

from dataclasses import replace

from spacy.tokens import Doc, Token

from pipeline.stages.quantities.lexicon import Lexicon
from pipeline.stages.quantities.measures import si_map
from pipeline.stages.quantities.operands import Quantity

#: the unit a weighed pound gets (pint's avoirdupois pound) and the SI unit of a mass in brackets after it
_LB, _MASS_SI = "lb", "kg"
#: amounts of this size or more counted in an "of" phrase are money ("1 billion pounds of goods")
_OF_MAX = 1e9
_MODIFIER_DEPS = frozenset({"compound", "amod", "nmod", "npadvmod", "nummod"})
_VERB_POS = frozenset({"VERB", "AUX"})
_NOUN_POS = frozenset({"NOUN", "PROPN"})
_PATH_POS = frozenset({"VERB", "AUX", "ADJ", "ADV"})


def weigh_pounds(found: list[tuple[Quantity, str | None]], doc: Doc, lex: Lexicon
                 ) -> list[tuple[Quantity, str | None]]:
    """``found`` with each amount in the bare word "pound(s)" whose phrase shows a weight made a measure in "lb", its
    ``unit_rule`` the evidence ("pound_weight_word", ...); every other amount as it was ("£5", "pounds sterling", a
    London page's "5 billion pounds")."""
    out = []
    for q, approx in found:
        evidence = _evidence(q, doc, lex, found) if _bare_pound(q, doc, lex) else None
        out.append((replace(q, kind="measure", unit=_LB, unit_rule=evidence) if evidence else q, approx))
    return out


def _bare_pound(q: Quantity, doc: Doc, lex: Lexicon) -> bool:
    """True for money written with the bare word "pound(s)" (the shared marker), not a symbol, a code or a name."""
    return q.kind == "money" and q.unit in lex.shared_markers and doc[q.end - 1].lower_ in lex.pound_words


def _evidence(q: Quantity, doc: Doc, lex: Lexicon, found: list[tuple[Quantity, str | None]]) -> str | None:
    """The first evidence of a weight in the amount's phrase, as its ``unit_rule`` value, or None."""
    pound = doc[q.end - 1]
    if _mass_after(q, doc, lex, found):
        return "pound_mass_conversion"
    scaled = q.scaled or q.factor > 1.0
    if not scaled and _weight_word(pound, lex):
        return "pound_weight_word"
    head = pound.head
    if (not scaled and pound.dep_ in _MODIFIER_DEPS and head.i > pound.i and head.pos_ in _NOUN_POS
            and head.lemma_.lower() not in lex.pound_money_heads):
        return "pound_compound"  # "a 70-pound catfish", not "a 5-pound note"
    if q.end < len(doc) and doc[q.end].lower_ == "of" and abs(q.high or 0) < _OF_MAX:
        things = [t for t in doc[q.end].children if t.dep_ == "pobj" and t.pos_ in _NOUN_POS]
        if things and things[0].lemma_.lower() not in lex.pound_money_heads:
            return "pound_of_thing"  # "5 pounds of beef", not "5 million pounds of investment"
    return None


def _mass_after(q: Quantity, doc: Doc, lex: Lexicon, found: list[tuple[Quantity, str | None]]) -> bool:
    """A mass in brackets right after the amount: "10.25 pounds (4.65 kilograms)", "144 pound (65,3 kg)"."""
    if q.end >= len(doc) or doc[q.end].text != "(":
        return False
    for other, _ in found:
        if other.start == q.end + 1 and other.kind == "measure" and other.unit:
            got = si_map(lex.pint_names.get(other.unit, other.unit))
            return got is not None and got[2] == _MASS_SI
    return False


def _weight_word(pound: Token, lex: Lexicon) -> bool:
    """A weight word on the amount's path up to its clause's verb ("weighed 240 pounds", "four pounds heavier"), or a
    weight noun that verb governs, directly or through a preposition ("tipped the scales at 262 pounds")."""
    path = {pound.i, *(a.i for a in pound.ancestors)}
    for anc in pound.ancestors:
        if anc.pos_ in _PATH_POS and anc.lemma_.lower() in lex.weight_lemmas:
            return True  # "weighed 240 pounds", "four pounds heavier"; a noun never: "in light of 500 pounds"
        if anc.pos_ in _VERB_POS:
            # a weight noun beside the path, not on it ("in light of 500 pounds" is no weight)
            near = [c for c in anc.children if c.i not in path]
            near += [g for c in anc.children if c.dep_ == "prep"
                     for g in c.children if g.dep_ == "pobj" and g.i not in path]
            return any(t.pos_ in _NOUN_POS and t.lemma_.lower() in lex.weight_lemmas for t in near)
    return False
