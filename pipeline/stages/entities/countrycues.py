"""Countries the model reads as persons and a default cue then makes organisations, given back to the place data.

Entity round 48, issue 18. ``LabelEvidence._place`` takes a country of ISO 3166 (the ``pycountry`` package) only when
the model did not call it a person, since countries' names are persons' too ("Jordan", "Chad", "Georgia"). A country
the model calls a person then meets the cues for an unknown word: ``no_person`` (nothing in the text shows a person,
so an organisation by default: "Bermuda: Rena Lalgie ...", "Bolivia: This week Alan Lisperguer ...", dev12 1714) or
``org_reference`` (the next reference is "its" or "whose"-like: "lightweights Comoros, whose debut ... its", dev8
1310). Both say only that the word is no person; the place data says which thing it is. Such a mention, one to three
capitalised words that are a country's name, common name or official name in ISO 3166, is GPE with its code in
``kb_id`` (evidence ``country_name``), unless the text writes its first word in lower case, it is a nationality, or
the text shows a person (a title before it, a speech verb after it, its last word alone: ``namecues.person_shown``).
"""
from __future__ import annotations

from dataclasses import replace

from pipeline.stages.entities.context import ArticleContext, Mention
from pipeline.stages.entities.namecues import person_shown
from pipeline.stages.entities.options import Options
from pipeline.stages.reconcile import fold_whitespace, strip_possessive

#: the cues that made the word an organisation only because it showed no person (or referred back as a thing)
_DEFAULT_ORG = frozenset({"no_person", "org_reference"})


class CountryNames:
    """Relabel a country's name that only a default organisation cue decided (see the module docstring)."""

    def __init__(self, opts: Options, countries: dict[str, str]) -> None:
        self.options = opts
        self.countries = countries

    def __call__(self, ctx: ArticleContext, mentions: list[Mention]) -> list[Mention]:
        out = []
        for m in mentions:
            if m.label == "ORG" and m.entry is None and m.evidence in _DEFAULT_ORG:
                surface = strip_possessive(fold_whitespace(ctx.text[m.start:m.end]))
                kb_id = self.countries.get(surface)
                if kb_id is not None and self._written_as_country(ctx, m, surface):
                    m = replace(m, label="GPE", evidence="country_name", kb_id=kb_id)
            out.append(m)
        return out

    def _written_as_country(self, ctx: ArticleContext, m: Mention, surface: str) -> bool:
        """True when the text writes ``surface`` as a country's name: one to three words, capitalised, no nationality,
        no person shown."""
        words = surface.split(" ")
        opts = self.options
        if not 1 <= len(words) <= 3 or not words[0][:1].isupper() or ctx.written_lower(words[0]):
            return False
        if surface in opts.demonyms or surface in ctx.norp_words:
            return False
        return not person_shown(opts, ctx, m, words)
