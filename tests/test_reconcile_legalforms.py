"""Entity round 49 (issue 18, aliases): a company's legal form written after a comma ("Sinclair, Inc.").

``pipeline/stages/reconcile/legalforms.py``: the key of an ORG name drops its closing legal forms and the comma
before them, as it drops "AG" from "Rheinmetall AG". The class in the dev gold: dev12 1709 ("Sinclair, Inc." and
"Sinclair", kept apart before this round), dev2 611 ("2seventy bio, Inc."), dev4 811 ("Cytokinetics, Inc."), dev9 1403
("GEM Co., Ltd."). Look-alike: a name written with its legal form is never a person's surname (dev2 610's
"Nordstrom, Inc." beside "Pete Nordstrom"), and another company that only shares the first word stays apart.
"""
from __future__ import annotations

import pandas as pd
import pytest

from pipeline.core.schema import SCHEMAS
from pipeline.stages.reconcile import reconcile
from pipeline.stages.reconcile.legalforms import legal_stem
from tests.reconcile_rows import cands, lexicon  # noqa: F401  (lexicon is a fixture)


def by_text(doc: str, lead: str, names: list, lexicon: dict) -> dict[str, tuple[str, object]]:
    rows = cands(doc, lead, names)
    _, mentions = reconcile(pd.DataFrame(rows, columns=SCHEMAS["mention_candidates"].names), lexicon=lexicon)
    return {m.text: (m.entity_id, m.link) for m in mentions.itertuples()}


# dev12 1709 (GlobeNewswire via MarketWatch, 2025): the comma form twice, the bare name later
SINCLAIR = ("Sinclair, Inc. (Nasdaq: SBGI) today sent a letter to the board. "
            "The proposal values Scripps at $7 per share, Sinclair said.")
# Business Wire via ricentral.com, "Spok Reports Third Quarter 2025 Results" (2025-10-29)
SPOK = ("Spok Reports Third Quarter 2025 Results\n"
        "Spok Holdings, Inc. (NASDAQ: SPOK), a global leader in healthcare communications, today announced results "
        "for the third quarter. \"Spok continues to execute at a high level,\" said Vincent D. Kelly.")
# dev9 1403's wording (Vale Indonesia and Danantara, 2025): two legal forms, each after a comma
GEM = "Vale signed the smelter deal with China's GEM Co., Ltd. on Monday; GEM will hold 40%."

JOINED = {
    "dev12 1709: Sinclair is Sinclair, Inc.": ("sinclair", SINCLAIR, [("Sinclair, Inc.", "ORG", 0),
                                                                     ("Sinclair", "ORG", 1)], "Sinclair, Inc.", "Sinclair"),
    # the headline's short name, before the long one: only name_tail joins it, over the comma now
    "ricentral 2025: the headline's Spok is Spok Holdings, Inc.": (
        "spok", SPOK, [("Spok", "ORG", 0), ("Spok Holdings, Inc.", "ORG", 0)], "Spok Holdings, Inc.", "Spok"),
    # the short name after the long one (short_name joined it before this round too)
    "ricentral 2025: Spok after Spok Holdings, Inc.": (
        "spok", SPOK, [("Spok Holdings, Inc.", "ORG", 0), ("Spok", "ORG", 2)], "Spok Holdings, Inc.", "Spok"),
    "dev9 1403 wording: GEM is GEM Co., Ltd.": ("gem", GEM, [("GEM Co., Ltd.", "ORG", 0), ("GEM", "ORG", 1)],
                                                "GEM Co., Ltd.", "GEM"),
}


@pytest.mark.parametrize("case", sorted(JOINED))
def test_comma_legal_form_joins_the_bare_name(case, lexicon):
    doc, lead, names, long, short = JOINED[case]
    ids = by_text(doc, lead, names, lexicon)
    assert ids[long][0] == ids[short][0]


# dev2 610 (Nordstrom going private, 2025): the family's surname and the company's name with its legal form
NORDSTROM = ("Nordstrom, Inc. agreed to be taken private. Pete Nordstrom, the chief executive, said the family "
             "would keep control.")
APART = {
    "dev2 610: Nordstrom, Inc. is no surname of Pete Nordstrom": (
        "nord", NORDSTROM, [("Nordstrom, Inc.", "ORG", 0), ("Pete Nordstrom", "PERSON", 0)],
        [("Nordstrom, Inc.", "Pete Nordstrom")]),
    "two companies sharing a first word: Spok Holdings, Inc. and Spok Labs": (
        "spok2", "Spok Holdings, Inc. sold Spok Labs, Inc. to a buyer on Monday.",
        [("Spok Holdings, Inc.", "ORG", 0), ("Spok Labs, Inc.", "ORG", 0)],
        [("Spok Holdings, Inc.", "Spok Labs, Inc.")]),
}


@pytest.mark.parametrize("case", sorted(APART))
def test_comma_legal_form_look_alikes_stay_apart(case, lexicon):
    doc, lead, names, apart = APART[case]
    ids = by_text(doc, lead, names, lexicon)
    for a, b in apart:
        assert ids[a][0] != ids[b][0]


@pytest.mark.parametrize("name, stem", [
    ("Sinclair, Inc.", "Sinclair"), ("GEM Co., Ltd.", "GEM"), ("Rheinmetall AG", "Rheinmetall"),
    ("Ford Motor Co", "Ford Motor"), ("2seventy bio, Inc.", "2seventy bio"),
])
def test_legal_stem(name, stem, lexicon):
    forms = frozenset(lexicon["entities"]["legal_forms"])
    assert legal_stem(name.split(" "), forms) == stem
