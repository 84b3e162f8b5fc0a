"""Exclusions: numbers that are not quantities (years, date parts, identifiers, codes, names, pronouns)."""
from __future__ import annotations

import bisect
from collections.abc import Sequence

from pipeline.stages.quantities.lexicon import DASHES
from pipeline.stages.quantities.operands import Quantity
from pipeline.stages.quantities.view import TokenView


class DateSpans:
    """The article's date spans (character offsets in the Doc), for an overlap test in O(log n)."""

    def __init__(self, date_spans: Sequence[tuple[int, int]]) -> None:
        spans = sorted(date_spans)
        self.starts = [s for s, _ in spans]
        # the furthest end among the spans starting at or before each one
        self.reach: list[int] = []
        for _, end in spans:
            self.reach.append(max(end, self.reach[-1]) if self.reach else end)

    def overlap(self, start_char: int, end_char: int) -> bool:
        """True when [start_char, end_char) overlaps one of the spans."""
        k = bisect.bisect_left(self.starts, end_char)
        return k > 0 and self.reach[k - 1] > start_char


def excluded(view: TokenView, dates: DateSpans, q: Quantity, approx: str | None) -> bool:
    """True when the number is an identifier, a year, a date part, a pronoun or a code."""
    lex = view.lex
    doc = view.doc
    first, last = doc[q.num_start], doc[q.num_end - 1]
    if dates.overlap(first.idx, last.idx + len(last.text)):
        return True
    before = q.start - 1
    prev = view.lower(before)
    if prev == "." and before > 0:  # "Art. 7": the abbreviation's full stop is its own token
        prev = view.lower(before - 1)
    if prev.rstrip(".") in lex.identifier_before and q.kind not in ("money", "percent"):
        return True
    if q.kind not in ("money", "percent") and _glued_to_code(view, q):
        return True
    if q.start > 0 and doc[q.start - 1].text in lex.months:
        return True
    if view.tok(q.num_end) is not None and doc[q.num_end].text in lex.months:
        return True
    if q.kind in ("money", "percent", "measure"):
        return False
    return _count_excluded(view, q, approx, prev)


def _glued_to_code(view: TokenView, q: Quantity) -> bool:
    """True when the number touches a code character: "3 /2022", "#5", "F-35", "20-21" tails."""
    lex = view.lex
    doc = view.doc
    before = q.start - 1
    if view.tok(before) is not None and view.glued(before) and (
        doc[before].text in lex.glue
        or (doc[before].text in DASHES and view.glued(before - 1) and doc[before - 1].is_alpha)
        or (doc[before].text in DASHES and view.glued(before - 1) and any(c.isdigit() for c in doc[before - 1].text))
        or doc[before].is_alpha
    ):
        return True
    if q.num_end < view.n and view.glued(q.num_end - 1) and _code_letter(doc[q.num_end].text):
        return True  # "5G modems", "3D printers": a letter glued to the digits names a kind, not an amount
    # only a mark glued to the number itself makes a code ("3/2022", "10:30"); one after the
    # counted noun is punctuation ("divided into two parts: ...")
    return (q.end == q.num_end and view.glued(q.end - 1) and view.tok(q.end) is not None
            and doc[q.end].text in lex.glue)


def _code_letter(text: str) -> bool:
    """One capital letter ("G" of "5G"): the tokenizer splits it off the digits it names with."""
    return len(text) == 1 and text.isupper() and text.isalpha()


def _count_excluded(view: TokenView, q: Quantity, approx: str | None, prev: str) -> bool:
    """Rules for counts and ratios: years, pronoun "one", names, then bare numbers."""
    lex = view.lex
    first = view.doc[q.num_start]
    # a plain integer year: "in 2025", "the 2024 elections"
    if (not q.words and not q.is_range and not q.scaled and not q.decimal and q.low is not None
            and lex.year_min <= q.low <= lex.year_max and "," not in first.text):
        return True
    # "one" as a pronoun: "no one", "the one", "one thing", "one of"
    if q.words and q.low == 1 and not q.is_range and not q.scaled and prev in lex.one_blockers_before:
        return True
    if q.words and q.low == 1 and not q.scaled and q.kind == "count" and q.unit:
        head = q.unit.split()[-1].lower()
        if head in lex.one_idioms:
            return True
    # a score follows the team it is about: "beat Chelsea 2-0"
    if not approx and q.unit_rule != "score" and _name_like(view, q.start - 1):
        return True  # part of a name: "Boeing 737 aircraft", "Apollo 11", "Minsk 2 agreement"
    if q.kind in ("count", "ratio") and q.unit is not None:
        return False
    return _bare_excluded(view, q, approx, prev)


def _name_like(view: TokenView, k: int) -> bool:
    """True when token k is a capitalised or all-caps word inside a sentence (a name or code); a verb
    opening a clause after a colon ("Finance: Mobilize 1.3 trillion") is none."""
    t = view.tok(k)
    lex = view.lex
    return bool(
        t is not None and t.text[:1].isupper() and not any(c.isdigit() for c in t.text)
        and not (t.pos_ == "VERB" and view.lower(k - 1) == ":")
        and not t.is_sent_start and t.text not in lex.name_ok_before
        and t.text not in lex.months and t.text not in lex.codes and t.text not in lex.symbols
    )


def _bare_excluded(view: TokenView, q: Quantity, approx: str | None, prev: str) -> bool:
    """Rules for a number with nothing countable after it (README: "30" alone)."""
    lex = view.lex
    doc = view.doc
    if q.kind == "ratio" or q.vague:
        return False
    if q.kind == "count":  # partitive "five of them"
        return q.words and q.low == 1
    age_verb = view.tok(q.start - 1)
    if age_verb is not None and age_verb.pos_ in ("VERB", "AUX") and age_verb.lemma_.lower() in lex.age_verb_lemmas:
        return True  # "who turns 41 on Wednesday": an age (README: ages are in neither table)
    if q.words:
        # spelled numbers with no noun are mostly pronouns ("the two", "all three"); one with a
        # scale word is an amount ("exceeded one and a half million")
        return not (approx or prev in lex.between or q.scaled)
    if prev in lex.anaphoric_before and not (view.tok(q.end) is not None and view.doc[q.end].tag_ in lex.superlative_tags):
        return True  # "the 27 agreed": anaphoric; "the 11 warmest" counts
    if q.is_range and not q.decimal and prev not in lex.between and not approx:
        return True  # "3-1", "1861-1761", "3–4": scores, ISSNs, house numbers
    # neighbours that make a code: "+49 30 880", "10719 Berlin", "CC BY 4.0", "3-1 win"
    for k in (q.start - 1, q.end):
        t = view.tok(k)
        if t is not None and any(c.isdigit() for c in t.text):
            return True
    if _name_like(view, q.end):
        return True
    before = view.tok(q.start - 1)
    if before is not None and before.is_sent_start and len(before.text) > 1 and before.text.isupper() and before.is_alpha:
        return True  # "FTSE 100 ends 2025", "EU 27 agree": an acronym opening a sentence names it
    if view.glued(q.end - 1) and view.lower(q.end) in DASHES and view.glued(q.end) and (
        any(c.isdigit() for c in doc[q.end + 1].text)
    ):
        return True
    if q.start > 1 and doc[q.start - 1].text == "," and doc[q.start - 2].pos_ == "PROPN" and view.lower(q.end) == ",":
        return True
    if doc[q.start].is_sent_start and view.lower(q.end) in (".", ")"):
        return True  # a list item number
    if view.lower(q.start - 1) in lex.brackets or view.lower(q.end) in lex.brackets:
        return True  # "(2)": an enumeration
    return False
