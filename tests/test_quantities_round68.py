"""Quantities round 68 (issue 16): the rupee marker ("Rs", "Rs.", "₨", "rupee(s)") India, Pakistan, Sri Lanka, Nepal,
Mauritius and the Seychelles share, read by the article (pipeline/stages/quantities/shared_markers.py).

The class met the bar on the dev pages of tests/quantities_news/phrases.tsv (qv68_dev rows: pakistantoday.com.pk,
brecorder.com, khabarkada.com, lkpost.lk, auselanka.com, onlanka.com, 2025). The article decides: the one choice its
other amounts name (unit_rule "article_currency:PKR"), else the choice of the country it names most
("article_country:PK"), else the marker's default INR with its own rule; a tie gives no amount and an E411 warning.

Guards (Indian outlets converting a neighbour's amount write the foreign code and the rupee conversion in brackets:
livemint.com 2025 "PKR 1 crore (nearly 31 lakh)", aajtak.in 2020 "32 लाख पीकेआर (लगभग 14 लाख भारतीय रुपये)",
gujarati.webdunia.com 2021 "40,000 પાકિસ્તાની રૂપિયા એટલે કે લગભગ 17,000 ભારતીય રૂપિયા"):
- a conversion is in another currency than the amount it converts ("conversion_of:PKR");
- one other amount naming a currency does not overrule the country the article names most
  ("article_country_over_amount:IN"); two such amounts do.
"""
from __future__ import annotations

import pytest

from pipeline.core.article import Article
from pipeline.core.errors import severity
from tests.test_quantities import assert_one_money_row, assert_undecided_marker
from tests.test_quantities_gold import extractor, quantity_nlp, view  # noqa: F401 (fixtures)

READ = [
    # (text of one article, amount text, value, currency, unit_rule)
    pytest.param("ISLAMABAD: The federal government presented a budget with an outlay of Rs17.573 trillion for 2025-26.",
                 "Rs17.573 trillion", 1.7573e13, "PKR", "article_country:PK", id="dateline-islamabad"),
    pytest.param("The Pakistani government is set to present a Rs17.6 trillion federal budget for fiscal year 2025-26.",
                 "Rs17.6 trillion", 1.76e13, "PKR", "article_country:PK", id="demonym-pakistani"),
    pytest.param("The National Assembly passed the budget of Rs17.573 trillion, state-run Radio Pakistan reported.",
                 "Rs17.573 trillion", 1.7573e13, "PKR", "article_country:PK", id="country-inside-organisation"),
    pytest.param("Here is a summary of Pakistan’s Federal Budget 2025–26: Benazir Income Support Programme: ₨ 716 billion.",
                 "₨ 716 billion", 7.16e11, "PKR", "article_country:PK", id="rupee-sign"),
    pytest.param("The grant of NPR 5 billion adds to the Rs 20 billion the ministry spent on roads.",
                 "Rs 20 billion", 2e10, "NPR", "article_currency:NPR", id="code-names-nepal"),
    pytest.param("The scheme costs 45 billion Pakistani rupees, of which Rs 12 billion goes to schools.",
                 "Rs 12 billion", 1.2e10, "PKR", "article_currency:PKR", id="words-name-pakistan"),
    pytest.param("Sri Lanka's President Anura Kumara Dissanayake presents the budget for 2026. Rs. 110 billion "
                 "allocated for the second phase of the 2025 salary revision.", "Rs. 110 billion", 1.1e11, "LKR",
                 "article_country:LK", id="country-in-a-person-entity"),
    pytest.param("Sri Lanka’s Budget Speech 2026. Rs. 200 million has been allocated for a hospital in Colombo.",
                 "Rs. 200 million", 2e8, "LKR", "article_country:LK", id="sri-lanka-curly-apostrophe"),
    pytest.param("In Port Louis, the Mauritius government set aside Rs4 bn for drains.", "Rs4 bn",
                 4e9, "MUR", "article_country:MU", id="mauritius"),
    # look-alikes that keep INR
    pytest.param("MUMBAI: The state cabinet cleared Rs 2,300 crore for metro lines across Maharashtra.",
                 "Rs 2,300 crore", 2.3e10, "INR", "article_country:IN", id="indian-page"),
    pytest.param("The minister unveiled a spending plan of Rs 4.2 lakh crore on Saturday.",
                 "Rs 4.2 lakh crore", 4.2e12, "INR", "symbol", id="placeless-page-default"),
    pytest.param("The fund pays 500 rupees a month to each family.", "500 rupees", 500.0, "INR", "currency_word",
                 id="placeless-rupee-word-default"),
    # the guards: a conversion and one amount against the article's country
    pytest.param("Pakistan's governor announced a cash prize of PKR 1 crore (nearly Rs 31 lakh) for the team.",
                 "Rs 31 lakh", 3.1e6, "INR", "conversion_of:PKR", id="conversion-after-code"),
    pytest.param("Pakistan's government approved PKR 50 billion (approx. Rs 15,000 crore) for its forces.",
                 "Rs 15,000 crore", 1.5e11, "INR", "conversion_of:PKR", id="conversion-approx-dot"),
    pytest.param("Pakistan's government approved Rs 15,000 crore (PKR 50 billion) for its forces in Islamabad.",
                 "Rs 15,000 crore", 1.5e11, "INR", "conversion_of:PKR", id="conversion-before-code"),
    pytest.param("Pakistan's government approved PKR 50 billion (about Rs 15,000 crore) as India warned of action.",
                 "Rs 15,000 crore", 1.5e11, "INR", "article_country:IN", id="conversion-then-other-country"),
    pytest.param("New Delhi: India's defence budget is Rs 6.81 lakh crore, against Pakistan's PKR 2.55 trillion; "
                 "India spends more.", "Rs 6.81 lakh crore", 6.81e12, "INR", "article_country_over_amount:IN",
                 id="one-amount-does-not-overrule-the-country"),
    pytest.param("New Delhi: Pakistan's budget is PKR 17.6 trillion, its defence PKR 2.55 trillion and its dams "
                 "Rs 60 billion.", "Rs 60 billion", 6e10, "PKR", "article_currency:PKR",
                 id="two-amounts-overrule-the-country"),
    pytest.param("ISLAMABAD: The government allocated Rs1,000 billion for the PSDP, after PKR 900 billion last year.",
                 "Rs1,000 billion", 1e12, "PKR", "article_currency:PKR", id="amount-agrees-with-country"),
    pytest.param("The outlay is Rs17.6 trillion ($62 billion) in Pakistan.", "Rs17.6 trillion", 1.76e13, "PKR",
                 "article_country:PK", id="dollar-conversion-is-no-choice"),
]

UNDECIDED = [
    # (text of one article, amount text that gets no row and an E411 warning)
    pytest.param("Sri Lanka and Pakistan signed a deal worth Rs 5 billion.", "Rs 5 billion", id="two-countries-tie"),
    pytest.param("The deal is worth Rs 5 billion, said officials in Colombo and Karachi.", "Rs 5 billion",
                 id="two-cities-tie"),
    pytest.param("Nepal and India agreed a Rs 2 billion grid line.", "Rs 2 billion", id="nepal-india-tie"),
    pytest.param("The Rice Program in the administration receives P29.9 billion.", "P29.9 billion",
                 id="shared-letter-undecided-too"),
]


@pytest.mark.parametrize(("text", "span", "value", "unit", "rule"), READ)
def test_rupee_marker_is_read_by_the_article(quantity_nlp, extractor, text, span, value, unit, rule):
    assert_one_money_row(quantity_nlp, extractor, text, span, value, unit, rule)


@pytest.mark.parametrize(("text", "span"), UNDECIDED)
def test_undecided_marker_is_no_amount_and_a_warning(quantity_nlp, extractor, text, span):
    assert_undecided_marker(quantity_nlp, extractor, text, span)
    assert severity("E411") == "warning"


def test_a_decided_marker_gives_no_warning(quantity_nlp, extractor):
    text = "ISLAMABAD: The government allocated Rs1,000 billion for the PSDP."
    article = Article(doc_id="d1", source="s.txt", start=0, end=len(text), text=text)
    rows, errors = extractor.extract(quantity_nlp(view(text)), article)
    assert [(r["unit"], errors) for r in rows if r["kind"] == "money"] == [("PKR", [])]
