"""Sentences: where a run of sentence-final punctuation ends a sentence, and the sentence spans of a block."""
from __future__ import annotations

import re

from pipeline.stages.segment.config import SegmentConfig
from pipeline.stages.segment.text import BLANK_CHARS, BLANK_CLASS, BLANK_RUN

_NONBLANK = re.compile(f"[^{BLANK_CLASS}]")
_LAST_WORD = re.compile(f"[^{BLANK_CLASS}]*$")
#: initials and dotted acronyms ("J.R", "U.S"): they may or may not end a sentence
_DOTTED = re.compile(r"(?:[^\W\d_]\.)+[^\W\d_]")


def _previous_word(text: str, lo: int, pos: int) -> str:
    """The blank-delimited word ending at ``pos`` (at most 40 characters back)."""
    m = _LAST_WORD.search(text[max(lo, pos - 40):pos])
    return m.group(0) if m else ""


def ends_sentence(cfg: SegmentConfig, text: str, lo: int, run_start: int, run_end: int, next_word: str) -> bool:
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


def split_sentences(cfg: SegmentConfig, text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Sentence spans (trimmed of blanks) of the block ``text[start:end]``."""
    spans = []
    cursor = start
    for m in cfg.terminal_run.finditer(text, start, end):
        gap = _NONBLANK.search(text, m.end(), end)
        if gap is None:
            break
        next_word = text[gap.start():min(end, gap.start() + 40)]
        cut = BLANK_RUN.search(next_word)
        if cut:
            next_word = next_word[:cut.start()]
        if m.end() <= cursor or not ends_sentence(cfg, text, cursor, m.start(), m.end(), next_word):
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
