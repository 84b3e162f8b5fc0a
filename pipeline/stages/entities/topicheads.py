"""Room for a section's topic heading read as a name: a line "Vaccine News" or "Clinical Trial News: ..." (round 59).

A mention that makes up a whole line (or the line up to a colon), ends in a word of ``topic_heading_tails``
(configs/entities.toml: "News") and whose other words, one to three, are all English common words (WordNet's
index, ``english.is_common_word``) is a heading labelling the article's topic, no outlet: it is dropped. Never a
gazetteer name, a span the text writes again off that line, nor a span inside running text ("according to Travel
Daily News").
"""
from __future__ import annotations

from pipeline.stages.entities.context import ArticleContext, Mention
from pipeline.core.english import is_common_word


class TopicHeadings:
    """Drop topic headings the model reads as organisations (see the module docstring)."""

    def __init__(self, cfg: dict) -> None:
        self.tails = frozenset(cfg.get("topic_heading_tails", []))

    def __call__(self, ctx: ArticleContext, mentions: list[Mention]) -> list[Mention]:
        return [m for m in mentions if not self._heading(ctx.text, m)]

    def _heading(self, text: str, m: Mention) -> bool:
        words = text[m.start:m.end].split()
        if m.entry is not None or len(words) < 2 or len(words) > 4 or words[-1] not in self.tails:
            return False
        line_start = text.rfind("\n", 0, m.start) + 1
        line_end = text.find("\n", m.end)
        rest = text[m.end:len(text) if line_end < 0 else line_end]
        if text[line_start:m.start].strip() or (rest.strip() and not rest.lstrip().startswith(":")):
            return False
        if text.count(text[m.start:m.end]) > 1:
            return False
        return all(w[:1].isupper() and is_common_word(w) for w in words[:-1])
