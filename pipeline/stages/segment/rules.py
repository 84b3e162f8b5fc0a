"""The configured boilerplate rules: which rule, if any, a short piece of text matches as a whole."""
from __future__ import annotations

from pipeline.stages.segment.config import SegmentConfig
from pipeline.stages.segment.text import collapse


def rule_reason(cfg: SegmentConfig, piece: str) -> str | None:
    """The reason of the first boilerplate rule matching the whole of ``piece``."""
    if len(piece) > 4 * cfg.rules_max_chars:
        return None  # boilerplate is short; do not even collapse a long paragraph
    collapsed = collapse(piece)
    if not collapsed or len(collapsed) > cfg.rules_max_chars:
        return None
    m = cfg.rules.fullmatch(collapsed)
    return cfg.rule_reasons[m.lastgroup] if m else None
