"""Find, read and decode input files, and read ``sources.csv``: the input edge of the pipeline.

Text is decoded once, from bytes, and never normalised: no newline translation,
no Unicode normalisation. The encoding used is recorded for the documents table.
"""
from __future__ import annotations

import csv
import datetime as dt
import hashlib
import io
import os
import re
import stat
import unicodedata
from dataclasses import dataclass
from pathlib import Path

from pipeline.stages.segment import SourceMetadata

_BINARY_SIGNATURES = (
    (b"%PDF-", "a PDF document"),
    (b"\x89PNG", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF8", "a GIF image"),
    (b"PK\x03\x04", "a ZIP archive (or DOCX/XLSX)"),
    (b"\x1f\x8b", "a gzip archive"),
)
_PUBLISHED = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")
METADATA_COLUMNS = ("source", "published", "title", "url")
#: legacy encodings chosen first when the detector finds them plausible (English text)
PREFERRED_LEGACY_ENCODINGS = ("cp1252",)
#: the detector's guess is trusted when at most this chaos (0 = clean text) ...
MAX_LEGACY_CHAOS = 0.1
#: ... and at most this share of the decoded non-ASCII letters are Latin: for Latin text outside the
#: preferred code pages the accented letters are the only evidence, and single-byte Latin code pages
#: cannot be told apart on them (Latin-1 "café" with one 0x81 byte came out as mac_latin2 "cafť")
MAX_LEGACY_LATIN_SHARE = 0.5
_UTF32_BOMS = (b"\xff\xfe\x00\x00", b"\x00\x00\xfe\xff")
_NOT_REGULAR = (
    (stat.S_ISFIFO, "a named pipe (FIFO)"),
    (stat.S_ISCHR, "a character device"),
    (stat.S_ISBLK, "a block device"),
    (stat.S_ISSOCK, "a socket"),
    (stat.S_ISDIR, "a folder"),
)


class InputError(ValueError):
    """An input file or the metadata file cannot be used; the message says which and why."""

    def __init__(self, message: str, *, source: str | None = None, line: int | None = None, code: str = "E010"):
        super().__init__(message)
        self.source = source
        self.line = line
        self.code = code


@dataclass(frozen=True)
class DecodedSource:
    """One input file read and decoded: its text, the encoding used and its bytes' hash."""

    source: str
    text: str
    encoding: str
    sha256: str


def list_sources(raw_dir: Path, pattern: str) -> list[str]:
    """Input files under ``raw_dir`` matching ``pattern``, as sorted POSIX paths relative to it.

    Only regular files (or symlinks to them) with UTF-8 names; ``scan_sources`` also returns the rest as errors.
    """
    return scan_sources(raw_dir, pattern)[0]


def scan_sources(raw_dir: Path, pattern: str) -> tuple[list[str], list[InputError]]:
    """The readable input files matching ``pattern``, and one InputError per matched entry that is not one.

    A FIFO, device, socket, a symlink to one or a broken symlink is reported, never opened (reading a
    FIFO blocks the run forever); a name that is not valid UTF-8 is reported with its bytes escaped,
    since it cannot be written to the tables' string columns.
    """
    if not raw_dir.is_dir():
        raise InputError(f"[E010] input folder {raw_dir} does not exist or is not a folder; pass --raw DIR")
    found: list[str] = []
    problems: list[InputError] = []
    for path in sorted(raw_dir.glob(pattern)):
        source = path.relative_to(raw_dir).as_posix()
        if not is_utf8_name(source):
            shown = shown_name(source)
            problems.append(InputError(
                f"[E027] {shown}: the file name is not valid UTF-8 (undecodable bytes shown as \\xNN), so the "
                "file is not read; rename it to a UTF-8 name", source=shown, code="E027"))
            continue
        try:
            if stat.S_ISDIR(os.lstat(path).st_mode):
                continue  # a real folder named like a file is not an input (as before)
        except OSError:
            continue  # gone since the glob listed it
        problem = not_regular(path, source)
        if problem is not None:
            problems.append(problem)
            continue
        found.append(source)
    return found, problems


def is_utf8_name(name: str) -> bool:
    try:
        name.encode("utf-8")
    except UnicodeEncodeError:  # os.fsdecode turned undecodable bytes into lone surrogates
        return False
    return True


def shown_name(name: str) -> str:
    """``name`` as valid UTF-8 text: bytes of a non-UTF-8 file name appear as ``\\xNN`` escapes."""
    return os.fsencode(name).decode("utf-8", "backslashreplace")


def not_regular(path: Path, source: str) -> InputError | None:
    """An InputError when ``path`` (followed through symlinks) is not a regular file; checked by stat, not opened."""
    try:
        mode = os.stat(path).st_mode
    except FileNotFoundError:
        return InputError(f"[E019] {source}: a symlink to {shown_name(os.readlink(path)) if os.path.islink(path) else 'nothing'} "
                          "which does not exist; fix or remove the link", source=source, code="E019")
    except OSError as exc:
        return InputError(f"[E015] {source}: cannot read the file: {exc.strerror}; check its permissions",
                          source=source, code="E015")
    if stat.S_ISREG(mode):
        return None
    what = next((name for test, name in _NOT_REGULAR if test(mode)), "not a regular file")
    via = " (through a symlink)" if os.path.islink(path) else ""
    return InputError(f"[E019] {source}: is {what}{via}, not a regular file, so it is not read; "
                      "replace it with a plain text file or remove it", source=source, code="E019")


def read_input(path: Path, source: str, *, max_bytes: int | None = None) -> bytes:
    """The bytes of one input file, which must be a regular file; raises InputError (E015, E016, E019).

    Checked by stat before opening, opened without blocking and checked again on the open
    descriptor, so a FIFO put in the file's place after the check cannot hang the run either.
    """
    problem = not_regular(path, source)
    if problem is not None:
        raise problem
    try:
        fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK)
    except OSError as exc:
        raise InputError(f"[E015] {source}: cannot read the file: {exc.strerror}; check its permissions",
                         source=source, code="E015") from exc
    with open(fd, "rb", closefd=True) as handle:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            raise InputError(f"[E019] {source}: is not a regular file (replaced while being read), so it is not "
                             "read; replace it with a plain text file", source=source, code="E019")
        if max_bytes is not None and info.st_size > max_bytes:
            raise InputError(
                f"[E016] {source}: {info.st_size:,} bytes is more than input.max_source_chars allows "
                f"({max_bytes:,} bytes); split the file or raise the limit", source=source, code="E016")
        try:
            return handle.read()
        except OSError as exc:
            raise InputError(f"[E015] {source}: cannot read the file: {exc.strerror}; check its permissions",
                             source=source, code="E015") from exc


def input_warnings(raw_dir: Path, pattern: str, sources: list[str], *, also: tuple[str, ...] = ()) -> list[str]:
    """Coded lines for an input folder that yields nothing, or holds files the patterns miss only by case.

    Files such as ``ECB.TXT`` or ``NEWS.JSONL`` are not read: ``pattern`` and the record and
    page patterns in ``also`` are matched as written (case-sensitively, as on Linux), as the
    Makefile's ``$(wildcard raw/*.txt)`` does, so ``pipeline run`` and ``make all`` see the same
    files, and renaming a file never silently changes the corpus; E018 names every such file.
    """
    matched, near = set(), set()
    for each in (pattern, *also):
        matched |= {path.relative_to(raw_dir).as_posix() for path in raw_dir.glob(each)}
    for each in (pattern, *also):
        near |= {path.relative_to(raw_dir).as_posix() for path in raw_dir.glob(_any_case(each)) if path.is_file()}
    near = sorted(shown_name(name) for name in near - matched)
    lines = []
    if near:
        shown = ", ".join(near[:5]) + (f" and {len(near) - 5} more" if len(near) > 5 else "")
        read = ", ".join(repr(p) for p in (pattern, *also))
        lines.append(f"[E018] {raw_dir}: {shown} match(es) input.pattern {pattern!r} or the record and page "
                     f"patterns ({read}) only when case is ignored, so not read; rename to the pattern's case "
                     f"(e.g. .txt, .jsonl, .html) or set input.pattern to match them")
    if not sources and not matched:  # files matched but unreadable are error rows of their own
        lines.append(f"[E017] {raw_dir}: no file matches input.pattern {pattern!r}, so the tables are empty; "
                     "put .txt files there, or pass --raw with the right folder")
    return lines


def _any_case(pattern: str) -> str:
    """The glob ``pattern`` with every letter outside brackets matching either case ("*.txt" -> "*.[tT][xX][tT]")."""
    out, in_class = [], False
    for char in pattern:
        if char == "[":
            in_class = True
        elif char == "]":
            in_class = False
        out.append(f"[{char.lower()}{char.upper()}]" if char.isalpha() and not in_class else char)
    return "".join(out)


def resolve_inside(raw_dir: Path, source: str) -> Path:
    """The path of ``source`` under ``raw_dir``; refuses anything that leads outside it."""
    if not source or Path(source).is_absolute() or source.startswith(("/", "\\")):
        raise InputError(f"[E011] {source!r}: absolute paths are not allowed; name files relative to the input folder", source=source, code="E011")
    root = raw_dir.resolve()
    path = (raw_dir / source).resolve()
    if path != root and root not in path.parents:
        raise InputError(
            f"[E011] {source!r} points outside the input folder {raw_dir} (via '..' or a symlink); "
            "copy the file into the folder instead",
            source=source, code="E011",
        )
    return path


def decode_bytes(data: bytes, *, source: str) -> tuple[str, str]:
    """Decode a file's bytes once; return ``(text, encoding)`` or raise InputError for binary/empty input."""
    if not data.strip():
        raise InputError(f"[E012] {source}: the file is empty (or only whitespace); nothing to process", source=source, code="E012")
    # a UTF-32 LE byte-order mark begins with the UTF-16 LE one, so it is tested first
    if data.startswith(_UTF32_BOMS):
        return _strict(data, "utf-32", source), "utf-32"
    if data.startswith(b"\xef\xbb\xbf"):
        return _strict(data, "utf-8-sig", source), "utf-8-sig"
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return _strict(data, "utf-16", source), "utf-16"
    for signature, what in _BINARY_SIGNATURES:
        if data.startswith(signature):
            raise InputError(f"[E013] {source}: this is {what}, not text; convert it to plain text first", source=source, code="E013")
    if b"\x00" in data:
        raise InputError(
            f"[E013] {source}: contains NUL bytes, so it is binary or UTF-16 without a byte-order mark; "
            "save it as UTF-8", source=source, code="E013")
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    from charset_normalizer import from_bytes

    matches = list(from_bytes(data))
    # The model reads English: among encodings that fit the bytes, the Windows Western one is by far
    # the likeliest, and the detector's chaos score cannot tell it from Baltic or Central European
    # code pages on short English text.
    for match in matches:
        for preferred in PREFERRED_LEGACY_ENCODINGS:
            if preferred in match.could_be_from_charset:
                return _strict(data, preferred, source), preferred
    for match in matches[:1]:
        text = _strict(data, match.encoding, source)
        if match.chaos <= MAX_LEGACY_CHAOS and _latin_share(text) <= MAX_LEGACY_LATIN_SHARE:
            return text, match.encoding
    tried = ["utf-8", *PREFERRED_LEGACY_ENCODINGS] + [m.encoding for m in matches[:3]]
    raise InputError(
        f"[E014] {source}: not UTF-8, and no legacy encoding fits with confidence (tried {', '.join(tried)}); "
        "save it as UTF-8", source=source, code="E014")


def _latin_share(text: str) -> float:
    """The share of the non-ASCII letters in ``text`` that are Latin (1.0 when there are none)."""
    letters = [char for char in text if ord(char) > 127 and char.isalpha()]
    if not letters:
        return 1.0
    return sum(unicodedata.name(char, "").startswith("LATIN") for char in letters) / len(letters)


def _strict(data: bytes, encoding: str, source: str) -> str:
    """``data`` decoded; the UTF-8/16/32 codecs drop exactly one byte-order mark, and a U+FEFF after it is text."""
    try:
        return data.decode(encoding)
    except (UnicodeDecodeError, LookupError) as exc:
        raise InputError(f"[E014] {source}: not valid {encoding}: {exc}; save it as UTF-8", source=source, code="E014") from exc


def read_source(raw_dir: Path, source: str, *, max_chars: int) -> DecodedSource:
    """Read and decode one input file (bytes once, hashed, decoded, size-checked)."""
    data = read_input(resolve_inside(raw_dir, source), source)
    text, encoding = decode_bytes(data, source=source)
    if len(text) > max_chars:
        raise InputError(
            f"[E016] {source}: {len(text):,} characters exceeds input.max_source_chars = {max_chars:,}; "
            "split the file or raise the limit in the configuration", source=source, code="E016")
    return DecodedSource(source=source, text=text, encoding=encoding, sha256=hashlib.sha256(data).hexdigest())


def parse_published(value: str) -> tuple[dt.date | None, str | None]:
    """``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD`` to (first day of the period, precision); '' to (None, None)."""
    value = value.strip()
    if not value:
        return None, None
    match = _PUBLISHED.match(value)
    if not match:
        raise ValueError(f"published {value!r} is not YYYY, YYYY-MM or YYYY-MM-DD")
    year, month, day = match.groups()
    precision = "day" if day else "month" if month else "year"
    return dt.date(int(year), int(month or 1), int(day or 1)), precision


def fill_metadata(first: SourceMetadata | None, then: SourceMetadata | None) -> SourceMetadata | None:
    """``first``'s fields, with ``then`` filling those it leaves empty (either may be None)."""
    if first is None or then is None:
        return first or then
    published, precision = (first.published, first.published_precision) if first.published \
        else (then.published, then.published_precision)
    return SourceMetadata(published=published, published_precision=precision,
                          title=first.title or then.title, url=first.url or then.url)


def read_metadata(raw_dir: Path, name: str) -> tuple[dict[str, SourceMetadata], list[InputError]]:
    """Parse ``sources.csv``: metadata by source, and one InputError per unusable row (the rest still count)."""
    path = raw_dir / name
    if not path.is_file():
        return {}, []
    label = path.name
    try:
        text = path.read_bytes().decode("utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        return {}, [InputError(f"[E020] {label}: cannot read as UTF-8 ({exc}); save it as UTF-8 CSV", source=label, code="E020")]
    reader = csv.reader(io.StringIO(text, newline=""))
    try:
        header = next(reader)
    except StopIteration:
        return {}, []
    header = [h.strip().lower() for h in header]
    if "source" not in header:
        return {}, [InputError(
            f"[E021] {label} line 1: no 'source' column; the header must be {','.join(METADATA_COLUMNS)}",
            source=label, line=1, code="E021")]
    unknown = [h for h in header if h not in METADATA_COLUMNS]
    errors: list[InputError] = []
    if unknown:
        errors.append(InputError(
            f"[E022] {label} line 1: unknown column(s) {unknown}; expected {','.join(METADATA_COLUMNS)} (ignored)",
            source=label, line=1, code="E022"))
    result: dict[str, SourceMetadata] = {}
    for row in reader:
        line = reader.line_num
        if not any(cell.strip() for cell in row):
            continue
        if len(row) != len(header):
            errors.append(InputError(
                f"[E023] {label} line {line}: {len(row)} fields, the header has {len(header)}; "
                "quote fields that contain commas", source=label, line=line, code="E023"))
            continue
        record = dict(zip(header, row))
        source = record["source"].strip()
        try:
            resolve_inside(raw_dir, source)
        except InputError as exc:
            errors.append(InputError(f"[E024] {label} line {line}: {exc}", source=label, line=line, code="E024"))
            continue
        try:
            published, precision = parse_published(record.get("published", ""))
        except ValueError as exc:
            errors.append(InputError(
                f"[E025] {label} line {line}: {exc}; write e.g. 2025-05-19, 2025-05 or 2025",
                source=label, line=line, code="E025"))
            published, precision = None, None
        except Exception as exc:  # an impossible date such as 2025-02-30
            errors.append(InputError(f"[E025] {label} line {line}: {exc}", source=label, line=line, code="E025"))
            published, precision = None, None
        if source in result:
            errors.append(InputError(f"[E026] {label} line {line}: {source} is listed twice; the first row wins",
                                     source=label, line=line, code="E026"))
            continue
        result[source] = SourceMetadata(
            published=published,
            published_precision=precision,
            title=(record.get("title") or "").strip() or None,
            url=(record.get("url") or "").strip() or None,
        )
    return result, errors


def file_sha256(path: Path) -> str:
    """SHA-256 of a file's bytes (for the manifest)."""
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def shard_name(source: str) -> str:
    """A filesystem-safe, stable file stem for one source's interim files."""
    digest = hashlib.sha1(source.encode("utf-8", "surrogatepass")).hexdigest()
    if "#" in source:
        # a record (``news.jsonl#<id>``): thousands share one file's stem, and an id may hold "/" or "#",
        # so the id is part of the stem and the hash is long enough never to collide within a corpus
        return f"{re.sub(r'[^A-Za-z0-9_.-]+', '_', source)[-60:]}-{digest[:20]}"
    stem = re.sub(r"[^A-Za-z0-9_.-]+", "_", os.path.splitext(source)[0])[-60:]
    return f"{stem}-{digest[:8]}"
