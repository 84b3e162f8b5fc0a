"""Entity round 60 (issue 18, issue 16's antecedents): a name right after a lower-case role noun or an age that the
model calls an organisation, facility or nationality is a person (``role_name``); ``rolenames.role_persons``.

Dev: dev3 704 ("24-year-old Franjo von Allmen", FAC), dev7 1211 ("chairperson, Xola Nqola", ORG), claims dev 557
("star point guard Tyrese Haliburton", NORP + ORG). Look-alikes: organisations after a role noun whose words are
English, organisation or place words ("analyst Goldman Sachs", "striker Real Madrid"), Apple's, Nvidia's and Real
Madrid's possessives, a name with evidence or a gazetteer entry, a name on the next line.
"""
from __future__ import annotations

import pytest

from pipeline.stages.entities.context import ArticleContext, Mention
from pipeline.stages.entities.options import Options
from pipeline.stages.entities.rolenames import role_persons
from pipeline.stages.nlp import view_text
from tests.test_entities import detect, extractor, lexicon, named  # noqa: F401 (fixtures)

# (text, spans given to the rule as model mentions with their labels, the person's name after the rule)
FOUND = [
    ("The second gold medal was handed out to 24-year-old Franjo von Allmen of Switzerland.",
     [("Franjo von Allmen", "FAC")], "Franjo von Allmen"),
    ("Justice and Constitutional Development Committee chairperson, Xola Nqola, said the inquiry would start.",
     [("Xola Nqola", "ORG")], "Xola Nqola"),
    ("They lost star point guard Tyrese Haliburton midway through the first quarter.",
     [("Tyrese", "NORP"), ("Haliburton", "ORG")], "Tyrese Haliburton"),
    ("Tottenham head coach Ange Postecoglou said the squad was tired.", [("Ange Postecoglou", "ORG")], "Ange Postecoglou"),
    ("The 19-year-old Jakub Mensik won again in Miami.", [("Jakub Mensik", "NORP")], "Jakub Mensik"),
    ("Haas driver Esteban Ocon was third.", [("Esteban Ocon", "ORG")], "Esteban Ocon"),
]

# (text, span, label): look-alikes the rule must leave as they are
KEPT = [
    ("said analyst Goldman Sachs in a note", "Goldman Sachs", "ORG"),  # "Sachs"? "goldman"? an English word holds
    ("the former striker Real Madrid signed in 2019", "Real Madrid", "ORG"),  # "real" is an English word
    ("Apple's chief executive Tim Cook", "Apple", "ORG"),  # one word, nothing before it
    ("Nvidia's shares fell 3%", "Nvidia", "ORG"),
    ("Goldman's analysts cut their target", "Goldman", "ORG"),
    ("Real Madrid's coach said the team was tired", "Real Madrid", "ORG"),
    ("the club's player Manchester United released", "Manchester United", "ORG"),  # a place opens it
    ("a deal with coach operator National Express", "National Express", "ORG"),  # English words
    ("a player\nAcme Holdings said", "Acme Holdings", "ORG"),  # another line
    ("a 24-year-old Tesla Model", "Tesla Model", "PRODUCT"),  # "model" is an English word
    ("captain Harry Kane", "Harry Kane", "PERSON"),  # already a person
]


def _apply(nlp, lexicon, text: str, spans: list[tuple[str, str]], **kw) -> list[Mention]:  # noqa: F811
    options = Options.from_lexicon(lexicon)
    ctx = ArticleContext.read(nlp(view_text(text)), text, options.titles, {}, {})
    mentions = [Mention(text.index(s), text.index(s) + len(s), label, kw.get("detector", "model"),
                        evidence=kw.get("evidence")) for s, label in spans]
    from pipeline.stages.entities.extractor import MentionExtractor  # noqa: F401
    cfg = lexicon.get("entities") or {}
    role_nouns = options.person_nouns | frozenset(w.casefold() for w in cfg.get("role_nouns", []))
    return role_persons(ctx, mentions, options=options, role_nouns=role_nouns, places=frozenset({"Liverpool", "Madrid",
                                                                                                   "Manchester"}))


@pytest.mark.parametrize("text, spans, name", FOUND, ids=[f[2] for f in FOUND])
def test_a_name_after_a_role_noun_is_a_person(nlp, lexicon, text, spans, name):  # noqa: F811
    out = _apply(nlp, lexicon, text, spans)
    assert len(out) == 1
    assert (text[out[0].start:out[0].end], out[0].label, out[0].evidence) == (name, "PERSON", "role_name")


@pytest.mark.parametrize("text, span, label", KEPT, ids=[k[1] for k in KEPT])
def test_look_alikes_keep_their_label(nlp, lexicon, text, span, label):  # noqa: F811
    out = _apply(nlp, lexicon, text, [(span, label)])
    assert [(text[m.start:m.end], m.label, m.evidence) for m in out] == [(span, label, None)]


def test_only_an_uncued_model_mention_is_read(nlp, lexicon):  # noqa: F811
    text = "Haas driver Esteban Ocon was third."
    assert _apply(nlp, lexicon, text, [("Esteban Ocon", "ORG")], evidence="org_suffix")[0].label == "ORG"
    assert _apply(nlp, lexicon, text, [("Esteban Ocon", "ORG")], detector="gazetteer")[0].label == "ORG"


def test_whole_extractor_gives_a_person(nlp, extractor):  # noqa: F811
    text = ("The Pacers suffered a huge blow early on when they lost star point guard Tyrese Haliburton midway through "
            "the first quarter with an Achilles injury.")
    rows = named(detect(nlp, extractor, text), "Tyrese Haliburton")
    assert rows and all(r["label"] == "PERSON" for r in rows), detect(nlp, extractor, text)
    assert all(text[r["start"]:r["end"]] == r["text"] for r in rows)
