"""Qualifiers: the words around a quantity that make it approximate ("at least", "some", "or more")."""
from __future__ import annotations

from pipeline.stages.quantities.view import TokenView, normalise_space


def approx_before(view: TokenView, start: int, kind: str | None = None) -> str | None:
    """The qualifier written right before token ``start`` ("at least", "some"), normalised.

    Before counted things (``kind`` "count") a preposition the parser hangs on a verb names a
    place or a topic ("structured around three functions"); before an amount it is a bound
    ("stay below 1.5°C").
    """
    lex = view.lex
    size = qualifier_size(view, start)
    if size == 1 and kind == "count" and _governed_preposition(view, start - 1):
        return None
    if size:
        return qualifier(view, start - size, start)
    if view.lower(start - 1) in lex.bridge_words and view.lower(start - 2) in lex.bridge_adverbs:
        return lex.approx.get(view.lower(start - 2))
    return None


def qualifier(view: TokenView, lo: int, hi: int) -> str | None:
    """The qualifier written as tokens ``lo`` to ``hi - 1`` ("at least"), normalised, or None."""
    if lo < 0 or hi > view.n:
        return None
    return view.lex.approx.get(normalise_space(" ".join(view.lower(k) for k in range(lo, hi))))


def qualifier_size(view: TokenView, start: int) -> int:
    """How many tokens right before token ``start`` form a qualifier ("at least": 2), or 0."""
    return next((size for size in (3, 2, 1) if qualifier(view, start - size, start) is not None), 0)


def _governed_preposition(view: TokenView, k: int) -> bool:
    """True when token k ("around", "over") is a preposition the parser hangs on a verb
    ("shot down over four regions"), not a modifier of the number ("over 40 drones")."""
    t = view.doc[k]
    return (t.lower_ in view.lex.prepositional_approx and t.dep_ in view.lex.preposition_deps
            and t.head.pos_ in ("VERB", "AUX") and t.head.i < k)


def approx_after(view: TokenView, end: int) -> str | None:
    """The qualifier written right after the quantity ending before token ``end`` ("or more"), normalised."""
    glued = view.lex.approx_after_glued.get(view.lower(end)) if view.glued(end - 1) else None
    if glued is not None and not view.glued(end):
        return glued  # "7%+": the plus glued to the figure
    key = normalise_space(f"{view.lower(end)} {view.lower(end + 1)}")
    return view.lex.approx_after.get(key)
