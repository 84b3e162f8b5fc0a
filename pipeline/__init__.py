"""Turn raw news and policy text into Parquet tables of claims linked to their exact source spans.

Notebook use::

    from pipeline import load
    tables = load("outputs")
    tables.quantities.head()
    tables.show(tables.claims.iloc[0])

    from pipeline import extract
    tables = extract(["The EU agreed €150bn on 19 May 2025."], published="2025-05-20")
"""
from __future__ import annotations

__version__ = "0.1.0"

__all__ = ["Tables", "__version__", "extract", "load"]


def __getattr__(name: str):
    # the notebook shortcuts load on first use, so that importing a stage never imports the tools
    if name in ("Tables", "load"):
        from pipeline.tools import load as loader

        return getattr(loader, name)
    if name == "extract":
        from pipeline.api import extract

        return extract
    raise AttributeError(f"module 'pipeline' has no attribute {name!r}")
