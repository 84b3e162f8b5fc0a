"""Span cleaning: trim one raw span into clean mentions, split what the model ran together, shed titles."""
from __future__ import annotations

import re
from dataclasses import replace

from spacy.lang.en.stop_words import STOP_WORDS

from pipeline.stages.entities.context import ArticleContext, Mention
from pipeline.stages.entities.headings import (
    attested_prefix_end,
    is_capitals_line,
    title_case_prefix_end,
    unattested_in_capitals,
)
from pipeline.stages.entities.noise import is_heading_phrase, is_noise
from pipeline.stages.entities.options import Options
from pipeline.stages.entities.trimming import the_in_name, trim
from pipeline.stages.reconcile import GazetteerEntry, fold_whitespace

_STOP_AFTER_PERIOD = re.compile(r"\.\s+([A-Z][a-z]*)\b")
#: a set or match score after a name ("Jannik Sinner 4-6", "Arsenal 2-1"): two numbers of at most two digits
_SCORE_TAIL = re.compile(r"[^\S\n]+\d{1,2}[-–]\d{1,2}(?:\(\d{1,2}\))?$")


class SpanCleaner:
    """Turn one raw span into zero, one or more clean mentions, with the gazetteer's entry where it names one."""

    def __init__(self, options: Options, by_surface: dict[str, GazetteerEntry]) -> None:
        self.options = options
        self.by_surface = by_surface

    def clean(self, ctx: ArticleContext, m: Mention) -> list[Mention]:
        """Trim one raw span into zero, one or two clean mentions."""
        text = ctx.text
        start, end = trim(text, m.start, m.end)
        # "Warner Bros. Here ...": a name never runs on into a sentence opened by a stop word
        for stop in _STOP_AFTER_PERIOD.finditer(text, start, end):
            if stop.group(1).casefold() in STOP_WORDS:
                start, end = trim(text, start, stop.start() + 1)
                break
        if start >= end:
            return []
        # "Long Name (ACR)": two mentions; "Article 41(2": close the bracket
        span_text = text[start:end]
        if "(" in span_text:
            open_at = start + span_text.index("(")
            inner = re.match(r"\(\s*([A-Z][A-Za-z0-9&.\-]*)\s*\)?", text[open_at:end])
            if inner and sum(c.isupper() for c in inner.group(1)) >= 2:
                acr_start = open_at + inner.start(1)
                parts = [replace(m, start=start, end=open_at, entry=None, detector=m.detector),
                         replace(m, start=acr_start, end=acr_start + len(inner.group(1)), entry=None)]
                return [x for part in parts for x in self.clean(ctx, part)]
            if span_text.count("(") > span_text.count(")") and text[end:end + 1] == ")":
                end += 1
            elif span_text.count("(") > span_text.count(")"):
                start, end = trim(text, start, open_at)
        if start >= end:
            return []
        parts = (self._split_owner(ctx, start, end, m) or self._split_designator(ctx, start, end, m)
                 or self._split_nationality(ctx, start, end, m))
        if parts:
            return [x for part in parts for x in self.clean(ctx, part)]
        # "Central Bank of": a name never ends in a function word
        while True:
            tail = re.search(r"\s+(\S+)$", text[start:end])
            if not tail or tail.group(1) not in self.options.function_words:
                break
            end = start + tail.start()
        score = _SCORE_TAIL.search(text[start:end])
        if score is not None:
            end = start + score.start()
        if is_capitals_line(ctx, start) and unattested_in_capitals(ctx, start, end, fold_whitespace(text[start:end])):
            # "BANK OF JAPAN HOLDS": the headline's verb went into the name
            end = attested_prefix_end(ctx, start, end) or end
        elif len(text[start:end].split()) >= 3:
            # "Reds Sign Swedish Striker": the headline's title-case verb and nouns went into the name
            end = title_case_prefix_end(ctx, start, end) or end
        surface = fold_whitespace(text[start:end])
        gaz_exact = self.by_surface.get(surface)
        # a leading "the": kept only where the gazetteer's alias has it ("the bloc")
        if not (gaz_exact and surface[:4].casefold() == "the "):
            det = re.match(r"(the|The)\s+", text[start:end])
            if det and (det.group(1) == "the" or not the_in_name(ctx, start)):
                # 'the "Belem Mission': the quote after "the" goes too
                start, end = trim(text, start + det.end(), end)
        if start >= end:
            return []
        figure = re.match(r"(\S+)\s+(?=\S)", text[start:end])
        if figure and self.options.glued_figure is not None and self.options.glued_figure.fullmatch(figure.group(1)):
            start += figure.end()  # "920MW Sunrise": the measure before the name is no part of it
        cut_end = end
        start, end = self._strip_titles(ctx, start, end, m)
        if start >= end:
            return []
        out = replace(m, start=start, end=end)
        surface = fold_whitespace(text[start:end])
        if (end < cut_end and " " not in surface and m.label != "PERSON"
                and any(t_start >= end for t_start, _ in ctx.titles_within(end, cut_end))):
            # "British" of "British Defence Secretary": a lone word before a title is a nationality
            out.label = "NORP"
        entry = ctx.gaz.get((start, end)) or self.by_surface.get(surface) or m.entry
        if entry is not None:
            out.entry = entry
            out.label = entry.label
        elif is_noise(ctx, self.options, start, end) or is_heading_phrase(ctx, self.options, start, end, out.label):
            return []
        return [out]

    def _split_owner(self, ctx: ArticleContext, start: int, end: int, m: Mention) -> list[Mention]:
        """"Parliament’s Committee on Budgets": an organisation's possessive ends its name.

        The model runs an owner and the thing owned into one span; when the words before
        the possessive are a whole organisation name (a gazetteer alias or ending in an
        organisation word), both are mentions of their own. "King’s College" stays whole.
        """
        g = re.search(r"[’']s\s+(?=[A-Z])", ctx.text[start:end])
        if g is None or m.entry is not None:
            return []
        owner = fold_whitespace(ctx.text[start:start + g.start()])
        entry = self.by_surface.get(owner)
        if entry is None and owner.split(" ")[-1] not in self.options.org_words:
            return []
        return [Mention(start, start + g.start(), entry.label if entry else "ORG", m.detector, entry),
                Mention(start + g.end(), end, m.label, m.detector)]

    def _split_designator(self, ctx: ArticleContext, start: int, end: int, m: Mention) -> list[Mention]:
        """"Danish F-16s": a nationality and an equipment designator, two mentions.

        The words before the designator are a nationality when the tagger calls them
        adjectives, the model calls them NORP elsewhere in the text or they are known
        nationality adjectives (``demonyms``, the gazetteer's ``nationalities``: "Dutch F-35s").
        """
        designator = self.options.designator
        if designator is None or m.entry is not None:
            return []
        words = list(re.finditer(r"\S+", ctx.text[start:end]))
        if len(words) < 2 or not designator.fullmatch(words[-1].group(0)):
            return []
        span = ctx.doc.char_span(start, start + words[-2].end(), alignment_mode="expand")
        if span is None or not all(t.text[:1].isupper() for t in span):
            return []
        if not (all(t.tag_ == "JJ" for t in span) or span.text in ctx.norp_words
                or all(t.text in self.options.demonyms for t in span)):
            return []
        return [Mention(start, start + words[-2].end(), "NORP", "rule:designator"),
                Mention(start + words[-1].start(), end, "PRODUCT", "rule:designator")]

    def _split_nationality(self, ctx: ArticleContext, start: int, end: int, m: Mention) -> list[Mention]:
        """"Estonian Pevkur": a nationality adjective in front of a person's name, two mentions.

        Only for the model's persons whose first word is one of ``demonyms`` and whose rest
        is capitalised; organisations keep theirs ("Polish Ministry of National Defense").
        """
        if m.label != "PERSON" or m.entry is not None:
            return []
        g = re.match(r"(\S+)\s+(?=[A-Z])", ctx.text[start:end])
        if g is None or g.group(1) not in self.options.demonyms:
            return []
        return [Mention(start, start + len(g.group(1)), "NORP", "rule:nationality"),
                Mention(start + g.end(), end, "PERSON", m.detector)]

    def _strip_titles(self, ctx: ArticleContext, start: int, end: int, m: Mention) -> tuple[int, int]:
        """Leave titles and forms of address out of a name; drop a span that is all title."""
        text = ctx.text
        if self.options.prefix_modifiers is not None:
            lead = self.options.prefix_modifiers.match(text, start, end)
            if lead and lead.end() < end:
                start, end = trim(text, lead.end(), end)
        for _ in range(4):
            cut = None
            for t_start, t_end in ctx.titles_within(start, end):
                if start < t_start < end < t_end:
                    # "British Defence" + "Secretary": the span ends inside a title
                    return trim(text, start, t_start)
                if t_start <= start and t_end >= end:
                    # the whole span is (part of) a title: "State" of "Secretary of State"
                    full = fold_whitespace(text[start:end])
                    if self.by_surface.get(full) is None and m.label != "PERSON":
                        return start, start
                    continue
                lead = text[start:max(start, t_start)].split()
                rest = text[t_end:end].strip()
                if len(lead) <= 3 and all(w[:1].isupper() for w in lead) and rest[:1].isupper():
                    # only a person's name sheds a title: "General Dynamics" stays whole
                    rest_entry = self.by_surface.get(fold_whitespace(rest)) or m.entry
                    if m.label == "PERSON" or (rest_entry is not None and rest_entry.label == "PERSON"):
                        cut = t_end
            if cut is None:
                break
            start = cut
            start, end = trim(text, start, end)
        return start, end
