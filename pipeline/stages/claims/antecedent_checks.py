"""Checks the coreference resolver makes of a candidate antecedent: a description's or kind's reference, a copula's name, a report, a setting, a name introduced or described, shared owners, a place passed over."""
# this room sits below coreference (which calls it), so ``coreference`` comes in unannotated, as in antecedents.py
from __future__ import annotations

import bisect

from pipeline.stages.claims.grammar import PLURAL_TAGS, VERBAL, is_pronoun, subject_of
from pipeline.stages.claims.index import ArticleIndex
from pipeline.stages.claims.places import modified_by_place
from pipeline.stages.claims.reporters import pass_over, reported_clauses, trailing_reporter  # noqa: F401 (subject_phrases)
from pipeline.stages.claims.rules import ClaimRules


def kind_reference(token, labels, coreference, *, reach: int | None = None) -> dict | None:
    """The entity of one of ``labels`` a nameless description ``token`` stands for (``description_reference``).

    The name the description takes the introducing words of, else the subject of the latest sentence
    (this one's before it, then up to ``backreference_reach`` back) naming one; failing that, for labels
    of ``last_named_labels`` (a person, a stock index), the last mention of one within that reach. ``reach``:
    look back that many sentences only, with no last-mention fallback (``previous_names``).
    """
    rules, index = coreference.rules, coreference.index
    position = index.sentence_of[token.i]
    found = introduced_as(token, labels, coreference)
    if found is not None:
        return found
    back = rules.backreference_reach if reach is None else reach
    for k in range(position, max(-1, position - back - 1), -1):
        sent = index.sentences[k]
        if index.in_boilerplate(sent.start_char) or sent.end_char <= coreference.body:
            continue
        subject = subject_of(sent.root, rules)
        # (never the phrase the description is part of: "Three of Britain's largest banks")
        if subject is None or subject.i >= token.i or is_pronoun(subject, rules) \
                or subject.i in coreference._resolving or subject.left_edge.i <= token.i <= subject.right_edge.i \
                or (k == position and reports(sent.root, token, rules)):
            continue
        found = coreference._subject_names(subject)
        if found is not None and found["label"] in labels:
            if trailing_reporter(subject, rules, description=True):  # "..., The Times reported": round 83
                pass_over(coreference, token, found)
                continue
            return found
    if reach is None and labels <= rules.last_named_labels:  # a person enters as an object too: "X have signed Isak. The striker"
        reach = index.sentence_chars[max(0, position - rules.backreference_reach)]
        return coreference.last_mention_before(token.idx, labels, skip_quotes=True, not_before=reach)
    return None


def reports(verb, token, rules: ClaimRules) -> bool:
    """True when the speech verb ``verb`` reports a clause that holds ``token``.

    "The Bureau of Labor Statistics said that the consumer price index rose": the reporter is the speaker of the
    clause a description heads, never what the description stands for (``description_reference``).
    """
    return any(c.left_edge.i <= token.i <= c.right_edge.i for c in reported_clauses(verb, rules))


def is_setting(start: int, end: int, row: dict, index: ArticleIndex, rules: ClaimRules) -> bool:
    """True for a place named as the object of a locative preposition ("in Gliwice", "at Anfield")."""
    if row["label"] not in rules.place_labels:
        return False
    span = index.doc.char_span(start, end, alignment_mode="expand")
    root = span.root if span is not None else None
    return root is not None and root.dep_ == "pobj" and root.head.lower_ in rules.locative_preps


def names_itself(token) -> bool:
    """True when a name or number compounded on the noun makes it a name of its own ("The FTSE 250 index")."""
    return any(c.dep_ in {"compound", "nmod", "nummod"} and (c.pos_ == "PROPN" or c.like_num) for c in token.children)


def introduced_as(token, labels, coreference) -> dict | None:
    """The name a definite description takes the introducing words of, or None.

    News introduces an actor by its kind just before its name ("the benchmark S&P 500",
    "Chinese tech giant Tencent Holdings") and takes those words up again ("The benchmark
    index's valuation", "the tech giant"): the words, not the subject of the latest sentence
    (the Nasdaq, when "while the benchmark S&P 500 ..." is a clause of the sentence), say which
    name is meant. Every modifier of the description must stand among the words right before
    the name, in its own phrase, within ``backreference_reach`` sentences.
    """
    index, rules = coreference.index, coreference.rules
    words = {c.lower_ for c in token.children if c.dep_ in {"amod", "compound"} and c.is_alpha}
    if not words:
        return None
    position = index.sentence_of[token.i]
    not_before = index.sentence_chars[max(0, position - rules.backreference_reach)]
    for start, end, row in reversed(index.mentions[:bisect.bisect_left(index.mention_starts, token.idx)]):
        if start < not_before:
            return None
        if row["label"] not in labels or index.in_boilerplate(start) or start < coreference.body:
            continue
        span = index.doc.char_span(start, end, alignment_mode="expand")
        if span is None:
            continue
        before, i = set(), span.start - 1
        # the introducing words: nouns and adjectives back to the phrase's determiner, in the name's sentence
        while i >= 0 and index.sentence_of[i] == index.sentence_of[span.start] and len(before) < 4:
            word = index.doc[i]
            if word.pos_ not in {"NOUN", "ADJ", "PROPN"} or index.mention_of(word) is not None:
                break
            before.add(word.lower_)
            i -= 1
        if words <= before:
            return row
    return None


def described_antecedent(subject, coreference) -> dict | None:
    """The entity an earlier subject that is a definite description stands for ("The court threw out ... It kept")."""
    if subject.pos_ != "NOUN":
        return None
    coreference._resolving.add(subject.i)
    try:
        return coreference.named_heads.back_reference(subject) or coreference.description_reference(subject)
    finally:
        coreference._resolving.discard(subject.i)


def continues_nameless(token, subject, sentence, coreference) -> bool:
    """True when a main clause's subject "it" continues the nameless main subject ``subject`` of ``sentence``.

    "ice loss has accelerated ... In the second half, it was 36 per cent higher": the phrase
    is what "it" is, not a name further back. A phrase holding a name ("A new year rally for
    the FTSE 100 ... It also closed") leaves "it" to that name, and an "it" in a clause of its
    own ("as it rallied") to the last name seen; a plural or a figure is no "it".
    """
    rules, index = coreference.rules, coreference.index
    return token.lower_ == "it" and token.dep_ in {"nsubj", "nsubjpass"} and token.head.dep_ == "ROOT" \
        and subject.pos_ == "NOUN" and subject.tag_ not in PLURAL_TAGS \
        and not any(index.mention_of(t) is not None or t.like_num for t in subject.subtree) \
        and sentence.root.lemma_.lower() not in rules.speech_verbs \
        and not index.in_boilerplate(sentence.start_char) and sentence.end_char > coreference.body


def place_passed_over(token, coreference) -> bool:
    """True when the owned noun ``token`` would have been about a place that only modifies it, and is not.

    "U.S. home prices", "Hong Kong stocks": the subject rule ``place_modifier`` (``places``) keeps the phrase's own
    words; a phrase several named owners share stays ``phrase`` ("average Brent and WTI prices").
    """
    rules, index = coreference.rules, coreference.index
    if not coreference.owns(token) or coreference.place_owns(token) or shared_owners(token, index, rules) \
            or not modified_by_place(token, index, rules):
        return False
    owner = coreference.resolve_phrase(token, None)
    return owner is not None and owner["label"] in rules.place_labels \
        and coreference.resolve_phrase(token, None, places_own=False) is None


def shared_owners(token, index: ArticleIndex, rules: ClaimRules) -> bool:
    """True when the owned noun ``token`` has several named owners in a coordination.

    "average Brent and WTI prices" (the owner has a named conjunct) and "Leaders of Egypt,
    the United States, Qatar and Turkey" (the parser may hang the list's later names on the
    head) name a thing the owners share: no one of them is what the phrase is about. Only the
    phrase's owner words count: possessors, compounds and owner prepositions' objects.
    """
    owners = [child for child in token.children if child.dep_ in {"poss", "compound", "nmod"}]
    owners += [target for child in token.children if child.dep_ == "prep" and child.lower_ in rules.possessor_preps
               for target in child.children if target.dep_ == "pobj"]
    named = [owner for owner in owners if index.mention_of(owner) is not None]
    if not named:
        return False
    conjuncts = [c for owner in named for c in owner.children if c.dep_ == "conj"]
    # the list's later names hung on the head itself, after its named owner
    conjuncts += [c for c in token.children if c.dep_ == "conj" and c.i > named[0].i]
    # a proper noun the model left unnamed ("WTI") is a name all the same
    return any(index.mention_of(c) is not None or c.pos_ == "PROPN" for c in conjuncts)


def copula_name(token, verb, index: ArticleIndex) -> dict | None:
    """The name a copula equates a nameless subject with ("the biggest winner was the populist AfD"), or None.

    A common-noun subject that "is" a named thing specifies it: the claim is about the
    name. An adjective or a nameless noun after the copula ("is the largest party")
    describes the subject instead, and so does an indefinite name ("is a coalition of
    the willing").
    """
    if token.pos_ != "NOUN" or verb.lemma_.lower() != "be":
        return None
    for child in verb.children:
        # an indefinite ("is a coalition of the willing") classifies the subject; it equates nothing
        if child.dep_ == "attr" and child.i > token.i and not any(
                c.dep_ == "det" and c.lower_ in {"a", "an"} for c in child.children):
            return index.mention_of(child)
    return None


def description_reference(token, coreference) -> dict | None:
    """The entity a definite description stands for ("the company", "the streaming giant"), or None.

    The head is a noun of ``description_nouns`` with no name of its own, made
    definite by an anaphoric determiner or a possessor ("Europe's biggest
    carmaker"); an owned noun's possessor may be one ("the firm's revenues"). It
    stands for the subject of the latest sentence (this one's before it, then up to
    ``backreference_reach`` back) that names an entity of the noun's labels: news
    keeps its actor in subject position, so the subject, not the last name seen, is
    what "the company" continues; a person's role ("the striker"), else the last person named.
    """
    described = description_labels(token, coreference)
    return kind_reference(*described, coreference) if described is not None else None


def description_labels(token, coreference) -> tuple[object, frozenset[str]] | None:
    """(the description's head, the entity labels of its kind) when ``token`` heads a definite description, else None."""
    rules, index = coreference.rules, coreference.index
    if coreference.owns(token):
        owner = next((c for c in token.children if c.dep_ == "poss"), None)
        if owner is not None:
            token = owner
    labels = rules.description_nouns.get(token.lemma_.lower())
    if not labels or token.pos_ != "NOUN" or index.mention_of(token) is not None or names_itself(token):
        return None
    first = token.doc[token.left_edge.i]
    # (a possessor dropping its article is definite too: "Electric vehicle maker's shares dropped")
    if not ((first.dep_ == "det" and first.lower_ in rules.anaphoric_determiners)
            or any(child.dep_ == "poss" for child in token.children) or (token.dep_ == "poss" and first.dep_ != "det")):
        return None
    if copula_name(token, token.head, index) is not None:  # "the biggest winner was the AfD": the name says
        return None
    return token, labels
