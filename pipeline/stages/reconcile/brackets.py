"""Names in brackets the entities stage found right after an organisation's name (evidence ``bracket_name``).

"the National Supply Company (CONAB)": within its article, the bracket's word, written in any case ("Conab"),
joins that name (link ``bracket_name``). Within the article only: another article's "(CONAB)" defines nothing here.
"""
from __future__ import annotations

from pipeline.stages.reconcile.rows import Row


def bracket_names(doc_rows: list[Row]) -> dict[str, Row]:
    """Key of a bracketed name -> the row of the one organisation's name right before its bracket (" (")."""
    found: dict[str, Row] = {}
    seen: dict[str, set] = {}
    for a, b in zip(doc_rows, doc_rows[1:]):
        if (b.record["evidence"] == "bracket_name" and int(b.record["start"]) - int(a.record["end"]) == 2
                and " " in a.surface and a.label == "ORG" and a.person is None):
            seen.setdefault(b.key, set()).add(a.key)
            found.setdefault(b.key, a)
    # one word in brackets after two different names names neither
    return {k: r for k, r in found.items() if len(seen[k]) == 1}
