"""Scoring entities: gold entities matched to predicted ones by shared strings, and alias clustering.

entities
    The predicted entities of a file are those with at least one row of ``mentions``
    whose source is the file's source and whose start lies in the region. Strings are
    compared folded: whitespace runs become one space, curly apostrophes become
    straight ones, case is kept. A gold entity's strings are its canonical name and
    aliases; a predicted entity's are its ``name`` and ``aliases`` (from ``entities``;
    when the entity has no row there, the texts of its in-region mentions). A gold
    entity is matched by the predicted entity sharing the most strings with it (ties:
    the one whose name equals the canonical, then the one with more in-region
    mentions, then the smallest entity_id); none when no predicted entity shares a
    string. A predicted entity has a gold counterpart when it shares a string with
    some gold entity of the file. The matching is not one-to-one: splits and merges
    are measured by the alias pairs below, not here.
    ``recall`` = matched gold / gold, ``precision`` = predicted with a counterpart /
    predicted, ``f1``; ``label_accuracy`` = share of matched gold entities whose
    match has the same label.
    Alias clustering: take every gold alias string (folded) that is also the folded
    text of an in-region mention (a mention text ending in a possessive "'s" also counts
    for the alias without it). Each such string is assigned the entity_id that most of
    its mentions carry (ties: the smallest entity_id). For every unordered pair of
    distinct such strings, "gold same" = one gold entity lists both, "predicted same"
    = both strings have the same assigned entity. ``alias_precision`` = pairs same in
    both / predicted-same pairs, ``alias_recall`` = pairs same in both / gold-same
    pairs, ``alias_f1``.
"""
from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Mapping
from dataclasses import dataclass
from itertools import combinations

from pipeline.tools.evaluate.gold import GoldEntity, GoldFile
from pipeline.tools.evaluate.matching import fold, fold_subject
from pipeline.tools.evaluate.rows import group_by_source, predicted_in_region, row_text
from pipeline.tools.evaluate.tally import Ratio, error_entry, f1_score, new_table, put_prf, put_ratio
from pipeline.tools.evaluate.values import as_list


@dataclass
class _PredEntity:
    entity_id: str
    name: str
    label: str
    strings: set[str]
    first: dict  # first in-region mention, for reports
    mentions: int  # in-region mentions


def _predicted_entities(gf: GoldFile, mentions: list[dict], entity_rows: Mapping[str, dict]) -> dict[str, _PredEntity]:
    """The predicted entities with at least one in-region mention of this file, by entity_id."""
    texts: dict[str, list[str]] = defaultdict(list)
    first: dict[str, dict] = {}
    labels: dict[str, Counter] = defaultdict(Counter)
    for m in sorted(mentions, key=lambda m: (m["start"], m.get("end") or 0)):
        eid = str(m["entity_id"])
        texts[eid].append(row_text(m, gf.text))
        first.setdefault(eid, m)
        if m.get("label"):
            labels[eid][str(m["label"])] += 1
    found = {}
    for eid in sorted(texts):
        row = entity_rows.get(eid)
        if row is not None:
            name = str(row.get("name") or "")
            label = str(row.get("label") or "")
            strings = {fold(s) for s in [name, *as_list(row.get("aliases"))] if isinstance(s, str) and s.strip()}
        else:
            name = texts[eid][0]
            label = labels[eid].most_common(1)[0][0] if labels[eid] else ""
            strings = {fold(t) for t in texts[eid] if t.strip()}
        found[eid] = _PredEntity(eid, name, label, strings, first[eid], len(texts[eid]))
    return found


def _match_entities(gold: list[GoldEntity], pred: Mapping[str, _PredEntity]) -> tuple[dict[int, str], set[str]]:
    """Each gold entity's best predicted entity (index -> entity_id), and the predicted ids with a counterpart.

    Not one-to-one: a split or merged entity still has its gold counterpart; the
    alias-clustering pairs are what measure splits and merges.
    """
    gold_strings = [{fold(s) for s in (g.canonical, *g.aliases)} for g in gold]
    best: dict[int, str] = {}
    counterpart: set[str] = set()
    for gi, g in enumerate(gold):
        ranked = []
        for eid, p in pred.items():
            shared = len(gold_strings[gi] & p.strings)
            if shared:
                counterpart.add(eid)
                ranked.append((-shared, fold(g.canonical) != fold(p.name), -p.mentions, eid))
        if ranked:
            best[gi] = min(ranked)[-1]
    return best, counterpart


def _alias_pairs(gf: GoldFile, mentions: list[dict]) -> tuple[int, int, int, list[dict]]:
    """Pairwise alias clustering counts for one file: (both same, predicted same, gold same, errors)."""
    owners: dict[str, set[int]] = defaultdict(set)
    for gi, g in enumerate(gf.entities):
        for alias in g.aliases:
            owners[fold(alias)].add(gi)
    votes: dict[str, Counter] = defaultdict(Counter)
    for m in mentions:
        key = fold(row_text(m, gf.text))
        if key not in owners and fold_subject(key) in owners:
            key = fold_subject(key)
        if key in owners:
            votes[key][str(m["entity_id"])] += 1
    assigned = {a: min(c.items(), key=lambda kv: (-kv[1], kv[0]))[0] for a, c in votes.items()}
    both = pred_same = gold_same = 0
    errors = []
    for a, b in combinations(sorted(assigned), 2):
        g_same = bool(owners[a] & owners[b])
        p_same = assigned[a] == assigned[b]
        gold_same += g_same
        pred_same += p_same
        both += g_same and p_same
        if g_same != p_same:
            errors.append(error_entry(gf, None, None, None, problems=["alias_split" if g_same else "alias_merged"],
                                      gold={"aliases": [a, b], "same": g_same},
                                      predicted={"entity_ids": [assigned[a], assigned[b]], "same": p_same}))
    return both, pred_same, gold_same, errors


def _first_alias_at(gf: GoldFile, entity: GoldEntity) -> tuple[int | None, int | None, str | None]:
    """Where a gold entity first shows in the region, for reports (None when none of its aliases does)."""
    best = None
    for alias in entity.aliases:
        i = gf.text.find(alias, gf.region.start, gf.region.end)
        if i >= 0 and (best is None or i < best[0]):
            best = (i, i + len(alias), alias)
    return best or (None, None, None)


def score_entities(files: list[GoldFile], mentions: list[dict], entity_rows: list[dict]) -> tuple[dict, dict]:
    """Entity P/R/F1, label accuracy and alias F1; also each file's gold-to-predicted pairing."""
    out = new_table()
    by_id = {str(r["entity_id"]): r for r in entity_rows}
    by_source = group_by_source(mentions)
    n_gold = n_pred = n_counterpart = 0
    label = Ratio()
    both = pred_same = gold_same = 0
    pairings: dict[str, dict[int, str]] = {}
    for gf in files:
        in_region = predicted_in_region(gf, by_source)
        pred = _predicted_entities(gf, in_region, by_id)
        pairs, counterpart = _match_entities(gf.entities, pred)
        pairings[gf.name] = pairs
        n_gold, n_pred = n_gold + len(gf.entities), n_pred + len(pred)
        n_counterpart += len(counterpart)
        for gi, g in enumerate(gf.entities):
            gold_values = {"canonical": g.canonical, "label": g.label, "aliases": list(g.aliases)}
            if gi not in pairs:
                out["misses"].append(error_entry(gf, *_first_alias_at(gf, g), gold=gold_values))
                continue
            p = pred[pairs[gi]]
            label.add(g.label == p.label)
            if g.label != p.label:
                out["mismatches"].append(error_entry(
                    gf, p.first["start"], p.first.get("end"), row_text(p.first, gf.text), problems=["label"],
                    gold=gold_values, predicted={"entity_id": p.entity_id, "name": p.name, "label": p.label}))
        for eid in sorted(set(pred) - counterpart):
            p = pred[eid]
            out["false_positives"].append(error_entry(
                gf, p.first["start"], p.first.get("end"), row_text(p.first, gf.text),
                predicted={"entity_id": eid, "name": p.name, "label": p.label, "aliases": sorted(p.strings)}))
        b, ps, gs, errors = _alias_pairs(gf, in_region)
        both, pred_same, gold_same = both + b, pred_same + ps, gold_same + gs
        out["mismatches"] += errors
    m, f = out["metrics"], out["fractions"]
    precision = n_counterpart / n_pred if n_pred else 0.0
    recall = label.den / n_gold if n_gold else 0.0
    m.update(precision=round(precision, 4), recall=round(recall, 4), f1=round(f1_score(precision, recall), 4))
    f.update(precision=[n_counterpart, n_pred], recall=[label.den, n_gold])
    put_ratio(m, f, "label_accuracy", label)
    put_prf(m, f, "alias_", both, pred_same, gold_same)
    out["counts"] = {"gold": n_gold, "predicted": n_pred, "gold_matched": label.den,
                     "predicted_with_counterpart": n_counterpart,
                     "alias_pairs_both_same": both, "alias_pairs_predicted_same": pred_same,
                     "alias_pairs_gold_same": gold_same}
    return out, pairings
