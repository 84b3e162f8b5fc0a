"""Claims round 66 (issue 16): a place and a colon opening a paragraph is a dateline (``place_colon``).

Dev articles (their sentences marked dev): dev2 311_ "London:", dev7 404_ "NEW DELHI:", dev10 451_ "Melbourne:", dev11
479_ "New Delhi:", dev13 542_ "Jaipur:" (the one row it changes: "Jaipur", a person to the entities stage and the
parser's root, was the nearest name); fresh news: Millennium Post of 4 September 2025 ("Kolkata: The state Cabinet
..."). Look-alikes that are no dateline: a speaker tag ("Smith: We will ...", a city-named speaker's "Austin: We ..."),
"Note:", "Update:", "BREAKING:", a headline's lead-in ("Transfer Deadline Day:"), a run of "Name:" tags (a
transcript), a person named like a city whose full name the article gives.
"""
from __future__ import annotations

import pytest

from pipeline.stages.claims import index
from pipeline.stages.claims.place_colon import place_colon_datelines
from tests.test_claims import _claim_for, extractor  # noqa: F401 (fixture)


@pytest.mark.parametrize("text, place", [
    pytest.param("Jaipur: The Supreme Court (SC) on Wednesday rejected the Special Leave Petition (SLP) of Baran Anta "
                 "MLA, Kanwarlal Meena of the BJP.", "Jaipur:", id="542_-dev-jaipur"),
    pytest.param("London: The 2025 Test series between India and England will go down in the history books.",
                 "London:", id="311_-dev-london"),
    pytest.param("NEW DELHI: India has reported 13,052 dengue cases and 19 deaths this year.", "NEW DELHI:",
                 id="404_-dev-new-delhi-capitals"),
    pytest.param("Melbourne: It was a battle of the top 2 ranked players in tennis at the moment.", "Melbourne:",
                 id="451_-dev-melbourne"),
    pytest.param("New Delhi: Reserve Bank of India (RBI) Governor Sanjay Malhotra on Friday announced a cut.",
                 "New Delhi:", id="479_-dev-new-delhi"),
    pytest.param("Kolkata: The state Cabinet, chaired by Chief Minister Mamata Banerjee at the Assembly on Thursday, "
                 "cleared key decisions.", "Kolkata:", id="millenniumpost-2025-09-kolkata-cabinet"),
    pytest.param("Headline of the day\n\nJaipur: The Supreme Court on Wednesday rejected the plea.", "Jaipur:",
                 id="542_-dev-second-paragraph"),
])
def test_a_place_before_a_colon_opening_a_paragraph_is_a_dateline(text, place):
    found = place_colon_datelines(text)
    assert [text[start:end] for start, end, _ in found] == [place]
    assert found[0][2].startswith(("geonames:", "iso3166:"))


@pytest.mark.parametrize("text, mentions", [
    pytest.param("Smith: We will cut rates by half a point in March.", (), id="speaker-tag"),
    pytest.param("Austin: We will cut rates by half a point in March.", (), id="city-named-speaker-we"),
    pytest.param("Paris: “The deal is done,” she said.", (), id="city-named-speaker-quote"),
    pytest.param("Note: The figures were revised on Monday.", (), id="note"),
    pytest.param("Update: The company said it had agreed a deal.", (), id="update"),
    pytest.param("BREAKING: Donald Trump has been sworn in.", (), id="360_-dev-breaking"),
    pytest.param("Transfer Deadline Day: Liverpool completed a record signing.", (), id="218_-dev-lead-in"),
    pytest.param("Austin: The numbers show a 3% rise.\nPatel: The numbers show no such thing.", (),
                 id="transcript-run-of-tags"),
    pytest.param("Florence: The plan was approved on Monday.", ({"label": "PERSON", "text": "Sarah Florence"},),
                 id="person-named-like-a-city"),
    pytest.param("The minister said in London: The talks will go on.", (), id="not-at-paragraph-start"),
])
def test_no_dateline_where_no_place_opens_a_report(text, mentions):
    assert place_colon_datelines(text, mentions) == []


@pytest.mark.parametrize("text, expected", [
    pytest.param("Jaipur: The Supreme Court on Wednesday rejected the plea.", ["Jaipur:"], id="542_-dev-clause"),
    pytest.param("Kolkata: The state Cabinet, chaired by Chief Minister Mamata Banerjee at the Assembly on Thursday, "
                 "cleared key decisions.", ["Kolkata:"], id="millenniumpost-2025-09-clause"),
    # a verbless line of figures about a country is a list item, no dateline (tests/test_claims.py)
    pytest.param("China: The second-largest spender ($314 billion, up 7%).", [], id="verbless-country-item"),
])
def test_a_clause_of_its_own_follows_the_dateline(nlp, text, expected):
    found = place_colon_datelines(text, doc=nlp(text))
    assert [text[start:end] for start, end, _ in found] == expected


def test_the_dateline_place_is_no_subject(nlp, extractor):
    text = "Jaipur: The Supreme Court on Wednesday rejected the plea of the MLA, and gave him two weeks to surrender."
    _, row = _claim_for(nlp, extractor, text, "Wednesday")
    assert row["subject"] != "Jaipur", row


@pytest.mark.parametrize("text, value", [
    pytest.param("Smith: We will cut rates by 0.5% in March.", "0.5%", id="speaker-tag"),
    pytest.param("Note: The company cut its forecast by 2% on Monday.", "2%", id="note"),
    pytest.param("China: The second-largest spender ($314 billion, up 7%).", "$314 billion", id="verbless-country-item"),
    pytest.param("The British government announced Monday it had agreed a £1 billion contract.", "£1 billion",
                 id="552_-dev-no-colon"),
])
def test_look_alikes_keep_their_subject(nlp, extractor, monkeypatch, text, value):
    _, row = _claim_for(nlp, extractor, text, value)
    monkeypatch.setattr(index, "place_colon_datelines", lambda *args, **kwargs: [])
    _, before = _claim_for(nlp, extractor, text, value)
    assert (row["subject"], row["subject_rule"]) == (before["subject"], before["subject_rule"]), row
