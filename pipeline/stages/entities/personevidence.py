"""Person cues of the label evidence: a title or first name, a surname written alone, a one-word name nothing shows to be a person."""
# ``ev`` is evidence.py's LabelEvidence, which calls this room: passed in, not imported
from __future__ import annotations

import re

from pipeline.stages.entities.context import ArticleContext, Mention
from pipeline.stages.entities.options import Options


_CONTEXT_CHARS = 48


def person_shaped(opts: Options, ctx: ArticleContext, places: tuple[dict, ...], name: str) -> bool:
    """True for two capitalised words before "of <country>" that name no body, title or place ("Aryna Sabalenka of Belarus").

    An athlete or envoy is written with the country they stand for; a body is written with
    an organisation word ("Bank of England", "Reserve Bank of India"), a royal with a title.
    """
    words = name.split()
    if len(words) != 2 or not all(w[:1].isupper() and w[1:].islower() and w.isalpha() for w in words):
        return False
    return not any(w in opts.org_words or w in opts.org_suffixes or w in opts.demonyms or w in opts.generic_words
                   or w in opts.compass_words or w.casefold() in opts.person_nouns or w in ctx.norp_words
                   or any(w in p for p in places) for w in words)


_NAME_BEFORE = re.compile(r"(?<![.!?:\n\"“])[^\S\n]+[A-Z][a-z]+[^\S\n]+$")


def _person_patterns(opts: Options) -> tuple[re.Pattern, re.Pattern]:
    """A speech verb right after a word, and a personal pronoun, from ``person_speech_after`` and ``person_pronouns``
    (entities.toml); ``re`` caches the compiled patterns, so they are built once per run."""
    words = "|".join(map(re.escape, opts.person_speech_after)) or "(?!)"
    pronouns = "|".join(map(re.escape, opts.person_pronouns)) or "(?!)"
    return (re.compile(r"(?:[’']s)?[^\S\n]*,?[^\S\n]+(?:" + words + r")\b"),
            re.compile(r"\b(?:" + pronouns + r")\b", re.IGNORECASE))


def _unpersoned(ev, ctx: ArticleContext, m: Mention, surface: str) -> tuple[str | None, str | None]:
    """The cue of one word the model calls a person that nothing in the text shows to be one, or (None, None).

    ``no_person`` (ORG) or, for a city the place lists know, ``place`` (GPE, ``geonames:<id>``): one capitalised
    word that is no first name the lists know, in an article about no sport (whose reports name players by surname
    alone), that the text never writes after a title or a capitalised word, as the last word of a
    longer person's name, before a speech verb ("Gasly said"), beside a person in a list ("Ocon and Bearman")
    nor in a sentence with "he", "she", "his" or "her" ("at Edgbaston", "a Masimo patient monitor patent",
    "developer Crusoe", "the capital, Abuja"). The model guesses PERSON for an unknown single word; a surname
    written alone in news comes with a full name, a title, a speech verb or a pronoun.
    """
    if (" " in surface or not surface.isalpha() or not surface[:1].isupper() or surface.isupper()
            or surface.casefold() in ev.first_names or ctx.written_lower(surface)
            or surface in ev.options.demonyms or surface in ctx.norp_words):
        return None, None
    text = ctx.text
    if ev.clubs.sport_article(ctx):
        return None, None  # a report of a match names its players by their surnames alone ("Ocon and Bearman for Haas")
    persons = [e for e in ctx.doc.ents if e.label_ == "PERSON"]
    if any(len(e.text.split()) > 1 and e.text.split()[-1].replace("’s", "").replace("'s", "") == surface for e in persons):
        return None, None
    if any(text[t_end:].lstrip().startswith(surface) for _, t_end in ctx.titles_within(0, len(text))):
        return None, None
    speech_after, person_pronoun = _person_patterns(ev.options)
    pattern = re.compile(r"(?<![\w-])" + re.escape(surface) + r"(?![\w-])")
    for g in pattern.finditer(text):
        if _NAME_BEFORE.search(text, max(0, g.start() - _CONTEXT_CHARS), g.start()):
            return None, None  # "Slovenia's Kaja Juvan": a capitalised word before it may be a first name no list knows
        if speech_after.match(text, g.end()) or (ev._person_after is not None and ev._person_after.match(text, g.end())):
            return None, None
        span = ctx.doc.char_span(g.start(), g.end(), alignment_mode="expand")
        if span is None:
            continue
        sentence = span.sent.text if ctx.doc.has_annotation("SENT_START") else text[slice(*ctx.line_of(g.start()))]
        if person_pronoun.search(sentence):
            return None, None
        if any(t.ent_type_ == "PERSON" for t in span.root.conjuncts):
            return None, None
    if surface in ev.cities:
        return "place", ev.cities[surface]
    return "no_person", None


def _count_word(text: str, phrase: str) -> int:
    """How often ``phrase`` occurs in ``text`` as whole words (case-sensitive)."""
    count, at = 0, text.find(phrase)
    while at >= 0:
        end = at + len(phrase)
        if (at == 0 or not text[at - 1].isalnum()) and (end == len(text) or not text[end].isalnum()):
            count += 1
        at = text.find(phrase, at + 1)
    return count


def _person_evidence(ev, ctx: ArticleContext, m: Mention, words: list[str]) -> bool:
    """True when the text tells a person: a title right before, a known first name opening
    a longer name, its last word written alone elsewhere, or "said he" right after."""
    text = ctx.text
    if any(t_end <= m.start and not text[t_end:m.start].strip()
           for _, t_end in ctx.titles_within(max(0, m.start - _CONTEXT_CHARS), m.start)):
        return True
    if len(words) >= 2 and (words[0].casefold() in ev.common_first_names
                            or (words[0] not in ev.options.demonyms and words[0] not in ctx.norp_words
                                and _count_word(text, words[-1]) > _count_word(text, " ".join(words)))):
        return True  # a nationality opens companies' names, not people's ("Saudi Aramco" ... "Aramco")
    return ev._person_after is not None and ev._person_after.match(text, m.end) is not None


def _person_named(ev, ctx: ArticleContext, name: str) -> str | None:
    """The cue that tells a person's name: ``first_name`` opening it, or ``surname_alone``, its last word written alone ("Sabalenka")."""
    words = name.split()
    if ev.first_name_opens(name):
        return "first_name"
    opts = ev.options
    if (2 <= len(words) <= 3 and all(w[:1].isupper() and w.isalpha() for w in words)
            and not any(w in opts.org_words or w in opts.org_suffixes or w in opts.demonyms for w in words)
            and _count_word(ctx.text, words[-1]) > _count_word(ctx.text, name)):
        return "surname_alone"
    return None


def _first_name(ev, ctx: ArticleContext, words: list[str], *, common_ok: bool) -> bool:
    """"Rustem Umerov": a known first name, then a surname that is none, all capitalised words.

    The text must also name the person by the surname alone, unless ``common_ok`` and the
    first name is common in several countries ("Florian Wirtz", "Novak Djokovic" named once).
    """
    if not 2 <= len(words) <= 3 or not all(w[:1].isupper() and w.replace("-", "").isalpha() for w in words):
        return False
    first, last = words[0].casefold(), words[-1].casefold()
    if first not in ev.first_names or last in ev.first_names or ctx.written_lower(words[0]):
        return False
    opts = ev.options
    if any(w in opts.org_words or w in opts.org_suffixes or w in ev.countries or w in ev.subdivisions
           or w in ev.cities for w in words):
        return False
    surname = re.compile(r"(?<![\w-])" + re.escape(words[-1]) + r"(?![\w-])")
    full = re.compile(r"(?<![\w-])" + r"\s+".join(re.escape(w) for w in words) + r"(?![\w-])")
    if len(surname.findall(ctx.text)) > len(full.findall(ctx.text)):
        return True
    # a name that also opens a longer one is a company's ("Warner Bros" of "Warner Bros. Discovery")
    longer = re.compile(r"(?<![\w-])" + r"\s+".join(re.escape(w) for w in words) + r"\.?[^\S\n]+[A-Z]")
    return common_ok and first in ev.common_first_names and longer.search(ctx.text) is None
