"""Which amounts convert one another: an amount in brackets right after another ("PKR 50 billion (about Rs 15,000 crore)")."""
from __future__ import annotations

from spacy.tokens import Doc

from pipeline.stages.quantities.operands import Quantity

#: brackets that open a conversion; at most this many lowercase words (a qualifier: "approx.", "about", "nearly")
#: may stand between the bracket and the amount
_OPENERS = frozenset({"(", "["})
_MAX_WORDS = 3


def _bracketed_after(doc: Doc, first: Quantity, second: Quantity) -> bool:
    """True if ``second`` opens a bracket right after ``first`` ends: "first (approx. second"."""
    gap = doc[first.end:second.start]
    if not len(gap) or gap[0].text not in _OPENERS:
        return False
    words = [t.text.rstrip(".") for t in gap[1:] if t.text != "."]  # "approx." may be one token or two
    return len(words) <= _MAX_WORDS and all(w.isalpha() and w.islower() for w in words)


def converted_units(doc: Doc, q: Quantity, amounts: list[Quantity]) -> set[str]:
    """The units of the amounts ``q`` converts or is converted by: a conversion is in another currency than the
    amount it converts (Indian outlets on Pakistan write "PKR 1 crore (nearly 31 lakh)"), so those units are not
    ``q``'s."""
    return {p.unit for p in amounts if p is not q and p.unit
            and (_bracketed_after(doc, p, q) or _bracketed_after(doc, q, p))}
