"""Which actor each mention names: rows with their forms, corpus facts per partition and merged, targets per partition."""
from __future__ import annotations

import re
from collections import Counter, defaultdict
from dataclasses import dataclass

import pandas as pd

from pipeline.core.schema import SCHEMAS
from pipeline.stages.reconcile.acronyms import (
    article_initials as _article_initials,
    doc_acronyms as _doc_acronyms,
    initials as _initials,
    initials_index as _initials_index,
    named_act as _named_act,
    named_by_known_acronym as _named_by_known_acronym,
)
from pipeline.stages.reconcile.names import (
    ENTITY_LABELS,
    LEADING_THE,
    YEAR_PREFIX,
    GazetteerEntry,
    alias_variants,
    gazetteer_entries,
    is_acronym,
    parse_person,
    surface_form,
    surface_key,
)
from pipeline.stages.reconcile.brackets import bracket_names as _bracket_names
from pipeline.stages.reconcile.capitals import acronym_capitals as _acronym_capitals
from pipeline.stages.reconcile.countries import generic_options, generic_scopes, scope_generic
from pipeline.stages.reconcile.guards import initials_named, may_take_surname, org_words
from pipeline.stages.reconcile.headed import acronym_headed as _acronym_headed
from pipeline.stages.reconcile.introduced import introduced_name as _introduced_name
from pipeline.stages.reconcile.legalforms import legal_named, legal_stem
from pipeline.stages.reconcile.personforms import person_form as _person_form
from pipeline.stages.reconcile.publishers import refuse_publisher, title_words
from pipeline.stages.reconcile.qualified import place_qualified as _place_qualified
from pipeline.stages.reconcile.rows import RECORD_COLUMNS as _RECORD_COLUMNS
from pipeline.stages.reconcile.rows import REPEATED_COLUMNS as _REPEATED_COLUMNS
from pipeline.stages.reconcile.rows import Record as _Record
from pipeline.stages.reconcile.rows import Row as _Row
from pipeline.stages.reconcile.rows import column_values as _column_values
from pipeline.stages.reconcile.rows import ref as _ref
from pipeline.stages.reconcile.tails import name_tails as _name_tails
from pipeline.stages.reconcile.tails import tail_dropped as _tail_dropped
from pipeline.stages.reconcile.spellings import _fold_key, _is_anaphor, _join_close_spellings, _link_first_name, _link_surname, _short_forms
from pipeline.stages.reconcile.shortnames import _NAMED_THINGS, _clipped_name, _club_of, _held_by_named, _name_words, _place_prefixed, _plural_of


def options(lexicon: dict) -> dict:
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
        "long_keys": frozenset(surface_key(long) for long in (cfg.get("abbreviations") or {}).values()),
        # a subsidiary's sector word ("Rheinmetall Electronics"); keys are case-folded, so these are too
        "org_suffixes": frozenset(w.casefold() for w in cfg.get("org_suffixes", []) + cfg.get("legal_forms", [])),
        # the sector and legal words a company's short name drops ("Flagstar" of "Flagstar Bank")
        "name_tails": _name_tails(cfg),
        "legal_words": tuple(cfg.get("acronym_legal_words", [])),
        "club_suffixes": frozenset(cfg.get("club_suffixes", [])),
        "place_words": _place_words(lexicon),
        "exchanges": frozenset(cfg.get("ticker_exchanges", [])),
        "qualified_heads": frozenset(w.casefold() for w in cfg.get("qualified_heads", [])),
        "title_words": title_words(cfg),  # a news title and its media group stay apart
        # "Health Ministry" of two countries' articles: two bodies (``countries``)
        **generic_options(cfg, (lexicon or {}).get("gazetteer") or {}),
    }


def _place_words(lexicon: dict) -> frozenset[str]:
    """Surface keys of the gazetteer's states and nationality adjectives ("us", "u.s.", "european"): words that can open a name with their place."""
    gaz = (lexicon or {}).get("gazetteer") or {}
    states = {surface_key(alias) for e in gaz.get("entity", []) if e.get("label") == "GPE"
              for alias in e.get("aliases", []) if " " not in alias}
    return frozenset(states | {surface_key(n) for n in gaz.get("nationalities", {})})




def prepare(candidates: pd.DataFrame, *, lexicon: dict) -> tuple[pd.DataFrame, list[_Row]]:
    """The candidates of whole sources, deduplicated and sorted, with one ``_Row`` per named-entity candidate."""
    opts = options(lexicon)
    entries = gazetteer_entries(lexicon)
    by_name, by_key = gazetteer_lookups(entries)
    features: dict[tuple, tuple] = {}  # each distinct (text, label, hint) is analysed once
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
    rows = [_make_row(r, by_name, by_key, opts, features) for r in records if r["label"] in ENTITY_LABELS]
    return frame, [r for r in rows if r.key]


def gazetteer_lookups(entries: list[GazetteerEntry]) -> tuple[dict, dict]:
    by_name = {e.name: e for e in entries}
    by_key: dict[str, GazetteerEntry] = {}
    for entry in entries:
        for alias in entry.aliases:
            for form in alias_variants(alias):
                by_key[surface_key(form)] = entry
    return by_name, by_key


def _make_row(record: _Record, by_name: dict, by_key: dict, opts: dict, features: dict) -> _Row:
    """One candidate with its alias form, key, gazetteer entry and person name parts.

    They depend only on the text, label and hint, so each distinct form is analysed once.
    """
    hint = record.get("canonical_hint")
    triple = (str(record["text"]), str(record["label"]), hint if isinstance(hint, str) else None)
    known = features.get(triple)
    if known is None:
        features[triple] = known = _features(*triple, by_name, by_key, opts)
    surface, key, gaz, person = known
    return _Row(record=record, surface=surface, key=key, label=triple[1], gaz=gaz, person=person)


#: heads of government bodies written before or after their field ("Defence Ministry", "Ministry of Defence")
_REORDERED_HEADS = frozenset({"Ministry", "Department"})
#: "Winter Olympic Games" is the "Winter Olympics", "Paralympic Games" the "Paralympics"
_GAMES = re.compile(r"\b(olympic|paralympic) games\b")
#: a bare "Winter Games" or "Summer Games" is that season's Olympics
_SEASON_GAMES = re.compile(r"(winter|summer) games")
#: what opens a state's formal name ("Republic of Mali")
_REPUBLIC_OF = "republic of "


def _features(text: str, label: str, hint: str | None, by_name: dict, by_key: dict, opts: dict) -> tuple:
    """(surface, key, gazetteer entry, person name) of one candidate's text, label and canonical hint."""
    # the alias keeps a leading "the" (the extractor leaves it only in "the bloc"-like
    # references); the key ignores it
    surface = surface_form(text)
    key = surface_key(surface)
    words = surface.split(" ")
    if legal_named(surface, label, opts["legal_forms"]):
        # "Rheinmetall AG" is the company "Rheinmetall" writes without its legal form; so are
        # "Sinclair, Inc." and "GEM Co., Ltd." without their comma (entity round 49)
        key = surface_key(legal_stem(words, opts["legal_forms"]))
    elif len(words) == 2 and words[1] in _REORDERED_HEADS and words[0][:1].isupper() and label == "ORG":
        # "Defence Ministry" is the "Ministry of Defence" the same text writes
        key = surface_key(f"{words[1]} of {words[0]}")
    if "games" in key:
        # the Olympics by their other names: "Winter Olympic Games", "the Winter Games" = "Winter Olympics"
        key = _GAMES.sub(r"\1s", key)
        if _SEASON_GAMES.fullmatch(key):
            key = key.replace("games", "olympics")
    gaz = by_name.get(hint) if hint is not None else None
    if gaz is None:
        gaz = by_key.get(key)
    if gaz is None and label == "GPE" and key.startswith(_REPUBLIC_OF):
        # "Republic of Mali", "Republic of Moldova": the gazetteer's state by its formal name;
        # "Republic of China" is Taiwan's, never China's
        rest = key[len(_REPUBLIC_OF):]
        state = by_key.get(rest) if rest != "china" else None
        gaz = state if state is not None and state.label == "GPE" else None
    if gaz is None and " " in key and len(key.rsplit(" ", 1)[1]) >= 4:
        # "Liberal Democrat" is the party the gazetteer lists as "Liberal Democrats", and the reverse
        gaz = by_key.get(key[:-1] if key.endswith("s") else key + "s")
    person = None
    is_person = (gaz.label == "PERSON") if gaz else label == "PERSON"
    if is_person:
        words = LEADING_THE.sub("", surface).split(" ")
        # "Sir Keir Starmer" is Keir Starmer: a title never starts a full name
        for n in range(min(4, len(words) - 1), 0, -1):
            if " ".join(words[:n]).casefold() in opts["titles"]:
                words = words[n:]
                break
        person = parse_person(" ".join(words), opts["particles"], opts["suffixes"], endings=opts["endings"])
    return surface, key, gaz, person




# ------------------------------------------------------------------ which actor each row names
#
# ``_resolve`` once held every row of the corpus. What it decides splits in two: a row's
# target depends on its own document, plus a few corpus-wide facts that need only one
# entry per distinct form (people's full names, acronym definitions, multi-word names by
# initials, long forms of abbreviations, events by year). ``partition_facts`` gathers
# those over one partition of sources, ``corpus_facts`` merges the partitions' facts (the
# one global step, its input a row per distinct form), and ``resolve_targets`` settles
# each row of a partition from its documents and the merged facts. A row's place in the
# corpus is ``(source, position in its partition)``: partitions hold whole sources, so
# that order is the order of one sorted frame, and "the last row with this key" means
# the same thing in any partitioning.


def _order(row: _Row) -> tuple[str, int]:
    return (row.record.source, row.record.position)


def _by_doc(rows: list[_Row]) -> dict[str, list[_Row]]:
    by_doc: dict[str, list[_Row]] = defaultdict(list)
    for row in rows:
        by_doc[row.record["doc_id"]].append(row)
    return by_doc


def partition_facts(rows: list[_Row], opts: dict) -> dict:
    """The corpus-wide facts one partition's rows give, one entry per distinct form (small)."""
    identities: dict[tuple, tuple[set, Counter]] = {}
    for row in rows:
        if row.person:
            gaz, keys = identities.setdefault((row.person.first, row.person.surname), (set(), Counter()))
            if row.gaz:
                gaz.add(row.gaz.name)
            keys[row.key] += 1
    definitions = []
    by_doc = _by_doc(rows)
    for doc_rows in by_doc.values():
        first = _order(doc_rows[0])
        for i, (acr_key, long_row) in enumerate(_doc_acronyms(doc_rows, opts).items()):
            definitions.append(((first, i), acr_key, _ref(long_row), long_row.label))
    abbreviated = set(opts["abbreviations"].values())
    # rows come in corpus order, so each dict keeps the last row of its key
    long_forms = {row.key: (_order(row), _ref(row), row.label) for row in rows if row.key in abbreviated}
    initials = {(init, _ref(r), r.label, r.key): _order(r)
                for init, named in _initials_index(rows, opts["fillers"]).items() for r in named}
    years: dict[str, set] = defaultdict(set)
    events: dict[str, tuple] = {}
    for row in rows:
        if row.label == "EVENT":
            events[row.key] = (_order(row), _ref(row))
            if YEAR_PREFIX.match(row.key):
                years[YEAR_PREFIX.sub("", row.key)].add(row.key)
    return {"identities": identities, "definitions": definitions, "long_forms": long_forms,
            "initials": initials, "years": dict(years), "events": events, "org_words": org_words(rows),
            "generic": generic_scopes(by_doc, opts)}


@dataclass
class CorpusFacts:
    """The merged corpus-wide facts every partition resolves its rows against."""

    identity_target: dict[tuple, tuple[str, str]]
    surname_owners: dict[str, set]
    firstname_owners: dict[str, set]
    corpus_acronyms: dict[str, set]
    long_labels: dict[tuple, str]
    long_forms: dict[str, tuple]
    initials: dict[str, list[tuple]]
    bare_events: dict[str, tuple]
    org_words: frozenset[str] = frozenset()
    #: generic institution key -> the scopes (country, else "doc:<id>") the corpus writes it bare under
    generic: dict[str, set] | None = None

    def target(self, ref: tuple) -> tuple[str, str]:
        return self.identity_target[ref[1]] if ref[0] == "person" else ref


def corpus_facts(parts: list[dict]) -> CorpusFacts:
    """Merge the partitions' ``partition_facts`` (in any order) into the corpus's facts."""
    identities: dict[tuple, tuple[set, Counter]] = {}
    for part in parts:
        for ident, (gaz, keys) in part["identities"].items():
            seen = identities.setdefault(ident, (set(), Counter()))
            seen[0].update(gaz)
            seen[1].update(keys)
    identity_target = {}
    surname_owners: dict[str, set] = defaultdict(set)
    firstname_owners: dict[str, set] = defaultdict(set)
    for ident, (gaz, keys) in identities.items():
        # all full-name rows of one person go to the gazetteer's name, else their fullest, most written key
        best = sorted(keys, key=lambda k: (-len(k.split(" ")), -keys[k], k))[0]
        identity_target[ident] = ("gaz", sorted(gaz)[0]) if gaz else ("key", best)
        surname_owners[ident[1]].add(ident)
        firstname_owners[ident[0]].add(ident)

    def target(ref: tuple) -> tuple[str, str]:
        return identity_target[ref[1]] if ref[0] == "person" else ref

    corpus_acronyms: dict[str, set] = defaultdict(set)
    long_labels: dict[tuple, str] = {}
    for _, acr_key, ref, label in sorted((d for part in parts for d in part["definitions"]), key=lambda d: d[0]):
        corpus_acronyms[acr_key].add(target(ref))
        long_labels.setdefault(target(ref), label)  # the first document that defines it
    long_forms: dict[str, tuple] = {}
    for key, (order, ref, label) in sorted(((k, v) for part in parts for k, v in part["long_forms"].items()),
                                           key=lambda kv: kv[1][0]):
        long_forms[key] = (target(ref), label)
    initials: dict[str, list[tuple]] = defaultdict(list)
    for (init, ref, label, key), _ in sorted(((k, o) for part in parts for k, o in part["initials"].items()),
                                             key=lambda ko: ko[1]):
        initials[init].append((target(ref), label, key))
    years: dict[str, set] = defaultdict(set)
    events: dict[str, tuple] = {}
    for part in parts:
        for bare, keys in part["years"].items():
            years[bare] |= keys
        for key, (order, ref) in part["events"].items():
            if key not in events or events[key][0] < order:
                events[key] = (order, ref)
    generic: dict[str, set] = defaultdict(set)
    for part in parts:
        for key, scopes in (part.get("generic") or {}).items():
            generic[key] |= scopes
    bare_events = {key: target(ref) for key, (_, ref) in events.items() if key in years and len(years[key]) == 1}
    return CorpusFacts(identity_target, dict(surname_owners), dict(firstname_owners), dict(corpus_acronyms),
                       long_labels, long_forms, dict(initials), bare_events,
                       frozenset().union(*(part.get("org_words", ()) for part in parts)), generic)


def resolve_targets(rows: list[_Row], facts: CorpusFacts, opts: dict) -> None:
    """Set ``row.target`` for every row of a partition: ("gaz", canonical) or ("key", surface key).

    Every rule reads the row's own document and ``facts``, so partitions resolve independently.
    """
    by_doc = _by_doc(rows)
    endings = opts["endings"]

    def own_target(row: _Row) -> tuple[str, str]:
        return facts.target(_ref(row))

    # pass 1: everything but anaphors, within the document
    plurals: list[tuple[_Row, _Row]] = []
    # "US Federal Reserve" is the article's "Fed", "European Copernicus" its "Copernicus"
    prefixed: list[tuple[_Row, _Row | str]] = []
    defined: list[tuple[_Row, _Row]] = []
    for doc_rows in by_doc.values():
        persons = [r for r in doc_rows if r.person]
        doc_acronyms = _doc_acronyms(doc_rows, opts)
        bracketed = _named_by_known_acronym(doc_rows)
        in_brackets = _bracket_names(doc_rows)
        spelled = _initials_index(doc_rows, opts["fillers"])
        shorts = _short_forms(doc_rows)
        longer_by_word: dict[str, list[_Row]] = defaultdict(list)
        starts: dict[str, list[int]] = defaultdict(list)
        singular: dict[str, _Row] = {}
        # one-word names written right after another name: pieces of a name the model split ("Newcastle" "United"),
        # unless the article writes the pair whole too ("Toyota" "Tsusho" ... "Toyota Tsusho Corporation")
        whole = [f" {r.key} " for r in doc_rows if " " in r.key]
        pieces = {b.key for a, b in zip(doc_rows, doc_rows[1:])
                  if " " not in b.key and int(b.record["start"]) - int(a.record["end"]) == 1
                  and not any(f" {a.key} {b.key} " in w for w in whole)}
        for r in doc_rows:
            starts[r.key].append(int(r.record["start"]))
            singular.setdefault(r.key, r)
            if " " in r.key and (r.label in ("GPE", "ORG") or r.label in _NAMED_THINGS):
                words = _name_words(r.key)
                longer_by_word[words[0]].append(r)
                if r.label != "GPE":  # "Saudi Aramco" ... "Aramco": its last words too
                    longer_by_word["$" + words[-1]].append(r)
        for row in doc_rows:
            if _is_anaphor(row, opts):
                continue
            rest = _place_prefixed(row, singular, opts)
            if rest is not None:
                prefixed.append((row, rest))
                continue
            if row.person is None and not legal_named(row.surface, row.label, opts["legal_forms"]):
                linked = _link_surname(row, persons, endings)
                if linked is not None:
                    row.target, row.vote, row.link = own_target(linked), "PERSON", "surname"
                    continue
            if row.key in doc_acronyms and doc_acronyms[row.key] is not row:
                long_row = doc_acronyms[row.key]
                row.target, row.link = own_target(long_row), "acronym_defined"
                row.vote = long_row.label if row.gaz is None else None
                defined.append((row, long_row))
                continue
            if row.key in in_brackets and in_brackets[row.key] is not row and row.gaz is None:
                # "National Supply Company (CONAB)" ... "Conab": the bracket's word names that organisation
                long_row = in_brackets[row.key]
                row.target, row.link, row.vote = own_target(long_row), "bracket_name", long_row.label
                defined.append((row, long_row))
                continue
            spelled_by = (_article_initials(row, spelled, doc_rows, facts.corpus_acronyms.get(row.key), opts)
                          if row.key not in doc_acronyms else None)
            if spelled_by is not None:
                # "PPP" in an article that names "People's Progressive Party" but defines it nowhere the
                # extractor saw: the article's own name, never another article's "People Power Party (PPP)"
                row.target, row.link, row.vote = own_target(spelled_by), "initials_article", spelled_by.label
                defined.append((row, spelled_by))
                continue
            named = _named_act(row, doc_rows, opts["fillers"])
            if named is not None:
                # "FAIR PREP Act": the Act whose full name its capitals spell, written in the same article
                row.target, row.link = own_target(named), "acronym_defined"
                continue
            headed = _acronym_headed(row, doc_rows, spelled, opts["fillers"])
            if headed is not None:  # "CPP Investments" of "Canada Pension Plan Investment Board" (module headed)
                row.target, row.vote, row.link = own_target(headed), headed.label, "acronym_headed"
                defined.append((row, headed))
                continue
            lettered = _acronym_capitals(row, doc_rows, spelled, opts["fillers"], opts["qualified_heads"])
            if lettered is not None:  # "JPM" of "JP Morgan", "BC" of "Central Bank" (module capitals)
                row.target, row.vote, row.link = own_target(lettered), row.label, "acronym_capitals"
                continue
            if row.key in bracketed:
                # "the Social Democrats (SPD)": the name the gazetteer's acronym beside it stands for
                row.target, row.link = own_target(bracketed[row.key]), "acronym_defined"
                continue
            short = shorts.get(row.key) if row.gaz is None else None
            if short is not None:
                # "Reform" in an article that names "Reform UK": a short form the gazetteer gives the one actor
                # the article names by an alias; another article's "Reform" keeps its own name
                row.target, row.vote, row.link = ("gaz", short.name), short.label, "short_form"
                continue
            formed = _person_form(row, persons, doc_rows, _fold_key(row.key, endings))
            if formed is not None:  # "A. Khassenov", "Arias-Vasquez", "Lula", "MBS" (module personforms)
                row.target, row.vote, row.link = own_target(formed), "PERSON", "person_form"
                continue
            if row.gaz or row.person:
                row.target = own_target(row)
                row.link = _gazetteer_link(row)
                continue
            linked = _link_first_name(row, persons, endings)
            if linked is not None:
                row.target, row.vote, row.link = own_target(linked), "PERSON", "first_name"
                continue
            if row.key in pieces:
                # a piece of a split name is no short form: "United" of "Newcastle" "United" is not Manchester United
                continue
            club = _club_of(row, longer_by_word, opts["club_suffixes"])
            if club is not None:
                row.target, row.vote, row.link = own_target(club), club.label, "club_short"
                continue
            if refuse_publisher(row, longer_by_word.get(_name_words(row.key)[0], []), opts, own_target):
                continue  # "Telegraph" keeps its name beside "The Telegraph Media Group" (link title_publisher)
            tailed = (_tail_dropped(row, longer_by_word.get(_name_words(row.key)[0], []), opts["name_tails"],
                                    opts["place_words"]) if row.surface not in opts["abbreviations"] else None)
            if tailed is not None:
                # "Flagstar" and "Flagstar Bank": the long name without its sector or legal words, either order
                row.target, row.vote, row.link = own_target(tailed), tailed.label, "name_tail"
                continue
            # a known short form ("Fed") is its long form's, never the branch it ends ("Kansas City Fed")
            clipped = (_clipped_name(row, starts, longer_by_word, opts["org_suffixes"])
                       if row.surface not in opts["abbreviations"] else None)
            if clipped is not None:
                row.target, row.link = own_target(clipped), "short_name"
                continue
            full = _introduced_name(row, doc_rows, starts, place_words=opts["place_words"], legal_forms=opts["legal_forms"])
            if full is not None:  # "Voyager" after "Voyager Technologies": a company's short name (module introduced)
                row.target, row.link = own_target(full), "introduced_name"
                row.vote = full.label if full.label == "ORG" else row.label
                continue
            qualified = _place_qualified(row, doc_rows, opts["qualified_heads"], opts["place_words"])
            if qualified is not None:
                # "Supreme Court" and "Supreme Court of India", "Ministry of Health" and "Brazilian Health Ministry"
                row.target, row.link = own_target(qualified), "place_qualified"
                continue
            held = _held_by_named(row, doc_rows)
            if held is not None:
                # "Big Beautiful Bill" of "One Big Beautiful Bill Act", whatever label the model gave the short form
                row.target, row.vote, row.link = own_target(held), held.label, "held_name"
                continue
            one = _plural_of(row, singular)
            if one is not None:
                plurals.append((row, one))
        # an acronym or ticker follows its long form wherever a later rule of the article took that
        # ("Bank of America Corporation (NYSE:BAC)", the long form joined to a longer name it ends)
        for row, long_row in defined:
            if long_row.target is not None and long_row.gaz is None and row.gaz is None:
                row.target = long_row.target
        defined.clear()

    # pass 2: corpus-level links for what the document alone did not settle
    for row in rows:
        if row.target is None and not _is_anaphor(row, opts):
            row.target, row.vote, row.link = _corpus_link(row, facts, opts)
    # "K2s" is the article's "K2", wherever the corpus links that
    for row, one in plurals:
        if one.target is not None:
            row.target, row.link = one.target, "plural"
    for row, rest in prefixed:
        row.placed = True
        row.link = "place_prefix"
        if isinstance(rest, str):
            row.target, row.vote = facts.long_forms.get(rest) or (("key", rest), row.vote)
        elif rest.target is not None:
            row.target, row.vote = rest.target, rest.vote

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
            if antecedent is None and not row.gaz:
                antecedent = _described(row, doc_rows[:i], head)
                if antecedent is not None:
                    row.target, row.link = antecedent.target, "description"
                    continue
            if antecedent is not None and antecedent.target is not None:
                row.target, row.link = antecedent.target, "head"
            elif row.gaz:
                row.target, row.link = ("gaz", row.gaz.name), _gazetteer_link(row)
            else:
                row.target = ("key", row.key)
    _join_close_spellings(rows)
    scope_generic(by_doc, facts.generic or {}, opts)


def _corpus_link(row: _Row, facts: CorpusFacts, opts: dict) -> tuple[tuple[str, str], str | None, str | None]:
    """(target, vote, link) of a row its document did not settle, from the corpus's facts."""
    long_key = opts["abbreviations"].get(row.surface)
    if long_key is not None:
        # "Fed" and "Federal Reserve": a known short form, once the corpus writes the long one;
        # else the short forms of one name are one actor by that name's key ("GOP", "Republicans")
        return (*(facts.long_forms.get(long_key) or (("key", long_key), row.vote)), "abbreviation")
    if is_acronym(row.surface):
        longs = facts.corpus_acronyms.get(row.key, set())
        if len(longs) == 1:
            target = next(iter(longs))
            return target, facts.long_labels.get(target), "acronym_corpus"
        # never defined: the one multi-word name of the same label with these initials,
        # else the one such name of any label
        letters = row.key.replace(".", "")
        named = facts.initials.get(letters, [])
        same = initials_named(row.label, named)
        implicit = {target: label for target, label, _ in same}
        if len(implicit) > 1:
            # "MFF": "Multiannual Financial Framework" spells it with every word, "Maritime
            # and Fisheries Fund" only by skipping "and"; the full spelling wins when unique
            full = {target: label for target, label, key in same if _initials(key) == letters}
            implicit = full if len(full) == 1 else implicit
        if not longs and len(implicit) == 1:
            return (*next(iter(implicit.items())), "initials")
    if row.label == "EVENT" and YEAR_PREFIX.match(row.key):
        bare = facts.bare_events.get(YEAR_PREFIX.sub("", row.key))
        if bare is not None:
            return bare, row.vote, "event_year"
    if (row.person is None and " " not in row.key and may_take_surname(row, facts.org_words)
            and not legal_named(row.surface, row.label, opts["legal_forms"])):
        folded = _fold_key(row.key, opts["endings"])
        owners = facts.surname_owners.get(folded, set())
        if len(owners) == 1 and row.label in ("PERSON", "ORG", "NORP", "GPE", "WORK_OF_ART"):
            return facts.identity_target[next(iter(owners))], "PERSON", "surname_corpus"
        owners = facts.firstname_owners.get(folded, set())
        if len(owners) == 1 and row.label == "PERSON" and folded not in facts.surname_owners:
            return facts.identity_target[next(iter(owners))], "PERSON", "first_name_corpus"
    return ("key", row.key), row.vote, None


def _described(row: _Row, before: list[_Row], head: str) -> _Row | None:
    """The one gazetteer actor named before ``row`` that the gazetteer describes by its head ("Parliament" after "Bundestag").

    A German article names its parliament and then writes "Parliament"; an article naming
    two such actors (the Bundestag and the Knesset) leaves the description alone.
    """
    described = {r.target: r for r in before
                 if r.gaz is not None and head in r.gaz.described_as and r.target is not None}
    return next(iter(described.values())) if len(described) == 1 else None


def _gazetteer_link(row: _Row) -> str | None:
    """``gazetteer`` when the row names a gazetteer entry by an alias other than its canonical name ("the bloc", "EU")."""
    return "gazetteer" if row.gaz is not None and surface_key(row.gaz.name) != row.key else None
