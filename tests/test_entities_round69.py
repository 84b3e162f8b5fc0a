"""Entity round 69 (issue 18, label errors the model made unopposed): a trade noun in apposition makes a company
(``trade_apposition``; ``pipeline/stages/entities/tradenouns.py``).

Dev: dev12 1707 "Mining giant Rio Tinto" (the model's GPE), dev2 607 "Cypriot side Pafos FC" (PRODUCT), dev14 1902
"L’imad, a new sovereign wealth fund chaired by" (PERSON). Look-alikes: a giant of no trade ("gas giant Jupiter",
"the giant Panda"), "side" after no nationality ("the other side Moscow"), an apposition whose noun is a person's
("a former startup founder") or that no participle of ownership closes ("a fund manager said").
"""
from __future__ import annotations

import pytest

from pipeline.stages.entities.options import Options
from pipeline.stages.entities.tradenouns import TradeNouns
from tests.test_entities import detect, extractor, lexicon, named  # noqa: F401 (fixtures)

# (text, span, found): the dev phrases, fresh wordings of the shapes, and their look-alikes
CASES = [
    ("Solar-powered copper mine: Mining giant Rio Tinto has switched on a new 25 MW solar power plant", "Rio Tinto", True),
    ("a hard-fought 1-0 victory over Cypriot side Pafos FC at Stamford Bridge", "Pafos", True),
    ("Abu Dhabi has folded state holding vehicle ADQ into L’imad, a new sovereign wealth fund chaired by the emirate’s crown prince",
     "L’imad", True),
    ("Oil giant Petrobras cut its capital spending plan", "Petrobras", True),
    ("Videogame giant Electronic Arts agreed to be taken private", "Electronic Arts", True),
    ("a 2-0 win for German side Bayern on Tuesday", "Bayern", True),
    ("Kestrel, a small private company owned by two brothers, said", "Kestrel", True),
    ("the gas giant Jupiter is the largest planet", "Jupiter", False),  # no trade word before "giant"
    ("we saw the giant Panda at the zoo", "Panda", False),  # no trade word at all
    ("talks with the other side Moscow rejected", "Moscow", False),  # no nationality before "side"
    ("Sam Altman, a former startup founder, said", "Sam Altman", False),  # the trade noun is not the apposition's last
    ("Jane Fraser, a fund manager said", "Jane Fraser", False),  # no participle of ownership after the noun
    ("Mining giant's Rio Tinto unit", "Rio Tinto", False),  # a possessive between
]


@pytest.mark.parametrize("text, span, found", CASES, ids=[f"{c[1]}-{c[2]}" for c in CASES])
def test_the_cue(lexicon, text, span, found):
    trade = TradeNouns(lexicon["entities"], Options.from_lexicon(lexicon).demonyms)
    start = text.index(span)
    assert trade.cued(text, start, start + len(span)) is found


def test_a_company_after_a_trade_giant_is_an_organisation(nlp, extractor):
    text = "Mining giant Rio Tinto has switched on a new 25 MW solar power plant at its Kennecott copper mine in Utah."
    rows = named(detect(nlp, extractor, text), "Rio Tinto")
    assert rows and all(r["label"] == "ORG" for r in rows)
    assert text[rows[0]["start"]:rows[0]["end"]] == "Rio Tinto"  # the span is untouched


def test_a_planet_after_gas_giant_keeps_its_label(nlp, extractor):
    rows = named(detect(nlp, extractor, "The probe flew past the gas giant Jupiter in July."), "Jupiter")
    assert all(r["evidence"] != "trade_apposition" for r in rows)
