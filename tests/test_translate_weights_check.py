"""A checkpoint with a missing or mis-shaped tensor: exit 3 with one line, for both engines."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from reader.errors import ModelUnavailable
from reader.translate.weights_check import check_loading_info
from tests.helpers.damaged_model import TENSOR, damaged_copy

_EXPECTED = {
    "missing": f"is damaged: its weights lack 1 tensor(s) ({TENSOR})",
    "reshaped": f"is damaged: tensor {TENSOR} has shape 64×35 where the model needs 64×32",
}


def test_complete_weights_pass() -> None:
    check_loading_info({"missing_keys": set(), "mismatched_keys": set(), "error_msgs": []}, "m")


def test_many_missing_tensors_are_summarised_on_one_line() -> None:
    with pytest.raises(ModelUnavailable, match=r"lack 5 tensor\(s\) \(a, b and 3 more\)$"):
        check_loading_info({"missing_keys": {"a", "b", "c", "d", "e"}}, "m")


@pytest.mark.slow
@pytest.mark.parametrize(
    ("engine", "damage"),
    # auto runs both engines: the CTranslate2 converter refuses (one warning), then transformers.
    [("transformers", "missing"), ("auto", "reshaped")],
)
def test_damaged_model_exits_3_with_one_line(
    tiny_model: Path, tmp_path: Path, seed_path: Path, damage: str, engine: str
) -> None:
    model = damaged_copy(tiny_model, tmp_path / "model", damage)
    result = subprocess.run(
        [sys.executable, "-m", "reader", "translate", str(seed_path), "--no-cache"]
        + ["--model", str(model), "--engine", engine],
        capture_output=True,
        text=True,
        timeout=240,
    )
    assert result.returncode == 3
    assert result.stdout == ""
    *warnings, error = result.stderr.splitlines()
    assert error.startswith("error: ")
    assert error.endswith(_EXPECTED[damage])
    if engine == "auto":
        assert len(warnings) == 1
        assert _EXPECTED[damage] in warnings[0]
        assert warnings[0].endswith("; using the transformers engine instead")
    else:
        assert warnings == []
    assert "LOAD REPORT" not in result.stderr
