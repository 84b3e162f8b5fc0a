"""Entity round 37 (issues 16, 18): another article's text never renames or relabels a different real entity.

Each case is two short leads of dev news (tests/claims_judged and tests/entities_news dev halves, fresh
2025-2026 leads for the look-alikes) with the names and labels the model gave them; the guards are in
``pipeline/stages/reconcile/guards.py``.
"""
from __future__ import annotations

import pandas as pd
import pytest

from pipeline.core.ids import span_id
from pipeline.core.schema import SCHEMAS
from pipeline.stages.reconcile import reconcile


@pytest.fixture(scope="module")
def lexicon(config) -> dict:
    from pipeline.run.extract import entity_lexicon

    return entity_lexicon(config)


def cands(doc: str, lead: str, names: list[tuple]) -> list[dict]:
    """Candidate rows for ``names`` ((text, label) or (text, label, evidence)), each at its first place in ``lead``."""
    rows, source = [], f"{doc}.txt"
    for text, label, *evidence in names:
        start = lead.index(text)
        end = start + len(text)
        assert lead[start:end] == text
        rows.append({"mention_id": span_id("m_", source, start, end), "doc_id": doc, "source": source,
                     "start": start, "end": end, "text": text, "sentence_id": None, "label": label,
                     "detector": "model", "canonical_hint": None, "kb_id": None,
                     "evidence": evidence[0] if evidence else None})
    return rows


def entity(rows: list[dict], lexicon: dict, doc: str, text: str) -> pd.Series:
    entities, mentions = reconcile(pd.DataFrame(rows, columns=SCHEMAS["mention_candidates"].names), lexicon=lexicon)
    mention = mentions[(mentions["source"] == f"{doc}.txt") & (mentions["text"] == text)].iloc[0]
    row = entities.set_index("entity_id").loc[mention["entity_id"]]
    return pd.Series({"name": row["name"], "label": row["label"], "link": mention["link"],
                      "entity_id": mention["entity_id"]})


# dev 381 (big tech AI spending): the model reads "Beyond Amazon" as a person
BIG_TECH = ("Beyond Amazon, the $650 billion figure represents the combined AI infrastructure ambitions of other "
            "tech giants, including Alphabet, Meta, and Microsoft.")
# dev 1103 (Oracle cloud outlook): "Amazon (AMZN)", a ticker cue
ORACLE = ("The segment is crucial for Oracle's ambition to become an AI leader, competing with Amazon (AMZN) and "
          "Microsoft (MSFT).")
# dev 1205 (tech giants, AI chips): a company's context
CHIPS = ("India has emerged as a major hub of investment, securing partnerships with companies such as Amazon, which "
         "is considering a potential investment of around $10 billion.")
# dev 1104 and 331 (Trump civil fraud appeal): the same person, by her surname alone in the second
FRAUD = ("A New York state appeals court on Thursday tossed out a massive monetary fine imposed on President Donald "
         "Trump, related to a lawsuit by state Attorney General Letitia James.")
APPEAL = "The court split on how to treat a landmark suit that began with James as the plaintiff."


@pytest.mark.parametrize("doc, lead, name, evidence", [
    ("1103", ORACLE, "Amazon", "ticker"),
    ("1205", CHIPS, "Amazon", "org_context"),
], ids=["1103-amazon-ticker-vs-381-beyond-amazon", "1205-amazon-company-context-vs-381-beyond-amazon"])
def test_a_company_word_is_no_surname_of_another_articles_person(lexicon, doc, lead, name, evidence):
    rows = cands("381", BIG_TECH, [("Beyond Amazon", "PERSON"), ("Alphabet", "ORG"), ("Meta", "ORG")])
    rows += cands(doc, lead, [(name, "ORG", evidence)])
    got = entity(rows, lexicon, doc, name)
    assert (got["name"], got["label"]) == ("Amazon", "ORG")
    assert got["link"] != "surname_corpus"


def test_the_company_word_stays_a_company_in_an_article_without_a_cue(lexicon):
    """dev 375 writes "Amazon" with no cue: the corpus's cue (1103's ticker) decides for every article alike."""
    rows = cands("381", BIG_TECH, [("Beyond Amazon", "PERSON")]) + cands("1103", ORACLE, [("Amazon", "ORG", "ticker")])
    rows += cands("375", "Shares of Amazon and Nvidia rose on the first trading day of 2026.", [("Amazon", "ORG")])
    one, other = entity(rows, lexicon, "375", "Amazon"), entity(rows, lexicon, "1103", "Amazon")
    assert (one["name"], one["label"]) == ("Amazon", "ORG")
    assert one["entity_id"] == other["entity_id"]


# dev 711 (One Big Beautiful Bill) and dev 473 (RCB win the IPL); dev 710 (Mali advisory) and dev 472 (Africa
# cholera and mpox), where the model read "Africa CDC" as a person
@pytest.mark.parametrize("doc, lead, name, other_doc, other_lead, other", [
    ("711", "It raises the SALT deduction cap and expands individual tax deductions.", "SALT",
     "473", "Phil Salt gave RCB a bright start with a six and a four in the first over.", "Phil Salt"),
    ("710", "The CDC recommends vaccination against yellow fever, typhoid and polio when visiting Mali.", "CDC",
     "472", "More than 8,000 people have died, the Africa CDC has said.", "Africa CDC"),
], ids=["711-salt-deduction-vs-473-phil-salt", "710-cdc-vs-472-africa-cdc-read-as-a-person"])
def test_an_acronym_is_no_surname_of_another_articles_person(lexicon, doc, lead, name, other_doc, other_lead, other):
    rows = cands(doc, lead, [(name, "ORG")]) + cands(other_doc, other_lead, [(other, "PERSON")])
    got = entity(rows, lexicon, doc, name)
    assert (got["name"], got["label"]) == (name, "ORG")


def test_a_surname_read_as_a_person_still_joins_the_person_of_another_article(lexicon):
    """Look-alike: the same person in two stories ("Letitia James" ... "James") stays one entity."""
    rows = cands("1104", FRAUD, [("Donald Trump", "PERSON"), ("Letitia James", "PERSON")])
    rows += cands("331", APPEAL, [("James", "PERSON")])
    got = entity(rows, lexicon, "331", "James")
    assert (got["name"], got["label"], got["link"]) == ("Letitia James", "PERSON", "surname_corpus")


# dev 1214 (MSK FDA approvals): "MD" after a doctor's name, read as a place
MSK = ("Sarcoma oncologist William Tap, MD, Chief of the Sarcoma Medical Oncology Service at MSK, led the trial.")
# dev 011 (India Tejas deal)
TEJAS = ("India's Ministry of Defence said it had signed a contract with Hindustan Aeronautics Limited (HAL) for 97 "
         "Light Combat Aircraft.")
# dev 496 (US housing starts): a state's abbreviation in a dateline-like place
HOUSING = ('"Construction costs," said Buddy Hughes, a home builder and developer from Lexington, N.C.')
# dev 208 (Dow crosses 50,000)
DOW = "The broader S&P 500 on Friday rose 1.7%. The tech-heavy Nasdaq Composite rose 1.9%."
# seed 004 and dev 412 (FHFA house prices): the same place
SEED = "Our forces risked their lives to protect trade. Some in DC need to remember that."
FHFA = "Home prices rose in 44 states and the District of Columbia between Q3 of 2024 and Q3 of 2025."


@pytest.mark.parametrize("doc, lead, name, other_doc, other_lead, other", [
    ("1214", MSK, "MD", "011", TEJAS, ("Ministry of Defence", "ORG")),
    ("496", HOUSING, "N.C.", "208", DOW, ("Nasdaq Composite", "PRODUCT", "stock_index")),
], ids=["1214-md-doctor-vs-011-ministry-of-defence", "496-nc-state-vs-208-nasdaq-composite"])
def test_a_place_acronym_joins_no_other_articles_name_of_another_kind(lexicon, doc, lead, name, other_doc,
                                                                     other_lead, other):
    rows = cands(doc, lead, [(name, "GPE")]) + cands(other_doc, other_lead, [other])
    got = entity(rows, lexicon, doc, name)
    assert (got["name"], got["label"]) == (name, "GPE")
    assert got["link"] is None or pd.isna(got["link"])


def test_a_place_acronym_still_joins_another_articles_place(lexicon):
    """Look-alike: "DC" (seed 004) and "District of Columbia" (dev 412) are one place."""
    rows = cands("004", SEED, [("DC", "GPE")]) + cands("412", FHFA, [("District of Columbia", "GPE")])
    got = entity(rows, lexicon, "004", "DC")
    assert (got["name"], got["label"], got["link"]) == ("District of Columbia", "GPE", "initials")


def test_a_company_acronym_still_joins_the_same_company_in_another_story(lexicon):
    """Look-alike: "CIBC" (a fresh TSX record story, Feb 2026) is dev 601's "Canadian Imperial Bank of Commerce"."""
    tsx = "The banks included Royal Bank of Canada, TD Bank and CIBC, which reported on Thursday."
    tri = "Canadian Imperial Bank of Commerce raised its stake in Thomson Reuters by 3.1%."
    rows = cands("f01", tsx, [("CIBC", "ORG")]) + cands("601", tri, [("Canadian Imperial Bank of Commerce", "ORG")])
    got = entity(rows, lexicon, "f01", "CIBC")
    assert (got["name"], got["label"], got["link"]) == ("Canadian Imperial Bank of Commerce", "ORG", "initials")
