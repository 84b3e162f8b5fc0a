"""A temperature written with the bare letter "F" ("104F", "104 F"), read only in an article about the weather."""
from __future__ import annotations

import re

from spacy.tokens import Doc

#: the rule recorded in ``unit_rule`` (CONTRACT.md): the letter was read as Fahrenheit because the article is about weather
RULE = "fahrenheit_letter"
_GLUED = re.compile(r"^(?P<n>-?\d{1,3}(?:\.\d+)?)(?P<u>[A-Z])(?P<dot>\.)?$")  # "87F." at a sentence's end


def weather_article(doc: Doc, lex) -> bool:
    """True when the article is about the weather or temperature: one of [measures] fahrenheit_letter.topic_lemmas is a
    lemma of its Doc ("heat", "temperature", "forecast", "sweltering"), or it writes one of its topic_marks ("°F",
    "°C"; "Celsius" counts as a word). Asked once per Doc."""
    key = "quantities_weather_article"
    if key not in doc.user_data:
        spec = lex.fahrenheit_letter
        doc.user_data[key] = (any(t.lemma_.lower() in spec["topic_lemmas"] or t.lower_ in spec["topic_lemmas"]
                                  for t in doc)
                              or any(mark in doc.text for mark in spec["topic_marks"]))
    return doc.user_data[key]


def _plausible(value: float, lex) -> bool:
    low, high = lex.fahrenheit_letter["range"]
    return low <= value <= high


def glued_fahrenheit(view, body: str) -> tuple[float, str, bool, int] | None:
    """ "104F" (one token) as (value, unit "°F", decimal, trim), else None: the letter is one of [measures]
    fahrenheit_letter.letters, the value a plausible air temperature and the article about the weather ("777F", "Room
    104F" elsewhere stay unread). operands.py makes the Quantity (unit_rule RULE)."""
    m = _GLUED.match(body)
    spec = view.lex.fahrenheit_letter
    if m is None or m.group("u") not in spec["letters"] or not _plausible(float(m.group("n")), view.lex):
        return None
    if not weather_article(view.doc, view.lex):
        return None
    return float(m.group("n")), spec["letters"][m.group("u")], "." in m.group("n"), 1 if m.group("dot") else 0


def spaced_fahrenheit(view, q) -> str | None:
    """The unit "°F" of "104 F" (AP style, "104 F (40 C)"): the letter as its own token after a plain number, nothing
    glued after it ("24 F-16 jets" is a jet), on the same conditions as the glued form; else None."""
    j, spec = q.end, view.lex.fahrenheit_letter
    t = view.tok(j)
    if (t is None or t.text not in spec["letters"] or q.kind or q.vague or q.words or q.scaled or q.is_range
            or view.glued(j - 1) or q.low is None or not _plausible(q.low, view.lex)):
        return None
    if view.glued(j) and view.doc[j + 1].text not in (".", ",", ";", ":", ")"):
        return None  # "F-16", "F1"
    if not weather_article(view.doc, view.lex):
        return None
    return spec["letters"][t.text]
