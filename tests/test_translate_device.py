"""``--device``: one rule for both engines, tested without a GPU."""

from __future__ import annotations

import pytest

from reader.errors import BadInput
from reader.translate.device import choose_device


@pytest.mark.parametrize(
    ("requested", "gpus", "expected"),
    [("auto", 0, "cpu"), ("auto", 1, "cuda"), ("auto", 4, "cuda"), ("cpu", 2, "cpu"), ("cuda", 1, "cuda")],
)
def test_the_device_follows_the_request_and_what_the_engine_sees(
    requested: str, gpus: int, expected: str
) -> None:
    assert choose_device(requested, gpus) == expected


def test_cuda_without_a_gpu_is_one_line_not_a_silent_cpu_run() -> None:
    with pytest.raises(BadInput, match="no CUDA GPU"):
        choose_device("cuda", 0)


def test_an_unknown_device_is_refused() -> None:
    with pytest.raises(BadInput, match="unknown device 'tpu'"):
        choose_device("tpu", 0)


def test_the_ct2_engine_asks_ctranslate2_how_many_gpus_it_sees(
    monkeypatch: pytest.MonkeyPatch, tiny_model
) -> None:
    import ctranslate2

    from reader.translate.ct2_engine import Ct2Engine
    from reader.translate.protocol import EngineSettings

    monkeypatch.setattr(ctranslate2, "get_cuda_device_count", lambda: 0)
    engine = Ct2Engine(EngineSettings(model=str(tiny_model), engine="ct2", device="cuda"))
    with pytest.raises(BadInput, match="no CUDA GPU"):
        engine.load()
