"""Calibrate claim confidence on the judged sample's dev halves: derive [confidence] penalties, check them half by half.

Every judged claim row of the ``dev`` halves (``dev``, ``dev2`` ... ``dev15``; the ``measure`` halves are never
scored here: their judgements are dropped before scoring) gives its evidence classes (``confidence_evidence``, the
names ``[confidence]`` in configs/claims.toml prices) and whether it is right in every respect
(``pipeline.tools.judged``). A class's penalty is ``scale`` times how far the precision of its rows, pooled with
``prior`` rows at the overall precision (so a class seen on a few rows moves little), falls below that of the rows
without it, rounded to 0.05 (``judged.evidence_table``'s rule, over the dev halves pooled). A class seen on fewer
than ``min_rows`` dev rows keeps its hand-set penalty from the config (a rate over two or three rows is noise).

The honest figure is leave-one-half-out: penalties fitted on fourteen halves, the fifteenth's rows scored with them,
the left-out high-confidence rows (confidence >= threshold) and how many of them are right pooled over the fifteen.
``main`` prints that curve for a grid of scales and thresholds, the chosen setting's per-half figures, and the
penalties fitted on all fifteen halves as config lines with their dev counts.

Example: python -m pipeline.tools.calibrate --rows /tmp/dev_rows.json   (runs the pipeline once, then reuses the rows)
"""
from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path

from pipeline.tools.judged import HALVES, load_judgements, read_excerpts, score, value_qualifiers

#: the halves rules and penalties may be fitted on
DEV_HALVES = tuple(half for half in HALVES if half.startswith("dev"))
#: a class seen on fewer dev rows keeps its hand-set penalty
MIN_ROWS = 5
SCALES = (1.5, 2.0, 2.5, 3.0, 3.5, 4.0)
PRIORS = (2.0, 4.0, 8.0)
THRESHOLDS = (0.5, 0.55, 0.6, 0.65, 0.7, 0.75, 0.8, 0.85, 0.9, 0.95)  # must hold HIGH_CONFIDENCE
#: the left-out high-confidence precision a setting must reach to be chosen (issue 16)
TARGET = 0.92


@dataclass(frozen=True)
class Row:
    """One judged dev row: its half, its source, its evidence classes and whether it is right in every respect."""
    half: str
    source: str
    evidence: tuple[str, ...]
    right: bool


def rows_of(scores: Mapping, halves: Iterable[str] = DEV_HALVES) -> list[Row]:
    """The judged rows of ``halves`` in ``judged.score``'s result."""
    return [Row(half, source, evidence, right) for half in halves
            for source, evidence, right in scores[half].judged_evidence]


def collect(sample_dir: str | Path, config) -> list[Row]:
    """Run the pipeline over the sample's excerpts and score the dev halves' rows only."""
    import tempfile

    from pipeline.core.schema import read_table
    from pipeline.run.runner import ErrorLog, Workspace, run_pipeline

    sample = Path(sample_dir)
    judgements = [j for j in load_judgements(sample / "judgements.jsonl") if j.half in DEV_HALVES]
    with tempfile.TemporaryDirectory() as tmp:
        ws = Workspace(raw_dir=sample / "excerpts", interim_dir=Path(tmp) / "interim", out_dir=Path(tmp) / "out",
                       config=config, errors=ErrorLog())
        run_pipeline(ws)
        tables = {name: read_table(name, ws.out_dir / f"{name}.parquet") for name in ("claims", "dates", "quantities")}
    scores = score(tables["claims"], tables["dates"], tables["quantities"], read_excerpts(sample / "excerpts"),
                   judgements, qualifiers=value_qualifiers(config))
    return rows_of(scores)


def class_counts(rows: list[Row]) -> dict[str, tuple[int, int]]:
    """Per evidence class: (rows carrying it, of them right)."""
    counts: dict[str, list[int]] = {}
    for row in rows:
        for name in set(row.evidence):
            tally = counts.setdefault(name, [0, 0])
            tally[0] += 1
            tally[1] += row.right
    return {name: (n, right) for name, (n, right) in counts.items()}


def derived_penalty(n: int, right: int, judged: int, right_all: int, *, scale: float, prior: float,
                    rest: float | None = None) -> float:
    """``scale`` times how far a class's smoothed precision falls below ``rest`` (by default the other rows'
    precision), rounded to 0.05."""
    overall = right_all / judged if judged else 0.0
    shrunk = (right + prior * overall) / (n + prior)
    if rest is None:
        rest = (right_all - right) / (judged - n) if judged > n else overall
    return round(min(1.0, round(max(0.0, rest - shrunk) * scale / 0.05) * 0.05), 2)  # the config takes 0 to 1


#: the subject rules a row's precision is measured against: the two commonest, which cost nothing
REFERENCE = ("subject.name", "subject.phrase")
#: how a class's precision is compared: with that of every row without it (``rest``), or with that of the rows
#: carrying no class but a ``REFERENCE`` subject rule (``base``), so that classes that come together (a long
#: sentence with several clauses and a fronted phrase) are each priced against the plain rows, not against each other
METHOD = "rest"


def fit(rows: list[Row], hand_set: Mapping[str, float], *, scale: float, prior: float,
        min_rows: int = MIN_ROWS, method: str | None = None) -> dict[str, float]:
    """Penalties derived from ``rows``; a class on fewer than ``min_rows`` of them keeps its ``hand_set`` one."""
    method = method or METHOD
    judged, right_all = len(rows), sum(row.right for row in rows)
    plain = [row.right for row in rows if set(row.evidence) <= set(REFERENCE)]
    penalties = dict(hand_set)
    for name, (n, right) in class_counts(rows).items():
        if n < min_rows:
            continue
        if method == "base" and name in REFERENCE:
            penalties[name] = 0.0
        elif method == "base" and plain:
            # the plain rows stand for "the rest": n_rest, right_rest chosen so that rest precision is theirs
            penalties[name] = derived_penalty(n, right, judged, right_all, scale=scale, prior=prior,
                                              rest=sum(plain) / len(plain))
        else:
            penalties[name] = derived_penalty(n, right, judged, right_all, scale=scale, prior=prior)
    return penalties


def confidence(evidence: Iterable[str], penalties: Mapping[str, float]) -> float:
    """As ``claims.confidence.claim_confidence``: 1 less the penalties, in [0, 1]."""
    return round(max(0.0, 1.0 - sum(penalties.get(name, 0.0) for name in evidence)), 2)


def high_band(rows: list[Row], penalties: Mapping[str, float], threshold: float) -> tuple[int, int]:
    """(rows at or above ``threshold``, of them right)."""
    high = [row.right for row in rows if confidence(row.evidence, penalties) >= threshold]
    return len(high), sum(high)


def leave_one_half_out(rows: list[Row], hand_set: Mapping[str, float], *, scale: float, prior: float,
                       thresholds: Iterable[float] = THRESHOLDS,
                       min_rows: int = MIN_ROWS) -> dict[float, dict[str, tuple[int, int]]]:
    """Per threshold, per half: the half's (high, high right) under penalties fitted on the other halves."""
    thresholds = tuple(thresholds)
    result: dict[float, dict[str, tuple[int, int]]] = {t: {} for t in thresholds}
    for half in sorted({row.half for row in rows}):
        penalties = fit([r for r in rows if r.half != half], hand_set, scale=scale, prior=prior, min_rows=min_rows)
        left_out = [r for r in rows if r.half == half]
        for threshold in thresholds:
            result[threshold][half] = high_band(left_out, penalties, threshold)
    return result


def pooled(per_half: Mapping[str, tuple[int, int]]) -> tuple[int, int]:
    return sum(h for h, _ in per_half.values()), sum(r for _, r in per_half.values())


def choose(curves: Mapping[tuple[float, float], Mapping[float, Mapping[str, tuple[int, int]]]],
           threshold: float, target: float = TARGET) -> tuple[float, float] | None:
    """The (scale, prior) keeping most left-out rows at ``threshold`` with ``target`` precision or better, or None.

    The threshold is given, not chosen: choosing it too by the left-out figures would make them a fit of their own.
    """
    best, best_key = None, None
    for (scale, prior), by_threshold in curves.items():
        high, right = pooled(by_threshold[threshold])
        if high and right / high >= target:
            key = (high, right / high, -scale, -prior)
            if best_key is None or key > best_key:
                best, best_key = (scale, prior), key
    return best


def config_lines(rows: list[Row], hand_set: Mapping[str, float], penalties: Mapping[str, float], *,
                 scale: float, prior: float, min_rows: int = MIN_ROWS) -> list[str]:
    """One ``[confidence]`` line per class with its dev counts (rows right/rows) and whether it was derived."""
    counts = class_counts(rows)
    judged, right_all = len(rows), sum(row.right for row in rows)
    lines = []
    for name in sorted(set(penalties) | set(counts), key=lambda k: (-counts.get(k, (0, 0))[0], k)):
        n, right = counts.get(name, (0, 0))
        key = f'"{name}"' if "." in name else name
        if n >= min_rows:
            note = f"{right}/{n} on the dev halves pooled (derived)"
        elif n:
            derived = derived_penalty(n, right, judged, right_all, scale=scale, prior=prior)
            note = f"{right}/{n} on the dev halves pooled: hand-set kept (derived {derived:.2f})"
        else:
            note = "not seen on the dev halves: hand-set kept"
        lines.append(f"{key} = {penalties.get(name, 0.0)}  # {note}")
    return lines


def main(argv: list[str] | None = None) -> int:
    """Derive [confidence] penalties on the judged dev halves and print the leave-one-half-out curve.

    Example: python -m pipeline.tools.calibrate --rows /tmp/dev_rows.json
    """
    import argparse

    from pipeline.run.config import load_config

    parser = argparse.ArgumentParser(description=main.__doc__.splitlines()[0])
    parser.add_argument("--sample", default="tests/claims_judged", help="folder with excerpts/ and judgements.jsonl")
    parser.add_argument("--rows", default=None,
                        help="JSON file of the dev rows: read when it exists, else written after the pipeline run")
    parser.add_argument("--scale", type=float, default=None, help="score this scale only (with --prior)")
    parser.add_argument("--prior", type=float, default=None, help="score this prior only (with --scale)")
    args = parser.parse_args(argv)
    config = load_config(None)
    path = Path(args.rows) if args.rows else None
    if path is not None and path.exists():
        rows = [Row(r["half"], r["source"], tuple(r["evidence"]), r["right"]) for r in json.loads(path.read_text())]
    else:
        rows = collect(args.sample, config)
        if path is not None:
            path.write_text(json.dumps([r.__dict__ for r in rows]))
    from pipeline.stages.claims.confidence import HIGH_CONFIDENCE
    from pipeline.stages.claims.rules import compile_rules

    hand_set = dict(compile_rules(config.lexicon("claims")).confidence)
    per_half_now = {h: high_band([r for r in rows if r.half == h], hand_set, HIGH_CONFIDENCE) for h in DEV_HALVES}
    high, right = pooled(per_half_now)
    print(f"dev rows {len(rows)}, right {sum(r.right for r in rows)}; the config as it stands at "
          f">= {HIGH_CONFIDENCE}: high {right}/{high} ({right / max(high, 1):.3f})")
    scales = (args.scale,) if args.scale is not None else SCALES
    priors = (args.prior,) if args.prior is not None else PRIORS
    curves = {(s, p): leave_one_half_out(rows, hand_set, scale=s, prior=p) for s in scales for p in priors}
    print("leave-one-half-out, pooled over the dev halves: high right/high (precision, share of judged rows)")
    for (scale, prior), by_threshold in curves.items():
        cells = []
        for threshold, per_half in by_threshold.items():
            h, r = pooled(per_half)
            cells.append(f"{threshold:.2f}: {r}/{h} ({r / max(h, 1):.3f}, {h / len(rows):.2f})")
        print(f"  scale {scale} prior {prior}  " + "  ".join(cells))
    threshold = HIGH_CONFIDENCE
    chosen = choose(curves, threshold)
    if chosen is None:
        print(f"no setting reaches {TARGET} left out at {threshold}")
        return 1
    scale, prior = chosen
    print(f"chosen at the high line {threshold}: scale {scale}, prior {prior}")
    for half, (h, r) in curves[(scale, prior)][threshold].items():
        now_h, now_r = per_half_now[half]
        print(f"  {half:6} left out {r}/{h}   (config as it stands, in sample: {now_r}/{now_h})")
    penalties = fit(rows, hand_set, scale=scale, prior=prior)
    high, right = high_band(rows, penalties, threshold)
    print(f"fitted on all dev halves, in sample at >= {threshold}: {right}/{high} ({right / max(high, 1):.3f})")
    print("\n".join(config_lines(rows, hand_set, penalties, scale=scale, prior=prior)))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
