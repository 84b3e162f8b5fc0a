"""What every rule works on: a mention being built, and what one article's text and Doc tell, computed once."""
from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field

from spacy.tokens import Doc, Token

from pipeline.stages.entities.ruler import GAZETTEER_SPANS_KEY
from pipeline.stages.reconcile import GazetteerEntry


@dataclass
class Mention:
    """One candidate mention: a character range of the article, its label and the rule that found it."""

    start: int
    end: int
    label: str
    detector: str
    entry: GazetteerEntry | None = None
    #: the cue that decided the label (``evidence``: "org_suffix", "place", ...); None for the model's own
    evidence: str | None = None
    #: an identifier from a package's data ("iso3166:DE") when no gazetteer entry gives one
    kb_id: str | None = None


@dataclass
class ArticleContext:
    """What the rules need to know about one article, computed once."""

    doc: Doc
    text: str
    line_starts: list[int]
    wrap_width: int
    title_ranges: list[tuple[int, int]]
    gaz: dict[tuple[int, int], GazetteerEntry] = field(default_factory=dict)
    gpe_openers: frozenset = frozenset()
    lower_words: frozenset = frozenset()
    norp_words: frozenset = frozenset()

    def __post_init__(self) -> None:
        self._title_ends = [end for _, end in self.title_ranges]

    @classmethod
    def read(cls, doc: Doc, text: str, titles: re.Pattern | None, entries: dict[str, GazetteerEntry],
             by_surface: dict[str, GazetteerEntry]) -> ArticleContext:
        """Lines, wrap width, title matches and gazetteer matches of one article."""
        line_starts = [0] + [m.end() for m in re.finditer(r"\n", text)]
        lengths = sorted(len(line.rstrip()) for line in text.split("\n") if line.strip())
        # hard-wrapped text has most lines near one width (a stray long line is ignored
        # once there are enough lines); otherwise its lines are paragraphs
        if len(lengths) >= 20:
            wrap_width = lengths[int(0.95 * (len(lengths) - 1))]
        else:
            wrap_width = lengths[-1] if lengths else 0
        title_ranges = []
        if titles is not None:
            title_ranges = [(m.start(), m.end()) for m in titles.finditer(text)]
        # first words of multi-word GPEs ("Saudi" of "Saudi Arabia") for clipped mentions
        openers = frozenset(
            e.text.split()[0] for e in doc.ents if e.label_ == "GPE" and len(e.text.split()) > 1
        )
        # what the model calls a nationality somewhere in the text ("Dutch")
        norp_words = frozenset(e.text for e in doc.ents if e.label_ == "NORP")
        # words the text writes in lower case: a capitalised form of them at a sentence or
        # heading start is a common word, not a name ("Supporters liken ...", "Missile Systems:")
        lower = frozenset(re.findall(r"(?<![\w’'\-])[a-z][a-z’'\-]*", text))
        ctx = cls(doc, text, line_starts, wrap_width, title_ranges, gpe_openers=openers, lower_words=lower,
                  norp_words=norp_words)
        for span in doc.spans.get(GAZETTEER_SPANS_KEY, []):
            entry = entries.get(span.id_) or by_surface.get(span.text)
            if entry is not None:
                ctx.gaz.setdefault((span.start_char, span.end_char), entry)
        return ctx

    def titles_within(self, start: int, end: int) -> list[tuple[int, int]]:
        """Title matches overlapping [start, end); they come from one finditer, so never overlap."""
        i = bisect.bisect_left(self.title_ranges, (end, end))
        j = bisect.bisect_right(self._title_ends, start, 0, i)
        return self.title_ranges[j:i]

    def line_of(self, pos: int) -> tuple[int, int]:
        i = bisect.bisect_right(self.line_starts, pos) - 1
        start = self.line_starts[i]
        end = self.text.find("\n", start)
        return start, (len(self.text) if end == -1 else end)

    def is_wrap(self, newline: int) -> bool:
        """True when the line break at ``newline`` only wraps a long line (hard wrap)."""
        line_start, _ = self.line_of(newline)
        line = self.text[line_start:newline].rstrip()
        rest = self.text[newline + 1:]
        nxt = rest.lstrip().split(maxsplit=1)
        next_word = nxt[0] if nxt else ""
        return len(line) + 1 + len(next_word) > self.wrap_width


    def written_lower(self, word: str) -> bool:
        """True when the document writes ``word`` in lower case, singular or plural."""
        low, lower_words = word.casefold(), self.lower_words
        return low in lower_words or (low.endswith("s") and low[:-1] in lower_words) or low + "s" in lower_words


def flat(mentions: list[Mention]) -> list[Mention]:
    """Sort mentions and drop exact duplicates and spans overlapping an earlier longer one."""
    ordered = sorted(mentions, key=lambda m: (m.start, -(m.end - m.start), m.detector))
    out: list[Mention] = []
    for m in ordered:
        if out and m.start < out[-1].end:
            continue
        out.append(m)
    return out


def title_word_before(ctx: ArticleContext, m: Mention, prev_end: int) -> Token | None:
    """The title-case word ("Sachin", "Władysław") one space before ``m`` and after ``prev_end`` (the previous
    mention's end), else None: the first name the model may have left out of a person's mention."""
    span = ctx.doc.char_span(m.start, m.end, alignment_mode="expand")
    if span is None or span.start == 0:
        return None
    tok = ctx.doc[span.start - 1]
    word = tok.text
    if tok.idx < prev_end or ctx.text[tok.idx + len(word):m.start] != " ":
        return None
    return tok if word.isalpha() and word[:1].isupper() and word[1:].islower() else None
