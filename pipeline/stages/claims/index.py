"""Where things are in one article: its sentences, noun chunks, mentions, quotations and boilerplate."""
from __future__ import annotations

import bisect
import re
from collections.abc import Sequence

from pipeline.core.article import Article
from pipeline.stages.claims.grammar import Subtrees
from pipeline.stages.claims.place_colon import place_colon_datelines
from pipeline.stages.entities import dateline_spans


# "Geneva [Switzerland], August 30 (ANI/WAM):", "Bhubaneswar (Odisha) [India], May 4 (ANI):": a wire
# dateline whose place is written in natural case (the entities' scan takes a place in capitals, which
# is what tells it from a sentence's subject), or with its day as an ordinal, as WAM writes it ("SEOUL, 23rd
# October, 2025 (WAM) --", "ABU DHABI, 6th October, 2025 (WAM) --"; claims round 52: dev12 499_ and wam.ae's
# pages); here the date and the bracketed credit (capitalised words:
# an agency, not an aside) closed by a colon or a dash are what tell it, so the line's date is the day the
# story was filed, not its fact's
_AGENCY_DATELINE = re.compile(
    r"(?m)^[^\S\n]*[A-Z][\w.'’\-]*(?:[^\S\n]+(?:[A-Z][\w.'’\-]*|\([^()\n]{1,30}\)|\[[^\[\]\n]{1,30}\])){0,5}"
    r",[^\S\n]*(?:[A-Z][a-z]{2,8}\.?[^\S\n]+\d{1,2}(?:st|nd|rd|th)?|\d{1,2}(?:st|nd|rd|th)?[^\S\n]+[A-Z][a-z]{2,8}\.?)"
    r"(?:,[^\S\n]*\d{4})?"
    r"[^\S\n]*\([A-Z][\w&.'’\-]*(?:[/ ][A-Z][\w&.'’\-]*){0,3}\)[^\S\n]*(?::|[—–]|-{1,2}(?=[^\S\n]))")


# "Investing.com -- Chinese tech giant Tencent Holdings delivered ...", "Investing.com -- Austria's inflation rate
# rose in September": a site's credit, a web domain opening a paragraph and closed by a double or long dash, stands
# where a wire dateline stands; it is the publisher, never the story's actor (claims round 30: dev3 317_ and
# Investing.com's 2025 items). A plain hyphen is not enough, nor a name without a domain ("Tencent -- the ...").
_SITE_CREDIT = re.compile(r"(?m)^[^\S\n]*[A-Z][\w\-]*(?:\.[a-z]{2,6})+[^\S\n]+(?:--|[—–])[^\S\n]+(?=[\"“‘A-Z0-9])")


def agency_dateline_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of each wire dateline with a date and a bracketed credit ("Geneva [Switzerland], August 30 (ANI):"),
    and of each site credit opening a paragraph ("Investing.com --")."""
    return sorted([(m.start(), m.end()) for m in _AGENCY_DATELINE.finditer(text)]
                  + [(m.start(), m.end()) for m in _SITE_CREDIT.finditer(text)])


def quote_regions(text: str, pairs: Sequence[tuple[str, str]], *, breaks: Sequence[int] = ()) -> list[tuple[int, int]]:
    """Spans ``(start, end)`` of quoted text in ``text``, quotation marks included, in order.

    ``breaks`` are the offsets where paragraphs end. A curly quotation opened again
    before it was closed (news style for a quote running over several paragraphs)
    continues up to the new mark; one never closed ends with its paragraph. A mark
    that both opens and closes (the straight ``"``) alternates within a paragraph,
    so one stray mark cannot turn the rest of an article into a quotation.
    """
    breaks = sorted(breaks)

    def paragraph_end(at: int) -> int:
        i = bisect.bisect_right(breaks, at)
        return breaks[i] if i < len(breaks) else len(text)

    regions: list[tuple[int, int]] = []
    for opening, closing in pairs:
        start: int | None = None
        limit = len(text)
        for i, char in enumerate(text):
            if start is not None and i >= limit and (opening == closing or char == opening):
                # the quotation ran past its paragraph unclosed: it ends there
                regions.append((start, limit))
                start = None
            if opening == closing:
                if char == opening:
                    if start is None:
                        start, limit = i, paragraph_end(i)
                    else:
                        regions.append((start, i + 1))
                        start = None
                continue
            if char == opening:
                if start is not None:
                    regions.append((start, i))
                start, limit = i, paragraph_end(i)
            elif char == closing and start is not None:
                regions.append((start, i + 1))
                start = None
        if start is not None:
            regions.append((start, limit))
    regions.sort()
    merged: list[tuple[int, int]] = []
    for start, end in regions:
        # "„...“" and "“...”" can both match the same marks: keep the outermost
        if merged and start < merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], end))
        else:
            merged.append((start, end))
    return merged


class ArticleIndex:
    """One article's Doc and mention rows, indexed by position for the lookups the claim rules make."""

    def __init__(self, doc, article: Article, mentions: Sequence[dict], quote_pairs: Sequence[tuple[str, str]]) -> None:
        self.doc = doc
        self.article = article
        length = len(article.text)
        # mentions as article-local (start, end, row), longest first per start so the widest wins
        # the place of a dateline is where the article was filed, never an actor or antecedent
        # (and nor is its agency: "GENEVA (AP) —", "SEOUL, January 08 (AJP) -")
        # and a place before a colon opening a paragraph ("Jaipur: The Supreme Court ...": place_colon)
        datelines = sorted({*dateline_spans(article.text), *agency_dateline_spans(article.text),
                            *((start, end) for start, end, _ in place_colon_datelines(article.text, mentions, doc=doc))})
        #: tokens of a dateline, place to dash, which the parser may read as a subject
        self.dateline_tokens: frozenset[int] = frozenset(
            token.i for start, end in datelines
            for token in (doc.char_span(start, end, alignment_mode="expand") or ()))
        local = []
        for row in mentions:
            start, end = row["start"] - article.start, row["end"] - article.start
            # a name the model ran across the dash ("GENEVA - Measles") starts in the dateline too
            if 0 <= start < end <= length and not any(low <= start < high for low, high in datelines):
                local.append((start, end, row))
        local.sort(key=lambda item: (item[0], -item[1]))
        self.mentions = local
        self.mention_starts = [m[0] for m in local]
        self.token_mention: list[dict | None] = [None] * len(doc)
        # (start, row, token span) of each mention the Doc's tokens cover, widest first
        self.mention_spans: list[tuple[int, dict, object]] = []
        for start, end, row in sorted(local, key=lambda item: item[0] - item[1]):
            span = doc.char_span(start, end, alignment_mode="expand")
            if span is None:
                continue
            for token in span:
                if self.token_mention[token.i] is None:
                    self.token_mention[token.i] = row
            self.mention_spans.append((start, row, span))
        self.sentences = list(doc.sents)
        self.sentence_chars = [sent.start_char for sent in self.sentences]
        # token -> its sentence and its noun chunk, computed once: Token.sent and
        # Span.noun_chunks rescan the Doc on every call
        self.sentence_of: list[int] = [0] * len(doc)
        for index, sent in enumerate(self.sentences):
            self.sentence_of[sent.start:sent.end] = [index] * (sent.end - sent.start)
        # every token's subtree, from one walk: Token.subtree walks it anew on every call
        self.subtrees = Subtrees(doc)
        self.chunk_of: list[tuple[int, int] | None] = [None] * len(doc)
        for chunk in doc.noun_chunks:
            self.chunk_of[chunk.start:chunk.end] = [(chunk.start, chunk.end)] * (chunk.end - chunk.start)
        breaks = [a.end - article.start for a, b in zip(article.sentences, article.sentences[1:])
                  if a.paragraph != b.paragraph]
        self.quotes = quote_regions(article.text, quote_pairs, breaks=breaks)
        self.quote_starts = [q[0] for q in self.quotes]
        self.boilerplate = sorted((s.start - article.start, s.end - article.start)
                                  for s in article.sentences if s.boilerplate)
        self.boilerplate_starts = [b[0] for b in self.boilerplate]

    def sent(self, token):
        """The sentence Span holding ``token`` (cached; ``Token.sent`` rescans the Doc)."""
        return self.sentences[self.sentence_of[token.i]]

    def in_boilerplate(self, local_start: int) -> bool:
        """True when article-local offset ``local_start`` lies in a byline, credit line or other boilerplate."""
        i = bisect.bisect_right(self.boilerplate_starts, local_start) - 1
        return i >= 0 and local_start < self.boilerplate[i][1]

    def sentence_index(self, local: int) -> int:
        """Index in ``self.sentences`` of the sentence holding article-local offset ``local``."""
        return max(0, bisect.bisect_right(self.sentence_chars, local) - 1)

    def mentions_in(self, local_start: int, local_end: int) -> list[dict]:
        """Mention rows overlapping the article-local span, in text order."""
        # a mention starting before the span can still reach into it; names are short, so look back a little
        i = bisect.bisect_left(self.mention_starts, local_start)
        while i > 0 and self.mentions[i - 1][1] > local_start:
            i -= 1
        found = []
        for start, end, row in self.mentions[i:]:
            if start >= local_end:
                break
            if end > local_start:
                found.append(row)
        return found

    def quote_at(self, local: int) -> tuple[int, int] | None:
        """The quotation holding article-local offset ``local`` (None outside quotations)."""
        i = bisect.bisect_right(self.quote_starts, local) - 1
        if i >= 0 and local < self.quotes[i][1]:
            return self.quotes[i]
        return None

    def mention_of(self, token) -> dict | None:
        """The mention row ``token`` is part of (the widest one), or None."""
        return self.token_mention[token.i]
