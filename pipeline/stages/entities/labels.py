"""Label rules: correct the model's label from context (clipped places, persons, laws, events, equipment)."""
from __future__ import annotations

from dataclasses import replace

from spacy.tokens import Span

from pipeline.stages.entities.context import ArticleContext, Mention
from pipeline.stages.entities.evidence import known_places, place_index
from pipeline.stages.entities.options import Options
from pipeline.stages.entities.patterns import alternation, compile_words
from pipeline.stages.reconcile import fold_whitespace

_NOMINAL_DEPS = frozenset({"pobj", "dobj", "nsubj", "nsubjpass", "conj", "appos", "attr", "ROOT"})


class LabelRules:
    """Relabel the model's mentions; holds the weapon-noun pattern compiled from the options."""

    def __init__(self, options: Options) -> None:
        self.options = opts = options
        # "Patriot missile batteries", "G95 assault rifles": modifiers, then the weapon noun
        modifiers = r"(?:(?:" + alternation(opts.equipment_modifiers) + r")[^\S\n]+){{0,3}}" if opts.equipment_modifiers else ""
        self._equipment = compile_words(r"[^\S\n]+" + modifiers + r"(?:{})(?![-\w])", opts.equipment_nouns)
        countries, subdivisions, cities, continents = place_index()
        self._places = known_places() | frozenset(countries) | frozenset(subdivisions) | frozenset(cities) | frozenset(continents)

    def relabel(self, ctx: ArticleContext, m: Mention) -> Mention:
        """Correct the model's label from context: clipped GPEs, persons, laws."""
        if m.entry is not None or m.detector != "model":
            return m
        span = ctx.doc.char_span(m.start, m.end, alignment_mode="expand")
        if span is None or len(span) == 0:
            return m
        words = fold_whitespace(ctx.text[m.start:m.end]).split(" ")
        # "heading to Saudi": a nationality word used as a noun that opens a longer GPE
        if m.label == "NORP" and len(words) == 1 and span.root.dep_ in _NOMINAL_DEPS and words[0] in ctx.gpe_openers:
            return replace(m, label="GPE", detector="rule:clipped_gpe")
        if m.label != "PERSON" and 2 <= len(words) <= 4 and _looks_like_person(self.options, span, words):
            return replace(m, label="PERSON", detector="rule:person_context")
        # "Ukrainian President" as PERSON: an adjective the model calls NORP elsewhere in the text
        if (m.label in ("ORG", "PERSON", "GPE", "FAC", "PRODUCT", "WORK_OF_ART") and len(span) == 1
                and span[0].tag_ == "JJ" and words[0] in ctx.norp_words):
            return replace(m, label="NORP", detector="rule:adjective")
        # "Trade and Cooperation Agreement", "1949 North Atlantic Treaty", "Basic Law": a law
        if m.label in ("ORG", "EVENT", "GPE", "PRODUCT", "WORK_OF_ART") and len(words) >= 2 and words[-1] in self.options.law_heads:
            return replace(m, label="LAW", detector="rule:law_head")
        # "Washington Summit", "The Hague Summit": a meeting, whatever place opens it
        if m.label in ("ORG", "GPE", "LOC", "FAC", "NORP") and len(words) >= 2 and words[-1] in self.options.event_heads and words[-1][:1].isupper():
            return replace(m, label="EVENT", detector="rule:event")
        # "F-16s", "Su-27": an equipment designator is a product, never a person or place
        designator = self.options.designator
        if designator is not None and m.label != "PRODUCT" and len(words) == 1 and designator.fullmatch(words[0]):
            return replace(m, label="PRODUCT", detector="rule:designator")
        # "Super Sonic Strike Missile": a name headed by a weapon noun
        if m.label not in ("PRODUCT", "NORP", "LAW") and len(words) >= 2 and words[-1] in self.options.equipment_heads:
            return replace(m, label="PRODUCT", detector="rule:equipment")
        # "Patriot air defence systems", "G95 assault rifles": a name in front of a weapon noun.
        # Persons and works only, organisations written with a digit and "places" no place list
        # knows ("97 Tejas fighter jets"): a company or a place in front of the noun is its maker
        # or its target ("Saab jets", "Kyiv drones")
        if ((m.label in ("PERSON", "WORK_OF_ART", "EVENT") or (m.label == "ORG" and any(c.isdigit() for c in words[-1]))
             or (m.label == "GPE" and " ".join(words) not in self._places))
                and self._before_equipment(ctx, m.end)):
            return replace(m, label="PRODUCT", detector="rule:equipment")
        return m

    def _before_equipment(self, ctx: ArticleContext, end: int) -> bool:
        """True when a weapon noun phrase follows ``end`` and ends there ("... rifles from", not "missile launch")."""
        g = self._equipment.match(ctx.text, end) if self._equipment else None
        if g is None:
            return False
        span = ctx.doc.char_span(end, g.end(), alignment_mode="expand")
        if span is None or span.end >= len(ctx.doc):
            return True
        # "drone attack", "missile launch": the weapon noun only modifies the next noun
        return ctx.doc[span.end].tag_ not in ("NN", "NNS")


def _looks_like_person(opts: Options, span: Span, words: list[str]) -> bool:
    """A title-case name in apposition to a person noun, or the subject of a verb of saying."""
    for w in words:
        if w in opts.org_words or not (w[:1].isupper() or w.casefold() in opts.particles):
            return False
        if not all(part.isalpha() for part in w.replace("-", " ").replace("’", " ").replace("'", " ").split()):
            return False
    root = span.root
    if root.dep_ == "appos" and root.head.lemma_.casefold() in opts.person_nouns:
        return True
    if any(c.dep_ == "appos" and c.lemma_.casefold() in opts.person_nouns for c in root.children):
        return True
    return root.dep_ == "nsubj" and root.head.lemma_ in opts.person_verbs
