"""Quantities round 73: the basis-point abbreviations of finance news ("25bp", "10bps", "15 bp", "a 50-bp move").

"bp", "bps" and "bpts" glued to a number or after it, and "basis pts", are read as the spelled-out "basis points"
already are: kind percent, unit "bp", unit_rule "percent" (configs/quantities.toml [percent] units and suffixes). The
abbreviations are read only in lower case ([percent] lower_case_only): "BP" after a number is the oil company.
A temperature written "104F" or "118 F" and "by half" after a change verb were seen on one dev page and none: no rule.

Pages and rows: tests/quantities_news/units73.tsv (25 pages in the order found; 1-13 dev, 14-25 held out and scored
only as a count here). Look-alikes that must not change: "BP" the company, "F-16", "F1", "Category 5", "bp" in a URL
or ticker, "half-time", "a quarter of the country", "the third quarter", "Room 104F", "the 777F".
"""
from __future__ import annotations

import pytest

from tests.test_quantities import _run
from tests.test_quantities_gold import extractor, quantity_nlp  # noqa: F401 (fixtures)

ABBREVIATIONS = [
    # (sentence, amount, value in bp): short phrases of the forms the dev pages write
    pytest.param("Yields were up 10bps on the day.", "10bps", 10.0, id="glued-bps"),
    pytest.param("The 75bp rate hike surprised nobody.", "75bp", 75.0, id="glued-bp"),
    pytest.param("Spreads tightened 12bpts last week.", "12bpts", 12.0, id="glued-bpts"),
    pytest.param("It was the 15 bp move traders expected.", "15 bp", 15.0, id="spaced-bp"),
    pytest.param("Spreads widened 40 bpts on Monday.", "40 bpts", 40.0, id="spaced-bpts"),
    pytest.param("The yield fell 8 basis pts to 4.1%.", "8 basis pts", 8.0, id="basis-pts"),
    pytest.param("Traders priced in a 50-bp move.", "50-bp", 50.0, id="hyphen-bp"),
    pytest.param("The Fed cut rates by 25 basis points.", "25 basis points", 25.0, id="spelled-out-unchanged"),
]


@pytest.mark.parametrize(("sentence", "amount", "value"), ABBREVIATIONS)
def test_basis_point_abbreviation(quantity_nlp, extractor, sentence, amount, value):
    rows = [r for r in _run(quantity_nlp, extractor, sentence) if r["text"] == amount]
    assert len(rows) == 1, [r["text"] for r in _run(quantity_nlp, extractor, sentence)]
    assert sentence[rows[0]["start"]:rows[0]["end"]] == amount
    assert (rows[0]["kind"], rows[0]["unit"], rows[0]["unit_rule"], rows[0]["value"]) == ("percent", "bp", "percent",
                                                                                           value)


LOOKALIKES = [
    # (sentence, the text of every row it must give): readings that must not change
    pytest.param("BP shares rose 2% in London.", ["2%"], id="bp-company"),
    pytest.param("The deal gave 2 BP executives new roles.", ["2 BP executives"], id="bp-capitals-after-number"),
    pytest.param("Shell and 25BP were named.", [], id="bp-capitals-glued"),
    pytest.param("Results are at bp.com/investors for 2025.", [], id="bp-url"),
    pytest.param("The ticker NYSE: BP fell 1.5%.", ["1.5%"], id="bp-ticker"),
    pytest.param("The air force ordered 24 F-16 jets.", ["24 F-16 jets"], id="f-16"),
    pytest.param("He has won 3 F1 titles.", ["3 F1 titles"], id="f1"),
    pytest.param("The storm grew to Category 5 overnight.", [], id="category-5"),
    pytest.param("The score was 1-0 at half-time.", [], id="half-time"),
    pytest.param("Drought hit a quarter of the country.", ["a quarter"], id="quarter-of"),
    pytest.param("Sales rose in the third quarter.", [], id="third-quarter"),
    pytest.param("Room 104F is on the fourth floor.", [], id="room-104f"),
    pytest.param("The 777F freighter landed.", [], id="777f"),
]


@pytest.mark.parametrize(("sentence", "texts"), LOOKALIKES)
def test_lookalike_unchanged(quantity_nlp, extractor, sentence, texts):
    rows = _run(quantity_nlp, extractor, sentence)
    assert [r["text"] for r in rows] == texts
    assert all(r["unit"] != "bp" for r in rows)


def test_lower_case_only_abbreviations(extractor):
    assert {"bp", "bps", "bpts"} <= extractor.lex.lower_case_only_units
    assert extractor.lex.percent_suffixes["bps"] == "bp" and extractor.lex.suffix_phrases["basis pts"] == ("percent",
                                                                                                           "bp")
