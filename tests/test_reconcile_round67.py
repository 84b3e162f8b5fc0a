"""Entity round 67 (issue 18, aliases): an acronym joins the one name whose capitals it spells another way.

Link ``acronym_capitals`` (``pipeline/stages/reconcile/capitals.py``). The class, from the alias errors of dev2-dev14
(an acronym kept apart from its expansion: dev4 809, 814, dev6 1113, dev9 1403, dev14 1905, 1914): the rows alone
show two of its shapes, the capitals inside a word ("JPM" of "JP Morgan", dev14 1905) and an institution's name
translated from a language that writes its head first ("BC" of "Central Bank", Banco Central, dev6 1113). Look-alikes
stay apart: another name the acronym spells in order, two names with the same capitals, a reversed name whose last
word is no institution's head, a person's name, an acronym the model read as a person.
"""
from __future__ import annotations

import pandas as pd
import pytest

from pipeline.core.schema import SCHEMAS
from pipeline.stages.reconcile import reconcile
from tests.reconcile_rows import cands, lexicon  # noqa: F401  (lexicon is a fixture)


def by_text(rows: list[dict], lexicon: dict) -> dict[str, tuple[str, object]]:
    _, mentions = reconcile(pd.DataFrame(rows, columns=SCHEMAS["mention_candidates"].names), lexicon=lexicon)
    return {m.text: (m.entity_id, m.link) for m in mentions.itertuples()}


JOINED = {
    # dev14 1905 (Fierce Biotech on early-stage deals, January 2026): the conference read as a person
    "dev14 1905: the capitals of a name with a two-capital word": (
        "With deals before the biotech schmoozefest JP Morgan, it was busy. In the week before JPM, 19 deals came.",
        [("JP Morgan", "PERSON", 0), ("JPM", "ORG", 0)], ("JPM", "JP Morgan")),
    # dev6 1113 (Brazil's interest rates, 2025): Banco Central written in English, its acronym kept
    "dev6 1113: a central bank's reversed initials": (
        "The Central Bank kept the Selic rate at 15%. Analysts see room for easing, but the BC stresses caution.",
        [("Central Bank", "ORG", 0), ("BC", "ORG", 0)], ("BC", "Central Bank")),
    # fresh news (Reuters, 2025): the drugmaker's capitals, one word
    "fresh: the capitals of one word, GlaxoSmithKline": (
        "GlaxoSmithKline agreed to buy the biotech. GSK will pay $1 billion up front.",
        [("GlaxoSmithKline", "ORG", 0), ("GSK", "ORG", 0)], ("GSK", "GlaxoSmithKline")),
    # fresh news (Agência Brasil in English, 2025): Polícia Federal
    "fresh: Brazil's Federal Police and PF": (
        "The Federal Police raided the offices on Tuesday. The PF said six people were arrested.",
        [("Federal Police", "ORG", 0), ("PF", "ORG", 0)], ("PF", "Federal Police")),
}


@pytest.mark.parametrize("case", sorted(JOINED))
def test_acronym_capitals_joins(case, lexicon):
    text, names, (short, full) = JOINED[case]
    ids = by_text(cands("d", text, names), lexicon)
    assert ids[short][0] == ids[full][0]
    assert ids[short][1] == "acronym_capitals"


APART = {
    "other names spell the acronym in order": (
        "The Central Bank met Boston College and the Baptist Church. On Monday, BC staff spoke.",
        [("Central Bank", "ORG", 0), ("Boston College", "ORG", 0), ("Baptist Church", "ORG", 0), ("BC", "ORG", 0)],
        ("BC", "Central Bank")),
    "two names with the same capitals": (
        "JP Morgan and JP Mallory both reported. JPM rose 2%.",
        [("JP Morgan", "ORG", 0), ("JP Mallory", "ORG", 0), ("JPM", "ORG", 0)], ("JPM", "JP Morgan")),
    "a reversed name whose last word is no institution's head": (
        "The Innovation Agenda was published. AI firms welcomed it.",
        [("Innovation Agenda", "ORG", 0), ("AI", "ORG", 0)], ("AI", "Innovation Agenda")),
    "a reversed name the model read as a person": (
        "Central Bank spoke to reporters. BC said rates would hold.",
        [("Central Bank", "PERSON", 0), ("BC", "ORG", 0)], ("BC", "Central Bank")),
    "capitals of words that each give one: the initials' rule, not this one": (
        "The Johnson Paper Mill closed. JPM workers protested.",
        [("Johnson Paper Mill", "ORG", 0), ("JPM", "ORG", 0)], ("JPM", "Johnson Paper Mill")),
    "an acronym the model read as a person": (
        "JP Morgan hosted the meeting. JPM, the founder's initials, were on the door.",
        [("JP Morgan", "ORG", 0), ("JPM", "PERSON", 0)], ("JPM", "JP Morgan")),
}


@pytest.mark.parametrize("case", sorted(APART))
def test_acronym_capitals_look_alikes(case, lexicon):
    text, names, (short, full) = APART[case]
    ids = by_text(cands("d", text, names), lexicon)
    assert ids[short][1] != "acronym_capitals"
    if "initials' rule" not in case:
        assert ids[short][0] != ids[full][0]
