"""Reconcile entity mentions of the whole corpus into canonical entities.

``reconcile`` takes the ``mention_candidates`` rows of every article and decides which
real-world actor each mention names. It works from the candidate rows alone (surface,
offsets, label, document), helped but not limited by the gazetteer:

* surface variants share one key: whitespace runs folded ("von der\\nLeyen"),
  possessives stripped ("Starmer's"), case, accents, dashes and the dots of initialisms
  ignored ("U.K." = "UK", "BRUSSELS" = "Brussels", "EU–UK" = "EU-UK"); a company's legal
  form is ignored ("Rheinmetall AG" = "Rheinmetall"), and so are the transliteration
  variants of a person's name endings ("Zelenskiy" = "Zelenskyy" = "Zelensky");
* acronyms defined in a text ("Security Action For Europe (SAFE)") join their long form,
  in that document and, when the corpus defines them only one way, in every document;
  an acronym defined nowhere joins the one multi-word name of its label whose initials
  it spells ("U.S." and "United States"), else the one such name of any label ("CAP"
  and "Common Agricultural Policy"), the initials of every word counting too ("BoJ" and
  "Bank of Japan", "BOE" and "Bank of England"), and a short form of ``abbreviations``
  (entities.toml) joins its long form once the corpus writes that ("Fed", "Federal
  Reserve"); of several, the one it spells with every word,
  function words included ("MFF": "Multiannual Financial Framework", not "Maritime and
  Fisheries Fund"); an acronym takes the label of its long form;
* a bare surname joins the full name it shortens within its document; when two people
  in the document share it, the nearest full name before it wins (people sharing a
  surname are never merged), and across documents only a surname that a single full
  name in the corpus carries is linked; a bare first name with a PERSON label ("Keir"
  from "Sir Keir") joins the single full name that starts with it;
* "the <Head>" and a bare "<Head>" of an institutional name ("the Partnership", "the
  Commission", "the Bank") join the nearest full name before them with that head, last
  word or opening an "of" name ("Bank of Japan");
* a one-word GPE that opens a longer GPE of the same document ("Saudi" after
  "Saudi Arabia") joins it, and so does an organisation's short name that opens or ends
  the one longer organisation name written before it ("Samsung Electronics ... Samsung",
  "Saudi Aramco ... Aramco"); written first, it is the parent, the longer a subsidiary;
* an event named with its year ("2014 Wales Summit") joins the same name without it
  ("Wales Summit") when the corpus gives that name no other year;
* within one article, a name written with one letter off joins the spelling the article
  writes most ("Dealogik" -> "Dealogic"; six letters at least, same label);
* the label of an entity is the gazetteer's, else the label the cues of the entities stage
  give its mentions (``evidence``: legal and sector suffixes, context, ISO 3166 places,
  titles, first names), else the majority of its mentions
  (mentions linked as a person's surname or first name vote PERSON, acronyms vote the
  label of their long form); ``label_evidence`` records which decided; its name is the
  gazetteer's, else the fullest written form (most words, no title, not "the ...").

A document's own acronym definition, or a nearer full name sharing a surname, beats the
gazetteer's alias. Capitals are never folded into their country: they are different surfaces and the
gazetteer lists them as entities of their own.
"""
from __future__ import annotations

import re
import unicodedata
from collections import Counter, defaultdict
from dataclasses import dataclass
from functools import lru_cache

import pandas as pd

from pipeline.core.ids import stable_id
from pipeline.core.schema import SCHEMAS, empty_frame

ENTITY_LABELS = ("PERSON", "NORP", "ORG", "GPE", "LOC", "FAC", "EVENT", "LAW", "PRODUCT",
                 "WORK_OF_ART", "LANGUAGE")

_WS = re.compile(r"\s+")
_POSSESSIVE = re.compile(r"(?:['’]s|(?<=s)['’])$")
_DASHES = str.maketrans({"–": "-", "—": "-", "‐": "-", "‑": "-", "‒": "-", "−": "-"})
_INITIALISM = re.compile(r"^(?:[A-Za-z]\.){1,}[A-Za-z]?\.?$")
_LEADING_THE = re.compile(r"^the\s+", re.IGNORECASE)
_YEAR_PREFIX = re.compile(r"^(?:1[89]|20)\d\d (?=\S)")


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
    form = _LEADING_THE.sub("", form)
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
        entries.append(GazetteerEntry(name, label, aliases, record.get("kb_id") or None))
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
    return " ".join(_fold_ending(word, endings) for word in key.split(" "))


def _fold_ending(word: str, endings: tuple[tuple[str, ...], ...]) -> str:
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


# ------------------------------------------------------------------ reconciliation


#: the candidate columns reconciliation reads, besides the row's position in the sorted frame
_RECORD_COLUMNS = ("doc_id", "start", "end", "text", "label", "canonical_hint", "kb_id", "evidence")
#: of those, the ones a corpus repeats: one shared Python object per distinct value
_REPEATED_COLUMNS = frozenset({"doc_id", "label", "canonical_hint", "kb_id", "evidence"})


class _Record:
    """One candidate row: slots with dict-style reads, only the columns reconciliation reads.

    A dict per row, or every column as its own string, costs several times the memory;
    at 2,000,000 words (198,000 candidates) the slim records take a third of the full ones.
    """

    __slots__ = ("position", *_RECORD_COLUMNS)

    def __init__(self, position: int, values) -> None:
        self.position = position
        for name, value in zip(_RECORD_COLUMNS, values):
            setattr(self, name, value)

    def __getitem__(self, key: str):
        return getattr(self, key)

    def get(self, key: str, default=None):
        return getattr(self, key, default)


def _column_values(column: pd.Series, *, shared: bool) -> list:
    """A column as a list of Python values, missing ones as None; ``shared``: one object per distinct value."""
    if not shared:
        return [None if pd.isna(v) else v for v in column.tolist()] if column.hasnans else column.tolist()
    codes, uniques = pd.factorize(column, use_na_sentinel=True)
    values = [*uniques.tolist(), None]  # code -1 (missing) picks the None at the end
    return [values[code] for code in codes.tolist()]


@dataclass(slots=True)
class _Row:
    record: _Record
    surface: str
    key: str
    label: str
    gaz: GazetteerEntry | None
    person: PersonName | None = None
    target: tuple[str, str] | None = None
    #: the label this row votes for when it was linked by a rule ("PERSON" for a surname)
    vote: str | None = None


def _options(lexicon: dict) -> dict:
    """The word lists reconciliation needs, from the lexicon."""
    cfg = (lexicon or {}).get("entities") or {}
    return {
        "particles": frozenset(w.casefold() for w in cfg.get("name_particles", [])),
        "suffixes": frozenset(cfg.get("name_suffixes", [])),
        "heads": frozenset(surface_key(w) for w in cfg.get("anaphor_heads", [])),
        "fillers": frozenset(w.casefold() for w in cfg.get("acronym_fillers", [])),
        "titles": frozenset(t.casefold() for t in ((lexicon or {}).get("gazetteer") or {}).get("titles", [])),
        "legal_forms": frozenset(cfg.get("legal_forms", [])),
        "endings": tuple(tuple(group) for group in cfg.get("name_ending_variants", []) if group),
        "abbreviations": {short: surface_key(long) for short, long in (cfg.get("abbreviations") or {}).items()},
    }


def reconcile(candidates: pd.DataFrame, *, lexicon: dict,
              features: dict[tuple, tuple] | None = None) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Group the corpus's mention candidates into entities; return (entities, mentions).

    ``candidates`` has the columns of ``SCHEMAS["mention_candidates"]``; the result has
    exactly the columns of ``SCHEMAS["entities"]`` and ``SCHEMAS["mentions"]``, one
    mention per candidate with an OntoNotes name label (other labels are ignored). The
    same rows in any order give the same tables. ``features`` (``row_features`` of the
    candidates, computed elsewhere) spares the per-mention work.
    """
    entity_cols = SCHEMAS["entities"].names
    mention_cols = SCHEMAS["mentions"].names
    missing = [c for c in SCHEMAS["mention_candidates"].names if c not in candidates.columns]
    if missing:
        raise ValueError(f"[E213] candidates lack columns {missing}")
    if candidates.empty:
        return empty_frame("entities"), empty_frame("mentions")

    opts = _options(lexicon)
    entries = gazetteer_entries(lexicon)
    by_name, by_key = _gazetteer_lookups(entries)
    features = dict(features or {})

    frame = (
        candidates[SCHEMAS["mention_candidates"].names]
        .drop_duplicates("mention_id")
        .sort_values(["source", "start", "end", "mention_id"], kind="mergesort")
        .reset_index(drop=True)
    )
    columns = [_column_values(frame[name], shared=name in _REPEATED_COLUMNS) for name in _RECORD_COLUMNS]
    records = [_Record(position, values) for position, values in enumerate(zip(*columns))]
    del columns
    # only named-entity labels make entities; a stray DATE or CARDINAL row is ignored
    rows = [_make_row(r, by_name, by_key, opts, features, entries) for r in records if r["label"] in ENTITY_LABELS]
    rows = [r for r in rows if r.key]

    _resolve(rows, opts)
    _join_close_spellings(rows)
    groups: dict[tuple[str, str], list[_Row]] = defaultdict(list)
    for row in rows:
        groups[row.target].append(row)
    _merge_norp_plurals(groups)

    entity_rows: dict[str, dict] = {}
    members: dict[str, list[_Row]] = defaultdict(list)
    for target in sorted(groups):
        group = groups[target]
        gaz = by_name.get(target[1]) if target[0] == "gaz" else None
        label, evidence = ((gaz.label, "gazetteer") if gaz else _decide_label(group))
        name = gaz.name if gaz else _canonical_name(group, opts["titles"])
        entity_id = stable_id("e_", label, name)
        members[entity_id].extend(group)
        kb_ids = sorted({r.record["kb_id"] for r in group if isinstance(r.record.get("kb_id"), str)})
        entity_rows.setdefault(entity_id, {"entity_id": entity_id, "name": name, "label": label,
                                           "kb_id": gaz.kb_id if gaz else (kb_ids[0] if kb_ids else None),
                                           "label_evidence": evidence})

    out_entities = []
    entity_of: list[str | None] = [None] * len(frame)  # by position in ``frame``
    label_of: list[str | None] = [None] * len(frame)
    for entity_id in sorted(entity_rows):
        group = members[entity_id]
        entity = entity_rows[entity_id]
        entity["aliases"] = sorted({r.surface for r in group})
        entity["mentions"] = len(group)
        entity["documents"] = len({r.record["doc_id"] for r in group})
        out_entities.append({c: entity[c] for c in entity_cols})
        for row in group:
            entity_of[row.record.position] = entity_id
            label_of[row.record.position] = entity["label"]
    entities = pd.DataFrame(out_entities, columns=entity_cols)
    # the mentions table is the sorted candidates that made an entity, plus entity and label:
    # built column-wise, since a dict per mention costs more than the rest of the stage
    made = [entity_id is not None for entity_id in entity_of]
    kept = frame[made]
    mentions = kept.assign(entity_id=[e for e in entity_of if e is not None],
                           label=[lab for lab in label_of if lab is not None])[mention_cols].reset_index(drop=True)
    for col in ("mentions", "documents"):
        entities[col] = entities[col].astype("int64")
    for col in ("start", "end"):
        mentions[col] = mentions[col].astype("int64")
    return entities, mentions


def row_features(candidates: pd.DataFrame, *, lexicon: dict) -> dict[tuple, tuple]:
    """What reconciliation derives from each distinct (text, label, canonical hint) of ``candidates``.

    The per-mention half of ``reconcile``, which needs no other row: a cluster computes it
    per partition of sources and hands the merged dict to ``reconcile(features=...)``,
    which then only groups. Values are (surface, key, gazetteer entry index, person name).
    """
    opts = _options(lexicon)
    entries = gazetteer_entries(lexicon)
    by_name, by_key = _gazetteer_lookups(entries)
    index = {id(entry): i for i, entry in enumerate(entries)}
    features: dict[tuple, tuple] = {}
    kept = candidates[candidates["label"].isin(ENTITY_LABELS)]
    hints = [h if isinstance(h, str) else None for h in kept["canonical_hint"].tolist()]
    for triple in zip(kept["text"].astype(str).tolist(), kept["label"].astype(str).tolist(), hints):
        if triple not in features:
            surface, key, gaz, person = _features(*triple, by_name, by_key, opts)
            features[triple] = (surface, key, index[id(gaz)] if gaz else None, person)
    return features


def _gazetteer_lookups(entries: list[GazetteerEntry]) -> tuple[dict, dict]:
    by_name = {e.name: e for e in entries}
    by_key: dict[str, GazetteerEntry] = {}
    for entry in entries:
        for alias in entry.aliases:
            for form in alias_variants(alias):
                by_key[surface_key(form)] = entry
    return by_name, by_key


def _make_row(record: _Record, by_name: dict, by_key: dict, opts: dict, features: dict, entries: list) -> _Row:
    """One candidate with its alias form, key, gazetteer entry and person name parts.

    They depend only on the text, label and hint, so each distinct form is analysed once.
    """
    hint = record.get("canonical_hint")
    triple = (str(record["text"]), str(record["label"]), hint if isinstance(hint, str) else None)
    known = features.get(triple)
    if known is None:
        surface, key, gaz, person = _features(*triple, by_name, by_key, opts)
        features[triple] = known = (surface, key, gaz, person)
    else:
        surface, key, gaz, person = known
        gaz = entries[gaz] if isinstance(gaz, int) else gaz
    return _Row(record=record, surface=surface, key=key, label=triple[1], gaz=gaz, person=person)


def _features(text: str, label: str, hint: str | None, by_name: dict, by_key: dict, opts: dict) -> tuple:
    """(surface, key, gazetteer entry, person name) of one candidate's text, label and canonical hint."""
    # the alias keeps a leading "the" (the extractor leaves it only in "the bloc"-like
    # references); the key ignores it
    surface = surface_form(text)
    key = surface_key(surface)
    words = surface.split(" ")
    if len(words) >= 2 and words[-1] in opts["legal_forms"] and label == "ORG":
        # "Rheinmetall AG" is the company "Rheinmetall" writes without its legal form
        key = surface_key(" ".join(words[:-1]))
    gaz = by_name.get(hint) if hint is not None else None
    if gaz is None:
        gaz = by_key.get(key)
    person = None
    is_person = (gaz.label == "PERSON") if gaz else label == "PERSON"
    if is_person:
        words = _LEADING_THE.sub("", surface).split(" ")
        # "Sir Keir Starmer" is Keir Starmer: a title never starts a full name
        for n in range(min(4, len(words) - 1), 0, -1):
            if " ".join(words[:n]).casefold() in opts["titles"]:
                words = words[n:]
                break
        person = parse_person(" ".join(words), opts["particles"], opts["suffixes"], endings=opts["endings"])
    return surface, key, gaz, person


def _resolve(rows: list[_Row], opts: dict) -> None:
    """Set ``row.target`` for every row: ("gaz", canonical) or ("key", surface key)."""
    by_doc: dict[str, list[_Row]] = defaultdict(list)
    for row in rows:
        by_doc[row.record["doc_id"]].append(row)

    # corpus-wide facts learned from the text
    identities: dict[tuple[str, str], list[_Row]] = defaultdict(list)
    for row in rows:
        if row.person:
            identities[(row.person.first, row.person.surname)].append(row)
    identity_target = {ident: _identity_target(group) for ident, group in identities.items()}
    surname_owners: dict[str, set] = defaultdict(set)
    firstname_owners: dict[str, set] = defaultdict(set)
    for ident in identities:
        surname_owners[ident[1]].add(ident)
        firstname_owners[ident[0]].add(ident)

    doc_acronyms = {doc: _doc_acronyms(doc_rows, opts["fillers"]) for doc, doc_rows in by_doc.items()}
    initials = _initials_index(rows, opts["fillers"])
    endings = opts["endings"]
    # "2014 Wales Summit" -> "wales summit", when the corpus names that event with one year only
    years: dict[str, set] = defaultdict(set)
    for row in rows:
        if row.label == "EVENT" and _YEAR_PREFIX.match(row.key):
            years[_YEAR_PREFIX.sub("", row.key)].add(row.key)
    bare_events = {row.key: row for row in rows if row.label == "EVENT" and row.key in years and len(years[row.key]) == 1}

    def own_target(row: _Row) -> tuple[str, str]:
        if row.person:
            return identity_target[(row.person.first, row.person.surname)]
        if row.gaz:
            return ("gaz", row.gaz.name)
        return ("key", row.key)

    # pass 1: everything but anaphors, within the document
    corpus_acronyms: dict[str, set] = defaultdict(set)
    long_labels: dict[tuple[str, str], str] = {}
    for doc, doc_rows in by_doc.items():
        persons = [r for r in doc_rows if r.person]
        longer_by_first: dict[str, list[_Row]] = defaultdict(list)
        first_at: dict[str, int] = {}
        for r in doc_rows:
            first_at.setdefault(r.key, int(r.record["start"]))
            if " " in r.key and r.label in ("GPE", "ORG"):
                longer_by_first[r.key.split(" ")[0]].append(r)
                if r.label == "ORG":  # "Saudi Aramco" ... "Aramco": its last word too
                    longer_by_first["$" + r.key.rsplit(" ", 1)[1]].append(r)
        for acr_key, long_row in doc_acronyms[doc].items():
            corpus_acronyms[acr_key].add(own_target(long_row))
            long_labels.setdefault(own_target(long_row), long_row.label)
        for row in doc_rows:
            if _is_anaphor(row, opts):
                continue
            if row.person is None:
                linked = _link_surname(row, persons, endings)
                if linked is not None:
                    row.target = own_target(linked)
                    row.vote = "PERSON"
                    continue
            if row.key in doc_acronyms[doc] and doc_acronyms[doc][row.key] is not row:
                long_row = doc_acronyms[doc][row.key]
                row.target = own_target(long_row)
                row.vote = long_row.label if row.gaz is None else None
                continue
            if row.gaz or row.person:
                row.target = own_target(row)
                continue
            linked = _link_first_name(row, persons, endings)
            if linked is not None:
                row.target = own_target(linked)
                row.vote = "PERSON"
                continue
            clipped = _clipped_name(row, first_at, longer_by_first)
            if clipped is not None:
                row.target = own_target(clipped)

    # pass 2: corpus-level links for what the document alone did not settle
    long_forms = {row.key: row for row in rows if row.key in set(opts["abbreviations"].values())}
    for row in rows:
        if row.target is not None or _is_anaphor(row, opts):
            continue
        spelled = long_forms.get(opts["abbreviations"].get(row.surface, ""))
        if spelled is not None:
            # "Fed" and "Federal Reserve": a known short form, once the corpus writes the long one
            row.target = own_target(spelled)
            row.vote = spelled.label
            continue
        if is_acronym(row.surface):
            longs = corpus_acronyms.get(row.key, set())
            if len(longs) == 1:
                row.target = next(iter(longs))
                row.vote = long_labels.get(row.target)
                continue
            # never defined: the one multi-word name of the same label with these initials,
            # else the one such name of any label
            named = initials.get(row.key.replace(".", ""), [])
            same = [r for r in named if r.label == row.label] or named
            implicit = {own_target(r): r.label for r in same}
            if len(implicit) > 1:
                # "MFF": "Multiannual Financial Framework" spells it with every word, "Maritime
                # and Fisheries Fund" only by skipping "and"; the full spelling wins when unique
                full = {own_target(r): r.label for r in same if _initials(r.key) == row.key.replace(".", "")}
                implicit = full if len(full) == 1 else implicit
            if not longs and len(implicit) == 1:
                row.target, row.vote = next(iter(implicit.items()))
                continue
        if row.label == "EVENT" and _YEAR_PREFIX.match(row.key):
            bare = bare_events.get(_YEAR_PREFIX.sub("", row.key))
            if bare is not None:
                row.target = own_target(bare)
                continue
        if row.person is None and " " not in row.key:
            folded = _fold_key(row.key, endings)
            owners = surname_owners.get(folded, set())
            if len(owners) == 1 and row.label in ("PERSON", "ORG", "NORP", "GPE", "WORK_OF_ART"):
                row.target = identity_target[next(iter(owners))]
                row.vote = "PERSON"
                continue
            owners = firstname_owners.get(folded, set())
            if len(owners) == 1 and row.label == "PERSON" and folded not in surname_owners:
                row.target = identity_target[next(iter(owners))]
                row.vote = "PERSON"
                continue
        row.target = ("key", row.key)

    # pass 3: "the <Head>" joins the nearest full name before it with that head
    for doc_rows in by_doc.values():
        for i, row in enumerate(doc_rows):
            if row.target is not None:
                continue
            head = row.key.split(" ")[-1]
            antecedent = None
            for prev in reversed(doc_rows[:i]):
                # the head ends the name ("European Commission") or opens an "of" name ("Bank of Japan")
                if (" " in prev.key and (prev.key.split(" ")[-1] == head or prev.key.startswith(head + " of "))
                        and not _is_anaphor(prev, opts)):
                    antecedent = prev
                    break
            if antecedent is not None and antecedent.target is not None:
                row.target = antecedent.target
            elif row.gaz:
                row.target = ("gaz", row.gaz.name)
            else:
                row.target = ("key", row.key)


def _initials(key: str) -> str:
    """The first letters of every word of a surface key, function words included: "united states" -> "us"."""
    return "".join(w[0] for w in key.replace("-", " ").split(" ") if w)


def _initials_index(rows: list[_Row], fillers: frozenset[str]) -> dict[str, list[_Row]]:
    """Multi-word names by the initials of their content words ("united states" -> "us") and of all their words.

    The second form is how news abbreviates central banks and the like: "bank of
    japan" -> "boj" ("BoJ"), "bank of england" -> "boe" ("BOE").
    """
    index: dict[str, list[_Row]] = defaultdict(list)
    for row in rows:
        words = [w for w in row.key.replace("-", " ").split(" ") if w and w not in fillers]
        if len(words) >= 2 and row.label != "PERSON" and not is_acronym(row.surface):
            index["".join(w[0] for w in words)].append(row)
            every = _initials(row.key)
            if every != "".join(w[0] for w in words):
                index[every].append(row)
    return index


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
            row.target = moved.get((row.target, row.label), row.target)


def _one_edit(a: str, b: str) -> bool:
    """True when ``a`` and ``b`` differ by exactly one inserted, deleted or replaced character."""
    if a == b or abs(len(a) - len(b)) > 1:
        return False
    if len(a) > len(b):
        a, b = b, a
    i = 0
    while i < len(a) and a[i] == b[i]:
        i += 1
    return a[i + (len(a) == len(b)):] == b[i + 1:]


def _identity_target(group: list[_Row]) -> tuple[str, str]:
    """Where all full-name rows of one person (same first name and surname) go."""
    gaz = sorted({r.gaz.name for r in group if r.gaz})
    if gaz:
        return ("gaz", gaz[0])
    counts = Counter(r.key for r in group)
    best = sorted(counts, key=lambda k: (-len(k.split(" ")), -counts[k], k))[0]
    return ("key", best)


def _doc_acronyms(doc_rows: list[_Row], fillers: frozenset[str]) -> dict[str, _Row]:
    """Acronyms defined in one document: acronym key -> the row of its long form.

    A definition is a long form and an acronym next to each other, one in brackets
    right after the other ("Security Action For Europe (SAFE)", "DASA [Defence and
    Security Accelerator]"): at most two characters apart.
    """
    found: dict[str, _Row] = {}
    for a, b in zip(doc_rows, doc_rows[1:]):
        gap = int(b.record["start"]) - int(a.record["end"])
        if not 1 <= gap <= 2:
            continue
        for short, long_row in ((b, a), (a, b)):
            if is_acronym(short.surface) and not is_acronym(long_row.surface) and acronym_matches(short.surface, _LEADING_THE.sub("", long_row.surface), fillers):
                found.setdefault(short.key, long_row)
    return found


def _is_anaphor(row: _Row, opts: dict) -> bool:
    """True for "the <Head>" or a bare capitalised "<Head>" of an institutional name."""
    words = row.surface.split(" ")
    if len(words) == 2 and words[0].casefold() == "the":
        return surface_key(words[1]) in opts["heads"]
    return len(words) == 1 and row.key in opts["heads"] and words[0][:1].isupper()


def _fold_key(key: str, endings: tuple[tuple[str, ...], ...]) -> str:
    """A surface key with transliterated name endings folded, as ``person_key`` does."""
    return " ".join(_fold_ending(word, endings) for word in key.split(" ")) if endings else key


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


def _clipped_name(row: _Row, first_at: dict[str, int], longer_by_first: dict[str, list[_Row]]) -> _Row | None:
    """The one longer GPE or ORG name of the document, of ``row``'s label, that ``row`` opens ("Saudi" of "Saudi
    Arabia") or, for one ORG word, ends ("Aramco" of "Saudi Aramco"); an ORG only written after the longer name:
    before it, the short name is the parent ("Rheinmetall ... Rheinmetall Electronics"), the longer a subsidiary.
    """
    if row.label not in ("GPE", "ORG") or (row.label == "GPE" and " " in row.key):
        return None
    ends = longer_by_first.get("$" + row.key, []) if row.label == "ORG" and " " not in row.key else []
    longer: dict[str, _Row] = {}
    for r in longer_by_first.get(row.key.split(" ")[0], []) + ends:
        if r.label == row.label and (r.key.startswith(row.key + " ") or r.key.endswith(" " + row.key)):
            longer.setdefault(r.key, r)
    if len(longer) != 1:
        return None
    long_row = next(iter(longer.values()))
    if row.label == "ORG" and first_at[row.key] < first_at[long_row.key]:
        return None
    return long_row


def _merge_norp_plurals(groups: dict[tuple[str, str], list[_Row]]) -> None:
    """Fold a plural nationality ("Belgians") into its singular ("Belgian") when both occur."""
    for target in sorted(groups):
        if target[0] != "key" or not target[1].endswith("s") or target not in groups:
            continue
        singular = ("key", target[1][:-1])
        if singular in groups and _majority_label(groups[target]) == "NORP" == _majority_label(groups[singular]):
            groups[singular].extend(groups.pop(target))


def _decide_label(group: list[_Row]) -> tuple[str, str]:
    """The entity's one label and the evidence that decided it, from all its mentions.

    A cue of the entities stage (``evidence``: "org_suffix", "place", "first_name", ...)
    outweighs the model's guesses: the label most cued mentions carry wins, and the cue
    most of them give is recorded; without a cue, the majority of the mentions' labels
    decides ("majority"; a surname linked to a person votes PERSON).
    """
    cued = [r for r in group if isinstance(r.record.get("evidence"), str) and r.record["evidence"] != "gazetteer"]
    if not cued:
        return _majority_label(group), "majority"
    label = _majority_label(cued)
    cues = Counter(r.record["evidence"] for r in cued if (r.vote or r.label) == label)
    return label, sorted(cues, key=lambda cue: (-cues[cue], cue))[0] if cues else "majority"


def _majority_label(group: list[_Row]) -> str:
    """The label most mentions of the group carry (linked surnames vote PERSON, acronyms their long form's)."""
    votes = Counter(r.vote or r.label for r in group)
    # ties: the label of the longest surface, then the fixed label order
    longest = max(group, key=lambda r: (len(r.surface.split(" ")), len(r.surface))).label
    order = {label: i for i, label in enumerate(ENTITY_LABELS)}
    return sorted(votes, key=lambda lab: (-votes[lab], lab != longest, order.get(lab, 99), lab))[0]


def _canonical_name(group: list[_Row], titles: frozenset[str]) -> str:
    """The fullest proper name among the group's surfaces, without a title in front."""
    counts = Counter(r.surface for r in group)
    # "BRUSSELS" of a dateline only when no "Brussels" is written
    written = {surface_key(s) for s in counts if not s.isupper()}

    def rank(surface: str) -> tuple:
        words = surface.split(" ")
        shouting = surface.isupper() and surface_key(surface) in written
        titled = any(" ".join(words[:n]).casefold() in titles for n in range(1, min(4, len(words))))
        return (
            titled,
            words[0].casefold() == "the",
            not any(ch.isupper() for ch in surface),
            shouting,
            -len(words),
            -sum(not ch.isascii() for ch in surface),
            -counts[surface],
            surface,
        )

    return sorted(counts, key=rank)[0]
