"""South Asian digit grouping ("Tk 7,61,785 crore") kept only where the currency or the article groups numbers so."""
from __future__ import annotations

import re
from dataclasses import replace
from functools import lru_cache

from spacy.tokens import Doc

from pipeline.stages.quantities.currencies import _territory_locales
from pipeline.stages.quantities.operands import Quantity
from pipeline.stages.quantities.shared_markers import _country_counts

#: a number in lakh grouping: two-digit groups before the last three digits ("1,50,000", "47,65,768")
_LAKH = re.compile(r"(?<![\d,])\d{1,2}(?:,\d{2})+,\d{3}(?![\d,])")
#: the unit_rule suffix that records the reading
RULE = "lakh_grouping"


@lru_cache(maxsize=1)
def lakh_currencies() -> frozenset[str]:
    """The legal tender of every territory whose own CLDR locale groups digits in twos above the thousands
    (pattern "#,##,##0": India, Bangladesh, Nepal, Bhutan, the Maldives), read from babel, not from a list."""
    found: set[str] = set()
    for _, tender, local in _territory_locales():
        pattern = local.decimal_formats.get(None) if local is not None else None
        if pattern is not None and pattern.grouping[1] == 2:
            found.update(c for c in tender if c != "XXX")
    return frozenset(found)


def keep_lakh_grouping(found: list[tuple[Quantity, str | None]], doc: Doc) -> list[tuple[Quantity, str | None]]:
    """``found`` less the quantities whose number is written in lakh grouping where neither their currency (after the
    shared markers are decided: "Rs" is INR or PKR by then) nor the country the article names most groups so; those
    kept read as they write (1,50,000 = 150000) and say so in ``unit_rule`` ("symbol+lakh_grouping")."""
    if not any(_LAKH.search(doc[q.num_start:q.num_end].text) for q, _ in found):
        return found
    currencies = lakh_currencies()
    ranked = None
    kept = []
    for q, approx in found:
        if not _LAKH.search(doc[q.num_start:q.num_end].text):
            kept.append((q, approx))
            continue
        if not (q.kind == "money" and q.unit in currencies):
            if ranked is None:
                ranked = _country_counts(doc, currencies).most_common(2)
            if not ranked or (len(ranked) > 1 and ranked[0][1] == ranked[1][1]):
                continue  # neither the currency nor the article is South Asian: "1,50,000" is no number here
        kept.append((replace(q, unit_rule=f"{q.unit_rule}+{RULE}" if q.unit_rule else RULE), approx))
    return kept


def lakh_suffix(rule: str | None) -> str:
    """The "+lakh_grouping" ending of ``rule``, if it has one: what a rule decided later (the article's dollar) keeps."""
    return f"+{RULE}" if rule and rule.endswith(f"+{RULE}") else ""
