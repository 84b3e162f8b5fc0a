"""Claims round 64 (issue 16): a nameless event or time phrase that "sees" a small clause (``seen_clause``).

"The first half of the year saw overall electricity demand rise 2.6%" (dev10 450_, Ember, 2025) is about the
demand; "The result sees him lead Piastri" (dev7 403_, 2025) has the same shape, but its pronoun is left (a person
pronoun goes to the last person named). A fresh sentence of the shape (Al Jazeera, October 2025, the CPI report):
"beneficiaries will see their monthly payments increase by 2.8% in 2026". Look-alikes that keep their subject: a
named framing subject (dev8 411_ "Labor saw large swings"), a noun object (dev9 424_ "the month saw a slight
increase of 2,000 jobs", dev7 400_ "Solar power saw strong growth"), a participle (an expectation).
"""
from __future__ import annotations

import pytest

from tests.test_claims import _claim_for, extractor  # noqa: F401 (fixture)


@pytest.mark.parametrize("text, value, subject", [
    pytest.param("The first half of the year saw overall electricity demand rise 2.6% or 369 TWh compared to the "
                 "same period last year.", "2.6%", "overall electricity demand", id="450_-ember-half-saw-demand-rise"),
    pytest.param("After releasing the CPI data on Friday, the Social Security Administration announced that "
                 "beneficiaries will see their monthly payments increase by 2.8% in 2026.", "2.8%",
                 "their monthly payments", id="aljazeera-2025-beneficiaries-see-payments-increase"),
])
def test_a_nameless_phrase_that_sees_a_clause_gives_way_to_its_subject(nlp, extractor, text, value, subject):
    _, row = _claim_for(nlp, extractor, text, value)
    assert (row["subject"], row["subject_rule"]) == (subject, "seen_clause"), row


@pytest.mark.parametrize("text, value", [
    # a person pronoun in the small clause is left: "him" would go to the last person named
    pytest.param("Norris converted pole position into a dominant 30-second victory over Charles Leclerc and Max "
                 "Verstappen. The result sees him lead Piastri by a single point with four races remaining.",
                 "four races", id="403_-sees-him-lead"),
    pytest.param("Labor saw large swings across multiple states in 2025.", "2025", id="411_-named-framing-subject"),
    pytest.param("Despite the uptick in unemployment, the month saw a slight increase of 2,000 jobs, albeit falling "
                 "short of estimates.", "2,000", id="424_-noun-object"),
    pytest.param("Solar power saw strong growth, rising by more than 30 percent as new capacity came online.",
                 "30 percent", id="400_-noun-object"),
    pytest.param("Analysts see prices rising by 3% next year.", "3%", id="participle-expectation"),
])
def test_no_small_clause_subject_is_taken(nlp, extractor, text, value):
    _, row = _claim_for(nlp, extractor, text, value)
    assert row["subject_rule"] != "seen_clause", row
