"""Row signals: evidence read off a finished claim row (its kind, the entities its span names), priced in [confidence]."""
from __future__ import annotations

#: the claim kind of a row that states no quantity, only a date or time ("The talks ended on Tuesday")
DATED_KIND = "event_date"


def row_signals(*, kind: str | None, entity_ids: list[str]) -> list[str]:
    """The evidence names of a resolved claim row's own shape (README, "Claims and their evidence").

    ``date_only``: the row states no quantity, only a date or time (kind ``event_date``): which of a
    sentence's events the date places, and who did it, is a guess more often than a figure's owner is.
    ``several_names``: the row's span names two or more corpus entities, any of which may be the subject.
    Both were found by the calibration (pipeline/tools/calibrate.py) among the dev rows that carried no
    other weaker evidence.
    """
    signals = []
    if kind == DATED_KIND:
        signals.append("date_only")
    if len(entity_ids) >= 2:
        signals.append("several_names")
    return signals
