"""Reconciliation rules on hand-built mention candidates (no model needed)."""
from __future__ import annotations

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from pipeline.core.ids import span_id, stable_id
from pipeline.stages.reconcile import (
    acronym_matches,
    alias_variants,
    gazetteer_entries,
    is_acronym,
    parse_person,
    reconcile,
    surface_key,
)
from pipeline.core.schema import SCHEMAS, to_arrow


@pytest.fixture(scope="module")
def lexicon(config) -> dict:
    from pipeline.run.extract import entity_lexicon

    return entity_lexicon(config)


@pytest.fixture(scope="module")
def bare_lexicon(lexicon) -> dict:
    """No gazetteer actors: everything must come from the text."""
    return {"gazetteer": {"titles": lexicon["gazetteer"]["titles"]}, "entities": lexicon["entities"]}


def cand(doc: str, start: int, text: str, label: str, *, detector: str = "model",
         hint: str | None = None, kb_id: str | None = None) -> dict:
    source = f"{doc}.txt"
    end = start + len(text)
    return {
        "mention_id": span_id("m_", source, start, end), "doc_id": doc, "source": source,
        "start": start, "end": end, "text": text, "sentence_id": None, "label": label,
        "detector": detector, "canonical_hint": hint, "kb_id": kb_id,
    }


def run(rows: list[dict], lexicon: dict) -> tuple[pd.DataFrame, pd.DataFrame]:
    return reconcile(pd.DataFrame(rows, columns=SCHEMAS["mention_candidates"].names), lexicon=lexicon)


def entity_of(entities: pd.DataFrame, mentions: pd.DataFrame, doc: str, start: int) -> pd.Series:
    row = mentions[(mentions.doc_id == doc) & (mentions.start == start)]
    assert len(row) == 1, f"no mention at {doc}:{start}"
    return entities.set_index("entity_id").loc[row.entity_id.iloc[0]]


# ------------------------------------------------------------------ surface keys


@pytest.mark.parametrize("a, b", [
    ("U.K.", "UK"), ("U.K", "UK"), ("von der\nLeyen", "von der Leyen"), ("Starmer’s", "Starmer"),
    ("Starmer's", "Starmer"), ("BRUSSELS", "Brussels"), ("EU–UK Summit", "EU-UK summit"),
    ("António Costa", "Antonio Costa"), ("the Union", "Union"), ("Saudi\nArabia", "Saudi Arabia"),
    ("EU-U.K.", "EU-UK"),
])
def test_surface_key_folds_variants(a, b):
    assert surface_key(a) == surface_key(b)


@pytest.mark.parametrize("a, b", [
    ("Brussels", "Belgium"), ("US", "UK"), ("Russia", "Russian"), ("Kallas", "Kaja Kallas"),
    ("London", "United Kingdom"), ("Austria", "Australia"),
])
def test_surface_key_keeps_different_names_apart(a, b):
    assert surface_key(a) != surface_key(b)


@pytest.mark.parametrize("alias, expected", [
    ("Brussels", {"Brussels", "BRUSSELS"}),
    ("von der Leyen", {"von der Leyen", "Von der Leyen", "VON DER LEYEN"}),
    ("EU-UK Summit", {"EU-UK Summit", "EU–UK Summit", "EU-UK SUMMIT", "EU–UK SUMMIT"}),
    ("Security and Defence Partnership", {"Security and defence partnership"}),
    ("NATO", {"NATO"}),
])
def test_alias_variants(alias, expected):
    assert expected <= set(alias_variants(alias))


# ------------------------------------------------------------------ acronyms


@pytest.mark.parametrize("acronym, long_form, expected", [
    ("SAFE", "Security Action For Europe", True),
    ("TCA", "Trade and Cooperation Agreement", True),
    ("PESCO", "Permanent Structured Cooperation", True),
    ("MoD", "Ministry of Defence", True),
    ("EEAS", "European External Action Service", True),
    ("CSDP", "Common Security and Defence Policy", True),
    ("EU", "European Union", True),
    ("NORDEFCO", "Nordic Defence Cooperation", True),
    ("EIB", "European Investment Bank", True),
    ("NATO", "European Union", False),
    ("EDA", "European Defence Fund", False),
    ("UK", "United States", False),
    ("SAFE", "Strategic Autonomy Fund", False),
    ("EU", "the European Union", False),  # a long form starts at its first name word
    ("NB8", "Nordic-Baltic Eight", False),
])
def test_acronym_matches(acronym, long_form, expected, lexicon):
    fillers = frozenset(lexicon["entities"]["acronym_fillers"])
    assert acronym_matches(acronym, long_form, fillers) is expected


def test_acronym_fillers_come_from_the_lexicon():
    assert acronym_matches("TCA", "Trade and Cooperation Agreement", frozenset({"and"}))
    assert not acronym_matches("TCA", "Trade and Cooperation Agreement", frozenset())


@pytest.mark.parametrize("surface, expected", [
    ("EU", True), ("U.K.", True), ("SAFE", True), ("MoD", True), ("SMEs", True), ("PESCO", True),
    ("Europe", False), ("European Union", False), ("I", False), ("Kyiv", False), ("eu", False),
])
def test_is_acronym(surface, expected):
    assert is_acronym(surface) is expected


# ------------------------------------------------------------------ person names

PARTICLES = frozenset("von van der de del da di du la le bin al".split())
SUFFIXES = frozenset(["Jr.", "Jr", "III", "II"])


@pytest.mark.parametrize("surface, first, surname", [
    ("Keir Starmer", "keir", "starmer"),
    ("Ursula von der Leyen", "ursula", "von der leyen"),
    ("Bart De Wever", "bart", "de wever"),
    ("Recep Tayyip Erdoğan", "recep", "erdogan"),
    ("Martin Luther King Jr.", "martin", "king"),
    ("Charles III", "charles", "charles iii"),
    ("Nick Thomas-Symonds", "nick", "thomas-symonds"),
])
def test_parse_person(surface, first, surname):
    person = parse_person(surface, PARTICLES, SUFFIXES)
    assert (person.first, person.surname) == (first, surname)


@pytest.mark.parametrize("surface", ["Starmer", "von der Leyen", "De Wever", "the council of", "A B C D E F",
                                     "Danish F-16s", "Fliegerfaust 2"])
def test_parse_person_rejects_non_full_names(surface):
    assert parse_person(surface, PARTICLES, SUFFIXES) is None


ENDINGS = (("y", "yy", "iy", "yi", "ii", "ij"),)


@pytest.mark.parametrize("a, b, same", [
    ("Volodymyr Zelenskiy", "Volodymyr Zelenskyy", True),
    ("Volodymyr Zelensky", "Volodymyr Zelenskyy", True),
    ("Oleksandr Syrskyi", "Oleksandr Syrsky", True),
    ("Georgii Tikhy", "Georgy Tikhiy", True),
    ("Andriy Yermak", "Andrii Yermak", True),
    ("Tony Blair", "Tonii Blair", True),         # the fold is spelling-blind by design
    ("John Kennedy", "John Kenned", False),      # only the listed endings fold
    ("Ed Davey", "Ed Dave", False),
    ("Ian Ray", "Ian Rayy", False),              # words under four letters are left alone
])
def test_person_names_fold_transliterated_endings(a, b, same):
    pa = parse_person(a, PARTICLES, SUFFIXES, endings=ENDINGS)
    pb = parse_person(b, PARTICLES, SUFFIXES, endings=ENDINGS)
    assert ((pa.first, pa.surname) == (pb.first, pb.surname)) is same


# ------------------------------------------------------------------ reconciliation rules
# Each case: candidates, groups of (doc, start) that must share one entity, pairs that
# must not, and the expected (name, label) of the entity of the first member of each group.

CASES = {
    "acronym defined in the text, reused in another document": dict(
        rows=[cand("a", 0, "Nordic Defence Cooperation", "ORG"), cand("a", 28, "NORDEFCO", "ORG"),
              cand("a", 90, "NORDEFCO", "ORG"), cand("b", 10, "NORDEFCO", "GPE")],
        same=[[("a", 0), ("a", 28), ("a", 90), ("b", 10)]],
        apart=[], names=[("Nordic Defence Cooperation", "ORG")]),
    "acronym given first, long form in brackets": dict(
        rows=[cand("a", 0, "DASA", "ORG"), cand("a", 6, "Defence and Security Accelerator", "ORG")],
        same=[[("a", 0), ("a", 6)]], apart=[], names=[("Defence and Security Accelerator", "ORG")]),
    "surname joins the full name in its document, label from the person": dict(
        rows=[cand("a", 0, "Hanno Pevkur", "PERSON"), cand("a", 50, "Pevkur", "ORG"),
              cand("a", 90, "Pevkur’s", "GPE")],
        same=[[("a", 0), ("a", 50), ("a", 90)]], apart=[], names=[("Hanno Pevkur", "PERSON")]),
    "people sharing a surname are never merged; nearest full name before wins": dict(
        rows=[cand("a", 0, "Boris Johnson", "PERSON"), cand("a", 100, "Jo Johnson", "PERSON"),
              cand("a", 150, "Johnson", "PERSON"), cand("a", 250, "Boris Johnson", "PERSON"),
              cand("a", 300, "Johnson", "PERSON")],
        same=[[("a", 100), ("a", 150)], [("a", 0), ("a", 250), ("a", 300)]],
        apart=[(("a", 0), ("a", 100))], names=[("Jo Johnson", "PERSON"), ("Boris Johnson", "PERSON")]),
    "bare surname in another document: linked only when one person carries it": dict(
        rows=[cand("a", 0, "Matti Maasikas", "PERSON"), cand("b", 0, "Maasikas", "ORG")],
        same=[[("a", 0), ("b", 0)]], apart=[], names=[("Matti Maasikas", "PERSON")]),
    "bare surname shared by two people of the corpus stays apart": dict(
        rows=[cand("a", 0, "Matti Maasikas", "PERSON"), cand("c", 0, "Liisa Maasikas", "PERSON"),
              cand("b", 0, "Maasikas", "PERSON")],
        same=[], apart=[(("a", 0), ("b", 0)), (("c", 0), ("b", 0)), (("a", 0), ("c", 0))], names=[]),
    "a title in front of a full name is not its first name": dict(
        rows=[cand("a", 0, "Sir Jeremy Fleming", "PERSON"), cand("a", 40, "Fleming", "PERSON"),
              cand("b", 0, "Jeremy Fleming", "PERSON"), cand("c", 0, "Fleming", "PERSON")],
        same=[[("a", 0), ("a", 40), ("b", 0), ("c", 0)]], apart=[], names=[("Jeremy Fleming", "PERSON")]),
    "title plus first name (Sir Keir) joins the full name": dict(
        rows=[cand("a", 0, "Keir Starmer", "PERSON"), cand("a", 80, "Keir", "PERSON")],
        same=[[("a", 0), ("a", 80)]], apart=[], names=[("Keir Starmer", "PERSON")]),
    "name broken across lines and possessive": dict(
        rows=[cand("a", 0, "Ursula von der Leyen", "PERSON"), cand("a", 60, "von der\nLeyen", "PERSON"),
              cand("a", 120, "Von der Leyen’s", "ORG")],
        same=[[("a", 0), ("a", 60), ("a", 120)]], apart=[], names=[("Ursula von der Leyen", "PERSON")]),
    "label by majority": dict(
        rows=[cand("a", 0, "Brexit", "PERSON"), cand("a", 40, "Brexit", "EVENT"),
              cand("b", 0, "Brexit", "EVENT"), cand("c", 0, "Brexit", "LOC")],
        same=[[("a", 0), ("a", 40), ("b", 0), ("c", 0)]], apart=[], names=[("Brexit", "EVENT")]),
    "back-reference 'the Partnership' joins the nearest full name with that head": dict(
        rows=[cand("a", 0, "Security and Defence Partnership", "LAW"), cand("a", 60, "the Partnership", "LAW"),
              cand("a", 90, "Partnership", "ORG"), cand("a", 200, "Global Gateway Partnership", "ORG"),
              cand("a", 260, "the Partnership", "ORG")],
        same=[[("a", 0), ("a", 60), ("a", 90)], [("a", 200), ("a", 260)]],
        apart=[(("a", 0), ("a", 200))],
        names=[("Security and Defence Partnership", "LAW"), ("Global Gateway Partnership", "ORG")]),
    "one-word GPE opening a longer GPE of the document": dict(
        rows=[cand("a", 0, "Saudi\nArabia", "GPE"), cand("a", 50, "Saudi", "GPE"), cand("b", 0, "Saudi", "NORP")],
        same=[[("a", 0), ("a", 50)]], apart=[(("a", 0), ("b", 0))], names=[("Saudi Arabia", "GPE")]),
    "nationality singular and plural": dict(
        rows=[cand("a", 0, "Belgians", "NORP"), cand("a", 40, "Belgian", "NORP")],
        same=[[("a", 0), ("a", 40)]], apart=[], names=[("Belgian", "NORP")]),
    "dateline capitals": dict(
        rows=[cand("a", 0, "BRUSSELS", "GPE"), cand("b", 10, "Brussels", "GPE")],
        same=[[("a", 0), ("b", 10)]], apart=[], names=[("Brussels", "GPE")]),
    "initialism of a name used elsewhere, never defined": dict(
        rows=[cand("a", 0, "United States", "GPE"), cand("b", 0, "U.S.", "GPE"), cand("b", 20, "US", "GPE")],
        same=[[("a", 0), ("b", 0), ("b", 20)]], apart=[], names=[("United States", "GPE")]),
    "initialism matching two names stays apart": dict(
        rows=[cand("a", 0, "European Commission", "ORG"), cand("a", 30, "European Council", "ORG"),
              cand("b", 0, "EC", "ORG")],
        same=[], apart=[(("a", 0), ("b", 0)), (("a", 30), ("b", 0)), (("a", 0), ("a", 30))], names=[]),
    "transliteration variants of one person, across documents": dict(
        rows=[cand("a", 0, "Volodymyr Zelenskiy", "PERSON"), cand("a", 40, "Zelenskiy", "PERSON"),
              cand("b", 0, "Volodymyr Zelenskyy", "PERSON"), cand("b", 40, "Volodymyr Zelenskyy", "PERSON"),
              cand("c", 0, "Zelensky", "ORG")],
        same=[[("a", 0), ("a", 40), ("b", 0), ("c", 0)]], apart=[], names=[("Volodymyr Zelenskyy", "PERSON")]),
    "a company with and without its legal form; a subsidiary stays apart": dict(
        rows=[cand("a", 0, "Rheinmetall AG", "ORG"), cand("b", 0, "Rheinmetall", "ORG"),
              cand("b", 30, "Rheinmetall Electronics", "ORG"), cand("c", 0, "KNDS", "ORG"),
              cand("c", 10, "KNDS Deutschland", "ORG")],
        same=[[("a", 0), ("b", 0)]], apart=[(("a", 0), ("b", 30)), (("c", 0), ("c", 10))],
        names=[("Rheinmetall AG", "ORG")]),
    "an organisation's short name after the longer name it opens joins it, in that article only": dict(
        rows=[cand("a", 0, "Samsung Electronics", "ORG"), cand("a", 60, "Samsung", "ORG"),
              cand("b", 0, "Samsung", "ORG"), cand("c", 0, "Bank of Japan", "ORG"), cand("c", 40, "Bank", "ORG"),
              cand("d", 0, "Saudi Aramco", "ORG"), cand("d", 40, "Aramco", "ORG")],
        same=[[("a", 0), ("a", 60)], [("c", 0), ("c", 40)], [("d", 0), ("d", 40)]], apart=[(("a", 0), ("b", 0))],
        names=[("Samsung Electronics", "ORG"), ("Bank of Japan", "ORG"), ("Saudi Aramco", "ORG")]),
    "a short name of two longer ones, or of another label, stays apart": dict(
        rows=[cand("a", 0, "Hyundai Rotem", "ORG"), cand("a", 30, "Hyundai Motor", "ORG"),
              cand("a", 60, "Hyundai", "ORG"), cand("b", 0, "Liverpool Echo", "ORG"), cand("b", 30, "Liverpool", "GPE"),
              cand("c", 0, "Manchester United", "ORG"), cand("c", 30, "Newcastle United", "ORG"), cand("c", 60, "United", "ORG")],
        same=[], apart=[(("a", 0), ("a", 60)), (("a", 30), ("a", 60)), (("b", 0), ("b", 30)),
                        (("c", 0), ("c", 60)), (("c", 30), ("c", 60))], names=[]),
    # alias joins, round six (issue 18): phrases of recent news and the look-alikes they must leave apart
    "an event, facility or product's short name joins the one longer name it opens or ends, either order": dict(
        rows=[cand("a", 0, "Wimbledon", "EVENT"), cand("a", 114, "Wimbledon Championships", "EVENT"),
              cand("a", 285, "Wimbledon", "EVENT"), cand("b", 460, "Anfield Stadium", "FAC"),
              cand("b", 966, "Anfield", "PERSON"), cand("c", 1059, "Nasdaq Composite", "PRODUCT"),
              cand("c", 1331, "Nasdaq", "PRODUCT"), cand("d", 54, "Grand Slam", "EVENT"),
              cand("d", 442, "Career Grand Slam", "EVENT")],
        same=[[("a", 0), ("a", 114), ("a", 285)], [("b", 460), ("b", 966)], [("c", 1059), ("c", 1331)],
              [("d", 54), ("d", 442)]], apart=[],
        names=[("Wimbledon Championships", "EVENT"), ("Anfield Stadium", "FAC"), ("Nasdaq Composite", "PRODUCT"),
               ("Career Grand Slam", "EVENT")]),
    "a product named with its maker: its own name after it joins, the maker stays apart": dict(
        rows=[cand("a", 0, "Nvidia", "ORG"), cand("a", 900, "Nvidia", "ORG"), cand("a", 1740, "Nvidia Spectrum-X", "ORG"),
              cand("a", 1887, "Spectrum-X", "PERSON"), cand("a", 1990, "Nvidia", "ORG")],
        same=[[("a", 1740), ("a", 1887)], [("a", 0), ("a", 900), ("a", 1990)]], apart=[(("a", 0), ("a", 1740))],
        names=[]),
    "short names of things stay apart from places, people written first, and a company before its product": dict(
        rows=[cand("a", 0, "London Stadium", "FAC"), cand("a", 40, "London", "GPE"),
              cand("b", 0, "Trump", "PERSON"), cand("b", 40, "Trump Tower", "FAC"),
              cand("c", 0, "Apple", "ORG"), cand("c", 40, "Apple Vision Pro", "PRODUCT"), cand("c", 90, "Apple", "ORG"),
              cand("d", 0, "K2 Black Panther", "PRODUCT"), cand("d", 40, "K2 Tanks", "PRODUCT"), cand("d", 90, "K2", "PRODUCT"),
              cand("e", 0, "Dubai Airshow", "EVENT"), cand("e", 40, "Dubai", "GPE"), cand("e", 60, "Emirati", "NORP"),
              cand("f", 0, "Emirati Airshow", "EVENT")],
        same=[], apart=[(("a", 0), ("a", 40)), (("b", 0), ("b", 40)), (("c", 0), ("c", 40)), (("c", 90), ("c", 40)),
                        (("d", 0), ("d", 90)), (("d", 40), ("d", 90)), (("e", 0), ("e", 40))], names=[]),
    "a name of two words written before and after the longer one it opens is its name; a parent or brand is not": dict(
        rows=[cand("a", 43, "Warner Bros", "ORG"), cand("a", 106, "Warner Bros. Discovery", "ORG"),
              cand("a", 1375, "Warner Bros", "ORG"), cand("b", 200, "Paramount", "ORG"), cand("b", 685, "Paramount", "ORG"),
              cand("b", 1135, "Paramount Skydance", "ORG"), cand("c", 0, "Rheinmetall", "ORG"),
              cand("c", 30, "Rheinmetall Electronics", "ORG"), cand("c", 90, "Rheinmetall", "ORG"),
              cand("d", 0, "Fed", "ORG"), cand("d", 30, "Kansas City Fed", "ORG"), cand("d", 90, "Fed", "ORG"),
              cand("e", 0, "Hyundai", "ORG"), cand("e", 20, "Hyundai", "ORG"), cand("e", 40, "Hyundai Rotem", "ORG"),
              cand("e", 90, "Hyundai", "ORG"), cand("f", 0, "MarketVector", "ORG"),
              cand("f", 40, "MarketVector Defense Industry", "ORG"), cand("f", 90, "MarketVector", "ORG"),
              cand("g", 0, "Deutsche Bank", "ORG"), cand("g", 40, "Deutsche Bank Research", "ORG"),
              cand("g", 90, "Deutsche Bank", "ORG")],
        same=[[("a", 43), ("a", 106), ("a", 1375)]],
        apart=[(("b", 200), ("b", 1135)), (("c", 0), ("c", 30)), (("c", 90), ("c", 30)), (("d", 0), ("d", 30)),
               (("d", 90), ("d", 30)), (("e", 0), ("e", 40)), (("e", 90), ("e", 40)), (("f", 0), ("f", 40)),
               (("f", 90), ("f", 40)), (("g", 0), ("g", 40)), (("g", 90), ("g", 40))],
        names=[("Warner Bros. Discovery", "ORG")]),
    "a company's short name without its sector or legal words joins it, either order; look-alikes stay apart": dict(
        rows=[cand("a", 0, "Flagstar", "ORG"), cand("a", 40, "Flagstar Bank", "ORG"),
              cand("b", 0, "Nexstar", "ORG"), cand("b", 60, "Nexstar Media Group", "ORG"), cand("b", 120, "Nexstar", "ORG"),
              cand("c", 0, "Deutsche", "ORG"), cand("c", 30, "Deutsche Bank", "ORG"), cand("c", 60, "Deutsche Telekom", "ORG"),
              cand("d", 0, "Apple", "ORG"), cand("d", 30, "Apple Music", "ORG"),
              cand("e", 0, "American", "NORP"), cand("e", 30, "American Airlines", "ORG"),
              cand("f", 0, "America", "GPE"), cand("f", 30, "Bank of America", "ORG"),
              cand("g", 0, "Deutsche Bank", "ORG"), cand("g", 40, "Deutsche Bank Research", "ORG")],
        same=[[("a", 0), ("a", 40)], [("b", 0), ("b", 60), ("b", 120)]],
        apart=[(("c", 0), ("c", 30)), (("c", 0), ("c", 60)), (("d", 0), ("d", 30)), (("e", 0), ("e", 30)),
               (("f", 0), ("f", 30)), (("g", 0), ("g", 40))],
        names=[("Flagstar Bank", "ORG"), ("Nexstar Media Group", "ORG")]),
    "an acronym in brackets may spell a legal word its long form leaves out": dict(
        rows=[cand("a", 180, "Hindustan Aeronautics", "ORG"), cand("a", 203, "HAL", "ORG"), cand("a", 900, "HAL", "ORG"),
              cand("b", 0, "Hindustan Aeronautics", "ORG"), cand("b", 23, "HAX", "ORG"),
              cand("c", 0, "Bharat Dynamics", "ORG"), cand("c", 17, "BDC", "ORG"), cand("c", 30, "Tata", "ORG"),
              cand("c", 36, "TL", "ORG")],
        same=[[("a", 180), ("a", 203), ("a", 900)], [("c", 0), ("c", 17)]],
        apart=[(("b", 0), ("b", 23)), (("c", 30), ("c", 36))], names=[("Hindustan Aeronautics", "ORG")]),
    "a plural model or acronym name joins its singular in the article; other plurals stay apart": dict(
        rows=[cand("a", 827, "K2", "PRODUCT"), cand("a", 736, "K2s", "ORG"), cand("b", 0, "SMR", "PRODUCT"),
              cand("b", 40, "SMRs", "PRODUCT"), cand("c", 0, "America", "GPE"), cand("c", 40, "Americas", "LOC"),
              cand("d", 0, "K2s", "ORG")],
        same=[[("a", 827), ("a", 736)], [("b", 0), ("b", 40)]],
        apart=[(("c", 0), ("c", 40)), (("a", 827), ("d", 0))], names=[]),
    "a legal form is only dropped from an organisation": dict(
        rows=[cand("a", 0, "Group SE", "PRODUCT"), cand("a", 20, "Group", "ORG")],
        same=[], apart=[(("a", 0), ("a", 20))], names=[]),
    "undefined acronym joins the one name of another label, and takes its label": dict(
        rows=[cand("a", 0, "Common Agricultural Policy", "LAW"), cand("a", 40, "CAP", "ORG"),
              cand("a", 80, "CAP", "ORG"), cand("b", 0, "CAP", "ORG")],
        same=[[("a", 0), ("a", 40), ("a", 80), ("b", 0)]], apart=[], names=[("Common Agricultural Policy", "LAW")]),
    "undefined acronym: a name of its own label wins over other labels": dict(
        rows=[cand("a", 0, "Common Agricultural Policy", "LAW"), cand("a", 40, "Central Arms Procurement", "ORG"),
              cand("b", 0, "CAP", "ORG")],
        same=[[("a", 40), ("b", 0)]], apart=[(("a", 0), ("b", 0))], names=[("Central Arms Procurement", "ORG")]),
    "undefined acronym: of two names, the one it spells with every word wins": dict(
        rows=[cand("a", 0, "Multiannual Financial Framework", "ORG"), cand("a", 40, "Maritime and Fisheries Fund", "ORG"),
              cand("b", 0, "MFF", "ORG"), cand("b", 30, "MFF", "ORG")],
        same=[[("a", 0), ("b", 0), ("b", 30)]], apart=[(("a", 40), ("b", 0))],
        names=[("Multiannual Financial Framework", "ORG")]),
    "an event with its year joins the same event without it": dict(
        rows=[cand("a", 0, "2014 Wales Summit", "EVENT"), cand("b", 0, "Wales Summit", "EVENT")],
        same=[[("a", 0), ("b", 0)]], apart=[], names=[("2014 Wales Summit", "EVENT")]),
    "events of two years stay apart from the bare name": dict(
        rows=[cand("a", 0, "2024 NATO Summit", "EVENT"), cand("b", 0, "2025 NATO Summit", "EVENT"),
              cand("c", 0, "NATO Summit", "EVENT")],
        same=[], apart=[(("a", 0), ("b", 0)), (("a", 0), ("c", 0)), (("b", 0), ("c", 0))], names=[]),
    "a ticker after its exchange in brackets is the company's": dict(
        rows=[cand("a", 0, "Bank of America Corporation", "ORG"), cand("a", 29, "NYSE", "ORG"), cand("a", 34, "BAC", "ORG"),
              cand("a", 90, "BAC", "ORG"), cand("b", 0, "Citigroup Inc.", "ORG"), cand("b", 16, "NYSE", "ORG"),
              cand("b", 21, "C", "ORG"), cand("c", 0, "Apple", "ORG"), cand("c", 20, "NYSE", "ORG"), cand("c", 25, "BAC", "ORG")],
        same=[[("a", 0), ("a", 34), ("a", 90)], [("a", 29), ("b", 16)]],
        apart=[(("a", 29), ("a", 34)), (("c", 0), ("c", 25))], names=[("Bank of America Corporation", "ORG")]),
    "an acronym follows its long form into the longer name that form ends": dict(
        rows=[cand("a", 0, "Bank of America", "ORG"), cand("a", 40, "Bank of America Corporation", "ORG"),
              cand("a", 69, "BAC", "ORG"), cand("a", 200, "David, Bank of America", "ORG")],
        same=[[("a", 0), ("a", 40), ("a", 69), ("a", 200)]], apart=[], names=[]),
    "capital is not its country": dict(
        rows=[cand("a", 0, "London", "GPE"), cand("a", 20, "United Kingdom", "GPE"), cand("a", 40, "Moscow", "GPE"),
              cand("a", 60, "Russia", "GPE")],
        same=[], apart=[(("a", 0), ("a", 20)), (("a", 40), ("a", 60))], names=[]),
}


@pytest.mark.parametrize("case", sorted(CASES), ids=sorted(CASES))
def test_rules_from_the_text(case, bare_lexicon):
    spec = CASES[case]
    entities, mentions = run(spec["rows"], bare_lexicon)
    for group, (name, label) in zip(spec["same"], spec["names"] + [(None, None)] * len(spec["same"])):
        ids = {entity_of(entities, mentions, *member).name for member in group}
        assert len(ids) == 1, f"{group} split over {ids}"
        if name is not None:
            entity = entity_of(entities, mentions, *group[0])
            assert (entity["name"], entity["label"]) == (name, label)
    for a, b in spec["apart"]:
        assert entity_of(entities, mentions, *a).name != entity_of(entities, mentions, *b).name


# ------------------------------------------------------------------ with the gazetteer


def test_gazetteer_joins_spelling_variants_with_kb_id(lexicon):
    rows = [cand("a", 0, "UK", "GPE"), cand("a", 10, "U.K.", "GPE"), cand("b", 0, "U.K", "ORG"),
            cand("b", 10, "Britain", "GPE"), cand("c", 0, "the United Kingdom", "GPE"), cand("c", 40, "London", "GPE")]
    entities, mentions = run(rows, lexicon)
    uk = entity_of(entities, mentions, "a", 0)
    assert uk["name"] == "United Kingdom" and uk["label"] == "GPE" and uk["kb_id"] == "Q145"
    assert uk["aliases"] == ["Britain", "U.K", "U.K.", "UK", "the United Kingdom"]
    assert (uk["mentions"], uk["documents"]) == (5, 3)
    assert entity_of(entities, mentions, "c", 40)["name"] == "London"


@pytest.mark.parametrize("forms, name, label", [
    (["Kharkiv", "Kharkov"], "Kharkiv", "GPE"),
    (["Odesa", "Odessa"], "Odesa", "GPE"),
    (["Rzeszów", "Rzeszow"], "Rzeszów", "GPE"),
    (["Crimea", "Crimean Peninsula"], "Crimea", "GPE"),
    (["Eurofighter", "Eurofighters", "Eurofighter Typhoon"], "Eurofighter Typhoon", "PRODUCT"),
    (["IRIS-T", "Iris-T"], "IRIS-T", "PRODUCT"),
    (["SPD", "Social Democratic Party of Germany"], "Social Democratic Party of Germany", "NORP"),
    (["Tories", "Conservative party"], "Conservative Party", "NORP"),
    (["Rheinmetall AG", "Rheinmetall"], "Rheinmetall", "ORG"),
    (["Bundesbank", "Deutsche Bundesbank"], "Deutsche Bundesbank", "ORG"),
])
def test_gazetteer_spellings_are_one_entity(lexicon, forms, name, label):
    rows = [cand(f"d{i}", 0, form, "ORG") for i, form in enumerate(forms)]  # the gazetteer label wins
    entities, _ = run(rows, lexicon)
    assert list(zip(entities.name, entities.label)) == [(name, label)]


def test_gazetteer_keeps_look_alikes_apart(lexicon):
    # the US law is no air defence system; the party is not the German state
    rows = [cand("a", 0, "Patriot", "PERSON"), cand("a", 20, "Patriot Act", "LAW"),
            cand("b", 0, "SPD", "ORG"), cand("b", 10, "Germany", "GPE")]
    entities, mentions = run(rows, lexicon)
    assert entity_of(entities, mentions, "a", 0)[["name", "label"]].tolist() == ["Patriot", "PRODUCT"]
    assert entity_of(entities, mentions, "a", 20)[["name", "label"]].tolist() == ["Patriot Act", "LAW"]
    assert entity_of(entities, mentions, "b", 0).name != entity_of(entities, mentions, "b", 10).name


def test_gazetteer_hint_wins_over_surface(lexicon):
    rows = [cand("a", 0, "SAFE", "ORG", detector="gazetteer", hint="Security Action For Europe"),
            cand("b", 0, "Security Action For Europe", "LAW"), cand("b", 30, "SAFE", "ORG")]
    entities, mentions = run(rows, lexicon)
    safe = entity_of(entities, mentions, "a", 0)
    assert safe["name"] == "Security Action For Europe" and safe["label"] == "LAW"
    assert len(entities) == 1


def test_context_overrides_a_gazetteer_surname(lexicon):
    # "Trump" after "Melania Trump" in the same article is Melania, not the gazetteer's Donald
    rows = [cand("a", 0, "Donald Trump", "PERSON"), cand("a", 100, "Melania Trump", "PERSON"),
            cand("a", 150, "Trump", "PERSON", hint="Donald Trump"), cand("b", 0, "Trump", "ORG")]
    entities, mentions = run(rows, lexicon)
    assert entity_of(entities, mentions, "a", 150)["name"] == "Melania Trump"
    donald = entity_of(entities, mentions, "b", 0)
    assert donald["name"] == "Donald Trump" and donald["label"] == "PERSON" and donald["kb_id"] == "Q22686"


def test_transliteration_variant_joins_the_gazetteer_person(lexicon):
    rows = [cand("a", 0, "Volodymyr Zelenskiy", "PERSON"), cand("a", 40, "Zelenskiy", "PERSON"),
            cand("b", 0, "Volodymyr Zelensky", "PERSON")]
    entities, mentions = run(rows, lexicon)
    assert len(entities) == 1 and entities.name.iloc[0] == "Volodymyr Zelenskyy"


def test_document_definition_overrides_a_gazetteer_acronym(lexicon):
    rows = [cand("a", 0, "Électricité de France", "ORG"), cand("a", 23, "EDF", "ORG"), cand("a", 60, "EDF", "ORG"),
            cand("b", 0, "EDF", "ORG")]
    entities, mentions = run(rows, lexicon)
    assert entity_of(entities, mentions, "a", 60)["name"] == "Électricité de France"
    assert entity_of(entities, mentions, "b", 0)["name"] == "European Defence Fund"


# ------------------------------------------------------------------ the tables


def test_output_tables_match_the_schema(lexicon):
    rows = [cand("a", 0, "Kaja Kallas", "PERSON"), cand("a", 40, "Kallas", "PERSON"), cand("a", 60, "EU", "ORG")]
    entities, mentions = run(rows, lexicon)
    assert list(entities.columns) == SCHEMAS["entities"].names
    assert list(mentions.columns) == SCHEMAS["mentions"].names
    to_arrow("entities", entities)
    to_arrow("mentions", mentions)
    for entity in entities.itertuples():
        assert entity.entity_id == stable_id("e_", entity.label, entity.name)
    assert set(mentions.label) <= set(entities.label)


def test_empty_candidates(lexicon):
    entities, mentions = run([], lexicon)
    assert entities.empty and mentions.empty
    assert list(entities.columns) == SCHEMAS["entities"].names


def test_missing_columns_are_an_error(lexicon):
    with pytest.raises(ValueError, match=r"\[E213\]"):
        reconcile(pd.DataFrame({"text": ["EU"]}), lexicon=lexicon)


@pytest.mark.parametrize("gazetteer, code", [
    ({"entity": [{"name": "A Corp", "label": "ORG", "aliases": ["AC"]},
                 {"name": "Acme", "label": "ORG", "aliases": ["A.C."]}]}, "E212"),
    ({"entity": [{"name": "A Corp", "label": "COMPANY"}]}, "E211"),
    ({"entity": [{"label": "ORG"}]}, "E210"),
])
def test_bad_gazetteer_is_an_error(gazetteer, code):
    with pytest.raises(ValueError, match=rf"\[{code}\]"):
        gazetteer_entries({"gazetteer": gazetteer})


# ------------------------------------------------------------------ invariants

POOL = [
    cand("a", 0, "Kaja Kallas", "PERSON"), cand("a", 30, "Kallas", "ORG"), cand("a", 50, "EU", "ORG"),
    cand("a", 60, "European Union", "ORG"), cand("a", 80, "Security Action For Europe", "LAW"),
    cand("a", 108, "SAFE", "ORG"), cand("b", 0, "SAFE", "ORG"), cand("b", 10, "U.K.", "GPE"),
    cand("b", 20, "Britain", "GPE"), cand("b", 40, "Keir Starmer", "PERSON"), cand("b", 60, "Starmer’s", "ORG"),
    cand("b", 80, "Brexit", "PERSON"), cand("c", 0, "Brexit", "EVENT"), cand("c", 20, "Belgians", "NORP"),
    cand("c", 40, "Belgian", "NORP"), cand("c", 60, "Nordic Defence Cooperation", "ORG"),
    cand("c", 88, "NORDEFCO", "ORG"), cand("c", 120, "the Union", "ORG"), cand("c", 140, "Brussels", "GPE"),
]


@settings(max_examples=25, deadline=None)
@given(st.permutations(POOL), st.integers(min_value=1, max_value=len(POOL)))
def test_same_rows_in_any_order_give_the_same_tables(lexicon, rows, n):
    subset = sorted(rows[:n], key=lambda r: r["mention_id"])
    expected = run(subset, lexicon)
    got = run(rows[:n], lexicon)
    pd.testing.assert_frame_equal(expected[0], got[0])
    pd.testing.assert_frame_equal(expected[1], got[1])
    entities, mentions = got
    assert sorted(mentions.mention_id) == sorted(r["mention_id"] for r in rows[:n])
    assert entities.mentions.sum() == len(mentions)
    for entity in entities.itertuples():
        assert list(entity.aliases) == sorted(set(entity.aliases))
        assert entity.documents == mentions[mentions.entity_id == entity.entity_id].doc_id.nunique()


@pytest.mark.parametrize("forms, labels, name", [
    (["Republicans", "Republican Party", "GOP"], ["NORP", "ORG", "ORG"], "Republican Party"),
    (["Democrats", "Democratic Party"], ["NORP", "ORG"], "Democratic Party"),
])
def test_a_party_and_its_members_are_one_entity_once_the_corpus_names_the_party(lexicon, forms, labels, name):
    rows = [cand(f"d{i}", 0, form, label) for i, (form, label) in enumerate(zip(forms, labels))]
    entities, _ = run(rows, lexicon)
    assert list(zip(entities.name, entities.label)) == [(name, "ORG")]


def test_party_members_alone_stay_a_nationality_like_group(lexicon):
    # no "Republican Party" in the corpus: nothing to join, the model's NORP stands
    entities, _ = run([cand("a", 0, "Republicans", "NORP")], lexicon)
    assert list(zip(entities.name, entities.label)) == [("Republicans", "NORP")]


# ------------------------------------------------------------------ partitions (the cluster's two levels)

#: links that cross documents: each source here is its own partition in some split
ACROSS = [
    cand("p1", 0, "Bank of Japan", "ORG"), cand("p2", 0, "BoJ", "ORG"),
    cand("p3", 0, "UK", "GPE"), cand("p4", 0, "Britain", "GPE"),
    cand("p5", 0, "Federal Reserve", "ORG"), cand("p6", 0, "Fed", "ORG"),
    cand("p7", 0, "Security Action For Europe", "LAW"), cand("p7", 28, "SAFE", "ORG"), cand("p8", 0, "SAFE", "ORG"),
    cand("p9", 0, "Kaja Kallas", "PERSON"), cand("p10", 0, "Kallas", "ORG"), cand("p10", 20, "Kaja", "PERSON"),
    cand("p11", 0, "2014 Wales Summit", "EVENT"), cand("p12", 0, "Wales Summit", "EVENT"),
    cand("p13", 0, "Belgians", "NORP"), cand("p14", 0, "Belgian", "NORP"), cand("p14", 20, "Belgian", "NORP"),
    cand("p15", 0, "Dealogic", "ORG"), cand("p15", 20, "Dealogic", "ORG"), cand("p15", 40, "Dealogik", "ORG"),
    cand("p16", 0, "Nordic Defence Cooperation", "ORG"), cand("p16", 28, "NORDEFCO", "ORG"),
    cand("p16", 50, "the Cooperation", "ORG"), cand("p17", 0, "NORDEFCO", "ORG", kb_id="Q1"),
]


@settings(max_examples=30, deadline=None)
@given(st.lists(st.integers(min_value=0, max_value=3), min_size=17, max_size=17), st.booleans())
def test_any_split_into_partitions_of_sources_gives_the_one_process_tables(lexicon, bare_lexicon, assign, bare):
    """The cluster's two-level reconciliation, whatever source lands in whatever partition."""
    from pipeline.stages.reconcile import reconcile_partitions

    lex = bare_lexicon if bare else lexicon
    frame = pd.DataFrame(ACROSS, columns=SCHEMAS["mention_candidates"].names)
    expected = reconcile(frame, lexicon=lex)
    partition = frame.doc_id.str[1:].astype(int).map(lambda d: assign[d - 1])
    got = reconcile_partitions([frame[partition == p] for p in range(4)], lexicon=lex)
    pd.testing.assert_frame_equal(expected[0], got[0])
    pd.testing.assert_frame_equal(expected[1], got[1])


def test_aliases_join_across_partitions(bare_lexicon, lexicon):
    from pipeline.stages.reconcile import reconcile_partitions

    frame = pd.DataFrame(ACROSS, columns=SCHEMAS["mention_candidates"].names)
    alone = [frame[frame.doc_id == doc] for doc in frame.doc_id.unique()]  # every source its own partition
    entities, mentions = reconcile_partitions(alone, lexicon=bare_lexicon)
    assert entity_of(entities, mentions, "p2", 0)["name"] == "Bank of Japan"
    assert entity_of(entities, mentions, "p8", 0)["name"] == "Security Action For Europe"
    assert entity_of(entities, mentions, "p10", 0)["name"] == "Kaja Kallas"
    assert entity_of(entities, mentions, "p12", 0).equals(entity_of(entities, mentions, "p11", 0))
    assert entity_of(entities, mentions, "p13", 0)["name"] == "Belgian"
    assert entity_of(entities, mentions, "p17", 0)["name"] == "Nordic Defence Cooperation"
    entities, mentions = reconcile_partitions(alone, lexicon=lexicon)
    assert entity_of(entities, mentions, "p3", 0)["name"] == entity_of(entities, mentions, "p4", 0)["name"]
    assert entity_of(entities, mentions, "p6", 0)["name"] == entity_of(entities, mentions, "p5", 0)["name"]


def test_singular_or_plural_of_a_gazetteer_name_is_that_actor(lexicon):
    rows = [cand("a", 108, "Liberal Democrats", "NORP"), cand("a", 156, "Liberal Democrat", "NORP"),
            cand("b", 0, "Democrat", "NORP"), cand("b", 20, "Americas", "LOC")]
    entities, mentions = run(rows, lexicon)
    assert entity_of(entities, mentions, "a", 156)["name"] == "Liberal Democrats"
    assert entity_of(entities, mentions, "b", 0)["name"] != "Liberal Democrats"  # one word: never by number
    assert entity_of(entities, mentions, "b", 20)["name"] == "Americas"


def test_no_gazetteer_name_is_another_entry_by_a_plural_s(lexicon):
    from pipeline.stages.reconcile.linking import gazetteer_entries, gazetteer_lookups

    _, by_key = gazetteer_lookups(gazetteer_entries(lexicon))
    clashes = {(k, by_key[k].name, by_key[k + "s"].name) for k in by_key
               if " " in k and k + "s" in by_key and by_key[k + "s"] is not by_key[k]}
    assert not clashes


def test_the_dow_is_the_index_once_the_corpus_writes_it(bare_lexicon):
    rows = [cand("a", 351, "Dow Jones Industrial Average", "PRODUCT"), cand("a", 986, "Dow", "ORG"),
            cand("b", 0, "Dow", "ORG")]
    entities, mentions = run(rows, bare_lexicon)
    assert entity_of(entities, mentions, "a", 986)["name"] == "Dow Jones Industrial Average"
    entities, mentions = run(rows[2:], bare_lexicon)
    assert entity_of(entities, mentions, "b", 0)["name"] == "Dow"


def test_a_sign_is_no_misspelling(bare_lexicon):
    """A name one letter off the article's usual spelling joins it ("Dealogik"); one sign off is another name ("Paramount+", the streaming service)."""
    frame = pd.DataFrame([cand("p1", 0, "Paramount", "ORG"), cand("p1", 20, "Paramount", "ORG"), cand("p1", 40, "Paramount+", "ORG"),
                          cand("p2", 0, "Dealogic", "ORG"), cand("p2", 20, "Dealogic", "ORG"), cand("p2", 40, "Dealogik", "ORG")],
                         columns=SCHEMAS["mention_candidates"].names)
    entities, mentions = reconcile(frame, lexicon=bare_lexicon)
    assert entity_of(entities, mentions, "p1", 40)["name"] == "Paramount+"
    assert entity_of(entities, mentions, "p2", 40)["name"] == "Dealogic"


# ------------------------------------------------------------------ aliases of round 13, with their link evidence


def _ev(row: dict, evidence: str) -> dict:
    return {**row, "evidence": evidence}


def test_an_acronym_spelling_the_name_before_its_of_joins_it(bare_lexicon):
    """"Food and Agriculture Organization of the United Nations (FAO)": FAO spells the name before "of the United Nations".

    An acronym spelling the whole name, "of" and all ("Organization of Islamic Cooperation (OIC)"), still joins it.
    """
    long = "Food and Agriculture Organization of the United Nations"
    rows = [cand("fa", 0, long, "ORG"), cand("fa", len(long) + 2, "FAO", "ORG"), cand("fa", 120, "FAO", "ORG"),
            cand("fb", 0, "Christian Democratic Union of Germany", "ORG"), cand("fb", 39, "CDU", "ORG"),
            # "Bank of Japan" spells "BoJ" with every word: no "of" dropped, no other rule
            cand("fc", 0, "Organization of Islamic Cooperation", "ORG"), cand("fc", 37, "OIC", "ORG")]
    entities, mentions = run(rows, bare_lexicon)
    fao = entity_of(entities, mentions, "fa", len(long) + 2)
    assert fao["name"] == long
    assert entity_of(entities, mentions, "fa", 120).name == fao.name
    assert entity_of(entities, mentions, "fb", 39)["name"] == "Christian Democratic Union of Germany"
    assert entity_of(entities, mentions, "fc", 37)["name"] == "Organization of Islamic Cooperation"
    fa = mentions[mentions.doc_id == "fa"].set_index("start").link
    assert fa.get(len(long) + 2) == "acronym_defined" and fa.get(120) == "acronym_defined"
    assert mentions[(mentions.doc_id == "fa") & (mentions.start == 0)].link.isna().all()


def test_a_club_written_by_its_last_word_joins_the_one_club_ending_with_it(bare_lexicon):
    """"City" (read as a place) in a headline above "Manchester City"; "Palace" below "Crystal Palace"."""
    rows = [cand("ca", 0, "City", "GPE"), cand("ca", 40, "Manchester City", "ORG"),
            cand("cb", 0, "Crystal Palace", "ORG", detector="model") | {"evidence": "club_context"},
            cand("cb", 60, "Palace", "PERSON")]
    entities, mentions = run(rows, bare_lexicon)
    assert entity_of(entities, mentions, "ca", 0)["name"] == "Manchester City"
    assert entity_of(entities, mentions, "ca", 0)["label"] == "ORG"
    assert entity_of(entities, mentions, "cb", 60)["name"] == "Crystal Palace"
    assert mentions[mentions.doc_id == "ca"].set_index("start").link.get(0) == "club_short"


def test_a_club_word_stays_apart_when_two_clubs_end_with_it_and_a_city_never_joins_its_club(bare_lexicon):
    """"United" with two Uniteds, or after a "Newcastle" the model cut off it; "Madrid" the city beside "Real Madrid"."""
    rows = [cand("ua", 0, "Manchester United", "ORG"), cand("ua", 30, "Newcastle United", "ORG"),
            cand("ua", 60, "United", "ORG"),
            cand("ub", 0, "Manchester United", "ORG"), cand("ub", 22, "Newcastle", "GPE"), cand("ub", 32, "United", "ORG"),
            cand("ub", 70, "United", "ORG"),
            _ev(cand("ma", 0, "Real Madrid", "ORG"), "club_name"), _ev(cand("ma", 30, "Madrid", "GPE"), "place"),
            cand("mc", 0, "Mexico City", "GPE"), cand("mc", 30, "City", "GPE")]
    entities, mentions = run(rows, bare_lexicon)
    assert entity_of(entities, mentions, "ua", 60)["name"] == "United"
    assert entity_of(entities, mentions, "ub", 70)["name"] == "United"
    assert entity_of(entities, mentions, "ma", 30)["name"] == "Madrid"
    assert entity_of(entities, mentions, "mc", 30)["name"] == "City"


def test_every_join_records_its_evidence_in_the_link_column(bare_lexicon):
    """The rule that joined a mention to a name it does not write: surname, acronym, close spelling; null for its own name."""
    rows = [cand("la", 0, "Keir Starmer", "PERSON"), cand("la", 40, "Starmer", "PERSON"),
            cand("la", 80, "Dealogic", "ORG"), cand("la", 100, "Dealogic", "ORG"), cand("la", 120, "Dealogik", "ORG")]
    entities, mentions = run(rows, bare_lexicon)
    links = mentions.set_index("start").link
    assert links.get(40) == "surname" and links.get(120) == "close_spelling"
    assert pd.isna(links.get(0)) and pd.isna(links.get(80))
    assert SCHEMAS["mentions"].field("link").nullable


def test_a_description_the_gazetteer_gives_joins_the_one_actor_it_describes(lexicon):
    """"Parliament" after "Bundestag" is the Bundestag; after the Bundestag and the Knesset, or after "European Parliament", not."""
    rows = [cand("da", 0, "Bundestag", "ORG", detector="gazetteer", hint="Bundestag"), cand("da", 60, "Parliament", "ORG"),
            cand("db", 0, "Bundestag", "ORG", detector="gazetteer", hint="Bundestag"),
            cand("db", 30, "Knesset", "ORG", detector="gazetteer", hint="Knesset"), cand("db", 60, "Parliament", "ORG"),
            cand("dc", 0, "Bundestag", "ORG", detector="gazetteer", hint="Bundestag"),
            cand("dc", 30, "European Parliament", "ORG"), cand("dc", 60, "Parliament", "ORG")]
    entities, mentions = run(rows, lexicon)
    assert entity_of(entities, mentions, "da", 60)["name"] == "Bundestag"
    assert mentions[mentions.doc_id == "da"].set_index("start").link.get(60) == "description"
    assert entity_of(entities, mentions, "db", 60)["name"] != "Bundestag"
    assert entity_of(entities, mentions, "dc", 60)["name"] == "European Parliament"


def test_a_name_a_known_acronym_in_brackets_follows_is_that_actor(lexicon):
    """"the Social Democrats (SPD)": the gazetteer knows SPD; initials out of the acronym's order join nothing."""
    rows = [cand("sa", 0, "Social Democrats", "ORG"), cand("sa", 18, "SPD", "ORG", detector="gazetteer"),
            cand("sa", 60, "Social Democrats", "ORG"),
            cand("sb", 0, "Democratic Socialists", "ORG"), cand("sb", 23, "SPD", "ORG", detector="gazetteer")]
    entities, mentions = run(rows, lexicon)
    spd = entity_of(entities, mentions, "sa", 18)
    assert entity_of(entities, mentions, "sa", 0).name == spd.name
    assert entity_of(entities, mentions, "sa", 60).name == spd.name
    assert mentions[mentions.doc_id == "sa"].set_index("start").link.get(0) == "acronym_defined"
    assert entity_of(entities, mentions, "sb", 0).name != spd.name
# ------------------------------------------------------------------ aliases of round 23 (issue 18): short forms of the gazetteer


def test_a_short_form_joins_the_actor_its_article_names_in_full_and_nothing_else(lexicon):
    """"Reform" after "Reform UK" (dev4 808, HuffPost 2025), "Korea" after "South Korea" (dev5 906), "Samsung" in a
    headline above "Samsung Electronics" (dev3 706, econotimes 2026), "Social Democrats" far from "SPD" (dev3 713).

    Alone in its article the short form keeps its own name ("Reform", "Samsung", "Korea"), and a form two named
    actors share stays apart from both ("Korea" beside "South Korea" and "North Korea").
    """
    rows = [cand("ra", 0, "Reform UK", "NORP"), cand("ra", 60, "Reform", "ORG"), cand("rb", 0, "Reform", "ORG"),
            cand("ka", 0, "South Korea", "GPE"), cand("ka", 90, "Korea", "GPE"),
            cand("kb", 0, "South Korea", "GPE"), cand("kb", 30, "North Korea", "GPE"), cand("kb", 60, "Korea", "GPE"),
            cand("sa", 10, "Samsung", "ORG"), cand("sa", 77, "Samsung Electronics", "ORG"), cand("sa", 294, "Samsung", "ORG"),
            cand("sb", 0, "Samsung", "ORG"), cand("sb", 40, "Apple", "ORG"),
            cand("da", 360, "SPD", "NORP"), cand("da", 998, "Social Democrats", "NORP")]
    entities, mentions = run(rows, lexicon)
    for doc, start, name, label in [("ra", 60, "Reform UK", "NORP"), ("ka", 90, "South Korea", "GPE"),
                                    ("sa", 10, "Samsung Electronics", "ORG"), ("sa", 294, "Samsung Electronics", "ORG"),
                                    ("da", 998, "Social Democratic Party of Germany", "NORP")]:
        assert entity_of(entities, mentions, doc, start)[["name", "label"]].tolist() == [name, label]
        assert mentions[mentions.doc_id == doc].set_index("start").link.get(start) == "short_form"
    assert entity_of(entities, mentions, "rb", 0)["name"] == "Reform"
    assert entity_of(entities, mentions, "sb", 0)["name"] == "Samsung"
    assert entity_of(entities, mentions, "kb", 60)["name"] == "Korea"
    assert pd.isna(mentions[mentions.doc_id == "kb"].set_index("start").link.get(60))


def test_a_state_by_its_formal_name_is_the_gazetteer_state(lexicon):
    """"Republic of Mali" ... "Mali" (dev3 710, the model reading "Mali" as a person), "Republic of Kazakhstan";
    "Republic of China" is Taiwan, never China."""
    rows = [cand("ma", 0, "Republic of Mali", "GPE"), cand("ma", 60, "Mali", "PERSON"),
            cand("mb", 0, "Republic of Kazakhstan", "GPE"), cand("mb", 40, "Kazakhstan", "GPE"),
            cand("mc", 0, "Republic of China", "GPE"), cand("mc", 40, "China", "GPE")]
    entities, mentions = run(rows, lexicon)
    assert entity_of(entities, mentions, "ma", 0)[["name", "label"]].tolist() == ["Mali", "GPE"]
    assert entity_of(entities, mentions, "ma", 60)[["name", "label"]].tolist() == ["Mali", "GPE"]
    assert entity_of(entities, mentions, "mb", 0)["name"] == "Kazakhstan"
    assert entity_of(entities, mentions, "mc", 0)["name"] != entity_of(entities, mentions, "mc", 40)["name"]


@pytest.mark.parametrize("acting, expected", [(2, ("ORG", "institution_context")), (1, ("FAC", "gazetteer"))])
def test_a_building_named_for_its_institution_takes_the_label_most_mentions_give(lexicon, acting, expected):
    # "a statement from the White House" makes the building an actor; "a row in the White House" keeps it a building
    rows = []
    for i in range(3):
        row = cand("d1", 100 * i, "White House", "ORG" if i < acting else "FAC", hint="White House")
        row["evidence"] = "institution_context" if i < acting else "gazetteer"
        rows.append(row)
    entities, mentions = run(rows, lexicon)
    entity = entity_of(entities, mentions, "d1", 0)
    assert (entity["label"], entity["label_evidence"], entity["name"]) == (*expected, "White House")


# a short name the model read as an organisation, held after the first word of the article's one law or event name
# (dev3 711 "One Big Beautiful Bill Act", dev4 814 an award of SXSW, dev5 906 the AFC U23 Asian Cup): (long, label, short)
_HELD = [
    ("One Big Beautiful Bill Act", "LAW", "Big Beautiful Bill"),
    ("Narrative Feature Competition Audience Award", "LAW", "Audience Award"),
    ("AFC U23 Asian Cup", "EVENT", "U23 Asian Cup 2026"),
]


@pytest.mark.parametrize("long, label, short", _HELD, ids=["dev3-711-bill", "dev4-814-award", "dev5-906-cup-year"])
def test_a_short_name_held_in_the_one_law_or_event_name_joins_it(bare_lexicon, long, label, short):
    rows = [cand("ha", 0, long, label), cand("ha", 100, short, "ORG")]
    entities, mentions = run(rows, bare_lexicon)
    joined = entity_of(entities, mentions, "ha", 100)
    assert joined["name"] == long and joined["label"] == label
    assert mentions.set_index("start").link.get(100) == "held_name"


@pytest.mark.parametrize("rows", [
    # the organiser opens the event's name: "UEFA" and "Asian Football Confederation" are not the cup
    [cand("hb", 0, "UEFA Champions League", "EVENT"), cand("hb", 40, "UEFA", "ORG")],
    [cand("hb", 0, "Asian Football Confederation Cup", "EVENT"), cand("hb", 40, "Asian Football Confederation", "ORG")],
    # one word is a programme or a brand as often as the law's short name ("Medicaid" of a "Protect Medicaid Act")
    [cand("hb", 0, "Protect Medicaid Act", "LAW"), cand("hb", 40, "Medicaid", "ORG")],
    # two awards hold it; another year of the cup
    [cand("hb", 0, "Narrative Feature Audience Award", "LAW"), cand("hb", 40, "Documentary Feature Audience Award", "LAW"),
     cand("hb", 80, "Audience Award", "ORG")],
    [cand("hb", 0, "AFC U23 Asian Cup 2024", "EVENT"), cand("hb", 40, "U23 Asian Cup 2026", "ORG")],
    # an organisation name holds it too: "Reserve Bank" of "Federal Reserve Bank" beside a "Federal Reserve Bank Act"
    [cand("hb", 0, "Federal Reserve Bank Act", "LAW"), cand("hb", 40, "Federal Reserve Bank of Dallas", "ORG"),
     cand("hb", 80, "Reserve Bank", "ORG")],
], ids=["organiser-opens", "organiser-opens-words", "one-word", "two-holders", "other-year", "org-holds-too"])
def test_look_alikes_of_a_held_short_name_stay_apart(bare_lexicon, rows):
    entities, mentions = run(rows, bare_lexicon)
    short = rows[-1]
    assert entity_of(entities, mentions, "hb", short["start"])["name"] == short["text"]


# ------------------------------------------------------------------ an article's own name for an acronym wins

_PPP = "People's Progressive Party"


def _own_and_other(own: list[dict]) -> list[dict]:
    """Article "oa" as given; article "ob" defines PPP another way ("People Power Party (PPP)", the corpus's one definition)."""
    return own + [cand("ob", 0, "People Power Party", "ORG"), cand("ob", 20, "PPP", "ORG"), cand("ob", 90, "PPP", "ORG")]


@pytest.mark.parametrize("own", [
    # dev2 303_ as the entities stage gives it: no "(PPP)" mention, the headline's and a later "PPP" bare
    [cand("oa", 0, "PPP", "ORG"), cand("oa", 40, _PPP, "ORG"), cand("oa", 150, "PPP", "ORG")],
    # the definition itself, a possessive word opening the long form, and a mention before it
    [cand("oa", 0, "PPP", "ORG"), cand("oa", 40, _PPP, "ORG"), cand("oa", 40 + len(_PPP) + 2, "PPP", "ORG"),
     cand("oa", 150, "PPP", "ORG")],
], ids=["dev2-303-no-bracket-mention", "definition-and-headline-before-it"])
def test_an_article_naming_what_its_acronym_spells_never_takes_another_articles_definition(bare_lexicon, own):
    entities, mentions = run(_own_and_other(own), bare_lexicon)
    for row in own:
        assert entity_of(entities, mentions, "oa", row["start"])["name"] == _PPP
    for start in (20, 90):
        assert entity_of(entities, mentions, "ob", start)["name"] == "People Power Party"
    links = mentions[mentions.doc_id == "oa"].set_index("start").link
    assert links.get(0) in ("initials_article", "acronym_defined") and links.get(150) in ("initials_article",
                                                                                          "acronym_defined")


@pytest.mark.parametrize("long, acronym", [
    ("People's Liberation Army", "PLA"), ("People's Bank of China", "PBOC"), ("People's Action Party", "PAP"),
    ("Women's Tennis Association", "WTA"), ("Children's Investment Fund", "CIF"),
])
def test_a_long_form_opened_by_a_possessive_word_defines_its_acronym(bare_lexicon, long, acronym):
    rows = [cand("pa", 0, long, "ORG"), cand("pa", len(long) + 2, acronym, "ORG"), cand("pa", 100, acronym, "ORG"),
            cand("pb", 0, acronym, "ORG")]
    entities, mentions = run(rows, bare_lexicon)
    for doc, start in (("pa", len(long) + 2), ("pa", 100), ("pb", 0)):
        assert entity_of(entities, mentions, doc, start)["name"] == long


def test_look_alikes_of_an_articles_own_acronym_keep_todays_links(bare_lexicon):
    """An acronym defined in one article and bare in another joins the definition; an owner's possessive is no part."""
    rows = [cand("la", 0, "European Central Bank", "ORG"), cand("la", 23, "ECB", "ORG"),
            cand("lb", 10, "ECB", "ORG"), cand("lb", 60, "Bundesbank", "ORG"),
            cand("lc", 0, "Britain", "GPE"), cand("lc", 10, "Financial Conduct Authority", "ORG"),
            cand("lc", 39, "FCA", "ORG"), cand("ld", 0, "FCA", "ORG")]
    entities, mentions = run(rows, bare_lexicon)
    assert entity_of(entities, mentions, "lb", 10)["name"] == "European Central Bank"
    assert mentions.set_index(["doc_id", "start"]).link.get(("lb", 10)) == "acronym_corpus"
    for doc, start in (("lc", 39), ("ld", 0)):
        assert entity_of(entities, mentions, doc, start)["name"] == "Financial Conduct Authority"


def test_an_acronym_its_article_spells_from_inside_words_keeps_that_name_over_another_articles_definition(bare_lexicon):
    """"PESCO" in an article naming "Permanent Structured Cooperation" (no "(PESCO)" mention), another defining it otherwise."""
    rows = [cand("ia", 0, "PESCO", "ORG"), cand("ia", 40, "Permanent Structured Cooperation", "ORG"),
            cand("ib", 0, "Pan European Security Council", "ORG"), cand("ib", 31, "PESCO", "ORG"),
            cand("ic", 0, "PESCO", "ORG")]
    entities, mentions = run(rows, bare_lexicon)
    assert entity_of(entities, mentions, "ia", 0)["name"] == "Permanent Structured Cooperation"
    # an article naming nothing it spells still takes the corpus's one definition
    assert entity_of(entities, mentions, "ic", 0)["name"] == "Pan European Security Council"


# ------------------------------------------------------------------ aliases in fresh news (entity round 32, issue 18)
# Real news leads (2025 but two: batimes 2020, thelist 2023), cut short; each case: mentions of the lead with a label the
# model may give them (a surname called an organisation), the forms that must be one entity and look-alikes that must
# stay apart (two people with one surname, "Bank of America" and "Latin America", a place or demonym beside the bank).

def lead_rows(doc: str, text: str, mentions: list[tuple[str, str, int]]) -> list[dict]:
    """Candidates at the ``n``-th occurrence (from 0) of each (form, label, n) in ``text``: offsets come from the lead."""
    rows = []
    for form, label, nth in mentions:
        start = -1
        for _ in range(nth + 1):
            start = text.index(form, start + 1)
        assert text[start:start + len(form)] == form
        rows.append(cand(doc, start, form, label))
    return rows


_ITIGER = ("Bank of America (BAC) shares tumbled 5.07% in pre-market trading on Thursday, as President Donald Trump's "
           "announcement of sweeping new tariffs sent shockwaves through the financial sector. The sell-off in Bank of "
           "America stock follows Trump's decision to impose a 10% baseline tariff on all imports to the United States.")
_AKTIENSENSOR = ("Bank of America Corp. (BAC) has publicly revised its stance on U.S. trade policy. CEO Brian Moynihan "
                 "articulated expectations that tariff rates will stabilize in the mid-teens. Moynihan said BAC's "
                 "exposure to import-heavy industries is modest.")
_AWARELAB = ("In an interview with Barron's, Liz Everett Krisberg, who heads the Bank of America Institute, said that based "
             "on an analysis of the bank's transaction data, U.S. consumers are showing a great deal of resilience. "
             "Krisberg first emphasized that bank balances have risen. According to Bank of America's card spending data, "
             "Americans have shifted toward value.")
_THELIST = ("The next generation of Trumps did much the same, with Donald Sr.'s three eldest kids, Donald Trump Jr., "
            "Eric Trump, and Ivanka Trump, joining the family business.")

_INVESTING = ("Bank of America forecasts significant interest rate cuts across major Latin American economies through 2026. "
              "The financial institution points to expectations for a persistently weak U.S. dollar and decelerating "
              "growth in both the United States and China. Policy rates remain elevated in Brazil (15.00%), translating "
              "to real interest rates of 11.00% when accounting for Bank of America’s year-end 2026 inflation forecasts. "
              "Bank of America notes these rates exceed what central banks consider neutral levels.")
_BATIMES = ("Bank of America Corp expects Latin America’s economy to slump by 6.8 percent this year. Brazil, the region’s "
            "biggest economy, will suffer a 7.7 percent contraction, while Mexico’s will fall eight percent, BofA said. "
            "High labor informality make Latin America particularly vulnerable.")

FRESH_ALIASES = {
    # itiger.com 2025: a surname after the full name; a ticker in brackets after the company
    "itiger 2025: Trump of Donald Trump, BAC of Bank of America": dict(
        doc="itiger", text=_ITIGER,
        mentions=[("Bank of America", "ORG", 0), ("BAC", "ORG", 0), ("Donald Trump", "PERSON", 0),
                  ("Bank of America", "ORG", 1), ("Trump", "PERSON", 1),
                  ("United States", "GPE", 0)],
        same=[["Bank of America", "BAC"], ["Donald Trump", "Trump"]],
        apart=[("Bank of America", "United States"), ("Donald Trump", "Bank of America")]),
    # aktiensensor.com 2025: the legal form, a surname the model calls an organisation, a possessive ticker
    "aktiensensor 2025: Moynihan of Brian Moynihan, BAC's of Bank of America Corp.": dict(
        doc="aktien", text=_AKTIENSENSOR,
        mentions=[("Bank of America Corp.", "ORG", 0), ("BAC", "ORG", 0), ("U.S.", "GPE", 0),
                  ("Brian Moynihan", "PERSON", 0), ("Moynihan", "ORG", 1), ("BAC's", "ORG", 0)],
        same=[["Bank of America Corp.", "BAC", "BAC's"], ["Brian Moynihan", "Moynihan"]],
        apart=[("Bank of America Corp.", "U.S.")]),
    # awarelab.io 2025: a three-word name's surname; "Americans" is not the bank
    "awarelab 2025: Krisberg of Liz Everett Krisberg; Americans are not Bank of America's": dict(
        doc="aware", text=_AWARELAB,
        mentions=[("Barron's", "ORG", 0), ("Liz Everett Krisberg", "PERSON", 0), ("Bank of America Institute", "ORG", 0),
                  ("U.S.", "GPE", 0), ("Krisberg", "PERSON", 1), ("Bank of America's", "ORG", 0),
                  ("Americans", "NORP", 0)],
        same=[["Liz Everett Krisberg", "Krisberg"]],
        apart=[("Bank of America's", "Americans"), ("Liz Everett Krisberg", "Bank of America Institute")]),
    # the same lead: the bank's institute is a unit of the bank, not the bank; a short name written after the longer
    # one that opens it is taken as that name ("Warner Bros ... Warner Bros. Discovery ... Warner Bros"), so they merge
    "awarelab 2025: Bank of America Institute is not Bank of America's": dict(
        doc="aware", text=_AWARELAB,
        mentions=[("Bank of America Institute", "ORG", 0), ("Bank of America's", "ORG", 0)],
        same=[], apart=[("Bank of America Institute", "Bank of America's")]),
    # investing.com 2025-07-29: the bank three times, possessive included; the places and the demonym stay apart
    "investing.com 2025: Bank of America's of Bank of America; not United States, U.S. or Latin American": dict(
        doc="invest", text=_INVESTING,
        mentions=[("Bank of America", "ORG", 0), ("Latin American", "NORP", 0), ("U.S.", "GPE", 0),
                  ("United States", "GPE", 0), ("Brazil", "GPE", 0), ("Bank of America’s", "ORG", 0),
                  ("Bank of America", "ORG", 2)],
        same=[["Bank of America", "Bank of America’s"]],
        apart=[("Bank of America", "United States"), ("Bank of America", "U.S."), ("Bank of America", "Latin American"),
               ("U.S.", "Latin American")]),
    # batimes.com.ar 2020: "America" in a region's name is not the bank's
    "batimes 2020: Latin America is not Bank of America Corp": dict(
        doc="batimes", text=_BATIMES,
        mentions=[("Bank of America Corp", "ORG", 0), ("Latin America", "LOC", 0), ("Brazil", "GPE", 0),
                  ("Mexico", "GPE", 0), ("BofA", "ORG", 0), ("Latin America", "LOC", 1)],
        same=[], apart=[("Bank of America Corp", "Latin America"), ("Latin America", "Mexico"), ("BofA", "Latin America")]),
    # the same lead: "BofA" writes the bank's "of" whole, so its initials ("BoA") do not spell it
    "batimes 2020: BofA is Bank of America Corp": dict(
        doc="batimes", text=_BATIMES,
        mentions=[("Bank of America Corp", "ORG", 0), ("Latin America", "LOC", 0), ("BofA", "ORG", 0)],
        same=[["Bank of America Corp", "BofA"]], apart=[]),
    # thelist.com 2023: three people of one family share a surname and stay three people
    "thelist 2023: Donald Trump Jr., Eric Trump and Ivanka Trump stay apart": dict(
        doc="thelist", text=_THELIST,
        mentions=[("Donald Trump Jr.", "PERSON", 0), ("Eric Trump", "PERSON", 0), ("Ivanka Trump", "PERSON", 0)],
        same=[],
        apart=[("Donald Trump Jr.", "Eric Trump"), ("Eric Trump", "Ivanka Trump"), ("Donald Trump Jr.", "Ivanka Trump")]),
}

#: cases the reconcile stage still gets wrong, each seen in one fresh article only (below the bar of a rule)
# entities round 34 (issue 18): a company's short name, its long name without the trailing sector or legal
# words (short_name_tails of entities.toml), in either order; seen in dev7 1209 ("Flagstar" headline before
# "Flagstar Bank", "Southwest" before "Southwest Airlines") and dev8 1312 ("Nexstar" before "Nexstar Media Group")
_PALGROUP = ("Pal Group completes share buyback program with no shares acquired\n"
             "Pal Group Holdings announced the completion of its share repurchase program, resolved on May 9, 2025, "
             "with zero shares acquired on the Tokyo Stock Exchange.")
_STOCKTWITS = ("Shares of Southwest Airlines surged nearly 19% on Thursday, the best day in the U.S. carrier's history. "
               "Southwest on Thursday forecast fiscal 2026 adjusted profit per share of about $4. Morgan Stanley raised "
               "its price target on Southwest.")
_HONGQIAO = ("China Hongqiao controlling shareholder boosts stake\n"
             "China Hongqiao Holdings Limited, the controlling shareholder of China Hongqiao Group Limited, acquired "
             "7,500,000 shares of the company on November 18, 2025.")
_TAILS = {
    # filingreader.com 2025-09-01: the headline's short name before the long one it opens
    "filingreader 2025: Pal Group of Pal Group Holdings, headline first": dict(
        doc="palgroup", text=_PALGROUP,
        mentions=[("Pal Group", "ORG", 0), ("Pal Group Holdings", "ORG", 0), ("Tokyo Stock Exchange", "ORG", 0)],
        same=[["Pal Group", "Pal Group Holdings"]], apart=[("Pal Group", "Tokyo Stock Exchange")]),
    # stocktwits.com 2026: the long name first, then its short name twice
    "stocktwits 2026: Southwest of Southwest Airlines; U.S. and Morgan Stanley apart": dict(
        doc="stocktwits", text=_STOCKTWITS,
        mentions=[("Southwest Airlines", "ORG", 0), ("U.S.", "GPE", 0), ("Southwest", "ORG", 1),
                  ("Morgan Stanley", "ORG", 0), ("Southwest", "ORG", 2)],
        same=[["Southwest Airlines", "Southwest"]], apart=[("Southwest", "Morgan Stanley"), ("Southwest", "U.S.")]),
    # filingreader.com 2025-11-18: two companies open with the short name: it is ambiguous and stays apart
    "filingreader 2025: China Hongqiao of two longer names stays apart": dict(
        doc="hongqiao", text=_HONGQIAO,
        mentions=[("China Hongqiao", "ORG", 0), ("China Hongqiao Holdings Limited", "ORG", 0),
                  ("China Hongqiao Group Limited", "ORG", 0)],
        same=[], apart=[("China Hongqiao", "China Hongqiao Holdings Limited"),
                        ("China Hongqiao", "China Hongqiao Group Limited"),
                        ("China Hongqiao Holdings Limited", "China Hongqiao Group Limited")]),
}
FRESH_ALIASES.update(_TAILS)

def test_a_demonym_before_an_airline_is_no_short_name(lexicon):
    """"American" the model calls an organisation, before "American Airlines": a nationality word, kept apart
    (the gazetteer's nationalities; short_name_tails' "Airlines" alone does not decide)."""
    rows = [cand("a", 0, "American", "ORG"), cand("a", 40, "American Airlines", "ORG")]
    entities, mentions = run(rows, lexicon)
    assert entity_of(entities, mentions, "a", 0).name != entity_of(entities, mentions, "a", 40).name


FRESH_KNOWN_ERRORS = {
    "awarelab 2025: Bank of America Institute is not Bank of America's":
        "known false merge: a short name written after the longer name it opens is taken as that name, so a unit that "
        "adds an institution's head word to its parent's name takes the parent's mentions",
    "batimes 2020: BofA is Bank of America Corp": "known miss: an acronym that writes a function word whole (BofA)",
}


@pytest.mark.parametrize("case", [
    pytest.param(case, id=case, marks=[pytest.mark.xfail(strict=True, reason=FRESH_KNOWN_ERRORS[case])]
                 if case in FRESH_KNOWN_ERRORS else []) for case in sorted(FRESH_ALIASES)])
def test_fresh_news_aliases(case, bare_lexicon):
    spec = FRESH_ALIASES[case]
    rows = lead_rows(spec["doc"], spec["text"], spec["mentions"])
    entities, mentions = run(rows, bare_lexicon)
    # every occurrence of a form is the same entity; a form names the entity of its mentions
    ids = {}
    for row in rows:
        ids.setdefault(row["text"], set()).add(entity_of(entities, mentions, row["doc_id"], row["start"]).name)
    for forms in spec["same"]:
        found = set().union(*(ids[form] for form in forms))
        assert len(found) == 1, f"{forms} split over {found}"
    for a, b in spec["apart"]:
        assert not ids[a] & ids[b], f"{a} and {b} merged"
