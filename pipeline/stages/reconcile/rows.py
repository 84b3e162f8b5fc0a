"""The rows reconciliation works on: one slim record per candidate, and its forms and target as rules settle them."""
from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from pipeline.stages.reconcile.names import GazetteerEntry, PersonName


#: the candidate columns reconciliation reads, besides the row's position in the sorted frame
RECORD_COLUMNS = ("source", "doc_id", "start", "end", "text", "label", "canonical_hint", "kb_id", "evidence")
#: of those, the ones a corpus repeats: one shared Python object per distinct value
REPEATED_COLUMNS = frozenset({"source", "doc_id", "label", "canonical_hint", "kb_id", "evidence"})


class Record:
    """One candidate row: slots with dict-style reads, only the columns reconciliation reads.

    A dict per row, or every column as its own string, costs several times the memory;
    at 2,000,000 words (198,000 candidates) the slim records take a third of the full ones.
    """

    __slots__ = ("position", *RECORD_COLUMNS)

    def __init__(self, position: int, values) -> None:
        self.position = position
        for name, value in zip(RECORD_COLUMNS, values):
            setattr(self, name, value)

    def __getitem__(self, key: str):
        return getattr(self, key)

    def get(self, key: str, default=None):
        return getattr(self, key, default)


def column_values(column: pd.Series, *, shared: bool) -> list:
    """A column as a list of Python values, missing ones as None; ``shared``: one object per distinct value."""
    if not shared:
        return [None if pd.isna(v) else v for v in column.tolist()] if column.hasnans else column.tolist()
    codes, uniques = pd.factorize(column, use_na_sentinel=True)
    values = [*uniques.tolist(), None]  # code -1 (missing) picks the None at the end
    return [values[code] for code in codes.tolist()]


@dataclass(slots=True)
class Row:
    record: Record
    surface: str
    key: str
    label: str
    gaz: GazetteerEntry | None
    person: PersonName | None = None
    target: tuple[str, str] | None = None
    #: the label this row votes for when it was linked by a rule ("PERSON" for a surname)
    vote: str | None = None
    #: a state or nationality opens the name the row was linked to without it ("US Federal Reserve")
    placed: bool = False
    #: the rule that joined the row to a name it does not write itself (``mentions.link``), None for its own form
    link: str | None = None


def ref(row: Row) -> tuple:
    """What ``own_target`` of a row depends on: its person, else its gazetteer entry, else its key."""
    if row.person:
        return ("person", (row.person.first, row.person.surname))
    if row.gaz:
        return ("gaz", row.gaz.name)
    return ("key", row.key)
