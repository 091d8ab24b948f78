"""The document model (no Qt): structure, stable segment ids, renderings, and one editing API."""

from reader.model.changes import Change, ChangeKind
from reader.model.document import Document
from reader.model.nodes import (
    Block,
    BlockKind,
    Direction,
    Origin,
    Rendering,
    Section,
    Segment,
    SegmentResult,
    SourceLocation,
    Status,
)

__all__ = [
    "Block",
    "BlockKind",
    "Change",
    "ChangeKind",
    "Direction",
    "Document",
    "Origin",
    "Rendering",
    "Section",
    "Segment",
    "SegmentResult",
    "SourceLocation",
    "Status",
]
