"""Entity mention detection: the model's entities plus the gazetteer's, cleaned by rules.

Driven by data in ``configs/`` (gazetteer.toml, entities.toml). Importing the package
registers the gazetteer ents filter with spaCy. Modules:

* ``ruler``: the gazetteer's SpanRuler after the model's ``ner`` and the ents filter merging the two.
* ``patterns``: regexes built from word lists (titles) and the dateline scan, shared with claims.
* ``options``: the word lists and patterns of entities.toml and the gazetteer, compiled once.
* ``context``: a mention being built and what one article's text and Doc tell, computed once.
* ``trimming``: span edges: punctuation, possessives, real line breaks, a "The" inside a name.
* ``headings``: title-case, capitals and run-in headings.
* ``noise``: model spans that are no names (fragments, dates, amounts, references, heading words).
* ``cleaning``: one raw span into clean mentions: splits, titles shed, noise dropped.
* ``model_mentions``: the model's and the ruler's ``doc.ents``, rejoined, cut at line breaks and cleaned.
* ``labels``: the model's label corrected from context.
* ``growth``: a mention grown into the larger name it heads or opens.
* ``acronyms``: "Long Name (ACR)" and "(Long Name – ACR)" definitions.
* ``additions``: what the model missed: datelines, acronyms, honorifics, back-references, surnames.
* ``coordination``: a name listed with names of one kind takes their label.
* ``propn``: proper-noun runs of the parse that no mention holds ("at Pafos FC", "data from MarketBeat.com").
* ``extractor``: ``MentionExtractor``, one article's Doc into ``mention_candidates`` rows.
"""
from __future__ import annotations

from pipeline.stages.entities.extractor import MentionExtractor
from pipeline.stages.entities.patterns import capitals_view_words, dateline_places, dateline_spans, title_pattern
from pipeline.stages.entities.ruler import (
    GAZETTEER_SPANS_KEY,
    RULER_NAME,
    add_entity_ruler,
)

__all__ = [
    "GAZETTEER_SPANS_KEY",
    "RULER_NAME",
    "MentionExtractor",
    "add_entity_ruler",
    "capitals_view_words",
    "dateline_places",
    "dateline_spans",
    "title_pattern",
]
