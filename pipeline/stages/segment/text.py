"""Characters and lines: which characters are blank, where lines break, and the first word or letter at a place."""
from __future__ import annotations

import re
import sys
from dataclasses import dataclass

#: every character Python calls whitespace, plus the zero-width and format spaces
#: that are invisible in text: a line or sentence made only of these is blank.
BLANK_CHARS = "".join(chr(c) for c in range(sys.maxunicode + 1) if chr(c).isspace()) + "\u180e\u200b\u200c\u200d\u2060\ufeff"
#: ``BLANK_CHARS`` escaped for use inside a regex character class
BLANK_CLASS = "".join(f"\\u{ord(c):04x}" if ord(c) < 0x10000 else f"\\U{ord(c):08x}" for c in BLANK_CHARS)
BLANK_RUN = re.compile(f"[{BLANK_CLASS}]+")
#: the line breaks of ``str.splitlines`` (\r\n counts as one)
_LINE_BREAK = re.compile("\r\n|[\n\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029]")


def collapse(text: str) -> str:
    """``text`` with every run of blank characters turned into one space, stripped."""
    return BLANK_RUN.sub(" ", text).strip(" ")


@dataclass(frozen=True)
class Line:
    """One line of the text: where it starts and where its non-blank content lies."""

    start: int    # first character of the line
    cstart: int   # first non-blank character (== cend for a blank line)
    cend: int     # end of the last non-blank character

    @property
    def blank(self) -> bool:
        return self.cstart == self.cend


def split_lines(text: str) -> list[Line]:
    """Every line of ``text`` with the extent of its non-blank content."""
    lines = []
    start = 0
    for m in [*_LINE_BREAK.finditer(text), None]:
        end = m.start() if m else len(text)
        segment = text[start:end]
        left = segment.lstrip(BLANK_CHARS)
        if left:
            cstart = end - len(left)
            lines.append(Line(start, cstart, cstart + len(left.rstrip(BLANK_CHARS))))
        else:
            lines.append(Line(start, end, end))
        if m:
            start = m.end()
    return lines


def first_word(text: str, line: Line) -> str:
    """The first blank-delimited word of a line (at most 60 characters are looked at)."""
    head = text[line.cstart:min(line.cend, line.cstart + 60)]
    m = BLANK_RUN.search(head)
    return head[:m.start()] if m else head


def first_letter(text: str, pos: int, end: int, openers: str) -> str:
    """The first character after any opening quotes/brackets at ``pos`` ('' at the end)."""
    limit = min(end, pos + 8)
    while pos < limit and text[pos] in openers:
        pos += 1
    return text[pos] if pos < end else ""
