"""Nationalities that only say where a thing trades or is measured: "Indian equities" are the equities, not India.

A nameless subject phrase with a nationality adjective names its country (``nationality``: "British negotiators",
"Romanian authorities", "Polish officials", "Russian drones": the United Kingdom, Romania, Poland, Russia). On a head
that trades on a market (``traded_nouns``: "market", "equity", "bond", "currency") or an owned measure no serving
word covers (``owned_nouns`` less ``Coreference.place_owns``: "economy", "exports", "stocks"), the nationality says
where, as a place compounded on it does ("Hong Kong stocks", ``places``): "Mumbai: Indian equity markets ended higher
Thursday" (dev14 561_, Orissa Post/IANS) was judged about the markets, the country no alias; "The Australian stock
market reached unprecedented heights" (dev11 477_, ScanX) with "'Australian' alone is a modifier"; "Indian economy has
witnessed rapid disinflation" (dev11 479_) about the economy, India an alias. The phrase's own words stand, with
``subject_rule`` ``nationality_modifier`` (claims round 67). People and bodies serving the country and title heads
("the Ukrainian president") stay its, and so does every other head.
"""
from __future__ import annotations

from pipeline.stages.claims.antecedent_checks import place_passed_over
from pipeline.stages.claims.coreference import Coreference, nationality_of


def only_where(token, coreference: Coreference) -> bool:
    """True when a nationality on the common noun ``token`` would only say where it trades or is measured."""
    rules = coreference.rules
    if token.pos_ != "NOUN" or coreference.place_owns(token):
        return False
    return token.lemma_.lower() in rules.traded_nouns or token.lower_ in rules.traded_nouns or coreference.owns(token)


def national_subject(token, coreference: Coreference) -> dict | None:
    """The country a nameless phrase belongs to by its nationality adjective (``coreference.nationality_of``), or
    None when the nationality only says where (``only_where``)."""
    return None if only_where(token, coreference) else nationality_of(token, coreference.index, coreference.rules)


def modifier_passed_over(token, coreference: Coreference) -> str | None:
    """The rule that kept the subject phrase's own words over a place or nationality modifying it, or None.

    ``place_modifier`` ("Hong Kong stocks": ``antecedent_checks.place_passed_over``), ``nationality_modifier``
    ("Indian equities": a nationality that would have named its country, on a head it only says where of)."""
    if place_passed_over(token, coreference):
        return "place_modifier"
    if only_where(token, coreference) and nationality_of(token, coreference.index, coreference.rules) is not None:
        return "nationality_modifier"
    return None
