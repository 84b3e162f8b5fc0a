"""Entity round 62 (issue 18, works' titles missed): a title-case run credited to a person ("<Title> by <Person>",
pipeline/stages/entities/credits.py, evidence ``work_credit``) and a title in quotes no work word announces
(pipeline/stages/entities/quotedtitles.py, evidence ``quoted_title``); look-alikes that must not change.

Dev articles: dev3 709, dev4 814, dev7 1203, dev10 1506 (credits); dev4 814, dev6 1110, dev7 1209, dev8 1311 (quoted
titles). Other phrases: the Cannes 2024 and Venice 2024 award lists (Festival de Cannes, La Biennale, May and
September 2024), Reuters' credit lines, the Recording Academy's 2025 winners (February 2025).
"""
from __future__ import annotations

import pytest

from tests.test_entities import detect, extractor, lexicon, named  # noqa: F401 (fixtures)

HEADLINE = "Festival awards announced\n\n"  # a first line: the rule leaves a text's headline alone

FOUND = [
    # (text, title, evidence)
    (HEADLINE + "Palme d'Or – It Was Just an Accident by Jafar Panahi\n", "It Was Just an Accident", "work_credit"),
    (HEADLINE + "Jury Prize (tie): Sirât by Oliver Laxe and Sound of Falling by Mascha Schilinski\n", "Sirât",
     "work_credit"),
    (HEADLINE + "Jury Prize (tie): Sirât by Oliver Laxe and Sound of Falling by Mascha Schilinski\n",
     "Sound of Falling", "work_credit"),
    (HEADLINE + "Top Prize: The Mysterious Gaze of the Flamingo by Diego Céspedes\n",
     "The Mysterious Gaze of the Flamingo", "work_credit"),
    (HEADLINE + "Hamnet directed by Chloé Zhao is the winner of the People's Choice Award, the top award, at the 50th "
     "Toronto International Film Festival.", "Hamnet", "work_credit"),
    (HEADLINE + "SXSW announced the Audience Award winners today with Fantasy Life by Matthew Shear winning the "
     "Narrative Feature Competition Audience Award.", "Fantasy Life", "work_credit"),
    (HEADLINE + "FIPRESCI Prize for Best International Feature Film: I'm Still Here (Brazil), Directed by Walter "
     "Salles\n", "I'm Still Here", "work_credit"),
    (HEADLINE + "Best International Narrative Feature: Happy Birthday, director Sarah Goher (Egypt).",
     "Happy Birthday", "work_credit"),
    (HEADLINE + "Palme d'Or – Anora by Sean Baker\nGrand Prix – All We Imagine as Light by Payal Kapadia\n",
     "All We Imagine as Light", "work_credit"),
    (HEADLINE + "Golden Lion: The Room Next Door by Pedro Almodóvar\n", "The Room Next Door", "work_credit"),
    ("TIFF Reveals Canada's Top Ten list with 'Wrong Husband', 'Blue Heron', 'Space Cadet' and More\n\nTIFF revealed "
     "its annual list.", "Blue Heron", "quoted_title"),
    ("Venice awards\n\n“En El Camino,” about the world of long-haul trucking in Mexico from filmmaker David Pablos, won "
     "best film.", "En El Camino", "quoted_title"),
    ("Venice awards\n\nBenedetta Porcaroli was named best actress for “The Kidnapping of Arabella,” the jury said.",
     "The Kidnapping of Arabella", "quoted_title"),
    ('The year\'s shows\n\n"A Second Life"\nTate Modern, London\nFeb. 27-Aug. 31\n', "A Second Life", "quoted_title"),
    ("Grammys\n\nBeyoncé’s “Cowboy Carter” won album of the year at the Grammys on Sunday.", "Cowboy Carter",
     "quoted_title"),
]


@pytest.mark.parametrize("text, name, evidence", FOUND, ids=[f"{f[2]}:{f[1]}" for f in FOUND])
def test_a_title_is_a_work(nlp, extractor, text, name, evidence):
    rows = named(detect(nlp, extractor, text), name)
    assert rows and all((r["label"], r["evidence"]) == ("WORK_OF_ART", evidence) for r in rows), rows


NOT = [
    # look-alikes: (text, words that must not be a work's title)
    ("Nordstrom Announces Completion of Acquisition by Nordstrom Family and Liverpool\n\nThe deal closed on Monday.",
     "Nordstrom Announces Completion of Acquisition"),  # the headline's agent (dev2 610)
    ("Earthwork show\n\nPhoto by John Smith\n", "Photo"),
    (HEADLINE + "Fostering Autonomy in Independent Returns by Prohibiting Redundant and Extralegal Programs Act of 2025 "
     "(S. 96) has been analyzed by the Congressional Research Service.", "Fostering Autonomy"),  # a law (dev3 712)  # a credit line's common word
    ("Markets wrap\n\nReporting by Johann M Cherian; Editing by Pooja Desai\n", "Reporting"),
    ("Markets wrap\n\nAdditional Reporting by Jane Doe in London\n", "Additional Reporting"),
    ("Art news\n\nThe museum bought a portrait of Winston Churchill by Graham Sutherland last year.",
     "Winston Churchill"),  # no list item or clause opens the run
    ("Earthwork Exhibition at the University of Toronto - Curated by Mikinaak Migwans\n\nThe show opens in May.",
     "Curated"),
    ("Earthwork show\n\nExhibition notes: Curated by Mikinaak Migwans\n", "Curated"),
    ("Stocks\n\nThe stock has a consensus rating of \"Moderate Buy\" and an average price target of $120.",
     "Moderate Buy"),  # a rating, no title (dev2 601)
    ('Tax bill\n\nThe One Big Beautiful Bill Act (often called the "Big Beautiful Bill" or OBBBA) was signed.',
     "Big Beautiful Bill"),  # a law's nickname (dev3 711)
    ("Tech\n\nRegulators are pushing back against so-called 'Big Tech' companies in Europe.", "Big Tech"),
    ("War\n\n“We Will Not Give Up Our Land,” Zelenskiy said on Tuesday.", "We Will Not Give Up Our Land"),
    ("Bolivia\n\nFormer president Jorge \"Tuto\" Quiroga faces Rodrigo Paz in the runoff.", "Tuto"),
    ("Policy\n\nThe so-called 'experts' were wrong about inflation.", "experts"),
    ("Summit\n\nErdoğan also participated.\n‘NOT GOOD ENOUGH’\nThe U.K. prime minister said Ukraine needed more.",
     "NOT GOOD ENOUGH"),  # a pull quote in capitals (the seed corpus, 004)
    ("Defence loans\n\nStates that apply for SAFE loans must submit a “Defence Industry Investment Plan” to the "
     "Commission.", "Defence Industry Investment Plan"),  # a kind of document (the seed corpus, 003)
]


@pytest.mark.parametrize("text, name", NOT, ids=[n[1] for n in NOT])
def test_a_look_alike_is_no_title(nlp, extractor, text, name):
    rows = detect(nlp, extractor, text)
    assert not [r for r in rows if r["evidence"] in ("work_credit", "quoted_title") and name in r["text"]], rows


def test_the_span_is_the_title_only(nlp, extractor):
    # the country in brackets and the credit stay outside the span; offsets index the source text
    text = HEADLINE + "FIPRESCI Prize: I'm Still Here (Brazil), Directed by Walter Salles\n"
    rows = [r for r in detect(nlp, extractor, text) if r["evidence"] == "work_credit"]
    assert [(r["text"], text[r["start"]:r["end"]]) for r in rows] == [("I'm Still Here", "I'm Still Here")], rows
