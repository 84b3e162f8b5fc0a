"""The extraction stages: pure functions and small classes that turn an article and its Doc into rows.

No file I/O and no clock. A stage may import ``pipeline.core`` and the stages before it in
the graph (segment, nlp, dates, quantities, entities, reconcile, claims); never ``run``,
``tools`` or the CLI.
"""
