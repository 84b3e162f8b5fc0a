"""Quantities round 75: currency names and markers read as counts or missed ("pesos", "NIS", "LE", "NLe", "dong", "Tk").

"peso(s)" is the shared marker "peso" (configs/quantities.toml [currency] shared_markers; CLDR's currencies named
"... peso"), decided by the article's country ("article_country:MX") or E411; "NIS", "LE"/"L.E." and "NLe" are newsroom
symbols CLDR lacks (ILS, EGP, SLE), read only before a number; a count whose noun is a stoplisted CLDR currency word
("dong") is money after a scaled number ("currency_word_scaled") and no row after a bare one; a letter symbol written
after a scaled number ("5,624 million Tk") is money ("symbol_after_scaled", currency_counts.py); a shared letter ("P")
the article's amounts leave open is decided by its places ("letter_article_country:PH", letter_country.py).

Pages and rows: tests/quantities_news/units75.tsv (29 pages in the order found; 1-15 dev, 16-29 held out and scored only
as a count here). Look-alikes that must not change: "Le Monde", "Le Pen", "the Le Mans 24 Hours", "Le 22,000" (unscaled),
"the NIS said", Serbia's "NIS", "Tk" inside a word, "Dong" in a name, "peso-denominated bonds", "5 dong coins".
"""
from __future__ import annotations

import pytest

from tests.test_quantities import _run, assert_one_money_row, assert_undecided_marker
from tests.test_quantities_gold import extractor, quantity_nlp  # noqa: F401 (fixtures)

MONEY = [
    # (sentence, amount, value, currency, unit_rule): short phrases of the forms the dev pages write
    pytest.param("Mexico spent 5 billion pesos.", "5 billion pesos", 5e9, "MXN", "article_country:MX", id="pesos-mexico"),
    pytest.param("The 5 billion pesos deal in Argentina.", "5 billion pesos", 5e9, "ARS", "article_country:AR",
                 id="pesos-argentina"),
    pytest.param("Chile spent 5 billion pesos and Peru 3 billion soles.", "5 billion pesos", 5e9, "CLP",
                 "article_country:CL", id="pesos-chile"),
    pytest.param("Colombia will raise 12 trillion pesos.", "12 trillion pesos", 1.2e13, "COP", "article_country:CO",
                 id="pesos-colombia"),
    pytest.param("Israel will spend NIS 5 billion.", "NIS 5 billion", 5e9, "ILS", "symbol", id="nis-spaced"),
    pytest.param("The Knesset passed a NIS5bn plan.", "NIS5bn", 5e9, "ILS", "symbol", id="nis-glued"),
    pytest.param("Egypt spent LE 5 billion.", "LE 5 billion", 5e9, "EGP", "symbol", id="le-egypt-spaced"),
    pytest.param("Egypt set a target of LE416.6 billion.", "LE416.6 billion", 4.166e11, "EGP", "symbol", id="le-glued"),
    pytest.param("Egypt spent L.E. 5 billion.", "L.E. 5 billion", 5e9, "EGP", "symbol", id="l-e-dotted"),
    pytest.param("Sierra Leone spent NLe 15 billion.", "NLe 15 billion", 1.5e10, "SLE", "symbol", id="nle-spaced"),
    pytest.param("The budget is NLe23.5 billion.", "NLe23.5 billion", 2.35e10, "SLE", "symbol", id="nle-glued"),
    pytest.param("Vietnam spent 200 billion dong on roads.", "200 billion dong", 2e11, "VND", "currency_word_scaled",
                 id="dong-scaled"),
    pytest.param("Freetown raised 5 trillion leones.", "5 trillion leones", 5e12, "SLE", "currency_word_scaled",
                 id="leones-scaled"),
    pytest.param("Bangladesh earned 5,624 million Tk from exports.", "5,624 million Tk", 5.624e9, "BDT",
                 "symbol_after_scaled", id="tk-after-scaled"),
    pytest.param("Philippines spent P5 billion on roads.", "P5 billion", 5e9, "PHP", "letter_article_country:PH",
                 id="p-philippines"),
    pytest.param("Botswana spent P5 billion.", "P5 billion", 5e9, "BWP", "letter_article_country:BW", id="p-botswana"),
    pytest.param("Botswana's budget of P85.6 billion was tabled as the pula weakened.", "P85.6 billion", 8.56e10, "BWP",
                 "letter_article_country:BW", id="p-botswana-round67"),
    pytest.param("Manila set aside P5 billion; Gaborone and Quezon City did not.", "P5 billion", 5e9, "PHP",
                 "letter_article_country:PH", id="p-cities-outnumber"),
]


@pytest.mark.parametrize(("sentence", "amount", "value", "unit", "rule"), MONEY)
def test_currency_read(quantity_nlp, extractor, sentence, amount, value, unit, rule):
    assert_one_money_row(quantity_nlp, extractor, sentence, amount, value, unit, rule)


@pytest.mark.parametrize(("sentence", "amount"), [
    pytest.param("He spent 5 billion pesos.", "5 billion pesos", id="pesos-no-country"),
    pytest.param("He paid 5 pesos.", "5 pesos", id="pesos-unscaled-no-country"),
    pytest.param("The firm spent P5 billion.", "P5 billion", id="p-no-country"),
])
def test_undecided_marker(quantity_nlp, extractor, sentence, amount):
    assert_undecided_marker(quantity_nlp, extractor, sentence, amount)


LOOKALIKES = [
    # (sentence, the text of every row it must give): readings that must not change
    pytest.param("Le Monde reported 5 deaths.", ["5 deaths"], id="le-monde"),
    pytest.param("Le Pen won 41% of the vote.", ["41%"], id="le-pen"),
    pytest.param("The Le Mans 24 Hours drew 300,000 fans.", ["300,000 fans"], id="le-mans"),
    pytest.param("Sierra Leone paid Le 22,000.", [], id="le-unscaled"),
    pytest.param("The NIS said 5 people were arrested.", ["5 people"], id="nis-body"),
    pytest.param("Serbia's NIS said profits rose 5%.", ["5%"], id="nis-serbia"),
    pytest.param("The Tktk app had 5 million users.", ["5 million users"], id="tk-in-word"),
    pytest.param("Nguyen Van Dong said 5 people died.", ["5 people"], id="dong-name"),
    pytest.param("The firm sold peso-denominated bonds worth $5 billion.", ["$5 billion"], id="peso-adjective"),
    pytest.param("Vietnam sold 5 dong coins.", ["5 dong coins"], id="dong-coins"),
    pytest.param("Vietnam paid 5 dong.", [], id="dong-unscaled-no-count"),
    pytest.param("Thailand spent 5 billion baht.", ["5 billion baht"], id="baht-unchanged"),
]


@pytest.mark.parametrize(("sentence", "texts"), LOOKALIKES)
def test_lookalike_unchanged(quantity_nlp, extractor, sentence, texts):
    rows = _run(quantity_nlp, extractor, sentence)
    assert [r["text"] for r in rows] == texts
    assert all(not (r["kind"] == "count" and r["unit"] in {"pesos", "peso", "dong", "Tk", "NIS"}) for r in rows)


def test_scaled_words_come_from_cldr(extractor):
    words = extractor.lex.scaled_currency_words
    assert words["dong"] == "VND" and words["leones"] == "SLE"
    assert "dong" not in extractor.lex.suffix_phrases  # an ordinary currency word needs no scale
    assert {"MXN", "ARS", "COP", "CLP", "PHP"} <= extractor.lex.shared_markers["peso"][1]
