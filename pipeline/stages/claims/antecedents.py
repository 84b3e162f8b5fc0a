"""The nameless subject of the clause a pronoun's own clause hangs on, in the same sentence (claims round 54).

"A court in China said on Monday it had sentenced a former justice minister ..." (dev6 383_), "His lawyers
have announced that they will appeal the verdict" (dev8 410_): a subject "it" or "they" in a clause reported
by another clause of its sentence continues the reporter, when the reporter is a noun phrase of the same
number that names nothing itself. The last name seen before the pronoun ("Beijing" of the dateline, "the
full Supreme Court" of an earlier sentence) is not what the reported clause is about. A reporter holding a
name other than a place it is set in, owned by anything but a person ("The company's executives said they"),
or itself a pronoun or a name leaves the pronoun to the other rules (``Coreference.subject_before``). A
nationality on the reporter's head (a label outside ``speaker_modifier_labels``: "The British government announced
Monday it had agreed", dev13 552_; "Israeli military says it conducted ...", Reuters, October 2025) names nothing:
claims round 66.
"""
from __future__ import annotations

from pipeline.stages.claims.grammar import PLURAL_TAGS, VERBAL, is_pronoun, subject_of
from pipeline.stages.claims.index import ArticleIndex
from pipeline.stages.claims.rules import ClaimRules

#: how a pronoun's clause hangs on the clause whose subject it continues: reported ("said it had", "have
#: announced that they will"). A clause joined to it or set under it ("..., so it does not require", "as it
#: rallied") is left alone: no judged row asks for it, and the sentence's clauses then share one subject
CLAUSE_LINKS = frozenset({"ccomp"})


def _names_something(subject, index: ArticleIndex, rules: ClaimRules) -> bool:
    """True when a name in the subject phrase may be what it is about (not a place it is set in: "A court in China")."""
    for word in subject.subtree:
        row = index.mention_of(word)
        if row is None:
            continue
        if word.head.i == subject.i and word.dep_ in {"amod", "compound"} and row["label"] not in rules.speaker_modifier_labels:
            # a nationality on the reporter's head says whose it is, not who ("The British government announced it
            # had agreed": the government's words, as "the French president" credits no French; claims round 66)
            continue
        # the place's word is a locative's object, or compounded on one ("in eastern China", "in the Hanoi court")
        governed = word.head if word.dep_ == "compound" and word.head.dep_ == "pobj" else word
        setting = row["label"] in rules.place_labels and governed.dep_ == "pobj" \
            and governed.head.lower_ in rules.locative_preps
        if not setting:
            return True
    return False


def enclosing_subject(token, index: ArticleIndex, rules: ClaimRules):
    """The nameless noun subject a subject "it"/"they" continues from an enclosing clause of its sentence, or None."""
    word = token.lower_
    if word not in {"it", "they"} or token.dep_ not in {"nsubj", "nsubjpass"} or index.quote_at(token.idx) is not None:
        return None
    clause = token.head
    while clause.dep_ in CLAUSE_LINKS and clause.head.i != clause.i and clause.head.pos_ in VERBAL:
        parent = clause.head
        subject = subject_of(parent, rules)
        if subject is None:
            clause = parent
            continue
        if subject.i >= token.i or is_pronoun(subject, rules) or subject.pos_ not in {"NOUN", "PROPN"}:
            return None
        plural = subject.tag_ in PLURAL_TAGS or any(c.dep_ == "conj" for c in subject.children)
        if plural != (word == "they") or _names_something(subject, index, rules):
            return None
        # an owner other than a person may be what the pronoun is ("The company's executives said they ...",
        # "Its lawyers said it"): left to the other rules; a person's own ("His lawyers") is not
        if any(c.dep_ == "poss" and c.lower_ not in rules.person_pronouns for c in subject.children):
            return None
        return subject
    return None



def reporter_antecedent(token, labels: frozenset[str], coreference, *, nameless: dict, describe) -> tuple | None:
    """(antecedent, reporter token) for a reported "it"/"they" (``enclosing_subject``), else None.

    The antecedent is the entity a definite description stands for ("The office said it will appeal": the
    office's entity), else ``NAMELESS``: the reporter's own words are the subject ("A court in China", "His
    lawyers"), ``subject_mention_id`` empty. A description of another kind than the pronoun's leaves it to the
    other rules. ``nameless`` is coreference's ``NAMELESS`` and ``describe`` its ``described_antecedent`` (passed
    in: this module sits below coreference).
    """
    index = coreference.index
    reporter = enclosing_subject(token, index, coreference.rules)
    sent = index.sent(token)
    if reporter is None or reporter.i in coreference._resolving or index.in_boilerplate(sent.start_char) \
            or sent.end_char <= coreference.body:
        return None
    found = describe(reporter, coreference)
    if found is None:
        return nameless, reporter
    return (found, reporter) if found["label"] in labels else None
