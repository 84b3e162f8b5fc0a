"""A nationality standing alone as a definite subject is the person it describes ("The Italian", "The Kenyan").

Sport and news copy takes a person up again by nationality after naming them: "Sinner extended his
winning spree ... The Italian also extended his win streak" (dev10 451_), "the last marathon for Eliud
Kipchoge ... The Kenyan, who turns 41 on Wednesday, finished 17th" (dev2 310_). The word is a NORP
mention of a nationality (the gazetteer's ``nationalities``), singular, made definite by an anaphoric
determiner and heading its phrase with no name of its own; it stands for the person a description
of a person would (``kind_reference``: the latest subject naming a person, else the last person named
within ``backreference_reach``). A plural ("The Italians") is a team or a people, an adjective before
a noun ("the Italian government") or a name ("the German Alexander Zverev") is not the head, and a
nationality with no person before it keeps its own words.
"""
from __future__ import annotations

from pipeline.stages.claims.antecedent_checks import kind_reference
from pipeline.stages.claims.coreference import Coreference
from pipeline.stages.claims.grammar import PLURAL_TAGS
from pipeline.stages.claims.words import fold


def demonym_person(token, coreference: Coreference) -> dict | None:
    """The person a definite, nameless, singular nationality subject ``token`` stands for, or None."""
    rules, index = coreference.rules, coreference.index
    row = index.mention_of(token)
    if row is None or row["label"] != "NORP" or fold(row["text"]) not in rules.nationality_countries \
            or token.tag_ in PLURAL_TAGS or token.pos_ not in {"NOUN", "PROPN", "ADJ"}:
        return None
    first = token.doc[token.left_edge.i]
    if not (first.dep_ == "det" and first.lower_ in rules.anaphoric_determiners):
        return None
    if any(c.dep_ in {"appos", "compound", "flat"} or (c.pos_ == "PROPN" and c.i > token.i) for c in token.children):
        return None
    return kind_reference(token, rules.person_labels, coreference)
