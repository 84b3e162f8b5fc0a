"""The Python API: run the whole pipeline over texts in memory and get the tables back, as ``load`` gives them.

Example::

    from pipeline import extract
    t = extract(["The EU agreed €150bn on 19 May 2025."], published="2025-05-20")
    t.quantities[["text", "value", "unit"]]
"""
from __future__ import annotations

import csv
import datetime as dt
import re
import tempfile
from collections.abc import Mapping, Sequence
from pathlib import Path

import pandas as pd

_SAFE_NAME = re.compile(r"[^A-Za-z0-9._-]+")


class ExtractInputError(ValueError):
    """The texts given to ``extract`` cannot be read as a corpus ([E017])."""


def extract(texts, *, published=None, config: str | Path | None = None, nlp=None):
    """Run every stage over ``texts`` and return the tables (a ``pipeline.Tables``).

    ``texts`` is a string, a list of strings, a mapping of ID to text, or a DataFrame
    with a ``text`` column (and optional ``id``, ``published``, ``title``, ``url``).
    Each text becomes one source named ``<id>.txt`` (the list position, 1-based, for a
    list); its publication date is ``published`` (one date for all, or a column of the
    DataFrame), the anchor of relative dates. ``config`` is a configuration file
    (default: the package's ``configs/pipeline.toml``); ``nlp`` a loaded model to reuse.

    The run's folder lives as long as the returned tables, so ``show`` can quote the
    texts; nothing is written elsewhere.
    """
    from pipeline.run.config import load_config
    from pipeline.run.runner import ErrorLog, Workspace, run_pipeline
    from pipeline.tools.load import load

    records = _records(texts, published)
    folder = tempfile.TemporaryDirectory(prefix="pipeline-extract-")
    base = Path(folder.name)
    raw = base / "raw"
    raw.mkdir()
    with open(raw / "sources.csv", "w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(["source", "published", "title", "url"])
        for name, text, date, title, url in records:
            (raw / name).write_text(text, encoding="utf-8")
            writer.writerow([name, date or "", title or "", url or ""])
    ws = Workspace(raw_dir=raw, interim_dir=base / "interim", out_dir=base / "outputs", config=load_config(config),
                   errors=ErrorLog())
    run_pipeline(ws, nlp=nlp)
    tables = load(ws.out_dir)
    tables.workdir = folder  # removed with the tables
    tables.nlp = nlp  # ``tables.doc`` reuses the caller's model rather than loading one
    return tables


def _records(texts, published) -> list[tuple[str, str, str | None, str | None, str | None]]:
    """(source name, text, published, title, url) for each text, in the order given."""
    if isinstance(texts, str):
        texts = [texts]
    if isinstance(texts, pd.DataFrame):
        if "text" not in texts.columns:
            raise ExtractInputError("[E017] the DataFrame has no 'text' column; name the column of texts 'text'")
        ids = texts["id"].tolist() if "id" in texts.columns else range(1, len(texts) + 1)
        column = lambda name: texts[name].tolist() if name in texts.columns else [None] * len(texts)  # noqa: E731
        dates = column("published") if "published" in texts.columns else [published] * len(texts)
        rows = zip(ids, texts["text"].tolist(), dates, column("title"), column("url"))
    elif isinstance(texts, Mapping):
        rows = ((key, text, published, None, None) for key, text in texts.items())
    elif isinstance(texts, Sequence):
        rows = ((i, text, published, None, None) for i, text in enumerate(texts, 1))
    else:
        raise ExtractInputError(f"[E017] extract() takes a string, a list, a mapping or a DataFrame, "
                                f"not {type(texts).__name__}")
    records, seen = [], set()
    for key, text, date, title, url in rows:
        if not isinstance(text, str):
            raise ExtractInputError(f"[E017] text {key!r} is {type(text).__name__}, not a string")
        name = _SAFE_NAME.sub("_", str(key)).strip("._") or "text"
        while f"{name}.txt" in seen:
            name += "_"
        seen.add(f"{name}.txt")
        records.append((f"{name}.txt", text, _iso(date), _present(title), _present(url)))
    return records


def _iso(value) -> str | None:
    if value is None or (isinstance(value, float) and value != value) or value is pd.NaT:
        return None
    if isinstance(value, (dt.date, pd.Timestamp)):
        return value.strftime("%Y-%m-%d")
    return str(value)


def _present(value) -> str | None:
    return None if value is None or (isinstance(value, float) and value != value) else str(value)
