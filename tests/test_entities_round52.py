"""Entity round 52 (issue 18, people read as organisations): a surname the model calls ORG right after the known first
name it left out is one person (``givennames.surname_person``, evidence ``first_name_before``).

Dev: dev7 1207 ("Intel CTO Sachin Katti said"), dev12 1701 ("said Airtel Kenya MD Ashish Malhotra"), dev8 1310
("forwards Youssef En-Nesyri and Ayoub El Kaabi"): the model gave "Katti", "Malhotra", "El Kaabi" as ORG and no
person. Look-alikes: companies whose name opens with a first name ("Morgan Stanley", "Wells Fargo"), and, called on
a span directly, each guard: a place ("Dallas"), a word the text writes in lower case ("General"), a name going on
with an organisation's suffix, an acronym ("CTO"), a span holding an organisation word, a model PERSON.
"""
from __future__ import annotations

import pytest

from pipeline.stages.entities.context import ArticleContext, Mention
from pipeline.stages.entities.evidence import first_names, known_places
from pipeline.stages.entities.givennames import surname_person
from pipeline.stages.entities.options import Options
from pipeline.stages.nlp import view_text
from tests.test_entities import detect, extractor, lexicon, named  # noqa: F401 (fixtures)

FOUND = [
    # (text, the person's whole name) as the dev articles write them
    ("Intel CTO Sachin Katti said the chip is built to optimize performance per dollar.", "Sachin Katti"),
    ('"We remain grateful to our customers," said Airtel Kenya MD Ashish Malhotra.', "Ashish Malhotra"),
    ("Morocco named midfielders Sofyan Amrabat and Azzedine Ounahi; and forwards Youssef En-Nesyri and Ayoub El Kaabi.",
     "Ayoub El Kaabi"),
]

KEPT_ORG = [
    # (text, company): a first name opens it, the company keeps its name and label
    ("Shares of Morgan Stanley rose 2% after the bank said its trading revenue jumped.", "Morgan Stanley"),
    ("Analysts at Goldman Sachs said the rally could continue into next year.", "Goldman Sachs"),
    ("The deal was advised by Charles Schwab and Wells Fargo, the people said.", "Wells Fargo"),
]

GUARDED = [
    # (text, the span given to the rule as a model ORG): the word before opens no person's name here
    ("The Dallas Fed survey showed factory activity fell in June.", "Fed"),  # a place the lists know
    ("General Motors said the general manager of its plant would retire.", "Motors"),  # written in lower case too
    ("Shares of Morgan Stanley Capital rose on Tuesday.", "Stanley"),  # the name goes on with a suffix
    ("Staff at the clinic in Ashley NHS Trust were told on Monday.", "NHS"),  # an acronym, no surname
    ("The deal was backed by Victoria Bank in Moldova.", "Bank"),  # an organisation word
    ("The contract went to Adam Industries on Monday.", "Industries"),  # an organisation word
]


@pytest.mark.parametrize("text, name", FOUND, ids=[f[1] for f in FOUND])
def test_surname_and_first_name_are_one_person(nlp, extractor, text, name):
    rows = named(detect(nlp, extractor, text), name)
    assert rows, detect(nlp, extractor, text)
    assert all(r["label"] == "PERSON" and r["evidence"] == "first_name_before" for r in rows), rows
    assert all(text[r["start"]:r["end"]] == r["text"] for r in rows)


@pytest.mark.parametrize("text, name", KEPT_ORG, ids=[k[1] for k in KEPT_ORG])
def test_companies_opened_by_a_first_name_stay_organisations(nlp, extractor, text, name):
    rows = detect(nlp, extractor, text)
    assert [r for r in rows if r["text"] == name and r["label"] == "ORG"], rows
    assert not [r for r in rows if r["evidence"] == "first_name_before"], rows


def _context(nlp, lexicon, text: str) -> tuple[ArticleContext, Options]:
    options = Options.from_lexicon(lexicon)
    return ArticleContext.read(nlp(view_text(text)), text, options.titles, {}, {}), options


@pytest.mark.parametrize("text, span", GUARDED, ids=[g[1] for g in GUARDED])
def test_guards_keep_the_organisation(nlp, lexicon, text, span):
    ctx, options = _context(nlp, lexicon, text)
    start = text.index(span)
    m = Mention(start, start + len(span), "ORG", "model")
    assert surname_person(ctx, m, prev_end=0, options=options, first_names=first_names(), places=known_places()) is None


def test_the_rule_fires_on_a_bare_surname_span(nlp, lexicon):
    # the positive of the guard table: the same call on "Katti" grows it over "Sachin"
    text = "Intel CTO Sachin Katti said the chip is ready."
    ctx, options = _context(nlp, lexicon, text)
    start = text.index("Katti")
    grown = surname_person(ctx, Mention(start, start + 5, "ORG", "model"), prev_end=0, options=options,
                           first_names=first_names(), places=known_places())
    assert grown is not None and text[grown.start:grown.end] == "Sachin Katti" and grown.label == "PERSON"
    person = Mention(start, start + 5, "PERSON", "model")
    assert surname_person(ctx, person, prev_end=0, options=options, first_names=first_names(), places=known_places()) is None
