"""A name in brackets right after an organisation's name that its initials do not spell (entities/brackets.py,
reconcile/brackets.py): the bracket and its word written later in any case join that name (link ``bracket_name``).

Real phrases: dev9 1404 ("National Supply Company (CONAB)" ... "Conab agency president"), dev9 1403 ("Investment
Management Agency (BPI)"), dev6 1113 ("The Monetary Policy Committee (Copom)"), and fresh 2025-2026 news:
riograndeagricola.com.br (Conab's first 2025 harvest bulletin), Xinhua via zxy777.com (June 2025, Copom's hike),
kudupinter.com (December 2025, "Central Bank (BC)"; "(IBGE)" after the Brazilian institute's English name).
Look-alikes: an acronym the name spells (left to acronyms.py), a place, a news agency or an exchange in brackets,
a person's party, a bracket after a one-word name.
"""
from __future__ import annotations

import pandas as pd
import pytest
import spacy

from pipeline.core.schema import SCHEMAS
from pipeline.stages.entities.brackets import bracket_names
from pipeline.stages.entities.context import ArticleContext, Mention
from pipeline.stages.reconcile import reconcile

FOUND = [
    # (lead, the model's organisation span, the bracket's word)
    ("According to data from the 12th Cereal Harvest Survey conducted by the National Supply Company (CONAB), "
     "350.2 tons were harvested.", "National Supply Company", "CONAB"),
    ("Muhammad Asril stated that the Investment Management Agency (BPI) Danantara is interested in investing.",
     "Investment Management Agency", "BPI"),
    ("The Monetary Policy Committee (Copom) of Brazil's Central Bank kept the Selic rate at 15% per year.",
     "Monetary Policy Committee", "Copom"),
    ("The National Supply Company (Conab) announced that Brazilian farmers are expected to harvest 322.3 million "
     "tons of grains.", "National Supply Company", "Conab"),
    ("In a statement, the bank's Monetary Policy Committee (Copom) indicated that this is likely the final hike.",
     "Monetary Policy Committee", "Copom"),
    ("The Monetary Policy Committee (Copom) of the Central Bank (BC) maintained the base interest rate.",
     "Central Bank", "BC"),
    ("The Brazilian Institute of Geography and Statistics (IBGE) highlighted an acceleration of the IPCA.",
     "Brazilian Institute of Geography and Statistics", "IBGE"),
]

NOT_FOUND = [
    # (lead, the model's span, its label, the bracket's word)
    ("The Food and Agriculture Organization of the United Nations (FAO) said prices rose.",
     "Food and Agriculture Organization of the United Nations", "ORG", "FAO"),  # spelled: acronyms.py's
    ("Shares of Zhejiang Huayou Cobalt (China) rose in Shanghai.", "Zhejiang Huayou Cobalt", "ORG", "China"),
    ("Tesla Motors Inc (Reuters) said deliveries fell.", "Tesla Motors Inc", "ORG", "Reuters"),
    ("Shares of Nexstar Media Group (Nasdaq) rose 3%.", "Nexstar Media Group", "ORG", "Nasdaq"),
    ("Conab agency president Edegar Pretto (PT) emphasized that three records were set.", "Edegar Pretto", "PERSON", "PT"),
    ("Ford (Michigan) said it would cut jobs.", "Ford", "ORG", "Michigan"),
    ("The Ministry of Finance (Update) said the bill would pass.", "Ministry of Finance", "ORG", "Update"),
]


@pytest.fixture(scope="module")
def setup(config):
    from pipeline.run.extract import entity_lexicon
    from pipeline.stages.entities.extractor import MentionExtractor

    return MentionExtractor(entity_lexicon(config)), spacy.blank("en")


def _found(setup, lead: str, span: str, label: str) -> list[str]:
    extractor, nlp = setup
    ctx = ArticleContext.read(nlp(lead), lead, extractor.options.titles, extractor.entries, extractor.by_surface)
    start = lead.index(span)
    out = bracket_names(ctx, [Mention(start, start + len(span), label, "model")], extractor.options.acronym_fillers,
                        extractor.by_surface, extractor.options.bracket_name_stops)
    assert all(lead[m.start:m.end] for m in out)
    return [lead[m.start:m.end] for m in out if m.evidence == "bracket_name" and m.label == label]


@pytest.mark.parametrize("lead,span,word", FOUND, ids=[f"{f[1]} ({f[2]})" for f in FOUND])
def test_a_bracket_after_an_organisation_names_it(setup, lead, span, word):
    assert _found(setup, lead, span, "ORG") == [word]


@pytest.mark.parametrize("lead,span,label,word", NOT_FOUND, ids=[f"{f[1]} ({f[3]})" for f in NOT_FOUND])
def test_look_alike_brackets_name_nothing(setup, lead, span, label, word):
    assert _found(setup, lead, span, label) == []


def _cand(doc: str, text: str, form: str, label: str, nth: int = 0, evidence: str | None = None) -> dict:
    start = -1
    for _ in range(nth + 1):
        start = text.index(form, start + 1)
    return {"mention_id": f"m_{doc}_{start}", "doc_id": doc, "source": f"{doc}.txt", "start": start,
            "end": start + len(form), "text": form, "sentence_id": None, "label": label, "detector": "model",
            "canonical_hint": None, "kb_id": None, "evidence": evidence}


_CONAB = ("The National Supply Company (CONAB) says 350.2 tons were harvested. For his part, Conab agency president "
          "Edegar Pretto said three records were set. Brazil's Central Bank kept rates.")
_TWO = ("The National Supply Company (NSA) met the Water Supply Agency (NSA) on Monday.")


@pytest.mark.parametrize("text,rows,same,apart", [
    pytest.param(_CONAB, [("National Supply Company", "ORG", 0, None), ("CONAB", "ORG", 0, "bracket_name"),
                          ("Conab", "ORG", 0, None), ("Edegar Pretto", "PERSON", 0, None),
                          ("Central Bank", "ORG", 0, None)],
                 ["National Supply Company", "CONAB", "Conab"], [("Conab", "Central Bank")],
                 id="dev9 1404: CONAB and Conab join National Supply Company"),
    pytest.param(_TWO, [("National Supply Company", "ORG", 0, None), ("NSA", "ORG", 0, "bracket_name"),
                        ("Water Supply Agency", "ORG", 0, None), ("NSA", "ORG", 1, "bracket_name")],
                 [], [("National Supply Company", "Water Supply Agency")],
                 id="one word in brackets after two names joins neither"),
])
def test_bracket_name_links(bare_lexicon, text, rows, same, apart):
    cands = [_cand("d", text, form, label, nth, ev) for form, label, nth, ev in rows]
    entities, mentions = reconcile(pd.DataFrame(cands, columns=SCHEMAS["mention_candidates"].names),
                                   lexicon=bare_lexicon)
    ent = {}
    for c in cands:
        row = mentions[(mentions.start == c["start"])]
        ent.setdefault(c["text"], set()).add(row.entity_id.iloc[0])
        if c["text"] in same[1:]:
            assert row.link.iloc[0] == "bracket_name"
    if same:
        assert len(set().union(*(ent[f] for f in same))) == 1
    for a, b in apart:
        assert not ent[a] & ent[b]
    assert (entities.label_evidence != "bracket_name").all()


@pytest.fixture(scope="module")
def bare_lexicon(config) -> dict:
    from pipeline.run.extract import entity_lexicon

    lexicon = entity_lexicon(config)
    return {"gazetteer": {"titles": lexicon["gazetteer"]["titles"]}, "entities": lexicon["entities"]}
