"""An owned noun with no owner of its own, in a clause joined to a named subject's (claims round 57, issue 16).

"Honda also eked out a gain for the year, but sales were still down 13% from the peak in 2017": Honda's
sales; "Italy held onto 10th place among the largest markets ..., even though volume dipped by 2.4%": Italy's
volume. A bare owned noun (``owned_nouns``, "volume" among them: no article, owner, modifier or phrase
of its own) heading a clause that the parser joins to the sentence's main clause (``conj``, ``advcl``) is the
measure of that clause's named subject, and the row names it (``subject_rule`` ``clause_owner``, the name's
mention in ``subject_mention_id``). The main clause's subject must be a name itself: "Exports decreased 1.2
percent ... while imports were down 0.1 percent" and "The trade surplus ... shrank ..., while imports grew
11.6 percent" keep "imports", as the judges had them, and a bare noun alone in its sentence ("Revenue rose
22.7 percent") keeps its words.
"""
from __future__ import annotations

JOINING_DEPS = frozenset({"conj", "advcl"})


def bare_owned_noun(token, rules) -> bool:
    """True for a bare owned noun: no article, owner, modifier or phrase hangs on it."""
    return token.pos_ == "NOUN" and token.lemma_.lower() in rules.owned_nouns \
        and not any(not child.is_punct for child in token.children)


def clause_owner(token, index, rules) -> dict | None:
    """The named subject of the clause the clause of ``token`` is joined to, when ``token`` is a bare owned noun."""
    verb = token.head
    if token.dep_ not in rules.subject_deps or not bare_owned_noun(token, rules) or verb.dep_ not in JOINING_DEPS:
        return None
    main = verb.head
    subject = next((child for child in main.children if child.dep_ in rules.subject_deps and child.i < verb.i), None)
    if subject is None or subject.pos_ != "PROPN":
        return None
    found = index.mention_of(subject)
    if found is None or found["label"] not in rules.group_labels:
        return None
    return found
