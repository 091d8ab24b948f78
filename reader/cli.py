"""Command line: ``bireader [FILE] [--model …]`` opens the window; sub-commands work headless.

Exit codes: 0 ok, 2 bad input/usage/path (and output that cannot be written), 3 model
unavailable, 130 interrupted (Ctrl+C), 143 terminated (SIGTERM). A :class:`ReaderError` becomes
one ``error: …`` line on stderr, control characters escaped (:mod:`reader.display`); no
traceback reaches the user.
"""

from __future__ import annotations

import argparse
import contextlib
import importlib
import logging
import signal
import sys
from collections.abc import Iterator, Sequence
from typing import Any, Protocol

from reader.commands.stdout import finish_stdout, prepare_stdout, write_output
from reader.display import one_line
from reader.errors import ReaderError

# Sub-command name → module in reader.commands; imported lazily so `segment` never pays for torch.
COMMANDS = {
    "segment": ("reader.commands.segment", "split an Arabic document into sentences"),
    "translate": ("reader.commands.translate", "translate a file, printing Arabic and English in pairs"),
    "export": ("reader.commands.export", "write a bilingual PDF, EPUB or HTML file"),
    "find": ("reader.commands.find", "find a word in the Arabic and the (cached) English"),
    "models": ("reader.commands.models", "list, download, remove or import translation models"),
    "align": ("reader.commands.align", "align a human English translation with an Arabic document"),
}


class _Command(Protocol):
    def add_arguments(self, parser: argparse.ArgumentParser) -> None: ...
    def run(self, args: argparse.Namespace) -> int: ...


class _Parser(argparse.ArgumentParser):
    """argparse that reports usage errors as one line and exit code 2, without the usage dump."""

    def error(self, message: str) -> None:  # type: ignore[override]
        raise ReaderError(f"{message} (see --help)")

    def print_help(self, file: Any = None) -> None:
        """``--help`` on standard output goes through the checked writer: a failure is one line."""
        if file is None:
            write_output(self.format_help())
        else:
            super().print_help(file)


def _gui_parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="bireader",
        description="Read Arabic beside its English translation. "
        f"Sub-commands: {', '.join(COMMANDS)} (bireader COMMAND --help).",
    )
    parser.add_argument(
        "file", nargs="?", help="an Arabic document to open (text, EPUB, DOCX, ODT, HTML, Markdown or PDF)"
    )
    parser.add_argument("--model", help="hub id or local folder of a MarianMT checkpoint")
    return parser


def _command_parser(name: str) -> tuple[argparse.ArgumentParser, _Command]:
    module_name, help_text = COMMANDS[name]
    module: _Command = importlib.import_module(module_name)
    parser = _Parser(prog=f"bireader {name}", description=help_text)
    module.add_arguments(parser)
    return parser, module


class _StderrLine(logging.Handler):
    """One ``warning: …`` line per record on whatever ``sys.stderr`` is at the time (tests swap it)."""

    def emit(self, record: logging.LogRecord) -> None:
        sys.stderr.write(f"{record.levelname.lower()}: {one_line(record.getMessage())}\n")


def _configure_logging() -> None:
    """Warnings from the core (a failed batch, a cache set aside) reach stderr as one plain line."""
    logger = logging.getLogger("reader")
    if not any(isinstance(h, _StderrLine) for h in logger.handlers):
        logger.addHandler(_StderrLine(logging.WARNING))
        logger.setLevel(logging.WARNING)
        logger.propagate = False


class Terminated(BaseException):
    """SIGTERM (a plain ``kill``) while a command runs: unwinds like Ctrl+C, so temp files go."""


@contextlib.contextmanager
def _terminate_cleanly() -> Iterator[None]:
    """Turn SIGTERM into :class:`Terminated` for the command's duration (main thread only).

    Its default action ends the process on the spot, leaving an export's temp file behind until
    a later write finds it stale (:mod:`reader.atomic`); unwinding removes it at once.
    """

    def terminated(signum: int, frame: object) -> None:
        raise Terminated

    try:
        previous = signal.signal(signal.SIGTERM, terminated)
    except ValueError:  # not the main thread: leave the default
        yield
        return
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, previous)


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of ``bireader`` and ``python -m reader``; returns the exit code.

    Standard output is flushed before returning, so a failure to write it is one line and exit 2
    here rather than a lost error in the interpreter's final flush.
    """
    args_list = list(sys.argv[1:] if argv is None else argv)
    _configure_logging()
    prepare_stdout()
    code = _dispatch(args_list)
    try:
        finish_stdout()
    except ReaderError as error:
        _report(error)
        return code or error.exit_code
    return code


def _report(error: ReaderError | str) -> None:
    """One ``error:`` line on stderr; if even stderr is gone or full, the exit code still says it."""
    if sys.stderr is not None:
        with contextlib.suppress(OSError, ValueError):
            print(f"error: {one_line(str(error))}", file=sys.stderr, flush=True)


def _dispatch(args_list: list[str]) -> int:
    try:
        if args_list and args_list[0] in COMMANDS:
            parser, command = _command_parser(args_list[0])
            with _terminate_cleanly():
                return command.run(parser.parse_args(args_list[1:]))
        args = _gui_parser().parse_args(args_list)
        gui: Any = importlib.import_module("reader.ui.app")  # Qt is imported only for the window
        return int(gui.run_gui(args))
    except ReaderError as error:
        _report(error)
        return error.exit_code
    except Terminated:
        _report("terminated")
        return 128 + signal.SIGTERM
    except KeyboardInterrupt:
        # 130 = 128 + SIGINT, what a shell reports for a process Ctrl+C stopped: a script can tell
        # "the user stopped it" from "bad input" (2). Atomic writes have removed their temp files.
        _report("interrupted")
        return 130
