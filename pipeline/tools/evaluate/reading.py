"""Reading gold files: every record checked and its spans located in the source text.

Gold files and regions
    ``<stem>[.<part>].jsonl`` belongs to source ``<stem>.txt``. A span record is
    located by ``text`` + ``occ``: the occ-th of the non-overlapping occurrences of
    ``text`` in the whole source, counted as ``str.find`` moving forward finds them.
    A ``region`` record (1-based lines, inclusive, ``last_line`` null = to the end;
    lines are separated by ``"\\n"``) limits the file to the offsets
    ``[start of first_line, start of the line after last_line)``; without one the
    region is the whole source. Every count below is taken inside each gold file's
    region only: gold spans and predicted rows whose *start* lies in it. Counts are
    summed over all gold files before any ratio is taken (micro-averaging). A ratio
    whose denominator is zero is 0.0.
"""
from __future__ import annotations

import json
import re
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from pipeline.tools.evaluate.gold import EvalError, GoldClaim, GoldEntity, GoldFile, GoldSet, GoldSpan, Region
from pipeline.tools.evaluate.locate import Locator, linked_span, locate_region
from pipeline.tools.evaluate.values import is_number

_PUB_DATE = re.compile(r"^\d{4}(?:-\d{2}(?:-\d{2})?)?$")


def load_gold(gold_dir: Path, source_texts: Mapping[str, str]) -> GoldSet:
    """Read every ``*.jsonl`` gold file in ``gold_dir`` and locate its spans in ``source_texts``.

    ``source_texts`` maps source names (``000_x.txt``) to their decoded text. Raises
    EvalError naming the file and line when a span's text is not found (E091), a
    file's source text is missing (E092), a record is malformed (E093) or its
    region does not fit the source (E094), or the folder holds no gold (E095).
    """
    gold_dir = Path(gold_dir)
    if not gold_dir.is_dir():
        raise EvalError(f"[E095] gold folder {str(gold_dir)!r} does not exist")
    paths = sorted(gold_dir.glob("*.jsonl"))
    if not paths:
        raise EvalError(f"[E095] gold folder {str(gold_dir)!r} holds no .jsonl gold files")
    gold = GoldSet(files=[])
    for path in paths:
        gold.files.append(_load_gold_file(path, source_texts, gold.warnings))
    return gold


def _source_for(path: Path, source_texts: Mapping[str, str]) -> str:
    """The source a gold file belongs to: ``<stem>.txt``, dropping ``.<part>`` suffixes as needed."""
    parts = path.name[: -len(".jsonl")].split(".")
    for n in range(len(parts), 0, -1):
        candidate = ".".join(parts[:n]) + ".txt"
        if candidate in source_texts:
            return candidate
    raise EvalError(
        f"[E092] gold file {path.name}: no source text for {parts[0] + '.txt'!r} "
        f"(known sources: {', '.join(sorted(source_texts)) or 'none'})"
    )


def _load_gold_file(path: Path, source_texts: Mapping[str, str], warnings: list[str]) -> GoldFile:
    source = _source_for(path, source_texts)
    text = source_texts[source]
    records: list[tuple[int, dict]] = []
    for line_no, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
        except json.JSONDecodeError as exc:
            raise EvalError(f"[E093] {path.name} line {line_no}: not valid JSON ({exc.msg})") from exc
        if not isinstance(record, dict) or not isinstance(record.get("type"), str):
            raise EvalError(f"[E093] {path.name} line {line_no}: a record must be an object with a 'type'")
        records.append((line_no, record))

    regions = [(n, r) for n, r in records if r["type"] == "region"]
    if len(regions) > 1:
        raise EvalError(f"[E094] {path.name} line {regions[1][0]}: more than one region record")
    region = locate_region(path.name, text, *regions[0]) if regions else Region(1, None, 0, len(text))
    gold = GoldFile(name=path.name, source=source, text=text, region=region)

    locator = Locator(path.name, source, text)
    claim_records: list[tuple[int, dict]] = []
    for line_no, record in records:
        kind = record["type"]
        if kind == "region":
            continue
        if kind == "date":
            gold.dates.append(locator.span(record, line_no))
        elif kind == "quantity":
            _check_quantity_value(path.name, line_no, record.get("value"))
            gold.quantities.append(locator.span(record, line_no))
        elif kind == "entity":
            gold.entities.append(_entity(path.name, line_no, record))
        elif kind == "claim":
            claim_records.append((line_no, record))
        elif kind == "doc":
            _check_pub_date(path.name, line_no, record)
            gold.docs.append(GoldSpan(0, len(text), text, record, line_no))
        elif kind == "article":
            _check_pub_date(path.name, line_no, record)
            gold.articles.append(locator.span(record, line_no))
        else:
            warnings.append(f"{path.name} line {line_no}: unknown record type {kind!r} ignored")
    # claims last: their quantity and date refer to the span records of the same file
    for line_no, record in claim_records:
        gold.claims.append(_claim(locator, gold, record, line_no))

    outside = [s for s in (*gold.dates, *gold.quantities, *gold.articles, *(c.span for c in gold.claims))
               if not region.contains(s.start)]
    if outside:
        warnings.append(
            f"{path.name}: {len(outside)} gold span(s) start outside the region "
            f"(lines {region.first_line}-{region.last_line or 'end'}) and are not scored, "
            f"first at line {outside[0].line}"
        )
    return gold


def _entity(name: str, line_no: int, record: dict) -> GoldEntity:
    canonical, aliases = record.get("canonical"), record.get("aliases", [])
    if not isinstance(canonical, str) or not canonical:
        raise EvalError(f"[E093] {name} line {line_no}: entity record needs a non-empty 'canonical'")
    if not isinstance(aliases, list) or not all(isinstance(a, str) and a for a in aliases):
        raise EvalError(f"[E093] {name} line {line_no}: entity 'aliases' must be a list of non-empty strings")
    return GoldEntity(canonical, str(record.get("label") or ""), tuple(aliases), line_no)


def _claim(locator: Locator, gold: GoldFile, record: dict, line_no: int) -> GoldClaim:
    span = locator.span(record, line_no)
    subject = record.get("subject")
    if not isinstance(subject, str):
        raise EvalError(f"[E093] {locator.name} line {line_no}: claim record needs a 'subject' string")
    linked = {}
    for key, spans in (("quantity", gold.quantities), ("date", gold.dates)):
        value = record.get(key) or ""
        if not isinstance(value, str):
            raise EvalError(f"[E093] {locator.name} line {line_no}: claim {key!r} must be a string")
        linked[key] = linked_span(locator, spans, value, span, key, line_no) if value else None
    return GoldClaim(span, subject, linked["quantity"], linked["date"])


def _check_quantity_value(name: str, line_no: int, value: Any) -> None:
    ok = value is None or is_number(value) or (
        isinstance(value, list) and len(value) == 2 and all(is_number(v) for v in value))
    if not ok:
        raise EvalError(f"[E093] {name} line {line_no}: quantity 'value' must be a number, [low, high] or null, not {value!r}")


def _check_pub_date(name: str, line_no: int, record: dict) -> None:
    pub = record.get("pub_date")
    if pub is not None and not (isinstance(pub, str) and _PUB_DATE.match(pub)):
        raise EvalError(f"[E093] {name} line {line_no}: 'pub_date' must be YYYY, YYYY-MM or YYYY-MM-DD, not {pub!r}")
