"""A name's edges: an edition's ordinal before it and an office's title after it are no part of the name.

"the 297th Monetary Policy Committee (MPC) meeting" names the "Monetary Policy Committee"; "the 9th
International Photography Festival" the "International Photography Festival" (dev8 1301, 1313): a
leading ordinal written in digits counts the editions of a recurring meeting or event, so it is cut
when the name ends in one of ``edition_heads`` or holds one before "of" ("the 56th International Film
Festival of India") and the gazetteer does not list the whole surface.
"101st Airborne Division" and "21st Century Fox" end in no such head and stay whole; "Second Vatican
Council" and "Fifth Third Bancorp" write their ordinals in words and are never touched.

"Says CBN Governor" names "CBN"; "KwaZulu-Natal Provincial Commissioner, Lieutenant General ..."
names "KwaZulu-Natal" (dev8 1301, dev7 1211): an office of ``edge_titles`` (a part of the gazetteer's
``titles``) ending a span is cut with the office's own modifiers (``edge_title_modifiers``:
"Provincial"), when what is left is a name: capitalised, ending in no function word, no title of its
own ("Lord Mayor", "Vice President") and no word the text writes in lower case ("U.S. Trade
Representative" stays whole). The rest keeps its gazetteer entry; else a nationality left ("Kenyan
President") is NORP, a place the place lists know ("KwaZulu-Natal") GPE, and what the model called a
person ORG (evidence ``title_edge``); anything else keeps the model's label. The detector records the cut: ``rule:ordinal_edge``, ``rule:title_edge``.
"""
from __future__ import annotations

import re
from dataclasses import replace

from pipeline.stages.entities.context import ArticleContext, Mention
from pipeline.stages.entities.trimming import trim
from pipeline.stages.reconcile import GazetteerEntry, fold_whitespace

#: "297th ", "9th ", "21st ": an ordinal written in digits opening a span
_DIGIT_ORDINAL = re.compile(r"\d+(?:st|nd|rd|th)[^\S\n]+(?=[A-Z])")


class NameEdges:
    """Cut an edition's ordinal from a name's start and an office's title from its end."""

    def __init__(self, cfg: dict, by_surface: dict[str, GazetteerEntry], function_words: frozenset,
                 demonyms: frozenset, places: frozenset) -> None:
        self.edition_heads = frozenset(cfg.get("edition_heads", []))
        self.titles = frozenset(t.casefold() for t in cfg.get("edge_titles", []))
        self.modifiers = frozenset(cfg.get("edge_title_modifiers", []))
        self.by_surface = by_surface
        self.function_words = function_words
        self.demonyms = demonyms
        self.places = frozenset(p.casefold() for p in places)  # GeoNames writes "Kwazulu-Natal"

    def __call__(self, ctx: ArticleContext, mentions: list[Mention]) -> list[Mention]:
        return [self._title(ctx, self._ordinal(ctx, m)) for m in mentions]

    def _ordinal(self, ctx: ArticleContext, m: Mention) -> Mention:
        text = ctx.text
        lead = _DIGIT_ORDINAL.match(text, m.start, m.end)
        if lead is None or m.entry is not None:
            return m
        surface = fold_whitespace(text[m.start:m.end])
        words = surface.split(" ")
        # the head ends the name ("... Film Festival") or is followed by "of" ("Film Festival of India")
        if surface in self.by_surface or not (words[-1] in self.edition_heads or any(
                w in self.edition_heads and nxt == "of" for w, nxt in zip(words, words[1:]))):
            return m
        rest = fold_whitespace(text[lead.end():m.end])
        return replace(m, start=lead.end(), detector="rule:ordinal_edge", entry=self.by_surface.get(rest))

    def _title(self, ctx: ArticleContext, m: Mention) -> Mention:
        text = ctx.text
        if m.entry is not None or fold_whitespace(text[m.start:m.end]) in self.by_surface:
            return m
        ending = [(s, e) for s, e in ctx.titles_within(m.start, m.end) if e == m.end and s > m.start]
        if not ending or fold_whitespace(text[ending[0][0]:ending[0][1]]).casefold() not in self.titles:
            return m
        cut = ending[0][0]
        words = list(re.finditer(r"\S+", text[m.start:cut]))
        while words and words[-1].group(0) in self.modifiers:
            words.pop()
        if not words:
            return m
        start, end = trim(text, m.start, m.start + words[-1].end())
        last = words[-1].group(0)
        if (start >= end or not last[:1].isupper() or last in self.function_words
                or ctx.titles_within(m.start + words[-1].start(), m.start + words[-1].end())
                or (not last.isupper() and ctx.written_lower(last))):
            return m
        rest = fold_whitespace(text[start:end])
        entry = self.by_surface.get(rest)
        label = m.label
        if entry is not None:
            label = entry.label
        elif rest in self.demonyms:
            label = "NORP"
        elif rest.casefold() in self.places:
            label = "GPE"
        elif m.label == "PERSON":
            label = "ORG"
        evidence = m.evidence if label == m.label else "title_edge"
        return replace(m, start=start, end=end, label=label, entry=entry, detector="rule:title_edge", evidence=evidence)
