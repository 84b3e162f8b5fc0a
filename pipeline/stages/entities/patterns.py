"""Regexes built from word lists, and the dateline scan: text patterns the claims stage shares."""
from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache

# "BRUSSELS —", "NEW DELHI –", "BRUSSELS (May 19, 2025) —", "SEOUL, January 08 (AJP) -",
# "BEIJING, Jan. 19 (Xinhua) --", "FRANKFURT, 14 June —": a place in capitals opening a line,
# then a dash (a hyphen only with a space on each side: "NATO-RUSSIA" is no dateline),
# perhaps after a date and an agency in brackets
_DATELINE = re.compile(r"(?m)^[^\S\n]*([A-Z][A-Z.'’\-]*(?:[^\S\n][A-Z][A-Z.'’\-]*){0,2})"
                       r"(?:,[^\S\n]*(?:[A-Z][a-z]{2,8}\.?[^\S\n]+\d{1,2}|\d{1,2}[^\S\n]+[A-Z][a-z]{2,8}\.?)(?:,[^\S\n]*\d{4})?)?"
                       r"[^\S\n]+"
                       r"(?:\([^()\n]{1,40}\)[^\S\n]*)?(?:[—–]|-{1,2}(?=[^\S\n]))")


def dateline_places(text: str) -> list[tuple[int, int]]:
    """(start, end) of the place naming each dateline in ``text`` ("BRUSSELS —", "NEW DELHI –").

    The place an article was filed from: a name of at least three letters in capitals
    opening a line, then a dash.
    """
    return [(g.start(1), g.end(1)) for g in _DATELINE.finditer(text) if sum(c.isalpha() for c in g.group(1)) >= 3]


def dateline_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of each whole dateline, place to dash ("GENEVA (AP) —"): its agency is no actor either."""
    return [(g.start(1), g.end()) for g in _DATELINE.finditer(text) if sum(c.isalpha() for c in g.group(1)) >= 3]


def title_pattern(titles: list[str]) -> re.Pattern | None:
    """One case-insensitive regex for a list of titles, longest first; None for no titles."""
    if not titles:
        return None
    parts = []
    for title in sorted(set(titles), key=lambda t: (-len(t), t)):
        body = r"\s+".join(re.escape(w) for w in title.split())
        # "then-" and "ex-" glue to the next word; other titles end at a word boundary
        parts.append(body if title.endswith("-") else body + r"(?![\w-])")
    return re.compile(r"(?<![\w-])(?:" + "|".join(parts) + ")", re.IGNORECASE)


def alternation(words: tuple) -> str:
    """A regex alternation of ``words``, escaped, longest first."""
    return "|".join(re.escape(w) for w in sorted(words, key=lambda w: (-len(w), w)))


def compile_words(template: str, words: tuple) -> re.Pattern | None:
    """``template`` with ``{}`` replaced by an alternation of ``words``; None without words."""
    return re.compile(template.format(alternation(words))) if words else None


def capitals_view_words(lexicon: dict) -> tuple[frozenset, frozenset]:
    """The words the nlp view keeps in capitals on a capitals line, and the function words it lower-cases.

    Kept: every word the gazetteer writes in capitals ("EU", "NATO") but an English stop
    word, which a headline in capitals writes as often ("THOSE WHO WAIT": "WHO" is kept only
    where it is written in lower-case lines), the legal forms ("AG", "PLC") and ``capitals_kept``
    of entities.toml ("CEO", "GDP", "US"). Lower-cased:
    the acronym fillers, name particles and spaCy's English stop words ("of", "the", "von",
    "to"), but no month or weekday ("MAY" stays "May").
    """
    from spacy.lang.en.stop_words import STOP_WORDS

    cfg = (lexicon or {}).get("entities") or {}
    keep: set[str] = set(cfg.get("capitals_kept", []))
    keep.update(f for f in cfg.get("legal_forms", []) if f.isupper() and f.isalpha())
    for entity in ((lexicon or {}).get("gazetteer") or {}).get("entity", []):
        for alias in entity.get("aliases", []):
            keep.update(w for w in re.findall(r"[^\W\d_]+", alias)
                        if len(w) >= 2 and w.isupper() and w.casefold() not in STOP_WORDS)
    lower = {w.casefold() for w in cfg.get("acronym_fillers", []) + cfg.get("name_particles", []) if w.isalpha()}
    lower |= set(STOP_WORDS) - {w.casefold() for w in cfg.get("date_words", [])}
    return frozenset(keep), frozenset(lower)


#: a line is in capitals when it has at least this many letters and none is lower case
_MIN_CAPITALS_LETTERS = 8
_LINE_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)*")


# each mention on a line asks about it again (431 asks of ~110 lines on 14 articles): answer a line once
@lru_cache(maxsize=4096)
def line_kind(line: str, lower_words: frozenset) -> str | None:
    """``capitals`` for a line in capitals, ``title`` for a title-case heading (three or more capitalised words, only function words lower), else None."""
    letters = [c for c in line if c.isalpha()]
    if len(letters) < _MIN_CAPITALS_LETTERS:
        return None
    if not any(c.islower() for c in letters):
        return "capitals"
    if line.rstrip()[-1:] in ".!" or "|" in line:
        return None  # a sentence, however many capitals it holds, or a credit ("Brendan McDiarmid | Reuters")
    words = _LINE_WORD.findall(line)
    capitalised = sum(w[0].isupper() for w in words)
    if capitalised < 3 or any(w[0].islower() and w.casefold() not in lower_words for w in words):
        return None
    return "title" if any(len(w) > 3 and w[0].isupper() and w[1:].islower() for w in words) else None


def either(patterns: Sequence[str], *, before: str = "", after: str = "", flags: int = 0) -> re.Pattern | None:
    """One pattern matching any of ``patterns`` between ``before`` and ``after``; None when there are none."""
    return re.compile(before + "(?:" + "|".join(patterns) + ")" + after, flags) if patterns else None
