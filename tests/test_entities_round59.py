"""Entity round 59 (issue 18, detection): a public office's portfolio the model reads as a name is no entity
("Finance" of "Finance Minister"), a state or nationality before it stays (``office_portfolio``); ``portfolios.py``.

Dev: dev4 809, dev5 902, dev7 1201, dev8 1306, dev9 1414, dev10 1502 and 1512, dev12 1703, 1704 and 1714, dev14
1914. Look-alikes: organisations and states before an office ("NATO Secretary General", "International Olympic
Committee President", "Manhattan Supreme Court Judge", "Chicago Federal Reserve President", "Bank of England
Governor"), a company officer ("Google CEO"), and a portfolio word the text also names alone.

Second class, a section's topic heading read as an organisation (``topicheads.py``): dev3 710, dev4 811, dev12
1713; look-alikes: an outlet in running text ("Travel Daily News", dev10 1505), an outlet with a name word ("Reuters
News"), a heading the text writes again, a heading line with more than the name.
"""
from __future__ import annotations

import pytest

from tests.test_entities import detect, extractor, lexicon, named  # noqa: F401 (fixtures)

# (text, the model's span of the portfolio): no mention of it may remain
DROPPED = [
    ("The party of former Finance Minister Christian Lindner failed to enter parliament.", "Finance"),
    ("With former Interior Minister Kai Mykkänen being elected as mayor, the cabinet changed.", "Interior"),
    ("Interior Minister Álvaro Elizalde emphasised the need for calm.", "Interior"),
    ("Union Minister for New and Renewable Energy, Pralhad Joshi, said capacity rose.", "Union"),
    ("Union Home Minister and Minister of Cooperation Amit Shah spoke at the event.", "Union Home"),
    ("Union Agriculture and Farmers Welfare Minister Shivraj Singh Chouhan opened the seminar.", "Union Agriculture"),
    ("New Brunswick also has a new Lieutenant Governor, long-term advocate Louise Imbeault.", "Lieutenant"),
    ("The order passed by the Additional Sessions Judge was challenged in a petition.", "Additional Sessions"),
    ("This week House Leader Karina Gould became the first to leave.", "House"),
    ('"We add more options," added Jeyhun Efendi, Divisional Senior Vice President, Commercial Operations.', "Divisional"),
]

# (text, the model's span, the state or nationality kept, its label)
CUT = [
    ("U.S. Energy Secretary Chris Wright said it's unlikely prices will rise.", "U.S. Energy", "U.S.", "GPE"),
    ("The deal was signed by Turkish Defense Industry Secretary Haluk Görgün.", "Turkish Defense Industry", "Turkish",
     "NORP"),
]

# (text, name): names before an office that stay mentions
KEPT = [
    ("NATO Secretary General Mark Rutte said allies must spend more.", "NATO"),
    ("International Olympic Committee President Kirsty Coventry spoke on Tuesday.", "International Olympic Committee"),
    ("He appealed against Manhattan Supreme Court Judge Arthur Engoron's finding.", "Manhattan Supreme Court"),
    ("Chicago Federal Reserve President Austan Goolsbee dampened hopes of a cut.", "Chicago Federal Reserve"),
    ("Bank of England Governor Andrew Bailey said rates would fall.", "Bank of England"),
    ("Google CEO Sundar Pichai said the company would invest more.", "Google"),
    ("The Treasury said on Monday it would sell more bonds. Treasury Secretary Scott Bessent agreed.", "Treasury"),
]


@pytest.mark.parametrize("text,span", DROPPED)
def test_portfolio_dropped(nlp, extractor, text, span):
    rows = detect(nlp, extractor, text)
    assert not [r for r in rows if span in r["text"] or r["text"] in span.split()], rows


@pytest.mark.parametrize("text,span,kept,label", CUT)
def test_place_before_portfolio_kept(nlp, extractor, text, span, kept, label):
    rows = detect(nlp, extractor, text)
    assert not named(rows, span)
    hits = named(rows, kept)
    assert hits and hits[0]["label"] == label, rows
    assert any(r["evidence"] == "office_portfolio" and r["detector"] == "rule:portfolio_cut" for r in hits) \
        or hits[0]["detector"] in ("gazetteer", "model"), rows


@pytest.mark.parametrize("text,name", KEPT)
def test_name_before_office_kept(nlp, extractor, text, name):
    assert named(detect(nlp, extractor, text), name)


BODY = "\n\nThe health ministry reported three new cases on Monday, officials said."

# (text, heading): a whole line (or the line up to a colon) of common words and "News" leaves no mention
HEADINGS = [
    ("Vaccine News" + BODY, "Vaccine News"),
    ("Clinical Trial News: Year-End 2025 Recap" + BODY, "Clinical Trial News"),
    ("Vaccination Campaign News" + BODY, "Vaccination Campaign News"),
]

# (text, name): outlets that stay
OUTLETS = [
    ("Hai Phong is gaining popularity among tourists, according to Travel Daily News, which cited data.",
     "Travel Daily News"),
    ("Officials said three new cases were found.\nReuters News\nThe health ministry reported them on Monday.",
     "Reuters News"),  # a name word
    ("Vaccine News Today reported three new cases on Monday, officials said.", "Vaccine News"),  # running text
    ("Sky News" + BODY + " Sky News was first to report it.", "Sky News"),
]


@pytest.mark.parametrize("text,heading", HEADINGS)
def test_topic_heading_dropped(nlp, extractor, text, heading):
    rows = detect(nlp, extractor, text)
    assert not [r for r in rows if heading in r["text"]], rows


@pytest.mark.parametrize("text,name", OUTLETS)
def test_outlet_kept(nlp, extractor, text, name):
    assert named(detect(nlp, extractor, text), name)
