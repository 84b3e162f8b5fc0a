"""Reported clauses for the subject rules: what a speech, finding or content verb or noun reports, and who."""
from __future__ import annotations

from pipeline.stages.claims.attribution import speech_contents
from pipeline.stages.claims.grammar import VERBAL, own_subject
from pipeline.stages.claims.rules import ClaimRules
from pipeline.stages.claims.things import measured_thing


def inner_report(content, value_tokens, rules: ClaimRules):
    """The clause a reported clause reports in its turn, or None.

    "Powell said available data suggested there has been a moderate expansion", "Macklem said the central bank
    is expecting the pressures ... will be largely offset": the reported clause's verb is itself a speech verb
    (``speech_verbs``) with a named or described subject of its own, and what it reports is the fact, as the
    conventions take a reported clause's subject over its reporter's; the clause holding the claim's values
    first. A participle of speech with no subject of its own that holds the values reports the fact too
    ("confirmed that the process was conducted smoothly, indicating that the overall voter turnout was
    56.11%"), when that clause's subject is a noun or a name. A pronoun subject ("X said it expects ...",
    "observing that he believed ...") keeps the reported clause: it is usually the speaker's side, and the
    earlier rules answer for it.
    """
    def holds_values(clause) -> bool:
        return any(clause.left_edge.i <= t.i <= clause.right_edge.i for t in value_tokens)

    if content.pos_ in VERBAL and (content.lemma_.lower() in rules.speech_verbs
                                   or evidence_subject(content, rules) is not None):
        subject = own_subject(content, rules)
        inner = speech_contents(content, rules)
        if subject is not None and subject.dep_ == "nsubj" and subject.pos_ in {"NOUN", "PROPN"} and inner:
            return next((c for c in inner if holds_values(c)), inner[0])
    for child in content.children:
        if child.dep_ == "advcl" and child.tag_ == "VBG" and child.lemma_.lower() in rules.speech_verbs \
                and own_subject(child, rules) is None and holds_values(child):
            inner = [c for c in speech_contents(child, rules) if holds_values(c)
                     and (own_subject(c, rules) is not None and own_subject(c, rules).pos_ in {"NOUN", "PROPN"})]
            if inner:
                return inner[0]
    return None


def evidence_subject(verb, rules: ClaimRules):
    """The subject of a verb by which a body of figures reports a clause ("Official data ... showed the rate increased"), else None.

    "Official data released Tuesday showed the rate increased from 4.7%" (398_), "China's GDP grew 5 percent ...,
    official data showed Monday" (206_): a subject headed by one of ``evidence_nouns`` with one of
    ``finding_verbs`` is the reporter's evidence, not the actor, and the clause it reports states the fact, as
    after "said" (the subject rule that then decides is recorded as for any reported clause). A subject naming
    a person or a body ("Analysts found", "The ONS showed") is not evidence, nor is a verb with no clause
    ("The data show a rise": the object is the finding, left to the other rules).
    """
    if verb.lemma_.lower() not in rules.finding_verbs or not speech_contents(verb, rules):
        return None
    subject = own_subject(verb, rules)
    if subject is None or subject.dep_ != "nsubj" or subject.pos_ != "NOUN" \
            or subject.lemma_.lower() not in rules.evidence_nouns and subject.lower_ not in rules.evidence_nouns:
        return None
    return subject


def chained_speech(verb, rules: ClaimRules):
    """The speech verb a verb chains to before what it reports ("She went on to say that ..."), else None.

    "Went on to say", "was quick to point out", "declined to say whether": the subject of the
    chaining verb is the one who reports, and what is reported is the claim, as after "said".
    """
    if verb.lemma_.lower() in rules.speech_verbs:
        return None
    subject = own_subject(verb, rules)
    if subject is None or subject.dep_ != "nsubj":
        return None
    return next((child for child in verb.children if child.dep_ == "xcomp" and child.lemma_.lower() in rules.speech_verbs
                 and own_subject(child, rules) is None and speech_contents(child, rules)), None)


def noun_content(token, rules: ClaimRules):
    """The subject of the clause a ``content_nouns`` noun holds ("The fact that 25 percent of outbreaks are ..."), else None.

    The noun names no actor: the fact it holds is its "that" clause's (a content clause, marked
    by "that", not a relative clause on the noun: "the news that shocked markets" stays).
    """
    if token.pos_ != "NOUN" or token.lemma_.lower() not in rules.content_nouns:
        return None
    for child in token.children:
        if child.dep_ in {"acl", "relcl", "ccomp", "appos"} and child.pos_ in VERBAL and child.i > token.i \
                and any(c.dep_ == "mark" and c.lower_ == "that" for c in child.children):
            inner = own_subject(child, rules)
            if inner is not None and inner.dep_ in {"nsubj", "nsubjpass"} and inner.pos_ in {"NOUN", "PROPN", "NUM"}:
                return measured_thing(inner, rules)
    return None


def tagged_content(verb, rules: ClaimRules):
    """The clause a ``content_verbs`` verb tags after it ("China's GDP grew 5 percent, official data showed"), or None.

    A finding stated first and credited after is about its own subject, as a statement
    tagged by a speech verb is; a verb before its finding ("The data show the economy grew")
    keeps the claim its subject's, unless that subject is a body of figures (``evidence_subject``:
    the economy's since claims round 29).
    """
    if verb.lemma_.lower() not in rules.content_verbs:
        return None
    contents = speech_contents(verb, rules)
    if not contents or any(c.i > verb.i for c in contents):
        return None
    inner = own_subject(contents[0], rules)
    return contents[0] if inner is not None and inner.dep_ in {"nsubj", "nsubjpass"} and inner.pos_ in {
        "NOUN", "PROPN"} else None
