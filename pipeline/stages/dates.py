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
"""
from __future__ import annotations

import calendar
import datetime as dt
import functools
import math
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from dateparser.date import DateDataParser
from spacy.attrs import IDX, IS_SPACE, LENGTH

from pipeline.core.article import Article
from pipeline.core.ids import span_id
from pipeline.core.schema import SCHEMAS

COLUMNS: tuple[str, ...] = tuple(SCHEMAS["dates"].names)

_PRECISION_RANK = {"year": 1, "month": 2, "day": 3}
_FIXED_BASE = dt.datetime(2000, 1, 1)  # base for readings that do not depend on any anchor

# ---------------------------------------------------------------------------------------
# token shapes
# ---------------------------------------------------------------------------------------
_SHAPE_CODES = {
    "BREAK": "|", "OTHER": "x", "HYPHEN": "-", "COMMA": ",",
    "DAYNUM": "d", "YEAR": "y", "INT": "n", "DECIMAL": "f", "ORDDAY": "o", "ORDNUM": "O",
    "DECADE4": "e", "DECADE2": "E", "CLOCK": "c", "CLOCKMER": "C", "QUARTER": "q",
    "HALF": "h", "NUMDATE": "D", "YEARSPAN": "Y", "HOLIDAY": "H",
}
_NUMERIC_CODES = frozenset("dynfoODYeEcCqh")
_HYPHENS = frozenset("-\u2010\u2011\u2013")
_DASH_SPLIT = re.compile(r"(?<=\w)[-\u2010\u2011\u2013](?=\w)")
_RE_DIGITS = re.compile(r"[0-9]+")
_HAS_DIGIT = re.compile(r"[0-9]").search
_RE_INT = re.compile(r"[0-9]{1,3}(?:,[0-9]{3})+|[0-9]+")
_RE_DECIMAL = re.compile(r"[0-9]+\.[0-9]+")
_RE_ORD = re.compile(r"([0-9]+)(?:st|nd|rd|th)", re.I)
_RE_DECADE4 = re.compile(r"([0-9]{3})0'?s")
_RE_DECADE2 = re.compile(r"'?([0-9])0'?s")
_RE_CLOCK = re.compile(r"([01]?[0-9]|2[0-3]):([0-5][0-9])")
_RE_CLOCKMER = re.compile(r"(1[0-2]|0?[1-9])(?::([0-5][0-9]))?([ap])\.?m\.?", re.I)
_RE_QUARTER = re.compile(r"[Qq]([1-4])")
_RE_HALF = re.compile(r"[Hh]([12])")
_RE_YEARSPAN = re.compile(r"([0-9]{4})/([0-9]{2}|[0-9]{4})")
_RE_NUMDATE = re.compile(
    r"(?<![\w./-])(?:(?P<y1>[0-9]{4})-(?P<m1>[0-9]{1,2})-(?P<d1>[0-9]{1,2})"
    r"|(?P<y2>[0-9]{4})/(?P<m2>[0-9]{1,2})/(?P<d2>[0-9]{1,2})"
    r"|(?P<a>[0-9]{1,2})(?P<sep>[/.])(?P<b>[0-9]{1,2})(?P=sep)(?P<y3>[0-9]{4}|[0-9]{2}))"
    r"(?![\w/-]|\.[0-9])"
)
_FINITE_VERB_TAGS = frozenset({"VB", "VBP", "VBZ", "VBD"})
_OPENERS = frozenset("\"'“‘(«[-–—•*>")
_CURRENCY = frozenset("£$€¥")
_RULE_TOKEN = re.compile(
    r"""\s*(?:(?P<open><!?\(|>!?\(|\()|(?P<close>\))|(?P<alt>\|)|(?P<quant>[?*+]|\{[0-9]+(?:,[0-9]*)?\})"""
    r"""|'(?P<lit1>[^']+)'|"(?P<lit2>[^"]+)"|\#(?P<shape>[A-Z0-9_]+)|\$(?P<macro>[A-Z0-9_]+)"""
    r"""|(?P<cls>[A-Z][A-Z0-9_]*))"""
)
_GROUP_OPEN = {"(": "(?:", "<(": "(?<=", "<!(": "(?<!", ">(": "(?=", ">!(": "(?!"}


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
    return "x"


# ---------------------------------------------------------------------------------------
# grammar: lexicon words -> code characters, rules -> compiled regular expressions
# ---------------------------------------------------------------------------------------
@dataclass(frozen=True)
class _Rule:
    id: str
    kind: str
    regex: re.Pattern
    value: str | None
    order: int


class _Grammar:
    """The compiled lexicon: word codes, word classes and rules of ``configs/dates.toml``."""

    def __init__(self, lexicon: dict) -> None:
        try:
            self.settings = dict(lexicon["settings"])
            self.words: dict[str, dict[str, object]] = {
                cls: {_key(w): v for w, v in table.items()} for cls, table in lexicon["words"].items()
            }
            macros = dict(lexicon.get("macros", {}))
            patterns = list(lexicon["patterns"])
        except KeyError as exc:
            raise ValueError(f"[E301] dates lexicon lacks section {exc}") from exc
        self.year_min = int(self.settings["year_min"])
        self.year_max = int(self.settings["year_max"])
        self.proper = frozenset(self.settings.get("proper_classes", ()))
        self.ambiguous_months = frozenset(_key(w) for w in self.settings.get("ambiguous_months", ()))
        self.list_joiners = frozenset(_key(w) for w in self.settings.get("list_joiners", ()))
        self.veto_labels = frozenset(self.settings.get("veto_entity_labels", ()))
        self.set_adj_pos = frozenset(self.settings.get("set_adjective_pos", ()))
        self.bare_prev_pos = frozenset(self.settings.get("bare_unit_prev_pos", ()))
        self.verb_sensitive = frozenset(self.settings.get("verb_sensitive_classes", ()))
        self.duration_preps = frozenset(_key(w) for w in self.settings.get("duration_preps", ()))
        self.year_led_labels = frozenset(self.settings.get("year_led_name_labels", ()))
        tense = lexicon.get("tense", {})
        self.future_aux = frozenset(_key(w) for w in tense.get("future_aux", ()))
        self.future_cues = frozenset(tense.get("future_cue_lemmas", ()))
        self.past_preps = frozenset(tense.get("past_preps", ()))
        self.future_preps = frozenset(tense.get("future_preps", ()))
        self.neutral_preps = frozenset(tense.get("neutral_preps", ()))
        year_context = lexicon.get("year_context", {})
        self.year_preceders = frozenset(_key(w) for w in year_context.get("preceders", ()))
        self.weak_year_preceders = frozenset(_key(w) for w in year_context.get("weak_preceders", ()))
        self.rate_preceders = frozenset(_key(w) for w in lexicon.get("rates", {}).get("preceders", ()))
        self.identifier_cues = frozenset(_key(w) for w in lexicon.get("identifiers", {}).get("cues", ()))
        self.publication_cues = frozenset(_key(w) for w in lexicon.get("publication", {}).get("cues", ()))
        self.qualifiers = sorted(
            ((tuple(_key(w) for w in phrase.split()), mod) for phrase, mod in lexicon.get("qualifiers", {}).items()),
            key=lambda item: -len(item[0]),
        )
        self.holidays: dict[str, list[tuple[tuple[str, ...], str]]] = {}
        for phrase, spec in lexicon.get("holidays", {}).items():
            keys = tuple(_key(w) for w in re.findall(r"'s|[^\s']+", phrase.replace("\u2019", "'")))
            self.holidays.setdefault(keys[0], []).append((keys, spec))
        for options in self.holidays.values():
            options.sort(key=lambda item: -len(item[0]))
        dp = dict(lexicon.get("dateparser", {}))
        dp["DATE_ORDER"] = self.settings.get("date_order", "DMY")
        self.dp_settings = tuple(sorted(dp.items()))

        # every word of a class or a rule gets one private-use character
        literals: set[str] = set()
        for source in list(macros.values()) + [p["rule"] for p in patterns]:
            for m in _RULE_TOKEN.finditer(source):
                lit = m.group("lit1") or m.group("lit2")
                if lit:
                    literals.add(_key(lit))
        vocabulary = sorted(set().union(*[set(t) for t in self.words.values()]) | literals)
        self.word_char = {w: chr(0xE000 + i) for i, w in enumerate(vocabulary)}
        self.word_classes: dict[str, frozenset[str]] = {
            w: frozenset(cls for cls, table in self.words.items() if w in table) for w in vocabulary
        }
        self.class_chars = {cls: frozenset(self.word_char[w] for w in table) for cls, table in self.words.items()}
        self._macros = macros
        self._macro_cache: dict[str, str] = {}
        # the words that make a count vague ("several weeks") are the FUZZ macro's own, less
        # those COUNT shares with it ("a" of "a few" also counts one in "a month")
        self.fuzzy_words = self.macro_literals("FUZZ") - self.macro_literals("COUNT")
        self.rules: list[_Rule] = []
        for order, p in enumerate(patterns):
            try:
                regex = re.compile(self._compile(p["rule"], ()))
            except (re.error, KeyError, ValueError) as exc:
                raise ValueError(f"[E302] dates rule {p.get('id')!r} does not compile: {exc}") from exc
            if not hasattr(_Interpreter, f"k_{p['kind']}"):
                raise ValueError(f"[E307] dates rule {p['id']!r} has unknown kind {p['kind']!r}")
            self.rules.append(_Rule(p["id"], p["kind"], regex, p.get("value"), order))

    def _compile(self, rule: str, stack: tuple[str, ...]) -> str:
        out: list[str] = []
        pos = 0
        rule = rule.rstrip()
        while pos < len(rule):
            m = _RULE_TOKEN.match(rule, pos)
            if not m or m.end() == pos:
                raise ValueError(f"[E303] cannot read rule text at {rule[pos:]!r}")
            pos = m.end()
            if m.group("open"):
                out.append(_GROUP_OPEN[m.group("open")])
            elif m.group("close"):
                out.append(")")
            elif m.group("alt"):
                out.append("|")
            elif m.group("quant"):
                out.append(m.group("quant"))
            elif m.group("lit1") or m.group("lit2"):
                out.append(re.escape(self.word_char[_key(m.group("lit1") or m.group("lit2"))]))
            elif m.group("shape"):
                name = m.group("shape")
                if name not in _SHAPE_CODES:
                    raise ValueError(f"[E304] unknown shape #{name}")
                out.append(re.escape(_SHAPE_CODES[name]))
            elif m.group("macro"):
                name = m.group("macro")
                if name in stack or name not in self._macros:
                    raise ValueError(f"[E305] unknown or recursive macro ${name}")
                if name not in self._macro_cache:
                    self._macro_cache[name] = self._compile(self._macros[name], stack + (name,))
                out.append(f"(?:{self._macro_cache[name]})")
            else:
                name = m.group("cls")
                if name not in self.class_chars:
                    raise ValueError(f"[E306] unknown word class {name}")
                out.append("[" + "".join(re.escape(c) for c in sorted(self.class_chars[name])) + "]")
        return "(?:" + "".join(out) + ")"

    def macro_literals(self, name: str) -> frozenset[str]:
        """The quoted words of macro ``name`` and of the macros it uses (empty if there is no such macro)."""
        found: set[str] = set()
        stack, seen = [name], set()
        while stack:
            current = stack.pop()
            if current in seen or current not in self._macros:
                continue
            seen.add(current)
            for m in _RULE_TOKEN.finditer(self._macros[current]):
                lit = m.group("lit1") or m.group("lit2")
                if lit:
                    found.add(_key(lit))
            stack.extend(re.findall(r"\$(\w+)", self._macros[current]))
        return frozenset(found)

    def payload(self, cls: str, key: str):
        """The lexicon value of ``key`` in word class ``cls`` (None when absent)."""
        table = self.words.get(cls, {})
        if key in table:
            return table[key]
        return table.get(key.rstrip("."))

    def is_(self, unit: "_Unit", cls: str) -> bool:
        """True when the unit was coded as a word of class ``cls``."""
        return unit.code in self.class_chars.get(cls, ())


_GRAMMARS: dict[int, tuple[dict, _Grammar]] = {}


def _grammar_for(lexicon: dict) -> _Grammar:
    """Compile ``lexicon`` once per lexicon object (for the module-level functions)."""
    cached = _GRAMMARS.get(id(lexicon))
    if cached is None or cached[0] is not lexicon:
        cached = (lexicon, _Grammar(lexicon))
        _GRAMMARS[id(lexicon)] = cached
    return cached[1]


# ---------------------------------------------------------------------------------------
# units: the tokens the grammar sees
# ---------------------------------------------------------------------------------------
@dataclass(slots=True)
class _Unit:
    start: int          # article-relative character offsets
    end: int
    text: str
    key: str
    tok: int            # index of the spaCy token
    code: str = "x"
    payload: object = None


#: the last Doc's units: publication-date inference and extraction read the same Doc in turn
_LAST_UNITS: list = [None, None, None, None]


def _units(doc, text: str, g: _Grammar) -> list[_Unit]:
    """The Doc's grammar units, computed once per Doc (the units never change after coding)."""
    last_doc, last_text, last_grammar, last_units = _LAST_UNITS
    if last_doc is doc and last_text is text and last_grammar is g:
        return last_units
    units = _make_units(doc, text, g)
    _LAST_UNITS[:] = [doc, text, g, units]
    return units


def _make_units(doc, text: str, g: _Grammar) -> list[_Unit]:
    """Split the Doc into grammar units, merge numeric dates and holiday names, code them."""
    units: list[_Unit] = []
    # token offsets from one array call: creating a Token object per token costs more
    # than everything else this stage does
    table = doc.to_array([IDX, LENGTH, IS_SPACE]).tolist() if len(doc) else []
    for i, (idx, length, space) in enumerate(table):
        t = text[idx:idx + length]
        if space:
            # a blank line ends every expression; a lone line break ("\r\n") does not
            if text.count("\n", max(idx - 1, 0), idx + length) >= 2:
                units.append(_Unit(idx, idx + length, t, "", i, "|"))
            continue
        if "-" not in t and "\u2010" not in t and "\u2011" not in t and "\u2013" not in t:
            units.append(_Unit(idx, idx + length, t, _key(t), i))
            continue
        prev = 0
        for m in _DASH_SPLIT.finditer(t):
            c = m.start()
            if c > prev:
                units.append(_Unit(idx + prev, idx + c, t[prev:c], _key(t[prev:c]), i))
            units.append(_Unit(idx + c, idx + c + 1, t[c], t[c], i))
            prev = c + 1
        units.append(_Unit(idx + prev, idx + length, t[prev:], _key(t[prev:]), i))
    units = _merge_numeric_dates(units, text)
    units = _merge_holidays(units, g)
    _code_units(units, doc, text, g)
    return units


def _merge_numeric_dates(units: list[_Unit], text: str) -> list[_Unit]:
    """Merge the tokens of "2025-05-19" / "19/05/2025" into one NUMDATE unit."""
    if not _HAS_DIGIT(text):
        return units
    by_start = {u.start: i for i, u in enumerate(units)}
    drop: set[int] = set()
    for m in _RE_NUMDATE.finditer(text):
        i = by_start.get(m.start())
        if i is None:
            continue
        j = i
        while j < len(units) and units[j].end < m.end() and units[j].code != "|":
            j += 1
        if j >= len(units) or units[j].end != m.end():
            continue
        first = units[i]
        units[i] = _Unit(first.start, m.end(), text[first.start:m.end()], "", first.tok, "D", m.groupdict())
        drop.update(range(i + 1, j + 1))
    return [u for k, u in enumerate(units) if k not in drop] if drop else units


def _merge_holidays(units: list[_Unit], g: _Grammar) -> list[_Unit]:
    """Merge the words of a holiday name ("New Year's Day") into one HOLIDAY unit."""
    out: list[_Unit] = []
    i = 0
    while i < len(units):
        u = units[i]
        options = g.holidays.get(u.key) if u.text[:1].isupper() else None
        merged = False
        for keys, spec in options or ():
            if i + len(keys) <= len(units) and all(units[i + k].key == keys[k] for k in range(len(keys))):
                last = units[i + len(keys) - 1]
                out.append(_Unit(u.start, last.end, "", "", u.tok, "H", spec))
                i += len(keys)
                merged = True
                break
        if not merged:
            out.append(u)
            i += 1
    return out


def _sentence_initial(doc, text: str, u: _Unit) -> bool:
    """True when the unit starts a sentence or a line (so it may be capitalised)."""
    tok = doc[u.tok]
    if u.start != tok.idx:
        return False
    if tok.is_sent_start:
        return True
    k = u.start - 1
    while k >= 0 and text[k] in " \t":
        k -= 1
    if k < 0 or text[k] in "\n\r":
        return True
    j = tok.i - 1
    while j >= 0 and (doc[j].is_space or doc[j].text in _OPENERS):
        if doc[j].is_sent_start:
            return True
        j -= 1
    return j < 0 or doc[j].text in {".", "!", "?", ":"}


def _case_ok(u: _Unit, classes: frozenset[str], g: _Grammar, doc, text: str) -> bool:
    """Names of months and days are capitalised; every other temporal word is not."""
    t = u.text
    if not any(c.isupper() for c in t):
        return not classes or bool(classes - g.proper)
    if classes & g.proper and t[0].isupper():
        return True
    common = not classes or bool(classes - g.proper)
    all_caps = t.isupper() and sum(c.isalpha() for c in t) > 1
    return common and (all_caps or _sentence_initial(doc, text, u))


def _code_units(units: list[_Unit], doc, text: str, g: _Grammar) -> None:
    """Give every unit its code character (shape, lexicon word, or "x")."""
    for u in units:
        if u.code in ("|", "D", "H"):
            continue
        shape = _shape(u.text, g.year_min, g.year_max)
        if shape is not None:
            u.code = shape
            continue
        key = u.key
        char = g.word_char.get(key)
        if char is None and key.endswith(".") and len(key) > 2:
            key = key.rstrip(".")
            char = g.word_char.get(key)
        if char is None:
            u.code = "x"
            continue
        classes = g.word_classes[key]
        ok = _case_ok(u, classes, g, doc, text)
        if ok and classes and classes <= g.verb_sensitive and doc[u.tok].tag_ in _FINITE_VERB_TAGS:
            ok = False  # "to last two days", "to end the war": a verb, not a date modifier
        u.code = char if ok else "x"
        u.key = key
    # "May"/"March" are months only beside a number or after a date word
    month_chars = g.class_chars.get("MONTH", frozenset())
    context = set()
    for cls in ("TPREP", "MOD", "REL", "LATER"):
        context |= g.class_chars.get(cls, frozenset())
    for i, u in enumerate(units):
        if u.code not in month_chars or u.key not in g.ambiguous_months:
            continue
        prev = _neighbour(units, i, -1)
        nxt = _neighbour(units, i, +1)
        beside_number = (prev is not None and prev.code in "do") or (nxt is not None and nxt.code in "doy")
        # "in February, May and August": one of a list of months
        listed = any(
            j is not None and units[j].key in g.list_joiners
            and _is_plain_month(units, _neighbour_index(units, j, step), month_chars, g.ambiguous_months)
            for step, j in ((-1, _neighbour_index(units, i, -1)), (+1, _neighbour_index(units, i, +1))))
        mid_hyphen = prev is not None and prev.code == "-" and i >= 2 and units[i - 2].key == "mid"
        after_word = prev is not None and (prev.code in context or mid_hyphen)
        if not (beside_number or listed or (after_word and doc[u.tok].tag_ != "MD")):
            u.code = "x"


def _is_plain_month(units: list[_Unit], j: int | None, month_chars: frozenset[str], ambiguous: frozenset[str]) -> bool:
    """True when unit ``j`` is a month name that is never anything else ("February", not "May")."""
    return j is not None and units[j].code in month_chars and units[j].key not in ambiguous


def _neighbour_index(units: list[_Unit], i: int, step: int) -> int | None:
    """Index of the nearest unit before (step -1) or after (step +1) unit ``i``, skipping whitespace."""
    j = i + step
    while 0 <= j < len(units) and units[j].code == "|":
        j += step
    return j if 0 <= j < len(units) else None


def _neighbour(units: list[_Unit], i: int, step: int) -> _Unit | None:
    """The nearest unit before (step -1) or after (step +1) unit ``i``, skipping whitespace."""
    j = _neighbour_index(units, i, step)
    return None if j is None else units[j]


# ---------------------------------------------------------------------------------------
# calendar helpers
# ---------------------------------------------------------------------------------------
@dataclass(frozen=True)
class _Anchor:
    date: dt.date
    precision: str  # "day" | "month" | "year"

    def allows(self, precision: str) -> bool:
        """True when the anchor is at least as precise as ``precision``."""
        return _PRECISION_RANK[self.precision] >= _PRECISION_RANK[precision]

    @property
    def interval(self) -> tuple[dt.date, dt.date]:
        d = self.date
        if self.precision == "year":
            return dt.date(d.year, 1, 1), dt.date(d.year, 12, 31)
        if self.precision == "month":
            return _month_range(d.year, d.month)
        return d, d


def _anchor_of(article: Article) -> _Anchor | None:
    if article.published is None:
        return None
    precision = article.published_precision if article.published_precision in _PRECISION_RANK else "day"
    return _Anchor(article.published, precision)


def _month_range(y: int, m: int) -> tuple[dt.date, dt.date]:
    return dt.date(y, m, 1), dt.date(y, m, calendar.monthrange(y, m)[1])


def _year_range(y: int) -> tuple[dt.date, dt.date]:
    return dt.date(y, 1, 1), dt.date(y, 12, 31)


def _week_range(d: dt.date) -> tuple[dt.date, dt.date]:
    monday = d - dt.timedelta(days=d.weekday())
    return monday, monday + dt.timedelta(days=6)


def _iso_week(d: dt.date) -> str:
    y, w, _ = d.isocalendar()
    return f"{y:04d}-W{w:02d}"


_SEASON_MONTHS = {"SP": (3, 5), "SU": (6, 8), "FA": (9, 11), "WI": (12, 2)}


def _season_range(y: int, s: str) -> tuple[dt.date, dt.date]:
    """Meteorological seasons; winter Y runs from December Y to February Y+1."""
    first, last = _SEASON_MONTHS[s]
    if s == "WI":
        return dt.date(y, 12, 1), _month_range(y + 1, 2)[1]
    return dt.date(y, first, 1), _month_range(y, last)[1]


def _season_of(d: dt.date) -> tuple[int, str]:
    for s, (first, last) in _SEASON_MONTHS.items():
        if s != "WI" and first <= d.month <= last:
            return d.year, s
    return (d.year if d.month == 12 else d.year - 1), "WI"


def _decade_range(start: int) -> tuple[dt.date, dt.date]:
    return dt.date(start, 1, 1), dt.date(start + 9, 12, 31)


def _century_range(c: int) -> tuple[dt.date, dt.date]:
    """Century "20" (TIMEX3) runs from 2000 to 2099."""
    return dt.date(max(c * 100, 1), 1, 1), dt.date(c * 100 + 99, 12, 31)


def _quarter_range(y: int, q: int) -> tuple[dt.date, dt.date]:
    return dt.date(y, 3 * q - 2, 1), _month_range(y, 3 * q)[1]


def _add_months(d: dt.date, n: int) -> dt.date:
    m = d.month - 1 + n
    y, m = d.year + m // 12, m % 12 + 1
    return dt.date(y, m, min(d.day, calendar.monthrange(y, m)[1]))


def _easter(y: int) -> dt.date:
    """Easter Sunday (anonymous Gregorian algorithm)."""
    a, b, c = y % 19, y // 100, y % 100
    d, e = b // 4, b % 4
    f = (b + 8) // 25
    g = (b - f + 1) // 3
    h = (19 * a + b - d - g + 15) % 30
    i, k = c // 4, c % 4
    l_ = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * l_) // 451
    month = (h + l_ - 7 * m + 114) // 31
    day = (h + l_ - 7 * m + 114) % 31 + 1
    return dt.date(y, month, day)


def _holiday_date(spec: str, y: int) -> dt.date | None:
    if spec.startswith("easter"):
        return _easter(y) + dt.timedelta(days=int(spec[6:] or 0))
    if spec == "thanksgiving":
        first = dt.date(y, 11, 1)
        return first + dt.timedelta(days=(3 - first.weekday()) % 7 + 21)
    try:
        month, day = (int(p) for p in spec.split("-"))
        return dt.date(y, month, day)
    except ValueError:
        return None


def _signed_distance(interval: tuple[dt.date, dt.date], anchor: _Anchor) -> int:
    """Days from the anchor to the interval: 0 when they overlap, negative when before."""
    a0, a1 = anchor.interval
    if interval[1] < a0:
        return -(a0 - interval[1]).days
    if interval[0] > a1:
        return (interval[0] - a1).days
    return 0


def choose_instance(
    anchor: _Anchor,
    build: Callable[[int], tuple[dt.date, dt.date] | None],
    *,
    rel: int | None = None,
    direction: int = 0,
) -> tuple[int, tuple[dt.date, dt.date]] | None:
    """Pick the year of a year-less expression ("19 May", "June", "summer").

    ``rel`` comes from the text ("last May" -1, "this May" 0, "next May" +1) and wins;
    otherwise ``direction`` (the tense: -1 past, +1 future, 0 unknown) keeps the
    candidates on its side of the anchor, and the nearest candidate is taken.
    """
    y0 = anchor.date.year
    if anchor.precision == "year" and rel is None:
        interval = build(y0)
        return (y0, interval) if interval else None
    candidates = [(y, build(y)) for y in (y0 - 1, y0, y0 + 1)]
    candidates = [(y, iv, _signed_distance(iv, anchor)) for y, iv in candidates if iv is not None]
    if not candidates:
        return None
    if rel == 0:
        pick = [c for c in candidates if c[0] == y0]
    elif rel == -1:
        pick = [c for c in candidates if c[1][1] < anchor.interval[0]][-1:]
    elif rel == 1:
        pick = [c for c in candidates if c[1][0] > anchor.interval[1]][:1]
    else:
        side = [c for c in candidates if (c[2] <= 0 if direction < 0 else c[2] >= 0)] if direction else []
        pool = side or candidates
        pick = [min(pool, key=lambda c: (abs(c[2]), c[2] > 0))]
    if not pick:
        return None
    return pick[0][0], pick[0][1]


def resolve_weekday(anchor: dt.date, weekday: int, *, rel: int | None = None, direction: int = 0) -> dt.date:
    """The date of ``weekday`` (1=Monday) relative to ``anchor``.

    "last Monday" is the one strictly before, "next Monday" strictly after, "this Monday"
    the one in the anchor's ISO week; otherwise past tense gives the one on or before the
    anchor, future tense the one on or after, and no tense the nearest (ties: the past).
    """
    back = (anchor.isoweekday() - weekday) % 7
    ahead = (weekday - anchor.isoweekday()) % 7
    if rel == -1:
        return anchor - dt.timedelta(days=back or 7)
    if rel == 1:
        return anchor + dt.timedelta(days=ahead or 7)
    if rel == 0:
        return anchor - dt.timedelta(days=anchor.isoweekday() - weekday)
    if direction < 0:
        return anchor - dt.timedelta(days=back)
    if direction > 0:
        return anchor + dt.timedelta(days=ahead)
    return anchor - dt.timedelta(days=back) if back <= ahead else anchor + dt.timedelta(days=ahead)


# ---------------------------------------------------------------------------------------
# dateparser: one parser per anchor, readings cached by (text, anchor)
# ---------------------------------------------------------------------------------------
@functools.lru_cache(maxsize=512)
def _parser(base: dt.datetime, settings: tuple) -> DateDataParser:
    options = dict(settings)
    options["RELATIVE_BASE"] = base
    return DateDataParser(languages=["en"], settings=options)


@functools.lru_cache(maxsize=65536)
def _dp_read(text: str, anchor: dt.date | None, settings: tuple) -> tuple[dt.date, str, int, int] | None:
    """dateparser's reading of a found span: (date, period, hour, minute) or None.

    ``anchor`` None means the span is read without any reference date (a fixed base is
    still passed, so dateparser never consults the clock).
    """
    base = dt.datetime.combine(anchor, dt.time()) if anchor is not None else _FIXED_BASE
    try:
        data = _parser(base, settings).get_date_data(text)
    except (ValueError, OverflowError, TypeError):
        return None
    if data is None or data.date_obj is None:
        return None
    obj = data.date_obj
    return obj.date(), data.period or "day", obj.hour, obj.minute


def clear_caches() -> None:
    """Forget cached dateparser parsers and readings (tests that move the clock use it)."""
    _parser.cache_clear()
    _dp_read.cache_clear()


def _period_value(d: dt.date, period: str) -> tuple[str, str, tuple[dt.date, dt.date]]:
    """TIMEX3 value, granularity and interval of a date read at dateparser's ``period``."""
    if period == "year":
        return f"{d.year:04d}", "year", _year_range(d.year)
    if period == "month":
        return f"{d.year:04d}-{d.month:02d}", "month", _month_range(d.year, d.month)
    if period == "week":
        return _iso_week(d), "week", _week_range(d)
    if period == "quarter":
        q = (d.month - 1) // 3 + 1
        return f"{d.year:04d}-Q{q}", "quarter", _quarter_range(d.year, q)
    return d.isoformat(), "day", (d, d)


# ---------------------------------------------------------------------------------------
# normalisation
# ---------------------------------------------------------------------------------------
@dataclass(slots=True)
class _Norm:
    tclass: str
    value: str | None
    granularity: str | None
    interval: tuple[dt.date, dt.date] | None = None
    anchored: bool = False
    mod: str | None = None


@dataclass(slots=True)
class _Found:
    start: int
    end: int
    norm: _Norm
    first: int  # unit indices of the span
    last: int
    kind: str


_UNIT_GRAN = {"Y": "year", "M": "month", "W": "week", "D": "day", "DE": "decade"}
_UNIT_WORD = {"Y": "years", "M": "months", "W": "weeks", "D": "days", "H": "hours", "MIN": "minutes", "S": "seconds"}
# the anchor precision a unit needs ("two days ago" needs a day, "five years ago" a year)
_UNIT_NEEDS = {
    "Y": "year", "DE": "year", "CE": "year", "M": "month", "W": "day", "D": "day", "H": "day", "MIN": "day", "S": "day",
}


def _split_unit(payload: str) -> tuple[int, str]:
    """Lexicon unit payload "2W" -> (2, "W"); "Y" -> (1, "Y")."""
    m = re.fullmatch(r"([0-9]*)([A-Z]+)", payload)
    return (int(m.group(1)) if m.group(1) else 1), m.group(2)


def _fmt_number(n: float) -> str:
    return str(int(n)) if float(n).is_integer() else f"{n:g}"


def duration_value(count: float | None, unit: str) -> str:
    """TIMEX3 duration: (45, "Y") -> "P45Y", (48, "H") -> "PT48H", (None, "W") -> "PXW"."""
    n = "X" if count is None else None
    if count is not None and not float(count).is_integer():
        # fractions are written in the next smaller unit where that is exact
        smaller = {"Y": (12, "M"), "D": (24, "H"), "H": (60, "MIN")}
        if unit in smaller and float(count * smaller[unit][0]).is_integer():
            count, unit = count * smaller[unit][0], smaller[unit][1]
    if n is None:
        n = _fmt_number(count)
    if unit in ("H", "MIN", "S"):
        return f"PT{n}{'M' if unit == 'MIN' else unit}"
    return f"P{n}{unit}"


def _shift(d: dt.date, count: float, unit: str, sign: int) -> dt.date:
    """``d`` moved ``count`` units forward (sign +1) or back (sign -1)."""
    if unit in ("Y", "DE", "CE"):
        months = round(count * {"Y": 12, "DE": 120, "CE": 1200}[unit])
        return _add_months(d, sign * months)
    if unit == "M":
        whole = int(count)
        return _add_months(d, sign * whole) + dt.timedelta(days=sign * round((count - whole) * 30))
    days = {"W": 7 * count, "D": count, "H": count / 24, "MIN": count / 1440, "S": count / 86400}[unit]
    return d + dt.timedelta(days=sign * math.ceil(days))


class _Interpreter:
    """Normalises one matched span; one instance per Doc."""

    def __init__(self, doc, text: str, units: list[_Unit], g: _Grammar, anchor: _Anchor | None) -> None:
        self.doc, self.text, self.units, self.g, self.anchor = doc, text, units, g, anchor

    # -- helpers ------------------------------------------------------------------------
    def words(self, i: int, j: int) -> list[_Unit]:
        return [u for u in self.units[i:j] if u.code != "|"]

    def surface(self, us: list[_Unit]) -> str:
        return re.sub(r"\s+", " ", self.text[us[0].start:us[-1].end])

    def first(self, us: Iterable[_Unit], cls: str) -> _Unit | None:
        return next((u for u in us if self.g.is_(u, cls)), None)

    def pay(self, u: _Unit | None, cls: str):
        return None if u is None else self.g.payload(cls, u.key)

    def _month(self, u: _Unit) -> int | None:
        """The month number of a MONTH or MONTH_ABBR unit (None for any other unit)."""
        if self.g.is_(u, "MONTH"):
            return self.pay(u, "MONTH")
        return self.pay(u, "MONTH_ABBR") if self.g.is_(u, "MONTH_ABBR") else None

    def number(self, us: list[_Unit]) -> float | None:
        """The count written by a $NUMBER ("45", "five", "twenty-five", "2.5", "a")."""
        total = None
        for u in us:
            if u.code in "dn":
                return float(u.text.replace(",", ""))
            if u.code == "f":
                return float(u.text)
            if self.g.is_(u, "NUMWORD"):
                n = float(self.pay(u, "NUMWORD"))
                # "twenty-five" adds, "two hundred" / "two dozen" multiplies
                total = total * n if (total and n in (12, 100) and total < n) else (total or 0) + n
            elif u.key in ("a", "an") and total is None:
                total = 1.0
        return total

    def prefix(self, us: list[_Unit]) -> tuple[str | None, int]:
        """Leading modifiers ("the end of", "early", "mid-", "later") -> (TIMEX3 mod, core start)."""
        mod, k = None, 0
        g = self.g
        while k < len(us):
            u = us[k]
            if u.key == "the" and k + 2 < len(us) and g.is_(us[k + 1], "MODNOUN") and us[k + 2].key == "of":
                mod = self.pay(us[k + 1], "MODNOUN")
                k += 3
            elif g.is_(u, "MOD"):
                mod = self.pay(u, "MOD")
                k += 1
                if k < len(us) and us[k].code == "-":
                    k += 1
            elif g.is_(u, "LATER"):
                k += 1  # "later this month" is still this month
            elif u.key == "the" and k + 1 < len(us) and g.is_(us[k + 1], "MOD"):
                k += 1
            else:
                break
        return mod, k

    def need(self, precision: str) -> bool:
        return self.anchor is not None and self.anchor.allows(precision)

    def read(self, text: str, relative: bool = False):
        """dateparser's reading of ``text``; relative readings use the anchor as base."""
        anchor = self.anchor.date if (relative and self.anchor) else None
        return _dp_read(text, anchor, self.g.dp_settings)

    # -- dispatcher ---------------------------------------------------------------------
    def __call__(self, i: int, j: int, rule: _Rule) -> _Norm | None:
        us = self.words(i, j)
        return getattr(self, f"k_{rule.kind}")(us, rule, i, j)

    # -- calendar dates -----------------------------------------------------------------
    def k_calendar(self, us, rule, i, j) -> _Norm | None:
        g = self.g
        mod, k = self.prefix(us)
        core = us[k:]
        rel = self.pay(self.first(core, "REL"), "REL")
        if core and core[0].code == "D":
            return self._numeric_date(core[0])
        month = next((int(self._month(u)) for u in core if self._month(u) is not None), None)
        if month is None:
            return None
        day_u = next((u for u in core if u.code in "do"), None)
        day = _leading_int(day_u.text) if day_u else None
        year_u = next((u for u in core if u.code == "y"), None)
        if rel is not None and core[-1].key == "year":
            # "July last year", "5 March this year": the year is relative, the rest is fixed
            if not self.need("year"):
                return _Norm("date", None, "day" if day else "month", None, True, mod)
            year = self.anchor.date.year + int(rel)
            try:
                d = dt.date(year, month, day or 1)
            except ValueError:
                return None
            value, gran, interval = _period_value(d, "day" if day else "month")
            return _Norm("date", value, gran, interval, True, mod)
        if year_u is not None:
            year = int(year_u.text)
            try:
                d = dt.date(year, month, day or 1)
            except ValueError:
                return None
            # dateparser reads the span and its period is the granularity; the grammar's own
            # reading is the check (and the answer when dateparser cannot read the span)
            reading = self.read(self.surface(core))
            period = "day" if day else "month"
            if reading and reading[0] == d and reading[1] in ("day", "month"):
                period = reading[1]
            value, gran, interval = _period_value(d, period)
            return _Norm("date", value, gran, interval, False, mod)
        # year-less: the anchor and the tense fix the year (dateparser would take the clock's
        # side of the anchor; it has no notion of tense)
        if day is not None:
            try:
                dt.date(2000, month, day)
            except ValueError:
                return None
        gran = "day" if day else "month"
        wd_u = self.first(core, "WEEKDAY") or self.first(core, "WEEKDAY_ABBR")
        weekday = self.pay(wd_u, "WEEKDAY") or self.pay(wd_u, "WEEKDAY_ABBR") if wd_u else None

        def build(y: int):
            try:
                d = dt.date(y, month, day or 1)
            except ValueError:
                return None
            if weekday and day and d.isoweekday() != weekday:
                return None  # "Tuesday 18 March" names the year in which 18 March is a Tuesday
            return (d, d) if day else _month_range(y, month)

        if self.anchor is None:
            value = f"XXXX-{month:02d}-{day:02d}" if day else f"XXXX-{month:02d}"
            return _Norm("date", value, gran, None, True, mod)
        picked = choose_instance(self.anchor, build, rel=rel, direction=self.direction(i, j) if rel is None else 0)
        if picked is None:
            return _Norm("date", None, gran, None, True, mod)
        y, interval = picked
        value = interval[0].isoformat() if day else f"{y:04d}-{month:02d}"
        return _Norm("date", value, gran, interval, True, mod)

    def _numeric_date(self, u: _Unit) -> _Norm | None:
        p = u.payload
        if p.get("y3") is not None and len(p["y3"]) == 2 and p.get("sep") == ".":
            return None  # "1.2.25" is more often a version or a score than a date
        reading = self.read(u.text)
        candidates = []
        if p.get("y1") or p.get("y2"):
            k = "1" if p.get("y1") else "2"
            candidates.append((int(p["y" + k]), int(p["m" + k]), int(p["d" + k])))
        else:
            a, b, y = int(p["a"]), int(p["b"]), int(p["y3"])
            y = y + 2000 if y < 100 else y
            candidates += [(y, b, a), (y, a, b)]
        valid = []
        for y, m, d in candidates:
            try:
                if self.g.year_min <= y <= self.g.year_max:
                    valid.append(dt.date(y, m, d))
            except ValueError:
                pass
        if not valid:
            return None
        d = reading[0] if reading and reading[0] in valid else valid[0]
        return _Norm("date", d.isoformat(), "day", (d, d), False)

    def k_week_of_month(self, us, rule, i, j) -> _Norm | None:
        ord_u = self.first(us, "ORD")
        n = self.pay(ord_u, "ORD") if ord_u else -1
        mod = "START" if n == 1 else "END" if n in (-1, 4, 5) else "MID"
        core = [u for u in us if self._month(u) is not None or u.code == "y"]
        norm = self.k_calendar(core, rule, i, j)
        if norm is not None:
            norm.mod = mod
        return norm

    def k_calendar_range(self, us, rule, i, j) -> _Norm | None:
        g = self.g
        months = [int(self._month(u)) for u in us if g.is_(u, "MONTH") or g.is_(u, "MONTH_ABBR")]
        days = [_leading_int(u.text) for u in us if u.code in "do"]
        year_u = next((u for u in us if u.code == "y"), None)
        if not months or len(days) not in (0, 2):
            return None
        m1, m2 = months[0], months[-1]
        d1, d2 = days if days else (1, 1)

        def build(y: int):
            y2 = y + 1 if m2 < m1 else y
            try:
                if days:
                    a, b = dt.date(y, m1, d1), dt.date(y2, m2, d2)
                else:
                    a, b = _month_range(y, m1)[0], _month_range(y2, m2)[1]
            except ValueError:
                return None
            return (a, b) if a < b else None

        gran = "day" if days else "month"

        def fmt(d: dt.date) -> str:
            return d.isoformat() if days else f"{d.year:04d}-{d.month:02d}"

        if year_u is not None:
            interval = build(int(year_u.text))
            if interval is None:
                return None
            return _Norm("date", f"{fmt(interval[0])}/{fmt(interval[1])}", gran, interval, False)
        if build(2000) is None and build(2001) is None:
            return None
        if self.anchor is None:
            # keep the unknown year: "March 20-21" -> XXXX-03-20/XXXX-03-21
            a, b = build(2000) or build(2001)
            return _Norm("date", f"XXXX{fmt(a)[4:]}/XXXX{fmt(b)[4:]}", gran, None, True)
        picked = choose_instance(self.anchor, build, direction=self.direction(i, j))
        if picked is None:
            return _Norm("date", None, gran, None, True)
        interval = picked[1]
        return _Norm("date", f"{fmt(interval[0])}/{fmt(interval[1])}", gran, interval, True)

    def k_year(self, us, rule, i, j) -> _Norm | None:
        mod, k = self.prefix(us)
        year_u = next((u for u in us if u.code == "y"), None)
        if year_u is None:
            return None
        if k == 0 and rule.id == "year" and not self._bare_year_ok(i, j, year_u):
            return None
        y = int(year_u.text)
        reading = self.read(year_u.text)
        period = reading[1] if reading and reading[0].year == y else "year"
        if period != "year":
            return None
        return _Norm("date", f"{y:04d}", "year", _year_range(y), False, mod)

    def _bare_year_ok(self, i: int, j: int, year_u: _Unit) -> bool:
        """A bare 4-digit number is a year after a date word or when the model says DATE."""
        g = self.g
        units = self.units
        pi, ni = _neighbour_index(units, i, -1), _neighbour_index(units, j - 1, +1)
        prev = None if pi is None else units[pi]
        nxt = None if ni is None else units[ni]
        for k, step in ((pi, -1), (ni, +1)):
            if k is not None and units[k].code == "-":
                beyond = _neighbour(units, k, step)
                if beyond is not None and beyond.code in _NUMERIC_CODES:
                    return False  # "880 07-2025", "1861-1761": a phone or code group
        if prev is not None and prev.text == "(" and nxt is not None and nxt.text == ")":
            return False  # "(2022)": a citation
        if nxt is not None and (nxt.key in ("%", "percent", "per") or nxt.text in _CURRENCY):
            return False
        tok = self.doc[year_u.tok]
        if (
            nxt is not None and self.doc[nxt.tok].tag_ == "NNS" and tok.dep_ == "nummod"
            and (prev is None or prev.key != "the")
        ):
            return False  # "2000 troops": a count
        if prev is not None and prev.key in g.year_preceders:
            return True
        if prev is not None and prev.key in g.weak_year_preceders and prev.key != "the":
            # "from 2009 to 2017", "between 2014 and 2022" but not "rose to 2000"
            return any(u.code == "y" for u in units[max(0, i - 4):i])
        if tok.ent_type_ != "DATE":
            return self._year_leads_name(tok, prev, nxt)
        if prev is not None and prev.text[:1].isupper() and prev.code == "x":
            return False  # "DSEI UK 2025", "Readiness 2030", "Windows 2000": the year belongs to a name
        if nxt is not None and nxt.code == "x" and self.doc[nxt.tok].ent_type_ in ("GPE", "LOC", "FAC"):
            return False  # "1049 Brussels": a postal code
        return True

    def _year_leads_name(self, tok, prev: _Unit | None, nxt: _Unit | None) -> bool:
        """"the 2014 Wales Summit": a year that opens the name of an event or a treaty dates it."""
        if tok.ent_type_ not in self.g.year_led_labels or prev is None or prev.key != "the":
            return False
        before = self.doc[tok.i - 1] if tok.i > 0 else None
        opens = tok.ent_iob_ == "B" or (before is not None and before.ent_iob_ == "B" and before.lower_ == "the")
        return opens and nxt is not None and nxt.code == "x" and nxt.text[:1].isupper()

    def k_year_range(self, us, rule, i, j) -> _Norm | None:
        if us[0].code == "Y":
            m = _RE_YEARSPAN.fullmatch(us[0].text)
            y1, second = int(m.group(1)), m.group(2)
        else:
            y1, second = int(us[0].text), us[-1].text
        y2 = int(second) if len(second) == 4 else (y1 // 100) * 100 + int(second) if len(second) == 2 else -1
        if not (y1 < y2 <= y1 + int(self.g.settings.get("max_year_span", 30))):
            return None
        return _Norm("date", f"{y1:04d}/{y2:04d}", "year", (dt.date(y1, 1, 1), dt.date(y2, 12, 31)), False)

    def k_decade(self, us, rule, i, j) -> _Norm | None:
        mod, _ = self.prefix(us)
        u = next(u for u in us if u.code in "eE")
        if u.code == "e":
            start = int(_RE_DECADE4.fullmatch(u.text).group(1)) * 10
            anchored = False
        else:
            digit = int(_RE_DECADE2.fullmatch(u.text).group(1))
            if self.anchor is None:
                return _Norm("date", None, "decade", None, True, mod)
            start = 2000 + digit * 10
            if start > self.anchor.date.year:
                start -= 100
            anchored = True
        return _Norm("date", f"{start // 10:03d}", "decade", _decade_range(start), anchored, mod)

    def k_century(self, us, rule, i, j) -> _Norm | None:
        mod, _ = self.prefix(us)
        u = next((u for u in us if u.code in "oO" or self.g.is_(u, "ORD")), None)
        n = _leading_int(u.text) if u.code in "oO" else self.pay(u, "ORD")
        if not n or n < 1 or n > 30:
            return None
        return _Norm("date", f"{n - 1:02d}", None, _century_range(n - 1), False, mod)

    def _yearish(self, us: list[_Unit]) -> tuple[int | None, bool, bool]:
        """The year of "of 2025" / "of last year" / "of the year": (year, anchored, present)."""
        year_u = next((u for u in us if u.code == "y"), None)
        if year_u is not None:
            return int(year_u.text), False, True
        if any(u.key == "year" for u in us):
            rel = self.pay(self.first(us, "REL"), "REL") or 0
            return (self.anchor.date.year + int(rel) if self.need("year") else None), True, True
        return None, True, False

    def _ordinal_part(self, us: list[_Unit], code: str, word: str, last: int) -> tuple[int | None, list[_Unit]]:
        """(n, the units that follow) of "Q3", "H1", "the third quarter", "the final half"."""
        marker = next((u for u in us if u.code == code), None)
        if marker is not None:
            return int(marker.text[1]), [u for u in us if u is not marker]
        k = next(n for n, u in enumerate(us) if u.key == word)
        o = self.first(us[:k], "ORD")
        n = last if o is None or self.pay(o, "ORD") == -1 else int(self.pay(o, "ORD"))
        return (n if 1 <= n <= last else None), us[k + 1:]

    def _part_of_year(self, rest, i, j, build, fmt, gran, mod) -> _Norm:
        """A quarter or half: of the year given in ``rest``, else the one nearest the anchor."""
        y, anchored, present = self._yearish(rest)
        if not present:
            if self.anchor is None:
                return _Norm("date", fmt("XXXX"), gran, None, True, mod)
            picked = choose_instance(self.anchor, build, direction=self.direction(i, j))
            y = picked[0] if picked else None
        if y is None:
            return _Norm("date", None, gran, None, True, mod)
        return _Norm("date", fmt(f"{y:04d}"), gran, build(y), anchored, mod)

    def k_quarter(self, us, rule, i, j) -> _Norm | None:
        mod, _ = self.prefix(us)
        if rule.id == "quarter_relative":
            rel = int(self.pay(self.first(us, "REL"), "REL"))
            if not self.need("month"):
                return _Norm("date", None, "quarter", None, True, mod)
            d = _add_months(self.anchor.date.replace(day=1), 3 * rel)
            q = (d.month - 1) // 3 + 1
            return _Norm("date", f"{d.year:04d}-Q{q}", "quarter", _quarter_range(d.year, q), True, mod)
        q, rest = self._ordinal_part(us, "q", "quarter", 4)
        if q is None:
            return None
        return self._part_of_year(rest, i, j, lambda y: _quarter_range(y, q), lambda y: f"{y}-Q{q}", "quarter", mod)

    def k_half(self, us, rule, i, j) -> _Norm | None:
        h, rest = self._ordinal_part(us, "h", "half", 2)
        if h is None:
            return None

        def build(y: int) -> tuple[dt.date, dt.date]:
            return (dt.date(y, 1, 1), dt.date(y, 6, 30)) if h == 1 else (dt.date(y, 7, 1), dt.date(y, 12, 31))

        return self._part_of_year(rest, i, j, build, lambda y: f"{y}-H{h}", None, None)

    def k_holiday(self, us, rule, i, j) -> _Norm | None:
        mod, _ = self.prefix(us)
        h_u = next(u for u in us if u.code == "H")
        year_u = next((u for u in us if u.code == "y"), None)
        spec = str(h_u.payload)
        if year_u is not None:
            d = _holiday_date(spec, int(year_u.text))
            return None if d is None else _Norm("date", d.isoformat(), "day", (d, d), False, mod)
        if self.anchor is None:
            if re.fullmatch(r"[0-9]{2}-[0-9]{2}", spec):
                return _Norm("date", f"XXXX-{spec}", "day", None, True, mod)
            return _Norm("date", None, "day", None, True, mod)
        rel = self.pay(self.first(us, "REL"), "REL")

        def build(y: int):
            d = _holiday_date(spec, y)
            return (d, d) if d else None

        picked = choose_instance(self.anchor, build, rel=rel, direction=self.direction(i, j) if rel is None else 0)
        if picked is None:
            return _Norm("date", None, "day", None, True, mod)
        d = picked[1][0]
        return _Norm("date", d.isoformat(), "day", (d, d), True, mod)

    # -- seasons ------------------------------------------------------------------------
    def k_season(self, us, rule, i, j) -> _Norm | None:
        mod, _ = self.prefix(us)
        s_u = self.first(us, "SEASON")
        s = self.pay(s_u, "SEASON")
        year_u = next((u for u in us if u.code == "y"), None)
        if year_u is not None:
            y = int(year_u.text)
            return _Norm("date", f"{y:04d}-{s}", "season", _season_range(y, s), False, mod)
        if self.anchor is None or not self.need("month"):
            return _Norm("date", f"XXXX-{s}" if self.anchor is None else None, "season", None, True, mod)
        rel_u = self.first(us, "REL")
        if rel_u is not None:
            rel = self.pay(rel_u, "REL")
            cy, cs = _season_of(self.anchor.date)
            current_start = _season_range(cy, cs)[0]
            this_y = self.anchor.date.year - (1 if s == "WI" and self.anchor.date.month <= 2 else 0)
            if rel == 0:
                y = this_y
            elif rel < 0:
                y = this_y if _season_range(this_y, s)[0] < current_start else this_y - 1
            else:
                y = this_y if _season_range(this_y, s)[0] > current_start else this_y + 1
            return _Norm("date", f"{y:04d}-{s}", "season", _season_range(y, s), True, mod)
        picked = choose_instance(self.anchor, lambda y: _season_range(y, s), direction=self.direction(i, j))
        if picked is None:
            return _Norm("date", None, "season", None, True, mod)
        y, interval = picked
        return _Norm("date", f"{y:04d}-{s}", "season", interval, True, mod)

    # -- days of the week ---------------------------------------------------------------
    def k_weekday(self, us, rule, i, j) -> _Norm | None:
        wd_u = self.first(us, "WEEKDAY")
        wd = int(self.pay(wd_u, "WEEKDAY"))
        rel = self.pay(self.first(us, "REL"), "REL")
        mod_u = self.first(us, "MOD")
        mod = self.pay(mod_u, "MOD") if mod_u is not None else None
        pod = self.pay(self.first(us, "POD"), "POD")
        tclass = "time" if pod else "date"
        suffix = f"T{pod}" if pod else ""
        if self.anchor is None:
            return _Norm(tclass, f"XXXX-WXX-{wd}{suffix}", "day", None, True, mod)
        if not self.need("day"):
            return _Norm(tclass, None, "day", None, True, mod)
        d = resolve_weekday(self.anchor.date, wd, rel=rel, direction=self.direction(i, j) if rel is None else 0)
        return _Norm(tclass, d.isoformat() + suffix, "day", (d, d), True, mod)

    def k_part_of_day(self, us, rule, i, j) -> _Norm | None:
        """"the night of 9-10 September 2025": the named day's value with the part of the day (TNI)."""
        pod = self.pay(self.first(us, "POD"), "POD")
        core = us[next(k for k, u in enumerate(us) if u.key == "of") + 1:]
        days = [k for k, u in enumerate(core) if u.code in "do"]
        if len(days) == 2:  # a night across two days is the night of the first
            core = core[:days[0] + 1] + core[days[1] + 1:]
        norm = self.k_calendar(core, rule, i, j)
        if norm is None or norm.granularity != "day":
            return None
        value = f"{norm.value}T{pod}" if norm.value else None
        return _Norm("time", value, "day", norm.interval, norm.anchored, norm.mod)

    def k_weekend(self, us, rule, i, j) -> _Norm | None:
        rel = self.pay(self.first(us, "REL"), "REL")
        if not self.need("day"):
            return _Norm("date", "XXXX-WXX-WE" if self.anchor is None else None, "week", None, True)
        sat = resolve_weekday(self.anchor.date, 6, rel=rel, direction=self.direction(i, j) if rel is None else 0)
        return _Norm("date", _iso_week(sat) + "-WE", "week", (sat, sat + dt.timedelta(days=1)), True)

    def k_relative_day(self, us, rule, i, j) -> _Norm | None:
        mod, k = self.prefix(us)
        keys = [u.key for u in us[k:]]
        pod = self.pay(self.first(us, "POD"), "POD")
        if "tonight" in keys:
            word, pod = "today", "NI"
        elif keys[:2] == ["last", "night"]:
            word, pod = "yesterday", "NI"
        elif keys[0] == "this":
            word = "today"
        else:
            word = keys[0]
        tclass = "time" if pod else "date"
        if not self.need("day"):
            return _Norm(tclass, None, "day", None, True, mod)
        reading = self.read(word, relative=True)
        if reading is None:
            return None
        d = reading[0]
        return _Norm(tclass, d.isoformat() + (f"T{pod}" if pod else ""), "day", (d, d), True, mod)

    # -- relative calendar units ----------------------------------------------------------
    def _relative_unit(self, rel: int, unit: str, mod: str | None) -> _Norm:
        gran = {"W": "week", "M": "month", "Y": "year", "DE": "decade", "CE": None}[unit]
        if not self.need(_UNIT_NEEDS[unit]):
            return _Norm("date", None, gran, None, True, mod)
        if unit in ("W", "M", "Y"):
            word = {-1: "last", 0: "this", 1: "next"}[rel]
            reading = self.read(f"{word} {_UNIT_WORD[unit][:-1]}", relative=True)
            if reading is not None:
                value, gran, interval = _period_value(reading[0], reading[1])
                return _Norm("date", value, gran, interval, True, mod)
            return _Norm("date", None, gran, None, True, mod)
        y = self.anchor.date.year
        if unit == "DE":
            start = (y // 10 + rel) * 10
            return _Norm("date", f"{start // 10:03d}", "decade", _decade_range(start), True, mod)
        c = y // 100 + rel
        return _Norm("date", f"{c:02d}", None, _century_range(c), True, mod)

    def k_relative(self, us, rule, i, j) -> _Norm | None:
        mod, k = self.prefix(us)
        rel = self.pay(self.first(us[k:], "REL"), "REL")
        unit = self.pay(self.first(us[k:], "CAL_UNIT"), "CAL_UNIT")
        return self._relative_unit(int(rel), str(unit), mod)

    def k_the_period(self, us, rule, i, j) -> _Norm | None:
        mod, k = self.prefix(us)
        unit = self.pay(self.first(us[k:], "CAL_UNIT"), "CAL_UNIT")
        return self._relative_unit(0, str(unit), mod)

    def _count_unit(self, us: list[_Unit]) -> tuple[float | None, str | None, bool]:
        """(count, unit, fuzzy) of "five years", "a month", "several weeks", "years"."""
        unit_u = self.first(us, "UNIT")
        if unit_u is None:
            return None, None, False
        mult, unit = _split_unit(str(self.pay(unit_u, "UNIT")))
        before = us[: us.index(unit_u)]
        fuzzy = any(u.key in self.g.fuzzy_words for u in before)
        if "half" in [u.key for u in before]:
            base = self.number([u for u in before if u.key not in ("half", "and", "a", "an")])
            count = (base or 0) + 0.5
        else:
            count = None if fuzzy else self.number(before)
        if count is not None:
            count *= mult
        return count, unit, fuzzy

    def k_ago(self, us, rule, i, j) -> _Norm | None:
        count, unit, _ = self._count_unit(us)
        if count is None:
            return _Norm("date", "PAST_REF", None, None, True)
        gran = _UNIT_GRAN.get(unit, "day")
        if not self.need(_UNIT_NEEDS[unit]) or not float(count).is_integer():
            return _Norm("date", None, gran, None, True)
        n = int(count)
        if unit in ("DE", "CE"):
            y = self.anchor.date.year - n * (10 if unit == "DE" else 100)
            if unit == "DE":
                return _Norm("date", f"{y // 10:03d}", "decade", _decade_range(y // 10 * 10), True)
            return _Norm("date", f"{y:04d}", "year", _year_range(y), True)
        return self._relative(f"{n} {_UNIT_WORD[unit]} ago", gran)

    def k_from_now(self, us, rule, i, j) -> _Norm | None:
        count, unit, _ = self._count_unit(us)
        gran = _UNIT_GRAN.get(unit, "day")
        if count is None or unit not in _UNIT_WORD or not float(count).is_integer() or not self.need(_UNIT_NEEDS[unit]):
            return _Norm("date", None, gran, None, True)
        return self._relative(f"in {int(count)} {_UNIT_WORD[unit]}", gran)

    def _relative(self, phrase: str, gran: str) -> _Norm:
        """dateparser's reading of a relative phrase ("3 weeks ago", "in 2 months") at its period."""
        reading = self.read(phrase, relative=True)
        if reading is None:
            return _Norm("date", None, gran, None, True)
        period = reading[1] if reading[1] in ("day", "week", "month", "year") else "day"
        value, gran, interval = _period_value(reading[0], period)
        return _Norm("date", value, gran, interval, True)

    def k_offset(self, us, rule, i, j) -> _Norm | None:
        count, unit, _ = self._count_unit(us)
        if unit is None:
            return None
        if self._lone_one_day(us, i):
            return None
        unit_tok = self.doc[self.first(us, "UNIT").tok]
        if unit_tok.dep_ == "pobj" and unit_tok.head.lower_ in self.g.duration_preps:
            # "for 50 minutes before turning back": a span of time; the shorter duration
            # rule reads "50 minutes" (and its qualifier) instead
            return None
        return _Norm("date", None, _UNIT_GRAN.get(unit), None, False)

    def k_anaphoric(self, us, rule, i, j) -> _Norm | None:
        mod, _ = self.prefix(us)  # "the end of that year", "later that week"
        last = us[-1].key
        gran = {"day": "day", "week": "week", "weekend": "week", "month": "month", "year": "year", "decade": "decade"}
        return _Norm("date", None, gran.get(last), None, False, mod)

    # -- times of day -------------------------------------------------------------------
    def k_clock(self, us, rule, i, j) -> _Norm | None:
        words = [u for u in us if not self.g.is_(u, "TZ")]
        if len(words) == 1 and words[0].code in "ny":
            # "0400 GMT", "1430 UTC": the four-digit clock of wire copy, only before a time
            # zone written in capitals ("2010 et al." is a citation)
            zone = us[-1].text
            m = re.fullmatch(r"([01][0-9]|2[0-3])([0-5][0-9])", words[0].text) if zone.isupper() else None
            return _Norm("time", f"T{m.group(1)}:{m.group(2)}", "day", None, True) if m else None
        reading = self.read(self.surface(words))
        if reading is None:
            return None
        _, _, hour, minute = reading
        return _Norm("time", f"T{hour:02d}:{minute:02d}", "day", None, True)

    # -- durations ----------------------------------------------------------------------
    def _lone_one_day(self, us: list[_Unit], i: int) -> bool:
        """"one day" without a preposition is "some day", not a duration."""
        if len(us) >= 2 and us[0].key == "one" and us[1].key == "day":
            prev = _neighbour(self.units, i, -1)
            return prev is None or not self.g.is_(prev, "TPREP")
        return False

    def k_duration(self, us, rule, i, j) -> _Norm | None:
        count, unit, fuzzy = self._count_unit(us)
        if unit is None or (count is None and not fuzzy) or self._lone_one_day(us, i):
            return None
        if count is not None and count <= 0:
            return None
        return _Norm("duration", duration_value(count, unit), _UNIT_GRAN.get(unit), None, False)

    def k_duration_long(self, us, rule, i, j) -> _Norm | None:
        """"year-long" (P1Y), "decades-long" (PXDE): a span of one unit, or of an unknown number."""
        unit_u = self.first(us, "UNIT")
        mult, unit = _split_unit(str(self.pay(unit_u, "UNIT")))
        count = None if self.g.is_(unit_u, "UNIT_PL") else mult
        return _Norm("duration", duration_value(count, unit), _UNIT_GRAN.get(unit), None, False)

    def k_duration_bare(self, us, rule, i, j) -> _Norm | None:
        prev = _neighbour(self.units, i, -1)
        nxt = _neighbour(self.units, j - 1, +1)
        if nxt is not None and nxt.key in ("'", "'s"):
            return None
        relative = nxt is not None and nxt.key in ("after", "before", "later", "earlier")
        if prev is not None and self.doc[prev.tok].pos_ not in self.g.bare_prev_pos and not relative:
            return None  # "the early days", "working hours": not a span of time
        _, unit, _ = self._count_unit(us)
        return _Norm("duration", duration_value(None, unit), _UNIT_GRAN.get(unit), None, False)

    def k_duration_ordinal(self, us, rule, i, j) -> _Norm | None:
        ord_u = us[0]
        n = _leading_int(ord_u.text) if ord_u.code == "o" else self.pay(ord_u, "ORD")
        if not n or n < 1:
            return None
        mult, unit = _split_unit(str(self.pay(us[-1], "UNIT")))
        return _Norm("duration", duration_value(n * mult, unit), _UNIT_GRAN.get(unit), None, False)

    def k_duration_deictic(self, us, rule, i, j) -> _Norm | None:
        deixis = self.pay(self.first(us, "DEIXIS"), "DEIXIS")
        count, unit, fuzzy = self._count_unit([u for u in us if not self.g.is_(u, "DEIXIS") and u.key != "the"])
        unit_u = self.first(us, "UNIT")
        plural = self.g.is_(unit_u, "UNIT_PL")
        if fuzzy or (count is None and plural):
            return _Norm("date", "PAST_REF" if deixis < 0 else "FUTURE_REF", None, None, True)
        if count is None:
            count = float(_split_unit(str(self.pay(unit_u, "UNIT")))[0])
        interval = None
        if self.need(_UNIT_NEEDS[unit]):
            a = self.anchor.date
            interval = (_shift(a, count, unit, -1), a) if deixis < 0 else (a, _shift(a, count, unit, +1))
        return _Norm("duration", duration_value(count, unit), _UNIT_GRAN.get(unit), interval, True)

    def k_a_unit(self, us, rule, i, j) -> _Norm | None:
        mult, unit = _split_unit(str(self.pay(us[-1], "UNIT")))
        prev = _neighbour(self.units, i, -1)
        if prev is not None:
            tok = self.doc[prev.tok]
            number_like = prev.code in _NUMERIC_CODES or tok.like_num or tok.pos_ == "NUM"
            if number_like or tok.tag_ == "NNS" or prev.key in self.g.rate_preceders:
                return _Norm("set", duration_value(mult, unit), _UNIT_GRAN.get(unit), None, False)
        return _Norm("duration", duration_value(mult, unit), _UNIT_GRAN.get(unit), None, False)

    # -- sets ---------------------------------------------------------------------------
    def k_set(self, us, rule, i, j) -> _Norm | None:
        g = self.g
        if len(us) == 1 and g.is_(us[0], "SET_ADJ"):
            if self.doc[us[0].tok].pos_ not in g.set_adj_pos:
                return None  # "the Daily", "a weekly" used as a noun: a publication
            value = str(self.pay(us[0], "SET_ADJ"))
            return _Norm("set", value, None, None, False)
        wd_u = self.first(us, "WEEKDAY") or self.first(us, "WEEKDAY_PL")
        if wd_u is not None:
            wd = self.pay(wd_u, "WEEKDAY") or self.pay(wd_u, "WEEKDAY_PL")
            return _Norm("set", f"XXXX-WXX-{wd}", None, None, False)
        season_u, month_u = self.first(us, "SEASON"), self.first(us, "MONTH")
        if season_u is not None:
            return _Norm("set", f"XXXX-{self.pay(season_u, 'SEASON')}", None, None, False)
        if month_u is not None:
            return _Norm("set", f"XXXX-{int(self.pay(month_u, 'MONTH')):02d}", None, None, False)
        unit_u = self.first(us, "UNIT")
        if unit_u is None:
            return None
        mult, unit = _split_unit(str(self.pay(unit_u, "UNIT")))
        count = 1.0
        keys = [u.key for u in us]
        if "other" in keys:
            count = 2.0
        elif keys[0] in ("every", "each"):
            count = self.number(us[1:-1]) or 1.0
        return _Norm("set", duration_value(count * mult, unit), _UNIT_GRAN.get(unit), None, False)

    # -- vague references ---------------------------------------------------------------
    def k_ref(self, us, rule, i, j) -> _Norm | None:
        return _Norm("date", rule.value, None, None, True)

    # -- tense --------------------------------------------------------------------------
    def direction(self, i: int, j: int) -> int:
        """-1 when the governing verb puts the expression in the past, +1 future, 0 unknown."""
        toks = sorted({u.tok for u in self.units[i:j] if u.code != "|"})
        if not toks:
            return 0
        inside = set(toks)
        outside = (self.doc[t] for t in toks if self.doc[t].head.i not in inside or self.doc[t].head.i == t)
        head = next(outside, self.doc[toks[0]])
        if head.dep_ == "poss" or any(c.dep_ == "case" for c in head.children):
            return 0  # "Friday's meeting": nothing says which Friday
        tok = head
        for _ in range(8):
            if tok.i not in inside:
                if tok.lower_ in self.g.past_preps:
                    return -1
                if tok.lower_ in self.g.future_preps:
                    return 1
                if tok.lower_ in self.g.neutral_preps and tok.dep_ == "prep":
                    return 0
                if tok.pos_ in ("VERB", "AUX"):
                    return self._verb_tense(tok, 2)
            if tok.head.i == tok.i:
                break
            tok = tok.head
        return 0

    def _verb_tense(self, v, depth: int) -> int:
        g = self.g
        aux = [c for c in v.children if c.dep_ in ("aux", "auxpass")]
        if any(_key(a.text) in g.future_aux for a in aux):
            return 1
        if v.lemma_ in g.future_cues:
            # "is expected on Monday" points ahead; "promised a hike in March" only says
            # the hike comes after the promise, which may itself lie before the anchor, and
            # "was proposed in March" dates the proposal itself ("has been scheduled for
            # Thursday" still points ahead)
            return 0 if v.tag_ == "VBD" or any(a.tag_ == "VBD" for a in aux) else 1
        complements = (c for c in v.children if c.dep_ in ("acomp", "attr", "xcomp", "oprd") and c.tag_ != "VBD")
        if any(c.lemma_ in g.future_cues for c in complements):
            return 1
        if any(a.tag_ == "TO" for a in aux):
            h = v.head
            if h.i != v.i and depth > 0:
                if h.lemma_ in g.future_cues or h.lemma_ == "be":
                    return 1
                if h.pos_ in ("VERB", "AUX") and self._verb_tense(h, depth - 1) < 0:
                    return -1
            return 1
        if v.tag_ == "VBD":
            return -1
        if any(a.tag_ == "VBD" for a in aux) or any(a.lemma_ == "have" for a in aux):
            return -1
        if v.tag_ == "VBN":
            return 0 if any(a.tag_ in ("VBZ", "VBP") for a in aux) else -1
        if v.tag_ == "VBG" and any(a.tag_ in ("VBZ", "VBP") for a in aux):
            return 1
        return 0


# ---------------------------------------------------------------------------------------
# extraction
# ---------------------------------------------------------------------------------------
def _identifier_context(units: list[_Unit], i: int, g: _Grammar) -> bool:
    """True when an identifier cue names the number at unit ``i`` ("ISSN (Print) 1861-1761",
    "SWP Comment 3/2022", "tel. +32 2 281"): the cue is the nearest word before it, skipping
    punctuation and one parenthesised label."""
    k = i - 1
    skipped_parenthesis = False
    while k >= 0:
        u = units[k]
        if u.code == "|" or u.text in ("+", ":", "#", "-"):
            k -= 1
        elif u.text == ")" and not skipped_parenthesis:
            while k >= 0 and units[k].text != "(":
                k -= 1
            k -= 1
            skipped_parenthesis = True
        else:
            return u.key in g.identifier_cues
    return False


def _vetoed(units: list[_Unit], i: int, j: int, doc, g: _Grammar) -> bool:
    """Context vetoes shared by all rules: identifiers, currency, names."""
    span = [u for u in units[i:j] if u.code != "|"]
    numeric = any(u.code in _NUMERIC_CODES or u.code == "D" for u in span)
    if numeric and _identifier_context(units, i, g):
        return True
    prev = _neighbour(units, i, -1)
    if numeric and prev is not None and (prev.text in _CURRENCY or prev.text.endswith("/")):
        return True
    if len(span) <= 2 and not numeric:
        # a lone month, weekday, season or "now" inside a name ("Theresa May", "The Sunday Times")
        head = span[0]
        tok = doc[head.tok]
        if tok.ent_type_ in g.veto_labels and len(span) == 1 and head.code != "H":
            return True
        nxt = _neighbour(units, j - 1, +1)
        if (
            prev is not None and prev.key == "the" and nxt is not None and nxt.code == "x"
            and nxt.text[:1].isupper() and (g.is_(head, "WEEKDAY") or g.is_(head, "MONTH"))
        ):
            return True
    return False


def _qualifier(units: list[_Unit], i: int, g: _Grammar) -> str | None:
    """The TIMEX3 mod of a qualifier just before the span ("up to 45 years")."""
    keys: list[str] = []
    k = i - 1
    while k >= 0 and len(keys) < 3:
        if units[k].code != "|":
            keys.insert(0, units[k].key)
        k -= 1
    for phrase, mod in g.qualifiers:
        if tuple(keys[-len(phrase):]) == phrase:
            return mod
    return None


def _counted(first: _Unit, g: _Grammar) -> bool:
    """True when a span opens with its number ("45 years"), the only place a qualifier binds."""
    return first.code in _NUMERIC_CODES or g.is_(first, "NUMWORD") or first.key in ("a", "an", "half")


def _extract(doc, text: str, g: _Grammar, anchor: _Anchor | None) -> tuple[list[_Found], list[_Unit]]:
    """All temporal expressions of one article, normalised, in text order (and the units)."""
    doc_len = doc[-1].idx + len(doc[-1].text_with_ws) if len(doc) else 0
    if doc_len != len(text):
        raise ValueError(f"[E308] Doc has {doc_len} characters but the article has {len(text)}")
    units = _units(doc, text, g)
    codes = "".join(u.code for u in units)
    candidates = []
    for rule in g.rules:
        for m in rule.regex.finditer(codes):
            if m.end() > m.start():
                candidates.append((m.start(), m.end(), rule))
    candidates.sort(key=lambda c: (-(c[1] - c[0]), c[0], c[2].order))
    taken = bytearray(len(units))
    interp = _Interpreter(doc, text, units, g, anchor)
    found: list[_Found] = []
    for i, j, rule in candidates:
        if any(taken[i:j]):
            continue
        if _vetoed(units, i, j, doc, g):
            continue
        norm = interp(i, j, rule)
        if norm is None:
            continue
        qualifiable = norm.tclass == "duration" or rule.kind in ("year", "decade")
        if norm.mod is None and qualifiable and _counted(units[i], g):
            mod = _qualifier(units, i, g)
            if mod is not None and (norm.tclass == "duration" or mod == "APPROX"):
                norm.mod = mod
        while units[j - 1].code == "|":
            j -= 1
        taken[i:j] = b"\x01" * (j - i)
        found.append(_Found(units[i].start, units[j - 1].end, norm, i, j, rule.kind))
    found.sort(key=lambda f: (f.start, f.end))
    _date_clock_times(found, units, doc, anchor)
    return found, units


def _date_clock_times(found: list[_Found], units: list[_Unit], doc, anchor: _Anchor | None) -> None:
    """Give a clock time ("3 p.m.") the day of a date in its sentence, else the anchor's."""
    for f in found:
        if f.kind != "clock" or not f.norm.value.startswith("T"):
            continue
        sent = doc[units[f.first].tok].sent
        days = [
            o for o in found
            if o is not f and o.norm.granularity == "day" and o.norm.interval
            and o.norm.interval[0] == o.norm.interval[1] and sent.start_char <= o.start < sent.end_char
        ]
        if days:
            other = min(days, key=lambda o: abs(o.start - f.start))
            d = other.norm.interval[0]
            f.norm.value = d.isoformat() + f.norm.value
            f.norm.interval = (d, d)
            f.norm.anchored = other.norm.anchored
        elif anchor is not None and anchor.allows("day"):
            f.norm.value = anchor.date.isoformat() + f.norm.value
            f.norm.interval = (anchor.date, anchor.date)
        else:
            f.norm.value = "XXXX-XX-XX" + f.norm.value if anchor is None else None


def _row(article: Article, f: _Found, anchor: _Anchor | None) -> dict:
    cols = article.span_columns(f.start, f.end)
    n = f.norm
    row = {
        "date_id": span_id("t_", article.source, cols["start"], cols["end"]),
        **cols,
        "tclass": n.tclass,
        "value": n.value,
        "range_start": n.interval[0] if n.interval else None,
        "range_end": n.interval[1] if n.interval else None,
        "granularity": n.granularity,
        "anchored": bool(n.anchored),
        "anchor": anchor.date if (anchor is not None and n.anchored) else None,
        "mod": n.mod,
    }
    return {c: row[c] for c in COLUMNS}


class DateExtractor:
    """The `dates` stage: temporal expressions of one article as rows of the `dates` table.

    ``lexicon`` is the parsed ``configs/dates.toml``; the grammar is compiled once here.
    """

    def __init__(self, lexicon: dict) -> None:
        self.lexicon = lexicon
        self.grammar = _grammar_for(lexicon)

    def __call__(self, doc, article: Article) -> list[dict]:
        """Rows (columns of ``SCHEMAS["dates"]``) in text order, anchored to ``article.published``."""
        anchor = _anchor_of(article)
        found, _ = _extract(doc, article.text, self.grammar, anchor)
        return [_row(article, f, anchor) for f in found]


# ---------------------------------------------------------------------------------------
# publication date inference
# ---------------------------------------------------------------------------------------
def _is_header(text: str, f: _Found, header_chars: int) -> bool:
    """A date alone on a line near the top, or opening a dateline ("June 4, 2025 —")."""
    if f.start > header_chars:
        return False
    line_start = text.rfind("\n", 0, f.start) + 1
    line_end = text.find("\n", f.end)
    line_end = len(text) if line_end < 0 else line_end
    before = text[line_start:f.start].strip()
    after = text[f.end:line_end].strip()
    before_ok = before == "" or bool(re.fullmatch(r"[A-Z][A-Z .'\u2019-]*,?", before))
    after_ok = after == "" or after[0] in "—–-|:("
    return before_ok and after_ok


def infer_publication_date(doc, article: Article, *, lexicon: dict) -> tuple[dt.date, str] | None:
    """The most plausible publication date of an article that carries none, and its precision.

    Only the article's own fully specified dates count, in this order:
    1. a date alone on a line near the top or opening a dateline ("Sunday, February 01, 2026",
       "BRUSSELS, March 6, 2025 —"): that day;
    2. a date after a publication cue ("First published ... June 4, 2025"): that day;
    3. the latest event reported in the past tense and the earliest date spoken of in the
       future tense, when they are at most ``max_bound_gap_days`` apart: the month after
       the past event ("adopted in May 2025" ... "at the end of June 2025" -> June 2025);
    4. a past-tense day in the lede ("On 2 March 2025, leaders agreed ..."): its month.
    Otherwise None: one old date ("the invasion in February 2022") bounds the publication
    date from one side only, and a wrong anchor would misplace every relative expression.
    """
    g = _grammar_for(lexicon)
    found, units = _extract(doc, article.text, g, None)
    fixed = [
        f for f in found
        if f.norm.tclass == "date" and not f.norm.anchored and f.norm.interval is not None
        and f.norm.granularity in ("day", "month", "season", "quarter", "year")
    ]
    if not fixed:
        return None
    header_chars = int(g.settings.get("header_chars", 400))
    window = int(g.settings.get("publication_cue_window", 10))
    starts = {u.start: k for k, u in enumerate(units)}
    days = [f for f in fixed if f.norm.granularity == "day"]
    for f in days:
        if _is_header(article.text, f, header_chars):
            return f.norm.interval[0], "day"
    for f in days:
        k = starts.get(f.start)
        line_start = article.text.rfind("\n", 0, f.start) + 1
        before = [u for u in units[max(0, (k or 0) - window):k or 0] if u.code != "|" and u.start >= line_start]
        if any(u.key in g.publication_cues for u in before):
            return f.norm.interval[0], "day"
    interp = _Interpreter(doc, article.text, units, g, None)
    tensed = [(f, interp.direction(f.first, f.last)) for f in fixed if f.norm.granularity != "year"]
    past = [f for f, d in tensed if d < 0]
    future = [f for f, d in tensed if d > 0]
    if not past:
        return None

    def after(f: _Found) -> dt.date:
        # a whole month or season written as past ("in May 2025") is over by publication
        end = f.norm.interval[1]
        return end if f.norm.granularity == "day" else end + dt.timedelta(days=1)

    lower = max(after(f) for f in past)
    upper = min((f.norm.interval[0] for f in future if f.norm.interval[1] >= lower), default=None)
    gap = int(g.settings.get("max_bound_gap_days", 92))
    if upper is not None and (upper - lower).days <= gap:
        return min(lower, upper).replace(day=1), "month"
    lede = [f for f in past if f.norm.granularity == "day" and f.start <= header_chars]
    if lede:
        return lede[0].norm.interval[0].replace(day=1), "month"
    return None
