"""Surface forms, keys, the gazetteer, acronyms and person names: what reconciliation matches mentions by."""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

ENTITY_LABELS = ("PERSON", "NORP", "ORG", "GPE", "LOC", "FAC", "EVENT", "LAW", "PRODUCT",
                 "WORK_OF_ART", "LANGUAGE")

_WS = re.compile(r"\s+")
_POSSESSIVE = re.compile(r"(?:['’]s|(?<=s)['’])$")
_DASHES = str.maketrans({"–": "-", "—": "-", "‐": "-", "‑": "-", "‒": "-", "−": "-"})
_INITIALISM = re.compile(r"^(?:[A-Za-z]\.){1,}[A-Za-z]?\.?$")
LEADING_THE = re.compile(r"^the\s+", re.IGNORECASE)
YEAR_PREFIX = re.compile(r"^(?:1[89]|20)\d\d (?=\S)")


# ------------------------------------------------------------------ surface helpers


def fold_whitespace(text: str) -> str:
    """Return ``text`` with every whitespace run (line breaks included) as one space."""
    return _WS.sub(" ", text).strip()


def strip_possessive(text: str) -> str:
    """Drop a trailing possessive marker: "Starmer's" -> "Starmer", "allies’" -> "allies"."""
    return _POSSESSIVE.sub("", text.rstrip())


def surface_form(text: str) -> str:
    """The alias form of a mention's text: whitespace folded, possessive stripped."""
    return strip_possessive(fold_whitespace(text))


def _strip_accents(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def _fold_word(word: str) -> str:
    # "U.S." and "U.K" are the same initialism as "US" and "UK"
    if _INITIALISM.match(word):
        return word.replace(".", "")
    return word


def surface_key(text: str) -> str:
    """The matching key of a surface: folded, possessive-free, case/accent/dash-insensitive.

    A leading "the" is ignored, so "the Union" and "Union" share a key.
    """
    form = surface_form(text).translate(_DASHES)
    form = LEADING_THE.sub("", form)
    words = [_fold_word(w) for w in form.split(" ")]
    # "EU-U.K." -> "EU-UK": fold initialisms inside hyphenated compounds too
    words = ["-".join(_fold_word(p) for p in w.split("-")) for w in words]
    return _strip_accents(" ".join(words)).casefold()


def alias_variants(alias: str) -> list[str]:
    """The surface forms under which a gazetteer alias is matched in text.

    The alias itself; its ALL-CAPS form (datelines, headings: "BRUSSELS"); its form with a
    capitalised first letter (sentence starts: "Von der Leyen", "The bloc"); for names of
    three or more words the sentence-case form ("Security and defence partnership");
    and each of these with an en dash for a hyphen between two words ("EU–UK Summit").
    """
    forms = [alias]
    if any(ch.islower() for ch in alias):
        forms.append(alias.upper())
    if alias[:1].islower():
        forms.append(alias[:1].upper() + alias[1:])
    words = alias.split(" ")
    if len(words) >= 3:
        forms.append(alias[:1].upper() + alias[1:].lower())
    dashed = [re.sub(r"(?<=\w)-(?=\w)", "–", form) for form in forms]
    out: list[str] = []
    for form in forms + dashed:
        if form not in out:
            out.append(form)
    return out


# ------------------------------------------------------------------ gazetteer


@dataclass(frozen=True)
class GazetteerEntry:
    """One actor of the gazetteer: canonical name, label, aliases and optional KB id."""

    name: str
    label: str
    aliases: tuple[str, ...]
    kb_id: str | None = None
    #: the heads a text calls it by once named ("Parliament" for the Bundestag), case-folded
    described_as: tuple[str, ...] = ()
    #: surface keys of the short forms it goes by in an article that names it by an alias ("reform" for Reform UK)
    short_forms: tuple[str, ...] = ()


def gazetteer_entries(lexicon: dict) -> list[GazetteerEntry]:
    """Read and check the ``[[entity]]`` records of the gazetteer part of ``lexicon``.

    Raises ValueError with code E210-E212 on a malformed record, an unknown label or an
    alias (after key folding) claimed by two entries.
    """
    gazetteer = (lexicon or {}).get("gazetteer") or {}
    entries: list[GazetteerEntry] = []
    owner: dict[str, str] = {}
    for i, record in enumerate(gazetteer.get("entity", [])):
        name = record.get("name")
        label = record.get("label")
        if not isinstance(name, str) or not name.strip():
            raise ValueError(f"[E210] gazetteer entity #{i} has no name")
        if label not in ENTITY_LABELS:
            raise ValueError(f"[E211] gazetteer entity {name!r} has label {label!r}, not one of {ENTITY_LABELS}")
        aliases = tuple(dict.fromkeys([name, *record.get("aliases", [])]))
        for alias in aliases:
            for form in alias_variants(alias):
                key = surface_key(form)
                if owner.setdefault(key, name) != name:
                    raise ValueError(
                        f"[E212] gazetteer alias {alias!r} of {name!r} collides with an alias of {owner[key]!r}"
                    )
        described = tuple(w.casefold() for w in record.get("described_as", []))
        short = tuple(dict.fromkeys(surface_key(form) for alias in record.get("short_forms", [])
                                    for form in alias_variants(alias)))
        entries.append(GazetteerEntry(name, label, aliases, record.get("kb_id") or None, described, short))
    return entries


# ------------------------------------------------------------------ acronyms


def is_acronym(surface: str) -> bool:
    """True for an acronym or initialism such as "EU", "U.K.", "SAFE", "MoD", "SMEs"."""
    letters = surface.replace(".", "")
    if not 2 <= len(letters) <= 10 or not letters.isalnum() or " " in surface:
        return False
    if letters.endswith("s") and sum(ch.isupper() for ch in letters[:-1]) >= 2:
        letters = letters[:-1]
    upper = sum(ch.isupper() for ch in letters)
    return upper >= 2 and upper * 2 >= len(letters) and letters[0].isupper()


def acronym_matches(acronym: str, long_form: str, fillers: frozenset[str]) -> bool:
    """True when ``acronym`` abbreviates ``long_form``.

    Every content word of the long form gives the acronym its initial and may give
    further letters from inside it, in order ("PErmanent Structured COoperation" ->
    PESCO, "Ministry of Defence" -> MoD); the lower-cased function words in ``fillers``
    may give a letter or none ("Security Action For Europe" -> SAFE, "Trade and
    Cooperation Agreement" -> TCA).
    """
    letters = tuple(ch.casefold() for ch in acronym if ch.isalnum())
    if letters and acronym.endswith("s") and len(letters) > 2 and acronym[:-1].isupper():
        letters = letters[:-1]
    words = tuple(w.casefold() for w in re.split(r"[\s\-/]+", _strip_accents(long_form)) if any(c.isalnum() for c in w))
    words = tuple("".join(c for c in w if c.isalnum()) for w in words)
    if len(letters) < 2 or len(words) < 2 or not words[0] or words[0][0] != letters[0]:
        return False
    return _cover(letters, words, fillers)


@lru_cache(maxsize=4096)
def _cover(letters: tuple[str, ...], words: tuple[str, ...], fillers: frozenset[str]) -> bool:
    @lru_cache(maxsize=None)
    def step(li: int, wi: int, ci: int) -> bool:
        if wi == len(words):
            return li == len(letters)
        word = words[wi]
        if ci == 0:
            if word in fillers and step(li, wi + 1, 0):
                return True
            return li < len(letters) and word[:1] == letters[li] and step(li + 1, wi, 1)
        if step(li, wi + 1, 0):
            return True
        if li < len(letters):
            pos = word.find(letters[li], ci)
            while pos != -1:
                if step(li + 1, wi, pos + 1):
                    return True
                pos = word.find(letters[li], pos + 1)
        return False

    return step(0, 0, 0)


# ------------------------------------------------------------------ person names


@dataclass(frozen=True)
class PersonName:
    """A full personal name split into the keys that link its short forms."""

    first: str
    surname: str
    full: str


def person_key(text: str, endings: tuple[tuple[str, ...], ...] = ()) -> str:
    """The matching key of a personal name: ``surface_key`` with transliterated endings folded.

    ``endings`` are groups of spellings of one name ending, the first being the folded
    form: with ``(("y", "yy", "iy"),)`` "Zelenskiy" and "Zelenskyy" both give "zelensky".
    Words shorter than four letters are left alone.
    """
    key = surface_key(text)
    if not endings:
        return key
    return " ".join(fold_ending(word, endings) for word in key.split(" "))


def fold_ending(word: str, endings: tuple[tuple[str, ...], ...]) -> str:
    if len(word) < 4:
        return word
    for group in endings:
        for ending in sorted(group, key=len, reverse=True):
            if word.endswith(ending) and len(word) - len(ending) >= 3:
                return word[: len(word) - len(ending)] + group[0]
    return word


def parse_person(surface: str, particles: frozenset[str], suffixes: frozenset[str], *,
                 endings: tuple[tuple[str, ...], ...] = ()) -> PersonName | None:
    """Split a full name ("Ursula von der Leyen", "Recep Tayyip Erdoğan") or return None.

    The surname starts at the first name particle after the first name ("von der
    Leyen", "De Wever"), else it is the last word; generational suffixes are skipped.
    A word with a digit ("Danish F-16s") is no name. The keys are ``person_key``s, so
    transliteration variants in ``endings`` give one person.
    """
    words = surface.split(" ")
    if any(ch.isdigit() for ch in surface):
        return None
    if len(words) == 2 and words[1] in suffixes and words[0][:1].isupper():
        # "Charles III": a given name and a regnal number
        return PersonName(first=person_key(words[0], endings), surname=person_key(surface, endings),
                          full=person_key(surface, endings))
    while len(words) > 2 and words[-1] in suffixes:
        words = words[:-1]
    # "von der Leyen", "De Wever": a surname on its own, not a full name
    if len(words) < 2 or len(words) > 5 or words[0].casefold() in particles:
        return None
    for w in words:
        if not (w[:1].isupper() or w.casefold() in particles):
            return None
    start = len(words) - 1
    for i in range(1, len(words) - 1):
        if words[i].casefold() in particles:
            start = i
            break
    return PersonName(
        first=person_key(words[0], endings),
        surname=person_key(" ".join(words[start:]), endings),
        full=person_key(" ".join(words), endings),
    )

