"""Where the reader was in each document, remembered across sessions.

Keyed by a hash of the decoded text, not the path, so a renamed, moved or re-downloaded copy of
the same text opens where the reader left it. The position is the character offset where the
top segment starts (not a row number), so it still lands on the right sentence if segmentation
rules change. One small JSON file, written atomically; the oldest entries go past
:data:`MAX_DOCUMENTS`. A damaged file is set aside and forgotten, never fatal.
"""

from __future__ import annotations

import bisect
import contextlib
import hashlib
import json
import logging
import threading
from pathlib import Path

from reader.atomic import atomic_write_bytes
from reader.model import Document
from reader.paths import user_data_dir

log = logging.getLogger(__name__)

MAX_DOCUMENTS = 500


def content_hash(document: Document) -> str:
    """The identity of a document's text (every part, in order)."""
    digest = hashlib.sha256()
    for part, text in sorted(document.parts.items()):
        digest.update(part.encode("utf-8", "surrogatepass") + b"\0")
        digest.update(text.encode("utf-8", "surrogatepass") + b"\0")
    return digest.hexdigest()


def positions_path() -> Path:
    return user_data_dir() / "reading_positions.json"


def position_for(document: Document, part: str, offset: int) -> int:
    """The position of the segment covering *offset* in *part* (0 when the part is gone).

    A part's spans grow with its offsets, so its segments in reading order are sorted by start."""
    in_part = [
        (s.start, position)
        for position, s in enumerate(document.iter_segments())
        if document.block(s.block_id).location.part == part
    ]
    if not in_part:
        return 0
    index = max(bisect.bisect_right(in_part, (offset, len(document))) - 1, 0)
    return in_part[index][1]


class ReadingPositions:
    """``remember(hash, document, position)`` and ``recall(hash, document) -> position``."""

    def __init__(self, path: Path | None = None) -> None:
        self.path = path or positions_path()
        self._entries: dict[str, dict[str, object]] | None = None
        # recall() runs on the opener's thread, remember() on the GUI thread.
        self._lock = threading.Lock()

    def recall(self, key: str, document: Document) -> int:
        """The position of the segment the reader was at (0 when unknown)."""
        entry = self._load().get(key)
        if not entry or not len(document):
            return 0
        offset, part = entry.get("offset"), entry.get("part", "")
        if not isinstance(offset, int) or not isinstance(part, str):
            return 0
        return position_for(document, part, offset)

    def remember(self, key: str, document: Document, position: int) -> None:
        if not 0 <= position < len(document):
            return
        segment = document.segment_at(position)
        entries = self._load()
        entries.pop(key, None)
        entries[key] = {"part": document.block(segment.block_id).location.part, "offset": segment.start}
        while len(entries) > MAX_DOCUMENTS:
            entries.pop(next(iter(entries)))
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            atomic_write_bytes(self.path, json.dumps(entries).encode("utf-8"))
        except OSError as error:
            log.warning("could not remember the reading position: %s", error)

    def _load(self) -> dict[str, dict[str, object]]:
        with self._lock:
            if self._entries is None:
                self._entries = self._read()
            return self._entries

    def _read(self) -> dict[str, dict[str, object]]:
        try:
            data = json.loads(self.path.read_text(encoding="utf-8"))
        except FileNotFoundError:
            return {}
        except (OSError, ValueError) as error:
            log.warning("reading positions unreadable (%s); starting afresh", error)
            self._set_aside()
            return {}
        return {k: v for k, v in data.items() if isinstance(v, dict)} if isinstance(data, dict) else {}

    def _set_aside(self) -> None:
        with contextlib.suppress(OSError):
            self.path.replace(self.path.with_name(self.path.name + ".damaged"))
