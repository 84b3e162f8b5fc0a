"""Room for a title in quotation marks that no work word announces: 'with 'Wrong Husband', 'Blue Heron'' (entity round 62).

``quoted_title``: two to ten title-case words in quotation marks (first and last word capitalised, the small words
between in lower case, a comma or full stop American style inside the closing mark) that the parse reads as no
speech (no personal pronoun, no finite verb) and that no nickname cue of ``quoted_name_stops`` (entities.toml:
"so-called", "dubbed", "nicknamed", "often called the") opens, is a named thing: a film's, an exhibition's, a programme's or a
campaign's title ("“En El Camino,” about ...", "best actress for “The Kidnapping of Arabella,”", dev8 1311; "A
Second Life" heading a show's entry, dev6 1110; 'the 'Paw Patrol' case', dev7 1209; 'themed 'Prosperity through
Cooperatives'', dev8 1306; "TIFF Reveals Canada's Top Ten list with 'Wrong Husband', 'Blue Heron'", dev4 814). It
is WORK_OF_ART with the evidence ``quoted_title``; it replaces the model's own guesses inside the quotes (no cue,
no gazetteer entry: 'Wrong Husband' the model calls a person, "Kidnapping of Arabella" without its article) and
leaves alone a mention some cue or the gazetteer decided, or a place, nationality or facility the model writes
over the whole quote. Speech ("“Every child deserves peace”", '"We Will Win"'), scare quotes around common words
in lower case ("so-called 'experts'"), one quoted word (a nickname, "Tuto"; a company, "Loblaw"), a pull quote in
capitals ("‘NOT GOOD ENOUGH’") and a kind after an indefinite article ('submit a "Defence Industry Investment
Plan"') stay as they are.
"""
from __future__ import annotations

import re

from pipeline.stages.entities.context import ArticleContext, Mention
from pipeline.stages.entities.shapes import quoted_title

#: an opening quotation mark (a straight single quote only where no letter stands before it: not "Italy's")
_OPEN = re.compile(r"[\"“‘]|(?<![\w’'])'")
#: the parse's tags of speech: a personal pronoun or a finite verb ("We Will Win", "It Was Time")
_SPEECH_TAGS = frozenset({"PRP", "MD", "VBD", "VBZ", "VBP"})
#: an indefinite article right before the quote: the quoted words name a kind, no one work
_INDEFINITE = re.compile(r"(?<![\w-])(?:a|an|A|An)[^\S\n]*$")
#: labels the model may write over a whole quote that a title does not replace
_KEEP = frozenset({"GPE", "LOC", "NORP", "FAC"})


class QuotedTitles:
    """Find titles in quotation marks that no work word announces (see the module docstring)."""

    def __init__(self, cfg: dict) -> None:
        stops = cfg.get("quoted_name_stops", [])
        self._stop = re.compile(r"(?:" + "|".join(stops) + r")(?:[^\S\n]+(?:the|an?))?[^\S\n]*$", re.IGNORECASE) if stops else None

    def __call__(self, ctx: ArticleContext, mentions: list[Mention]) -> list[Mention]:
        text, found = ctx.text, []
        for q in _OPEN.finditer(text):
            title = quoted_title(text, q.start())
            if title is None:
                continue
            start, end, _ = title
            words = text[start:end].split()
            if len(words) < 2 or self._nickname(text, q.start()) or self._speech(ctx, start, end):
                continue
            kind = _INDEFINITE.search(text, max(0, q.start() - 4), q.start())
            if kind is not None or not any(c.islower() for c in text[start:end]):
                continue  # a pull quote in capitals ("‘NOT GOOD ENOUGH’"); a kind of thing ("submit a “Investment Plan”")
            inside = [m for m in mentions if m.start < end and start < m.end]
            if any(m.evidence is not None or m.entry is not None or m.detector != "model" for m in inside):
                continue  # a cue, a rule or the gazetteer decided (a work word's title, "Big Beautiful Bill")
            if any(m.label in _KEEP and (m.start, m.end) == (start, end) for m in inside):
                continue
            found.append(Mention(start, end, "WORK_OF_ART", "rule:quoted_title", evidence="quoted_title"))
        if not found:
            return mentions
        kept = [m for m in mentions if not any(f.start < m.end and m.start < f.end for f in found)]
        return sorted(kept + found, key=lambda m: (m.start, m.end))

    def _nickname(self, text: str, quote: int) -> bool:
        line_start = text.rfind("\n", 0, quote) + 1
        return self._stop is not None and self._stop.search(text, line_start, quote) is not None

    @staticmethod
    def _speech(ctx: ArticleContext, start: int, end: int) -> bool:
        return any(t.tag_ in _SPEECH_TAGS for t in ctx.doc if start <= t.idx < end)
