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
_PAIRED = re.compile(r"[^\S\n]+(?:and|v|vs\.?|versus|beat|beats|thrashed|edged|drew with|lost to)[^\S\n]+")
#: labels the model gives a club's name: its city's, a person's, a ground's
_CLUB_GUESSES = frozenset({"GPE", "ORG", "LOC", "PERSON", "FAC"})


def _cued(ctx: ArticleContext, m: Mention, before: re.Pattern | None, after: re.Pattern | None) -> bool:
    """True when ``before`` ends within ``_CONTEXT_CHARS`` before the mention or ``after`` starts right after it."""
    return ((before is not None and before.search(ctx.text, max(0, m.start - _CONTEXT_CHARS), m.start) is not None)
            or (after is not None and after.match(ctx.text, m.end) is not None))


class SportsClubs:
    """The article's places written as sports clubs, from ``club_context_before``/``_after`` and fixtures."""

    def __init__(self, options: Options, places: tuple[dict, dict, dict], first_name_opens: Callable[[str], bool]) -> None:
        self.options = options
        self.countries, self.subdivisions, self.cities = places
        self.first_name_opens = first_name_opens
        self._before = either(options.club_context_before, after=r"[^\S\n]+$")
        self._after = either(options.club_context_after)

    def find(self, ctx: ArticleContext, mentions: list[Mention]) -> dict[str, str]:
        """Names of places the article writes as clubs, each with its cue: ``club_context`` ("a 5-1 win over Tottenham") or ``club_pair``.

        One such mention makes every mention of the name in the article the club.
        """
        clubs: set[str] = set()
        candidates: list[tuple[Mention, str]] = []
        suffixes, cities = self.options.club_suffixes, self.cities
        for m in mentions:
            if m.entry is not None or m.label not in _CLUB_GUESSES:
                continue
            surface = strip_possessive(fold_whitespace(ctx.text[m.start:m.end]))
            if surface in self.countries or surface in self.subdivisions and surface not in cities:
                continue  # national teams and states stay places
            if (self.first_name_opens(surface) and surface.split(" ")[-1] not in suffixes
                    and surface.split(" ")[0] not in cities):  # "Sydney Thunder": a city opens a club's name
                continue  # "beat Rafael Nadal": a player, named by a first name, not a club
            if _cued(ctx, m, self._before, self._after):
                clubs.add(surface)
            candidates.append((m, surface))
        return {**{s: "club_pair" for s in self._paired(ctx, candidates, clubs)}, **{s: "club_context" for s in clubs}}

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
