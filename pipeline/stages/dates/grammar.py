"""The rule compiler: the words, classes and rules of ``configs/dates.toml`` as regular expressions over codes."""
from __future__ import annotations

import re
from collections.abc import Collection
from dataclasses import dataclass

from pipeline.stages.dates.shapes import _SHAPE_CODES, _Unit, _key

_RULE_TOKEN = re.compile(
    r"""\s*(?:(?P<open><!?\(|>!?\(|\()|(?P<close>\))|(?P<alt>\|)|(?P<quant>[?*+]|\{[0-9]+(?:,[0-9]*)?\})"""
    r"""|'(?P<lit1>[^']+)'|"(?P<lit2>[^"]+)"|\#(?P<shape>[A-Z0-9_]+)|\$(?P<macro>[A-Z0-9_]+)"""
    r"""|(?P<cls>[A-Z][A-Z0-9_]*))"""
)
_GROUP_OPEN = {"(": "(?:", "<(": "(?<=", "<!(": "(?<!", ">(": "(?=", ">!(": "(?!"}


def _fiscal_start_month(lexicon: dict) -> int:
    """The month fiscal years start in: ``[fiscal] year_start``, a key of ``[fiscal.starts]`` or a month number."""
    fiscal = lexicon.get("fiscal", {})
    key = fiscal.get("year_start", 1)
    month = fiscal.get("starts", {}).get(key, key)
    if isinstance(month, bool) or not isinstance(month, int) or not 1 <= month <= 12:
        raise ValueError(f"[E309] dates lexicon: fiscal year_start {key!r} is neither a key of [fiscal.starts] "
                         "nor a month number")
    return month


@dataclass(frozen=True)
class _Rule:
    id: str
    kind: str
    regex: re.Pattern
    value: str | None
    order: int


class _Grammar:
    """The compiled lexicon: word codes, word classes and rules of ``configs/dates.toml``."""

    def __init__(self, lexicon: dict, kinds: Collection[str]) -> None:
        """Compile ``lexicon``; every rule's kind must be one of ``kinds`` (the normalisers there are)."""
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
        self.tense_reach = int(self.settings.get("tense_reach_days", 45))
        self.proper = frozenset(self.settings.get("proper_classes", ()))
        self.ambiguous_months = frozenset(_key(w) for w in self.settings.get("ambiguous_months", ()))
        self.list_joiners = frozenset(_key(w) for w in self.settings.get("list_joiners", ()))
        self.veto_labels = frozenset(self.settings.get("veto_entity_labels", ()))
        self.set_adj_pos = frozenset(self.settings.get("set_adjective_pos", ()))
        self.bare_prev_pos = frozenset(self.settings.get("bare_unit_prev_pos", ()))
        self.verb_sensitive = frozenset(self.settings.get("verb_sensitive_classes", ()))
        self.discourse_openers = frozenset(_key(w) for w in self.settings.get("discourse_openers", ()))
        self.duration_preps = frozenset(_key(w) for w in self.settings.get("duration_preps", ()))
        self.year_led_labels = frozenset(self.settings.get("year_led_name_labels", ()))
        self.fiscal_start = _fiscal_start_month(lexicon)
        tense = lexicon.get("tense", {})
        self.future_aux = frozenset(_key(w) for w in tense.get("future_aux", ()))
        self.future_cues = frozenset(tense.get("future_cue_lemmas", ()))
        self.past_preps = frozenset(tense.get("past_preps", ()))
        self.future_preps = frozenset(tense.get("future_preps", ()))
        self.neutral_preps = frozenset(tense.get("neutral_preps", ()))
        self.future_adjectives = frozenset(tense.get("future_adjectives", ()))
        self.perfect_modals = frozenset(_key(w) for w in tense.get("perfect_modals", ()))
        self.deferral_lemmas = frozenset(tense.get("deferral_lemmas", ()))
        self.deferral_preps = frozenset(tense.get("deferral_preps", ()))
        self.possessive_weekday_back = int(tense.get("possessive_weekday_back_days", 0))
        comparison = lexicon.get("comparison", {})
        self.comparison_cues = tuple(tuple(_key(w) for w in c.split()) for c in comparison.get("cues", ()))
        self.comparison_reach = int(comparison.get("reach_tokens", 12))
        year_context = lexicon.get("year_context", {})
        self.year_preceders = frozenset(_key(w) for w in year_context.get("preceders", ()))
        self.weak_year_preceders = frozenset(_key(w) for w in year_context.get("weak_preceders", ()))
        self.year_origin_words = frozenset(_key(w) for w in year_context.get("origin_words", ()))
        self.comparative_tags = frozenset(year_context.get("comparative_tags", ()))
        self.amount_comparatives = frozenset(_key(w) for w in year_context.get("amount_comparatives", ()))
        self.rate_preceders = frozenset(_key(w) for w in lexicon.get("rates", {}).get("preceders", ()))
        self.identifier_cues = frozenset(_key(w) for w in lexicon.get("identifiers", {}).get("cues", ()))
        self.publication_cues = frozenset(_key(w) for w in lexicon.get("publication", {}).get("cues", ()))
        self.qualifiers = sorted(
            ((tuple(_key(w) for w in phrase.split()), mod) for phrase, mod in lexicon.get("qualifiers", {}).items()),
            key=lambda item: -len(item[0]),
        )
        self.qualifiers_outside = frozenset(
            tuple(_key(w) for w in phrase.split()) for phrase in self.settings.get("qualifiers_outside", ())
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
            if p["kind"] not in kinds:
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

    def is_(self, unit: _Unit, cls: str) -> bool:
        """True when the unit was coded as a word of class ``cls``."""
        return unit.code in self.class_chars.get(cls, ())
