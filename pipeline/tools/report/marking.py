"""Highlighting spans in text: overlapping and crossing spans laid out as properly nested elements.

Nested and crossing spans (a quantity inside a claim sentence, a mention inside a
date, two claims sharing words) are laid out as properly nested elements: a span that
crosses the end of an enclosing one is split into fragments that share its
``data-span`` attribute, and the first fragment carries the element ``id``. The text
nodes of a document's container, read in order, are exactly ``source_text[start:end]``.
"""
from __future__ import annotations

import heapq
from collections.abc import Iterable
from dataclasses import dataclass

from pipeline.tools.report.style import esc

#: nesting rank when two spans have the same extent: lower ranks enclose higher ones
RANK = {"boilerplate": 0, "claim": 1, "date": 2, "quantity": 3, "mention": 4}


@dataclass(frozen=True)
class Highlight:
    """One span to mark in a document's text: absolute offsets, the element to draw, its tooltip."""

    start: int
    end: int
    layer: str
    span_id: str
    css: str
    tip: str
    tag: str = "mark"
    focusable: bool = True


def _open_tag(h: Highlight, first: bool) -> str:
    """The start tag of one fragment: the first carries the id and the tab stop."""
    attrs = [f'class="{esc(h.css)}"', f'data-span="{esc(h.span_id)}"']
    if first:
        attrs.insert(0, f'id="{esc(h.span_id)}"')
        if h.focusable:
            attrs.append('tabindex="0"')
    else:
        attrs.append('data-part="more"')
    if h.tip:
        attrs.append(f'title="{esc(h.tip)}"')
    return f"<{h.tag} {' '.join(attrs)}>"


def render_marked_text(text: str, base: int, highlights: Iterable[Highlight]) -> str:
    """Escape ``text`` (which starts at source offset ``base``) with every highlight as nested elements.

    Spans are opened in (start, longest first, layer rank) order; one that would cross
    the end of the innermost open span is split there and its remainder queued again,
    so the markup always nests. Highlights reaching outside the text are clipped to it.
    """
    limit = base + len(text)
    marks = [h for h in highlights if h.end >= base and h.start <= limit and h.end >= h.start]
    queue = [(max(h.start, base), -min(h.end, limit), RANK.get(h.layer, 9), i, 0) for i, h in enumerate(marks)]
    heapq.heapify(queue)
    out: list[str] = []
    stack: list[tuple[int, Highlight]] = []
    cursor = base

    def advance(to: int) -> None:
        nonlocal cursor
        if to > cursor:
            out.append(esc(text[cursor - base:to - base]))
            cursor = to

    while queue:
        start, neg_end, rank, index, part = heapq.heappop(queue)
        end, mark = -neg_end, marks[index]
        while stack and stack[-1][0] <= start:
            advance(stack[-1][0])
            out.append(f"</{stack.pop()[1].tag}>")
        if stack and end > stack[-1][0]:
            # crossing: keep the part inside the enclosing span, queue the rest after it
            split = stack[-1][0]
            heapq.heappush(queue, (split, -end, rank, index, part + 1))
            end = split
        advance(start)
        out.append(_open_tag(mark, part == 0))
        stack.append((end, mark))
    while stack:
        advance(stack[-1][0])
        out.append(f"</{stack.pop()[1].tag}>")
    advance(limit)
    return "".join(out)
