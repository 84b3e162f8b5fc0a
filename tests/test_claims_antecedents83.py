"""Claims round 83 (issue 16, rows wrong on subject): a reporter or a credited source is no antecedent.

"The round values the company at $1.3 billion, The Times reported Tuesday. The company also plans ..." (dev11 469_),
"A report from ... Challenger, Gray & Christmas said ... The electric vehicle maker gave up initial gains" (dev3
319_), "..., according to WHO. It's transmitted ..." (dev6 380_): the outlet, firm or agency named only as the one
that reported is passed over (``subject_rule`` ``past_reporter``, module ``reporters``).

Look-alikes that must not change: a reporter before the clause it reports ("The EU said it would ..."), a subject
that acts ("Vodafone agreed to buy ... The company rose"), and "it" after "A report from X said" (the report).
"""
from __future__ import annotations

import pytest

from pipeline.stages.claims.reporters import credited_source, trailing_reporter
from tests.test_claims import _claim_for, extractor  # noqa: F401 (fixture)


@pytest.mark.parametrize("text, word", [
    pytest.param("The round values the company at $1.3 billion, The Times reported Tuesday.", "Times", id="469_-times"),
    pytest.param("Profits rose 4%, Reuters reported on Monday.", "Reuters", id="reuters-reported"),
    pytest.param("The company will cut 500 jobs, Bloomberg said.", "Bloomberg", id="bloomberg-said"),
])
def test_a_trailing_reporter(nlp, config, text, word):
    from pipeline.stages.claims.rules import compile_rules
    rules = compile_rules(config.lexicon("claims"))
    token = next(t for t in nlp(text) if t.text == word)
    assert trailing_reporter(token, rules) and trailing_reporter(token, rules, description=True)


@pytest.mark.parametrize("text, word, reporter", [
    # a reporter before its clause is what "it" in that clause continues
    pytest.param("The EU said it would raise tariffs by 10%.", "EU", False, id="reporter-first"),
    # an actor, no reporter
    pytest.param("Vodafone agreed to buy Three for $15 billion.", "Vodafone", False, id="actor"),
])
def test_no_trailing_reporter_look_alikes(nlp, config, text, word, reporter):
    from pipeline.stages.claims.rules import compile_rules
    rules = compile_rules(config.lexicon("claims"))
    token = next(t for t in nlp(text) if t.text == word)
    assert trailing_reporter(token, rules) is reporter


@pytest.mark.parametrize("text, word, credited", [
    pytest.param("Cholera could be fatal if not treated, according to WHO.", "WHO", True, id="380_-according-to"),
    pytest.param("Sales fell 3% in May, according to Nielsen.", "Nielsen", True, id="according-to-nielsen"),
    pytest.param("Sales fell 3% in May compared to Nielsen.", "Nielsen", False, id="compared-to"),
    pytest.param("Sales of WHO kits fell 3% in May.", "WHO", False, id="no-phrase"),
])
def test_a_credited_source(nlp, config, text, word, credited):
    from pipeline.stages.claims.rules import compile_rules
    rules = compile_rules(config.lexicon("claims"))
    token = next(t for t in nlp(text) if t.text == word)
    assert credited_source(token, rules) is credited


@pytest.mark.parametrize("text, value, subject", [
    pytest.param("The round values the company at $1.3 billion, The Times reported Tuesday. The company also plans to "
                 "launch new devices in 2026.", "2026", "The company", id="469_-the-company"),
])
def test_a_description_passes_the_reporter_over(nlp, extractor, text, value, subject):
    _, row = _claim_for(nlp, extractor, text, value)
    assert row["subject_rule"] == "past_reporter" and row["subject"] == subject, row


@pytest.mark.parametrize("text, value, subject", [
    # the subject acts: the description rule's, as before
    pytest.param("Vodafone agreed to buy Three on Monday. The company rose 4% in May.", "4%", "Vodafone",
                 id="actor-subject"),
    # "it" after "A report from X said" is the report (dev3 319_ "It followed ...", judged right as its source)
    pytest.param("A report from Challenger, Gray & Christmas said U.S. employers announced fewer layoffs. It followed "
                 "a weaker report on 3 October.", "3 October", "Challenger, Gray & Christmas", id="319_-report-it"),
])
def test_no_past_reporter_look_alikes(nlp, extractor, text, value, subject):
    _, row = _claim_for(nlp, extractor, text, value)
    assert row["subject_rule"] != "past_reporter" and row["subject"] == subject, row


def test_a_reporting_it_continues_the_reporter(nlp, extractor):
    """dev 219_: "..., the WHO said in a report. "In 2024 alone, 20.6 million children missed ...," it added": the speaker."""
    _, row = _claim_for(nlp, extractor, 'But the figure remains below 86%, the World Health Organization said in a report. "In 2024 alone, '
                        '20.6 million children missed their first dose," it added.', "20.6 million")
    assert row["speaker"] == "World Health Organization", row
