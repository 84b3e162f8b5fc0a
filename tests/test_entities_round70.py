"""Entity round 70 (issue 18, names missed entirely): a country WordNet also lists, that the model tags as no entity
and ``propn`` leaves as a common word, is a place (``rule:word_place``; ``pipeline/stages/entities/wordplaces.py``).

Dev: dev3 702 "Angola quit the group", dev8 1310 "losing 1-2 to Cameroon in the Round of 16", dev12 1714 "The fall of
Goma to Rwandan-backed M23 rebels". Look-alikes: a first
name ("Chad"), a piece of a longer name ("Jordan Valley", "Chad Smith"), a word the text writes in lower case
("turkey"), a line's lone word with no verb, the short form of a longer name ("Leicester" beside "Leicester City").
"""
from __future__ import annotations

import pytest

from tests.test_entities import detect, extractor, lexicon, named  # noqa: F401 (fixtures)

# (text, the country the rule finds)
FOUND = [
    ("Several African producers are resisting cuts. Angola quit the group in 2024 over a similar dispute.", "Angola"),
    ("Comoros, whose debut was two editions ago, losing 1-2 to Cameroon in the Round of 16 after scrapping through.",
     "Cameroon"),
    ("Congo-Kinshasa (DRC): The fall of Goma to Rwandan-backed M23 rebels has raised the stakes.", "Goma"),
]

# (text, word): look-alikes the rule must not make a country
KEPT = [
    ("Chad Smith said the quarter was strong.", "Chad"),  # a first name opening a person's name
    ("He toured the Jordan Valley last week.", "Jordan"),  # a piece of a longer name
    ("Turkey prices rose before the holiday, and turkey farmers were pleased.", "Turkey"),  # written lower case too
    ("Angola\n\nOil output fell in the quarter.", "Angola"),  # a line alone, no verb after it
    # dev7 1204: the club's short form beside its full name
    ("Chelsea sealed a win against Leicester City at Stamford Bridge.\n\nLeicester impressed during the first half.",
     "Leicester"),
]


@pytest.mark.parametrize("text,name", FOUND)
def test_country_found(nlp, extractor, text, name):  # noqa: F811
    rows = named(detect(nlp, extractor, text), name)
    assert rows and all(r["label"] == "GPE" and r["detector"] == "rule:word_place" and r["evidence"] == "word_place"
                        for r in rows), detect(nlp, extractor, text)
    assert all(text[r["start"]:r["end"]] == r["text"] and r["kb_id"].startswith(("iso3166:", "geonames:")) for r in rows)


@pytest.mark.parametrize("text,word", KEPT)
def test_look_alikes_left_alone(nlp, extractor, text, word):  # noqa: F811
    rows = detect(nlp, extractor, text)
    assert not any(r["detector"] == "rule:word_place" and word in r["text"] for r in rows), rows
