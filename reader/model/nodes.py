"""The pieces a document is made of: sections → blocks → segments, each immutable.

Immutability is what lets the window hand the document to a worker thread, an exporter or an undo
stack without copying: a change replaces a node (with a new revision) instead of mutating it, so a
reader holding the old node keeps a consistent view. Only :class:`reader.model.Document` replaces
nodes, through its editing API.

A segment's identity is its ``id``, never its position: positions change when a sentence is split
or merged, ids do not.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass, field


class Status(enum.Enum):
    """Where a segment's translation stands."""

    PENDING = "pending"
    DONE = "done"
    FAILED = "failed"


class Origin(enum.Enum):
    """Who made a rendering: the machine, the reader correcting it, a human translation, or the
    source itself (a block that is not Arabic, shown as is on both sides and never translated)."""

    MACHINE = "machine"
    EDITED = "edited"
    HUMAN = "human"
    SOURCE = "source"


class BlockKind(enum.Enum):
    """What a block is in the source; views and exporters style by it."""

    HEADING = "heading"
    PARAGRAPH = "paragraph"
    LIST_ITEM = "list_item"
    QUOTE = "quote"
    VERSE = "verse"
    PREFORMATTED = "preformatted"


class Direction(enum.Enum):
    RTL = "rtl"
    LTR = "ltr"


OCR_DOUBT = "ocr_doubt"
"""A block's flag: read by OCR with low confidence, so its Arabic may be wrong."""


@dataclass(frozen=True)
class SourceLocation:
    """Where a block came from: a part of the file (an EPUB chapter, a DOCX story; "" for plain
    text), the character offset of the block in that part, and a page for paginated sources."""

    part: str = ""
    offset: int = 0
    page: int | None = None
    confidence: float | None = None  # OCR's mean word confidence (0–100) for a block read by OCR


@dataclass(frozen=True)
class Rendering:
    """One English version of a segment and where it came from.

    ``model`` names what produced it (model and engine identity, "" for a person). ``score``,
    ``flags`` and ``alternatives`` are filled by the quality and n-best features.
    """

    text: str
    origin: Origin = Origin.MACHINE
    model: str = ""
    score: float | None = None
    flags: tuple[str, ...] = ()
    alternatives: tuple[str, ...] = ()
    alignment: tuple[tuple[int, int], ...] | None = None  # (Arabic word, English word) indexes


@dataclass(frozen=True, slots=True)
class Segment:
    """One source sentence.

    ``start``/``end`` are its span in its block's source part, so ``part_text[start:end]`` is
    the sentence as written (line breaks inside it are shown, and translated, as spaces: ``text``
    has the same length as the span). ``revision`` grows with every change; a translation
    computed for an older revision is dropped.
    """

    id: int
    block_id: int
    text: str
    start: int
    end: int
    revision: int = 0
    status: Status = Status.PENDING
    rendering: Rendering | None = None
    error: str | None = None

    @property
    def translation(self) -> str | None:
        """The English text shown for this segment, if any."""
        return self.rendering.text if self.rendering is not None else None

    @property
    def edited(self) -> bool:
        """True when a person wrote the rendering: retranslation leaves it alone."""
        return self.rendering is not None and self.rendering.origin is not Origin.MACHINE

    def __reduce__(self) -> tuple[type[Segment], tuple[object, ...]]:
        """Pickled as its fields in order: the dataclass's own slots state looks its fields up
        for every segment (a 20 000-sentence snapshot for the export child: 119 -> 70 ms)."""
        return (
            Segment,
            (
                self.id,
                self.block_id,
                self.text,
                self.start,
                self.end,
                self.revision,
                self.status,
                self.rendering,
                self.error,
            ),
        )


@dataclass(frozen=True)
class Block:
    """A paragraph-level unit: a heading (with ``level``), a paragraph, a list item, a quote…

    ``lang`` is a BCP 47 tag ("ar" by default); a block that is not Arabic is shown as is and not
    sent to the model (``translatable``). ``flags`` are doubts about the source text itself
    (:data:`OCR_DOUBT`), flagged like a doubtful translation on each of its sentences.
    """

    id: int
    kind: BlockKind
    segment_ids: tuple[int, ...]
    level: int = 0
    lang: str = "ar"
    direction: Direction = Direction.RTL
    location: SourceLocation = field(default_factory=SourceLocation)
    flags: tuple[str, ...] = ()

    @property
    def translatable(self) -> bool:
        return self.lang.split("-")[0].lower() == "ar"


@dataclass(frozen=True)
class Section:
    """A chapter: an optional heading block and title, its own blocks, then nested sections."""

    id: int
    title: str
    level: int
    heading_block: int | None
    block_ids: tuple[int, ...]
    children: tuple[Section, ...] = ()


@dataclass(frozen=True)
class SegmentResult:
    """A translator's answer for one segment, addressed by id and the revision it was made for.

    Exactly one of ``text`` and ``error`` is set; ``score``, ``flags`` and ``alternatives``
    go to the rendering as they are. ``source`` is the Arabic the text translates (None: not
    checked); a result whose segment has another text by now is dropped.
    """

    segment_id: int
    revision: int
    text: str | None
    error: str | None = None
    model: str = ""
    score: float | None = None
    flags: tuple[str, ...] = ()
    alternatives: tuple[str, ...] = ()
    alignment: tuple[tuple[int, int], ...] | None = None
    source: str | None = None
