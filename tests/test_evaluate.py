"""The scoring core of `pipeline eval`: gold loading and every metric on hand-computable cases."""
from __future__ import annotations

import datetime as dt
import json
import re
from pathlib import Path

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from pipeline.tools.evaluate import EvalError, evaluate, flat_metrics, format_report, load_gold
from pipeline.core.schema import SCHEMAS, empty_frame, to_arrow

ROOT = Path(__file__).resolve().parent.parent
GOLD = ROOT / "tests" / "gold"
RAW = ROOT / "raw"

SOURCE = "doc.txt"
TEXT = (
    "Kaja Kallas said on Monday that the EU will lend €150 billion.\n"
    "The UK and Britain’s allies met in London on 19 May 2025.\n"
    "Prices rose 5 per cent last week, the bloc said, costing £50,000 to £100,000 for 19 drones.\n"
)

ID_PREFIX = {"dates": "t", "quantities": "q", "claims": "c", "mentions": "m"}
ID_COLUMN = {"dates": "date_id", "quantities": "quantity_id", "claims": "claim_id", "mentions": "mention_id"}
DEFAULTS = {
    "dates": {"tclass": "date", "anchored": False},
    "quantities": {"kind": "count"},
    "claims": {"quantity_ids": [], "date_ids": [], "entity_ids": [], "kind": "amount", "subject_mention_id": None,
               "subject_rule": None, "speaker_mention_id": None, "confidence": 1.0},
    "mentions": {"label": "ORG", "detector": "test"},
    "documents": {"encoding": "utf-8", "sha256": "0" * 64, "article": 0},
    "entities": {"mentions": 1, "documents": 1, "aliases": []},
}
ALL_METRICS = {
    "dates.strict_precision", "dates.strict_recall", "dates.strict_f1",
    "dates.relaxed_precision", "dates.relaxed_recall", "dates.relaxed_f1",
    "dates.value_accuracy", "dates.value_accuracy_anchored", "dates.value_accuracy_unanchored",
    "dates.tclass_accuracy",
    "quantities.strict_precision", "quantities.strict_recall", "quantities.strict_f1",
    "quantities.relaxed_precision", "quantities.relaxed_recall", "quantities.relaxed_f1",
    "quantities.value_accuracy", "quantities.unit_accuracy", "quantities.unit_accuracy_money_percent",
    "quantities.kind_accuracy", "quantities.approx_accuracy",
    "entities.precision", "entities.recall", "entities.f1", "entities.label_accuracy",
    "entities.alias_precision", "entities.alias_recall", "entities.alias_f1",
    "claims.key_claim_recall", "claims.span_recall", "claims.link_recall", "claims.subject_recall",
    "claims.overlap_precision",
    "documents.pub_date_accuracy", "documents.article_boundary_recall", "documents.article_boundary_precision",
}


# ------------------------------------------------------------------------ helpers


def locate(text: str, needle: str, occ: int = 1) -> tuple[int, int]:
    """Offsets of the occ-th non-overlapping occurrence, as the gold conventions count."""
    i = text.find(needle)
    for _ in range(occ - 1):
        i = text.find(needle, i + len(needle))
    assert i >= 0, needle
    return i, i + len(needle)


def span_row(table: str, needle: str, occ: int = 1, *, text: str = TEXT, source: str = SOURCE, **cols) -> dict:
    """A row of a span table at ``needle``'s offsets, with the table's required defaults."""
    start, end = locate(text, needle, occ)
    row = {"doc_id": "d", "source": source, "start": start, "end": end, "text": text[start:end], "sentence_id": None,
           ID_COLUMN[table]: f"{ID_PREFIX[table]}{start}_{end}", **DEFAULTS.get(table, {}), **cols}
    return {k: v for k, v in row.items() if k in SCHEMAS[table].names}


def frame(table: str, rows: list[dict]) -> pd.DataFrame:
    """Rows as the notebook API would read them back (through the table's Arrow schema)."""
    names = SCHEMAS[table].names
    rows = [{c: {**DEFAULTS.get(table, {}), **r}.get(c) for c in names} for r in rows]
    return to_arrow(table, pd.DataFrame(rows, columns=names, dtype=object)).to_pandas()


def entity(entity_id: str, name: str, label: str, aliases: list[str]) -> dict:
    return {"entity_id": entity_id, "name": name, "label": label, "aliases": aliases}


def gold_date(needle, occ=1, value=None, tclass="date", anchored=False):
    return {"type": "date", "text": needle, "occ": occ, "tclass": tclass, "value": value, "anchored": anchored,
            "note": ""}


def gold_quantity(needle, qkind, value, unit, approx="", occ=1):
    return {"type": "quantity", "text": needle, "occ": occ, "qkind": qkind, "value": value, "unit": unit,
            "approx": approx, "note": ""}


def gold_entity(canonical, label, aliases):
    return {"type": "entity", "canonical": canonical, "label": label, "aliases": aliases, "note": ""}


def gold_claim(needle, subject, quantity="", date="", occ=1):
    return {"type": "claim", "text": needle, "occ": occ, "subject": subject, "quantity": quantity, "date": date,
            "summary": ""}


def write_gold(folder: Path, name: str, records: list[dict]) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), encoding="utf-8")
    return path


def score(tmp_path: Path, records: list[dict], tables: dict, *, text: str = TEXT, name: str = "doc.jsonl") -> dict:
    """Write one gold file for ``text``, load it and evaluate ``tables`` (rows) against it."""
    write_gold(tmp_path / "gold", name, records)
    gold = load_gold(tmp_path / "gold", {SOURCE: text})
    frames = {t: frame(t, rows) if isinstance(rows, list) else rows for t, rows in tables.items()}
    result = evaluate(gold, frames)
    json.dumps(result)  # the result must be JSON-serialisable as it is
    return result


def metrics(result: dict) -> dict[str, float]:
    return flat_metrics(result)


# ----------------------------------------------------------------------------- dates

DATE_GOLD = [
    gold_date("Monday", value="2025-03-17", anchored=True),
    gold_date("19 May 2025", value="2025-05-19", anchored=False),
]


def test_dates_perfect_match_scores_one(tmp_path):
    preds = [span_row("dates", "Monday", value="2025-03-17", anchored=True),
             span_row("dates", "19 May 2025", value="2025-05-19")]
    m = metrics(score(tmp_path, DATE_GOLD, {"dates": preds}))
    for name in ("strict_precision", "strict_recall", "strict_f1", "relaxed_precision", "relaxed_recall",
                 "relaxed_f1", "value_accuracy", "value_accuracy_anchored", "value_accuracy_unanchored",
                 "tclass_accuracy"):
        assert m[f"dates.{name}"] == 1.0, name


def test_dates_one_miss(tmp_path):
    result = score(tmp_path, DATE_GOLD, {"dates": [span_row("dates", "Monday", value="2025-03-17")]})
    m = metrics(result)
    assert (m["dates.strict_precision"], m["dates.strict_recall"], m["dates.strict_f1"]) == (1.0, 0.5, 0.6667)
    misses = result["tables"]["dates"]["misses"]
    assert [(e["text"], e["gold"]["value"]) for e in misses] == [("19 May 2025", "2025-05-19")]
    assert misses[0]["start"] == TEXT.index("19 May 2025")


def test_dates_one_false_positive(tmp_path):
    preds = [span_row("dates", "Monday", value="2025-03-17"), span_row("dates", "19 May 2025", value="2025-05-19"),
             span_row("dates", "last week", value="2025-W11")]
    result = score(tmp_path, DATE_GOLD, {"dates": preds})
    m = metrics(result)
    assert (m["dates.relaxed_precision"], m["dates.relaxed_recall"], m["dates.relaxed_f1"]) == (0.6667, 1.0, 0.8)
    assert [e["text"] for e in result["tables"]["dates"]["false_positives"]] == ["last week"]
    assert result["tables"]["dates"]["false_positives"][0]["predicted"]["value"] == "2025-W11"


def test_dates_relaxed_only_overlap(tmp_path):
    preds = [span_row("dates", "Monday", value="2025-03-17"), span_row("dates", "May 2025", value="2025-05-19")]
    result = score(tmp_path, DATE_GOLD, {"dates": preds})
    m = metrics(result)
    assert (m["dates.strict_precision"], m["dates.strict_recall"]) == (0.5, 0.5)
    assert (m["dates.relaxed_precision"], m["dates.relaxed_recall"], m["dates.relaxed_f1"]) == (1.0, 1.0, 1.0)
    assert m["dates.value_accuracy"] == 1.0
    [mismatch] = result["tables"]["dates"]["mismatches"]
    assert mismatch["problems"] == ["extent"]
    assert (mismatch["text"], mismatch["predicted"]["text"]) == ("19 May 2025", "May 2025")


def test_dates_wrong_value_split_by_anchoring(tmp_path):
    preds = [span_row("dates", "Monday", value="2025-03-10", tclass="time"),
             span_row("dates", "19 May 2025", value="2025-05-19")]
    result = score(tmp_path, DATE_GOLD, {"dates": preds})
    m = metrics(result)
    assert m["dates.value_accuracy"] == 0.5
    assert m["dates.value_accuracy_anchored"] == 0.0
    assert m["dates.value_accuracy_unanchored"] == 1.0
    assert m["dates.tclass_accuracy"] == 0.5
    assert m["dates.strict_f1"] == 1.0
    [mismatch] = result["tables"]["dates"]["mismatches"]
    assert mismatch["problems"] == ["value", "tclass"]
    assert (mismatch["gold"]["value"], mismatch["predicted"]["value"]) == ("2025-03-17", "2025-03-10")


@pytest.mark.parametrize("predicted, correct", [(None, True), ("", True), ("PAST_REF", False)])
def test_dates_null_gold_value_needs_null_prediction(tmp_path, predicted, correct):
    result = score(tmp_path, [gold_date("last week", value=None, anchored=True)],
                   {"dates": [span_row("dates", "last week", value=predicted)]})
    assert metrics(result)["dates.value_accuracy"] == (1.0 if correct else 0.0)


def test_dates_one_prediction_over_two_gold_pairs_with_the_larger_overlap(tmp_path):
    start, _ = locate(TEXT, "Monday")
    _, end = locate(TEXT, "19 May 2025")
    wide = {**span_row("dates", "Monday"), "start": start, "end": end, "text": TEXT[start:end], "date_id": "t_wide"}
    result = score(tmp_path, DATE_GOLD, {"dates": [wide]})
    m = metrics(result)
    # "19 May 2025" (11 characters) overlaps more than "Monday" (6): it takes the pair, Monday is missed
    assert (m["dates.relaxed_precision"], m["dates.relaxed_recall"], m["dates.strict_f1"]) == (1.0, 0.5, 0.0)
    assert [e["text"] for e in result["tables"]["dates"]["misses"]] == ["Monday"]


def test_dates_exact_pair_wins_over_a_wider_overlap(tmp_path):
    # gold "19 May 2025"; predictions "on 19 May 2025" (wider, overlaps more) and the exact span
    on_start, on_end = locate(TEXT, "on 19 May 2025")
    wider = {**span_row("dates", "on 19 May 2025"), "date_id": "t_wider"}
    exact = span_row("dates", "19 May 2025", value="2025-05-19")
    assert (wider["start"], wider["end"]) == (on_start, on_end)
    result = score(tmp_path, [DATE_GOLD[1]], {"dates": [wider, exact]})
    m = metrics(result)
    assert (m["dates.strict_precision"], m["dates.strict_recall"]) == (0.5, 1.0)
    assert m["dates.value_accuracy"] == 1.0
    assert [e["text"] for e in result["tables"]["dates"]["false_positives"]] == ["on 19 May 2025"]


def test_region_restricts_gold_and_predictions(tmp_path):
    records = [{"type": "region", "first_line": 2, "last_line": 2},
               gold_date("Monday", value="2025-03-17"),          # line 1: outside
               gold_date("19 May 2025", value="2025-05-19"),     # line 2: scored
               gold_date("last week", value="2025-W11")]         # line 3: outside
    start, _ = locate(TEXT, "Monday")
    _, end = locate(TEXT, "The UK")
    crossing = {**span_row("dates", "Monday"), "end": end, "text": TEXT[start:end], "date_id": "t_cross"}
    preds = [span_row("dates", "Monday"), crossing, span_row("dates", "19 May 2025", value="2025-05-19"),
             span_row("dates", "last week"), span_row("dates", "5 per cent")]
    result = score(tmp_path, records, {"dates": preds})
    assert result["tables"]["dates"]["counts"] == {"gold": 1, "predicted": 1, "strict_tp": 1, "relaxed_tp": 1}
    assert metrics(result)["dates.strict_f1"] == 1.0
    assert any("2 gold span(s) start outside the region" in w for w in result["warnings"])
    assert result["gold_files"][0]["region"] == [2, 2]


def test_open_ended_region_runs_to_the_end(tmp_path):
    records = [{"type": "region", "first_line": 2, "last_line": None},
               gold_date("19 May 2025", value="2025-05-19"), gold_date("last week", value="2025-W11")]
    preds = [span_row("dates", "Monday"), span_row("dates", "19 May 2025", value="2025-05-19"),
             span_row("dates", "last week", value="2025-W11")]
    result = score(tmp_path, records, {"dates": preds})
    assert result["tables"]["dates"]["counts"]["predicted"] == 2
    assert metrics(result)["dates.strict_f1"] == 1.0


def test_micro_average_sums_counts_over_files(tmp_path):
    other = "Nothing happened on Friday or on Sunday.\n"
    write_gold(tmp_path / "gold", "doc.jsonl", DATE_GOLD)
    write_gold(tmp_path / "gold", "other.jsonl", [gold_date("Friday"), gold_date("Sunday")])
    gold = load_gold(tmp_path / "gold", {SOURCE: TEXT, "other.txt": other})
    preds = [span_row("dates", "Monday"), span_row("dates", "19 May 2025"),
             span_row("dates", "Friday", text=other, source="other.txt")]
    m = flat_metrics(evaluate(gold, {"dates": frame("dates", preds)}))
    # 3 of 4 gold found, all 3 predictions right: a macro average of per-file recall would give 0.75 too,
    # so check precision and F1 that only the pooled counts give
    assert (m["dates.strict_recall"], m["dates.strict_precision"], m["dates.strict_f1"]) == (0.75, 1.0, 0.8571)


# ------------------------------------------------------------------------ quantities

QUANTITY_GOLD = [
    gold_quantity("€150 billion", "money", 150000000000, "EUR"),
    gold_quantity("5 per cent", "percent", 5, "%", approx="at least"),
    gold_quantity("£50,000 to £100,000", "money", [50000, 100000], "GBP"),
    gold_quantity("19 drones", "count", 19, "drones"),
]


def perfect_quantities() -> list[dict]:
    return [
        span_row("quantities", "€150 billion", kind="money", value=150e9, value_low=150e9, value_high=150e9,
                 unit="EUR"),
        span_row("quantities", "5 per cent", kind="percent", value=5.0, unit="%", approx="at least"),
        span_row("quantities", "£50,000 to £100,000", kind="money", value_low=50000.0, value_high=100000.0,
                 unit="GBP"),
        span_row("quantities", "19 drones", kind="count", value=19.0, unit="drones"),
    ]


def test_quantities_perfect_match_scores_one(tmp_path):
    m = metrics(score(tmp_path, QUANTITY_GOLD, {"quantities": perfect_quantities()}))
    quantity_metrics = {k: v for k, v in m.items() if k.startswith("quantities.")}
    assert quantity_metrics and set(quantity_metrics.values()) == {1.0}


@pytest.mark.parametrize("gold_value, cols, correct", [
    (150e9, {"value": 150e9}, True),
    (150e9, {"value": 150e9 * (1 + 1e-7)}, True),        # within relative 1e-6
    (150e9, {"value": 150e9 * (1 + 1e-5)}, False),
    (150e9, {"value": 150.0}, False),                      # not in base units
    (150e9, {"value_low": 150e9, "value_high": 150e9}, True),
    (150e9, {"value_low": 150e9, "value_high": 300e9}, False),
    (0, {"value": 0.0}, True),
    ([50000, 100000], {"value_low": 50000.0, "value_high": 100000.0}, True),
    ([50000, 100000], {"value": 50000.0, "value_low": 50000.0, "value_high": 50000.0}, False),
    ([50000, 100000], {"value_low": 50000.0}, False),
    (None, {}, True),
    (None, {"value": 12.0}, False),
])
def test_quantity_value_accuracy(tmp_path, gold_value, cols, correct):
    result = score(tmp_path, [gold_quantity("€150 billion", "money", gold_value, "EUR")],
                   {"quantities": [span_row("quantities", "€150 billion", kind="money", unit="EUR", **cols)]})
    assert metrics(result)["quantities.value_accuracy"] == (1.0 if correct else 0.0)


def test_quantity_unit_kind_and_approx_accuracy(tmp_path):
    preds = perfect_quantities()
    preds[0]["unit"] = "GBP"            # money: wrong currency
    preds[1]["unit"] = " %"             # percent: same after folding
    preds[1]["approx"] = "At least"     # same qualifier, other case
    preds[3]["unit"] = "drone"          # count: wrong, outside the money/percent share
    preds[3]["kind"] = "measure"
    preds[2]["approx"] = "about"        # gold has no qualifier
    result = score(tmp_path, QUANTITY_GOLD, {"quantities": preds})
    m = metrics(result)
    assert m["quantities.unit_accuracy_money_percent"] == 0.6667
    assert m["quantities.unit_accuracy"] == 0.5
    assert m["quantities.kind_accuracy"] == 0.75
    assert m["quantities.approx_accuracy"] == 0.75
    assert m["quantities.value_accuracy"] == 1.0
    problems = {e["text"]: e["problems"] for e in result["tables"]["quantities"]["mismatches"]}
    assert problems == {"€150 billion": ["unit"], "£50,000 to £100,000": ["approx"], "19 drones": ["unit", "kind"]}


def test_quantity_gold_empty_approx_matches_null(tmp_path):
    preds = perfect_quantities()
    preds[0]["approx"] = None
    preds[3]["approx"] = ""
    assert metrics(score(tmp_path, QUANTITY_GOLD, {"quantities": preds}))["quantities.approx_accuracy"] == 1.0


# -------------------------------------------------------------------------- entities

ENTITY_GOLD = [
    gold_entity("Kaja Kallas", "PERSON", ["Kaja Kallas"]),
    gold_entity("European Union", "ORG", ["EU", "the bloc"]),
    gold_entity("United Kingdom", "GPE", ["UK", "Britain"]),
    gold_entity("London", "GPE", ["London"]),
]


def mentions_for(assignments: dict[str, str], text: str = TEXT) -> list[dict]:
    """One mention per (surface string -> entity_id), at its first occurrence."""
    return [span_row("mentions", needle, text=text, entity_id=eid) for needle, eid in assignments.items()]


PERFECT_ENTITIES = [
    entity("e_kallas", "Kaja Kallas", "PERSON", ["Kaja Kallas"]),
    entity("e_eu", "European Union", "ORG", ["EU", "the bloc"]),
    entity("e_uk", "United Kingdom", "GPE", ["UK", "Britain"]),
    entity("e_london", "London", "GPE", ["London"]),
]
PERFECT_MENTIONS = {"Kaja Kallas": "e_kallas", "EU": "e_eu", "the bloc": "e_eu", "UK": "e_uk",
                    "Britain": "e_uk", "London": "e_london"}


def test_entities_perfect_match_scores_one(tmp_path):
    result = score(tmp_path, ENTITY_GOLD, {"entities": PERFECT_ENTITIES, "mentions": mentions_for(PERFECT_MENTIONS)})
    m = metrics(result)
    for name in ("precision", "recall", "f1", "label_accuracy", "alias_precision", "alias_recall", "alias_f1"):
        assert m[f"entities.{name}"] == 1.0, name
    assert result["tables"]["entities"]["counts"]["alias_pairs_gold_same"] == 2


def test_entity_sharing_no_string_with_gold_is_a_false_positive(tmp_path):
    ments = mentions_for({**PERFECT_MENTIONS, "Monday": "e_monday"})
    ents = [*PERFECT_ENTITIES, entity("e_monday", "Monday", "ORG", ["Monday"])]
    result = score(tmp_path, ENTITY_GOLD, {"entities": ents, "mentions": ments})
    m = metrics(result)
    assert (m["entities.precision"], m["entities.recall"], m["entities.f1"]) == (0.8, 1.0, 0.8889)
    [fp] = result["tables"]["entities"]["false_positives"]
    assert (fp["predicted"]["entity_id"], fp["text"], fp["start"]) == ("e_monday", "Monday", TEXT.index("Monday"))


def test_alias_split_across_two_entities_lowers_alias_f1(tmp_path):
    ents = [*PERFECT_ENTITIES[:2], entity("e_uk", "United Kingdom", "GPE", ["UK"]),
            entity("e_brit", "Britain", "LOC", ["Britain"]), PERFECT_ENTITIES[3]]
    result = score(tmp_path, ENTITY_GOLD,
                   {"entities": ents, "mentions": mentions_for({**PERFECT_MENTIONS, "Britain": "e_brit"})})
    m = metrics(result)
    # pairs among present aliases: gold same {EU~the bloc, UK~Britain}; predicted same {EU~the bloc}
    assert (m["entities.alias_precision"], m["entities.alias_recall"], m["entities.alias_f1"]) == (1.0, 0.5, 0.6667)
    # the split is not an entity-level error: both fragments have a gold counterpart, and the gold
    # United Kingdom is matched by e_uk (two shared strings), so e_brit's wrong label does not count
    assert (m["entities.precision"], m["entities.recall"], m["entities.label_accuracy"]) == (1.0, 1.0, 1.0)
    splits = [e for e in result["tables"]["entities"]["mismatches"] if e["problems"] == ["alias_split"]]
    assert [e["gold"]["aliases"] for e in splits] == [["Britain", "UK"]]


def test_merged_entities_lower_alias_precision(tmp_path):
    ents = [*PERFECT_ENTITIES[:2], entity("e_uk", "United Kingdom", "GPE", ["UK", "Britain", "London"])]
    result = score(tmp_path, ENTITY_GOLD,
                   {"entities": ents, "mentions": mentions_for({**PERFECT_MENTIONS, "London": "e_uk"})})
    m = metrics(result)
    assert (m["entities.precision"], m["entities.recall"], m["entities.f1"]) == (1.0, 1.0, 1.0)
    # predicted same: EU~the bloc, UK~Britain, UK~London, Britain~London; gold same: the first two
    assert (m["entities.alias_precision"], m["entities.alias_recall"], m["entities.alias_f1"]) == (0.5, 1.0, 0.6667)
    merged = [e["gold"]["aliases"] for e in result["tables"]["entities"]["mismatches"]
              if e["problems"] == ["alias_merged"]]
    assert merged == [["Britain", "London"], ["London", "UK"]]


def test_gold_entity_without_any_matching_mention_is_a_miss(tmp_path):
    ments = mentions_for({k: v for k, v in PERFECT_MENTIONS.items() if k != "London"})
    result = score(tmp_path, ENTITY_GOLD, {"entities": PERFECT_ENTITIES, "mentions": ments})
    m = metrics(result)
    assert (m["entities.precision"], m["entities.recall"], m["entities.f1"]) == (1.0, 0.75, 0.8571)
    [miss] = result["tables"]["entities"]["misses"]
    assert (miss["gold"]["canonical"], miss["start"], miss["text"]) == ("London", TEXT.index("London"), "London")


def test_entity_label_accuracy_over_paired_entities(tmp_path):
    ents = [*PERFECT_ENTITIES[:3], entity("e_london", "London", "LOC", ["London"])]
    result = score(tmp_path, ENTITY_GOLD, {"entities": ents, "mentions": mentions_for(PERFECT_MENTIONS)})
    assert metrics(result)["entities.label_accuracy"] == 0.75
    [wrong] = [e for e in result["tables"]["entities"]["mismatches"] if e["problems"] == ["label"]]
    assert (wrong["gold"]["label"], wrong["predicted"]["label"]) == ("GPE", "LOC")


def test_alias_string_takes_its_majority_entity(tmp_path):
    text = "The UK met. The UK agreed. The UK left. Britain stayed.\n"
    gold = [gold_entity("United Kingdom", "GPE", ["UK", "Britain"])]
    ments = [span_row("mentions", "UK", 1, text=text, entity_id="e_uk"),
             span_row("mentions", "UK", 2, text=text, entity_id="e_other"),
             span_row("mentions", "UK", 3, text=text, entity_id="e_uk"),
             span_row("mentions", "Britain", text=text, entity_id="e_uk")]
    ents = [entity("e_uk", "United Kingdom", "GPE", ["UK", "Britain"]), entity("e_other", "UK", "GPE", ["UK"])]
    result = score(tmp_path, gold, {"entities": ents, "mentions": ments}, text=text)
    assert metrics(result)["entities.alias_f1"] == 1.0
    assert result["tables"]["entities"]["counts"]["alias_pairs_both_same"] == 1


def test_predicted_entities_need_a_mention_in_the_region(tmp_path):
    records = [{"type": "region", "first_line": 2, "last_line": 2},
               gold_entity("United Kingdom", "GPE", ["UK", "Britain"]), gold_entity("London", "GPE", ["London"])]
    result = score(tmp_path, records, {"entities": PERFECT_ENTITIES, "mentions": mentions_for(PERFECT_MENTIONS)})
    m = metrics(result)
    assert result["tables"]["entities"]["counts"]["predicted"] == 2  # Kallas and the EU are on line 1
    assert (m["entities.precision"], m["entities.recall"], m["entities.alias_f1"]) == (1.0, 1.0, 1.0)


def test_entities_fold_whitespace_and_apostrophes_but_keep_case(tmp_path):
    text = "Ursula von der\nLeyen met Côte d’Ivoire and NATO.\n"
    gold = [gold_entity("Ursula von der Leyen", "PERSON", ["von der\nLeyen"]),
            gold_entity("Côte d’Ivoire", "GPE", ["Côte d’Ivoire"]),
            gold_entity("NATO", "ORG", ["NATO"])]
    ents = [entity("e_vdl", "Ursula von der Leyen", "PERSON", ["von der  Leyen"]),
            entity("e_ci", "Côte d'Ivoire", "GPE", []),
            entity("e_nato", "Nato", "ORG", ["nato"])]
    ments = [span_row("mentions", "von der\nLeyen", text=text, entity_id="e_vdl"),
             span_row("mentions", "Côte d’Ivoire", text=text, entity_id="e_ci"),
             span_row("mentions", "NATO", text=text, entity_id="e_nato")]
    result = score(tmp_path, gold, {"entities": ents, "mentions": ments}, text=text)
    assert [e["gold"]["canonical"] for e in result["tables"]["entities"]["misses"]] == ["NATO"]
    assert metrics(result)["entities.recall"] == 0.6667


def test_entities_without_entity_rows_fall_back_to_mention_texts(tmp_path):
    ments = [span_row("mentions", "UK", entity_id="e_uk", label="GPE"),
             span_row("mentions", "Britain", entity_id="e_uk", label="GPE")]
    result = score(tmp_path, [gold_entity("United Kingdom", "GPE", ["UK", "Britain"])], {"mentions": ments})
    m = metrics(result)
    assert (m["entities.f1"], m["entities.label_accuracy"], m["entities.alias_f1"]) == (1.0, 1.0, 1.0)
    assert any("'entities' is missing" in w for w in result["warnings"])


# ---------------------------------------------------------------------------- claims

CLAIM_GOLD = [
    gold_quantity("€150 billion", "money", 150000000000, "EUR"),
    gold_quantity("19 drones", "count", 19, "drones"),
    gold_date("Monday", value="2025-03-17", anchored=True),
    gold_entity("European Union", "ORG", ["EU", "the bloc"]),
    gold_entity("Kaja Kallas", "PERSON", ["Kaja Kallas", "Kallas"]),
    gold_entity("United Kingdom", "GPE", ["UK"]),
]
CLAIM_TABLES = {
    "quantities": [span_row("quantities", "€150 billion", quantity_id="q_eur"),
                   span_row("quantities", "19 drones", quantity_id="q_drones")],
    "dates": [span_row("dates", "Monday", date_id="t_monday")],
    "entities": [entity("e_eu", "European Union", "ORG", ["EU"]),
                 entity("e_kallas", "Kaja Kallas", "PERSON", ["Kaja Kallas"]),
                 entity("e_union", "the Union", "ORG", ["EU"]),
                 entity("e_uk", "United Kingdom", "GPE", ["UK"])],
    "mentions": [span_row("mentions", "EU", entity_id="e_union"), span_row("mentions", "UK", entity_id="e_uk"),
                 span_row("mentions", "Kaja Kallas", entity_id="e_kallas")],
}
LINE1 = "Kaja Kallas said on Monday that the EU will lend €150 billion."
LINE3 = "Prices rose 5 per cent last week, the bloc said, costing £50,000 to £100,000 for 19 drones."


@pytest.mark.parametrize("row, found, problems", [
    ({"quantity_ids": ["q_eur"], "subject_entity_id": "e_eu"}, True, None),
    ({"quantity_ids": ["q_drones"], "subject_entity_id": "e_eu"}, False, ["link"]),
    ({"quantity_ids": ["q_missing"], "subject_entity_id": "e_eu"}, False, ["link"]),
    ({"quantity_ids": [], "date_ids": ["t_monday"], "subject_entity_id": "e_eu"}, False, ["link"]),
    ({"quantity_ids": ["q_eur"], "subject_entity_id": "e_uk"}, False, ["subject"]),
    ({"quantity_ids": ["q_eur"], "subject_entity_id": None, "subject": "EU"}, True, None),
    ({"quantity_ids": ["q_eur"], "subject_entity_id": None, "subject": "European  Union’s"}, True, None),
    ({"quantity_ids": ["q_eur"], "subject_entity_id": None, "subject": "Brussels"}, False, ["subject"]),
    # e_union is named "the Union" but is the entity paired with the gold European Union
    ({"quantity_ids": ["q_eur"], "subject_entity_id": "e_union"}, True, None),
])
def test_claim_found_only_when_span_link_and_subject_hold(tmp_path, row, found, problems):
    records = [*CLAIM_GOLD, gold_claim("the EU will lend €150 billion", "European Union", quantity="€150 billion")]
    claims = [span_row("claims", LINE1, claim_id="c1", **row)]
    result = score(tmp_path, records, {**CLAIM_TABLES, "claims": claims})
    assert metrics(result)["claims.key_claim_recall"] == (1.0 if found else 0.0)
    misses = result["tables"]["claims"]["misses"]
    assert [e["problems"] for e in misses] == ([] if found else [problems])


def test_claim_without_overlapping_row_is_not_found(tmp_path):
    records = [*CLAIM_GOLD, gold_claim("the EU will lend €150 billion", "European Union", quantity="€150 billion")]
    claims = [span_row("claims", LINE3, quantity_ids=["q_eur"], subject_entity_id="e_eu")]
    result = score(tmp_path, records, {**CLAIM_TABLES, "claims": claims})
    m = metrics(result)
    assert (m["claims.key_claim_recall"], m["claims.span_recall"], m["claims.overlap_precision"]) == (0.0, 0.0, 0.0)
    assert result["tables"]["claims"]["misses"][0]["problems"] == ["span", "link", "subject"]


def test_claim_date_link_and_claim_without_values(tmp_path):
    records = [*CLAIM_GOLD,
               gold_claim("Kaja Kallas said on Monday", "Kaja Kallas", date="Monday"),
               gold_claim("The UK and Britain’s allies met in London", "United Kingdom")]
    claims = [span_row("claims", "Kaja Kallas said on Monday that", date_ids=["t_monday"], subject="Kallas"),
              span_row("claims", "The UK and Britain’s allies met", subject_entity_id="e_uk")]
    m = metrics(score(tmp_path, records, {**CLAIM_TABLES, "claims": claims}))
    assert m["claims.key_claim_recall"] == 1.0


def test_claim_conditions_must_hold_on_one_row(tmp_path):
    records = [*CLAIM_GOLD, gold_claim("the EU will lend €150 billion", "European Union", quantity="€150 billion")]
    claims = [span_row("claims", "the EU will lend", quantity_ids=["q_eur"], subject_entity_id="e_uk"),
              span_row("claims", "lend €150 billion", quantity_ids=[], subject_entity_id="e_eu"),
              span_row("claims", "5 per cent", subject_entity_id="e_eu")]
    result = score(tmp_path, records, {**CLAIM_TABLES, "claims": claims})
    m = metrics(result)
    assert (m["claims.key_claim_recall"], m["claims.span_recall"], m["claims.link_recall"],
            m["claims.subject_recall"]) == (0.0, 1.0, 1.0, 1.0)
    assert result["tables"]["claims"]["misses"][0]["problems"] == ["same_row"]
    assert m["claims.overlap_precision"] == 0.6667


def test_claim_links_the_gold_span_inside_the_claim(tmp_path):
    text = "On Monday the talks began. Ministers met again on Monday and agreed.\n"
    records = [gold_date("Monday", 1), gold_date("Monday", 2),
               gold_claim("Ministers met again on Monday and agreed", "Ministers", date="Monday")]
    write_gold(tmp_path / "gold", "doc.jsonl", records)
    [gold_file] = load_gold(tmp_path / "gold", {SOURCE: text}).files
    assert gold_file.claims[0].date.start == locate(text, "Monday", 2)[0]


# ------------------------------------------------------------------------- documents


@pytest.mark.parametrize("pub_date, published, correct", [
    ("2025-03-17", dt.date(2025, 3, 17), True),
    ("2025-03-17", dt.date(2025, 3, 18), False),
    ("2025-03", dt.date(2025, 3, 1), True),
    ("2025-03", dt.date(2025, 4, 1), False),
    ("2025", dt.date(2025, 12, 31), True),
    ("2025-03-17", None, False),
])
def test_document_publication_date_at_gold_precision(tmp_path, pub_date, published, correct):
    records = [{"type": "doc", "pub_date": pub_date, "evidence": "", "source": ""}]
    docs = [{"doc_id": "d1", "source": SOURCE, "start": 0, "end": 20, "published": dt.date(2000, 1, 1)},
            {"doc_id": "d2", "source": SOURCE, "start": 20, "end": len(TEXT), "published": published}]
    result = score(tmp_path, records, {"documents": docs})
    # the doc record is judged on the largest document of the source (d2)
    assert metrics(result)["documents.pub_date_accuracy"] == (1.0 if correct else 0.0)


def test_document_missing_for_a_doc_record(tmp_path):
    records = [{"type": "doc", "pub_date": "2025-03-17", "evidence": "", "source": ""}]
    result = score(tmp_path, records, {"documents": []})
    assert metrics(result)["documents.pub_date_accuracy"] == 0.0
    assert result["tables"]["documents"]["mismatches"][0]["problems"] == ["no_document"]


def test_article_boundaries_and_dates(tmp_path):
    text = "\nFIRST article starts here and runs on.\n\nSECOND article begins now and goes on.\n"
    records = [{"type": "article", "text": "FIRST article starts", "occ": 1, "pub_date": "2025-03-06"},
               {"type": "article", "text": "SECOND article begins", "occ": 1, "pub_date": "2025-03-02"}]
    second = text.index("SECOND")
    docs = [{"doc_id": "d1", "source": SOURCE, "start": 0, "end": second + 7, "published": dt.date(2025, 3, 6)},
            {"doc_id": "d2", "source": SOURCE, "start": second + 7, "end": len(text),
             "published": dt.date(2025, 3, 2)}]
    result = score(tmp_path, records, {"documents": docs}, text=text)
    m = metrics(result)
    # d1 starts at "\n" then FIRST (a hit); d2 starts inside the second article (a miss and a false start),
    # and the second article's start lies in d1, whose date is wrong for it
    assert (m["documents.article_boundary_recall"], m["documents.article_boundary_precision"]) == (0.5, 0.5)
    assert m["documents.pub_date_accuracy"] == 0.5
    assert [e["text"] for e in result["tables"]["documents"]["misses"]] == ["SECOND article begins"]
    assert result["tables"]["documents"]["false_positives"][0]["predicted"]["doc_id"] == "d2"


# ------------------------------------------------------------------------ robustness


def test_empty_tables_give_zero_scores(tmp_path):
    records = [*DATE_GOLD, *QUANTITY_GOLD, *ENTITY_GOLD,
               gold_claim("the EU will lend €150 billion", "European Union", quantity="€150 billion"),
               {"type": "doc", "pub_date": "2025-03-17", "evidence": "", "source": ""}]
    tables = {name: empty_frame(name) for name in SCHEMAS}
    result = score(tmp_path, records, tables)
    assert set(flat_metrics(result).values()) == {0.0}
    assert result["tables"]["dates"]["counts"]["gold"] == 2
    assert len(result["tables"]["entities"]["misses"]) == 4


def test_missing_tables_and_optional_columns_do_not_crash(tmp_path):
    preds = pd.DataFrame([span_row("dates", "Monday"), span_row("dates", "19 May 2025")])[["source", "start", "end"]]
    claims = pd.DataFrame([span_row("claims", LINE1)])[["source", "start", "end", "text"]]
    result = score(tmp_path, [*DATE_GOLD, *CLAIM_GOLD[:1],
                              gold_claim("the EU will lend €150 billion", "European Union", quantity="€150 billion")],
                   {"dates": preds, "claims": claims, "quantities": pd.DataFrame({"start": [1]})})
    m = metrics(result)
    assert (m["dates.relaxed_f1"], m["dates.value_accuracy"], m["dates.tclass_accuracy"]) == (1.0, 0.0, 0.0)
    assert (m["claims.span_recall"], m["claims.key_claim_recall"]) == (1.0, 0.0)
    assert any("'quantities' lacks columns" in w for w in result["warnings"])
    assert any("'mentions' is missing" in w for w in result["warnings"])


def test_nan_cells_read_as_nulls(tmp_path):
    preds = pd.DataFrame([span_row("quantities", "19 drones", kind="count", unit="drones", value=19.0),
                          span_row("quantities", "€150 billion", kind="money", unit="EUR",
                                   value=float("nan"), value_low=150e9, value_high=150e9)])
    result = score(tmp_path, [QUANTITY_GOLD[0], QUANTITY_GOLD[3]], {"quantities": preds})
    assert metrics(result)["quantities.value_accuracy"] == 1.0


def test_unknown_record_type_is_a_warning(tmp_path):
    result = score(tmp_path, [*DATE_GOLD, {"type": "sentiment", "text": "x"}], {"dates": []})
    assert result["warnings"][0] == "doc.jsonl line 3: unknown record type 'sentiment' ignored"


# ----------------------------------------------------------------------- gold loading


@pytest.mark.parametrize("line, code, fragment", [
    (json.dumps(gold_date("Tuesday")), "E091", "doc.jsonl line 2: date text 'Tuesday' occurrence 1 not found"),
    (json.dumps(gold_date("UK", occ=2)), "E091", "occurrence 2 not found in doc.txt (it occurs 1 time(s))"),
    (json.dumps(gold_claim("The UK", "United Kingdom", date="Tuesday")), "E091", "claim date 'Tuesday' not found"),
    ("{not json", "E093", "doc.jsonl line 2: not valid JSON"),
    (json.dumps({"text": "UK"}), "E093", "must be an object with a 'type'"),
    (json.dumps(gold_date("UK", occ=0)), "E093", "'occ' must be an integer >= 1"),
    (json.dumps(gold_quantity("19 drones", "count", "nineteen", "drones")), "E093", "quantity 'value' must be"),
    (json.dumps({"type": "doc", "pub_date": "March 2025"}), "E093", "'pub_date' must be"),
    (json.dumps({"type": "region", "first_line": 9, "last_line": None}), "E094", "region starts at line 9"),
    (json.dumps({"type": "region", "first_line": 3, "last_line": 2}), "E094", "region needs"),
])
def test_bad_gold_raises_with_file_and_line(tmp_path, line, code, fragment):
    folder = tmp_path / "gold"
    folder.mkdir()
    (folder / "doc.jsonl").write_text(json.dumps(gold_date("Monday")) + "\n" + line + "\n", encoding="utf-8")
    with pytest.raises(EvalError) as info:
        load_gold(folder, {SOURCE: TEXT})
    assert str(info.value).startswith(f"[{code}]")
    assert fragment in str(info.value)


def test_gold_without_source_text_or_files_raises(tmp_path):
    with pytest.raises(EvalError, match=r"^\[E095\].*does not exist"):
        load_gold(tmp_path / "nowhere", {})
    (tmp_path / "empty").mkdir()
    with pytest.raises(EvalError, match=r"^\[E095\].*no .jsonl"):
        load_gold(tmp_path / "empty", {})
    write_gold(tmp_path / "gold", "other.jsonl", DATE_GOLD)
    with pytest.raises(EvalError, match=r"^\[E092\] gold file other.jsonl: no source text for 'other.txt'"):
        load_gold(tmp_path / "gold", {SOURCE: TEXT})


def test_part_files_and_dotted_stems_find_their_source(tmp_path):
    write_gold(tmp_path / "gold", "doc.part2.jsonl", [gold_date("Monday")])
    write_gold(tmp_path / "gold", "my.notes.jsonl", [gold_date("Friday")])
    gold = load_gold(tmp_path / "gold", {SOURCE: TEXT, "my.notes.txt": "See you on Friday."})
    assert [(f.name, f.source) for f in gold.files] == [("doc.part2.jsonl", "doc.txt"),
                                                         ("my.notes.jsonl", "my.notes.txt")]


def test_occurrences_are_counted_without_overlap(tmp_path):
    text = "xaaaay\n"
    write_gold(tmp_path / "gold", "doc.jsonl", [gold_date("aa", 2)])
    [gold_file] = load_gold(tmp_path / "gold", {SOURCE: text}).files
    # "aa" occurs at 1, 2 and 3 but non-overlapping occurrences are at 1 and 3
    assert (gold_file.dates[0].start, gold_file.dates[0].end) == (3, 5)


# ---------------------------------------------------------------------------- report


def test_flat_metric_names_and_report_lines(tmp_path):
    records = [*DATE_GOLD, *QUANTITY_GOLD, *ENTITY_GOLD]
    result = score(tmp_path, records, {"dates": [span_row("dates", "Monday", value="2025-03-17")]})
    flat = flat_metrics(result)
    assert set(flat) == ALL_METRICS
    report = format_report(result)
    for name, value in flat.items():
        [line] = [ln for ln in report.splitlines() if ln.split() and ln.split()[0] == name]
        assert float(line.split()[1]) == value
    assert "19 May 2025" not in report
    detailed = format_report(result, show_errors=True)
    assert '"19 May 2025"' in detailed
    assert re.search(r"misses \(1\):\n\s+doc.txt:\d+-\d+\s+\"19 May 2025\"", detailed)


# ------------------------------------------------------------------ matching invariants

WORDS = " ".join(f"w{i:02d}" for i in range(40)) + "\n"


def _word_span(i: int, n: int) -> str:
    return " ".join(f"w{k:02d}" for k in range(i, min(i + n, 40)))


@settings(max_examples=60, deadline=None)
@given(gold=st.lists(st.tuples(st.integers(0, 39), st.integers(1, 3)), max_size=8),
       pred=st.lists(st.tuples(st.integers(0, 39), st.integers(1, 5)), max_size=10))
def test_span_matching_invariants(tmp_path_factory, gold, pred):
    tmp = tmp_path_factory.mktemp("inv")
    gold_texts = sorted({_word_span(i, n) for i, n in gold})
    pred_texts = sorted({_word_span(i, n) for i, n in pred})
    result = score(tmp, [gold_date(t) for t in gold_texts],
                   {"dates": [span_row("dates", t, text=WORDS) for t in pred_texts]}, text=WORDS)
    counts = result["tables"]["dates"]["counts"]
    exact = len(set(gold_texts) & set(pred_texts))
    assert counts["strict_tp"] == exact
    assert exact <= counts["relaxed_tp"] <= min(len(gold_texts), len(pred_texts))
    gold_spans = [locate(WORDS, t) for t in gold_texts]
    pred_spans = [locate(WORDS, t) for t in pred_texts]
    overlapping_gold = sum(any(min(ge, pe) > max(gs, ps) for ps, pe in pred_spans) for gs, ge in gold_spans)
    assert counts["relaxed_tp"] <= overlapping_gold
    assert len(result["tables"]["dates"]["misses"]) == len(gold_texts) - counts["relaxed_tp"]
    assert all(0.0 <= v <= 1.0 for v in flat_metrics(result).values())


# ---------------------------------------------------------------------- the real gold

EXPECTED_RECORDS = {
    "000_3ae3fb871738f1df.jsonl": {"date": 10, "quantity": 3, "entity": 29, "claim": 11, "doc": 1, "article": 0},
    "001_546b4fd73cca9fc4.jsonl": {"date": 3, "quantity": 0, "entity": 11, "claim": 6, "doc": 1, "article": 0},
    "002_d24cd345f8d21f72.jsonl": {"date": 5, "quantity": 0, "entity": 10, "claim": 7, "doc": 1, "article": 0},
    "004_7cab0b9feffd0baa.part3.jsonl": {"date": 29, "quantity": 6, "entity": 49, "claim": 15, "doc": 0,
                                         "article": 2},
}


@pytest.fixture(scope="module")
def real_gold():
    texts = {p.name: p.read_text(encoding="utf-8") for p in RAW.glob("*.txt")}
    return load_gold(GOLD, texts)


def test_real_gold_resolves_every_span(real_gold):
    assert real_gold.warnings == []
    counts = {f.name: {k: v for k, v in _counts(f).items()} for f in real_gold.files}
    assert counts == EXPECTED_RECORDS
    for f in real_gold.files:
        for span in (*f.dates, *f.quantities, *f.articles, *(c.span for c in f.claims)):
            assert f.text[span.start:span.end] == span.text
            assert f.region.contains(span.start)
        for claim in f.claims:
            for linked in (claim.quantity, claim.date):
                if linked is not None:
                    assert linked.record, "a claim's quantity/date is an annotated span"
    [part3] = [f for f in real_gold.files if f.name.endswith(".part3.jsonl")]
    assert part3.region.first_line == 413
    assert part3.text[part3.region.start:].startswith("BRUSSELS — In the end")


def _counts(gold_file) -> dict[str, int]:
    return {"date": len(gold_file.dates), "quantity": len(gold_file.quantities), "entity": len(gold_file.entities),
            "claim": len(gold_file.claims), "doc": len(gold_file.docs), "article": len(gold_file.articles)}


def _perfect_tables(gold) -> dict[str, pd.DataFrame]:
    """Output tables that say exactly what the gold says."""
    rows: dict[str, list[dict]] = {name: [] for name in ("dates", "quantities", "entities", "mentions", "claims",
                                                          "documents")}
    for f in gold.files:
        base = {"doc_id": "d", "source": f.source, "sentence_id": None}
        for g in f.dates:
            r = g.record
            rows["dates"].append({**base, "date_id": f"t{g.start}", "start": g.start, "end": g.end, "text": g.text,
                                  "tclass": r["tclass"], "value": r["value"], "anchored": r["anchored"]})
        for g in f.quantities:
            r = g.record
            low, high = r["value"] if isinstance(r["value"], list) else (r["value"], r["value"])
            rows["quantities"].append({**base, "quantity_id": f"q{g.start}", "start": g.start, "end": g.end,
                                       "text": g.text, "kind": r["qkind"], "value": None if low != high else low,
                                       "value_low": low, "value_high": high, "unit": r["unit"],
                                       "approx": r["approx"] or None})
        subject_ids = {}
        for i, e in enumerate(f.entities):
            eid = f"e_{f.source}_{i}"
            subject_ids[e.canonical] = eid
            rows["entities"].append({"entity_id": eid, "name": e.canonical, "label": e.label,
                                     "aliases": list(e.aliases)})
            for alias in e.aliases:
                i = f.text.find(alias, f.region.start)
                if i >= 0:
                    rows["mentions"].append({**base, "mention_id": f"m{i}_{eid}", "entity_id": eid, "start": i,
                                             "end": i + len(alias), "text": alias, "label": e.label})
        for c in f.claims:
            rows["claims"].append({**base, "claim_id": f"c{c.span.start}", "start": c.span.start, "end": c.span.end,
                                   "text": c.span.text, "subject_entity_id": subject_ids[c.subject],
                                   "quantity_ids": [f"q{c.quantity.start}"] if c.quantity else [],
                                   "date_ids": [f"t{c.date.start}"] if c.date else []})
        starts = [a.start for a in f.articles] or [0]
        dates = [a.record["pub_date"] for a in f.articles] or [d.record["pub_date"] for d in f.docs]
        for k, (start, pub) in enumerate(zip(starts, dates)):
            end = starts[k + 1] if k + 1 < len(starts) else len(f.text)
            rows["documents"].append({"doc_id": f"d{start}", "source": f.source, "start": start, "end": end,
                                      "published": dt.date.fromisoformat(pub)})
    return {name: frame(name, r) for name, r in rows.items()}


def test_real_gold_scores_one_against_itself(real_gold):
    result = evaluate(real_gold, _perfect_tables(real_gold))
    json.dumps(result)
    m = flat_metrics(result)
    assert {k for k, v in m.items() if v != 1.0} == set()
    assert result["tables"]["claims"]["counts"]["gold"] == 39


# ---------------------------------------------------------------------------------------
# TimeML scoring (pipeline eval --timeml)
# ---------------------------------------------------------------------------------------
_TML = ('<TimeML><DCT><TIMEX3 tid="t0" type="DATE" value="2000-02-17">02/17/2000</TIMEX3></DCT><TEXT>'
        'Talks ended <TIMEX3 tid="t1" type="DATE" value="2000-W7">this week</TIMEX3> &amp; resume in the '
        '<TIMEX3 tid="t2" type="DATE" value="198X">1980s</TIMEX3> for <TIMEX3 tid="t3" type="DURATION" '
        'value="P10Y">a decade</TIMEX3>.</TEXT></TimeML>')


def test_timeml_text_offsets_and_dct():
    from pipeline.tools.evaluate.timeml import parse_timeml

    d = parse_timeml("a.tml", _TML)
    assert d.dct == dt.date(2000, 2, 17)
    assert [d.text[s:e] for s, e, _, _ in d.timexes] == ["this week", "1980s", "a decade"]
    assert "&" in d.text


@pytest.mark.parametrize("gold,ours,same", [
    ("2000-W7", "2000-W07", True), ("2000-W7-WE", "2000-W07-WE", True), ("198X", "198", True),
    ("19XX", "19", True), ("1994-XX-XX", "1994", True), ("1998-10-XX", "1998-10", True),
    ("P10Y", "P1DE", True), ("P100Y", "P1CE", True), ("1989-10-27T24", "1989-10-27T24:00", True),
    ("1989-11-06T17", "1989-11-06T17:30", False), ("P2Q", "P6M", True), ("P1Q", "P1M", False),
    ("2000-W17", "2000-W07", False), ("PXY", "PXDE", False), ("1998-10", "1998", False), ("P1Y", "P1DE", False),
    # durations in units that convert exactly; a day is no 24 hours, a month no 30 days
    ("PT1M30S", "PT90S", True), ("P1Y6M", "P18M", True), ("P1W", "P7D", True), ("PT2H30M", "PT150M", True),
    ("P1D", "PT24H", False), ("P1M", "P30D", False), ("PT1H", "PT1M", False), ("P1Y", "P1M", False),
])
def test_timeml_values_compare_in_one_notation(gold, ours, same):
    from pipeline.tools.evaluate.timeml import same_value

    assert (same_value(gold) == same_value(ours)) is same


def test_timeml_scores_strict_relaxed_and_value():
    from pipeline.tools.evaluate.timeml import parse_timeml, score_timeml

    d = parse_timeml("a.tml", _TML)
    week, decade, span = d.timexes[0], d.timexes[1], d.timexes[2]
    predicted = {"a.tml": [
        (week[0], week[1], "date", "2000-W07"),              # exact span, same value in another notation
        (decade[0] - 4, decade[1], "date", "197"),           # 'the 1980s': relaxed only, wrong value
        (span[0] + 2, span[1], "duration", "P1DE"),         # 'decade': relaxed, same value
        (0, 5, "date", "PAST_REF"),                          # spurious
    ]}
    r = score_timeml([d], predicted)
    assert r["strict"]["precision"] == 0.25 and r["strict"]["recall"] == round(1 / 3, 4)
    assert r["relaxed"]["recall"] == 1.0 and r["value"]["recall"] == round(2 / 3, 4)
    assert sorted(e["kind"] for e in r["errors"]) == ["extent", "extent", "spurious", "value"]


def test_undated_compare_counts_anchored_rows_by_span():
    from pipeline.tools.evaluate.undated import compare

    dated = [
        {"start": 0, "end": 6, "text": "Friday", "value": "2025-05-23", "anchored": True},
        {"start": 10, "end": 14, "text": "June", "value": "2025-06", "anchored": True},
        {"start": 20, "end": 24, "text": "2024", "value": "2024", "anchored": False},
    ]
    undated = [
        {"start": 0, "end": 6, "text": "Friday", "value": "2025-05-23", "anchored": True},
        {"start": 10, "end": 14, "text": "June", "value": "2024-06", "anchored": True},
    ]
    n, right, wrong = compare(dated, undated)
    assert (n, right) == (2, 1)
    assert [(r["text"], o["value"]) for r, o in wrong] == [("June", "2024-06")]
    # a row the undated run lost counts as wrong
    assert compare(dated, [])[:2] == (2, 0)


def test_undated_measure_counts_the_rule_that_dated_each_article(tmp_path):
    import datetime as dt

    from pipeline.tools.evaluate.undated import measure

    (tmp_path / "sources.csv").write_text("source,published\na.txt,2025-04-02\nb.txt,2025-04-03\n", encoding="utf-8")
    for name in ("a.txt", "b.txt"):
        (tmp_path / name).write_text("Shares fell on Wednesday.", encoding="utf-8")
    row = {"start": 16, "end": 25, "text": "Wednesday", "value": "2025-04-02", "anchored": True}

    def runner(name, text, published, *, precision="day"):
        if published is not None:
            return [row], []
        if name == "b.txt":  # the text gives nothing: undated
            return [{**row, "value": None}], [{"published": None}]
        return [row], [{"published": dt.date(2025, 4, 2), "published_from": "inferred", "published_precision": "day",
                        "published_evidence": "weekday_date 'Wednesday, April 2, 2025' named 'Wednesday'"}]

    summary, differing = measure(tmp_path, runner, sources=["a.txt", "b.txt"])
    assert summary["inferred_by_weekday_date"] == 1 and summary["articles_dated_from_inferred"] == 1
    assert summary["articles_undated"] == 1 and summary["anchored_rows_in_undated_articles"] == 1
    assert summary["anchored_accuracy"] == 1.0 and differing == []
