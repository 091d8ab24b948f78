"""One module per CLI sub-command, each with ``add_arguments(parser)`` and ``run(args) -> int``.

Modules here are imported only when their command runs, and must stay cheap to import:
no torch, transformers or Qt at import time.
"""
