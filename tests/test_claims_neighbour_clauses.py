"""Claims round 71 (issue 16): a subject "it"/"they" continues the nameless subject of a clause next to its own
(``clause_antecedent``, ``claims/neighbour_clauses.py``), not the last name seen.

dev13 551_ (an adverbial clause of the same sentence), dev12 498_ (the clause the pronoun's clause hangs on) and
dev14 560_ (the clause a named reporter reports in the sentence before). Look-alikes keep their antecedent: a
pronoun acting on an object (an actor, a name further back), a neighbouring subject holding a name, one of the
other number, a reporter of the pronoun's own number, and a pronoun with no neighbouring clause.
"""
from __future__ import annotations

import pytest

from tests.test_claims import _claim_for, extractor  # noqa: F401 (fixture)


@pytest.mark.parametrize("text, value, subject", [
    pytest.param("The Central Bank of Australia raised rates. According to the bank, although inflation has "
                 "significantly decreased since 2022, it has sharply increased again in the second half of 2025.",
                 "the second half of 2025", "inflation", id="551_-although-inflation-fell-it-rose"),
    pytest.param("Germany bought more gas in May. Because demand in the region fell sharply, it dropped 5% in June.",
                 "5%", "demand", id="because-demand-fell-it-dropped"),
    pytest.param("FERC says 39 turbines were placed into service in February. They accounted for 95.3% of all new "
                 "capacity.", "95.3%", "39 turbines", id="560_-reported-units-they-accounted"),
])
def test_a_neighbouring_nameless_subject_is_the_antecedent(nlp, extractor, text, value, subject):
    _, row = _claim_for(nlp, extractor, text, value)
    assert (row["subject"], row["subject_rule"]) == (subject, "clause_antecedent"), row


def test_the_clause_hung_on_shares_its_subject(nlp, extractor):
    # 498_: the pronoun's clause joins the clause it continues, whose subject the row states ("the London market"),
    # not the last place named ("the US")
    _, row = _claim_for(nlp, extractor, "Prices jumped in the US. Copper spiked to a record as the London market "
                        "raced to catch up with gains in China and the US while it was closed on Friday.", "Friday")
    assert row["subject"] == "the London market", row


@pytest.mark.parametrize("text, value", [
    pytest.param("Apple launched a phone. Sales rose 4% after it cut prices in March.", "March",
                 id="an-actor-on-an-object"),
    pytest.param("Apple launched a phone. Although Apple's revenue fell, it gained 3% in March.", "3%",
                 id="the-neighbour-holds-a-name"),
    pytest.param("Apple launched a phone. Although sales fell, it gained 3% in March.", "3%",
                 id="the-neighbour-is-plural"),
    pytest.param("Officials say the plan was approved in May. It will cost 5 billion euros.", "5 billion euros",
                 id="a-reporter-of-the-pronouns-number-is-nameless"),
    pytest.param("Tesla shipped 400,000 cars in March. It sold 20% more in April.", "20%",
                 id="no-neighbouring-clause"),
])
def test_look_alikes_keep_their_antecedent(nlp, extractor, text, value):
    _, row = _claim_for(nlp, extractor, text, value)
    assert row["subject_rule"] != "clause_antecedent", row
