"""Running the dates stage over texts in memory (TimeML documents, undated articles): rows and publication dates."""
from __future__ import annotations

import datetime as dt
from collections import defaultdict

from pipeline.run.config import Config
from pipeline.run.extract import Extractors, SegmentedSource
from pipeline.run.sources import DecodedSource
from pipeline.stages.nlp import make_doc
from pipeline.stages.segment import segment_source
from pipeline.stages.segment.stage import SourceMetadata


class DatesRunner:
    """Segment, parse and date texts with one model and configuration (no files written)."""

    def __init__(self, config: Config, nlp) -> None:
        self.config, self.nlp = config, nlp
        self.extractors = Extractors(config, only_dates=True)

    def __call__(self, name: str, text: str, published: dt.date | None, *,
                 precision: str = "day") -> tuple[list[dict], list[dict]]:
        """(dates rows, documents rows) of one text, dated ``published`` (known to ``precision``) or, when
        None, by its own evidence."""
        metadata = SourceMetadata(published=published, published_precision=precision) if published else None
        documents, sentences = segment_source(text, source=name, lexicon=self.config.lexicon("segment"),
                                              metadata=metadata)
        decoded = DecodedSource(source=name, text=text, encoding="utf-8", sha256="")
        articles = SegmentedSource(decoded, documents, sentences).articles()
        rows: list[dict] = []
        by_doc = defaultdict(dict)
        for article, doc in zip(articles, self.nlp.pipe(make_doc(self.nlp, a) for a in articles)):
            article, anchor = self.extractors.anchor(doc, article)
            by_doc[article.doc_id] = anchor
            rows += self.extractors.dates(doc, article)
        for row in documents:
            row.update(by_doc.get(row["doc_id"]) or {})
        return rows, documents
