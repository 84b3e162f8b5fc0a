"""The segment stage's entry: one decoded source and its metadata in, rows of documents and sentences out."""
from __future__ import annotations

import datetime as dt
import hashlib
from dataclasses import dataclass

from pipeline.core.ids import span_id, stable_id
from pipeline.stages.segment.boilerplate import (
    flag_author_bios,
    flag_footers,
    flag_pull_quotes,
    flag_rules,
)
from pipeline.stages.segment.boundaries import article_starts
from pipeline.stages.segment.config import SegmentConfig, compile_config, config_for
from pipeline.stages.segment.heads import title_and_date
from pipeline.stages.segment.paragraphs import Block, block_words, group_blocks
from pipeline.stages.segment.sentences import split_sentences
from pipeline.stages.segment.text import collapse, split_lines


@dataclass(frozen=True)
class SourceMetadata:
    """One row of ``sources.csv``, already parsed by the caller."""

    published: dt.date | None = None
    # "day" | "month" | "year": how much of ``published`` the metadata gave
    published_precision: str | None = None
    title: str | None = None
    url: str | None = None


def _sha1(text: str) -> str:
    return hashlib.sha1(text.encode("utf-8", "surrogatepass")).hexdigest()


class Segmenter:
    """Split decoded sources into article and sentence rows with one compiled configuration.

    ``Segmenter(lexicon)(text, source=..., metadata=...)`` returns ``(documents, sentences)``
    exactly as :func:`segment_source` does; build it once and call it per source.
    """

    def __init__(self, lexicon: dict):
        self.cfg = compile_config(lexicon)

    def __call__(self, text: str, *, source: str, metadata: SourceMetadata | None = None) -> tuple[list[dict], list[dict]]:
        return _segment(self.cfg, text, source=source, metadata=metadata)


def segment_source(text: str, *, source: str, lexicon: dict, metadata: SourceMetadata | None = None) -> tuple[list[dict], list[dict]]:
    """Split one decoded source into ``(documents, sentences)`` rows.

    ``documents`` has one dict per article (doc_id, source, start, end, title,
    published, published_from, published_precision, article); the caller adds
    ``encoding`` and ``sha256``. ``sentences`` has exactly the columns of the
    ``sentences`` table. Offsets index ``text`` as given.

    The metadata date, when given, dates every article of the source
    (``published_from`` "metadata"); otherwise a date line or dateline at an
    article's head dates it ("dateline"); otherwise both stay None for a later stage
    to infer. The metadata title names the first article (the only one, usually);
    other articles keep the headline found at their head, if any.
    """
    return _segment(config_for(lexicon), text, source=source, metadata=metadata)


def analyse(text: str, *, lexicon: dict) -> dict:
    """The segmenter's intermediate view of ``text`` (blocks, cues, boundary scores), for debugging."""
    cfg = config_for(lexicon)
    blocks = _prepare(cfg, text)
    trace: list = []
    starts = article_starts(cfg, text, blocks, trace)
    return {"blocks": blocks, "starts": starts, "trace": trace}


def _prepare(cfg: SegmentConfig, text: str) -> list[Block]:
    """Blocks with their sentences and rule-based boilerplate reasons."""
    if not isinstance(text, str):
        raise TypeError(f"[E205] segment_source expects decoded text (str), not {type(text).__name__}")
    blocks = group_blocks(cfg, text, split_lines(text))
    for block in blocks:
        block.sentences = split_sentences(cfg, text, block.start, block.end)
        block.words = block_words(text, block)
        head = collapse(text[block.start:min(block.end, block.start + 120)])
        block.dateline = block.hard and bool(cfg.dateline.match(head))
    flag_rules(cfg, text, blocks)
    flag_footers(cfg, text, blocks)
    return blocks


def _segment(cfg: SegmentConfig, text: str, *, source: str, metadata: SourceMetadata | None) -> tuple[list[dict], list[dict]]:
    blocks = _prepare(cfg, text)
    starts = article_starts(cfg, text, blocks)
    documents, sentences = [], []
    bounds = starts + [len(blocks)]
    for index, (first, last) in enumerate(zip(bounds, bounds[1:])):
        group = blocks[first:last]
        group[0].hard = True
        flag_pull_quotes(cfg, text, group)
        title, dated = title_and_date(cfg, text, group)
        flag_author_bios(cfg, text, group)  # after the head is read: a bio is not part of it
        start, end = group[0].start, group[-1].end
        doc_id = stable_id("d_", source, start, end, _sha1(text[start:end]))
        published = published_from = precision = None
        if metadata is not None and metadata.published is not None:
            published, published_from = metadata.published, "metadata"
            precision = metadata.published_precision or "day"
        elif dated is not None:
            (published, precision), published_from = dated, "dateline"
        if metadata is not None and metadata.title and (index == 0 or len(starts) == 1):
            title = metadata.title
        documents.append({
            "doc_id": doc_id, "source": source, "start": start, "end": end, "title": title,
            "published": published, "published_from": published_from,
            "published_precision": precision, "published_evidence": None, "article": index,
        })
        paragraph = -1
        for block in group:
            paragraph += block.hard
            for (s, e), reason in zip(block.sentences, block.reasons):
                sentences.append({
                    "sentence_id": span_id("s_", source, s, e), "doc_id": doc_id, "source": source,
                    "start": s, "end": e, "text": text[s:e], "paragraph": paragraph,
                    "boilerplate": reason is not None, "boilerplate_reason": reason,
                })
    return documents, sentences
