"""Scoring a run: the output tables as rows, every table's scorer over one gold set, one result."""
from __future__ import annotations

from collections.abc import Mapping

import pandas as pd

from pipeline.tools.evaluate.claims import score_claims
from pipeline.tools.evaluate.dates import score_dates
from pipeline.tools.evaluate.documents import score_documents
from pipeline.tools.evaluate.entities import score_entities
from pipeline.tools.evaluate.gold import GoldFile, GoldSet
from pipeline.tools.evaluate.quantities import score_quantities
from pipeline.tools.evaluate.rows import table_rows


def evaluate(gold: GoldSet, tables: Mapping[str, pd.DataFrame]) -> dict:
    """Score the output ``tables`` (by name, columns of ``pipeline.schema.SCHEMAS``) against ``gold``.

    Returns a JSON-serialisable dict: ``tables`` -> per table ``metrics`` (rounded to
    4 places), ``fractions`` (numerator, denominator of each ratio), ``counts``,
    ``misses``, ``false_positives`` and ``mismatches`` (paired but wrong); plus
    ``gold_files`` and ``warnings``. Absent tables or columns score as empty.
    """
    warnings = list(gold.warnings)
    rows = {
        "dates": table_rows(tables, "dates", ("source", "start", "end"), warnings),
        "quantities": table_rows(tables, "quantities", ("source", "start", "end"), warnings),
        "mentions": table_rows(tables, "mentions", ("source", "start", "entity_id"), warnings),
        "entities": table_rows(tables, "entities", ("entity_id",), warnings),
        "claims": table_rows(tables, "claims", ("source", "start", "end"), warnings),
        "documents": table_rows(tables, "documents", ("source", "start", "end"), warnings),
    }
    files = gold.files
    entities, pairings = score_entities(files, rows["mentions"], rows["entities"])
    result_tables = {
        "dates": score_dates(files, rows["dates"]),
        "quantities": score_quantities(files, rows["quantities"]),
        "entities": entities,
        "claims": score_claims(files, rows["claims"], rows, rows["entities"], pairings),
        "documents": score_documents(files, rows["documents"]),
    }
    return {
        "gold_files": [
            {"file": gf.name, "source": gf.source,
             "region": [gf.region.first_line, gf.region.last_line], "records": _record_counts(gf)}
            for gf in files
        ],
        "warnings": warnings,
        "tables": result_tables,
    }


def _record_counts(gf: GoldFile) -> dict[str, int]:
    return {"date": len(gf.dates), "quantity": len(gf.quantities), "entity": len(gf.entities),
            "claim": len(gf.claims), "doc": len(gf.docs), "article": len(gf.articles)}
