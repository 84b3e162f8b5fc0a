"""A company's short name joins the full name its article introduced it by (link ``introduced_name``), round 53.

An article introduces a company by its full name and then shortens it: "Voyager Technologies has filed for an
IPO ... a joint venture that Voyager owns" (dev10 1511), "Capella Space said ... IonQ would acquire Capella"
(1511), "Loblaw Companies Limited (TSX: L, "Loblaw" or the "Company")" (dev12 1708), "Huntington Bancshares
Incorporated and Veritex Holdings, Inc. ... the merger agreement between Huntington and Veritex" (dev14 1901).
``short_name`` and ``name_tail`` (linking, tails) leave these apart: the model gave the two forms different labels
("Voyager" PRODUCT, "Capella Space" PERSON, "Loblaw" WORK_OF_ART), or the article's subsidiaries open with the
same words ("The Huntington National Bank", "Veritex Community Bank"). The full name written before the short
name's first mention is the one it shortens; when several longer names open with it, only one that is the
company's registered name (a closing legal form, "Incorporated", "Inc.") and the only one written before.
"""
from __future__ import annotations

from pipeline.stages.reconcile.legalforms import legal_named
from pipeline.stages.reconcile.rows import Row

#: labels the model gives a company's short name: never a place, nationality or person word
SHORT_LABELS = frozenset({"ORG", "PRODUCT", "WORK_OF_ART"})
#: labels of the full name: a company, or one the model read as a person ("Capella Space")
LONG_LABELS = frozenset({"ORG", "PERSON"})
#: cues of the entities stage that make a PERSON-labelled full name a person's, never a company's
PERSON_CUES = frozenset({"first_name", "person_title", "honorific", "surname_alone", "role_noun"})


def _words(key: str) -> list[str]:
    """A surface key's words without trailing stops and commas, so "veritex holdings, inc." opens with "veritex"."""
    return [w.rstrip(".,") for w in key.split(" ")]


def introduced_name(row: Row, doc_rows: list[Row], starts: dict[str, list[int]], *,
                    place_words: frozenset[str], legal_forms: frozenset[str]) -> Row | None:
    """The full name of ``row``'s article that ``row`` shortens, written before it, else None.

    ``starts`` maps a surface key to its mentions' offsets in the article, in order. The full name opens
    with all of ``row``'s words and adds at least one; it is the only such name written before ``row``'s
    first mention; when the article writes other longer names opening with those words (a subsidiary), it
    must end with a legal form. A short name with a gazetteer entry, a person's name, a place word or a
    short name written before its full name stays apart; so does a full name a person cue backs.
    """
    if row.gaz is not None or row.person is not None or row.label not in SHORT_LABELS or row.key in place_words:
        return None
    words = _words(row.key)
    n = len(words)
    opened: dict[str, Row] = {}
    for r in doc_rows:
        if r.key != row.key and len(_words(r.key)) > n and _words(r.key)[:n] == words:
            opened.setdefault(r.key, r)
    before = [r for key, r in opened.items() if starts[key][0] < starts[row.key][0]]
    if len(before) != 1:
        return None
    full = before[0]
    if full.label not in LONG_LABELS or full.gaz is not None or full.key in place_words:
        return None
    # a full name read as a person is a company's only when a cue of the entities stage calls the short name no
    # person ("Capella", evidence no_person); else it is the person's first name ("Samia" of "Samia Suluhu")
    if full.label == "PERSON" and (full.record.get("evidence") in PERSON_CUES or not row.record.get("evidence")):
        return None
    if len(opened) > 1 and not legal_named(full.surface, full.label, legal_forms):
        return None
    return full
