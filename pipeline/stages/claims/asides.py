"""Dash asides: a duration in a remark set off by a dash after a claim's own figure belongs to the remark."""
from __future__ import annotations

from collections.abc import Sequence

#: the tokens that open or close a dash aside ("-" only with a space on its left: not a hyphen)
DASHES = frozenset({"—", "–", "--", "―"})


def is_dash(token) -> bool:
    """True for a dash token: an em or en dash, a double hyphen, or a lone hyphen with a space before it."""
    text, doc = token.text.strip(), token.doc
    spaced = token.i > 0 and bool(doc[token.i - 1].whitespace_) or bool(token.whitespace_)
    if text == "–":
        # an en dash with a word on both sides and no space joins a range ("October–December", "2023–2025")
        return spaced or token.i == 0 or token.i + 1 >= len(doc) \
            or not (doc[token.i - 1].text[-1:].isalnum() and doc[token.i + 1].text[:1].isalnum())
    if text in DASHES:
        return True
    return text == "-" and token.i > 0 and bool(doc[token.i - 1].whitespace_)


def dash_aside_values(group: Sequence[tuple[dict, object]], head
                      ) -> tuple[list[tuple[dict, object]], list[tuple[dict, object]]]:
    """One claim's values split into (its own, the durations inside a dash aside after a figure of the claim's own).

    "the Hang Seng Index still gained 28 percent -- its best performance in eight years" (dev10 448_), "just a hair
    above where sales had been in 1986 – four decades of structural stagnation" (dev5 358_), "408, ... and 135 confirmed
    cases respectively — marking a seven-day consecutive decline" (dev15 598_): a duration in what a dash sets off
    after the claim has stated its figure says how long a record or a run stands, a comment on the figure, and the
    judges leave it out (claims round 75). The aside runs from the dash to the next dash or the sentence's end. Only a
    duration goes: a date or a figure there restates or places the claim's fact ("$3.4 trillion—a 6 percent
    increase", "— meaning the asteroid will safely pass Earth in 2032", "—more than a decade earlier": dev7 406_, dev2
    312_, dev 022_, judged with them). A value before the dash stays, and so does an aside's duration when the claim
    states no figure before it (the aside is then all the claim has), or when the claim's own verb is in the aside.
    """
    if not group:
        return list(group), []
    opening: dict[int, int] = {}  # the index of each aside token's opening dash
    dash = None
    for token in group[0][1].sent:
        if is_dash(token):
            dash = token.i if dash is None else None
        elif dash is not None:
            opening[token.i] = dash
    if head.i in opening:
        return list(group), []
    aside = [(row, token) for row, token in group
             if row.get("tclass") == "duration" and row.get("first", token.i) in opening]
    own = [item for item in group if not any(item[0] is row for row, _ in aside)]
    # the aside comments on a figure stated before its dash
    aside = [(row, token) for row, token in aside
             if any(other.get("last", at.i) < opening[row.get("first", token.i)] for other, at in own)]
    if not aside:
        return list(group), []
    return [item for item in group if not any(item[0] is row for row, _ in aside)], aside
