"""Refuse a checkpoint whose weights do not fill the model: both engines load through transformers.

``from_pretrained`` fills a missing tensor, or one of the wrong shape, with random numbers and
prints a multi-line "LOAD REPORT" table; the model then translates into fluent-looking nonsense.
Both engines (transformers directly, CTranslate2 through its converter) load with
``output_loading_info=True`` and hand the result to :func:`check_loading_info`, which turns any
missing or mis-shaped tensor into one :class:`ModelUnavailable` line (exit 3). Tensors the model
class itself declares optional (Marian's sinusoidal positions) are already left out by
transformers. Nothing here imports torch.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from reader.errors import ModelUnavailable

LOAD_ARGUMENTS: dict[str, Any] = {"output_loading_info": True, "ignore_mismatched_sizes": True}
"""Keyword arguments for ``from_pretrained``: report problems to us instead of raising a page of text."""


def _shape(size: Any) -> str:
    return "×".join(str(n) for n in size)


def _listed(names: Iterable[str], limit: int = 2) -> str:
    ordered = sorted(names)
    shown = ", ".join(ordered[:limit])
    return shown + (f" and {len(ordered) - limit} more" if len(ordered) > limit else "")


def check_loading_info(info: Mapping[str, Any], label: str) -> None:
    """Raise :class:`ModelUnavailable` (one line) if ``info`` reports missing or mis-shaped tensors."""
    mismatched = list(info.get("mismatched_keys") or ())
    if mismatched:
        name, found, expected = mismatched[0]
        more = f" (and {len(mismatched) - 1} more)" if len(mismatched) > 1 else ""
        raise ModelUnavailable(
            f"model '{label}' is damaged: tensor {name} has shape {_shape(found)} where the model "
            f"needs {_shape(expected)}{more}"
        )
    missing = list(info.get("missing_keys") or ())
    if missing:
        raise ModelUnavailable(
            f"model '{label}' is damaged: its weights lack {len(missing)} tensor(s) ({_listed(missing)})"
        )
    errors = [str(e) for e in info.get("error_msgs") or ()]
    if errors:
        first = (errors[0].strip().splitlines() or ["unknown error"])[0]
        raise ModelUnavailable(f"model '{label}' could not be loaded: {first}")
