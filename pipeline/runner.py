"""Run the stages over an input folder: the I/O edge around the pure stage functions.

Per-source stages (segment, nlp, dates, quantities, mentions, claim drafts) write
one interim shard per source, so a run can stream a corpus of any size and a rerun
redoes only the sources whose bytes, configuration or stage code changed. Global
stages (reconcile, claims, publish) work from those compact shards.

Each stage is also a CLI subcommand reading the previous stage's interim files, so
the Makefile can rebuild exactly what a change made stale.
"""
from __future__ import annotations

import contextlib
import dataclasses
import datetime as dt
import fcntl
import hashlib
import itertools
import json
import os
import time
from collections import defaultdict
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from . import __version__
from .article import Article, Sentence
from .config import Config
from .schema import CONTRACT_TABLES, SCHEMA_VERSION, empty_frame, read_table, write_bytes_atomic, write_table
from .sources import DecodedSource, InputError, list_sources, read_metadata, read_source, resolve_inside, shard_name

PACKAGE_DIR = Path(__file__).resolve().parent

#: per-source stages in order, each with the modules whose code decides its output
SOURCE_STAGES: dict[str, tuple[str, ...]] = {
    "segment": ("segment.py", "sources.py", "ids.py", "article.py"),
    "nlp": ("nlp.py", "entities.py"),
    "dates": ("dates.py",),
    "quantities": ("quantities.py",),
    "mentions": ("entities.py",),
    "claim_drafts": ("claims.py",),
}
GLOBAL_STAGES = ("reconcile", "claims", "publish")


class PipelineFailure(RuntimeError):
    """Raised under --strict at the first error, or when a run cannot start at all."""


class LockBusy(RuntimeError):
    """Another run holds the output folder's lock."""


@dataclass
class ErrorLog:
    """Problems met during a run; each becomes a row of ``errors.parquet``."""

    strict: bool = False
    rows: list[dict] = field(default_factory=list)

    def add(self, *, stage: str, source: str | None, exc: BaseException, line: int | None = None) -> None:
        message = str(exc) or exc.__class__.__name__
        code = getattr(exc, "code", None) or _code_in(message) or "E099"
        self.rows.append({
            "source": source, "stage": stage, "error_class": getattr(exc, "error_class", exc.__class__.__name__),
            "code": code, "message": message, "line": line if line is not None else getattr(exc, "line", None),
        })
        if self.strict:
            raise PipelineFailure(f"{source or '-'}: {stage}: {message}") from exc

    def failed_sources(self) -> set[str]:
        return {row["source"] for row in self.rows if row["source"]}


def _code_in(message: str) -> str | None:
    if message.startswith("[E") and "]" in message[:8]:
        return message[1:message.index("]")]
    return None


@dataclass
class Workspace:
    """Where a run reads and writes: the input, interim and output folders and the configuration."""

    raw_dir: Path
    interim_dir: Path
    out_dir: Path
    config: Config
    errors: ErrorLog = field(default_factory=ErrorLog)
    timings: dict[str, float] = field(default_factory=lambda: defaultdict(float))

    def shard(self, stage: str, source: str, suffix: str = "parquet") -> Path:
        return shard_path(self.interim_dir, stage, source, suffix)

    def index_path(self, stage: str) -> Path:
        return self.interim_dir / f"{stage}.json"


# ---------------------------------------------------------------------------------------------
# fingerprints and the per-stage index (what each shard was built from)


def code_digest(files: Iterable[str]) -> str:
    digest = hashlib.sha256()
    for name in files:
        path = PACKAGE_DIR / name
        digest.update(name.encode())
        digest.update(path.read_bytes() if path.exists() else b"")
    return digest.hexdigest()


def stage_keys(config: Config, model_version: str) -> dict[str, str]:
    """One key per per-source stage: its code, the configuration and every upstream stage's key."""
    keys: dict[str, str] = {}
    upstream = hashlib.sha256(f"{__version__}|{config.digest}|{model_version}".encode()).hexdigest()
    for stage, files in SOURCE_STAGES.items():
        upstream = hashlib.sha256(f"{upstream}|{stage}|{code_digest(files)}".encode()).hexdigest()
        keys[stage] = upstream
    return keys


def read_index(path: Path) -> dict:
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {"sources": {}}


def write_index(path: Path, stage: str, entries: dict[str, dict]) -> None:
    payload = {"stage": stage, "sources": dict(sorted(entries.items()))}
    write_bytes_atomic((json.dumps(payload, indent=1, sort_keys=True) + "\n").encode(), path)


# ---------------------------------------------------------------------------------------------
# per-source work


@dataclass
class SegmentedSource:
    """One decoded source split into articles."""

    decoded: DecodedSource
    documents: list[dict]
    sentences: list[dict]

    def articles(self, anchors: dict[str, dict] | None = None) -> list[Article]:
        by_doc: dict[str, list[Sentence]] = defaultdict(list)
        for row in self.sentences:
            by_doc[row["doc_id"]].append(Sentence(row["sentence_id"], row["start"], row["end"],
                                                  row["paragraph"], bool(row["boilerplate"])))
        articles = []
        for doc in self.documents:
            published, precision = doc["published"], doc["published_precision"]
            if anchors and doc["doc_id"] in anchors:
                published = anchors[doc["doc_id"]]["published"]
                precision = anchors[doc["doc_id"]]["published_precision"]
            articles.append(Article(
                doc_id=doc["doc_id"], source=doc["source"], start=doc["start"], end=doc["end"],
                text=self.decoded.text[doc["start"]:doc["end"]], published=_as_date(published),
                published_precision=precision,
                sentences=tuple(sorted(by_doc[doc["doc_id"]], key=lambda s: s.start)),
            ))
        return articles


def _as_date(value) -> dt.date | None:
    if value is None or (isinstance(value, float) and value != value):
        return None
    if isinstance(value, pd.Timestamp):
        return value.date()
    if isinstance(value, dt.datetime):
        return value.date()
    return value


def segment_decoded(decoded: DecodedSource, *, metadata, lexicon: dict) -> SegmentedSource:
    """Split one decoded source into its article and sentence rows (pure)."""
    from .segment import segment_source

    documents, sentences = segment_source(decoded.text, source=decoded.source, lexicon=lexicon, metadata=metadata)
    for row in documents:
        row["encoding"] = decoded.encoding
        row["sha256"] = decoded.sha256
    return SegmentedSource(decoded, documents, sentences)


class Extractors:
    """The per-article extraction stages, built once per process from the configuration."""

    def __init__(self, config: Config, *, only_dates: bool = False) -> None:
        from .dates import DateExtractor

        self.dates_lexicon = config.lexicon("dates")
        self.dates = DateExtractor(self.dates_lexicon)
        if only_dates:
            return
        from .claims import ClaimExtractor
        from .entities import MentionExtractor
        from .quantities import QuantityExtractor

        self.quantities = QuantityExtractor(config.lexicon("quantities"))
        self.mentions = MentionExtractor(entity_lexicon(config))
        self.claims = ClaimExtractor(config.lexicon("claims"), gazetteer=config.lexicon("gazetteer"))

    def anchor(self, doc, article: Article) -> tuple[Article, dict]:
        """Give an undated article the publication date inferred from its own text."""
        from .dates import infer_publication_date

        if article.published is not None:
            return article, {}
        inferred = infer_publication_date(doc, article, lexicon=self.dates_lexicon)
        if inferred is None:
            return article, {}
        published, precision = inferred
        return dataclasses.replace(article, published=published, published_precision=precision), {
            "published": published, "published_from": "inferred", "published_precision": precision}


def entity_lexicon(config: Config) -> dict:
    return {"gazetteer": config.lexicon("gazetteer"), "entities": config.lexicon("entities")}


@dataclass
class SourceRows:
    """Every per-source stage's rows for one source."""

    anchors: list[dict] = field(default_factory=list)
    dates: list[dict] = field(default_factory=list)
    quantities: list[dict] = field(default_factory=list)
    mentions: list[dict] = field(default_factory=list)
    claim_drafts: list[dict] = field(default_factory=list)


def extract_article(extractors: Extractors, doc, article: Article, rows: SourceRows,
                    timings: dict[str, float]) -> None:
    """Run dates, quantities, mentions and claim drafts on one article's Doc, appending to ``rows``."""
    clock = time.perf_counter()
    article, anchor = extractors.anchor(doc, article)
    if anchor:
        rows.anchors.append({"doc_id": article.doc_id, **anchor})
    dates = extractors.dates(doc, article)
    now = time.perf_counter()
    timings["dates"] += now - clock
    clock = now
    quantities = extractors.quantities(doc, article, date_spans=[(d["start"], d["end"]) for d in dates])
    now = time.perf_counter()
    timings["quantities"] += now - clock
    clock = now
    mentions = extractors.mentions(doc, article)
    now = time.perf_counter()
    timings["mentions"] += now - clock
    clock = now
    drafts = extractors.claims(doc, article, dates=dates, quantities=quantities, mentions=mentions)
    timings["claim_drafts"] += time.perf_counter() - clock
    rows.dates.extend(dates)
    rows.quantities.extend(quantities)
    rows.mentions.extend(mentions)
    rows.claim_drafts.extend(drafts)


# ---------------------------------------------------------------------------------------------
# the whole run


@contextlib.contextmanager
def output_lock(out_dir: Path) -> Iterator[None]:
    """Hold an exclusive lock on the output folder for the duration of a run."""
    out_dir.mkdir(parents=True, exist_ok=True)
    lock_path = out_dir / ".pipeline.lock"
    handle = open(lock_path, "a+")
    try:
        try:
            fcntl.flock(handle.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError as exc:
            raise LockBusy(
                f"[E040] another pipeline run is writing to {out_dir} (lock {lock_path}); "
                "wait for it to finish or choose another --out folder") from exc
        remove_stale_temporaries(out_dir)
        yield
    finally:
        handle.close()


def remove_stale_temporaries(folder: Path) -> int:
    """Delete temporary files a killed run left behind (only ever called while holding the lock)."""
    removed = 0
    for path in folder.rglob(".*.tmp") if folder.is_dir() else ():
        path.unlink(missing_ok=True)
        removed += 1
    return removed


def discover(ws: Workspace) -> tuple[list[str], dict]:
    """The input sources and their metadata; metadata problems go to the error log."""
    settings = ws.config.settings["input"]
    sources = list_sources(ws.raw_dir, settings["pattern"])
    metadata, problems = read_metadata(ws.raw_dir, settings["metadata"])
    for problem in problems:
        ws.errors.add(stage="segment", source=problem.source, exc=problem, line=problem.line)
    return sources, metadata


def run_pipeline(ws: Workspace, *, nlp=None, workers: int = 1, engine: str = "local",
                 scheduler: str | None = None, batch_chars: int = 50_000) -> dict:
    """Run every stage over ``ws.raw_dir``, reusing shards whose inputs are unchanged; return the manifest.

    Per-source work goes to the chosen engine in batches of about ``batch_chars``
    characters: large enough for ``nlp.pipe`` to batch well, small enough that no worker
    idles long while the last batch runs elsewhere (at 200,000 the second of two workers
    waited for up to a tenth of a 250,000-word run).
    """
    from .engine import SourceTask, make_engine

    with output_lock(ws.out_dir):
        started = time.perf_counter()
        ws.timings.clear()  # a Workspace may serve several runs: each manifest speaks of its own
        ws.errors.rows.clear()
        remove_stale_temporaries(ws.interim_dir)
        sources, metadata = discover(ws)
        config = ws.config
        model_version = _model_version(config.model_name)
        key_of_code = stage_keys(config, model_version)["claim_drafts"]
        index = read_index(ws.index_path("run"))
        entries: dict[str, dict] = {}
        max_chars = config.settings["input"]["max_source_chars"]

        def batches() -> Iterator[list[SourceTask]]:
            batch: list[SourceTask] = []
            size = 0
            for source in sources:
                try:
                    path = resolve_inside(ws.raw_dir, source)
                    if path.stat().st_size > 4 * max_chars:
                        raise InputError(
                            f"[E016] {source}: {path.stat().st_size:,} bytes is more than input.max_source_chars "
                            f"= {max_chars:,} characters allow; split the file or raise the limit",
                            source=source, code="E016")
                    data = path.read_bytes()
                except OSError as exc:
                    ws.errors.add(stage="segment", source=source, exc=InputError(
                        f"[E015] {source}: cannot read the file: {exc.strerror}; check its permissions",
                        source=source, code="E015"))
                    continue
                except InputError as exc:
                    ws.errors.add(stage="segment", source=source, exc=exc)
                    continue
                sha = hashlib.sha256(data).hexdigest()
                key = hashlib.sha256(f"{sha}|{key_of_code}".encode()).hexdigest()
                previous = index["sources"].get(source)
                if previous and previous.get("key") == key and _shards_exist(ws, source):
                    entries[source] = previous
                    continue
                batch.append(SourceTask(source, data, sha, key, metadata.get(source)))
                size += len(data)
                if size >= batch_chars:
                    yield batch
                    batch, size = [], 0
            if batch:
                yield batch

        pending = batches()
        first = next(pending, None)
        # engines load the model when they start: a run with every source cached needs none
        runner = None
        if first is not None:
            clock = time.perf_counter()
            runner = make_engine(engine, config, workers=workers, scheduler=scheduler, nlp=nlp,
                                 interim_dir=str(ws.interim_dir))
            ws.timings["start_engine"] += time.perf_counter() - clock
        saved_at = time.perf_counter()
        try:
            for result in runner.run(itertools.chain([first], pending), config) if runner else ():
                for stage, seconds in result.timings.items():
                    ws.timings[stage] += seconds
                for error in result.errors:
                    ws.errors.add(stage=error["stage"], source=result.source,
                                  exc=_RecordedError(error["message"], error["code"], error["error_class"]))
                if not result.ok:
                    continue
                if not result.written:
                    clock = time.perf_counter()
                    write_source_shards(ws.interim_dir, result)
                    ws.timings["write_interim"] += time.perf_counter() - clock
                entries[result.source] = {"key": result.key, "sha256": result.sha256,
                                          "shard": shard_name(result.source)}
                if time.perf_counter() - saved_at > 30:  # a killed run resumes from here
                    write_index(ws.index_path("run"), "run", {**index["sources"], **entries})
                    saved_at = time.perf_counter()
        finally:
            if runner is not None:
                runner.close()
        write_index(ws.index_path("run"), "run", entries)
        live = [s for s in sources if s in entries]
        manifest = finish(ws, live, model_version=model_version)
        manifest["seconds_total"] = round(time.perf_counter() - started, 3)
        manifest["engine"] = {"name": engine, "workers": workers}
        write_bytes_atomic((json.dumps(manifest, indent=2, sort_keys=True) + "\n").encode(),
                           ws.out_dir / "manifest.json")
        return manifest


class _RecordedError(Exception):
    """An error reported by a worker, re-raised here with its original class name and code."""

    def __init__(self, message: str, code: str, error_class: str) -> None:
        super().__init__(message)
        self.code = code
        self.error_class = error_class


def _shards_exist(ws: Workspace, source: str) -> bool:
    return all(ws.shard(stage, source).exists() for stage in ("segment", "dates", "quantities", "mentions", "claim_drafts")) \
        and ws.shard("nlp", source, "spacy").exists()


def shard_path(interim_dir: Path, stage: str, source: str, suffix: str = "parquet") -> Path:
    """Where one source's rows of one stage live under ``interim_dir``."""
    return interim_dir / stage / f"{shard_name(source)}.{suffix}"


def write_source_shards(interim_dir: Path, result) -> None:
    """Write one source's rows for every per-source stage under ``interim_dir`` (each file atomically)."""
    source = result.source
    tables = result.tables

    def shard(stage: str, suffix: str = "parquet") -> Path:
        return shard_path(interim_dir, stage, source, suffix)

    write_table("documents", tables["documents"], shard("segment", "documents.parquet"), durable=False)
    write_table("sentences", tables["sentences"], shard("segment"), durable=False)
    write_bytes_atomic(result.docbin, shard("nlp", "spacy"), durable=False)
    write_table("anchors", tables["anchors"], shard("dates", "anchors.parquet"), durable=False)
    write_table("dates", tables["dates"], shard("dates"), durable=False)
    write_table("quantities", tables["quantities"], shard("quantities"), durable=False)
    write_table("mention_candidates", tables["mention_candidates"], shard("mentions"), durable=False)
    write_table("claim_drafts", tables["claim_drafts"], shard("claim_drafts"), durable=False)


def _concat(name: str, paths: Iterable[Path]) -> pd.DataFrame:
    frames = [read_table(name, path) for path in paths if path.exists()]
    frames = [f for f in frames if len(f)]
    if not frames:
        return empty_frame(name)
    return pd.concat(frames, ignore_index=True)


#: per-source tables: (output name, stage folder, shard suffix)
SHARDED_TABLES = (
    ("documents", "segment", "documents.parquet"),
    ("sentences", "segment", "parquet"),
    ("dates", "dates", "parquet"),
    ("quantities", "quantities", "parquet"),
)


def read_shards(ws: Workspace, name: str, stage: str, sources: Sequence[str], suffix: str = "parquet") -> pd.DataFrame:
    """One table's shards of ``sources``, concatenated in source order."""
    return _concat(name, (ws.shard(stage, s, suffix) for s in sources))


def apply_anchors(documents: pd.DataFrame, anchors: pd.DataFrame) -> pd.DataFrame:
    """Fill undated articles' publication dates with the ones the dates stage inferred."""
    if not len(anchors):
        return documents
    documents = documents.copy()
    lookup = anchors.set_index("doc_id")
    mask = documents["doc_id"].isin(lookup.index) & documents["published"].isna()
    for column in ("published", "published_from", "published_precision"):
        documents.loc[mask, column] = documents.loc[mask, "doc_id"].map(lookup[column])
    return documents


def finish(ws: Workspace, sources: Sequence[str], *, model_version: str) -> dict:
    """Reconcile entities and resolve claims over the shards of ``sources``, then publish."""
    from .claims import resolve_claims
    from .reconcile import reconcile

    clock = time.perf_counter()
    entities, mentions = reconcile(read_shards(ws, "mention_candidates", "mentions", sources),
                                   lexicon=entity_lexicon(ws.config))
    ws.timings["reconcile"] += time.perf_counter() - clock
    clock = time.perf_counter()
    claims = resolve_claims(read_shards(ws, "claim_drafts", "claim_drafts", sources), mentions, entities)
    ws.timings["claims"] += time.perf_counter() - clock
    return publish(ws, {"entities": entities, "mentions": mentions, "claims": claims}, sources,
                   model_version=model_version)


def publish(ws: Workspace, global_tables: dict[str, pd.DataFrame], sources: Sequence[str], *,
            model_version: str) -> dict:
    """Write the contract tables, ``errors.parquet`` and ``manifest.json`` into the output folder.

    The per-source tables are read from their shards one table at a time and the
    corpus-wide ones are dropped once written, so the peak holds one table, not all.
    """
    clock = time.perf_counter()
    counts = {}
    for name in ("entities", "mentions", "claims"):
        counts[name] = write_table(name, global_tables.pop(name), ws.out_dir / f"{name}.parquet")
    for name, stage, suffix in SHARDED_TABLES:
        frame = read_shards(ws, name, stage, sources, suffix)
        if name == "documents":
            frame = apply_anchors(frame, read_shards(ws, "anchors", "dates", sources, "anchors.parquet"))
        counts[name] = write_table(name, frame, ws.out_dir / f"{name}.parquet")
        del frame
    counts = {name: counts[name] for name in CONTRACT_TABLES}
    counts["errors"] = write_table("errors", ws.errors.rows, ws.out_dir / "errors.parquet")
    ws.timings["publish"] += time.perf_counter() - clock
    manifest = build_manifest(ws, sources, counts, model_version=model_version)
    write_bytes_atomic((json.dumps(manifest, indent=2, sort_keys=True) + "\n").encode(), ws.out_dir / "manifest.json")
    return manifest


def build_manifest(ws: Workspace, sources: Sequence[str], counts: dict[str, int], *, model_version: str) -> dict:
    """Versions, configuration hash, inputs with hashes, row counts and seconds per stage."""
    import spacy

    from .sources import file_sha256

    inputs = []
    for source in sources:
        path = ws.raw_dir / source
        inputs.append({"source": source, "sha256": file_sha256(path)})
    metadata_path = ws.raw_dir / ws.config.settings["input"]["metadata"]
    return {
        "package": {"name": "pipeline", "version": __version__},
        "versions": {"spacy": spacy.__version__, "model": model_version, "pandas": pd.__version__,
                     "pyarrow": __import__("pyarrow").__version__, "dateparser": __import__("dateparser").__version__},
        "config": {"path": str(ws.config.path), "sha256": ws.config.digest},
        "schema_version": SCHEMA_VERSION,
        "raw_dir": str(ws.raw_dir.resolve()),
        "inputs": inputs,
        "metadata": {"file": metadata_path.name, "sha256": file_sha256(metadata_path)} if metadata_path.is_file() else None,
        "rows": counts,
        "errors": len(ws.errors.rows),
        "seconds": {stage: round(seconds, 3) for stage, seconds in sorted(ws.timings.items())},
        "currency_rules": "unit_rule column of quantities.parquet records the rule that decided each unit",
    }


# ---------------------------------------------------------------------------------------------
# one stage at a time (the Makefile's targets): each reads the previous stage's interim files


def _stage_sources(ws: Workspace, stage: str) -> list[str]:
    """Sources that the previous stage produced shards for, in input order."""
    return sorted(read_index(ws.index_path(stage))["sources"])


def _load_segmented(ws: Workspace, source: str) -> SegmentedSource:
    decoded = read_source(ws.raw_dir, source, max_chars=ws.config.settings["input"]["max_source_chars"])
    documents = read_table("documents", ws.shard("segment", source, "documents.parquet")).to_dict("records")
    sentences = read_table("sentences", ws.shard("segment", source)).to_dict("records")
    for row in documents:
        row["published"] = _as_date(row["published"])
    return SegmentedSource(decoded, documents, sentences)


def _load_docs(ws: Workspace, source: str, vocab) -> list:
    from .nlp import docs_from_bytes

    return docs_from_bytes(ws.shard("nlp", source, "spacy").read_bytes(), vocab)


def _blank_vocab():
    import spacy

    return spacy.blank("en").vocab


def _per_source(ws: Workspace, stage: str, upstream: str, work) -> None:
    entries = {}
    for source in _stage_sources(ws, upstream):
        clock = time.perf_counter()
        try:
            work(source)
        except Exception as exc:
            ws.errors.add(stage=stage, source=source, exc=exc)
            continue
        finally:
            ws.timings[stage] += time.perf_counter() - clock
        entries[source] = {"shard": shard_name(source)}
    write_index(ws.index_path(stage), stage, entries)
    _write_stage_errors(ws, stage)


def _write_stage_errors(ws: Workspace, stage: str) -> None:
    write_table("errors", ws.errors.rows, ws.interim_dir / "errors" / f"{stage}.parquet")


def stage_segment(ws: Workspace) -> None:
    """Decode and segment every input file into interim/segment/."""
    sources, metadata = discover(ws)
    entries = {}
    for source in sources:
        clock = time.perf_counter()
        try:
            decoded = read_source(ws.raw_dir, source, max_chars=ws.config.settings["input"]["max_source_chars"])
            seg = segment_decoded(decoded, metadata=metadata.get(source), lexicon=ws.config.lexicon("segment"))
            write_table("documents", seg.documents, ws.shard("segment", source, "documents.parquet"))
            write_table("sentences", seg.sentences, ws.shard("segment", source))
        except Exception as exc:
            ws.errors.add(stage="segment", source=source, exc=exc)
            continue
        finally:
            ws.timings["segment"] += time.perf_counter() - clock
        entries[source] = {"sha256": decoded.sha256, "shard": shard_name(source)}
    write_index(ws.index_path("segment"), "segment", entries)
    _write_stage_errors(ws, "segment")


def stage_nlp(ws: Workspace) -> None:
    """Run the model once over every article segmented so far; keep the Docs in interim/nlp/."""
    from .nlp import annotate, docs_to_bytes, load_pipeline

    config = ws.config
    nlp = load_pipeline(config.model_name, disable=config.settings["model"]["disable"],
                        entity_lexicon=entity_lexicon(config))

    def work(source: str) -> None:
        seg = _load_segmented(ws, source)
        docs = list(annotate(nlp, seg.articles(), batch_size=config.settings["model"]["batch_size"]))
        write_bytes_atomic(docs_to_bytes(docs), ws.shard("nlp", source, "spacy"))

    _per_source(ws, "nlp", "segment", work)


def stage_dates(ws: Workspace) -> None:
    """Find and normalise temporal expressions; infer undated articles' dates (interim/dates/)."""
    extractors_dates = Extractors(ws.config, only_dates=True)
    vocab = _blank_vocab()

    def work(source: str) -> None:
        seg = _load_segmented(ws, source)
        anchors, dates = [], []
        for article, doc in zip(seg.articles(), _load_docs(ws, source, vocab)):
            article, anchor = extractors_dates.anchor(doc, article)
            if anchor:
                anchors.append({"doc_id": article.doc_id, **anchor})
            dates.extend(extractors_dates.dates(doc, article))
        write_table("anchors", anchors, ws.shard("dates", source, "anchors.parquet"))
        write_table("dates", dates, ws.shard("dates", source))

    _per_source(ws, "dates", "nlp", work)


def _anchors(ws: Workspace, source: str) -> dict[str, dict]:
    frame = read_table("anchors", ws.shard("dates", source, "anchors.parquet"))
    return {row["doc_id"]: row for row in frame.to_dict("records")}


def stage_quantities(ws: Workspace) -> None:
    """Find quantities outside date spans (interim/quantities/)."""
    from .quantities import QuantityExtractor

    extractor = QuantityExtractor(ws.config.lexicon("quantities"))
    vocab = _blank_vocab()

    def work(source: str) -> None:
        seg = _load_segmented(ws, source)
        dates = read_table("dates", ws.shard("dates", source))
        rows = []
        for article, doc in zip(seg.articles(_anchors(ws, source)), _load_docs(ws, source, vocab)):
            spans = [(s, e) for s, e, d in zip(dates["start"], dates["end"], dates["doc_id"]) if d == article.doc_id]
            rows.extend(extractor(doc, article, date_spans=spans))
        write_table("quantities", rows, ws.shard("quantities", source))

    _per_source(ws, "quantities", "dates", work)


def stage_mentions(ws: Workspace) -> None:
    """Detect entity mentions in every article (interim/mentions/)."""
    from .entities import MentionExtractor

    extractor = MentionExtractor(entity_lexicon(ws.config))
    vocab = _blank_vocab()

    def work(source: str) -> None:
        seg = _load_segmented(ws, source)
        rows = []
        for article, doc in zip(seg.articles(), _load_docs(ws, source, vocab)):
            rows.extend(extractor(doc, article))
        write_table("mention_candidates", rows, ws.shard("mentions", source))

    _per_source(ws, "mentions", "nlp", work)


def stage_reconcile(ws: Workspace) -> None:
    """Reconcile every mention into corpus-wide entities (interim/entities.parquet, interim/mentions.parquet)."""
    from .reconcile import reconcile

    sources = _stage_sources(ws, "mentions")
    candidates = _concat("mention_candidates", (ws.shard("mentions", s) for s in sources))
    entities, mentions = reconcile(candidates, lexicon=entity_lexicon(ws.config))
    write_table("entities", entities, ws.interim_dir / "entities.parquet")
    write_table("mentions", mentions, ws.interim_dir / "mentions.parquet")


def stage_claims(ws: Workspace) -> None:
    """Build claims from each article's parse and rows, linked to entities (interim/claims.parquet)."""
    from .claims import ClaimExtractor, resolve_claims

    extractor = ClaimExtractor(ws.config.lexicon("claims"), gazetteer=ws.config.lexicon("gazetteer"))
    vocab = _blank_vocab()

    def work(source: str) -> None:
        seg = _load_segmented(ws, source)
        dates = read_table("dates", ws.shard("dates", source)).to_dict("records")
        quantities = read_table("quantities", ws.shard("quantities", source)).to_dict("records")
        mentions = read_table("mention_candidates", ws.shard("mentions", source)).to_dict("records")
        rows = []
        for article, doc in zip(seg.articles(_anchors(ws, source)), _load_docs(ws, source, vocab)):
            mine = lambda table: [r for r in table if r["doc_id"] == article.doc_id]  # noqa: E731
            rows.extend(extractor(doc, article, dates=mine(dates), quantities=mine(quantities), mentions=mine(mentions)))
        write_table("claim_drafts", rows, ws.shard("claim_drafts", source))

    _per_source(ws, "claim_drafts", "mentions", work)
    sources = _stage_sources(ws, "claim_drafts")
    drafts = _concat("claim_drafts", (ws.shard("claim_drafts", s) for s in sources))
    claims = resolve_claims(drafts, read_table("mentions", ws.interim_dir / "mentions.parquet"),
                            read_table("entities", ws.interim_dir / "entities.parquet"))
    write_table("claims", claims, ws.interim_dir / "claims.parquet")


def stage_publish(ws: Workspace) -> dict:
    """Assemble the output tables and manifest from the interim files of the per-stage commands."""
    with output_lock(ws.out_dir):
        sources = _stage_sources(ws, "claim_drafts")
        errors_dir = ws.interim_dir / "errors"
        for path in sorted(errors_dir.glob("*.parquet")) if errors_dir.is_dir() else []:
            ws.errors.rows.extend(read_table("errors", path).to_dict("records"))
        ws.errors.rows = [dict(t) for t in dict.fromkeys(tuple(sorted(r.items())) for r in ws.errors.rows)]
        global_tables = {name: read_table(name, ws.interim_dir / f"{name}.parquet")
                         for name in ("entities", "mentions", "claims")}
        return publish(ws, global_tables, sources, model_version=_model_version(ws.config.model_name))


def _model_version(model_name: str) -> str:
    """``name-version`` of the installed model package (the name alone when it has no metadata)."""
    from importlib.metadata import PackageNotFoundError, version

    try:
        return f"{model_name}-{version(model_name)}"
    except PackageNotFoundError:
        return model_name
