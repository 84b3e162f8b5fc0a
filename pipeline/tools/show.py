"""What ``Tables.show`` returns: spans in their source context, plain ``[[ ]]`` in print and ``<mark>`` in a notebook."""
from __future__ import annotations

import html
from collections.abc import Callable, Mapping
from dataclasses import dataclass

import pandas as pd

from pipeline.core.schema import CONTRACT_TABLES, ID_COLUMN


class ShowError(LookupError):
    """``show`` was given an ID no table holds, or a row that names no span ([E061])."""

    def __str__(self) -> str:  # KeyError-style quoting would hide the message's one line
        return str(self.args[0])


@dataclass(frozen=True)
class Snippet:
    """One span with ``width`` characters of context either side, and what it is (``quantities q_1a2b``)."""

    label: str
    before: str
    span: str
    after: str

    def plain(self) -> str:
        return f"{self.before}[[{self.span}]]{self.after}"

    def html(self) -> str:
        return (f'<div style="margin:.3em 0"><small style="color:#666">{html.escape(self.label)}</small><br>'
                f'<span style="white-space:pre-wrap">{html.escape(self.before)}<mark>{html.escape(self.span)}'
                f"</mark>{html.escape(self.after)}</span></div>")


class Shown:
    """Spans in context: ``print`` gives one ``before[[span]]after`` line each, Jupyter highlights them."""

    def __init__(self, snippets: list[Snippet]) -> None:
        self.snippets = snippets

    def __str__(self) -> str:
        return "\n".join(s.plain() for s in self.snippets)

    __repr__ = __str__

    def __len__(self) -> int:
        return len(self.snippets)

    def _repr_html_(self) -> str:
        return "".join(s.html() for s in self.snippets)


#: the tables whose rows ``show`` can find by ID, each with its ID column
SHOWN_IDS = {name: ID_COLUMN[name] for name in CONTRACT_TABLES if name != "texts"}


def id_index(frames: Mapping[str, pd.DataFrame]) -> dict[str, tuple[str, int]]:
    """Every ID of every table, to (table, row position): built once, on the first ``show`` of an ID."""
    index: dict[str, tuple[str, int]] = {}
    for name, column in SHOWN_IDS.items():
        frame = frames.get(name)
        if frame is not None and column in frame.columns:
            index.update((value, (name, position)) for position, value in enumerate(frame[column].tolist()))
    return index


def as_row(item) -> Mapping | None:
    """A row given as a Series, a mapping or an ``itertuples`` tuple, as a mapping; None otherwise."""
    if isinstance(item, pd.Series):
        return item.to_dict()
    if isinstance(item, Mapping):
        return item
    if hasattr(item, "_asdict"):
        return item._asdict()
    return None


def snippet(text: str, row: Mapping, *, width: int) -> Snippet:
    """``row``'s span in ``text`` with ``width`` characters either side."""
    start, end = int(row["start"]), int(row["end"])
    return Snippet(label=row_label(row), before=text[max(0, start - width):start], span=text[start:end],
                   after=text[end:end + width])


def row_label(row: Mapping) -> str:
    """The row's table and ID, as far as its columns tell (``claims c_1a2b``)."""
    # most specific first: a mention row also carries entity_id, sentence_id and doc_id
    for name, column in reversed(SHOWN_IDS.items()):
        if column in row:
            return f"{name} {row[column]} in {row.get('source', '?')}"
    return str(row.get("source", ""))


def snippets_for(item, *, frames: Mapping[str, pd.DataFrame], source_text: Callable[[str], str], width: int,
                 lookup: Callable[[], dict[str, tuple[str, int]]]) -> list[Snippet]:
    """The snippets ``show(item)`` displays: one per span row, every mention for an entity, each row of a frame."""
    if isinstance(item, pd.DataFrame):
        return [s for _, row in item.iterrows()
                for s in snippets_for(row, frames=frames, source_text=source_text, width=width, lookup=lookup)]
    if isinstance(item, str):
        found = lookup().get(item)
        if found is None:
            raise ShowError(f"[E061] no table holds the ID {item!r}; pass a claim_id, date_id, quantity_id, "
                            "mention_id, entity_id, sentence_id or doc_id of these tables, or a row")
        name, position = found
        item = frames[name].iloc[position]
    row = as_row(item)
    if row is None:
        raise ShowError(f"[E061] show() takes a row (Series, dict or itertuples row), a DataFrame or an ID, "
                        f"not {type(item).__name__}")
    if {"source", "start", "end"} <= set(row):
        return [snippet(source_text(row["source"]), row, width=width)]
    if "entity_id" in row:  # an entity row: where the text names it
        mentions = frames["mentions"]
        return [snippet(source_text(m["source"]), m, width=width)
                for _, m in mentions[mentions["entity_id"] == row["entity_id"]].iterrows()]
    raise ShowError(f"[E061] the row has no source, start and end and no entity_id (columns: "
                    f"{', '.join(map(str, row))}); pass a row of documents, sentences, entities, mentions, dates, "
                    "quantities or claims")
