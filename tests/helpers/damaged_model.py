"""Copies of the tiny model with one tensor removed or re-shaped (transformers would fill it with noise)."""

from __future__ import annotations

import shutil
from pathlib import Path

TENSOR = "model.encoder.layers.0.fc1.weight"


def damaged_copy(model: Path, target: Path, damage: str) -> Path:
    """``model`` copied to ``target`` with :data:`TENSOR` ``"missing"`` or ``"reshaped"``."""
    import torch
    from safetensors.torch import load_file, save_file

    shutil.copytree(model, target)
    weights = load_file(model / "model.safetensors")
    if damage == "missing":
        del weights[TENSOR]
    else:
        rows, columns = weights[TENSOR].shape
        weights[TENSOR] = torch.zeros(rows, columns + 3)
    save_file(weights, target / "model.safetensors", metadata={"format": "pt"})
    return target
