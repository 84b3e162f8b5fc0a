"""Entity round 44 (issue 18, labels; pipeline/stages/entities/coordination.py): a person's name right after a
lower-case noun of a person's role keeps PERSON whatever names the parse coordinates it with (evidence ``role_noun``).

Dev articles: dev8 1310 ("and forwards Youssef En-Nesyri and Ayoub El Kaabi", ORG by coordination before) and dev10
1506 ("Founders Award ...: Charliebird, director Libby Ewing (United States)", "Cuerpo Celeste, director Nayra Ilic
García (Chile, Italy)", ORG by coordination before). Phrases from fresh news: Premium Times (December 2025) and
GhanaWeb on Morocco's squads; Hunterword's copy of Tribeca's 2025 award list (the fresh rows are PERSON already
and must stay so). Look-alikes: companies after a plural
the film's title before the role noun, and names listed with no role noun. Not in the list: "producers", "makers"
(companies are too: "oil producers Saudi Aramco and Adnoc").
"""
from __future__ import annotations

import pytest

from tests.test_entities import detect, extractor, lexicon  # noqa: F401 (fixtures)

FOUND = [
    # (text, name) -> PERSON
    ("Also in the squad are keeper Yassine Bounou; defenders Nayef Aguerd (Marseille) and Noussair Mazraoui; "
     "midfielders Sofyan Amrabat and Azzedine Ounahi; and forwards Youssef En-Nesyri and Ayoub El Kaabi.",
     "Youssef En-Nesyri"),
    ("Founders Award for Best U.S. Narrative Feature: Charliebird, director Libby Ewing (United States), a world "
     "premiere.", "Libby Ewing"),
    ("Special Jury Mention for International Narrative Feature: Cuerpo Celeste, director Nayra Ilic García (Chile, "
     "Italy).", "Nayra Ilic García"),
    # Hunterword, Tribeca 2025
    ("Best International Narrative Feature: Happy Birthday, director Sarah Goher (Egypt) - World Premiere.",
     "Sarah Goher"),
    # GhanaWeb on Morocco's squad, and Premium Times-style squad copy (2025): already PERSON, kept so
    ("Meanwhile, the team's forwards include Hakim Ziyech, Amine Adli, Ayoub El Kaabi and Youssef En-Nesyri.",
     "Hakim Ziyech"),
    ("Nigeria will rely on strikers Victor Osimhen and Ademola Lookman, while Arsenal and Chelsea watched.",
     "Victor Osimhen"),
]


@pytest.mark.parametrize("text, name", FOUND, ids=[f"{f[1]}-{i}" for i, f in enumerate(FOUND)])
def test_a_role_noun_keeps_the_person(nlp, extractor, text, name):
    rows = [r for r in detect(nlp, extractor, text) if r["text"] == name]
    assert rows and all(r["label"] == "PERSON" for r in rows), detect(nlp, extractor, text)


KEPT = [
    # (text, name, label): the name before the role noun, and names listed with no role noun, keep their labels
    ("Founders Award for Best U.S. Narrative Feature: Charliebird, director Libby Ewing (United States), a world "
     "premiere.", "Charliebird", "ORG"),
    ("Nigeria will rely on strikers Victor Osimhen and Ademola Lookman, while Arsenal and Chelsea watched.",
     "Arsenal", "ORG"),
    ("Shares of Netflix and Disney fell after the report.", "Netflix", "ORG"),
]


@pytest.mark.parametrize("text, name, label", KEPT, ids=[f"{k[1]}-{i}" for i, k in enumerate(KEPT)])
def test_no_role_noun_no_person(nlp, extractor, text, name, label):
    rows = [r for r in detect(nlp, extractor, text) if r["text"] == name]
    assert rows and all(r["label"] == label for r in rows), detect(nlp, extractor, text)


def test_the_role_noun_is_recorded():
    from types import SimpleNamespace

    from pipeline.stages.entities.coordination import after_role_noun

    class Tok(SimpleNamespace):
        pass

    doc = [Tok(is_lower=True, lower_="forwards", lemma_="forward"), Tok(is_lower=False, lower_="youssef", lemma_="Youssef")]
    ctx = SimpleNamespace(doc=doc)
    span = SimpleNamespace(start=1)
    assert after_role_noun(ctx, span, frozenset({"forward"}))
    assert not after_role_noun(ctx, SimpleNamespace(start=0), frozenset({"forward"}))
    doc[0] = Tok(is_lower=False, lower_="forwards", lemma_="Forwards")
    assert not after_role_noun(ctx, span, frozenset({"forward"}))
