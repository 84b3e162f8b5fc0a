"""The entity dev sets (tests/entities_news/dev2 ... dev14) hold their floors (tests/entities_news/floors.toml).

Rules are written from these sets, so a rule that breaks another set's names shows here first; the blind benchmarks
(tests/entities_bench*) are never held to figures by a test (their README.md).
"""
from __future__ import annotations

import tomllib
from pathlib import Path

import pytest

NEWS = Path(__file__).parent / "entities_news"
FLOORS = tomllib.loads((NEWS / "floors.toml").read_text(encoding="utf-8"))


def test_every_dev_set_has_floors_and_every_floor_a_dev_set():
    sets = {p.name for p in NEWS.iterdir() if (p / "gold.tsv").is_file() and (p / "excerpts").is_dir()}
    assert set(FLOORS) == sets
    assert all(set(floors) == {"f1", "label_accuracy", "alias_f1", "label_f1"} for floors in FLOORS.values())


@pytest.mark.parametrize("name", sorted(FLOORS))
def test_the_dev_set_holds_its_floors(name):
    from pipeline.tools.evaluate.entities_bench import run

    figures = run(NEWS / name / "excerpts", NEWS / name / "gold.tsv")
    below = {key: (figures[key], floor) for key, floor in FLOORS[name].items() if figures[key] < floor}
    assert not below, f"{name}: figure below its floor: {below}"
