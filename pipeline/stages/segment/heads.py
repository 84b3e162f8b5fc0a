"""An article's head: its headline, repeats of it, and the date of its date line or dateline."""
from __future__ import annotations

import datetime as dt

from pipeline.stages.segment.config import SegmentConfig
from pipeline.stages.segment.paragraphs import Block
from pipeline.stages.segment.text import BLANK_RUN, collapse


def parse_date_line(cfg: SegmentConfig, piece: str) -> tuple[dt.date, str] | None:
    """The first calendar date with a year in ``piece`` and its precision ("day" or "month")."""
    for m in cfg.date.finditer(piece):
        g = m.groupdict()
        try:
            if g["y1"]:
                return dt.date(int(g["y1"]), cfg.months[g["m1"].lower()], int(g["d1"])), "day"
            if g["y2"]:
                return dt.date(int(g["y2"]), cfg.months[g["m2"].lower()], int(g["d2"])), "day"
            if g["y3"]:
                return dt.date(int(g["y3"]), int(g["m3"]), int(g["d3"])), "day"
            return dt.date(int(g["y4"]), cfg.months[g["m4"].lower()], 1), "month"
        except ValueError:
            continue  # "February 30, 2026": not a date
    return None


def _head(cfg: SegmentConfig, blocks: list[Block]) -> list[Block]:
    """The blocks before an article's body: title, date line, byline and other head chrome."""
    head = []
    for block in blocks:
        if block.heading or (block.boilerplate and set(block.reasons) <= cfg.head_reasons | {"repeated_title"}):
            head.append(block)
            continue
        break
    return head


def title_and_date(cfg: SegmentConfig, text: str, blocks: list[Block]) -> tuple[str | None, tuple | None]:
    """The headline of an article (marking repeats of it) and the date of its date line or dateline."""
    head = _head(cfg, blocks)
    title, title_block, found = None, None, None
    for block in head:
        piece = text[block.start:block.end]
        if block.boilerplate:
            if found is None and "dateline_date" in block.reasons:
                found = parse_date_line(cfg, collapse(piece))
            continue
        collapsed = collapse(piece)
        if title is None and len(BLANK_RUN.split(collapsed)) >= 2:
            title, title_block = collapsed, block
        elif title is not None and title.lower().startswith(collapsed.lower()):
            block.reasons = ["repeated_title"] * len(block.reasons)
    body = blocks[len(head)] if len(head) < len(blocks) else None
    if found is None and body is not None and body.dateline:
        # "WASHINGTON, March 3, 2025 (Reuters) -": a date inside the dateline itself
        opening = collapse(text[body.start:min(body.end, body.start + 120)])
        m = cfg.dateline.match(opening)
        if m:
            found = parse_date_line(cfg, opening[:m.end() - 1])
    if title_block is not None and title_block is blocks[-1]:
        title = None  # a lone line is not the headline of anything
    return title, found
