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
4. Boilerplate: configured patterns (bylines, read times, credits, tag headers,
   licences, ISSNs, site chrome), the imprint footer at an article's end, and
   pull-quotes that repeat the article's own words.
5. Articles: strong cues (a dateline at a paragraph start, a tag header, a page
   date line, the end of a run of credit lines) and, where there is no cue, a
   score that combines lexical cohesion (TextTiling-style) with news-lead cues.
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
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from .ids import span_id, stable_id

__all__ = ["SourceMetadata", "Segmenter", "SegmentConfig", "compile_config", "segment_source", "parse_date_line"]


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
#: the line breaks of ``str.splitlines`` (\r\n counts as one)
_LINE_BREAK = re.compile("\r\n|[\n\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029]")
_WORD = re.compile(r"[^\W_](?:[\w’'.-]*[^\W_])?")
_LETTER = re.compile(r"[^\W\d_]")
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
    month_alt = "|".join(sorted(map(re.escape, months), key=len, reverse=True))
    weekday_alt = "|".join(sorted(map(re.escape, weekdays), key=len, reverse=True))

    def expand(pattern: str) -> str:
        # the placeholders are case-insensitive wherever they are used
        return pattern.replace("{MONTH}", f"(?i:{month_alt})").replace("{WEEKDAY}", f"(?i:{weekday_alt})")

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
        rules_max_chars=int(lexicon.get("boilerplate", {}).get("max_chars", 600)),
        footer_reasons=frozenset(_get(lexicon, "boilerplate.footer.reasons", list)),
        footer_min_hits=_get(lexicon, "boilerplate.footer.min_hits", int),
        footer_max_words=_get(lexicon, "boilerplate.footer.max_words", int),
        author_note=_compile("|".join(f"(?:{expand(p)})" for p in _get(lexicon, "boilerplate.footer.author_note", list)) or r"(?!)",
                             "boilerplate.footer.author_note"),
        shingle=_get(lexicon, "boilerplate.pull_quote.shingle", int),
        marked_overlap=float(_get(lexicon, "boilerplate.pull_quote.marked_overlap", (int, float))),
        unmarked_overlap=float(_get(lexicon, "boilerplate.pull_quote.unmarked_overlap", (int, float))),
        pull_min_words=_get(lexicon, "boilerplate.pull_quote.min_words", int),
        repeats_max_words=int(lexicon.get("boilerplate", {}).get("pull_quote", {}).get("max_article_words", 50_000)),
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
        titled_name=_compile(titled, "articles.person_titles"),
        lead_attribution=_compile(expand(_get(lexicon, "articles.lead_attribution", str)), "articles.lead_attribution"),
        stopwords=frozenset(w.lower() for w in _get(lexicon, "articles.stopwords", list)),
    )


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
    head = text[max(lo, pos - 40):pos]
    m = re.search(f"[^{_BLANK_CLASS}]*$", head)
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
    sentences: list = None
    reasons: list = None
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
    piece = text[start:end]
    core = piece.rstrip(cfg.closers + BLANK_CHARS)
    if not core or core[-1] in cfg.terminals + "…,;:" or not _LETTER.search(core):
        return False
    first = _first_letter(piece, 0, len(piece), cfg.openers)
    if not (first.isupper() or first.isdigit()):
        return False
    return len(_BLANK_RUN.split(core)) <= cfg.heading_max_words


def _break_between(cfg: SegmentConfig, text: str, lines: list[_Line], p: int, i: int, width: int, block_start: int) -> str:
    """How adjacent non-blank lines ``p`` and ``i`` of a wrapped text join: 'none', 'soft' or 'hard'."""
    prev, line = lines[p], lines[i]
    if _starts_quote(cfg, text, prev) != _starts_quote(cfg, text, line):
        return "hard"
    word = _first_word(text, line)
    length = prev.cend - prev.start
    fits = length + 1 + len(word) <= width
    tail = cfg.terminal_tail.search(text, max(prev.cstart, prev.cend - 12), prev.cend)
    ends = bool(tail) and _ends_sentence(cfg, text, prev.cstart, tail.start(), tail.end(), word)
    if cfg.bullet.match(text, line.cstart, line.cend) and (fits or ends or text[prev.cend - 1] == ":"):
        return "hard"
    line_text = _collapse(text[line.cstart:min(line.cend, line.cstart + 200)])
    if (ends or fits) and (cfg.dateline.match(line_text) or _opening_line(cfg, line_text)):
        return "hard"
    if _first_letter(text, line.cstart, line.cend, cfg.openers).islower():
        return "none"
    if ends:
        return "hard" if fits else "soft"
    if tail is not None and fits:
        return "hard"  # "... but not the U.S." on a line the next word would have fitted
    if tail is None and length + 1 + len(word) <= width - cfg.fit_slack:
        return "hard"  # a heading, a list item or the last line of an unpunctuated paragraph
    if fits and prev.cend - block_start <= 400 and _rule_reason(cfg, text[block_start:prev.cend]):
        return "hard"  # a complete boilerplate line (credit, byline) that fits
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
        if prev is None or pending_hard or not wrapped:
            kind = "hard"
        else:
            kind = _break_between(cfg, text, lines, prev, i, width, blocks[-1].start)
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
        block.heading = block.n_lines == 1 and not block.quote and _heading_shape(cfg, text, block.start, block.end)
        # a heading is a paragraph of its own even after a full line
        if block.heading and not block.hard:
            block.hard = True
        if block.heading and k + 1 < len(blocks):
            blocks[k + 1].hard = True
    return blocks


# --------------------------------------------------------------------------- boilerplate

def _rule_reason(cfg: SegmentConfig, piece: str) -> str | None:
    """The reason of the first boilerplate rule matching the whole of ``piece``."""
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
    return len(_BLANK_RUN.split(text[block.start:block.end].strip(BLANK_CHARS)))


def _flag_footer(cfg: SegmentConfig, text: str, blocks: list[_Block]) -> None:
    """Flag the imprint at the end of an article: short lines with address/ISSN/licence hits."""
    i = len(blocks) - 1
    run, hits = [], 0
    while i >= 0:
        block = blocks[i]
        core = text[block.start:block.end].rstrip(cfg.closers)
        short = block.words <= cfg.footer_max_words and (core[-1:] not in cfg.terminals or block.boilerplate)
        if not short:
            break
        run.append(block)
        hits += any(r in cfg.footer_reasons for r in block.reasons)
        i -= 1
    if hits < cfg.footer_min_hits:
        return
    for block in run:
        block.reasons = [r or "footer_address" for r in block.reasons]
    # an author's note or disclaimer directly above the imprint belongs to it
    while i >= 0:
        block = blocks[i]
        notes = [r or ("author_note" if cfg.author_note.fullmatch(_collapse(text[s:e])) else None)
                 for (s, e), r in zip(block.sentences, block.reasons)]
        if not all(notes):
            break
        block.reasons = notes
        i -= 1


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
        found = parse_date_line(cfg, _collapse(text[body.start:min(body.end, body.start + 80)]).split("—")[0])
    if title_block is not None and title_block is blocks[-1]:
        title = None  # a lone line is not the headline of anything
    return title, found


# --------------------------------------------------------------------------- article boundaries

class _Vectors:
    """Content-word vectors of blocks, computed on demand and forgotten behind the scan."""

    def __init__(self, cfg: SegmentConfig, text: str, blocks: list[_Block]):
        self.cfg, self.text, self.blocks = cfg, text, blocks
        self.cache: dict[int, tuple[Counter, frozenset]] = {}

    def get(self, i: int) -> tuple[Counter, frozenset]:
        """(weighted content-word counts, capitalised words) of block ``i``."""
        hit = self.cache.get(i)
        if hit is None:
            hit = self.cache[i] = self._compute(i)
        return hit

    def forget_below(self, i: int) -> None:
        for k in [k for k in self.cache if k < i]:
            del self.cache[k]

    def _compute(self, i: int) -> tuple[Counter, frozenset]:
        cfg, block = self.cfg, self.blocks[i]
        piece = self.text[block.start:min(block.end, block.start + cfg.max_paragraph_chars)]
        counts: Counter = Counter()
        caps = set()
        if block.boilerplate or block.quote:
            return counts, frozenset()
        initial = True  # the next word starts a sentence (its capital says nothing)
        for m in _WORD.finditer(piece):
            word = m.group(0)
            capital = word[0].isupper()
            lower = word.lower()
            if lower.endswith(("’s", "'s")):
                lower, word = lower[:-2], word[:-2]
            proper = capital and not initial
            initial = piece[m.end():m.end() + 1] in cfg.terminals
            if lower in cfg.stopwords or len(lower) < 3 or not _LETTER.search(lower):
                continue
            if capital:
                caps.add(word)
            if len(lower) > 4 and lower.endswith("s") and not lower.endswith("ss"):
                lower = lower[:-1]
            counts[lower] += cfg.proper_noun_weight if proper else 1.0
        return counts, frozenset(caps)

    def window(self, first: int, step: int, limit: int) -> Counter:
        """Counts of up to ``window_paragraphs`` content blocks from ``first`` going ``step``."""
        total: Counter = Counter()
        taken = words = 0
        i = first
        while 0 <= i < len(self.blocks) and i != limit and taken < self.cfg.window_paragraphs and words < self.cfg.window_words:
            counts, _ = self.get(i)
            if counts:
                total.update(counts)
                taken += 1
                words += self.blocks[i].words
            i += step
        return total


def _cosine(a: Counter, b: Counter, norm_b: float | None = None) -> float:
    if not a or not b:
        return 0.0
    small, large = (a, b) if len(a) <= len(b) else (b, a)
    dot = sum(v * large.get(k, 0.0) for k, v in small.items())
    na = math.sqrt(sum(v * v for v in a.values()))
    nb = norm_b if norm_b is not None else math.sqrt(sum(v * v for v in b.values()))
    return dot / (na * nb) if na and nb else 0.0


def _gap_depths(vectors: _Vectors, n: int) -> list[float]:
    """TextTiling depth score of the gap before each block (0 for the first)."""
    sims = [1.0] * n
    for b in range(1, n):
        sims[b] = _cosine(vectors.window(b - 1, -1, -1), vectors.window(b, 1, n))
        vectors.forget_below(b - vectors.cfg.window_paragraphs * 3)
    vectors.cache.clear()
    left = sims[:]
    for b in range(2, n):
        if sims[b - 1] >= sims[b]:
            left[b] = max(left[b - 1], sims[b - 1])
    right = sims[:]
    for b in range(n - 2, 0, -1):
        if sims[b + 1] >= sims[b]:
            right[b] = max(right[b + 1], sims[b + 1])
    return [0.0] + [(left[b] - sims[b]) + (right[b] - sims[b]) for b in range(1, n)]


def _reintroduced(cfg: SegmentConfig, text: str, block: _Block, seen: set) -> tuple[int, bool]:
    """People named with title and full name in a block's first sentence whose surname the
    article already used, and whether that sentence reads as a news lead."""
    s, e = block.sentences[0]
    first = _collapse(text[s:min(e, s + cfg.max_paragraph_chars)])
    count, titled = 0, False
    for m in cfg.titled_name.finditer(first):
        names = m.group(1).split()
        names = [w for w in names if not re.fullmatch(r"(?:[IVX]+|Jr\.?|Sr\.?)", w)] or names
        titled = True
        surname = names[-1].rstrip(".")
        if len(names) >= 2 and surname in seen:
            count += 1
    lead = titled and bool(cfg.lead_attribution.fullmatch(first))
    return count, lead


def _boundary_score(cfg: SegmentConfig, text: str, blocks: list[_Block], vectors: _Vectors, depths: list[float],
                    b: int, article: Counter, article_norm: float, seen: set) -> tuple[float, dict]:
    after = vectors.window(b, 1, len(blocks))
    cohesion = _cosine(after, article, article_norm)
    reintro, lead = _reintroduced(cfg, text, blocks[b], seen)
    parts = {
        "cohesion": cfg.cohesion_weight * (1.0 - cohesion),
        "depth": cfg.depth_weight * depths[b],
        "reintroduced": cfg.reintroduced_weight * min(reintro, cfg.reintroduced_max),
        "lead": cfg.lead_weight * lead,
    }
    return sum(parts.values()), parts


def _is_head_block(cfg: SegmentConfig, block: _Block) -> bool:
    if block.heading and not block.boilerplate:
        return True
    return block.boilerplate and set(block.reasons) <= cfg.head_reasons


def _is_closing(cfg: SegmentConfig, block: _Block) -> bool:
    return block.boilerplate and set(block.reasons) <= cfg.closing_reasons


def _is_opening(cfg: SegmentConfig, block: _Block) -> bool:
    return block.dateline or (block.boilerplate and bool(set(block.reasons) & cfg.opening_reasons)
                              and set(block.reasons) <= cfg.head_reasons)


def _article_starts(cfg: SegmentConfig, text: str, blocks: list[_Block], trace: list | None = None) -> list[int]:
    """Indices of the blocks that start an article (the first block always does)."""
    n = len(blocks)
    if n == 0:
        return []
    content_words = [0] * (n + 1)  # suffix sums of words in content blocks
    for i in range(n - 1, -1, -1):
        content = not blocks[i].boilerplate and not blocks[i].heading and not blocks[i].quote
        content_words[i] = content_words[i + 1] + (blocks[i].words if content else 0)
    uncued_possible = content_words[0] >= cfg.min_article_words + cfg.min_rest_words
    vectors = _Vectors(cfg, text, blocks)
    depths = _gap_depths(vectors, n) if uncued_possible else [0.0] * n

    starts = [0]
    article: Counter = Counter()
    norm2 = 0.0
    seen: set = set()

    def absorb(i: int) -> None:
        nonlocal norm2
        counts, caps = vectors.get(i)
        for k, v in counts.items():
            old = article.get(k, 0.0)
            norm2 += (old + v) ** 2 - old * old
            article[k] = old + v
        seen.update(caps)

    def reset(first: int, upto: int) -> None:
        nonlocal norm2
        article.clear()
        seen.clear()
        norm2 = 0.0
        for i in range(first, upto):
            absorb(i)

    absorb(0)
    for b in range(1, n):
        cur = starts[-1]
        block = blocks[b]
        new_start = None
        has_content = content_words[cur] - content_words[b] > 0
        if has_content and _is_closing(cfg, blocks[b - 1]) and not _is_closing(cfg, block) and not block.boilerplate:
            new_start, why = b, "after credits"
        elif _is_opening(cfg, block):
            s = b
            while s > cur and _is_head_block(cfg, blocks[s - 1]):
                s -= 1
            if content_words[cur] - content_words[s] > 0:
                new_start, why = s, "dateline" if block.dateline else "opening line"
        elif (uncued_possible and not block.boilerplate and not block.heading and not block.quote
              and block.words >= cfg.min_lead_words and not cfg.bullet.match(text, block.start, block.end)
              and content_words[cur] - content_words[b] >= cfg.min_article_words
              and content_words[b] >= cfg.min_rest_words):
            score, parts = _boundary_score(cfg, text, blocks, vectors, depths, b, article, math.sqrt(norm2), seen)
            if trace is not None:
                trace.append((b, round(score, 3), {k: round(v, 3) for k, v in parts.items()}))
            if score >= cfg.threshold:
                s = b
                while s > cur and _is_head_block(cfg, blocks[s - 1]):
                    s -= 1
                new_start, why = s, f"score {score:.2f}"
        if new_start is not None:
            starts.append(new_start)
            if trace is not None:
                trace.append((new_start, why))
            reset(new_start, b)
        absorb(b)
        vectors.forget_below(b - cfg.window_paragraphs - 1)
    return starts


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
    return blocks


def _segment(cfg: SegmentConfig, text: str, *, source: str, metadata: SourceMetadata | None) -> tuple[list[dict], list[dict]]:
    blocks = _prepare(cfg, text)
    starts = _article_starts(cfg, text, blocks)
    documents, sentences = [], []
    bounds = starts + [len(blocks)]
    for index, (first, last) in enumerate(zip(bounds, bounds[1:])):
        group = blocks[first:last]
        group[0].hard = True
        _flag_footer(cfg, text, group)
        _flag_pull_quotes(cfg, text, group)
        title, dated = _title_and_date(cfg, text, group)
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
