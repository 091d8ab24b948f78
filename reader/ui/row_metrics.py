"""What the reading view needs to know of every row before laying any out (no Qt).

Character counts (for height estimates), paragraph starts (for the gap above) and headings (for
their larger type), as numpy arrays. Computing them is O(document), so the opener does it on its
worker thread and hands them over with the document: the GUI thread only receives them.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from reader.model import Document


@dataclass
class RowMetrics:
    arabic_chars: np.ndarray
    english_chars: np.ndarray
    starts_block: np.ndarray
    headings: np.ndarray

    @classmethod
    def empty(cls) -> RowMetrics:
        return cls(np.zeros(0, np.int64), np.zeros(0, np.int64), np.zeros(0, bool), np.zeros(0, bool))


def row_metrics(document: Document) -> RowMetrics:
    segments = document.segments
    blocks = np.array([s.block_id for s in segments], np.int64)
    previous = np.concatenate(([-1], blocks[:-1])) if len(blocks) else blocks
    headings = np.zeros(len(segments), bool)
    for position, _block in document.headings():
        headings[position] = True
    return RowMetrics(
        arabic_chars=np.array([len(s.text) for s in segments], np.int64),
        english_chars=np.array([len(s.translation or "") for s in segments], np.int64),
        starts_block=blocks != previous,
        headings=headings,
    )
