"""The article's own entity of a description's kind, which a description beats a passing mention to (claims round 78)."""
# "D66 won the most votes ... D66 can no longer be overtaken by the far-right Freedom Party (PVV) ... D66 is now
# expected to ... The party secured around 18%" (dev4 326_): the name headed "Party" two sentences back is a
# passing mention; "the Monetary Policy Board of the Bank of Korea (BOK) held ... the BOK has stressed ... the
# central bank began" (dev12 499_), "The S&P 500 rose ... The Nasdaq Composite rose 0.2%. It's 1.4% off ... The
# index's best performance came from Nike" (dev3 320_): a reader takes "the party", "the central bank", "the
# index" for the article's own party, bank or index, the one it names most, not the one named once in between.
# A name in the description's own sentence or the one right before is what the description continues ("the
# biggest winner was the right-wing populist AfD ... The party is now set to", dev 008_): left alone.
from __future__ import annotations

import re

from pipeline.stages.claims.words import fold

#: ``subject_rule`` of a description the article's own entity of its kind decided (README "Claims and their evidence")
TOPIC_RULE = "description_topic"

# "Bank of Korea (BOK)", "Freedom Party (PVV)": a name and the short form bracketed right after it are one entity
_BRACKET_GAP = re.compile(r"\s*[(\[]\s*$")


def _key(text: str) -> str:
    words = fold(text).split()
    return " ".join(words[1:] if words and words[0] == "the" else words)


def _modifier(index, start: int, end: int) -> bool:
    """True for a name that only modifies a noun as an adjective ("Dutch centrist party"): no antecedent of a party."""
    span = index.doc.char_span(start, end, alignment_mode="expand")
    return span is None or span.root.pos_ == "ADJ" or span.root.dep_ == "amod"


def _counts(index, body: int, labels: frozenset[str], before: int) -> tuple[dict[str, int], dict[str, dict], dict]:
    """Mentions per entity of ``labels`` in the body (one key per name, a bracketed short form joined to its name),
    the latest mention of each before ``before``, and the key of every mention row (by ``id``)."""
    parent: dict[str, str] = {}

    def root(key: str) -> str:
        while parent.get(key, key) != key:
            key = parent[key]
        return key

    text = index.article.text
    rows = [(start, end, row) for start, end, row in index.mentions
            if row["label"] in labels and start >= body and not index.in_boilerplate(start) and not _modifier(index, start, end)]
    for (start, end, row), (nstart, nend, _) in zip(rows, rows[1:]):
        if _BRACKET_GAP.match(text[end:nstart]) and text[nend:nend + 1] in {")", "]"}:
            parent[root(_key(text[nstart:nend]))] = root(_key(text[start:end]))
    counts: dict[str, int] = {}
    latest: dict[str, dict] = {}
    key_of: dict = {}
    for start, end, row in rows:
        key = root(_key(text[start:end]))
        counts[key] = counts.get(key, 0) + 1
        key_of[id(row)] = key
        if end <= before:
            latest[key] = row
    return counts, latest, key_of


def _named_before(index, sentence, top: str, key_of: dict, rules) -> bool:
    """True when ``sentence`` names something other than the topic ``top`` (no place, no adjectival name)."""
    for start, end, row in index.mentions:
        if not sentence.start_char <= start < sentence.end_char:
            continue
        if row["label"] in rules.place_labels or _modifier(index, start, end):
            continue
        if key_of.get(id(row), _key(index.article.text[start:end])) != top:
            return True
    return False


def topic_antecedent(token, found: dict, coreference) -> dict | None:
    """The article's most-named entity of the description's kind, when it beats ``found``; else None.

    ``token`` is the subject a description rule (``definite``, ``description``) resolved to ``found``; an owned
    noun's possessor is the description ("The index's best performance"). It applies when the description's noun
    is of ``description_nouns`` with no person label, ``found`` stands outside the description's sentence and the
    one before, and another entity of the noun's labels named before the description is named in the body more
    often than any other named before it, at least twice.
    """
    rules, index = coreference.rules, coreference.index
    if coreference.owns(token):
        token = next((c for c in token.children if c.dep_ == "poss"), token)
    labels = rules.description_nouns.get(token.lemma_.lower()) or rules.description_nouns.get(token.lower_)
    if not labels or labels & rules.person_labels or found.get("label") not in labels:
        return None
    position = index.sentence_of[token.i]
    local = found["start"] - index.article.start
    if index.sentence_index(local) >= position - 1:
        return None
    counts, latest, key_of = _counts(index, coreference.body, labels, token.idx)
    ranked = sorted(((counts[key], key) for key in latest), reverse=True)
    if not ranked or ranked[0][0] < 2 or (len(ranked) > 1 and ranked[1][0] == ranked[0][0]):
        return None
    top = ranked[0][1]
    if key_of.get(id(found)) == top or counts.get(key_of.get(id(found)), 0) >= ranked[0][0]:
        return None
    # another name just before ("it did not help that Tesla went into reverse. The electric vehicle maker", dev3
    # 319_, where the entities stage read Tesla as a nationality) is a fresh actor the description may continue
    if position and _named_before(index, index.sentences[position - 1], top, key_of, rules):
        return None
    return latest[top]
