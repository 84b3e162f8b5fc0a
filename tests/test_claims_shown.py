"""Claims round 68 (issue 16): a body of figures that "shows" a noun gives the claim to that noun (``shown_object``).

"The latest figures from the Bureau of Labor Statistics (BLS) show modest job growth" (dev13 550_), "Data by
Linerlytica peer platform, Alphaliner, shows the containership fleet at over 33 million TEU capacity" (dev13 543_)
and "A deeper dive into the numbers reveals a significant drop in full-time employment" (dev9 424_): the figures
only source the finding. A fresh sentence of the shape (mpamag.com, UK unemployment): "The figures worryingly
showed a decline to 74.4% in the working age employment rate". Look-alikes that keep their subject: a single value
(dev12 500_ "The headline monthly inflation figure showed a 0.2% increase"), a subject that is no body of figures
(dev3 317_ "The company's gaming segment showed", dev13 550_ "Rates for adult men ... showed"), a change that says
not what changed, and a verb that is no finding verb.
"""
from __future__ import annotations

import pytest

from tests.test_claims import _claim_for, extractor  # noqa: F401 (fixture)


@pytest.mark.parametrize("text, value, subject", [
    pytest.param("The latest figures from the Bureau of Labor Statistics (BLS) show modest job growth following a "
                 "sluggish 2025.", "2025", "modest job growth", id="550_-figures-show-job-growth"),
    pytest.param("Data by Linerlytica peer platform, Alphaliner, shows the containership fleet at over 33 million TEU "
                 "capacity by late 2025.", "late 2025", "the containership fleet", id="543_-data-shows-the-fleet"),
    pytest.param("A deeper dive into the numbers reveals a significant drop in full-time employment by 38,200.",
                 "38,200", "full-time employment", id="424_-dive-into-the-numbers-reveals-a-drop-in"),
    pytest.param("The data showed a 2% fall in factory output in March.", "2%", "factory output",
                 id="data-showed-a-fall-in"),
    pytest.param("The figures worryingly showed a decline to 74.4% in the working age employment rate.", "74.4%",
                 "the working age employment rate", id="mpamag-figures-showed-a-decline-in"),
])
def test_what_a_body_of_figures_shows_is_the_subject(nlp, extractor, text, value, subject):
    _, row = _claim_for(nlp, extractor, text, value)
    assert (row["subject"], row["subject_rule"]) == (subject, "shown_object"), row


@pytest.mark.parametrize("text, value, subject", [
    pytest.param("The headline monthly inflation figure showed a 0.2% increase in U.S. consumer prices in January.",
                 "0.2%", "The headline monthly inflation figure", id="500_-a-single-value"),
    pytest.param("The company's gaming segment showed impressive performance with 23% growth.", "23%",
                 "The company's gaming segment", id="317_-no-body-of-figures"),
    pytest.param("Rates for adult men (3.8%) and adult women (4.0%) showed little monthly movement.", "3.8%",
                 "Rates", id="550_-rates-are-no-body-of-figures"),
    pytest.param("The data show a rise of 4% over the year.", "4%", "The data", id="a-change-that-names-nothing"),
    pytest.param("The latest figures beat forecasts of 120,000 jobs.", "120,000", "The latest figures",
                 id="no-finding-verb"),
])
def test_no_shown_object_is_taken(nlp, extractor, text, value, subject):
    _, row = _claim_for(nlp, extractor, text, value)
    assert row["subject_rule"] != "shown_object", row
    assert row["subject"] == subject, row
