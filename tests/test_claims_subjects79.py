"""Claims round 79 (issue 16, rows wrong on subject): a description takes up the one entity of its kind the sentence before named.

"The index's best performance came from Nike. The sneaker and apparel giant got a tech-boost of sorts" (dev3 320_,
Barron's, 2025) kept "The sneaker and apparel giant" as its subject: ``description_reference`` reads only the
subjects of the sentences before, and Nike was the object of "came from". The sentence right before naming exactly
one entity of the description's kind, outside its subject, when no subject there or earlier in the description's own
sentence names one, is the entity meant (``subject_rule`` ``description_previous``, module ``previous_names``).

Look-alikes that must not change: two entities of the kind in the sentence before, a subject naming one (the
description rule's), a place named as a setting ("built in Poland"), a name inside a quotation, and a name of the
kind earlier in the description's own sentence.
"""
from __future__ import annotations

import pytest

from tests.test_claims import _claim_for, extractor  # noqa: F401 (fixture)


@pytest.mark.parametrize("text, value, subject", [
    pytest.param("The index's best performance came from Nike. The sneaker and apparel giant got a tech-boost of "
                 "sorts, after Tim Cook bought $3 million worth of Nike shares.", "$3 million", "Nike",
                 id="320_-came-from"),
    pytest.param("The biggest gain came from Vodafone. The company rose 4% after it agreed to sell its Italian unit.",
                 "4%", "Vodafone", id="object-of-from"),
    # the name in an extraposed "that" clause (dev3 319_'s wording: there the entity stage read Tesla as NORP)
    pytest.param("Meanwhile, it did not help that Vodafone went into reverse. The company fell 3% on Monday.", "3%",
                 "Vodafone", id="319_-extraposed-that"),
])
def test_a_description_takes_the_one_name_of_its_kind_just_before(nlp, extractor, text, value, subject):
    _, row = _claim_for(nlp, extractor, text, value)
    assert row["subject_rule"] == "description_previous" and row["subject"] == subject, row


@pytest.mark.parametrize("text, value", [
    # two of the kind just before: which one is meant the text does not say
    pytest.param("Sales rose after Ford and General Motors cut prices. The carmaker gained 2% in March.", "2%",
                 id="two-of-the-kind"),
    # a subject names one: the description rule's (round 8), as before
    pytest.param("Apple reported record revenue on Thursday. The company rose 3% in 2025.", "3%", id="subject-names-one"),
    # a place named as where something happens is no actor ("produced in Poland", dev 203_)
    pytest.param("The tanks will be built in Poland. The country will spend 4.8% of GDP on defence in 2026.", "4.8%",
                 id="setting"),
    # a name inside a quotation is the quoted speaker's, not the text's actor
    pytest.param('Analysts said "Vodafone is cheap". The company rose 4% on Monday.', "4%", id="quoted"),
    # its own sentence names one of the kind first: ambiguous
    pytest.param("The biggest gain came from Vodafone. After a bid from Deutsche Telekom, the company rose 4% on "
                 "Monday.", "4%", id="own-sentence-names-one"),
])
def test_no_previous_name_look_alikes(nlp, extractor, text, value):
    _, row = _claim_for(nlp, extractor, text, value)
    assert row["subject_rule"] != "description_previous", row
