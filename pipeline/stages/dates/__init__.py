"""Temporal expressions: find them with a small token grammar and normalise them to TIMEX3.

Detection: every token of the spaCy ``Doc`` becomes one code character (a word of the
lexicon, a number shape such as "day number" or "year", or "other"), and the rules of
``configs/dates.toml`` are compiled once into regular expressions over that code string.
Overlapping matches are resolved longest first. Identifier contexts ("ISSN 1861-1761",
"SWP Comment 3/2022"), names ("DSEI UK 2025", "The Sunday Times") and quantities are vetoed
before anything is normalised. The model's DATE entities are used only as supporting
evidence for a bare year, never as detections.

Normalisation: dateparser reads the spans it can read (calendar dates, "last week",
"a month ago", "yesterday", clock times) with the article's publication date as
``RELATIVE_BASE`` (one parser per anchor, readings cached by text and anchor) and its
period becomes the granularity; the grammar's own normalisers handle the rest (mid-May,
seasons, quarters, decades, durations, sets, vague references). Which way a weekday or a
year-less date points is decided by the tense of the governing verb. Nothing here reads
the clock: without an anchor a relative expression keeps its unknowns ("XXXX-05-19") or
gets no value.

Modules, in the order the data flows:

- ``shapes``: the unit the grammar sees of a token and the code character of its shape
- ``grammar``: the rule compiler (words, classes, macros and rules of configs/dates.toml)
- ``units``: the Doc's tokens split, merged and coded for the grammar
- ``calendar``: anchors, ranges of weeks, months, seasons and years, the instance nearest an anchor
- ``reading``: dateparser's reading of a span, with its caches
- ``timex``: the normalised reading of a span and how TIMEX3 values are written
- ``tense``: which way the governing verb points an expression
- ``context``: what a normaliser may ask of the Doc it reads
- ``calendar_dates``, ``years``, ``fiscal``, ``relative``, ``durations``: the normalisers, one function per rule kind
  (``fiscal``: fiscal years, quarters and halves, and the fiscal-year start they are read with)
- ``normalise``: the table from a rule's kind to its normaliser
- ``extract``: matching, vetoes, qualifiers, and clock times given their day
- ``stage``: the stage itself (``DateExtractor``) and its rows
- ``publication``: publication-date inference for an article that carries no date
"""
from __future__ import annotations

from pipeline.stages.dates.calendar import choose_instance, resolve_weekday
from pipeline.stages.dates.publication import infer_publication_date
from pipeline.stages.dates.reading import clear_caches
from pipeline.stages.dates.stage import COLUMNS, DateExtractor
from pipeline.stages.dates.timex import duration_value

# tests/test_dates.py reaches these through the package (``dates_mod._dp_read.cache_info()``)
from pipeline.core.ids import span_id  # noqa: F401
from pipeline.stages.dates.calendar import _Anchor, _month_range, _signed_distance  # noqa: F401
from pipeline.stages.dates.reading import _dp_read  # noqa: F401
from pipeline.stages.dates.timex import _period_value  # noqa: F401

__all__ = [
    "COLUMNS", "DateExtractor", "choose_instance", "clear_caches", "duration_value", "infer_publication_date",
    "resolve_weekday",
]
