"""Claims round 74 (issue 16): a subject headed by a count word is read with its "of" phrase (``count_phrase``).

"the number of towns and subdistricts primarily affected has also decreased" and "The number of daily new cases
across Foshan as a whole has also shown a declining trend" (dev15 598_), "A total of 30,000 apprenticeship and 14,000
graduated roles are expected to be supported" (dev15 589_), "Of these, the number of household broadband customers
reached 288 million" (dev13 541_): the noun chunk stopped at "the number" / "A total". The older dev halves' phrases of
the shape (dev7 398_, 407_, dev9 424_, 428_, dev10 445_, dev2 302_) read on to the same place. Fresh sentences (BBC,
ONS): "The number of people in work rose by 90,000 in the three months to June", "A total of 1,200 homes were
evacuated". Look-alikes that keep their subject: a count word with no "of" phrase, a count in figures, a word that
counts nothing ("The rate of inflation") and a count word that is not the subject ("a number of analysts").
"""
from __future__ import annotations

import pytest

from tests.test_claims import _claim_for, extractor  # noqa: F401 (fixture)


@pytest.mark.parametrize("text, value, subject", [
    pytest.param("Since August 1, the number of towns and subdistricts primarily affected has also decreased from "
                 "three to two.", "two", "the number of towns and subdistricts", id="598_-conj-on-the-count-word"),
    pytest.param("The number of daily new cases across Foshan as a whole has fallen by 40% in recent days.", "40%",
                 "The number of daily new cases across Foshan", id="598_-a-preposition-on-the-counted-noun"),
    pytest.param("A total of 30,000 apprenticeship and 14,000 graduated roles are expected to be supported across "
                 "the next decade.", "the next decade", "A total of 30,000 apprenticeship and 14,000 graduated roles",
                 id="589_-a-second-subject-joined-by-and"),
    pytest.param("Of these, the number of household broadband customers reached 288 million.", "288 million",
                 "the number of household broadband customers", id="541_-a-fronted-of-phrase-left-out"),
    pytest.param("The number of passengers carried by the airline rose 5% in May.", "5%",
                 "The number of passengers", id="a-participle-ends-the-phrase"),
    pytest.param("The number of people in work rose by 90,000 in the three months to June.", "90,000",
                 "The number of people in work", id="bbc-number-of-people-in-work"),
    pytest.param("A total of 1,200 homes were evacuated on Tuesday.", "Tuesday", "A total of 1,200 homes",
                 id="a-total-of-homes"),
])
def test_a_count_word_is_read_with_what_it_counts(nlp, extractor, text, value, subject):
    _, row = _claim_for(nlp, extractor, text, value)
    assert (row["subject"], row["subject_rule"]) == (subject, "count_phrase"), row


@pytest.mark.parametrize("text, value, subject", [
    pytest.param("The number rose by 4% in March.", "4%", "The number", id="no-of-phrase"),
    pytest.param("The rate of food and drink inflation rose to 5.1% in August.", "5.1%", "The rate",
                 id="478_-rate-counts-nothing"),
    pytest.param("The size of the decline in exports widened to 11.4% in June.", "11.4%", "The size",
                 id="447_-size-counts-nothing"),
    pytest.param("The bank cut the number of its branches by 20% in 2024.", "20%", "The bank",
                 id="count-word-as-object"),
])
def test_no_count_phrase_is_taken(nlp, extractor, text, value, subject):
    _, row = _claim_for(nlp, extractor, text, value)
    assert row["subject_rule"] != "count_phrase", row
    assert row["subject"] == subject, row
