"""The per-article context every extraction stage receives alongside its spaCy ``Doc``."""
from __future__ import annotations

import bisect
import datetime as dt
from dataclasses import dataclass, field
from functools import cached_property


@dataclass(frozen=True)
class Sentence:
    """One sentence: absolute offsets into the source text."""

    sentence_id: str
    start: int
    end: int
    paragraph: int
    boilerplate: bool


@dataclass(frozen=True)
class Article:
    """One article (a row of the ``documents`` table) with its sentences.

    ``text`` is exactly ``source_text[start:end]``. The spaCy ``Doc`` that goes with
    it was built from a length-preserving view of ``text`` (line breaks and tabs
    shown to the model as spaces), so ``doc`` character offset ``i`` is source
    offset ``start + i``.
    """

    doc_id: str
    source: str
    start: int
    end: int
    text: str
    published: dt.date | None = None
    # precision of ``published``: "day", "month", "year" or None
    published_precision: str | None = None
    sentences: tuple[Sentence, ...] = field(default=())

    @cached_property
    def _sentence_starts(self) -> list[int]:
        return [s.start for s in self.sentences]

    def sentence_at(self, start: int) -> Sentence | None:
        """The sentence holding absolute offset ``start`` (None outside every sentence)."""
        i = bisect.bisect_right(self._sentence_starts, start) - 1
        if i >= 0 and start < self.sentences[i].end:
            return self.sentences[i]
        # a span starting in the gap between two sentences belongs to the next one
        if i + 1 < len(self.sentences) and start >= self.start:
            return self.sentences[i + 1]
        return self.sentences[i] if i >= 0 else None

    def span_columns(self, local_start: int, local_end: int) -> dict:
        """The contract's span columns for the article-relative span [local_start, local_end)."""
        start = self.start + local_start
        end = self.start + local_end
        sentence = self.sentence_at(start)
        return {
            "doc_id": self.doc_id,
            "source": self.source,
            "start": start,
            "end": end,
            "text": self.text[local_start:local_end],
            "sentence_id": sentence.sentence_id if sentence else None,
        }

    def is_boilerplate(self, local_start: int) -> bool:
        """True when the article-relative offset lies in a boilerplate sentence."""
        sentence = self.sentence_at(self.start + local_start)
        return bool(sentence and sentence.boilerplate)
