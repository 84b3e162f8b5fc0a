"""Claims round 72 (issue 16): an accusation is reported about the accused, the accuser its speaker (``accused_party``).

"Prosecutors accused Combs of orchestrating a years-long scheme" (dev14 554_), "US Treasury Secretary Scott Bessent
has accused India of “profiteering” by reselling Russian oil" (dev15 596_), "Prosecutors accused Lai of orchestrating
efforts to seek foreign sanctions" (dev15 599_): the claim is about the accused. Look-alikes keep their subject: a
found object that is no report ("The ministry found 40 cases"), a verdict ("The jury acquitted Combs of ..."), a
passive accusation (its subject is already the accused), a charge with no "of"/"with" phrase, an accusation with no
charge phrase, and a speech verb with no content ("Keir Starmer said on Monday").
"""
from __future__ import annotations

import pytest

from tests.test_claims import _claim_for, build, extractor  # noqa: F401 (fixture)


@pytest.mark.parametrize("text, value, subject, speaker", [
    pytest.param("Prosecutors accused Combs of orchestrating a years-long scheme.", "years-long", "Combs", None,
                 id="554_-prosecutors-accused-combs-of"),
    pytest.param("Prosecutors accused Lai of orchestrating efforts to seek foreign sanctions in 2019.", "2019", "Lai",
                 None, id="599_-prosecutors-accused-lai-of"),
    pytest.param("The European Commission accused Google of abusing its dominant position in 2023.", "2023", "Google",
                 "European Commission", id="named-accuser-is-the-speaker"),
    pytest.param("Analysts accused the central bank of moving too slowly in 2024.", "2024", "the central bank", None,
                 id="nameless-accused-keeps-its-words"),
    pytest.param("The police charged the man with murder on Monday.", "Monday", "the man", None,
                 id="charged-with"),
])
def test_the_accused_is_the_subject(nlp, extractor, text, value, subject, speaker):
    _, row = _claim_for(nlp, extractor, text, value)
    assert (row["subject"], row["subject_rule"], row["speaker"]) == (subject, "accused_party", speaker), row


def test_an_accusation_with_no_value_is_the_named_accused_fact(nlp, extractor):
    # dev15 596_: a row with no value needs a named actor; the accused is one, the accuser speaks
    built = build(nlp, extractor, "US Treasury Secretary Scott Bessent has accused India of “profiteering” by "
                                  "reselling Russian oil.")
    assert [(r["subject"], r["subject_rule"], r["speaker"]) for r in built.rows] == [
        ("India", "accused_party", "Scott Bessent")], built.rows


@pytest.mark.parametrize("text, value, subject", [
    pytest.param("The ministry found 40 cases of the disease in March.", "40 cases", "The ministry",
                 id="a-found-object-is-no-report"),
    pytest.param("The jury acquitted Combs of sex trafficking charges in July.", "July", "The jury",
                 id="554_-a-verdict-is-no-accusation"),
    pytest.param("Combs was accused of orchestrating a scheme in 2024.", "2024", "Combs", id="passive-accusation"),
    pytest.param("The bank charged customers a fee of $5 last year.", "$5", "The bank", id="a-fee-is-no-charge"),
    pytest.param("Apple accused the EU commission on Monday.", "Monday", "Apple", id="no-charge-phrase"),
    pytest.param("Keir Starmer said on Monday.", "Monday", "Keir Starmer", id="said-with-no-content"),
])
def test_no_accused_party_is_taken(nlp, extractor, text, value, subject):
    _, row = _claim_for(nlp, extractor, text, value)
    assert row["subject_rule"] != "accused_party", row
    assert row["subject"] == subject, row
