"""A shared letter ("P": the Philippine peso or Botswana's pula) the article's amounts leave open, decided by its places."""
from __future__ import annotations

from dataclasses import replace

from spacy.tokens import Doc

from pipeline.stages.quantities.operands import Quantity
from pipeline.stages.quantities.shared_markers import _country_counts, _country_currency


def letters_by_country(found: list[tuple[Quantity, str | None]], open_letters: list[tuple[Quantity, frozenset[str]]],
                       doc: Doc, approx_at: dict[int, str | None]) -> tuple[list[tuple[Quantity, str | None]], list[tuple[Quantity, frozenset[str]]]]:
    """Round 75: shared_letters.py (round 67) asks only the article's other amounts, since round 68's place counts came
    later, so "Philippines spent P5 billion on roads." got E411 though it names the country. An open letter whose
    article names one of its currencies' countries more often than any other is that currency (unit_rule
    "letter_article_country:PH") with its qualifier (``approx_at``: by first token); a tie or no such country stays
    open (E411). ``found`` keeps the article's order."""
    decided, still_open = [], []
    for q, choices in open_letters:
        ranked = _country_counts(doc, choices).most_common(2)
        if ranked and (len(ranked) == 1 or ranked[0][1] > ranked[1][1]):
            country = ranked[0][0]
            code = _country_currency(country, choices)
            decided.append((replace(q, unit=code, unit_rule=f"letter_article_country:{country}"), approx_at.get(q.start)))
        else:
            still_open.append((q, choices))
    return sorted(found + decided, key=lambda pair: pair[0].start), still_open
