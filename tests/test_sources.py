"""Reading inputs: decoding once without normalising, metadata rows, safe paths."""
from __future__ import annotations

import datetime as dt
import os

import pytest

from pipeline.run.sources import InputError, decode_bytes, parse_published, read_metadata, resolve_inside


@pytest.mark.parametrize(
    ("data", "text", "encoding"),
    [
        ("Kallas said €150bn.\r\nNext line".encode(), "Kallas said €150bn.\r\nNext line", "utf-8"),
        (b"\xef\xbb\xbfBOM first", "BOM first", "utf-8-sig"),
        ("UTF-16 text – with dash".encode("utf-16"), "UTF-16 text – with dash", "utf-16"),
        ("old\rmac\rlines".encode(), "old\rmac\rlines", "utf-8"),
        ("tab\there\u00a0nbsp\u200bzw 👍 e\u0301".encode(), "tab\there\u00a0nbsp\u200bzw 👍 e\u0301", "utf-8"),
    ],
    ids=["utf8-crlf", "utf8-bom", "utf16-bom", "cr-only", "odd-whitespace"],
)
def test_decoding_never_changes_the_text(data, text, encoding):
    assert decode_bytes(data, source="x.txt") == (text, encoding)


def test_legacy_single_byte_encoding_is_detected():
    data = ("The minister’s “plan” costs €5bn – déjà vu for café owners in Zürich. " * 4).encode("cp1252")
    text, encoding = decode_bytes(data, source="x.txt")
    assert "€5bn" in text and "café" in text
    assert encoding.lower().replace("_", "").replace("-", "") in {"cp1252", "windows1252"}


@pytest.mark.parametrize(
    ("data", "code"),
    [(b"", "E012"), (b"  \n\n", "E012"), (b"%PDF-1.7\n...", "E013"), (b"\x89PNG\r\n", "E013"),
     (b"text\x00with nul", "E013")],
    ids=["empty", "blank", "pdf", "png", "nul"],
)
def test_binary_and_empty_files_are_refused(data, code):
    with pytest.raises(InputError, match=code):
        decode_bytes(data, source="bad.txt")


@pytest.mark.parametrize(
    ("value", "expected"),
    [("2025-05-19", (dt.date(2025, 5, 19), "day")), ("2025-06", (dt.date(2025, 6, 1), "month")),
     ("2025", (dt.date(2025, 1, 1), "year")), ("", (None, None)), (" 2024-02-29 ", (dt.date(2024, 2, 29), "day"))],
)
def test_published_precision(value, expected):
    assert parse_published(value) == expected


@pytest.mark.parametrize("value", ["19/05/2025", "2025-5-19", "May 2025", "2025-13"])
def test_bad_published_values(value):
    with pytest.raises(ValueError):
        parse_published(value)


def test_metadata_rows_with_problems_name_the_line(tmp_path):
    (tmp_path / "a.txt").write_text("A")
    (tmp_path / "b.txt").write_text("B")
    (tmp_path / "sources.csv").write_text(
        "source,published,title,url\n"
        "a.txt,2025-03-17,A title,\n"
        "b.txt,17/03/2025,,\n"
        "c.txt,2025,too,many,fields\n"
        "../escape.txt,2025,,\n"
    )
    metadata, problems = read_metadata(tmp_path, "sources.csv")
    assert metadata["a.txt"].published == dt.date(2025, 3, 17) and metadata["a.txt"].title == "A title"
    assert metadata["b.txt"].published is None
    messages = [str(p) for p in problems]
    assert any("E025" in m and "line 3" in m for m in messages)
    assert any("E023" in m and "line 4" in m for m in messages)
    assert any("E024" in m and "line 5" in m for m in messages)


def test_paths_leading_outside_the_input_folder_are_refused(tmp_path):
    inside = tmp_path / "in"
    inside.mkdir()
    (tmp_path / "secret.txt").write_text("x")
    os.symlink(tmp_path / "secret.txt", inside / "link.txt")
    for source in ("../secret.txt", str(tmp_path / "secret.txt"), "link.txt"):
        with pytest.raises(InputError, match="E011"):
            resolve_inside(inside, source)
    (inside / "ok.txt").write_text("fine")
    assert resolve_inside(inside, "ok.txt") == (inside / "ok.txt").resolve()


# --- odd files, odd names and checked decodings ---------------------------------------------------------------

import signal
import socket
import stat
from contextlib import contextmanager

from pipeline.run.sources import read_input, scan_sources


@contextmanager
def _no_hang(seconds: int = 20):
    """Turn a blocked open() of a FIFO into a test failure instead of a hung test run."""
    def fail(*_):
        raise AssertionError(f"blocked for {seconds} s: something opened a FIFO for reading")

    previous = signal.signal(signal.SIGALRM, fail)
    signal.alarm(seconds)
    try:
        yield
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)


def _odd_folder(tmp_path):
    """A folder of good files and every kind of non-regular entry the pattern matches; the expected codes."""
    raw = tmp_path / "raw"
    raw.mkdir()
    (raw / "good.txt").write_text("Fine text.")
    (raw / "linked.txt").symlink_to(raw / "good.txt")  # a symlink to a regular file is still read
    os.mkfifo(raw / "pipe.txt")
    os.mkfifo(tmp_path / "elsewhere")
    (raw / "pipe-link.txt").symlink_to(raw / "pipe.txt")
    (raw / "broken.txt").symlink_to(raw / "missing-target")
    os.symlink(os.path.join(os.fsencode(raw), b"gone-\xff"), raw / "broken-odd.txt")  # message stays UTF-8
    (raw / "dir-link.txt").symlink_to(tmp_path)
    (raw / "real-dir.txt").mkdir()  # a folder named like a file is simply not an input
    sock = socket.socket(socket.AF_UNIX)
    sock.bind(str(raw / "sock.txt"))
    expected = {"pipe.txt": "E019", "pipe-link.txt": "E019", "broken.txt": "E019", "broken-odd.txt": "E019",
                "dir-link.txt": "E019",
                "sock.txt": "E019"}
    try:
        os.mknod(raw / "device.txt", 0o600 | stat.S_IFCHR, os.makedev(1, 3))
        expected["device.txt"] = "E019"
    except PermissionError:
        pass  # needs root; the FIFO, socket and links cover the same check
    with open(os.path.join(os.fsencode(raw), b"caf\xe9.txt"), "wb") as handle:
        handle.write(b"Latin-1 named file.")
    expected["caf\\xe9.txt"] = "E027"
    return raw, sock, expected


def test_non_regular_files_and_undecodable_names_are_each_an_error_never_opened(tmp_path):
    raw, sock, expected = _odd_folder(tmp_path)
    try:
        with _no_hang():
            sources, problems = scan_sources(raw, "*.txt")
    finally:
        sock.close()
    assert sources == ["good.txt", "linked.txt"]
    assert {p.source: p.code for p in problems} == expected
    for problem in problems:
        message = str(problem)
        assert message.startswith(f"[{problem.code}] {problem.source}") and "\n" not in message
        message.encode("utf-8")  # a valid UTF-8 row, unlike the surrogate-escaped name
    by_source = {p.source: str(p) for p in problems}
    assert "named pipe" in by_source["pipe.txt"] and "symlink" in by_source["pipe-link.txt"]
    assert "socket" in by_source["sock.txt"] and "does not exist" in by_source["broken.txt"]


def test_reading_a_fifo_is_refused_without_blocking(tmp_path):
    os.mkfifo(tmp_path / "pipe.txt")
    (tmp_path / "link.txt").symlink_to(tmp_path / "pipe.txt")
    with _no_hang():
        for name in ("pipe.txt", "link.txt"):
            with pytest.raises(InputError, match=r"^\[E019\] " + name):
                read_input(tmp_path / name, name)
    (tmp_path / "ok.txt").write_bytes(b"12345")
    assert read_input(tmp_path / "ok.txt", "ok.txt") == b"12345"
    with pytest.raises(InputError, match="E016"):
        read_input(tmp_path / "ok.txt", "ok.txt", max_bytes=4)


@pytest.mark.parametrize(
    ("data", "text", "encoding"),
    [
        ("UTF-32 café – text".encode("utf-32"), "UTF-32 café – text", "utf-32"),
        (b"\x00\x00\xfe\xff" + "big-endian 32".encode("utf-32-be"), "big-endian 32", "utf-32"),
        (b"\xff\xfe" + "little-endian 16 – é".encode("utf-16-le"), "little-endian 16 – é", "utf-16"),
        (b"\xfe\xff" + "big-endian 16 – é".encode("utf-16-be"), "big-endian 16 – é", "utf-16"),
        # exactly one byte-order mark is dropped: a U+FEFF after it belongs to the text
        ("\ufeffstarts with U+FEFF".encode("utf-16"), "\ufeffstarts with U+FEFF", "utf-16"),
        (b"\xef\xbb\xbf" + "\ufeffdouble".encode(), "\ufeffdouble", "utf-8-sig"),
        ("\ufeffUTF-32 too".encode("utf-32"), "\ufeffUTF-32 too", "utf-32"),
    ],
    ids=["utf32-le", "utf32-be", "utf16-le", "utf16-be", "utf16-feff-text", "utf8-bom-feff-text", "utf32-feff-text"],
)
def test_byte_order_marks_decide_the_encoding_and_only_one_is_dropped(data, text, encoding):
    assert decode_bytes(data, source="x.txt") == (text, encoding)


def test_an_unsure_legacy_decoding_is_an_error_naming_what_was_tried():
    # Latin-1 with bytes cp1252 leaves undefined: the detector's best guess was mac_latin2 ("café" -> "cafť")
    for odd in (b"\x81", b"\x8d", b"\x90"):
        data = ("The café owners in Zürich said déjà vu " + odd.decode("latin-1") + " again. ").encode("latin-1") * 3
        with pytest.raises(InputError, match=r"^\[E014\] x\.txt: .*tried utf-8, cp1252") as info:
            decode_bytes(data, source="x.txt")
        assert "UTF-8" in str(info.value)


def test_a_confident_legacy_decoding_is_still_accepted():
    text = "Министр сказал, что план стоит пять миллиардов евро. " * 3
    assert decode_bytes(text.encode("cp1251"), source="x.txt") == (text, "cp1251")
    curly = "The minister’s “€5bn” plan – déjà vu, said Kallas on 19 May 2025. "
    assert decode_bytes(curly.encode("cp1252"), source="x.txt") == (curly, "cp1252")
