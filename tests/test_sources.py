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
