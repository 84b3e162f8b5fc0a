"""The confidence calibration (pipeline/tools/calibrate.py) on tiny synthetic judged rows, and the config it writes."""
from __future__ import annotations

import pytest

from pipeline.stages.claims.confidence import HIGH_CONFIDENCE
from pipeline.stages.claims.row_signals import row_signals
from pipeline.stages.claims.rules import compile_rules
from pipeline.tools import calibrate as C


def _rows(half: str, evidence: tuple[str, ...], right: int, wrong: int) -> list[C.Row]:
    return [C.Row(half, f"{half}.txt", evidence, True) for _ in range(right)] + \
           [C.Row(half, f"{half}.txt", evidence, False) for _ in range(wrong)]


def _sample() -> list[C.Row]:
    rows = []
    for half in ("dev", "dev2", "dev3"):
        rows += _rows(half, ("subject.name",), 18, 1)              # plain rows: 95% right
        rows += _rows(half, ("subject.name", "risky"), 2, 4)       # a class right on a third of its rows
        rows += _rows(half, ("subject.name", "harmless"), 6, 0)    # a class no worse than the rest
    return rows


def test_a_class_worse_than_the_rest_is_priced_and_a_harmless_one_costs_nothing():
    penalties = C.fit(_sample(), {}, scale=2.5, prior=4.0)
    assert penalties["risky"] >= 0.5
    assert penalties["harmless"] == 0.0
    assert penalties["subject.name"] == 0.0


def test_a_class_on_few_rows_keeps_its_hand_set_penalty():
    rows = _sample() + _rows("dev", ("subject.name", "rare"), 0, 2)
    assert C.fit(rows, {"rare": 0.1}, scale=2.5, prior=4.0)["rare"] == 0.1
    assert C.fit(rows, {"rare": 0.1}, scale=2.5, prior=4.0, min_rows=2)["rare"] > 0.1


def test_smoothing_pulls_a_small_class_toward_the_overall_precision():
    assert C.derived_penalty(5, 0, 100, 80, scale=2.5, prior=8.0) < C.derived_penalty(5, 0, 100, 80, scale=2.5,
                                                                                      prior=1.0)
    assert C.derived_penalty(5, 0, 100, 80, scale=9.0, prior=0.0) == 1.0  # the config takes 0 to 1


def test_leave_one_half_out_scores_each_half_with_penalties_fitted_on_the_others():
    rows = _sample()
    curve = C.leave_one_half_out(rows, {}, scale=2.5, prior=4.0, thresholds=(0.75,))
    assert set(curve[0.75]) == {"dev", "dev2", "dev3"}
    # the risky rows fall below the line in every left-out half: 25 high rows per half (19 plain, 6 harmless), 24 right
    assert C.pooled(curve[0.75]) == (75, 72)
    # a class seen in one half only cannot be fitted when that half is left out: it keeps its hand-set penalty
    lone = rows + _rows("dev3", ("subject.name", "lone"), 0, 6)
    curve = C.leave_one_half_out(lone, {"lone": 0.0}, scale=2.5, prior=4.0, thresholds=(0.75,))
    assert curve[0.75]["dev3"] == (31, 24)


def test_choose_keeps_the_most_rows_at_the_target_precision():
    curves = {(2.0, 4.0): {0.75: {"dev": (100, 90)}}, (3.0, 4.0): {0.75: {"dev": (80, 76)}},
              (4.0, 4.0): {0.75: {"dev": (60, 58)}}}
    assert C.choose(curves, 0.75) == (3.0, 4.0)
    assert C.choose(curves, 0.75, target=0.99) is None


def test_only_dev_halves_are_calibrated():
    assert C.DEV_HALVES and all(half.startswith("dev") for half in C.DEV_HALVES)
    assert HIGH_CONFIDENCE in C.THRESHOLDS


def test_the_config_loads_with_every_calibrated_class_priced():
    from pipeline.run.config import load_config

    penalties = compile_rules(load_config(None).lexicon("claims")).confidence
    assert all(0.0 <= value <= 1.0 for value in penalties.values())
    for name in ("date_only", "several_names", "value_below", "subject.pronoun"):
        assert penalties[name] > 0.0, name
    assert penalties["subject.name"] == penalties["subject.phrase"] == 0.0


@pytest.mark.parametrize("kind, entity_ids, expected", [
    ("event_date", ["E1"], ["date_only"]),                       # "The talks ended on Tuesday"
    ("event_date", ["E1", "E2"], ["date_only", "several_names"]),
    ("share", ["E1", "E2", "E3"], ["several_names"]),            # "Nvidia rose 3% as AMD and Intel fell"
    ("share", ["E1"], []),                                       # "Nvidia rose 3%"
    ("duration", [], []),                                        # a time with a count is not a date only
    ("amount", ["E1", "E1"][:1], []),
])
def test_row_signals_name_the_row_shape(kind, entity_ids, expected):
    assert row_signals(kind=kind, entity_ids=entity_ids) == expected
