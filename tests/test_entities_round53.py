"""Entity round 53 (issue 18): a company's short name joins the full name its article introduced it by.

Module ``pipeline.stages.reconcile.introduced``, link ``introduced_name``; real phrases of dev10 1511, dev12 1708
and dev14 1901, and look-alikes that must stay apart (hand-built candidates, no model).
"""
from __future__ import annotations

import pandas as pd
import pytest

from pipeline.core.ids import span_id
from pipeline.core.schema import SCHEMAS
from pipeline.stages.reconcile import reconcile


@pytest.fixture(scope="module")
def bare_lexicon(config) -> dict:
    """No gazetteer actors: everything must come from the text."""
    from pipeline.run.extract import entity_lexicon

    lexicon = entity_lexicon(config)
    return {"gazetteer": {"titles": lexicon["gazetteer"]["titles"]}, "entities": lexicon["entities"]}


def _cand(doc: str, start: int, text: str, label: str, evidence: str | None = None) -> dict:
    source = f"{doc}.txt"
    return {"mention_id": span_id("m_", source, start, start + len(text)), "doc_id": doc, "source": source,
            "start": start, "end": start + len(text), "text": text, "sentence_id": None, "label": label,
            "detector": "model", "canonical_hint": None, "kb_id": None, "evidence": evidence}


def _run(rows: list[tuple]) -> tuple[pd.DataFrame, pd.DataFrame]:
    frame = pd.DataFrame([_cand(*r) for r in rows], columns=SCHEMAS["mention_candidates"].names)
    return frame


def _names(rows: list[tuple], lexicon: dict) -> tuple[dict, dict]:
    """(doc, start) -> entity name and -> link of the mention there."""
    entities, mentions = reconcile(_run(rows), lexicon=lexicon)
    names = entities.set_index("entity_id").name
    return ({(m.doc_id, m.start): names[m.entity_id] for m in mentions.itertuples()},
            {(m.doc_id, m.start): m.link for m in mentions.itertuples()})


# (candidates as (doc, start, text, label[, evidence]), the short name's start, the full name it joins)
_JOINS = [
    # dev10 1511: "Voyager Technologies has filed for an IPO ... a joint venture that Voyager owns"
    ([("a", 0, "Voyager Technologies", "ORG", "org_suffix"), ("a", 120, "Voyager", "PRODUCT")],
     120, "Voyager Technologies"),
    # dev10 1511: "Capella Space said ... IonQ would acquire Capella" (the full name read as a person)
    ([("a", 0, "Capella Space", "PERSON"), ("a", 90, "IonQ", "ORG"), ("a", 140, "Capella", "ORG", "no_person")],
     140, "Capella Space"),
    # dev12 1708: "Loblaw Companies Limited (TSX: L, "Loblaw" or the "Company")"
    ([("a", 0, "Loblaw Companies Limited", "ORG", "org_suffix"), ("a", 35, "Loblaw", "WORK_OF_ART")],
     35, "Loblaw Companies Limited"),
    # dev14 1901: the registered name first, a subsidiary opening with the same word after the short name
    ([("a", 0, "Huntington Bancshares Incorporated", "ORG"), ("a", 300, "Huntington", "ORG"),
      ("a", 600, "The Huntington National Bank", "ORG")], 300, "Huntington Bancshares Incorporated"),
    ([("a", 0, "Veritex Holdings, Inc.", "ORG"), ("a", 300, "Veritex", "ORG"),
      ("a", 700, "Veritex Community Bank", "ORG")], 300, "Veritex Holdings, Inc."),
]


@pytest.mark.parametrize("rows, short_at, full", _JOINS,
                         ids=["voyager-product", "capella-person", "loblaw-work", "huntington-inc", "veritex-inc"])
def test_a_short_name_joins_the_full_name_written_before_it(bare_lexicon, rows, short_at, full):
    names, links = _names(rows, bare_lexicon)
    assert names[("a", short_at)] == full
    assert links[("a", short_at)] == "introduced_name"


# (candidates, the short name's start, the name it must keep)
_APART = [
    # the short name first: a product line or parent before the longer name is no short form of it
    ([("a", 0, "Voyager", "PRODUCT"), ("a", 120, "Voyager Technologies", "ORG")], 0, "Voyager"),
    # two longer names before it: which one is meant is not told ("Deutsche Bank", "Deutsche Telekom")
    ([("a", 0, "Deutsche Bank", "ORG"), ("a", 40, "Deutsche Telekom", "ORG"), ("a", 90, "Deutsche", "ORG")],
     90, "Deutsche"),
    # a subsidiary written before, the registered name after: the one before has no legal form
    ([("a", 0, "Huntington National Bank", "ORG"), ("a", 300, "Huntington", "ORG"),
      ("a", 600, "Huntington Bancshares Incorporated", "ORG")], 300, "Huntington"),
    # a place or nationality word never shortens a company or a person
    ([("a", 0, "Jordan Henderson", "PERSON"), ("a", 60, "Jordan", "GPE")], 60, "Jordan"),
    ([("a", 0, "American Airlines", "ORG"), ("a", 60, "American", "NORP")], 60, "American"),
    # a full name a person cue backs is a person's: "Warren" the company is not Warren Buffett
    ([("a", 0, "Warren Buffett", "PERSON", "first_name"), ("a", 60, "Warren", "ORG")], 60, "Warren"),
    # a full name read as a person, and a short name no cue calls a company: the person's first name (dev14 claims 559)
    ([("a", 0, "Samia Suluhu", "PERSON"), ("a", 60, "Samia", "ORG")], 60, "Samia"),
    # never across articles: another article's "Voyager" is its own
    ([("a", 0, "Voyager Technologies", "ORG"), ("b", 120, "Voyager", "PRODUCT")], 120, "Voyager"),
]


@pytest.mark.parametrize("rows, short_at, name", _APART,
                         ids=["short-first", "two-longer-before", "subsidiary-first", "place-word",
                              "nationality-word", "person-cue", "first-name-uncued", "other-article"])
def test_look_alikes_keep_their_own_name(bare_lexicon, rows, short_at, name):
    doc = next(r[0] for r in rows if r[1] == short_at and " " not in r[2])
    names, links = _names(rows, bare_lexicon)
    assert names[(doc, short_at)] == name
    assert links[(doc, short_at)] != "introduced_name"


def test_two_people_sharing_a_first_name_stay_apart(bare_lexicon):
    """The rule never joins persons: "Mohamed bin Zayed" and "Mohamed Salah" of one article stay two people."""
    rows = [("a", 0, "Mohamed bin Zayed", "PERSON"), ("a", 80, "Mohamed Salah", "PERSON"), ("a", 160, "Mohamed", "ORG")]
    names, _ = _names(rows, bare_lexicon)
    assert names[("a", 0)] != names[("a", 80)]
