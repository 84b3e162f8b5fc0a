"""Proper-noun runs: a run of tokens the parse tags PROPN inside a sentence that no mention holds.

The small model tags no entity on many names its own parser calls proper nouns ("used Hards:
Colapinto and Gasly for Alpine", "a 5:1 win in Limassol at Pafos FC", "data from MarketBeat.com").
Such a run, capitalised and inside a sentence, is a name when nothing shows its capitals to
come from position or style: a sentence's first word only as one word alone that is no English common word,
right before a verb or a possessive ("Moniepoint accounted for", "Legrand fell"; not a list item's "- Cyber
issues"; found with ``rule:propn_initial``, entities round 42), never on a heading line (title
case, capitals or run-in), never a title, date, generic or function word, and, one word alone,
never a word the text also writes in lower case. Capitals that only style a common word
("Usual Precautions", "Executive Director", "Level 2") are told by the English word index the
model's lemmatizer ships (WordNet's nouns, verbs, adjectives and adverbs): the common words
opening a run ("Chief", "New") show a styled phrase or a descriptor, never a name. A run that is a
piece of a longer capitalised sequence ("Science" of "Science Advances", "ESA" of "NASA/ESA"),
one acronym alone ("IST", a ticker) or a nationality is left alone too. The run is found with
``rule:propn_run`` and its label is decided later by ``LabelEvidence``'s cues (first names,
places, suffixes, context).
"""
from __future__ import annotations

import re

from spacy.lang.en.stop_words import STOP_WORDS

from pipeline.core.english import is_common_word
from pipeline.stages.entities.context import ArticleContext, Mention
from pipeline.stages.entities.headings import is_heading
from pipeline.stages.entities.noise import is_noise
from pipeline.stages.entities.options import Options

#: a capitalised word, an acronym or a mixed-case brand ("Colapinto", "SA20", "MarketBeat.com"); no stray punctuation
_WORD = re.compile(r"[A-Z][\w.&’'-]*[\w]")
#: the label a run takes until a cue decides otherwise
DEFAULT_LABEL = "ORG"
#: a hyphen before a number: an age group or a designator ("Under-18s", "PSMA-617"), no name
_DESIGNATOR = re.compile(r"-\d")
#: a decimal figure inside a word: an amount glued to its currency ("Rs7.85", "DKr212.20")
_AMOUNT = re.compile(r"\d[.,]\d")
#: what joins a run to a neighbouring capitalised word it is a piece of
_JOINED = frozenset({" ", "-", "/", "–", ""})


def propn_runs(ctx: ArticleContext, mentions: list[Mention], opts: Options) -> list[Mention]:
    """Mentions of the PROPN runs no mention overlaps (see the module docstring)."""
    taken = [(m.start, m.end) for m in mentions]
    found: list[Mention] = []
    doc = ctx.doc
    for sent in doc.sents if doc.has_annotation("SENT_START") else [doc[:]]:  # a hand-built Doc: one sentence
        run: list = []
        for tok in list(sent) + [None]:
            if tok is not None and tok.pos_ == "PROPN" and _WORD.fullmatch(tok.text) and (
                    not run or ctx.text[run[-1].idx + len(run[-1].text):tok.idx] == " "):
                run.append(tok)
                continue
            if run:
                m = _candidate(ctx, opts, sent, run, taken)
                if m is not None:
                    found.append(m)
                    taken.append((m.start, m.end))
            run = [tok] if tok is not None and tok.pos_ == "PROPN" and _WORD.fullmatch(tok.text) else []
    return found


def _candidate(ctx: ArticleContext, opts: Options, sent, run: list, taken: list[tuple[int, int]]) -> Mention | None:
    doc, text = ctx.doc, ctx.text
    first_word = next((t for t in sent if not t.is_punct and not t.is_space), None)
    if first_word is None or run[0].i < first_word.i:
        return None
    opening = run[0].i == first_word.i
    if opening and (len(run) > 1 or is_common_word(run[0].text)):
        return None  # capitals of position: a common word ("Shares"); a longer run may hold a place ("FC Bayern")
    before = doc[run[0].i - 1] if run[0].i > sent.start else None
    after = doc[run[-1].i + 1] if run[-1].i + 1 < sent.end else None
    if opening and (after is None or not (after.pos_ in ("VERB", "AUX") or after.tag_ == "POS")):
        return None  # no subject of a verb: a list item's or a heading's first word ("- Cyber issues and ...")
    for tok, gap in ((before, text[before.idx + len(before.text):run[0].idx] if before is not None else ""),
                     (after, text[run[-1].idx + len(run[-1].text):after.idx] if after is not None else "")):
        if tok is not None and ((tok.text[:1].isupper() and gap in _JOINED) or (tok.text == "/" and not gap)):
            return None  # a piece of a longer capitalised sequence ("Science Advances", "NASA/ESA")
    start, end = run[0].idx, run[-1].idx + len(run[-1].text)
    if any(s < end and start < e for s, e in taken) or is_heading(ctx, start):
        return None
    words = [t.text for t in run]
    for w in words:
        if (w.casefold() in STOP_WORDS or w in opts.date_words or w in opts.generic_words or w in opts.function_words
                or w in opts.non_name_openers or w in opts.demonyms):
            return None
    if is_common_word(words[0]) or any(_DESIGNATOR.search(w) or _AMOUNT.search(w) for w in words):
        return None  # "Chief", "Usual Precautions", "Level 2"; "Under-18s", "PSMA-617"
    if len(words) == 1 and (len(words[0]) < 3 or ctx.written_lower(words[0])
                            or (words[0].isupper() and not any(c.isdigit() for c in words[0]))):
        return None  # a word the text writes in lower case, an acronym nothing defines ("IST", a ticker)
    if ctx.titles_within(start, end) or is_noise(ctx, opts, start, end):
        return None  # "Defence Secretary"; an amount or a reference ("Rs7.85", "SWP Research Paper 2/2023")
    if opening:  # one word no English index knows opening its sentence ("Moniepoint accounted for")
        return Mention(start, end, DEFAULT_LABEL, "rule:propn_initial")
    return Mention(start, end, DEFAULT_LABEL, "rule:propn_run")
