"""Room for a title's portfolio read as a name: "Finance Minister", "Union Home Minister", "U.S. Energy Secretary" (round 59).

The small model tags the words before a public office's title as an organisation ("Finance" of "Finance Minister
Christian Lindner", "Interior" of "Interior Minister", "Union Home" of "Union Home Minister", "Lieutenant" of
"Lieutenant Governor"). A span right before an office of ``portfolio_offices`` (configs/entities.toml; a rank of
``portfolio_office_ranks`` or "and <words>" may come between: "Union Agriculture and Farmers Welfare Minister") is
dropped when, after a leading state or nationality, it holds one to three words that are all English common words
(WordNet's index the model's lemmatizer ships, ``english.is_common_word``), is no gazetteer name, does not end, two
words or more, in an organisation's head word ("Manhattan Supreme Court Judge", "International Olympic Committee")
and is not written by another mention that no office follows. A leading state or nationality stays, cut, with
detector ``rule:portfolio_cut`` and evidence ``office_portfolio`` ("U.S." of "U.S. Energy Secretary", "Turkish" of
"Turkish Defense Industry Secretary").
"""
from __future__ import annotations

import re

from pipeline.stages.entities.context import ArticleContext, Mention
from pipeline.core.english import is_common_word


class Portfolios:
    """Drop the portfolio words the model reads as a name before a public office (see the module docstring)."""

    def __init__(self, cfg: dict, by_surface: dict, places: frozenset, demonyms: frozenset, org_heads: frozenset) -> None:
        offices = "|".join(re.escape(o) for o in cfg.get("portfolio_offices", []))
        ranks = "|".join(re.escape(r) for r in cfg.get("portfolio_office_ranks", []))
        self.office = re.compile(
            r"[ \t]+(?:(?:and|&)[ \t]+(?:[A-Z][\w'’-]*[ \t]+){1,3})?" + (rf"(?:(?:{ranks})[ \t]+)*" if ranks else "")
            + rf"(?:{offices})\b") if offices else None
        self.by_surface, self.places, self.demonyms, self.org_heads = by_surface, places, demonyms, org_heads

    def __call__(self, ctx: ArticleContext, mentions: list[Mention]) -> list[Mention]:
        if self.office is None:
            return mentions
        before = {m.start: bool(self.office.match(ctx.text, m.end)) for m in mentions}
        # a span the text also names with no office after it is a name ("Treasury said ... Treasury Secretary")
        named = {ctx.text[m.start:m.end] for m in mentions if not before[m.start]}
        out = []
        for m in mentions:
            if not before[m.start] or m.entry is not None:
                out.append(m)
                continue
            cut = self._cut(ctx.text[m.start:m.end], named)
            if cut is None:
                out.append(m)
            elif cut:
                entry = self.by_surface.get(cut)
                label = entry.label if entry is not None else ("NORP" if cut in self.demonyms else "GPE")
                out.append(Mention(m.start, m.start + len(cut), label, "rule:portfolio_cut", entry, "office_portfolio"))
        return out

    def _cut(self, surface: str, named: set) -> str | None:
        """None to keep the span; "" to drop it; else the leading state or nationality to keep."""
        if surface in named or surface in self.by_surface:
            return None
        words = surface.split(" ")
        lead = next((k for k in range(len(words) - 1, 0, -1) if self._place(" ".join(words[:k]))), 0)
        core = words[lead:]
        if not 1 <= len(core) <= 3 or " ".join(core) in self.by_surface:
            return None
        if not all(w[:1].isupper() and is_common_word(w.rstrip("'’")) for w in core):
            return None
        if len(core) > 1 and core[-1] in self.org_heads:
            return None
        return " ".join(words[:lead])

    def _place(self, text: str) -> bool:
        """A nationality, a state of the gazetteer ("U.S."), or a place of the lists no English word spells (not the town "Union")."""
        if text in self.demonyms:
            return True
        entry = self.by_surface.get(text)
        if entry is not None:
            return entry.label in ("GPE", "NORP")
        return text in self.places and not all(is_common_word(w) for w in text.split(" "))
