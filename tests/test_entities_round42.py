"""Entity round 42 (issue 18, names missed altogether): a one-word name opening its sentence that the parse marks as a
proper noun and no English word index knows (``rule:propn_initial``, pipeline/stages/entities/propn.py), and a
camel-case brand ending in its one capital (``camel_brand``, pipeline/stages/entities/shapes.py).

Dev articles: sentence-initial names in dev10 1503 ("Moniepoint accounted for"; "BasiGo secured" is still missed:
the parse tags it no proper noun), dev4 811
("Innoviva."), dev5 909 ("Legrand fell"), dev5 911 ("Sanofi"), dev8 1305 ("Vueling"); brands ending in a capital
in dev10 1503 ("while hearX closed") and dev10 1514 ("Technologies and truQ took first place"). Fresh 2025-2026
phrases: Nairametrics (January 2026) and CoinFeather (November 2025) on African startup funding. Look-alikes: a
sentence opened by a common word or a longer run ("Shares", "Brent", "FC Bayern" whose "Bayern" is also a place),
an acronym ("FDA"), units the quantities stage's registry knows ("kW", "mmHg"), and names whose spans must stay as
they are ("Johnson & Johnson", "Procter and Gamble", "Bosnia and Herzegovina", "AT&T", "3M", "eBay").
"""
from __future__ import annotations

import pytest

from tests.test_entities import detect, extractor, lexicon  # noqa: F401 (fixtures)

HEADLINE = "Market report\n"

INITIAL = [
    # (where, phrase, name)
    ("nairametrics-2026-01", "Moniepoint closed two large rounds to deepen its merchant acquiring, agency banking, and "
     "SME financial infrastructure across Nigeria and beyond.", "Moniepoint"),
    ("coinfeather-2025-11", "A total of 53 startups raised at least $100,000 in October. Spiro led the funding efforts "
     "with a substantial raise of $100 million.", "Spiro"),
    ("dev5-909", "Accor gained 1.30% and Engie advanced 1.12%. Legrand fell 1.63% and Societe Generale declined 1.21%.",
     "Legrand"),
]


@pytest.mark.parametrize("where, phrase, name", INITIAL, ids=[f"{w}:{n}" for w, _, n in INITIAL])
def test_a_name_opening_its_sentence_is_found(nlp, extractor, where, phrase, name):
    rows = [r for r in detect(nlp, extractor, HEADLINE + phrase) if r["text"] == name]
    assert rows, f"{name!r} not found"


INITIAL_NOT = [
    # (phrase, a word that must not be a proper-noun run opening its sentence)
    ("Shares of the lender fell 3% on Tuesday after the results.", "Shares"),
    ("Brent crude futures rose 1.2% to $64.10 a barrel by 0900 GMT.", "Brent"),
    ("FC Bayern claimed victory with a 5:1 win in Limassol at Pafos FC on Tuesday.", "FC Bayern"),
    ("FDA approved the drug on Friday for adults with the condition.", "FDA"),
    ("Meanwhile the central bank held its policy rate at 5.5% for a third meeting.", "Meanwhile"),
]


@pytest.mark.parametrize("phrase, word", INITIAL_NOT, ids=[w for _, w in INITIAL_NOT])
def test_common_words_acronyms_and_longer_runs_opening_a_sentence_are_left(nlp, extractor, phrase, word):
    rows = detect(nlp, extractor, HEADLINE + phrase)
    assert not any(r["text"] == word and r["detector"] == "rule:propn_initial" for r in rows), rows


CAMEL = [
    ("In South Africa, Stitch raised $55m, while hearX closed a $100m merger/funding deal.", "hearX"),  # dev10 1503
    ("Farmer Lifeline Technologies and truQ took first place and US$100,000 each.", "truQ"),  # dev10 1514
]


@pytest.mark.parametrize("text, name", CAMEL, ids=[n for _, n in CAMEL])
def test_a_camel_case_brand_ending_in_its_capital_is_an_organisation(nlp, extractor, text, name):
    rows = [r for r in detect(nlp, extractor, text) if r["text"] == name]
    assert rows and all((r["label"], r["evidence"]) == ("ORG", "camel_brand") for r in rows), rows


UNITS = [
    ("The rooftop array feeds a 250 kW inverter at the depot.", "kW"),
    ("Her blood pressure was 120 mmHg at the check, the hospital said.", "mmHg"),
]


@pytest.mark.parametrize("text, word", UNITS, ids=[w for _, w in UNITS])
def test_units_are_no_camel_case_brand(nlp, extractor, text, word):
    rows = detect(nlp, extractor, text)
    assert not any(r["text"] == word and r["evidence"] == "camel_brand" for r in rows), rows


KEPT = [
    ("Shares of Johnson & Johnson rose 2% after the drugmaker raised its forecast.", "Johnson & Johnson"),
    ("Shares of Procter and Gamble slipped after the consumer group cut its outlook.", "Procter and Gamble"),
    ("Voters in Bosnia and Herzegovina go to the polls on Sunday.", "Bosnia and Herzegovina"),
    ("The carrier said AT&T would add fibre lines in 2026.", "AT&T"),
    ("Industrial group 3M said on Tuesday it would cut costs.", "3M"),
    ("Online marketplace eBay said its quarterly sales rose 6%.", "eBay"),
]


@pytest.mark.parametrize("text, name", KEPT, ids=[n for _, n in KEPT])
def test_joined_names_keep_their_spans(nlp, extractor, text, name):
    # no mention cuts the name or runs past it ("3M" the small model leaves without any mention: nothing cut)
    rows = detect(nlp, extractor, text)
    at = text.index(name)
    assert not any(r["start"] < at + len(name) and at < r["end"] and r["text"] != name for r in rows), rows
    assert all(text[r["start"]:r["end"]] == r["text"] for r in rows), rows
