"""Room for a common word the article also writes in lower case, capitalised in a title, heading or list, read as ORG (round 65).

The model reads a capitalised common word inside a title or a list of portfolios as an organisation ("Parliament's
Justice and Police committees", "themed 'Prosperity through Cooperatives'", "Minister of Economy, Planning, and
Development") while the article writes the same word in lower case elsewhere ("the criminal justice system", "the role
of cooperatives", "transformative development"). Such a mention is dropped (``rule:lowercase_word``, no row is
written) when it is one word of the English lemma index (WordNet, ``english.is_common_word``), the model's ORG with no cue
(or only ``no_person``/``no_place``), no organisation's or institution's word (``org_words``, ``qualified_heads``,
``generic_institution_heads``: "Parliament", "Treasury"), the text writes it in lower case, and no capitalised
occurrence of it is a subject or a possessor in the parse ("Target cut its forecast ... missed its target" keeps
Target) nor is followed by "'s". All its uncued mentions go with it.
"""
from __future__ import annotations

import re

from pipeline.stages.entities.context import ArticleContext, Mention
from pipeline.core.english import is_common_word

#: no cue, or only the defaults of evidence.py
_UNCUED = frozenset({None, "no_person", "no_place"})
#: a name that acts or owns: a company's, never a title's word
_ACTOR_DEPS = frozenset({"nsubj", "nsubjpass", "poss"})


class LowerCased:
    """Drop common words the article also writes in lower case (see the module docstring)."""

    def __init__(self, cfg: dict) -> None:
        self.heads = frozenset(cfg.get("org_words", [])) | frozenset(cfg.get("qualified_heads", [])) \
            | frozenset(cfg.get("generic_institution_heads", []))

    def __call__(self, ctx: ArticleContext, mentions: list[Mention]) -> list[Mention]:
        text = ctx.text
        words = {text[m.start:m.end] for m in mentions if self._candidate(text, m)}
        dropped = {w for w in words if self._lowercased(ctx, w)}
        if not dropped:
            return mentions
        return [m for m in mentions if not (text[m.start:m.end] in dropped and m.entry is None and m.evidence in _UNCUED)]

    def _candidate(self, text: str, m: Mention) -> bool:
        word = text[m.start:m.end]
        return (m.label == "ORG" and m.entry is None and m.evidence in _UNCUED and word.isalpha()
                and word[:1].isupper() and word[1:].islower() and word not in self.heads and is_common_word(word))

    @staticmethod
    def _lowercased(ctx: ArticleContext, word: str) -> bool:
        text = ctx.text
        if re.search(rf"(?<![\w-]){re.escape(word.lower())}(?![\w-])", text) is None:
            return False
        for hit in re.finditer(rf"(?<![\w-]){re.escape(word)}(?![\w-])", text):
            if re.match(r"[’']s\b", text[hit.end():hit.end() + 3]):
                return False
            span = ctx.doc.char_span(hit.start(), hit.end(), alignment_mode="expand")
            if span is not None and any(t.dep_ in _ACTOR_DEPS for t in span):
                return False
        return True
