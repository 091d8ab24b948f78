"""What a MarianMT checkpoint is made of, and whether the model hub may be used: shared by the
code that finds a model on disk (:mod:`reader.translate.model_location`) and the code that
fetches one (:mod:`reader.translate.model_download`), so neither needs the other.
"""

from __future__ import annotations

import os
from collections.abc import Callable

Progress = Callable[[str, float | None], None]
"""``progress(message, fraction)``; ``fraction`` is None when the total is unknown."""

SAFE_WEIGHTS = "model.safetensors"
PICKLED_WEIGHTS = "pytorch_model.bin"
TOKENIZER_FILES = ("source.spm", "target.spm", "vocab.json")
# Everything that changes what the model outputs; absent optional files are simply skipped.
FINGERPRINTED_FILES = (
    "config.json",
    "generation_config.json",
    "tokenizer_config.json",
    *TOKENIZER_FILES,
    "target_vocab.json",
    SAFE_WEIGHTS,
    PICKLED_WEIGHTS,
)


def offline_message(model: str) -> str:
    """The one line shown when a hub model is not downloaded and cannot be fetched."""
    return (
        f"model '{model}' is not downloaded and the model hub cannot be reached: "
        "connect to the internet once to download it, or use --model PATH to a local MarianMT folder"
    )


def is_offline() -> bool:
    """True when the user (or the test suite) switched the model hub off."""
    for name in ("HF_HUB_OFFLINE", "TRANSFORMERS_OFFLINE"):
        if os.environ.get(name, "").strip().upper() in {"1", "ON", "YES", "TRUE"}:
            return True
    return False


def hub_endpoint() -> str:
    """The model hub's address: ``HF_ENDPOINT`` (an organisation's mirror) as huggingface_hub reads
    it, else huggingface.co. Read on every call, not at import, so a changed variable is honoured."""
    return (os.environ.get("HF_ENDPOINT", "").strip() or "https://huggingface.co").rstrip("/")
