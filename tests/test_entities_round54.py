"""Entity round 54 (issue 18, labels): an organisation's word inside a name the model reads as a person
(``namewords.NameWords``, evidence ``org_name_word``), and a nationality alone read as an organisation or a person
(evidence ``nationality_alone``).

Dev: organisations called persons with "Bio", "Gallery", "Homes", "Bros", "Marine", "Space", "Business" inside (dev14
1902, 1904, 1905, 1912; dev9 1410; dev10 1511; dev2 612); nationalities called organisations (dev2 606 "Benfica's
Ukrainian goalkeeper", dev9 1402 "the Moldovan capital", dev14 1902 "Chinese EV manufacturer", 1910 "Canadian
institutional investors", 1912 "an Indigenous perspective"). Look-alikes: a person whose surname is an organisation's
word ("Mr Gallery", "Julius Maada Bio" after a title or written "Bio said"), "Bio" or "Marine" as a first name, a rule's
person, and a nationality opening a company's name ("Canadian Pacific").
"""
from __future__ import annotations

import pytest

from pipeline.stages.entities.context import ArticleContext, Mention
from pipeline.stages.entities.namewords import NameWords
from pipeline.stages.entities.options import Options
from pipeline.stages.nlp import view_text
from tests.test_entities import detect, extractor, lexicon, named  # noqa: F401 (fixtures)

ORG_NAMED = [
    # (text, the span the model calls a person): an organisation's word after the first word
    ("Scientists from Ikena Oncology (now Imagene Bio) published the data.", "Imagene Bio"),
    ("Works by Art Hunter, BUSH Gallery, Edward Poitras and Lisa Myers are on view.", "BUSH Gallery"),
    ("The G.J. Gardner Homes Tauihi is back and we cannot wait.", "G.J. Gardner Homes Tauihi"),
    ("The fund leads the $108bn hostile bid for Warner Bros launched in December.", "Warner Bros"),
    ("The frigates are built by Marinette Marine in Wisconsin.", "Marinette Marine"),
    ("Radar satellites from Capella Space will fly on the mission.", "Capella Space"),
    ("The survey was published by AI Business on Tuesday.", "AI Business"),
]

PERSON_KEPT = [
    # (text, the span the model calls a person): the person's cues hold
    ("President Julius Maada Bio opened the summit in Freetown.", "Julius Maada Bio"),  # a title before
    ("Julius Maada Bio won a second term. Bio said the vote was fair.", "Julius Maada Bio"),  # the surname alone
    ("Tom Gallery said he would stay at the club.", "Tom Gallery"),  # "said he"
    ("Bio Sarr scored twice in the second half.", "Bio Sarr"),  # a nickname first: only later words count
    ("Marine Le Pen spoke in Paris on Sunday.", "Marine Le Pen"),  # a first name, not an organisation's word
    ("Mr Gallery said the plan would work.", "Gallery"),  # one word: a surname, never a name with an inner word
]

NATIONALITY = [
    # (text, the word, the label the model or a rule gave)
    ("The most extraordinary moment came when Benfica's Ukrainian goalkeeper Anatoliy Trubin scored.", "Ukrainian", "ORG"),
    ("It holds an 18 per cent stake in Chinese EV manufacturer Nio.", "Chinese", "ORG"),
    ("The funds are backed by Canadian institutional investors.", "Canadian", "ORG"),
    ("The airline is the first to connect Dubai directly with the Moldovan capital.", "Moldovan", "PERSON"),
    ("The show reclaims land art from an Indigenous perspective.", "Indigenous", "ORG"),
]

NATIONALITY_LEFT = [
    # (text, the span, its label): not a nationality alone
    ("Shares of Canadian Pacific rose 2% on Monday.", "Canadian", "ORG"),  # opens a company's name
    ("Canadian Solar said its shipments rose.", "Canadian Solar", "ORG"),  # two words: the company
    ("The Canadian Solar shares rose.", "Canadian", "ORG"),  # a company's name cut after its first word
    ("The report reached Canada on Monday.", "Canada", "ORG"),  # a country, no nationality
    ("Chinese officials met on Monday.", "Chinese", "GPE"),  # a place's label is left to the place rules
]


def _context(nlp, lexicon, text: str) -> tuple[ArticleContext, NameWords]:
    options = Options.from_lexicon(lexicon)
    ctx = ArticleContext.read(nlp(view_text(text)), text, options.titles, {}, {})
    return ctx, NameWords(lexicon.get("entities") or {}, demonyms=options.demonyms)


def _span(text: str, span: str, label: str, evidence: str | None = None) -> Mention:
    start = text.index(span)
    return Mention(start, start + len(span), label, "model", evidence=evidence)


@pytest.mark.parametrize("text, span", ORG_NAMED, ids=[o[1] for o in ORG_NAMED])
def test_an_organisation_word_inside_makes_an_organisation(nlp, lexicon, text, span):
    ctx, rule = _context(nlp, lexicon, text)
    [m] = rule(ctx, [_span(text, span, "PERSON")])
    assert (m.label, m.evidence) == ("ORG", "org_name_word")
    assert text[m.start:m.end] == span


@pytest.mark.parametrize("text, span", PERSON_KEPT, ids=[p[1] for p in PERSON_KEPT])
def test_person_cues_keep_the_person(nlp, lexicon, text, span):
    ctx, rule = _context(nlp, lexicon, text)
    [m] = rule(ctx, [_span(text, span, "PERSON")])
    assert (m.label, m.evidence) == ("PERSON", None)


def test_a_title_rules_person_is_never_overruled(nlp, lexicon):
    text = "Scientists from Imagene Bio published the data."
    ctx, rule = _context(nlp, lexicon, text)
    [m] = rule(ctx, [_span(text, "Imagene Bio", "PERSON", evidence="person_title")])
    assert (m.label, m.evidence) == ("PERSON", "person_title")


def test_the_word_overrules_a_first_name_opening_the_name(nlp, lexicon):
    # "Warner" is a first name of the lists: the first_name cue made the model's ORG a person (dev14 1902)
    text = "The fund leads the hostile bid for Warner Bros launched in December."
    ctx, rule = _context(nlp, lexicon, text)
    [m] = rule(ctx, [_span(text, "Warner Bros", "PERSON", evidence="first_name")])
    assert (m.label, m.evidence) == ("ORG", "org_name_word")


@pytest.mark.parametrize("text, word, label", NATIONALITY, ids=[n[1] for n in NATIONALITY])
def test_a_nationality_alone_is_norp(nlp, lexicon, text, word, label):
    ctx, rule = _context(nlp, lexicon, text)
    [m] = rule(ctx, [_span(text, word, label, evidence="club_context")])
    assert (m.label, m.evidence) == ("NORP", "nationality_alone")


@pytest.mark.parametrize("text, span, label", NATIONALITY_LEFT, ids=[n[1] for n in NATIONALITY_LEFT])
def test_other_names_keep_their_label(nlp, lexicon, text, span, label):
    ctx, rule = _context(nlp, lexicon, text)
    [m] = rule(ctx, [_span(text, span, label)])
    assert (m.label, m.evidence) == (label, None)


@pytest.mark.parametrize("text, name, label", [
    ("Scientists from Ikena Oncology (now Imagene Bio) published the data.", "Imagene Bio", "ORG"),
    ("The funds are backed by Canadian institutional investors.", "Canadian", "NORP"),
])
def test_the_extractor_applies_the_rules(nlp, extractor, text, name, label):
    rows = named(detect(nlp, extractor, text), name)
    assert rows and all(r["label"] == label for r in rows), detect(nlp, extractor, text)
