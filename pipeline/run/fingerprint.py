"""What a shard was built from: each per-source stage's code, the configuration and the model, as one key."""
from __future__ import annotations

import hashlib
from collections.abc import Iterable
from pathlib import Path

from pipeline import __version__
from pipeline.run.config import Config


PACKAGE_DIR = Path(__file__).resolve().parents[1]

#: per-source stages in order, each with the modules or folders (under pipeline/) whose code decides its output
SOURCE_STAGES: dict[str, tuple[str, ...]] = {
    "segment": ("stages/segment", "run/sources", "run/extract", "core"),
    "nlp": ("stages/nlp", "stages/entities"),
    "dates": ("stages/dates",),
    "quantities": ("stages/quantities",),
    # the entities stage uses reconciliation's surface forms and gazetteer only; the grouping runs corpus-wide
    "mentions": ("stages/entities", "stages/reconcile/names"),
    "claim_drafts": ("stages/claims",),
}
GLOBAL_STAGES = ("reconcile", "claims", "publish")


def code_files(name: str) -> list[Path]:
    """The Python files of the module or package ``name`` (a path under pipeline/ without ``.py``)."""
    folder = PACKAGE_DIR / name
    if folder.is_dir():
        return sorted(folder.rglob("*.py"))
    module = folder.with_suffix(".py")
    return [module] if module.exists() else []


def code_digest(names: Iterable[str]) -> str:
    digest = hashlib.sha256()
    for name in names:
        for path in code_files(name):
            digest.update(path.relative_to(PACKAGE_DIR).as_posix().encode())
            digest.update(path.read_bytes())
    return digest.hexdigest()


def stage_keys(config: Config, model_version: str) -> dict[str, str]:
    """One key per per-source stage: its code, the configuration and every upstream stage's key."""
    keys: dict[str, str] = {}
    upstream = hashlib.sha256(f"{__version__}|{config.digest}|{model_version}".encode()).hexdigest()
    for stage, files in SOURCE_STAGES.items():
        upstream = hashlib.sha256(f"{upstream}|{stage}|{code_digest(files)}".encode()).hexdigest()
        keys[stage] = upstream
    return keys


def model_version(model_name: str) -> str:
    """``name-version`` of the installed model package (the name alone when it has no metadata)."""
    from importlib.metadata import PackageNotFoundError, version

    try:
        return f"{model_name}-{version(model_name)}"
    except PackageNotFoundError:
        return model_name
