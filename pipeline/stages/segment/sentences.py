"""Sentences: where a run of sentence-final punctuation ends a sentence, and the sentence spans of a block."""
from __future__ import annotations

import re
import unicodedata

from pipeline.stages.segment.config import SegmentConfig
from pipeline.stages.segment.text import BLANK_CHARS, BLANK_CLASS, BLANK_RUN

_NONBLANK = re.compile(f"[^{BLANK_CLASS}]")
_LAST_WORD = re.compile(f"[^{BLANK_CLASS}]*$")
#: a line break with the blanks around it: where lines that no punctuation ends are cut first
_LINE_BREAK = re.compile(f"[{BLANK_CLASS}]*[\n\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029][{BLANK_CLASS}]*")
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
        # a bracket or quote opening on a digit continues the sentence ("at 10:35 a.m. (0735 GMT) Friday")
        return stripped.rstrip(",;:") in cfg.starters or (opened and not first.isdigit())
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
    return [piece for s, e in spans if _NONBLANK.search(text, s, e) for piece in cap_sentence(cfg, text, *_trim(text, s, e))]


def cap_sentence(cfg: SegmentConfig, text: str, start: int, end: int) -> list[tuple[int, int]]:
    """The sentence ``text[start:end]`` cut into pieces no longer than the configured cap.

    A run-on text ("the EU said the EU said ..." with no full stop, or lines that no
    punctuation ends) would otherwise reach the parser and the claim rules as one
    sentence, and their time grows faster than its length. A sentence that no
    sentence-final punctuation ends has the smaller cap and is cut at a line break
    first; every long sentence then at a clause break (";", ",", "—" before a blank),
    then at a blank, each looked for in the second half of the window so a piece is
    never short; only a run with no blank at all is cut at the cap itself.
    """
    unpunctuated = cfg.terminal_tail.search(text, max(start, end - 12), end) is None
    cap = cfg.max_unpunctuated_chars if unpunctuated else cfg.max_sentence_chars
    if end - start <= cap:
        return [(start, end)]
    pieces = []
    while end - start > cap:
        limit = start + cap
        cut = _last_break(cfg, text, start, limit, unpunctuated)
        if cut is None:
            stop = limit
            while stop > start + 1 and unicodedata.combining(text[stop]):
                stop -= 1  # keep a letter with its accent
            cut = (stop, stop)
        pieces.append(_trim(text, start, cut[0]))
        start = _trim(text, cut[1], end)[0]
    pieces.append((start, end))
    return pieces


def _last_break(cfg: SegmentConfig, text: str, start: int, limit: int, unpunctuated: bool) -> tuple[int, int] | None:
    """(end of this piece, start of the next) at the best break in ``text[start:limit]``, or None."""
    half = start + (limit - start) // 2
    if unpunctuated:
        found = _last_match(_LINE_BREAK, text, half, limit)
        if found is not None:
            return found.start(), found.end()
    found = _last_match(cfg.clause_break, text, half, limit)
    if found is not None:
        stop = found.start() + len(found.group(0).rstrip(BLANK_CHARS))
        return stop, found.end()
    found = _last_match(BLANK_RUN, text, start + 1, limit)
    return (found.start(), found.end()) if found is not None else None


def _last_match(pattern: re.Pattern, text: str, lo: int, limit: int):
    """The last match of ``pattern`` starting in ``text[lo:limit]`` whose break (not its trailing blanks) ends by ``limit``."""
    last = None
    for m in pattern.finditer(text, lo, limit + 1):
        if m.start() < limit:
            last = m
    return last


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    first = _NONBLANK.search(text, start, end)
    start = first.start() if first else start
    piece = text[start:end].rstrip(BLANK_CHARS)
    return start, start + len(piece)
