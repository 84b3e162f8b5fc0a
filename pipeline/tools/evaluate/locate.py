"""Span location: a gold record's text and occurrence, or a region's lines, as source offsets."""
from __future__ import annotations

import re

from pipeline.tools.evaluate.gold import EvalError, GoldSpan, Region
from pipeline.tools.evaluate.matching import distance
from pipeline.tools.evaluate.values import is_int


def locate_region(name: str, text: str, line_no: int, record: dict) -> Region:
    first, last = record.get("first_line"), record.get("last_line")
    if not is_int(first) or first < 1 or (last is not None and (not is_int(last) or last < first)):
        raise EvalError(f"[E094] {name} line {line_no}: region needs first_line >= 1 and last_line null or >= first_line")
    line_starts = [0] + [m.end() for m in re.finditer("\n", text)]
    if first > len(line_starts):
        raise EvalError(f"[E094] {name} line {line_no}: region starts at line {first} but the source has {len(line_starts)} lines")
    end = len(text) if last is None or last >= len(line_starts) else line_starts[last]
    return Region(first, last, line_starts[first - 1], end)


class Locator:
    """Finds the ``occ``-th non-overlapping occurrence of a text in one source, with a cache."""

    def __init__(self, name: str, source: str, text: str) -> None:
        self.name, self.source, self.text = name, source, text
        self._cache: dict[str, list[int]] = {}

    def occurrences(self, needle: str) -> list[int]:
        if needle not in self._cache:
            found, i = [], self.text.find(needle)
            while i >= 0:
                found.append(i)
                i = self.text.find(needle, i + len(needle))
            self._cache[needle] = found
        return self._cache[needle]

    def span(self, record: dict, line_no: int) -> GoldSpan:
        needle, occ = record.get("text"), record.get("occ", 1)
        if not isinstance(needle, str) or not needle:
            raise EvalError(f"[E093] {self.name} line {line_no}: {record['type']} record needs a non-empty 'text'")
        if not is_int(occ) or occ < 1:
            raise EvalError(f"[E093] {self.name} line {line_no}: 'occ' must be an integer >= 1, not {occ!r}")
        found = self.occurrences(needle)
        if len(found) < occ:
            raise EvalError(
                f"[E091] {self.name} line {line_no}: {record['type']} text {needle!r} occurrence {occ} "
                f"not found in {self.source} (it occurs {len(found)} time(s))"
            )
        start = found[occ - 1]
        return GoldSpan(start, start + len(needle), needle, record, line_no)


def linked_span(locator: Locator, spans: list[GoldSpan], needle: str, claim: GoldSpan,
                key: str, line_no: int) -> GoldSpan:
    """The gold span a claim's quantity/date text refers to: the one in the claim, else the nearest."""
    candidates = [s for s in spans if s.text == needle]
    if not candidates:
        # the conventions say it must be an annotated span; tolerate a bare text but still locate it
        candidates = [GoldSpan(i, i + len(needle), needle, {}, line_no) for i in locator.occurrences(needle)]
    if not candidates:
        raise EvalError(f"[E091] {locator.name} line {line_no}: claim {key} {needle!r} not found in {locator.source}")
    return min(candidates, key=lambda s: (distance(s.start, s.end, claim.start, claim.end), s.start))
