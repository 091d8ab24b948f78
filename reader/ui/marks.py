"""What the marks beside an English cell mean, in the reader's language (tooltips)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from reader.model import Origin, Segment

translate = QCoreApplication.translate


def flag_reasons() -> dict[str, str]:
    """One line per quality flag (:mod:`reader.translate.quality`), translated."""
    return {
        "repetition": translate("Marks", "The translation repeats itself (a loop)."),
        "untranslated": translate("Marks", "The translation is the source, or still has Arabic in it."),
        "length": translate("Marks", "The translation is much shorter or longer than the sentence."),
        "cut": translate("Marks", "The translation was cut at the length limit."),
        "low_score": translate("Marks", "The model was unsure of this translation (low score)."),
        "partial": translate(
            "Marks",
            "Your English covers only part of this sentence (merged with one that had none): F2 completes it.",
        ),
        "ocr_doubt": translate(
            "Marks", "The Arabic was read from a scan with low confidence: check it against the page."
        ),
    }


def quality_tooltip(segment: Segment, source_flags: tuple[str, ...] = ()) -> str:
    """Why a row is marked: a person's edit, each quality flag, and doubts about the Arabic itself
    (*source_flags*, its block's: a low-confidence OCR reading) ("" when unmarked)."""
    rendering = segment.rendering
    reasons = flag_reasons()
    if rendering is None:
        doubts = [reasons.get(flag, flag) for flag in source_flags]
        return (
            "\n".join([*doubts, translate("Marks", "F8 / Shift+F8: next / previous flagged sentence.")])
            if doubts
            else ""
        )
    lines = []
    if segment.edited:
        lines.append(
            translate("Marks", "Edited by you: retranslation leaves it alone (Ctrl+R asks for a new one).")
        )
    elif rendering.origin is Origin.MACHINE and rendering.model:
        lines.append(translate("Marks", "Machine translation by {model}.").format(model=rendering.model))
    lines += [reasons.get(flag, flag) for flag in (*source_flags, *rendering.flags)]
    if rendering.flags or source_flags:
        lines.append(translate("Marks", "F8 / Shift+F8: next / previous flagged sentence."))
    return "\n".join(lines)
