"""A company named after or before a lower-case noun of its trade in apposition (``trade_apposition``, entity round 69).

Three shapes, each from a dev article where the model gave the company another label: a trade word and "giant"
right before the name ("Mining giant Rio Tinto", dev12 1707, GPE; ``trade_giant_words`` of entities.toml, the words
``org_context_after`` takes in "X, a tech giant"), a nationality and "side" right before it ("Cypriot side Pafos FC",
dev2 607, PRODUCT: a club), and an apposition "a/an ... <trade noun>" after a comma closed by a participle of
ownership ("L’imad, a new sovereign wealth fund chaired by", dev14 1902, PERSON; ``trade_nouns`` and
``trade_participles``). Only a name no gazetteer entry, title or other cue decided (evidence none) changes, to ORG;
a model ORG gets the evidence so the corpus vote sees it. "gas giant Jupiter", "the Russian side said" and
"Sam Altman, a former startup founder" stay as they are (no trade word; no capitalised name; no trade noun last).
"""
from __future__ import annotations

import re
from dataclasses import replace

from pipeline.stages.entities.context import ArticleContext, Mention
from pipeline.stages.entities.patterns import either

#: labels the cue may correct (an unknown capitalised name's guess)
_OPEN = frozenset({"ORG", "PERSON", "GPE", "NORP", "PRODUCT", "LOC", "FAC", "WORK_OF_ART"})


class TradeNouns:
    """Mark the names a trade noun in apposition shows to be companies (see the module docstring)."""

    def __init__(self, cfg: dict, demonyms: frozenset[str]) -> None:
        giants = either(cfg.get("trade_giant_words", []))
        nouns = either(cfg.get("trade_nouns", []))
        participles = either(cfg.get("trade_participles", []))
        self._giant = re.compile(r"(?<![\w-])(?i:" + giants.pattern + r")[^\S\n]+giant[^\S\n]+$") if giants else None
        dem = "|".join(re.escape(d) for d in sorted(demonyms, key=len, reverse=True) if d[:1].isupper())
        self._side = re.compile(r"(?<![\w-])(?:" + dem + r")[^\S\n]+side[^\S\n]+$") if dem else None
        self._after = (re.compile(r",[^\S\n]+an?[^\S\n]+(?:(?!(?:at|of|for|in|with|from|to|and|on|by)\b)[a-z][\w-]*[^\S\n]+){0,3}?(?:"
                                  + nouns.pattern + r")[^\S\n]+(?:" + participles.pattern + r")\b") if nouns and participles else None)

    def cued(self, text: str, start: int, end: int) -> bool:
        """True when a trade noun in apposition stands right before or after ``text[start:end]``."""
        before = text[max(0, start - 40):start]
        return bool((self._giant is not None and self._giant.search(before))
                    or (self._side is not None and self._side.search(before))
                    or (self._after is not None and self._after.match(text, end)))

    def __call__(self, ctx: ArticleContext, mentions: list[Mention]) -> list[Mention]:
        return [replace(m, label="ORG", evidence="trade_apposition")
                if m.entry is None and m.evidence is None and m.label in _OPEN and self.cued(ctx.text, m.start, m.end) else m
                for m in mentions]
