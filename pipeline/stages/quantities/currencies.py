"""Currency codes, names and symbols from babel's CLDR data (ISO 4217), read once per process."""
from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache


@dataclass(frozen=True)
class CldrCurrencies:
    """What CLDR knows of the currencies in use today: each table maps a written form to an ISO 4217 code."""

    codes: frozenset[str]
    symbols: dict[str, str]  # "₦" -> NGN, "HK$" -> HKD, "zł" -> PLN (case-sensitive)
    words: dict[str, str]  # "danish kroner" -> DKK, "ringgits" -> MYR (lower-cased)


def _one_to_one(pairs: Iterable[tuple[str, str]]) -> dict[str, str]:
    """Keep only the forms that name one currency: "$" or "kr" (many countries) are left to the lexicon."""
    seen: dict[str, set[str]] = {}
    for form, code in pairs:
        seen.setdefault(form, set()).add(code)
    return {form: next(iter(codes)) for form, codes in seen.items() if len(codes) == 1}


@lru_cache(maxsize=4)
def cldr_currencies(*, symbol_stoplist: frozenset[str], word_stoplist: frozenset[str]) -> CldrCurrencies:
    """The current legal-tender currencies of every territory with their English names and symbols.

    Symbols are the English locale's ("A$", "₹") and each territory's own locale's ("₦", "RM",
    "zł"); names are CLDR's English singular and plural ("Danish krone", "Danish kroner") and
    their last word when only one currency uses it ("ringgit", "naira"). Forms in the
    stoplists (letters that are also English words or abbreviations: "KM", "FC", "real")
    are left out. Cached: the lexicon is compiled once per extractor, the data read once.
    """
    from babel import Locale
    from babel.numbers import get_currency_name

    territories = _territory_locales()
    codes = frozenset(c for _, cs, _ in territories for c in cs if c != "XXX")
    en = Locale("en")
    symbols: list[tuple[str, str]] = [(s, c) for c, s in en.currency_symbols.items() if c in codes]
    for _, currencies, local in territories:
        if local is None:
            continue
        symbols += [(s, c) for c in currencies if (s := local.currency_symbols.get(c))]
    symbols = [(s.strip("\u200b\u200f\u202f "), c) for s, c in symbols]
    words: list[tuple[str, str]] = []
    tails: list[tuple[str, str]] = []
    for code in sorted(codes):
        for count in (1, 2):
            name = get_currency_name(code, count=count, locale=en).lower()
            if name == code.lower():
                continue
            words.append((name, code))
            if " " in name:
                tails.append((name.rsplit(" ", 1)[1], code))
    return CldrCurrencies(
        codes=codes,
        symbols={s: c for s, c in _one_to_one(symbols).items()
                 if s and s != c and s not in symbol_stoplist and not s.isdigit()},
        words={w: c for w, c in {**_one_to_one(tails), **_one_to_one(words)}.items() if w not in word_stoplist},
    )


@lru_cache(maxsize=16)
def cldr_currencies_written(*, names: frozenset[str], symbols: frozenset[str]) -> frozenset[str]:
    """The currencies in use whose CLDR English name ends in one of ``names`` ("Pakistani rupee"; a name of several
    words ends so too: "West African CFA franc" in "cfa franc") or whose symbol in a territory's own locale is one of
    ``symbols`` ("Rs" in Pakistan, "Rs." in Sri Lanka, "FCFA" in Cameroon): a shared marker's choices."""
    from babel import Locale
    from babel.numbers import get_currency_name

    en = Locale("en")
    found: set[str] = set()
    for _, tender, local in _territory_locales():
        currencies = [c for c in tender if c != "XXX"]
        found.update(c for c in currencies if _name_ending(get_currency_name(c, locale=en).lower(), names))
        if local is None:
            continue
        # "F\u202fCFA" (Senegal's own symbol of XOF) is written "F CFA" in the lists
        found.update(c for c in currencies if " ".join(local.currency_symbols.get(c, "").split()) in symbols)
    return frozenset(found)


def _name_ending(name: str, names: frozenset[str]) -> str | None:
    """The ending of the CLDR name ``name`` (one word or several: "cfa franc" of "west african cfa franc") that is one of
    ``names`` or its plural ("cfa francs", "shillings"), or None."""
    words = name.split()
    for size in range(len(words), 0, -1):
        ending = " ".join(words[-size:])
        if ending in names or (ending.endswith("s") and ending[:-1] in names):
            return ending
    return None


@lru_cache(maxsize=16)
def cldr_name_tails(codes: frozenset[str], names: frozenset[str]) -> frozenset[str]:
    """The last words of the CLDR English names, singular and plural, of ``codes`` that are one of ``names`` or its
    plural ("shilling", "shillings" of the Kenyan, Tanzanian, Ugandan and Somali shilling): the words a shared
    marker's currencies are written after a number with ("72.1 trillion shillings"), read as that marker."""
    from babel import Locale
    from babel.numbers import get_currency_name

    en = Locale("en")
    tails = {_name_ending(get_currency_name(c, count=n, locale=en).lower(), names) for c in codes for n in (1, 2)}
    return frozenset(t for t in tails if t)


@lru_cache(maxsize=1)
def _territory_locales() -> tuple[tuple[str, tuple[str, ...], object], ...]:
    """(territory, its legal-tender currencies, its own locale or None), every territory CLDR lists, in order.

    Parsed once per process for every reader above: babel's ``Locale.parse`` of ``und_<territory>`` walks the list
    of locale files on each call, and parsing the 250 territories once per reader was seconds of every start.
    """
    from babel import Locale
    from babel.core import UnknownLocaleError, get_global
    from babel.numbers import get_territory_currencies

    found = []
    for territory in sorted(get_global("territory_currencies")):
        try:
            local = Locale.parse(f"und_{territory}")
        except (UnknownLocaleError, ValueError):
            local = None
        found.append((territory, tuple(get_territory_currencies(territory, tender=True)), local))
    return tuple(found)
