"""The nameless subject of a clause next to a pronoun's own, which "it"/"they" continues (claims round 71, issue 16).

"although inflation ... has significantly decreased since then, it has sharply increased again" (dev13 551_),
"as the London market raced to catch up with gains in China and the US while it was closed on Friday" (dev12
498_) and "FERC says 39 "units" of solar ... were placed into service in February ... They accounted for 95.3%"
(dev14 560_): a subject pronoun whose clause is tied to another clause (an adverbial clause of the same
sentence, or the clause a reporter in the sentence before reports) continues that clause's subject when it is a
common noun of the pronoun's number that names nothing; the last name seen ("the US", the bank, the reporter
FERC) is not what the pronoun is. The pronoun's clause must take no object: a thing that changes, is acted on or
accounts for a share, not an actor that does something to another ("Sales rose after it cut prices" is the
company's, a name further back). A subject holding a name other than a place it is set in ("The company's
revenue rose as it ...") leaves the pronoun to the other rules; so does a reporter of the pronoun's own number.
"""
from __future__ import annotations

from pipeline.stages.claims.antecedents import reporter_antecedent
from pipeline.stages.claims.grammar import PLURAL_TAGS, is_pronoun
from pipeline.stages.claims.rules import ClaimRules

#: the ``subject_rule`` of a row whose subject is the phrase this module found
RULE = "clause_antecedent"
#: how a pronoun's clause hangs on the clause whose subject it continues, in one sentence
ADVERBIAL_LINKS = frozenset({"advcl", "xcomp"})
#: the objects that make the pronoun an actor on something else
OBJECT_DEPS = frozenset({"dobj", "dative"})


def _own_subject(clause):
    """The clause's first ``nsubj``/``nsubjpass`` child, or None."""
    return next((c for c in clause.children if c.dep_ in {"nsubj", "nsubjpass"}), None)


def _plural(token) -> bool:
    """True for a plural noun, by its tag or a coordination on it ("inflation and unemployment")."""
    return token.tag_ in PLURAL_TAGS or any(c.dep_ == "conj" for c in token.children)


def _fits(subject, token, coreference) -> bool:
    """True when ``subject`` is a nameless common noun of the pronoun ``token``'s number, before it."""
    rules = coreference.rules
    if subject is None or subject.i >= token.i or subject.pos_ != "NOUN" or is_pronoun(subject, rules) \
            or subject.like_num or _plural(subject) != (token.lower_ == "they"):
        return False
    if coreference.index.mention_of(subject) is not None:
        return False
    # a place compounded on the head only says where ("the London market"); any other owner names it
    return coreference.resolve_phrase(subject, None, places_own=False) is None \
        and coreference.named_heads.back_reference(subject) is None


def _sentence_neighbour(token):
    """The subject of the nearest clause the pronoun's clause is tied to adverbially, in its sentence."""
    clause = token.head
    for child in clause.children:  # "although inflation ... has decreased, it has increased"
        if child.dep_ == "advcl" and child.i < token.i and (subject := _own_subject(child)) is not None:
            return subject
    while clause.dep_ in ADVERBIAL_LINKS and clause.head.i != clause.i:
        clause = clause.head  # "as the London market raced to catch up ... while it was closed"
        subject = _own_subject(clause)
        if subject is not None:
            return subject
    return None


def _reported_before(token, coreference):
    """The subject of the clause the sentence before reports, when the pronoun opens its own main clause and the
    reporter (a name) is of the other number: "FERC says 39 units ... were placed ... They accounted for"."""
    index, rules = coreference.index, coreference.rules
    if token.head.dep_ != "ROOT":
        return None
    sent = index.sent(token)
    if sent.start == 0:
        return None
    previous = index.sent(index.doc[sent.start - 1])
    root = previous.root
    if root.lemma_.lower() not in rules.speech_verbs or index.in_boilerplate(previous.start_char) \
            or previous.end_char <= coreference.body:
        return None
    reporter = _own_subject(root)
    if reporter is None or index.mention_of(reporter) is None or _plural(reporter) == (token.lower_ == "they"):
        return None
    return next((s for c in root.children if c.dep_ == "ccomp" and (s := _own_subject(c)) is not None), None)


def clause_antecedent(token, coreference):
    """The nameless subject token a subject "it"/"they" continues from a neighbouring clause, or None."""
    rules: ClaimRules = coreference.rules
    index = coreference.index
    if token.lower_ not in {"it", "they"} or token.dep_ not in {"nsubj", "nsubjpass"} \
            or index.quote_at(token.idx) is not None or token.head.lemma_.lower() in rules.speech_verbs \
            or any(c.dep_ in OBJECT_DEPS for c in token.head.children):
        return None
    for subject in (_sentence_neighbour(token), _reported_before(token, coreference)):
        if subject is not None:
            return subject if _fits(subject, token, coreference) else None
    return None


def antecedent_rule(token, antecedent, coreference) -> str:
    """The ``subject_rule`` of a pronoun row given the phrase ``antecedent``: ``RULE`` when this module chose it."""
    chosen = clause_antecedent(token, coreference) if antecedent is not None else None
    return RULE if chosen is not None and chosen.i == antecedent.i else "pronoun"


def pronoun_clause_antecedent(token, labels: frozenset[str], coreference, *, nameless, describe) -> tuple | None:
    """(antecedent, subject token) from the pronoun's own sentence or the one before, else None: first a
    neighbouring clause's nameless subject (``clause_antecedent``: ``nameless``), then a reporter
    (``antecedents.reporter_antecedent``, to which ``labels``, ``nameless`` and ``describe`` go)."""
    if (neighbour := clause_antecedent(token, coreference)) is not None:  # "although inflation fell, it rose"
        return nameless, neighbour
    return reporter_antecedent(token, labels, coreference, nameless=nameless, describe=describe)
