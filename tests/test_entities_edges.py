"""A name's edges (pipeline/stages/entities/edges.py): an edition's ordinal and an office's title are cut, look-alikes kept.

Real phrases: dev8 1301 ("297th Monetary Policy Committee", "Says CBN Governor"), dev8 1313 ("9th International
Photography Festival"), dev7 1211 ("KwaZulu-Natal Provincial Commissioner"), and fresh 2025-2026 news: PTI via
newsdrum.in (the 56th IFFI), filmfestival.gr (the 66th TIFF), the Chicago festival's programme, EIN Presswire and
Reuters on the central bankers' statement for the Fed's chair (January 2026). Each model span is given; the rule
alone decides the cut.
"""
from __future__ import annotations

import pytest
import spacy

from pipeline.stages.entities.context import ArticleContext, Mention

CUT = [
    # (sentence, the model's span, its label, the name left, its label, the detector)
    ("Speaking at a press briefing after the 297th Monetary Policy Committee (MPC) meeting held in Abuja.",
     "297th Monetary Policy Committee", "ORG", "Monetary Policy Committee", "ORG", "rule:ordinal_edge"),
    ("Held as part of the 9th International Photography Festival, the 2025 awards expanded.",
     "9th International Photography Festival", "EVENT", "International Photography Festival", "EVENT", "rule:ordinal_edge"),
    ("The 56th International Film Festival of India (IFFI) will be held in Goa from November 20 to 28.",
     "56th International Film Festival of India", "EVENT", "International Film Festival of India", "EVENT",
     "rule:ordinal_edge"),
    ("This year, at the 66th Thessaloniki International Film Festival, movies from all over the world.",
     "66th Thessaloniki International Film Festival", "EVENT", "Thessaloniki International Film Festival", "EVENT",
     "rule:ordinal_edge"),
    ("The 61st Chicago International Film Festival today announced its International Competitions.",
     "61st Chicago International Film Festival", "ORG", "Chicago International Film Festival", "ORG", "rule:ordinal_edge"),
    ("Nigerians Regain Confidence in the Naira, Says CBN Governor\n\nThe bank held its rate.",
     "CBN Governor", "PERSON", "CBN", "ORG", "rule:title_edge"),
    ("The inquiry will probe allegations made by KwaZulu-Natal Provincial Commissioner, Lieutenant General "
     "Nhlanhla Mkhwanazi.", "KwaZulu-Natal Provincial Commissioner", "ORG", "KwaZulu-Natal", "GPE", "rule:title_edge"),
    ("International central bankers on the statement by Federal Reserve Chair Powell on 11 January 2026.",
     "Federal Reserve Chair", "ORG", "Federal Reserve", "ORG", "rule:title_edge"),
    ("New Reserve Bank of New Zealand Governor Anna Breman also signed the statement.",
     "Reserve Bank of New Zealand Governor", "ORG", "Reserve Bank of New Zealand", "ORG", "rule:title_edge"),
]

KEPT = [
    # look-alikes whose ordinal or title is part of the name, or whose rest is no name
    ("Soldiers of the 101st Airborne Division were sent to the border.", "101st Airborne Division", "ORG"),
    ("The film was made by 21st Century Fox before the merger.", "21st Century Fox", "ORG"),
    ("The Second Vatican Council changed the liturgy.", "Second Vatican Council", "EVENT"),
    ("Fifth Third Bancorp agreed to buy Comerica.", "Fifth Third Bancorp", "ORG"),
    ("Burger King said it would open 100 restaurants.", "Burger King", "ORG"),
    ("The Lord Mayor opened the fair.", "Lord Mayor", "ORG"),
    ("The Governor-General dissolved parliament.", "Governor-General", "ORG"),
    ("A statement from the Office of the Prime Minister said talks would go on.", "Office of the Prime Minister", "ORG"),
    ("The U.S. Trade Representative said trade talks would resume.", "U.S. Trade Representative", "ORG"),
    ("Hong Kong Financial Secretary spoke on financial markets.", "Hong Kong Financial Secretary", "ORG"),
    ("He was the 14th Amendment's author.", "14th Amendment", "LAW"),
]


@pytest.fixture(scope="module")
def setup(config):
    from pipeline.run.extract import entity_lexicon
    from pipeline.stages.entities.extractor import MentionExtractor

    return MentionExtractor(entity_lexicon(config)), spacy.blank("en")


def _run(setup, sentence: str, span: str, label: str) -> Mention:
    extractor, nlp = setup
    doc = nlp(sentence)
    ctx = ArticleContext.read(doc, sentence, extractor.options.titles, extractor.entries, extractor.by_surface)
    start = sentence.index(span)
    (out,) = extractor.edges(ctx, [Mention(start, start + len(span), label, "model")])
    return out


@pytest.mark.parametrize("sentence,span,label,name,new_label,detector", CUT, ids=[c[1] for c in CUT])
def test_edge_cut(setup, sentence, span, label, name, new_label, detector):
    out = _run(setup, sentence, span, label)
    assert sentence[out.start:out.end] == name
    assert (out.label, out.detector) == (new_label, detector)


@pytest.mark.parametrize("sentence,span,label", KEPT, ids=[k[1] for k in KEPT])
def test_edge_kept(setup, sentence, span, label):
    out = _run(setup, sentence, span, label)
    assert sentence[out.start:out.end] == span
    assert (out.label, out.detector) == (label, "model")
