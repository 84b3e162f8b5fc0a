"""The run machinery: configuration, input files, the workspace and its shards, engines, publishing.

Every file read and write of a run happens here. May import ``pipeline.core`` and
``pipeline.stages``; never ``pipeline.tools`` or the CLI.
"""
