"""Abbreviation dots: a name cut at an abbreviation's dot inside it made whole again (entity round 68, `rule:abbrev_dot`)."""
from __future__ import annotations

import re

from pipeline.stages.entities.context import Mention
from pipeline.core.english import is_common_word

#: initials of two letters or more and at most one capitalised word right before a name, on its line ("G.J. Gardner ")
_INITIALS_BEFORE = re.compile(r"(?<![\w.’'-])((?:[A-Z]\.){2,})[^\S\n]+(?:([A-Z][a-z][\w’'-]*)[^\S\n]+)?$")
_KEEP_LABELS = ("GPE", "NORP", "LOC", "DATE", "PERSON")


def _legal_tail(legal_forms) -> re.Pattern:
    """". Co. Ltd.", ". Ltd.": an abbreviation's dot, then one legal form or more, each after a space."""
    forms = sorted({f.rstrip(".") for f in legal_forms}, key=len, reverse=True)
    alt = "|".join(re.escape(f) + r"\.?" for f in forms)
    return re.compile(r"\.((?:[^\S\n]+(?:" + alt + r"))+)(?![\w&])")


class AbbreviationDots:
    """Grow a mention over an abbreviation's dot the text writes inside one name.

    Right: an organisation's name ending in an abbreviation that no English word of the lemma index is ("Mfg",
    "Engg"), cut at its dot before a legal form ("Godrej & Boyce Mfg" + ". Co. Ltd.", "Remi Sales & Engg" +
    ". Ltd."): the whole is one company; a mention inside the legal forms ("Co. Ltd.") goes. A word of the
    lemma index before the dot ("... with Apple. Inc. magazine") ends a sentence, not an abbreviation.
    Left: initials of two letters or more (and at most one capitalised word) right before a mention on its
    line ("G.J. Gardner" + "Homes Tauihi", "J.P." + "Morgan Chase"), when the initials are no place or
    gazetteer name ("U.S.", "U.K.", "E.U.") and the word between is no title ("U.S. President Donald Trump").
    """

    def __init__(self, legal_forms, by_surface, places) -> None:
        self._tail = _legal_tail(legal_forms)
        self._known = frozenset(by_surface) | frozenset(places)

    def __call__(self, ctx, mentions: list[Mention]) -> list[Mention]:
        text = ctx.text
        ordered = sorted(mentions, key=lambda m: (m.start, m.end))
        drop: set[int] = set()
        out: dict[int, Mention] = {}
        for i, m in enumerate(ordered):
            if i in drop:
                continue
            start, end = m.start, m.end
            if m.label not in _KEEP_LABELS and m.end < len(text) and text[m.end] == ".":
                last = text[m.start:m.end].split()[-1]
                g = self._tail.match(text, m.end)
                if g is not None and last[:1].isupper() and last.isalpha() and not is_common_word(last):
                    end = g.end()
            line_start = text.rfind("\n", 0, m.start) + 1
            g = _INITIALS_BEFORE.search(text, max(line_start, m.start - 40), m.start) if m.label != "DATE" else None
            if (g is not None and g.group(1) not in self._known
                    and (g.group(2) is None or not ctx.titles_within(g.start(2), g.end(2)))):
                start = g.start(1)
            if (start, end) == (m.start, m.end):
                continue
            inside = [j for j, o in enumerate(ordered) if j != i and o.start < end and o.end > start]
            if any(ordered[j].start < start or ordered[j].end > end for j in inside):
                continue
            drop.update(inside)
            label = "ORG" if end != m.end else m.label
            out[i] = Mention(start, end, label, "rule:abbrev_dot", None, m.evidence, m.kb_id)
        if not out:
            return mentions
        return [out.get(i, m) for i, m in enumerate(ordered) if i not in drop]
