"""Claims round 69 (issue 16): a size that names a kind of counted or priced thing is not the claim's value (``kinds``).

"US ports ... handled 1.96 million 20-foot containers" (dev14 555_), "exceeding a billion 20-foot containers
moved" (dev13 543_), "$2,107 per 40-foot container" (dev9 426_) and "the upgraded Mogami-class (4,800-ton type)"
(dev8 409_): the hyphened size says which things are meant, and every judge left it out. Look-alikes keep it: a
size on a noun nothing counts measures the thing itself ("a ferocious 25-yard strike", dev3 322_; "a 10-point
increase", dev 008_; "a 50-basis-point cut", dev10 446_), and so does a size written apart ("20 feet long") and one
on a noun whose count no value row holds (the claim would keep no figure of the noun's).
"""
from __future__ import annotations

import pytest

from tests.test_claims import build, extractor  # noqa: F401 (fixture)


def _row_holding(built, surface: str) -> dict:
    rows = [row for row in built.rows if surface in row["text"]]
    assert len(rows) == 1, built.rows
    return rows[0]


def _quantity_id(built, surface: str) -> str:
    return next(q["quantity_id"] for q in built.quantities if q["text"] == surface)


@pytest.mark.parametrize("text, size, kept", [
    pytest.param("US ports covered by NRF's report handled 1.96 million 20-foot containers or its equivalent in June.",
                 "20-foot", ["1.96 million"], id="555_-counted-containers"),
    pytest.param("Ocean freight data at the end of 2025 crossed a projection threshold, exceeding a billion 20-foot "
                 "containers moved.", "20-foot", ["a billion"], id="543_-a-billion-containers"),
    pytest.param("The Drewry World Container Index fell 5% to $2,107 per 40-foot container.", "40-foot",
                 ["5%", "$2,107"], id="426_-priced-per-container"),
    pytest.param("In November 2024, the Australian Government shortlisted the upgraded Mogami-class frigate "
                 "(4,800-ton type) as one of the candidates.", "4,800-ton", ["November 2024"],
                 id="409_-a-noun-of-kind"),
])
def test_a_size_naming_a_kind_is_left_out(nlp, extractor, text, size, kept):
    dates = [value for value in kept if value[0].isalpha() and value != "a billion"]
    quantities = [(size, "measure"), *((value, "percent" if "%" in value else "money" if value[0] == "$" else "count")
                                       for value in kept if value not in dates)]
    built = build(nlp, extractor, text, dates=dates, quantities=quantities)
    row = _row_holding(built, size)
    assert _quantity_id(built, size) not in row["quantity_ids"], row
    assert all(built.value_id(value) in [*row["quantity_ids"], *row["date_ids"]] for value in kept), row
    assert "sized_kind" in row["confidence_evidence"].split(), row


@pytest.mark.parametrize("text, size, kind", [
    pytest.param("Borja surged forward and unleashed a ferocious 25-yard strike that arrowed into the top corner.",
                 "25-yard", "measure", id="322_-a-strike-nothing-counts"),
    pytest.param("The party gained a 10-point increase in its result in 2021.", "10-point", "count",
                 id="008_-a-change"),
    pytest.param("The Fed made a 50-basis-point cut in September.", "50-basis-point", "measure", id="446_-a-cut"),
    pytest.param("The 4,800-ton frigate carries a crew of 90 sailors.", "4,800-ton", "measure",
                 id="a-ship-its-own-size"),
    pytest.param("Each container is 20 feet long and the port handled 1.9 million of them in June.", "20 feet",
                 "measure", id="a-size-written-apart"),
    # a count no value row holds leaves the size in (the claim would keep no figure of the noun's)
    pytest.param("US ports covered by NRF's report handled 1.96 million 20-foot containers or its equivalent in June.",
                 "20-foot", "measure", id="555_-a-count-no-value-holds"),
])
def test_a_size_that_measures_its_own_thing_stays(nlp, extractor, text, size, kind):
    built = build(nlp, extractor, text, quantities=[(size, kind)])
    row = _row_holding(built, size)
    assert _quantity_id(built, size) in row["quantity_ids"], row
    assert "sized_kind" not in row["confidence_evidence"].split(), row
