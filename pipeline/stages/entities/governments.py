"""Room for a government named by its place: "State Government of Maharashtra", "Government of Côte d'Ivoire" name the place (round 71).

The gold convention (tests/entities_news/README.md, dev12 and dev14's headers: "a generic 'the government' is no
entity", "a title is no entity but a place named in it is") keeps the place or nationality, not the government.
The small model reads "Turkish Government" (dev7 1213), "State Government of Maharashtra" (dev8 1306) and
"Government of Côte d'Ivoire" (dev14 1913) as one organisation. A span with no gazetteer entry that is only
"Government" (perhaps after one level word of ``_LEVELS``: "State", "Federal") and "of [the] <X>" or "<X>" before it,
where X is a place the place lists know (accents folded for the lookup), is cut to X, GPE (the gazetteer's label
when it lists X), detector ``rule:government_edge``, evidence ``government_edge``. A nationality is left with its
government ("Turkish Government", dev7 1213, stays whole): the claims' subject rules do not read a bare nationality
before a capitalised "Government" as the actor, and cutting it lost the judged claims row "The Australian Government
has selected ..." (claims dev8 409_). "Sharjah Government Media Bureau", "Government Accountability Office",
"Government of National Unity" are left whole.
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import replace

from pipeline.stages.entities.context import ArticleContext, Mention
from pipeline.stages.reconcile import fold_whitespace

#: a government's level written between the place and the word "Government"
_LEVELS = r"(?:(?:State|Federal|Central|National|Union|Provincial|Regional|Territorial)[^\S\n]+)?"
_OF_PLACE = re.compile(_LEVELS + r"Government[^\S\n]+of[^\S\n]+(?:the[^\S\n]+)?(?=\S)")
_PLACE_FIRST = re.compile(r"[^\S\n]+" + _LEVELS + r"Government$")


def _bare(name: str) -> str:
    """Case and accents folded for the lookup only ("Mahārāshtra" of ISO 3166 is written "Maharashtra")."""
    return "".join(c for c in unicodedata.normalize("NFKD", name) if not unicodedata.combining(c)).casefold()


class Governments:
    """Cut "Government" and its level from a place or nationality the model read as one organisation."""

    def __init__(self, by_surface: dict, places: frozenset, demonyms: frozenset) -> None:
        self.by_surface = by_surface
        self.places = frozenset(_bare(p) for p in places)
        self.demonyms = demonyms

    def __call__(self, ctx: ArticleContext, mentions: list[Mention]) -> list[Mention]:
        return [self._cut(ctx, m) for m in mentions]

    def _cut(self, ctx: ArticleContext, m: Mention) -> Mention:
        text = ctx.text
        if m.entry is not None or "Government" not in text[m.start:m.end]:
            return m
        lead = _OF_PLACE.match(text, m.start, m.end)
        if lead is not None:
            start, end = lead.end(), m.end
        else:
            tail = _PLACE_FIRST.search(text[m.start:m.end])
            if tail is None:
                return m
            start, end = m.start, m.start + tail.start()
        rest = fold_whitespace(text[start:end])
        entry = self.by_surface.get(rest)
        # a nationality stays with its government ("Turkish Government"): the claims' subject rules read a bare
        # NORP before a capitalised "Government" as no actor, and "The Australian Government has selected" (claims
        # dev8 409_) lost its row when it was cut; a place is a subject of its own
        if entry is not None and entry.label in ("GPE", "LOC"):
            label = entry.label
        elif entry is None and rest not in self.demonyms and _bare(rest) in self.places:
            label = "GPE"
        else:
            return m
        return replace(m, start=start, end=end, label=label, entry=entry, detector="rule:government_edge",
                       evidence="government_edge")
