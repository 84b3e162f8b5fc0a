"""Claims round 73 (issue 16, not a claim): an attempt or a trend kept up with no value makes no row (``aims``).

"Throughout the campaign, the Liberals tried to frame the central ballot question as ..." (dev 007_), "Bitcoin (BTC)
continues to accelerate upward momentum ..." (dev 207_), "T-Mobile US continues to strengthen its market position ..."
(dev13 546_): a verb of trying or going on (``aim_verbs``) with an infinitive complement states an aim or a trend, not
an act done, and the judges found nothing to check. Look-alikes still make their row: a noun object with no
complement ("The union is seeking pay", dev8), a verb that is no aim ("refused to increase", dev10), a movement as the
complement ("continued to fall"), and any clause that states a value.
"""
from __future__ import annotations

import pytest

from tests.test_claims import build, extractor  # noqa: F401 (fixture)


@pytest.mark.parametrize("text", [
    pytest.param("Throughout the campaign, the Liberals tried to frame the central ballot question as one of Canadian "
                 "sovereignty and countering U.S. President Donald Trump's tariff regime.", id="007_-tried-to-frame"),
    pytest.param("Bitcoin (BTC) continues to accelerate upward momentum by achieving the 17th milestone of the year, "
                 "breaking all records.",
                 id="207_-continues-to-accelerate"),
    pytest.param("T-Mobile US continues to strengthen its market position with strong financial and subscriber "
                 "growth, driven by its industry-leading network.", id="546_-continues-to-strengthen"),
    pytest.param("Apple is seeking to deepen its ties with suppliers in India.", id="seeking-to"),
    pytest.param("Boeing has attempted to win back the trust of airlines.", id="attempted-to"),
])
def test_an_aim_with_no_value_makes_no_row(nlp, extractor, text):
    built = build(nlp, extractor, text)
    assert built.rows == [], built.rows


@pytest.mark.parametrize("text, subject", [
    pytest.param("The Canadian Union of Public Employees is seeking pay for duties on the ground.",
                 "The Canadian Union of Public Employees",
                 id="dev8-seeking-a-noun"),
    pytest.param("Boeing refused to increase the value of its offer.", "Boeing", id="dev10-refused-is-no-aim"),
    pytest.param("Apple continued its expansion in India.", "Apple", id="continued-a-noun"),
    pytest.param("Toyota continued to fall after the announcement.", "Toyota", id="continued-a-movement"),
    pytest.param("Poland has signed a new defence deal with Hyundai Rotem.", "Poland", id="an-act-done"),
])
def test_an_act_with_no_value_keeps_its_row(nlp, extractor, text, subject):
    built = build(nlp, extractor, text)
    assert [row["subject"] for row in built.rows] == [subject], built.rows


def test_an_aim_with_a_value_keeps_its_row(nlp, extractor):
    built = build(nlp, extractor, "Nvidia continues to strengthen its market position, adding 1 million "
                                  "customers in the third quarter.", dates=["the third quarter"])
    assert [row["subject"] for row in built.rows] == ["Nvidia"], built.rows
