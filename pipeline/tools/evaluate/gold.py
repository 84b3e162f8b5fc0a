"""Gold records: what one gold file says about its source, and the error a bad file raises."""
from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any


class EvalError(ValueError):
    """A gold file cannot be read or does not fit its source text (E091-E095)."""


@dataclass(frozen=True)
class Region:
    """The part of a source a gold file annotates: offsets ``[start, end)`` from 1-based lines."""

    first_line: int
    last_line: int | None
    start: int
    end: int

    def contains(self, offset: int) -> bool:
        return self.start <= offset < self.end


@dataclass(frozen=True)
class GoldSpan:
    """One located gold span: absolute offsets in the source, its text and its gold record."""

    start: int
    end: int
    text: str
    record: Mapping[str, Any]
    line: int


@dataclass(frozen=True)
class GoldEntity:
    """One gold entity: canonical name, label and surface aliases (no offsets)."""

    canonical: str
    label: str
    aliases: tuple[str, ...]
    line: int


@dataclass(frozen=True)
class GoldClaim:
    """One key claim with its located quantity and date spans (None when the gold leaves them empty)."""

    span: GoldSpan
    subject: str
    quantity: GoldSpan | None
    date: GoldSpan | None


@dataclass
class GoldFile:
    """Everything one gold file says about its source."""

    name: str
    source: str
    text: str
    region: Region
    dates: list[GoldSpan] = field(default_factory=list)
    quantities: list[GoldSpan] = field(default_factory=list)
    entities: list[GoldEntity] = field(default_factory=list)
    claims: list[GoldClaim] = field(default_factory=list)
    docs: list[GoldSpan] = field(default_factory=list)
    articles: list[GoldSpan] = field(default_factory=list)


@dataclass
class GoldSet:
    """All gold files of a folder, with the warnings raised while reading them."""

    files: list[GoldFile]
    warnings: list[str] = field(default_factory=list)
