"""A statement the parser did not read as a clause, before a trailing reporter (claims round 62, issue 16).

"Populist billionaire Andrej Babis' ANO Party secured victory in the Czech parliamentary elections, ...,
public broadcaster Ceska televize reported" (dev4 325_) and "“Single-family home building dipped in 2025
because of ...,” said Buddy Hughes" (dev12 496_): the parser made the trailing speech verb the root and read
the statement's finite verb as a modifier ("secured" an adjective of "victory", "dipped" a clause on
"building"), so the verb reports no clause and the reporter was taken for the subject. A speech verb
(``speech_verbs``) that heads its sentence, reports no clause and has a subject of its own, with a verb of a
finite tag (``finite_tags``; a participle only as an ``acl`` with no "by" agent) as the first verb before that
subject, hung on a noun as a modifier (``amod``, ``acl``) right after a noun: the noun before that verb is the
statement's subject, the reporter its speaker (``subject_rule`` ``misread_report``). A reporter before its
statement ("The Fed signaled in a statement that ...") and a statement the parser read as a clause ("Indian
economy has witnessed ..., said the RBI Governor") are not touched. ``verdict_clause`` reads a ruling verb's
"that" clause the same way (``subject_rule`` ``verdict_clause``).
"""
from __future__ import annotations

from pipeline.stages.claims.attribution import speech_contents
from pipeline.stages.claims.grammar import own_subject

#: the dependencies a finite verb misread as a noun's modifier carries
MODIFIER_DEPS = frozenset({"amod", "acl"})
NOUNS = frozenset({"NOUN", "PROPN"})
#: quote marks a noun chunk may take from the quotation it opens
QUOTE_MARKS = "\"'“”‘’ "


def misread_statement(verb, rules):
    """(the statement's subject noun, its misread verb) before a trailing reporter ``verb``, else None."""
    if verb.dep_ != "ROOT" or verb.lemma_.lower() not in rules.speech_verbs or speech_contents(verb, rules):
        return None
    reporter = own_subject(verb, rules)
    if reporter is None or reporter.dep_ != "nsubj":
        return None
    first = min(reporter.left_edge.i, verb.i)
    for token in verb.doc[verb.sent.start:first]:
        if token.pos_ not in {"VERB", "AUX"} or token.i == verb.sent.start:
            continue
        # a participle heads a misread clause only as the first verb, with no "by" agent ("dipped in 2025")
        participle = token.tag_ == "VBN" and token.dep_ == "acl" and not any(c.dep_ == "agent" for c in token.children)
        if not (token.tag_ in rules.finite_tags and token.dep_ in MODIFIER_DEPS or participle):
            return None
        noun = token.doc[token.i - 1]
        return (noun, token) if noun.pos_ in NOUNS else None
    return None


def verdict_clause(verb, rules):
    """(the ruled clause's subject, its verb) when ``verb`` rules or concludes "that" a clause holds, else None.

    "Mehta concluded that the government's proposed divestitures went beyond the scope" (332_): the complement's
    subject. The parser may read the complement's verb as a modifier of its object ("ruled that Mutamba deliberately
    diverted funds", 384_: "diverted" an adjective of "funds"); a verb that keeps its "that" and a subject of its own
    is the clause all the same. Only a verb that heads its sentence (``verdict_verbs``) is read.
    """
    if verb.dep_ != "ROOT" or verb.lemma_.lower() not in rules.verdict_verbs or own_subject(verb, rules) is None:
        return None
    for token in verb.subtree:
        if token.i <= verb.i or token.pos_ not in {"VERB", "AUX"}:
            continue
        if token.dep_ != "ccomp" and not (token.dep_ in MODIFIER_DEPS and token.head.head.i == verb.i):
            continue
        # the "that" hangs on the clause's verb, or on the noun its misread verb modifies
        marks = (*token.children, *token.head.children)
        if not any(child.dep_ == "mark" and child.lower_ == "that" for child in marks):
            continue
        subject = next((child for child in token.children if child.dep_ in rules.subject_deps), None)
        if subject is not None and subject.pos_ in NOUNS:
            return subject, token
    return None
