"""Quantities: money, percentages, counts, measures and ratios read from an article's tokens.

A spaCy ``Matcher`` (compiled once per vocabulary) finds the number-like tokens; from each
one a small grammar reads left to right over the tokens: an optional currency symbol or
code, the number (digit tokens such as "150bn", "2-3%" or "NZ$4" are parsed by
``parse_number_token``; spelled numbers such as "twenty-five" or "a dozen" by
``parse_number_words``), scale words ("billion"), the second end of a range ("to £100,000",
"and 1.0"), then the unit: a percent word, a currency word or code, a measure unit or the
counted noun ("27 member states"). A qualifier before it ("at least") becomes ``approx``
and stays out of ``text``. Every vocabulary lives in ``configs/quantities.toml``.

Modules:
    lexicon      the TOML lexicon compiled into lookup tables and the digit-token regex
    numbers      one digit token or a run of spelled words read to a value
    view         bounds-safe token lookups over one Doc and the unit phrase at a token
    operands     the Quantity being read; one number with its currency, scale words and unit
    qualifiers   "at least", "some", "or more": the approx words around a quantity
    ranges       a second end joined on ("£50,000 to £100,000"), or a change left alone
    nouns        the counted noun after a bare number ("27 member states", "dozens of civilians")
    ratios       shares and multipliers ("one in five", "three times", "two-thirds of")
    grammar      which reading a number-like token starts, in order
    exclusions   numbers that are not quantities: years, date parts, identifiers, codes, names
    extractor    the stage: QuantityExtractor, from anchors to rows of the quantities table
"""
from __future__ import annotations

from pipeline.stages.quantities.extractor import COLUMNS, QuantityExtractor
from pipeline.stages.quantities.lexicon import LexiconError, compile_lexicon
from pipeline.stages.quantities.numbers import parse_number_token, parse_number_words
from pipeline.stages.quantities.view import normalise_space

__all__ = [
    "COLUMNS",
    "LexiconError",
    "QuantityExtractor",
    "compile_lexicon",
    "normalise_space",
    "parse_number_token",
    "parse_number_words",
]
