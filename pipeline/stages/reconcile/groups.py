"""Entities from resolved rows: per-partition tallies of each target, merged into one decision per target.

A target's label and name depend on tallies of its rows (labels voted, cues given, surfaces
written, the longest surface), which add up across partitions: each partition sends one
``Tally`` per target, the global step merges them and decides every entity, and each
partition then labels its own mentions and counts them per entity.
"""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

import pandas as pd

from pipeline.core.ids import stable_id
from pipeline.core.schema import SCHEMAS
from pipeline.stages.reconcile.names import ENTITY_LABELS, GazetteerEntry, surface_key

_LABEL_ORDER = {label: i for i, label in enumerate(ENTITY_LABELS)}


@dataclass
class Tally:
    """What the rows of one target add up to; ``longest`` is (words, characters, order, label)."""

    votes: Counter = field(default_factory=Counter)
    longest: tuple | None = None
    cued_votes: Counter = field(default_factory=Counter)
    cued_longest: tuple | None = None
    cues: Counter = field(default_factory=Counter)
    surfaces: Counter = field(default_factory=Counter)
    kb_ids: set = field(default_factory=set)
    #: surfaces a state or nationality opens in front of the name ("US Federal Reserve"), never the canonical name when that name is written
    placed: set = field(default_factory=set)

    def add(self, row, order: tuple) -> None:
        """Count one row (rows come in corpus order)."""
        vote = row.vote or row.label
        longest = (len(row.surface.split(" ")), len(row.surface), order, row.label)
        self.votes[vote] += 1
        self.longest = _longer(self.longest, longest)
        evidence = row.record.get("evidence")
        if isinstance(evidence, str) and evidence not in ("gazetteer", "bracket_name"):
            self.cued_votes[vote] += 1
            self.cued_longest = _longer(self.cued_longest, longest)
            self.cues[(evidence, vote)] += 1
        self.surfaces[row.surface] += 1
        if row.placed:
            self.placed.add(row.surface)
        kb_id = row.record.get("kb_id")
        if isinstance(kb_id, str):
            self.kb_ids.add(kb_id)

    def merge(self, other: Tally, *, appended: bool = False) -> None:
        """Add ``other``'s rows; ``appended``: they come after all of ours, whatever their order."""
        self.votes.update(other.votes)
        self.cued_votes.update(other.cued_votes)
        self.cues.update(other.cues)
        self.surfaces.update(other.surfaces)
        self.kb_ids |= other.kb_ids
        self.placed |= other.placed
        self.longest = _longer(self.longest, other.longest, appended=appended)
        self.cued_longest = _longer(self.cued_longest, other.cued_longest, appended=appended)


def _longer(a: tuple | None, b: tuple | None, *, appended: bool = False) -> tuple | None:
    """The longer surface of two (words, characters); on a tie the earlier row, as ``max`` over the rows in order."""
    if a is None or b is None:
        return a or b
    if b[:2] != a[:2]:
        return b if b[:2] > a[:2] else a
    return a if appended or a[2] <= b[2] else b


def partition_tallies(rows: list) -> dict[tuple, Tally]:
    """One ``Tally`` per target of one partition's resolved rows."""
    tallies: dict[tuple, Tally] = {}
    for row in rows:
        tally = tallies.get(row.target)
        if tally is None:
            tally = tallies[row.target] = Tally()
        tally.add(row, (row.record.source, row.record.position))
    return tallies


@dataclass
class Decisions:
    """Every target's entity: ``entity_of`` target -> (entity ID, label); ``entities`` the rows but counts."""

    entity_of: dict[tuple, tuple[str, str]]
    entities: dict[str, dict]


def decide_entities(parts: list[dict[tuple, Tally]], *, by_name: dict[str, GazetteerEntry],
                    titles: frozenset[str]) -> Decisions:
    """Merge the partitions' tallies and decide each entity's label, evidence, name, ID and KB ID."""
    tallies: dict[tuple, Tally] = {}
    for part in parts:
        for target, tally in part.items():
            if target in tallies:
                tallies[target].merge(tally)
            else:
                tallies[target] = tally
    joined = _merge_norp_plurals(tallies)
    entity_of: dict[tuple, tuple[str, str]] = {}
    entities: dict[str, dict] = {}
    for target in sorted(tallies):
        tally = tallies[target]
        gaz = by_name.get(target[1]) if target[0] == "gaz" else None
        label, evidence = ((gaz.label, "gazetteer") if gaz else _decide_label(tally))
        acting = tally.cues.get(("institution_context", "ORG"), 0)
        if acting and 2 * acting > sum(tally.votes.values()):
            # a building named for its institution, most of whose mentions make it an actor ("a statement from the White House")
            label, evidence = "ORG", "institution_context"
        name = gaz.name if gaz else _canonical_name(tally.surfaces, titles, placed=tally.placed)
        # a generic name scoped to a country or article (``countries``): one entity per scope
        entity_id = stable_id("e_", label, name, *target[2:])
        entity_of[target] = (entity_id, label)
        kb_ids = sorted(tally.kb_ids)
        entities.setdefault(entity_id, {"entity_id": entity_id, "name": name, "label": label,
                                        "kb_id": gaz.kb_id if gaz else (kb_ids[0] if kb_ids else None),
                                        "label_evidence": evidence})
    for plural, singular in joined.items():
        entity_of[plural] = entity_of[singular]
    return Decisions(entity_of, entities)


def partition_mentions(frame: pd.DataFrame, rows: list, decisions: Decisions) -> tuple[pd.DataFrame, dict]:
    """One partition's mentions table and, per entity, its aliases, mention count and documents."""
    entity_of: list[str | None] = [None] * len(frame)  # by position in ``frame``
    label_of: list[str | None] = [None] * len(frame)
    link_of: list[str | None] = [None] * len(frame)
    counts: dict[str, tuple[set, int, set]] = {}
    for row in rows:
        entity_id, label = decisions.entity_of[row.target]
        entity_of[row.record.position] = entity_id
        label_of[row.record.position] = label
        link_of[row.record.position] = row.link
        aliases, mentions, docs = counts.get(entity_id) or (set(), 0, set())
        aliases.add(row.surface)
        docs.add(row.record["doc_id"])
        counts[entity_id] = (aliases, mentions + 1, docs)
    # built column-wise, since a dict per mention costs more than the rest of the stage
    made = [entity_id is not None for entity_id in entity_of]
    mentions = frame[made].assign(entity_id=[e for e in entity_of if e is not None],
                                  label=[lab for lab in label_of if lab is not None],
                                  # "str" whether or not a partition joins anything, so partitions concatenate alike
                                  link=pd.Series([link for link, e in zip(link_of, entity_of) if e is not None],
                                                 dtype="str", index=frame.index[made]))
    mentions = mentions[SCHEMAS["mentions"].names].reset_index(drop=True)
    for col in ("start", "end"):
        mentions[col] = mentions[col].astype("int64")
    # a document lies in one partition, so partitions' document counts add up
    return mentions, {e: (aliases, n, len(docs)) for e, (aliases, n, docs) in counts.items()}


def entity_table(decisions: Decisions, parts: list[dict]) -> pd.DataFrame:
    """The entities table from the decisions and every partition's ``partition_mentions`` counts."""
    columns = SCHEMAS["entities"].names
    totals: dict[str, list] = {}
    for part in parts:
        for entity_id, (aliases, mentions, documents) in part.items():
            total = totals.setdefault(entity_id, [set(), 0, 0])
            total[0] |= aliases
            total[1] += mentions
            total[2] += documents
    rows = []
    for entity_id in sorted(totals):
        aliases, mentions, documents = totals[entity_id]
        entity = dict(decisions.entities[entity_id], aliases=sorted(aliases), mentions=mentions, documents=documents)
        rows.append({c: entity[c] for c in columns})
    entities = pd.DataFrame(rows, columns=columns)
    for col in ("mentions", "documents"):
        entities[col] = entities[col].astype("int64")
    return entities


def _merge_norp_plurals(tallies: dict[tuple, Tally]) -> dict[tuple, tuple]:
    """Fold a plural nationality ("Belgians") into its singular ("Belgian") when both occur; return plural -> singular."""
    joined = {}
    for target in sorted(tallies):
        if target[0] != "key" or not target[1].endswith("s") or target not in tallies:
            continue
        singular = ("key", target[1][:-1])
        if singular in tallies and _majority(tallies[target].votes, tallies[target].longest) == "NORP" \
                == _majority(tallies[singular].votes, tallies[singular].longest):
            tallies[singular].merge(tallies.pop(target), appended=True)
            joined[target] = singular
    return joined


def _decide_label(tally: Tally) -> tuple[str, str]:
    """The entity's one label and the evidence that decided it, from all its mentions.

    A cue of the entities stage (``evidence``: "org_suffix", "place", "first_name", ...)
    outweighs the model's guesses: the label most cued mentions carry wins, and the cue
    most of them give is recorded; without a cue, the majority of the mentions' labels
    decides ("majority"; a surname linked to a person votes PERSON).
    """
    if not tally.cued_votes:
        return _majority(tally.votes, tally.longest), "majority"
    label = _majority(tally.cued_votes, tally.cued_longest)
    cues = Counter({cue: n for (cue, vote), n in tally.cues.items() if vote == label})
    return label, sorted(cues, key=lambda cue: (-cues[cue], cue))[0] if cues else "majority"


def _majority(votes: Counter, longest: tuple) -> str:
    """The label most mentions carry (linked surnames vote PERSON, acronyms their long form's)."""
    # ties: the label of the longest surface, then the fixed label order
    return sorted(votes, key=lambda lab: (-votes[lab], lab != longest[3], _LABEL_ORDER.get(lab, 99), lab))[0]


def _canonical_name(counts: Counter, titles: frozenset[str], *, placed: set = frozenset()) -> str:
    """The fullest proper name among the group's surfaces, without a title in front nor a state opening a name also written without it."""
    # "BRUSSELS" of a dateline only when no "Brussels" is written
    written = {surface_key(s) for s in counts if not s.isupper()}

    def rank(surface: str) -> tuple:
        words = surface.split(" ")
        shouting = surface.isupper() and surface_key(surface) in written
        titled = any(" ".join(words[:n]).casefold() in titles for n in range(1, min(4, len(words))))
        return (
            titled,
            surface in placed and surface.split(" ", 1)[-1] in counts,
            words[0].casefold() == "the",
            not any(ch.isupper() for ch in surface),
            shouting,
            -len(words),
            # "NVS" of "Novartis (NVS)": a ticker or acronym whose letters a longer written name of the group
            # spells in order is that name's short form, however often the two are written ("K2s" is no
            # long form of "K2", nor "Nato" of "NATO": two more letters at least)
            surface.isupper() and any(len(s) > len(surface) + 1 and not s.isupper() and _spells(surface, s) for s in counts),
            -sum(not ch.isascii() for ch in surface),
            -counts[surface],
            surface,
        )

    return sorted(counts, key=rank)[0]


def _spells(short: str, name: str) -> bool:
    """True when ``name`` holds the letters of ``short`` in order, from its first ("NVS" in "Novartis", "IQV" in "Iqvia")."""
    letters, rest = short.casefold(), iter(name.casefold())
    return name[:1].casefold() == letters[:1] and all(ch in rest for ch in letters)
