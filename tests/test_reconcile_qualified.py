"""Entity round 43 (issue 18, aliases): an institution named with and without its country in one article.

Link ``place_qualified`` (``pipeline/stages/reconcile/qualified.py``, heads ``qualified_heads`` of entities.toml).
The class, from the alias errors of dev2-dev10: dev8 1309 ("Supreme Court" in the headline, "Supreme Court of
India" in the text) and dev10 1508 ("Brazilian Health Ministry", then "Ministry of Health"). Look-alikes stay apart:
two countries' bodies of one core, two different courts, a one-word core.
"""
from __future__ import annotations

import pandas as pd
import pytest

from pipeline.core.schema import SCHEMAS
from pipeline.stages.reconcile import reconcile
from tests.reconcile_rows import cands, lexicon  # noqa: F401  (lexicon is a fixture)
from pipeline.stages.reconcile.qualified import institution_core


def entity_ids(rows: list[dict], lexicon: dict) -> dict[tuple[str, int], tuple[str, object]]:
    entities, mentions = reconcile(pd.DataFrame(rows, columns=SCHEMAS["mention_candidates"].names), lexicon=lexicon)
    return {(m.text, m.start): (m.entity_id, m.link) for m in mentions.itertuples()}


# LiveLaw, "Supreme Court Monthly Digest July 2025" (2025-08-30): the heading's bare name, the text's name with its country
LIVELAW = ("Supreme Court Monthly Digest July 2025\n"
           "the 2019 Rules were formulated in the backdrop of the Indira Jaising v Supreme Court of India (2017)- "
           "High Court held Rule 6(9) to be ultra vires")
# dev10 1508 (Agencia Brasil on PAHO and Brazil, 2025): the nationality in front, then the "of" wording
AGENCIA = ("The Brazilian Health Ministry said the vaccines would reach the states this month. "
           "According to the Ministry of Health, coverage rose.")

JOINED = {
    "livelaw 2025: Supreme Court of the heading is the Supreme Court of India": (
        "ll", LIVELAW, [("Supreme Court", "ORG", 0), ("Supreme Court of India", "ORG", 0), ("High Court", "ORG", 0),
                        ("India", "GPE", 0)],
        ("Supreme Court", "Supreme Court of India"), [("Supreme Court", "High Court")]),
    "dev10 1508 wording: Ministry of Health is the Brazilian Health Ministry": (
        "ab", AGENCIA, [("Brazilian Health Ministry", "ORG", 0), ("Ministry of Health", "ORG", 0)],
        ("Ministry of Health", "Brazilian Health Ministry"), []),
}


@pytest.mark.parametrize("case", sorted(JOINED))
def test_place_qualified_joins(case, lexicon):
    doc, lead, names, (short, long), apart = JOINED[case]
    rows = cands(doc, lead, names)
    ids = entity_ids(rows, lexicon)
    by_text = {text: value for (text, _), value in ids.items()}
    assert by_text[short][0] == by_text[long][0]
    assert by_text[short][1] == "place_qualified"
    for a, b in apart:
        assert by_text[a][0] != by_text[b][0]


# look-alikes, each a short phrase of the shape that must stay apart
APART = {
    "two countries' health ministries leave the bare Ministry of Health apart": (
        "The Brazilian Health Ministry and the Argentine Health Ministry signed the accord; the Ministry of Health "
        "will publish it.",
        [("Brazilian Health Ministry", "ORG", 0), ("Argentine Health Ministry", "ORG", 0),
         ("Ministry of Health", "ORG", 0)],
        [("Ministry of Health", "Brazilian Health Ministry"), ("Ministry of Health", "Argentine Health Ministry")]),
    "two courts of one country: Supreme Court of India and Delhi High Court": (
        "The Supreme Court of India stayed the order of the Delhi High Court on Friday.",
        [("Supreme Court of India", "ORG", 0), ("Delhi High Court", "ORG", 0)],
        [("Supreme Court of India", "Delhi High Court")]),
    "two central banks leave the bare Reserve Bank apart": (
        "The Reserve Bank of India held rates while the Reserve Bank of Australia cut; the Reserve Bank statement "
        "followed.",
        [("Reserve Bank of India", "ORG", 0), ("Reserve Bank of Australia", "ORG", 0), ("Reserve Bank", "ORG", 2),
         ("India", "GPE", 0), ("Australia", "GPE", 0)],
        [("Reserve Bank", "Reserve Bank of India"), ("Reserve Bank", "Reserve Bank of Australia")]),
}


@pytest.mark.parametrize("case", sorted(APART))
def test_place_qualified_look_alikes_stay_apart(case, lexicon):
    lead, names, apart = APART[case]
    ids = entity_ids(cands("x", lead, names), lexicon)
    by_text = {text: value for (text, _), value in ids.items()}
    for a, b in apart:
        assert by_text[a][0] != by_text[b][0], f"{a} joined {b}"


HEADS = frozenset({"ministry", "court", "bank"})
PLACES = frozenset({"india", "brazilian", "america"})


@pytest.mark.parametrize("key, core", [
    ("supreme court", ("court of supreme", False)),
    ("supreme court of india", ("court of supreme", True)),
    ("ministry of health", ("ministry of health", False)),
    ("brazilian health ministry", ("ministry of health", True)),
    ("bank of america", None),            # one word left: no core
    ("premier league", None),             # no head
    ("ministry of health of the kingdom of saudi arabia", None),  # "of" twice: left to the short-name rule
])
def test_institution_core(key, core):
    assert institution_core(key, HEADS, PLACES) == core
