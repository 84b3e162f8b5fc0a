"""Article boundaries: cues (datelines, opening and credit lines) and the score of a cue-less topic shift."""
from __future__ import annotations

import math
import re
from collections import Counter
from dataclasses import dataclass

from pipeline.stages.segment.cohesion import Vectors, cosine
from pipeline.stages.segment.config import SegmentConfig
from pipeline.stages.segment.paragraphs import Block
from pipeline.stages.segment.text import collapse

_NAME_SUFFIX = re.compile(r"(?:[IVX]+|Jr\.?|Sr\.?)")  # "Charles III": the surname is the name before


def _lead_features(cfg: SegmentConfig, text: str, block: Block, seen: set) -> tuple[int, bool]:
    """News-lead cues of a block's first sentence.

    Returns the number of people named there with a title and full name ("British
    Prime Minister Keir Starmer") whose surname the current article already used
    (news style spells a name out once per article), and whether the sentence reads
    as a lead: such a titled name plus a closing attribution ("..., X said on Sunday.").
    """
    s, e = block.sentences[0]
    first = collapse(text[s:min(e, s + cfg.max_paragraph_chars)])
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


def _boundary_score(cfg: SegmentConfig, text: str, vectors: Vectors, b: int, article: _Article) -> tuple[float, dict]:
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
        "cohesion": cfg.cohesion_weight * (1.0 - cosine(vectors.window(b, 1, n), article.counts, math.sqrt(article.norm2))),
        "local": cfg.local_weight * (1.0 - cosine(vectors.window(b, 1, n, weighted=True), weighted_before)),
        "paragraph": cfg.paragraph_weight * (1.0 - cosine(vectors.get_weighted(b), weighted_before)),
        "depth": cfg.depth_weight * vectors.depth(b),
        "reintroduced": cfg.reintroduced_weight * min(reintroduced, cfg.reintroduced_max),
        "lead": cfg.lead_weight * lead,
    }
    return sum(parts.values()), parts


def _is_head_block(cfg: SegmentConfig, block: Block) -> bool:
    """A block that may sit above an article's first paragraph: a headline, date line, byline."""
    if block.heading and not block.boilerplate:
        return True
    return block.boilerplate and set(block.reasons) <= cfg.head_reasons


def _is_closing(cfg: SegmentConfig, block: Block) -> bool:
    """A block of credit lines, which end an article."""
    return block.boilerplate and set(block.reasons) <= cfg.closing_reasons


def _is_opening(cfg: SegmentConfig, block: Block) -> bool:
    """A block that opens an article: a dateline paragraph, a page date line, a tag header."""
    return block.dateline or (block.boilerplate and bool(set(block.reasons) & cfg.opening_reasons)
                              and set(block.reasons) <= cfg.head_reasons)


def article_starts(cfg: SegmentConfig, text: str, blocks: list[Block], trace: list | None = None) -> list[int]:
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
    vectors = Vectors(cfg, text, blocks)
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


def _beats_next(cfg: SegmentConfig, text: str, vectors: Vectors, b: int,
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
