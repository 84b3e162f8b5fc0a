"""Clauses about the article's source itself (a report, its data, their release), which state no fact of the story."""
from __future__ import annotations

from pipeline.stages.claims.grammar import own_subject, verb_lemma
from pipeline.stages.claims.rules import ClaimRules

# what a verb of publishing may govern besides its subject and object without saying what the source says
_CONTENT_DEPS = frozenset({"ccomp", "xcomp", "parataxis", "attr", "oprd", "acomp"})


def about_source(head, group, rules: ClaimRules) -> bool:
    """True when the clause of ``head`` only says that a source was published or holds data.

    "This information was released in a press release ... on Tuesday", "The report provides data on
    home sales levels, prices, and inventory", "..., data from the National Retail Federation showed on
    Friday.": the subject is a source (``source_nouns`` in configs/claims.toml), the verb publishes or
    shows (``source_verbs``) and says nothing of what: no quantity, no clause or complement of content,
    and an object, if any, that is itself a source ("provides data"). "The data showed a 0.2% increase",
    "The survey showed consumer confidence at its lowest since 2020" (an object that is not a source) and
    "Official data showed the economy grew" (a clause) are kept (claims round 80, dev7 407_, dev10 456_,
    dev14 555_).
    """
    if not rules.source_nouns or any("quantity_id" in row for row, _ in group):
        return False
    if verb_lemma(head, rules) not in rules.source_verbs:
        return False
    subject = own_subject(head, rules)
    if subject is None or subject.lemma_.lower() not in rules.source_nouns:
        return False
    for child in head.children:
        if child.dep_ in _CONTENT_DEPS:
            return False
        if child.dep_ in rules.object_deps and child.lemma_.lower() not in rules.source_nouns:
            return False
    return True
