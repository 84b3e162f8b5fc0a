"""Turn raw news and policy text into Parquet tables of claims linked to their exact source spans.

Notebook use::

    from pipeline import load
    tables = load("outputs")
    tables.quantities.head()
    tables.show(tables.claims.iloc[0])
"""
from __future__ import annotations

__version__ = "0.1.0"

from .load import Tables, load  # noqa: E402

__all__ = ["Tables", "__version__", "load"]
