"""Claims judged by hand on unseen news: score a run's claim rows against the judgements, per half.

The sample lives in ``tests/claims_judged/``: short excerpts of recent articles (the
paragraphs the judged rows need, as pipeline input with a ``sources.csv``) and
``judgements.jsonl``, one record per claim row a reader judged::

    {"source": "007_ecb.txt", "half": "measure", "text": "<the row's exact span>", "occ": 1,
     "verdict": "claim", "subject": "European Central Bank", "values": ["25 basis points", "Thursday"],
     "speaker": null, "key": true, "note": ""}

- ``verdict``: ``claim`` when the span states one checkable fact, ``not_claim`` when it
  should not be a row at all (a judgement, a fragment, a heading).
- ``subject``: who or what the claim is about, as the row should name it (an entity's
  canonical name, or the described thing's own words when no entity is meant);
  ``subject_aliases`` may list other acceptable names.
- ``values``: the texts of the quantity and date spans that belong to this claim.
- ``key``: a record of one of the facts a careful reader would list first for the
  article, its ``text`` the clause that states it. It is *found* when a row whose span
  overlaps it names the expected subject. Key records are not row judgements.
- ``half``: ``dev``, ``dev2``, ``dev3``, ``dev4``, ``dev5``, ``dev6``, ``dev7``, ``dev8``, ``dev9``, ``dev10``, ``dev11``, ``dev12``, ``dev13``, ``dev14`` or ``dev15`` (rules may be written from them) or ``measure``,
  ``measure2``, ``measure3``, ``measure4``, ``measure5``, ``measure6``, ``measure7``, ``measure8``, ``measure9``, ``measure10``, ``measure11``, ``measure12``, ``measure13``, ``measure14`` and ``measure15`` (held out: never read while writing rules).

A row is *right in every respect* when its span is judged a claim, its subject is the
expected one and its linked values are exactly the expected ones. Values are compared
by their spans' texts, one linked value to one judged value, and a linked value also matches
a judged one that is the same span up to leading qualifier words ("nearly three years" for
"three years", "more than 18%" for "18%"): the judgements name values as the dates and
quantities stages wrote them when the rows were judged, and the dates stage has since moved a
count's qualifier inside its span (TimeML's extent). The qualifiers are those the stages read
(``[qualifiers]`` of configs/dates.toml, ``[approx]`` of configs/quantities.toml), passed in by
``value_qualifiers``; any other difference (another number, another unit, a trailing word) is
still a wrong value. A row whose span has
no judgement is *unjudged*: it is reported so that a reader can judge it, and is not
counted as right or wrong.
"""
from __future__ import annotations

import json
import re
from collections import Counter
from dataclasses import dataclass, field, replace
from pathlib import Path

import pandas as pd

from pipeline.stages.claims.confidence import HIGH_CONFIDENCE

#: ``dev2``: twelve articles gathered in claims round 12 and judged before any rule was written from them,
#: scored apart so that the old dev figures stay comparable (tests/claims_judged/README.md); ``dev3``: twelve more
#: gathered and judged the same way in claims round 13; ``dev4``: twelve more (claims round 15: elections, central
#: banks, economy, deals, courts, diplomacy, science), judged the same way; ``measure2``: twelve more (claims round 19),
#: a second held-out half like ``measure``: scored only, never read while writing rules; ``measure3``: twelve more (issue
#: 16: defence, central banks, economy, trade, elections, markets, energy, company results, sport, health, science),
#: a third held-out half, judged by a judge who did not read the claims rules: scored only, never read while writing rules;
#: ``dev5``: twelve more (claims round 21: defence, economy, energy, markets, technology, sport, business, health,
#: elections), judged before any rule was written from them; ``dev6``: twelve more (claims round 23: defence,
#: economy, markets, energy, elections, business, sport, health,
#: technology, trade, courts), judged by the developer before any rule was written from them; ``measure4``: twelve
#: more (issue 16: defence, a central bank, economy, markets, energy, elections, company results, sport, health, trade,
#: courts, climate), a fourth held-out half judged by a judge who did not read the claims rules: scored only, never
#: read while writing rules; ``dev7``: twelve more (claims round 27: defence, economy, markets, energy, elections, business,
#: sport, health, technology, trade, transport), judged by the developer before any rule was written from them; ``dev8``:
#: twelve more (claims round 30: defence, courts, elections, housing, technology, health, sport, labour, energy, trade,
#: economy, markets), judged by the developer before any rule was written from them;
#: ``dev9``: twelve more (claims round 31: defence, a central bank, inflation, jobs, commodities, shipping, energy prices,
#: markets, company results, aviation, sport, trade), judged by the developer before any rule was written from them;
#: ``dev10``: twelve more (issue 16: defence, a central bank, trade, markets, an election, energy, sport, technology,
#: courts, labour, climate, housing), judged on the output of commit 8651ea9 by a helper who did not read the claims
#: rules, before any rule was written from them: its first figures are a second unseen-text estimate of that code;
#: ``measure5``: twelve more (issue 16: defence, a central bank, economy, markets, energy, elections, company results,
#: sport, health, trade, courts, climate), a fifth held-out half judged on commit 8651ea9 by a judge who did not read
#: the claims rules: scored only, never read while writing rules; ``measure6``: twelve more (issue 16: defence, a central
#: bank, economy, markets, energy, an election, company results, sport, health, trade, courts, technology), a sixth
#: held-out half judged on commit 47b26a2 by a judge who did not read the claims rules: scored only, never read while
#: writing rules; ``dev11``: twelve more (issue 16: technology, courts,
#: trade, health, sport, aviation results, an election, energy, markets, inflation, a central bank, defence), judged on the
#: output of commit 47b26a2 by a helper who did not read the claims rules, before any figure was read: its first figures
#: are an unseen-text estimate of that code; ``dev12``: twelve more (issue 16: technology, courts, shipping, housing,
#: aviation results, commodities, a central bank, inflation, health, sport, energy, markets), judged on the output of
#: commit ca3f89d by a helper who did not read the claims rules, before any figure was read: its first figures are an
#: unseen-text estimate of that code; ``measure7``: twelve more (issue 16: defence, a central bank, GDP, markets,
#: energy, an election, company results, sport, health, trade, courts, technology), a seventh held-out half judged on
#: commit ca3f89d by a judge who did not read the claims rules: scored only, never read while writing rules;
#: ``measure8``: twelve more (issue 16: defence, a central bank, inflation, markets, energy, an election, company
#: results, sport, health, trade, courts, technology), an eighth held-out half judged on commit ad3f748 by a judge who
#: did not read the claims rules: scored only, never read while writing rules; ``measure9``: twelve more (issue 16:
#: defence, a central bank, GDP, markets, energy, an election, company results, sport, health, trade, courts,
#: technology), a ninth held-out half judged on commit 9ab6c90 by a judge who did not read the claims rules: scored
#: only, never read while writing rules; ``measure10``: twelve more (issue 16: defence, a central bank, inflation,
#: markets, energy, an election, company results, sport, health, trade, courts, technology), a tenth held-out half
#: judged on commit 171b2a7 by a judge who did not read the claims rules: scored only, never read while writing rules;
#: ``dev13``: twelve more (issue 16: telecoms, courts, shipping, health, sport, company results, an election,
#: commodities, markets, labour, a central bank, defence), judged on the output of commit 8980c59 by a helper who did not
#: read the claims rules, before any figure was read: its first figures are an unseen-text estimate of that code;
#: ``dev14``: twelve more (issue 16: technology, courts, trade, health, sport, company results, an election, energy,
#: markets, inflation, a central bank, defence), judged on the output of commit 8523ca3 by a helper who did not read the
#: claims rules, before any figure was read: its first figures are an unseen-text estimate of that code; ``measure11``:
#: twelve more (issue 16: two central banks, markets, energy, an election, company results, health, trade, courts,
#: aviation, sport, defence), an eleventh held-out half judged on commit 63ed26a by a judge who did not read the claims
#: rules, before any figure was read: scored only, never read while writing rules; ``measure12``: twelve more (issue 16:
#: defence, a central bank, inflation, markets, energy, an election, company results, trade, sport, health, courts,
#: technology), a twelfth held-out half judged on commit 3a9d810 by a judge who did not read the claims rules, before any
#: figure was read: scored only, never read while writing rules;
#: ``dev15``: twelve more (issue 16:
#: defence, a central bank, GDP, markets, energy, an election, company results, trade, sport, health, courts,
#: technology; published in even-numbered months of 2025), judged on the output of commit 3a9d810 by a helper who did not
#: read the claims rules, before any figure was read: its first figures are an unseen-text estimate of that code;
#: ``measure13``: twelve more (issue 16: defence, a central bank, inflation, markets, energy, an election, company
#: results, trade, sport, health, courts, technology), a thirteenth held-out half judged on commit 2538dac by a judge
#: who did not read the claims rules, before any figure was read: scored only, never read while writing rules;
#: ``measure14``: twelve more (issue 16: defence, a central bank, public finances, markets, energy, an election, company
#: results, trade, sport, climate, transport, labour), a fourteenth held-out half judged on commit 7ff1a9c by a judge
#: who did not read the claims rules, before any figure was read: scored only, never read while writing rules;
#: ``measure15``: twelve more (issue 16: defence, a central bank, public finances, markets, energy, an election, company
#: results, trade, sport, climate, transport, labour), a fifteenth held-out half judged on commit 58a7405 by a judge
#: who did not read the claims rules, before any figure was read: scored only, never read while writing rules
HALVES = ("dev", "measure", "dev2", "dev3", "dev4", "measure2", "measure3", "dev5", "dev6", "measure4", "dev7", "dev8", "dev9",
          "dev10", "measure5", "measure6", "dev11", "dev12", "measure7",
          "measure8", "measure9", "measure10", "dev13", "dev14", "measure11", "measure12", "dev15",
          "measure13", "measure14", "measure15")


class JudgedError(ValueError):
    """The judgements file cannot be read as written (E080-E082)."""


@dataclass(frozen=True)
class Judgement:
    source: str
    half: str
    text: str
    occ: int
    verdict: str
    subject: str | None
    subject_aliases: tuple[str, ...]
    values: tuple[str, ...]
    key: bool
    line: int


def load_judgements(path: str | Path) -> list[Judgement]:
    """Read ``judgements.jsonl``; every bad line is an error naming the line."""
    path = Path(path)
    judgements = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
            judgement = Judgement(
                source=record["source"], half=record["half"], text=record["text"], occ=int(record.get("occ", 1)),
                verdict=record["verdict"], subject=record.get("subject"),
                subject_aliases=tuple(record.get("subject_aliases", ())), values=tuple(record.get("values", ())),
                key=bool(record.get("key", False)), line=number)
        except (ValueError, KeyError, TypeError) as exc:
            raise JudgedError(f"[E080] {path}:{number}: not a judgement record ({exc}); see pipeline/tools/judged.py") \
                from exc
        if judgement.half not in HALVES or judgement.verdict not in ("claim", "not_claim"):
            raise JudgedError(f"[E081] {path}:{number}: half must be one of {', '.join(HALVES)} and verdict claim "
                              "or not_claim")
        judgements.append(judgement)
    return judgements


def _fold(text) -> str:
    """Subjects compare without case, a leading article or curly apostrophes ("The Dow" is "Dow")."""
    text = text if isinstance(text, str) else ""  # None or a missing value (NaN) names nothing
    text = re.sub(r"\s+", " ", text.replace("’", "'")).strip().casefold()
    return text[4:] if text.startswith("the ") else text


def _locate(texts: dict[str, str], judgements: list[Judgement]) -> dict[tuple[str, int, int], Judgement]:
    """Each judgement's span as ``(source, start, end)`` in its excerpt (the ``occ``-th occurrence)."""
    located = {}
    for judgement in judgements:
        if judgement.key:
            continue
        text = texts.get(judgement.source)
        if text is None:
            raise JudgedError(f"[E082] judgements line {judgement.line}: no excerpt {judgement.source}")
        at, previous = -1, -len(judgement.text)
        for _ in range(judgement.occ):
            at = text.find(judgement.text, previous + len(judgement.text))
            if at < 0:
                raise JudgedError(f"[E082] judgements line {judgement.line}: {judgement.text[:60]!r} occurs fewer "
                                  f"than {judgement.occ} times in {judgement.source}")
            previous = at
        located[(judgement.source, at, at + len(judgement.text))] = judgement
    return located


@dataclass
class HalfScore:
    rows: int = 0
    judged: int = 0
    right: int = 0
    high: int = 0
    high_right: int = 0
    key: int = 0
    key_found: int = 0
    problems: Counter = field(default_factory=Counter)
    unjudged: list[dict] = field(default_factory=list)
    wrong: list[dict] = field(default_factory=list)
    missed: list[dict] = field(default_factory=list)
    # evidence class (confidence_evidence) -> [judged rows carrying it, of them right]
    evidence: dict[str, list[int]] = field(default_factory=dict)
    # (confidence, right) of every judged row, for the confidence bands
    judged_confidence: list[tuple[float, bool]] = field(default_factory=list)
    # (source, evidence classes, right) of every judged row, for pipeline.tools.calibrate
    judged_evidence: list[tuple[str, tuple[str, ...], bool]] = field(default_factory=list)

    @property
    def precision(self) -> float | None:
        return self.right / self.judged if self.judged else None

    @property
    def high_precision(self) -> float | None:
        return self.high_right / self.high if self.high else None

    @property
    def key_recall(self) -> float | None:
        return self.key_found / self.key if self.key else None


def value_qualifiers(config) -> tuple[str, ...]:
    """The qualifier words the dates and quantities stages may put before a value (their configs), folded."""
    words = [*config.lexicon("dates").get("qualifiers", {}), *config.lexicon("quantities").get("approx", {})]
    return tuple(sorted({_fold(word) for word in words}, key=lambda word: (-len(word), word)))


def score(claims: pd.DataFrame, dates: pd.DataFrame, quantities: pd.DataFrame, texts: dict[str, str],
          judgements: list[Judgement], *, qualifiers: tuple[str, ...] = ()) -> dict[str, HalfScore]:
    """Score every claim row of a run on the excerpts against the judgements, per half.

    ``qualifiers`` (``value_qualifiers(config)``): leading words by which a linked value's
    text may differ from the judged one's.
    """
    located = _locate(texts, judgements)
    half_of_source = {j.source: j.half for j in judgements}
    rows_by_source: dict[str, list[dict]] = {}
    value_text = dict(zip(dates["date_id"], dates["text"])) | dict(zip(quantities["quantity_id"], quantities["text"]))
    scores = {half: HalfScore() for half in HALVES}
    for row in claims.to_dict("records"):
        half = half_of_source.get(row["source"])
        if half is None:
            continue
        tally = scores[half]
        tally.rows += 1
        rows_by_source.setdefault(row["source"], []).append(row)
        judgement = located.get((row["source"], row["start"], row["end"]))
        values = sorted(value_text.get(v, v) for v in [*row["quantity_ids"], *row["date_ids"]])
        shown = {"source": row["source"], "text": row["text"], "subject": row["subject"], "values": values,
                 "speaker": row.get("speaker"), "confidence": row.get("confidence")}
        if judgement is None:
            tally.unjudged.append(shown)
            continue
        tally.judged += 1
        problems = _problems(row, values, judgement, qualifiers=qualifiers)
        confident = row.get("confidence") is not None and row["confidence"] >= HIGH_CONFIDENCE
        tally.high += confident
        if row.get("confidence") is not None:
            tally.judged_confidence.append((float(row["confidence"]), not problems))
        tally.judged_evidence.append((row["source"], tuple(_evidence_names(row)), not problems))
        for name in _evidence_names(row):
            counts = tally.evidence.setdefault(name, [0, 0])
            counts[0] += 1
            counts[1] += not problems
        if problems:
            tally.problems.update(problems)
            tally.wrong.append({**shown, "problems": problems, "expected_subject": judgement.subject,
                                "expected_values": sorted(judgement.values)})
        else:
            tally.right += 1
            tally.high_right += confident
    keys = [j for j in judgements if j.key]
    for (source, start, end), judgement in _locate(texts, [replace(j, key=False) for j in keys]).items():
        tally = scores[judgement.half]
        tally.key += 1
        expected = _expected_subjects(judgement)
        overlapping = [row for row in rows_by_source.get(source, ()) if row["start"] < end and start < row["end"]]
        found = any(_fold(row["subject"]) in expected for row in overlapping)
        tally.key_found += found
        if not found:
            tally.missed.append({"source": source, "text": judgement.text, "expected_subject": judgement.subject,
                                 "subjects": [row["subject"] for row in overlapping]})
    return scores


def _evidence_names(row: dict) -> list[str]:
    """A row's evidence classes (the ``confidence_evidence`` column's names)."""
    evidence = row.get("confidence_evidence")
    return evidence.split() if isinstance(evidence, str) else []


#: the lower edges of the confidence bands README's table gives ("Claims and their evidence")
BANDS = (0.9, 0.75, 0.6, 0.45, 0.0)

#: how many rows at the half's overall precision a class's own rows are pooled with, so that a
#: class seen on two rows does not set its penalty alone
PRIOR_ROWS = 4.0
#: the penalty per point of precision lost: the smallest multiple of 0.5 beyond which the dev
#: half's high-confidence rows get no more precise (the rows still wrong there carry no weaker
#: evidence at all), so that the threshold keeps as many rows as that precision allows
PENALTY_SCALE = 2.5


def evidence_table(score: HalfScore, *, scale: float = PENALTY_SCALE,
                   prior: float = PRIOR_ROWS) -> list[tuple[str, int, int, float, float]]:
    """Per evidence class: (name, judged rows, right, precision, derived penalty), commonest first.

    The penalty is ``scale`` times how far the precision of the rows carrying the class
    (pooled with ``prior`` rows at the half's overall precision) falls below that of the rows
    without it, rounded to 0.05; a class no worse than the rest costs nothing. It is a rate
    over a class, not a fit to single rows: configs/claims.toml [confidence] takes it.
    """
    judged, right_all = score.judged, score.right
    overall = right_all / judged if judged else 0.0
    table = []
    for name, (n, right) in sorted(score.evidence.items(), key=lambda item: (-item[1][0], item[0])):
        shrunk = (right + prior * overall) / (n + prior)
        rest = (right_all - right) / (judged - n) if judged > n else overall
        penalty = round(max(0.0, rest - shrunk) * scale / 0.05) * 0.05
        table.append((name, n, right, right / n, round(penalty, 2)))
    return table


def format_evidence(score: HalfScore, half: str) -> str:
    """The evidence table of one half, one class a line."""
    lines = [f"evidence classes on the {half} half (judged rows, right, precision, derived penalty):"]
    for name, n, right, precision, penalty in evidence_table(score):
        lines.append(f"  {name:28} {n:4} {right:4}  {precision:.3f}  {penalty:.2f}")
    return "\n".join(lines)


def format_bands(score: HalfScore, half: str) -> str:
    """The judged rows of one half per confidence band (``BANDS``), with the share right, one band a line."""
    lines = [f"confidence bands on the {half} half (judged rows, right, precision):"]
    upper = None
    for lower in BANDS:
        inside = [right for confidence, right in score.judged_confidence
                  if confidence >= lower and (upper is None or confidence < upper)]
        label = f">= {lower:.2f}" if upper is None else f"{lower:.2f}-{upper:.2f}"
        share = f"{sum(inside) / len(inside):.3f}" if inside else "-"
        lines.append(f"  {label:12} {len(inside):4} {sum(inside):4}  {share}")
        upper = lower
    return "\n".join(lines)


def _expected_subjects(judgement: Judgement) -> set[str]:
    return {_fold(judgement.subject), *map(_fold, judgement.subject_aliases)}


def _unqualified(text: str, qualifiers: tuple[str, ...]) -> str:
    """A folded value text without the leading qualifier words ("nearly three years" -> "three years")."""
    for qualifier in qualifiers:  # longest first: "no more than" before "more than"
        if text.startswith(qualifier + " "):
            return text[len(qualifier) + 1:].lstrip()
    return text


def _values_match(values: list[str], expected: tuple[str, ...], qualifiers: tuple[str, ...]) -> bool:
    """Linked and judged values pair one to one: equal texts first, then equal up to a leading qualifier."""
    linked, judged = sorted(map(_fold, values)), sorted(map(_fold, expected))
    if len(linked) != len(judged):
        return False
    unmatched = []
    for text in linked:
        if text in judged:
            judged.remove(text)
        else:
            unmatched.append(text)
    for text in unmatched:
        bare = _unqualified(text, qualifiers)
        candidates = [j for j in judged if _unqualified(j, qualifiers) == bare]
        if not candidates:
            return False
        judged.remove(candidates[0])
    return True


def _problems(row: dict, values: list[str], judgement: Judgement, *, qualifiers: tuple[str, ...] = ()) -> list[str]:
    if judgement.verdict == "not_claim":
        return ["not a claim"]
    problems = []
    if _fold(row["subject"]) not in _expected_subjects(judgement):
        problems.append("subject")
    if not _values_match(values, judgement.values, qualifiers):
        problems.append("values")
    return problems


def read_excerpts(folder: str | Path) -> dict[str, str]:
    """The excerpt texts by source name, decoded as the pipeline decodes UTF-8 input."""
    return {path.name: path.read_bytes().decode("utf-8") for path in sorted(Path(folder).glob("*.txt"))}


def format_scores(scores: dict[str, HalfScore], *, details: bool = False, half: str | None = None) -> str:
    """Both halves' summary lines; with ``details``, the wrong and unjudged rows of ``half`` (else of both)."""
    lines = []
    for name in HALVES:
        s = scores[name]
        pct = lambda value: "-" if value is None else f"{value:.3f}"  # noqa: E731
        lines.append(f"{name:8} rows {s.rows:4}  judged {s.judged:4}  right in every respect {s.right:4} "
                     f"({pct(s.precision)})  high-confidence {s.high_right}/{s.high} ({pct(s.high_precision)})  "
                     f"key claims with the right subject {s.key_found}/{s.key} ({pct(s.key_recall)})  "
                     f"unjudged {len(s.unjudged)}")
        if s.problems:
            lines.append("          wrong: " + ", ".join(f"{k} {v}" for k, v in s.problems.most_common()))
    if details:
        # --half dev keeps the measure half's rows out of sight while rules are written
        for listed in (HALVES if half is None else (half,)):
            for row in scores[listed].wrong:
                lines.append(f"WRONG {listed} " + json.dumps(row, ensure_ascii=False, default=str))
            for row in scores[listed].unjudged:
                lines.append(f"UNJUDGED {listed} " + json.dumps(row, ensure_ascii=False, default=str))
            for row in scores[listed].missed:
                lines.append(f"MISSED KEY {listed} " + json.dumps(row, ensure_ascii=False, default=str))
    return "\n".join(lines)


def score_outputs(out_dir: str | Path, sample_dir: str | Path, *, config) -> dict[str, HalfScore]:
    """Score the tables in ``out_dir`` (a run over ``sample_dir/excerpts`` with ``config``) against its judgements."""
    from pipeline.core.schema import read_table

    out_dir, sample_dir = Path(out_dir), Path(sample_dir)
    tables = {name: read_table(name, out_dir / f"{name}.parquet") for name in ("claims", "dates", "quantities")}
    return score(tables["claims"], tables["dates"], tables["quantities"], read_excerpts(sample_dir / "excerpts"),
                 load_judgements(sample_dir / "judgements.jsonl"), qualifiers=value_qualifiers(config))


def main(argv: list[str] | None = None) -> int:
    """Run the pipeline over the judged sample's excerpts and print the scores per half.

    Example: python -m pipeline.tools.judged --sample tests/claims_judged --details --half dev
    """
    import argparse
    import tempfile

    from pipeline.run.config import load_config
    from pipeline.run.runner import ErrorLog, Workspace, run_pipeline

    parser = argparse.ArgumentParser(description=main.__doc__.splitlines()[0])
    parser.add_argument("--sample", default="tests/claims_judged", help="folder with excerpts/ and judgements.jsonl")
    parser.add_argument("--details", action="store_true",
                        help="list every wrong and unjudged row and every missed key claim as JSON")
    parser.add_argument("--half", choices=HALVES, default=None,
                        help="with --details, list only this half's rows (dev while writing rules)")
    parser.add_argument("--evidence", action="store_true",
                        help="with --half, print that half's precision per confidence evidence class and the "
                             "penalty it gives (the dev half's sets configs/claims.toml [confidence]), and per "
                             "confidence band")
    args = parser.parse_args(argv)
    if args.evidence and args.half is None:
        parser.error("--evidence needs --half (dev while setting penalties)")
    sample = Path(args.sample)
    with tempfile.TemporaryDirectory() as tmp:
        ws = Workspace(raw_dir=sample / "excerpts", interim_dir=Path(tmp) / "interim", out_dir=Path(tmp) / "out",
                       config=load_config(None), errors=ErrorLog())
        run_pipeline(ws)
        scores = score_outputs(ws.out_dir, sample, config=ws.config)
    print(format_scores(scores, details=args.details, half=args.half))
    if args.evidence:
        print(format_evidence(scores[args.half], args.half))
        print(format_bands(scores[args.half], args.half))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
