"""Entity round 56 (issue 18, people read as organisations): a name of no English word, no place and no organisation's
word that the model calls ORG is a person when a known first name opens it (``first_name_rare``) or the article is a
sport's report (``player_name``); ``rarenames.rare_person``.

Dev: dev8 1311, dev12 1712 (first names of one country's list, named once), dev4 805, dev5 906, dev10 1510, dev12 1712
(players whose first name no list knows). Look-alikes: companies named after people or with foreign words ("Morgan
Stanley", "Goldman Sachs", "Ernst & Young", "Eli Lilly", "Boehringer Ingelheim", "Societe Generale"); and, called on a
span directly, each guard.
"""
from __future__ import annotations

import pytest

from pipeline.stages.entities.context import ArticleContext, Mention
from pipeline.stages.entities.evidence import first_names, known_places
from pipeline.stages.entities.options import Options
from pipeline.stages.entities.rarenames import rare_person
from pipeline.stages.nlp import view_text
from tests.test_entities import detect, extractor, lexicon, named  # noqa: F401 (fixtures)

SPORT = " The striker scored two goals in the first half."

# (text, span given to the rule as a model ORG, expected evidence): phrases of the dev articles
FOUND = [
    ("Other horizons winners included Benedetta Porcaroli, who was named best actress.", "Benedetta Porcaroli",
     "first_name_rare"),
    ("Fresh negotiations under agent Sebastien Ledure moved quickly, reviving a deal.", "Sebastien Ledure",
     "first_name_rare"),
    ("MAS, represented by Eduardo del Castillo, received only 3.17% of the vote.", "Eduardo del Castillo",
     "first_name_rare"),
    ("Max Verstappen was third ahead of Isack Hadjar in the Racing Bulls." + SPORT, "Isack Hadjar", "player_name"),
    ("Ryunosuke Sato won a game of rock-paper-scissors against Uche Nwadike to earn a penalty kick." + SPORT,
     "Uche Nwadike", "player_name"),
    ("Vidarbha posted 342 all out, thanks to a scintillating 143 from Atharva Taide." + SPORT, "Atharva Taide",
     "player_name"),
]

# (text, span): look-alikes the rule must leave ORG (each guard of the module docstring)
KEPT = [
    ("Analysts at Morgan Stanley said the rally could continue." + SPORT, "Morgan Stanley"),  # English words
    ("Analysts including Goldman Sachs see only modest gains." + SPORT, "Goldman Sachs"),  # "goldman" in WordNet
    ("The audit was done by Ernst & Young last year." + SPORT, "Ernst & Young"),  # "&", "Young"
    ("Deals included Boehringer Ingelheim, Pfizer and Eli Lilly.", "Eli Lilly"),  # two first names
    ("Deals included Boehringer Ingelheim, Pfizer and Eli Lilly.", "Boehringer Ingelheim"),  # no first name, no sport
    ("Legrand fell 1.63% and Societe Generale declined 1.21%.", "Societe Generale"),  # no first name, no sport
    ("A tunnel collapsed at El Teniente, the largest underground copper mine.", "El Teniente"),  # a particle opens it
    ("Flights to Wynn Las Vegas resumed." + SPORT, "Wynn Las Vegas"),  # a place
    ("Manchester United beat Kaizer Chiefs in a friendly." + SPORT, "Kaizer Chiefs"),  # an English word
    ("Vale Indonesia said output rose." + SPORT, "Vale Indonesia"),  # a country
    ("Isack Hadjar Holdings reported profit." + SPORT, "Isack Hadjar Holdings"),  # an organisation's word
]


def _context(nlp, lexicon, text: str) -> tuple[ArticleContext, Options]:
    options = Options.from_lexicon(lexicon)
    return ArticleContext.read(nlp(view_text(text)), text, options.titles, {}, {}), options


def _apply(nlp, lexicon, text: str, span: str, **kw) -> Mention:
    ctx, options = _context(nlp, lexicon, text)
    start = text.index(span)
    m = Mention(start, start + len(span), kw.pop("label", "ORG"), kw.pop("detector", "model"), **kw)
    sport = any(w in text for w in ("goals", "striker"))
    return rare_person(ctx, m, options=options, first_names=first_names(), places=known_places(),
                       sport_article=lambda _ctx: sport)


@pytest.mark.parametrize("text, span, evidence", FOUND, ids=[f[1] for f in FOUND])
def test_a_rare_name_is_a_person(nlp, lexicon, text, span, evidence):
    out = _apply(nlp, lexicon, text, span)
    assert (out.label, out.evidence) == ("PERSON", evidence)
    assert text[out.start:out.end] == span  # the span is untouched


@pytest.mark.parametrize("text, span", KEPT, ids=[k[1] for k in KEPT])
def test_look_alikes_stay_organisations(nlp, lexicon, text, span):
    out = _apply(nlp, lexicon, text, span)
    assert (out.label, out.evidence) == ("ORG", None)


def test_only_an_uncued_model_org_is_read(nlp, lexicon):
    text = "Other horizons winners included Benedetta Porcaroli, who was named best actress."
    assert _apply(nlp, lexicon, text, "Benedetta Porcaroli", evidence="org_context").label == "ORG"
    assert _apply(nlp, lexicon, text, "Benedetta Porcaroli", label="GPE").label == "GPE"
    assert _apply(nlp, lexicon, text, "Benedetta Porcaroli", detector="gazetteer").label == "ORG"


def test_a_rare_name_outside_sport_without_a_first_name_stays(nlp, lexicon):
    # the positive of "player_name" without the sport report: nothing tells a person
    text = "Max Verstappen was third ahead of Isack Hadjar in the Racing Bulls."
    assert _apply(nlp, lexicon, text, "Isack Hadjar").label == "ORG"


@pytest.mark.parametrize("text, name", [
    ("Other horizons winners included Benedetta Porcaroli, who was named best actress for the film.",
     "Benedetta Porcaroli"),
    ("The second row features Max Verstappen third ahead of Isack Hadjar in the Racing Bulls, his best ever "
     "qualifying performance.", "Isack Hadjar"),
], ids=["Porcaroli", "Hadjar"])
def test_whole_extractor_gives_a_person(nlp, extractor, text, name):
    rows = named(detect(nlp, extractor, text), name)
    assert rows and all(r["label"] == "PERSON" for r in rows), detect(nlp, extractor, text)
    assert all(text[r["start"]:r["end"]] == r["text"] for r in rows)


@pytest.mark.parametrize("text, name", [
    ("Shares of Morgan Stanley rose 2% after the bank said its trading revenue jumped.", "Morgan Stanley"),
    ("Analysts at Goldman Sachs said the rally could continue into next year.", "Goldman Sachs"),
    ("Ernst & Young said the audit found no fault.", "Ernst & Young"),
], ids=["Morgan Stanley", "Goldman Sachs", "Ernst & Young"])
def test_whole_extractor_keeps_companies(nlp, extractor, text, name):
    rows = detect(nlp, extractor, text)
    assert not [r for r in rows if r["evidence"] in ("first_name_rare", "player_name")], rows
    found = named(rows, name)
    assert not found or all(r["label"] == "ORG" for r in found), rows
