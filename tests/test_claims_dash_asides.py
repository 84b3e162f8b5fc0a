"""Claims round 75 (issue 16): a duration in a dash aside after the claim's own figure is the aside's (``asides``).

"the Hang Seng Index still gained 28 percent -- its best performance in eight years" (dev10 448_), "just a hair above
where sales had been in 1986 – four decades of structural stagnation" (dev5 358_), "408 ... and 135 confirmed cases
respectively — marking a seven-day consecutive decline" (dev15 598_): what a dash sets off after the claim has stated
its figure comments on it, and every judge left its duration out. Look-alikes keep their values: a date or a figure
in the aside ("—more than a decade earlier", "— meaning the asteroid will safely pass Earth in 2032", "—a 6 percent
increase", dev 022_, dev2 312_, dev7 406_), a duration before the dash, a dash joining a range ("the January–March
quarter"), and an aside holding the claim's only value.
"""
from __future__ import annotations

import pytest

from tests.test_claims import build, extractor  # noqa: F401 (fixture)


def _row(built) -> dict:
    assert len(built.rows) == 1, built.rows
    return built.rows[0]


def _linked(built, row) -> set[str]:
    ids = {*row["quantity_ids"], *row["date_ids"]}
    return {value for value in [*(q["text"] for q in built.quantities), *(d["text"] for d in built.dates)]
            if built.value_id(value) in ids}


@pytest.mark.parametrize("text, dates, quantities, aside", [
    pytest.param("For the year the Hang Seng Index still gained 28 percent -- its best performance in eight years.",
                 [("the year", "date"), ("eight years", "duration")], [("28 percent", "percent")], "eight years",
                 id="448_-best-in-eight-years"),
    pytest.param("Total new-vehicle sales rose by 2.4% in 2025 to 16.2 million vehicles, just a hair above where sales "
                 "had been in 1986 – four decades of structural stagnation.",
                 [("2025", "date"), ("1986", "date"), ("four decades", "duration")],
                 [("2.4%", "percent"), ("16.2 million vehicles", "count")], "four decades", id="358_-four-decades"),
    pytest.param("From July 29 to Monday, the district reported 408 and 135 confirmed cases respectively — marking a "
                 "seven-day consecutive decline.", [("July 29", "date"), ("Monday", "date"), ("seven-day", "duration")],
                 [("408", "count"), ("135 confirmed cases", "count")], "seven-day", id="598_-a-seven-day-decline"),
])
def test_a_duration_in_a_dash_aside_is_left_out(nlp, extractor, text, dates, quantities, aside):
    built = build(nlp, extractor, text, dates=dates, quantities=quantities)
    row = _row(built)
    linked = _linked(built, row)
    assert aside not in linked, row
    assert linked == {value for value, _ in [*dates, *quantities]} - {aside}, row
    assert "dash_aside" in row["confidence_evidence"].split(), row


@pytest.mark.parametrize("text, dates, quantities", [
    pytest.param("If the current rate of warming continues, the +1.5°C limit could be permanently reached by the end "
                 "of this decade—more than a decade earlier than projected.",
                 [("the end of this decade", "date"), ("a decade earlier", "date")], [("+1.5°C", "measure")],
                 id="022_-a-date-in-the-aside"),
    pytest.param("NASA has it down to 0.0017% — meaning the asteroid will safely pass Earth in 2032.",
                 [("2032", "date")], [("0.0017%", "percent")], id="312_-a-year-in-the-aside"),
    pytest.param("Exports also hit a new high at $3.4 trillion—a 6 percent increase.", [],
                 [("$3.4 trillion", "money"), ("6 percent", "percent")], id="406_-a-figure-in-the-aside"),
    pytest.param("The walkout lasted 53 days – the longest strike at the plant.", [("53 days", "duration")], [],
                 id="a-duration-before-the-dash"),
    pytest.param("Sales rose 12% in the January–March quarter, the fastest pace in two years.",
                 [("the January–March quarter", "date"), ("two years", "duration")], [("12%", "percent")],
                 id="a-dash-joining-a-range"),
    pytest.param("The rally — its longest in eight years — lifted the index.", [("eight years", "duration")], [],
                 id="the-aside-holds-the-only-value"),
])
def test_values_outside_a_dash_aside_rule_stay(nlp, extractor, text, dates, quantities):
    built = build(nlp, extractor, text, dates=dates, quantities=quantities)
    row = _row(built)
    assert _linked(built, row) == {value for value, _ in [*dates, *quantities]}, row
    assert "dash_aside" not in row["confidence_evidence"].split(), row
