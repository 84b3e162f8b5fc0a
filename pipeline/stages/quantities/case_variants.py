"""Round 76: a currency code or letter symbol written in a case the lexicon lacks ("Php", "PhP", "Tsh", "Kshs.")."""
from __future__ import annotations

from collections.abc import Iterable, Mapping
from itertools import product

#: the unit_rule of an amount whose marker is such a case form; read, as a letter marker is, only when a scale follows
CASE_VARIANT = "symbol_case_variant"


def _mixed_cases(form: str) -> set[str]:
    """Every spelling of ``form`` with a capital first letter and at least one small letter ("Php", "PhP", "PHp")."""
    rest = [(c.lower(), c.upper()) for c in form[1:]]
    spelled = {form[0].upper() + "".join(cs) for cs in product(*rest)}
    return {s for s in spelled if s != s.upper()}


def case_variant_markers(codes: Mapping[str, str], symbols: Mapping[str, str], letter_symbols: Mapping[str, str],
                         currencies: Iterable[str], stoplist: Iterable[str], words: frozenset[str]) -> dict[str, str]:
    """The mixed-case spellings news writes of the ISO 4217 codes and the letter symbols of three or more letters
    ("PHP" -> "Php", "PhP"; CLDR's "TSh" -> "Tsh"; "Ksh" -> "Kshs", a symbol's plural, and "Kshs." with its full stop),
    each mapped to its one currency. A spelling two currencies share, one the lexicon already reads ("KSh"), one the
    stoplists leave out, or a marker several currencies share ("Shs" is UGX; "Dhs", "Rs" are markers) is not listed;
    nor a code that is an English word of ``words`` (WordNet's index: "Gel", "Try", "Cad", "Ron", "Nad")."""
    real = frozenset(currencies)
    known = {*codes, *symbols, *letter_symbols}
    stop = {s.lower() for s in stoplist}
    seen: dict[str, set[str]] = {}
    forms = [(c, code, False) for c, code in codes.items() if c.isalpha() and code in real and c.lower() not in words]
    forms += [(s, code, True) for table in (symbols, letter_symbols) for s, code in table.items()
              if len(s) >= 3 and s.isascii() and s.isalpha() and code in real]
    for form, code, plural in forms:
        plurals = {v for v in _mixed_cases(form + "s") if v.endswith("s")} if plural else set()
        for variant in _mixed_cases(form) | plurals:
            if variant in known or variant.lower() in stop:
                continue
            seen.setdefault(variant, set()).add(code)
    single = {v: next(iter(cs)) for v, cs in seen.items() if len(cs) == 1}
    return {**single, **{v + ".": c for v, c in single.items()}}
