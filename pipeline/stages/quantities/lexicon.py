"""The quantities lexicon: ``configs/quantities.toml`` compiled once into lookup tables and the digit-token regex."""
from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from pipeline.stages.quantities.case_variants import case_variant_markers
from pipeline.core.english import common_words as english_words
from pipeline.stages.quantities.currencies import cldr_currencies, cldr_currencies_written, cldr_name_tails

#: South Asian digit grouping ("7,61,785", "1,50,000") is parsed too, kept only where lakh_grouping.py allows it
_NUMBER_CORE = r"\d{1,2}(?:,\d{2})+,\d{3}(?:\.\d+)?|\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?|\.\d+"
#: the dashes that join a range ("2-3%") or a compound ("10-year")
DASHES = "-–—"


class LexiconError(ValueError):
    """The quantities lexicon lacks a section or key the grammar needs (E401)."""


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
    symbols_after: frozenset[str]  # symbols also written after the number ("1,200€", "500 ₦")
    bare_dollar: frozenset[str]
    letter_symbols: Mapping[str, str]  # "N34.8tn": read only glued and scaled
    case_variants: Mapping[str, str]  # round 76: "Php", "PhP", "Tsh", "Kshs(.)": read only before a scaled number
    shared_letters: Mapping[str, frozenset[str]]  # "P": PHP or BWP, the article decides (shared_letters.py)
    shared_markers: Mapping[str, tuple[str, frozenset[str]]]  # "Rs": (default, CLDR's choices) (shared_markers.py)
    scaled_currency_words: Mapping[str, str]  # round 75: "dong" -> VND, read only after a scaled number (currency_counts.py)
    quiet_default_markers: frozenset[str]  # markers that keep their own unit_rule when the article decides the default
    pound_words: frozenset[str]  # "pound(s)": money, or a weight where the phrase shows one (pound_weight.py)
    weight_lemmas: frozenset[str]  # "weigh", "scale": a weight word on the amount's path
    pound_money_heads: frozenset[str]  # "note", "investment": nouns a pound amount modifies or counts as money
    codes: Mapping[str, str]
    dollar_family: frozenset[str]
    default_dollar: str
    magnitude_words: Mapping[str, float]
    magnitude_suffixes: Mapping[str, float]
    money_only_suffixes: frozenset[str]  # "RM1bil", "RM17.7mil": scales read only after a currency marker
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
    sequence_before: frozenset[str]
    elided_fraction_next_pos: frozenset[str]
    elided_fraction_blockers: frozenset[str]
    approx: Mapping[str, str]
    approx_after: Mapping[str, str]
    approx_after_glued: Mapping[str, str]
    prepositional_approx: frozenset[str]
    preposition_deps: frozenset[str]
    bridge_adverbs: frozenset[str]
    bridge_words: frozenset[str]
    connectors: frozenset[str]
    between: frozenset[str]
    between_joiner: frozenset[str]
    change_openers: frozenset[str]
    change_amount_openers: frozenset[str]
    change_verbs: frozenset[str]
    ratio_joiners: tuple[str, ...]
    suffix_phrases: Mapping[str, tuple[str, object]]
    suffix_max_tokens: int
    glued_subunits: Mapping[str, tuple[str, float]]
    percent_suffixes: Mapping[str, str]
    lower_case_only_units: frozenset[str]  # round 73: "bp", "bps": "BP" after a number is the company
    percent_signs: Mapping[str, float]
    sign_words: Mapping[str, float]
    spaced_m: str
    glued_units: Mapping[str, str]
    pint_names: Mapping[str, str]
    no_si: frozenset[str]
    glued_unit_re: re.Pattern  # "5kW", "2.4GHz", "5kW." (a full stop the tokenizer kept)
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
    invariant_plurals: frozenset[str]
    number_named_heads: frozenset[str]
    possessive_tags: frozenset[str]
    age_verb_lemmas: frozenset[str]
    one_blockers_before: frozenset[str]
    noun_stoplist: frozenset[str]
    partitive_determiners: frozenset[str]
    identifier_before: frozenset[str]
    name_ok_before: frozenset[str]
    glue: frozenset[str]
    brackets: frozenset[str]
    token_re: re.Pattern
    score_nouns: frozenset[str]
    score_verbs: frozenset[str]
    score_max: int
    point_changes: frozenset[str]
    point_takers: frozenset[str]
    point_words: Mapping[str, tuple[str, str]]  # "point" -> (kind, unit) of a share of a point
    currency_words_before: Mapping[str, str]  # "yen 1.2tn": a name written before the number
    glued_only_units: Mapping[str, str]
    glued_letter_units: frozenset[str]
    fahrenheit_letter: Mapping[str, object]  # round 74: "104F", "104 F" in an article about the weather
    scaled_units: Mapping[str, tuple[str, float]]  # "15.7in": a unit only when glued to its number
    superlative_tags: frozenset[str]

    number_words: frozenset[str]  # every word that can start or anchor a spelled quantity


def compile_lexicon(raw: Mapping) -> Lexicon:
    """Build the lookup tables and the one token regex from the parsed TOML lexicon."""
    root = _Table(raw)
    cur, nums, mags = root.table("currency"), root.table("numbers"), root.table("magnitudes")
    pct, meas, dates = root.table("percent"), root.table("measures"), root.table("dates")
    counts, excl, rng = root.table("counts"), root.table("exclude"), root.table("ranges")
    bridge, prep = root.table("approx_bridge"), root.table("approx_prepositions")
    scores = root.table("scores")
    # CLDR's codes, names and symbols first; the project lexicon adds the newsroom forms CLDR
    # lacks ("$US", "Danish crowns") and decides the forms CLDR leaves to many countries ("$", "rupees")
    cldr = cldr_currencies(symbol_stoplist=frozenset(cur("cldr_symbol_stoplist")),
                           word_stoplist=_lower_set(cur("cldr_word_stoplist")))
    symbols = {**cldr.symbols, **cur("symbols")}
    every_word = cldr_currencies(symbol_stoplist=frozenset(), word_stoplist=frozenset()).words
    scaled_currency_words = {w: every_word[w] for w in _lower_set(cur("scaled_words")) if w in every_word}
    code_aliases = dict(cur.node.get("code_aliases", {}))
    codes = {c: c for c in cldr.codes - frozenset(cur("code_stoplist"))}
    codes.update({c: code_aliases.get(c, c) for c in cur("codes")})
    shared_markers = {marker: (spec["default"], cldr_currencies_written(names=_lower_set(spec["names"]),
                                                                        symbols=frozenset(spec["symbols"])))
                      for marker, spec in cur("shared_markers").items()}
    # round 70: the words CLDR gives a shared marker's currencies alike ("shillings") are that marker after a number
    # (round 71: a word two markers share, "riyals" of "SR" and "QR", is the one of fewer choices, set last)
    marker_words = {tail: marker for marker, (_, choices) in sorted(shared_markers.items(), key=lambda m: -len(m[1][1]))
                    for tail in cldr_name_tails(choices, _lower_set(cur("shared_markers")[marker]["names"]))}
    words = {**cldr.words, **marker_words, **{k.lower(): v for k, v in cur("words").items()}}
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

    money_only_suffixes = {k.lower(): float(v) for k, v in mags("money_only_suffixes").items()}
    mag_suffixes = {**{k.lower(): float(v) for k, v in mags("suffixes").items()}, **money_only_suffixes}
    pct_suffixes = dict(pct("suffixes"))
    shared_letters = {k: frozenset(v) for k, v in cur("shared_letter_symbols").items()}
    # a shared letter stands for itself until the article decides ("P" -> "PHP" or "BWP")
    letter_symbols = {**dict(cur("letter_symbols")), **{k: k for k in shared_letters}}
    case_variants = case_variant_markers(codes, symbols, letter_symbols, cldr.codes,
                                         [*cur("cldr_symbol_stoplist"), *cur("code_stoplist")], english_words())
    currency_prefix = _alternation([*symbols, *codes, *letter_symbols, *(v for v in case_variants if v[-1] != ".")])
    suffix = (
        f"(?i:{_alternation(mag_suffixes)})(?:{_alternation(pct_suffixes)})?"
        f"|{_alternation(pct_suffixes)}|{_alternation(glued_subunits)}"
    )

    def end(n: int) -> str:
        return f"(?P<c{n}>{currency_prefix})?(?P<n{n}>{_NUMBER_CORE})(?P<s{n}>{suffix})?"

    token_re = re.compile(f"^{end(1)}(?:[{DASHES}]{end(2)})?$")
    glued_units = dict(meas("glued"))
    glued_unit_re = re.compile(f"^(?P<n>{_NUMBER_CORE})(?P<u>{_alternation(glued_units)})(?P<dot>\\.)?$")
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
        # only a symbol with a currency sign may follow the number: "5 RM" or "5 Rs" is no amount
        symbols_after=frozenset(s for s in symbols if s not in cur("bare_dollar")
                                and any(unicodedata.category(c) == "Sc" for c in s)),
        bare_dollar=frozenset(cur("bare_dollar")),
        letter_symbols=letter_symbols,
        case_variants=case_variants,
        shared_letters=shared_letters,
        shared_markers=shared_markers,
        scaled_currency_words=scaled_currency_words,
        quiet_default_markers=frozenset(m for m, spec in cur("shared_markers").items() if spec.get("default_keeps_rule")),
        pound_words=_lower_set(meas("pound_weight")["words"]),
        weight_lemmas=_lower_set(meas("pound_weight")["weight_lemmas"]),
        pound_money_heads=_lower_set(meas("pound_weight")["money_heads"]),
        codes=codes,
        dollar_family=frozenset(cur("dollar_family")),
        default_dollar=cur("default_dollar"),
        magnitude_words={k.lower(): float(v) for k, v in mags("words").items()},
        magnitude_suffixes=mag_suffixes,
        money_only_suffixes=frozenset(money_only_suffixes),
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
        sequence_before=_lower_set(nums("sequence_before")),
        elided_fraction_next_pos=frozenset(nums("elided_fraction_next_pos")),
        elided_fraction_blockers=_lower_set(nums("elided_fraction_blockers")),
        approx=approx,
        approx_after={" ".join(k.lower().split()): v for k, v in root("approx_after").items()},
        approx_after_glued=dict(root("approx_after_glued")),
        prepositional_approx=_lower_set(prep("words")),
        preposition_deps=frozenset(prep("deps")),
        bridge_adverbs=_lower_set(bridge("adverbs")),
        bridge_words=_lower_set(bridge("words")),
        connectors=frozenset(rng("connectors")),
        between=_lower_set(rng("between")),
        between_joiner=_lower_set(rng("between_joiner")),
        change_openers=_lower_set(rng("change_openers")),
        change_amount_openers=_lower_set(rng("change_amount_openers")),
        change_verbs=_lower_set(rng("change_verbs")),
        ratio_joiners=tuple(" ".join(w.lower().split()) for w in rng("ratio_joiners")),
        suffix_phrases=suffix_phrases,
        # a phrase may also be split at glued punctuation ("km/h" is three tokens)
        suffix_max_tokens=max(len(k.split()) for k in suffix_phrases) + 3,
        glued_subunits=glued_subunits,
        percent_suffixes=pct_suffixes,
        percent_signs={k: float(v) for k, v in pct("signs").items()},
        sign_words={k.lower(): float(v) for k, v in pct("sign_words").items()},
        spaced_m=meas("spaced_m"),
        glued_units=glued_units,
        pint_names=dict(meas("pint")),
        no_si=frozenset(meas("no_si")),
        glued_unit_re=glued_unit_re,
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
        invariant_plurals=_lower_set(counts("invariant_plurals")),
        number_named_heads=_lower_set(counts("number_named_heads")),
        possessive_tags=frozenset(counts("possessive_tags")),
        age_verb_lemmas=_lower_set(excl("age_verb_lemmas")),
        one_blockers_before=_lower_set(counts("one_blockers_before")),
        noun_stoplist=_lower_set(counts("noun_stoplist")),
        partitive_determiners=_lower_set(counts("partitive_determiners")),
        identifier_before=_lower_set(excl("identifier_before")),
        name_ok_before=frozenset(excl("name_ok_before")),
        glue=frozenset(excl("glue")),
        brackets=frozenset(excl("brackets")),
        token_re=token_re,
        score_nouns=_lower_set(scores("nouns")),
        score_verbs=_lower_set(scores("verbs")),
        score_max=int(scores("max_side")),
        point_changes=_lower_set(scores("point_changes")),
        point_takers=_lower_set(scores("point_takers")),
        point_words={k.lower(): (v[0], v[1]) for k, v in scores("point_words").items()},
        currency_words_before={w.lower(): words[w.lower()] for w in cur("words_before")},
        glued_only_units=dict(meas("glued_only")),
        glued_letter_units=frozenset(meas("glued_letter_units")),
        fahrenheit_letter={"letters": dict(meas("fahrenheit_letter")["letters"]),
                           "topic_lemmas": _lower_set(meas("fahrenheit_letter")["topic_lemmas"]),
                           "topic_marks": tuple(meas("fahrenheit_letter")["topic_marks"]),
                           "range": tuple(float(v) for v in meas("fahrenheit_letter")["range"])},
        lower_case_only_units=_lower_set(pct("lower_case_only")),
        scaled_units={k: (v[0], float(v[1])) for k, v in meas("scaled_units").items()},
        superlative_tags=frozenset(counts("superlative_tags")),
        number_words=_lower_set(
            [*nums("units"), *nums("tens"), *nums("multipliers"),
             *mags("words"), *nums("vague"), *nums("fractions"),
             *nums("multiples"), *fold_words]
        ),
    )
