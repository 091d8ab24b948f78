"""Scanned pages → paragraphs of text, with Tesseract 5 and its Arabic data (through pytesseract).

Pages are read at 300 dpi in grey, binarised by Otsu's threshold (Tesseract's own thresholding
lost whole lines of Amiri here: a 34 % character error rate on a page it reads at 21 % once
binarised), one Tesseract thread each (``OMP_THREAD_LIMIT=1``: its default threads make a page
3–5× slower on two cores). Tesseract's paragraphs are kept, each with its mean word confidence
(under :data:`LOW_CONFIDENCE` the block is flagged), and its known faults are mended
(:func:`repair_line`). Results are cached by the content hash of
the file, the page and these settings, so a book reopens without Tesseract running again. No
Tesseract, or no Arabic data for it: :class:`OcrUnavailable`, one line naming what to install.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import shutil
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from reader.formats.safety import Refused
from reader.model.nodes import OCR_DOUBT

if TYPE_CHECKING:
    from PIL.Image import Image

DPI = 300
LANGUAGES = "ara"
LOW_CONFIDENCE = 75.0
"""Under this mean word confidence a paragraph is flagged (``OCR_DOUBT``): Tesseract gives 84–93
to the clean 300 dpi and noisy 200 dpi pages of the tests (CER under 0.5 %), 52–72 to a 100 dpi
or blurred 150 dpi scan (CER 7–20 %)."""
INSTALL = "apt-get install tesseract-ocr tesseract-ocr-ara"
_VERSION = 1  # of what is cached: bump when the reading or the repairs change
_EASTERN = str.maketrans("۰۱۲۳۴۵۶۷۸۹", "٠١٢٣٤٥٦٧٨٩")
_RLM_LRM = re.compile("[\u200e\u200f\u202a-\u202e]")
_LATIN_PUNCTUATION = re.compile("([\u0621-\u064a\u064b-\u0652\u0660-\u0669])([,;?])")
_ARABIC_PUNCTUATION = {",": "\u060c", ";": "\u061b", "?": "\u061f"}


class OcrUnavailable(Refused):
    """OCR was needed and Tesseract or its Arabic data is missing (exit code 2)."""


@dataclass(frozen=True)
class OcrParagraph:
    text: str
    confidence: float  # Tesseract's mean word confidence, 0–100


def doubt_flags(confidence: float | None) -> tuple[str, ...]:
    """The block flags for a paragraph read with *confidence*: a doubtful reading is flagged like
    a doubtful translation (F8 finds it); a text layer (None) never is."""
    return (OCR_DOUBT,) if confidence is not None and confidence < LOW_CONFIDENCE else ()


def check_available() -> None:
    """Raise :class:`OcrUnavailable` unless pytesseract, Tesseract and its Arabic data are here."""
    try:
        import pytesseract
    except ImportError:
        raise OcrUnavailable(
            f"reading scanned pages needs pytesseract: pip install pytesseract; {INSTALL}"
        ) from None
    if shutil.which(pytesseract.pytesseract.tesseract_cmd) is None:
        raise OcrUnavailable(f"reading scanned pages needs Tesseract: {INSTALL}")
    try:
        languages = set(pytesseract.get_languages(config=""))
    except pytesseract.TesseractError:
        languages = set()
    if "ara" not in languages:
        raise OcrUnavailable(f"Tesseract has no Arabic data: {INSTALL}")


def source_digest(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def read_image(render: Callable[[], Image], digest: str, page: int) -> list[OcrParagraph]:
    """The paragraphs of one page image, from the cache under *digest* and *page*, else from
    ``render()`` through Tesseract (a cached page is never rendered)."""
    cached = _cache_file(digest, page)
    found = _load(cached)
    if found is not None:
        return found
    check_available()
    paragraphs = _tesseract(_binarised(render()))
    _store(cached, paragraphs)
    return paragraphs


def _binarised(image: Image) -> Image:
    from PIL import ImageFilter

    grey = image.convert("L").filter(ImageFilter.MedianFilter(3))  # specks of a scan
    histogram = grey.histogram()
    threshold = _otsu(histogram)
    return grey.point(lambda value: 255 if value > threshold else 0)


def _otsu(histogram: list[int]) -> int:
    total = sum(histogram)
    weighted_total = sum(k * n for k, n in enumerate(histogram))
    best, best_variance = 128, -1.0
    weight = weighted = 0.0
    for k, count in enumerate(histogram):
        weight += count
        weighted += k * count
        if weight == 0 or weight == total:
            continue
        mean_low = weighted / weight
        mean_high = (weighted_total - weighted) / (total - weight)
        variance = weight * (total - weight) * (mean_low - mean_high) ** 2
        if variance > best_variance:
            best, best_variance = k, variance
    return best


def _tesseract(image: Image) -> list[OcrParagraph]:
    import pytesseract

    os.environ.setdefault("OMP_THREAD_LIMIT", "1")
    data = pytesseract.image_to_data(image, lang=LANGUAGES, output_type=pytesseract.Output.DICT)
    lines: dict[tuple[int, int], dict[int, list[tuple[str, float]]]] = {}
    for k, word in enumerate(data["text"]):
        word = (word or "").strip()
        if not word:
            continue
        paragraph = (int(data["block_num"][k]), int(data["par_num"][k]))
        line = lines.setdefault(paragraph, {}).setdefault(int(data["line_num"][k]), [])
        line.append((word, float(data["conf"][k])))
    paragraphs = []
    for by_line in lines.values():
        words = [w for number in sorted(by_line) for w in by_line[number]]
        text = " ".join(repair_line(" ".join(w for w, _c in by_line[n])) for n in sorted(by_line))
        confidence = sum(c for _w, c in words) / len(words)
        if text.strip():
            paragraphs.append(OcrParagraph(" ".join(text.split()), round(confidence, 1)))
    return paragraphs


def repair_line(line: str) -> str:
    """Tesseract's known faults in Arabic lines mended: direction marks it adds around Latin
    runs dropped, Latin punctuation after an Arabic letter (the Arabic comma read as ",") made
    Arabic, Persian digits (۱۹۴۸) read for Arabic-Indic ones (١٩٤٨) put back."""
    line = _RLM_LRM.sub("", line)
    if any("\u0660" <= ch <= "\u0669" for ch in line) or not any("0" <= ch <= "9" for ch in line):
        line = line.translate(_EASTERN)
    return _LATIN_PUNCTUATION.sub(lambda m: m.group(1) + _ARABIC_PUNCTUATION[m.group(2)], line)


def _cache_file(digest: str, page: int) -> Path:
    from reader.paths import user_cache_dir

    key = hashlib.sha256(f"{digest}:{page}:{DPI}:{LANGUAGES}:{_VERSION}".encode()).hexdigest()
    return user_cache_dir() / "ocr" / key[:2] / f"{key}.json"


def _load(path: Path) -> list[OcrParagraph] | None:
    try:
        records = json.loads(path.read_text(encoding="utf-8"))
        return [OcrParagraph(str(r["text"]), float(r["confidence"])) for r in records]
    except (OSError, ValueError, KeyError, TypeError):
        return None  # not cached, or damaged: read again


def _store(path: Path, paragraphs: list[OcrParagraph]) -> None:
    from reader.atomic import atomic_write_bytes

    records = [{"text": p.text, "confidence": p.confidence} for p in paragraphs]
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        atomic_write_bytes(path, json.dumps(records, ensure_ascii=False).encode("utf-8"))
    except OSError:
        pass  # a cache that cannot be written only costs the next open its time
