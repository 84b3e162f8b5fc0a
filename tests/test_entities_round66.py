"""Entity round 66 (issue 18, names cut at their own connector): "<run> and <B>" is one name when B cannot stand alone
(``rule:connector_join``; ``pipeline/stages/entities/connectors.py``).

Dev: dev7 1211 "Justice and Constitutional Development Committee", dev9 1408 "Daily Mail and General Trust", dev10
1507 "Langkawi International Maritime and Aerospace Exhibition 2025", dev14 1909 "Axiscades Aerospace and Technologies
Private Limited", dev5 904 "Liberal / National Party Coalition". Look-alikes: two names joined by "and" (the dev
articles' own "Daily Mail and Telegraph", dev6 1101 "Olive Garden and LongHorn Steakhouse"), a place or person before
the connector, B written alone elsewhere, B opened by no English word, a gazetteer name after the connector.
"""
from __future__ import annotations

from types import SimpleNamespace

import pytest

from pipeline.stages.entities.connectors import join_connectors
from pipeline.stages.entities.context import Mention

HEADS = frozenset({"Trust", "Committee", "Exhibition", "Limited", "Coalition", "Steakhouse", "Motors", "Union", "Group"})
PLACES = frozenset({"Germany", "Malaysia"})


def run(text: str, pieces: list[tuple[str, str]]) -> list[tuple[str, str, str]]:
    """The mentions after the rule: (text, label, detector); ``pieces`` are (surface, label) the model found."""
    mentions = []
    for surface, label in pieces:
        start = text.index(surface)
        mentions.append(Mention(start, start + len(surface), label, "model"))
    out = join_connectors(SimpleNamespace(text=text), mentions, HEADS, PLACES)
    return [(text[m.start:m.end], m.label, m.detector) for m in out]


# (text, model pieces, the joined name and its label): the dev phrases, shortened
JOINED = [
    ("influential news brands under one roof. Daily Mail and General Trust (DMGT) and the current joint venture",
     [("Daily Mail", "ORG"), ("General Trust", "ORG")], "Daily Mail and General Trust", "ORG"),
    ("signed a Rs 223.95 crore deal with Axiscades Aerospace and Technologies Private Limited for the procurement",
     [("Axiscades Aerospace", "ORG"), ("Technologies Private Limited", "ORG")],
     "Axiscades Aerospace and Technologies Private Limited", "ORG"),
    ("during the Langkawi International Maritime and Aerospace Exhibition 2025 (LIMA 2025).",
     [("Langkawi International Maritime", "ORG"), ("Aerospace Exhibition", "EVENT")],
     "Langkawi International Maritime and Aerospace Exhibition 2025", "EVENT"),
    # the run before the connector that no mention holds
    ("on leave.\n\nJustice and Constitutional Development Committee chair Xola Nqola said",
     [("Constitutional Development Committee", "ORG")], "Justice and Constitutional Development Committee", "ORG"),
    ("40 to the conservative Liberal / National Party Coalition and 11 to the independents.",
     [("Liberal", "ORG"), ("National Party Coalition", "ORG")], "Liberal / National Party Coalition", "ORG"),
    # fresh wordings of the shape
    ("Shares of Marks & General Trust fell.", [("Marks", "ORG"), ("General Trust", "ORG")],
     "Marks & General Trust", "ORG"),
]


@pytest.mark.parametrize("text,pieces,name,label", JOINED)
def test_joined(text, pieces, name, label):
    out = run(text, pieces)
    assert (name, label, "rule:connector_join") in out
    assert not any(p in [t for t, _, _ in out] for p, _ in pieces)


# (text, model pieces): two names, left as the model found them
APART = [
    # B opened by no English common word, or ending in no head
    ("The owner of Olive Garden and LongHorn Steakhouse reported adjusted earnings",
     [("Olive Garden", "ORG"), ("LongHorn Steakhouse", "ORG")]),
    ("Daily Mail and Telegraph owner eyes merger", [("Daily Mail", "ORG"), ("Telegraph", "ORG")]),
    # the run before ends in no English word
    ("Talks between Microsoft and General Motors resumed.", [("Microsoft", "ORG"), ("General Motors", "ORG")]),
    # a place or a person before the connector
    ("Trade between Germany and European Union members grew.", [("Germany", "GPE"), ("European Union", "ORG")]),
    ("Ties between Malaysia and National Trust grew.", [("Malaysia", "ORG"), ("National Trust", "ORG")]),
    ("A deal by John Mail and General Trust was signed.", [("John Mail", "PERSON"), ("General Trust", "ORG")]),
    # B written elsewhere alone: a name of its own
    ("Daily Mail and General Trust rose. General Trust said.", [("Daily Mail", "ORG"), ("General Trust", "ORG")]),
    # B one word, or a person
    ("Daily Mail and Trust rose.", [("Daily Mail", "ORG"), ("Trust", "ORG")]),
    # another connector: a comma list
    ("Daily Mail, General Trust and others rose.", [("Daily Mail", "ORG"), ("General Trust", "ORG")]),
    # the connector on another line
    ("Daily Mail and\nGeneral Trust rose.", [("Daily Mail", "ORG"), ("General Trust", "ORG")]),
]


@pytest.mark.parametrize("text,pieces", APART)
def test_apart(text, pieces):
    out = run(text, pieces)
    assert [(t, label) for t, label, _ in out] == pieces


def test_gazetteer_name_after_connector_stays():
    text = "Daily Mail and General Trust rose."
    entry = SimpleNamespace(name="General Trust")
    mentions = [Mention(0, 10, "ORG", "model"), Mention(15, 28, "ORG", "gazetteer", entry)]
    out = join_connectors(SimpleNamespace(text=text), mentions, HEADS, PLACES)
    assert [(m.start, m.end) for m in out] == [(0, 10), (15, 28)]


def test_span_is_the_text():
    text = "deal with Axiscades Aerospace and Technologies Private Limited for"
    out = join_connectors(SimpleNamespace(text=text),
                          [Mention(10, 29, "ORG", "model"), Mention(34, 62, "ORG", "model")], HEADS, PLACES)
    assert [text[m.start:m.end] for m in out] == ["Axiscades Aerospace and Technologies Private Limited"]
