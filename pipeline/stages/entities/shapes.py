"""Name shapes the small model misses or splits: a work's title in quotes after a work word, a lower-case
or camel-case brand, and a maker's name with its model's designator (entities round 38).

* ``work_title``: a title-case phrase in quotation marks right after a word of ``work_words``
  (entities.toml: "film", "documentary", "drama", "entry", "production", "feature", "album", "novel" ...),
  perhaps after a comma ('the social drama "Surviving Earth"', 'her debut feature, "Songs of Forgotton
  Trees"', dev8 1311, dev9 1413), and a quoted title joined to such a title by a comma or "and" ('the films
  "A" and "B"'), is WORK_OF_ART. Scare quotes and quoted words ("so-called 'reciprocal' tariffs", 'often
  called the "Big Beautiful Bill"', 'themed "Prosperity through Cooperatives"') follow no work word and stay
  as they are; a quote that is not title case (a speech) is never a title.
* ``brand_noun``: a lower-case word that no English word index knows, right after a company noun of
  ``brand_nouns`` ("Dubai-based airline flydubai", "Low-cost carrier flydubai", "a Japanese company called
  ispace"; dev9 1402 and 1414, dev4 813), is an organisation, and so is every other place the article writes
  the same word ("flydubai returns to Damascus").
* ``camel_brand``: a word opened by one to four lower-case letters and then a capital ("Elon Musk's xAI", dev7
  1207), or by three or four and ending in its one capital ("while hearX closed", dev10 1503; "Technologies and truQ
  took first place", dev10 1514; entities round 42), that no mention holds is an organisation, PRODUCT (``camel_model``) with a model's number after it ("the iPhone 17
  series", dev3 706); science's terms of ``camel_case_common`` ("mRNA", "eVTOL"), a unit the quantities
  stage's registry (pint) knows ("kWh", "mmHg", "dBm") and a plural in "s" ("57 million iPhones", a product's units)
  are left alone.
* ``maker_model``: an organisation's name followed by a model's designator, a letter or two and digits or
  three digits ("Airbus A350 aircraft", "Airbus A321 aircraft"; dev9 1402, dev8 1305), is one PRODUCT, as the
  dev gold writes aircraft models; a designator joined to another by "and", "or", "/" or a comma ("Boeing 737
  and 787", two models) leaves the maker alone, and so does a name the gazetteer lists whole ("FTSE 100").

The mentions found replace any mention they overlap (a camel-case word is only added where none is); each
carries its rule (``rule:work_title``, ``rule:brand_noun``, ``rule:camel_brand``, ``rule:maker_model``) and its
evidence value (the rule's name; ``camel_model`` for a camel-case word with a number).
"""
from __future__ import annotations

import re

from spacy.lang.en.stop_words import STOP_WORDS

from pipeline.stages.entities.context import ArticleContext, Mention
from pipeline.stages.entities.patterns import either
from pipeline.core.english import is_common_word
from pipeline.stages.quantities.measures import load_units, si_map
from pipeline.stages.reconcile import GazetteerEntry, fold_whitespace

#: pairs of quotation marks a title is written in
_QUOTES = {'"': '"', "“": "”", "‘": "’", "'": "'"}
#: a title's words: capitalised words, numbers and the small words between them ("Songs of Forgotton Trees")
_TITLE_WORD = re.compile(r"[A-Z0-9][\w’'&:.-]*|[a-z]{1,4}")
#: a model's designator: "A350", "A321neo", "H100", "737", "787-9"
_DESIGNATOR = re.compile(r"[^\S\n]((?:[A-Z]{1,2}\d{2,4}|\d{3})(?:[a-z]{1,3}|-\d{1,2})?)(?![\w-])")
#: a second designator after the first: two models, no one product ("Boeing 737 and 787")
_ANOTHER = re.compile(r"(?:[^\S\n]*(?:,|/|and|or|&)[^\S\n]*)(?:[A-Z]{1,2}\d{2,4}|\d{3})(?![\w])")
#: a word opened in lower case, perhaps with a capital inside ("flydubai", "ispace", "airBaltic")
_LOWER = re.compile(r"[a-z][a-z0-9]{2,}(?:[A-Z][A-Za-z0-9]*)?")
#: a word opened by one to four lower-case letters and then a capital ("xAI", "iPhone", "easyJet"), perhaps a model's number after it
_CAMEL = re.compile(r"(?<![\w.@/’'-])([a-z]{1,4}[A-Z][A-Za-z]+|[a-z]{3,4}[A-Z])(?:[^\S\n]+(\d{1,3}))?(?![\w@/-]|\.\w)")


class NameShapes:
    """Find quoted works' titles, lower-case brands and makers' models (see the module docstring)."""

    def __init__(self, cfg: dict, by_surface: dict[str, GazetteerEntry]) -> None:
        self.by_surface = by_surface
        load_units()  # `_camel` asks pint whether a word is a unit: pay the registry's one-off build here, at start-up
        self.camel_common = frozenset(cfg.get("camel_case_common", []))
        works = either(cfg.get("work_words", []))
        brands = either(cfg.get("brand_nouns", []))
        self._work = (re.compile(r"(?<![\w-])" + works.pattern + r"(?:,)?[^\S\n]+(?=[\"“‘'])", re.IGNORECASE)
                      if works else None)
        self._brand = (re.compile(r"(?<![\w-])" + brands.pattern + r"[^\S\n]+(" + _LOWER.pattern + r")(?![\w-])")
                       if brands else None)

    def __call__(self, ctx: ArticleContext, mentions: list[Mention]) -> list[Mention]:
        found = self._titles(ctx.text) + self._brands(ctx) + self._models(ctx, mentions)
        found += self._camel(ctx.text, mentions + found)
        if not found:
            return mentions
        kept = [m for m in mentions if not any(f.start < m.end and m.start < f.end for f in found)]
        return sorted(kept + found, key=lambda m: (m.start, m.end))

    # -- works' titles -------------------------------------------------------------------------------------
    def _titles(self, text: str) -> list[Mention]:
        out: list[Mention] = []
        if self._work is None:
            return out
        for w in self._work.finditer(text):
            pos = w.end()
            while True:
                title = quoted_title(text, pos)
                if title is None:
                    break
                start, end, after = title
                out.append(Mention(start, end, "WORK_OF_ART", "rule:work_title", evidence="work_title"))
                joined = re.compile(r"(?:,|[^\S\n]+and|,[^\S\n]+and)[^\S\n]+").match(text, after)
                if joined is None:
                    break
                pos = joined.end()
        return out

    # -- lower-case brands ---------------------------------------------------------------------------------
    def _brands(self, ctx: ArticleContext) -> list[Mention]:
        out: list[Mention] = []
        if self._brand is None:
            return out
        text, seen = ctx.text, set()
        for b in self._brand.finditer(text):
            word = b.group(b.lastindex)
            if word in seen or word in STOP_WORDS or is_common_word(word) or not _brand_token(ctx, b.start(b.lastindex)):
                continue
            seen.add(word)
            for g in re.finditer(r"(?<![\w.@/-])" + re.escape(word) + r"(?![\w@/-]|\.\w)", text):
                out.append(Mention(g.start(), g.end(), "ORG", "rule:brand_noun", evidence="brand_noun"))
        return out

    # -- camel-case brands ---------------------------------------------------------------------------------
    def _camel(self, text: str, taken: list[Mention]) -> list[Mention]:
        out: list[Mention] = []
        for c in _CAMEL.finditer(text):
            word = c.group(1)
            if word in self.camel_common or any(m.start < c.end() and c.start() < m.end for m in taken):
                continue
            if si_map(word) is not None:
                continue  # a unit the quantities stage's unit registry (pint) knows ("kWh", "mmHg", "dBm"), no brand
            if word.endswith("s") and word[-2].islower() and not c.group(2):
                continue  # a product's plural ("57 million iPhones"), no company
            if c.group(2):  # a model's number: a product ("iPhone 17")
                out.append(Mention(c.start(), c.end(), "PRODUCT", "rule:camel_brand", evidence="camel_model"))
            else:
                out.append(Mention(c.start(), c.end(1), "ORG", "rule:camel_brand", evidence="camel_brand"))
        return out

    # -- makers' models ------------------------------------------------------------------------------------
    def _models(self, ctx: ArticleContext, mentions: list[Mention]) -> list[Mention]:
        out: list[Mention] = []
        text = ctx.text
        for m in mentions:
            if m.label != "ORG":
                continue
            d = _DESIGNATOR.match(text, m.end)
            if d is None or _ANOTHER.match(text, d.end()):
                continue
            if fold_whitespace(text[m.start:d.end()]) in self.by_surface:
                continue
            out.append(Mention(m.start, d.end(), "PRODUCT", "rule:maker_model", evidence="maker_model"))
        return out


def _brand_token(ctx: ArticleContext, start: int) -> bool:
    """True when the lemma the parse gives the word at ``start`` is no common word either ("airline inaugurated",
    "lenders raised"); the tag is no guide, as the parse calls "flydubai" a verb after "airline"."""
    tok = next((t for t in ctx.doc if t.idx == start), None)
    return tok is not None and not is_common_word(tok.lemma_)


def quoted_title(text: str, pos: int) -> tuple[int, int, int] | None:
    """(start, end, after) of a title-case phrase in quotes opening at ``pos``; ``after`` follows the closing mark."""
    close = _QUOTES.get(text[pos:pos + 1])
    if close is None:
        return None
    start = pos + 1
    end = start
    while end < len(text) and end - start <= 80:
        ch = text[end]
        if ch == "\n":
            return None
        # a closing mark, not an apostrophe inside a word ("I'm", "Marcos’s")
        if ch == close and not (end + 1 < len(text) and text[end + 1].isalpha() and text[end - 1].isalpha()):
            break
        end += 1
    else:
        return None
    after = end + 1
    inner_end = end
    while inner_end > start and text[inner_end - 1] in ",.":
        inner_end -= 1  # the comma or full stop American style puts inside the quotes
    words = text[start:inner_end].split()
    if not words or len(words) > 10 or not words[0][:1].isupper() or not words[-1][:1].isupper() and not words[-1][:1].isdigit():
        return None
    if not all(_TITLE_WORD.fullmatch(w) for w in words):
        return None
    return start, inner_end, after
