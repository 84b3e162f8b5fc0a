"""The segment configuration: ``configs/segment.toml`` checked and compiled into one ``SegmentConfig``."""
from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from pipeline.stages.segment.text import BLANK_CLASS


class SegmentConfigError(ValueError):
    """``configs/segment.toml`` lacks a key or holds a value that cannot be used (E2xx)."""


@dataclass(frozen=True)
class SegmentConfig:
    """The compiled form of ``configs/segment.toml`` (regexes built once)."""

    wrapped_min_continuations: int
    wrapped_min_ratio: float
    wrap_width_quantile: float
    fit_slack: int
    heading_max_words: int
    heading_max_chars: int
    quote_marker: str
    bullet: re.Pattern
    terminals: str
    closers: str
    openers: str
    terminal_run: re.Pattern         # terminals + closers, followed by a blank
    max_sentence_chars: int
    max_unpunctuated_chars: int
    clause_break: re.Pattern         # a clause break (";", ",", "—") and the blanks after it
    terminal_tail: re.Pattern        # terminals + closers at the end of a line
    never_final: frozenset
    maybe_final: frozenset
    starters: frozenset
    rules: re.Pattern                # every boilerplate rule, one named group each
    rule_reasons: dict
    rules_max_chars: int
    footer_reasons: frozenset
    footer_min_hits: int
    footer_max_words: int
    author_note: re.Pattern
    bio_sentence: re.Pattern         # an author bio's opening sentence
    bio_follow_up: re.Pattern        # a bio's opening sentence or one that follows it
    bio_heading: re.Pattern          # "About the author"
    bio_end_paragraphs: int
    bio_max_chars: int
    shingle: int
    marked_overlap: float
    unmarked_overlap: float
    pull_min_words: int
    repeats_max_words: int
    date: re.Pattern
    months: dict
    dateline: re.Pattern
    head_reasons: frozenset
    opening_reasons: frozenset
    closing_reasons: frozenset
    threshold: float
    cohesion_weight: float
    local_weight: float
    paragraph_weight: float
    depth_weight: float
    reintroduced_weight: float
    reintroduced_max: int
    lead_weight: float
    window_words: int
    window_paragraphs: int
    min_article_words: int
    min_rest_words: int
    min_lead_words: int
    proper_noun_weight: float
    max_paragraph_chars: int
    vector_cache_blocks: int
    titled_name: re.Pattern
    lead_attribution: re.Pattern
    stopwords: frozenset


def _get(lexicon: dict, path: str, kind: type | tuple[type, ...]) -> Any:
    node: Any = lexicon
    for part in path.split("."):
        if not isinstance(node, dict) or part not in node:
            raise SegmentConfigError(f"[E201] configs/segment.toml: missing key {path!r}; copy it from the shipped file")
        node = node[part]
    if not isinstance(node, kind) or isinstance(node, bool) and kind is not bool:
        raise SegmentConfigError(f"[E202] configs/segment.toml: {path} must be {kind}, not {type(node).__name__}")
    return node


def _cap(lexicon: dict, path: str) -> int:
    """A sentence length cap: a whole number of characters, large enough for a real sentence."""
    value = _get(lexicon, path, int)
    if value < 80:
        raise SegmentConfigError(f"[E206] configs/segment.toml: {path} = {value} would cut ordinary sentences; "
                                 "use at least 80 (the shipped value is safe)")
    return value


def _compile(pattern: str, path: str, flags: int = 0) -> re.Pattern:
    try:
        return re.compile(pattern, flags)
    except re.error as exc:
        raise SegmentConfigError(f"[E203] configs/segment.toml: {path} is not a valid regular expression: {exc}") from exc


def _char_class(chars: str) -> str:
    return "".join(re.escape(c) for c in chars)


def _alternation(words) -> str:
    """A regex alternation of ``words`` taken literally, longest first (so "EPA-EFE" beats "EPA")."""
    return "|".join(sorted(map(re.escape, words), key=len, reverse=True))


def _expander(lexicon: dict, builtins: dict[str, str]):
    """A function that replaces every ``{NAME}`` placeholder in a pattern by its regex.

    ``builtins`` are the placeholders made from word lists; the others come from the
    ``[placeholders]`` table and may use each other, so expansion repeats until no
    placeholder is left (a cycle is a configuration error).
    """
    table = _get(lexicon, "placeholders", dict)
    named = dict(builtins)
    for name, pattern in table.items():
        if not isinstance(pattern, str):
            raise SegmentConfigError(f"[E202] configs/segment.toml: placeholders.{name} must be a string")
        named[name] = f"(?:{pattern})"
    tokens = {"{" + name + "}": regex for name, regex in named.items()}

    def expand(pattern: str) -> str:
        for _ in range(len(tokens) + 1):
            if not any(token in pattern for token in tokens):
                return pattern
            for token, regex in tokens.items():
                pattern = pattern.replace(token, regex)
        raise SegmentConfigError("[E203] configs/segment.toml: the placeholders refer to each other in a cycle")

    return expand


def compile_config(lexicon: dict) -> SegmentConfig:
    """Check ``lexicon`` (the parsed ``configs/segment.toml``) and compile its patterns."""
    if not isinstance(lexicon, dict) or not lexicon:
        raise SegmentConfigError("[E200] the segment lexicon is empty; the caller must pass the parsed configs/segment.toml")
    months_cfg = _get(lexicon, "dates.months", list)
    months: dict[str, int] = {}
    for number, names in enumerate(months_cfg, start=1):
        for name in names:
            months[name.lower()] = number
    weekdays = [w.lower() for w in _get(lexicon, "dates.weekdays", list)]
    month_alt = _alternation(months)
    weekday_alt = _alternation(weekdays)
    expand = _expander(lexicon, {
        # the word-list placeholders are case-insensitive wherever they are used
        "MONTH": f"(?i:{month_alt})",
        "WEEKDAY": f"(?i:{weekday_alt})",
        "AGENCY": f"(?i:{_alternation(_get(lexicon, 'boilerplate.credits.agencies', list))})",
        "PHOTO_AGENCY": f"(?i:{_alternation(_get(lexicon, 'boilerplate.credits.photo_agencies', list))})",
    })

    terminals = _get(lexicon, "sentences.terminals", str)
    closers = _get(lexicon, "sentences.closers", str)
    openers = _get(lexicon, "sentences.openers", str)
    term, close = _char_class(terminals + "…"), _char_class(closers)

    alternatives, reasons = [], {}
    for i, rule in enumerate(_get(lexicon, "boilerplate.rules", list)):
        reason = rule.get("reason")
        if not isinstance(reason, str) or not isinstance(rule.get("patterns"), list):
            raise SegmentConfigError(f"[E204] configs/segment.toml: boilerplate.rules[{i}] needs a reason and a list of patterns")
        flag = "" if rule.get("case_sensitive") else "(?i)"
        for j, pattern in enumerate(rule["patterns"]):
            name = f"r{i}_{j}"
            body = expand(pattern)
            _compile(body, f"boilerplate.rules[{i}].patterns[{j}]")
            alternatives.append(f"(?P<{name}>{'(?i:' + body + ')' if flag else body})")
            reasons[name] = reason

    titles = sorted((t.lower() for t in _get(lexicon, "articles.person_titles", list)), key=len, reverse=True)
    particles = "|".join(map(re.escape, _get(lexicon, "articles.name_particles", list)))
    name_tok = r"[A-Z][\w’'-]*\.?"
    titled = (
        rf"(?<![\w.])(?i:{'|'.join(map(re.escape, titles))})(?<=[\w.])\s+"
        rf"((?:{name_tok}\s+(?:(?:{particles})\s+)*){{1,3}}{name_tok})"
    )
    return SegmentConfig(
        wrapped_min_continuations=_get(lexicon, "lines.wrapped_min_continuations", int),
        wrapped_min_ratio=float(_get(lexicon, "lines.wrapped_min_ratio", (int, float))),
        wrap_width_quantile=float(_get(lexicon, "lines.wrap_width_quantile", (int, float))),
        fit_slack=_get(lexicon, "lines.unpunctuated_fit_slack", int),
        heading_max_words=_get(lexicon, "lines.heading_max_words", int),
        heading_max_chars=_get(lexicon, "lines.heading_max_chars", int),
        quote_marker=_get(lexicon, "lines.quote_marker", str),
        bullet=_compile(_get(lexicon, "lines.bullet", str), "lines.bullet"),
        terminals=terminals,
        closers=closers,
        openers=openers,
        terminal_run=re.compile(f"[{term}]+[{close}]*(?=[{BLANK_CLASS}])"),
        max_sentence_chars=_cap(lexicon, "sentences.max_sentence_chars"),
        max_unpunctuated_chars=_cap(lexicon, "sentences.max_unpunctuated_chars"),
        clause_break=re.compile(f"[{_char_class(_get(lexicon, 'sentences.clause_breaks', str))}][{close}]*[{BLANK_CLASS}]+"),
        terminal_tail=re.compile(f"[{term}]+[{close}]*$"),
        never_final=frozenset(_get(lexicon, "sentences.never_final", list)),
        maybe_final=frozenset(_get(lexicon, "sentences.maybe_final", list)),
        starters=frozenset(_get(lexicon, "sentences.sentence_starters", list)),
        rules=_compile("|".join(alternatives) or r"(?!)", "boilerplate.rules"),
        rule_reasons=reasons,
        rules_max_chars=_get(lexicon, "boilerplate.max_chars", int),
        footer_reasons=frozenset(_get(lexicon, "boilerplate.footer.reasons", list)),
        footer_min_hits=_get(lexicon, "boilerplate.footer.min_hits", int),
        footer_max_words=_get(lexicon, "boilerplate.footer.max_words", int),
        author_note=_compile("|".join(f"(?:{expand(p)})" for p in _get(lexicon, "boilerplate.footer.author_note", list)) or r"(?!)",
                             "boilerplate.footer.author_note"),
        **_bio_config(lexicon, expand),
        shingle=_get(lexicon, "boilerplate.pull_quote.shingle", int),
        marked_overlap=float(_get(lexicon, "boilerplate.pull_quote.marked_overlap", (int, float))),
        unmarked_overlap=float(_get(lexicon, "boilerplate.pull_quote.unmarked_overlap", (int, float))),
        pull_min_words=_get(lexicon, "boilerplate.pull_quote.min_words", int),
        repeats_max_words=_get(lexicon, "boilerplate.pull_quote.max_article_words", int),
        date=re.compile(
            rf"(?i:(?P<m1>{month_alt})\.?\s+(?P<d1>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<y1>\d{{4}})"
            rf"|(?P<d2>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<m2>{month_alt})\.?,?\s+(?P<y2>\d{{4}})"
            rf"|(?P<y3>\d{{4}})-(?P<m3>\d{{2}})-(?P<d3>\d{{2}})"
            rf"|(?P<m4>{month_alt})\.?,?\s+(?P<y4>\d{{4}}))(?!\d)"
        ),
        months=months,
        dateline=_compile(expand(_get(lexicon, "articles.dateline", str)), "articles.dateline"),
        head_reasons=frozenset(_get(lexicon, "articles.head_reasons", list)),
        opening_reasons=frozenset(_get(lexicon, "articles.opening_reasons", list)),
        closing_reasons=frozenset(_get(lexicon, "articles.closing_reasons", list)),
        threshold=float(_get(lexicon, "articles.threshold", (int, float))),
        cohesion_weight=float(_get(lexicon, "articles.cohesion_weight", (int, float))),
        local_weight=float(_get(lexicon, "articles.local_weight", (int, float))),
        paragraph_weight=float(_get(lexicon, "articles.paragraph_weight", (int, float))),
        depth_weight=float(_get(lexicon, "articles.depth_weight", (int, float))),
        reintroduced_weight=float(_get(lexicon, "articles.reintroduced_weight", (int, float))),
        reintroduced_max=_get(lexicon, "articles.reintroduced_max", int),
        lead_weight=float(_get(lexicon, "articles.lead_weight", (int, float))),
        window_words=_get(lexicon, "articles.window_words", int),
        window_paragraphs=_get(lexicon, "articles.window_paragraphs", int),
        min_article_words=_get(lexicon, "articles.min_article_words", int),
        min_rest_words=_get(lexicon, "articles.min_rest_words", int),
        min_lead_words=_get(lexicon, "articles.min_lead_words", int),
        proper_noun_weight=float(_get(lexicon, "articles.proper_noun_weight", (int, float))),
        max_paragraph_chars=_get(lexicon, "articles.max_paragraph_chars", int),
        vector_cache_blocks=_get(lexicon, "articles.vector_cache_blocks", int),
        titled_name=_compile(titled, "articles.person_titles"),
        lead_attribution=_compile(expand(_get(lexicon, "articles.lead_attribution", str)), "articles.lead_attribution"),
        stopwords=frozenset(w.lower() for w in _get(lexicon, "articles.stopwords", list)),
    )


def _bio_config(lexicon: dict, expand) -> dict:
    """The compiled ``[boilerplate.author_bio]`` table, as keyword arguments of ``SegmentConfig``."""
    def joined(key: str) -> str:
        patterns = _get(lexicon, f"boilerplate.author_bio.{key}", list)
        return "|".join(f"(?:{expand(p)})" for p in patterns) or r"(?!)"

    sentences, follow_ups = joined("sentences"), joined("follow_ups")
    return {
        "bio_sentence": _compile(sentences, "boilerplate.author_bio.sentences"),
        "bio_follow_up": _compile(f"{sentences}|{follow_ups}", "boilerplate.author_bio.follow_ups"),
        "bio_heading": _compile(f"(?i:{expand(_get(lexicon, 'boilerplate.author_bio.heading', str))})",
                                "boilerplate.author_bio.heading"),
        "bio_end_paragraphs": _get(lexicon, "boilerplate.author_bio.end_paragraphs", int),
        "bio_max_chars": _get(lexicon, "boilerplate.author_bio.max_chars", int),
    }


@lru_cache(maxsize=8)
def _compile_cached(key: str) -> SegmentConfig:
    return compile_config(json.loads(key))


def config_for(lexicon: dict) -> SegmentConfig:
    try:
        key = json.dumps(lexicon, sort_keys=True, ensure_ascii=False)
    except (TypeError, ValueError) as exc:
        raise SegmentConfigError(f"[E200] the segment lexicon must be plain TOML data: {exc}") from exc
    return _compile_cached(key)
