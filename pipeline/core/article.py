"""The per-article context every extraction stage receives alongside its spaCy ``Doc``."""
from __future__ import annotations

import bisect
import dataclasses
import datetime as dt
from collections.abc import Iterator
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
    #: position of this piece in its article: 0 for a whole article or its first window, see ``windows``
    window: int = 0

    def windows(self, max_chars: int) -> Iterator[Article]:
        """The article itself when it is at most ``max_chars`` long, else consecutive pieces that tile it.

        Each piece ends where a later sentence starts: at the last paragraph start in the
        second half of the window, else at the last sentence start in it, so that no
        sentence is cut and a long article costs the model and the stages one window of
        memory at a time. A sentence longer than the window (the segmenter caps them far
        below it) makes its piece longer rather than being cut.
        """
        if self.end - self.start <= max_chars or len(self.sentences) < 2:
            yield self
            return
        sentences = self.sentences
        first, start, number = 0, self.start, 0
        while first < len(sentences):
            limit = start + max_chars
            last = bisect.bisect_right(self._sentence_starts, limit, lo=first + 1) - 1
            if self.end <= limit:
                cut = len(sentences)
            elif last <= first:
                cut = first + 1
            else:
                cut = last
                for i in range(last, first, -1):
                    if sentences[i].start <= start + max_chars // 2:
                        break
                    if sentences[i].paragraph != sentences[i - 1].paragraph:
                        cut = i
                        break
            end = sentences[cut].start if cut < len(sentences) else self.end
            yield dataclasses.replace(self, start=start, end=end, text=self.text[start - self.start:end - self.start],
                                      sentences=sentences[first:cut], window=number)
            first, start, number = cut, end, number + 1

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
