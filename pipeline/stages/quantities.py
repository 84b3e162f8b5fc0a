"""Quantities: money, percentages, counts, measures and ratios read from an article's tokens.

A spaCy ``Matcher`` (compiled once per vocabulary) finds the number-like tokens; from each
one a small grammar reads left to right over the tokens: an optional currency symbol or
code, the number (digit tokens such as "150bn", "2-3%" or "NZ$4" are parsed by
``parse_number_token``; spelled numbers such as "twenty-five" or "a dozen" by
``parse_number_words``), scale words ("billion"), the second end of a range ("to £100,000",
"and 1.0"), then the unit: a percent word, a currency word or code, a measure unit or the
counted noun ("27 member states"). A qualifier before it ("at least") becomes ``approx``
and stays out of ``text``. Every vocabulary lives in ``configs/quantities.toml``.
"""
from __future__ import annotations

import bisect
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, replace

from spacy.matcher import Matcher
from spacy.tokens import Doc, Token

from pipeline.core.article import Article
from pipeline.core.ids import span_id
from pipeline.core.schema import SCHEMAS

COLUMNS: tuple[str, ...] = tuple(SCHEMAS["quantities"].names)

_NUMBER_CORE = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?|\.\d+"
_DASHES = "-–—"


class LexiconError(ValueError):
    """The quantities lexicon lacks a section or key the grammar needs (E401)."""


# ---------------------------------------------------------------------------- lexicon


class _Table:
    """One table of the parsed TOML; a missing key is an E401 error naming its full path."""

    def __init__(self, node: Mapping, path: str = "") -> None:
        self.node = node
        self.path = path

    def __call__(self, key: str):
        if not isinstance(self.node, Mapping) or key not in self.node:
            raise LexiconError(f"[E401] quantities lexicon lacks {self.path + key!r}")
        return self.node[key]

    def table(self, key: str) -> _Table:
        return _Table(self(key), f"{self.path}{key}.")


def _lower_set(values: Iterable[str]) -> frozenset[str]:
    return frozenset(v.lower() for v in values)


def _alternation(keys: Iterable[str]) -> str:
    # longest first so "US$" wins over "$" and "bn" over "b"
    return "|".join(re.escape(k) for k in sorted(set(keys), key=len, reverse=True))


@dataclass(frozen=True)
class Lexicon:
    """The parsed ``configs/quantities.toml``: sets and maps the grammar looks words up in."""

    symbols: Mapping[str, str]
    bare_dollar: frozenset[str]
    codes: Mapping[str, str]
    dollar_family: frozenset[str]
    default_dollar: str
    magnitude_words: Mapping[str, float]
    magnitude_suffixes: Mapping[str, float]
    money_only_spaced: frozenset[str]
    units: Mapping[str, int]
    tens: Mapping[str, int]
    multipliers: Mapping[str, int]
    indefinite: frozenset[str]
    vague: frozenset[str]
    vague_quantifiers: frozenset[str]
    fractions: Mapping[str, int]
    ordinal_fractions: frozenset[str]
    multiples: Mapping[str, int]
    fold_words: Mapping[str, float]
    fold_suffix: str
    addition_joiners: frozenset[str]
    times_words: frozenset[str]
    multiple_followers: frozenset[str]
    fraction_followers: frozenset[str]
    approx: Mapping[str, str]
    approx_after: Mapping[str, str]
    prepositional_approx: frozenset[str]
    preposition_deps: frozenset[str]
    bridge_adverbs: frozenset[str]
    bridge_words: frozenset[str]
    connectors: frozenset[str]
    between: frozenset[str]
    between_joiner: frozenset[str]
    change_openers: frozenset[str]
    change_verbs: frozenset[str]
    ratio_joiners: tuple[str, ...]
    suffix_phrases: Mapping[str, tuple[str, object]]
    suffix_max_tokens: int
    glued_subunits: Mapping[str, tuple[str, float]]
    percent_suffixes: Mapping[str, str]
    percent_signs: Mapping[str, float]
    spaced_m: str
    months: frozenset[str]
    year_min: int
    year_max: int
    modifier_pos: frozenset[str]
    noun_pos: frozenset[str]
    noun_tags: frozenset[str]
    count_deps: frozenset[str]
    plural_suffixes: tuple[str, ...]
    plural_exceptions: tuple[str, ...]
    unit_pos: frozenset[str]
    max_gap: int
    anaphoric_before: frozenset[str]
    one_idioms: frozenset[str]
    one_blockers_before: frozenset[str]
    noun_stoplist: frozenset[str]
    partitive_determiners: frozenset[str]
    identifier_before: frozenset[str]
    name_ok_before: frozenset[str]
    glue: frozenset[str]
    brackets: frozenset[str]
    token_re: re.Pattern

    number_words: frozenset[str]  # every word that can start or anchor a spelled quantity


def compile_lexicon(raw: Mapping) -> Lexicon:
    """Build the lookup tables and the one token regex from the parsed TOML lexicon."""
    root = _Table(raw)
    cur, nums, mags = root.table("currency"), root.table("numbers"), root.table("magnitudes")
    pct, meas, dates = root.table("percent"), root.table("measures"), root.table("dates")
    counts, excl, rng = root.table("counts"), root.table("exclude"), root.table("ranges")
    bridge, prep = root.table("approx_bridge"), root.table("approx_prepositions")
    symbols = dict(cur("symbols"))
    code_aliases = dict(cur.node.get("code_aliases", {}))
    codes = {c: code_aliases.get(c, c) for c in cur("codes")}
    words = {k.lower(): v for k, v in cur("words").items()}
    subunits = {k.lower(): (v[0], float(v[1])) for k, v in cur("subunits").items()}

    # One table for what may follow a number, by priority: percent, money, measure, time.
    suffix_phrases: dict[str, tuple[str, object]] = {}
    for key in dates("time_units"):
        suffix_phrases[key.lower()] = ("time", None)
    for key, unit in meas("units").items():
        suffix_phrases[key.lower()] = ("measure", unit)
    for key, (code, factor) in subunits.items():
        if len(key) > 1:  # one-letter minor units ("50p") only glued to the number
            suffix_phrases[key] = ("subunit", (code, factor))
    for key, code in words.items():
        suffix_phrases[key] = ("currency", code)
    for key, unit in pct("units").items():
        suffix_phrases[key.lower()] = ("percent", unit)
    glued_subunits = {k: v for k, v in subunits.items() if len(k) == 1}

    mag_suffixes = {k.lower(): float(v) for k, v in mags("suffixes").items()}
    pct_suffixes = dict(pct("suffixes"))
    currency_prefix = _alternation([*symbols, *codes])
    suffix = (
        f"(?i:{_alternation(mag_suffixes)})(?:{_alternation(pct_suffixes)})?"
        f"|{_alternation(pct_suffixes)}|{_alternation(glued_subunits)}"
    )

    def end(n: int) -> str:
        return f"(?P<c{n}>{currency_prefix})?(?P<n{n}>{_NUMBER_CORE})(?P<s{n}>{suffix})?"

    token_re = re.compile(f"^{end(1)}(?:[{_DASHES}]{end(2)})?$")
    approx = {" ".join(k.lower().split()): v for k, v in root("approx").items()}
    # "fivefold", "tenfold", "hundredfold": a number word with the multiplying suffix
    fold_suffix = str(nums("fold_suffix")).lower()
    fold_words = {
        f"{word.lower()}{fold_suffix}": float(value)
        for table in (nums("units"), nums("tens"), nums("multipliers"), mags("words"))
        for word, value in table.items()
    }
    return Lexicon(
        symbols=symbols,
        bare_dollar=frozenset(cur("bare_dollar")),
        codes=codes,
        dollar_family=frozenset(cur("dollar_family")),
        default_dollar=cur("default_dollar"),
        magnitude_words={k.lower(): float(v) for k, v in mags("words").items()},
        magnitude_suffixes=mag_suffixes,
        money_only_spaced=_lower_set(mags("money_only_spaced")),
        units=dict(nums("units")),
        tens=dict(nums("tens")),
        multipliers=dict(nums("multipliers")),
        indefinite=_lower_set(nums("indefinite")),
        vague=_lower_set(nums("vague")),
        vague_quantifiers=_lower_set(nums("vague_quantifiers")),
        fractions=dict(nums("fractions")),
        ordinal_fractions=_lower_set(nums("ordinal_fractions")),
        multiples=dict(nums("multiples")),
        fold_words=fold_words,
        fold_suffix=fold_suffix,
        addition_joiners=_lower_set(nums("addition_joiners")),
        times_words=_lower_set(nums("times_words")),
        multiple_followers=_lower_set(nums("multiple_followers")),
        fraction_followers=_lower_set(nums("fraction_followers")),
        approx=approx,
        approx_after={" ".join(k.lower().split()): v for k, v in root("approx_after").items()},
        prepositional_approx=_lower_set(prep("words")),
        preposition_deps=frozenset(prep("deps")),
        bridge_adverbs=_lower_set(bridge("adverbs")),
        bridge_words=_lower_set(bridge("words")),
        connectors=frozenset(rng("connectors")),
        between=_lower_set(rng("between")),
        between_joiner=_lower_set(rng("between_joiner")),
        change_openers=_lower_set(rng("change_openers")),
        change_verbs=_lower_set(rng("change_verbs")),
        ratio_joiners=tuple(" ".join(w.lower().split()) for w in rng("ratio_joiners")),
        suffix_phrases=suffix_phrases,
        # a phrase may also be split at glued punctuation ("km/h" is three tokens)
        suffix_max_tokens=max(len(k.split()) for k in suffix_phrases) + 3,
        glued_subunits=glued_subunits,
        percent_suffixes=pct_suffixes,
        percent_signs={k: float(v) for k, v in pct("signs").items()},
        spaced_m=meas("spaced_m"),
        months=frozenset(dates("months")),
        year_min=int(dates("year_min")),
        year_max=int(dates("year_max")),
        modifier_pos=frozenset(counts("modifier_pos")),
        noun_pos=frozenset(counts("noun_pos")),
        noun_tags=frozenset(counts("noun_tags")),
        count_deps=frozenset(counts("count_deps")),
        plural_suffixes=tuple(counts("plural_suffixes")),
        plural_exceptions=tuple(counts("plural_exceptions")),
        unit_pos=frozenset(counts("unit_pos")),
        max_gap=int(counts("max_gap")),
        anaphoric_before=_lower_set(counts("anaphoric_before")),
        one_idioms=_lower_set(counts("one_idioms")),
        one_blockers_before=_lower_set(counts("one_blockers_before")),
        noun_stoplist=_lower_set(counts("noun_stoplist")),
        partitive_determiners=_lower_set(counts("partitive_determiners")),
        identifier_before=_lower_set(excl("identifier_before")),
        name_ok_before=frozenset(excl("name_ok_before")),
        glue=frozenset(excl("glue")),
        brackets=frozenset(excl("brackets")),
        token_re=token_re,
        number_words=_lower_set(
            [*nums("units"), *nums("tens"), *nums("multipliers"),
             *mags("words"), *nums("vague"), *nums("fractions"),
             *nums("multiples"), *fold_words]
        ),
    )


# ------------------------------------------------------------------- token parsers


@dataclass(frozen=True)
class TokenNumber:
    """What one digit token says: "150bn" -> 1.5e11; "2-3%" -> 2..3 percent; "NZ$4" -> NZD 4."""

    low: float
    high: float
    currency: str | None  # ISO code, or "$" for a dollar the article must decide
    currency_rule: str | None  # "symbol" | "iso_code"
    scaled: bool  # a scale suffix ("bn") was written
    factor: float  # that scale (1.0 without one)
    unit_kind: str | None  # "percent" | "subunit"
    unit: str | None
    is_range: bool
    decimal: bool


def _to_float(text: str) -> float:
    return float(text.replace(",", ""))


def _currency_of(text: str | None, lex: Lexicon) -> tuple[str | None, str | None]:
    if not text:
        return None, None
    if text in lex.symbols:
        return ("$" if text in lex.bare_dollar else lex.symbols[text]), "symbol"
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
    for n in (n1, n2):
        if n and len(n) > 1 and n[0] == "0" and n[1] != ".":
            return None  # "07", "0049": codes and phone numbers, not amounts
    s1 = _read_suffix(m.group("s1"), lex)
    currency, rule = _currency_of(m.group("c1"), lex)
    low = _to_float(n1) * s1.factor
    if n2 is None:
        if s1.unit_kind == "subunit":
            currency, rule = s1.unit, "currency_word"
        return TokenNumber(low, low, currency, rule, s1.scaled, s1.factor if s1.scaled else 1.0,
                           s1.unit_kind, s1.unit if s1.unit_kind == "percent" else None, False, "." in n1)
    s2 = _read_suffix(m.group("s2"), lex)
    high = _to_float(n2) * s2.factor
    cur2, rule2 = _currency_of(m.group("c2"), lex)
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
        mult = lex.multipliers[words[i]]
        value, i = value * mult, i + 1
        if mult == 100 and i < len(words):  # "one hundred and fifty", "two hundred five"
            rest = _small_number(words, i + 1 if words[i] == "and" else i, lex)
            if rest is not None:
                value, i = value + rest[0], rest[1]
    if value is None:
        return None
    if (i + 2 < len(words) and words[i] in lex.addition_joiners and words[i + 1] in lex.indefinite
            and words[i + 2] in lex.fractions and words[i + 2] not in lex.ordinal_fractions):
        value, i = value + 1.0 / lex.fractions[words[i + 2]], i + 3  # "one and a half million"
    return value * factor, i


def _small_number(words: Sequence[str], i: int, lex: Lexicon) -> tuple[float, int] | None:
    """1-99 spelled at ``words[i]`` ("seven", "twenty", "twenty - five"): (value, next index)."""
    if i >= len(words):
        return None
    w = words[i]
    if w in lex.units:
        return float(lex.units[w]), i + 1
    if w in lex.tens:
        value = float(lex.tens[w])
        if i + 2 < len(words) and words[i + 1] in _DASHES and words[i + 2] in lex.units and lex.units[words[i + 2]] < 10:
            return value + lex.units[words[i + 2]], i + 3
        if i + 1 < len(words) and words[i + 1] in lex.units and 0 < lex.units[words[i + 1]] < 10:
            return value + lex.units[words[i + 1]], i + 2
        return value, i + 1
    return None


def normalise_space(text: str) -> str:
    """Collapse every run of whitespace to one space (for `unit` and `approx`, never `text`)."""
    return " ".join(text.split())


# --------------------------------------------------------------------------- grammar


@dataclass(frozen=True)
class _Quantity:
    """A quantity being read: token extent [start, end) and what it states."""

    start: int
    end: int
    num_start: int
    num_end: int
    low: float | None
    high: float | None
    kind: str | None = None  # money | percent | measure | count | ratio
    unit: str | None = None
    unit_rule: str | None = None
    scaled: bool = False
    factor: float = 1.0  # the scale written after the number ("billion" -> 1e9)
    trim: int = 0  # characters of the last token outside the span (the full stop of "£1m.")
    is_range: bool = False
    decimal: bool = False
    words: bool = False  # spelled out ("two"), not digits
    vague: bool = False  # "dozens": an amount with no value
    drop: bool = False  # a duration or a date: the dates table owns it
    inner_approx: str | None = None  # a qualifier of a range's second end ("10 to over 20"), normalised


class _Reader:
    """Reads quantities from one Doc; holds the per-document context the rules look at."""

    def __init__(self, doc: Doc, lex: Lexicon, date_spans: Sequence[tuple[int, int]]):
        self.doc = doc
        self.n = len(doc)
        self.lex = lex
        spans = sorted(date_spans)
        self.date_starts = [s for s, _ in spans]
        # the furthest end among the spans starting at or before each one: overlap in O(log n)
        self.date_reach: list[int] = []
        for _, end in spans:
            self.date_reach.append(max(end, self.date_reach[-1]) if self.date_reach else end)

    # ---- small lookups

    def tok(self, i: int) -> Token | None:
        return self.doc[i] if 0 <= i < self.n else None

    def lower(self, i: int) -> str:
        return self.doc[i].lower_ if 0 <= i < self.n else ""

    def glued(self, i: int) -> bool:
        """True when token i is written with no space before token i + 1."""
        return 0 <= i < self.n - 1 and not self.doc[i].whitespace_

    def in_date(self, start_char: int, end_char: int) -> bool:
        """True when [start_char, end_char) overlaps one of the article's date spans."""
        k = bisect.bisect_left(self.date_starts, end_char)
        return k > 0 and self.date_reach[k - 1] > start_char

    def currency_token(self, i: int) -> tuple[str, str] | None:
        t = self.tok(i)
        if t is None:
            return None
        if t.text in self.lex.symbols:
            return _currency_of(t.text, self.lex)  # type: ignore[return-value]
        if t.text in self.lex.codes:
            return self.lex.codes[t.text], "iso_code"
        return None

    def suffix_at(self, j: int) -> tuple[str, object, int] | None:
        """The longest unit phrase starting at token j: (kind, unit, tokens) or None."""
        t = self.tok(j)
        if t is None:
            return None
        if t.text in self.lex.codes:
            return "currency", self.lex.codes[t.text], 1
        best = None
        key = ""
        for k in range(j, min(self.n, j + self.lex.suffix_max_tokens)):
            if k > j and self.doc[k].is_sent_start:
                break
            key += self.doc[k].lower_
            hit = self.lex.suffix_phrases.get(key)
            if hit:
                best = (hit[0], hit[1], k - j + 1)
            key += " " if self.doc[k].whitespace_ else ""
        return best

    # ---- numbers

    def number_at(self, i: int, money: bool) -> _Quantity | None:
        """The number starting at token i with its scale words, or None."""
        t = self.tok(i)
        if t is None:
            return None
        lex = self.lex
        text = t.text
        if any(c.isdigit() for c in text):
            tn = parse_number_token(text, lex)
            sign = 1.0
            if tn is None and text[:1] in lex.percent_signs:
                tn, sign = self._signed_percent(i), lex.percent_signs[text[:1]]
            if tn is None:
                return None
            q = _Quantity(i, i + 1, i, i + 1, tn.low * sign, tn.high * sign, scaled=tn.scaled, factor=tn.factor,
                          is_range=tn.is_range, decimal=tn.decimal)
            if tn.unit_kind == "percent":
                q = replace(q, kind="percent", unit=tn.unit, unit_rule="percent")
            if tn.currency:
                q = replace(q, kind="money", unit=tn.currency, unit_rule=tn.currency_rule)
            return self._scale(q, money or tn.currency is not None)
        lower = t.lower_
        if lower in lex.vague:
            return _Quantity(i, i + 1, i, i + 1, None, None, words=True, vague=True)
        words = [self.lower(k) for k in range(i, min(self.n, i + 8))]
        parsed = parse_number_words(words, lex)
        if parsed is None:
            return None
        value, size = parsed
        q = _Quantity(i, i + size, i, i + size, value, value, words=True)
        return self._scale(q, money)

    def _signed_percent(self, i: int) -> TokenNumber | None:
        """The number of a signed change ("+29 %", "-3%", "−0.5pp"), read without its sign.

        A sign makes an amount only before a percent unit and apart from a preceding word or
        number: "+49 30" (a dialling code) and "COVID-19" stay codes.
        """
        text = self.doc[i].text
        tn = parse_number_token(text[1:], self.lex)
        if tn is None or tn.currency or tn.is_range:
            return None  # a signed range ("-2-3%") has no reading we can trust
        if i > 0 and (self.glued(i - 1) and self.doc[i - 1].text[-1:].isalnum() or self.doc[i - 1].like_num):
            return None  # "COVID-19", "2 -3%": part of a name or of a range, not a signed change
        if tn.unit_kind == "percent":
            return tn
        hit = self.suffix_at(i + 1)
        return tn if tn.unit_kind is None and hit is not None and hit[0] == "percent" else None

    def _scale(self, q: _Quantity, money: bool) -> _Quantity:
        """Apply the scale words after a number ("150 billion", "5 bn", "£3 m", "2 dozen")."""
        lex = self.lex
        j, factor, scaled = q.end, 1.0, q.scaled
        while j < self.n:
            t = self.doc[j]
            if j > q.start and t.is_sent_start:
                break
            lower = t.lower_
            glued = self.glued(j - 1)
            trim = 0
            if lower.endswith(".") and lower[:-1] in lex.magnitude_suffixes and glued:
                # the tokenizer keeps "m." of "£1m." as an abbreviation: scale plus full stop
                lower, trim = lower[:-1], 1
            if lower in lex.magnitude_words:
                factor *= lex.magnitude_words[lower]
            elif lower in lex.multipliers and not q.words and lex.multipliers[lower] != 100:
                factor *= lex.multipliers[lower]
            elif lower in lex.magnitude_suffixes and not scaled and (
                glued or lower not in lex.money_only_spaced or money or self._currency_follows(j + 1)
            ):
                factor *= lex.magnitude_suffixes[lower]
            else:
                break
            scaled = True
            j += 1
            if trim:
                break
        if j == q.end:
            return q
        low = q.low * factor if q.low is not None else None
        high = q.high * factor if q.high is not None else None
        return replace(q, end=j, num_end=j, low=low, high=high, scaled=True, factor=q.factor * factor, trim=trim)

    def _currency_follows(self, j: int) -> bool:
        hit = self.suffix_at(j)
        return bool(hit and hit[0] in ("currency", "subunit"))

    def operand_at(self, i: int) -> _Quantity | None:
        """Optional currency, number, scale and unit from token i ("£50,000", "3 percent")."""
        cur = self.currency_token(i)
        if cur is not None:
            q = self.number_at(i + 1, money=True)
            if q is None or q.kind == "percent":
                return None
            if q.kind != "money":
                q = replace(q, kind="money", unit=cur[0], unit_rule=cur[1])
            q = replace(q, start=i)
        else:
            q = self.number_at(i, money=False)
            if q is None:
                return None
        return self._unit_after(q)

    def _unit_after(self, q: _Quantity) -> _Quantity:
        """Attach a percent, currency, measure or time unit written right after the number."""
        j = q.end
        if q.kind == "percent" and q.is_range and self.glued(j - 1):
            hit = self.suffix_at(j)  # "5.25%-5.5" + "%": the tokenizer split the last sign off
            if hit and hit[0] == "percent" and hit[1] == q.unit:
                return replace(q, end=j + hit[2])
        if q.kind in ("money", "percent") or q.trim:
            return q  # the token already said it: "£5bn", "65%", "50p"
        if self.glued(j - 1) and self.lower(j) in _DASHES and self.glued(j):
            # a number glued to a word by a hyphen: "10-year", "1,300-mile", "a 27-member bloc"
            hit = self.suffix_at(j + 1)
            if hit and hit[0] == "time":  # a duration: the dates table owns it
                return replace(q, drop=True)
            if hit and hit[0] == "measure":
                return replace(q, end=j + 1 + hit[2], kind="measure", unit=hit[1], unit_rule="measure_unit")
            nxt = self.doc[j + 1]
            if nxt.lower_ == self.lex.fold_suffix and q.kind is None:  # "10-fold", "five-fold"
                return replace(q, end=j + 2, kind="ratio")
            if nxt.is_alpha and nxt.lower_ not in self.lex.number_words:
                return replace(q, drop=True)  # an attribute of the next noun, not an amount
        hit = self.suffix_at(j)
        if hit is None:
            if self.lower(j) == self.lex.spaced_m and self.tok(j) is not None and not q.kind and not q.vague:
                return replace(q, end=j + 1, kind="measure", unit=self.lex.spaced_m, unit_rule="measure_unit")
            return q
        kind, unit, size = hit
        if kind == "time":
            return replace(q, drop=True)
        if kind == "percent":
            return replace(q, end=j + size, kind="percent", unit=unit, unit_rule="percent")
        if kind == "currency":
            rule = "iso_code" if self.doc[j].text in self.lex.codes else "currency_word"
            return replace(q, end=j + size, kind="money", unit=unit, unit_rule=rule)
        if kind == "subunit":
            code, factor = unit  # type: ignore[misc]
            low = q.low * factor if q.low is not None else None
            high = q.high * factor if q.high is not None else None
            return replace(q, end=j + size, kind="money", unit=code, unit_rule="currency_word", low=low, high=high)
        return replace(q, end=j + size, kind="measure", unit=unit, unit_rule="measure_unit")

    # ---- the whole expression

    def read(self, i: int) -> _Quantity | None:
        """Read the quantity whose number starts at (or whose currency precedes) token i."""
        lex = self.lex
        start = i
        if self.currency_token(i - 1) is not None:
            start = i - 1
        elif self.lower(i - 1) in lex.indefinite and (
            self.lower(i) in lex.multipliers or self.lower(i) in lex.magnitude_words
        ):
            start = i - 1
        elif (vague := self._vague_scale(i)) is not None:
            return self._complete(vague)
        lower = self.lower(start)
        if lower in lex.fold_words:  # "rise fivefold": a multiplier
            value = lex.fold_words[lower]
            return _Quantity(i, i + 1, i, i + 1, value, value, kind="ratio", words=True)
        if lower in lex.fractions and self.lower(i - 1) in lex.indefinite:
            if self.lower(i - 2) in lex.addition_joiners:
                # "a year and a half": a part added to the unit before it, not a share of something
                return _Quantity(i - 1, i + 1, i - 1, i + 1, None, None, drop=True)
            return self._fraction_or_multiple(i - 1)  # "a third of", "a quarter of"
        if lower in lex.fractions or (lower in lex.multiples and lower not in lex.units):
            return self._fraction_or_multiple(start)
        q = self.operand_at(start)
        if q is None:
            return None
        if q.words and self.lower(q.end) in _DASHES and self.glued(q.end - 1) and self.lower(q.end + 1) in lex.fractions:
            return self._fraction_or_multiple(start)  # "two-thirds of"
        if q.words and self.lower(q.end) in lex.fractions and self.lower(q.end) != "half":
            return self._fraction_or_multiple(start)  # "two thirds of"
        if self.lower(q.end) in lex.times_words:
            return self._times(q)
        if q.kind is None and not q.is_range:
            ratio = self._one_in(q)
            if ratio is not None:
                return ratio
        q = self._range(q)
        if q.drop:
            return q
        if q.kind is None:
            q = self._noun(q)
        return q

    def _complete(self, q: _Quantity) -> _Quantity:
        """Add the unit written after a number, or else its counted noun."""
        q = self._unit_after(q)
        return q if q.kind or q.drop else self._noun(q)

    def _vague_scale(self, i: int) -> _Quantity | None:
        """ "several hundred troops", "a few thousand", "many millions": an amount with no value."""
        lex = self.lex
        if self.lower(i) not in lex.multipliers and self.lower(i) not in lex.magnitude_words:
            return None
        start = None
        for size in (2, 1):
            key = " ".join(self.lower(k) for k in range(i - size, i))
            if i - size >= 0 and key in lex.vague_quantifiers:
                start = i - size
                break
        if start is None:
            return None
        j = i
        while self.lower(j) in lex.multipliers or self.lower(j) in lex.magnitude_words:
            j += 1
        return _Quantity(start, j, start, j, None, None, words=True, vague=True, scaled=True)

    def _range(self, q: _Quantity) -> _Quantity:
        """Join a second end: "£50,000 to £100,000", "2-3%", "between 2 and 3 percent", "one or two"."""
        lex = self.lex
        if q.drop or q.is_range or q.vague or q.trim:
            return q
        j = q.end
        conn = self.lower(j)
        # the word opening the range stands before any qualifier ("from roughly ten to 200")
        open_at = q.start - 1 - self._qualifier_size(q.start)
        opener = self.lower(open_at)
        if opener in lex.between:
            if conn not in lex.between_joiner:
                return q
        elif j >= self.n or self.doc[j].text not in lex.connectors:
            return q
        if j + 1 >= self.n or self.doc[j + 1].is_sent_start:
            return q
        other = self.operand_at(j + 1)
        inner = None
        if other is None:
            # the second end may carry its own qualifier: "from 250,000 to over 480,000 troops"
            size, inner = next(((size, found) for size in (3, 2, 1)
                                if (found := self._qualifier(j + 1, j + 1 + size)) is not None), (0, None))
            if size:
                other = self.operand_at(j + 1 + size)
        if other is None or other.is_range or other.vague or other.drop:
            return replace(q, drop=True) if other is not None and other.drop else q
        if q.words != other.words and conn == "or":
            return q
        if q.kind and other.kind and (q.kind, q.unit) != (other.kind, other.unit):
            return q
        if q.kind and not other.kind and q.kind != "money":
            return q  # "5% to 10 countries": two things
        low, high = q.low, other.high
        if other.factor != 1.0 and q.factor == 1.0 and low is not None:
            if low * other.factor <= high:  # "5 to 10 billion", "€1-2bn": the scale covers both
                low *= other.factor
        if opener in lex.change_openers and conn == "to" and self._states_change(open_at):
            # "from 20 to 30 percent" states a change: the first end alone, in the second's unit
            if q.kind is None and other.kind and low is not None:
                return replace(q, kind=other.kind, unit=other.unit, unit_rule=other.unit_rule, low=low, high=low)
            return q
        if conn == "to" and q.kind and other.kind and self._after_change_verb(q.start):
            return q  # "rose $1.20 to $78.40", "fell 0.5% to 3.2%": a change and a level
        if low is None or high is None or low > high:
            return q
        kind = q.kind or other.kind
        unit = q.unit or other.unit
        rule = q.unit_rule or other.unit_rule
        return replace(q, end=other.end, num_end=other.num_end, low=low, high=high, kind=kind, unit=unit,
                       unit_rule=rule, is_range=True, scaled=q.scaled or other.scaled,
                       decimal=q.decimal or other.decimal, words=q.words and other.words, inner_approx=inner)

    def _states_change(self, opener: int) -> bool:
        """True when "from" belongs to a verb of change ("rose from 2% to 3%"), not a span
        ("ranging from $5bn to $10bn", "costs run from £1 to £2")."""
        doc = self.doc
        if doc[opener].head.lemma_.lower() in self.lex.change_verbs:
            return True
        for k in range(opener - 1, max(-1, opener - 5), -1):
            if doc[k].pos_ in ("VERB", "AUX") or doc[k].is_punct:
                return doc[k].lemma_.lower() in self.lex.change_verbs
        return False

    def _after_change_verb(self, start: int) -> bool:
        """True when a verb of change comes right before token ``start`` ("rose 5%", "fell by 2%")."""
        for k in range(start - 1, max(-1, start - 4), -1):
            t = self.doc[k]
            if t.pos_ in ("VERB", "AUX"):
                return t.lemma_.lower() in self.lex.change_verbs
            if t.pos_ not in ("ADV", "ADP", "PART") and t.lower_ not in self.lex.approx:
                return False
        return False

    def _noun(self, q: _Quantity) -> _Quantity:
        """Attach the counted noun ("27 member states", "dozens of civilians", "five of the drones")."""
        lex = self.lex
        j = q.end
        if self.lower(j) == "of":
            return self._of_phrase(q, j)
        head = self._head_noun(q, j)
        if head is None:
            return q
        if self.doc[head].lower_ in lex.noun_stoplist:
            return q
        if self._is_time_word(head):
            return replace(q, drop=True)  # "the next two weeks": a duration
        return replace(q, end=head + 1, kind="count", unit=self._unit_text(j, head), unit_rule="counted_noun")

    def _unit_text(self, first: int, head: int) -> str:
        """The counted noun as written, plural kept: the head with the common nouns compounded
        before it ("member states", "sub-themes"), without adjectives or names ("EU leaders")."""
        doc = self.doc
        start = head
        title = doc[head].pos_ == "PROPN"  # "27 Member States": its title-case compounds too
        while start > first and (
            doc[start - 1].pos_ in self.lex.unit_pos
            or (doc[start - 1].text in _DASHES and self.glued(start - 2) and self.glued(start - 1))
            or (title and doc[start - 1].dep_ == "compound" and doc[start - 1].text.istitle())
        ):
            start -= 1
        while start < head and doc[start].text in _DASHES:
            start += 1
        return normalise_space(doc[start:head + 1].text)

    def _is_time_word(self, k: int) -> bool:
        """True when token k names a unit of time ("weeks", "decade")."""
        t = self.doc[k]
        for key in (t.lower_, t.lemma_.lower()):
            hit = self.lex.suffix_phrases.get(key)
            if hit and hit[0] == "time":
                return True
        return False

    def _head_noun(self, q: _Quantity, j: int) -> int | None:
        """Index of the counted noun after the number, or None when nothing countable follows."""
        lex = self.lex
        doc = self.doc
        limit = min(self.n, j + lex.max_gap + 1)

        def allowed(k: int) -> bool:
            t = doc[k]
            if k > j and t.is_sent_start:
                return False
            if t.text in _DASHES:
                return self.glued(k - 1) and self.glued(k) and k > j
            if any(c.isdigit() for c in t.text):
                # a model or code name between number and noun: "12 F-16 jets"
                return any(c.isalpha() for c in t.text)
            if t.pos_ == "VERB":
                # a participle modifying a noun ahead ("25 newly trained soldiers"), not one
                # heading its own clause ("nine dead following strikes")
                return (t.tag_ in ("VBN", "VBG") and k + 1 < self.n and doc[k + 1].pos_ in lex.noun_pos | {"ADJ"}
                        and t.head.i > k)
            return t.pos_ in lex.modifier_pos

        def is_noun(k: int) -> bool:
            t = doc[k]
            return (t.pos_ in lex.noun_pos or t.tag_ in lex.noun_tags) and not any(c.isdigit() for c in t.text)

        number = doc[q.num_end - 1]
        head = number.head.i
        if j <= head < limit and (is_noun(head) or self._plural_title(number)) and all(
            allowed(k) for k in range(j, head + 1)
        ):
            return self._compound_end(head)
        k = j
        while k < limit and allowed(k):
            t = doc[k]
            if is_noun(k):
                nxt = k + 1
                if nxt < self.n and (
                    (doc[nxt].pos_ in lex.noun_pos and allowed(nxt) and nxt < limit and doc[nxt].tag_ != "NNP")
                    or (doc[nxt].text in _DASHES and allowed(nxt))
                ):
                    k += 1
                    continue
                return k
            k += 1
        return None

    def _plural_title(self, number: Token) -> bool:
        """True when the number counts a capitalised plural the tagger calls a name: "the 27
        Member States", "all 32 Allies" (the number modifies it; a name's number follows it)."""
        head = number.head
        return (number.dep_ in self.lex.count_deps and head.pos_ == "PROPN" and head.text[:1].isupper()
                and head.text.endswith(self.lex.plural_suffixes) and not head.text.endswith(self.lex.plural_exceptions))

    def _compound_end(self, head: int) -> int:
        """Move a head that is only the first part of a compound to its end ("sub-themes")."""
        doc = self.doc
        while head + 2 < self.n:
            if doc[head + 1].text in _DASHES and self.glued(head) and self.glued(head + 1) and doc[head + 2].is_alpha:
                head += 2
            elif doc[head].dep_ == "compound" and doc[head].head.i == head + 1 and doc[head + 1].pos_ in self.lex.noun_pos:
                head += 1
            else:
                break
        return head

    def _of_phrase(self, q: _Quantity, j: int) -> _Quantity:
        """ "dozens of civilians", "millions of euros", "five of the drones", "one of" (pronoun)."""
        lex = self.lex
        if not q.vague:
            if q.words and q.low == 1:
                return replace(q, drop=True)  # "one of those instruments": a pronoun
            k = j + 1
            if self.lower(k) not in lex.partitive_determiners:
                return q
            if self.doc[k].pos_ == "PRON":
                return replace(q, kind="count")
            first = k + 2 if self.doc[k + 1].like_num else k + 1  # "2,500 of the 5,000 troops"
            head = self._head_noun(q, first) if first < self.n else None
            if head is None:
                return q
            return replace(q, kind="count", unit=self._unit_text(first, head), unit_rule="counted_noun")
        # vague: "tens of thousands of people", "hundreds of millions of dollars"
        k = j
        while self.lower(k) == "of" and (self.lower(k + 1) in lex.vague or self.lower(k + 1) in lex.magnitude_words):
            k += 2
        end = k
        if self.lower(k) == "of":
            hit = self.suffix_at(k + 1)
            if hit and hit[0] == "currency":
                rule = "iso_code" if self.doc[k + 1].text in lex.codes else "currency_word"
                return replace(q, end=k + 1 + hit[2], kind="money", unit=hit[1], unit_rule=rule)
            if hit and hit[0] == "time":
                return replace(q, drop=True)  # "hundreds of years"
            head = self._head_noun(q, k + 1)
            if head is not None and self.lower(head) not in lex.noun_stoplist:
                return replace(q, end=head + 1, kind="count", unit=self._unit_text(k + 1, head),
                               unit_rule="counted_noun")
        return replace(q, end=end)

    def _one_in(self, q: _Quantity) -> _Quantity | None:
        """ "one in five adults", "1 in 10": a ratio, the text ending at the second number."""
        for joiner in self.lex.ratio_joiners:
            words = joiner.split()
            if all(self.lower(q.end + n) == w for n, w in enumerate(words)):
                other = self.number_at(q.end + len(words), money=False)
                if other is None or other.low is None or other.is_range or q.low is None or not q.low < other.low:
                    return None  # a share is a part of a whole: "2020 in 5 cities" is not one
                value = q.low / other.low
                return replace(q, end=other.end, num_end=other.end, low=value, high=value, kind="ratio",
                               decimal=True)
        return None

    def _times(self, q: _Quantity) -> _Quantity | None:
        """ "three times the size" is a multiplier (ratio); "met three times" is not a quantity."""
        j = q.end
        if q.kind is None and self.lower(j + 1) in self.lex.multiple_followers and q.low is not None:
            return replace(q, end=j + 1, kind="ratio")
        return None

    def _fraction_or_multiple(self, i: int) -> _Quantity | None:
        """ "half the budget", "a third of", "two-thirds of", "twice as many": ratios."""
        lex = self.lex
        lower = self.lower(i)
        if lower in lex.multiples:
            t = self.doc[i]
            if t.pos_ == "VERB" or self.lower(i + 1) not in lex.multiple_followers:
                return None
            value = float(lex.multiples[lower])
            return _Quantity(i, i + 1, i, i + 1, value, value, kind="ratio", words=True)
        numerator, j = 1.0, i
        if lower in lex.fractions:
            if lower in lex.ordinal_fractions:
                return None  # "the third": an ordinal
            if self.lower(i + 1) in lex.indefinite:
                q = self.number_at(i, money=False)  # "half a million"
                return None if q is None else self._complete(q)
        else:
            if lower in lex.indefinite:
                j = i + 1
            else:
                parsed = parse_number_words([self.lower(k) for k in range(i, min(self.n, i + 4))], lex)
                if parsed is None:
                    return None
                numerator, j = parsed[0], i + parsed[1]
            if self.lower(j) in _DASHES:
                j += 1
        denom_word = self.lower(j)
        if denom_word not in lex.fractions or self.lower(j + 1) not in lex.fraction_followers:
            return None
        value = numerator / lex.fractions[denom_word]
        return _Quantity(i, j + 1, i, j + 1, value, value, kind="ratio", words=True)

    # ---- context rules

    def approx_before(self, start: int, kind: str | None = None) -> str | None:
        """The qualifier written right before token ``start`` ("at least", "some"), normalised.

        Before counted things (``kind`` "count") a preposition the parser hangs on a verb names a
        place or a topic ("structured around three functions"); before an amount it is a bound
        ("stay below 1.5°C").
        """
        lex = self.lex
        size = self._qualifier_size(start)
        if size == 1 and kind == "count" and self._governed_preposition(start - 1):
            return None
        if size:
            return self._qualifier(start - size, start)
        if self.lower(start - 1) in lex.bridge_words and self.lower(start - 2) in lex.bridge_adverbs:
            return lex.approx.get(self.lower(start - 2))
        return None

    def _qualifier(self, lo: int, hi: int) -> str | None:
        """The qualifier written as tokens ``lo`` to ``hi - 1`` ("at least"), normalised, or None."""
        if lo < 0 or hi > self.n:
            return None
        return self.lex.approx.get(normalise_space(" ".join(self.lower(k) for k in range(lo, hi))))

    def _qualifier_size(self, start: int) -> int:
        """How many tokens right before token ``start`` form a qualifier ("at least": 2), or 0."""
        return next((size for size in (3, 2, 1) if self._qualifier(start - size, start) is not None), 0)

    def _governed_preposition(self, k: int) -> bool:
        """True when token k ("around", "over") is a preposition the parser hangs on a verb
        ("shot down over four regions"), not a modifier of the number ("over 40 drones")."""
        t = self.doc[k]
        return (t.lower_ in self.lex.prepositional_approx and t.dep_ in self.lex.preposition_deps
                and t.head.pos_ in ("VERB", "AUX") and t.head.i < k)

    def approx_after(self, end: int) -> str | None:
        key = normalise_space(f"{self.lower(end)} {self.lower(end + 1)}")
        return self.lex.approx_after.get(key)

    def excluded(self, q: _Quantity, approx: str | None) -> bool:
        """True when the number is an identifier, a year, a date part, a pronoun or a code."""
        lex = self.lex
        doc = self.doc
        first, last = doc[q.num_start], doc[q.num_end - 1]
        if self.in_date(first.idx, last.idx + len(last.text)):
            return True
        before = q.start - 1
        prev = self.lower(before)
        if prev == "." and before > 0:  # "Art. 7": the abbreviation's full stop is its own token
            prev = self.lower(before - 1)
        if prev.rstrip(".") in lex.identifier_before and q.kind not in ("money", "percent"):
            return True
        if q.kind not in ("money", "percent") and self._glued_to_code(q):
            return True
        if q.start > 0 and doc[q.start - 1].text in lex.months:
            return True
        if self.tok(q.num_end) is not None and doc[q.num_end].text in lex.months:
            return True
        if q.kind in ("money", "percent", "measure"):
            return False
        return self._count_excluded(q, approx, prev)

    def _glued_to_code(self, q: _Quantity) -> bool:
        """True when the number touches a code character: "3 /2022", "#5", "F-35", "20-21" tails."""
        lex = self.lex
        doc = self.doc
        before = q.start - 1
        if self.tok(before) is not None and self.glued(before) and (
            doc[before].text in lex.glue
            or (doc[before].text in _DASHES and self.glued(before - 1) and doc[before - 1].is_alpha)
            or (doc[before].text in _DASHES and self.glued(before - 1) and doc[before - 1].like_num)
            or doc[before].is_alpha
        ):
            return True
        # only a mark glued to the number itself makes a code ("3/2022", "10:30"); one after the
        # counted noun is punctuation ("divided into two parts: ...")
        return (q.end == q.num_end and self.glued(q.end - 1) and self.tok(q.end) is not None
                and doc[q.end].text in lex.glue)

    def _count_excluded(self, q: _Quantity, approx: str | None, prev: str) -> bool:
        """Rules for counts and ratios: years, pronoun "one", names, then bare numbers."""
        lex = self.lex
        first = self.doc[q.num_start]
        # a plain integer year: "in 2025", "the 2024 elections"
        if (not q.words and not q.is_range and not q.scaled and not q.decimal and q.low is not None
                and lex.year_min <= q.low <= lex.year_max and "," not in first.text):
            return True
        # "one" as a pronoun: "no one", "the one", "one thing", "one of"
        if q.words and q.low == 1 and not q.is_range and not q.scaled and prev in lex.one_blockers_before:
            return True
        if q.words and q.low == 1 and not q.scaled and q.kind == "count" and q.unit:
            head = q.unit.split()[-1].lower()
            if head in lex.one_idioms:
                return True
        if not approx and self._name_like(q.start - 1):
            return True  # part of a name: "Boeing 737 aircraft", "Apollo 11", "Minsk 2 agreement"
        if q.kind in ("count", "ratio") and q.unit is not None:
            return False
        return self._bare_excluded(q, approx, prev)

    def _name_like(self, k: int) -> bool:
        """True when token k is a capitalised or all-caps word inside a sentence (a name or code)."""
        t = self.tok(k)
        return bool(
            t is not None and t.text[:1].isupper() and not any(c.isdigit() for c in t.text)
            and not t.is_sent_start and t.text not in self.lex.name_ok_before
            and t.text not in self.lex.months and t.text not in self.lex.codes and t.text not in self.lex.symbols
        )

    def _bare_excluded(self, q: _Quantity, approx: str | None, prev: str) -> bool:
        """Rules for a number with nothing countable after it (README: "30" alone)."""
        lex = self.lex
        doc = self.doc
        if q.kind == "ratio" or q.vague:
            return False
        if q.kind == "count":  # partitive "five of them"
            return q.words and q.low == 1
        if q.words:
            # spelled numbers with no noun are mostly pronouns ("the two", "all three"); one with a
            # scale word is an amount ("exceeded one and a half million")
            return not (approx or prev in lex.between or q.scaled)
        if prev in lex.anaphoric_before:
            return True  # "the 27 agreed": anaphoric
        if q.is_range and not q.decimal and prev not in lex.between and not approx:
            return True  # "3-1", "1861-1761", "3–4": scores, ISSNs, house numbers
        # neighbours that make a code: "+49 30 880", "10719 Berlin", "CC BY 4.0", "3-1 win"
        for k in (q.start - 1, q.end):
            t = self.tok(k)
            if t is not None and any(c.isdigit() for c in t.text):
                return True
        if self._name_like(q.end):
            return True
        if self.glued(q.end - 1) and self.lower(q.end) in _DASHES and self.glued(q.end) and (
            any(c.isdigit() for c in self.doc[q.end + 1].text)
        ):
            return True
        if q.start > 1 and doc[q.start - 1].text == "," and doc[q.start - 2].pos_ == "PROPN" and self.lower(q.end) == ",":
            return True
        if doc[q.start].is_sent_start and self.lower(q.end) in (".", ")"):
            return True  # a list item number
        if self.lower(q.start - 1) in lex.brackets or self.lower(q.end) in lex.brackets:
            return True  # "(2)": an enumeration
        return False


# ------------------------------------------------------------------------- the stage


class QuantityExtractor:
    """Find the quantities of one article: rows of the ``quantities`` table, in text order."""

    def __init__(self, lexicon: dict) -> None:
        self.lex = compile_lexicon(lexicon)
        self._vocab = None
        self._matcher: Matcher | None = None

    def _anchors(self, doc: Doc) -> list[int]:
        """Indices of the tokens a quantity can start from: any token with a digit, or a
        number word. The Matcher is compiled once per vocabulary (the model's)."""
        if self._matcher is None or self._vocab is not doc.vocab:
            matcher = Matcher(doc.vocab)
            matcher.add("DIGITS", [[{"TEXT": {"REGEX": r"\d"}}]])
            matcher.add("WORDS", [[{"LOWER": {"IN": sorted(self.lex.number_words)}}]])
            self._vocab, self._matcher = doc.vocab, matcher
        return sorted({start for _, start, _ in self._matcher(doc)})

    def __call__(self, doc: Doc, article: Article, *, date_spans: Sequence[tuple[int, int]] = ()) -> list[dict]:
        """Rows (``pipeline.schema.SCHEMAS["quantities"]`` columns) for ``doc``, built from ``article``.

        ``date_spans`` are absolute (start, end) offsets of the article's date rows: no
        number inside one is a quantity.
        """
        if len(doc.text) != len(article.text):
            raise ValueError(
                f"[E402] doc has {len(doc.text)} characters but article {article.doc_id!r} has "
                f"{len(article.text)}: build the Doc from view_text(article.text)"
            )
        local_dates = [(s - article.start, e - article.start) for s, e in date_spans]
        reader = _Reader(doc, self.lex, local_dates)
        anchors = self._anchors(doc)
        found: list[tuple[_Quantity, str | None]] = []
        done = 0
        for i in anchors:
            if i < done:
                continue
            q = reader.read(i)
            if q is None:
                continue
            if q.drop:
                done = q.end
                continue
            approx = reader.approx_before(q.start, q.kind) or q.inner_approx or reader.approx_after(q.end)
            if reader.excluded(q, approx):
                continue
            found.append((q, approx))
            done = q.end
        dollar, dollar_rule = self._article_dollar(found)
        rows = []
        for q, approx in found:
            unit, rule = q.unit, q.unit_rule
            if q.kind == "money" and unit == "$":
                unit, rule = dollar, dollar_rule
            rows.append(self._row(doc, article, q, unit, rule, approx))
        return rows

    def _article_dollar(self, found: list[tuple[_Quantity, str | None]]) -> tuple[str, str]:
        """Which dollar a bare "$" means in this article.

        USD, unless the article marks US amounts explicitly ("US$", "USD", "U.S. dollars"),
        so that its bare "$" cannot be the US dollar, and names exactly one other dollar
        ("C$", "Canadian dollars"): then the bare "$" is that one (Canadian Press style
        "$5bn (US$3.7bn)"). Wire style "C$5bn ($3.7bn)" keeps USD.
        """
        default = self.lex.default_dollar
        named = {q.unit for q, _ in found if q.kind == "money" and q.unit in self.lex.dollar_family}
        others = named - {default}
        if default in named and len(others) == 1:
            other = next(iter(others))
            return other, f"dollar_context:{other}"
        return default, f"dollar_default_{default.lower()}"

    @staticmethod
    def _row(doc: Doc, article: Article, q: _Quantity, unit: str | None, rule: str | None, approx: str | None) -> dict:
        start = doc[q.start].idx
        last = doc[q.end - 1]
        end = last.idx + len(last.text) - q.trim
        cols = article.span_columns(start, end)
        point = None if q.is_range else q.low
        return {
            "quantity_id": span_id("q_", article.source, cols["start"], cols["end"]),
            **cols,
            # a bare decimal ("between 0.4 and 1.0") is a ratio; a bare whole number a count
            "kind": q.kind or ("ratio" if q.decimal and q.factor == 1.0 else "count"),
            "value": point,
            "value_low": q.low,
            "value_high": q.high,
            "unit": unit,
            "approx": approx,
            "unit_rule": rule,
        }
