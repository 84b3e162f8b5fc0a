"""Entity round 57 (issue 18, aliases): a name an acronym opens joins the long name its initials and tail spell.

Link ``acronym_headed`` (``pipeline/stages/reconcile/headed.py``). The class, from the alias errors of dev2-dev14
(acronym not joined to its expansion, 10 pairs in 8 articles, of which this shape: dev14 1910 "CPP Investments"
and "PSP Investments", dev12 1702 "SA Army"; dev3 712's "FAIR PREP Act" is ``named_act``'s). Look-alikes stay
apart: no long name with the tail word, two long names, a rival of the same initials, a person.
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


# dev14 1910 (Rogers and Blackstone, 2026): two pension boards, each named in full and by its short name
PENSIONS = ("Blackstone's partners include Canada Pension Plan Investment Board (CPP Investments), the Caisse of "
            "Quebec and the Public Sector Pension Investment Board (PSP Investments).")
# dev12 1702 (defenceWeb, 2026): the heading's short name, the text's full name
ARMY = ("SA Army to roll out drones\nThe South African Army is preparing to roll out drones built in South Africa. "
        "The SA Army said tests ended.")
# defenceWeb's usage of the Navy (2025): "the South African Navy ... the SA Navy's frigates"
NAVY = "The South African Navy said on Monday that the SA Navy frigate would sail to Simon's Town."

JOINED = {
    "dev14 1910: CPP Investments is the Canada Pension Plan Investment Board": (
        PENSIONS, [("Canada Pension Plan Investment Board", "ORG", 0), ("CPP Investments", "ORG", 0),
                   ("Public Sector Pension Investment Board", "ORG", 0), ("PSP Investments", "ORG", 0)],
        ("CPP Investments", "Canada Pension Plan Investment Board"),
        [("CPP Investments", "PSP Investments"), ("CPP Investments", "Public Sector Pension Investment Board")]),
    "dev14 1910: PSP Investments is the Public Sector Pension Investment Board": (
        PENSIONS, [("Canada Pension Plan Investment Board", "ORG", 0), ("CPP Investments", "ORG", 0),
                   ("Public Sector Pension Investment Board", "ORG", 0), ("PSP Investments", "ORG", 0)],
        ("PSP Investments", "Public Sector Pension Investment Board"), []),
    "dev12 1702: SA Army of the heading is the South African Army, South Africa no rival": (
        ARMY, [("SA Army", "ORG", 0), ("South African Army", "ORG", 0), ("South Africa", "GPE", 1), ("SA Army", "ORG", 1)],
        ("SA Army", "South African Army"), [("SA Army", "South Africa")]),
    "defenceWeb: SA Navy is the South African Navy": (
        NAVY, [("South African Navy", "ORG", 0), ("SA Navy", "ORG", 0)], ("SA Navy", "South African Navy"), []),
}


@pytest.mark.parametrize("case", sorted(JOINED))
def test_acronym_headed_joins(case, lexicon):
    lead, names, (short, long), apart = JOINED[case]
    ids = by_text(cands("d", lead, names), lexicon)
    assert ids[short][0] == ids[long][0]
    assert ids[short][1] == "acronym_headed"
    for a, b in apart:
        assert ids[a][0] != ids[b][0]


APART = {
    "no long name with the tail word: CPP Investments and the Canada Pension Plan": (
        "The Canada Pension Plan pays benefits; CPP Investments manages its assets.",
        [("Canada Pension Plan", "ORG", 0), ("CPP Investments", "ORG", 0)],
        ("CPP Investments", "Canada Pension Plan")),
    "another tail: BC Hydro and the British Columbia Investment Management Corporation": (
        "The British Columbia Investment Management Corporation bought bonds of BC Hydro.",
        [("British Columbia Investment Management Corporation", "ORG", 0), ("BC Hydro", "ORG", 0)],
        ("BC Hydro", "British Columbia Investment Management Corporation")),
    "two long names the short one spells: PSP Investments stays apart from both": (
        "The Public Sector Pension Investment Board and the Provincial Staff Pension Investment Board both "
        "bid; PSP Investments won.",
        [("Public Sector Pension Investment Board", "ORG", 0), ("Provincial Staff Pension Investment Board", "ORG", 0),
         ("PSP Investments", "ORG", 0)],
        ("PSP Investments", "Public Sector Pension Investment Board")),
    "a rival of the same initials: SA Army beside the Salvation Army": (
        "The Salvation Army fed the troops of the South African Army; the SA Army thanked it.",
        [("Salvation Army", "ORG", 0), ("South African Army", "ORG", 0), ("SA Army", "ORG", 0)],
        ("SA Army", "South African Army")),
    "a person is never a long name's acronym form: JP Morgan": (
        "John Pierpont Morgan Library opened; JP Morgan spoke.",
        [("John Pierpont Morgan Library", "ORG", 0), ("JP Morgan", "PERSON", 0)],
        ("JP Morgan", "John Pierpont Morgan Library")),
}


@pytest.mark.parametrize("case", sorted(APART))
def test_acronym_headed_look_alikes_stay_apart(case, lexicon):
    lead, names, (a, b) = APART[case]
    ids = by_text(cands("x", lead, names), lexicon)
    assert ids[a][0] != ids[b][0]
    assert ids[a][1] != "acronym_headed"
