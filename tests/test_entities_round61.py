"""Entity round 61 (issue 18, boundaries): one model span over two names coordinated by "and" or a comma is cut in
two (detector ``rule:conjoined_split``); ``conjoined.split_conjoined``.

Dev: dev4 807 ("Ayden Owens-Delerme and USA's Kyle Garland"), dev6 1101 ("Olive Garden and LongHorn Steakhouse"),
dev10 1513 ("Politico, Business Insider and newspapers Bild"). Look-alikes that are one name and stay whole: a name
joined by "&", a country a place list knows, a name whose coordination may sit inside its "of" phrase, a legal form
after a comma, a run of one word the text also writes in lower case, a list that goes on past the span (dev14 1913).
"""
from __future__ import annotations

import pytest

# (text, the two names the span is cut into)
SPLIT = [
    ("Germany's Leo Neugebauer won the decathlon, edging Puerto Rico's Ayden Owens-Delerme and USA's Kyle Garland.",
     ("Ayden Owens-Delerme", "USA")),
    ("The owner of Olive Garden and LongHorn Steakhouse reported adjusted earnings per share of $2.98.",
     ("Olive Garden", "LongHorn Steakhouse")),
    ("The deal will see its media assets, which include Politico, Business Insider and newspapers Bild and Die Welt, "
     "hived off.", ("Politico", "Business Insider")),
]

# (text, a name that must stay one mention, whole)
WHOLE = [
    ("Shares of Procter & Gamble rose 2% on Tuesday.", "Procter & Gamble"),
    ("Ernst & Young and Johnson & Johnson signed the deal.", "Ernst & Young"),
    ("Ernst & Young and Johnson & Johnson signed the deal.", "Johnson & Johnson"),
    ("The Department of Energy and Climate Change said on Monday prices would rise.",
     "Department of Energy and Climate Change"),
    ("The Ministry of Health and Family Welfare said 40 cases were found.", "Ministry of Health and Family Welfare"),
    ("Trinidad and Tobago beat Bosnia and Herzegovina 2-1.", "Bosnia and Herzegovina"),
    ("Nordstrom, Inc. said sales rose.", "Nordstrom, Inc."),
    ("He flew on Monday to Washington, D.C. for talks.", "Washington, D.C."),
    ("Shares of Smith, Jones and Co fell.", "Smith, Jones and Co"),
]

# (text, a piece of a longer title the model cut, which the rule must not cut again)
NOT_CUT_AGAIN = [
    ("and the newly approved Skills, Entrepreneurship, and Youth Employment Improvement Project (PACE) align with it.",
     "Skills, Entrepreneurship"),
]


@pytest.fixture(scope="module")
def tables():
    from pipeline import extract

    texts = [t for t, _ in SPLIT] + [t for t, _ in WHOLE] + [t for t, _ in NOT_CUT_AGAIN]
    return extract({f"s{i:03d}": text for i, text in enumerate(dict.fromkeys(texts))}), list(dict.fromkeys(texts))


def _mentions(tables, text):
    out, texts = tables
    return out.mentions[out.mentions.source == f"s{texts.index(text):03d}.txt"]


@pytest.mark.parametrize("text, names", SPLIT, ids=[" + ".join(n) for _, n in SPLIT])
def test_a_span_over_two_coordinated_names_is_cut(tables, text, names):
    rows = _mentions(tables, text)
    for name in names:
        hit = rows[rows.text == name]
        assert not hit.empty, f"{name!r} not a mention: {list(rows.text)}"
        assert set(hit.detector) == {"rule:conjoined_split"}
        start = text.index(name)
        assert (int(hit.start.iloc[0]), int(hit.end.iloc[0])) == (start, start + len(name))  # offsets into the text
    joined = rows[rows.text.str.contains(" and ", regex=False) | rows.text.str.contains(", ", regex=False)]
    assert joined.empty, list(joined.text)


@pytest.mark.parametrize("text, name", WHOLE, ids=[n for _, n in WHOLE])
def test_one_name_with_and_amp_or_comma_stays_whole(tables, text, name):
    rows = _mentions(tables, text)
    assert name in set(rows.text), f"{name!r} not whole: {list(rows.text)}"
    assert "rule:conjoined_split" not in set(rows.detector)


@pytest.mark.parametrize("text, piece", NOT_CUT_AGAIN, ids=[p for _, p in NOT_CUT_AGAIN])
def test_a_list_that_goes_on_past_the_span_is_left_alone(tables, text, piece):
    """dev14 1913: the model's "Skills, Entrepreneurship" is a piece of the project's title; cutting it makes two false names."""
    rows = _mentions(tables, text)
    assert "rule:conjoined_split" not in set(rows.detector), list(zip(rows.text, rows.detector))
