"""Quantities round 70 (issue 16): the words CLDR gives a shared marker's currencies alike ("72.1 trillion shillings",
"2 billion kwacha") read as that marker, decided by the article (shared_markers.py, no default for "Sh" and "K": a page
naming none of their countries gets an E411 warning); Uganda's "shs" after the number; and South Asian digit grouping
("Tk 7,61,785 crore", "₹47,65,768 Crores") read as it writes only where the amount's currency or the article's country
groups digits so in CLDR (lakh_grouping.py; unit_rule "...+lakh_grouping").

Pages and rows: tests/quantities_news/markers70.tsv (49 pages in the order found; 1-25 dev, 26-49 held out and scored
only as a count here). Look-alikes: a lakh-grouped number on a page of no such country, a Pakistani "Rs 2,50,000" (CLDR's
Pakistan groups in threes), a placeless "shillings", and the letter look-alikes the brief names ("Le Monde", "Le Pen",
"Br" in a name, "N1 road", "SR-71", "QR code", "Dr", "TK Maxx", "Sh!", initials).
"""
from __future__ import annotations

import pytest

from pipeline.stages.quantities.lakh_grouping import lakh_currencies
from tests.test_quantities import _run, assert_one_money_row, assert_undecided_marker
from tests.test_quantities_gold import extractor, quantity_nlp  # noqa: F401 (fixtures)

def test_lakh_currencies_come_from_cldr_grouping():
    # the territories whose own locale writes "#,##,##0"; Pakistan's and Sri Lanka's group in threes
    assert {"INR", "BDT", "NPR"} <= lakh_currencies()
    assert not {"PKR", "LKR", "USD", "KES"} & lakh_currencies()


READ = [
    # (text of one article, amount text, value, currency, unit_rule)
    pytest.param("KAMPALA, April 30 (Reuters) – Uganda’s budget has grown 25% to 71.9 trillion shillings.",
                 "71.9 trillion shillings", 7.19e13, "UGX", "article_country:UG", id="shillings-kampala"),
    pytest.param("The country will spend 72.4 trillion Ugandan shillings, against 72.1 trillion shillings this year.",
                 "72.1 trillion shillings", 7.21e13, "UGX", "article_currency:UGX", id="shillings-named-amount"),
    pytest.param("Nairobi, Kenya: the county got 50 billion shillings.", "50 billion shillings", 5e10, "KES",
                 "article_country:KE", id="shillings-nairobi"),
    pytest.param("Dodoma — The ministry asked for 166 billion shilling in Tanzania.", "166 billion shilling", 1.66e11,
                 "TZS", "article_country:TZ", id="shilling-singular-tanzania"),
    pytest.param("Lusaka, Zambia: farmers were paid 2 billion kwacha.", "2 billion kwacha", 2e9, "ZMW",
                 "article_country:ZM", id="kwacha-zambia"),
    pytest.param("The government has unveiled a 72.3 trillion shs budget.", "72.3 trillion shs", 7.23e13, "UGX",
                 "currency_word", id="shs-after-number"),
    pytest.param("Dhaka: the proposed national budget of Tk 7,61,785 crore was unveiled.", "Tk 7,61,785 crore",
                 7.61785e12, "BDT", "symbol+lakh_grouping", id="lakh-taka"),
    pytest.param("From ₹401 Crores In 1952-53 To ₹47,65,768 Crores In 2024-25", "₹47,65,768 Crores", 4.765768e13,
                 "INR", "symbol+lakh_grouping", id="lakh-rupee-sign"),
    pytest.param("Mumbai, India: the price is Rs 2,50,000.", "Rs 2,50,000", 2.5e5, "INR",
                 "article_country:IN+lakh_grouping", id="lakh-rs-article"),
    pytest.param("Mumbai, India: the firm raised $1,50,000 from investors.", "$1,50,000", 1.5e5, "USD",
                 "dollar_default_usd+lakh_grouping", id="lakh-dollar-indian-page"),
    # western grouping and round 69's readings are unchanged
    pytest.param("Dhaka: the budget is Tk 761,785 crore.", "Tk 761,785 crore", 7.61785e12, "BDT", "symbol",
                 id="western-grouping-unchanged"),
    pytest.param("NAIROBI, Kenya – Mbadi is expected to present the Sh4.24 trillion budget.", "Sh4.24 trillion",
                 4.24e12, "KES", "article_country:KE", id="sh-unchanged"),
]


@pytest.mark.parametrize(("text", "span", "value", "unit", "rule"), READ)
def test_marker_word_and_grouping_are_read(quantity_nlp, extractor, text, span, value, unit, rule):
    assert_one_money_row(quantity_nlp, extractor, text, span, value, unit, rule)


def test_lakh_grouped_count_on_an_indian_page(quantity_nlp, extractor):
    rows = _run(quantity_nlp, extractor, "New Delhi: about 1,50,000 people attended the rally in India.")
    assert [(r["text"], r["value"], r["unit_rule"]) for r in rows] == [
        ("1,50,000 people", 150000.0, "counted_noun+lakh_grouping")]


UNDECIDED = [
    pytest.param("Parliament approved a 48.1 trillion shilling budget on Thursday.", "48.1 trillion shilling",
                 id="shilling-no-country"),
    pytest.param("Tanzania and Kenya agreed a 5 billion shillings rail deal.", "5 billion shillings",
                 id="shillings-two-countries"),
    pytest.param("The board paid out 3 billion kwacha last year.", "3 billion kwacha", id="kwacha-no-country"),
]


@pytest.mark.parametrize(("text", "span"), UNDECIDED)
def test_undecided_marker_word_is_no_amount_and_a_warning(quantity_nlp, extractor, text, span):
    assert_undecided_marker(quantity_nlp, extractor, text, span)


LOOKALIKES = [
    # (text, fragment that must be no quantity at all)
    pytest.param("London: about 1,50,000 people attended the rally.", "1,50,000", id="lakh-grouping-no-country"),
    pytest.param("Karachi, Pakistan: the car costs Rs 2,50,000.", "2,50,000", id="lakh-grouping-pakistan"),
    pytest.param("Le Monde reported on Tuesday that Le Pen gained.", "Le", id="le-monde-le-pen"),
    pytest.param("Br Thomas of Addis Ababa, Ethiopia, led the choir of 40.", "Br", id="br-in-a-name"),
    pytest.param("The N1 road near Lagos, Nigeria, was closed.", "N1", id="n1-road"),
    pytest.param("The SR-71 flew over Riyadh, Saudi Arabia.", "SR-71", id="sr-71"),
    pytest.param("Scan the QR code at the Doha, Qatar, gate.", "QR", id="qr-code"),
    pytest.param("Dr 5 of the ward in Kampala, Uganda, was closed.", "Dr", id="dr-title"),
    pytest.param("TK Maxx opened a store in Dhaka, Bangladesh.", "TK", id="tk-maxx"),
    pytest.param("Sh! said the teacher in Nairobi, Kenya, as pupils left.", "Sh", id="sh-interjection"),
    pytest.param("J.K. Rowling met K. R. Narayanan in Lusaka, Zambia.", "K.", id="initials"),
    pytest.param("He sold shillings and pence at the London market.", "shillings", id="shillings-no-number"),
]


@pytest.mark.parametrize(("text", "fragment"), LOOKALIKES)
def test_lookalike_is_no_amount(quantity_nlp, extractor, text, fragment):
    at = text.index(fragment)
    rows = _run(quantity_nlp, extractor, text)
    assert [r["text"] for r in rows if r["start"] <= at < r["end"] or r["kind"] == "money"] == []
