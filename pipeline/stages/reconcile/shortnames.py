"""A short name joined to a longer name of its article: clipped, held by a named thing, a club's last word, a place before it, a plural."""
from __future__ import annotations

import re

from pipeline.stages.reconcile.names import is_acronym
from pipeline.stages.reconcile.rows import Row as _Row


#: what a stock index's name adds to its short name: its number of stocks ("S&P 500", "FTSE 100", "CAC 40")
_INDEX_NUMBER = re.compile(r" \d{2,4}")


#: labels of names that have no parent: a short name is theirs whichever is written first
_NAMED_THINGS = frozenset({"EVENT", "PRODUCT", "FAC", "WORK_OF_ART"})


def _name_words(key: str) -> list[str]:
    """The words of a surface key without a closing full stop: "warner bros. discovery" opens with "warner bros"."""
    return [w.rstrip(".") for w in key.split(" ")]


def _clipped_name(row: _Row, starts: dict[str, list[int]], longer_by_word: dict[str, list[_Row]],
                  sector_words: frozenset[str]) -> _Row | None:
    """The one longer name of the document that ``row`` opens or ends, when the short name means it.

    A GPE word opens a longer GPE ("Saudi" of "Saudi Arabia"). An ORG name ends a longer ORG, written
    after it ("Aramco" of "Saudi Aramco") or before it when the longer adds one word (a headline's
    "Dortmund" before "Borussia Dortmund": a subsidiary adds its words after its parent's name, not
    before), or opens it, written after the longer name:
    before it, the short name is the parent and the longer a subsidiary ("Rheinmetall ... Rheinmetall Electronics"), unless
    the article writes the opening short name of two or more words at least as often after the longer one
    as before it and the added words name no sector ("Warner Bros ... Warner Bros. Discovery ... Warner
    Bros"); one word is a brand too often ("MarketVector ... MarketVector Defense Industry Index ...
    MarketVector", "Nvidia ... Nvidia Spectrum-X"); a short form of ``abbreviations`` ("Fed") is never clipped,
    so "Kansas City Fed" stays a branch. A bare "Games" is the article's one Olympics or Games
    ("Milan Cortina Winter Olympics ... this year's Games"), the longest when the others end it. An event, product, facility or work has
    no parent: its first or last words, in either order, are its short name ("Wimbledon Championships",
    "Anfield Stadium", "Career Grand Slam"), and so are the last words of an ORG-labelled name that opens
    with its maker ("Nvidia Spectrum-X" ... "Spectrum-X"), in either order. A short name the model calls a person
    joins only after the longer one, and never a place or nationality word: "Wembley" the suburb.
    """
    words = _name_words(row.key)
    n = len(words)
    if row.key == "games":
        # "this year's Games": the article's one Olympics or other Games, whatever the model's label
        events = sorted({r.key: r for head in ("$olympics", "$paralympics", "$games")
                         for r in longer_by_word.get(head, []) if r.label == "EVENT"}.items(),
                        key=lambda kv: -len(kv[0]))
        if events and all(events[0][0].endswith(" " + k) for k, _ in events[1:]):
            return events[0][1]
        return None
    if row.label in ("LOC", "NORP") or (row.label == "GPE" and n > 1):
        return None
    candidates = longer_by_word.get(words[0], [])
    if row.label != "GPE":
        candidates = candidates + longer_by_word.get("$" + words[-1], [])
    longer: dict[str, tuple[_Row, bool]] = {}
    for r in candidates:
        long_words = _name_words(r.key)
        if len(long_words) > n and (long_words[:n] == words or long_words[-n:] == words):
            longer.setdefault(r.key, (r, long_words[:n] == words))
    if row.label in ("GPE", "ORG"):
        same = {k: v for k, v in longer.items() if v[0].label == row.label}
        if not same and row.label == "ORG" and len(longer) == 1:
            # "S&P" of "S&P 500", "FTSE" of "FTSE 100": a stock index's short name, whatever the model's label
            long_row, opens = next(iter(longer.values()))
            if opens and long_row.label == "PRODUCT" and _INDEX_NUMBER.fullmatch(long_row.key[len(row.key):]):
                return long_row
        if len(same) != 1:
            return None
        long_row, opens = next(iter(same.values()))
        introduced = starts[long_row.key][0]
        before = sum(start < introduced for start in starts[row.key])
        long_words = _name_words(long_row.key)
        if row.label == "ORG" and before and (
                # ended, before: by one word only ("Borussia Dortmund"), never a headline's run of words
                (not opens and len(long_words) > n + 1)
                or (opens and (n == 1 or 2 * before > len(starts[row.key])
                               or any(w in sector_words for w in long_words[n:])))):
            return None
        return long_row
    if len(longer) != 1:
        return None
    long_row, opens = next(iter(longer.values()))
    if long_row.label not in _NAMED_THINGS and (long_row.label != "ORG" or opens):
        return None
    after = starts[row.key][0] > starts[long_row.key][0]
    if row.label == "PERSON" and not after:
        return None
    return long_row


#: labels of the longer names a short name the model called an organisation may be held in
_HOLDING_LABELS = _NAMED_THINGS | {"LAW"}


#: a year that closes a name ("U23 Asian Cup 2026")
_YEAR_WORD = re.compile(r"(?:1[89]|20)\d\d")


def _held_by_named(row: _Row, doc_rows: list[_Row]) -> _Row | None:
    """The article's one law, event or other named thing whose name holds ``row``'s words after its first word.

    The model reads a law's or an award's short name as an organisation: "Big Beautiful Bill"
    beside "One Big Beautiful Bill Act", "Audience Award" beside "Narrative Feature Competition
    Audience Award", "U23 Asian Cup 2026" beside "AFC U23 Asian Cup" (a closing year counts
    only when the longer name writes none). The short name is an ORG of two words at least,
    of no gazetteer entry, and never opens the longer name: "UEFA" of "UEFA Champions League"
    or "Asian Football Confederation" of a cup it names is the organiser, not the event. A short
    name two such names hold, or that an ORG or GPE name of the article also holds, stays apart.
    """
    if row.label != "ORG" or row.gaz is not None or row.person is not None:
        return None
    words = _name_words(row.key)
    year = words[-1] if len(words) > 2 and _YEAR_WORD.fullmatch(words[-1]) else None
    if year:
        words = words[:-1]
    n = len(words)
    if n < 2:
        return None
    found: dict[str, _Row] = {}
    for r in doc_rows:
        long_words = _name_words(r.key)
        if len(long_words) <= n or (year and any(_YEAR_WORD.fullmatch(w) for w in long_words)):
            continue
        if any(long_words[i:i + n] == words for i in range(1, len(long_words) - n + 1)):
            if r.label not in _HOLDING_LABELS:
                return None
            found[r.key] = r
    return next(iter(found.values())) if len(found) == 1 else None


#: what the entities stage records for a name it found a sports club by (``evidence``)
_CLUB_EVIDENCE = frozenset({"club_name", "club_context", "club_city"})


def _club_of(row: _Row, longer_by_word: dict[str, list[_Row]], club_suffixes: frozenset[str]) -> _Row | None:
    """The article's one club whose last word ``row`` writes alone, in either order and whatever the model's label.

    Sports pages shorten a club to its last word ("City" for "Manchester City", "Palace" for
    "Crystal Palace"), in a headline above the full name as often as below it, and the model
    reads "City" as a place. The longer name must be the article's only name ending in that
    word, and a club: its last word one of ``club_suffixes`` or a club cue of the entities
    stage on it. "United" with "Manchester United" and "Newcastle United" stays apart, and
    "City" beside "Mexico City" alone is no club's. A place keeps its own name unless that name
    is a club word: "Madrid" the city is never "Real Madrid". A club named by a word and its
    city ("Benfica Lisbon", evidence ``club_city``) is shortened to its first word ("Benfica").
    """
    if " " in row.key or row.label not in ("ORG", "GPE", "PERSON", "FAC"):
        return None
    # a word the model alone calls a place (no cue, no place identifier) may shorten a club a cue names ("Palace")
    guessed = row.label == "GPE" and not isinstance(row.record.get("evidence"), str) and not isinstance(row.record.get("kb_id"), str)
    if row.surface not in club_suffixes and ((row.label == "GPE" and not guessed) or row.record.get("evidence") == "place"):
        return None
    longer = {r.key: r for r in longer_by_word.get("$" + row.key, [])}
    if not longer:
        # "Benfica" of "Benfica Lisbon", "Galatasaray" of "Galatasaray Istanbul": a club named by a word
        # and its city (evidence club_city) is shortened to that word
        longer = {r.key: r for r in longer_by_word.get(row.key, []) if r.record.get("evidence") == "club_city"}
    if len(longer) != 1:
        return None
    club = next(iter(longer.values()))
    if club.label != "ORG" or not (club.surface.split(" ")[-1] in club_suffixes
                                   or club.record.get("evidence") in _CLUB_EVIDENCE):
        return None
    if guessed and row.surface not in club_suffixes and club.record.get("evidence") != "club_context":
        return None  # "Graz" beside "Sturm Graz" (club_city): a city's own name, not the club's short form
    return club


def _place_prefixed(row: _Row, singular: dict[str, _Row], opts: dict) -> _Row | str | None:
    """What an organisation's name means without the state or nationality opening it, when the article or the lexicon knows that.

    "US Federal Reserve" is the long form of ``abbreviations``' "Fed" (returned as its key);
    "European Copernicus" is the article's own "Copernicus" (its row), though "Copernicus"
    also opens "Copernicus Climate Change Service". A place word names no other actor in front
    of a name the article writes alone, so it makes no subsidiary ("Rheinmetall Electronics"
    adds its words after the name). A city or region is no such word: "Dallas Fed" is a branch.
    """
    if row.label != "ORG" or row.gaz is not None or " " not in row.key:
        return None
    first, rest = row.key.split(" ", 1)
    if first not in opts["place_words"]:
        return None
    if rest in opts["long_keys"]:
        return rest
    alone = singular.get(rest)
    if alone is None or alone.person is not None or alone.label not in ("ORG", *_NAMED_THINGS):
        return None
    return alone


def _plural_of(row: _Row, singular: dict[str, _Row]) -> _Row | None:
    """The row of the article's singular of a plural model or acronym name ("K2s" of "K2", "SMRs" of "SMR")."""
    key = row.key
    if row.label == "PERSON" or len(key) < 3 or not key.endswith("s") or " " in key:
        return None
    one = singular.get(key[:-1])
    if one is None or not (any(ch.isdigit() for ch in key) or is_acronym(row.surface)):
        return None
    return one
