"""Acronyms within one article: its definitions ("Long Name (ACR)"), the names its initials spell, Acts and party names."""
from __future__ import annotations

from collections import defaultdict

from pipeline.stages.reconcile.names import LEADING_THE, acronym_matches, is_acronym
from pipeline.stages.reconcile.rows import Row, ref


def initials(key: str) -> str:
    """The first letters of every word of a surface key, function words included: "united states" -> "us"."""
    return "".join(w[0] for w in key.replace("-", " ").split(" ") if w)


def article_initials(row: Row, spelled: dict[str, list[Row]], doc_rows: list[Row], elsewhere: set | None,
                      opts: dict) -> Row | None:
    """The one multi-word name of the row's own article whose initials an acronym of no gazetteer entry spells.

    Of names of several labels, those of the acronym's label; of several still, the one spelled with every word.
    When another article defines the acronym, a name of the article it abbreviates with letters from inside its
    words ("PESCO", "Permanent Structured Cooperation") is the article's own too, if it is the only one.
    """
    if row.gaz is not None or not is_acronym(row.surface):
        return None
    letters = row.key.replace(".", "")
    named = [r for r in spelled.get(letters, []) if r is not row]
    if not named and elsewhere:
        named = [r for r in doc_rows if " " in r.key and r.label != "PERSON" and not is_acronym(r.surface)
                 and acronym_matches(row.surface, LEADING_THE.sub("", r.surface), opts["fillers"])]
    named = [r for r in named if r.label == row.label] or named
    if len({ref(r) for r in named}) > 1:
        named = [r for r in named if initials(r.key) == letters]
    return named[0] if named and len({ref(r) for r in named}) == 1 else None


def initials_index(rows: list[Row], fillers: frozenset[str]) -> dict[str, list[Row]]:
    """Multi-word names by the initials of their content words ("united states" -> "us") and of all their words.

    The second form is how news abbreviates central banks and the like: "bank of
    japan" -> "boj" ("BoJ"), "bank of england" -> "boe" ("BOE").
    """
    index: dict[str, list[Row]] = defaultdict(list)
    for row in rows:
        words = [w for w in row.key.replace("-", " ").split(" ") if w and w not in fillers]
        if len(words) >= 2 and row.label != "PERSON" and not is_acronym(row.surface):
            index["".join(w[0] for w in words)].append(row)
            every = initials(row.key)
            if every != "".join(w[0] for w in words):
                index[every].append(row)
    return index


def doc_acronyms(doc_rows: list[Row], opts: dict) -> dict[str, Row]:
    """Acronyms defined in one document: acronym key -> the row of its long form.

    A definition is a long form and an acronym next to each other, one in brackets
    right after the other ("Security Action For Europe (SAFE)", "DASA [Defence and
    Security Accelerator]"): at most two characters apart. The acronym may end with the
    letter of a legal word the long form leaves out ("Hindustan Aeronautics (HAL)", for Limited).
    """
    fillers = opts["fillers"]
    found: dict[str, Row] = {}
    for a, b in zip(doc_rows, doc_rows[1:]):
        gap = int(b.record["start"]) - int(a.record["end"])
        if not 1 <= gap <= 2:
            continue
        for short, long_row in ((b, a), (a, b)):
            if not is_acronym(short.surface) or is_acronym(long_row.surface):
                continue
            long_form = LEADING_THE.sub("", long_row.surface)
            # "Food and Agriculture Organization of the United Nations (FAO)", "Social Democratic Party
            # of Germany (SPD)": the acronym spells the name before the "of" that places it
            head = long_form.split(" of ", 1)[0]
            if acronym_matches(short.surface, long_form, fillers) or (
                    head != long_form and " " in head and acronym_matches(short.surface, head, fillers)) or any(
                    word[:1].casefold() == short.surface[-1:].casefold() and " " in long_form
                    and acronym_matches(short.surface, f"{long_form} {word}", fillers) for word in opts["legal_words"]):
                found.setdefault(short.key, long_row)
    # a ticker after its exchange in brackets right after the name ("Bank of America Corporation
    # (NYSE:BAC)"): the ticker is that company's, as an acronym in brackets would be
    exchanges = opts["exchanges"]
    for a, x, b in zip(doc_rows, doc_rows[1:], doc_rows[2:]):
        # "(NYSE: BMY)" with a space, and "Thomson Reuters Co. (NYSE:TRI)" whose period the name left out
        if (x.surface in exchanges and 1 <= int(x.record["start"]) - int(a.record["end"]) <= 3
                and 1 <= int(b.record["start"]) - int(x.record["end"]) <= 2 and is_acronym(b.surface)
                and not is_acronym(a.surface) and a.label == "ORG"):
            found.setdefault(b.key, a)
    # a symbol alone in brackets right after a company the extractor read as listed by it
    # ("Novartis (NVS)", "Medpace (MEDP)": evidence ``ticker``, which checked the brackets)
    for a, b in zip(doc_rows, doc_rows[1:]):
        if (a.record["evidence"] == "ticker" and a.label == "ORG" and b.gaz is None and is_acronym(b.surface)
                and b.surface not in exchanges
                and not is_acronym(a.surface) and 1 <= int(b.record["start"]) - int(a.record["end"]) <= 2):
            found.setdefault(b.key, a)
    return found


def named_act(row: Row, doc_rows: list[Row], fillers: frozenset[str]) -> Row | None:
    """The one Act of the document whose full name the capitals of ``row`` spell ("FAIR PREP Act": "Fostering
    Autonomy in Independent Returns by Prohibiting Redundant and Extralegal Programs Act"), else None."""
    words = row.surface.split(" ")
    if row.label != "LAW" or len(words) < 2 or words[-1] != "Act" or not all(is_acronym(w) for w in words[:-1]):
        return None
    letters = "".join(words[:-1])
    found = {r.key: r for r in doc_rows
             if r is not row and r.label == "LAW" and r.surface.endswith(" Act")
             and acronym_matches(letters, r.surface[:-4], fillers)}
    return next(iter(found.values())) if len(found) == 1 else None


def named_by_known_acronym(doc_rows: list[Row]) -> dict[str, Row]:
    """Names of no gazetteer entry that a gazetteer acronym in brackets right after them stands for: name key -> acronym row.

    Party news names a party by its members and its acronym: "the Social Democrats (SPD)",
    "Christian Democrats (CDU)", "Free Democrats (FDP)". The acronym is known, so the name is
    that actor when its words' initials come in the acronym's order, the first with the first
    ("SPD": S, D); one word, or initials the acronym does not hold, is no such name.
    """
    found: dict[str, Row] = {}
    for a, b in zip(doc_rows, doc_rows[1:]):
        if (b.gaz is None or a.gaz is not None or a.person is not None or not is_acronym(b.surface)
                or not 1 <= int(b.record["start"]) - int(a.record["end"]) <= 2):
            continue
        initials = [w[0] for w in LEADING_THE.sub("", a.surface).casefold().split(" ") if w[:1].isalpha()]
        letters = iter(b.key.replace(".", ""))
        if len(initials) >= 2 and initials[0] == b.key[:1] and all(ch in letters for ch in initials):
            found.setdefault(a.key, b)
    return found
