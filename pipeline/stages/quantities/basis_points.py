"""Round 73: units read only as written in lower case ("15 bp", "25 bps"), so that "2 BP executives" is no basis point."""
from __future__ import annotations

from spacy.tokens import Token


def capitalised_unit(first: Token, lower_case_only: frozenset[str]) -> bool:
    """True when the unit phrase opening with ``first`` is an abbreviation of ``lower_case_only`` (configs/quantities.toml
    [percent] lower_case_only: "bp", "bps", "bpts") written with a capital: "BP" after a number is the oil company's name
    ("2 BP executives", "BP shares"), not a basis point; finance news writes the unit "bp", "bps" ("up 3 bps at 1.31%")."""
    return first.lower_ in lower_case_only and first.text != first.lower_
