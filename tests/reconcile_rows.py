"""Candidate mention rows for reconciliation tests, placed by finding their text in a lead."""
from __future__ import annotations

import pytest

from pipeline.core.ids import span_id


@pytest.fixture(scope="module")
def lexicon(config) -> dict:
    from pipeline.run.extract import entity_lexicon

    return entity_lexicon(config)


def cands(doc: str, lead: str, names: list[tuple[str, str, int]]) -> list[dict]:
    """Candidate rows for (text, label, n): the n-th (from 0) place of the text in ``lead``."""
    rows, source = [], f"{doc}.txt"
    for text, label, nth in names:
        start = -1
        for _ in range(nth + 1):
            start = lead.index(text, start + 1)
        end = start + len(text)
        assert lead[start:end] == text
        rows.append({"mention_id": span_id("m_", source, start, end), "doc_id": doc, "source": source,
                     "start": start, "end": end, "text": text, "sentence_id": None, "label": label,
                     "detector": "model", "canonical_hint": None, "kb_id": None, "evidence": None})
    return rows
