"""Entity round 48 (issue 18, labels and short forms): countries a default organisation cue took, and clubs a player's
transfer or record names, with look-alikes that must keep their labels.

(a) ``countrycues.py``: a country of ISO 3166 the model calls a person, then made an organisation only by ``no_person``
or ``org_reference``, is GPE (evidence ``country_name``). Dev articles: dev12 1714 ("Bermuda: Rena Lalgie ...",
"Bolivia: This week Alan Lisperguer ..."), dev8 1310 ("lightweights Comoros, whose debut ..."). Fresh news:
none: the fresh leads on Comoros met (Devdiscourse and Football Audit, December 2025) have the model find no name or call
it GPE already.

(b) ``club_transfer_before``/``_after``, ``club_move_before`` (entities.toml, ``clubs.py``): in an article that writes
a word of ``club_sport_words``, "release from", "games/appearances/goals/caps for", "contract/extension with", "'s
swoop" and, for a name no place list knows, "move to" name a club (evidence ``club_context``), though a first name
opens it ("Chelsea", "Crystal Palace"). Dev articles: dev12 1712 (Leeds, Barcelona, Crystal Palace), dev6 1112 ("a
move to Chelsea"). Fresh news: Sportingpedia (October 2025, "his contract extension with Barcelona"), Jang (January 2026,
"Johnson's £35 million move to Palace").
"""
from __future__ import annotations

import pytest

from tests.test_entities import detect, extractor, lexicon, named  # noqa: F401 (fixtures)

_SHUFFLED = ("Shuffled: comings and goings\n\nBermuda: Rena Lalgie, the first female and first Afro-Caribbean Governor, has "
             "this week been replaced by former Director of Ocean Policy at the Foreign Office, Andrew Murdoch.\nBolivia: "
             "This week Alan Lisperguer became the second successive Environment Minister to be removed from office.")

FOUND = [
    # (text, name, label, evidence or None); dev12 1714, a newsletter's country headings
    (_SHUFFLED, "Bermuda", "GPE", "country_name"),
    (_SHUFFLED, "Bolivia", "GPE", "country_name"),
    ("Bolivia: This week Alan Lisperguer became the second successive Environment Minister to be removed from office on "
     "charges of corruption and illicit enrichment.", "Bolivia", "GPE", "country_name"),
    # dev8 1310 ("whose ... losing": org_reference)
    ("As hosts, the Atlas Lions will open AFCON 2025 on Sunday with lightweights Comoros, whose debut was two editions "
     "ago, losing 1-2 to Cameroon in the Round of 16.", "Comoros", "GPE", "country_name"),
    # dev12 1712 and dev6 1112
    ("Getafe are close to signing Patrick Bamford after the striker's release from Leeds. Bamford, who scored 60 goals "
     "in 205 games for Leeds, rejected Chelsea earlier in his career.", "Leeds", "ORG", "club_context"),
    ("Frenkie de Jong has agreed to a contract extension with Barcelona until 2029, accepting reduced wages after "
     "months of stalled talks, the midfielder said.", "Barcelona", "ORG", "club_context"),
    ("The 32-year-old striker is expected to travel to Madrid following Crystal Palace's swoop for Uche on deadline "
     "day.", "Crystal Palace", "ORG", "club_context"),
    ("Strasbourg assistant coach Filipe Coelho has opened up on his decision to reject a move to Chelsea earlier this "
     "year. The Portuguese coach was heavily linked with a return to Stamford Bridge when Liam Rosenior left the Ligue 1 "
     "outfit.", "Chelsea", "ORG", None),
    # Sportingpedia, October 2025
    ("The midfielder has confirmed that a verbal agreement has been reached for his contract extension with Barcelona.",
     "Barcelona", "ORG", "club_context"),
    # Jang, January 2026 (the striker's record move)
    ("Johnson's £35 million move to Palace is now the club's most expensive signing, beating the £27 million paid for "
     "Christian Benteke in 2016. The striker will wear the number nine shirt.", "Palace", "ORG", "club_context"),
]

KEPT = [
    # (text, name, label): a person named like a country, a city after a move, a city outside sport
    ("Jordan said he would appeal against the ruling, his lawyer told reporters on Monday.", "Jordan", "PERSON"),
    ("The striker completed his move to London on deadline day, a year after joining the academy.", "London", "GPE"),
    ("The retailer signed a contract with Barcelona city hall to run the new stores, its chief executive said.",
     "Barcelona", "GPE"),
    ("The company said its move to Leeds would bring 300 jobs to the city by 2027.", "Leeds", "GPE"),
]


@pytest.mark.parametrize("text, name, label, evidence", FOUND, ids=[f"{f[1]}-{i}" for i, f in enumerate(FOUND)])
def test_the_cue_labels_the_name(nlp, extractor, text, name, label, evidence):
    rows = named(detect(nlp, extractor, text), name)
    assert rows and all(r["label"] == label for r in rows), rows
    if evidence is not None:
        assert all(r["evidence"] == evidence for r in rows), rows


@pytest.mark.parametrize("text, name, label", KEPT, ids=[f"{k[1]}-{i}" for i, k in enumerate(KEPT)])
def test_look_alikes_keep_their_labels(nlp, extractor, text, name, label):
    rows = named(detect(nlp, extractor, text), name)
    assert all(r["label"] == label for r in rows), rows
    assert all(r["evidence"] not in ("club_context", "country_name") for r in rows), rows
