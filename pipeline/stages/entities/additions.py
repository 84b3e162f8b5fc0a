"""Additions: what the model and the ruler missed (datelines, acronyms, "Sir Keir", back-references, bare surnames)."""
from __future__ import annotations

import bisect
import re
from dataclasses import replace

from pipeline.stages.entities.acronyms import acronym_definitions
from pipeline.stages.entities.brackets import bracket_names
from pipeline.stages.entities.context import ArticleContext, Mention, flat
from pipeline.stages.entities.options import Options
from pipeline.stages.entities.patterns import (
    alternation,
    compile_words,
    dateline_places,
)
from pipeline.stages.entities.trimming import trim
from pipeline.stages.reconcile import GazetteerEntry, fold_whitespace


class Additions:
    """Add rule mentions where nothing is found yet; holds the patterns compiled from the options."""

    def __init__(self, options: Options, by_surface: dict[str, GazetteerEntry],
                 places: dict[str, str] | None = None) -> None:
        self.options = opts = options
        self.by_surface = by_surface
        #: place name -> identifier (ISO 3166, GeoNames): a colon dateline's place must be one ("BENGALURU:")
        self.places = places or {}
        self._honorific = compile_words(r"\b(?:{})\s+([A-Z][\w’'\-]+(?:[^\S\n]+[A-Z][\w’'\-]+){{0,2}})", opts.honorifics)
        self._anaphor = None
        if opts.anaphor_heads and opts.anaphor_determiners:
            modifiers = r"(?:(?:" + alternation(opts.anaphor_modifiers) + r")\s+)?" if opts.anaphor_modifiers else ""
            # "the Partnership", "This new Partnership", not "the Commission President"
            self._anaphor = re.compile(
                r"\b(" + alternation(opts.anaphor_determiners) + r")\s+" + modifiers
                + r"(" + alternation(tuple(opts.anaphor_heads)) + r")\b(?![-\w]|\s+[A-Z])"
            )

    def add_missing(self, ctx: ArticleContext, mentions: list[Mention]) -> list[Mention]:
        """Add what the model and the ruler missed, where nothing is found yet."""
        added: list[Mention] = []
        taken = sorted((m.start, m.end) for m in mentions)

        def free(start: int, end: int) -> bool:
            i = bisect.bisect_left(taken, (end, end))
            return not any(s < end and start < e for s, e in taken[max(0, i - 8):i + 1])

        def add(m: Mention) -> None:
            if m.start < m.end and free(m.start, m.end):
                surface = fold_whitespace(ctx.text[m.start:m.end])
                entry = self.by_surface.get(surface)
                if entry is not None:
                    m = replace(m, entry=entry, label=entry.label)
                added.append(m)
                bisect.insort(taken, (m.start, m.end))

        datelines = {(m.start, m.end): m for m in _dateline_mentions(ctx) + _colon_dateline_mentions(ctx, self.places)}
        for i, m in enumerate(mentions):
            # the place of a dateline, whatever the model made of it ("TALLINN" as ORG)
            if (m.start, m.end) in datelines and m.entry is None:
                mentions[i] = replace(m, label="GPE", detector="rule:dateline")
        for m in datelines.values():
            add(m)
        index = {(m.start, m.end): i for i, m in enumerate(mentions)}
        for long_form, acronym in acronym_definitions(ctx, mentions, self.options.acronym_fillers, self.by_surface,
                                                possessives=self.options.name_possessives):
            # an acronym takes the label of the name it abbreviates ("MoD" after "Ministry of Defence")
            at = index.get((acronym.start, acronym.end))
            if at is not None and mentions[at].entry is None and mentions[at].label != long_form.label:
                mentions[at] = replace(mentions[at], label=long_form.label, detector="rule:acronym")
            add(long_form)
            add(acronym)
        for m in bracket_names(ctx, mentions + added, self.options.acronym_fillers, self.by_surface,
                               self.options.bracket_name_stops):
            # "National Supply Company (CONAB)": the bracket names the organisation before it
            at = index.get((m.start, m.end))
            if at is not None:
                mentions[at] = replace(mentions[at], label=m.label, evidence=m.evidence)
            add(m)
        for m in self._honorific_names(ctx):
            add(m)
        for m in self._anaphors(ctx, mentions + added):
            at = index.get((m.start, m.end))
            if at is not None and mentions[at].entry is None and mentions[at].label != m.label:
                mentions[at] = replace(mentions[at], label=m.label, detector="rule:anaphor")
            add(m)
        for m in self._surnames(ctx, mentions + added):
            add(m)
        return flat(mentions + added)

    def _surnames(self, ctx: ArticleContext, mentions: list[Mention]) -> list[Mention]:
        """A bare surname the model missed ("Wilders admitted defeat" after "Geert Wilders") as a PERSON.

        The last word of a person's full name found in the article, written again on its
        own, names that person. A surname that is also a date word ("May") or that the text
        also writes in lower case ("Young", "young") is left to the model.
        """
        opts = self.options
        text = ctx.text
        surnames = set()
        for m in mentions:
            words = fold_whitespace(text[m.start:m.end]).split(" ")
            last = words[-1]
            if (m.label == "PERSON" and len(words) >= 2 and len(last) >= 3 and last[:1].isupper()
                    and last.isalpha() and last not in opts.date_words and last not in opts.org_words
                    and not ctx.written_lower(last)):
                surnames.add(last)
        if not surnames:
            return []
        pattern = re.compile(r"(?<![\w-])(" + alternation(tuple(sorted(surnames))) + r")(?![\w-])")
        return [Mention(g.start(1), g.end(1), "PERSON", "rule:surname") for g in pattern.finditer(text)]

    def _honorific_names(self, ctx: ArticleContext) -> list[Mention]:
        """The name after a form of address ("Sir Keir" -> "Keir") as a PERSON."""
        if self._honorific is None:
            return []
        out = []
        for g in self._honorific.finditer(ctx.text):
            start, end = trim(ctx.text, g.start(1), g.end(1))
            if start < end:
                out.append(Mention(start, end, "PERSON", "rule:honorific"))
        return out

    def _anaphors(self, ctx: ArticleContext, mentions: list[Mention]) -> list[Mention]:
        """"the Partnership" after "Security and Defence Partnership": a back-reference."""
        text = ctx.text
        if self._anaphor is None:
            return []
        full_names = sorted(
            (m.start, fold_whitespace(text[m.start:m.end]).split(" ")[-1], m.label)
            for m in mentions if " " in fold_whitespace(text[m.start:m.end])
        )
        out = []
        for g in self._anaphor.finditer(text):
            head = g.group(2)
            before = [(s, lab) for s, last, lab in full_names if s < g.start() and last == head]
            if not before:
                continue
            start = g.start(1) if g.group(1).casefold() == "the" else g.start(2)
            out.append(Mention(start, g.end(2), before[-1][1], "rule:anaphor"))
        return out


#: "BENGALURU: Most major ...", "NEW DELHI: As we step ...": one to three words in capitals opening a line, a colon,
#: then running text (Indian papers' and wires' datelines; issue 18, entity round 50)
_COLON_DATELINE = re.compile(r"(?m)^[^\S\n]*([A-Z][A-Z'’\-]*(?:[^\S\n][A-Z][A-Z'’\-]*){0,2}):[^\S\n]+(?=[A-Z\"“‘'])")


def _colon_dateline_mentions(ctx: ArticleContext, places: dict[str, str]) -> list[Mention]:
    """The place of each dateline written with a colon ("BENGALURU:") as a GPE, when a place list knows it.

    A colon after capitals also ends a label ("BREAKING:", "UPDATE:", "EXCLUSIVE:"), so only a name
    the place lists know (in title case, as GeoNames writes it) is taken; evidence ``dateline_place``,
    its identifier in ``kb_id``.
    """
    found = []
    for g in _COLON_DATELINE.finditer(ctx.text):
        kb_id = places.get(g.group(1).title())
        if kb_id is not None and sum(c.isalpha() for c in g.group(1)) >= 3:
            found.append(Mention(g.start(1), g.end(1), "GPE", "rule:dateline", evidence="dateline_place", kb_id=kb_id))
    return found


def _dateline_mentions(ctx: ArticleContext) -> list[Mention]:
    """The place of each dateline ("BRUSSELS —") as a GPE."""
    return [Mention(start, end, "GPE", "rule:dateline") for start, end in dateline_places(ctx.text)]
