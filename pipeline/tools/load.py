"""The notebook API: load every output table as pandas, and show any row in its source context."""
from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path

import pandas as pd

from pipeline.core.schema import CONTRACT_TABLES, SCHEMAS, read_table
from pipeline.run.outputs import check_rows, read_output_files, table_schema


class Tables(Mapping):
    """The output tables of one run, by name and as attributes (``tables.claims``)."""

    def __init__(self, out_dir: Path, frames: dict[str, pd.DataFrame], manifest: dict | None,
                 raw_dir: Path | None) -> None:
        self.out_dir = out_dir
        self._frames = frames
        self.manifest = manifest or {}
        self.raw_dir = raw_dir
        self._texts: dict[str, str] = {}

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

    def __repr__(self) -> str:
        """Row counts per table, then a few claims: what a notebook or ``print`` shows first."""
        counts = ", ".join(f"{name} {len(frame)}" for name, frame in self._frames.items())
        lines = [f"Tables({self.out_dir}): {counts}"]
        claims = self._frames.get("claims")
        if claims is not None and len(claims):
            shown = claims[["subject", "predicate", "kind", "text"]].head(5).copy()
            shown["text"] = shown["text"].str.replace(r"\s+", " ", regex=True).str.slice(0, 70)
            lines.append(shown.to_string(index=False))
        return "\n".join(lines)

    def _repr_html_(self) -> str:
        """The same, as HTML for Jupyter: counts, then the first claims as a table."""
        import html

        counts = ", ".join(f"{html.escape(name)} {len(frame)}" for name, frame in self._frames.items())
        claims = self._frames.get("claims")
        table = claims[["subject", "predicate", "kind", "text"]].head(5).to_html(index=False) \
            if claims is not None and len(claims) else ""
        return f"<p><b>Tables</b> ({html.escape(str(self.out_dir))}): {counts}</p>{table}"

    def source_text(self, source: str) -> str:
        """The decoded text of ``source`` (read from the run's input folder, decoded as recorded; for a record
        ``<file>#<id>``, the record's ``text``)."""
        if source not in self._texts:
            if self.raw_dir is None:
                raise FileNotFoundError("[E050] the run's input folder is unknown; pass raw_dir= to load()")
            from pipeline.run.records import read_record, split_record_name
            from pipeline.run.sources import decode_bytes

            if split_record_name(source) is not None and not (self.raw_dir / source).is_file():
                # a record ``<file>#<id>``: its text, read by the reader the run used
                max_chars = (self.manifest.get("input") or {}).get("max_source_chars", 1 << 62)
                self._texts[source] = read_record(self.raw_dir, source, max_chars=max_chars).decoded.text
            elif source.lower().endswith((".html", ".htm")):
                from pipeline.run.html import read_html

                self._texts[source] = read_html(self.raw_dir, source, max_chars=1 << 62)[0].text
            else:
                data = (self.raw_dir / source).read_bytes()
                self._texts[source], _ = decode_bytes(data, source=source)
        return self._texts[source]

    def context(self, row: Mapping, *, width: int = 80) -> str:
        """The row's span in its source with ``width`` characters either side, the span in [[ ]]."""
        text = self.source_text(row["source"])
        start, end = int(row["start"]), int(row["end"])
        before = text[max(0, start - width):start]
        after = text[end:end + width]
        return f"{before}[[{text[start:end]}]]{after}"

    def show(self, row: Mapping, *, width: int = 80) -> None:
        """Print ``context(row)`` (for notebooks)."""
        print(self.context(row, width=width))


def load(out_dir: str | Path = "outputs", *, raw_dir: str | Path | None = None) -> Tables:
    """Load every table in ``out_dir`` as pandas DataFrames (missing tables come back empty).

    The folder is first settled (an interrupted publish finished or dropped) and every
    table is checked against the row counts and SHA-256 in ``manifest.json``, so what
    comes back is one complete run; a mixed or damaged folder raises ``OutputsError``.
    """
    import pyarrow as pa

    out_dir = Path(out_dir)
    if not out_dir.is_dir():
        raise FileNotFoundError(f"[E051] {out_dir} is not a folder of pipeline outputs; run `make all` first")
    names = [*CONTRACT_TABLES, "errors"]
    manifest, data = read_output_files(out_dir, names)
    frames = {}
    for name in names:
        if name in data:
            table_schema(out_dir / f"{name}.parquet", name, data[name])
            frames[name] = read_table(name, pa.BufferReader(data[name]))
            check_rows(out_dir, manifest, name, len(frames[name]))
        else:
            frames[name] = SCHEMAS[name].empty_table().to_pandas()
    if raw_dir is None and manifest and manifest.get("raw_dir"):
        raw_dir = manifest["raw_dir"]
    return Tables(out_dir, frames, manifest, Path(raw_dir) if raw_dir else None)
