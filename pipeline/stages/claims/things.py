"""Stated things: what a subject token stands for (what exists, moved, is measured or is part of) and if it is stated."""
from __future__ import annotations

from pipeline.stages.claims.grammar import counted_unit, is_pronoun
from pipeline.stages.claims.rules import ClaimRules


def existential_thing(token):
    """The noun an existential "there" stands in for ("There were 3,513 polling stations"), else ``token``."""
    if token.dep_ != "expl" or token.lower_ != "there":
        return token
    return next((child for child in token.head.children if child.dep_ == "attr" and child.pos_ in {"NOUN", "PROPN"}),
                token)


def observed_site(token, verb, rules: ClaimRules):
    """What moved, when a passive verb of observation reports a noun of change as its subject, else ``token``.

    "A decline was also seen in prices for used cars and trucks", "An increase of 1.1% was recorded in the mining
    and quarrying industry": the change says only that something moved; the verb's "in" or "for" phrase
    (``observation_preps``) names what did, and the claim is about it, as an existential "there" is about what it
    introduces. A change with an "in" phrase of its own ("a rise in prices was recorded") says what moved itself,
    and a date in the verb's phrase ("was recorded in March") is when, not what: both are left alone.
    """
    if token.dep_ != "nsubjpass" or token.lemma_.lower() not in rules.change_nouns \
            or verb.lemma_.lower() not in rules.observation_verbs:
        return token
    if any(child.dep_ == "prep" and child.lower_ != "of" and child.lower_ in rules.change_preps
           for child in token.children):
        return token
    for child in verb.children:
        if child.dep_ != "prep" or child.lower_ not in rules.observation_preps:
            continue
        target = next((t for t in child.children if t.dep_ == "pobj" and t.pos_ in {"NOUN", "PROPN"}), None)
        if target is not None and target.ent_type_ not in {"DATE", "TIME"} and not target.like_num:
            return target
    return token


def measured_thing(token, rules: ClaimRules):
    """The thing a quantity subject measures ("About 90% of the rare earth ... is from China"), else ``token``.

    A number, percentage or share word heading the subject, with an "of" phrase, says
    how much of something; the claim is about that something. "per cent" written apart is headed by
    "cent" ("16.1 per cent of WHH had a radio", "80 per cent ... of the ... budget had been utilised"). A share word with an owner of its
    own ("LNG's share of global gas trade", "its share of China's shipments", "the U.S. share of
    China's exports") is that owner's part of the whole: the owner is what it measures, so the
    phrase stands and its owner is resolved as any owned noun's is.
    """
    if not (token.like_num or token.pos_ == "NUM" or token.lower_ in {"%", "percent", "per", "cent"}
            or token.lemma_.lower() in rules.portion_nouns or counted_unit(token, rules)):
        return token
    if token.pos_ == "NOUN" and any(child.dep_ == "poss" or (child.dep_ in {"compound", "nmod"} and child.pos_ == "PROPN")
                                    for child in token.children):
        return token
    for child in token.children:
        if child.dep_ == "prep" and child.lower_ == "of":
            target = next((c for c in child.children if c.dep_ == "pobj"), None)
            if target is not None:
                return target
    return token


def fronted_whole(token, verb, rules: ClaimRules):
    """The whole a figure subject is a part of, named by a fronted "Of"/"Out of" phrase, else ``token``.

    "Out of this total allocation, Rs 2.19 lakh crore has been earmarked ...": the figure
    is a part, and the claim is about the allocation it is taken from, as "About 90% of the
    rare earth" is about the rare earth.
    """
    if not any(t.like_num for t in token.subtree):
        return token
    for child in verb.children:
        if child.dep_ != "prep" or child.i > token.left_edge.i:
            continue
        prep = child if child.lower_ == "of" else next(
            (c for c in child.children if c.dep_ == "prep" and c.lower_ == "of"), None) if child.lower_ == "out" else None
        target = next((c for c in prep.children if c.dep_ == "pobj"), None) if prep is not None else None
        if target is not None:
            return target
    return token


def stated_phrase(token, rules: ClaimRules) -> bool:
    """True for a clause subject that is a noun phrase of its own: not a pronoun, an expletive or a clause.

    A number heading it counts when a name or noun hangs on it (the parser's reading of
    "the CAC 40 has climbed"), an "of" phrase says what it measures ("About 90% of the
    rare earth") or an article makes it a noun ("The eight").
    """
    if token.dep_ not in {"nsubj", "nsubjpass"} or is_pronoun(token, rules):
        return False
    if token.pos_ in {"NOUN", "PROPN"}:
        return True
    if token.like_num and not any(True for _ in token.children) and token.ent_type_ not in {"DATE", "TIME"}:
        # a bare count is the subject itself ("162 remained unchanged on the BSE", "1,448 declined, and 92
        # remained unchanged": the stocks it counts; claims round 32), never a name elsewhere in the clause
        return True
    return token.pos_ == "NUM" and any(
        (child.pos_ in {"NOUN", "PROPN"} and child.dep_ in {"compound", "nmod", "det"})
        or (child.dep_ == "prep" and child.lower_ == "of")
        # a number made a noun by its article names a group ("The eight – Saudi Arabia, Russia, ...")
        or (child.dep_ == "det" and child.lower_ in rules.anaphoric_determiners) for child in token.children)


def stated_pronoun(token, rules: ClaimRules) -> bool:
    """True for a subject pronoun that states who by quantity ("both"), or by pointing with a restriction ("Those that")."""
    if token.dep_ not in {"nsubj", "nsubjpass"}:
        return False
    word = token.lower_
    return word in rules.stated_pronouns or (word in rules.restricted_pronouns and any(
        child.dep_ in {"relcl", "acl", "prep"} for child in token.children))
