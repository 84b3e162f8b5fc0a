"""Labels a name's own words decide against the model's guess (entity round 54): an organisation's word, a nationality.

* ``org_name_word``: a name of two words or more that the model calls a person, and no rule but a first name opening
  it (``first_name``: "Warner" of "Warner Bros") made one, holding after its first word a word of ``org_name_words``
  (entities.toml: "Bio", "Gallery", "Homes", "Bros", "Marine", "Space", "Business"), is an organisation ("Imagene
  Bio", "BUSH Gallery", "G.J. Gardner Homes Tauihi", "Warner Bros", "Marinette Marine", "Capella Space", "AI
  Business"). A person keeps the name when a title ends right before it
  ("President Julius Maada Bio"), when the text writes the word alone more often than the whole name, as it writes a
  surname ("Julius Maada Bio ... Bio said"), or when "said he" or "said she" follows it (``org_name_person_after``).
* ``nationality_alone``: one word the model calls an organisation or a person, or a rule made one, that is a
  nationality of the gazetteer (``nationalities``) or a people's adjective of ``group_adjectives`` ("Indigenous"), and
  that no title-case word follows, is a nationality, NORP ("Benfica's Ukrainian goalkeeper", "Chinese EV
  manufacturer Nio", "Canadian institutional investors", "the Moldovan capital", "an Indigenous perspective"); a
  nationality followed by a title-case word may open an organisation's name ("Canadian Pacific") and is left alone.

Gazetteer entries are never changed; each mention changed carries its rule's name as evidence.
"""
from __future__ import annotations

import re
from dataclasses import replace

from pipeline.stages.entities.context import ArticleContext, Mention
from pipeline.stages.reconcile import fold_whitespace, strip_possessive

#: a title-case word right after a name: the nationality may open a longer name ("Canadian Pacific"); an acronym
#: is a modifier of the noun after it ("Chinese EV manufacturer Nio")
_CAPITAL_AFTER = re.compile(r"[^\S\n]+[A-Z][a-z]")
#: a person's evidence the organisation's word overrules: none, or a first name opening the name ("Warner Bros")
_OPEN_PERSON = frozenset({None, "first_name"})
#: labels a nationality alone is never
_NOT_NATIONALITY = frozenset({"ORG", "PERSON"})


class NameWords:
    """Relabel names whose own words tell an organisation or a nationality (see the module docstring)."""

    def __init__(self, cfg: dict, *, demonyms: frozenset[str]) -> None:
        self.org_name_words = frozenset(cfg.get("org_name_words", []))
        self.nationalities = demonyms | frozenset(cfg.get("group_adjectives", []))
        # "said he", ", she said": a person speaks right after the name; no patterns match nothing
        self.person_after = re.compile("(?:" + ("|".join(cfg.get("org_name_person_after", [])) or "(?!)") + ")")

    def __call__(self, ctx: ArticleContext, mentions: list[Mention]) -> list[Mention]:
        out = []
        for m in mentions:
            if m.entry is not None:
                out.append(m)
                continue
            words = strip_possessive(fold_whitespace(ctx.text[m.start:m.end])).split(" ")
            if self.org_named(ctx, m, words):
                out.append(replace(m, label="ORG", evidence="org_name_word"))
            elif m.label in _NOT_NATIONALITY and len(words) == 1 and words[0] in self.nationalities \
                    and not _CAPITAL_AFTER.match(ctx.text, m.end):
                out.append(replace(m, label="NORP", evidence="nationality_alone", kb_id=None))
            else:
                out.append(m)
        return out

    def org_named(self, ctx: ArticleContext, m: Mention, words: list[str]) -> bool:
        """True for the model's person whose words after the first hold an organisation's word and no person cue."""
        if m.label != "PERSON" or m.evidence not in _OPEN_PERSON or len(words) < 2:
            return False
        if not any(w.rstrip(".") in self.org_name_words for w in words[1:]):
            return False
        text = ctx.text
        titles = ctx.titles_within(max(0, m.start - 48), m.start)
        if any(t_end <= m.start and not text[t_end:m.start].strip() for _, t_end in titles):
            return False  # "President Julius Maada Bio"
        if _count(text, words[-1]) > _count(text, " ".join(words)):
            return False  # "Bio said": the last word written alone, as a surname
        return self.person_after.match(text, m.end) is None


def _count(text: str, phrase: str) -> int:
    """How often ``phrase`` stands in ``text`` as whole words."""
    return len(re.findall(r"(?<![\w-])" + re.escape(phrase) + r"(?![\w-])", text))
