"""A surname the model calls an organisation, right after the known first name it left out: one person (entity round 52).

The model reads a rare surname as an organisation and stops before the first name ("Intel CTO Sachin Katti" gives
"Katti" ORG, dev7 1207; "said Airtel Kenya MD Ashish Malhotra", dev12 1701; "forwards Youssef En-Nesyri and Ayoub
El Kaabi", dev8 1310). When the word right before such a span is a first name of the ``gender-guesser`` lists, the
two are one person's name: the mention grows over the first name and becomes PERSON, with the evidence
``first_name_before``. Not when the first name could open a company's or a place's name instead: a word the text
also writes in lower case ("General", "Royal"), a title, a place the lists know ("Victoria", "Dallas"), a word of an
organisation, nor when the span holds an organisation word, is an acronym ("CTO") or the grown name goes on with an
organisation's suffix ("Morgan Stanley Capital").
"""
from __future__ import annotations

import re
from dataclasses import replace

from spacy.lang.en.stop_words import STOP_WORDS

from pipeline.stages.entities.context import ArticleContext, Mention, title_word_before
from pipeline.stages.entities.options import Options
from pipeline.stages.reconcile import fold_whitespace

#: a surname word: capitalised letters, perhaps hyphenated or with an apostrophe ("En-Nesyri", "O'Neill")
_SURNAME_WORD = re.compile(r"[A-Z][a-z]+(?:[-'’][A-Z]?[a-z]+)*")
#: the word right after the grown name, to see whether it goes on as an organisation's name
_NEXT_WORD = re.compile(r"[^\S\n]+([A-Z][\w.]*)")


def surname_person(ctx: ArticleContext, m: Mention, *, prev_end: int, options: Options, first_names: frozenset[str],
                   places: frozenset[str]) -> Mention | None:
    """The mention grown over the first name before it and labelled PERSON (``first_name_before``), or None."""
    if m.label != "ORG" or m.entry is not None or m.detector != "model":
        return None
    words = fold_whitespace(ctx.text[m.start:m.end]).split(" ")
    if not _surname_shaped(options, words):
        return None
    tok = title_word_before(ctx, m, prev_end)
    if tok is None or tok.text.casefold() not in first_names:
        return None
    word = tok.text
    if (word in places or word in options.org_words or word in options.org_suffixes or word in options.generic_words
            or word in options.demonyms or word in options.date_words or word.casefold() in STOP_WORDS
            or ctx.written_lower(word) or ctx.titles_within(tok.idx, tok.idx + len(word))):
        return None
    after = _NEXT_WORD.match(ctx.text, m.end)
    if after is not None and (after.group(1) in options.org_suffixes or after.group(1) in options.org_words):
        return None  # "Morgan Stanley Capital": a company's name goes on
    return replace(m, start=tok.idx, label="PERSON", detector="rule:given_name", evidence="first_name_before")


def _surname_shaped(options: Options, words: list[str]) -> bool:
    """True for one surname word, or a capitalised particle of ``name_particles`` and one ("El Kaabi"), none an
    organisation's word."""
    if len(words) == 2 and not (words[0][:1].isupper() and words[0].casefold() in options.particles):
        return False
    if not 1 <= len(words) <= 2 or _SURNAME_WORD.fullmatch(words[-1]) is None:
        return False
    return not any(w in options.org_words or w in options.org_suffixes or w in options.legal_forms
                   or w in options.generic_words for w in words)
