"""Claims round 78 (issue 16, descriptions resolved to the wrong entity): the article's own entity of a kind beats a passing mention.

"The party secured around 18% of the votes" after D66 was named four times and the Freedom Party once, two sentences
back (dev4 326_); "the central bank began its monetary easing cycle" after "the Monetary Policy Board of the Bank of
Korea (BOK)" and "the BOK has stressed" (dev12 499_); "The index's best performance came from Nike" after the S&P 500
and, once, the Nasdaq Composite (dev3 320_): the judges name the article's own party, bank and index, not the
passing name the subject rule found. ``subject_rule`` ``description_topic`` (module ``topic_entity``).

Look-alikes that must not change: a name in the sentence right before the description ("the biggest winner was the
right-wing populist AfD. The party is now set to", dev 008_), another name just before it ("it did not help that
Tesla went into reverse. The electric vehicle maker", dev3 319_), a person's role ("The Swedish striker"), and an
article naming no entity of the kind more often than the one found.
"""
from __future__ import annotations

import pytest

from tests.test_claims import _claim_for, extractor  # noqa: F401 (fixture)

TOPIC = "description_topic"


@pytest.mark.parametrize("text, value, subject", [
    pytest.param("In a widely expected decision, the Monetary Policy Board of the Bank of Korea (BOK) held its key rate "
                 "steady at 2.5 percent during its rate-setting meeting in Seoul. The decision marked the third "
                 "consecutive on-hold decision, though the BOK has stressed the need to support the economic recovery. "
                 "According to Yonhap News Agency, the central bank began its monetary easing cycle in October 2024.",
                 "October 2024", "Bank of Korea|BOK", id="499_-central-bank"),
    # the kind of dev3 320_ with companies (the bare model names no index; after Rheinmetall's results, November 2025)
    pytest.param("Rheinmetall raised its sales forecast on Thursday. Rheinmetall expects sales to grow by up to 30% this "
                 "year. Rival Hensoldt also rose. Analysts were cautious. The company has won orders worth 10 "
                 "billion euros since January.", "January", "Rheinmetall", id="320_-kind-the-company"),
])
def test_a_description_is_the_articles_own_entity_of_its_kind(nlp, extractor, text, value, subject):
    _, row = _claim_for(nlp, extractor, text, value)
    # (a draft names the mention it resolved to: the BOK, which reconciliation joins to the Bank of Korea)
    assert row["subject_rule"] == TOPIC and (row["subject"] or "") in subject.split("|"), row


@pytest.mark.parametrize("text, value, subject", [
    # the name in the sentence right before is what the description continues (dev 008_), however often the CDU is named
    pytest.param("The Christian Democratic Union (CDU) topped the vote. The CDU will lead talks, and the CDU leader "
                 "Friedrich Merz is set to be chancellor. In the recent election, the biggest winner was the right-wing "
                 "populist AfD, which nearly doubled its vote share. The party is now set to be the largest opposition "
                 "force in parliament, having gained 10 points since 2021.", "2021", "AfD", id="008_-the-party"),
    # the name of the kind in the sentence right before (dev9 429_: Fiat, though Volvo Cars is the article's)
    pytest.param("Volvo Cars said sales fell. Volvo Cars cut its forecast, and Volvo shares fell. Fiat also reported "
                 "figures. The Italian carmaker recorded its best registrations in 2025.", "2025", "Fiat",
                 id="429_-italian-carmaker"),
])
def test_a_description_near_its_name_keeps_it(nlp, extractor, text, value, subject):
    _, row = _claim_for(nlp, extractor, text, value)
    assert row["subject_rule"] != TOPIC and subject in (row["subject"] or ""), row


@pytest.mark.parametrize("text, value", [
    # another name just before the description: a fresh actor, whatever the article names most (dev3 319_)
    pytest.param("Nvidia rose 2%. Nvidia hit a record. Nvidia led the index. A report from global outplacement firm "
                 "Challenger, Gray & Christmas said employers announced fewer layoffs. It followed a weak jobs report. "
                 "Meanwhile, it did not help that Tesla went into reverse. The electric vehicle maker gave up gains of "
                 "3% after a strong deliveries report.", "3%", id="319_-fresh-name"),
    # a person's role is left to the person rules ("The Swedish striker", dev 218_)
    pytest.param("Liverpool signed Alexander Isak from Newcastle. Liverpool paid a record fee. Liverpool also signed "
                 "Florian Wirtz. Arne Slot praised the squad. The Swedish striker scored 54 goals in three seasons.",
                 "54 goals", id="218_-person-role"),
    # no entity of the kind named more often than the one found: the subject rule stands
    pytest.param("Volvo Cars reported a drop in profit. Shares fell in Stockholm. Analysts were cautious. The automaker "
                 "attributed the drop of 68% to U.S. tariffs.", "68%", id="429_-no-topic"),
])
def test_no_topic_look_alikes(nlp, extractor, text, value):
    _, row = _claim_for(nlp, extractor, text, value)
    assert row["subject_rule"] != TOPIC, row
