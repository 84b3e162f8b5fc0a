"""Claims round 77 (issue 16, rows wrong on subject): a "that" clause holding all of a claim's values is what it is about.

"The European Commission has found that, at least since 2014, Google has abused such a dominant position" (dev14
553_, 2025) and "The agency highlighted that mpox response efforts are showing positive results, with both
confirmed and suspected cases declining steadily in recent weeks" (dev11 472_, 2025) kept the reporter (the
Commission; "The agency" even resolved to a disease) where the judges name the clause's subject, as they do for
"X said that ..." and for "Mehta concluded that the government's proposed divestitures went ..." (dev4 332_,
``verdict_clause``). ``subject_rule`` ``that_clause`` (module ``that_clauses``); the reporter is the speaker.

Look-alikes that must not change: a negated verb whose value lies outside its clause (dev2 310_), a speech verb
(the speech rules), a state of mind ("believe that", ``attitude_lemmas``), a value outside the "that" clause, and a
"that" clause on a noun (a relative or content clause, not the verb's complement).
"""
from __future__ import annotations

import pytest

from tests.test_claims import _claim_for, extractor  # noqa: F401 (fixture)


@pytest.mark.parametrize("text, value, subject, speaker", [
    pytest.param("The European Commission has found that, at least since 2014, Google has abused such a dominant "
                 "position, in violation of Article 102 of the Treaty on the Functioning of the EU.", "2014", "Google",
                 "Commission", id="553_-found-that"),
    pytest.param("The agency highlighted that mpox response efforts are showing positive results, with both confirmed "
                 "and suspected cases declining steadily in recent weeks compared to the peak around May.", "May",
                 "mpox response efforts", None, id="472_-highlighted-that"),
])
def test_a_that_clause_holding_the_values_is_the_subject(nlp, extractor, text, value, subject, speaker):
    _, row = _claim_for(nlp, extractor, text, value)
    assert row["subject_rule"] == "that_clause" and subject in row["subject"], row
    if speaker is not None:
        assert speaker in (row["speaker"] or ""), row


@pytest.mark.parametrize("text, value", [
    # negated, and its value is the subject's own, outside the clause (dev2 310_: Kipruto, as judged)
    pytest.param("Kipruto, who pulled away in the last 200 meters and was lifting the arms in celebration, didn't "
                 "realise that Mutiso made a last-minute sprint that nearly passes him.", "200 meters",
                 id="310_-didnt-realise"),
    # a negated verb states no finding, even with its value inside the clause
    pytest.param("The audit did not find that spending rose 5% in 2024.", "5%", id="did-not-find"),
    # a speech verb: the speech rules decide (dev3 316_-like wording)
    pytest.param("The agency said that 11 new confirmed cases were recorded in week 28.", "11 new confirmed cases",
                 id="said-that"),
    # a state of mind reports no fact (``attitude_lemmas``)
    pytest.param("Analysts believe that Brent crude will average $60 a barrel in 2026.", "$60", id="believe-that"),
    # the value lies outside the "that" clause: the verb's subject keeps it
    pytest.param("In 2024 the regulator found that suppliers had broken the rules.", "2024", id="value-outside"),
    # a "that" clause on a noun, not the verb's complement
    pytest.param("The ministry rejected claims that exports fell 5% in March.", "5%", id="content-noun-that"),
])
def test_no_that_clause_look_alikes(nlp, extractor, text, value):
    _, row = _claim_for(nlp, extractor, text, value)
    assert row["subject_rule"] != "that_clause", row
