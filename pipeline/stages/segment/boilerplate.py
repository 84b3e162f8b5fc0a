"""Boilerplate flags: rule hits per sentence, imprint footers, author bios and pull-quotes."""
from __future__ import annotations

import re
from collections import Counter

from pipeline.stages.segment.config import SegmentConfig
from pipeline.stages.segment.paragraphs import Block
from pipeline.stages.segment.rules import rule_reason
from pipeline.stages.segment.text import collapse


def flag_rules(cfg: SegmentConfig, text: str, blocks: list[Block]) -> None:
    """Give each sentence the reason of a matching rule (its own, else its block's)."""
    for block in blocks:
        whole = rule_reason(cfg, text[block.start:block.end]) if len(block.sentences) > 1 else None
        block.reasons = [rule_reason(cfg, text[s:e]) or whole for s, e in block.sentences]


def _footer_line(cfg: SegmentConfig, text: str, block: Block) -> bool:
    """A short block that could be a line of an imprint (no sentence-final punctuation)."""
    if block.words > cfg.footer_max_words:
        return False
    core = text[block.start:block.end].rstrip(cfg.closers)
    return core[-1:] not in cfg.terminals or block.boilerplate


def flag_footers(cfg: SegmentConfig, text: str, blocks: list[Block]) -> None:
    """Flag imprints: runs of short lines (name, address, phone, ISSN) with enough rule hits.

    The lines of such a run without a rule of their own are ``footer_address``; an
    author's note or disclaimer directly above the run belongs to it too.
    """
    i, n = 0, len(blocks)
    while i < n:
        if not _footer_line(cfg, text, blocks[i]):
            i += 1
            continue
        j, hits = i, 0
        while j < n and _footer_line(cfg, text, blocks[j]):
            hits += any(r in cfg.footer_reasons for r in blocks[j].reasons)
            j += 1
        if hits >= cfg.footer_min_hits:
            for block in blocks[i:j]:
                block.reasons = [r or "footer_address" for r in block.reasons]
            k = i - 1
            while k >= 0:
                block = blocks[k]
                notes = [r or ("author_note" if cfg.author_note.fullmatch(collapse(text[s:e])) else None)
                         for (s, e), r in zip(block.sentences, block.reasons)]
                if not all(notes):
                    break
                block.reasons = notes
                k -= 1
        i = j


def _matches_whole(cfg: SegmentConfig, pattern: re.Pattern, text: str, start: int, end: int) -> bool:
    """Whether ``pattern`` matches all of ``text[start:end]`` (whitespace collapsed), a bio-sized piece."""
    if end - start > 4 * cfg.bio_max_chars:
        return False  # do not even collapse a long paragraph
    collapsed = collapse(text[start:end])
    return len(collapsed) <= cfg.bio_max_chars and bool(pattern.fullmatch(collapsed))


def flag_author_bios(cfg: SegmentConfig, text: str, blocks: list[Block]) -> None:
    """Flag the author's bio at the edges of one article (``blocks``), where pages put it.

    The words of a bio ("X is a senior fellow at Y") also introduce the people a story
    quotes, so only the first sentences of the first body paragraph and the closing
    paragraphs are looked at.
    """
    _flag_opening_bio(cfg, text, blocks)
    _flag_closing_bios(cfg, text, blocks)


def _flag_opening_bio(cfg: SegmentConfig, text: str, blocks: list[Block]) -> None:
    """Flag a bio opening the first body paragraph, and the bio sentences right after it."""
    block = next((b for b in blocks if not b.heading and not b.boilerplate), None)
    if block is None:
        return
    pattern = cfg.bio_sentence
    for k, ((s, e), reason) in enumerate(zip(block.sentences, block.reasons)):
        if reason is not None:
            continue  # a credit or date line glued to the paragraph
        if not _matches_whole(cfg, pattern, text, s, e):
            return
        block.reasons[k] = "author_bio"
        pattern = cfg.bio_follow_up


def _bio_paragraph(cfg: SegmentConfig, text: str, block: Block) -> bool:
    """Whether every sentence of ``block`` not already flagged is a bio, the first one opening it."""
    pattern = cfg.bio_sentence
    for (s, e), reason in zip(block.sentences, block.reasons):
        if reason is not None:
            continue
        if not _matches_whole(cfg, pattern, text, s, e):
            return False
        pattern = cfg.bio_follow_up
    return pattern is cfg.bio_follow_up  # at least one bio sentence


def _flag_closing_bios(cfg: SegmentConfig, text: str, blocks: list[Block]) -> None:
    """Flag the bio paragraphs that end an article, and what an "About the author" heading tops."""
    content = [b for b in blocks if not b.boilerplate]
    first = max(0, len(content) - cfg.bio_end_paragraphs)  # the closing paragraphs: content[first:]
    # an "About the author" heading just above them, or among them, labels what follows it
    for i in range(max(0, first - 1), len(content)):
        heading = content[i]
        below = content[i + 1:]
        if (heading.heading and below and _matches_whole(cfg, cfg.bio_heading, text, heading.start, heading.end)
                and all(b.end - b.start <= cfg.bio_max_chars for b in below)):
            for block in [heading, *below]:
                block.reasons = [r or "author_bio" for r in block.reasons]
            return
    for block in reversed(content[first:]):
        if block.heading or not _bio_paragraph(cfg, text, block):
            return
        block.reasons = [r or "author_bio" for r in block.reasons]


def _shingles(words: list[str], n: int) -> set:
    return {hash(tuple(words[k:k + n])) for k in range(len(words) - n + 1)}


def flag_pull_quotes(cfg: SegmentConfig, text: str, blocks: list[Block]) -> None:
    """Flag paragraphs that repeat the article's own words (pull-quotes, repeated paragraphs)."""
    if not blocks or sum(b.words for b in blocks) > cfg.repeats_max_words:
        return
    shingles = []
    for block in blocks:
        words = re.findall(r"\w+", text[block.start:block.end].lower())
        shingles.append(_shingles(words, cfg.shingle) if len(words) >= cfg.pull_min_words else set())
    pool: Counter = Counter()
    for sh in shingles:
        pool.update(sh)
    # latest first: of two identical paragraphs the later copy is the repeat
    for block, sh in zip(reversed(blocks), reversed(shingles)):
        if not sh or block.boilerplate:
            continue
        repeated = sum(1 for s in sh if pool[s] > 1) / len(sh)
        if repeated >= (cfg.marked_overlap if block.quote else cfg.unmarked_overlap):
            block.reasons = [r or "pull_quote" for r in block.reasons]
            pool.subtract(sh)
