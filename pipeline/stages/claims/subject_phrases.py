"""Phrases the subject rules read off the parse: a specified or stated object, an event, a compared or measured figure, a nameless antecedent."""
from __future__ import annotations

from pipeline.stages.claims.antecedent_checks import reported_clauses
from pipeline.stages.claims.coreference import Coreference, NAMELESS
from pipeline.stages.claims.grammar import counted_unit, is_pronoun, subject_of
from pipeline.stages.claims.index import ArticleIndex
from pipeline.stages.claims.rules import ClaimRules
from pipeline.stages.claims.words import digit_ordinal


def specified_phrase(token, verb, index: ArticleIndex, rules: ClaimRules):
    """The complement a copula equates a pointing subject with ("The main driver will be countries in ..."), or None.

    A nameless subject headed by one of ``specifying_nouns`` ("driver", "force", "winner") only points at
    what the copula names after it: "The driving force behind this growth was international travel" (408_)
    and "The main driver will be countries in the Asia-Pacific region" (314_) are about the travel and the
    countries, as "the biggest winner was the AfD" is about the AfD (``copula_name``, for a name). An
    indefinite complement ("is a major force") classifies the subject, and an adjective or a figure after
    the copula describes it: both are left alone.
    """
    if token.pos_ != "NOUN" or token.lemma_.lower() not in rules.specifying_nouns or verb.lemma_.lower() != "be" \
            or token.dep_ != "nsubj" or index.mention_of(token) is not None:
        return None
    for child in verb.children:
        if child.dep_ == "attr" and child.i > token.i and child.pos_ in {"NOUN", "PROPN"} and not child.like_num \
                and not any(c.dep_ == "det" and c.lower_ in {"a", "an"} for c in child.children):
            return child
    return None


def stated_object(token, value_tokens: frozenset[int], rules):
    """The object a summing-up "This" is equated with when that object states the fact itself, or None.

    "This marks the third rate cut in 2025" (an ordinal counts the events of a kind) and "This
    marks a higher case fatality rate (CFR) of 18.7 per cent" (the object holds the claim's
    figure) are about that object, as a copula's complement is ("This is the third cut"), not
    about what the clause before changed. A noun of change with no ordinal ("This marks a rise of 5%",
    see ``event_phrase``) and an object a clause of its own describes ("the first time the index
    closed above 10,000": that clause's fact) are left to the other rules.
    """
    if token.lower_ not in {"this", "that"} or token.dep_ not in {"nsubj", "nsubjpass"} \
            or any(c.dep_ != "punct" for c in token.children) or token.head.lemma_.lower() not in rules.light_verbs:
        return None
    for phrase in token.head.children:
        if phrase.dep_ not in {"dobj", "attr"} or phrase.pos_ != "NOUN" or phrase.i < token.i \
                or any(c.dep_ in {"relcl", "acl"} for c in phrase.children):
            continue
        # an ordinal counts even changes ("the third rate cut"); a figure on a change ("a rise of 5%") is the
        # change's, and an object that is itself the figure ("That is 80 billion euros") measures nothing
        figures = {t.i for c in phrase.children if c.dep_ == "prep" and c.lower_ in rules.measure_preps
                   for t in c.subtree}
        if any(word.lower_ in rules.ordinal_words or digit_ordinal(word.lower_)
               for word in phrase.doc[phrase.left_edge.i:phrase.i]) \
                or (phrase.lemma_.lower() not in rules.change_nouns and phrase.i not in value_tokens
                    and figures & value_tokens):
            return phrase
    return None


def previous_body_root(token, coreference: Coreference):
    """The root of the sentence before ``token``'s, when that sentence is article body (no boilerplate, not before
    the body's start), else None: what a sentence-opening "This" or "That" can sum up or compare."""
    index = coreference.index
    position = index.sentence_of[token.i]
    if position == 0:
        return None
    previous = index.sentences[position - 1]
    if index.in_boilerplate(previous.start_char) or previous.end_char <= coreference.body:
        return None
    return previous.root


def event_phrase(token, coreference: Coreference):
    """The phrase a demonstrative subject's event changed ("... raised the allocation. This marks a rise"), or None.

    "This" or "that" standing alone as a subject sums up the clause before it, an event
    and not an entity: the fact is about what that event acted on, the previous main
    clause's common-noun object, else its common-noun subject. A name there is an actor,
    not the event, so it is never taken; nothing fitting leaves the demonstrative unresolved.
    A figure in a unit there ("renewable energy sources supplied 5,072 TWh of global electricity. This
    marks an increase", "72.2 GW of capacity was added worldwide. ... this represents an increase of
    almost 64%") measures something, and a noun of change after the demonstrative changes that figure: the
    change is of what it measured, an object figure's subject, a subject figure's "of" phrase (claims round
    41: dev10 450_, dev8 417_). With no noun of change the demonstrative may be the figure itself ("have lost
    around 273 billion tonnes of ice per year. This corresponds to about five and a half times ..."): left as it was.
    """
    rules, index = coreference.rules, coreference.index
    if token.lower_ not in {"this", "that"} or token.dep_ not in {"nsubj", "nsubjpass"} \
            or token.head.dep_ == "relcl" or any(c.dep_ != "punct" for c in token.children):
        return None
    root = previous_body_root(token, coreference)
    if root is None:
        return None
    # "This marks an increase": a change of the figure before, so of what that figure measured
    change = any(c.dep_ in {"dobj", "attr"} and c.lemma_.lower() in rules.change_nouns for c in token.head.children)
    objects = [c for c in root.children if c.dep_ == "dobj" and not (change and counted_unit(c, rules))]
    subject = subject_of(root, rules)
    for phrase in objects + [measured_of(subject, rules) if change else subject]:
        if phrase is not None and phrase.pos_ == "NOUN" and not phrase.like_num \
                and index.mention_of(phrase) is None and not is_pronoun(phrase, rules):
            return phrase
    return None


def measured_of(token, rules: ClaimRules):
    """What a figure in a unit measures ("72.2 GW of capacity": capacity), else ``token`` (None stays None)."""
    if token is None or not counted_unit(token, rules):
        return token
    return next((c for p in token.children if p.dep_ == "prep" and p.lower_ == "of"
                 for c in p.children if c.dep_ == "pobj"), token)


def compared_figure(token, coreference: Coreference):
    """The subject token of the clause before, when a demonstrative compares that clause's figure, else None.

    "... the consumer price index rose 0.2% ... and trended down to 2.4%. That was down slightly from 2.7% in
    December." and "PAS has won 49.7 percent, securing 54 of the 101 seats. This is fewer than the 61 seats it
    had": "this" or "that" standing alone before a copula whose complement compares (a comparative, "down",
    "up", "below" or "above") is the figure the clause before gave, not an event, and the fact is about what that figure measured:
    the previous main clause's subject, or its reported clause's when its verb reports one ("The Bureau said
    that the index rose"). A copula that classifies ("That is a record") or an event ("This marks a rise") is
    left to the other rules.
    """
    rules, index = coreference.rules, coreference.index
    verb = token.head
    if token.lower_ not in {"this", "that"} or token.dep_ != "nsubj" or verb.lemma_.lower() != "be" \
            or verb.dep_ != "ROOT" or any(c.dep_ != "punct" for c in token.children):
        return None
    if not any(c.dep_ in {"acomp", "advmod", "prep"} and c.i > token.i
               and (c.tag_ in {"JJR", "RBR"} or c.lower_ in rules.compared_words) for c in verb.children):
        return None
    root = previous_body_root(token, coreference)
    if root is None:
        return None
    root = next(iter(reported_clauses(root, rules)), root)
    if any(c.dep_ == "dobj" and c.pos_ == "NOUN" and index.mention_of(c) is None
           and not any(t.like_num for t in c.subtree) for c in root.children):
        # "Germany raised defence spending in 2025. That is 80 billion euros more": the figure measures the
        # thing the clause acted on (``event_phrase``), not its actor; an object that is a figure itself ("PAS
        # has won 49.7 percent") is the subject's
        return None
    subject = subject_of(root, rules)
    if subject is None or is_pronoun(subject, rules) or subject.like_num:
        return None
    return subject


def nameless_antecedent(token, coreference: Coreference):
    """The subject token a "they" or a subject "it" stands for when ``main_subject_before`` finds it ``NAMELESS``."""
    rules = coreference.rules
    labels = rules.group_labels if token.lower_ in rules.group_pronouns else rules.thing_labels
    found, subject = coreference.subject_before(token, labels)
    return subject if found is NAMELESS else None
