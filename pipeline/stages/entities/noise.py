"""Noise: model spans that are no names (fragments, generic words, dates, amounts, references, heading words, government bonds)."""
from __future__ import annotations

import re

from spacy.lang.en.stop_words import STOP_WORDS

from pipeline.stages.entities.context import ArticleContext
from pipeline.stages.entities.headings import (
    is_capitals_line,
    is_heading,
    unattested_in_capitals,
    whole_heading,
    written_off_line,
)
from pipeline.stages.entities.options import Options
from pipeline.stages.reconcile import fold_whitespace

_REPORT_NUMBER = re.compile(r"^\s*\d+(?:[/.]\d+)*\b")
_NUMBER_SLASH = re.compile(r"\d+/\d{2,4}")
# Penn tags of plural common nouns, verbs and adverbs: a capitalised sentence-initial word
# with one of them is capitalised by its position only
_COMMON_TAGS = frozenset({"NNS", "RB", "VB", "VBD", "VBG", "VBN", "VBP", "VBZ"})


def is_noise(ctx: ArticleContext, opts: Options, start: int, end: int) -> bool:
    """Model spans that are not names: fragments, generic words, references."""
    text = ctx.text
    surface = fold_whitespace(text[start:end])
    words = surface.split(" ")
    if not any(c.isalpha() for c in surface) or not any(c.isupper() for c in surface):
        return True
    if surface[:1].islower() and words[0].casefold() not in opts.particles:
        return True  # "pre-Summit": a name starts with a capital (or a particle: "von der Leyen")
    if any(c.isdigit() for c in surface) and _only_numbers_and(words, opts.date_words | opts.unit_words | opts.reference_words):
        return True  # "Sep 28", "USD 1.7", "Fig 1": a date, an amount, a reference
    if len(words) == 1 and opts.glued_figure is not None and opts.glued_figure.fullmatch(surface):
        return True  # "DKr60bn", "920MW": an amount or a measure glued to its unit
    if _positional_common(ctx, opts, start, end, words):
        return True
    if surface in opts.generic_words or (len(words) == 1 and surface.casefold() in STOP_WORDS):
        return True
    if surface in opts.lone_heads:
        return True  # "The Court concluded", "Cabinet member": an institution's head word alone (round 47)
    if is_capitals_line(ctx, start) and unattested_in_capitals(ctx, start, end, surface):
        return True  # "RENEWED ENERGY IN": a heading in capitals names only what the text names
    if any(w.isalpha() and w.islower() and w not in opts.function_words for w in words):
        return True
    if _NUMBER_SLASH.search(surface) or surface in opts.reference_words:
        return True
    after = text[end:end + 16]
    if _REPORT_NUMBER.match(after) and not _REPORT_NUMBER.match(after).group(0).strip().isdigit():
        return True  # "SWP Research Paper 2/2023"
    if words[-1] in opts.reference_words or words[-1].rstrip(".") in opts.reference_words:
        return True
    return False


def is_heading_phrase(ctx: ArticleContext, opts: Options, start: int, end: int, label: str) -> bool:
    """True for an organisation span that is a whole heading of three or more words ("FDA Drug Approvals"
    alone on its line, "Carbon Capture Uncertainty: INPEX has paused ...", "Un Certain Regard Highlights").

    A heading names its topic and has no verb; a name alone on a line is kept when its last word is an
    organisation word or suffix ("South China Morning Post", "Rheinmetall Group") or when the
    text writes it again off that line (a company heading repeated in the body).
    """
    words = fold_whitespace(ctx.text[start:end]).split(" ")
    if label != "ORG" or len(words) < 3:
        return False
    last = words[-1]
    if last in opts.org_words or last in opts.org_suffixes or last in opts.company_name_tails:
        return False
    span = ctx.doc.char_span(start, end, alignment_mode="expand")
    if span is None or any(t.tag_.startswith("VB") for t in span):
        return False  # "TPG Acquires Sabre": a headline with a verb is a sentence of names (headlines.py)
    return whole_heading(ctx, start, end) and not written_off_line(ctx, start, end)


def _positional_common(ctx: ArticleContext, opts: Options, start: int, end: int, words: list[str]) -> bool:
    """True for common words capitalised only by where they stand.

    At a sentence start, a line start or in a heading (title case, capitals or run-in), a
    span whose every word the document also writes in lower case ("Missile Systems:",
    "EASTERN SENTRY") is no name; nor is one sentence-initial word that the tagger
    calls a plural common noun, a verb, an adverb ("Supporters liken", or opening a quotation that opens
    the sentence: '"Vaccines have saved ..."') or an adjective
    that is no nationality and that the article writes nowhere else ("Specialized telescopes"). (A singular
    noun tag is no evidence: the small model gives it to unknown names, "Euroclear".)
    In a heading, three or more words with no organisation word are heading words
    already when all but one of them, the last included, are written in lower case
    ("Budget and Arms Production Growth." with "budget" and "production" in the text).
    """
    span = ctx.doc.char_span(start, end, alignment_mode="expand")
    if span is not None and len(span) == 1 and (span[0].is_sent_start or _opens_quoted_sentence(span[0])):
        tag = span[0].tag_
        if tag in _COMMON_TAGS:
            return True
        if (tag == "JJ" and span.text not in opts.demonyms and span.text not in ctx.norp_words
                and len(re.findall(r"(?<!\w)" + re.escape(span.text) + r"(?!\w)", ctx.text)) == 1):
            # "Specialized telescopes from Arizona": an adjective written once; the tagger gives JJ to
            # unknown names too ("Orsted shares plunged"), which the article writes again
            return True
    content = [w for w in words if w.casefold() not in opts.function_words]
    if not content:
        return False
    lowered = [w for w in content if ctx.written_lower(w)]
    if len(lowered) < len(content):
        return (len(content) >= 3 and len(lowered) == len(content) - 1
                and ctx.written_lower(content[-1])
                and not any(w in opts.org_words for w in content) and is_heading(ctx, start))
    line_start, _ = ctx.line_of(start)
    if re.fullmatch(r"\s*(?:[-•*–]|\d+[.)])?\s*", ctx.text[line_start:start]):
        return True
    if is_heading(ctx, start):
        return True
    return span is not None and len(span) > 0 and bool(span[0].is_sent_start)


def _opens_quoted_sentence(token) -> bool:
    """True for the first word of a quotation that opens a sentence: '"Vaccines have saved ...," said ...'."""
    i = token.i
    return i > 0 and token.doc[i - 1].is_sent_start and token.doc[i - 1].text in _OPENING_QUOTES


_OPENING_QUOTES = frozenset({'"', "“", "‘", "'", "«"})


def _only_numbers_and(words: list[str], allowed: frozenset) -> bool:
    """True when every word is a number or one of ``allowed`` ("Sep 28", "USD 1.7")."""
    return all(w in allowed or re.fullmatch(r"[\d.,:/\-–]+(?:st|nd|rd|th|s)?", w) for w in words)



class Securities:
    """Government bonds named after their issuer ("the 10-year Treasury", "US Treasury yield"): a security, no actor."""

    def __init__(self, opts: Options) -> None:
        self.words = opts.securities_words
        self._tenor = re.compile(opts.securities_tenor_before) if opts.securities_tenor_before else None
        self._noun = (re.compile(r"[^\S\n]+(?:" + "|".join(map(re.escape, opts.securities_nouns)) + r")\b")
                      if opts.securities_nouns else None)

    def named(self, text: str, start: int, end: int, surface: str) -> bool:
        """True when ``surface`` ends in a bond's name with a tenor before it or a bond noun after it."""
        if surface.split(" ")[-1] not in self.words:
            return False
        return bool((self._tenor is not None and self._tenor.search(text, max(0, start - 24), start))
                    or (self._noun is not None and self._noun.match(text, end)))
