"""Room for a work's title credited to a person in a list or a lead: "<Title> by <Person>" (entity round 62).

``work_credit``: a title-case run right before a credit, "by", "directed by" or ", director(s)" (``credit_cues``,
entities.toml; a country in brackets and a comma may stand between), then a person: a PERSON mention, or two to four
capitalised words opened by a first name of the gender-guesser lists or by no English common word that no cue or
gazetteer entry calls anything else ("by Payal Kapadia", which the model calls a facility). It is a work's title,
WORK_OF_ART ("Palme d'Or – It Was Just an Accident by Jafar Panahi", dev3 709; "Hamnet directed by Chloé Zhao is
the winner", "with Fantasy Life by Matthew Shear winning", dev4 814; "I'm Still Here (Brazil), Directed by Walter
Salles", dev7 1203; "Best International Narrative Feature: Happy Birthday, director Sarah Goher", dev10 1506).
The run must open a list item or a clause: a line's start, a colon, a dash, a bracket, "with", or "and" after an
earlier credited title of the same line ("Sirât by Oliver Laxe and Sound of Falling by Mascha Schilinski"); so
"a portrait of Winston Churchill by Graham Sutherland" (a lower-case word before the run) is left alone. A run of
one word must be no English common word (WordNet: "Photo by", "the Senate by"); no run may open with a credit
line's word (``credit_line_words``: "Additional Reporting by", "Curated by"), be a gazetteer name, or hold a name
some cue or the gazetteer decided (a law named in full, "Fostering Autonomy in Independent Returns by Prohibiting
... Act"); the model's own guesses yield ("Hamnet" it calls an organisation, "Fantasy Life" a person).
The headline (the text's first line) is left out: its "by" names the agent of a verb ("Nordstrom Announces
Completion of Acquisition by Nordstrom Family", dev2 610; "Earthwork Exhibition ... - Curated by", dev14 1912).
The mention replaces those it overlaps and carries ``rule:work_credit`` and the evidence ``work_credit``.
"""
from __future__ import annotations

import re

from pipeline.stages.entities.context import ArticleContext, Mention
from pipeline.stages.entities.patterns import either
from pipeline.core.english import is_common_word
from pipeline.stages.reconcile import GazetteerEntry, fold_whitespace

#: a title's word: a capitalised word or a number ("Sirât", "d'Or", "President's", "2049") or a small word between
_WORD = re.compile(r"[A-Z0-9ÀÁÂÄÇÉÈÍÓÖÚÜÑ][\w’'&.-]*|[a-z]{1,4}")
#: what may open a credited title's run: a line's start, a colon, a dash or a bracket, or the words "with" / "and"
_OPENERS = (":", "–", "—", "-", "(")
#: a person's name after the credit: two to four capitalised words
_NAME = re.compile(r"([A-ZÀ-Þ][a-zß-ÿ]+)(?:[^\S\n]+[A-ZÀ-Þ][\w’'-]+){1,3}\b")
#: small words that end a run leftwards: the "and" between two credits, the "with" or "by" before a title
_STOPS = frozenset({"and", "with", "by", "or"})


class WorkCredits:
    """Find works' titles credited to a person (see the module docstring)."""

    def __init__(self, cfg: dict, by_surface: dict[str, GazetteerEntry], first_names: frozenset = frozenset()) -> None:
        self.by_surface = by_surface
        self.first_names = first_names
        self.line_words = frozenset(w.casefold() for w in cfg.get("credit_line_words", []))
        cues = either(cfg.get("credit_cues", []))
        self._cue = re.compile(r"(?:[^\S\n]*\([^()\n]{1,40}\))?" + cues.pattern + r"[^\S\n]+") if cues else None

    def __call__(self, ctx: ArticleContext, mentions: list[Mention]) -> list[Mention]:
        if self._cue is None:
            return mentions
        text = ctx.text
        people = {m.start: m for m in mentions if m.label == "PERSON"}
        found: list[Mention] = []
        for cue in self._cue.finditer(text):
            if cue.end() not in people and not self._named(text, cue.end(), mentions):
                continue
            title = self._title(text, cue.start(), found)
            # a name some cue or the gazetteer decided ("President Donald Trump", a law named in full) is no title;
            # the model's own guess is
            if title is not None and not any(m.start < title[1] and title[0] < m.end
                                             and (m.evidence is not None or m.entry is not None) for m in mentions):
                found.append(Mention(title[0], title[1], "WORK_OF_ART", "rule:work_credit", evidence="work_credit"))
        if not found:
            return mentions
        kept = [m for m in mentions if not any(f.start < m.end and m.start < f.end for f in found)]
        return sorted(kept + found, key=lambda m: (m.start, m.end))

    def _named(self, text: str, pos: int, mentions: list[Mention]) -> bool:
        """True when two to four capitalised words start at ``pos``, the first a first name of the gender-guesser lists
        or no English common word, that no cue or gazetteer entry calls anything but a person ("by Diego Céspedes";
        "by Payal Kapadia", "by Simón Mesa Soto", which the model calls a facility and an organisation)."""
        name = _NAME.match(text, pos)
        if name is None:
            return False
        first = name.group(1)
        if first.casefold() not in self.first_names and is_common_word(first):
            return False
        return not any(m.start < name.end() and pos < m.end and m.label != "PERSON"
                       and (m.evidence is not None or m.entry is not None) for m in mentions)

    def _title(self, text: str, end: int, found: list[Mention]) -> tuple[int, int] | None:
        """(start, end) of the credited title-case run ending at ``end``, or None when no list item or clause opens it."""
        line_start = text.rfind("\n", 0, end) + 1
        if not text[:line_start].strip():
            return None  # the headline: its "by" names an agent ("Completion of Acquisition by Nordstrom Family")
        tokens = list(re.finditer(r"\S+", text[line_start:end]))
        words: list[tuple[int, int, str]] = []
        for tok in reversed(tokens):
            word = tok.group(0)
            if word in _STOPS or not _WORD.fullmatch(word):
                break
            words.insert(0, (line_start + tok.start(), line_start + tok.end(), word))
        while words and not words[0][2][:1].isupper() and not words[0][2][:1].isdigit():
            words.pop(0)  # the run opens with a capitalised word
        if not words or len(words) > 10 or not words[-1][2][:1].isupper():
            return None
        start, stop, first = words[0][0], words[-1][1], words[0][2]
        before = text[line_start:start].rstrip()
        prev = re.search(r"(\w+)$", before)
        opened = (before == "" or before.endswith(_OPENERS) or (prev is not None and prev.group(1) == "with")
                  or (prev is not None and prev.group(1) == "and" and any(line_start <= f.end < start for f in found)))
        if not opened:
            return None
        if len(words) == 1 and is_common_word(re.sub(r"[’']s$", "", first)):
            return None
        if first.casefold() in self.line_words:
            return None
        if fold_whitespace(text[start:stop]) in self.by_surface:
            return None
        return start, stop
