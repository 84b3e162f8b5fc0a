"""The normalisers by rule kind: the table a rule's ``kind`` in configs/dates.toml selects from."""
from __future__ import annotations

from collections.abc import Callable

from pipeline.stages.dates.calendar_dates import (
    calendar_date, calendar_range, clock, holiday, part_of_day, season, week_of_date, week_of_month,
)
from pipeline.stages.dates.context import _Context
from pipeline.stages.dates.durations import (
    a_unit, duration, duration_bare, duration_deictic, duration_long, duration_ordinal, recurrence,
)
from pipeline.stages.dates.fiscal import fiscal_part, fiscal_year
from pipeline.stages.dates.grammar import _Rule
from pipeline.stages.dates.relative import (
    ago, anaphoric, from_now, offset, period_last_year, relative, relative_day, the_period, vague_reference, weekday,
    weekend,
)
from pipeline.stages.dates.shapes import _Unit
from pipeline.stages.dates.timex import _Norm
from pipeline.stages.dates.years import century, decade, half, quarter, year, year_range, year_words

#: a normaliser reads the words ``us`` of units ``i:j`` matched by a rule; None: not a temporal expression after all
Normaliser = Callable[[_Context, list[_Unit], _Rule, int, int], _Norm | None]

NORMALISERS: dict[str, Normaliser] = {
    # the calendar and the clock
    "calendar": calendar_date,
    "week_of_month": week_of_month,
    "week_of_date": week_of_date,
    "calendar_range": calendar_range,
    "part_of_day": part_of_day,
    "holiday": holiday,
    "season": season,
    "clock": clock,
    # years and their parts
    "year": year,
    "year_period": year,
    "year_range": year_range,
    "year_words": year_words,
    "decade": decade,
    "century": century,
    "quarter": quarter,
    "half": half,
    "fiscal_year": fiscal_year,
    "fiscal_part": fiscal_part,
    # relative to the anchor
    "weekday": weekday,
    "weekend": weekend,
    "relative_day": relative_day,
    "relative": relative,
    "the_period": the_period,
    "ago": ago,
    "from_now": from_now,
    "offset": offset,
    "anaphoric": anaphoric,
    "year_earlier": anaphoric,
    "period_last_year": period_last_year,
    "ref": vague_reference,
    # spans of time and sets
    "duration": duration,
    "duration_long": duration_long,
    "duration_bare": duration_bare,
    "duration_ordinal": duration_ordinal,
    "duration_deictic": duration_deictic,
    "a_unit": a_unit,
    "set": recurrence,
}


def normalise(ctx: _Context, i: int, j: int, rule: _Rule) -> _Norm | None:
    """The normalised reading of units ``i:j`` matched by ``rule`` (None when it is no temporal expression)."""
    return NORMALISERS[rule.kind](ctx, ctx.words(i, j), rule, i, j)
