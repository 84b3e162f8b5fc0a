"""Entity round 36 (pipeline/stages/entities/namecues.py): a named vessel's prefix, and a place of two or three words
the place lists know that the model calls a person or an organisation; look-alikes that must keep their labels.

Dev articles: dev7 1213 ("BRP Jose Rizal", "RCC Cosaint") and dev9 1411 ("BRP Miguel Malvar", "BRP Diego Silang")
for the prefix; dev9 1402 ("Da Nang, Vietnam", "Siem Reap, Cambodia") and dev9 1404 ("in Mato Grosso") for the
places. Phrases from fresh 2025-2026 news: USNI News (May 2025), the Philippine Tribune and Army Recognition (2025) on
the Philippine frigates, Naval News and the Gibraltar Chronicle (April 2025) on the Carrier Strike Group, Reuters via
Bela Cereais and IPASAI (2025) on Mato Grosso's soybean crop, Asian Aviation on Da Nang's new routes, Terrikon
(2025-26) on Ligue 1, the gazetteer's league of dev6 1112 and dev9 1405.
"""
from __future__ import annotations

import pytest

from tests.test_entities import detect, extractor, lexicon, named  # noqa: F401 (fixtures)


VESSELS = [
    # (text, name): a ship's prefix, then its name: PRODUCT, evidence vessel_prefix
    ("President Ferdinand Marcos Jr. commissioned BRP Miguel Malvar (FFG-06) at the service's largest facility, "
     "Naval Operating Base Subic.", "BRP Miguel Malvar"),
    ("The Armed Forces of the Philippines (AFP) said the BRP Diego Silang (FFG-07) and its sister ship, the BRP Miguel "
     "Malvar (FFG-06), would significantly enhance the country's naval capabilities.", "BRP Diego Silang"),
    ("The Philippine contingent consisted of the guided missile frigate BRP Jose Rizal (FF-150), an AW-109 helicopter "
     "and a C-90 aircraft.", "BRP Jose Rizal"),
    ("On the Philippine side, the Navy deployed the BRP Miguel Malvar (FFG-06), the patrol vessel BRP Cabra "
     "(MRRV-4409), and an AW-109 helicopter.", "BRP Cabra"),
    ("The Carrier Strike Group also includes destroyer HMS Dauntless and frigate HMS Richmond along with warships from "
     "Norway and Canada.", "HMS Dauntless"),
    ("RCC Cosaint was designed by French engineering firm Mauric. It is slated to replace RCC Suirbhéir, an earlier "
     "boat that the Revenue Commissioners has been operating since 2004.", "RCC Cosaint"),
]


@pytest.mark.parametrize("text, name", VESSELS, ids=[v[1] for v in VESSELS])
def test_a_named_vessel_is_a_product(nlp, extractor, text, name):
    rows = named(detect(nlp, extractor, text), name)
    assert rows and all((r["label"], r["evidence"]) == ("PRODUCT", "vessel_prefix") for r in rows), rows


PLACES = [
    # (text, name, kb_id prefix): a city or subdivision of two words the model reads as a person, placed by the text
    ("Hong Kong Airlines has confirmed that a new direct flight service to Da Nang, Vietnam, will be commenced on "
     "the same inaugural day.", "Da Nang", "geonames:"),
    ("The airline inaugurated services to Da Nang, Vietnam on June 2, followed by Siem Reap, Cambodia on June 3.",
     "Siem Reap", "geonames:"),
    ("Imea maintained on Monday its projection for the area to be cultivated with soybeans in 2025/26 in Mato Grosso "
     "at 13.08 million hectares.", "Mato Grosso", "iso3166:BR-"),
]


@pytest.mark.parametrize("text, name, kb", PLACES, ids=[p[1] for p in PLACES])
def test_a_placed_name_of_two_words_is_a_place(nlp, extractor, text, name, kb):
    rows = named(detect(nlp, extractor, text), name)
    assert rows and all(r["label"] == "GPE" and (r["kb_id"] or "").startswith(kb) for r in rows), rows


def test_ligue_1_is_a_league(nlp, extractor):
    # the gazetteer's leagues (configs/gazetteer.toml) now hold France's, as dev6 1112 and dev9 1405 write it
    text = ("Roberto De Zerbi, head coach of Marseille, has pushed back against recent comments by Cristiano Ronaldo, "
            "who claimed that Ligue 1 is weaker than the Saudi Pro League.")
    rows = named(detect(nlp, extractor, text), "Ligue 1")
    assert rows and all(r["label"] == "ORG" for r in rows), rows


KEPT = [
    # look-alikes: a company sharing a ship's prefix, initials, a person named like a place, a place-named company
    ("BRP Inc. reported higher quarterly sales of its Sea-Doo watercraft.", "BRP Inc.", "PRODUCT"),
    ("Former India captain MS Dhoni will play in the IPL again this season.", "MS Dhoni", "PRODUCT"),
    ("Paris Hilton said she would launch a new fragrance in London.", "Paris Hilton", "GPE"),
    ("Santa Clara University said the grant would fund research.", "Santa Clara University", "GPE"),
    ("Victoria Beckham, who founded her label in 2008, said the brand was profitable.", "Victoria Beckham", "GPE"),
]


@pytest.mark.parametrize("text, name, not_label", KEPT, ids=[k[1] for k in KEPT])
def test_look_alikes_keep_their_labels(nlp, extractor, text, name, not_label):
    rows = detect(nlp, extractor, text)
    assert not any(r["text"] == name and r["label"] == not_label for r in rows), rows
