"""Risk evidence: parse-based signs, each named in ``confidence_evidence``, that a claim row's subject or values may be wrong."""
from __future__ import annotations

from collections.abc import Sequence

from pipeline.stages.claims.grammar import VERBAL, own_subject, verb_lemma
from pipeline.stages.claims.rules import ClaimRules
from pipeline.stages.claims.values import states_no_count

# clauses that hang on another clause as its circumstance or a noun's description
_SUBORDINATE_DEPS = frozenset({"advcl", "acl", "relcl", "pcomp", "csubj"})


def vague_time(doc, group: Sequence[tuple[dict, object]], offset: int) -> bool:
    """True when a linked time states no count: a duration with no numeral ("after years of underfunding",
    "for the next few years") or a plural unit alone ("polling from just months ago").

    Such a time is more often the setting of the sentence than a value of its claim. ``offset``: the
    article's start in its source (value rows hold source offsets).
    """
    for row, _ in group:
        if "date_id" not in row:
            continue
        span = doc.char_span(row["start"] - offset, row["end"] - offset, alignment_mode="expand")
        if span is not None and states_no_count(span, row.get("tclass")):
            return True
    return False


def subordinate_clause(head, heads: Sequence, rules: ClaimRules) -> bool:
    """True when the row is one of several cut from a sentence and its clause hangs on another as a
    circumstance ("just days after the market surged above the 10,000 mark", "as concerns grow over
    oversupply") or a noun's description: its assertion is the background of the clause above.

    A clause of contrast (``parallel_marks``: "the CAC 40 has climbed 10% while the DAX 40 is up 22%")
    states a fact of its own beside the other, and is not counted.
    """
    if len(heads) < 2 or head.dep_ not in _SUBORDINATE_DEPS:
        return False
    return not any(child.dep_ == "mark" and child.lower_ in rules.parallel_marks for child in head.children)


def figure_subject(verb, group: Sequence[tuple[dict, object]], offset: int, rules: ClaimRules) -> bool:
    """True when the subject's head word lies inside a linked value ("$11bn came from sales of ...", "The past
    11 years have also been ...", "The Ftse 100 stock market index"): what the claim is about is a figure,
    or a name with a number read as one, so the thing it measures is named elsewhere or misread.

    ``offset``: the article's start in its source.
    """
    subject = own_subject(verb, rules) if verb.pos_ in VERBAL else None
    if subject is None:
        return False
    return any(row["start"] - offset <= subject.idx < row["end"] - offset for row, _ in group)


def unused_report(verb, span, rules: ClaimRules) -> bool:
    """True when the row's words hold a reported clause with a named subject of its own that the row's subject
    is not taken from ("The Commission announced the results, confirming that the coalition topped the winners
    in Baghdad": the coalition's fact, the Commission kept): the claim is likely about the reported subject.

    ``span``: the row's tokens.
    """
    subject = own_subject(verb, rules) if verb.pos_ in VERBAL else None
    for token in span:
        if token.dep_ != "ccomp" or token.pos_ not in VERBAL or verb_lemma(token.head, rules) not in rules.speech_verbs:
            continue
        inner = own_subject(token, rules)
        if inner is None or inner.pos_ == "PRON":
            continue
        if subject is None or not token.left_edge.i <= subject.i <= token.right_edge.i:
            return True
    return False


def graded_subject(verb, subject_rule: str | None, rules: ClaimRules) -> bool:
    """True when the row's subject is a stated phrase that names nothing, opens with an indefinite article and is
    graded by the writer: a comparative adjective or an ``evaluative_adjectives`` word on it, or an
    ``evaluative_nouns`` head ("A weaker U.S. dollar has also boosted demand", "A deeper dive into the numbers
    reveals ...", "A significant milestone was reached yesterday"). The phrase brings in a thing the text has not
    named by the writer's judgement of it, a lead's hook more often than the checkable fact of a named actor; a plain
    one ("A federal judge on Tuesday threw out ...", "A high court in Congo on Tuesday sentenced ...") is left alone.

    ``subject_rule``: the rule that chose the subject; only ``phrase`` (a stated phrase no name was found for) counts.
    """
    if subject_rule != "phrase" or verb.pos_ not in VERBAL:
        return False
    subject = own_subject(verb, rules)
    if subject is None or subject.pos_ not in {"NOUN", "PROPN"}:
        return False
    if not any(child.dep_ == "det" and child.lower_ in rules.indefinite_determiners for child in subject.children):
        return False
    return subject.lemma_.lower() in rules.evaluative_nouns or subject.lower_ in rules.evaluative_nouns or any(
        child.dep_ == "amod" and (child.tag_ == "JJR" or child.lower_ in rules.evaluative_adjectives)
        for child in subject.children)
