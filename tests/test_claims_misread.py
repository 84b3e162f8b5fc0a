"""Claims round 62 (issue 16): the reporter or the court taken for the reported subject, two parse shapes.

- A trailing reporter whose statement the parser did not read as a clause (``misread_report``): "..., public
  broadcaster Ceska televize reported" (dev4 325_, Czech election, 2025) and "“Single-family home building dipped
  in 2025 ...,” said Buddy Hughes" (dev12 496_, NAHB, 2026): the statement's verb was read as a modifier
  ("secured" of "victory", "dipped" of "building"). Dev sentences: no fresh 2025-2026 sentence with this misparse
  was found in the stored pages within the round; the look-alikes are statements the parser read as clauses.
- A ruling verb's "that" clause (``verdict_clause``): "The Court of Cassation ruled that Mutamba deliberately
  diverted funds" (dev6 384_, AP, 2025), "Mehta concluded that the government's proposed divestitures went beyond"
  (dev4 332_, left: its subject names nothing and a row with no value needs a name), and fresh AP copy (2026:
  "A federal judge on Monday ruled that an offshore wind project ... can resume construction").
"""
from __future__ import annotations

import pytest

from tests.test_claims import _claim_for, build, extractor  # noqa: F401 (fixture)


@pytest.mark.parametrize("text, value, subject", [
    pytest.param("Populist billionaire Andrej Babis' ANO Party secured victory in the Czech parliamentary elections, "
                 "winning nearly 35.5% of the vote as nearly 94% of ballots were counted, public broadcaster Ceska "
                 "televize reported.", "35.5%", "ANO Party", id="325_-ceska-televize-reported"),
    pytest.param("\"Single-family home building dipped in 2025 because of ongoing affordability challenges, fueled by "
                 "high housing price-to-income ratios and elevated financing and construction costs,\" said Buddy "
                 "Hughes, a home builder and developer from Lexington, N.C.", "2025", "Single-family home building",
                 id="496_-said-buddy-hughes"),
])
def test_a_statement_misread_before_a_trailing_reporter_is_the_subject(nlp, extractor, text, value, subject):
    _, row = _claim_for(nlp, extractor, text, value)
    assert (row["subject"], row["subject_rule"]) == (subject, "misread_report"), row
    assert row["speaker"] is not None and row["speaker"] not in subject


@pytest.mark.parametrize("text, value", [
    # statements the parser read as clauses: the existing speech rules name their subjects
    pytest.param("Airfares coming down after a spike the previous month helped offset petrol and diesel prices rising "
                 "in August, the ONS said.", "August", id="478_-ons-said"),
    pytest.param("Since October policy, Indian economy has witnessed rapid disinflation, said the RBI Governor.",
                 "October", id="479_-said-the-governor"),
    # a trailing reporter whose statement the parser read as a clause (a written look-alike of the BEA's releases)
    pytest.param("Real gross domestic product increased at an annual rate of 3.8 percent in the second quarter, the "
                 "Bureau of Economic Analysis reported.", "3.8 percent", id="bea-reported"),
])
def test_a_statement_read_as_a_clause_is_no_misread_report(nlp, extractor, text, value):
    _, row = _claim_for(nlp, extractor, text, value)
    assert row["subject_rule"] != "misread_report", row


def test_a_court_ruling_that_a_named_person_acted_is_about_the_person(nlp, extractor):
    text = ("The Court of Cassation ruled that Mutamba deliberately diverted funds intended for the project, accusing "
            "him of acting with the intention of illicit enrichment and failing to follow due process.")
    built = build(nlp, extractor, text)
    row = next(r for r in built.rows if r["text"].startswith("The Court of Cassation ruled"))
    assert (row["subject"], row["subject_rule"]) == ("Mutamba", "verdict_clause"), row
    assert row["speaker"] == "The Court of Cassation" or "Cassation" in (row["speaker"] or ""), row


def test_a_ruled_clause_with_a_value_is_about_its_own_subject(nlp, extractor):
    text = ("A federal judge on Monday ruled that an offshore wind project aimed at powering 600,000 New York homes "
            "can resume construction.")
    _, row = _claim_for(nlp, extractor, text, "600,000 New York homes")
    assert row["subject_rule"] == "verdict_clause" and "offshore wind project" in row["subject"], row


@pytest.mark.parametrize("text", [
    # a ruling with no "that" clause keeps its own subject (dev4 331_)
    pytest.param("A five judge panel of the New York Court of Appeals ruled on a long running case linked to "
                 "allegations that Donald Trump and his company misrepresented wealth.", id="331_-ruled-on"),
    # "found that" is no verdict verb here: "Analysts found ..." keeps its named subject (configs/claims.toml)
    pytest.param("In clearing the way for Sunrise Wind to proceed, Judge Royce Lamberth found that the government had "
                 "not shown that offshore wind is such an imminent national security risk.", id="ap-2026-found-that"),
])
def test_a_ruling_with_no_ruled_clause_is_no_verdict_clause(nlp, extractor, text):
    built = build(nlp, extractor, text)
    assert all(row["subject_rule"] != "verdict_clause" for row in built.rows), built.rows
