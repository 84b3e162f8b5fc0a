"""A news title is not its media group (entity round 45, issue 18): "Telegraph" and "The Telegraph Media Group".

Link ``name_tail`` joins a company's short name to the article's one longer ORG name it opens when
every added word is a sector or legal word ("Nexstar" and "Nexstar Media Group", "Flagstar" and
"Flagstar Bank"). A news title is the exception: the article that writes "The Telegraph" and "The
Telegraph Media Group" names the paper and the group that publishes it (and sells it, and owns other
titles beside it), two actors. A title is a name ending in one of ``title_words`` (entities.toml, the
news-outlet words of ``org_suffixes``: "Telegraph", "Times", "Post", ...); its publisher adds "Media"
("Media Group", "Media"). Any other tail keeps the join: "Post" is the article's "Post Holdings" (the
cereal maker, NYSE:POST), "Nexstar" its "Nexstar Media Group" (no title). The refused short name records
the reason as its ``link``, ``title_publisher``, and neither ``name_tail`` nor ``short_name`` (the title written
after its group) joins them.
"""
from __future__ import annotations

from collections.abc import Callable

from pipeline.stages.reconcile.rows import Row

#: the ``link`` a title keeps when its join to its publisher is refused
REFUSED = "title_publisher"


def title_words(cfg: dict) -> frozenset[str]:
    """Case-folded ``title_words`` of entities.toml; each must be an ``org_suffixes`` word.

    Raises ValueError (E220) for a title word that ``org_suffixes`` does not list: the outlet words have one home.
    """
    suffixes = set(cfg.get("org_suffixes", []))
    words = list(cfg.get("title_words", []))
    stray = [w for w in words if w not in suffixes]
    if stray:
        raise ValueError(f"[E220] title_words {stray} are not org_suffixes of entities.toml")
    return frozenset(w.casefold() for w in words)


def publisher_of_title(row: Row, long_row: Row, titles: frozenset[str]) -> bool:
    """Whether ``long_row`` is the media group of the news title ``row`` (the short name it opens, "Media" added)."""
    short = [w.rstrip(".") for w in row.key.split(" ")]
    if short[0] == "the":
        short = short[1:]
    if not short or short[-1] not in titles:
        return False
    words = [w.rstrip(".") for w in long_row.key.split(" ")]
    if words[:1] == ["the"]:
        words = words[1:]
    added = words[len(short):] if words[:len(short)] == short else []
    return "media" in added


def refuse_publisher(row: Row, longer: list[Row], opts: dict, own_target: Callable[[Row], tuple]) -> bool:
    """Whether ``row`` is a news title whose media group the article names (``longer``: its names that open with
    ``row``'s first word); if so the row keeps its own name (``own_target``: neither ``name_tail`` nor ``short_name``
    nor a corpus-wide link takes it) and the reason as its ``link``."""
    if row.label != "ORG" or row.gaz is not None or row.person is not None:
        return False
    if not any(r.label == "ORG" and publisher_of_title(row, r, opts["title_words"]) for r in longer):
        return False
    row.target, row.link = own_target(row), REFUSED
    return True
