"""Growth: a mention grown into the larger name it heads or opens (administrations, summits, wars, first names, org suffixes)."""
from __future__ import annotations

import bisect
import re
from dataclasses import replace

from spacy.lang.en.stop_words import STOP_WORDS

from pipeline.stages.entities.context import ArticleContext, Mention, flat, title_word_before
from pipeline.stages.entities.evidence import first_names, known_places, place_index
from pipeline.stages.entities.givennames import surname_person
from pipeline.stages.entities.ofnames import of_name_end
from pipeline.stages.entities.options import Options
from pipeline.stages.entities.patterns import compile_words
from pipeline.stages.reconcile import GazetteerEntry, fold_whitespace

#: one capitalised word after a name and no other after it (the sector word of "EDF Renewables")
_ONE_CAPITALISED_WORD = re.compile(r"[^\S\n]+[A-Z][\w.]*(?![\w-])(?![^\S\n]+[A-Z])")


#: the rest of a name after a hyphen, glued to it: "-Pryce", "-wook" (not "-Harris-Walz", nor a figure)
_HYPHEN_PART = re.compile(r"-([A-Z]?[a-z]+)(?![\w-])")
_NEXT_LOWER_WORD = re.compile(r"[^\S\n]+([a-z]+)")
#: the word right before a name on its line ("South" of "South Australia"), not after a letter or hyphen
_WORD_BEFORE = re.compile(r"(?<![\w-])([\w-]+)[^\S\n]+$")


#: a Romance particle and one capitalised word after a place's name: "della Pace", "de Janeiro", "d'Ampezzo"
_PLACE_PARTICLE = re.compile(
    r"(?:[^\S\n]+(?:della|delle|degli|dei|del|di|da|de|do|dos|das|du|des)[^\S\n]+|[^\S\n]+d['’])[A-Z][\w’'\-]*\b(?!['’]s\b)")


class NameGrowth:
    """Grow mentions by what follows or precedes them; holds the patterns compiled from the options."""

    def __init__(self, options: Options, by_surface: dict[str, GazetteerEntry]) -> None:
        self.options = opts = options
        self.by_surface = by_surface
        # what may follow a mention to grow it (one line break allowed: hard wraps)
        gap = r"[^\S\n]*\n?[^\S\n]*"
        self._person_org = compile_words(gap + r"(?:{})\b", opts.person_org_heads)
        self._pair_event = compile_words(r"[-–][A-Z][\w.]*" + gap + r"({})\b(?![-’'])", opts.conflict_heads + opts.event_heads)
        self._event = compile_words(gap + r"(?:{})\b(?![-’'])", opts.event_heads)
        self._suffix = re.compile(r"[^\S\n]+([A-Z][\w.]*?)(?![\w-])")
        countries, subdivisions, cities, _ = place_index()
        self._places = known_places() | frozenset(countries) | frozenset(subdivisions) | frozenset(cities)
        self._first_names = first_names()

    def extend(self, ctx: ArticleContext, mentions: list[Mention]) -> list[Mention]:
        """Grow a mention into the larger name it heads or opens."""
        opts, text = self.options, ctx.text
        starts = sorted(m.start for m in mentions)
        persons = [(m.start, m.end) for m in mentions if m.label == "PERSON"]
        out: list[Mention] = []
        for m in mentions:
            after = text[m.end:m.end + 40]
            grown = None
            # "Sachin" + "Katti" the model called an organisation: one person (``givennames``)
            m = surname_person(ctx, m, prev_end=out[-1].end if out else 0, options=opts, first_names=self._first_names,
                               places=self._places) or m
            # "Władysław" + "Kosiniak-Kamysz": the first name the model left out
            first = self._given_name_start(ctx, m, out[-1].end if out else 0)
            if first is not None:
                m = replace(m, start=first, detector="rule:given_name")
            # "Trump administration": the government a person leads
            g = self._person_org.match(after) if self._person_org and m.label == "PERSON" else None
            if g:
                grown = replace(m, end=m.end + g.end(), label="ORG", detector="rule:person_org", entry=None)
            # "Russia-Ukraine war", "EU-UK summit": a pair of parties and an event noun
            g = self._pair_event.match(after) if self._pair_event and m.label in ("GPE", "NORP", "ORG") else None
            if grown is None and g:
                kind = "rule:conflict" if g.group(1) in opts.conflict_heads else "rule:event"
                grown = replace(m, end=m.end + g.end(), label="EVENT", detector=kind, entry=None)
            # "EU summit", "EU-Canada summit": an organisation's or a pair's meeting
            g = self._event.match(after) if self._event and grown is None else None
            if g and (m.label == "ORG" or re.fullmatch(r"[A-Z][\w.]*[-–][A-Z][\w.]*", text[m.start:m.end])):
                grown = replace(m, end=m.end + g.end(), label="EVENT", detector="rule:event", entry=None)
            of_end = of_name_end(ctx, m, opts.of_name_heads, persons) if grown is None and m.entry is None else None
            if of_end is not None:
                # "Communications Authority" + " of Kenya": the model cut the name at "of" (the place it absorbs goes)
                grown = replace(m, end=of_end, detector="rule:of_name", entry=None)
            if grown is None and m.label in ("ORG", "LAW") and re.search(r"\s(?:of|on|for)\s+[A-Z]\w*$", text[m.start:m.end]):
                # "Partnership on Security" + " and Defence": the model stopped at "and"
                g = re.match(r"[^\S\n]+and[^\S\n]+[A-Z]\w+\b(?!\s+[A-Z])", after)
                if g:
                    grown = replace(m, end=m.end + g.end(), detector="rule:coordination", entry=None)
            if grown is None and m.label == "ORG" and m.entry is None and " " not in text[m.start:m.end]:
                # "Maritime" + " and Fisheries Fund": one name of two fields and an
                # organisation head, when no mention starts in the rest
                g = re.match(r"[^\S\n]+and[^\S\n]+(?:[A-Z][\w’'\-]*[^\S\n]+){0,2}([A-Z]\w*)\b(?![^\S\n]+[A-Z])", after)
                if (g and g.group(1) in opts.org_words
                        and bisect.bisect_left(starts, m.end) == bisect.bisect_left(starts, m.end + g.end())):
                    grown = replace(m, end=m.end + g.end(), detector="rule:coordination", entry=None)
            if grown is None and (m.entry is None and m.label in ("NORP", "ORG", "PERSON") or self._acronym_entry(text, m, after)):
                # "Swiss" + " Re", "Palantir" + " Technologies": the model left out the sector word or legal form;
                # "EDF Renewables" is a company of its own, not the gazetteer's "EDF" (the European Defence Fund)
                g = self._suffix.match(after)
                if (g and g.group(1) in opts.org_suffixes
                        and not (g.group(1) in ("Union", "Party") and text[m.start:m.end] in opts.demonyms)
                        and bisect.bisect_left(starts, m.end) == bisect.bisect_left(starts, m.end + g.end())):
                    grown = replace(m, end=m.end + g.end(), label="ORG", detector="rule:org_suffix", entry=None)
            if grown is None and m.entry is None and m.label == "NORP":
                # "Asian" + "-Pacific": the model stopped at a hyphen inside one adjective; two
                # nationalities ("British-French") stay two
                g = re.match(r"-([A-Z][a-z]+)(?![\w-])", after)
                if (g and g.group(1) not in opts.demonyms and g.group(1) not in ctx.norp_words
                        and bisect.bisect_left(starts, m.end) == bisect.bisect_left(starts, m.end + g.end())):
                    grown = replace(m, end=m.end + g.end(), detector="rule:hyphenated")
            if grown is None and m.entry is None and m.label == "PERSON":
                g = self._hyphenated_name(ctx, m, after)
                if g is not None and bisect.bisect_left(starts, m.end) == bisect.bisect_left(starts, m.end + g):
                    grown = replace(m, end=m.end + g, detector="rule:hyphenated_name")
            if grown is None and m.label in ("GPE", "LOC", "FAC", "ORG"):
                # "Arco" + " della Pace", "Cortina" + " d'Ampezzo": a place name the model cut at its particle
                g = _PLACE_PARTICLE.match(after)
                if g and bisect.bisect_left(starts, m.end) == bisect.bisect_left(starts, m.end + g.end()):
                    grown = replace(m, end=m.end + g.end(), detector="rule:place_particle", entry=None)
            if grown is None and m.label in ("GPE", "LOC"):
                grown = self._region(ctx, m, out[-1].end if out else 0)
            if grown is not None:
                surface = fold_whitespace(text[grown.start:grown.end])
                entry = self.by_surface.get(surface)
                if entry is not None:
                    grown = replace(grown, entry=entry, label=entry.label)
                out.append(grown)
            else:
                out.append(m)
        return flat(out)

    def _region(self, ctx: ArticleContext, m: Mention, prev_end: int) -> Mention | None:
        """"sub-Saharan" + "Africa", "South" + "Australia": the compass word the model left out, when the whole
        is a continent's region (LOC) or a country or subdivision of ISO 3166 (GPE); else None."""
        g = _WORD_BEFORE.search(ctx.text, max(prev_end, m.start - 24), m.start)
        if g is None or g.group(1) not in self.options.region_openers:
            return None
        countries, subdivisions, _, continents = place_index()
        surface = fold_whitespace(ctx.text[m.start:m.end])
        whole = g.group(1) + " " + surface
        if whole in subdivisions or whole in countries or whole in self.by_surface:
            entry = self.by_surface.get(whole)
            return replace(m, start=g.start(1), label=entry.label if entry else "GPE", detector="rule:region", entry=entry)
        if surface in continents:
            return replace(m, start=g.start(1), label="LOC", detector="rule:region", entry=None)
        return None

    def _hyphenated_name(self, ctx: ArticleContext, m: Mention, after: str) -> int | None:
        """Length of "-word" glued to a person's name that the model cut at the hyphen, or None.

        "Fraser" + "-Pryce", "Park Chan" + "-wook", "Lee Jae" + "-myung". A capitalised word that
        is no nationality nor a gazetteer name ("Biden-Harris", "Merz-Macron" are two people); a
        lower-case one only after a name of two words or more ("Kim Jong" + "-un"), and never an
        English compound word ("Biden-era", "Trump-backed", ``person_compound_suffixes``) nor a
        participle ("Kremlin-linked", "Musk-appointed").
        """
        g = _HYPHEN_PART.match(after)
        if g is None:
            return None
        part, opts = g.group(1), self.options
        if part[0].isupper():
            # "Harris-Walz" when the text also writes "Walz" alone, "the Takaichi-Lee summit": two people
            head = _NEXT_LOWER_WORD.match(after, g.end())
            if (part in opts.demonyms or part in ctx.norp_words or part in self.by_surface
                    or re.search(r"(?<![\w-])" + part + r"(?![\w-])", ctx.text)
                    or (head is not None and head.group(1) in opts.name_pair_heads)):
                return None
        elif (" " not in fold_whitespace(ctx.text[m.start:m.end]) or part in opts.person_compound_suffixes
              or part.endswith(("ed", "ing"))):
            return None
        return g.end()

    def _acronym_entry(self, text: str, m: Mention, after: str) -> bool:
        """True for a gazetteer acronym that a sector word ends the name of, with no capitalised word after it ("EDF Renewables")."""
        word = text[m.start:m.end]
        return (m.entry is not None and len(word) >= 2 and word.isupper() and word.isalpha()
                and _ONE_CAPITALISED_WORD.match(after) is not None)

    def _given_name_start(self, ctx: ArticleContext, m: Mention, prev_end: int) -> int | None:
        """Start of the first name right before a bare surname that the model left out, or None.

        "Władysław Kosiniak-Kamysz" after the model found only the surname: the word before
        is one capitalised proper noun, one space away, in no other mention, and no title
        ("Defence Minister"), nationality ("Polish"), date or generic word.
        """
        opts = self.options
        if m.label != "PERSON" or m.entry is not None or " " in fold_whitespace(ctx.text[m.start:m.end]):
            return None
        tok = title_word_before(ctx, m, prev_end)
        if tok is None or tok.tag_ != "NNP":
            return None
        word = tok.text
        if (word in opts.date_words or word in opts.generic_words or word in opts.demonyms or word in opts.org_words
                or word.casefold() in STOP_WORDS or ctx.titles_within(tok.idx, tok.idx + len(word))):
            return None
        return tok.idx
