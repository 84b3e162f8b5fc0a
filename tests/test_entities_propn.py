"""Proper-noun runs (``rule:propn_run``): names the model tags nothing on that the parse marks as proper nouns.

Each real phrase (dev articles of tests/entities_news, the claims sample's dev excerpts, the seed corpus) holds a
name the model leaves without any entity and the rule finds; each look-alike holds capitals that style a common
word, a title, a figure, a ticker or a piece of a longer name, which the rule must leave alone. Every text opens
with a short headline line, as an article does, so the phrase is body text.
"""
from __future__ import annotations

import pytest

HEADLINE = "Market report\n"

#: (where the class was seen, phrase, the name the rule finds)
FOUND = [
    ("dev2-601", "The company has a consensus rating of Moderate Buy, based on data from MarketBeat.com.", "MarketBeat.com"),
    ("dev4-802", "FC Bayern claimed victory with a 5:1 win in Limassol at Pafos FC on Tuesday.", "Pafos FC"),
    ("dev6-1109", "Their frontline players had to fulfil their contractual obligations to SA20, the marquee T20 league.", "SA20"),
    ("dev7-1213", "The future BRP Diego Silang arrived 14 nautical miles off the coast of Zambales province on Monday.",
     "BRP Diego Silang"),
    ("dev7-1213", "The future BRP Diego Silang arrived 14 nautical miles off the coast of Zambales province on Monday.",
     "Zambales"),
    ("claims-448", "The heavyweights Alibaba and Meituan fell by about 1 percent, with JD.com losing about 2 percent.", "JD.com"),
    ("claims-301", "Voting began at 8 a.m., Xinhua news agency reported.", "Xinhua"),
    ("claims-326", "The pro-EU, liberal D66 tripled its seat count in the election.", "D66"),
    ("claims-426", "The declines come as CMA CGM withdraws its Asia-Europe services from the route.", "CMA CGM"),
    ("claims-218", "The Swedish striker joins Arne Slot's squad after scoring 54 goals.", "Arne Slot"),
    ("seed-004", "Attendees included the likes of KX, Forcys, Dell and Amazon Web Services.", "Forcys"),
]

#: (where the class was seen, phrase, a word the rule must not make a name of)
LOOK_ALIKES = [
    ("dev3-710", "The agency kept its advisory for the country at Level 2, Exercise Increased Caution, on Friday.", "Level"),
    ("dev3-710", "He said the Usual Precautions apply to travellers in the region this week.", "Precautions"),
    ("dev7-1214", "The company named a new Chief Executive on Monday after a long search.", "Chief"),
    ("dev6-1112", "The team fielded its Under-18s in the friendly on Saturday.", "Under-18s"),
    ("claims-421", "India raised the allocation to Rs7.85 lakh crore this year.", "Rs7.85"),
    ("dev2-609", "Shares in the group fell after the report, while AZN and SNY were flat.", "SNY"),
    ("dev4-812", "The report appeared in the journal Science Advances on Wednesday.", "Science"),
    ("dev7-1203", "The camp was run by the Italian Film Critic association this year.", "Critic"),
    ("dev7-1212", "Ruto said the government was building 14,000 units at the New Mukuru site this year.", "Mukuru"),
    ("dev6-1112", "Fans of Man Utd packed the stadium on Sunday evening.", "Man"),
]


@pytest.fixture(scope="module")
def tables():
    from pipeline import extract

    texts = [HEADLINE + phrase for _, phrase, _ in FOUND + LOOK_ALIKES]
    return extract({f"p{i:03d}": text for i, text in enumerate(dict.fromkeys(texts))}), list(dict.fromkeys(texts))


def _mentions(tables, phrase):
    result, texts = tables
    source = f"p{texts.index(HEADLINE + phrase):03d}.txt"
    return result.mentions[result.mentions.source == source]


@pytest.mark.parametrize("where, phrase, name", FOUND, ids=[f"{w}:{n}" for w, _, n in FOUND])
def test_a_proper_noun_run_no_entity_holds_is_found(tables, where, phrase, name):
    found = _mentions(tables, phrase)
    hit = found[found.text == name]
    assert not hit.empty, f"{name!r} not found: {list(zip(found.text, found.detector))}"
    assert set(hit.detector) == {"rule:propn_run"}, f"{name!r} found by {set(hit.detector)}: the test no longer tests the rule"


@pytest.mark.parametrize("where, phrase, word", LOOK_ALIKES, ids=[f"{w}:{n}" for w, _, n in LOOK_ALIKES])
def test_styled_capitals_titles_figures_and_pieces_are_no_proper_noun_run(tables, where, phrase, word):
    found = _mentions(tables, phrase)
    runs = found[(found.detector == "rule:propn_run") & found.text.str.contains(word, regex=False)]
    assert runs.empty, f"{word!r} made a name: {list(zip(runs.text, runs.label))}"
