"""Entity round 63 (issue 18, label errors of recent articles): a drug's brand set beside a drug's noun or its generic
name is a product (``drug_apposition``; ``pipeline/stages/entities/drugbrands.py``).

Dev: dev2 608 "the injectable infertility drug, Pergoveris" (the model's NORP), dev5 911 "disease medicine, Ayvakit"
(ORG), dev7 1214 "vimseltinib (Romvimza)" and "the drug 177Lu-PSMA-617 (Pluvicto)" (ORG). Look-alikes: a maker after
the drug's noun and a comma that speaks or owns ("the weight-loss drug, Pfizer said", "the vaccine, Moderna's chief
executive said"), a place after it ("the pill, Germany's regulator"), a name in brackets after a word that is no generic
name ("analysts (Jefferies)", "the company (Reuters)"), a maker's two names in brackets ("(Pfizer/BioNTech)") and a
brand before its generic name, which stays ``drug_name``.
"""
from __future__ import annotations

import pytest

from pipeline.stages.entities.drugbrands import DrugBrands
from pipeline.stages.entities.options import Options
from tests.test_entities import detect, extractor, lexicon, named  # noqa: F401 (fixtures)

# (text, name): the dev articles' phrases (dev2 608, dev5 911, dev7 1214) and the same shapes in other wordings
FOUND = [
    ("At the White House, President Donald Trump highlighted the injectable infertility drug, Pergoveris, which is "
     "currently sold in Europe for patients going through IVF treatments.", "Pergoveris"),
    ("The acquisition also includes a rare immunology disease medicine, Ayvakit, approved in the US and the European "
     "Union, and a promising pipeline.", "Ayvakit"),
    ("For a rare condition called tenosynovial giant cell tumor (TGCT), the FDA approved vimseltinib (Romvimza) on "
     "February 14.", "Romvimza"),
    ("The FDA expanded the approval on March 28 for the drug 177Lu-PSMA-617 (Pluvicto) so it can be used earlier in "
     "treatment.", "Pluvicto"),
    ("The vaccine, Comirnaty, was developed by Pfizer and BioNTech.", "Comirnaty"),
    ("Trial results for tirzepatide (Mounjaro) were strong.", "Mounjaro"),
    ("The drug semaglutide (Wegovy) is sold by Novo Nordisk.", "Wegovy"),
]

# (text, name): look-alikes whose name the rule must leave alone
KEPT = [
    ("Regulators cleared the weight-loss drug, Pfizer said on Monday.", "Pfizer"),  # a speech verb after it
    ("Sales of the vaccine, Moderna's chief executive said, fell sharply.", "Moderna"),  # a possessive after it
    ("Patients in the trial took the pill, Germany's regulator said.", "Germany"),  # a place, a possessive
    ("He approved the medicine, and Merck shares rose.", "Merck"),  # "and" between
    ("Bristol Myers Squibb (NYSE: BMY) said sales rose.", "Bristol Myers Squibb"),  # a ticker, no drug's word
]


@pytest.mark.parametrize("text, name", FOUND, ids=[f[1] for f in FOUND])
def test_a_brand_beside_a_drug_is_a_product(nlp, extractor, text, name):
    rows = named(detect(nlp, extractor, text), name)
    assert [(r["label"], r["evidence"]) for r in rows] == [("PRODUCT", "drug_apposition")]
    assert text[rows[0]["start"]:rows[0]["end"]] == name  # the span is untouched


@pytest.mark.parametrize("text, name", KEPT, ids=[k[1] for k in KEPT])
def test_look_alikes_keep_their_label(nlp, extractor, text, name):
    rows = named(detect(nlp, extractor, text), name)
    assert rows and all(r["evidence"] != "drug_apposition" and r["label"] != "PRODUCT" for r in rows)


def test_a_brand_before_its_generic_name_stays_drug_name(nlp, extractor):
    rows = named(detect(nlp, extractor, "Lilly sells Zepbound (tirzepatide) in the US."), "Zepbound")
    assert [(r["label"], r["evidence"]) for r in rows] == [("PRODUCT", "drug_name")]


# each guard of the module, on a span given directly (the model's reading aside)
GUARDS = [
    ("the infertility drug, Pergoveris, which", "Pergoveris", True),
    ("the infertility drug, Pergoveris said", "Pergoveris", False),  # a speech verb after it
    ("the infertility drug, Pergoveris's maker", "Pergoveris's", False),  # a possessive: no brand's shape
    ("the infertility Drug, Pergoveris, which", "Pergoveris", False),  # the noun is case-sensitive
    ("the infertility drug Pergoveris, which", "Pergoveris", False),  # no comma: product_context's, not this rule's
    ("the FDA approved vimseltinib (Romvimza) on", "Romvimza", True),
    ("the FDA approved vimseltinib-abcd (Romvimza) on", "Romvimza", True),  # a biologic's suffix
    ("according to analysts (Jefferies) on", "Jefferies", False),  # no INN stem
    ("the FDA approved vimseltinib (Romvimza Ltd Holdings) on", "Romvimza Ltd Holdings", False),  # three words
    ("the FDA approved vimseltinib (Romvimza", "Romvimza", False),  # no closing bracket
    ("the vaccine BNT162b2 (Pfizer/BioNTech) was", "Pfizer/BioNTech", False),  # two makers
    ("the drug 177Lu-PSMA-617 (Pluvicto) so", "Pluvicto", True),
    ("the drug trial (Pluvicto) so", "Pluvicto", False),  # the word between holds no digit
]


@pytest.mark.parametrize("text, span, found", GUARDS, ids=[f"{g[0][:28]}-{g[2]}" for g in GUARDS])
def test_each_guard(lexicon, text, span, found):
    brands = DrugBrands(Options.from_lexicon(lexicon))
    start = text.index(span)
    assert brands.apposed(text, start, start + len(span), span) is found
