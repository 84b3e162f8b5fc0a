"""A company's name with its legal form after a comma ("Sinclair, Inc.", "GEM Co., Ltd."), entity round 49 (issue 18).

The key of an ORG name drops its closing legal form ("Rheinmetall AG" is "Rheinmetall"). Written after a
comma, the form left the comma on the name ("sinclair,"), so "Sinclair" and "Sinclair, Inc." of one article
(dev12 1709) stayed two entities; the gold of dev2 611 ("2seventy bio, Inc."), dev4 811 ("Cytokinetics, Inc.")
and dev9 1403 ("GEM Co., Ltd.") writes the same shape. A name written with its legal form is a company's, never
a person's surname: "Nordstrom, Inc." keeps its name beside "Pete Nordstrom" (dev2 610).
"""
from __future__ import annotations


def legal_stem(words: list[str], legal_forms: frozenset[str]) -> str:
    """The name of ``words`` (an ORG surface split at spaces, its last word a legal form) without its closing
    legal forms and the commas before them: "Sinclair, Inc." -> "Sinclair", "GEM Co., Ltd." -> "GEM"."""
    while len(words) >= 2 and words[-1].rstrip(",") in legal_forms:
        words = words[:-1]
    return " ".join(words).rstrip(",")


def legal_named(surface: str, label: str, legal_forms: frozenset[str]) -> bool:
    """Whether an ORG name of two words or more ends in a legal form ("Nordstrom, Inc."): no surname of a person."""
    words = surface.split(" ")
    return label == "ORG" and len(words) >= 2 and words[-1] in legal_forms
