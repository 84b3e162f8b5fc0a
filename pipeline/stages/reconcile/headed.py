"""Names an acronym opens ("CPP Investments", "SA Army") and the one long name of their article they shorten."""
from __future__ import annotations

from pipeline.stages.reconcile.names import LEADING_THE, is_acronym
from pipeline.stages.reconcile.rows import Row, ref


def _same_word(a: str, b: str) -> bool:
    """One word, or the one in the plural: "investments" and "investment"."""
    return a == b or (len(a) > 3 and len(b) > 3 and a.rstrip("s") == b.rstrip("s"))


def _spelled_by(letters: str, words: list[str], fillers: frozenset[str]) -> list[int]:
    """The counts k of leading words whose initials (every word's, or the content words') are ``letters``."""
    found = []
    for k in range(len(letters), len(words)):
        head = words[:k]
        every = "".join(w[0] for w in head)
        content = "".join(w[0] for w in head if w not in fillers)
        if letters in (every, content) and head[0] not in fillers and head[-1] not in fillers:
            found.append(k)
    return found


def _words(surface: str) -> list[str]:
    return [w for w in LEADING_THE.sub("", surface).casefold().replace("’s", "").replace("'s", "").split(" ") if w]


def acronym_headed(row: Row, doc_rows: list[Row], spelled: dict[str, list[Row]],
                   fillers: frozenset[str]) -> Row | None:
    """The one long name of the article that ``row`` writes as its initials and next words (link ``acronym_headed``).

    News shortens a long name by writing the initials of its leading words and keeping the word after them:
    "Canada Pension Plan Investment Board" ... "CPP Investments", "South African Army" ... "SA Army" (dev14 1910,
    dev12 1702; dev3 712's "FAIR PREP Act", an Act, is ``named_act``'s). The join needs the evidence inside the
    article: both forms written there, the acronym the initials of the long name's first words (every word's, or
    the content words' with ``acronym_fillers`` skipped, never letters from inside a word), each later word of the
    short form the next word of the long one (a plural "s" aside: "Investments", "Investment"), one such long name
    only, and no other name of the long name's label whose initials the acronym spells ("Salvation Army"); a place
    it spells is no rival ("South Africa"). None when any of that fails, and for persons and gazetteer entries.
    """
    words = row.surface.split(" ")
    if (row.gaz is not None or row.label == "PERSON" or len(words) < 2 or not is_acronym(words[0])
            or any(is_acronym(w) or not w[:1].isupper() for w in words[1:])):
        return None
    letters = words[0].replace(".", "").casefold()
    tail = [w.casefold() for w in words[1:]]
    found: dict[tuple, Row] = {}
    for other in doc_rows:
        if other is row or other.label == "PERSON" or is_acronym(other.surface):
            continue
        long_words = _words(other.surface)
        for k in _spelled_by(letters, long_words, fillers):
            rest = long_words[k:]
            if len(rest) >= len(tail) and all(_same_word(a, b) for a, b in zip(tail, rest)):
                found[ref(other)] = other
    if len(found) != 1:
        return None
    long_row = next(iter(found.values()))
    # another name of the long name's label whose initials the acronym spells ("Canadian People's Party"): no
    # join; a place it also spells stays no rival ("South Africa" beside "SA Army" and "South African Army")
    rivals = [r for r in spelled.get(letters, []) if ref(r) not in (ref(row), ref(long_row))]
    if any(r.label == long_row.label for r in rivals):
        return None
    return long_row
