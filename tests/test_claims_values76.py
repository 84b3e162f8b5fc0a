"""Claims round 76 (issue 16): a "while" clause with a subject of its own holds that subject's figures (``contrasts``).

"A total of 2,799 stocks advanced, while 1,413 declined" (dev9 428_), "The stockpile of copper in the US has tightened
markets elsewhere, while mine disruptions have caused many analysts to forecast deficits next year" (dev12 498_), "Lai
... faces a possible life sentence ..., while the sedition conviction carries a maximum two-year term" (dev15 599_):
the later halves' judges gave the clause's figures and dates to its own subject. As a relative clause's, they are set
aside only beside a value of the claim's own: a claim with none keeps them, as the older halves' judges linked them
("Poland is a key ally ..., while neighboring Ukraine is struggling with the Russian invasion that began in 2022", dev
037_; 498_'s and 599_'s sentences as written, judged without). Look-alikes keep their values:
a "while" clause with no subject of its own ("while falling in the Northeast (down 4%)", dev10 456_), one whose
subject is a pronoun pointing back ("while it was closed on Friday", dev12 498_), and a clause of time ("after").
"""
from __future__ import annotations

import pytest

from tests.test_claims import build, extractor  # noqa: F401 (fixture)


def _linked(built, row) -> set[str]:
    ids = {*row["quantity_ids"], *row["date_ids"]}
    return {value for value in [*(q["text"] for q in built.quantities), *(d["text"] for d in built.dates)]
            if built.value_id(value) in ids}


def _row_of(built, subject_word: str) -> dict:
    rows = [row for row in built.rows if subject_word in str(row["subject"])]
    assert len(rows) == 1, built.rows
    return rows[0]


@pytest.mark.parametrize("text, dates, quantities, subject, own, aside", [
    pytest.param("A total of 2,799 stocks advanced, while 1,413 declined.", [],
                 [("2,799 stocks", "count"), ("1,413", "count")], "total", {"2,799 stocks"}, "1,413",
                 id="428_-a-count-as-the-clause-subject"),
    pytest.param("On the NSE, 1,620 shares advanced, while 1,102 declined.", [],
                 [("1,620 shares", "count"), ("1,102", "count")], "shares", {"1,620 shares"}, "1,102",
                 id="market-breadth-on-the-nse"),
    pytest.param("Of the 50 Nifty stocks, 38 closed higher, while 12 ended lower.", [],
                 [("50 Nifty stocks", "count"), ("38", "count"), ("12", "count")], "Nifty", {"50 Nifty stocks", "38"},
                 "12", id="market-breadth-on-the-nifty"),
])
def test_a_contrast_clause_s_values_are_its_own_subject_s(nlp, extractor, text, dates, quantities, subject, own,
                                                         aside):
    built = build(nlp, extractor, text, dates=dates, quantities=quantities)
    row = _row_of(built, subject)
    linked = _linked(built, row)
    assert aside not in linked, row
    assert linked == own, row
    assert "contrast_clause" in row["confidence_evidence"].split(), row


@pytest.mark.parametrize("text, dates, quantities, subject", [
    pytest.param("Regionally, month-over-month sales increased in both the Midwest (up 2.1%) and West (up 1.4%), while "
                 "falling in the Northeast (down 4%) and South (down 1.1%).", [],
                 [("2.1%", "percent"), ("1.4%", "percent"), ("4%", "percent"), ("1.1%", "percent")], "sales",
                 id="456_-no-subject-of-its-own"),
    pytest.param("The London market raced to catch up with gains in China and the US while it was closed on Friday.",
                 [("Friday", "date")], [], "London", id="498_-a-pronoun-pointing-back"),
    pytest.param("The London market rose 0.4% on Monday while it was closed on Friday.",
                 [("Monday", "date"), ("Friday", "date")], [("0.4%", "percent")], "London",
                 id="a-pronoun-pointing-back-beside-a-value"),
    pytest.param("The stockpile of copper in the US has tightened markets elsewhere, while mine disruptions have caused "
                 "many analysts to forecast deficits next year.", [("next year", "date")], [], "stockpile",
                 id="498_-no-value-of-the-claim-s-own"),
    pytest.param("Poland is a key ally on NATO's eastern flank, while neighboring Ukraine is struggling with the Russian "
                 "invasion that began in 2022.", [("2022", "date")], [], "Poland", id="037_-no-value-of-the-claim-s-own"),
    pytest.param("Volvo Cars shares fell 22% on Thursday after the company reported a decline in profit.",
                 [("Thursday", "date")], [("22%", "percent")], "Volvo", id="a-clause-of-time"),
])
def test_values_outside_a_contrast_clause_rule_stay(nlp, extractor, text, dates, quantities, subject):
    built = build(nlp, extractor, text, dates=dates, quantities=quantities)
    row = _row_of(built, subject)
    assert _linked(built, row) == {value for value, _ in [*dates, *quantities]}, row
    assert "contrast_clause" not in row["confidence_evidence"].split(), row
