"""The `dates` stage: one article's temporal expressions as rows of the `dates` table."""
from __future__ import annotations

from pipeline.core.article import Article
from pipeline.core.ids import span_id
from pipeline.core.schema import SCHEMAS
from pipeline.stages.dates.calendar import _Anchor, _anchor_of
from pipeline.stages.dates.extract import _extract, _Found, _grammar_for

COLUMNS: tuple[str, ...] = tuple(SCHEMAS["dates"].names)


def _row(article: Article, f: _Found, anchor: _Anchor | None) -> dict:
    cols = article.span_columns(f.start, f.end)
    n = f.norm
    row = {
        "date_id": span_id("t_", article.source, cols["start"], cols["end"]),
        **cols,
        "tclass": n.tclass,
        "value": n.value,
        "range_start": n.interval[0] if n.interval else None,
        "range_end": n.interval[1] if n.interval else None,
        "granularity": n.granularity,
        "anchored": bool(n.anchored),
        "anchor": anchor.date if (anchor is not None and n.anchored) else None,
        "mod": n.mod,
        "reference": n.reference,
    }
    return {c: row[c] for c in COLUMNS}


class DateExtractor:
    """The `dates` stage: temporal expressions of one article as rows of the `dates` table.

    ``lexicon`` is the parsed ``configs/dates.toml``; the grammar is compiled once here.
    ``fiscal_year_start`` (a key of ``[fiscal.starts]`` there, such as "india" or "us_federal",
    or a month number) overrides ``[fiscal] year_start`` for the articles this extractor reads.
    """

    def __init__(self, lexicon: dict, fiscal_year_start: str | int | None = None) -> None:
        if fiscal_year_start is not None:
            lexicon = {**lexicon, "fiscal": {**lexicon.get("fiscal", {}), "year_start": fiscal_year_start}}
        self.lexicon = lexicon
        self.grammar = _grammar_for(lexicon)

    def __call__(self, doc, article: Article) -> list[dict]:
        """Rows (columns of ``SCHEMAS["dates"]``) in text order, anchored to ``article.published``."""
        anchor = _anchor_of(article)
        found, _ = _extract(doc, article.text, self.grammar, anchor)
        return [_row(article, f, anchor) for f in found]
