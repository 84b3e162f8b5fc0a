"""A subject headed by a count word, kept with the "of" phrase saying what it counts (claims round 74, issue 16).

"the number of towns and subdistricts primarily affected has also decreased from three to two", "A total of 30,000
apprenticeship and 14,000 graduated roles are expected to be supported": a count word (``count_nouns``: "number",
"total") says only that something is counted; the noun chunk stops at it, so the subject came out as "the number" or
"A total". The phrase is read on to the end of its "of" phrase: the counted noun, its prepositions ("of people on
payroll", "of daily new cases across Foshan") and a second noun joined by "and", whether the parser hung it on the
count word or made it a second subject of the verb; it stops at a participle or relative clause ("primarily affected",
"admitted to hospitals this year"), a comma, a date and any phrase hung on the count word itself ("as a whole")
(``subject_rule`` ``count_phrase``, ``subject_mention_id`` empty). A count word with an owner or name of its own is
no different ("the telco's total number of wireline broadband customers"); "the number" with no "of" phrase, "a
number of analysts" as an object and counts in figures ("30,000 of them") are left to the other rules.
"""
from __future__ import annotations

from pipeline.stages.claims.rules import ClaimRules

#: words before the count word that belong to its phrase ("the", "total", "telco's", "daily")
HEAD_MODIFIERS = frozenset({"det", "amod", "compound", "poss", "nummod", "nmod", "quantmod", "predet"})
#: a prepositional phrase naming a time is when, not what is counted ("the number of cases in January")
TIME_TYPES = frozenset({"DATE", "TIME"})


def _end(noun) -> int:
    """The index of the last word of ``noun``'s phrase read on through its prepositions and a conjoined noun."""
    end = noun.i
    for child in noun.rights:
        if child.i != end + 1:
            break
        if child.dep_ == "prep":
            target = next((c for c in child.children if c.dep_ == "pobj"), None)
            if target is None or target.ent_type_ in TIME_TYPES or target.left_edge.i != child.i + 1:
                break
            end = _end(target)
        elif child.dep_ == "cc":
            conj = next((c for c in noun.rights if c.dep_ == "conj" and c.i > child.i), None)
            if conj is None or conj.left_edge.i != child.i + 1 or conj.pos_ not in {"NOUN", "PROPN"}:
                break
            end = _end(conj)
            break
        else:
            break
    return end


def count_phrase(verb, words: str, article, phrase_of, rules: ClaimRules, skip: frozenset[int] = frozenset()) -> str | None:
    """The words of ``verb``'s count-word subject read on through its "of" phrase, when ``words`` are its cut phrase.

    ``phrase_of``: the token -> words function the phrase rule used (``fallbacks.phrase_text`` bound to the article),
    so that only a subject the phrase rule stated is read on; ``skip``: dateline words, no words of any phrase.
    """
    for token in verb.children:
        if token.dep_ not in {"nsubj", "nsubjpass"} or token.pos_ != "NOUN" \
                or token.lemma_.lower() not in rules.count_nouns or phrase_of(token) != words:
            continue
        of = next((c for c in token.rights if c.dep_ == "prep" and c.lower_ == "of"), None)
        target = next((c for c in of.children if c.dep_ == "pobj"), None) if of is not None else None
        if of is None or of.i != token.i + 1 or target is None or target.pos_ not in {"NOUN", "PROPN"} \
                or target.left_edge.i != of.i + 1:
            return None
        end = _end(target)
        doc = token.doc
        # a noun joined by "and" that the parser hung on the count word ("the number of towns and subdistricts") or
        # made a second subject of the verb ("A total of 30,000 apprenticeship and 14,000 graduated roles")
        joined = [c for c in (*token.rights, *verb.children) if c.i > end + 1 and c.pos_ in {"NOUN", "PROPN"}
                  and (c.dep_ == "conj" and c.head.i == token.i or c.dep_ in {"nsubj", "nsubjpass"})
                  and c.left_edge.i == end + 2 and doc[end + 1].dep_ == "cc"]
        if joined:
            end = _end(joined[0])
        first = min((child.left_edge for child in token.lefts if child.dep_ in HEAD_MODIFIERS),
                    key=lambda t: t.i, default=token)
        while first.i in skip and first.i < token.i:
            first = doc[first.i + 1]
        last = doc[end]
        return " ".join(article.text[first.idx:last.idx + len(last)].split()) or None
    return None
