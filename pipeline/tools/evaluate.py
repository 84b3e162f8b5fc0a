"""Score the pipeline's output tables against the hand-made gold annotations.

``load_gold`` reads gold files (format: ``tests/gold/README.md``) and resolves every
span to absolute ``(start, end)`` offsets in its source text; ``evaluate`` compares
the output tables with them and returns a JSON-serialisable result; ``format_report``
prints it for people and ``flat_metrics`` flattens it for CI quality floors.

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

Span matching (dates, quantities)
    Gold and predicted spans of one file are paired one-to-one, greedily: candidate
    pairs are the gold/predicted pairs that overlap by at least one character, taken
    in the order (identical offsets first, larger overlap first, then gold start,
    predicted start), each pair kept when neither side is paired yet. Strict TP =
    kept pairs with identical offsets; relaxed TP = all kept pairs.
    precision = TP / predicted, recall = TP / gold, F1 = their harmonic mean.

dates
    ``strict_*``, ``relaxed_*`` as above. Over the relaxed pairs:
    ``value_accuracy`` = share whose predicted ``value`` equals the gold value (strings
    compared after stripping; a gold null is right only when the prediction is null or
    empty), split into ``value_accuracy_anchored`` / ``value_accuracy_unanchored`` by
    the gold ``anchored`` flag; ``tclass_accuracy`` = share with the same ``tclass``
    (case-insensitive).

quantities
    ``strict_*``, ``relaxed_*`` as above. Over the relaxed pairs:
    ``value_accuracy``: a gold number needs the predicted ``value`` (or, when that is
    null, ``value_low`` == ``value_high``) within relative 1e-6; a gold ``[low, high]``
    needs ``value_low`` and ``value_high`` within relative 1e-6 of its ends; a gold
    null needs a null ``value``. ``unit_accuracy``: same unit, compared with
    whitespace folded and case-insensitive (a missing unit equals ""); over all pairs,
    and ``unit_accuracy_money_percent`` over pairs whose gold ``qkind`` is money or
    percent. ``kind_accuracy``: predicted ``kind`` equals gold ``qkind``.
    ``approx_accuracy``: same qualifier, folded like units (gold "" equals a null or
    empty prediction).

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

claims
    A gold claim's quantity (date) span is the gold quantity (date) record with that
    text that overlaps the claim, else the one nearest to it; when no record has that
    text, the nearest occurrence of the text in the source. A gold claim is *found*
    when one ``claims`` row of the same source
    (1) overlaps the claim's span,
    (2) links its quantity or date: one of the row's ``quantity_ids`` (``date_ids``) is
        the ID of a ``quantities`` (``dates``) row of that source overlapping the gold
        quantity (date) span; holds trivially when the gold claim has neither, and
    (3) names its subject: the row's ``subject_entity_id`` is the match (see
        entities) of the gold entity whose canonical is the claim's subject, or it
        resolves in ``entities`` to an entity whose ``name`` or an alias equals the
        subject; or the row's ``subject`` string equals the subject or an alias of
        that gold entity. These comparisons fold whitespace, apostrophes and a
        trailing possessive ("'s", "'"); case is kept.
    ``key_claim_recall`` = found / gold claims. Diagnostics: ``span_recall``,
    ``link_recall``, ``subject_recall`` = share of gold claims for which some
    overlapping row meets (1), (1)+(2), (1)+(3). ``overlap_precision`` (informative
    only: gold claims are a selection) = share of predicted claims starting in the
    region that overlap some gold claim.

documents
    A ``doc`` record is judged on the document of its source with the largest extent
    (ties: the earliest); an ``article`` record (located by its first characters) on
    the document whose ``[start, end)`` holds the article's start (the smallest such).
    ``pub_date_accuracy`` = share of doc and article records whose document's
    ``published``, written ``YYYY-MM-DD``, starts with the gold ``pub_date`` (so the
    gold's precision decides how much must agree). In files with article records:
    a document's start is its ``start`` moved past leading whitespace;
    ``article_boundary_recall`` = share of gold article starts that equal some
    document start, ``article_boundary_precision`` = share of document starts in the
    region that equal some gold article start.
"""
from __future__ import annotations

import datetime as dt
import json
import math
import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from itertools import combinations
from pathlib import Path
from typing import Any

import pandas as pd

TABLE_ORDER = ("dates", "quantities", "entities", "claims", "documents")

_WHITESPACE = re.compile(r"\s+")
_APOSTROPHES = str.maketrans({"\u2019": "'", "\u2018": "'", "\u02bc": "'", "\u2032": "'", "`": "'"})
_POSSESSIVE = re.compile(r"'s?$")
_PUB_DATE = re.compile(r"^\d{4}(?:-\d{2}(?:-\d{2})?)?$")


class EvalError(ValueError):
    """A gold file cannot be read or does not fit its source text (E301-E305)."""


# ---------------------------------------------------------------------------- gold


@dataclass(frozen=True)
class Region:
    """The part of a source a gold file annotates: offsets ``[start, end)`` from 1-based lines."""

    first_line: int
    last_line: int | None
    start: int
    end: int

    def contains(self, offset: int) -> bool:
        return self.start <= offset < self.end


@dataclass(frozen=True)
class GoldSpan:
    """One located gold span: absolute offsets in the source, its text and its gold record."""

    start: int
    end: int
    text: str
    record: Mapping[str, Any]
    line: int


@dataclass(frozen=True)
class GoldEntity:
    """One gold entity: canonical name, label and surface aliases (no offsets)."""

    canonical: str
    label: str
    aliases: tuple[str, ...]
    line: int


@dataclass(frozen=True)
class GoldClaim:
    """One key claim with its located quantity and date spans (None when the gold leaves them empty)."""

    span: GoldSpan
    subject: str
    quantity: GoldSpan | None
    date: GoldSpan | None


@dataclass
class GoldFile:
    """Everything one gold file says about its source."""

    name: str
    source: str
    text: str
    region: Region
    dates: list[GoldSpan] = field(default_factory=list)
    quantities: list[GoldSpan] = field(default_factory=list)
    entities: list[GoldEntity] = field(default_factory=list)
    claims: list[GoldClaim] = field(default_factory=list)
    docs: list[GoldSpan] = field(default_factory=list)
    articles: list[GoldSpan] = field(default_factory=list)


@dataclass
class GoldSet:
    """All gold files of a folder, with the warnings raised while reading them."""

    files: list[GoldFile]
    warnings: list[str] = field(default_factory=list)


def load_gold(gold_dir: Path, source_texts: Mapping[str, str]) -> GoldSet:
    """Read every ``*.jsonl`` gold file in ``gold_dir`` and locate its spans in ``source_texts``.

    ``source_texts`` maps source names (``000_x.txt``) to their decoded text. Raises
    EvalError naming the file and line when a span's text is not found (E301), a
    file's source text is missing (E302), a record is malformed (E303) or its
    region does not fit the source (E304), or the folder holds no gold (E305).
    """
    gold_dir = Path(gold_dir)
    if not gold_dir.is_dir():
        raise EvalError(f"[E305] gold folder {str(gold_dir)!r} does not exist")
    paths = sorted(gold_dir.glob("*.jsonl"))
    if not paths:
        raise EvalError(f"[E305] gold folder {str(gold_dir)!r} holds no .jsonl gold files")
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
        f"[E302] gold file {path.name}: no source text for {parts[0] + '.txt'!r} "
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
            raise EvalError(f"[E303] {path.name} line {line_no}: not valid JSON ({exc.msg})") from exc
        if not isinstance(record, dict) or not isinstance(record.get("type"), str):
            raise EvalError(f"[E303] {path.name} line {line_no}: a record must be an object with a 'type'")
        records.append((line_no, record))

    regions = [(n, r) for n, r in records if r["type"] == "region"]
    if len(regions) > 1:
        raise EvalError(f"[E304] {path.name} line {regions[1][0]}: more than one region record")
    region = _region(path.name, text, *regions[0]) if regions else Region(1, None, 0, len(text))
    gold = GoldFile(name=path.name, source=source, text=text, region=region)

    locator = _Locator(path.name, source, text)
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


def _region(name: str, text: str, line_no: int, record: dict) -> Region:
    first, last = record.get("first_line"), record.get("last_line")
    if not _is_int(first) or first < 1 or (last is not None and (not _is_int(last) or last < first)):
        raise EvalError(f"[E304] {name} line {line_no}: region needs first_line >= 1 and last_line null or >= first_line")
    line_starts = [0] + [m.end() for m in re.finditer("\n", text)]
    if first > len(line_starts):
        raise EvalError(f"[E304] {name} line {line_no}: region starts at line {first} but the source has {len(line_starts)} lines")
    end = len(text) if last is None or last >= len(line_starts) else line_starts[last]
    return Region(first, last, line_starts[first - 1], end)


class _Locator:
    """Finds the ``occ``-th non-overlapping occurrence of a text in one source, with a cache."""

    def __init__(self, name: str, source: str, text: str) -> None:
        self.name, self.source, self.text = name, source, text
        self._cache: dict[str, list[int]] = {}

    def occurrences(self, needle: str) -> list[int]:
        if needle not in self._cache:
            found, i = [], self.text.find(needle)
            while i >= 0:
                found.append(i)
                i = self.text.find(needle, i + len(needle))
            self._cache[needle] = found
        return self._cache[needle]

    def span(self, record: dict, line_no: int) -> GoldSpan:
        needle, occ = record.get("text"), record.get("occ", 1)
        if not isinstance(needle, str) or not needle:
            raise EvalError(f"[E303] {self.name} line {line_no}: {record['type']} record needs a non-empty 'text'")
        if not _is_int(occ) or occ < 1:
            raise EvalError(f"[E303] {self.name} line {line_no}: 'occ' must be an integer >= 1, not {occ!r}")
        found = self.occurrences(needle)
        if len(found) < occ:
            raise EvalError(
                f"[E301] {self.name} line {line_no}: {record['type']} text {needle!r} occurrence {occ} "
                f"not found in {self.source} (it occurs {len(found)} time(s))"
            )
        start = found[occ - 1]
        return GoldSpan(start, start + len(needle), needle, record, line_no)


def _entity(name: str, line_no: int, record: dict) -> GoldEntity:
    canonical, aliases = record.get("canonical"), record.get("aliases", [])
    if not isinstance(canonical, str) or not canonical:
        raise EvalError(f"[E303] {name} line {line_no}: entity record needs a non-empty 'canonical'")
    if not isinstance(aliases, list) or not all(isinstance(a, str) and a for a in aliases):
        raise EvalError(f"[E303] {name} line {line_no}: entity 'aliases' must be a list of non-empty strings")
    return GoldEntity(canonical, str(record.get("label") or ""), tuple(aliases), line_no)


def _claim(locator: _Locator, gold: GoldFile, record: dict, line_no: int) -> GoldClaim:
    span = locator.span(record, line_no)
    subject = record.get("subject")
    if not isinstance(subject, str):
        raise EvalError(f"[E303] {locator.name} line {line_no}: claim record needs a 'subject' string")
    linked = {}
    for key, spans in (("quantity", gold.quantities), ("date", gold.dates)):
        value = record.get(key) or ""
        if not isinstance(value, str):
            raise EvalError(f"[E303] {locator.name} line {line_no}: claim {key!r} must be a string")
        linked[key] = _linked_span(locator, spans, value, span, key, line_no) if value else None
    return GoldClaim(span, subject, linked["quantity"], linked["date"])


def _linked_span(locator: _Locator, spans: list[GoldSpan], needle: str, claim: GoldSpan,
                 key: str, line_no: int) -> GoldSpan:
    """The gold span a claim's quantity/date text refers to: the one in the claim, else the nearest."""
    candidates = [s for s in spans if s.text == needle]
    if not candidates:
        # the conventions say it must be an annotated span; tolerate a bare text but still locate it
        candidates = [GoldSpan(i, i + len(needle), needle, {}, line_no) for i in locator.occurrences(needle)]
    if not candidates:
        raise EvalError(f"[E301] {locator.name} line {line_no}: claim {key} {needle!r} not found in {locator.source}")
    return min(candidates, key=lambda s: (_distance(s.start, s.end, claim.start, claim.end), s.start))


def _check_quantity_value(name: str, line_no: int, value: Any) -> None:
    ok = value is None or _is_number(value) or (
        isinstance(value, list) and len(value) == 2 and all(_is_number(v) for v in value))
    if not ok:
        raise EvalError(f"[E303] {name} line {line_no}: quantity 'value' must be a number, [low, high] or null, not {value!r}")


def _check_pub_date(name: str, line_no: int, record: dict) -> None:
    pub = record.get("pub_date")
    if pub is not None and not (isinstance(pub, str) and _PUB_DATE.match(pub)):
        raise EvalError(f"[E303] {name} line {line_no}: 'pub_date' must be YYYY, YYYY-MM or YYYY-MM-DD, not {pub!r}")


# ---------------------------------------------------------------------- predictions


def _is_int(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def _is_number(value: Any) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool) and math.isfinite(value)


def _clean(value: Any) -> Any:
    """A pandas cell as a plain Python value: nulls to None, arrays to lists, numpy scalars unwrapped."""
    if value is None:
        return None
    if isinstance(value, (list, tuple)) or hasattr(value, "tolist") and getattr(value, "ndim", 0) > 0:
        return [_clean(v) for v in (value.tolist() if hasattr(value, "tolist") else value)]
    if value is pd.NA or value is pd.NaT:
        return None
    if isinstance(value, float) and math.isnan(value):
        return None
    if isinstance(value, pd.Timestamp):
        return value.date()
    if hasattr(value, "item") and not isinstance(value, (str, bytes)):
        value = value.item()
        return None if isinstance(value, float) and math.isnan(value) else value
    return value


def _rows(tables: Mapping[str, pd.DataFrame], name: str, required: Iterable[str], warnings: list[str]) -> list[dict]:
    """The rows of table ``name`` as plain dicts; an absent table or required column means no rows."""
    frame = tables.get(name)
    if frame is None:
        warnings.append(f"table {name!r} is missing: scored as empty")
        return []
    missing = [c for c in required if c not in frame.columns]
    if missing:
        warnings.append(f"table {name!r} lacks columns {missing}: scored as empty")
        return []
    rows = [{k: _clean(v) for k, v in r.items()} for r in frame.to_dict("records")]
    usable = [r for r in rows if all(r.get(c) is not None for c in required)]
    if len(usable) < len(rows):
        warnings.append(f"table {name!r}: {len(rows) - len(usable)} row(s) with null {list(required)} ignored")
    for r in usable:
        for key in ("start", "end"):
            if r.get(key) is not None:
                r[key] = int(r[key])
    return usable


def _by_source(rows: list[dict]) -> dict[str, list[dict]]:
    grouped: dict[str, list[dict]] = defaultdict(list)
    for row in rows:
        grouped[str(row["source"])].append(row)
    return grouped


def _as_list(value: Any) -> list:
    if value is None:
        return []
    if isinstance(value, (list, tuple)):
        return list(value)
    return [value]


def _jsonable(value: Any) -> Any:
    value = _clean(value)
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()
    if isinstance(value, float) and not math.isfinite(value):
        return None
    if isinstance(value, list):
        return [_jsonable(v) for v in value]
    return value


def _row_text(row: dict, source_text: str) -> str:
    """A row's ``text``, else its span sliced from the source ("" when it has no end)."""
    text = row.get("text")
    if isinstance(text, str):
        return text
    return source_text[row["start"]:row["end"]] if row.get("end") is not None else ""


# ----------------------------------------------------------------------- utilities


def _overlap(s1: int, e1: int, s2: int, e2: int) -> int:
    return min(e1, e2) - max(s1, s2)


def _distance(s1: int, e1: int, s2: int, e2: int) -> int:
    return max(0, s2 - e1, s1 - e2)


def _fold(text: str) -> str:
    """Whitespace runs to one space, curly apostrophes to straight; case kept."""
    return _WHITESPACE.sub(" ", text.translate(_APOSTROPHES)).strip()


def _fold_subject(text: str) -> str:
    return _POSSESSIVE.sub("", _fold(text)).rstrip()


def _fold_loose(value: Any) -> str:
    """Units and qualifiers: whitespace folded, case-insensitive, null as ''."""
    return "" if value is None else _fold(str(value)).casefold()


class _Ratio:
    """Numerator and denominator of one metric, summed over gold files."""

    __slots__ = ("num", "den")

    def __init__(self) -> None:
        self.num = 0
        self.den = 0

    def add(self, ok: bool) -> None:
        self.den += 1
        self.num += bool(ok)

    @property
    def value(self) -> float:
        return self.num / self.den if self.den else 0.0


def _f1(p: float, r: float) -> float:
    return 2 * p * r / (p + r) if p + r else 0.0


def _prf(metrics: dict, fractions: dict, prefix: str, tp: int, predicted: int, gold: int) -> None:
    p = tp / predicted if predicted else 0.0
    r = tp / gold if gold else 0.0
    metrics[f"{prefix}precision"] = round(p, 4)
    metrics[f"{prefix}recall"] = round(r, 4)
    metrics[f"{prefix}f1"] = round(_f1(p, r), 4)
    fractions[f"{prefix}precision"] = [tp, predicted]
    fractions[f"{prefix}recall"] = [tp, gold]


def _put(metrics: dict, fractions: dict, name: str, ratio: _Ratio) -> None:
    metrics[name] = round(ratio.value, 4)
    fractions[name] = [ratio.num, ratio.den]


def _match_spans(gold: list[GoldSpan], pred: list[dict]) -> tuple[list[tuple[GoldSpan, dict]], list[GoldSpan], list[dict]]:
    """Pair gold and predicted spans one-to-one (exact first, then by overlap); return pairs, misses, FPs."""
    candidates = []
    for gi, g in enumerate(gold):
        for pi, p in enumerate(pred):
            size = _overlap(g.start, g.end, p["start"], p["end"])
            if size > 0:
                exact = g.start == p["start"] and g.end == p["end"]
                candidates.append((not exact, -size, g.start, p["start"], p["end"], gi, pi))
    candidates.sort()
    used_gold, used_pred, pairs = set(), set(), []
    for *_, gi, pi in candidates:
        if gi not in used_gold and pi not in used_pred:
            used_gold.add(gi)
            used_pred.add(pi)
            pairs.append((gold[gi], pred[pi]))
    pairs.sort(key=lambda pair: (pair[0].start, pair[0].end))
    misses = [g for gi, g in enumerate(gold) if gi not in used_gold]
    fps = [p for pi, p in enumerate(pred) if pi not in used_pred]
    return pairs, misses, fps


def _in_region(gold_file: GoldFile, spans: Iterable[GoldSpan]) -> list[GoldSpan]:
    return [s for s in spans if gold_file.region.contains(s.start)]


def _pred_in_region(gold_file: GoldFile, rows_by_source: Mapping[str, list[dict]]) -> list[dict]:
    return [r for r in rows_by_source.get(gold_file.source, []) if gold_file.region.contains(r["start"])]


def _entry(gold_file: GoldFile, start: int | None, end: int | None, text: str | None, **values: Any) -> dict:
    entry = {"file": gold_file.name, "source": gold_file.source, "start": start, "end": end, "text": text}
    entry.update({k: _jsonable(v) if not isinstance(v, dict) else {kk: _jsonable(vv) for kk, vv in v.items()}
                  for k, v in values.items()})
    return entry


def _new_table() -> dict:
    return {"metrics": {}, "fractions": {}, "counts": {}, "misses": [], "false_positives": [], "mismatches": []}


# ------------------------------------------------------------------- dates, quantities

_DATE_FIELDS = ("tclass", "value", "anchored")
_QUANTITY_FIELDS = ("kind", "value", "value_low", "value_high", "unit", "approx")


def _date_value_ok(gold_value: Any, pred_value: Any) -> bool:
    pred = None if pred_value is None or str(pred_value).strip() == "" else str(pred_value).strip()
    return pred is None if gold_value is None else pred == str(gold_value).strip()


def _close(pred: Any, gold: float) -> bool:
    return pred is not None and _is_number(pred) and math.isclose(float(pred), float(gold), rel_tol=1e-6, abs_tol=0.0)


def _quantity_value_ok(gold_value: Any, row: dict) -> bool:
    value, low, high = row.get("value"), row.get("value_low"), row.get("value_high")
    if gold_value is None:
        return value is None
    if isinstance(gold_value, list):
        return _close(low, gold_value[0]) and _close(high, gold_value[1])
    if value is None and low is not None and high is not None and _close(low, high):
        value = low
    return _close(value, gold_value)


def _score_dates(files: list[GoldFile], rows: list[dict]) -> dict:
    """Strict/relaxed P/R/F1 of date spans, value (by anchoring) and tclass accuracy over relaxed pairs."""
    out = _new_table()
    by_source = _by_source(rows)
    n_gold = n_pred = strict = 0
    value, anchored, unanchored, tclass = _Ratio(), _Ratio(), _Ratio(), _Ratio()
    for gf in files:
        gold, pred = _in_region(gf, gf.dates), _pred_in_region(gf, by_source)
        pairs, misses, fps = _match_spans(gold, pred)
        n_gold, n_pred = n_gold + len(gold), n_pred + len(pred)
        for g, p in pairs:
            rec = g.record
            exact = (g.start, g.end) == (p["start"], p["end"])
            strict += exact
            value_ok = _date_value_ok(rec.get("value"), p.get("value"))
            tclass_ok = _fold_loose(rec.get("tclass")) == _fold_loose(p.get("tclass"))
            value.add(value_ok)
            (anchored if rec.get("anchored") else unanchored).add(value_ok)
            tclass.add(tclass_ok)
            problems = [name for name, ok in (("extent", exact), ("value", value_ok), ("tclass", tclass_ok)) if not ok]
            if problems:
                out["mismatches"].append(_entry(
                    gf, g.start, g.end, g.text, problems=problems,
                    gold={k: rec.get(k) for k in _DATE_FIELDS},
                    predicted={"date_id": p.get("date_id"), "start": p["start"], "end": p["end"],
                               "text": _row_text(p, gf.text), **{k: p.get(k) for k in _DATE_FIELDS}}))
        out["misses"] += [_entry(gf, g.start, g.end, g.text, gold={k: g.record.get(k) for k in _DATE_FIELDS})
                          for g in misses]
        out["false_positives"] += [_entry(gf, p["start"], p["end"], _row_text(p, gf.text),
                                          predicted={"date_id": p.get("date_id"), **{k: p.get(k) for k in _DATE_FIELDS}})
                                   for p in fps]
    m, f = out["metrics"], out["fractions"]
    _prf(m, f, "strict_", strict, n_pred, n_gold)
    _prf(m, f, "relaxed_", value.den, n_pred, n_gold)
    _put(m, f, "value_accuracy", value)
    _put(m, f, "value_accuracy_anchored", anchored)
    _put(m, f, "value_accuracy_unanchored", unanchored)
    _put(m, f, "tclass_accuracy", tclass)
    out["counts"] = {"gold": n_gold, "predicted": n_pred, "strict_tp": strict, "relaxed_tp": value.den}
    return out


def _score_quantities(files: list[GoldFile], rows: list[dict]) -> dict:
    """Strict/relaxed P/R/F1 of quantity spans, value, unit, kind and approx accuracy over relaxed pairs."""
    out = _new_table()
    by_source = _by_source(rows)
    n_gold = n_pred = strict = 0
    value, unit, unit_mp, kind, approx = _Ratio(), _Ratio(), _Ratio(), _Ratio(), _Ratio()
    for gf in files:
        gold, pred = _in_region(gf, gf.quantities), _pred_in_region(gf, by_source)
        pairs, misses, fps = _match_spans(gold, pred)
        n_gold, n_pred = n_gold + len(gold), n_pred + len(pred)
        for g, p in pairs:
            rec = g.record
            exact = (g.start, g.end) == (p["start"], p["end"])
            strict += exact
            checks = {
                "extent": exact,
                "value": _quantity_value_ok(rec.get("value"), p),
                "unit": _fold_loose(rec.get("unit")) == _fold_loose(p.get("unit")),
                "kind": _fold_loose(rec.get("qkind")) == _fold_loose(p.get("kind")),
                "approx": _fold_loose(rec.get("approx")) == _fold_loose(p.get("approx")),
            }
            value.add(checks["value"])
            unit.add(checks["unit"])
            if _fold_loose(rec.get("qkind")) in ("money", "percent"):
                unit_mp.add(checks["unit"])
            kind.add(checks["kind"])
            approx.add(checks["approx"])
            problems = [name for name, ok in checks.items() if not ok]
            if problems:
                out["mismatches"].append(_entry(
                    gf, g.start, g.end, g.text, problems=problems, gold=_gold_quantity(rec),
                    predicted={"quantity_id": p.get("quantity_id"), "start": p["start"], "end": p["end"],
                               "text": _row_text(p, gf.text), **{k: p.get(k) for k in _QUANTITY_FIELDS}}))
        out["misses"] += [_entry(gf, g.start, g.end, g.text, gold=_gold_quantity(g.record)) for g in misses]
        out["false_positives"] += [_entry(gf, p["start"], p["end"], _row_text(p, gf.text),
                                          predicted={"quantity_id": p.get("quantity_id"),
                                                     **{k: p.get(k) for k in _QUANTITY_FIELDS}})
                                   for p in fps]
    m, f = out["metrics"], out["fractions"]
    _prf(m, f, "strict_", strict, n_pred, n_gold)
    _prf(m, f, "relaxed_", value.den, n_pred, n_gold)
    _put(m, f, "value_accuracy", value)
    _put(m, f, "unit_accuracy", unit)
    _put(m, f, "unit_accuracy_money_percent", unit_mp)
    _put(m, f, "kind_accuracy", kind)
    _put(m, f, "approx_accuracy", approx)
    out["counts"] = {"gold": n_gold, "predicted": n_pred, "strict_tp": strict, "relaxed_tp": value.den}
    return out


def _gold_quantity(record: Mapping[str, Any]) -> dict:
    return {"qkind": record.get("qkind"), "value": record.get("value"), "unit": record.get("unit"),
            "approx": record.get("approx")}


# ------------------------------------------------------------------------ entities


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
        texts[eid].append(_row_text(m, gf.text))
        first.setdefault(eid, m)
        if m.get("label"):
            labels[eid][str(m["label"])] += 1
    found = {}
    for eid in sorted(texts):
        row = entity_rows.get(eid)
        if row is not None:
            name = str(row.get("name") or "")
            label = str(row.get("label") or "")
            strings = {_fold(s) for s in [name, *_as_list(row.get("aliases"))] if isinstance(s, str) and s.strip()}
        else:
            name = texts[eid][0]
            label = labels[eid].most_common(1)[0][0] if labels[eid] else ""
            strings = {_fold(t) for t in texts[eid] if t.strip()}
        found[eid] = _PredEntity(eid, name, label, strings, first[eid], len(texts[eid]))
    return found


def _match_entities(gold: list[GoldEntity], pred: Mapping[str, _PredEntity]) -> tuple[dict[int, str], set[str]]:
    """Each gold entity's best predicted entity (index -> entity_id), and the predicted ids with a counterpart.

    Not one-to-one: a split or merged entity still has its gold counterpart; the
    alias-clustering pairs are what measure splits and merges.
    """
    gold_strings = [{_fold(s) for s in (g.canonical, *g.aliases)} for g in gold]
    best: dict[int, str] = {}
    counterpart: set[str] = set()
    for gi, g in enumerate(gold):
        ranked = []
        for eid, p in pred.items():
            shared = len(gold_strings[gi] & p.strings)
            if shared:
                counterpart.add(eid)
                ranked.append((-shared, _fold(g.canonical) != _fold(p.name), -p.mentions, eid))
        if ranked:
            best[gi] = min(ranked)[-1]
    return best, counterpart


def _alias_pairs(gf: GoldFile, mentions: list[dict]) -> tuple[int, int, int, list[dict]]:
    """Pairwise alias clustering counts for one file: (both same, predicted same, gold same, errors)."""
    owners: dict[str, set[int]] = defaultdict(set)
    for gi, g in enumerate(gf.entities):
        for alias in g.aliases:
            owners[_fold(alias)].add(gi)
    votes: dict[str, Counter] = defaultdict(Counter)
    for m in mentions:
        key = _fold(_row_text(m, gf.text))
        if key not in owners and _fold_subject(key) in owners:
            key = _fold_subject(key)
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
            errors.append(_entry(gf, None, None, None, problems=["alias_split" if g_same else "alias_merged"],
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


def _score_entities(files: list[GoldFile], mentions: list[dict], entity_rows: list[dict]) -> tuple[dict, dict]:
    """Entity P/R/F1, label accuracy and alias F1; also each file's gold-to-predicted pairing."""
    out = _new_table()
    by_id = {str(r["entity_id"]): r for r in entity_rows}
    by_source = _by_source(mentions)
    n_gold = n_pred = n_counterpart = 0
    label = _Ratio()
    both = pred_same = gold_same = 0
    pairings: dict[str, dict[int, str]] = {}
    for gf in files:
        in_region = _pred_in_region(gf, by_source)
        pred = _predicted_entities(gf, in_region, by_id)
        pairs, counterpart = _match_entities(gf.entities, pred)
        pairings[gf.name] = pairs
        n_gold, n_pred = n_gold + len(gf.entities), n_pred + len(pred)
        n_counterpart += len(counterpart)
        for gi, g in enumerate(gf.entities):
            gold_values = {"canonical": g.canonical, "label": g.label, "aliases": list(g.aliases)}
            if gi not in pairs:
                out["misses"].append(_entry(gf, *_first_alias_at(gf, g), gold=gold_values))
                continue
            p = pred[pairs[gi]]
            label.add(g.label == p.label)
            if g.label != p.label:
                out["mismatches"].append(_entry(
                    gf, p.first["start"], p.first.get("end"), _row_text(p.first, gf.text), problems=["label"],
                    gold=gold_values, predicted={"entity_id": p.entity_id, "name": p.name, "label": p.label}))
        for eid in sorted(set(pred) - counterpart):
            p = pred[eid]
            out["false_positives"].append(_entry(
                gf, p.first["start"], p.first.get("end"), _row_text(p.first, gf.text),
                predicted={"entity_id": eid, "name": p.name, "label": p.label, "aliases": sorted(p.strings)}))
        b, ps, gs, errors = _alias_pairs(gf, in_region)
        both, pred_same, gold_same = both + b, pred_same + ps, gold_same + gs
        out["mismatches"] += errors
    m, f = out["metrics"], out["fractions"]
    precision = n_counterpart / n_pred if n_pred else 0.0
    recall = label.den / n_gold if n_gold else 0.0
    m.update(precision=round(precision, 4), recall=round(recall, 4), f1=round(_f1(precision, recall), 4))
    f.update(precision=[n_counterpart, n_pred], recall=[label.den, n_gold])
    _put(m, f, "label_accuracy", label)
    _prf(m, f, "alias_", both, pred_same, gold_same)
    out["counts"] = {"gold": n_gold, "predicted": n_pred, "gold_matched": label.den,
                     "predicted_with_counterpart": n_counterpart,
                     "alias_pairs_both_same": both, "alias_pairs_predicted_same": pred_same,
                     "alias_pairs_gold_same": gold_same}
    return out, pairings


# -------------------------------------------------------------------------- claims


def _score_claims(files: list[GoldFile], claims: list[dict], tables: Mapping[str, list[dict]],
                  entity_rows: list[dict], pairings: Mapping[str, dict[int, str]]) -> dict:
    """Key-claim recall (span, link and subject on one row), its three diagnostics and overlap precision."""
    out = _new_table()
    by_source = _by_source(claims)
    spans = {kind: {(str(r["source"]), str(r[id_col])): (r["start"], r["end"])
                    for r in tables[kind] if r.get(id_col) is not None}
             for kind, id_col in (("quantities", "quantity_id"), ("dates", "date_id"))}
    entities = {str(r["entity_id"]): r for r in entity_rows}
    found, span_ok, link_ok, subject_ok, precision = _Ratio(), _Ratio(), _Ratio(), _Ratio(), _Ratio()
    for gf in files:
        gold_claims = [c for c in gf.claims if gf.region.contains(c.span.start)]
        rows = by_source.get(gf.source, [])
        for c in gold_claims:
            overlapping = [r for r in rows if _overlap(r["start"], r["end"], c.span.start, c.span.end) > 0]
            links = [_links(r, c, gf.source, spans) for r in overlapping]
            names = [_names_subject(r, c, gf, entities, pairings.get(gf.name, {})) for r in overlapping]
            ok = any(lk and nm for lk, nm in zip(links, names))
            found.add(ok)
            span_ok.add(bool(overlapping))
            link_ok.add(any(links))
            subject_ok.add(any(names))
            if not ok:
                out["misses"].append(_entry(
                    gf, c.span.start, c.span.end, c.span.text,
                    # "same_row": each condition holds on some row, but never all on one
                    problems=[n for n, good in (("span", bool(overlapping)), ("link", any(links)),
                                                ("subject", any(names))) if not good] or ["same_row"],
                    gold={"subject": c.subject, "quantity": c.quantity.text if c.quantity else "",
                          "date": c.date.text if c.date else ""},
                    predicted={"claim_ids": [r.get("claim_id") for r in overlapping],
                               "subjects": [r.get("subject") for r in overlapping]}))
        for r in _pred_in_region(gf, by_source):
            hit = any(_overlap(r["start"], r["end"], c.span.start, c.span.end) > 0 for c in gold_claims)
            precision.add(hit)
            if not hit:
                out["false_positives"].append(_entry(
                    gf, r["start"], r["end"], _row_text(r, gf.text),
                    predicted={"claim_id": r.get("claim_id"), "subject": r.get("subject"), "kind": r.get("kind")}))
    m, f = out["metrics"], out["fractions"]
    _put(m, f, "key_claim_recall", found)
    _put(m, f, "span_recall", span_ok)
    _put(m, f, "link_recall", link_ok)
    _put(m, f, "subject_recall", subject_ok)
    _put(m, f, "overlap_precision", precision)
    out["counts"] = {"gold": found.den, "found": found.num, "predicted_in_region": precision.den}
    return out


def _links(row: dict, claim: GoldClaim, source: str, spans: Mapping[str, Mapping[tuple[str, str], tuple[int, int]]]) -> bool:
    """Condition (2): the row links a table row overlapping the gold quantity or date."""
    if claim.quantity is None and claim.date is None:
        return True
    for gold_span, kind, column in ((claim.quantity, "quantities", "quantity_ids"), (claim.date, "dates", "date_ids")):
        if gold_span is None:
            continue
        for linked_id in _as_list(row.get(column)):
            where = spans[kind].get((source, str(linked_id)))
            if where and _overlap(where[0], where[1], gold_span.start, gold_span.end) > 0:
                return True
    return False


def _names_subject(row: dict, claim: GoldClaim, gf: GoldFile, entities: Mapping[str, dict],
                   pairs: Mapping[int, str]) -> bool:
    """Condition (3): the row's subject entity or subject string is the gold subject."""
    wanted = _fold_subject(claim.subject)
    gold_entities = [gi for gi, g in enumerate(gf.entities) if _fold_subject(g.canonical) == wanted]
    forms = {wanted} | {_fold_subject(a) for gi in gold_entities for a in gf.entities[gi].aliases}
    eid = row.get("subject_entity_id")
    if eid is not None:
        eid = str(eid)
        if any(pairs.get(gi) == eid for gi in gold_entities):
            return True
        entity = entities.get(eid)
        if entity is not None:
            names = [entity.get("name"), *_as_list(entity.get("aliases"))]
            if wanted in {_fold_subject(n) for n in names if isinstance(n, str)}:
                return True
    subject = row.get("subject")
    return isinstance(subject, str) and _fold_subject(subject) in forms


# ----------------------------------------------------------------------- documents


def _published_iso(value: Any) -> str | None:
    value = _clean(value)
    if isinstance(value, dt.datetime):
        return value.date().isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, str) and value.strip():
        return value.strip()
    return None


def _skip_space(text: str, start: int, end: int) -> int:
    while start < min(end, len(text)) and text[start].isspace():
        start += 1
    return start


def _score_documents(files: list[GoldFile], rows: list[dict]) -> dict:
    """Publication-date accuracy of doc/article records and article-boundary recall and precision."""
    out = _new_table()
    by_source = _by_source(rows)
    pub, recall, precision = _Ratio(), _Ratio(), _Ratio()
    for gf in files:
        docs = by_source.get(gf.source, [])
        articles = _in_region(gf, gf.articles)
        judged = []  # (gold record, its document row or None, is an article record)
        for g in gf.docs:
            row = min(docs, key=lambda r: (-(r["end"] - r["start"]), r["start"]), default=None)
            judged.append((g, row, False))
        for g in articles:
            holding = [r for r in docs if r["start"] <= g.start < r["end"]]
            judged.append((g, min(holding, key=lambda r: (r["end"] - r["start"], r["start"]), default=None), True))
        for g, row, is_article in judged:
            gold_date = g.record.get("pub_date")
            predicted = _published_iso(row.get("published")) if row else None
            ok = gold_date is None and predicted is None or (
                gold_date is not None and predicted is not None and predicted.startswith(gold_date))
            pub.add(ok)
            if not ok:
                out["mismatches"].append(_entry(
                    gf, *((g.start, g.end, g.text) if is_article else (None, None, None)),
                    problems=["published" if row else "no_document"], gold={"pub_date": gold_date},
                    predicted={"doc_id": row.get("doc_id") if row else None, "published": predicted,
                               "published_from": row.get("published_from") if row else None}))
        if not gf.articles:
            continue
        gold_starts = {g.start: g for g in articles}
        doc_starts = {}
        for r in docs:
            s = _skip_space(gf.text, r["start"], r["end"])
            if gf.region.contains(s):
                doc_starts.setdefault(s, r)
        for s, g in sorted(gold_starts.items()):
            recall.add(s in doc_starts)
            if s not in doc_starts:
                out["misses"].append(_entry(gf, g.start, g.end, g.text, gold={"pub_date": g.record.get("pub_date")}))
        for s, r in sorted(doc_starts.items()):
            precision.add(s in gold_starts)
            if s not in gold_starts:
                out["false_positives"].append(_entry(
                    gf, s, r["end"], gf.text[s:min(r["end"], s + 60)],
                    predicted={"doc_id": r.get("doc_id"), "published": _published_iso(r.get("published"))}))
    m, f = out["metrics"], out["fractions"]
    _put(m, f, "pub_date_accuracy", pub)
    _put(m, f, "article_boundary_recall", recall)
    _put(m, f, "article_boundary_precision", precision)
    out["counts"] = {"gold_dated": pub.den, "gold_articles": recall.den, "predicted_article_starts": precision.den}
    return out


# ------------------------------------------------------------------------- public


def evaluate(gold: GoldSet, tables: Mapping[str, pd.DataFrame]) -> dict:
    """Score the output ``tables`` (by name, columns of ``pipeline.schema.SCHEMAS``) against ``gold``.

    Returns a JSON-serialisable dict: ``tables`` -> per table ``metrics`` (rounded to
    4 places), ``fractions`` (numerator, denominator of each ratio), ``counts``,
    ``misses``, ``false_positives`` and ``mismatches`` (paired but wrong); plus
    ``gold_files`` and ``warnings``. Absent tables or columns score as empty.
    """
    warnings = list(gold.warnings)
    rows = {
        "dates": _rows(tables, "dates", ("source", "start", "end"), warnings),
        "quantities": _rows(tables, "quantities", ("source", "start", "end"), warnings),
        "mentions": _rows(tables, "mentions", ("source", "start", "entity_id"), warnings),
        "entities": _rows(tables, "entities", ("entity_id",), warnings),
        "claims": _rows(tables, "claims", ("source", "start", "end"), warnings),
        "documents": _rows(tables, "documents", ("source", "start", "end"), warnings),
    }
    files = gold.files
    entities, pairings = _score_entities(files, rows["mentions"], rows["entities"])
    result_tables = {
        "dates": _score_dates(files, rows["dates"]),
        "quantities": _score_quantities(files, rows["quantities"]),
        "entities": entities,
        "claims": _score_claims(files, rows["claims"], rows, rows["entities"], pairings),
        "documents": _score_documents(files, rows["documents"]),
    }
    return {
        "gold_files": [
            {"file": gf.name, "source": gf.source,
             "region": [gf.region.first_line, gf.region.last_line], "records": _record_counts(gf)}
            for gf in files
        ],
        "warnings": warnings,
        "tables": result_tables,
    }


def _record_counts(gf: GoldFile) -> dict[str, int]:
    return {"date": len(gf.dates), "quantity": len(gf.quantities), "entity": len(gf.entities),
            "claim": len(gf.claims), "doc": len(gf.docs), "article": len(gf.articles)}


def flat_metrics(result: dict) -> dict[str, float]:
    """Every metric as ``"<table>.<metric>": value`` (the names a floors file for CI uses)."""
    return {f"{table}.{name}": value
            for table, scored in result["tables"].items()
            for name, value in scored["metrics"].items()}


def format_report(result: dict, *, show_errors: bool = False) -> str:
    """A plain-text table, one line per metric; with ``show_errors`` each table's errors below it."""
    lines = [f"gold: {len(result['gold_files'])} file(s): "
             + ", ".join(g["file"] for g in result["gold_files"])]
    for warning in result["warnings"]:
        lines.append(f"warning: {warning}")
    for table in TABLE_ORDER:
        scored = result["tables"].get(table)
        if scored is None:
            continue
        counts = "  ".join(f"{k}={v}" for k, v in scored["counts"].items())
        lines.append("")
        lines.append(f"{table}  ({counts})")
        for name, value in scored["metrics"].items():
            frac = scored["fractions"].get(name)
            suffix = f"  {frac[0]}/{frac[1]}" if frac else ""
            lines.append(f"  {table + '.' + name:<40} {value:7.4f}{suffix}")
        if show_errors:
            for heading in ("misses", "false_positives", "mismatches"):
                entries = scored[heading]
                if entries:
                    lines.append(f"  {heading.replace('_', ' ')} ({len(entries)}):")
                    lines.extend(f"    {_format_entry(e)}" for e in entries)
    return "\n".join(lines)


def _format_entry(entry: dict) -> str:
    where = entry["source"]
    if entry.get("start") is not None:
        where += f":{entry['start']}-{entry['end']}"
    parts = [where]
    if entry.get("text") is not None:
        parts.append(json.dumps(entry["text"], ensure_ascii=False))
    if entry.get("problems"):
        parts.append("[" + ",".join(entry["problems"]) + "]")
    for side in ("gold", "predicted"):
        if entry.get(side):
            values = " ".join(f"{k}={json.dumps(v, ensure_ascii=False)}" for k, v in entry[side].items())
            parts.append(f"{side}: {values}")
    return "  ".join(parts)
