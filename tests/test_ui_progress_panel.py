"""The status-bar progress: counts, failures, time left, and which button shows when."""

from __future__ import annotations

import pytest

from reader.ui.progress_panel import ProgressPanel, format_seconds


@pytest.fixture
def panel(qtbot) -> ProgressPanel:
    """A panel on screen (visibility is what these tests look at)."""
    shown = ProgressPanel()
    qtbot.addWidget(shown)
    shown.show()
    return shown


@pytest.mark.parametrize(
    ("seconds", "text"),
    [
        (0, "0 s"),
        (0.2, "1 s"),
        (59, "59 s"),
        (61, "2 min"),
        (3599, "1 h 00 min"),
        (3500, "59 min"),
        (3600, "1 h 00 min"),
        (5400, "1 h 30 min"),
    ],
)
def test_format_seconds_rounds_up(seconds: float, text: str) -> None:
    assert format_seconds(seconds) == text


def test_running_shows_cancel_and_time_left(panel: ProgressPanel) -> None:
    panel.set_running(True)
    panel.set_progress(4, 1, 20, 12.4)
    assert panel.label.text() == "4 / 20 sentences translated · 1 failed · about 13 s left"
    assert (panel.bar.value(), panel.bar.maximum()) == (5, 20)
    assert panel.cancel_button.isVisible()
    assert not panel.resume_button.isVisible()


def test_stopped_with_work_left_offers_resume_and_no_estimate(panel: ProgressPanel) -> None:
    panel.set_running(False)
    panel.set_progress(4, 0, 20, 12.0)
    assert panel.label.text() == "4 / 20 sentences translated"
    assert panel.resume_button.isVisible()
    assert not panel.cancel_button.isVisible()


def test_nothing_open_hides_the_panel_and_all_done_offers_nothing(panel: ProgressPanel) -> None:
    panel.set_progress(0, 0, 0, None)
    assert not panel.isVisible()
    panel.set_progress(20, 0, 20, None)
    assert panel.isVisible()
    assert not panel.resume_button.isVisible()


def test_a_finished_run_leaves_one_line_and_no_bar_or_cancel(panel: ProgressPanel) -> None:
    panel.set_running(True)
    panel.set_progress(20, 0, 20, 0.0)
    assert panel.bar.isVisible()
    panel.set_running(False)
    assert panel.label.text() == "Translated 20 sentences"
    assert not panel.bar.isVisible()
    assert not panel.cancel_button.isVisible()
    assert not panel.resume_button.isVisible()
    panel.set_progress(19, 1, 20, None)
    assert panel.label.text() == "Translated 19 sentences · 1 failed"


def test_a_cancelled_run_says_so_and_offers_resume_until_the_next_run(panel: ProgressPanel) -> None:
    panel.set_running(True)
    panel.set_progress(4, 0, 20, 30.0)
    panel.set_running(False)
    panel.set_cancelled()
    assert panel.label.text() == "Translation cancelled · 4 / 20 sentences translated"
    assert not panel.bar.isVisible()
    assert not panel.cancel_button.isVisible()
    assert panel.resume_button.isVisible()
    panel.set_running(True)  # resumed: the bar and Cancel come back, the outcome is forgotten
    assert panel.label.text() == "4 / 20 sentences translated · about 30 s left"
    assert panel.bar.isVisible()
    assert panel.cancel_button.isVisible()


def test_the_time_left_speaks_the_window_s_language(qapp) -> None:  # type: ignore[no-untyped-def]
    """In the Arabic UI the units are Arabic too: no stray "s" read in the wrong order."""
    from reader.ui.i18n import install_ui_language, remove_ui_language

    try:
        assert install_ui_language(qapp, "ar") == "ar"
        assert format_seconds(4) == "4 ث"
        assert format_seconds(3700) == "1 س 02 د"
    finally:
        remove_ui_language(qapp)
    assert format_seconds(4) == "4 s"


def test_before_anything_is_counted_the_bar_is_busy_not_empty(panel: ProgressPanel) -> None:
    panel.set_progress(0, 0, 20, None)
    panel.set_running(True)
    assert panel.busy
    assert (panel.bar.minimum(), panel.bar.maximum()) == (0, 0)  # Qt's moving busy bar
    panel.set_progress(3, 0, 20, None)
    assert not panel.busy
    assert (panel.bar.value(), panel.bar.maximum()) == (3, 20)


def test_the_busy_line_says_what_is_happening_until_cleared(panel: ProgressPanel) -> None:
    panel.set_progress(5, 0, 20, None)
    panel.set_running(True)
    panel.set_busy("Converting the model for CTranslate2…")
    assert panel.busy
    assert panel.isVisible()
    assert panel.label.text() == "Converting the model for CTranslate2…"
    assert panel.bar.maximum() == 0
    panel.set_busy("")
    assert panel.label.text() == "5 / 20 sentences translated"
    assert (panel.bar.value(), panel.bar.maximum()) == (5, 20)


def test_a_long_busy_line_is_elided_with_the_whole_in_its_tooltip(panel: ProgressPanel) -> None:
    line = "Loading the translation model /" + "very/long/folder/" * 40 + "opus-mt-ar-en…"
    panel.set_running(True)
    panel.set_busy(line)
    assert panel.label.toolTip() == line
    assert "…" in panel.label.text()
    assert len(panel.label.text()) < len(line)
    assert panel.label.text().endswith("opus-mt-ar-en…")


def test_the_busy_panel_shows_before_the_total_is_known(panel: ProgressPanel) -> None:
    panel.set_progress(0, 0, 0, None)
    assert not panel.isVisible()
    panel.set_running(True)
    panel.set_busy("Loading the translation model…")
    assert panel.isVisible()
    panel.set_running(False)
    panel.set_busy("")
    assert not panel.isVisible()
