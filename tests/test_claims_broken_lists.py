"""Claims round 65 (issue 16): a list the parser broke off the subject's preposition (``broken_list``).

"Rates for adult men (3.8%), adult women (4.0%), and major racial and ethnic groups showed little monthly movement"
(dev13 550_, a US jobs report of February 2026; a dev sentence) and the Bureau of Labor Statistics' own wording as
Fibre2Fashion quoted it in February 2025 ("the unemployment rates for adult men (3.7 per cent), adult women ...
showed little or no change in January"): the parser reads the list's first member as the preposition's object and
the rest as a second subject of the verb; the rates head the phrase, not "adult women". Look-alikes keep the subject
they had: a name with a comma inside (dev3 319_'s Challenger, Gray & Christmas), a list with its "and" before the
second subject (already the first), a dateline or a lead-in closed by a dash or a colon (the subject next before the
verb), a plain subject, a parenthetical reporter.
"""
from __future__ import annotations

import pytest

from pipeline.stages.claims import grammar
from tests.test_claims import _claim_for, extractor  # noqa: F401 (fixture)


@pytest.mark.parametrize("text, value, subject", [
    pytest.param("Rates for adult men (3.8%), adult women (4.0%), and major racial and ethnic groups showed little "
                 "monthly movement.", "3.8%", "Rates", id="550_-dev-rates-for-adult-men"),
    pytest.param("Among the major worker groups, the unemployment rates for adult men (3.7 per cent), adult women (3.7 "
                 "per cent), teenagers (11.8 per cent), Whites (3.5 per cent), Blacks (6.2 per cent), Asians (3.7 per "
                 "cent), and Hispanics (4.8 per cent) showed little or no change in January.", "January",
                 "the unemployment rates", id="fibre2fashion-2025-02-bls-unemployment-rates-for-adult-men"),
    pytest.param("Among the major worker groups, the unemployment rates for adult men (4.0 percent), adult women (3.7 "
                 "percent), teenagers (12.9 percent), Whites (3.8 percent), Blacks (6.3 percent), Asians (3.0 "
                 "percent), and Hispanics (5.2 percent) showed little or no change over the month.", "4.0 percent",
                 "the unemployment rates", id="huntscanlon-2025-05-bls-unemployment-rates-for-adult-men"),
])
def test_a_list_broken_off_the_subject_leaves_the_head(nlp, extractor, text, value, subject):
    _, row = _claim_for(nlp, extractor, text, value)
    assert row["subject"] == subject, row


@pytest.mark.parametrize("text, value", [
    # the "and" stands before the second subject: the first was taken already
    pytest.param("Exports to Germany, France, and Italy fell 3% in 2025.", "3%", id="cc-before-second"),
    # a dash closes a dateline, a colon a lead-in: the subject is the one next before the verb
    pytest.param("LONDON, March 2 — The British government and its partners agreed a £1 billion contract on Monday.",
                 "£1 billion", id="552_-dateline-dash"),
    pytest.param("A particularly alarming finding concerns the period 2023-2025: for the first time, a three-year "
                 "average has exceeded 1.5C, the report said.", "2023-2025", id="lead-in-colon"),
    # a name with a comma inside is no list (dev3 319_)
    pytest.param("A report from global outplacement firm Challenger, Gray & Christmas said U.S. employers announced "
                 "fewer layoffs in September.", "September", id="319_-name-with-comma"),
    # one subject, its preposition's object a plain phrase
    pytest.param("The jobless rate for teenagers rose to 13.6% in January.", "13.6%", id="plain-subject"),
    # a second subject after a comma that heads no coordination
    pytest.param("Sales for the year, analysts say, rose 4% to $2 billion.", "4%", id="parenthetical-reporter"),
])
def test_no_list_is_read_where_none_was_broken(nlp, extractor, monkeypatch, text, value):
    _, row = _claim_for(nlp, extractor, text, value)
    monkeypatch.setattr(grammar, "broken_list", lambda first, last: False)
    _, before = _claim_for(nlp, extractor, text, value)
    assert (row["subject"], row["subject_rule"]) == (before["subject"], before["subject_rule"]), row
