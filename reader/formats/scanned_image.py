"""Page images (PNG, JPEG, TIFF, one page per TIFF frame) → the structured document, by OCR.

Each page goes through :func:`reader.formats.ocr.read_image` (cached by the file's content hash
and the page), an image scanned below 300 dpi enlarged to it first (Tesseract reads Naskh best
with letters about 30 pixels high). Tesseract's paragraphs become the document's paragraphs, each
with its confidence, flagged where it is low.
"""

from __future__ import annotations

import io
from collections.abc import Callable
from typing import TYPE_CHECKING

from reader.formats import ocr
from reader.formats.blocks_builder import RawBlock, build_document, scaled
from reader.formats.loaded import Loaded
from reader.formats.safety import Refused
from reader.model import BlockKind

if TYPE_CHECKING:
    from PIL import Image

_MAX_ENLARGEMENT = 2.0  # a 150 dpi scan at most doubled


def read_scanned_image(data: bytes, name: str, progress: Callable[[float], None] | None = None) -> Loaded:
    from PIL import Image, UnidentifiedImageError

    try:
        image = Image.open(io.BytesIO(data))
        frames = getattr(image, "n_frames", 1)
    except (UnidentifiedImageError, OSError, Image.DecompressionBombError):
        raise Refused("the image is damaged or not a format this reader knows") from None
    ocr.check_available()
    digest = ocr.source_digest(data)
    blocks: list[RawBlock] = []
    for frame in range(frames):
        if progress is not None:
            progress(0.9 * frame / frames)

        def render(frame: int = frame) -> Image.Image:
            try:
                image.seek(frame)
                page = image.convert("L")
            except (OSError, ValueError, Image.DecompressionBombError):
                raise Refused(f"page {frame + 1} of the image cannot be decoded") from None
            return _at_300_dpi(page, image.info.get("dpi"))

        for paragraph in ocr.read_image(render, digest, frame):
            confidence = paragraph.confidence
            flags = ocr.doubt_flags(confidence)
            blocks.append(
                RawBlock(
                    BlockKind.PARAGRAPH, paragraph.text, page=frame + 1, confidence=confidence, flags=flags
                )
            )
    if not blocks:
        raise Refused("no text found in the image by OCR")
    document = build_document(blocks, name=name, progress=scaled(progress, 0.9, 1))
    return Loaded(document, (f"{name}: {frames} page image(s) read by OCR (Tesseract)",))


def _at_300_dpi(page: Image.Image, dpi: object) -> Image.Image:
    from PIL import Image

    try:
        found = float(dpi[0]) if isinstance(dpi, tuple) else 0.0
    except (TypeError, ValueError):
        found = 0.0
    if 0 < found < ocr.DPI:
        factor = min(ocr.DPI / found, _MAX_ENLARGEMENT)
        return page.resize(
            (round(page.width * factor), round(page.height * factor)), Image.Resampling.LANCZOS
        )
    return page
