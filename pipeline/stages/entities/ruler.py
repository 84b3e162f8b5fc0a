"""The gazetteer ruler: a spaCy SpanRuler of the gazetteer's aliases, merged with the model's ents.

``add_entity_ruler`` puts a SpanRuler after the model's ``ner``, built from the
gazetteer's aliases, so the one spaCy pass already yields the gazetteer's entities:
every raw match is kept in ``doc.spans["gazetteer"]`` and, in ``doc.ents``, a match
replaces the model entities it overlaps unless a model entity is a longer proper name
around it ("Carnegie Russia Eurasia Center" around "Russia"). The ents filter is
registered with spaCy's registry when this module is imported.
"""
from __future__ import annotations

import bisect

from spacy.tokens import Span
from spacy.util import filter_spans, registry

from pipeline.stages.reconcile import ENTITY_LABELS, alias_variants, gazetteer_entries

GAZETTEER_SPANS_KEY = "gazetteer"
RULER_NAME = "gazetteer_ruler"
ENTS_FILTER = "pipeline.gazetteer_ents_filter.v1"

_POSSESSIVES = frozenset({"'s", "’s", "'", "’"})
_DETERMINERS = frozenset({"the", "The"})


def gazetteer_patterns(lexicon: dict) -> list[dict]:
    """SpanRuler phrase patterns for every alias variant of the gazetteer, sorted."""
    seen: dict[str, dict] = {}
    for entry in gazetteer_entries(lexicon):
        for alias in entry.aliases:
            for form in alias_variants(alias):
                seen.setdefault(form, {"label": entry.label, "pattern": form, "id": entry.name})
    return [seen[form] for form in sorted(seen)]


def add_entity_ruler(nlp, lexicon: dict) -> None:
    """Add the gazetteer's SpanRuler after the model's ``ner`` (replacing an earlier one).

    Raw matches go to ``doc.spans["gazetteer"]``; ``doc.ents`` gets the matches merged
    with the model's entities by ``gazetteer_ents_filter``.
    """
    if RULER_NAME in nlp.pipe_names:
        nlp.remove_pipe(RULER_NAME)
    where = {"after": "ner"} if "ner" in nlp.pipe_names else {}
    ruler = nlp.add_pipe(
        "span_ruler",
        name=RULER_NAME,
        config={
            "spans_key": GAZETTEER_SPANS_KEY,
            "annotate_ents": True,
            "overwrite": False,
            "ents_filter": {"@misc": ENTS_FILTER},
            "validate": False,
        },
        **where,
    )
    ruler.add_patterns(gazetteer_patterns(lexicon))


@registry.misc(ENTS_FILTER)
def make_gazetteer_ents_filter():
    """Registry factory of ``gazetteer_ents_filter`` for the SpanRuler's config."""
    return gazetteer_ents_filter


def gazetteer_ents_filter(entities, spans) -> list[Span]:
    """Merge the model's entities with the gazetteer's matches into non-overlapping ents.

    A match wins over the model entities it overlaps, except when a model entity
    strictly contains it and extends it with further capitalised words and no
    possessive follows the match inside the entity (a longer proper name); adjectives
    in front of the match do not extend it ("Ukrainian NATO membership"). Of a model
    entity that loses, any run of two or more words outside the matches stays ("Trump's
    National Security" -> "Trump" + "National Security"), and so does a capitalised
    adjective, as a nationality ("Ukrainian"); a date or number keeps its digits.
    """
    matches = filter_spans(spans)  # sorted by start and disjoint, so their ends are sorted too
    starts, ends = [m.start for m in matches], [m.end for m in matches]
    kept: list[Span] = []
    suppressed: set[tuple[int, int]] = set()
    for ent in entities:
        # the matches overlapping the entity, found by bisection: a scan of every match per
        # entity made a long article ("the EU said ..." over 100,000 characters) quadratic
        inside = matches[bisect.bisect_right(ends, ent.start):bisect.bisect_left(starts, ent.end)]
        if not inside:
            kept.append(ent)
        elif _extends_name(ent, inside):
            kept.append(ent)
            suppressed.update((m.start, m.end) for m in inside)
        else:
            for start, end, label in _leftover_runs(ent, inside):
                kept.append(Span(ent.doc, start, end, label=label))
    kept.extend(m for m in matches if (m.start, m.end) not in suppressed)
    return sorted(filter_spans(kept), key=lambda s: (s.start, s.end))


def _covered(token_i: int, matches: list[Span]) -> bool:
    """True when token ``token_i`` lies inside one of the gazetteer matches."""
    return any(m.start <= token_i < m.end for m in matches)


def _extends_name(ent: Span, inside: list[Span]) -> bool:
    """True when model entity ``ent`` is a longer proper name around the matches ``inside``."""
    if not all(ent.start <= m.start and m.end <= ent.end for m in inside):
        return False
    for m in inside:
        # "Trump's National Security": an owner; "Central Bank of Russia's" is the whole name's
        if m.end + 1 < ent.end and ent.doc[m.end].text in _POSSESSIVES:
            return False
    extra = [t for t in ent if not _covered(t.i, inside) and not t.is_space]
    if extra and extra[0].i == ent.start and extra[0].text in _DETERMINERS:
        extra = extra[1:]
    first = min(m.start for m in inside)
    if extra and all(t.i < first and t.tag_ == "JJ" for t in extra):
        return False  # "Ukrainian NATO": an adjective in front of the name
    return any(t.is_alpha and t.text[:1].isupper() for t in extra)


def _leftover_runs(ent: Span, inside: list[Span]) -> list[tuple[int, int, str]]:
    """Token ranges of ``ent`` outside the matches that still deserve to be entities."""
    numeric = ent.label_ not in ENTITY_LABELS
    runs, start = [], None
    for i in range(ent.start, ent.end + 1):
        free = i < ent.end and not _covered(i, inside) and ent.doc[i].text not in _POSSESSIVES
        if free and start is None:
            start = i
        elif not free and start is not None:
            runs.append((start, i))
            start = None
    out = []
    for a, b in runs:
        while a < b and not (ent.doc[a].is_alpha or ent.doc[a].like_num) or (a < b and ent.doc[a].text in _DETERMINERS):
            a += 1
        while b > a and not (ent.doc[b - 1].is_alpha or ent.doc[b - 1].like_num):
            b -= 1
        if a >= b:
            continue
        tokens = ent.doc[a:b]
        if numeric and any(t.like_num for t in tokens):
            out.append((a, b, ent.label_))
        elif not numeric and b - a >= 2 and tokens[0].text[:1].isupper():
            out.append((a, b, ent.label_))
        elif not numeric and b - a == 1 and tokens[0].tag_ == "JJ" and tokens[0].text[:1].isupper():
            out.append((a, b, "NORP"))
    return out
