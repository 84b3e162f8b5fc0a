"""The per-source extraction, without I/O: segment decoded text, then run every per-article stage on its Doc."""
from __future__ import annotations

import dataclasses
import datetime as dt
import time
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass, field

import pandas as pd

from pipeline.core.article import Article, Sentence
from pipeline.run.config import Config
from pipeline.run.sources import DecodedSource, InputError


@dataclass
class SegmentedSource:
    """One decoded source split into articles."""

    decoded: DecodedSource
    documents: list[dict]
    sentences: list[dict]

    def text_row(self) -> dict:
        """The source's ``texts`` row: the decoded text its spans index into."""
        return {"source": self.decoded.source, "text": self.decoded.text}

    def pieces(self, window_chars: int, anchors: dict[str, dict] | None = None) -> Iterator[Article]:
        """Each article, or each window of one longer than ``window_chars`` (``Article.windows``), in order.

        The model and the per-article stages take these, one Doc each, so that a long
        source costs one window of memory at a time.
        """
        for article in self.articles(anchors):
            yield from article.windows(window_chars)

    def articles(self, anchors: dict[str, dict] | None = None) -> list[Article]:
        by_doc: dict[str, list[Sentence]] = defaultdict(list)
        for row in self.sentences:
            by_doc[row["doc_id"]].append(Sentence(row["sentence_id"], row["start"], row["end"],
                                                  row["paragraph"], bool(row["boilerplate"])))
        articles = []
        for doc in self.documents:
            published, precision = doc["published"], doc["published_precision"]
            if anchors and doc["doc_id"] in anchors:
                published = anchors[doc["doc_id"]]["published"]
                precision = anchors[doc["doc_id"]]["published_precision"]
            articles.append(Article(
                doc_id=doc["doc_id"], source=doc["source"], start=doc["start"], end=doc["end"],
                text=self.decoded.text[doc["start"]:doc["end"]], published=as_date(published),
                published_precision=precision,
                sentences=tuple(sorted(by_doc[doc["doc_id"]], key=lambda s: s.start)),
            ))
        return articles


def as_date(value) -> dt.date | None:
    if value is None or (isinstance(value, float) and value != value):
        return None
    if isinstance(value, pd.Timestamp):
        return value.date()
    if isinstance(value, dt.datetime):
        return value.date()
    return value


def segment_decoded(decoded: DecodedSource, *, metadata, lexicon: dict) -> SegmentedSource:
    """Split one decoded source into its article and sentence rows (pure)."""
    from pipeline.stages.segment import segment_source

    documents, sentences = segment_source(decoded.text, source=decoded.source, lexicon=lexicon, metadata=metadata)
    if not documents:  # only Unicode spaces (U+00A0, U+3000) or invisible characters: no row would say why
        raise InputError(f"[E012] {decoded.source}: the text holds no article, only whitespace or invisible "
                         "characters (such as no-break or zero-width spaces); nothing to process", source=decoded.source,
                         code="E012")
    for row in documents:
        row["encoding"] = decoded.encoding
        row["sha256"] = decoded.sha256
    return SegmentedSource(decoded, documents, sentences)


class Extractors:
    """The per-article extraction stages, built once per process from the configuration."""

    def __init__(self, config: Config, *, only_dates: bool = False) -> None:
        from pipeline.stages.dates import DateExtractor

        self.dates_lexicon = config.lexicon("dates")
        self.dates = DateExtractor(self.dates_lexicon)
        if only_dates:
            return
        from pipeline.stages.claims import ClaimExtractor
        from pipeline.stages.entities import MentionExtractor
        from pipeline.stages.quantities import QuantityExtractor

        self.quantities = QuantityExtractor(config.lexicon("quantities"))
        self.mentions = MentionExtractor(entity_lexicon(config))
        self.claims = ClaimExtractor(config.lexicon("claims"), gazetteer=config.lexicon("gazetteer"))

    def anchored(self, doc, article: Article, anchors: list[dict]) -> Article:
        """``article`` dated by its own text when undated, appending the inferred date's row to ``anchors``.

        An article's first window decides its date and the later windows inherit it
        (they come right after it), so an article has one date and one anchors row.
        """
        if article.window:
            if anchors and anchors[-1]["doc_id"] == article.doc_id:
                inherited = anchors[-1]
                return dataclasses.replace(article, published=inherited["published"],
                                           published_precision=inherited["published_precision"])
            return article
        article, anchor = self.anchor(doc, article)
        if anchor:
            anchors.append({"doc_id": article.doc_id, **anchor})
        return article

    def anchor(self, doc, article: Article) -> tuple[Article, dict]:
        """Give an undated article the publication date inferred from its own text."""
        from pipeline.stages.dates import infer_publication_date

        if article.published is not None:
            return article, {}
        inferred = infer_publication_date(doc, article, lexicon=self.dates_lexicon)
        if inferred is None:
            return article, {}
        published, precision, evidence = inferred
        return dataclasses.replace(article, published=published, published_precision=precision), {
            "published": published, "published_from": "inferred", "published_precision": precision,
            "published_evidence": evidence}


def claim_rules(config: Config):
    """The claims lexicon of ``config``, compiled (for ``resolve_claims``)."""
    from pipeline.stages.claims import compile_rules

    return compile_rules(config.lexicon("claims"), gazetteer=config.lexicon("gazetteer"))


def entity_lexicon(config: Config) -> dict:
    return {"gazetteer": config.lexicon("gazetteer"), "entities": config.lexicon("entities")}


@dataclass
class SourceRows:
    """Every per-source stage's rows for one source."""

    anchors: list[dict] = field(default_factory=list)
    dates: list[dict] = field(default_factory=list)
    quantities: list[dict] = field(default_factory=list)
    mentions: list[dict] = field(default_factory=list)
    claim_drafts: list[dict] = field(default_factory=list)
    #: ``errors`` rows that do not fail the source (a quantity too large to store), kept with its shards
    warnings: list[dict] = field(default_factory=list)


def extract_article(extractors: Extractors, doc, article: Article, rows: SourceRows,
                    timings: dict[str, float]) -> None:
    """Run dates, quantities, mentions and claim drafts on one article's Doc, appending to ``rows``."""
    clock = time.perf_counter()
    article = extractors.anchored(doc, article, rows.anchors)
    dates = extractors.dates(doc, article)
    now = time.perf_counter()
    timings["dates"] += now - clock
    clock = now
    quantities, warnings = extractors.quantities.extract(doc, article, date_spans=[(d["start"], d["end"]) for d in dates])
    now = time.perf_counter()
    timings["quantities"] += now - clock
    clock = now
    mentions = extractors.mentions(doc, article)
    now = time.perf_counter()
    timings["mentions"] += now - clock
    clock = now
    drafts = extractors.claims(doc, article, dates=dates, quantities=quantities, mentions=mentions)
    timings["claim_drafts"] += time.perf_counter() - clock
    rows.dates.extend(dates)
    rows.quantities.extend(quantities)
    rows.warnings.extend(warnings)
    rows.mentions.extend(mentions)
    rows.claim_drafts.extend(drafts)
