"""Shared fixtures: the spaCy model loaded once, and one pipeline run over the seeds."""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
RAW = ROOT / "raw"
GOLD = ROOT / "tests" / "gold"


def run_stage_by_stage(ws, out_base: Path):
    """The Makefile's per-stage path (segment ... publish) over ``ws``'s inputs, into folders under ``out_base``."""
    from pipeline.run import steps
    from pipeline.run.workspace import ErrorLog, Workspace

    staged = Workspace(raw_dir=ws.raw_dir, interim_dir=out_base / "interim", out_dir=out_base / "out",
                       config=ws.config, errors=ErrorLog())
    for step in (steps.stage_segment, steps.stage_nlp, steps.stage_dates, steps.stage_quantities,
                 steps.stage_mentions, steps.stage_reconcile, steps.stage_claims, steps.stage_publish):
        step(staged)
    return staged


@pytest.fixture(scope="session")
def config():
    from pipeline.run.config import load_config

    return load_config()


@pytest.fixture(scope="session")
def nlp(config):
    """The configured model with the gazetteer ruler, loaded once per test session."""
    from pipeline.stages.nlp import load_pipeline
    from pipeline.run.extract import entity_lexicon

    return load_pipeline(config.model_name, entity_lexicon=entity_lexicon(config))


@pytest.fixture(scope="session")
def seed_run(tmp_path_factory, config, nlp):
    """One full run over a copy of raw/: (workspace, manifest, tables, source texts)."""
    from pipeline import load
    from pipeline.run.runner import ErrorLog, Workspace, run_pipeline
    from pipeline.run.sources import decode_bytes

    base = tmp_path_factory.mktemp("seed_run")
    raw = base / "raw"
    shutil.copytree(RAW, raw)
    ws = Workspace(raw_dir=raw, interim_dir=base / "interim", out_dir=base / "outputs", config=config,
                   errors=ErrorLog())
    manifest = run_pipeline(ws, nlp=nlp)
    tables = load(ws.out_dir)
    texts = {p.name: decode_bytes(p.read_bytes(), source=p.name)[0] for p in raw.glob("*.txt")}
    return ws, manifest, tables, texts
