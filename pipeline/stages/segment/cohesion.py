"""Lexical cohesion: content-word vectors of blocks, their windows, cosines and TextTiling depth."""
from __future__ import annotations

import math
import re
from collections import Counter

from pipeline.stages.segment.config import SegmentConfig
from pipeline.stages.segment.paragraphs import Block

#: a word starting with a letter, and the character right after it
_CONTENT_WORD = re.compile(r"([^\W\d_](?:[\w’'.-]*[^\W_])?)(.?)", re.S)


class Vectors:
    """Content-word vectors of blocks, computed on demand and forgotten behind the scan.

    Keeping only the blocks near the scan position bounds memory on huge sources;
    a block's vector is cheap to recompute.
    """

    def __init__(self, cfg: SegmentConfig, text: str, blocks: list[Block]):
        self.cfg, self.text, self.blocks = cfg, text, blocks
        self.cache: dict[int, tuple[Counter, frozenset]] = {}
        self.weighted_cache: dict[int, dict] = {}
        self.idf: dict[str, float] = {}
        self.sims: dict[int, float] = {}

    def get(self, i: int) -> tuple[Counter, frozenset]:
        """(content-word counts, capitalised words) of block ``i``."""
        hit = self.cache.get(i)
        if hit is None:
            hit = self.cache[i] = _block_vector(self.cfg, self.text, self.blocks[i])
        return hit

    def get_weighted(self, i: int) -> dict:
        """Block ``i``'s counts weighted by inverse block frequency (words of every
        paragraph say little about where a topic changes)."""
        hit = self.weighted_cache.get(i)
        if hit is None:
            self.ensure_idf()
            idf = self.idf
            hit = self.weighted_cache[i] = {k: v * idf.get(k, 1.0) for k, v in self.get(i)[0].items()}
        return hit

    def forget_below(self, i: int) -> None:
        """Drop the vectors of blocks before ``i`` (only on sources too big to keep them all)."""
        if len(self.blocks) > self.cfg.vector_cache_blocks:
            for cache in (self.cache, self.weighted_cache):
                for k in [k for k in cache if k < i]:
                    del cache[k]

    def ensure_idf(self) -> None:
        """Compute the inverse block frequencies of the source's content words (once)."""
        if self.idf:
            return
        n = len(self.blocks)
        df: Counter = Counter()
        for i in range(n):
            df.update(self.get(i)[0].keys())
            self.forget_below(i)
        self.idf = {k: math.log((n + 1) / (c + 0.5)) for k, c in df.items()} or {"": 0.0}

    def gap_similarity(self, b: int) -> float:
        """Cosine of the weighted windows either side of the gap before block ``b``."""
        hit = self.sims.get(b)
        if hit is None:
            self.ensure_idf()
            n = len(self.blocks)
            hit = self.sims[b] = cosine(self.window(b - 1, -1, -1, weighted=True), self.window(b, 1, n, weighted=True))
        return hit

    def depth(self, b: int) -> float:
        """TextTiling depth score of the gap before block ``b``: how far its similarity lies
        below the highest similarities reached climbing left and right from it."""
        if b <= 0 or b >= len(self.blocks):
            return 0.0
        sim = self.gap_similarity(b)
        peaks = []
        for step in (-1, 1):
            j, peak = b, sim
            while 1 <= j + step < len(self.blocks) and self.gap_similarity(j + step) >= self.gap_similarity(j):
                j += step
                peak = self.gap_similarity(j)
            peaks.append(peak)
        return (peaks[0] - sim) + (peaks[1] - sim)

    def window(self, first: int, step: int, stop: int, *, weighted: bool = False) -> dict:
        """Summed vectors of content blocks from ``first`` towards ``stop`` (exclusive), up to
        ``window_words`` words or ``window_paragraphs`` blocks."""
        total: dict = {}
        taken = words = 0
        i = first
        cfg, blocks = self.cfg, self.blocks
        while i != stop and 0 <= i < len(blocks) and taken < cfg.window_paragraphs and words < cfg.window_words:
            counts = self.get_weighted(i) if weighted else self.get(i)[0]
            if counts:
                get = total.get
                for k, v in counts.items():
                    total[k] = get(k, 0.0) + v
                taken += 1
                words += blocks[i].words
            i += step
        return total


def _block_vector(cfg: SegmentConfig, text: str, block: Block) -> tuple[Counter, frozenset]:
    """Content-word counts of a block (proper nouns weighted up) and its capitalised words."""
    counts: Counter = Counter()
    caps = set()
    if block.boilerplate or block.quote:
        return counts, frozenset()
    piece = text[block.start:min(block.end, block.start + cfg.max_paragraph_chars)]
    stopwords, terminals, proper_weight = cfg.stopwords, cfg.terminals, cfg.proper_noun_weight
    initial = True  # the next word starts a sentence (its capital says nothing)
    for word, after in _CONTENT_WORD.findall(piece):
        lower = word.lower()
        if lower.endswith(("’s", "'s")):
            lower, word = lower[:-2], word[:-2]
        proper = not initial and word[0].isupper()
        initial = after in terminals
        if len(lower) < 3 or lower in stopwords:
            continue
        if word[0].isupper():
            caps.add(word)
        if len(lower) > 4 and lower[-1] == "s" and lower[-2] != "s":
            lower = lower[:-1]  # a crude plural: "drones" ~ "drone"
        counts[lower] += proper_weight if proper else 1.0
    return counts, frozenset(caps)


def cosine(a: dict, b: dict, norm_b: float | None = None) -> float:
    if not a or not b:
        return 0.0
    small, large = (a, b) if len(a) <= len(b) else (b, a)
    dot = sum(v * large.get(k, 0.0) for k, v in small.items())
    na = math.sqrt(sum(v * v for v in a.values()))
    nb = norm_b if norm_b is not None else math.sqrt(sum(v * v for v in b.values()))
    return dot / (na * nb) if na and nb else 0.0
