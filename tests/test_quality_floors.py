"""Quality floors: the seeds' extractions scored against the committed gold never fall below tests/floors.toml."""
from __future__ import annotations

import pytest

from pipeline.tools.evaluate import check_floors

from .conftest import GOLD, ROOT

FLOORS = ROOT / "tests" / "floors.toml"


@pytest.fixture(scope="module")
def metrics(seed_run):
    from pipeline.tools.evaluate import evaluate, flat_metrics, load_gold

    _, _, tables, texts = seed_run
    return flat_metrics(evaluate(load_gold(GOLD, texts), dict(tables)))


def test_every_metric_is_at_or_above_its_floor(metrics):
    failures = check_floors(metrics, FLOORS)
    assert not failures, "metrics below their floors (tests/floors.toml):\n" + "\n".join(failures)


def test_a_metric_below_its_floor_is_reported(metrics, tmp_path):
    floors = tmp_path / "floors.toml"
    floors.write_text("[dates]\nstrict_f1 = 1.01\n[nope]\nmissing = 0.5\n")
    failures = check_floors(metrics, floors)
    assert any(line.startswith("dates.strict_f1:") for line in failures)
    assert any(line.startswith("nope.missing: not computed") for line in failures)


def test_the_floors_file_names_only_computed_metrics(metrics):
    import tomllib

    floors = tomllib.loads(FLOORS.read_text())
    names = {f"{table}.{metric}" for table, values in floors.items() for metric in values}
    assert names <= set(metrics), names - set(metrics)
    assert len(names) >= 15
