"""The notebook API: load every output table as pandas, and show any row in its source context."""
from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path, PurePosixPath

import pandas as pd

from pipeline.core.schema import CONTRACT_TABLES, ID_COLUMN, SCHEMAS, SPAN_TABLES, read_table
from pipeline.run.outputs import MANIFEST, check_rows, read_output_parts, table_schema
from pipeline.tools.show import Shown, id_index, snippets_for


class Tables(Mapping):
    """The output tables of one run, by name and as attributes (``tables.claims``)."""

    def __init__(self, out_dir: Path, frames: dict[str, pd.DataFrame], manifest: dict | None,
                 raw_dir: Path | None, *, interim_dir: Path | None = None, nlp=None) -> None:
        self.out_dir = out_dir
        self._frames = frames
        self.manifest = manifest or {}
        self.raw_dir = raw_dir
        #: where the run kept its serialized Docs (``doc`` reuses them); None when unknown
        self.interim_dir = interim_dir
        #: the spaCy pipeline ``doc`` runs when the interim Docs are gone (loaded on first need)
        self.nlp = nlp
        self._config = None
        self._texts: dict[str, str] = {}
        self._ids: dict[str, tuple[str, int]] | None = None

    def __getitem__(self, name: str) -> pd.DataFrame:
        return self._frames[name]

    def __getattr__(self, name: str) -> pd.DataFrame:
        frames = self.__dict__.get("_frames", {})
        if name in frames:
            return frames[name]
        raise AttributeError(name)

    def __iter__(self):
        return iter(self._frames)

    def __len__(self) -> int:
        return len(self._frames)

    #: what ``repr`` previews of a run, table by table: the first rows of these columns
    PREVIEW = {"claims": ["subject", "predicate", "kind", "text"], "quantities": ["text", "kind", "value", "unit"],
               "dates": ["text", "tclass", "value"]}

    def _previews(self) -> list[tuple[str, pd.DataFrame]]:
        shown = []
        for name, columns in self.PREVIEW.items():
            frame = self._frames.get(name)
            if frame is not None and len(frame):
                head = frame[columns].head(5).copy()
                head["text"] = head["text"].str.replace(r"\s+", " ", regex=True).str.slice(0, 70)
                shown.append((name, head))
        return shown

    def __repr__(self) -> str:
        """Row counts per table, then the first claims, quantities and dates: what ``print`` shows first."""
        counts = ", ".join(f"{name} {len(frame)}" for name, frame in self._frames.items())
        lines = [f"Tables({self.out_dir}): {counts}"]
        for name, head in self._previews():
            lines += [f"{name}:", head.to_string(index=False)]
        return "\n".join(lines)

    def _repr_html_(self) -> str:
        """The same, as HTML for Jupyter: counts, then the first rows of claims, quantities and dates."""
        import html

        counts = ", ".join(f"{html.escape(name)} {len(frame)}" for name, frame in self._frames.items())
        tables = "".join(f"<p><b>{name}</b></p>{head.to_html(index=False)}" for name, head in self._previews())
        return f"<p><b>Tables</b> ({html.escape(str(self.out_dir))}): {counts}</p>{tables}"

    def source_text(self, source: str) -> str:
        """The decoded text every span of ``source`` indexes into: its row of the ``texts`` table.

        Output folders written before the ``texts`` table existed fall back to the run's input
        folder, decoded as recorded (a record's ``text``, an HTML page's extracted text).
        """
        if not self._texts:
            texts = self._frames.get("texts")
            if texts is not None and len(texts):
                self._texts.update(zip(texts["source"].tolist(), texts["text"].tolist()))
        if source not in self._texts:
            self._texts[source] = self._raw_text(source)
        return self._texts[source]

    def _raw_text(self, source: str) -> str:
        if self.raw_dir is None:
            raise FileNotFoundError(f"[E050] {source!r} is not in the texts table and the run's input folder is "
                                    "unknown; pass raw_dir= to load()")
        from pipeline.run.records import read_record, split_record_name
        from pipeline.run.sources import decode_bytes

        if split_record_name(source) is not None and not (self.raw_dir / source).is_file():
            # a record ``<file>#<id>``: its text, read by the reader the run used
            max_chars = (self.manifest.get("input") or {}).get("max_source_chars", 1 << 62)
            return read_record(self.raw_dir, source, max_chars=max_chars).decoded.text
        if source.lower().endswith((".html", ".htm")):
            from pipeline.run.html import read_html

            return read_html(self.raw_dir, source, max_chars=1 << 62)[0].text
        return decode_bytes((self.raw_dir / source).read_bytes(), source=source)[0]

    def show(self, item, *, width: int = 80) -> Shown:
        """Spans in their source context: ``print`` shows ``before[[span]]after``, a notebook highlights them.

        ``item`` is a row of any table (an entity row shows every mention of it), an ID of any
        table (``claim_id``, ``date_id``, ``quantity_id``, ``mention_id``, ``entity_id``,
        ``sentence_id``, ``doc_id``) or a DataFrame (each row). Only the tables are needed:
        the text comes from ``texts``. An unknown ID raises ``ShowError`` ([E061]).
        """
        def lookup() -> dict:
            if self._ids is None:
                self._ids = id_index(self._frames)
            return self._ids

        return Shown(snippets_for(item, frames=self._frames, source_text=self.source_text, width=width,
                                  lookup=lookup))

    def doc(self, key):
        """The spaCy ``Doc`` of one article: ``key`` is a doc_id, a source holding one article, or a row.

        The run's own Doc comes from its interim folder when that still holds it (and it
        still matches the text); otherwise the configured model runs once over the article's
        text from ``texts``, with the run's sentence starts. Doc character offsets count from
        the article's start: ``doc.char_span(row.start - s, row.end - s)`` with
        ``s = doc.user_data["start"]``. ``DocError`` ([E062]) when ``key`` names no single article.
        """
        from pipeline.tools import articles

        row = articles.article_row(self._frames["documents"], key)
        text = self.source_text(row["source"])
        doc = articles.cached_doc(self.interim_dir, self._frames["documents"], row, text)
        if doc is None:
            if self.nlp is None:
                self._config, self.nlp = articles.load_model((self.manifest.get("config") or {}).get("path"))
            elif self._config is None:
                from pipeline.run.config import load_config

                self._config = load_config()
            doc = articles.fresh_doc(self.nlp, self._config, row, self._frames["sentences"], text)
        return articles.label(doc, row)


def load(out_dir: str | Path = "outputs", *, raw_dir: str | Path | None = None,
         interim_dir: str | Path | None = None) -> Tables:
    """Load every table in ``out_dir`` as pandas DataFrames (missing tables come back empty).

    The folder is first settled (an interrupted publish finished or dropped) and every
    table is checked against the row counts and SHA-256 in ``manifest.json``, so what
    comes back is one complete run; a mixed or damaged folder raises ``OutputsError``.
    Calendar-date columns (``documents.published``, ``dates.range_start``, ``range_end``,
    ``anchor``) come back as pandas datetimes, so ``.dt`` works; TIMEX3 ``value`` stays a string.
    ``raw_dir`` and ``interim_dir`` default to the folders the manifest names.
    """
    import pyarrow as pa

    from pipeline.run.storage import Store, is_url, local_path

    if local_path(out_dir) is not None:
        out_dir = local_path(out_dir)
        if not out_dir.is_dir():
            raise FileNotFoundError(f"[E051] {out_dir} is not a folder of pipeline outputs; run `make all` first")
    elif not Store(out_dir).exists(MANIFEST):
        raise FileNotFoundError(f"[E051] {out_dir} holds no manifest.json of pipeline outputs; run `pipeline run` first")
    names = [*CONTRACT_TABLES, "errors"]
    manifest, data = read_output_parts(out_dir, names)
    frames = {}
    for name in names:
        if name in data:
            parts = []
            for file, raw in data[name]:
                table_schema(PurePosixPath(str(out_dir)) / file, name, raw)
                parts.append(read_table(name, pa.BufferReader(raw)))
            # a dataset's parts are partitions of sources: together, sorted as the one-file table is
            frames[name] = parts[0] if len(parts) == 1 else sort_rows(name, pd.concat(parts, ignore_index=True))
            check_rows(out_dir, manifest, name, len(frames[name]))
        else:
            frames[name] = SCHEMAS[name].empty_table().to_pandas()
        frames[name] = as_datetimes(name, frames[name])
    manifest = manifest or {}
    raw_dir = raw_dir or manifest.get("raw_dir")
    interim_dir = interim_dir or manifest.get("interim_dir")
    # an object store's inputs are read through the texts table, not as a folder
    return Tables(out_dir, frames, manifest, Path(raw_dir) if raw_dir and not is_url(raw_dir) else None,
                  interim_dir=Path(interim_dir) if interim_dir and not is_url(interim_dir) else None)


def sort_rows(name: str, frame: pd.DataFrame) -> pd.DataFrame:
    """``frame`` in the order a one-file table has: span tables by (source, start, end, ID), texts by source."""
    keys = ["source", "start", "end", ID_COLUMN.get(name, "source")] if name in SPAN_TABLES else \
        ["source"] if name == "texts" else [ID_COLUMN[name]] if name in ID_COLUMN else []
    return frame.sort_values(keys, kind="mergesort").reset_index(drop=True) if keys else frame


def as_datetimes(name: str, frame: pd.DataFrame) -> pd.DataFrame:
    """``frame`` with the schema's calendar-date columns as ``datetime64`` (a missing date is ``NaT``)."""
    import pyarrow as pa

    for field in SCHEMAS[name]:
        if pa.types.is_date(field.type) and field.name in frame.columns:
            frame[field.name] = pd.to_datetime(frame[field.name]).astype("datetime64[ns]")
    return frame
