"""The spaCy ``Doc`` of one article: the run's serialized Doc from the interim folder, else the model run once more."""
from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path

import pandas as pd


class DocError(LookupError):
    """``Tables.doc`` was given something that names no single article ([E062])."""

    def __str__(self) -> str:
        return str(self.args[0])


def article_row(documents: pd.DataFrame, key) -> pd.Series:
    """The ``documents`` row of ``key``: a doc_id, a source holding one article, or a row with ``doc_id``."""
    if isinstance(key, pd.Series):
        key = key.to_dict()
    if isinstance(key, Mapping):
        key = key.get("doc_id") or key.get("source")
    hits = documents[documents["doc_id"] == key]
    if not len(hits):
        hits = documents[documents["source"] == key]
    if len(hits) == 1:
        return hits.iloc[0]
    if not len(hits):
        raise DocError(f"[E062] no article has the doc_id or source {key!r}; pass a doc_id of the documents table, "
                       "or a row of any span table")
    raise DocError(f"[E062] {key!r} holds {len(hits)} articles ({', '.join(hits['doc_id'])}); "
                   "pass one of their doc_ids, or a row of any span table")


def cached_doc(interim_dir: Path | None, documents: pd.DataFrame, row: pd.Series, text: str):
    """The article's Doc from the run's interim DocBin, or None when it is missing or no longer matches the text."""
    if interim_dir is None:
        return None
    import spacy

    from pipeline.run.workspace import shard_path
    from pipeline.stages.nlp import docs_from_bytes, view_text

    path = shard_path(Path(interim_dir), "nlp", row["source"], "spacy")
    if not path.is_file():
        return None
    articles = documents[documents["source"] == row["source"]].sort_values("start")
    try:
        docs = list(docs_from_bytes(path.read_bytes(), spacy.blank("en").vocab))
    except (OSError, ValueError):
        return None
    # a later run over another version of the source rewrote the shard, or a long article went
    # through the model in windows (one Doc each): then the article's own Doc is not stored
    if len(docs) != len(articles):
        return None
    doc = docs[list(articles["doc_id"]).index(row["doc_id"])]
    # the same check the length-preserving view allows: the Doc's text is the article's, whitespace shown as spaces
    return doc if doc.text == view_text(text[int(row["start"]):int(row["end"])]) else None


def fresh_doc(nlp, config, documents_row: pd.Series, sentences: pd.DataFrame, text: str):
    """Run the model over the article once, with the segmenter's sentence starts preset, as the run did."""
    from pipeline.core.article import Article, Sentence
    from pipeline.stages.nlp import annotate

    mine = sentences[sentences["doc_id"] == documents_row["doc_id"]].sort_values("start")
    start, end = int(documents_row["start"]), int(documents_row["end"])
    article = Article(
        doc_id=documents_row["doc_id"], source=documents_row["source"], start=start, end=end, text=text[start:end],
        published=None, published_precision=None,
        sentences=tuple(Sentence(s.sentence_id, int(s.start), int(s.end), int(s.paragraph), bool(s.boilerplate))
                        for s in mine.itertuples()))
    model = config.settings["model"]
    return next(iter(annotate(nlp, [article], batch_size=model["batch_size"], batch_chars=model["window_chars"])))


def load_model(config_path: str | None):
    """The run's configuration (its file when it still exists, else the package's) and its model with the ruler."""
    from pipeline.run.config import load_config
    from pipeline.run.extract import entity_lexicon
    from pipeline.stages.nlp import load_pipeline

    config = load_config(config_path if config_path and Path(config_path).is_file() else None)
    return config, load_pipeline(config.model_name, entity_lexicon=entity_lexicon(config))


def label(doc, row: pd.Series):
    """Say on the Doc which article it is: its offsets count from ``user_data['start']`` in the source."""
    doc.user_data.update({"doc_id": row["doc_id"], "source": row["source"], "start": int(row["start"])})
    return doc
