"""One actor's spellings within an article: a name one letter off, a surname or first name of a person, an anaphor."""
from __future__ import annotations

from collections import Counter, defaultdict

from pipeline.stages.reconcile.names import GazetteerEntry, fold_ending, surface_key
from pipeline.stages.reconcile.rows import Row as _Row


#: the shortest surface key that a one-letter difference may join to another
_MIN_CLOSE_SPELLING = 6


def _join_close_spellings(rows: list[_Row]) -> None:
    """Within one article, a name written once with one letter off joins the spelling the article uses most.

    "Dealogic" and "Dealogik" of one label in one article are one entity, and so are a
    surname and the one full name whose surname it misses by a letter; names of fewer
    than six letters ("Iran", "Iraq") and names with digits are never joined, and
    neither are spellings the corpus gives different labels.
    """
    by_doc: dict[str, list[_Row]] = defaultdict(list)
    for row in rows:
        if row.target and row.target[0] == "key" and len(row.target[1]) >= _MIN_CLOSE_SPELLING and not any(c.isdigit() for c in row.target[1]):
            by_doc[row.record["doc_id"]].append(row)
    for doc_rows in by_doc.values():
        counts = Counter((r.target, r.label) for r in doc_rows)
        # most written first: a rarer spelling joins a more common one, never the reverse
        ranked = sorted(counts, key=lambda tl: (-counts[tl], tl))
        moved: dict[tuple, tuple] = {}
        for i, (target, label) in enumerate(ranked):
            for better, better_label in ranked[:i]:
                if (better_label == label and (better, better_label) not in moved
                        and target[1][0] == better[1][0] and _one_edit(target[1], better[1])):
                    moved[(target, label)] = better
                    break
            else:
                # "Domanski" after "Andrzej Domaski": a surname one letter off the article's one full name
                if label == "PERSON" and " " not in target[1]:
                    near = {b for b, b_label in ranked if b_label == "PERSON" and " " in b[1]
                            and _one_edit(target[1], b[1].rsplit(" ", 1)[-1])}
                    if len(near) == 1:
                        moved[(target, label)] = near.pop()
        for row in doc_rows:
            if (row.target, row.label) in moved:
                row.target, row.link = moved[(row.target, row.label)], "close_spelling"


def _one_edit(a: str, b: str) -> bool:
    """True when ``a`` and ``b`` differ by exactly one inserted, deleted or replaced letter.

    A sign is no misspelling: "Paramount+" (the streaming service) is not "Paramount".
    """
    if a == b or abs(len(a) - len(b)) > 1:
        return False
    if len(a) > len(b):
        a, b = b, a
    i = 0
    while i < len(a) and a[i] == b[i]:
        i += 1
    if len(a) == len(b):  # replaced
        return a[i].isalpha() and b[i].isalpha() and a[i + 1:] == b[i + 1:]
    return b[i].isalpha() and a[i:] == b[i + 1:]  # inserted into the shorter


def _short_forms(doc_rows: list[_Row]) -> dict[str, GazetteerEntry]:
    """Short-form key -> the gazetteer actor the document names by an alias and whose ``short_forms`` hold that key.

    A short form two actors of the article share ("Korea" beside "South Korea" and "North Korea") is left out.
    """
    owners: dict[str, dict[str, GazetteerEntry]] = defaultdict(dict)
    for row in doc_rows:
        if row.gaz is not None:
            for key in row.gaz.short_forms:
                owners[key][row.gaz.name] = row.gaz
    return {key: next(iter(named.values())) for key, named in owners.items() if len(named) == 1}


def _is_anaphor(row: _Row, opts: dict) -> bool:
    """True for "the <Head>" or a bare capitalised "<Head>" of an institutional name."""
    words = row.surface.split(" ")
    if len(words) == 2 and words[0].casefold() == "the":
        return surface_key(words[1]) in opts["heads"]
    return len(words) == 1 and row.key in opts["heads"] and words[0][:1].isupper()


def _fold_key(key: str, endings: tuple[tuple[str, ...], ...]) -> str:
    """A surface key with transliterated name endings folded, as ``person_key`` does."""
    return " ".join(fold_ending(word, endings) for word in key.split(" ")) if endings else key


def _link_surname(row: _Row, persons: list[_Row], endings: tuple = ()) -> _Row | None:
    """The full name in the document that ``row`` shortens to its surname, by context."""
    if row.gaz is not None and row.gaz.label != "PERSON":
        return None
    key = _fold_key(row.key, endings)
    matches = [p for p in persons if p.person.surname == key and p.person.full != key]
    if not matches:
        return None
    if len({(p.person.first, p.person.surname) for p in matches}) == 1:
        return matches[0]
    # people sharing a surname: the nearest full name before the mention, else after it
    start = int(row.record["start"])
    before = [p for p in matches if int(p.record["start"]) < start]
    if before:
        return max(before, key=lambda p: int(p.record["start"]))
    return min(matches, key=lambda p: int(p.record["start"]))


def _link_first_name(row: _Row, persons: list[_Row], endings: tuple = ()) -> _Row | None:
    """The one full name of the document that a bare PERSON first name ("Keir") opens."""
    if row.label != "PERSON" or " " in row.key:
        return None
    key = _fold_key(row.key, endings)
    matches = {(p.person.first, p.person.surname): p for p in persons if p.person.first == key}
    if len(matches) != 1 or any(p.person.surname == key for p in persons):
        return None
    return next(iter(matches.values()))
