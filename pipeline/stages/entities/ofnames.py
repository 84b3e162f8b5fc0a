"""Of-names: an organisation's name the model cut before its "of" or "for" part (entity round 47)."""
from __future__ import annotations

import re

from spacy.lang.en.stop_words import STOP_WORDS

from pipeline.stages.entities.context import ArticleContext, Mention

#: " of Kenya", " for Polio Eradication": "of"/"for" and one to three capitalised words on the same line,
#: no capitalised word after them, and no possessive's "s" kept ("of Kenya's (CA)" ends at "Kenya")
_OF_PART = re.compile(r"[^\S\n]+(?:of|for)((?:[^\S\n]+[A-Z][\w\-]*){1,3})(?![\w\-])(?![^\S\n]+[A-Z])")


def of_name_end(ctx: ArticleContext, m: Mention, heads: frozenset, person_spans: list[tuple[int, int]]) -> int | None:
    """End of the whole name when ``m`` is an organisation of two words or more ending in a head of ``heads``
    and "of"/"for" and a capitalised name follow it ("Communications Authority" + " of Kenya",
    "Regional Reference Laboratory" + " for Polio Eradication"); else None.

    The words after "of"/"for" hold no English stop word and no person the model found ("Board for
    Ms Smith" is no name), and a lone acronym is a parent body ("Laboratory of DRDO"); a lone head ("Authority of Kenya") is left, as a model span of one word is
    no name of its own.
    """
    words = ctx.text[m.start:m.end].split()
    if m.label != "ORG" or len(words) < 2 or words[-1] not in heads:
        return None
    g = _OF_PART.match(ctx.text, m.end)
    if g is None:
        return None
    tail = g.group(1).split()
    if any(w.casefold() in STOP_WORDS for w in tail):
        return None
    if len(tail) == 1 and tail[0].isupper():
        return None  # "Defence Research & Development Laboratory of DRDO" (dev8 1307): a unit and its parent body
    if any(s < g.end() and g.start(1) < e for s, e in person_spans):
        return None
    return g.end()
