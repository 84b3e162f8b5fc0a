"""A body of figures that "shows" a noun: the claim is about what is shown (claims round 68, issue 16).

"The latest figures from the Bureau of Labor Statistics (BLS) show modest job growth" (dev13 550_), "Data by
Linerlytica peer platform, Alphaliner, shows the containership fleet at over 33 million TEU capacity" (dev13 543_)
and "A deeper dive into the numbers reveals a significant drop in full-time employment" (dev9 424_): the data only
source the finding, as "Official data showed the rate increased" does for a clause (``evidence_subject``). When a
subject headed by one of ``evidence_nouns`` (or a nameless noun whose ``looking_preps`` phrase holds one: "a
deeper dive into the numbers") is the ``nsubj`` of one of ``finding_verbs`` with a common-noun direct object after
it, the claim is about that object; a noun of change (``change_nouns``) leads on to what changed, through its
``change_preps`` phrase, or stands when a compound names it ("job growth") (``subject_rule`` ``shown_object``).
A single value is no body of figures: a singular noun of ``single_value_nouns`` ("The headline monthly inflation
figure showed a 0.2% increase", dev12 500_) keeps its claim, as do a subject naming a body or a person ("The
company's gaming segment showed impressive performance"), a change with no phrase of what changed ("The data show
a rise of 4%": what rose is not said) and a figure object.
"""
from __future__ import annotations

NOUNS = frozenset({"NOUN", "PROPN"})


def _body_of_figures(noun, rules) -> bool:
    """True when ``noun`` is one of ``evidence_nouns`` naming a body of figures, not a single value."""
    lemma = noun.lemma_.lower()
    if noun.pos_ != "NOUN" or (lemma not in rules.evidence_nouns and noun.lower_ not in rules.evidence_nouns):
        return False
    return noun.tag_ == "NNS" or lemma not in rules.single_value_nouns


def _looks_into_figures(noun, rules) -> bool:
    """True when ``noun`` is a body of figures or looks into one ("A deeper dive into the numbers")."""
    if _body_of_figures(noun, rules):
        return True
    return noun.pos_ == "NOUN" and any(
        prep.dep_ == "prep" and prep.lower_ in rules.looking_preps and _body_of_figures(target, rules)
        for prep in noun.children for target in prep.children if target.dep_ == "pobj")


def shown_object(token, verb, rules):
    """The noun a body of figures (``token``, the subject of ``verb``) shows, else None."""
    if token.dep_ != "nsubj" or token.head.i != verb.i or verb.lemma_.lower() not in rules.finding_verbs \
            or not _looks_into_figures(token, rules):
        return None
    shown = next((c for c in verb.children if c.dep_ == "dobj" and c.i > verb.i), None)
    if shown is None or shown.pos_ not in NOUNS or shown.like_num:
        return None
    if shown.lemma_.lower() not in rules.change_nouns:
        return shown
    # "a significant drop in full-time employment": what changed; "modest job growth" names it in a compound, and
    # a change that names nothing ("a rise of 4%": a figure) is left
    changed = next((target for prep in shown.children if prep.dep_ == "prep" and prep.lower_ in rules.change_preps
                    for target in prep.children if target.dep_ == "pobj" and target.pos_ in NOUNS
                    and not any(t.like_num or t.pos_ == "NUM" for t in target.subtree)), None)
    if changed is not None:
        return changed
    return shown if any(c.dep_ == "compound" and c.pos_ in NOUNS for c in shown.children) else None
