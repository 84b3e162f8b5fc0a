"""Split one decoded source text into articles, paragraphs and sentences.

The segment stage's pure core: it receives the decoded text of one source (and the
source's row of ``sources.csv``), and returns the rows of the ``documents`` and
``sentences`` tables. It never reads files and never normalises the text: every
offset is a Python ``str`` index into the text it was given, and every sentence's
``text`` is an exact slice of it.

How it works, in order:

1. Lines. The text is cut at every line break (``\\n``, ``\\r\\n``, ``\\r`` and the
   other Unicode line separators); lines holding only whitespace (including
   no-break and zero-width spaces) are blank.
2. Blocks and paragraphs. Blank lines end paragraphs. When the text is hard-wrapped
   (many lines stop mid-sentence and go on in lower case on the next line) the
   wrap width is estimated and a line ends its paragraph when it ends a sentence
   and the next word would have fitted on it; headings, list items and quoted
   (``> ``) lines are paragraphs of their own. A sentence end at a full line is a
   *soft* break: not a paragraph break, but a place where an article may start.
3. Sentences inside each block: sentence-final punctuation with any closing quotes
   or brackets, followed by a word that can start a sentence; abbreviations and
   initials from the configuration do not end sentences.
4. Boilerplate: configured patterns (bylines, read times, credits, picture credits
   and captions, tag headers, licences, ISSNs, site chrome), imprint footers (runs of
   short address/ISSN lines), pull-quotes that repeat the article's own words, and
   author bios at an article's edges (its first body sentence, its last paragraphs).
5. Articles: strong cues (a dateline at a paragraph start, a tag header, a page
   date line, the end of a run of credit lines or of an imprint) and, where there
   is no cue, a paragraph whose first sentence reads as a news lead and whose
   words part from the article so far (TextTiling-style lexical cohesion).
6. Each article's title (the metadata title, else a headline at its head) and date
   (the metadata date, else a date line or dateline at its head).
"""
from __future__ import annotations

import datetime as dt
import hashlib
import json
import math
import re
import sys
from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from pipeline.core.ids import span_id, stable_id

__all__ = [
    "SourceMetadata", "Segmenter", "SegmentConfig", "SegmentConfigError", "compile_config", "segment_source",
    "parse_date_line", "analyse", "BLANK_CHARS",
]


@dataclass(frozen=True)
class SourceMetadata:
    """One row of ``sources.csv``, already parsed by the caller."""

    published: dt.date | None = None
    # "day" | "month" | "year": how much of ``published`` the metadata gave
    published_precision: str | None = None
    title: str | None = None
    url: str | None = None


# --------------------------------------------------------------------------- characters

#: every character Python calls whitespace, plus the zero-width and format spaces
#: that are invisible in text: a line or sentence made only of these is blank.
BLANK_CHARS = "".join(chr(c) for c in range(sys.maxunicode + 1) if chr(c).isspace()) + "\u180e\u200b\u200c\u200d\u2060\ufeff"
_BLANK_CLASS = "".join(f"\\u{ord(c):04x}" if ord(c) < 0x10000 else f"\\U{ord(c):08x}" for c in BLANK_CHARS)
_BLANK_RUN = re.compile(f"[{_BLANK_CLASS}]+")
_NONBLANK = re.compile(f"[^{_BLANK_CLASS}]")
_LAST_WORD = re.compile(f"[^{_BLANK_CLASS}]*$")
#: the line breaks of ``str.splitlines`` (\r\n counts as one)
_LINE_BREAK = re.compile("\r\n|[\n\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029]")
_LETTER = re.compile(r"[^\W\d_]")
#: a word starting with a letter, and the character right after it
_CONTENT_WORD = re.compile(r"([^\W\d_](?:[\w’'.-]*[^\W_])?)(.?)", re.S)
_NAME_SUFFIX = re.compile(r"(?:[IVX]+|Jr\.?|Sr\.?)")  # "Charles III": the surname is the name before
_DOTTED = re.compile(r"(?:[^\W\d_]\.)+[^\W\d_]")


class SegmentConfigError(ValueError):
    """``configs/segment.toml`` lacks a key or holds a value that cannot be used (E2xx)."""


def _collapse(text: str) -> str:
    """``text`` with every run of blank characters turned into one space, stripped."""
    return _BLANK_RUN.sub(" ", text).strip(" ")


# --------------------------------------------------------------------------- configuration

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
        terminal_run=re.compile(f"[{term}]+[{close}]*(?=[{_BLANK_CLASS}])"),
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


def _config_for(lexicon: dict) -> SegmentConfig:
    try:
        key = json.dumps(lexicon, sort_keys=True, ensure_ascii=False)
    except (TypeError, ValueError) as exc:
        raise SegmentConfigError(f"[E200] the segment lexicon must be plain TOML data: {exc}") from exc
    return _compile_cached(key)


# --------------------------------------------------------------------------- lines

@dataclass(frozen=True)
class _Line:
    start: int    # first character of the line
    cstart: int   # first non-blank character (== cend for a blank line)
    cend: int     # end of the last non-blank character

    @property
    def blank(self) -> bool:
        return self.cstart == self.cend


def _lines(text: str) -> list[_Line]:
    """Every line of ``text`` with the extent of its non-blank content."""
    lines = []
    start = 0
    for m in [*_LINE_BREAK.finditer(text), None]:
        end = m.start() if m else len(text)
        segment = text[start:end]
        left = segment.lstrip(BLANK_CHARS)
        if left:
            cstart = end - len(left)
            lines.append(_Line(start, cstart, cstart + len(left.rstrip(BLANK_CHARS))))
        else:
            lines.append(_Line(start, end, end))
        if m:
            start = m.end()
    return lines


def _first_word(text: str, line: _Line) -> str:
    """The first blank-delimited word of a line (at most 60 characters are looked at)."""
    head = text[line.cstart:min(line.cend, line.cstart + 60)]
    m = _BLANK_RUN.search(head)
    return head[:m.start()] if m else head


def _first_letter(text: str, pos: int, end: int, openers: str) -> str:
    """The first character after any opening quotes/brackets at ``pos`` ('' at the end)."""
    limit = min(end, pos + 8)
    while pos < limit and text[pos] in openers:
        pos += 1
    return text[pos] if pos < end else ""


# --------------------------------------------------------------------------- sentence ends

def _previous_word(text: str, lo: int, pos: int) -> str:
    """The blank-delimited word ending at ``pos`` (at most 40 characters back)."""
    m = _LAST_WORD.search(text[max(lo, pos - 40):pos])
    return m.group(0) if m else ""


def _ends_sentence(cfg: SegmentConfig, text: str, lo: int, run_start: int, run_end: int, next_word: str) -> bool:
    """Whether the terminal run ``text[run_start:run_end]`` ends a sentence before ``next_word``.

    ``lo`` bounds how far back the word before the run may be looked for.
    """
    if not next_word:
        return True
    stripped = next_word.lstrip(cfg.openers)
    first = stripped[:1]
    opened = len(stripped) < len(next_word)
    if first.islower():
        return False
    run = text[run_start:run_end]
    core = run.rstrip(cfg.closers)
    if any(c != "." for c in core):
        if "…" in core and set(core) <= {"…", "."}:
            # a spaced ellipsis marks an elision inside the sentence ("speed … there's")
            return run_start > lo and text[run_start - 1] not in BLANK_CHARS and (first.isupper() or opened)
        return True
    if len(core) > 1:  # "..." is an ellipsis, as above
        return run_start > lo and text[run_start - 1] not in BLANK_CHARS and (first.isupper() or opened)
    word = _previous_word(text, lo, run_start).lstrip(cfg.openers)
    if run != core:  # 'said "no."' - a closer after the period: the sentence ended
        return True
    if not word:
        return True
    if word in cfg.never_final:
        return False
    # initials ("J. R. Tolkien"), dotted acronyms and abbreviations that may also end a
    # sentence ("the U.S. The ..."): only a typical sentence opener after them ends it
    if (word in cfg.maybe_final or (len(word) == 1 and word.isalpha() and word.isupper())
            or _DOTTED.fullmatch(word)):
        return stripped.rstrip(",;:") in cfg.starters or opened
    return True


def _split_sentences(cfg: SegmentConfig, text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Sentence spans (trimmed of blanks) of the block ``text[start:end]``."""
    spans = []
    cursor = start
    for m in cfg.terminal_run.finditer(text, start, end):
        gap = _NONBLANK.search(text, m.end(), end)
        if gap is None:
            break
        next_word = text[gap.start():min(end, gap.start() + 40)]
        cut = _BLANK_RUN.search(next_word)
        if cut:
            next_word = next_word[:cut.start()]
        if m.end() <= cursor or not _ends_sentence(cfg, text, cursor, m.start(), m.end(), next_word):
            continue
        spans.append((cursor, m.end()))
        cursor = gap.start()
    spans.append((cursor, end))
    return [_trim(text, s, e) for s, e in spans if _NONBLANK.search(text, s, e)]


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    first = _NONBLANK.search(text, start, end)
    start = first.start() if first else start
    piece = text[start:end].rstrip(BLANK_CHARS)
    return start, start + len(piece)


# --------------------------------------------------------------------------- blocks

@dataclass
class _Block:
    """A run of lines that is a paragraph, or a piece of one cut at a soft break."""

    start: int
    end: int
    line: int            # 0-based index of its first line
    n_lines: int
    hard: bool           # starts a new paragraph
    quote: bool = False  # every line starts with the quote marker
    heading: bool = False
    dateline: bool = False
    sentences: list[tuple[int, int]] = field(default_factory=list)
    reasons: list[str | None] = field(default_factory=list)  # one per sentence
    words: int = 0

    @property
    def boilerplate(self) -> bool:
        return bool(self.reasons) and all(self.reasons)


def _is_wrapped(cfg: SegmentConfig, text: str, lines: list[_Line]) -> tuple[bool, int]:
    """Whether the text is hard-wrapped, and its estimated wrap width."""
    lengths, nonblank = [], 0
    for a, b in zip(lines, lines[1:]):
        if a.blank:
            continue
        nonblank += 1
        if b.blank or cfg.terminal_tail.search(text, max(a.cstart, a.cend - 12), a.cend):
            continue
        if _first_letter(text, b.cstart, b.cend, cfg.openers).islower():
            lengths.append(a.cend - a.start)
    if lines and not lines[-1].blank:
        nonblank += 1
    wrapped = len(lengths) >= cfg.wrapped_min_continuations and len(lengths) >= cfg.wrapped_min_ratio * nonblank
    if not wrapped:
        return False, 0
    lengths.sort()
    return True, lengths[min(len(lengths) - 1, int(cfg.wrap_width_quantile * len(lengths)))]


def _starts_quote(cfg: SegmentConfig, text: str, line: _Line) -> bool:
    return text.startswith(cfg.quote_marker, line.cstart)


def _heading_shape(cfg: SegmentConfig, text: str, start: int, end: int) -> bool:
    """A short unpunctuated line that starts with a capital or digit (a heading or title)."""
    if end - start > cfg.heading_max_chars:
        return False
    piece = _collapse(text[start:end])
    core = piece.rstrip(cfg.closers + BLANK_CHARS)
    if not core or core[-1] in cfg.terminals + "…,;:" or not _LETTER.search(core):
        return False
    first = _first_letter(piece, 0, len(piece), cfg.openers)
    if not (first.isupper() or first.isdigit()):
        return False
    return len(_BLANK_RUN.split(core)) <= cfg.heading_max_words


def _short_line_reason(cfg: SegmentConfig, text: str, line: _Line, limit: int) -> str | None:
    """The boilerplate reason of a line at most ``limit`` characters long that is one whole
    boilerplate line by itself ("by", "1 min read", "www.example.org")."""
    if line.cend - line.start > limit:
        return None
    return _rule_reason(cfg, text[line.cstart:line.cend])


def _title_cased(cfg: SegmentConfig, piece: str) -> bool:
    """Whether ``piece`` is a heading set in Title Case or capitals (most content words capitalised)."""
    if len(piece) > cfg.heading_max_chars:
        return False
    words = [w for w in _BLANK_RUN.split(piece) if _LETTER.search(w) and w.lower() not in cfg.stopwords]
    return len(words) >= 2 and sum(_first_letter(w, 0, len(w), cfg.openers).isupper() for w in words) >= 0.6 * len(words)


def _break_between(cfg: SegmentConfig, text: str, lines: list[_Line], p: int, i: int, width: int, block_start: int) -> str:
    """How adjacent non-blank lines ``p`` and ``i`` of a wrapped text join: 'none', 'soft' or 'hard'."""
    prev, line = lines[p], lines[i]
    if _starts_quote(cfg, text, prev) != _starts_quote(cfg, text, line):
        return "hard"
    word = _first_word(text, line)
    length = prev.cend - prev.start
    fits = length + 1 + len(word) <= width
    # a short line that is a whole boilerplate line is its own paragraph: wrapped prose
    # never leaves a lone "by" or "www.example.org" on a line of its own mid-paragraph
    if _short_line_reason(cfg, text, line, width // 2) or (fits and _short_line_reason(cfg, text, prev, width // 2)):
        return "hard"
    tail = cfg.terminal_tail.search(text, max(prev.cstart, prev.cend - 12), prev.cend)
    ends = bool(tail) and _ends_sentence(cfg, text, prev.cstart, tail.start(), tail.end(), word)
    if cfg.bullet.match(text, line.cstart, line.cend) and (fits or ends or text[prev.cend - 1] == ":"):
        return "hard"
    if _first_letter(text, line.cstart, line.cend, cfg.openers).islower():
        return "none"
    if ends or fits:
        # a dateline, date line, tag header or credit line starts its own paragraph
        line_text = _collapse(text[line.cstart:min(line.cend, line.cstart + 200)])
        if cfg.dateline.match(line_text) or _opening_line(cfg, line_text):
            return "hard"
    if ends:
        return "hard" if fits else "soft"
    if tail is not None and fits:
        return "hard"  # "... but not the U.S." on a line the next word would have fitted
    if tail is None and length + 1 + len(word) <= width - cfg.fit_slack:
        return "hard"  # a heading, a list item or the last line of an unpunctuated paragraph
    if tail is None and fits and _title_cased(cfg, text[block_start:prev.cend]):
        return "hard"  # a headline in Title Case that happens to come close to the width
    if fits and prev.cend - block_start <= 400 and _rule_reason(cfg, text[block_start:prev.cend]):
        return "hard"  # a complete boilerplate line (credit, byline) that fits
    return "none"


def _break_unwrapped(cfg: SegmentConfig, text: str, prev: _Line, line: _Line) -> str:
    """How adjacent lines of a text with one paragraph a line join: 'hard', except that a
    line stopping mid-sentence before a lower-case line goes on in it ('none')."""
    if _starts_quote(cfg, text, prev) != _starts_quote(cfg, text, line):
        return "hard"
    if not _first_letter(text, line.cstart, line.cend, cfg.openers).islower():
        return "hard"
    if cfg.terminal_tail.search(text, max(prev.cstart, prev.cend - 12), prev.cend) or text[prev.cend - 1] == ":":
        return "hard"
    limit = cfg.heading_max_chars
    if _short_line_reason(cfg, text, line, limit) or _short_line_reason(cfg, text, prev, limit):
        return "hard"
    return "none"


def _opening_line(cfg: SegmentConfig, line_text: str) -> bool:
    reason = _rule_reason(cfg, line_text)
    return reason in cfg.opening_reasons or reason in cfg.closing_reasons


def _blocks(cfg: SegmentConfig, text: str, lines: list[_Line]) -> list[_Block]:
    """Group the non-blank lines into blocks (paragraphs, or their soft-cut pieces)."""
    wrapped, width = _is_wrapped(cfg, text, lines)
    blocks: list[_Block] = []
    prev = None
    pending_hard = True
    for i, line in enumerate(lines):
        if line.blank:
            pending_hard = True
            continue
        if prev is None or pending_hard:
            kind = "hard"
        elif wrapped:
            kind = _break_between(cfg, text, lines, prev, i, width, blocks[-1].start)
        else:
            kind = _break_unwrapped(cfg, text, lines[prev], line)
        if kind == "none":
            block = blocks[-1]
            block.end = line.cend
            block.n_lines += 1
            block.quote = block.quote and _starts_quote(cfg, text, line)
        else:
            blocks.append(_Block(line.cstart, line.cend, i, 1, kind == "hard", quote=_starts_quote(cfg, text, line)))
        prev = i
        pending_hard = False
    for k, block in enumerate(blocks):
        # a headline may wrap onto a second line
        block.heading = block.n_lines <= 2 and not block.quote and _heading_shape(cfg, text, block.start, block.end)
        # a heading is a paragraph of its own even after a full line
        if block.heading and not block.hard:
            block.hard = True
        if block.heading and k + 1 < len(blocks):
            blocks[k + 1].hard = True
    return blocks


# --------------------------------------------------------------------------- boilerplate

def _rule_reason(cfg: SegmentConfig, piece: str) -> str | None:
    """The reason of the first boilerplate rule matching the whole of ``piece``."""
    if len(piece) > 4 * cfg.rules_max_chars:
        return None  # boilerplate is short; do not even collapse a long paragraph
    collapsed = _collapse(piece)
    if not collapsed or len(collapsed) > cfg.rules_max_chars:
        return None
    m = cfg.rules.fullmatch(collapsed)
    return cfg.rule_reasons[m.lastgroup] if m else None


def _flag_rules(cfg: SegmentConfig, text: str, blocks: list[_Block]) -> None:
    """Give each sentence the reason of a matching rule (its own, else its block's)."""
    for block in blocks:
        whole = _rule_reason(cfg, text[block.start:block.end]) if len(block.sentences) > 1 else None
        block.reasons = [_rule_reason(cfg, text[s:e]) or whole for s, e in block.sentences]


def _block_words(text: str, block: _Block) -> int:
    """Blank-separated words of a block (blocks start and end with a non-blank)."""
    return sum(1 for _ in _BLANK_RUN.finditer(text, block.start, block.end)) + 1


def _footer_line(cfg: SegmentConfig, text: str, block: _Block) -> bool:
    """A short block that could be a line of an imprint (no sentence-final punctuation)."""
    if block.words > cfg.footer_max_words:
        return False
    core = text[block.start:block.end].rstrip(cfg.closers)
    return core[-1:] not in cfg.terminals or block.boilerplate


def _flag_footers(cfg: SegmentConfig, text: str, blocks: list[_Block]) -> None:
    """Flag imprints: runs of short lines (name, address, phone, ISSN) with enough rule hits.

    The lines of such a run without a rule of their own are ``footer_address``; an
    author's note or disclaimer directly above the run belongs to it too.
    """
    i, n = 0, len(blocks)
    while i < n:
        if not _footer_line(cfg, text, blocks[i]):
            i += 1
            continue
        j, hits = i, 0
        while j < n and _footer_line(cfg, text, blocks[j]):
            hits += any(r in cfg.footer_reasons for r in blocks[j].reasons)
            j += 1
        if hits >= cfg.footer_min_hits:
            for block in blocks[i:j]:
                block.reasons = [r or "footer_address" for r in block.reasons]
            k = i - 1
            while k >= 0:
                block = blocks[k]
                notes = [r or ("author_note" if cfg.author_note.fullmatch(_collapse(text[s:e])) else None)
                         for (s, e), r in zip(block.sentences, block.reasons)]
                if not all(notes):
                    break
                block.reasons = notes
                k -= 1
        i = j


def _matches_whole(cfg: SegmentConfig, pattern: re.Pattern, text: str, start: int, end: int) -> bool:
    """Whether ``pattern`` matches all of ``text[start:end]`` (whitespace collapsed), a bio-sized piece."""
    if end - start > 4 * cfg.bio_max_chars:
        return False  # do not even collapse a long paragraph
    collapsed = _collapse(text[start:end])
    return len(collapsed) <= cfg.bio_max_chars and bool(pattern.fullmatch(collapsed))


def _flag_author_bios(cfg: SegmentConfig, text: str, blocks: list[_Block]) -> None:
    """Flag the author's bio at the edges of one article (``blocks``), where pages put it.

    The words of a bio ("X is a senior fellow at Y") also introduce the people a story
    quotes, so only the first sentences of the first body paragraph and the closing
    paragraphs are looked at.
    """
    _flag_opening_bio(cfg, text, blocks)
    _flag_closing_bios(cfg, text, blocks)


def _flag_opening_bio(cfg: SegmentConfig, text: str, blocks: list[_Block]) -> None:
    """Flag a bio opening the first body paragraph, and the bio sentences right after it."""
    block = next((b for b in blocks if not b.heading and not b.boilerplate), None)
    if block is None:
        return
    pattern = cfg.bio_sentence
    for k, ((s, e), reason) in enumerate(zip(block.sentences, block.reasons)):
        if reason is not None:
            continue  # a credit or date line glued to the paragraph
        if not _matches_whole(cfg, pattern, text, s, e):
            return
        block.reasons[k] = "author_bio"
        pattern = cfg.bio_follow_up


def _bio_paragraph(cfg: SegmentConfig, text: str, block: _Block) -> bool:
    """Whether every sentence of ``block`` not already flagged is a bio, the first one opening it."""
    pattern = cfg.bio_sentence
    for (s, e), reason in zip(block.sentences, block.reasons):
        if reason is not None:
            continue
        if not _matches_whole(cfg, pattern, text, s, e):
            return False
        pattern = cfg.bio_follow_up
    return pattern is cfg.bio_follow_up  # at least one bio sentence


def _flag_closing_bios(cfg: SegmentConfig, text: str, blocks: list[_Block]) -> None:
    """Flag the bio paragraphs that end an article, and what an "About the author" heading tops."""
    content = [b for b in blocks if not b.boilerplate]
    first = max(0, len(content) - cfg.bio_end_paragraphs)  # the closing paragraphs: content[first:]
    # an "About the author" heading just above them, or among them, labels what follows it
    for i in range(max(0, first - 1), len(content)):
        heading = content[i]
        below = content[i + 1:]
        if (heading.heading and below and _matches_whole(cfg, cfg.bio_heading, text, heading.start, heading.end)
                and all(b.end - b.start <= cfg.bio_max_chars for b in below)):
            for block in [heading, *below]:
                block.reasons = [r or "author_bio" for r in block.reasons]
            return
    for block in reversed(content[first:]):
        if block.heading or not _bio_paragraph(cfg, text, block):
            return
        block.reasons = [r or "author_bio" for r in block.reasons]


def _shingles(words: list[str], n: int) -> set:
    return {hash(tuple(words[k:k + n])) for k in range(len(words) - n + 1)}


def _flag_pull_quotes(cfg: SegmentConfig, text: str, blocks: list[_Block]) -> None:
    """Flag paragraphs that repeat the article's own words (pull-quotes, repeated paragraphs)."""
    if not blocks or sum(b.words for b in blocks) > cfg.repeats_max_words:
        return
    shingles = []
    for block in blocks:
        words = re.findall(r"\w+", text[block.start:block.end].lower())
        shingles.append(_shingles(words, cfg.shingle) if len(words) >= cfg.pull_min_words else set())
    pool: Counter = Counter()
    for sh in shingles:
        pool.update(sh)
    # latest first: of two identical paragraphs the later copy is the repeat
    for block, sh in zip(reversed(blocks), reversed(shingles)):
        if not sh or block.boilerplate:
            continue
        repeated = sum(1 for s in sh if pool[s] > 1) / len(sh)
        if repeated >= (cfg.marked_overlap if block.quote else cfg.unmarked_overlap):
            block.reasons = [r or "pull_quote" for r in block.reasons]
            pool.subtract(sh)


# --------------------------------------------------------------------------- dates and titles

def parse_date_line(cfg: SegmentConfig, piece: str) -> tuple[dt.date, str] | None:
    """The first calendar date with a year in ``piece`` and its precision ("day" or "month")."""
    for m in cfg.date.finditer(piece):
        g = m.groupdict()
        try:
            if g["y1"]:
                return dt.date(int(g["y1"]), cfg.months[g["m1"].lower()], int(g["d1"])), "day"
            if g["y2"]:
                return dt.date(int(g["y2"]), cfg.months[g["m2"].lower()], int(g["d2"])), "day"
            if g["y3"]:
                return dt.date(int(g["y3"]), int(g["m3"]), int(g["d3"])), "day"
            return dt.date(int(g["y4"]), cfg.months[g["m4"].lower()], 1), "month"
        except ValueError:
            continue  # "February 30, 2026": not a date
    return None


def _head(cfg: SegmentConfig, blocks: list[_Block]) -> list[_Block]:
    """The blocks before an article's body: title, date line, byline and other head chrome."""
    head = []
    for block in blocks:
        if block.heading or (block.boilerplate and set(block.reasons) <= cfg.head_reasons | {"repeated_title"}):
            head.append(block)
            continue
        break
    return head


def _title_and_date(cfg: SegmentConfig, text: str, blocks: list[_Block]) -> tuple[str | None, tuple | None]:
    """The headline of an article (marking repeats of it) and the date of its date line or dateline."""
    head = _head(cfg, blocks)
    title, title_block, found = None, None, None
    for block in head:
        piece = text[block.start:block.end]
        if block.boilerplate:
            if found is None and "dateline_date" in block.reasons:
                found = parse_date_line(cfg, _collapse(piece))
            continue
        collapsed = _collapse(piece)
        if title is None and len(_BLANK_RUN.split(collapsed)) >= 2:
            title, title_block = collapsed, block
        elif title is not None and title.lower().startswith(collapsed.lower()):
            block.reasons = ["repeated_title"] * len(block.reasons)
    body = blocks[len(head)] if len(head) < len(blocks) else None
    if found is None and body is not None and body.dateline:
        # "WASHINGTON, March 3, 2025 (Reuters) -": a date inside the dateline itself
        opening = _collapse(text[body.start:min(body.end, body.start + 120)])
        m = cfg.dateline.match(opening)
        if m:
            found = parse_date_line(cfg, opening[:m.end() - 1])
    if title_block is not None and title_block is blocks[-1]:
        title = None  # a lone line is not the headline of anything
    return title, found


# --------------------------------------------------------------------------- article boundaries

class _Vectors:
    """Content-word vectors of blocks, computed on demand and forgotten behind the scan.

    Keeping only the blocks near the scan position bounds memory on huge sources;
    a block's vector is cheap to recompute.
    """

    def __init__(self, cfg: SegmentConfig, text: str, blocks: list[_Block]):
        self.cfg, self.text, self.blocks = cfg, text, blocks
        self.cache: dict[int, tuple[Counter, frozenset]] = {}
        self.weighted_cache: dict[int, dict] = {}
        self.idf: dict[str, float] = {}
        self.sims: dict[int, float] = {}

    def get(self, i: int) -> tuple[Counter, frozenset]:
        """(content-word counts, capitalised words) of block ``i``."""
        hit = self.cache.get(i)
        if hit is None:
            hit = self.cache[i] = _block_vector(self.cfg, self.text, self.blocks[i])
        return hit

    def get_weighted(self, i: int) -> dict:
        """Block ``i``'s counts weighted by inverse block frequency (words of every
        paragraph say little about where a topic changes)."""
        hit = self.weighted_cache.get(i)
        if hit is None:
            self.ensure_idf()
            idf = self.idf
            hit = self.weighted_cache[i] = {k: v * idf.get(k, 1.0) for k, v in self.get(i)[0].items()}
        return hit

    def forget_below(self, i: int) -> None:
        """Drop the vectors of blocks before ``i`` (only on sources too big to keep them all)."""
        if len(self.blocks) > self.cfg.vector_cache_blocks:
            for cache in (self.cache, self.weighted_cache):
                for k in [k for k in cache if k < i]:
                    del cache[k]

    def ensure_idf(self) -> None:
        """Compute the inverse block frequencies of the source's content words (once)."""
        if self.idf:
            return
        n = len(self.blocks)
        df: Counter = Counter()
        for i in range(n):
            df.update(self.get(i)[0].keys())
            self.forget_below(i)
        self.idf = {k: math.log((n + 1) / (c + 0.5)) for k, c in df.items()} or {"": 0.0}

    def gap_similarity(self, b: int) -> float:
        """Cosine of the weighted windows either side of the gap before block ``b``."""
        hit = self.sims.get(b)
        if hit is None:
            self.ensure_idf()
            n = len(self.blocks)
            hit = self.sims[b] = _cosine(self.window(b - 1, -1, -1, weighted=True), self.window(b, 1, n, weighted=True))
        return hit

    def depth(self, b: int) -> float:
        """TextTiling depth score of the gap before block ``b``: how far its similarity lies
        below the highest similarities reached climbing left and right from it."""
        if b <= 0 or b >= len(self.blocks):
            return 0.0
        sim = self.gap_similarity(b)
        peaks = []
        for step in (-1, 1):
            j, peak = b, sim
            while 1 <= j + step < len(self.blocks) and self.gap_similarity(j + step) >= self.gap_similarity(j):
                j += step
                peak = self.gap_similarity(j)
            peaks.append(peak)
        return (peaks[0] - sim) + (peaks[1] - sim)

    def window(self, first: int, step: int, stop: int, *, weighted: bool = False) -> dict:
        """Summed vectors of content blocks from ``first`` towards ``stop`` (exclusive), up to
        ``window_words`` words or ``window_paragraphs`` blocks."""
        total: dict = {}
        taken = words = 0
        i = first
        cfg, blocks = self.cfg, self.blocks
        while i != stop and 0 <= i < len(blocks) and taken < cfg.window_paragraphs and words < cfg.window_words:
            counts = self.get_weighted(i) if weighted else self.get(i)[0]
            if counts:
                get = total.get
                for k, v in counts.items():
                    total[k] = get(k, 0.0) + v
                taken += 1
                words += blocks[i].words
            i += step
        return total


def _block_vector(cfg: SegmentConfig, text: str, block: _Block) -> tuple[Counter, frozenset]:
    """Content-word counts of a block (proper nouns weighted up) and its capitalised words."""
    counts: Counter = Counter()
    caps = set()
    if block.boilerplate or block.quote:
        return counts, frozenset()
    piece = text[block.start:min(block.end, block.start + cfg.max_paragraph_chars)]
    stopwords, terminals, proper_weight = cfg.stopwords, cfg.terminals, cfg.proper_noun_weight
    initial = True  # the next word starts a sentence (its capital says nothing)
    for word, after in _CONTENT_WORD.findall(piece):
        lower = word.lower()
        if lower.endswith(("’s", "'s")):
            lower, word = lower[:-2], word[:-2]
        proper = not initial and word[0].isupper()
        initial = after in terminals
        if len(lower) < 3 or lower in stopwords:
            continue
        if word[0].isupper():
            caps.add(word)
        if len(lower) > 4 and lower[-1] == "s" and lower[-2] != "s":
            lower = lower[:-1]  # a crude plural: "drones" ~ "drone"
        counts[lower] += proper_weight if proper else 1.0
    return counts, frozenset(caps)


def _cosine(a: dict, b: dict, norm_b: float | None = None) -> float:
    if not a or not b:
        return 0.0
    small, large = (a, b) if len(a) <= len(b) else (b, a)
    dot = sum(v * large.get(k, 0.0) for k, v in small.items())
    na = math.sqrt(sum(v * v for v in a.values()))
    nb = norm_b if norm_b is not None else math.sqrt(sum(v * v for v in b.values()))
    return dot / (na * nb) if na and nb else 0.0


def _lead_features(cfg: SegmentConfig, text: str, block: _Block, seen: set) -> tuple[int, bool]:
    """News-lead cues of a block's first sentence.

    Returns the number of people named there with a title and full name ("British
    Prime Minister Keir Starmer") whose surname the current article already used
    (news style spells a name out once per article), and whether the sentence reads
    as a lead: such a titled name plus a closing attribution ("..., X said on Sunday.").
    """
    s, e = block.sentences[0]
    first = _collapse(text[s:min(e, s + cfg.max_paragraph_chars)])
    count, titled = 0, False
    for m in cfg.titled_name.finditer(first):
        names = [w for w in m.group(1).split() if not _NAME_SUFFIX.fullmatch(w)]
        if len(names) < 2:
            continue
        titled = True
        count += names[-1].rstrip(".") in seen
    return count, titled and bool(cfg.lead_attribution.fullmatch(first))


@dataclass
class _Article:
    """The running state of the article being scanned: its vector, norm and capitalised words."""

    first: int
    counts: Counter
    norm2: float
    seen: set

    def add(self, counts: Counter, caps: frozenset) -> None:
        for k, v in counts.items():
            old = self.counts.get(k, 0.0)
            self.norm2 += (old + v) ** 2 - old * old
            self.counts[k] = old + v
        self.seen.update(caps)

    def copy(self) -> "_Article":
        return _Article(self.first, Counter(self.counts), self.norm2, set(self.seen))


def _boundary_score(cfg: SegmentConfig, text: str, vectors: _Vectors, b: int, article: _Article) -> tuple[float, dict]:
    """How strongly block ``b`` reads as the first paragraph of a new article (no cue).

    Without a news-lead cue in its first sentence a paragraph scores 0: lexical
    cohesion alone cannot tell a new article from a new section of the same one.
    """
    reintroduced, lead = _lead_features(cfg, text, vectors.blocks[b], article.seen)
    if not (reintroduced or lead):
        return 0.0, {}
    n = len(vectors.blocks)
    weighted_before = vectors.window(b - 1, -1, article.first - 1, weighted=True)
    parts = {
        "cohesion": cfg.cohesion_weight * (1.0 - _cosine(vectors.window(b, 1, n), article.counts, math.sqrt(article.norm2))),
        "local": cfg.local_weight * (1.0 - _cosine(vectors.window(b, 1, n, weighted=True), weighted_before)),
        "paragraph": cfg.paragraph_weight * (1.0 - _cosine(vectors.get_weighted(b), weighted_before)),
        "depth": cfg.depth_weight * vectors.depth(b),
        "reintroduced": cfg.reintroduced_weight * min(reintroduced, cfg.reintroduced_max),
        "lead": cfg.lead_weight * lead,
    }
    return sum(parts.values()), parts


def _is_head_block(cfg: SegmentConfig, block: _Block) -> bool:
    """A block that may sit above an article's first paragraph: a headline, date line, byline."""
    if block.heading and not block.boilerplate:
        return True
    return block.boilerplate and set(block.reasons) <= cfg.head_reasons


def _is_closing(cfg: SegmentConfig, block: _Block) -> bool:
    """A block of credit lines, which end an article."""
    return block.boilerplate and set(block.reasons) <= cfg.closing_reasons


def _is_opening(cfg: SegmentConfig, block: _Block) -> bool:
    """A block that opens an article: a dateline paragraph, a page date line, a tag header."""
    return block.dateline or (block.boilerplate and bool(set(block.reasons) & cfg.opening_reasons)
                              and set(block.reasons) <= cfg.head_reasons)


def _article_starts(cfg: SegmentConfig, text: str, blocks: list[_Block], trace: list | None = None) -> list[int]:
    """Indices of the blocks that start an article (the first block always does).

    Cues decide first: a dateline or opening line (date line, tag header) starts an
    article together with any title lines just above it; the block after a run of
    credit lines starts one. Elsewhere a block starts an article when its boundary
    score reaches the threshold and beats the next two blocks' scores (the best of
    nearby gaps wins, as in TextTiling's depth picking).
    """
    n = len(blocks)
    if n == 0:
        return []
    rest = [0] * (n + 1)  # words of content blocks from block i to the end
    for i in range(n - 1, -1, -1):
        content = not blocks[i].boilerplate and not blocks[i].heading and not blocks[i].quote
        rest[i] = rest[i + 1] + (blocks[i].words if content else 0)
    vectors = _Vectors(cfg, text, blocks)
    uncued_possible = rest[0] >= cfg.min_article_words + cfg.min_rest_words

    def eligible(b: int, article: _Article) -> bool:
        block = blocks[b]
        return (uncued_possible and not block.boilerplate and not block.heading and not block.quote
                and block.words >= cfg.min_lead_words and not cfg.bullet.match(text, block.start, block.end)
                and rest[article.first] - rest[b] >= cfg.min_article_words and rest[b] >= cfg.min_rest_words)

    def back_over_head(s: int, first: int) -> int:
        while s > first and _is_head_block(cfg, blocks[s - 1]):
            s -= 1
        return s

    def absorb(target: _Article, i: int) -> None:
        if uncued_possible:  # the vectors only serve the cue-less score
            target.add(*vectors.get(i))

    starts = [0]
    article = _Article(0, Counter(), 0.0, set())
    absorb(article, 0)
    for b in range(1, n):
        block = blocks[b]
        new_start, why = None, ""
        has_content = rest[article.first] - rest[b] > 0
        if has_content and _is_closing(cfg, blocks[b - 1]) and not _is_closing(cfg, block) and not block.boilerplate:
            new_start, why = b, "after credits"
        elif _is_opening(cfg, block):
            s = back_over_head(b, article.first)
            if rest[article.first] - rest[s] > 0:
                new_start, why = s, "dateline" if block.dateline else "opening line"
        elif eligible(b, article):
            score, parts = _boundary_score(cfg, text, vectors, b, article)
            if trace is not None and parts:
                trace.append((b, round(score, 3), {k: round(v, 3) for k, v in parts.items()}))
            if score >= cfg.threshold and _beats_next(cfg, text, vectors, b, article, score, eligible):
                new_start, why = back_over_head(b, article.first), f"score {score:.2f}"
        if new_start is not None:
            starts.append(new_start)
            if trace is not None:
                trace.append((new_start, why))
            article = _Article(new_start, Counter(), 0.0, set())
            for i in range(new_start, b):
                absorb(article, i)
        absorb(article, b)
        vectors.forget_below(b - cfg.window_paragraphs - 3)
    return starts


def _beats_next(cfg: SegmentConfig, text: str, vectors: _Vectors, b: int,
                article: _Article, score: float, eligible) -> bool:
    """Whether block ``b`` scores at least as high as the next two eligible blocks would.

    The paragraph just before a true boundary also scores high (its window already
    reaches into the next article); looking ahead picks the deepest gap.
    """
    ahead = article.copy()
    blocks = vectors.blocks
    for k in range(b + 1, min(b + 3, len(blocks))):
        if _is_opening(cfg, blocks[k]) or _is_closing(cfg, blocks[k]) or _is_head_block(cfg, blocks[k]):
            return False  # a cue or a title just ahead marks the boundary better
        ahead.add(*vectors.get(k - 1))
        if eligible(k, ahead) and _boundary_score(cfg, text, vectors, k, ahead)[0] > score:
            return False
    return True


# --------------------------------------------------------------------------- the stage

def _sha1(text: str) -> str:
    return hashlib.sha1(text.encode("utf-8", "surrogatepass")).hexdigest()


class Segmenter:
    """Split decoded sources into article and sentence rows with one compiled configuration.

    ``Segmenter(lexicon)(text, source=..., metadata=...)`` returns ``(documents, sentences)``
    exactly as :func:`segment_source` does; build it once and call it per source.
    """

    def __init__(self, lexicon: dict):
        self.cfg = compile_config(lexicon)

    def __call__(self, text: str, *, source: str, metadata: SourceMetadata | None = None) -> tuple[list[dict], list[dict]]:
        return _segment(self.cfg, text, source=source, metadata=metadata)


def segment_source(text: str, *, source: str, lexicon: dict, metadata: SourceMetadata | None = None) -> tuple[list[dict], list[dict]]:
    """Split one decoded source into ``(documents, sentences)`` rows.

    ``documents`` has one dict per article (doc_id, source, start, end, title,
    published, published_from, published_precision, article); the caller adds
    ``encoding`` and ``sha256``. ``sentences`` has exactly the columns of the
    ``sentences`` table. Offsets index ``text`` as given.

    The metadata date, when given, dates every article of the source
    (``published_from`` "metadata"); otherwise a date line or dateline at an
    article's head dates it ("dateline"); otherwise both stay None for a later stage
    to infer. The metadata title names the first article (the only one, usually);
    other articles keep the headline found at their head, if any.
    """
    return _segment(_config_for(lexicon), text, source=source, metadata=metadata)


def analyse(text: str, *, lexicon: dict) -> dict:
    """The segmenter's intermediate view of ``text`` (blocks, cues, boundary scores), for debugging."""
    cfg = _config_for(lexicon)
    blocks = _prepare(cfg, text)
    trace: list = []
    starts = _article_starts(cfg, text, blocks, trace)
    return {"blocks": blocks, "starts": starts, "trace": trace}


def _prepare(cfg: SegmentConfig, text: str) -> list[_Block]:
    """Blocks with their sentences and rule-based boilerplate reasons."""
    if not isinstance(text, str):
        raise TypeError(f"[E205] segment_source expects decoded text (str), not {type(text).__name__}")
    blocks = _blocks(cfg, text, _lines(text))
    for block in blocks:
        block.sentences = _split_sentences(cfg, text, block.start, block.end)
        block.words = _block_words(text, block)
        head = _collapse(text[block.start:min(block.end, block.start + 120)])
        block.dateline = block.hard and bool(cfg.dateline.match(head))
    _flag_rules(cfg, text, blocks)
    _flag_footers(cfg, text, blocks)
    return blocks


def _segment(cfg: SegmentConfig, text: str, *, source: str, metadata: SourceMetadata | None) -> tuple[list[dict], list[dict]]:
    blocks = _prepare(cfg, text)
    starts = _article_starts(cfg, text, blocks)
    documents, sentences = [], []
    bounds = starts + [len(blocks)]
    for index, (first, last) in enumerate(zip(bounds, bounds[1:])):
        group = blocks[first:last]
        group[0].hard = True
        _flag_pull_quotes(cfg, text, group)
        title, dated = _title_and_date(cfg, text, group)
        _flag_author_bios(cfg, text, group)  # after the head is read: a bio is not part of it
        start, end = group[0].start, group[-1].end
        doc_id = stable_id("d_", source, start, end, _sha1(text[start:end]))
        published = published_from = precision = None
        if metadata is not None and metadata.published is not None:
            published, published_from = metadata.published, "metadata"
            precision = metadata.published_precision or "day"
        elif dated is not None:
            (published, precision), published_from = dated, "dateline"
        if metadata is not None and metadata.title and (index == 0 or len(starts) == 1):
            title = metadata.title
        documents.append({
            "doc_id": doc_id, "source": source, "start": start, "end": end, "title": title,
            "published": published, "published_from": published_from,
            "published_precision": precision, "article": index,
        })
        paragraph = -1
        for block in group:
            paragraph += block.hard
            for (s, e), reason in zip(block.sentences, block.reasons):
                sentences.append({
                    "sentence_id": span_id("s_", source, s, e), "doc_id": doc_id, "source": source,
                    "start": s, "end": e, "text": text[s:e], "paragraph": paragraph,
                    "boilerplate": reason is not None, "boilerplate_reason": reason,
                })
    return documents, sentences
