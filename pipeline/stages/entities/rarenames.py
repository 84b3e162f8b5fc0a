"""A person's name of no English word that the model calls an organisation: a person, by its first name or a sport's report.

The small model reads a full name of two or three words that no word list holds as an organisation, and nothing
else decides its label (entity round 56, issue 18: dev4 805 "ahead of Isack Hadjar", dev5 906 "against Uche
Nwadike", dev8 1311 "winners included Benedetta Porcaroli", dev10 1510 "143 from Atharva Taide", dev12 1712
"losing Christantus Uche", "agent Sebastien Ledure"). Companies are named with words: "Morgan Stanley", "Goldman
Sachs", "Ernst & Young", "Baker Hughes" each hold a word of WordNet's English index (``english.is_common_word``), a
place ("Wynn Las Vegas", "Vale Indonesia") or an organisation's word. A model ORG without evidence whose every word
is a capitalised word of none of these (a lower-case particle aside: "Eduardo del Castillo"), which the text never
writes in lower case, becomes PERSON when:

* ``first_name_rare``: its first word (accents folded or not) is a first name of the ``gender-guesser`` lists and its
  last word is none, or follows a lower-case particle ("Benedetta Porcaroli", "Eduardo del Castillo"; not "Eli Lilly",
  two first names, nor "El Teniente", a capitalised particle opening it);
* ``player_name``: the article is a sport's report (``sport_words``, ``club_sport_words``), where such names are
  the players' ("Isack Hadjar", "Atharva Taide"); a club is named with a place or a club's word ("Dinamo Zagreb",
  "Kaizer Chiefs") or decided by the club cues before.
"""
from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from dataclasses import replace

from pipeline.stages.entities.context import ArticleContext, Mention
from pipeline.stages.entities.options import Options
from pipeline.core.english import is_common_word
from pipeline.stages.reconcile import fold_whitespace, strip_possessive

#: a name's word: a capital and lower-case letters, perhaps hyphenated or with an apostrophe ("Owens-Delerme", "O'Neill")
_NAME_WORD = re.compile(r"[^\W\d_a-z](?:[^\W\d_A-Z])+(?:[-'’][^\W\d_]?[^\W\d_A-Z]+)*")


def _folded(word: str) -> str:
    """``word`` without accents, case-folded ("Simón" -> "simon")."""
    return "".join(c for c in unicodedata.normalize("NFD", word) if not unicodedata.combining(c)).casefold()


def rare_person(ctx: ArticleContext, m: Mention, *, options: Options, first_names: frozenset[str],
                places: frozenset[str], sport_article: Callable[[ArticleContext], bool]) -> Mention:
    """The mention as PERSON with evidence ``first_name_rare`` or ``player_name``, or unchanged (see the module docstring)."""
    if m.label != "ORG" or m.evidence is not None or m.entry is not None or m.detector not in ("model", "rule:propn_run"):
        return m
    words = strip_possessive(fold_whitespace(ctx.text[m.start:m.end])).split(" ")
    names = [w for w in words if w not in options.particles]
    if not 2 <= len(names) <= 3 or words[0] not in names or words[-1] not in names:
        return m
    if any(_NAME_WORD.fullmatch(w) is None or w.casefold() in options.particles or is_common_word(w) or w in places
           or w in options.org_words or w in options.org_suffixes or w in options.legal_forms or w in options.club_suffixes
           or w in options.generic_words or w in options.demonyms or w in ctx.norp_words or ctx.written_lower(w)
           for w in names):
        return m
    if " ".join(words) in places:
        return m
    first, last = names[0], names[-1]
    # a particle before the last word tells a surname, whatever the lists hold ("Eduardo del Castillo")
    surname = len(words) > len(names) or (last.casefold() not in first_names and _folded(last) not in first_names)
    if (first.casefold() in first_names or _folded(first) in first_names) and surname:
        return replace(m, label="PERSON", evidence="first_name_rare")
    if sport_article(ctx):
        return replace(m, label="PERSON", evidence="player_name")
    return m
