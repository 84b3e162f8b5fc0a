"""A company's short name: its long name without the trailing sector or legal words ("Flagstar" of "Flagstar Bank")."""
from __future__ import annotations

from pipeline.stages.reconcile.rows import Row

#: labels a short name may carry: never a place, nationality or event word ("American" of "American Airlines")
_SHORT_LABELS = frozenset({"ORG", "PERSON", "PRODUCT", "WORK_OF_ART"})


def name_tails(cfg: dict) -> frozenset[str]:
    """Case-folded ``short_name_tails`` of entities.toml with the legal forms; each tail must be an ``org_suffixes`` word.

    Raises ValueError (E219) for a tail that ``org_suffixes`` does not list: the sector words have one home.
    """
    suffixes = set(cfg.get("org_suffixes", [])) | set(cfg.get("legal_forms", []))
    tails = list(cfg.get("short_name_tails", []))
    stray = [w for w in tails if w not in suffixes]
    if stray:
        raise ValueError(f"[E219] short_name_tails {stray} are not org_suffixes of entities.toml")
    return frozenset(w.casefold() for w in tails + list(cfg.get("legal_forms", [])))


def tail_dropped(row: Row, longer: list[Row], tails: frozenset[str], place_words: frozenset[str]) -> Row | None:
    """The article's one longer ORG name that ``row``'s words open and that adds only ``tails`` words, else None.

    ``longer`` are the article's longer names that open with ``row``'s first word. The order of the two
    in the text does not matter (a headline's "Flagstar" before "Flagstar Bank"). The short name stays apart
    when another longer name of the article opens with its words ("Deutsche" of "Deutsche Bank" and
    "Deutsche Telekom"), when a word added is no tail ("Apple Music"), and when it is a place or
    nationality word ("American" of "American Airlines").
    """
    if row.label not in _SHORT_LABELS or row.key in place_words:
        return None
    words = [w.rstrip(".") for w in row.key.split(" ")]
    n = len(words)
    opened = {}
    for r in longer:
        long_words = [w.rstrip(".") for w in r.key.split(" ")]
        if len(long_words) > n and long_words[:n] == words:
            # the surface's words after the short name keep their dots and legal forms ("Mfg. Co. Ltd.")
            written = [w.rstrip(",") for w in r.surface.casefold().split()]
            added = written[n:] if [w.rstrip(".") for w in written[:n]] == words else long_words[n:]
            opened.setdefault(r.key, (r, added))
    if len(opened) != 1:
        return None
    long_row, added = next(iter(opened.values()))
    if long_row.label != "ORG" or not all(w.rstrip(".") in tails or _abbreviation(added, i, tails)
                                          for i, w in enumerate(added)):
        return None
    return long_row


def _abbreviation(added: list[str], i: int, tails: frozenset[str]) -> bool:
    """True for a short word written with its dot before a legal form or tail (entity round 68, ``rule:abbrev_dot``):
    "Mfg." of "Godrej & Boyce Mfg. Co. Ltd.", "Engg." of "Remi Sales & Engg. Ltd." abbreviate a sector word."""
    word = added[i]
    return (word.endswith(".") and 2 <= len(word) - 1 <= 5 and word[:-1].isalpha()
            and any(w.rstrip(".") in tails for w in added[i + 1:]))
