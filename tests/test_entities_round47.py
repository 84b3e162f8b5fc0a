"""Entity round 47 (issue 18, spans): an institution's head word standing alone is no entity (``lone_heads``,
configs/entities.toml, pipeline/stages/entities/noise.py), and an organisation's name the model cut before its
"of"/"for" part is grown whole (``rule:of_name``, pipeline/stages/entities/ofnames.py).

Dev articles: "all the High Courts" (dev12 1704) and "the first current Cabinet member" (dev12 1714); "the
Communications Authority of Kenya" (dev12 1701) and "the Regional Reference Laboratory for Polio Eradication"
(dev12 1713). A singular "Court" or "Tribunal" alone is
left to the model: after a named court it is a definite description of it (issue 18), though dev12's gold writes
"The Court concluded" as no entity. Fresh 2025-2026 phrases: MEA Tech Watch (2025, "the Telecommunications Regulatory Authority of Oman").
Look-alikes: names holding the head ("Bombay High Court", "Court of Appeal"), the chamber "House"
the dev gold keeps, and an organisation followed by "for" and a lower-case word, or "of" and its parent's acronym
(dev8 1307 "Defence Research & Development Laboratory of DRDO", two names in the gold).
"""
from __future__ import annotations

import pytest

from tests.test_entities import detect, extractor, lexicon  # noqa: F401 (fixtures)

HEADLINE = "News report\n"

LONE = [
    # (where, phrase, the lone head that must not be an entity)
    ("dev12-1704", "This week's roundup traverses all the High Courts to cover important cases in the last week of "
     "December.", "High Courts"),
    ("dev12-1714", "This week House Leader Karina Gould became the first current Cabinet member to step down.", "Cabinet"),
]


@pytest.mark.parametrize("where, phrase, word", LONE, ids=[f"{w}:{x}" for w, _, x in LONE])
def test_an_institutions_head_alone_is_no_entity(nlp, extractor, where, phrase, word):
    rows = detect(nlp, extractor, HEADLINE + phrase)
    assert not any(r["text"] == word for r in rows), rows


LONE_NOT = [
    # (phrase, a name holding the head that stays)
    ("The Bombay High Court upheld the arbitral award on Monday.", "Bombay High Court"),
    ("The Court of Appeal dismissed the challenge on Tuesday.", "Court of Appeal"),
    ("Speaker Mike Johnson said the House would vote on Friday.", "House"),
]


@pytest.mark.parametrize("phrase, name", LONE_NOT, ids=[n for _, n in LONE_NOT])
def test_names_holding_the_head_and_the_chamber_stay(nlp, extractor, phrase, name):
    rows = detect(nlp, extractor, HEADLINE + phrase)
    assert any(r["text"] == name for r in rows), rows


OF_NAMES = [
    # (where, phrase, the whole name)
    ("dev12-1701", "The Communications Authority of Kenya released the sector statistics on Monday.",
     "Communications Authority of Kenya"),
    ("dev12-1713", "According to test results from the Regional Reference Laboratory for Polio Eradication at the "
     "National Institute of Health, two new cases were confirmed.", "Regional Reference Laboratory for Polio Eradication"),
    ("meatechwatch-2025", "The Telecommunications Regulatory Authority of Oman has taken legal action against companies "
     "selling unlicensed telecom devices.", "Telecommunications Regulatory Authority of Oman"),
]


@pytest.mark.parametrize("where, phrase, name", OF_NAMES, ids=[f"{w}:{n}" for w, _, n in OF_NAMES])
def test_a_name_cut_at_of_or_for_is_grown_whole(nlp, extractor, where, phrase, name):
    rows = detect(nlp, extractor, HEADLINE + phrase)
    assert any(r["text"] == name and r["label"] == "ORG" for r in rows), rows


OF_NAMES_NOT = [
    # (phrase, a span that must not be grown into a longer one)
    ("The Safaricom Foundation for the second year funded school meals in Kisumu.", "Safaricom Foundation"),
    ("The Kenya Competition Authority for months studied the deal before approving it.", "Kenya Competition Authority"),
    ("NAMIS, developed by the Defence Research & Development Laboratory of DRDO, will improve the operational "
     "readiness of the Army.", "Defence Research & Development Laboratory"),  # dev8 1307: a unit and its parent body
]


@pytest.mark.parametrize("phrase, name", OF_NAMES_NOT, ids=[n for _, n in OF_NAMES_NOT])
def test_of_or_for_before_a_lower_case_word_ends_no_name(nlp, extractor, phrase, name):
    rows = detect(nlp, extractor, HEADLINE + phrase)
    assert not any(r["detector"] == "rule:of_name" for r in rows), rows


def test_the_span_is_the_source_text(nlp, extractor):
    text = HEADLINE + "The Communications Authority of Kenya's (CA) most recent industry data shows growth."
    rows = detect(nlp, extractor, text)
    grown = [r for r in rows if r["detector"] == "rule:of_name"]
    assert grown and all(r["text"] == "Communications Authority of Kenya" for r in grown), rows
