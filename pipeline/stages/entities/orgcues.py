"""Organisations the model reads as people: a place and a team or company noun, or a body that refers back with "its" or "the company"."""
from __future__ import annotations

import re
from dataclasses import replace

from pipeline.stages.entities.context import ArticleContext, Mention
from pipeline.stages.reconcile import fold_whitespace, strip_possessive

# what the text calls the actor named right before: a thing ("its", "the company") or a person ("he", "his")
_REFERENCE = re.compile(r"\b(?:(its|it|the (?:company|club|firm|group|team|bank|drugmaker|carrier|lender|insurer))"
                        r"|(he|she|his|her|him))\b", re.IGNORECASE)
#: how far after the name a reference back to it is looked for (about the rest of its sentence and the next)
_REFERENCE_CHARS = 240
#: cues that a person's name is no organisation's, whatever the body says
_PERSON_CUES = frozenset({"person_title", "first_name"})


def organisations(ctx: ArticleContext, mentions: list[Mention], *, places: frozenset[str], team_words: frozenset[str],
                  first_names: frozenset[str]) -> list[Mention]:
    """Names the model calls people relabelled ORG on organisation evidence, recorded in ``evidence``.

    ``place_team``: two words, a place of the place data ("Hobart", "Sydney") then a plural or
    a team or company noun ("Hurricanes", "United"); ``org_reference``: the next reference to
    the name is a thing's ("Novo disappointed investors when its experimental shot ...",
    "... . The company said"), with no other name between, for a name that opens with no first
    name of the list ("Maria Lopez said its findings" stays a person) and no title right before it
    ("governor Tiff Macklem said ... the bank's target"); never over a title or first-name cue. A one-word
    name is also one when its sentence next calls it "its" past a possessive name or an expletive "it"
    (``_its_in_sentence``: "news that Meta was considering using Google's chips to power its AI models"),
    though a first name's list holds the word ("Meta"): alone, it is no person's full name.
    """
    out = []
    for i, m in enumerate(mentions):
        if m.label != "PERSON" or m.entry is not None or m.evidence in _PERSON_CUES:
            out.append(m)
            continue
        words = strip_possessive(fold_whitespace(ctx.text[m.start:m.end])).split(" ")
        if len(words) == 2 and words[0] in places and (words[1] in team_words or _plural(words[1], first_names)):
            out.append(replace(m, label="ORG", evidence="place_team"))
        elif not _titled(ctx, m) and (
                (words[0].casefold() not in first_names
                 and _thing_referred(ctx, m, mentions[i + 1].start if i + 1 < len(mentions) else len(ctx.text)))
                or _its_in_sentence(ctx, m, words, first_names)):
            out.append(replace(m, label="ORG", evidence="org_reference"))
        else:
            out.append(m)
    return out


def _titled(ctx: ArticleContext, m: Mention) -> bool:
    """True when a title ends right before the name ("Bank of Canada governor Tiff Macklem ... the bank's target"): a person."""
    return any(t_end <= m.start and not ctx.text[t_end:m.start].strip() for _, t_end in ctx.titles_within(max(0, m.start - 48), m.start))


def _plural(word: str, first_names: frozenset[str]) -> bool:
    """True for a capitalised plural ("Hurricanes", "Renegades"), not a surname such as "Jones" that a first-name list holds.

    Nor a patronymic surname, a first name and "s" ("Phillips", "Edwards", "Williams"): "Sydney
    Phillips" is a person however much "Sydney" is a city.
    """
    low = word.casefold()
    return (len(word) > 3 and word[:1].isupper() and word[1:].islower() and word.endswith("s")
            and not word.endswith(("ss", "us", "is")) and low not in first_names and low[:-1] not in first_names)


def _thing_referred(ctx: ArticleContext, m: Mention, next_start: int) -> bool:
    """True when the first reference after the name, before the next name, is a thing's ("its", "the company")."""
    g = _REFERENCE.search(ctx.text, m.end, min(next_start, m.end + _REFERENCE_CHARS))
    if g is None or g.group(2) is not None:
        return False
    # "it" only as an owner's or a subject's word, not "said it would": that "it" may be anything
    return g.group(1).casefold() != "it"


def _its_in_sentence(ctx: ArticleContext, m: Mention, words: list[str], first_names: frozenset[str]) -> bool:
    """True for one word whose sentence next refers to it as "its", though a possessive name comes between.

    "news that Meta was considering using Google's chips to power its AI models", "For McLaren it is pole
    number 173, its third at this circuit" (dev3 708, dev4 805): the first of "he", "his", "him", "she",
    "her", "its" after the name is "its", and no proper noun comes between but a possessive ("Google's"),
    which could own it ("Sinner thanked Apple for its support" is Apple's), nor a noun subject ("X said the
    fund would double its lending" is the fund's). A name the text also writes after a first name ("Jannik
    Sinner ... Sinner") is a person's surname.
    """
    if len(words) != 1 or not ctx.doc.has_annotation("SENT_START"):
        return False
    span = ctx.doc.char_span(m.start, m.end, alignment_mode="expand")
    if span is None or any(g.group(1).casefold() in first_names
                           for g in re.finditer(r"([A-Z][\w’'-]*)[^\S\n]+" + re.escape(words[0]) + r"(?![\w-])", ctx.text)):
        return False
    for tok in ctx.doc[span.end:span.sent.end]:
        if tok.lower_ in ("he", "his", "him", "she", "her", "its"):
            return tok.lower_ == "its"
        if ((tok.tag_ in ("NNP", "NNPS") and tok.dep_ != "poss" and tok.head.dep_ != "poss")
                or (tok.tag_ in ("NN", "NNS") and tok.dep_ in ("nsubj", "nsubjpass"))):
            return False
    return False


def company_name_pattern(tails: tuple[str, ...]) -> re.Pattern | None:
    """A run of capitalised words, then a company's tail ("Dynavax Technologies", "Zurich Insurance Group")."""
    if not tails:
        return None
    return re.compile(r"((?:[A-Z][\w&.-]*[^\S\n]+){1,4})(?:" + "|".join(map(re.escape, tails)) + r")(?![\w-])")


def company_openers(pattern: re.Pattern | None, text: str) -> frozenset[str]:
    """The names that open a company's full name in ``text``: "Zurich", "Zurich Insurance" of "Zurich Insurance Group"."""
    if pattern is None:
        return frozenset()
    openers: set[str] = set()
    for g in pattern.finditer(text):
        words = g.group(1).split()
        openers.update(" ".join(words[i:j]) for i in range(len(words)) for j in range(i + 1, len(words) + 1))
    return frozenset(openers)
