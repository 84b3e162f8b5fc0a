"""A name in brackets right after an organisation's name that its initials do not spell: the same organisation.

News in English writes a foreign body by a translated name and its own acronym or short name in brackets:
"the National Supply Company (CONAB)" (Brazil's Companhia Nacional de Abastecimento), "The Monetary Policy
Committee (Copom)" (Comitê de Política Monetária), "the Investment Management Agency (BPI)" (Badan Pengelola
Investasi). The bracket is then the organisation's name, and so is the same word written later in any case
("Conab agency president"). The mention carries evidence ``bracket_name`` (no label cue: it takes the name's
label), which reconcile reads to join it and the later mentions of its word to the name (link ``bracket_name``).

Never: a word the name's initials spell (``acronyms.py`` keeps those), a gazetteer entry ("(UK)", "(EU)"), a
news agency or an exchange of ``bracket_name_stops`` ("(Reuters)", "(Nasdaq)"), a word the text writes in lower
case, a bracket after a person, a place or a one-word name, nor a mention in the bracket the model calls other
than an organisation.
"""
from __future__ import annotations

import re

from pipeline.stages.entities.context import ArticleContext, Mention
from pipeline.stages.reconcile import GazetteerEntry, acronym_matches, fold_whitespace

#: one capitalised word alone in brackets, letters and digits ("(CONAB)", "(Copom)", "(BPI)")
_BRACKET_WORD = re.compile(r"\(([A-Z][A-Za-z0-9&]*[A-Za-z])\)")


def bracket_names(ctx: ArticleContext, mentions: list[Mention], fillers: frozenset,
                  by_surface: dict[str, GazetteerEntry], stops: frozenset) -> list[Mention]:
    """The bracketed names right after a multi-word organisation's name, as mentions with evidence ``bracket_name``."""
    text = ctx.text
    ending = {}
    for m in mentions:
        ending.setdefault(m.end, m)
    at = {(m.start, m.end): m for m in mentions}
    out = []
    for g in _BRACKET_WORD.finditer(text):
        word = g.group(1)
        long = ending.get(g.start() - 1) if text[g.start() - 1:g.start()] == " " else None
        if long is None or long.label != "ORG":
            continue
        long_text = fold_whitespace(text[long.start:long.end])
        words = long_text.split(" ")
        if (len(words) < 2 or not all(w[:1].isupper() or w.casefold() in fillers for w in words)
                or len(word) < 2 or word in stops or by_surface.get(word) is not None
                or ctx.written_lower(word) or _spelled(word, long_text, fillers)):
            continue
        inside = at.get((g.start(1), g.end(1)))
        if inside is not None and (inside.label != "ORG" or inside.entry is not None):
            continue
        out.append(Mention(g.start(1), g.end(1), long.label, "rule:bracket_name", evidence="bracket_name"))
    return out


def _spelled(word: str, name: str, fillers: frozenset) -> bool:
    """True when the word abbreviates the name, or its part before "of" ("Food and Agriculture Organization of the
    United Nations (FAO)"): a definition ``acronyms.py`` makes, not a name of another language."""
    head = name.split(" of ", 1)[0]
    return acronym_matches(word, name, fillers) or (head != name and acronym_matches(word, head, fillers))
