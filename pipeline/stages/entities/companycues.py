"""Little-known companies the model calls people or places, told by what the text writes around them (entities round 40).

* ``company_list``: the names listed right after a plural company noun of ``company_list_nouns``
  (entities.toml) and "such as", "including" or "like" ("state-owned defense firms such as PAL Indonesia,
  Dirgantara Indonesia, Pindad, LEN Industri, and Dahana", "private sector partners including Republik Defens
  Indonesia, Tesco Indomaritim", dev10 1502; "companies such as Amazon", dev7 1205, already ORG) are
  organisations. A listed item is a run of capitalised words joined to the next by a comma, "and" or both; the
  list ends at anything else (", which is considering", a bracket). Mentions that cover only part of an item give
  way to the whole item when every one of them is open to the cue (below); a placed name inside ("UK" in
  "Ellips Projects UK", "Indonesia" in "PAL Indonesia") leaves the item as it is. Nouns a person or a country
  also is ("partners", "players", "rivals") are not in the list.
* ``company_title``: a name right before a company officer's title of ``company_titles`` and a capitalised
  word (the officer's name: "said Thai AirAsia CEO Santisuk Klongchaiya", dev10 1505; "Intel CTO Sachin
  Katti", dev7 1207; "Nexstar chief executive officer Perry Sook", dev8 1312) is an organisation. Titles a
  country or a city also has ("President", "chairman", "minister") are not in the list.
* ``company_officer``: the officer's name itself, two or three capitalised words right after a capitalised word and
  such a title ("Moniepoint CEO Tosin Eniolorunda said ... The company said its", "Nexstar chief executive officer
  Perry Sook"), is a person, where a cue of the company's words after it (``org_reference``, ``org_context``,
  ``no_person``) made it an organisation: the company named before the title owns "its" and "the company".

Only a name the model calls PERSON or GPE changes, and never one a gazetteer entry or a person's title
before it decided (``person_title``); a GPE that place data placed (any evidence) stays a place. Each
mention changed carries its rule's name as evidence (and ``rule:company_list`` as detector where an item
replaces a part of it).
"""
from __future__ import annotations

import re
from dataclasses import replace

from pipeline.stages.entities.context import ArticleContext, Mention
from pipeline.stages.entities.patterns import either

#: one listed company: capitalised words or numbers, perhaps joined by "&" or a hyphen ("LEN Industri", "Ellips Projects UK")
_ITEM = re.compile(r"[A-Z0-9][\w&'’-]*(?:[^\S\n]+(?:&[^\S\n]+)?[A-Z0-9][\w&'’-]*)*")
#: what joins two listed items: a comma, "and", or both (the serial comma)
_JOIN = re.compile(r"[^\S\n]*,[^\S\n]+(?:and[^\S\n]+)?|[^\S\n]+and[^\S\n]+")
#: labels the cues may correct
_GUESSED = frozenset({"PERSON", "GPE"})
#: cues of the words after a name that the company named before an officer's title owns, not the officer
_OFFICER_OVERRULED = frozenset({"org_reference", "org_context", "no_person"})


class CompanyCues:
    """Relabel the names a company list or an officer's title shows to be companies (see the module docstring)."""

    def __init__(self, cfg: dict) -> None:
        nouns = either(cfg.get("company_list_nouns", []))
        titles = either(cfg.get("company_titles", []))
        self._list = (re.compile(r"(?<![\w-])" + nouns.pattern + r",?[^\S\n]+(?:such[^\S\n]+as|including|like)[^\S\n]+")
                      if nouns else None)
        self._title = (re.compile(r"[^\S\n]+(?:" + titles.pattern + r")[^\S\n]+[A-Z]") if titles else None)
        self._officer = (re.compile(r"[A-Z][\w&.’'-]*[^\S\n]+(?:" + titles.pattern + r")[^\S\n]+$") if titles else None)

    def __call__(self, ctx: ArticleContext, mentions: list[Mention]) -> list[Mention]:
        out = self._titled(ctx, mentions)
        return self._listed(ctx, out)

    @staticmethod
    def _open(m: Mention) -> bool:
        """True for a name a cue may relabel: the model's PERSON or an unplaced GPE, no entry, no person's title."""
        if m.entry is not None or m.label not in _GUESSED or m.evidence == "person_title":
            return False
        return m.label == "PERSON" or m.evidence is None

    def _titled(self, ctx: ArticleContext, mentions: list[Mention]) -> list[Mention]:
        if self._title is None:
            return mentions
        out = []
        for m in mentions:
            if self._open(m) and self._title.match(ctx.text, m.end):
                out.append(replace(m, label="ORG", evidence="company_title"))
            elif self._officer_named(ctx, m):
                out.append(replace(m, label="PERSON", evidence="company_officer"))
            else:
                out.append(m)
        return out

    def _officer_named(self, ctx: ArticleContext, m: Mention) -> bool:
        """True for a company officer's name the company's own words after it made an organisation ("Moniepoint CEO Tosin
        Eniolorunda said ... its")."""
        if m.entry is not None or m.label != "ORG" or m.evidence not in _OFFICER_OVERRULED:
            return False
        words = ctx.text[m.start:m.end].split()
        if not 2 <= len(words) <= 3 or not all(w[:1].isupper() for w in words):
            return False
        return self._officer.search(ctx.text, max(0, m.start - 64), m.start) is not None

    def _listed(self, ctx: ArticleContext, mentions: list[Mention]) -> list[Mention]:
        if self._list is None:
            return mentions
        text = ctx.text
        out = list(mentions)
        for cue in self._list.finditer(text):
            pos = cue.end()
            while True:
                item = _ITEM.match(text, pos)
                if item is None:
                    break
                start, end = item.start(), item.end()
                inside = [i for i, m in enumerate(out) if m.start >= start and m.end <= end]
                across = [m for m in out if m.start < end and start < m.end and not (m.start >= start and m.end <= end)]
                if across or not inside:
                    pass
                elif len(inside) == 1 and (out[inside[0]].start, out[inside[0]].end) == (start, end):
                    m = out[inside[0]]
                    if self._open(m):
                        out[inside[0]] = replace(m, label="ORG", evidence="company_list")
                elif all(self._open(out[i]) for i in inside):
                    whole = Mention(start, end, "ORG", "rule:company_list", evidence="company_list")
                    out = [m for i, m in enumerate(out) if i not in inside] + [whole]
                    out.sort(key=lambda m: (m.start, m.end))
                joined = _JOIN.match(text, end)
                if joined is None:
                    break
                pos = joined.end()
        return out
