"""Entity round 58 (issue 18, organisations labelled PERSON): a name the model calls a person that ends in a place no
surname is (two words or more, a continent, or a one-word country after no first name) is an organisation
(``place_in_name``); ``placednames.placed_organisation``.

Dev: dev10 1508 ("Agencia Brasil"), dev10 1514 ("Silo Africa"), dev12 1701 ("Airtel Kenya"), dev12 1707 ("Wynn Las
Vegas"). Look-alikes: people whose surname is a place's name ("Michael Jordan", "Jimmy Wales", "Whitney Houston",
"Jack London"), people named like firms ("Warren Buffett said", "Mr Chase"), and each guard called on a span directly.
"""
from __future__ import annotations

import pytest

from pipeline.stages.entities.context import ArticleContext, Mention
from pipeline.stages.entities.options import Options
from pipeline.stages.nlp import view_text
from tests.test_entities import detect, extractor, lexicon, named  # noqa: F401 (fixtures)

# (text, span given to the rule as a model PERSON): phrases of the dev articles and fresh news
FOUND = [
    ('"We are humbled by the support," said Airtel Kenya MD Ashish Malhotra.', "Airtel Kenya"),
    ("Silo Africa and Cladfy secured second place with US$60,000 each.", "Silo Africa"),
    ("Power is supplied to Caesars Entertainment, and Wynn Las Vegas under long-term agreements.", "Wynn Las Vegas"),
    ("Vaccine hesitancy prevails, he noted. (Source: Agencia Brasil)", "Agencia Brasil"),
    ("MTN Nigeria said data revenue rose 40% in the quarter.", "MTN Nigeria"),
    ("Ecobank Ghana raised its lending rate.", "Ecobank Ghana"),
    ("Jumia South Africa closed its food delivery arm.", "Jumia South Africa"),
]

# (text, span, label given to the rule): look-alikes the rule must leave as they are
KEPT = [
    ("Michael Jordan bought a stake in the team.", "Michael Jordan", "PERSON"),  # a first name, a one-word country
    ("Jimmy Wales founded the online encyclopedia.", "Jimmy Wales", "PERSON"),
    ("Whitney Houston sold 200 million records.", "Whitney Houston", "PERSON"),  # a one-word city decides nothing
    ("The novel by Jack London was reissued.", "Jack London", "PERSON"),
    ("Warren Buffett said the market was expensive.", "Warren Buffett", "PERSON"),  # no place at all
    ("Mr Chase said the bank would not comment.", "Chase", "PERSON"),
    ("President Silo Africa said the party would expand.", "Silo Africa", "PERSON"),  # a title before it
    ("Speaking on Monday, Silo Africa said he would expand.", "Silo Africa", "PERSON"),  # "said he"
    ("Thai AirAsia now operates six routes to Vietnam.", "Thai AirAsia", "PERSON"),  # no place at its end
    ("Tauranga Whai claimed their inaugural championship.", "Tauranga Whai", "PERSON"),  # a place opens it
    ("Airtel Kenya acquired 3.01 million subscribers.", "Airtel Kenya", "GPE"),  # only a model PERSON is read
]


def _apply(nlp, lexicon, extractor, text: str, span: str, label: str = "PERSON", **kw) -> Mention:  # noqa: F811
    from pipeline.stages.entities.placednames import placed_organisation

    options = Options.from_lexicon(lexicon)
    ctx = ArticleContext.read(nlp(view_text(text)), text, options.titles, {}, {})
    start = text.index(span)
    m = Mention(start, start + len(span), label, kw.pop("detector", "model"), **kw)
    return placed_organisation(ctx, m, **extractor.placed)


@pytest.mark.parametrize("text, span", FOUND, ids=[f[1] for f in FOUND])
def test_a_name_ending_in_a_place_is_an_organisation(nlp, lexicon, extractor, text, span):  # noqa: F811
    out = _apply(nlp, lexicon, extractor, text, span)
    assert (out.label, out.evidence) == ("ORG", "place_in_name")
    assert text[out.start:out.end] == span  # the span is untouched


@pytest.mark.parametrize("text, span, label", KEPT, ids=[k[1] + "/" + k[2] for k in KEPT])
def test_look_alikes_keep_their_label(nlp, lexicon, extractor, text, span, label):  # noqa: F811
    out = _apply(nlp, lexicon, extractor, text, span, label)
    assert (out.label, out.evidence) == (label, None)


def test_only_an_uncued_model_person_is_read(nlp, lexicon, extractor):  # noqa: F811
    text = "Silo Africa and Cladfy secured second place with US$60,000 each."
    assert _apply(nlp, lexicon, extractor, text, "Silo Africa", evidence="first_name").label == "PERSON"
    assert _apply(nlp, lexicon, extractor, text, "Silo Africa", detector="gazetteer").label == "PERSON"


@pytest.mark.parametrize("text, name", [
    ("In the first three months, Airtel Kenya acquired 3.01 million SIM card subscriptions. \"We are deeply humbled,\" "
     "said Airtel Kenya MD Ashish Malhotra.", "Airtel Kenya"),
    ("The remaining 70 MW of solar power is supplied to Overton Power District No. 5, Caesars Entertainment, and Wynn "
     "Las Vegas under long-term power purchase agreements (PPAs).", "Wynn Las Vegas"),
], ids=["Airtel Kenya", "Wynn Las Vegas"])
def test_whole_extractor_gives_an_organisation(nlp, extractor, text, name):  # noqa: F811
    rows = named(detect(nlp, extractor, text), name)
    assert rows and all(r["label"] == "ORG" for r in rows), detect(nlp, extractor, text)
    assert all(text[r["start"]:r["end"]] == r["text"] for r in rows)


@pytest.mark.parametrize("text, name", [
    ("Michael Jordan said he would sell his stake in the Charlotte Hornets.", "Michael Jordan"),
    ("Warren Buffett said Berkshire Hathaway had no deal in view.", "Warren Buffett"),
    ("Jimmy Wales, the founder of Wikipedia, spoke in London on Tuesday.", "Jimmy Wales"),
], ids=["Michael Jordan", "Warren Buffett", "Jimmy Wales"])
def test_whole_extractor_keeps_people(nlp, extractor, text, name):  # noqa: F811
    rows = detect(nlp, extractor, text)
    assert not [r for r in rows if r["evidence"] == "place_in_name"], rows
    found = named(rows, name)
    assert found and all(r["label"] == "PERSON" for r in found), rows
