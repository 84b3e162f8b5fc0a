"""Entity round 64 (issue 18, aliases): a person's other written form joins the one full name it abbreviates.

Link ``person_form`` (``pipeline/stages/reconcile/personforms.py``). The class, from the alias errors of dev2-dev14
(a person's short form kept apart from the full name, in dev8 1302 and 1304, dev14 1908 and 1911): a middle name
("Lula"), the initials of every word ("MBS"), an initial and the surname ("A. Khassenov"), a double surname with a
hyphen ("Arias-Vasquez"). Look-alikes stay apart: the short form first, two people it fits, another person's first
name or surname, a short form of two written words, an acronym another name of the article spells.
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
    # dev8 1302 (Reuters on Petrobras, 2025)
    "dev8 1302: a middle name the person is known by": (
        "Petrobras cut its plan under President Luiz Inácio Lula da Silva. President Lula has urged investment.",
        [("Luiz Inácio Lula da Silva", "PERSON", 0), ("Lula", "PERSON", 1)], ("Lula", "Luiz Inácio Lula da Silva")),
    # dev8 1304 (Aramco and the crown prince's visit, 2025)
    "dev8 1304: the initials of every word, particle included, possessive": (
        "The visit of Saudi Crown Prince Mohammed bin Salman to Washington mattered. MBS's visit rebooted ties.",
        [("Mohammed bin Salman", "PERSON", 0), ("MBS's", "PERSON", 0)], ("MBS's", "Mohammed bin Salman")),
    # dev14 1908 (KMG and Eni, 2026)
    "dev14 1908: an initial and the surname": (
        "In Astana, Askhat Khassenov met Luca Vignati of Eni. A. Khassenov highlighted joint efforts.",
        [("Askhat Khassenov", "PERSON", 0), ("Luca Vignati", "PERSON", 0), ("A. Khassenov", "PERSON", 0)],
        ("A. Khassenov", "Askhat Khassenov")),
    # dev14 1911 (Gibraltar's oncology suite, 2026)
    "dev14 1911: a double surname written with a hyphen": (
        "The Minister for Health, Gemma Arias Vasquez, hosted a visit. Ms Arias-Vasquez said the project matters.",
        [("Gemma Arias Vasquez", "PERSON", 0), ("Arias-Vasquez", "PERSON", 0)], ("Arias-Vasquez", "Gemma Arias Vasquez")),
    # fresh news (Reuters, 2024): Mexico's president, his double surname once written with a hyphen
    "fresh: a double surname, Andres Manuel Lopez Obrador": (
        "Andres Manuel Lopez Obrador addressed reporters. Lopez-Obrador said the budget would pass.",
        [("Andres Manuel Lopez Obrador", "PERSON", 0), ("Lopez-Obrador", "PERSON", 0)],
        ("Lopez-Obrador", "Andres Manuel Lopez Obrador")),
    # fresh news (AP, 2025): two initials before the surname
    "fresh: two initials before the surname": (
        "John Ronald Tolkien wrote the book. J. R. Tolkien later revised it.",
        [("John Ronald Tolkien", "PERSON", 0), ("J. R. Tolkien", "PERSON", 0)], ("J. R. Tolkien", "John Ronald Tolkien")),
}


@pytest.mark.parametrize("case", sorted(JOINED))
def test_person_form_joins(case, lexicon):
    text, names, (short, full) = JOINED[case]
    ids = by_text(cands("d", text, names), lexicon)
    assert ids[short][0] == ids[full][0]
    assert ids[short][1] == "person_form"


APART = {
    "the short form written before the full name": (
        "A. Khassenov spoke first. Later Askhat Khassenov met Eni.",
        [("A. Khassenov", "PERSON", 0), ("Askhat Khassenov", "PERSON", 0)], ("A. Khassenov", "Askhat Khassenov")),
    "two people the initial fits": (
        "Askhat Khassenov and Aidar Khassenov met Eni. A. Khassenov spoke.",
        [("Askhat Khassenov", "PERSON", 0), ("Aidar Khassenov", "PERSON", 0), ("A. Khassenov", "PERSON", 0)],
        ("A. Khassenov", "Askhat Khassenov")),
    "another initial: B. Khassenov is not Askhat": (
        "Askhat Khassenov met Eni. B. Khassenov, his brother, spoke.",
        [("Askhat Khassenov", "PERSON", 0), ("B. Khassenov", "PERSON", 0)], ("B. Khassenov", "Askhat Khassenov")),
    "a middle word that is another person's first name": (
        "Luiz Inácio Lula da Silva met Lula Ahmed, a trade envoy. Lula spoke.",
        [("Luiz Inácio Lula da Silva", "PERSON", 0), ("Lula Ahmed", "PERSON", 0), ("Lula", "PERSON", 2)],
        ("Lula", "Luiz Inácio Lula da Silva")),
    "a short form of two written words may be another person": (
        "Ana Maria Lopez won. Maria Lopez, her cousin, came second.",
        [("Ana Maria Lopez", "PERSON", 0), ("Maria Lopez", "PERSON", 1)], ("Maria Lopez", "Ana Maria Lopez")),
    "an acronym another name of the article spells": (
        "Mohammed bin Salman visited the Metropolitan Bus Service depot. MBS said fares would fall.",
        [("Mohammed bin Salman", "PERSON", 0), ("Metropolitan Bus Service", "ORG", 0), ("MBS", "PERSON", 0)],
        ("MBS", "Mohammed bin Salman")),
    "a hyphenated name that only ends the full name": (
        "Gemma Arias Vasquez hosted a visit. Ms Lopez-Vasquez said it went well.",
        [("Gemma Arias Vasquez", "PERSON", 0), ("Lopez-Vasquez", "PERSON", 0)], ("Lopez-Vasquez", "Gemma Arias Vasquez")),
    "an organisation the middle word names": (
        "Luiz Inácio Lula da Silva spoke; Lula Institute staff listened.",
        [("Luiz Inácio Lula da Silva", "PERSON", 0), ("Lula", "ORG", 1)], ("Lula", "Luiz Inácio Lula da Silva")),
}


@pytest.mark.parametrize("case", sorted(APART))
def test_person_form_look_alikes_stay_apart(case, lexicon):
    text, names, (short, full) = APART[case]
    ids = by_text(cands("d", text, names), lexicon)
    assert ids[short][0] != ids[full][0]
    assert ids[short][1] != "person_form"
