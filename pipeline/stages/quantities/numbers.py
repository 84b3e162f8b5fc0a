"""Number reading: one digit token ("150bn", "2-3%", "NZ$4") or a run of spelled words ("twenty-five") to a value."""
from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from pipeline.stages.quantities.case_variants import CASE_VARIANT
from pipeline.stages.quantities.lexicon import DASHES, Lexicon


@dataclass(frozen=True)
class TokenNumber:
    """What one digit token says: "150bn" -> 1.5e11; "2-3%" -> 2..3 percent; "NZ$4" -> NZD 4."""

    low: float
    high: float
    currency: str | None  # ISO code, or "$" for a dollar the article must decide
    currency_rule: str | None  # "symbol", "iso_code" or LETTER_SYMBOL
    scaled: bool  # a scale suffix ("bn") was written
    factor: float  # that scale (1.0 without one)
    unit_kind: str | None  # "percent" | "subunit"
    unit: str | None
    is_range: bool
    decimal: bool


#: the rule of a marker that is also an English letter ("N", "Sh"): money only once a scale follows
LETTER_SYMBOL = "letter_symbol_scaled"
#: the rules of markers read only on a number a scale follows (round 76: a code or symbol in another case, "Php")
SCALED_ONLY = frozenset({LETTER_SYMBOL, CASE_VARIANT})


def _to_float(text: str) -> float:
    return float(text.replace(",", ""))


def currency_of(text: str | None, lex: Lexicon) -> tuple[str | None, str | None]:
    """The currency a written symbol or code names ("$" stays for the article to decide) and its rule."""
    if not text:
        return None, None
    if text in lex.symbols:
        return ("$" if text in lex.bare_dollar else lex.symbols[text]), "symbol"
    if text in lex.letter_symbols:
        return lex.letter_symbols[text], LETTER_SYMBOL
    if text in lex.case_variants:
        return lex.case_variants[text], CASE_VARIANT
    return lex.codes[text], "iso_code"


@dataclass(frozen=True)
class _Suffix:
    factor: float = 1.0  # scale ("bn" -> 1e9) or minor unit ("p" -> 0.01)
    scaled: bool = False
    unit_kind: str | None = None  # "percent" | "subunit"
    unit: str | None = None  # "%" or the minor unit's currency


def _read_suffix(suffix: str | None, lex: Lexicon) -> _Suffix:
    """What a suffix glued to a number says: "bn", "%", "bn%", "p"."""
    if not suffix:
        return _Suffix()
    if suffix in lex.percent_suffixes:
        return _Suffix(unit_kind="percent", unit=lex.percent_suffixes[suffix])
    if suffix in lex.glued_subunits:
        code, factor = lex.glued_subunits[suffix]
        return _Suffix(factor=factor, unit_kind="subunit", unit=code)
    lower = suffix.lower()
    for size in range(len(lower), 0, -1):  # "bn%" = scale "bn" + percent "%"
        if lower[:size] in lex.magnitude_suffixes:
            unit = lex.percent_suffixes.get(suffix[size:]) if suffix[size:] else None
            return _Suffix(lex.magnitude_suffixes[lower[:size]], True, "percent" if unit else None, unit)
    return _Suffix()


def parse_number_token(text: str, lex: Lexicon) -> TokenNumber | None:
    """Parse one digit token ("150", "1,500.5", "150bn", "2-3%", "$5bn-$10bn", "50p"), else None.

    Tokens that only look numeric ("51st", "4GD", "3/2022", "+49", "07", "9.30am") give None.
    """
    m = lex.token_re.match(text)
    if not m:
        return None
    n1, n2 = m.group("n1"), m.group("n2")
    c1 = m.group("c1")
    if c1 and c1 not in lex.symbols and c1 not in lex.letter_symbols and c1 not in lex.case_variants and not (m.group("s1") or n2 or "." in n1 or "," in n1):
        return None  # a code glued to a bare integer is a name ("COP30", "CAD3"); "USD5bn" is money
    # a letter marker ("N571", "Sh571") is kept here: the caller reads it only when a scale follows
    if not (c1 or m.group("c2")) and any(
        (s or "").lower() in lex.money_only_suffixes for s in (m.group("s1"), m.group("s2"))
    ):
        return None  # "4mil", "10bil": a Malaysian scale is read only after its currency ("RM17.7mil")
    for n in (n1, n2):
        if n and len(n) > 1 and n[0] == "0" and n[1] != ".":
            return None  # "07", "0049": codes and phone numbers, not amounts
    s1 = _read_suffix(m.group("s1"), lex)
    currency, rule = currency_of(m.group("c1"), lex)
    low = _to_float(n1) * s1.factor
    if n2 is None:
        if s1.unit_kind == "subunit":
            currency, rule = s1.unit, "currency_word"
        return TokenNumber(low, low, currency, rule, s1.scaled, s1.factor if s1.scaled else 1.0,
                           s1.unit_kind, s1.unit if s1.unit_kind == "percent" else None, False, "." in n1)
    s2 = _read_suffix(m.group("s2"), lex)
    high = _to_float(n2) * s2.factor
    cur2, rule2 = currency_of(m.group("c2"), lex)
    if cur2 and currency and cur2 != currency:
        return None
    if s1.unit_kind and s2.unit_kind and (s1.unit_kind, s1.unit) != (s2.unit_kind, s2.unit):
        return None
    if s2.scaled and m.group("s1") is None and low * s2.factor <= high:
        low *= s2.factor  # "1-2bn": the scale covers both ends
    if low > high:
        return None
    for s in (s1, s2):
        if s.unit_kind == "subunit":
            currency, rule = s.unit, "currency_word"
    kind = s1.unit_kind or s2.unit_kind
    return TokenNumber(
        low, high, currency or cur2, rule or rule2, s1.scaled or s2.scaled,
        s2.factor if s2.scaled else 1.0, "subunit" if kind == "subunit" else kind,
        (s1.unit or s2.unit) if kind == "percent" else None, True, "." in n1 or "." in n2,
    )


def parse_number_words(words: Sequence[str], lex: Lexicon) -> tuple[float, int] | None:
    """Value and token count of a spelled number at the start of ``words`` (lower-cased tokens).

    "twenty - five" -> (25, 3); "one hundred and fifty" -> (150, 4); "a dozen" -> (12, 2);
    "half a dozen" -> (6, 3); "one and a half" -> (1.5, 4); "a" alone or "hundred" without a
    number -> None. Scale words
    ("million") are left to the caller, which applies them to digits too.
    """
    i, factor = 0, 1.0
    if len(words) >= 3 and words[0] in lex.fractions and words[1] in lex.indefinite:
        if words[0] in lex.ordinal_fractions:
            return None
        factor, i = 1.0 / lex.fractions[words[0]], 1  # "half a million", "half a dozen"
    value: float | None = None
    if i < len(words) and words[i] in lex.indefinite:
        nxt = words[i + 1] if i + 1 < len(words) else ""
        if nxt in lex.magnitude_words:
            return factor, i + 1  # "a million": the caller applies the scale word
        if nxt not in lex.multipliers:
            return None
        value, i = 1.0, i + 1  # "a dozen", "a hundred"
    else:
        small = _small_number(words, i, lex)
        if small is not None:
            value, i = small
    if i < len(words) and words[i] in lex.multipliers:
        if value is None:
            return None  # "hundred" or "dozen" with no number before it
        value, i = _times_multiplier(words, i, value, lex)
    if value is None:
        return None
    value, i = _compound(words, i, value, lex)
    if (i + 2 < len(words) and words[i] in lex.addition_joiners and words[i + 1] in lex.indefinite
            and words[i + 2] in lex.fractions and words[i + 2] not in lex.ordinal_fractions):
        value, i = value + 1.0 / lex.fractions[words[i + 2]], i + 3  # "one and a half million"
    return value * factor, i


def _times_multiplier(words: Sequence[str], i: int, value: float, lex: Lexicon) -> tuple[float, int]:
    """ "two hundred", "one hundred and fifty", "two hundred five", "two dozen": value and next index."""
    mult = lex.multipliers[words[i]]
    value, i = value * mult, i + 1
    if mult == 100 and i < len(words):
        rest = _small_number(words, i + 1 if words[i] == "and" else i, lex)
        if rest is not None:
            value, i = value + rest[0], rest[1]
    return value, i


def _hundreds(words: Sequence[str], i: int, lex: Lexicon) -> tuple[float, int] | None:
    """1-999 spelled at ``words[i]`` ("six hundred forty - two", "and five"), or None."""
    if i < len(words) and words[i] == "and":
        i += 1
    small = _small_number(words, i, lex)
    if small is None:
        return None
    value, i = small
    if i < len(words) and lex.multipliers.get(words[i]) == 100:
        value, i = _times_multiplier(words, i, value, lex)
    return value, i


def _compound(words: Sequence[str], i: int, value: float, lex: Lexicon) -> tuple[float, int]:
    """Join the groups of a long spelled number: "twenty - eight thousand six hundred forty - two".

    A scale word followed by a smaller group is consumed here; a last scale word is left to the
    caller ("two thousand people": the caller scales), unless groups were joined before it
    ("two million five hundred thousand"), where it scales only the last group.
    """
    total, last = 0.0, float("inf")
    while i + 1 < len(words) and value < 1000 and (mag := lex.magnitude_words.get(words[i], 0)) and mag < last:
        rest = _hundreds(words, i + 1, lex)
        if rest is None:
            break
        total, last = total + value * mag, mag
        value, i = rest
    if total and i < len(words) and (mag := lex.magnitude_words.get(words[i], 0)) and mag < last:
        value, i = value * mag, i + 1
    return total + value, i


def _small_number(words: Sequence[str], i: int, lex: Lexicon) -> tuple[float, int] | None:
    """1-99 spelled at ``words[i]`` ("seven", "twenty", "twenty - five"): (value, next index)."""
    if i >= len(words):
        return None
    w = words[i]
    if w in lex.units:
        return float(lex.units[w]), i + 1
    if w in lex.tens:
        value = float(lex.tens[w])
        if i + 2 < len(words) and words[i + 1] in DASHES and words[i + 2] in lex.units and lex.units[words[i + 2]] < 10:
            return value + lex.units[words[i + 2]], i + 3
        if i + 1 < len(words) and words[i + 1] in lex.units and 0 < lex.units[words[i + 1]] < 10:
            return value + lex.units[words[i + 1]], i + 2
        return value, i + 1
    return None
