"""HTML pages (``.html``, ``.htm``): the page's main text, title and date, extracted by trafilatura.

A page's decoded text is the extracted main text (navigation, footers and comments left
out), so every span's offsets count in that text; extraction depends only on the page's
bytes and trafilatura's pinned version, so ``load(...).source_text`` extracts the same text
again. The page's title and date fill whatever a ``sources.csv`` row for it leaves empty.
"""
from __future__ import annotations

import hashlib
from pathlib import Path

from pipeline.run.sources import (
    DecodedSource, InputError, decode_bytes, fill_metadata, parse_published, read_input, resolve_inside,
)
from pipeline.stages.segment import SourceMetadata

HTML_PATTERNS = ("*.html", "*.htm")
HTML_SUFFIXES = (".html", ".htm")


def is_html_file(name: str) -> bool:
    return name.lower().endswith(HTML_SUFFIXES)


def extractor_version() -> str:
    """trafilatura's version, part of a page's cache key: another version may extract other text."""
    try:
        import trafilatura
    except ImportError:
        return "missing"
    return trafilatura.__version__


def extract_html(data: bytes, source: str, *, max_chars: int) -> tuple[DecodedSource, SourceMetadata | None]:
    """The page's main text as a decoded source, and its title and date; raises InputError (E031)."""
    try:
        import trafilatura
    except ImportError as exc:
        raise InputError(f"[E031] {source}: reading HTML needs trafilatura, which is not installed; "
                         "run `make all` (or pip install -e .) to install the pinned dependencies",
                         source=source, code="E031") from exc
    page, encoding = decode_bytes(data, source=source)
    found = trafilatura.bare_extraction(page, with_metadata=True, include_comments=False)
    text = getattr(found, "text", None) if found is not None else None
    if not text or not text.strip():
        raise InputError(f"[E031] {source}: no main text found in the HTML page; save the article's text "
                         "as .txt instead", source=source, code="E031")
    if len(text) > max_chars:
        raise InputError(f"[E016] {source}: {len(text):,} characters of main text exceeds input.max_source_chars "
                         f"= {max_chars:,}; split the page or raise the limit", source=source, code="E016")
    try:
        published, precision = parse_published(str(found.date or "")[:10])
    except Exception:  # an unreadable page date leaves the article to its dateline or its own dates
        published, precision = None, None
    title = (found.title or "").strip() or None
    url = (getattr(found, "url", None) or "").strip() or None
    metadata = SourceMetadata(published=published, published_precision=precision, title=title, url=url) \
        if published or title or url else None
    decoded = DecodedSource(source=source, text=text, encoding=f"{encoding}+html",
                            sha256=hashlib.sha256(data).hexdigest())
    return decoded, metadata


def read_html(raw_dir: Path, source: str, *, max_chars: int) -> tuple[DecodedSource, SourceMetadata | None]:
    """Read one page under ``raw_dir`` and extract it."""
    return extract_html(read_input(resolve_inside(raw_dir, source), source), source, max_chars=max_chars)


def page_metadata(listed: SourceMetadata | None, page: SourceMetadata | None) -> SourceMetadata | None:
    """A ``sources.csv`` row for the page, its empty fields filled from the page's own title and date."""
    return fill_metadata(listed, page)
