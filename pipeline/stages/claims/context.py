"""The per-article context of the claim rules: the article's index, its coreference and its speakers."""
from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from pipeline.core.article import Article
from pipeline.stages.claims.attribution import Speakers
from pipeline.stages.claims.coreference import Coreference, NamedHeads, TitledPeople
from pipeline.stages.claims.index import ArticleIndex
from pipeline.stages.claims.rules import ClaimRules


@dataclass(frozen=True)
class ArticleContext:
    """What the claim rules read about one article, one piece per concern."""

    doc: object
    article: Article
    rules: ClaimRules
    index: ArticleIndex
    named_heads: NamedHeads
    titled: TitledPeople
    coreference: Coreference
    speakers: Speakers

    @classmethod
    def build(cls, doc, article: Article, mentions: Sequence[dict], rules: ClaimRules) -> ArticleContext:
        """Index the article, then build the pieces that read the index."""
        index = ArticleIndex(doc, article, mentions, rules.quote_pairs)
        named_heads = NamedHeads(index, rules)
        titled = TitledPeople(index, rules)
        coreference = Coreference(index, rules, named_heads)
        return cls(doc, article, rules, index, named_heads, titled, coreference,
                   Speakers(index, rules, coreference, titled))
