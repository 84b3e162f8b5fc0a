"""Quantities round 74: a temperature written with the bare letter "F" ("104F", "104 F") in an article about the weather.

The letter "F" glued to a number or spaced after it is read as °F (kind measure, unit "°F", unit_rule
"fahrenheit_letter", module fahrenheit_letter) only where the article is about the weather or temperature (a word of
configs/quantities.toml [measures] fahrenheit_letter.topic_lemmas, or a "°F"/"°C" written) and the value is an air
temperature. "by half" and the markers "Le", "Tsh", "Uganda Shillings", "TK" were seen on fewer than three dev pages
each: no rule (the table's gap column says which).

Pages and rows: tests/quantities_news/units74.tsv (25 pages in the order found; 1-13 dev, 14-25 held out and scored only
as a count here). Look-alikes that must not change: "F-16", "F1", "Form 10-F", a grade "F", "Category 5", "Room 104F",
"the 777F", "half-time", "half of the country", "a quarter of voters", "the third quarter", "Le Monde", "Le Pen", "Tk"
inside a word.
"""
from __future__ import annotations

import pytest

from tests.test_quantities import _run
from tests.test_quantities_gold import extractor, quantity_nlp  # noqa: F401 (fixtures)

TEMPERATURES = [
    # (sentence, amount, value in °F): short phrases of the forms the dev pages write
    pytest.param("Temperatures hit 104F in Phoenix.", "104F", 104.0, id="glued"),
    pytest.param("Phoenix breaks heat record with 113 days straight over 110F", "110F", 110.0, id="glued-heat-record"),
    pytest.param("Austin recorded a sweltering 101F by 5pm.", "101F", 101.0, id="glued-sweltering"),
    pytest.param("The forecast was a high of 87F.", "87F", 87.0, id="glued-before-full-stop"),
    pytest.param("Seattle hit 104 F (40 C) on Sunday amid the heat.", "104 F", 104.0, id="spaced-ap"),
    pytest.param("Lows dropped to -20F overnight in the cold weather.", "-20F", -20.0, id="glued-negative"),
    pytest.param("It was 45°C in the shade and 113F by the river.", "113F", 113.0, id="degree-sign-elsewhere"),
]


@pytest.mark.parametrize(("sentence", "amount", "value"), TEMPERATURES)
def test_fahrenheit_letter(quantity_nlp, extractor, sentence, amount, value):
    rows = [r for r in _run(quantity_nlp, extractor, sentence) if r["text"] == amount]
    assert len(rows) == 1, [r["text"] for r in _run(quantity_nlp, extractor, sentence)]
    assert sentence[rows[0]["start"]:rows[0]["end"]] == amount
    assert (rows[0]["kind"], rows[0]["unit"], rows[0]["unit_rule"], rows[0]["value"]) == ("measure", "°F",
                                                                                           "fahrenheit_letter", value)


LOOKALIKES = [
    # (sentence, the text of every row it must give): readings that must not change
    pytest.param("Shares rose to 104F on Monday.", [], id="no-weather-word"),
    pytest.param("In the heat wave the air force ordered 24 F-16 jets.", ["24 F-16 jets"], id="f-16-in-heat"),
    pytest.param("In the heat of the race he won 3 F1 titles.", ["3 F1 titles"], id="f1-in-heat"),
    pytest.param("In the heat the company filed Form 10-F.", [], id="form-10-f"),
    pytest.param("He got an F in the heat of exams.", [], id="grade"),
    pytest.param("The storm grew to Category 5 in the heat.", [], id="category-5"),
    pytest.param("Room 104F is on the fourth floor.", [], id="room-104f"),
    pytest.param("The weather was hot; the 777F freighter landed.", [], id="777f-in-weather"),
    pytest.param("Temperatures were 1,500F at the core.", [], id="no-air-temperature"),
    pytest.param("The score was 1-0 at half-time.", [], id="half-time"),
    pytest.param("Drought hit half of the country.", ["half"], id="half-of"),
    pytest.param("The poll found a quarter of voters undecided.", ["a quarter"], id="quarter-of-voters"),
    pytest.param("Sales rose in the third quarter.", [], id="third-quarter"),
    pytest.param("Le Monde reported 5 deaths.", ["5 deaths"], id="le-monde"),
    pytest.param("Le Pen won 41% of the vote.", ["41%"], id="le-pen"),
    pytest.param("The Tktk app had 5 million users.", ["5 million users"], id="tk-in-word"),
]


@pytest.mark.parametrize(("sentence", "texts"), LOOKALIKES)
def test_lookalike_unchanged(quantity_nlp, extractor, sentence, texts):
    rows = _run(quantity_nlp, extractor, sentence)
    assert [r["text"] for r in rows] == texts
    assert all(r["unit_rule"] != "fahrenheit_letter" for r in rows)


def test_topic_words_come_from_the_config(extractor):
    spec = extractor.lex.fahrenheit_letter
    assert spec["letters"] == {"F": "°F"} and "heat" in spec["topic_lemmas"] and "°F" in spec["topic_marks"]
    assert "F" not in extractor.lex.glued_units  # an ordinary glued unit needs no topic
