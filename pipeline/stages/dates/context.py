"""What a normaliser may ask of the Doc it reads: a span's words, their lexicon values, counts, modifiers and tense."""
from __future__ import annotations

import re
from collections.abc import Iterable

from pipeline.stages.dates.calendar import _Anchor
from pipeline.stages.dates.grammar import _Grammar
from pipeline.stages.dates.reading import _dp_read
from pipeline.stages.dates.shapes import _Unit, _fraction
from pipeline.stages.dates.tense import direction
from pipeline.stages.dates.timex import _split_unit


class _Context:
    """The Doc, its units, the grammar and the anchor: what the normalisers of one article share."""

    def __init__(self, doc, text: str, units: list[_Unit], g: _Grammar, anchor: _Anchor | None) -> None:
        self.doc, self.text, self.units, self.g, self.anchor = doc, text, units, g, anchor
        self.reach = g.tense_reach

    def words(self, i: int, j: int) -> list[_Unit]:
        return [u for u in self.units[i:j] if u.code != "|"]

    def surface(self, us: list[_Unit]) -> str:
        return re.sub(r"\s+", " ", self.text[us[0].start:us[-1].end])

    def first(self, us: Iterable[_Unit], cls: str) -> _Unit | None:
        return next((u for u in us if self.g.is_(u, cls)), None)

    def pay(self, u: _Unit | None, cls: str):
        return None if u is None else self.g.payload(cls, u.key)

    def month(self, u: _Unit) -> int | None:
        """The month number of a MONTH or MONTH_ABBR unit (None for any other unit)."""
        if self.g.is_(u, "MONTH"):
            return self.pay(u, "MONTH")
        return self.pay(u, "MONTH_ABBR") if self.g.is_(u, "MONTH_ABBR") else None

    def number(self, us: list[_Unit]) -> float | None:
        """The count written by a $NUMBER ("45", "five", "twenty-five", "2.5", "a")."""
        total = None
        for k, u in enumerate(us):
            if u.code in "dn":
                whole = float(u.text.replace(",", ""))
                return whole + _fraction(us[k + 1].text) if k + 1 < len(us) and us[k + 1].code == "r" else whole
            if u.code == "f":
                return float(u.text)
            if self.g.is_(u, "NUMWORD"):
                n = float(self.pay(u, "NUMWORD"))
                # "twenty-five" adds, "two hundred" / "two dozen" multiplies
                total = total * n if (total and n in (12, 100) and total < n) else (total or 0) + n
            elif u.key in ("a", "an") and total is None:
                total = 1.0
        return total

    def prefix(self, us: list[_Unit]) -> tuple[str | None, int]:
        """Leading modifiers ("the end of", "early", "mid-", "later") -> (TIMEX3 mod, core start)."""
        mod, k = None, 0
        g = self.g
        while k < len(us):
            u = us[k]
            if u.key == "the" and k + 2 < len(us) and g.is_(us[k + 1], "MODNOUN") and us[k + 2].key == "of":
                mod = self.pay(us[k + 1], "MODNOUN")
                k += 3
            elif g.is_(u, "MOD"):
                mod = self.pay(u, "MOD")
                k += 1
                if k < len(us) and us[k].code == "-":
                    k += 1
            elif g.is_(u, "LATER"):
                k += 1  # "later this month" is still this month
            elif u.key == "the" and k + 1 < len(us) and g.is_(us[k + 1], "MOD"):
                k += 1
            else:
                break
        return mod, k

    def need(self, precision: str) -> bool:
        return self.anchor is not None and self.anchor.allows(precision)

    def read(self, text: str, relative: bool = False):
        """dateparser's reading of ``text``; relative readings use the anchor as base."""
        anchor = self.anchor.date if (relative and self.anchor) else None
        return _dp_read(text, anchor, self.g.dp_settings)

    def count_unit(self, us: list[_Unit]) -> tuple[float | None, str | None, bool]:
        """(count, unit, fuzzy) of "five years", "a month", "several weeks", "years"."""
        unit_u = self.first(us, "UNIT")
        if unit_u is None:
            return None, None, False
        mult, unit = _split_unit(str(self.pay(unit_u, "UNIT")))
        before = us[: us.index(unit_u)]
        keys = [u.key for u in before]
        # "a couple of years" is two, as TimeML reads it (P2Y); "several", "a few" stay unknown
        fuzzy = "couple" not in keys and any(k in self.g.fuzzy_words for k in keys)
        if "couple" in keys:
            count = 2.0
        elif "half" in [u.key for u in before]:
            base = self.number([u for u in before if u.key not in ("half", "and", "a", "an")])
            count = (base or 0) + 0.5
        elif fuzzy:
            count = None
        else:
            count = self.number(before)
        if count is not None and [u.key for u in us[us.index(unit_u) + 1:]][-3:] == ["and", "a", "half"]:
            count += 0.5  # "a year and a half", "an hour and a half"
        if count is not None:
            count *= mult
        return count, unit, fuzzy

    def direction(self, i: int, j: int) -> int:
        """-1 when the governing verb puts units ``i:j`` in the past, +1 future, 0 unknown."""
        return direction(self.doc, self.units, self.g, i, j)
