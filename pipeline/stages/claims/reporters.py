"""A reporter or a credited source is no antecedent of a pronoun or a description (claims round 83)."""
# "The round values the company at $1.3 billion, The Times reported Tuesday. The company also plans ..." (dev11
# 469_): "The company" took The Times, the subject of the sentence before; "A report from global outplacement firm
# Challenger, Gray & Christmas said U.S. employers announced fewer layoffs ... The electric vehicle maker gave up
# initial gains" (dev3 319_): Challenger; "..., according to WHO. It's transmitted through ..." (dev6 380_): WHO.
# The outlet, agency or firm the text names only as the one that reported is not what it goes on about. Passed over
# (``Coreference.passed_reporters``, ``subject_rule`` ``past_reporter``): the subject of a speech verb that reports
# a clause written before it ("..., The Times reported"), for a description also the source of a body of figures
# that reports a clause ("A report from X said ...": for "it" the report itself stays, dev3 319_ "It followed"),
# and the object of an attribution phrase ("according to WHO"). "The EU said it would ..." (a reporter before its
# clause), a person's "he" and a pronoun that reports in its turn ("..., the WHO said. ... it added") are left alone;
# the rule is recorded only when the subject then differs from the reporter passed over (``past_reporter_rule``).
from __future__ import annotations

from pipeline.stages.claims.grammar import VERBAL
from pipeline.stages.claims.rules import ClaimRules

def reported_clauses(verb, rules: ClaimRules) -> list:
    """The clauses a speech verb reports (its ``content_deps`` complements with a verb or a subject), else []."""
    if verb.lemma_.lower() not in rules.speech_verbs:
        return []
    return [c for c in verb.children if c.dep_ in rules.content_deps
            and (c.pos_ in VERBAL or any(g.dep_ in {"nsubj", "nsubjpass"} for g in c.children))]


#: the ``subject_rule`` of a row whose pronoun or description passed a reporter over
PAST_REPORTER = "past_reporter"


def trailing_reporter(subject, rules: ClaimRules, *, description: bool = False) -> bool:
    """True when ``subject`` (a sentence's subject token) only says who reported: see the module comment."""
    verb = subject.head
    if subject.dep_ != "nsubj":
        return False
    if subject.lemma_.lower() in rules.evidence_nouns:
        # "A report from X said ...": the report's source is no company a description continues
        return description and subject.pos_ == "NOUN" and bool(reported_clauses(verb, rules))
    return any(clause.i < subject.i for clause in reported_clauses(verb, rules))


def speaks(token, rules: ClaimRules) -> bool:
    """True when the pronoun ``token`` reports in its turn ("..., the WHO said in a report. ... it added", dev 219_):
    a reporter is what it continues."""
    return token.dep_ in {"nsubj", "nsubjpass"} and token.head.lemma_.lower() in rules.speech_verbs


def credited_source(token, rules: ClaimRules) -> bool:
    """True when the mention headed by ``token`` is the object of an attribution phrase ("according to WHO")."""
    if token.dep_ not in {"pobj", "dobj", "pcomp"}:
        return False
    node = token.head
    for phrase in rules.attribution_phrases:
        words, cursor = list(phrase), node
        while words and cursor is not None and cursor.lower_ == words[-1]:
            words.pop()
            cursor = cursor.head if cursor.head.i != cursor.i else None
        if not words:
            return True
    return False


def source_mention(start: int, end: int, index, rules: ClaimRules) -> bool:
    """True when the mention at doc-local chars [start, end) is a credited source or a trailing reporter."""
    span = index.doc.char_span(start, end, alignment_mode="expand")
    if span is None or not len(span):
        return False
    root = span.root
    return credited_source(root, rules) or trailing_reporter(root, rules)


def _key(row: dict) -> str:
    return row.get("entity_id") or row["text"]


def pass_over(coreference, token, row: dict) -> None:
    """Note that the antecedent search of ``token`` passed the reporter ``row`` over (``Coreference.passed_reporters``)."""
    coreference.passed_reporters.setdefault(token.i, set()).add(_key(row))


def past_reporter_rule(token, found: dict | None, coreference) -> str | None:
    """``PAST_REPORTER`` when a reporter passed over for ``token`` changed its subject (it is not ``found``), else None."""
    passed = coreference.passed_reporters.get(token.i)
    return PAST_REPORTER if passed and (found is None or _key(found) not in passed) else None
