"""Connector joins: a name cut at its own "and", "&" or "/" made whole again (entity round 66, `rule:connector_join`)."""
from __future__ import annotations

import re

from pipeline.stages.entities.context import ArticleContext, Mention
from pipeline.core.english import is_common_word

#: the connectors a name holds ("Daily Mail and General Trust", "Liberal / National Party Coalition")
_CONNECTOR = re.compile(r"[^\S\n]+(?:and|&|/)[^\S\n]+")
#: a capitalised word (hyphens and dots inside: "Multi-Sectoral", "Co.")
_CAP_WORD = re.compile(r"[A-Z][\w.'’-]*")
#: the capitalised run ending right before a connector, on its line
_RUN_BEFORE = re.compile(r"(?:(?<=^)|(?<=[^\w.'’-]))((?:[A-Z][\w.'’-]*[^\S\n]+)*[A-Z][\w.'’-]*)$")
_YEAR_AFTER = re.compile(r"[^\S\n]+(?:19|20)\d\d(?!\w)")


def _common(word: str) -> bool:
    """An English common word of the lemma index, "-ies" plurals too ("Technologies")."""
    return is_common_word(word) or (word.endswith("ies") and is_common_word(word[:-3] + "y"))


def join_connectors(ctx: ArticleContext, mentions: list[Mention], heads: frozenset, places: frozenset) -> list[Mention]:
    """Join "<run> and <B>" into one name when the piece after the connector cannot stand alone.

    B is a mention of two capitalised words or more, no gazetteer entry, ending in an organisation's or event's
    head (``heads``: org suffixes and words, legal forms, anaphor, edition and event heads), opened by an English
    common word written in lower case after its capital (WordNet: "General Trust", "Aerospace Exhibition",
    "Technologies Private Limited"; not "LongHorn Steakhouse"), that the
    article writes nowhere else. The run before the connector (a mention or a capitalised run of the same line)
    ends in an English common word ("Mail", "Maritime", "Justice", "Liberal"), is no person, place or gazetteer
    name, and no mention inside it is. So "Olive Garden and LongHorn Steakhouse", "Daily Mail and Telegraph",
    "Microsoft and General Motors", "Germany and European Union" stay two names. The whole takes B's label and
    evidence; an EVENT takes a year right after it ("... Exhibition 2025").
    """
    text = ctx.text
    ordered = sorted(mentions, key=lambda m: (m.start, m.end))
    drop: set[int] = set()
    added: list[Mention] = []
    for bi, b in enumerate(ordered):
        if b.entry is not None or b.label in ("PERSON", "GPE", "NORP", "LOC", "DATE"):
            continue
        words = text[b.start:b.end].split()
        if len(words) < 2 or not all(_CAP_WORD.fullmatch(w) for w in words):
            continue
        # "LongHorn Steakhouse": a camel-case brand opens a name of its own
        if words[-1] not in heads or not _common(words[0]) or not words[0][1:].islower():
            continue
        b_text = text[b.start:b.end]
        if text.count(b_text) > 1:
            continue
        line_start = text.rfind("\n", 0, b.start) + 1
        conn = None
        for c in _CONNECTOR.finditer(text, line_start, b.start):
            if c.end() == b.start:
                conn = c
        if conn is None:
            continue
        run = _RUN_BEFORE.search(text[line_start:conn.start()])
        if run is None:
            continue
        a_start, a_end = line_start + run.start(1), conn.start()
        a_words = text[a_start:a_end].split()
        inside = [i for i, m in enumerate(ordered) if m.start < a_end and m.end > a_start]
        if any(ordered[i].start < a_start or ordered[i].label in ("PERSON", "GPE", "NORP", "LOC")
               or ordered[i].entry is not None for i in inside):
            continue
        if not _common(a_words[-1]) or text[a_start:a_end] in places:
            continue
        end = b.end
        year = _YEAR_AFTER.match(text, end) if b.label == "EVENT" else None
        if year is not None:
            end = year.end()
        drop.update(inside)
        drop.update(i for i, m in enumerate(ordered) if b.end <= m.start < end)
        drop.add(bi)
        added.append(Mention(a_start, end, b.label, "rule:connector_join", None, b.evidence, b.kb_id))
    if not added:
        return mentions
    kept = [m for i, m in enumerate(ordered) if i not in drop]
    return sorted(kept + added, key=lambda m: (m.start, m.end))
