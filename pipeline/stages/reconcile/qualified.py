"""An institution named with and without its country within one article ("Supreme Court" and "Supreme Court of India")."""
from __future__ import annotations

from pipeline.stages.reconcile.rows import Row


def institution_core(key: str, heads: frozenset[str], places: frozenset[str]) -> tuple[str, bool] | None:
    """(the name without its country, whether a country was written) of an institution's surface key, else None.

    The country is a leading state or nationality word ("brazilian health ministry") or a closing "of [the]
    <place>" ("supreme court of india"); the core is written head first ("ministry of health", "court of
    supreme"), so "Health Ministry" and "Ministry of Health" meet. The head is a word of ``qualified_heads``
    (entities.toml: bodies a state has one of); the core keeps two words at least ("Court" alone is no core).
    """
    words = key.split(" ")
    placed = False
    if len(words) > 2 and words[0] in places:
        words, placed = words[1:], True
    for i in range(len(words) - 2, 0, -1):
        if words[i] == "of":
            tail = words[i + 1:]
            tail = tail[1:] if tail[:1] == ["the"] else tail
            if tail and " ".join(tail) in places:
                if placed:
                    return None  # "Brazilian Ministry of Health of Brazil": no such name
                words, placed = words[:i], True
            break
    if len(words) < 2:
        return None
    if words[0] in heads and len(words) > 2 and words[1] == "of" and "of" not in words[2:]:
        return " ".join(words), placed
    if words[-1] in heads and "of" not in words:
        return " ".join([words[-1], "of", *words[:-1]]), placed
    return None


def place_qualified(row: Row, doc_rows: list[Row], heads: frozenset[str], place_words: frozenset[str]) -> Row | None:
    """The article's one institution name that is ``row``'s with a country written, else None (link ``place_qualified``).

    "Supreme Court" (a headline, before or after) is the article's "Supreme Court of India"; "Ministry of Health"
    its "Brazilian Health Ministry". Both are ORG names of no gazetteer entry. When the article writes the core
    with two different countries ("Brazilian Health Ministry", "Argentine Health Ministry") the bare name stays
    apart, and a name that is no state body's ("Premier League" of "Indian Premier League") has no head.
    """
    if row.label != "ORG" or row.gaz is not None or " " not in row.key or heads.isdisjoint(row.key.split(" ")):
        return None  # no head word, no core: skip building the article's places for most names
    places = place_words | {r.key for r in doc_rows if r.label == "GPE"}
    core = institution_core(row.key, heads, places)
    if core is None or core[1]:
        return None
    found: dict[str, Row] = {}
    for r in doc_rows:
        if r is row or r.label != "ORG" or r.gaz is not None or r.key == row.key or heads.isdisjoint(r.key.split(" ")):
            continue
        other = institution_core(r.key, heads, places)
        if other is not None and other[1] and other[0] == core[0]:
            found.setdefault(r.key, r)
    return next(iter(found.values())) if len(found) == 1 else None
