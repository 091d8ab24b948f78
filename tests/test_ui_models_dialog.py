"""Translation ▸ Models…: the list, Download with progress and Cancel in the background, Remove,
Import folder, Use this model, and the window's menu and banner opening it.

The hub is the 127.0.0.1 one of :mod:`tests.helpers.hub_server`, serving the tiny model under
the stronger checkpoint's id; its int8 conversion is the session's (``ct2_converted``).
"""

from __future__ import annotations

import shutil
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

from reader.translate.model_location import find_model
from reader.ui.models_dialog import ModelsDialog
from tests.helpers.hub_server import HubState, hub_for_tests, repo_from_folder

BIG = "Helsinki-NLP/opus-mt-tc-big-ar-en"


@pytest.fixture
def hub(
    tiny_model: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, ct2_converted: Path
) -> Iterator[HubState]:
    state = HubState({BIG: repo_from_folder(tiny_model)})
    with hub_for_tests(state, tmp_path / "hub", monkeypatch):
        yield state


def make_dialog(qtbot, **options) -> ModelsDialog:  # type: ignore[no-untyped-def]
    options.setdefault("current_model", "Helsinki-NLP/opus-mt-ar-en")
    options.setdefault("ask_directory", lambda parent, title: None)
    dialog = ModelsDialog(None, **options)
    qtbot.addWidget(dialog)
    return dialog


def row_texts(dialog: ModelsDialog, model: str) -> list[str]:
    index = [entry.model for entry in dialog.entries].index(model)
    item = dialog.table.topLevelItem(index)
    return [item.text(column) for column in range(item.columnCount())]


@pytest.mark.usefixtures("hub")
def test_download_runs_in_the_background_and_the_model_can_be_used(qtbot) -> None:
    dialog = make_dialog(qtbot)
    assert row_texts(dialog, BIG)[1:4] == ["not installed", "965 MB", "CC-BY-4.0"]
    dialog.select(BIG)
    assert not dialog.use_button.isEnabled()
    with qtbot.waitSignal(dialog.work_finished, timeout=30000) as finished:
        dialog.download_button.click()
        assert dialog.cancel_button.isVisibleTo(dialog)
        assert not dialog.download_button.isEnabled()
    assert finished.args == ["succeeded"]
    assert row_texts(dialog, BIG)[1] == "installed, ready"
    assert not dialog.cancel_button.isVisibleTo(dialog)
    with qtbot.waitSignal(dialog.model_chosen) as chosen:
        dialog.use_button.click()
    assert chosen.args == [BIG]


def test_cancel_stops_the_download_and_keeps_what_it_fetched(qtbot, hub: HubState, tmp_path: Path) -> None:
    gate = threading.Event()
    hub.hold["model.safetensors"] = gate
    dialog = make_dialog(qtbot)
    dialog.select(BIG)
    dialog.download_button.click()
    qtbot.waitUntil(
        lambda: any(path.endswith("model.safetensors") for _, path, _ in hub.requests), timeout=10000
    )
    with qtbot.waitSignal(dialog.work_finished, timeout=30000) as finished:
        dialog.cancel_button.click()
        gate.set()  # bytes flow again: the next progress report notices the cancel
    assert finished.args == ["cancelled"]
    assert "resumes" in dialog.status.text()
    assert find_model(BIG) is None
    assert list((tmp_path / "hub").rglob("blobs/*"))  # the verified files stay for next time


@pytest.mark.usefixtures("hub")
def test_a_failed_download_says_why_in_one_line(qtbot, hub: HubState) -> None:
    hub.corrupt.add("vocab.json")
    dialog = make_dialog(qtbot)
    dialog.select(BIG)
    with qtbot.waitSignal(dialog.work_finished, timeout=30000) as finished:
        dialog.download_button.click()
    assert finished.args == ["failed"]
    assert dialog.status.text().startswith("'vocab.json' of model '" + BIG + "' does not match")


@pytest.mark.usefixtures("ct2_converted")
def test_import_then_remove_forgets_the_folder_after_asking(qtbot, tiny_model: Path, tmp_path: Path) -> None:
    folder = Path(shutil.copytree(tiny_model, tmp_path / "mine"))
    answers = [False, True]
    dialog = make_dialog(
        qtbot,
        ask_directory=lambda parent, title: str(folder),
        confirm=lambda parent, question: answers.pop(0),
    )
    with qtbot.waitSignal(dialog.work_finished, timeout=30000) as finished:
        dialog.import_button.click()
    assert finished.args == ["succeeded"]
    assert dialog.selected is not None
    assert dialog.selected.model == str(folder)
    assert row_texts(dialog, str(folder))[1] == "installed, ready"
    dialog.remove_button.click()  # "no"
    assert str(folder) in [entry.model for entry in dialog.entries]
    dialog.remove_button.click()  # "yes"
    assert str(folder) not in [entry.model for entry in dialog.entries]
    assert (folder / "model.safetensors").is_file()


def test_the_menu_and_the_banner_open_it_and_use_sets_the_model(make_window, qtbot) -> None:  # type: ignore[no-untyped-def]
    window = make_window()
    window.menus.actions["models"].trigger()
    dialog = window.findChild(ModelsDialog)
    assert dialog is not None
    assert dialog.isVisible()
    dialog.model_chosen.emit("/models/chosen")
    assert window.settings.model == "/models/chosen"
    assert window.controller.settings.model == "/models/chosen"
    dialog.reject()
    window.banner.models_button.click()
    assert [d for d in window.findChildren(ModelsDialog) if d.isVisible()]
