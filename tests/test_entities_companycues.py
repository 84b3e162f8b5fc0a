"""Entity round 40 (pipeline/stages/entities/companycues.py): little-known companies the model calls people or places,
told by a list after a plural company noun (``company_list``) or a company officer's title and name after them
(``company_title``); look-alikes that must keep their labels.

Dev articles: dev10 1502 ("state-owned defense firms such as PAL Indonesia, Dirgantara Indonesia, Pindad, LEN Industri,
and Dahana", "private sector partners including Republik Defens Indonesia, Tesco Indomaritim"), dev7 1205 ("companies
such as Amazon"); dev10 1505 ("said Thai AirAsia CEO Santisuk Klongchaiya"), dev7 1207 ("Intel CTO Sachin Katti"),
dev8 1312 ("Nexstar chief executive officer Perry Sook"). Phrases from fresh 2025-2026 news: Zee Business via
news-articles.net (December 2025, "companies like Bharat Forge"), Hallmark News (June
2025, "said Tosin Eniolorunda, CEO Moniepoint Inc."), Business Standard (April 2025, "says Sugandh Saxena, chief
executive officer (CEO) of ..."), BusinessWire via Fintecbuzz (May 2025, "Dima Kats, CEO and Founder of ...").
"""
from __future__ import annotations

import pytest

from tests.test_entities import detect, extractor, lexicon, named  # noqa: F401 (fixtures)


FOUND = [
    # (text, name, label, evidence)
    ("Jakarta. The participating companies are key state-owned defense firms such as PAL Indonesia, Dirgantara "
     "Indonesia, Pindad, LEN Industri, and Dahana.", "Pindad", "ORG", "company_list"),
    ("Jakarta. The participating companies are key state-owned defense firms such as PAL Indonesia, Dirgantara "
     "Indonesia, Pindad, LEN Industri, and Dahana.", "Dahana", "ORG", "company_list"),
    ("The ministry also signed with private sector partners including Republik Defens Indonesia, Tesco Indomaritim, "
     "Aggiomultimex International Grup, and Ellips Projects UK.", "Tesco Indomaritim", "ORG", "company_list"),
    ("\"Vietnam remains one of AirAsia's key strategic markets,\" said Thai AirAsia CEO Santisuk Klongchaiya.",
     "Thai AirAsia", "ORG", "company_title"),
]


@pytest.mark.parametrize("text, name, label, evidence", FOUND, ids=[f"{f[1]}-{f[3]}" for f in FOUND])
def test_a_company_cue_labels_the_name(nlp, extractor, text, name, label, evidence):
    rows = named(detect(nlp, extractor, text), name)
    assert rows and all((r["label"], r["evidence"]) == (label, evidence) for r in rows), rows


KEPT = [
    # names already right stay so: (text, name, label)
    ("The contracts involve prominent contributions from companies like Bharat Forge, BEL (Bharat Electronics "
     "Limited), and L&T (Larsen & Toubro).", "Bharat Forge", "ORG"),
    ("The stock surged about 20%, while rivals such as Intel and AMD also gained.", "Intel", "ORG"),
    # a person before a company officer's title, after a comma: a person (Hallmark News, June 2025)
    ("\"These young voices represent the future of African leadership,\" said Tosin Eniolorunda, CEO Moniepoint Inc.",
     "Tosin Eniolorunda", "PERSON"),
    # Business Standard, April 2025
    ("\"The curve is upwards,\" says Sugandh Saxena, chief executive officer (CEO) of the Fintech Association for "
     "Consumer Empowerment.", "Sugandh Saxena", "PERSON"),
    # BusinessWire via Fintecbuzz, May 2025
    ("Dima Kats, CEO and Founder of leading global payments service provider Clear Junction, will speak.",
     "Dima Kats", "PERSON"),
    # a country before a title a state has too ("President") is no company: the list holds no such title
    ("Kenya President William Ruto said the deal would create jobs.", "Kenya", "GPE"),
    # a list after a noun a person or a country also is ("partners", "players", "rivals") is left alone
    ("The club signed players such as Mohamed Salah and Virgil van Dijk.", "Mohamed Salah", "PERSON"),
    ("Trade partners including Vietnam and Thailand face higher tariffs.", "Vietnam", "GPE"),
]


@pytest.mark.parametrize("text, name, label", KEPT, ids=[k[1] for k in KEPT])
def test_look_alikes_keep_their_labels(nlp, extractor, text, name, label):
    rows = named(detect(nlp, extractor, text), name)
    assert rows and all(r["label"] == label for r in rows), rows
    assert not any(r["evidence"] in ("company_list", "company_title") and r["label"] != label for r in rows), rows


def test_the_spans_are_exact(nlp, extractor):
    text = ("Jakarta. The participating companies are key state-owned defense firms such as PAL Indonesia, Dirgantara "
            "Indonesia, Pindad, LEN Industri, and Dahana, along with private sector partners.")
    rows = detect(nlp, extractor, text)
    assert all(text[r["start"]:r["end"]] == r["text"] for r in rows), rows
