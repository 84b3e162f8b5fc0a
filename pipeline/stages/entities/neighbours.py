"""Stray neighbours cut off a mention: a quantifier or descriptor, a year, an owner, the country a person plays for, a byline's staff."""
# ``ev`` is evidence.py's LabelEvidence, which calls this room: passed in, not imported
from __future__ import annotations

import re
from dataclasses import replace

from pipeline.stages.entities.context import ArticleContext, Mention
from pipeline.stages.entities.personevidence import _count_word, _person_named, person_shaped
from pipeline.stages.reconcile import fold_whitespace, strip_possessive


_POSSESSIVE_SPLIT = re.compile(r"[’']s\s+(?=[A-Z])")


# "X Staff / Y", and a dateline's two places in capitals ("DUBLIN/NEW YORK")
_SLASH = re.compile(r"[^\S\n]+/[^\S\n]+|(?<=[A-Z]{2})/(?=[A-Z]{2})")


_OF = re.compile(r"[^\S\n]+of[^\S\n]+")


#: a year of four digits opening a model span ("2012 Australian Open")
_YEAR = re.compile(r"(?:1[89]|20)\d\d")


def _byline_parts(ev, ctx: ArticleContext, m: Mention) -> list[Mention]:
    """A byline's outlets without their staff ("AFP Staff Writers" -> "AFP"; "X Staff / Y" -> "X", "Y")."""
    parts, cursor = [], m.start
    for g in [*_SLASH.finditer(ctx.text, m.start, m.end), None]:
        end = g.start() if g is not None else m.end
        tail = ev._staff.search(ctx.text, cursor, end) if ev._staff is not None else None
        if tail is not None and tail.start() > cursor:
            end = tail.start()
        if cursor < end:
            parts.append(replace(m, start=cursor, end=end))
        cursor = g.end() if g is not None else m.end
    return parts if len(parts) != 1 or (parts[0].start, parts[0].end) != (m.start, m.end) else [m]


def _descriptor_opens(ev, ctx: ArticleContext, m: Mention, words: list[str], rest: str) -> bool:
    """A common noun of ``descriptor_openers`` capitalised only by a sentence start ("Benchmark Brent", "Chipmaker Nvidia").

    The name is the rest: one word, or words the article also writes alone ("Automaker General Motors ...
    General Motors"); "Benchmark Mineral Intelligence" written once stays whole.
    """
    if words[0] not in ev.options.descriptor_openers:
        return False
    before = ctx.text[:m.start].rstrip(" \t")
    if before and before[-1] not in "\n.!?:\"“”":
        return False
    return len(words) == 2 or _count_word(ctx.text, rest) > 1


def _trim(ev, ctx: ArticleContext, m: Mention, surface: str) -> list[Mention]:
    """"Multiple European" -> "European"; "European Nato" -> "European" + "Nato"; "Novak Djokovic of Serbia" -> two."""
    words = surface.split(" ")
    if len(words) < 2:
        return [m]
    first = re.match(r"\S+", ctx.text[m.start:m.end])
    rest_start = m.start + first.end()
    while rest_start < m.end and ctx.text[rest_start].isspace():
        rest_start += 1
    rest = fold_whitespace(ctx.text[rest_start:m.end])
    if words[0] in ev.options.non_name_openers or _descriptor_opens(ev, ctx, m, words, rest):
        return [replace(m, start=rest_start)]
    if _YEAR.fullmatch(words[0]) and words[1][:1].isupper():
        # "the 2012 Australian Open": the year is the dates stage's, the name is the rest
        return [replace(m, start=rest_start)]
    owner = _POSSESSIVE_SPLIT.search(ctx.text, m.start, m.end)
    if owner is not None and ev.first_name_opens(ctx.text[owner.end():m.end]):
        # "Ferrari’s Charles Leclerc": an owner, then a person
        return [Mention(m.start, owner.start(), "ORG" if m.label == "PERSON" else m.label, m.detector),
                Mention(owner.end(), m.end, "PERSON", m.detector, evidence="first_name")]
    of = _OF.search(ctx.text, m.start, m.end)
    place = fold_whitespace(ctx.text[of.end():m.end]) if of is not None else None
    cue = _person_named(ev, ctx, fold_whitespace(ctx.text[m.start:of.start()])) if place in ev.countries else None
    if cue is None and place in ev.countries and m.label in ("PERSON", "ORG"):
        places = (ev.countries, ev.cities, ev.subdivisions)
        cue = "country_of" if person_shaped(ev.options, ctx, places, fold_whitespace(ctx.text[m.start:of.start()])) else None
    if cue is not None:
        # "Novak Djokovic of Serbia": a person and the country they play for, not one organisation
        return [Mention(m.start, of.start(), "PERSON", m.detector, evidence=cue),
                Mention(of.end(), m.end, "GPE", m.detector, evidence="place", kb_id=ev.countries[place])]
    entry = ev.by_surface.get(strip_possessive(rest))
    if entry is not None and (words[0] in ev.options.demonyms or words[0] in ctx.norp_words):
        return [Mention(m.start, m.start + first.end(), "NORP", "rule:nationality", evidence="nationality"),
                Mention(rest_start, m.end, entry.label, "gazetteer", entry, evidence="gazetteer")]
    return [m]
