"""Entity round 38 (pipeline/stages/entities/shapes.py): a work's title in quotes after a work word, a lower-case or
camel-case brand, and a maker's name with its model's designator; look-alikes that must not take those labels.

Dev articles: dev8 1311 and dev9 1413 (titles after "feature,", "entry", "production", "drama"); dev4 813, dev9 1402
and 1414 ("company called ispace", "carrier flydubai", "airline flydubai"); dev3 706 and dev7 1207 ("iPhone 17",
"xAI"); dev8 1305 and dev9 1402 ("Airbus A321", "Airbus A350"). Phrases from fresh 2025-2026 news: Music Mundial
(January 2025) and Planet News (2025) on albums, Reuters via Asharq Al-Awsat and Britannia Daily (June 2025) on
ispace, AFP via MENAFN and ePlaneAI (November 2025) on flydubai, TechStory (July 2025) and Assam Ink (January 2026)
on xAI, Reuters via Newsmax (October 2025) and PYMNTS (September 2025) on the iPhone 17, Full Frame (2025) and
Aviation Express (January 2026).
"""
from __future__ import annotations

import pytest

from tests.test_entities import detect, extractor, lexicon, named  # noqa: F401 (fixtures)


FOUND = [
    # (text, name, label, evidence)
    ("Lana Del Rey's new album 'The Right Person Will Stay' will be released on May 21, 2025.",
     "The Right Person Will Stay", "WORK_OF_ART", "work_title"),
    ("The Weeknd has introduced the sixth studio album ‘Hurry Up Tomorrow’, coming January 24, 2025.",
     "Hurry Up Tomorrow", "WORK_OF_ART", "work_title"),
    ("Tate McRae announces new album ‘SO CLOSE TO WHAT’ out February 21st.", "SO CLOSE TO WHAT", "WORK_OF_ART",
     "work_title"),
    ("Japanese company ispace said its uncrewed moon lander likely crashed onto the lunar surface during its "
     "touchdown attempt on Friday.", "ispace", "ORG", "brand_noun"),
    ("Tokyo firm ispace loses second lunar lander in two years after the probe descended too fast.", "ispace", "ORG",
     "brand_noun"),
    ("Low-cost airline flydubai signed an initial order for 75 Boeing jets as the city's fast-expanding carriers "
     "bolstered their fleets again at the Dubai Airshow on Wednesday.", "flydubai", "ORG", "brand_noun"),
    ("Elon Musk’s artificial intelligence company, xAI, has received a significant financial boost with SpaceX "
     "contributing $2 billion.", "xAI", "ORG", "camel_brand"),
    ("Elon Musk’s AI startup, xAI, just pulled in a staggering $20 billion.", "xAI", "ORG", "camel_brand"),
    ("The newer models outsold the iPhone 16 series by 14% during their first 10 days of availability in the two "
     "countries, Counterpoint said in a report.", "iPhone 16", "PRODUCT", "camel_model"),
    ("Currently, flydubai operates a fleet of 96 Boeing 737 aircraft.", "Boeing 737", "PRODUCT", "maker_model"),
    ("One is the Airbus A321neo, and the other is the Boeing 737 MAX 10.", "Airbus A321neo", "PRODUCT", "maker_model"),
]


@pytest.mark.parametrize("text, name, label, evidence", FOUND, ids=[f[1] for f in FOUND])
def test_a_shape_names_an_entity(nlp, extractor, text, name, label, evidence):
    rows = named(detect(nlp, extractor, text), name)
    assert rows and all((r["label"], r["evidence"]) == (label, evidence) for r in rows), rows


def test_every_mention_of_a_brand_is_found(nlp, extractor):
    # the company noun names it once; the article's other mentions of the word follow (ePlaneAI, November 2025)
    text = ("Boeing and Dubai-based airline flydubai announced the signing of a Memorandum of Understanding. The deal "
            "is intended to support flydubai’s ongoing network growth.")
    rows = named(detect(nlp, extractor, text), "flydubai")
    assert len(rows) == 2 and all(r["label"] == "ORG" for r in rows), rows


NOT = [
    # look-alikes: (text, words that must not be a mention of the label)
    ("Fishermen, youth, workers, intellectuals, the mayor, and the wealthy South African owner of the deteriorating "
     "cannery “Neptun” build up the main character of the film.", "Neptun", "WORK_OF_ART"),
    ("Markets slid after the announcement of so-called 'reciprocal' tariffs on dozens of countries.", "reciprocal",
     "WORK_OF_ART"),
    ("Resilience had problems measuring its distance to the surface and could not slow its descent fast enough, the "
     "company said, adding it has not been able to communicate with Resilience.", "said", "ORG"),
    ("Also in September, the airline inaugurated flights to Chisinau, Moldova.", "inaugurated", "ORG"),
    ("Chinese eCommerce platform JD.com saw more of the iPhone 17 sold in the first minute of preorder.", "eCommerce",
     "ORG"),
    ("Apple, though, had its highest Q3 ever with 57 million iPhones.", "iPhones", "ORG"),  # Automation News Today on TrendForce, 2025
    ("The company said its mRNA vaccine showed a strong immune response in the trial.", "mRNA", "ORG"),
    ("Emirates signed for eight Airbus A350-900s worth $3.4 billion on Wednesday.", "Airbus A350", "PRODUCT"),
    # two models after one maker: no one product (the shape round 36 named)
    ("Boeing 737 and 787 production rates are set to rise.", "Boeing 737", "PRODUCT"),
]


@pytest.mark.parametrize("text, name, label", NOT, ids=[n[1] for n in NOT])
def test_look_alikes_are_not_named(nlp, extractor, text, name, label):
    rows = detect(nlp, extractor, text)
    assert not any(r["text"] == name and r["label"] == label for r in rows), rows


def test_the_spans_are_exact(nlp, extractor):
    # the comma American style puts inside the quotes is no part of the title (as dev8 1311 writes it)
    text = "Central Cee announces his debut album, ‘CAN’T RUSH GREATNESS,’ coming out Friday, January 24th."
    rows = detect(nlp, extractor, text)
    assert all(text[r["start"]:r["end"]] == r["text"] for r in rows), rows
    assert named(rows, "CAN’T RUSH GREATNESS"), rows
