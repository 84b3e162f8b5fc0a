"""Products named by the words around them: spacecraft and instruments ("NASA's Perseverance rover"), drug brands ("Nereus (tradipitant)")."""
from __future__ import annotations

import re

from pipeline.stages.entities.options import Options
from pipeline.stages.entities.patterns import either

#: a name's brackets holding a lower-case generic name ("Breyanzi (lisocabtagene maraleucel)", "Exdensur (depemokimab-ulaa)")
_GENERIC = re.compile(r"[^\S\n]*\(([a-z][a-z-]*[a-z])(?:[^\S\n]+(?:and[^\S\n]+)?[a-z][a-z-]*[a-z]){0,3}\)")
#: the four-letter suffix the FDA adds to a biologic's generic name ("depemokimab-ulaa")
_BIOLOGIC_SUFFIX = re.compile(r"-[a-z]{4}$")
#: one to three capitalised words, a brand's or a craft's name
_CAPS = r"[A-Z][\w’'-]*(?:[^\S\n]+[A-Z][\w’'-]*){0,2}"


class Products:
    """Cues of spacecraft, instruments and drug brands, from ``craft_nouns``, ``craft_heads`` and ``drug_stems``."""

    def __init__(self, options: Options) -> None:
        self.options = options
        nouns = either(options.craft_nouns)
        #: right after a name: a craft's noun, perhaps in quotes ('Tenacious "micro rover"')
        self._after = re.compile(r"[^\S\n]+[\"“]?" + nouns.pattern + r"[\"”]?(?![\w-])") if nouns else None
        #: a name the model missed: "the"/"'s", the name, a craft's noun ("NASA's Perseverance rover")
        self._missed = (re.compile(r"(?:\bthe|[’']s)[^\S\n]+(" + _CAPS + r")(?=" + self._after.pattern + r")")
                        if nouns else None)
        self._brand = re.compile(r"(?<![\w.’'-])([A-Z][a-z]{2,}(?:[^\S\n]+[A-Z][a-z]{2,})?)(?=" + _GENERIC.pattern + r")")

    def craft_after(self, text: str, end: int) -> bool:
        """True when a craft's noun follows ``end`` ("... rover", "... lander", 'a "micro rover"')."""
        return self._after is not None and self._after.match(text, end) is not None

    def craft_named(self, words: list[str]) -> bool:
        """True for a name headed by a craft's word ("James Webb Space Telescope"), no organisation's ("Space Telescope Science Institute")."""
        return len(words) >= 2 and words[-1] in self.options.craft_heads

    def generic_after(self, text: str, end: int) -> bool:
        """True when brackets right after ``end`` hold a drug's generic name: an INN stem of ``drug_stems`` ends its first word."""
        g = _GENERIC.match(text, end)
        if g is None:
            return False
        word = _BIOLOGIC_SUFFIX.sub("", g.group(1))
        return len(word) >= 6 and word.endswith(self.options.drug_stems)

    def missed(self, text: str) -> list[tuple[int, int, str]]:
        """(start, end, evidence) of names the model may have missed: crafts before their noun, brands before their generic name."""
        out = []
        for g in self._missed.finditer(text) if self._missed is not None else ():
            out.append((*g.span(1), "craft_context"))
        if self.options.drug_stems:
            for g in self._brand.finditer(text):
                if self.generic_after(text, g.end(1)):
                    out.append((*g.span(1), "drug_name"))
        return out
