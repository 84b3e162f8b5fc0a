"""Entity round 71 (issue 18, a title, role or government word kept in a name): a government named by its place
names the place (``rule:government_edge``; ``pipeline/stages/entities/governments.py``).

Dev: dev8 1306 "Minister of Agriculture in the State Government of
Maharashtra", dev14 1913 "the Government of Côte d'Ivoire held". Look-alikes: a nationality's government ("Turkish Government", dev7 1213;
"The Australian Government has selected", claims dev8 409_: the cut lost that claims row), "Government" inside a longer body's name
("Sharjah Government Media Bureau", dev8 1313), a body named "Government ..." with no place ("Government
Accountability Office", "Government of National Unity"), a bare "the Government".
"""
from __future__ import annotations

import pytest

from tests.test_entities import detect, extractor, lexicon, named  # noqa: F401 (fixtures)

# (text, what the span is cut to, its label)
FOUND = [
    ("Present on the occasion included Manikrao Kokate, Minister of Agriculture in the State Government of "
     "Maharashtra; Dilip Sanghani, Chairman, IFFCO.", "Maharashtra", "GPE"),
    ("The African Development Bank Group and the Government of Côte d'Ivoire held a High-Level Portfolio Review "
     "last Thursday in Abidjan.", "Côte d'Ivoire", "GPE"),
    # fresh news (2025): a level word and "of the"
    ("The Federal Government of Nigeria said on Monday it would raise the minimum wage.", "Nigeria", "GPE"),
]

# (text, a name that must stay whole or no row may hold "Government")
KEPT = [
    # a nationality stays with its government (the claims' subject: claims dev8 409_, dev7 1213)
    ("The Australian Government has selected Mitsubishi Heavy Industries, Ltd. to enter the next stage.",
     "Australian Government"),
    ("The future TCG İçel belongs to the MILGEM family of warships developed by the Turkish Government in "
     "collaboration with local defence companies.", "Turkish Government"),
    ("The Sharjah Government Media Bureau organised the 9th International Photography Festival.",
     "Sharjah Government Media Bureau"),
    ("The Government Accountability Office said the programme was over budget.", "Government Accountability Office"),
    ("Libya's Government of National Unity said the talks would resume.", "Government of National Unity"),
]


@pytest.mark.parametrize("text,name,label", FOUND)
def test_government_cut_to_place(nlp, extractor, text, name, label):  # noqa: F811
    rows = detect(nlp, extractor, text)
    assert not any("Government" in r["text"] for r in rows), [(r["text"], r["label"], r["detector"]) for r in rows]
    hits = named(rows, name)
    assert hits and all(r["label"] == label for r in hits), rows
    cut = [r for r in hits if r["detector"] == "rule:government_edge"]
    assert all(r["evidence"] == "government_edge" and text[r["start"]:r["end"]] == r["text"] for r in cut)


@pytest.mark.parametrize("text,name", KEPT)
def test_government_body_kept(nlp, extractor, text, name):  # noqa: F811
    rows = detect(nlp, extractor, text)
    assert not any(r["detector"] == "rule:government_edge" for r in rows), rows

