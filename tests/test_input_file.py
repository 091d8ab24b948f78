"""Reading a document's bytes: only regular files, under a size cap, nothing that can hang."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

import pytest

from reader.errors import BadInput
from reader.input_file import DEFAULT_MAX_FILE_MB, MAX_FILE_MB_VARIABLE, max_file_bytes, read_document_bytes
from tests.helpers.loading import load_text
from tests.helpers.unprivileged import run_cli_as_nobody, unsearchable_folder


@pytest.mark.timeout(20)
def test_fifo_is_refused_without_opening_it(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)
    with pytest.raises(BadInput, match=r"pipe\.txt is a pipe \(FIFO\), not a document file$"):
        load_text(fifo)


@pytest.mark.timeout(20)
@pytest.mark.parametrize("device", ["/dev/zero", "/dev/urandom", "/dev/null"])
def test_endless_devices_are_refused_before_reading(device: str) -> None:
    if not os.path.exists(device):
        pytest.skip(f"{device} does not exist here")
    with pytest.raises(BadInput, match=r"is a device, not a document file$"):
        load_text(device)


def test_socket_is_refused(tmp_path: Path) -> None:
    import socket

    path = tempfile.mktemp(prefix="bireader-", suffix=".sock", dir="/tmp")  # AF_UNIX paths are short
    server = socket.socket(socket.AF_UNIX)
    try:
        server.bind(path)
        with pytest.raises(BadInput, match=r"is a socket, not a document file$"):
            load_text(path)
    finally:
        server.close()
        os.unlink(path)


def test_default_size_cap_is_200_mb(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(MAX_FILE_MB_VARIABLE, raising=False)
    assert DEFAULT_MAX_FILE_MB == 200
    assert max_file_bytes() == 200 * 1024 * 1024


def test_file_over_the_cap_is_refused_before_reading(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    big = tmp_path / "big.txt"
    with big.open("wb") as handle:
        handle.truncate(3 * 1024 * 1024)  # sparse: 3 MB without writing them
    monkeypatch.setenv(MAX_FILE_MB_VARIABLE, "2")
    with pytest.raises(
        BadInput, match=r"^.*big\.txt is 3 MB, more than the 2 MB limit \(set BIREADER_MAX_FILE_MB"
    ):
        load_text(big)


def test_cap_can_be_passed_as_a_parameter(tmp_path: Path) -> None:
    path = tmp_path / "doc.txt"
    path.write_bytes(b"x" * 100)
    assert read_document_bytes(path, limit=100) == b"x" * 100
    with pytest.raises(BadInput, match="more than"):
        read_document_bytes(path, limit=99)


@pytest.mark.parametrize("value", ["lots", "0", "-5"])
def test_bad_cap_setting_is_one_line(monkeypatch: pytest.MonkeyPatch, value: str) -> None:
    monkeypatch.setenv(MAX_FILE_MB_VARIABLE, value)
    with pytest.raises(BadInput, match=MAX_FILE_MB_VARIABLE):
        max_file_bytes()


def test_path_component_over_255_characters_is_one_line(tmp_path: Path) -> None:
    with pytest.raises(BadInput, match=r"^cannot read .*: File name too long$"):
        load_text(tmp_path / ("a" * 300) / "doc.txt")


def test_file_under_a_folder_without_search_permission_is_one_line() -> None:
    base = tempfile.mkdtemp(prefix="bireader-perm-")
    try:
        locked = unsearchable_folder(base)
        result = run_cli_as_nobody(["segment", f"{locked}/doc.txt"], preload=("reader.commands.segment",))
    finally:
        os.chmod(os.path.join(base, "locked"), 0o700)
        import shutil

        shutil.rmtree(base)
    assert result.returncode == 2
    assert result.stderr == f"error: cannot read {locked}/doc.txt: Permission denied\n"


def test_control_characters_in_a_name_are_escaped(tmp_path: Path) -> None:
    with pytest.raises(BadInput) as caught:
        load_text(tmp_path / "evil\x1b[31mred\nline.txt")
    message = str(caught.value)
    assert "\x1b" not in message
    assert "\n" not in message
    assert "evil\\x1b[31mred\\nline.txt" in message
