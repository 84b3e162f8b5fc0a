"""Quantities round 69 (issue 16): the kwacha's "K" (Zambia, Malawi; Myanmar's kyat) and the shilling's "Sh" (Kenya,
Tanzania, Uganda, Somalia), shared markers read by the article as round 68's rupee is (shared_markers.py, configs/
quantities.toml [currency] shared_markers), with the letters' strict reading (glued or spaced before a scaled number)
and no default: a page naming none of their countries gets no row and an E411 warning.

Pages and rows: tests/quantities_news/markers69.tsv (45 pages in the order found; 1-23 dev, 24-45 held out and scored
only as a count here). Look-alikes of every letter marker the stage reads ("K-pop", "5K run", "N1 road", "R&B", "R2"
droid, "P2P", "Shs" as a word, "TK Maxx", "Rs" in a name, a grid reference) must stay no amount.
"""
from __future__ import annotations

import pytest

from tests.test_quantities import _run, assert_one_money_row, assert_undecided_marker
from tests.test_quantities_gold import extractor, quantity_nlp  # noqa: F401 (fixtures)

READ = [
    # (text of one article, amount text, value, currency, unit_rule)
    pytest.param("JACK ZIMBA, Lusaka. The minister announced a K106 billion budget.", "K106 billion", 1.06e11, "ZMW",
                 "article_country:ZM", id="zambia-dateline-city"),
    pytest.param("Malawi's government has announced a K8.05 trillion budget for 2025/2026.", "K8.05 trillion", 8.05e12,
                 "MWK", "article_country:MW", id="malawi-country"),
    pytest.param("The debt is now at over K16 trillion, highlighting Malawi’s dependence on grants.", "K16 trillion",
                 1.6e13, "MWK", "article_country:MW", id="malawi-curly-apostrophe"),
    pytest.param("Total spending is MWK8.05 trillion, of which K2.17 trillion pays interest.", "K2.17 trillion",
                 2.17e12, "MWK", "article_currency:MWK", id="code-decides-kwacha"),
    pytest.param("YANGON: The ministry set aside K1 trillion for roads.", "K1 trillion", 1e12, "MMK",
                 "article_country:MM", id="myanmar-kyat"),
    pytest.param("NAIROBI, Kenya – Mbadi is expected to present the Sh4.24 trillion budget.", "Sh4.24 trillion",
                 4.24e12, "KES", "article_country:KE", id="kenya-dateline"),
    pytest.param("Dodoma — The minister asked the House to approve Sh166 billion for his office.", "Sh166 billion",
                 1.66e11, "TZS", "article_country:TZ", id="tanzania-capital"),
    pytest.param("The county got Sh2.1 billion more, after KSh 40.7 billion last year.", "Sh2.1 billion", 2.1e9, "KES",
                 "article_currency:KES", id="ksh-amount-decides-sh"),
    pytest.param("Kampala: the Sh103.8 billion upgrade of Mulago hospital was approved.", "Sh103.8 billion", 1.038e11,
                 "UGX", "article_country:UG", id="uganda-sh"),
    # markers read before round 69 keep their readings
    pytest.param("The Treasury unveiled a KSh4.2 trillion budget.", "KSh4.2 trillion", 4.2e12, "KES", "symbol",
                 id="ksh-unchanged"),
    pytest.param("Nigeria's N54.99 trillion budget was signed.", "N54.99 trillion", 5.499e13, "NGN",
                 "letter_symbol_scaled", id="naira-letter-unchanged"),
    pytest.param("Eskom posted a R16.6 billion profit.", "R16.6 billion", 1.66e10, "ZAR", "letter_symbol_scaled",
                 id="rand-letter-unchanged"),
    pytest.param("Uganda's Shs72.4tn budget was read.", "Shs72.4tn", 7.24e13, "UGX", "letter_symbol_scaled",
                 id="shs-unchanged"),
]


@pytest.mark.parametrize(("text", "span", "value", "unit", "rule"), READ)
def test_shared_letter_marker_is_read_by_the_article(quantity_nlp, extractor, text, span, value, unit, rule):
    assert_one_money_row(quantity_nlp, extractor, text, span, value, unit, rule)


UNDECIDED = [
    pytest.param("Security gains as Treasury expands budget by Sh86 billion.", "Sh86 billion", id="sh-no-country"),
    pytest.param("Tanzania and Kenya agreed a Sh5 billion rail deal.", "Sh5 billion", id="sh-two-countries"),
    pytest.param("Parliament passed the K6.04 trillion mid-year budget.", "K6.04 trillion", id="k-no-country"),
    pytest.param("The deal is worth K3 billion, officials in Lusaka and Lilongwe said.", "K3 billion",
                 id="k-two-capitals"),
]


@pytest.mark.parametrize(("text", "span"), UNDECIDED)
def test_undecided_letter_marker_is_no_amount_and_a_warning(quantity_nlp, extractor, text, span):
    assert_undecided_marker(quantity_nlp, extractor, text, span)


LOOKALIKES = [
    # (text naming the marker's country, so only the strict reading keeps it out)
    pytest.param("The K-pop group played Lusaka in 2025 before 40,000 fans.", id="k-pop"),
    pytest.param("She ran the 5K run in Lusaka on Saturday.", id="5k-run"),
    pytest.param("Climbers from Malawi trained for K2 this year.", id="k2-mountain"),
    pytest.param("Malawi police fielded K9 units at the airport.", id="k9-units"),
    pytest.param("Section K4 of the act applies in Nairobi, Kenya.", id="k-section"),
    pytest.param("The Kenyan shilling traded at Sh129 to the dollar in Nairobi.", id="sh-unscaled-rate"),
    pytest.param("Sh! said the teacher in Nairobi as pupils left.", id="sh-interjection"),
    pytest.param("The Shs of the Kampala market closed early.", id="shs-word"),
    pytest.param("The N1 road near Lagos, Nigeria, was closed.", id="n1-road"),
    pytest.param("R&B singers performed in Johannesburg for R2 fans.", id="r-and-b"),
    pytest.param("The R2 droid drew crowds in Johannesburg, South Africa.", id="r2-droid"),
    pytest.param("P2P lending grew in Manila, Philippines, in 2025.", id="p2p"),
    pytest.param("TK Maxx opened a store in Dhaka, Bangladesh.", id="tk-initials"),
    pytest.param("Rs Sharma of Karachi, Pakistan, spoke first.", id="rs-in-a-name"),
    pytest.param("The grid reference SK123456 lies in Zambia.", id="grid-reference"),
]


@pytest.mark.parametrize("text", LOOKALIKES)
def test_letter_lookalike_is_no_amount(quantity_nlp, extractor, text):
    assert [r["text"] for r in _run(quantity_nlp, extractor, text) if r["kind"] == "money"] == []
