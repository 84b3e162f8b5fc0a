"""The article decides a marker the currencies of several countries write ("Rs": India's, Pakistan's, Sri Lanka's rupee)."""
from __future__ import annotations

from collections import Counter
from dataclasses import replace
from functools import lru_cache

from babel.numbers import get_territory_currencies
from spacy.tokens import Doc

from pipeline.core.article import Article
from pipeline.core.errors import severity
from pipeline.stages.entities.evidence import place_index
from pipeline.stages.quantities.conversions import converted_units
from pipeline.stages.quantities.lexicon import Lexicon
from pipeline.stages.quantities.operands import Quantity
from pipeline.stages.quantities.shared_letters import other_amounts_currencies
from pipeline.stages.reconcile.countries import city_country

#: the entity labels of names that are no place even when a place has the same name ("Lahore" the surname)
_NO_PLACE_LABELS = frozenset({"PERSON"})
_PEOPLE_LABELS = frozenset({"NORP"})
#: the endings English adds to a country's name for its people: "Pakistan-i", "Sri Lanka-n", "Singapore-an", "Nepal-ese"
_DEMONYM_ENDINGS = ("i", "n", "an", "ese")


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
            return city_country(ident)
    return None


@lru_cache(maxsize=1)
def _name_heads() -> dict[str, str]:
    """The first word of a country's ISO 3166 short name (pycountry's name or common name, not the official "Arab
    Republic of Egypt") that begins no other country's, by ISO code: "Saudi" (Saudi Arabia), "Sierra" (Sierra Leone),
    not "South" or "United". Round 71: the Gulf press calls Saudi Arabia "Saudi" ("a Saudi report", "the Saudi
    government", "Saudi Contractors' Authority") and no demonym ending leads there. A head that is another people's
    word ("British": the British Indian Ocean Territory, whose currency is the US dollar) counts only where that
    territory's currency is a marker's choice, which none is."""
    import pycountry

    heads: dict[str, set[str]] = {}
    for country in pycountry.countries:
        for name in {country.name, getattr(country, "common_name", country.name)}:
            if " " in name and name.split()[0].isalpha():
                heads.setdefault(name.split()[0], set()).add(country.alpha_2)
    return {head: next(iter(codes)) for head, codes in heads.items() if len(codes) == 1}


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
                       or country_of(span.text, "NORP")
                       # a nationality the model tags that is the head of one country's name: "Saudi"
                       or (_name_heads().get(span.text) if all(t.ent_type_ == "NORP" for t in span) else None))
            if country and choices.intersection(get_territory_currencies(country, tender=True)):
                counts[country] += 1
                i += size - 1
                break
        i += 1
    return counts


def _country_currency(country: str, choices: frozenset[str]) -> str:
    """The one currency of ``choices`` that ``country`` uses (the first by code if it used two)."""
    return sorted(choices.intersection(get_territory_currencies(country, tender=True)))[0]


def _decide(q: Quantity, doc: Doc, money: list[Quantity], default: str,
            choices: frozenset[str]) -> tuple[str, str | None] | None:
    """(currency, unit_rule) of one amount in a shared marker, or None when the article names two of its countries
    equally often. A conversion's partner ("PKR 50 billion (about Rs 15,000 crore)") is never its currency, and one
    other amount naming a currency does not overrule the country the article names most."""
    converted = converted_units(doc, q, money) & choices
    allowed = choices - converted
    named = other_amounts_currencies(money, q, allowed)
    ranked = _country_counts(doc, allowed).most_common(2)
    top = ranked[0][0] if len(ranked) == 1 or (ranked and ranked[0][1] > ranked[1][1]) else None
    if len(named) == 1:
        code, times = next(iter(named.items()))
        if times > 1 or top is None or _country_currency(top, allowed) == code:
            return code, f"article_currency:{code}"
        return _country_currency(top, allowed), f"article_country_over_amount:{top}"
    if top:
        return _country_currency(top, allowed), f"article_country:{top}"
    if ranked or default not in allowed:
        return None
    return default, (f"conversion_of:{min(converted)}" if converted else q.unit_rule)


def decide_shared_markers(found: list[tuple[Quantity, str | None]], doc: Doc, lex: Lexicon
                          ) -> tuple[list[tuple[Quantity, str | None]], list[tuple[Quantity, frozenset[str]]]]:
    """``found`` with each amount in a shared marker ("Rs17.6 trillion") given the currency the article decides: the one
    choice its other amounts name ("PKR 50 billion", unit_rule "article_currency:PKR"), else the one choice of the
    country its place mentions name most ("Islamabad", "Pakistani": "article_country:PK"), else, when no such country
    is named, the marker's default with its own rule; and the amounts left undecided with their choices (the article
    names two such countries equally often, or none for a marker with no default: the kwacha's "K", the shilling's
    "Sh"): the caller records them, since a wrong currency is worse than a miss."""
    if not any(q.kind == "money" and q.unit in lex.shared_markers for q, _ in found):
        return found, []
    money = [q for q, _ in found if q.kind == "money"]
    kept, undecided = [], []
    for q, approx in found:
        spec = lex.shared_markers.get(q.unit or "") if q.kind == "money" else None
        if spec is None:
            kept.append((q, approx))
        elif decided := _decide(q, doc, money, *spec):
            # round 72: a London page's "pounds" stays "currency_word", only another currency shows the article's rule
            rule = q.unit_rule if decided[0] == spec[0] and q.unit in lex.quiet_default_markers else decided[1]
            kept.append((replace(q, unit=decided[0], unit_rule=rule), approx))
        else:
            undecided.append((q, spec[1]))
    return kept, undecided


def undecided_warning(doc: Doc, article: Article, q: Quantity, choices: frozenset[str]) -> dict:
    """The ``errors`` row (E411, a warning) saying that an amount in a shared marker got no row: its article does
    not tell which of the marker's currencies it is."""
    cols = article.span_columns(doc[q.start].idx, doc[q.end - 1].idx + len(doc[q.end - 1].text) - q.trim)
    text = cols["text"] if len(cols["text"]) <= 40 else cols["text"][:37] + "..."
    message = (f"[E411] {article.source}: the amount {text!r} at {cols['start']}-{cols['end']} is written in a marker "
               f"several currencies share ({', '.join(sorted(choices))}) and the article does not tell which, so it "
               "has no quantities row; name the currency (\"PKR\", \"Pakistani rupees\") to have it read")
    return {"source": article.source, "stage": "quantities", "error_class": "UndecidedCurrency", "code": "E411",
            "severity": severity("E411"), "message": message, "line": None}
