"""Entity round 68 (issue 18, names cut at another edge): a name cut at an abbreviation's dot inside it is made whole
(``rule:abbrev_dot``; ``pipeline/stages/entities/abbrevdots.py``).

Dev: dev12 1704 "Godrej & Boyce Mfg. Co. Ltd.", "Remi Sales & Engg. Ltd.", dev14 1904 "G.J. Gardner Homes Tauihi".
Look-alikes: a sentence ending in an English word before a legal form's capital, a legal form already inside the
name, initials that are a place ("U.S. Steel", "U.S. President Donald Trump"), a title between the initials and
the name, a person's single initial ("Brian D. Johnson"), a nationality or place cut at a dot.
"""
from __future__ import annotations

from types import SimpleNamespace

import pytest

from pipeline.stages.entities.abbrevdots import AbbreviationDots
from pipeline.stages.entities.context import Mention

LEGAL = ["Ltd", "Ltd.", "Inc", "Inc.", "Corp", "Corp.", "Co", "Co.", "LLC", "plc", "AG"]
RULE = AbbreviationDots(LEGAL, {"U.S.": None, "U.K.": None}, {"U.S.", "E.U."})
TITLES = ("President", "Secretary", "Minister", "Chief")


def run(text: str, pieces: list[tuple[str, str]]) -> list[tuple[str, str, str]]:
    """The mentions after the rule: (text, label, detector); ``pieces`` are (surface, label) the model found."""
    mentions = []
    for surface, label in pieces:
        start = text.index(surface)
        mentions.append(Mention(start, start + len(surface), label, "model"))

    def titles_within(start, end):
        return [(start, end)] if text[start:end] in TITLES else []

    out = RULE(SimpleNamespace(text=text, titles_within=titles_within), mentions)
    return [(text[m.start:m.end], m.label, m.detector) for m in out]


# (text, model pieces, the whole name and its label): the dev phrases, shortened, and fresh news
JOINED = [
    ("In an arbitration revolving around whether Godrej & Boyce Mfg. Co. Ltd. ('buyer') could reject",
     [("Godrej & Boyce Mfg", "ORG"), ("Co. Ltd.", "ORG")], "Godrej & Boyce Mfg. Co. Ltd.", "ORG"),
    ("The Tribunal had awarded Rs 4.25 crore in favour of Remi Sales & Engg. Ltd. ('seller').",
     [("Remi Sales & Engg", "ORG")], "Remi Sales & Engg. Ltd.", "ORG"),
    ("The G.J. Gardner Homes Tauihi is back and we cannot wait to see the athletes",
     [("Homes Tauihi", "ORG")], "G.J. Gardner Homes Tauihi", "ORG"),
    ("shares of J.P. Morgan Chase rose 2% on Tuesday", [("Morgan Chase", "ORG")], "J.P. Morgan Chase", "ORG"),
    ("a supply deal with Tata Intl. Ltd. of Mumbai", [("Tata Intl", "ORG")], "Tata Intl. Ltd.", "ORG"),
]


@pytest.mark.parametrize("text,pieces,whole,label", JOINED)
def test_joined(text, pieces, whole, label):
    out = run(text, pieces)
    assert (whole, label, "rule:abbrev_dot") in out
    assert not any(t != whole and t in whole for t, _, _ in out)


# (text, model pieces): left as the model found them
APART = [
    # a sentence that ends in an English word, then a legal form's capital
    ("Its rival was bought by Apple. Inc. magazine reported the deal", [("Apple", "ORG")]),
    # the legal form is already inside the mention
    ("Thomson Reuters Co. shares jumped", [("Thomson Reuters Co.", "ORG")]),
    # initials that are a place, with and without a title between
    ("U.S. Steel shares fell", [("Steel", "ORG")]),
    ("U.S. President Donald Trump said", [("Donald Trump", "PERSON")]),
    # a title between unknown initials and a person
    ("A.B. Minister Jane Doe said", [("Jane Doe", "PERSON")]),
    # one initial only ("Brian D. Johnson" is found whole by the model; "D. Johnson" alone stays)
    ("critic Brian D. Johnson wrote", [("Brian D. Johnson", "PERSON")]),
    # a place cut at a dot: the rightward join is for organisations only
    ("flights to St. Ltd. Island", [("St", "GPE")]),
    # initials on the line before
    ("by G.J.\nHomes Tauihi is back", [("Homes Tauihi", "ORG")]),
]


@pytest.mark.parametrize("text,pieces", APART)
def test_apart(text, pieces):
    out = run(text, pieces)
    assert [(t, lab) for t, lab, _ in out] == [(s, lab) for s, lab in pieces]
    assert all(d == "model" for _, _, d in out)


# reconcile: the short name joins the long one an abbreviated sector word and legal forms end (link name_tail)
from pipeline.stages.reconcile.rows import Row  # noqa: E402
from pipeline.stages.reconcile.tails import tail_dropped  # noqa: E402

TAILS = frozenset({"co", "co.", "ltd", "ltd.", "inc", "inc.", "group", "holdings"})


def _row(surface: str, key: str) -> Row:
    return Row(None, surface, key, "ORG", None)


# (short name, long name as written, its key without legal forms, joined?)
TAILED = [
    ("Godrej & Boyce", "Godrej & Boyce Mfg. Co. Ltd.", "godrej & boyce mfg.", True),  # dev12 1704
    ("Tata", "Tata Intl. Ltd.", "tata intl.", True),
    ("Spok", "Spok Holdings, Inc.", "spok holdings", True),
    # an abbreviation that no legal form follows, a word written without its dot, a longer word with a dot
    ("Godrej & Boyce", "Godrej & Boyce Mfg.", "godrej & boyce mfg.", False),
    ("Godrej", "Godrej Agrovet Ltd.", "godrej agrovet", False),
    ("Acme", "Acme Pharmaceuticals. Ltd.", "acme pharmaceuticals.", False),
]


@pytest.mark.parametrize("short,long,key,joined", TAILED)
def test_abbreviated_tail(short, long, key, joined):
    long_row = _row(long, key)
    got = tail_dropped(_row(short, short.casefold()), [long_row], TAILS, frozenset())
    assert (got is long_row) is joined
