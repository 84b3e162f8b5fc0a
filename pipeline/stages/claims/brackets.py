"""A subject phrase the parser cut at a bracket inside it (claims round 57, issue 16).

"The personal consumption expenditures (PCE) price index increased by 2.1 percent", "The Ftse ( Financial
Times Stock Exchange) 100 stock market index has closed above 10,000 points": the parser reads the words
before the bracket as a second subject of the same verb, and the noun chunk of the head starts at the
bracket, so the phrase came out as "(PCE) price index" or "100 stock market index". The sign on the parse
is that pair: a verb with two subjects side by side, nothing between the first's phrase and the second's
but one bracketed group with no verb in it. The phrase then starts where the first subject's words start
(``subject_rule`` ``bracket_phrase``). A bracket after the head ("Real gross domestic product (GDP) in the
United States grew", "Texas (11.6 GW) and California (2.9 GW) will account") is no such pair and is left.
"""
from __future__ import annotations

SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass"})
#: the longest bracketed group read as part of the phrase (an acronym, a ticker, a name spelt out)
MAX_INSIDE = 6


def bracket_start(token):
    """The first word of the phrase of ``token`` when a bracket cut it from a subject before it, else None."""
    if token.dep_ not in SUBJECT_DEPS:
        return None
    doc = token.doc
    before = [t for t in token.head.children if t.dep_ in SUBJECT_DEPS and t.i < token.i]
    if len(before) != 1:
        return None
    other = before[0]
    first = other.left_edge
    if other.i >= token.left_edge.i or first.i > other.i:
        return None
    span = doc[first.i:token.i]
    opening = [t.i for t in span if t.text == "("]
    closing = [t.i for t in span if t.text == ")"]
    if len(opening) != 1 or len(closing) != 1 or not 0 < closing[0] - opening[0] - 1 <= MAX_INSIDE:
        return None
    inside = doc[opening[0] + 1:closing[0]]
    outside = [t for t in span if not opening[0] <= t.i <= closing[0]]
    # one name spelt out, an acronym or a ticker in the bracket; the words around it one noun phrase, no gap
    if any(t.pos_ in {"VERB", "AUX"} or t.is_punct for t in inside) \
            or any(t.is_punct or t.pos_ in {"VERB", "AUX", "ADP", "CCONJ", "SCONJ", "PRON"} for t in outside):
        return None
    return first
