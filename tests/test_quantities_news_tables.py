"""The fresh-pages tables of quantities rounds 69-76: each split in the order found, its dev rows read right, its held-out rows kept above their floor.

Each round gathered fresh pages, wrote rules from the first half (dev) and only counted the second (held out); the
round's own module (tests/test_quantities_round69.py ... round76.py) keeps its phrase readings and look-alikes, and this
module checks every table the same way: the split's sizes, every dev row (a strict xfail where the table gives a
reason), and the held-out count against the floor measured at the round's end (a count only: the held-out rows are
not read one by one).
"""
from __future__ import annotations

import pytest

from tests.test_quantities import news_table, reads_right
from tests.test_quantities_gold import extractor, quantity_nlp  # noqa: F401 (fixtures)

#: (round, table, tag, fields, dev rows, held-out rows, held-out floor: rows read right, and how it was measured)
TABLES = [
    ("69", "markers69.tsv", "qv69", 6, 32, 29, 18),  # 18 of 29 after round 69, as before it: no "K" or "Sh" page held out
    ("70", "markers70.tsv", "qv70", 6, 42, 29, 20),  # 16 of 29 after round 70; 20 since round 71 read riyals and CFA francs
    ("71", "markers71.tsv", "qv71", 6, 32, 23, 13),  # 6 of 23 before round 71
    ("72", "markers72.tsv", "qv72", 6, 32, 28, 23),  # 10 of 28 before round 72
    ("73", "units73.tsv", "qv73", 5, 23, 15, 10),  # 8 of 15 before round 73
    ("74", "units74.tsv", "qv74", 5, 17, 16, 11),  # 7 of 16 before round 74, 10 after it, 11 since round 76
    ("75", "units75.tsv", "qv75", 5, 18, 14, 10),  # 5 of 14 before round 75, 9 after it, 10 since round 76
    ("76", "units76.tsv", "qv76", 5, 20, 18, 12),  # 11 of 18 before round 76
]
READ = {round_: news_table(name, tag, fields=fields) for round_, name, tag, fields, *_ in TABLES}
DEV = [pytest.param(*p.values[:5], marks=p.marks, id=f"round{round_}-{p.id}")
       for round_, (_, dev, _) in READ.items() for p in dev]


@pytest.mark.parametrize(("round_", "dev_rows", "held_rows"), [pytest.param(t[0], t[4], t[5], id=f"round{t[0]}") for t in TABLES])
def test_table_is_split_in_the_order_found(round_, dev_rows, held_rows):
    rows, dev, held = READ[round_]
    assert len(dev) == dev_rows and len(held) == held_rows
    assert all(row[1] in row[0] for row in rows)


@pytest.mark.parametrize(("sentence", "text", "kind", "value", "unit"), DEV)
def test_dev_page_amount(quantity_nlp, extractor, sentence, text, kind, value, unit):
    assert reads_right(quantity_nlp, extractor, sentence, text, kind, value, unit)


@pytest.mark.parametrize(("round_", "floor"), [pytest.param(t[0], t[6], id=f"round{t[0]}") for t in TABLES])
def test_held_out_pages_keep_their_floor(quantity_nlp, extractor, round_, floor):
    held = READ[round_][2]
    right = sum(reads_right(quantity_nlp, extractor, *row[:5]) for row in held)
    assert right >= floor, f"held out {right}/{len(held)}"  # a count only: the rows are not read one by one
