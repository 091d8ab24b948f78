"""Where a model runs: ``--device auto|cpu|cuda``, one rule for both engines.

``auto`` takes a CUDA GPU when the engine's library sees one and the CPU otherwise; ``cuda`` without
a GPU is refused in one line rather than silently running on the CPU. The libraries are asked only
by the engines (ctranslate2's device count, torch's ``cuda.is_available``), so this stays import-free.
"""

from __future__ import annotations

from reader.errors import BadInput

DEVICES = ("auto", "cpu", "cuda")


def check_device(requested: str) -> str:
    if requested not in DEVICES:
        raise BadInput(f"unknown device '{requested}' (choose from {', '.join(DEVICES)})")
    return requested


def choose_device(requested: str, cuda_devices: int) -> str:
    """The device to load on, given how many CUDA GPUs the engine's library can see."""
    check_device(requested)
    if requested == "cpu":
        return "cpu"
    if cuda_devices > 0:
        return "cuda"
    if requested == "cuda":
        raise BadInput("--device cuda: no CUDA GPU is visible to the translation engine")
    return "cpu"
