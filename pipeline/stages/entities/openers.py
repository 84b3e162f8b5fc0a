"""Room for a common word capitalised only because it opens a sentence or line, that a default cue made ORG (round 65).

The model reads a capitalised word at a sentence's head as a name ("Glass products maker AGC ...", "Exit polls show
...", "Telecom companies across the globe ...", "BOMBAY HIGH COURT | Buyer cannot reject goods"), calls it a person or
a place, and ``no_person`` or ``no_place`` turn it into an organisation because nothing shows a person or a place. Such
a mention is dropped (``rule:opener_word``, no row is written) when it is one word, an English common word (WordNet's
index, ``english.is_common_word``), a lower-case word follows it on its line, and every capitalised occurrence of it in
the text opens a sentence, a line or the part after a "|" or ":"; the same word's other mentions without a cue go with
it ("Exit polls by party ... Exit polls show": the model's ORG once, a person once). Only those two default cues: the
model's own ORG ("Apple has ...", "Disney has ...") and any cue the text gives ("Alphabet shares", a ticker) keep it.
"""
from __future__ import annotations

import re

from pipeline.stages.entities.context import ArticleContext, Mention
from pipeline.core.english import is_common_word

#: the defaults of evidence.py: an organisation only because nothing showed a person or a place
_DEFAULT_CUES = frozenset({"no_person", "no_place"})
#: what stands right before a sentence's or line's first word
_OPENS = re.compile(r"(?:\A|[.!?:|][\"”’')]*[^\S\n]+|\n[^\S\n]*)\Z")
_LOWER_NEXT = re.compile(r"[^\S\n]+[a-z]")


def _opens(text: str, start: int) -> bool:
    return _OPENS.search(text[max(0, start - 6):start]) is not None


def opener_word(text: str, m: Mention) -> bool:
    """True when ``m`` is a common word a default cue made ORG and the text capitalises only at a sentence's head."""
    word = text[m.start:m.end]
    if m.label != "ORG" or m.evidence not in _DEFAULT_CUES or m.entry is not None:
        return False
    if not word.isalpha() or not word[:1].isupper() or not word[1:].islower() or not is_common_word(word):
        return False
    if _LOWER_NEXT.match(text, m.end) is None:
        return False
    return all(_opens(text, hit.start()) for hit in re.finditer(rf"(?<![\w-]){re.escape(word)}(?![\w-])", text))


def drop_opener_words(ctx: ArticleContext, mentions: list[Mention]) -> list[Mention]:
    """The mentions without the sentence openers of ``opener_word``, nor the same word's other uncued mentions."""
    text = ctx.text
    words = {text[m.start:m.end] for m in mentions if opener_word(text, m)}
    if not words:
        return mentions
    return [m for m in mentions
            if not (text[m.start:m.end] in words and m.entry is None and m.evidence in _DEFAULT_CUES | {None})]
