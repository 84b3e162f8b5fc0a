"""A person's name right after a role noun or an age that the model calls something else: a person (``role_name``).

Entity round 60 (issue 18 and issue 16's antecedents): the small model reads a player's or an official's name
written after a lower-case noun of a person's role, or after an age, as an organisation, a facility or a
nationality, and nothing else decides its label ("handed out to 24-year-old Franjo von Allmen of Switzerland",
FAC, dev3 704; "Committee chairperson, Xola Nqola, said", ORG, dev7 1211; "they lost star point guard Tyrese
Haliburton", NORP + ORG, claims dev 557). A model mention without evidence or gazetteer entry, labelled ORG, FAC,
NORP, PRODUCT or WORK_OF_ART, becomes PERSON (one word that only ``no_place`` or ``no_person`` made an
organisation counts as without evidence: "Haliburton" of "Tyrese Haliburton") with evidence ``role_name`` when:

* the word right before it, on its line, perhaps with a comma between, is a lower-case noun of a person's role
  (``person_nouns`` and ``role_nouns`` of entities.toml, as written or as the lemma), or an age ("24-year-old");
* it is two to four capitalised name words (lower-case particles between: "Franjo von Allmen") of which none is a
  word of WordNet's English index, a place, a nationality or an organisation's, legal or club word, and the
  text writes none of them in lower case: "analyst Goldman Sachs", "striker Real Madrid", "director General
  Motors" keep their labels.

A first name the model cut from its surname ("Tyrese" NORP, "Haliburton" ORG, one space apart) is joined first.
"""
from __future__ import annotations

import re
from dataclasses import replace

from pipeline.stages.entities.context import ArticleContext, Mention
from pipeline.stages.entities.options import Options
from pipeline.core.english import is_common_word
from pipeline.stages.entities.rarenames import _NAME_WORD
from pipeline.stages.reconcile import fold_whitespace, strip_possessive

#: evidence too weak to stand against a role noun: one word no place list knows, one word nothing shows a person
_WEAK = frozenset({None, "no_place", "no_person"})
#: labels the model gives a person's name after a role noun that this rule corrects
_WRONG = frozenset({"ORG", "FAC", "NORP", "PRODUCT", "WORK_OF_ART"})
#: the word before a name, a comma perhaps between, at the end of the text before it ("guard ", "chairperson, ")
_BEFORE = re.compile(r"(?:^|[^\w-])([a-z][a-z-]*)(,)?[^\S\n]+$")
#: an age right before a name ("24-year-old ")
_AGE = re.compile(r"(?<![\w-])\d{1,3}-year-old[^\S\n]+$")


def role_persons(ctx: ArticleContext, mentions: list[Mention], *, options: Options, role_nouns: frozenset[str],
                 places: frozenset[str]) -> list[Mention]:
    """``mentions`` with each name after a role noun or an age as PERSON, evidence ``role_name`` (module docstring)."""
    mentions = sorted(mentions, key=lambda m: (m.start, m.end))
    out: list[Mention] = []
    i = 0
    while i < len(mentions):
        m = mentions[i]
        nxt = mentions[i + 1] if i + 1 < len(mentions) else None
        if _open(m) and _after_role(ctx, m.start, role_nouns):
            if (nxt is not None and _open(nxt) and ctx.text[m.end:nxt.start] == " "
                    and _name(ctx, nxt.start, nxt.end, options, places, least=1)):
                m = replace(m, end=nxt.end)
                i += 1
            if _name(ctx, m.start, m.end, options, places):
                m = replace(m, label="PERSON", evidence="role_name")
        out.append(m)
        i += 1
    return out


def _open(m: Mention) -> bool:
    """True for a model mention no cue or entry decided, of a label this rule corrects."""
    return m.label in _WRONG and m.evidence in _WEAK and m.entry is None and m.detector in ("model", "rule:propn_run")


def _after_role(ctx: ArticleContext, start: int, role_nouns: frozenset[str]) -> bool:
    """True when the word before ``start`` (a comma perhaps between) is a role noun or an age."""
    if _AGE.search(ctx.text, max(0, start - 40), start):
        return True
    before = _BEFORE.search(ctx.text, max(0, start - 40), start)
    if before is None or not role_nouns:
        return False
    word = before.group(1)
    lemma = next((t.lemma_.casefold() for t in ctx.doc if t.idx == before.start(1)), word)
    return word in role_nouns or lemma in role_nouns


def _name(ctx: ArticleContext, start: int, end: int, options: Options, places: frozenset[str], least: int = 2) -> bool:
    """True for ``least`` to four capitalised name words of no English, place, nationality or organisation's word."""
    surface = strip_possessive(fold_whitespace(ctx.text[start:end]))
    if "\n" in ctx.text[start:end] or surface in places:
        return False
    words = surface.split(" ")
    names = [w for w in words if w.casefold() not in options.particles]
    if not least <= len(names) <= 4 or words[0] not in names or words[-1] not in names:
        return False
    return not any(_NAME_WORD.fullmatch(w) is None or is_common_word(w) or w in places or w in options.org_words
                   or w in options.org_suffixes or w in options.legal_forms or w in options.club_suffixes
                   or w in options.generic_words or w in options.demonyms
                   or ctx.written_lower(w) for w in names)
