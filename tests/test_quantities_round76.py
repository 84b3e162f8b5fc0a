"""Quantities round 76: a currency code or letter symbol written before the number in a case the lexicon lacked.

News writes the ISO 4217 codes and CLDR's letter symbols in mixed case before the number: "PhP6.326 trillion" and "PhP
42.2 billion" (pco.gov.ph), "Php 297.6 billion" (explained.ph), "Kshs. 659.5 billion" (a Kenyan budget summary, the
symbol's plural with its full stop). Every such spelling with a capital first letter and a small one, of a code or of a
letter symbol of three or more letters (and a symbol's plural, "Kshs", "Ushs"), is that currency when a scale follows
the number, spaced or glued (case_variants.py, unit_rule "symbol_case_variant"); a spelling two currencies share, one
the stoplists leave out, a shared marker's ("Dhs") and a code that is an English word ("Gel", "Try", "Cad") are not.

Pages and rows: tests/quantities_news/units76.tsv (32 pages in the order found; 1-16 dev, 17-32 held out and scored only
as a count here). Look-alikes that must not change: "Php 8.3" (PHP the language, no scale), "the Naira fell", "Taka" and
"Cedi" in a name, "the Birr 2025 budget", "Tsh 500 note" (no scale), "Gel 5 million units".
"""
from __future__ import annotations

import pytest

from tests.test_quantities import _run, assert_one_money_row
from tests.test_quantities_gold import extractor, quantity_nlp  # noqa: F401 (fixtures)

MONEY = [
    # (sentence, amount, value, currency): short phrases of the forms the dev pages write
    pytest.param("Manila signed the PhP6.326 trillion budget.", "PhP6.326 trillion", 6.326e12, "PHP", id="php-glued"),
    pytest.param("The DOJ got PhP 42.2 billion.", "PhP 42.2 billion", 4.22e10, "PHP", id="php-mixed-spaced"),
    pytest.param("Health: Php 297.6 billion", "Php 297.6 billion", 2.976e11, "PHP", id="php-title-spaced"),
    pytest.param("The Philippines will spend Php 3.3 trillion.", "Php 3.3 trillion", 3.3e12, "PHP", id="php-brief"),
    pytest.param("Total Allocation: Kshs. 659.5 billion", "Kshs. 659.5 billion", 6.595e11, "KES", id="kshs-dotted"),
    pytest.param("Kenya spent Kshs 5 billion.", "Kshs 5 billion", 5e9, "KES", id="kshs-plain"),
    pytest.param("Tanzania will spend Tsh 2 trillion.", "Tsh 2 trillion", 2e12, "TZS", id="tsh-spaced"),
    pytest.param("Uganda will spend Ushs 2.9 trillion.", "Ushs 2.9 trillion", 2.9e12, "UGX", id="ushs-spaced"),
    pytest.param("The bank lent Usd5bn.", "Usd5bn", 5e9, "USD", id="usd-glued"),
]


@pytest.mark.parametrize(("sentence", "amount", "value", "unit"), MONEY)
def test_case_variant_read(quantity_nlp, extractor, sentence, amount, value, unit):
    assert_one_money_row(quantity_nlp, extractor, sentence, amount, value, unit, "symbol_case_variant")


@pytest.mark.parametrize(("sentence", "amount", "value", "unit", "rule"), [
    pytest.param("Tanzania will spend TSh2.1 trillion.", "TSh2.1 trillion", 2.1e12, "TZS", "symbol", id="tsh-cldr"),
    pytest.param("Kenya will spend Ksh 3.3 trillion.", "Ksh 3.3 trillion", 3.3e12, "KES", "symbol", id="ksh-cldr"),
    pytest.param("Kenya will spend KSh 3 billion.", "KSh 3 billion", 3e9, "KES", "symbol", id="ksh-lexicon"),
    pytest.param("It costs PHP 6.793 trillion.", "PHP 6.793 trillion", 6.793e12, "PHP", "iso_code", id="php-code"),
])
def test_known_forms_keep_their_rule(quantity_nlp, extractor, sentence, amount, value, unit, rule):
    assert_one_money_row(quantity_nlp, extractor, sentence, amount, value, unit, rule)


LOOKALIKES = [
    # (sentence, the text of every row it must give): readings that must not change
    pytest.param("Php 8.3 was released in November.", ["8.3"], id="php-language-no-scale"),
    pytest.param("The Php 8 update shipped to 5 million sites.", ["5 million sites"], id="php-version"),
    pytest.param("The Naira fell.", [], id="naira-no-amount"),
    pytest.param("Taka Hiroshi said 5 people came.", ["5 people"], id="taka-name"),
    pytest.param("Cedi Osman scored 20 points.", ["20 points"], id="cedi-name"),
    pytest.param("The Birr 2025 budget was approved.", [], id="birr-year"),
    pytest.param("The Tsh 500 note was withdrawn.", [], id="tsh-unscaled"),
    pytest.param("Kenya paid Kshs. 500 to each voter.", ["500"], id="kshs-unscaled"),
    pytest.param("Gel 5 million units were sold.", ["5 million units"], id="gel-english-word"),
    pytest.param("Try 5 billion times.", [], id="try-english-word"),
    pytest.param("The DHS 5 billion grant was cut.", [], id="all-capitals-not-a-variant"),
]


@pytest.mark.parametrize(("sentence", "texts"), LOOKALIKES)
def test_lookalike_unchanged(quantity_nlp, extractor, sentence, texts):
    rows = _run(quantity_nlp, extractor, sentence)
    assert [r["text"] for r in rows] == texts
    assert all(r["unit_rule"] != "symbol_case_variant" for r in rows)


def test_variants_come_from_the_codes_and_symbols(extractor):
    variants = extractor.lex.case_variants
    assert variants["Php"] == variants["PhP"] == "PHP" and variants["Tsh"] == "TZS" and variants["Kshs."] == "KES"
    assert not {"Gel", "Try", "Cad", "Ron", "PHP", "KSh", "Dhs", "DHS"} & set(variants)
