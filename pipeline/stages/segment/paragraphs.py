"""Paragraphs: lines grouped into blocks, with the wrap width of hard-wrapped text, headings and quotes."""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from pipeline.stages.segment.config import SegmentConfig
from pipeline.stages.segment.rules import rule_reason
from pipeline.stages.segment.sentences import ends_sentence
from pipeline.stages.segment.text import (
    BLANK_CHARS,
    BLANK_RUN,
    Line,
    collapse,
    first_letter,
    first_word,
)

_LETTER = re.compile(r"[^\W\d_]")


@dataclass
class Block:
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


def _is_wrapped(cfg: SegmentConfig, text: str, lines: list[Line]) -> tuple[bool, int]:
    """Whether the text is hard-wrapped, and its estimated wrap width."""
    lengths, nonblank = [], 0
    for a, b in zip(lines, lines[1:]):
        if a.blank:
            continue
        nonblank += 1
        if b.blank or cfg.terminal_tail.search(text, max(a.cstart, a.cend - 12), a.cend):
            continue
        if first_letter(text, b.cstart, b.cend, cfg.openers).islower():
            lengths.append(a.cend - a.start)
    if lines and not lines[-1].blank:
        nonblank += 1
    wrapped = len(lengths) >= cfg.wrapped_min_continuations and len(lengths) >= cfg.wrapped_min_ratio * nonblank
    if not wrapped:
        return False, 0
    lengths.sort()
    return True, lengths[min(len(lengths) - 1, int(cfg.wrap_width_quantile * len(lengths)))]


def _starts_quote(cfg: SegmentConfig, text: str, line: Line) -> bool:
    return text.startswith(cfg.quote_marker, line.cstart)


def _heading_shape(cfg: SegmentConfig, text: str, start: int, end: int) -> bool:
    """A short unpunctuated line that starts with a capital or digit (a heading or title)."""
    if end - start > cfg.heading_max_chars:
        return False
    piece = collapse(text[start:end])
    core = piece.rstrip(cfg.closers + BLANK_CHARS)
    if not core or core[-1] in cfg.terminals + "…,;:" or not _LETTER.search(core):
        return False
    first = first_letter(piece, 0, len(piece), cfg.openers)
    if not (first.isupper() or first.isdigit()):
        return False
    return len(BLANK_RUN.split(core)) <= cfg.heading_max_words


def _short_line_reason(cfg: SegmentConfig, text: str, line: Line, limit: int) -> str | None:
    """The boilerplate reason of a line at most ``limit`` characters long that is one whole
    boilerplate line by itself ("by", "1 min read", "www.example.org")."""
    if line.cend - line.start > limit:
        return None
    return rule_reason(cfg, text[line.cstart:line.cend])


def _title_cased(cfg: SegmentConfig, piece: str) -> bool:
    """Whether ``piece`` is a heading set in Title Case or capitals (most content words capitalised)."""
    if len(piece) > cfg.heading_max_chars:
        return False
    words = [w for w in BLANK_RUN.split(piece) if _LETTER.search(w) and w.lower() not in cfg.stopwords]
    return len(words) >= 2 and sum(first_letter(w, 0, len(w), cfg.openers).isupper() for w in words) >= 0.6 * len(words)


def _break_between(cfg: SegmentConfig, text: str, lines: list[Line], p: int, i: int, width: int, block_start: int) -> str:
    """How adjacent non-blank lines ``p`` and ``i`` of a wrapped text join: 'none', 'soft' or 'hard'."""
    prev, line = lines[p], lines[i]
    if _starts_quote(cfg, text, prev) != _starts_quote(cfg, text, line):
        return "hard"
    word = first_word(text, line)
    length = prev.cend - prev.start
    fits = length + 1 + len(word) <= width
    # a short line that is a whole boilerplate line is its own paragraph: wrapped prose
    # never leaves a lone "by" or "www.example.org" on a line of its own mid-paragraph
    if _short_line_reason(cfg, text, line, width // 2) or (fits and _short_line_reason(cfg, text, prev, width // 2)):
        return "hard"
    tail = cfg.terminal_tail.search(text, max(prev.cstart, prev.cend - 12), prev.cend)
    ends = bool(tail) and ends_sentence(cfg, text, prev.cstart, tail.start(), tail.end(), word)
    if cfg.bullet.match(text, line.cstart, line.cend) and (fits or ends or text[prev.cend - 1] == ":"):
        return "hard"
    if first_letter(text, line.cstart, line.cend, cfg.openers).islower():
        return "none"
    if ends or fits:
        # a dateline, date line, tag header or credit line starts its own paragraph
        line_text = collapse(text[line.cstart:min(line.cend, line.cstart + 200)])
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
    if fits and prev.cend - block_start <= 400 and rule_reason(cfg, text[block_start:prev.cend]):
        return "hard"  # a complete boilerplate line (credit, byline) that fits
    return "none"


def _break_unwrapped(cfg: SegmentConfig, text: str, prev: Line, line: Line) -> str:
    """How adjacent lines of a text with one paragraph a line join: 'hard', except that a
    line stopping mid-sentence before a lower-case line goes on in it ('none')."""
    if _starts_quote(cfg, text, prev) != _starts_quote(cfg, text, line):
        return "hard"
    if not first_letter(text, line.cstart, line.cend, cfg.openers).islower():
        return "hard"
    if cfg.terminal_tail.search(text, max(prev.cstart, prev.cend - 12), prev.cend) or text[prev.cend - 1] == ":":
        return "hard"
    limit = cfg.heading_max_chars
    if _short_line_reason(cfg, text, line, limit) or _short_line_reason(cfg, text, prev, limit):
        return "hard"
    return "none"


def _opening_line(cfg: SegmentConfig, line_text: str) -> bool:
    reason = rule_reason(cfg, line_text)
    return reason in cfg.opening_reasons or reason in cfg.closing_reasons


def group_blocks(cfg: SegmentConfig, text: str, lines: list[Line]) -> list[Block]:
    """Group the non-blank lines into blocks (paragraphs, or their soft-cut pieces)."""
    wrapped, width = _is_wrapped(cfg, text, lines)
    blocks: list[Block] = []
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
            blocks.append(Block(line.cstart, line.cend, i, 1, kind == "hard", quote=_starts_quote(cfg, text, line)))
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


def block_words(text: str, block: Block) -> int:
    """Blank-separated words of a block (blocks start and end with a non-blank)."""
    return sum(1 for _ in BLANK_RUN.finditer(text, block.start, block.end)) + 1
