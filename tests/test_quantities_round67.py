"""Quantities round 67 (issue 16): currency markers of Ghana's and the Philippines' press, pooled over fresh news.

Two classes met the bar (seen on at least three dev pages, tests/quantities_news/phrases.tsv, qv67_dev rows):

- Ghana's cedi written with the cent sign, "GH¢" for CLDR's "GH₵" (gna.org.gh, standarddailypress.com,
  apanews.net, 2025): a newsroom symbol in configs/quantities.toml, unit_rule "symbol".
- The Philippine press's "P" for the peso (marketguide.top, asb-media.info, madisony.com, 2025), a letter
  Botswana's pula shares: read glued with a scale and only when the article's other amounts name exactly one
  of the two ("PHP 6.793 trillion", "₱928.5 billion"), unit_rule "letter_symbol_context:PHP"; otherwise no amount.
"""
from __future__ import annotations

import pytest

from tests.test_quantities import _run, assert_one_money_row
from tests.test_quantities_gold import extractor, quantity_nlp  # noqa: F401 (fixtures)

READ = [
    # (text of one article, quantity text, value, unit, unit_rule)
    pytest.param("We have allocated GH¢292.4 million to commence the distribution of free sanitary pads.",
                 "GH¢292.4 million", 2.924e8, "GHS", "symbol", id="gna-cedi-cent-sign-million"),
    pytest.param("The GH¢227.8bn (about $15.3bn) budget outlines sweeping reforms.", "GH¢227.8bn", 2.278e11, "GHS",
                 "symbol", id="standarddaily-cedi-glued-bn"),
    pytest.param("Dr Forson presented a GH¢290.97 billion budget to Parliament.", "GH¢290.97 billion", 2.9097e11,
                 "GHS", "symbol", id="apanews-cedi-billion"),
    pytest.param("The Philippines has unveiled its proposed budget, totalling PHP 6.793 trillion. The Rice Program "
                 "receives P29.9 billion.", "P29.9 billion", 2.99e10, "PHP", "letter_symbol_context:PHP",
                 id="marketguide-code-decides-p"),
    pytest.param("The education sector receives ₱928.5 billion. Flood control projects get P274.926 billion.",
                 "P274.926 billion", 2.74926e11, "PHP", "letter_symbol_context:PHP", id="asb-symbol-decides-p"),
    pytest.param("Manila set aside ₱6.3 trillion, including unprogrammed funds of P250bn.", "P250bn", 2.5e11, "PHP",
                 "letter_symbol_context:PHP", id="madisony-glued-scale"),
    pytest.param("The stamp now costs 50¢ at the post office.", "50¢", 0.5, "USD", "dollar_default_usd",
                 id="cent-sign-after-the-number-stays-cents"),
]

NOT_READ = [
    # (text of one article, fragment that must not be (part of) a quantity)
    pytest.param("The Rice Program in the administration receives P29.9 billion.", "P29.9 billion",
                 id="p-with-no-other-peso-amount"),
    # round 75: "Botswana's budget of P85.6 billion" now reads BWP on the country the article names (letter_country.py,
    # tests/test_quantities_round75.py); a page naming no country stays undecided
    pytest.param("The budget of P85.6 billion was tabled as the pula weakened.", "P85.6 billion",
                 id="pula-word-not-peso"),
    pytest.param("Manila's budget is ₱6.3 trillion, Gaborone's is BWP 85 billion and the fund is P2 billion.",
                 "P2 billion", id="article-names-both-currencies"),
    pytest.param("Manila set aside ₱6.3 trillion as the P5 powers met in Geneva.", "P5", id="p5-powers-no-scale"),
    pytest.param("Manila set aside ₱6.3 trillion; the P1 road was closed for 3 days.", "P1", id="p1-road-no-scale"),
    pytest.param("The GH Holdings unit sold 12 stores.", "GH", id="gh-letters-alone"),
]


@pytest.mark.parametrize(("text", "span", "value", "unit", "rule"), READ)
def test_marker_is_read_with_its_evidence(quantity_nlp, extractor, text, span, value, unit, rule):
    assert_one_money_row(quantity_nlp, extractor, text, span, value, unit, rule)


@pytest.mark.parametrize(("text", "fragment"), NOT_READ)
def test_shared_letter_without_deciding_evidence_is_no_amount(quantity_nlp, extractor, text, fragment):
    at = text.index(fragment)
    rows = _run(quantity_nlp, extractor, text)
    assert [r["text"] for r in rows if r["start"] < at + len(fragment) and at < r["end"]] == []
