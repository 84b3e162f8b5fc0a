"""Tools around the tables: the notebook loader, evaluation against gold, diff, golden snapshots, the review page, benchmarks.

May import ``pipeline.core``, ``pipeline.stages`` and ``pipeline.run``; nothing imports a tool
except the CLI, another tool and the package's ``load`` shortcut.
"""
