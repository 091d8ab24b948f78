"""Convert a MarianMT checkpoint to CTranslate2 once, into the user cache, keyed by fingerprint + quantization.

Conversion needs torch and transformers (ctranslate2's Transformers converter loads the
checkpoint with them) and peaks at about 0.8 GB for an opus-mt model. It therefore runs in a
child process (``python -m reader.translate.ct2_convert SOURCE DEST QUANTIZATION``): the reader
itself never imports torch on the CTranslate2 path, its memory stays at what the int8 model
needs, converter chatter stays out of the terminal, and a cancelled load simply kills the child.

The result is written into a temporary folder beside its final place and renamed into place
only when complete, so an interrupted conversion never leaves a half model that later runs
would trust; two processes converting at once both succeed, one rename wins.

If the reader is killed (SIGKILL) mid-conversion, the child notices its parent is gone, removes
its temporary folder and exits rather than converting on as an orphan; temporary folders carry
the parent's pid, and those of processes that no longer run are removed by the next conversion.
Pickled weights are allowed in the child only by the ``--allow-pickled`` argument, which the
parent adds for a hub model alone; nothing in the user's environment can switch it on.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Sequence
from pathlib import Path

import reader
from reader.atomic import process_running
from reader.errors import ModelUnavailable, first_line
from reader.paths import models_dir
from reader.translate.model_location import ModelLocation, Progress
from reader.translate.weights_check import LOAD_ARGUMENTS, check_loading_info

QUANTIZATIONS = ("int8", "float32")
CONVERTED_FILES = ("config.json", "model.bin", "shared_vocabulary.json")
_POLL_SECONDS = 0.25


class Ct2Unavailable(ModelUnavailable):
    """CTranslate2 cannot run this model here (not installed, conversion failed); transformers may."""


def ct2_format() -> str:
    """The converted-model format tag: ctranslate2's major version (a new major may change the format)."""
    from reader.translate.native_preload import preload_ctranslate2

    preload_ctranslate2()  # often the first import, on a worker: its library loads without the GIL
    import ctranslate2

    return f"ct2v{ctranslate2.__version__.split('.')[0]}"


def converted_folder(location: ModelLocation, quantization: str) -> Path:
    """Where the converted model for this checkpoint and quantization lives (or will live)."""
    return models_dir() / "ct2" / f"{location.fingerprint}-{quantization}-{ct2_format()}"


def is_converted(folder: Path) -> bool:
    """True when ``folder`` holds a complete converted model (False when it cannot even be looked at)."""
    try:
        return all((folder / name).is_file() for name in CONVERTED_FILES)
    except OSError:  # a name over the limit, a folder without search permission: the mkdir reports it
        return False


def ensure_converted(location: ModelLocation, quantization: str, progress: Progress | None = None) -> Path:
    """The converted model's folder, converting first if this is the first use.

    Raises :class:`Ct2Unavailable` with one line when the conversion fails; re-raises whatever
    ``progress`` raises (the window's cancel) after stopping the converter.
    """
    if quantization not in QUANTIZATIONS:
        raise ValueError(f"unknown quantization {quantization!r}")
    target = converted_folder(location, quantization)
    remove_stale_work(target.parent)
    if is_converted(target):
        return target
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        work = Path(tempfile.mkdtemp(prefix=f".{target.name}.{os.getpid()}.", dir=target.parent))
    except OSError as error:
        raise Ct2Unavailable(f"cannot store converted models in {target.parent}: {error}") from error
    try:
        built = work / "model"
        message = f"converting {location.model} for CTranslate2 ({quantization}, first use only)"
        run_converter(location, built, quantization, message, progress)
        if not is_converted(built):
            raise Ct2Unavailable(f"converting '{location.model}' for CTranslate2 produced no model")
        try:
            _move_into_place(built, target)
        except OSError as error:
            raise Ct2Unavailable(f"cannot store the converted model in {target}: {error}") from error
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return target


_WORK_NAME = re.compile(r"^\..+\.(\d+)\.[^.]+$")


def remove_stale_work(folder: Path) -> None:
    """Remove temporary conversion folders whose process no longer runs (killed mid-conversion)."""
    try:
        entries = [e for e in os.scandir(folder) if e.name.startswith(".") and e.is_dir()]
    except OSError:
        return
    for entry in entries:
        match = _WORK_NAME.match(entry.name)
        if match is not None and not process_running(int(match.group(1))):
            shutil.rmtree(entry.path, ignore_errors=True)


def _move_into_place(built: Path, target: Path) -> None:
    """Rename ``built`` to ``target`` atomically; a complete model already there (a race) is kept."""
    try:
        os.rename(built, target)
    except OSError:
        if is_converted(target):
            return  # another process finished first: its model is as good as ours
        if not target.exists():
            raise
        shutil.rmtree(target)  # an incomplete leftover that no run can trust
        os.rename(built, target)


def _converter_command(location: ModelLocation, out: Path, quantization: str) -> list[str]:
    command = [sys.executable, "-m", __name__, str(location.folder), str(out), quantization]
    if location.from_hub and location.pickled_weights:
        command.append(ALLOW_PICKLED)  # the hub repo the user named: see check_checkpoint
    return command


def run_converter(
    location: ModelLocation, out: Path, quantization: str, message: str, progress: Progress | None
) -> None:
    """Run the converter child process, reporting ``message`` while it works."""
    env = dict(os.environ)
    package_root = str(Path(reader.__file__).resolve().parents[1])
    env["PYTHONPATH"] = os.pathsep.join(p for p in (package_root, env.get("PYTHONPATH")) if p)
    env["HF_HUB_OFFLINE"] = "1"  # the checkpoint is already on disk
    env[PARENT_VARIABLE] = str(os.getpid())
    if progress is not None:
        progress(message, None)
    try:
        child = subprocess.Popen(
            _converter_command(location, out, quantization),
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
            stdin=subprocess.DEVNULL,
            env=env,
            text=True,
            encoding="utf-8",
            errors="replace",
        )
    except OSError as error:
        raise Ct2Unavailable(f"could not start the CTranslate2 converter: {error}") from error
    try:
        while True:
            try:
                _, errors = child.communicate(timeout=_POLL_SECONDS)
                break
            except subprocess.TimeoutExpired:
                if progress is not None:
                    progress(message, None)  # lets the window cancel a long conversion
    except BaseException:
        child.kill()
        child.communicate()
        raise
    if child.returncode != 0:
        lines = [line.strip() for line in (errors or "").splitlines() if line.strip()]
        reason = lines[-1] if lines else f"exit code {child.returncode}"
        raise Ct2Unavailable(f"could not convert '{location.model}' for CTranslate2: {reason}")


ALLOW_PICKLED = "--allow-pickled"
PARENT_VARIABLE = "BIREADER_CT2_PARENT"


def watch_parent(parent: int, work: Path) -> None:
    """In the child: once ``parent`` is gone, remove ``work`` and exit (no orphaned conversion)."""

    def watch() -> None:
        while os.getppid() == parent:
            time.sleep(_POLL_SECONDS)
        shutil.rmtree(work, ignore_errors=True)
        os._exit(1)

    threading.Thread(target=watch, name="parent-watch", daemon=True).start()


def convert(source: Path, out: Path, quantization: str, *, allow_pickled: bool) -> None:
    """Convert in this process (the child's job); torch and transformers are imported here."""
    from ctranslate2.converters import TransformersConverter
    from transformers.utils import logging as transformers_logging

    transformers_logging.disable_progress_bar()  # type: ignore[no-untyped-call]
    transformers_logging.set_verbosity_error()  # type: ignore[no-untyped-call]

    class _Converter(TransformersConverter):  # type: ignore[misc]
        # Same rules as the transformers engine: pickled weights only for a hub model the user
        # named, and no tensor missing or mis-shaped (transformers would fill it with noise).
        def load_model(self, model_class: object, model_name_or_path: str, **kwargs: object) -> object:
            model, info = super().load_model(
                model_class,
                model_name_or_path,
                use_safetensors=not allow_pickled,
                **LOAD_ARGUMENTS,
                **kwargs,
            )
            check_loading_info(info, str(source))
            return model

    _Converter(str(source), low_cpu_mem_usage=True).convert(str(out), quantization=quantization)


def main(argv: Sequence[str] | None = None) -> int:
    """``python -m reader.translate.ct2_convert SOURCE DEST QUANTIZATION [--allow-pickled]``; one error line."""
    args = list(sys.argv[1:] if argv is None else argv)
    allow_pickled = args[3:] == [ALLOW_PICKLED]
    if len(args) - allow_pickled != 3 or args[2] not in QUANTIZATIONS:
        print(
            f"usage: ct2_convert SOURCE DEST {{{'|'.join(QUANTIZATIONS)}}} [{ALLOW_PICKLED}]", file=sys.stderr
        )
        return 2
    out = Path(args[1])
    parent = os.environ.get(PARENT_VARIABLE, "")
    if parent.isdigit():
        if os.getppid() != int(parent):
            return 1  # the parent died before we started
        # The parent's temporary folder (.NAME.PID.RANDOM) holds only our output.
        watch_parent(int(parent), out.parent if out.parent.name.startswith(".") else out)
    try:
        convert(Path(args[0]), out, args[2], allow_pickled=allow_pickled)
    except Exception as error:  # the parent shows the last stderr line to the user
        print(f"{type(error).__name__}: {first_line(error)}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
