"""Predicted rows: output tables as plain dicts, grouped by source and cut to a gold file's region."""
from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping

import pandas as pd

from pipeline.tools.evaluate.gold import GoldFile, GoldSpan
from pipeline.tools.evaluate.values import plain_value


def table_rows(tables: Mapping[str, pd.DataFrame], name: str, required: Iterable[str],
               warnings: list[str]) -> list[dict]:
    """The rows of table ``name`` as plain dicts; an absent table or required column means no rows."""
    frame = tables.get(name)
    if frame is None:
        warnings.append(f"table {name!r} is missing: scored as empty")
        return []
    missing = [c for c in required if c not in frame.columns]
    if missing:
        warnings.append(f"table {name!r} lacks columns {missing}: scored as empty")
        return []
    rows = [{k: plain_value(v) for k, v in r.items()} for r in frame.to_dict("records")]
    usable = [r for r in rows if all(r.get(c) is not None for c in required)]
    if len(usable) < len(rows):
        warnings.append(f"table {name!r}: {len(rows) - len(usable)} row(s) with null {list(required)} ignored")
    for r in usable:
        for key in ("start", "end"):
            if r.get(key) is not None:
                r[key] = int(r[key])
    return usable


def group_by_source(rows: list[dict]) -> dict[str, list[dict]]:
    grouped: dict[str, list[dict]] = defaultdict(list)
    for row in rows:
        grouped[str(row["source"])].append(row)
    return grouped


def row_text(row: dict, source_text: str) -> str:
    """A row's ``text``, else its span sliced from the source ("" when it has no end)."""
    text = row.get("text")
    if isinstance(text, str):
        return text
    return source_text[row["start"]:row["end"]] if row.get("end") is not None else ""


def gold_in_region(gold_file: GoldFile, spans: Iterable[GoldSpan]) -> list[GoldSpan]:
    return [s for s in spans if gold_file.region.contains(s.start)]


def predicted_in_region(gold_file: GoldFile, rows_by_source: Mapping[str, list[dict]]) -> list[dict]:
    return [r for r in rows_by_source.get(gold_file.source, []) if gold_file.region.contains(r["start"])]
