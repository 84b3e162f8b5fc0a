"""Entity round 46 (configs/entities.toml, ``org_context_after_found`` and ``org_context_before``): companies the model
calls persons, places, products or works, told by what a company does or is called (evidence ``org_context``); look-alikes
that must keep their labels.

Cues, each seen in two dev articles: an airline's new route ("AirAsia
has officially launched its brand-new direct route", dev10 1505; "Emirates launched a new daily service", dev9 1402); a
trade's giant or a flag carrier in apposition ("Viettel, a tech giant of Vietnam", dev8 1303; "Emirates, the flagship
carrier,", dev9 1402); a shipyard or a journal right before the name ("Spanish shipyard Armon", dev7 1213; "the journal
Nature", dev7 1210). Phrases from fresh 2025 news: FlyMag (April 2025, "Arajet launched
its first-ever U.S. route", "U.S." written "nonstop" here), Aviation Week (April 2025, "Vietjet has launched two new
routes"). A deal cue ("Sun King finalized a massive $156m securitization deal", dev10 1503; "Axel Springer has struck a
€13.5bn deal", dev10 1513) was tried and dropped: both names open with a first name, whose person evidence the cue must
not overrule ("President Donald Trump struck a $600 billion deal" stays a person, below).
"""
from __future__ import annotations

import pytest

from tests.test_entities import detect, extractor, lexicon, named  # noqa: F401 (fixtures)


FOUND = [
    # (text, name)
    ("AirAsia has officially launched its brand-new direct route between Bangkok and Hai Phong.", "AirAsia"),
    ("In early August, Emirates launched a new daily service to Hangzhou.", "Emirates"),
    ("Last year, Emirates, the flagship carrier, introduced five new destinations.", "Emirates"),
    ("He expects support for his group's cooperation with Viettel, a tech giant of Vietnam, laying a foundation for AI.",
     "Viettel"),
    ("The Commissioners of Irish Lights took delivery of a new patrol boat built by Spanish shipyard Armon.", "Armon"),
    ("The technology was detailed in a study published in the journal Nature.", "Nature"),
    ("Uganda Airlines' rival Arajet launched its first-ever nonstop route on April 11, flying from Santo Domingo to Miami.",
     "Arajet"),
    ("Vietjet has launched two new routes from Ho Chi Minh City to Nagoya and Fukuoka, Japan.", "Vietjet"),
]


@pytest.mark.parametrize("text, name", FOUND, ids=[f"{i}-{f[1]}" for i, f in enumerate(FOUND)])
def test_a_company_cue_labels_the_name(nlp, extractor, text, name):
    rows = named(detect(nlp, extractor, text), name)
    assert rows and all((r["label"], r["evidence"]) == ("ORG", "org_context") for r in rows), rows


KEPT = [
    # (text, name, label): a player or a minister signs, launches a scheme; "a giant of" a person's art
    ("Mohamed Salah has signed a two-year deal worth $150m with Liverpool.", "Mohamed Salah", "PERSON"),
    ("Prime Minister Narendra Modi launched a new scheme for farmers on Monday.", "Narendra Modi", "PERSON"),
    ("Quincy Jones, a giant of American music, died at 91.", "Quincy Jones", "PERSON"),
    ("President Donald Trump struck a $600 billion deal with Saudi Arabia.", "Donald Trump", "PERSON"),
    ("Its co-founder, Tosin Eniolorunda, raised $20m from investors last year.", "Tosin Eniolorunda", "PERSON"),
    ("The city of Nairobi partnered with the startup to launch a new bus route.", "Nairobi", "GPE"),
]


@pytest.mark.parametrize("text, name, label", KEPT, ids=[k[1] for k in KEPT])
def test_look_alikes_keep_their_labels(nlp, extractor, text, name, label):
    rows = named(detect(nlp, extractor, text), name)
    assert rows and all(r["label"] == label for r in rows), rows


def test_the_spans_are_exact(nlp, extractor):
    text = "Axel Springer has struck a €13.5bn (AUS$22bn) deal, and Emirates, the flagship carrier, launched a route."
    rows = detect(nlp, extractor, text)
    assert all(text[r["start"]:r["end"]] == r["text"] for r in rows), rows
