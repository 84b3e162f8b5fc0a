"""Entity round 50 (issue 18, names in capitals on lines of running text): a run-in head in capitals before a bar or a
colon gets natural case in the model's view, as a whole capitals line does, and a colon dateline names its place.

(a) ``nlp._CAPITALS_HEAD``: "BOMBAY HIGH COURT | Buyer cannot reject goods ..." is no capitals line (the rest is in
lower case), so the model saw the head in capitals and found nothing; the view now writes the head in natural case
("Bombay High Court | ..."), same length, the spans still sliced from the source. Dev: dev12 1704 (SCC Online,
"BOMBAY HIGH COURT |", "DELHI HIGH COURT |"). Fresh news: SCC Online's High Court roundups of November and December 2025
("KERALA HIGH COURT |", "DELHI HIGH COURT |"; "MADRAS HIGH COURT |" stays missed: the model finds nothing in
"Madras High Court | ..." either).

(b) ``court_name_ends`` (entities.toml, ``orgevidence._suffix_cue``): a name of three words or more ending in a court's
head, in any case, is ORG (evidence ``court_name``): the model called "DELHI HIGH COURT" (dev12 1704, SCC Online's
December 2025 roundup) and "Delhi High Court" (dev8 1309) a person. "Margaret Court" and "Centre Court" keep theirs.

(c) ``additions._colon_dateline_mentions``: "BENGALURU: Most major ..." opens a line with a place in capitals and a
colon; the model misses it even in natural case. A place the place lists know is a GPE (``rule:dateline``, evidence
``dateline_place``, its GeoNames identifier). Dev: dev12 1705 (a Reuters poll, "BENGALURU:"). Fresh news: LawChakra
(September 2025, "NEW DELHI: As we step into October ..."). Labels in capitals ("BREAKING:", "UPDATE:", "EXCLUSIVE |")
and section labels on a line of their own ("ARBITRATION") stay out.
"""
from __future__ import annotations

import pytest

from pipeline.stages.nlp import natural_case
from tests.test_entities import detect, extractor, lexicon, named  # noqa: F401 (fixtures)

FOUND = [
    # (text, name, label or None for any, evidence or None)
    ("This week's roundup travels across High Courts.\nARBITRATION\nDELHI HIGH COURT | Disputes arising after execution "
     "of settlement agreement remain arbitrable\nWhile hearing an arbitration petition seeking appointment of a sole "
     "arbitrator, the Single Judge Bench held that the disputes remain arbitrable.", "DELHI HIGH COURT", "ORG", "court_name"),
    ("This week's roundup traverses legal developments in the High Courts.\nALCOHOL\nKERALA HIGH COURT | Denial of liquor "
     "quota to retired officers from canteens is discriminatory\nIn the present set of petitions, the petitioners "
     "challenged an order of the Director General.", "KERALA HIGH COURT", None, None),
    ("Global stocks to edge higher in 2026: Reuters Poll\n\nBENGALURU: Most major global stock indexes should trade higher "
     "by the end of 2026, according to a Reuters poll of equity strategists.", "BENGALURU", "GPE", "dateline_place"),
    ("Supreme Court monthly recap\n\nNEW DELHI: As we step into October, it's important to reflect on the most impactful "
     "judicial pronouncements of September 2025.", "NEW DELHI", "GPE", None),
]

KEPT = [
    # (text, name, label): two-word names ending in "Court" are no court's
    ("Margaret Court, who won 24 Grand Slam singles titles, said she would not attend the ceremony.", "Margaret Court"),
    ("A roaring Centre Court crowd watched Sinner win the Wimbledon final on Sunday.", "Centre Court"),
]

ABSENT = [
    # (text, a capitals label that must be no entity)
    ("Markets wrap\n\nBREAKING: Most major global stock indexes fell on Tuesday after the central bank raised rates.",
     "BREAKING"),
    ("Markets wrap\n\nUPDATE: The company said on Tuesday that its quarterly profit rose 12 per cent.", "UPDATE"),
    pytest.param("Markets wrap\n\nEXCLUSIVE | The company said on Tuesday that its quarterly profit rose 12 per cent.",
                 "EXCLUSIVE", marks=pytest.mark.xfail(strict=True, reason="found before round 50 too (main's code): left")),
    ("This week's roundup travels across High Courts.\nARBITRATION\nDELHI HIGH COURT | Disputes arising after execution "
     "of settlement agreement remain arbitrable\nWhile hearing an arbitration petition, the Bench held so.", "ARBITRATION"),
]


@pytest.mark.parametrize("text, name, label, evidence", FOUND, ids=[f"{f[1]}-{i}" for i, f in enumerate(FOUND)])
def test_capitals_head_is_found(nlp, extractor, text, name, label, evidence):
    rows = named(detect(nlp, extractor, text), name)
    assert rows, name
    assert all(text[r["start"]:r["end"]] == r["text"] for r in rows)
    if label is not None:
        assert all(r["label"] == label for r in rows), rows
    if evidence is not None:
        assert all(r["evidence"] == evidence for r in rows), rows


@pytest.mark.parametrize("text, name", ABSENT, ids=["BREAKING", "UPDATE", "EXCLUSIVE", "ARBITRATION"])
def test_capitals_labels_stay_out(nlp, extractor, text, name):
    rows = detect(nlp, extractor, text)
    assert not [r for r in rows if name in r["text"]], rows


@pytest.mark.parametrize("line, view", [
    ("BOMBAY HIGH COURT | Buyer cannot reject goods", "Bombay High Court | Buyer cannot reject goods"),
    ("NEW DELHI: As we step into October", "New Delhi: As we step into October"),
    ("EXCLUSIVE | The company said", "EXCLUSIVE | The company said"),  # one word: a label as often
    ("CEO: He said so on Tuesday", "CEO: He said so on Tuesday"),  # fewer than 8 letters: left as written
    ("The U.S. CDC said: NATO met", "The U.S. CDC said: NATO met"),  # no head in capitals
])
def test_view_writes_the_head_in_natural_case(line, view):
    out = natural_case(line)
    assert out == view and len(out) == len(line)


@pytest.mark.parametrize("text, name", KEPT, ids=[k[1] for k in KEPT])
def test_two_word_court_look_alikes(nlp, extractor, text, name):
    rows = named(detect(nlp, extractor, text), name)
    assert all(r["evidence"] != "court_name" for r in rows), rows
