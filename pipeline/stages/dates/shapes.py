"""Token shapes: the unit the grammar sees of a token and the code character of its shape."""
from __future__ import annotations

import re
from dataclasses import dataclass

_SHAPE_CODES = {
    "BREAK": "|", "OTHER": "x", "HYPHEN": "-", "COMMA": ",",
    "DAYNUM": "d", "YEAR": "y", "INT": "n", "DECIMAL": "f", "ORDDAY": "o", "ORDNUM": "O",
    "DECADE4": "e", "DECADE2": "E", "CLOCK": "c", "CLOCKMER": "C", "QUARTER": "q",
    "HALF": "h", "NUMDATE": "D", "YEARSPAN": "Y", "HOLIDAY": "H", "FYEAR": "F", "FYPART": "P",
    "FRACTION": "r",
}
_NUMERIC_CODES = frozenset("dynfoODYeEcCqhFP")
_HYPHENS = frozenset("-\u2010\u2011\u2013")
_DASH_SPLIT = re.compile(r"(?<=\w)[-\u2010\u2011\u2013](?=\w)")
_RE_DIGITS = re.compile(r"[0-9]+")
_HAS_DIGIT = re.compile(r"[0-9]").search
_RE_INT = re.compile(r"[0-9]{1,3}(?:,[0-9]{3})+|[0-9]+")
_RE_DECIMAL = re.compile(r"[0-9]+\.[0-9]+")
# a proper fraction after a whole number ("2 1/2 years", "5 1/2 hours"); "9/11" and "24/7" are none
_RE_FRACTION = re.compile(r"([1-3])/([2-4])")
_RE_ORD = re.compile(r"([0-9]+)(?:st|nd|rd|th)", re.I)
_RE_DECADE4 = re.compile(r"([0-9]{3})0'?s")
_RE_DECADE2 = re.compile(r"'?([0-9])0'?s")
_RE_CLOCK = re.compile(r"([01]?[0-9]|2[0-3]):([0-5][0-9])")
_RE_CLOCKMER = re.compile(r"(1[0-2]|0?[1-9])(?::([0-5][0-9]))?([ap])\.?m\.?", re.I)
_RE_QUARTER = re.compile(r"[Qq]([1-4])")
_RE_HALF = re.compile(r"[Hh]([12])")
_RE_YEARSPAN = re.compile(r"([0-9]{4})/([0-9]{2}|[0-9]{4})")
# fiscal-year labels in one token: "FY2025", "FY25", "FY2025/26"; "Q2FY25", "H1FY26" (only in capitals)
_RE_FYEAR = re.compile(r"FY([0-9]{4}|[0-9]{2})(?:/([0-9]{2}|[0-9]{4}))?")
_RE_FYPART = re.compile(r"(Q(?=[1-4])|H(?=[12]))([1-4])FY([0-9]{4}|[0-9]{2})")
_RE_NUMDATE = re.compile(
    r"(?<![\w./-])(?:(?P<y1>[0-9]{4})-(?P<m1>[0-9]{1,2})-(?P<d1>[0-9]{1,2})"
    r"|(?P<y2>[0-9]{4})/(?P<m2>[0-9]{1,2})/(?P<d2>[0-9]{1,2})"
    r"|(?P<a>[0-9]{1,2})(?P<sep>[/.])(?P<b>[0-9]{1,2})(?P=sep)(?P<y3>[0-9]{4}|[0-9]{2}))"
    r"(?![\w/-]|\.[0-9])"
)
_CURRENCY = frozenset("£$€¥")


@dataclass(slots=True)
class _Unit:
    start: int          # article-relative character offsets
    end: int
    text: str
    key: str
    tok: int            # index of the spaCy token
    code: str = "x"
    payload: object = None



def _fraction(text: str) -> float:
    """The value of a FRACTION token ("1/2" -> 0.5)."""
    num, den = text.split("/")
    return int(num) / int(den)


def _leading_int(text: str) -> int:
    """The number a day or ordinal token starts with ("19th" -> 19)."""
    return int(re.match(r"[0-9]+", text).group())


def _key(text: str) -> str:
    """Lookup form of a token: lower case, typographic apostrophes made plain."""
    return text.lower().replace("\u2019", "'").replace("\u2018", "'")


def _shape(text: str, year_min: int, year_max: int) -> str | None:
    """The shape code of a number-like or punctuation token, or None for a word."""
    if text in _HYPHENS:
        return "-"
    if text == ",":
        return ","
    if _RE_DIGITS.fullmatch(text):
        n = int(text)
        if len(text) == 4 and year_min <= n <= year_max:
            return "y"
        if len(text) <= 2 and 1 <= n <= 31:
            return "d"
        return "n"
    if not _HAS_DIGIT(text):
        return None
    if _RE_INT.fullmatch(text):
        return "n"
    if _RE_DECIMAL.fullmatch(text):
        return "f"
    m = _RE_FRACTION.fullmatch(text)
    if m and int(m.group(1)) < int(m.group(2)):
        return "r"
    m = _RE_ORD.fullmatch(text)
    if m:
        return "o" if 1 <= int(m.group(1)) <= 31 else "O"
    if _RE_DECADE4.fullmatch(text):
        return "e"
    if _RE_DECADE2.fullmatch(text):
        return "E"
    if _RE_CLOCK.fullmatch(text):
        return "c"
    if _RE_CLOCKMER.fullmatch(text):
        return "C"
    if _RE_QUARTER.fullmatch(text):
        return "q"
    if _RE_HALF.fullmatch(text):
        return "h"
    m = _RE_YEARSPAN.fullmatch(text)
    if m and year_min <= int(m.group(1)) <= year_max:
        return "Y"
    if text[:2] == "FY" and _RE_FYEAR.fullmatch(text):
        return "F"
    if "FY" in text and _RE_FYPART.fullmatch(text):
        return "P"
    return "x"
