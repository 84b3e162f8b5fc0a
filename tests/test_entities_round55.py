"""Entity round 55 (issue 18, headline fragments): a title-case headline's span is cut to the leading words the text
writes, capitalised, on another line when the words cut off are capitalised on the headline only
(``headline_tails.cut_headline_tails``, detector ``rule:headline_tail_cut``).

Dev: dev14 1910 ("Rogers Secures" of "1. Rogers Secures CAD 7 Billion Equity Investment from Blackstone"), 1912
("Earthwork Exhibition"), dev12 1712 ("De Jong Commits Future"). A span the model calls a person (dev14 1908 "Eni
Leadership", dev2 610 "Nordstrom Family") keeps its words: its label is the label round's.
Look-alikes: real names holding a common word ("General Motors", "Standard Chartered", "Procter & Gamble", "Marks and
Spencer") that the body writes whole, a name the body writes only in lower case, a list line of names, a cut after a
function word, a sentence.
"""
from __future__ import annotations

import pytest

from tests.test_entities import detect, extractor, lexicon, named  # noqa: F401 (fixtures)

CUT = [
    # (text, a span the model may take, the name it is cut to): short real phrases shaped as the dev articles'
    ("Rogers Secures Equity Investment from Blackstone\n\nRogers Communications said on Friday that Rogers will sell "
     "a stake to Blackstone.", "Rogers Secures", "Rogers"),
]

CUT_DIRECT = [
    # (text, the span given to the rule as a model ORG, the name it is cut to)
    ("De Jong Commits Future to Barcelona Until 2029\n\nFrenkie de Jong has agreed to a contract extension with "
     "Barcelona until 2029.", "De Jong Commits Future", "De Jong"),
    ("Earthwork Exhibition @ Art Museum in Toronto Today\n\nThe museum presents the exhibition Earthwork.",
     "Earthwork Exhibition", "Earthwork"),
    ("Rogers Secures Equity Investment from Blackstone\n\nRogers said it would sell a stake.", "Rogers Secures", "Rogers"),
]

KEPT = [
    # (text, name): the body writes the whole name, or nothing confirms a shorter one
    ("General Motors Recalls Pickup Trucks Over Brakes\n\nGeneral Motors said the general manager of the plant would "
     "retire.", "General Motors"),
    ("Standard Chartered Names New Chief Executive\n\nStandard Chartered said the board approved the appointment.",
     "Standard Chartered"),
    ("Procter & Gamble Cuts Prices Across Europe\n\nProcter & Gamble said it would lower prices in Germany.",
     "Procter & Gamble"),
]


@pytest.mark.parametrize("text, span, name", CUT, ids=[c[2] for c in CUT])
def test_headline_span_is_cut_to_the_name_the_body_writes(nlp, extractor, text, span, name):
    rows = detect(nlp, extractor, text)
    assert not named(rows, span), rows
    assert named(rows, name), rows
    assert all(text[r["start"]:r["end"]] == r["text"] for r in rows)


@pytest.mark.parametrize("text, name", KEPT, ids=[k[1] for k in KEPT])
def test_names_the_body_writes_whole_are_kept(nlp, extractor, text, name):
    rows = detect(nlp, extractor, text)
    assert named(rows, name), rows


GUARDED = [
    # (text, the span given to the rule as a model mention): each guard keeps it whole
    # the body writes the whole name (the model itself splits this one at "and": a class left for a later round)
    ("Marks and Spencer Reports Higher Profits Today\n\nMarks and Spencer said food sales rose.", "Marks and Spencer"),
    ("Works by Alex Jacobs-Blum, Art Hunter, Lisa Myers, Mike MacDonald\n\nThe Art Museum shows them.", "Art Hunter"),
    ("Bank of America Raises Its Outlook Again\n\nThe Bank said profits rose.", "Bank of America"),  # cut after "of"
    ("General Motors Recalls Pickup Trucks Over Brakes\n\nThe general manager said GM would pay.", "General Motors"),
    ("Rogers Secures a deal with Blackstone.\n\nRogers said it would sell a stake.", "Rogers Secures"),  # a sentence
    ("By Jim Edwards and Lisa Myers Today\n\nJim said the figures were wrong.", "Jim Edwards"),  # a first name left
    ("KMG’s Head Discussed Progress on Joint Projects with Eni Leadership\n\nEni SpA met KMG.", "Eni Leadership"),
    ("FIPRESCI Prize for Best Feature Film: I'm Still Here\n\nFIPRESCI is a critics' body.", "FIPRESCI Prize"),
    ("Rogers Secures Equity Investment from Blackstone\n\nRogers Secures is the name of the unit.", "Rogers Secures"),
]


@pytest.mark.parametrize("text, span", GUARDED, ids=[g[1] + str(i) for i, g in enumerate(GUARDED)])
def test_guards_keep_the_span(nlp, extractor, text, span):
    from pipeline.stages.entities.context import ArticleContext, Mention
    from pipeline.stages.entities.headline_tails import cut_headline_tails
    from pipeline.stages.nlp import view_text

    ctx = ArticleContext.read(nlp(view_text(text)), text, extractor.options.titles, extractor.entries,
                              extractor.by_surface)
    start = text.index(span)
    mention = Mention(start, start + len(span), "PERSON" if span == "Eni Leadership" else "ORG", "model")
    assert cut_headline_tails(ctx, [mention], extractor.options.function_words,
                              first_name_opens=extractor.evidence.first_name_opens) == [mention]


@pytest.mark.parametrize("text, span, name", CUT_DIRECT, ids=[c[2] for c in CUT_DIRECT])
def test_the_rule_cuts_a_headline_span(nlp, extractor, text, span, name):
    """The rule cuts spans shaped as the guards' when no guard holds (so the guard tests can fail)."""
    from pipeline.stages.entities.context import ArticleContext, Mention
    from pipeline.stages.entities.headline_tails import HEADLINE_TAIL_CUT, cut_headline_tails
    from pipeline.stages.nlp import view_text

    start = text.index(span)
    ctx = ArticleContext.read(nlp(view_text(text)), text, extractor.options.titles, extractor.entries,
                              extractor.by_surface)
    [cut] = cut_headline_tails(ctx, [Mention(start, start + len(span), "ORG", "model")],
                               extractor.options.function_words, first_name_opens=extractor.evidence.first_name_opens)
    assert (text[cut.start:cut.end], cut.detector) == (name, HEADLINE_TAIL_CUT)
