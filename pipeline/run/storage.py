"""Input, interim and output locations as plain paths or fsspec URLs (file://, memory://, s3://, gs://, abfs://)."""
from __future__ import annotations

import contextlib
import fnmatch
import hashlib
import io
from collections.abc import Iterator
from pathlib import Path

from pipeline.core.schema import (arrow_rows, read_arrow, read_table, to_arrow, write_arrow_atomic, write_bytes_atomic,
                                  write_table)


def is_url(location: str | Path) -> bool:
    return "://" in str(location)


def local_path(location: str | Path) -> Path | None:
    """The local folder a location names (a plain path or a ``file://`` URL), else None."""
    text = str(location)
    if not is_url(text):
        return Path(text)
    if text.startswith("file://"):
        return Path(text[len("file://"):] or "/")
    return None


class Store:
    """One location, local or remote, read and written by relative names ("segment/x.parquet").

    On a local folder every write is the pipeline's atomic rename; on an object store a
    single PUT is atomic per object already. A Store pickles into its URL and is what a
    Dask task receives instead of bytes.
    """

    def __init__(self, location: str | Path) -> None:
        self.location = str(location)
        self.local = local_path(location)
        self.fs = None
        self.root = ""
        if self.local is None:
            import fsspec

            try:
                self.fs, self.root = fsspec.core.url_to_fs(self.location)
            except (ImportError, ValueError) as exc:
                raise ValueError(f"[E044] {self.location}: no fsspec backend for this URL ({exc}); install the "
                                 "backend package (s3fs, gcsfs, adlfs) on the client and every worker") from exc
            self.root = self.root.rstrip("/")

    def __reduce__(self):
        return (Store, (self.location,))

    def full(self, name: str) -> str:
        return str(self.local / name) if self.local is not None else f"{self.root}/{name}"

    def exists(self, name: str) -> bool:
        return (self.local / name).exists() if self.local is not None else self.fs.exists(self.full(name))

    def read_bytes(self, name: str) -> bytes:
        return (self.local / name).read_bytes() if self.local is not None else self.fs.cat_file(self.full(name))

    def size(self, name: str) -> int:
        return (self.local / name).stat().st_size if self.local is not None else int(self.fs.size(self.full(name)))

    def write_bytes(self, name: str, data: bytes, *, durable: bool = True) -> str:
        """Write ``data`` under ``name``; return its SHA-256."""
        if self.local is not None:
            write_bytes_atomic(data, self.local / name, durable=durable)
        else:
            parent = self.full(name).rsplit("/", 1)[0]
            self.fs.makedirs(parent, exist_ok=True)
            self.fs.pipe_file(self.full(name), data)
        return hashlib.sha256(data).hexdigest()

    def write_table(self, table: str, rows, name: str, *, durable: bool = True, digest: bool = False) -> tuple[int, str]:
        """Check ``rows`` against schema ``table`` and write them as Parquet; return (rows, SHA-256 when ``digest``)."""
        if self.local is not None:
            count = write_table(table, rows, self.local / name, durable=durable)
            return count, hashlib.sha256((self.local / name).read_bytes()).hexdigest() if digest else ""
        return self._put_arrow(to_arrow(table, rows), name)

    def write_arrow(self, table: str, arrow, name: str, *, durable: bool = True, digest: bool = False) -> tuple[int, str]:
        """``write_table`` for rows already in Arrow (read with ``read_arrow``): checked and sorted, never via pandas."""
        arrow = arrow_rows(table, arrow)
        if self.local is not None:
            write_arrow_atomic(arrow, self.local / name, durable=durable)
            return arrow.num_rows, hashlib.sha256((self.local / name).read_bytes()).hexdigest() if digest else ""
        return self._put_arrow(arrow, name)

    def _put_arrow(self, arrow, name: str) -> tuple[int, str]:
        import pyarrow.parquet as pq

        buffer = io.BytesIO()
        # the same writer options as the local writer, so a table has the same bytes wherever it is written
        pq.write_table(arrow, buffer, compression="zstd", write_statistics=True, store_schema=True)
        return arrow.num_rows, self.write_bytes(name, buffer.getvalue())

    def read_table(self, table: str, name: str):
        if self.local is not None:
            return read_table(table, self.local / name)
        with self.fs.open(self.full(name), "rb") as handle:
            return read_table(table, handle)

    def read_arrow(self, table: str, name: str):
        """``read_table`` as an Arrow table: what a writer that only concatenates needs."""
        if self.local is not None:
            return read_arrow(table, self.local / name)
        with self.fs.open(self.full(name), "rb") as handle:
            return read_arrow(table, handle)

    def files(self, patterns: tuple[str, ...]) -> dict[str, int]:
        """Name and size of each regular file directly in this location matching a pattern (case-sensitive).

        One listing, not one request per file: on an object store a million inputs are a
        thousand LIST calls.
        """
        if self.local is not None:
            return {p.name: p.stat().st_size for p in sorted(self.local.iterdir())
                    if p.is_file() and any(fnmatch.fnmatchcase(p.name, pattern) for pattern in patterns)}
        if not self.fs.exists(self.root):
            return {}
        found = {}
        for info in self.fs.ls(self.root, detail=True):
            name = info["name"].rstrip("/").rsplit("/", 1)[-1]
            if info.get("type") == "file" and any(fnmatch.fnmatchcase(name, pattern) for pattern in patterns):
                found[name] = int(info.get("size") or 0)
        return dict(sorted(found.items()))

    def present(self) -> bool:
        """Whether the location itself exists (a folder, or an object-store prefix holding something)."""
        return self.local.is_dir() if self.local is not None else self.fs.exists(self.root)

    def tree(self) -> dict[str, float | None]:
        """Every file under this location, at any depth, by relative name, with its modification time if known."""
        if self.local is not None:
            return {p.relative_to(self.local).as_posix(): p.stat().st_mtime for p in sorted(self.local.rglob("*"))
                    if p.is_file()}
        if not self.fs.exists(self.root):
            return {}
        found = {}
        for path, info in self.fs.find(self.root, detail=True).items():
            stamp = next((info[k] for k in ("mtime", "LastModified", "last_modified", "created") if info.get(k)), None)
            if hasattr(stamp, "timestamp"):
                stamp = stamp.timestamp()
            # a backend's time as text (its own format) is left out: the copy then has the time it was made
            found[path[len(self.root):].lstrip("/")] = float(stamp) if isinstance(stamp, (int, float)) else None
        return dict(sorted(found.items()))

    def remove(self, name: str) -> None:
        if self.local is not None:
            import shutil

            target = self.local / name
            if target.is_dir():
                shutil.rmtree(target)
            else:
                target.unlink(missing_ok=True)
        elif self.fs.exists(self.full(name)):
            self.fs.rm(self.full(name), recursive=True)

    def move(self, source: str, target: str) -> None:
        """Put ``source`` where ``target`` is, replacing it (a rename locally; a copy and delete on object stores)."""
        if self.local is not None:
            import os

            if (self.local / target).is_dir() or (self.local / source).is_dir():
                self.remove(target)
            os.replace(self.local / source, self.local / target)
            return
        self.remove(target)
        self.fs.mv(self.full(source), self.full(target), recursive=True)


@contextlib.contextmanager
def local_copy(location: str | Path, *, write: bool) -> Iterator[Path]:
    """A local folder holding ``location``: a folder (or ``file://``) itself, else a scratch copy of the URL.

    For the stage commands, which read and write a folder (``make``'s targets, timestamps
    and locks): the copy keeps the store's modification times, so a stage's order checks see
    them, and with ``write`` every file the command added or changed is written back and
    every file it removed is removed, once it has succeeded. The whole location is copied:
    a corpus for one machine; ``pipeline run --engine dask`` reads and writes a store in place.
    """
    import os
    import tempfile

    folder = local_path(location)
    if folder is not None:
        yield folder
        return
    store = Store(location)
    with tempfile.TemporaryDirectory(prefix="pipeline-copy-") as scratch:
        folder = Path(scratch)
        before: dict[str, tuple[str, int]] = {}
        for name, stamp in store.tree().items():
            data = store.read_bytes(name)
            (folder / name).parent.mkdir(parents=True, exist_ok=True)
            (folder / name).write_bytes(data)
            if stamp is not None:
                os.utime(folder / name, (stamp, stamp))
            before[name] = (hashlib.sha256(data).hexdigest(), (folder / name).stat().st_mtime_ns)
        yield folder
        if not write:
            return
        after = {p.relative_to(folder).as_posix(): p for p in sorted(folder.rglob("*")) if p.is_file()}
        for name, path in after.items():
            data = path.read_bytes()
            # a file rewritten with the same bytes goes back too: its new time is what the order checks read
            if before.get(name) != (hashlib.sha256(data).hexdigest(), path.stat().st_mtime_ns):
                store.write_bytes(name, data)
        for name in sorted(set(before) - set(after)):
            store.remove(name)
