"""A person's other written form joins the one full name of its article it abbreviates (link ``person_form``), round 64.

Articles shorten a person's full name in ways the surname and first-name links do not read (dev8 1302, 1304, dev14
1908, 1911): a middle name the person is known by ("Luiz Inácio Lula da Silva ... President Lula"), a double surname
written with a hyphen ("Gemma Arias Vasquez ... Ms Arias-Vasquez"), an initial before the surname ("Askhat
Khassenov ... A. Khassenov") and the initials of every word ("Mohammed bin Salman ... MBS's visit"). The evidence is
inside the article: the full name is written before the short form, the short form's words are the full name's
words (or their initials) in the same order, and no other person of the article fits, nor does any other name its
initials spell, nor is the short form another person's first name or surname.
"""
from __future__ import annotations

from pipeline.stages.reconcile.names import is_acronym
from pipeline.stages.reconcile.rows import Row

#: shortest middle or double-surname word taken alone ("Lula"); shorter ones are too often a particle or initial
MIN_WORD = 3
#: fewest letters of a person's initials ("MBS"); two letters name too many things
MIN_INITIALS = 3


def _tokens(key: str) -> list[str]:
    """A person key's words, a hyphenated word as its parts ("arias-vasquez" -> "arias", "vasquez")."""
    return [t for w in key.split(" ") for t in w.strip(".,").split("-") if t]


def _fits(short: list[str], full: list[str], acronym: bool, short_words: list[str]) -> bool:
    """True when ``short`` writes a shorter form of ``full`` by one of the four shapes of the module docstring."""
    if acronym:  # "MBS" = Mohammed bin Salman: the initials of every word, particles included
        return len(full) >= MIN_INITIALS and "".join(w[0] for w in full) == short[0]
    initials = 0
    while initials < len(short) and len(short[initials]) == 1:
        initials += 1
    if initials:  # "A. Khassenov": initials of the first words, then every remaining word of the full name
        rest = short[initials:]
        return (bool(rest) and initials + len(rest) == len(full)
                and all(full[i][0] == short[i] for i in range(initials)) and full[initials:] == rest)
    if len(short) >= len(full) or len(short_words) > 1 or any(len(t) < MIN_WORD for t in short):
        return False  # a run is one written word: "Maria Lopez" beside "Ana Maria Lopez" may be another person
    # "Lula", "Arias Vasquez": a run of the full name's words that is neither its first word nor its last alone
    n = len(short)
    runs = [i for i in range(1, len(full) - n + 1) if full[i:i + n] == short]
    return bool(runs) and not (n == 1 and runs == [len(full) - 1])


def person_form(row: Row, persons: list[Row], doc_rows: list[Row], key: str) -> Row | None:
    """The one full person name of ``row``'s article that ``row`` (a PERSON mention) abbreviates, else None.

    ``persons`` are the article's rows parsed as people, ``key`` is ``row``'s key with transliterated endings
    folded. The full name has two words or more, no initial for a first name, and is written before ``row``.
    """
    if row.label != "PERSON" or row.gaz is not None:
        return None
    acronym = is_acronym(row.surface) and " " not in row.key and len(row.key) >= MIN_INITIALS
    short = [key] if acronym else _tokens(key)
    if not short or (not acronym and row.surface.isupper()):
        return None
    start = int(row.record["start"])
    fits: dict[tuple[str, str], Row] = {}
    for p in persons:
        full = _tokens(p.person.full)
        if p is row or len(full) < 2 or len(full[0]) == 1 or p.person.full == key:
            continue
        # another person of the article whose first name or surname the short form is: never guess between them
        if " ".join(short) in (p.person.first, p.person.surname):
            return None
        if _fits(short, full, acronym, key.split(" ")):
            fits.setdefault((p.person.first, p.person.surname), p)
    if len(fits) != 1:
        return None
    full_row = next(iter(fits.values()))
    if int(full_row.record["start"]) > start:
        return None
    if acronym and any(r.person is None and " " in r.key and "".join(w[0] for w in _tokens(r.key)) == key
                       for r in doc_rows):
        return None  # "MBS" beside a "Metropolitan Bus Service" the article names: which one is not shown
    return full_row
