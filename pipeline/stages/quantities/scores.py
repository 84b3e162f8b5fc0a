"""Scores and points: "a 9-3 vote", "won 3-2", "4-6 6-4 6-4" (unit "score"), "a 10-point lead", "a quarter point"."""
from __future__ import annotations

import re

from pipeline.stages.quantities.lexicon import DASHES
from pipeline.stages.quantities.operands import Quantity
from pipeline.stages.quantities.view import TokenView

_PAIR = re.compile(rf"^(\d{{1,3}})[{DASHES}](\d{{1,3}})$")
_SIDE = re.compile(r"^\d{1,3}$")


def _pair_at(view: TokenView, i: int) -> tuple[int, int, int] | None:
    """(end token, left side, right side) of an "N-M" written at token i, one token ("2–6") or three glued."""
    t = view.tok(i)
    if t is None:
        return None
    m = _PAIR.match(t.text)
    if m:
        left, right, end = int(m.group(1)), int(m.group(2)), i + 1
    elif (_SIDE.match(t.text) and view.lower(i + 1) in DASHES and view.glued(i) and view.glued(i + 1)
          and view.tok(i + 2) is not None and _SIDE.match(view.doc[i + 2].text)):
        left, right, end = int(t.text), int(view.doc[i + 2].text), i + 3
    else:
        return None
    if max(left, right) > view.lex.score_max or view.glued(end - 1) and view.lower(end) in DASHES:
        return None  # "1-2-3", "2023-24-25": a code or a list
    return end, left, right


def score(view: TokenView, i: int) -> Quantity | None:
    """A score starting at token i, read on the evidence of ``[scores]``, else None."""
    lex = view.lex
    first = _pair_at(view, i)
    if first is None or view.glued(i - 1) and view.tok(i - 1) is not None and not view.doc[i - 1].is_punct:
        return None
    end, pairs = first[0], 1
    while True:  # tennis sets: "4-6 6-4 6-4", "2–6, 6–2, 6–3"
        at = end + 1 if view.lower(end) == "," else end
        nxt = _pair_at(view, at)
        if nxt is None or max(nxt[1], nxt[2]) > 7 or max(first[1], first[2]) > 7:
            break
        end, pairs = nxt[0], pairs + 1
    after = view.tok(end)
    if pairs > 1 or (after is not None and after.lower_ in lex.score_nouns):
        return Quantity(i, end, i, end, None, None, kind="count", unit="score", unit_rule="score")
    if after is not None and (after.pos_ in lex.noun_pos or after.like_num):
        return None  # "won 2-3 seats": a range of seats
    for k in range(i - 1, max(-1, i - 4), -1):
        t = view.doc[k]
        if t.is_punct:
            break
        if t.pos_ in ("VERB", "AUX"):
            if t.lemma_.lower() in lex.score_verbs:
                return Quantity(i, end, i, end, None, None, kind="count", unit="score", unit_rule="score")
            break
    return None


def point_gap(view: TokenView, i: int) -> Quantity | None:
    """ "a 10-point lead", "a 10-point increase": N points; "a 10-point plan" is a list, None."""
    t = view.tok(i)
    if (t is None or not _SIDE.match(t.text) or view.lower(i + 1) not in DASHES or not view.glued(i)
            or not view.glued(i + 1) or view.lower(i + 2) not in ("point", "points")
            or view.lower(i + 3) not in view.lex.point_changes):
        return None
    value = float(t.text)
    return Quantity(i, i + 3, i, i + 1, value, value, kind="count", unit="points", unit_rule="point_gap")


def point_share(view: TokenView, i: int) -> Quantity | None:
    """ "a quarter point", "a half-point cut", "half a point", "by a point": a share of a point, read
    from the indefinite or fraction word at token i, on the evidence of ``point_gap`` or a verb of change."""
    lex = view.lex
    j, value = i, 1.0
    if view.lower(j) in lex.fractions and view.lower(j + 1) in lex.indefinite:
        value, j = 1.0 / lex.fractions[view.lower(j)], j + 2  # "half a point"
    elif view.lower(j) in lex.indefinite:
        j += 1
        if view.lower(j) in lex.fractions and view.lower(j) not in lex.ordinal_fractions:
            value, j = 1.0 / lex.fractions[view.lower(j)], j + 1  # "a quarter", "a half"
            if view.lower(j) in DASHES and view.glued(j - 1) and view.glued(j):
                j += 1  # "a quarter-point cut"
    else:
        return None
    hit = _point_words(view, j)
    if hit is None:
        return None
    end, (kind, unit) = hit
    before = view.tok(i - 1)
    by = before is not None and before.lower_ == "by"
    evidence = by or view.lower(end) in lex.point_changes or (
        value != 1.0 and before is not None and before.pos_ == "VERB" and before.lemma_.lower() in lex.change_verbs)
    rule = "point_share"
    if not evidence and value == 1.0 and unit == "points" and _taken_point(view, before, end):
        evidence, rule = True, "point_taken"  # "only needed a point", "rallied to salvage a point"
    if not evidence:
        return None
    return Quantity(i, end, i, end, value, value, kind=kind, unit=unit, unit_rule=rule, words=True)


def _taken_point(view: TokenView, verb, end: int) -> bool:
    """True when "a point" ending before token ``end`` is the object of a ``point_takers`` verb right before it
    and no noun or "of" follows it ("a point of concern", "a point guard")."""
    if verb is None or verb.pos_ != "VERB" or verb.lemma_.lower() not in view.lex.point_takers:
        return False
    nxt = view.tok(end)
    return nxt is None or (nxt.lower_ != "of" and nxt.pos_ not in view.lex.noun_pos)


def _point_words(view: TokenView, j: int) -> tuple[int, tuple[str, str]] | None:
    """(end token, (kind, unit)) of the longest ``point_words`` phrase at token j, else None."""
    best, key = None, ""
    for k in range(j, min(view.n, j + 3)):
        key += view.lower(k)
        if key in view.lex.point_words:
            best = (k + 1, view.lex.point_words[key])
        key += " " if view.doc[k].whitespace_ else ""
    return best
