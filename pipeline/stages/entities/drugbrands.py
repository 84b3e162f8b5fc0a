"""A drug's brand written beside a drug's noun or its generic name: a product (``drug_apposition``).

Entity round 63 (issue 18, label errors of recent articles): the small model reads a drug's brand that the text
sets beside a drug's noun or generic name as an organisation or a nationality, and no cue decided otherwise
("the injectable infertility drug, Pergoveris", NORP, dev2 608; "a rare immunology disease medicine, Ayvakit",
ORG, dev5 911; "the FDA approved vimseltinib (Romvimza)", "the drug 177Lu-PSMA-617 (Pluvicto)", ORG, dev7 1214).
A name the model labels with a guess becomes PRODUCT, evidence ``drug_apposition``, when it is one or two
capitalised words and either

* a lower-case drug's noun of ``drug_nouns`` (entities.toml) and a comma stand right before it, and after it
  comes no possessive and no speech verb of ``person_speech_after`` ("approved the drug, Pfizer said" is the
  maker's), or
* it stands alone in brackets right after a lower-case generic name ending in an INN stem of ``drug_stems``
  ("vimseltinib (Romvimza)"), or after a drug's noun and one code-like word ("the drug 177Lu-PSMA-617 (Pluvicto)").

The brand before its generic name ("Breyanzi (lisocabtagene maraleucel)") is ``drug_name`` (``products.py``).
"""
from __future__ import annotations

import re

from pipeline.stages.entities.options import Options
from pipeline.stages.entities.patterns import either

#: one or two capitalised words, the brand (checked on the mention's surface)
_BRAND = re.compile(r"[A-Z][\w-]*(?: [A-Z][\w-]*)?")
#: how far back the words before a brand are looked for
_REACH = 60


class DrugBrands:
    """The apposition and bracket cues of drug brands, compiled once from ``drug_nouns``, ``drug_stems`` and ``person_speech_after``."""

    def __init__(self, options: Options) -> None:
        nouns = either(options.drug_nouns) if options.drug_nouns else None
        self._stems = options.drug_stems
        #: "drug, " right before the brand
        self._apposed = re.compile(r"\b" + nouns.pattern + r",[^\S\n]+$") if nouns else None
        #: "the drug 177Lu-PSMA-617 (" right before the brand: a drug's noun, one code-like word, a bracket
        self._coded = re.compile(r"\b" + nouns.pattern + r"[^\S\n]+[\w-]*\d[\w-]*[^\S\n]*\($") if nouns else None
        #: a lower-case generic name and a bracket right before the brand ("vimseltinib (")
        self._generic = re.compile(r"(?<![\w-])([a-z][a-z-]{4,}[a-z])[^\S\n]*\($")
        speech = "|".join(map(re.escape, options.person_speech_after)) or "(?!)"
        #: what may not follow an apposed brand: a possessive or a speech verb ("the drug, Pfizer said")
        self._maker_after = re.compile(r"['’]s\b|,?[^\S\n]+(?:" + speech + r")\b")

    def apposed(self, text: str, start: int, end: int, surface: str) -> bool:
        """True when the name at ``start:end`` is a drug's brand set beside a drug's noun or generic name (module docstring)."""
        if not _BRAND.fullmatch(surface):
            return False
        before = text[max(0, start - _REACH):start]
        if self._apposed is not None and self._apposed.search(before):
            return self._maker_after.match(text, end) is None
        if not text.startswith(")", end):
            return False
        if self._coded is not None and self._coded.search(before):
            return True
        g = self._generic.search(before)
        return g is not None and re.sub(r"-[a-z]{4}$", "", g.group(1)).endswith(self._stems)
