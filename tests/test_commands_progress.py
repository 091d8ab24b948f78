"""Progress on stderr: only on a terminal or when asked, throttled, with a rate, the last one always."""

from __future__ import annotations

import io

from reader.commands.progress import LOG_INTERVAL, TERMINAL_INTERVAL, ProgressLine


class Clock:
    def __init__(self) -> None:
        self.now = 100.0

    def __call__(self) -> float:
        return self.now


class Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_silent_when_not_a_terminal_and_not_asked() -> None:
    stream = io.StringIO()
    progress = ProgressLine("writing PDF", "pairs", stream=stream)
    for done in range(1, 11):
        progress(done, 10)
    progress.clear()
    assert stream.getvalue() == ""


def test_asked_for_in_a_log_one_line_a_second_and_the_last() -> None:
    stream, clock = io.StringIO(), Clock()
    progress = ProgressLine("writing PDF", "pairs", asked=True, stream=stream, clock=clock)
    assert progress.interval == LOG_INTERVAL
    for done in range(1, 3001):
        clock.now += 0.001  # 1000 pairs a second
        progress(done, 3000)
    assert stream.getvalue().splitlines() == [
        "writing PDF 1/3000 pairs (0%)",
        "writing PDF 1001/3000 pairs (33%), 1000 pairs/s",
        "writing PDF 2001/3000 pairs (66%), 1000 pairs/s",
        "writing PDF 3000/3000 pairs (100%), 1000 pairs/s",
    ]


def test_a_terminal_gets_one_line_rewritten_in_place_then_cleared() -> None:
    stream, clock = Terminal(), Clock()
    progress = ProgressLine("translated", "sentences", stream=stream, clock=clock)
    assert progress.interval == TERMINAL_INTERVAL
    progress(5, 20)
    clock.now += 0.05
    progress(6, 20)  # too soon: not drawn
    clock.now += 0.2
    progress(10, 20)
    progress.clear()
    assert stream.getvalue() == (
        "\r\x1b[Ktranslated 5/20 sentences (25%)"
        "\r\x1b[Ktranslated 10/20 sentences (50%), 20 sentences/s"
        "\r\x1b[K"
    )


def test_a_failing_stderr_never_fails_the_command() -> None:
    class Full(Terminal):
        def write(self, text: str) -> int:
            raise OSError(28, "No space left on device")

    progress = ProgressLine("writing PDF", "pairs", stream=Full(), interval=0)
    progress(1, 2)
    progress(2, 2)
    progress.clear()
