"""Claims round 80 (issue 16, rows that are not claims): a clause only about the article's source makes no row.

"This information was released in a press release ... on Tuesday (December 9)." (dev7 407_), "The report provides data
on home sales levels, prices, and inventory ..." (dev10 456_) and "..., data from the National Retail Federation showed
on Friday." (dev14 555_) were judged not a claim: a source (``source_nouns``) that is published, shows or provides
(``source_verbs``) with no quantity, no clause or complement of content and no object but another source
(``claims.sources.about_source``). Look-alikes keep their rows: a quantity, an object that is no source, a clause of
content, a subject that is no source, a verb that does not publish.
"""
from __future__ import annotations

import pytest

from tests.test_claims import build, extractor  # noqa: F401 (fixture)


def _rows_over(built, clause: str) -> list[dict]:
    """The claim rows whose span covers ``clause`` of the article."""
    start = built.source_text.index(clause)
    end = start + len(clause)
    return [row for row in built.rows if row["start"] <= start and end <= row["end"]]


@pytest.mark.parametrize("text, dates, clause", [
    pytest.param("This information was released in a press release from the Health and Emergency Operation Center "
                 "and Control Room of the Health Department on Tuesday (December 9).", ["Tuesday"],
                 "This information was released", id="407_-information-was-released"),
    pytest.param("Existing-home sales declined in August, according to the National Association of Realtors (NAR) "
                 "Existing-Home Sales Report released on September 25, 2025. The report provides data on home sales "
                 "levels, prices, and inventory for real estate professionals and consumers.",
                 ["August", "September 25, 2025"], "The report provides data", id="456_-report-provides-data"),
    pytest.param("Imports into the United States fell more than expected in June as concerns around shifting tariff "
                 "policies hit retailers, raising fears of fewer product options in stores for shoppers, data from "
                 "the National Retail Federation showed on Friday.", ["June", "Friday"],
                 "data from the National Retail Federation showed on Friday", id="555_-data-showed-on-friday"),
    pytest.param("The Reserve Bank of India released the statement on Wednesday. The survey was published on "
                 "Thursday.", ["Wednesday", "Thursday"], "The survey was published", id="survey-was-published"),
])
def test_a_clause_about_the_source_makes_no_row(nlp, extractor, text, dates, clause):
    built = build(nlp, extractor, text, dates=dates)
    assert _rows_over(built, clause) == [], built.rows


def test_the_story_beside_the_source_keeps_its_row(nlp, extractor):
    built = build(nlp, extractor, "Imports into the United States fell more than expected in June as concerns around "
                  "shifting tariff policies hit retailers, data from the National Retail Federation showed on "
                  "Friday.", dates=["June", "Friday"])
    june = built.row_with("June")
    assert june["text"].startswith("Imports into the United States fell"), june


@pytest.mark.parametrize("text, dates, quantities, clause", [
    pytest.param("The data showed a 2% fall in factory output in March.", ["March"], [("2%", "percent")],
                 "The data showed a 2% fall", id="a-quantity"),
    pytest.param("The survey showed consumer confidence at its lowest level since 2020.", ["2020"], [],
                 "The survey showed consumer confidence", id="an-object-that-is-no-source"),
    pytest.param("Official data released on Tuesday showed the economy grew faster than expected in the third "
                 "quarter.", ["Tuesday", "the third quarter"], [], "the economy grew",
                 id="a-clause-of-content"),
    pytest.param("The Reserve Bank of India released its annual report on Wednesday.", ["Wednesday"], [],
                 "The Reserve Bank of India released its annual report", id="a-subject-that-is-no-source"),
    pytest.param("The report was delayed until Wednesday by the government shutdown.", ["Wednesday"], [],
                 "The report was delayed", id="a-verb-that-does-not-publish"),
])
def test_look_alikes_keep_their_row(nlp, extractor, text, dates, quantities, clause):
    built = build(nlp, extractor, text, dates=dates, quantities=quantities)
    assert _rows_over(built, clause), built.rows
