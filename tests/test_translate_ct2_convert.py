"""Converting a checkpoint for CTranslate2: cache key, convert once, atomic placement, failures, cancel."""

from __future__ import annotations

import shutil
import sys
import time
from collections.abc import Callable
from pathlib import Path

import pytest

from reader.paths import models_dir
from reader.translate import ct2_convert
from reader.translate.ct2_convert import (
    CONVERTED_FILES,
    Ct2Unavailable,
    converted_folder,
    ensure_converted,
    is_converted,
)
from reader.translate.model_location import ModelLocation, find_model


@pytest.fixture(autouse=True)
def _own_models_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Not the session's shared converted models: these tests write fake and broken ones."""
    monkeypatch.setenv("BIREADER_CACHE_DIR", str(tmp_path / "own-cache"))


def location_of(folder: Path) -> ModelLocation:
    found = find_model(str(folder))
    assert found is not None
    return found


def fake_model(folder: Path) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    for name in CONVERTED_FILES:
        (folder / name).write_text(name, encoding="utf-8")


def leftovers() -> list[str]:
    folder = models_dir() / "ct2"
    return sorted(p.name for p in folder.iterdir()) if folder.exists() else []


@pytest.fixture
def fake_converter(monkeypatch: pytest.MonkeyPatch) -> list[Path]:
    """Replace the converter process by one that writes a complete fake model; records its outputs."""
    runs: list[Path] = []

    def run(
        location: ModelLocation,
        out: Path,
        quantization: str,
        message: str,
        progress: object,
        meanwhile: Callable[[], None] | None,
    ) -> None:
        runs.append(out)
        fake_model(out)

    monkeypatch.setattr(ct2_convert, "run_converter", run)
    return runs


def test_folder_is_keyed_by_fingerprint_quantization_and_format(tmp_path: Path) -> None:
    def at(fingerprint: str) -> ModelLocation:
        return ModelLocation("m", tmp_path, False, tmp_path / "model.safetensors", fingerprint)

    int8 = converted_folder(at("abc"), "int8")
    assert int8.parent == models_dir() / "ct2"
    assert int8.name.startswith("abc-int8-ct2v")
    assert converted_folder(at("abc"), "float32") != int8
    assert converted_folder(at("abd"), "int8") != int8


def test_converts_once_into_the_user_cache(tiny_model: Path, fake_converter: list[Path]) -> None:
    location = location_of(tiny_model)
    messages: list[str] = []
    first = ensure_converted(location, "int8", lambda message, _fraction: messages.append(message))
    assert first == converted_folder(location, "int8")
    assert is_converted(first)
    assert ensure_converted(location, "int8") == first
    assert len(fake_converter) == 1  # the second call found the finished model
    assert leftovers() == [first.name]  # the temporary folder is gone


@pytest.mark.slow
def test_the_real_converter_writes_a_loadable_model(tiny_model: Path, ct2_converted: Path) -> None:
    import ctranslate2

    location = location_of(tiny_model)
    (folder,) = [p for p in ct2_converted.iterdir() if p.name.startswith(f"{location.fingerprint}-int8-")]
    assert is_converted(folder)
    translator = ctranslate2.Translator(str(folder), device="cpu")
    assert translator.compute_type == "int8_float32"


def test_a_race_lost_to_another_process_keeps_the_winner(
    tiny_model: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    location = location_of(tiny_model)
    target = converted_folder(location, "float32")

    def run(location: ModelLocation, out: Path, quantization: str, *_rest: object) -> None:
        fake_model(out)
        fake_model(target)  # the other process renamed its model into place meanwhile
        (target / "winner").touch()

    monkeypatch.setattr(ct2_convert, "run_converter", run)
    assert ensure_converted(location, "float32") == target
    assert (target / "winner").exists()
    assert leftovers() == [target.name]


def test_an_incomplete_leftover_is_replaced(tiny_model: Path, fake_converter: list[Path]) -> None:
    location = location_of(tiny_model)
    target = converted_folder(location, "int8")
    target.mkdir(parents=True)
    (target / "config.json").write_text("{}", encoding="utf-8")  # no model.bin: not to be trusted
    assert ensure_converted(location, "int8") == target
    assert is_converted(target)
    assert len(fake_converter) == 1


@pytest.mark.slow
def test_a_failed_conversion_is_one_line_and_leaves_nothing(tiny_model: Path, tmp_path: Path) -> None:
    broken = tmp_path / "broken"
    shutil.copytree(tiny_model, broken)
    (broken / "model.safetensors").write_bytes(b"not safetensors at all")
    with pytest.raises(Ct2Unavailable) as caught:
        ensure_converted(location_of(broken), "int8")
    message = str(caught.value)
    assert message.startswith(f"could not convert '{broken}' for CTranslate2: ")
    assert "\n" not in message
    assert leftovers() == []


def test_unusable_cache_folder_is_a_ct2_problem(
    tiny_model: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "models").write_text("a file where the models folder should be", encoding="utf-8")
    monkeypatch.setenv("BIREADER_CACHE_DIR", str(tmp_path))
    with pytest.raises(Ct2Unavailable, match="^cannot store converted models in "):
        ensure_converted(location_of(tiny_model), "int8")


class Cancelled(Exception):
    pass


def test_cancel_during_conversion_stops_the_converter(
    tiny_model: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    sleeper = [sys.executable, "-c", "import time; time.sleep(60)"]
    monkeypatch.setattr(ct2_convert, "_converter_command", lambda *_args: sleeper)
    calls: list[str] = []

    def progress(message: str, _fraction: float | None) -> None:
        calls.append(message)
        if len(calls) > 2:
            raise Cancelled

    started = time.monotonic()
    with pytest.raises(Cancelled):
        ensure_converted(location_of(tiny_model), "int8", progress)
    assert time.monotonic() - started < 10
    assert calls[0].startswith(f"converting {tiny_model} for CTranslate2 (int8, first use only)")
    assert leftovers() == []


def test_converter_command_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert ct2_convert.main(["only-one-argument"]) == 2
    assert capsys.readouterr().err == "usage: ct2_convert SOURCE DEST {int8|float32} [--allow-pickled]\n"
    assert ct2_convert.main([str(tmp_path / "missing"), str(tmp_path / "out"), "fp16"]) == 2
    capsys.readouterr()


# --- the pickled-weights switch, orphans and leftovers -----------------------------------------------


def test_pickled_switch_comes_from_the_parent_for_the_hub_case_only(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("BIREADER_CT2_ALLOW_PICKLED", "1")  # the old switch, set by the user
    weights = tmp_path / "pytorch_model.bin"
    folder = ModelLocation(str(tmp_path), tmp_path, False, weights, "f")
    hub = ModelLocation("org/model", tmp_path, True, weights, "f")
    hub_safe = ModelLocation("org/model", tmp_path, True, tmp_path / "model.safetensors", "f")
    out = tmp_path / "out"
    assert ct2_convert.ALLOW_PICKLED not in ct2_convert._converter_command(folder, out, "int8")
    assert ct2_convert.ALLOW_PICKLED not in ct2_convert._converter_command(hub_safe, out, "int8")
    assert ct2_convert._converter_command(hub, out, "int8")[-1] == ct2_convert.ALLOW_PICKLED


def test_child_ignores_the_environment_for_pickled_weights(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    seen: list[bool] = []
    monkeypatch.setattr(ct2_convert, "convert", lambda *_a, allow_pickled: seen.append(allow_pickled))
    monkeypatch.delenv(ct2_convert.PARENT_VARIABLE, raising=False)
    for variable in ("BIREADER_CT2_ALLOW_PICKLED", "BIREADER_ALLOW_PICKLED"):
        monkeypatch.setenv(variable, "1")
    assert ct2_convert.main([str(tmp_path), str(tmp_path / "out"), "int8"]) == 0
    assert ct2_convert.main([str(tmp_path), str(tmp_path / "out"), "int8", "--allow-pickled"]) == 0
    assert seen == [False, True]


_PARENT = """
import sys
from pathlib import Path
from reader.translate import ct2_convert
from reader.translate.model_location import find_model

fifo, model = sys.argv[1], sys.argv[2]
child = (
    "import os, sys, threading\\n"
    "from reader.translate import ct2_convert\\n"
    "def blocked(*_args, **_kwargs):\\n"
    f"    with open({fifo!r}, 'w') as ready:\\n"
    "        ready.write(str(os.getpid()) + '\\\\n')\\n"
    "        ready.flush()\\n"
    "        threading.Event().wait()  # converts forever; the FIFO stays open until this process ends\\n"
    "ct2_convert.convert = blocked\\n"
    "sys.exit(ct2_convert.main(sys.argv[1:]))\\n"
)
real = ct2_convert._converter_command
ct2_convert._converter_command = lambda *args: [sys.executable, "-c", child, *real(*args)[3:]]
ct2_convert.ensure_converted(find_model(model), "int8")
"""


@pytest.mark.timeout(60)
def test_killed_parent_leaves_no_orphaned_converter_and_no_temporary_folder(
    tiny_model: Path, tmp_path: Path
) -> None:
    import os
    import subprocess

    fifo = tmp_path / "ready"
    os.mkfifo(fifo)
    env = {**os.environ, "BIREADER_CACHE_DIR": str(tmp_path / "own-cache")}
    command = [sys.executable, "-c", _PARENT, str(fifo), str(tiny_model)]
    with subprocess.Popen(command, env=env) as parent, fifo.open() as ready:  # opens once converting
        child = int(ready.readline())
        work = [p.name for p in (tmp_path / "own-cache" / "models" / "ct2").iterdir()]
        assert len(work) == 1
        assert work[0].startswith(".")
        parent.kill()
        parent.wait()
        # EOF: the child's end closed, which only its exit does (it holds the FIFO while converting).
        assert ready.read() == ""
    assert child != parent.pid
    assert list((tmp_path / "own-cache" / "models" / "ct2").iterdir()) == []


def test_stale_temporary_folders_are_removed_by_the_next_conversion(
    tiny_model: Path, fake_converter: list[Path]
) -> None:
    import os

    folder = models_dir() / "ct2"
    folder.mkdir(parents=True)
    dead = folder / ".abc-int8-ct2v4.4194305.x1y2z3"  # above Linux's pid_max: never a live process
    live = folder / f".abc-int8-ct2v4.{os.getpid()}.q9w8e7"
    for work in (dead, live):
        (work / "model").mkdir(parents=True)
    ensure_converted(location_of(tiny_model), "int8")
    assert not dead.exists()
    assert live.exists()


def test_meanwhile_runs_while_the_converter_works_and_once_when_converted(
    tiny_model: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The child finishes only once ``meanwhile`` has run: the two overlapped."""
    marker = tmp_path / "tokenizer-loaded"
    waits_for_marker = (
        "import pathlib, sys, time\n"
        f"while not pathlib.Path({str(marker)!r}).exists(): time.sleep(0.01)\n"
        "out = pathlib.Path(sys.argv[1]); out.mkdir()\n"
        f"for name in {CONVERTED_FILES!r}: (out / name).write_text(name)\n"
    )
    command = [sys.executable, "-c", waits_for_marker]
    monkeypatch.setattr(ct2_convert, "_converter_command", lambda _l, out, _q: [*command, str(out)])
    calls: list[str] = []

    def meanwhile() -> None:
        calls.append("meanwhile")
        marker.touch()

    location = location_of(tiny_model)
    target = ensure_converted(location, "int8", meanwhile=meanwhile)
    assert is_converted(target)
    assert ensure_converted(location, "int8", meanwhile=meanwhile) == target  # converted: at once
    assert calls == ["meanwhile", "meanwhile"]
