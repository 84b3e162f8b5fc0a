"""Claims round 67 (issue 16): a nationality on a head that does not serve its country says where, not who (``national``).

"Mumbai: Indian equity markets ended higher Thursday" (dev14 561_, Orissa Post/IANS, a dev sentence) was judged about
the markets, the country no alias; "The Australian stock market reached unprecedented heights" (dev11 477_) was judged
with "'Australian' alone is a modifier, not the subject"; "Indian economy has witnessed rapid disinflation" (dev11
479_) about the economy, India an alias. Fresh leads of the same shape: Fortune India (31 December 2025), "Indian
equity markets signed off 2025 on a strong note, with benchmark indices rising as much as 1% on the final trading
day"; The Free Press Journal (31 December 2025), "Indian stock markets finished the last trading session of 2025 on a
positive note". The phrase's own words stand (``subject_rule`` ``nationality_modifier``, empty
``subject_mention_id``). Look-alikes keep the country: people and bodies serving it (``place_serving_nouns``:
"Polish officials", dev 203_; "Romanian authorities"), any other head ("a Russian drone", the seeds' 004_), and a clause with no value, where a row
needs a name ("Analysts said that Indian equities rose", dev14 561_: the country stays the actor, ``facts``).
"""
from __future__ import annotations

import pytest

from tests.test_claims import build, extractor  # noqa: F401 (fixture)

SERVING = ("Britain and the EU resumed talks in Brussels. British negotiators said they had agreed 12 points on "
           "Tuesday.")


@pytest.mark.parametrize("text, dates, quantities, value, subject", [
    pytest.param("Mumbai: Indian equity markets ended higher Thursday, with both the Sensex and Nifty moving closer to "
                 "the record levels last seen in September 2024.", ["Thursday", "September 2024"], [], "Thursday",
                 "Indian equity markets", id="561_-dev-indian-equity-markets"),
    pytest.param("Indian equity markets signed off 2025 on a strong note, with benchmark indices rising as much as 1% "
                 "on the final trading day.", ["2025"], [("1%", "percent")], "2025", "Indian equity markets",
                 id="fortuneindia-2025-12-31-indian-equity-markets"),
    pytest.param("Mumbai: Indian stock markets finished the last trading session of 2025 on a positive note, breaking "
                 "a multi-day losing streak.", ["2025"], [], "2025", "Indian stock markets",
                 id="freepressjournal-2025-12-31-indian-stock-markets"),
])
def test_a_nationality_on_a_market_keeps_the_phrase(nlp, extractor, text, dates, quantities, value, subject):
    built = build(nlp, extractor, text, dates=dates, quantities=quantities)
    assert any(m["label"] == "NORP" for m in built.mentions), built.mentions  # the nationality is a mention
    row = built.row_with(value)
    assert (row["subject"], row["subject_rule"], row["subject_mention_id"]) == (subject, "nationality_modifier",
                                                                                None), row


@pytest.mark.parametrize("text, dates, quantities, value, subject", [
    pytest.param("Poland signed the deal in Warsaw. Polish officials expect full domestic production by 2028.",
                 ["2028"], [], "2028", "Poland", id="203_-dev-polish-officials"),
    pytest.param("Romania closed its airspace on Monday. Romanian authorities arrested 3 people on Tuesday.", [],
                 [("3 people", "count")], "3 people", "Romania", id="serving-authorities"),
    pytest.param("Russia denied sending the drones. In August, a Russian drone crashed some 100 "
                 "kilometres from Warsaw.", ["August"], [("100 kilometres", "distance")], "100 kilometres", "Russia",
                 id="seed-004-a-weapon-is-no-traded-thing"),
])
def test_people_and_bodies_serving_the_country_keep_it(nlp, extractor, text, dates, quantities, value, subject):
    built = build(nlp, extractor, text, dates=dates, quantities=quantities)
    row = built.row_with(value)
    assert (row["subject"], row["subject_rule"]) == (subject, "nationality"), row


def test_a_row_with_no_value_keeps_the_country(nlp, extractor):
    built = build(nlp, extractor, "India and the US held trade talks in Delhi. Analysts said that Indian equities rose "
                                  "on optimism around the trade talks.")
    rows = [r for r in built.rows if "equities" in r["text"]]
    assert [(r["subject"], r["subject_rule"]) for r in rows] == [("India", "nationality")], built.rows
