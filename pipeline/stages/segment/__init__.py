"""Split one decoded source text into articles, paragraphs and sentences.

The segment stage's pure core: it receives the decoded text of one source (and the
source's row of ``sources.csv``), and returns the rows of the ``documents`` and
``sentences`` tables. It never reads files and never normalises the text: every
offset is a Python ``str`` index into the text it was given, and every sentence's
``text`` is an exact slice of it.

How it works, in order:

1. Lines. The text is cut at every line break (``\\n``, ``\\r\\n``, ``\\r`` and the
   other Unicode line separators); lines holding only whitespace (including
   no-break and zero-width spaces) are blank.
2. Blocks and paragraphs. Blank lines end paragraphs. When the text is hard-wrapped
   (many lines stop mid-sentence and go on in lower case on the next line) the
   wrap width is estimated and a line ends its paragraph when it ends a sentence
   and the next word would have fitted on it; headings, list items and quoted
   (``> ``) lines are paragraphs of their own. A sentence end at a full line is a
   *soft* break: not a paragraph break, but a place where an article may start.
3. Sentences inside each block: sentence-final punctuation with any closing quotes
   or brackets, followed by a word that can start a sentence; abbreviations and
   initials from the configuration do not end sentences. A sentence longer than the
   configured cap (smaller for one that no punctuation ends) is cut at its best break
   before the cap (a line break for unpunctuated lines, a clause break, a blank), so
   the later stages' time per sentence is bounded.
4. Boilerplate: configured patterns (bylines, read times, credits, picture credits
   and captions, tag headers, licences, ISSNs, site chrome), imprint footers (runs of
   short address/ISSN lines), pull-quotes that repeat the article's own words, and
   author bios at an article's edges (its first body sentence, its last paragraphs).
5. Articles: strong cues (a dateline at a paragraph start, a tag header, a page
   date line, the end of a run of credit lines or of an imprint) and, where there
   is no cue, a paragraph whose first sentence reads as a news lead and whose
   words part from the article so far (TextTiling-style lexical cohesion).
6. Each article's title (the metadata title, else a headline at its head) and date
   (the metadata date, else a date line or dateline at its head).

Modules, in the order the stage uses them:

- ``text``: blank characters, line splitting, the first word or letter at a place.
- ``config``: ``SegmentConfig``, compiled (and cached) from ``configs/segment.toml``.
- ``rules``: which configured boilerplate rule a short piece of text matches.
- ``sentences``: sentence ends and the sentence spans of a block.
- ``paragraphs``: ``Block`` and the grouping of lines into paragraphs (wrap width, headings, quotes).
- ``boilerplate``: flags per sentence: rule hits, imprint footers, author bios, pull-quotes.
- ``heads``: an article's headline and the date of its date line or dateline.
- ``cohesion``: content-word vectors of blocks, cosines and TextTiling depth.
- ``boundaries``: where articles start: cues, and the score of a cue-less topic shift.
- ``stage``: ``segment_source``, ``Segmenter``, ``analyse`` and ``SourceMetadata``.
"""
from __future__ import annotations

from pipeline.stages.segment.config import (
    SegmentConfig,
    SegmentConfigError,
    compile_config,
)
from pipeline.stages.segment.heads import parse_date_line
from pipeline.stages.segment.stage import (
    Segmenter,
    SourceMetadata,
    analyse,
    segment_source,
)
from pipeline.stages.segment.text import BLANK_CHARS

__all__ = [
    "SourceMetadata", "Segmenter", "SegmentConfig", "SegmentConfigError", "compile_config", "segment_source",
    "parse_date_line", "analyse", "BLANK_CHARS",
]
