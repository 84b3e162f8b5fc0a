"""Score the pipeline's output tables against the hand-made gold annotations.

``load_gold`` reads gold files (format: ``tests/gold/README.md``) and resolves every
span to absolute ``(start, end)`` offsets in its source text; ``evaluate`` compares
the output tables with them and returns a JSON-serialisable result; ``format_report``
prints it for people, ``flat_metrics`` flattens it and ``check_floors`` holds it
against a CI floors file. Each module's docstring defines the metrics it computes.

Modules:
    gold        the gold records (file, region, spans, entities, claims) and EvalError
    reading     load_gold: gold files read, checked and located in their sources
    locate      span location: text + occurrence, a region's lines, a claim's linked span
    values      pandas cells as plain Python values, number checks, JSON-fit values
    matching    folded strings, span overlap and distance, the one-to-one span pairing
    rows        output tables as plain rows, grouped by source, cut to a region
    tally       ratios, P/R/F1 and one table's result with its error entries
    dates       scoring the dates table
    quantities  scoring the quantities table
    entities    scoring entities and alias clustering
    claims      scoring key claims
    documents   scoring publication dates and article boundaries
    scoring     evaluate: every scorer over one gold set
    printout    format_report: the result as plain text
    floors      flat_metrics and check_floors: the metric names and minimums CI uses
    entities_bench  a run over a folder of excerpts scored against an article-level entity annotation
                (tests/entities_bench/, the blind benchmark; tests/entities_news/score.py's figures)
"""
from __future__ import annotations

from pipeline.tools.evaluate.floors import check_floors, flat_metrics
from pipeline.tools.evaluate.gold import EvalError
from pipeline.tools.evaluate.printout import format_report
from pipeline.tools.evaluate.reading import load_gold
from pipeline.tools.evaluate.scoring import evaluate

__all__ = ["EvalError", "check_floors", "evaluate", "flat_metrics", "format_report", "load_gold"]
