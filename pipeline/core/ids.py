"""Stable row identifiers: content hashes, never row numbers or random UUIDs."""
from __future__ import annotations

import hashlib

_SEP = "\x1f"


def stable_id(prefix: str, *parts: object) -> str:
    """Return ``prefix`` + 16 hex digits of a SHA-1 over the parts.

    The same parts give the same ID on every run and machine, so reruns and
    ``pipeline diff`` line up rows by identity.
    """
    payload = _SEP.join(str(part) for part in parts).encode("utf-8", "surrogatepass")
    return f"{prefix}{hashlib.sha1(payload).hexdigest()[:16]}"


def span_id(prefix: str, source: str, start: int, end: int, *extra: object) -> str:
    """ID of a span row: its table prefix, source, offsets and any discriminating parts."""
    return stable_id(prefix, source, start, end, *extra)
