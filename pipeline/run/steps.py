"""One stage at a time (the Makefile's targets): each reads the previous stage's interim files and writes its own.

A whole run (``runner.run_pipeline``) does the same work in one pass per source; these
commands exist so that ``make`` can rebuild exactly what a change made stale.
"""
from __future__ import annotations

import bisect
import json
import time

from pipeline.core.schema import read_table, write_bytes_atomic, write_table
from pipeline.run.extract import Extractors, SegmentedSource, as_date, entity_lexicon, segment_decoded
from pipeline.run.fingerprint import model_version
from pipeline.run.publish import publish
from pipeline.run.runner import discover
from pipeline.run.shards import TEXTS_SUFFIX, WARNINGS_SUFFIX, concat_tables
from pipeline.run.html import is_html_file, page_metadata, read_html
from pipeline.run.records import is_record_file, merged_metadata, read_record, read_record_file, split_record_name
from pipeline.run.sources import InputError, read_source, shard_name
from pipeline.run.workspace import Workspace, interim_lock, read_index, run_locks


#: the file each command writes last (its target in the Makefile) and the commands whose files it reads
PRODUCES = {
    "segment": "segment.json", "nlp": "nlp.json", "dates": "dates.json", "quantities": "quantities.json",
    "mentions": "mentions.json", "reconcile": "entities.parquet", "claims": "claims.parquet",
}
NEEDS = {
    "segment": (), "nlp": ("segment",), "dates": ("nlp",), "quantities": ("dates",), "mentions": ("nlp",),
    "reconcile": ("mentions",), "claims": ("reconcile", "quantities", "dates", "mentions"),
    "publish": ("claims", "segment"),
}


def locked(stage):
    """Run a stage command holding the lock on ``--interim``, as ``pipeline run`` does (E040 when it is held).

    Two stage commands, or a stage command and a run, on one interim folder would
    overwrite each other's shards and index.
    """
    import functools

    @functools.wraps(stage)
    def command(ws: Workspace):
        with interim_lock(ws.interim_dir):
            return stage(ws)

    return command


class StageOrderError(RuntimeError):
    """A stage command ran before the commands whose interim files it reads (or after they were redone)."""


def check_inputs(ws: Workspace, command: str) -> None:
    """Refuse to run ``command`` on missing or stale interim files, naming the command to run first.

    Without this, a missing index reads as "no sources" and every later stage publishes
    empty tables with exit 0. Stale means a file older than a file it was built from: the
    earlier command ran again and this one did not (``make`` never leaves that state).
    """
    ancestors, todo = [], list(NEEDS[command])
    while todo:
        stage = todo.pop(0)
        if stage not in ancestors:
            ancestors.append(stage)
            todo.extend(NEEDS[stage])
    for stage in NEEDS[command]:
        path = ws.interim_dir / PRODUCES[stage]
        if not path.is_file():
            raise StageOrderError(
                f"[E042] {path} does not exist: `pipeline {command}` reads it; run `pipeline {stage}` first "
                f"with the same --interim (or `make all`, which runs every stage in order)")
    for stage in ancestors:
        built = (ws.interim_dir / PRODUCES[stage]).stat().st_mtime_ns
        for before in NEEDS[stage]:
            source = ws.interim_dir / PRODUCES[before]
            if source.is_file() and source.stat().st_mtime_ns > built:
                raise StageOrderError(
                    f"[E043] {ws.interim_dir / PRODUCES[stage]} is older than {source}: `pipeline {before}` ran "
                    f"again since `pipeline {stage}`; run `pipeline {stage}` and the stages after it before "
                    f"`pipeline {command}` (or `make all`)")


def _write_index(ws: Workspace, stage: str, entries: dict[str, dict], seconds: dict[str, float]) -> None:
    """The stage's index with the seconds it took, which ``publish`` gathers into the manifest."""
    payload = {"stage": stage, "sources": dict(sorted(entries.items())),
               "seconds": {name: round(value, 3) for name, value in sorted(seconds.items())}}
    write_bytes_atomic((json.dumps(payload, indent=1, sort_keys=True) + "\n").encode(), ws.index_path(stage))


def _stage_sources(ws: Workspace, stage: str) -> list[str]:
    """Sources that the previous stage produced shards for, in input order."""
    return sorted(read_index(ws.index_path(stage))["sources"])


def _read_decoded(ws: Workspace, source: str):
    """One source's decoded text: a file's, or (``<file>#<id>``) a record's, read through the same reader."""
    max_chars = ws.config.settings["input"]["max_source_chars"]
    if split_record_name(source) is not None and not (ws.raw_dir / source).is_file():
        return read_record(ws.raw_dir, source, max_chars=max_chars).decoded
    if is_html_file(source):
        return read_html(ws.raw_dir, source, max_chars=max_chars)[0]
    return read_source(ws.raw_dir, source, max_chars=max_chars)


def _load_segmented(ws: Workspace, source: str) -> SegmentedSource:
    decoded = _read_decoded(ws, source)
    documents = read_table("documents", ws.shard("segment", source, "documents.parquet")).to_dict("records")
    sentences = read_table("sentences", ws.shard("segment", source)).to_dict("records")
    for row in documents:
        row["published"] = as_date(row["published"])
    return SegmentedSource(decoded, documents, sentences)


def _pieces(ws: Workspace, seg: SegmentedSource, anchors: dict[str, dict] | None = None):
    """The articles or windows of ``seg`` one Doc each, as ``pipeline run`` cuts them."""
    return seg.pieces(ws.config.settings["model"]["window_chars"], anchors)


def by_piece(pieces: list, rows: list[dict]) -> list[list[dict]]:
    """``rows`` grouped by the article or window they start in, each group in the rows' order.

    The pieces tile their source, so one bisection per row finds its piece: what a whole
    run hands each piece's stages, and no scan of every row per piece.
    """
    starts = [piece.start for piece in pieces]
    groups: list[list[dict]] = [[] for _ in pieces]
    for row in rows:
        groups[bisect.bisect_right(starts, row["start"]) - 1].append(row)
    return groups


def _load_docs(ws: Workspace, source: str, vocab):
    """One source's Docs, one at a time (a long source's Docs are never all in memory)."""
    from pipeline.stages.nlp import docs_from_bytes

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
    # this command's own timings only: a stage command runs in a process of its own
    _write_index(ws, stage, entries, ws.timings)
    _write_stage_errors(ws, stage)


def _write_stage_errors(ws: Workspace, stage: str) -> None:
    write_table("errors", ws.errors.rows, ws.interim_dir / "errors" / f"{stage}.parquet")


@locked
def stage_segment(ws: Workspace) -> None:
    """Decode and segment every input file into interim/segment/."""
    files, metadata = discover(ws)
    settings = ws.config.settings["input"]
    sources, own = [], {}
    for file in files:  # a record file stands for its records, each a source of its own
        if not is_record_file(file, settings["metadata"]):
            sources.append(file)
            continue
        try:
            records, problems = read_record_file(ws.raw_dir, file, max_chars=settings["max_source_chars"])
        except InputError as exc:
            ws.errors.add(stage="segment", source=file, exc=exc)
            continue
        for problem in problems:
            ws.errors.add(stage="segment", source=problem.source, exc=problem, line=problem.line)
        for name, record in records.items():
            sources.append(name)
            own[name] = merged_metadata(record, metadata.get(name))
    pages = {}  # an HTML page is extracted once here; its title and date fill the sources.csv row's gaps
    for source in [s for s in sources if is_html_file(s)]:
        try:
            pages[source], page = read_html(ws.raw_dir, source, max_chars=settings["max_source_chars"])
        except InputError as exc:
            ws.errors.add(stage="segment", source=source, exc=exc)
            sources.remove(source)
            continue
        own[source] = page_metadata(metadata.get(source), page)
    entries = {}
    for source in sources:
        clock = time.perf_counter()
        try:
            decoded = pages[source] if source in pages else _read_decoded(ws, source)
            seg = segment_decoded(decoded, metadata=own[source] if source in own else metadata.get(source),
                                  lexicon=ws.config.lexicon("segment"))
            write_table("documents", seg.documents, ws.shard("segment", source, "documents.parquet"))
            write_table("sentences", seg.sentences, ws.shard("segment", source))
            write_table("texts", [seg.text_row()], ws.shard("segment", source, TEXTS_SUFFIX))
        except Exception as exc:
            ws.errors.add(stage="segment", source=source, exc=exc)
            continue
        finally:
            ws.timings["segment"] += time.perf_counter() - clock
        entries[source] = {"sha256": decoded.sha256, "shard": shard_name(source)}
    _write_index(ws, "segment", entries, {"segment": ws.timings["segment"]})
    _write_stage_errors(ws, "segment")


@locked
def stage_nlp(ws: Workspace) -> None:
    """Run the model once over every article segmented so far; keep the Docs in interim/nlp/."""
    check_inputs(ws, "nlp")
    from pipeline.stages.nlp import annotate, docs_to_bytes, load_pipeline

    config = ws.config
    clock = time.perf_counter()
    nlp = load_pipeline(config.model_name, disable=config.settings["model"]["disable"],
                        entity_lexicon=entity_lexicon(config))
    ws.timings["load_model"] += time.perf_counter() - clock

    def work(source: str) -> None:
        seg = _load_segmented(ws, source)
        docs = annotate(nlp, _pieces(ws, seg), batch_size=config.settings["model"]["batch_size"],
                   batch_chars=config.settings["model"]["window_chars"])
        write_bytes_atomic(docs_to_bytes(docs), ws.shard("nlp", source, "spacy"))

    _per_source(ws, "nlp", "segment", work)


@locked
def stage_dates(ws: Workspace) -> None:
    """Find and normalise temporal expressions; infer undated articles' dates (interim/dates/)."""
    check_inputs(ws, "dates")
    extractors_dates = Extractors(ws.config, only_dates=True)
    vocab = _blank_vocab()

    def work(source: str) -> None:
        seg = _load_segmented(ws, source)
        anchors, dates = [], []
        for article, doc in zip(_pieces(ws, seg), _load_docs(ws, source, vocab)):
            article = extractors_dates.anchored(doc, article, anchors)
            dates.extend(extractors_dates.dates(doc, article))
        write_table("anchors", anchors, ws.shard("dates", source, "anchors.parquet"))
        write_table("dates", dates, ws.shard("dates", source))

    _per_source(ws, "dates", "nlp", work)


def _anchors(ws: Workspace, source: str) -> dict[str, dict]:
    frame = read_table("anchors", ws.shard("dates", source, "anchors.parquet"))
    return {row["doc_id"]: row for row in frame.to_dict("records")}


@locked
def stage_quantities(ws: Workspace) -> None:
    """Find quantities outside date spans (interim/quantities/)."""
    check_inputs(ws, "quantities")
    from pipeline.stages.quantities import QuantityExtractor

    extractor = QuantityExtractor(ws.config.lexicon("quantities"))
    vocab = _blank_vocab()

    def work(source: str) -> None:
        seg = _load_segmented(ws, source)
        dates = read_table("dates", ws.shard("dates", source))
        rows, warnings = [], []
        pieces = list(_pieces(ws, seg, _anchors(ws, source)))
        spans = by_piece(pieces, dates[["start", "end"]].to_dict("records"))
        for i, (article, doc) in enumerate(zip(pieces, _load_docs(ws, source, vocab))):
            found, overflows = extractor.extract(doc, article, date_spans=[(d["start"], d["end"]) for d in spans[i]])
            rows.extend(found)
            warnings.extend(overflows)
        write_table("quantities", rows, ws.shard("quantities", source))
        write_table("errors", warnings, ws.shard("quantities", source, WARNINGS_SUFFIX))

    _per_source(ws, "quantities", "dates", work)


@locked
def stage_mentions(ws: Workspace) -> None:
    """Detect entity mentions in every article (interim/mentions/)."""
    check_inputs(ws, "mentions")
    from pipeline.stages.entities import MentionExtractor

    extractor = MentionExtractor(entity_lexicon(ws.config))
    vocab = _blank_vocab()

    def work(source: str) -> None:
        seg = _load_segmented(ws, source)
        rows = []
        for article, doc in zip(_pieces(ws, seg), _load_docs(ws, source, vocab)):
            rows.extend(extractor(doc, article))
        write_table("mention_candidates", rows, ws.shard("mentions", source))

    _per_source(ws, "mentions", "nlp", work)


@locked
def stage_reconcile(ws: Workspace) -> None:
    """Reconcile every mention into corpus-wide entities (interim/entities.parquet, interim/mentions.parquet)."""
    check_inputs(ws, "reconcile")
    from pipeline.stages.reconcile import reconcile

    clock = time.perf_counter()
    sources = _stage_sources(ws, "mentions")
    candidates = concat_tables("mention_candidates", (ws.shard("mentions", s) for s in sources))
    entities, mentions = reconcile(candidates, lexicon=entity_lexicon(ws.config))
    write_table("mentions", mentions, ws.interim_dir / "mentions.parquet")
    ws.timings["reconcile"] += time.perf_counter() - clock
    _write_index(ws, "reconcile", {}, ws.timings)
    # entities.parquet is the Makefile's target: written last, so it is never older than what it stands for
    write_table("entities", entities, ws.interim_dir / "entities.parquet")


@locked
def stage_claims(ws: Workspace) -> None:
    """Build claims from each article's parse and rows, linked to entities (interim/claims.parquet)."""
    check_inputs(ws, "claims")
    from pipeline.stages.claims import ClaimExtractor, resolve_claims

    extractor = ClaimExtractor(ws.config.lexicon("claims"), gazetteer=ws.config.lexicon("gazetteer"))
    vocab = _blank_vocab()

    def work(source: str) -> None:
        seg = _load_segmented(ws, source)
        dates = read_table("dates", ws.shard("dates", source)).to_dict("records")
        quantities = read_table("quantities", ws.shard("quantities", source)).to_dict("records")
        mentions = read_table("mention_candidates", ws.shard("mentions", source)).to_dict("records")
        rows = []
        pieces = list(_pieces(ws, seg, _anchors(ws, source)))
        groups = [by_piece(pieces, table) for table in (dates, quantities, mentions)]
        for i, (article, doc) in enumerate(zip(pieces, _load_docs(ws, source, vocab))):
            rows.extend(extractor(doc, article, dates=groups[0][i], quantities=groups[1][i], mentions=groups[2][i]))
        write_table("claim_drafts", rows, ws.shard("claim_drafts", source))

    _per_source(ws, "claim_drafts", "mentions", work)
    clock = time.perf_counter()
    sources = _stage_sources(ws, "claim_drafts")
    drafts = concat_tables("claim_drafts", (ws.shard("claim_drafts", s) for s in sources))
    claims = resolve_claims(drafts, read_table("mentions", ws.interim_dir / "mentions.parquet"),
                            read_table("entities", ws.interim_dir / "entities.parquet"), rules=extractor.rules)
    ws.timings["claims"] += time.perf_counter() - clock
    _write_index(ws, "claims", {}, {"claims": ws.timings["claims"]})
    write_table("claims", claims, ws.interim_dir / "claims.parquet")


#: the indexes whose recorded seconds the manifest gathers, in stage order
TIMED_INDEXES = ("segment", "nlp", "dates", "quantities", "mentions", "reconcile", "claim_drafts", "claims")


def stage_publish(ws: Workspace) -> dict:
    """Assemble the output tables and manifest from the interim files of the per-stage commands."""
    with run_locks(ws):  # the interim folder as well: no stage command may rewrite what is being published
        check_inputs(ws, "publish")
        # each stage command timed itself in its own process; the manifest speaks of all of them
        for stage in TIMED_INDEXES:
            for name, seconds in read_index(ws.index_path(stage)).get("seconds", {}).items():
                ws.timings[name] += seconds
        sources = _stage_sources(ws, "claim_drafts")
        errors_dir = ws.interim_dir / "errors"
        for path in sorted(errors_dir.glob("*.parquet")) if errors_dir.is_dir() else []:
            ws.errors.rows.extend(read_table("errors", path).to_dict("records"))
        ws.errors.rows = [dict(t) for t in dict.fromkeys(tuple(sorted(r.items())) for r in ws.errors.rows)]
        global_tables = {name: read_table(name, ws.interim_dir / f"{name}.parquet")
                         for name in ("entities", "mentions", "claims")}
        return publish(ws, global_tables, sources, model_version=model_version(ws.config.model_name))


def recorded_errors(out_dir) -> list[dict]:
    """The rows of a published ``errors.parquet`` (for ``publish --check``)."""
    path = out_dir / "errors.parquet"
    if not path.is_file():
        raise StageOrderError(f"[E044] {path} does not exist: nothing was published there yet; "
                              "run `pipeline publish` (or `make all`) first")
    return read_table("errors", path).to_dict("records")
