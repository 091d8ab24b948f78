"""Convert a MarianMT checkpoint to CTranslate2 once, into the user cache, keyed by fingerprint + quantization.

The conversion itself is :mod:`marian_spec`'s: the safetensors read as numpy arrays into
CTranslate2's Transformer spec, without torch or transformers (ctranslate2's own converter
imports both and took ~7 s even for a tiny model; this takes well under a second for it). It
runs in a child process (``python -m reader.translate.ct2_convert SOURCE DEST QUANTIZATION``)
all the same: quantizing an opus-mt model holds the GIL for seconds at a time and peaks at
about twice the float32 weights, neither of which the window's process should see, and a
cancelled load simply kills the child. The parent meanwhile loads what it can (the tokenizer).

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
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

import reader
from reader.atomic import process_running
from reader.errors import ModelUnavailable, first_line
from reader.paths import models_dir
from reader.translate.model_files import PICKLED_WEIGHTS, SAFE_WEIGHTS
from reader.translate.model_location import ModelLocation, Progress

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


def ensure_converted(
    location: ModelLocation,
    quantization: str,
    progress: Progress | None = None,
    meanwhile: Callable[[], None] | None = None,
) -> Path:
    """The converted model's folder, converting first if this is the first use.

    ``meanwhile`` (loading the tokenizer) runs once, while the converter child works or at once
    when the model is already converted: the two overlap instead of adding up.
    Raises :class:`Ct2Unavailable` with one line when the conversion fails; re-raises whatever
    ``progress`` or ``meanwhile`` raises (the window's cancel) after stopping the converter.
    """
    if quantization not in QUANTIZATIONS:
        raise ValueError(f"unknown quantization {quantization!r}")
    target = converted_folder(location, quantization)
    remove_stale_work(target.parent)
    if is_converted(target):
        if meanwhile is not None:
            meanwhile()
        return target
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        work = Path(tempfile.mkdtemp(prefix=f".{target.name}.{os.getpid()}.", dir=target.parent))
    except OSError as error:
        raise Ct2Unavailable(f"cannot store converted models in {target.parent}: {error}") from error
    try:
        built = work / "model"
        message = f"converting {location.model} for CTranslate2 ({quantization}, first use only)"
        run_converter(location, built, quantization, message, progress, meanwhile)
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
    location: ModelLocation,
    out: Path,
    quantization: str,
    message: str,
    progress: Progress | None,
    meanwhile: Callable[[], None] | None = None,
) -> None:
    """Run the converter child process, reporting ``message`` while it works and calling
    ``meanwhile`` once it has started."""
    env = dict(os.environ)
    package_root = str(Path(reader.__file__).resolve().parents[1])
    env["PYTHONPATH"] = os.pathsep.join(p for p in (package_root, env.get("PYTHONPATH")) if p)
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
        if meanwhile is not None:
            meanwhile()
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
    """Convert in this process (the child's job): numpy and ctranslate2's specs, no transformers.

    torch is imported only to read a hub model's pickled weights (with its ``weights_only``
    unpickler); for safetensors it is kept out (see :func:`_import_specs_without_torch`).
    """
    from reader.translate.marian_spec import marian_spec, read_safetensors, save_converted

    if (source / SAFE_WEIGHTS).is_file():
        _import_specs_without_torch()
        weights = read_safetensors(source / SAFE_WEIGHTS)
    elif not (source / PICKLED_WEIGHTS).is_file():
        raise ModelUnavailable(f"'{source}' has no {SAFE_WEIGHTS}")
    elif allow_pickled:
        weights = read_pickled(source / PICKLED_WEIGHTS)
    else:
        raise ModelUnavailable(f"'{source}' has only pickled weights, which are read for a hub model alone")
    save_converted(marian_spec(source, weights, str(source)), out, quantization)


def _import_specs_without_torch() -> None:
    """Import ctranslate2's specs with torch hidden: they import it whenever it is installed (2–3 s
    for nothing: numpy arrays never need it). Only the converter child calls this, before anything
    else imports the specs, so no other code in a process sees torch hidden."""
    if "ctranslate2.specs" in sys.modules or "torch" in sys.modules:
        return
    sys.modules["torch"] = None  # type: ignore[assignment]  # `import torch` now raises ImportError
    try:
        import ctranslate2.specs  # noqa: F401
    finally:
        del sys.modules["torch"]


def read_pickled(path: Path) -> dict[str, Any]:
    """The tensors of a torch pickle as float32 numpy arrays, read with ``weights_only`` (no code runs)."""
    import torch

    state = torch.load(str(path), map_location="cpu", weights_only=True)
    return {name: t.float().numpy() for name, t in state.items() if isinstance(t, torch.Tensor)}


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
