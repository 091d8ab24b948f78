"""Loading text files: encodings detected without being told, line endings, bad inputs."""

from __future__ import annotations

import codecs
import os
import time
from pathlib import Path

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from reader.errors import BadInput
from reader.formats.text_bytes import decode_bytes
from tests.helpers.loading import load_document, load_text
from tests.helpers.spans import assert_exact_spans

ARABIC = "قالت ثلاثة مصادر مطلعة إن مشاركين اجتمعوا في سويسرا.\nوقال أحد المصادر إن المحادثات مهمة؟"


def _write(tmp_path: Path, data: bytes, name: str = "doc.txt") -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


# --- encodings -----------------------------------------------------------------------------------------


def test_utf8_without_bom(tmp_path: Path) -> None:
    assert load_text(_write(tmp_path, ARABIC.encode("utf-8"))) == ARABIC


def test_utf8_with_bom(tmp_path: Path) -> None:
    assert load_text(_write(tmp_path, codecs.BOM_UTF8 + ARABIC.encode("utf-8"))) == ARABIC


def test_utf16_little_endian_with_bom(tmp_path: Path) -> None:
    assert load_text(_write(tmp_path, ARABIC.encode("utf-16"))) == ARABIC  # native order + BOM
    assert load_text(_write(tmp_path, codecs.BOM_UTF16_LE + ARABIC.encode("utf-16-le"))) == ARABIC


def test_utf16_big_endian_with_bom(tmp_path: Path) -> None:
    assert load_text(_write(tmp_path, codecs.BOM_UTF16_BE + ARABIC.encode("utf-16-be"))) == ARABIC


def test_windows_1256(tmp_path: Path) -> None:
    data = ARABIC.encode("cp1256")
    with pytest.raises(UnicodeDecodeError):
        data.decode("utf-8")  # the test is meaningful only if UTF-8 would fail
    assert load_text(_write(tmp_path, data)) == ARABIC


def test_invalid_bytes_in_utf8_become_replacement_characters_with_one_warning(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    parts = [ARABIC[:10].encode(), ARABIC[10:40].encode(), ARABIC[40:].encode()]
    data = parts[0] + b"\xff" + parts[1] + b"\xc3(" + parts[2]  # a stray byte, a cut sequence
    with caplog.at_level("WARNING", logger="reader"):
        text = load_text(_write(tmp_path, data))
    assert text.count("\ufffd") == 2
    assert text.replace("\ufffd", "").replace("(", "") == ARABIC
    assert [r.getMessage() for r in caplog.records] == [
        "doc.txt: 2 invalid UTF-8 byte sequence(s) shown as U+FFFD"
    ]


def test_genuine_replacement_characters_are_not_counted_as_damage(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    data = ("\ufffd" + ARABIC).encode("utf-8") + b"\xff"
    with caplog.at_level("WARNING", logger="reader"):
        load_text(_write(tmp_path, data))
    assert "1 invalid UTF-8" in caplog.records[0].getMessage()


def test_windows_1256_only_on_evidence(tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    """Arabic in cp1256 is mostly invalid UTF-8; a little damage in UTF-8 text is not cp1256."""
    legacy = ARABIC.encode("cp1256") + b" " + "\u00e9".encode("utf-8")  # one sequence happens to be valid
    with caplog.at_level("WARNING", logger="reader"):
        assert load_text(_write(tmp_path, legacy)) == legacy.decode("cp1256")
    assert not caplog.records


def test_seed_loads_as_utf8(seed_path: Path, seed_text: str) -> None:
    assert load_text(seed_path) == seed_text


# --- line endings and invisible characters ---------------------------------------------------------------


def test_crlf_becomes_lf(tmp_path: Path) -> None:
    data = ARABIC.replace("\n", "\r\n").encode()
    assert load_text(_write(tmp_path, data)) == ARABIC


def test_lone_cr_becomes_lf(tmp_path: Path) -> None:
    data = ARABIC.replace("\n", "\r").encode()
    assert load_text(_write(tmp_path, data)) == ARABIC


def test_nul_is_replaced_one_for_one(tmp_path: Path) -> None:
    text = "جملة\x00 أولى. جملة ثانية."
    loaded = load_text(_write(tmp_path, text.encode()))
    assert loaded == text.replace("\x00", "\ufffd")
    assert len(loaded) == len(text)
    document = load_document(_write(tmp_path, text.encode()))
    assert [s.text for s in document.segments] == ["جملة\ufffd أولى.", "جملة ثانية."]


@pytest.mark.parametrize(
    "control",
    [
        "\u200e",
        "\u200f",
        "\u202a",
        "\u202b",
        "\u202c",
        "\u202d",
        "\u202e",
        "\u2066",
        "\u2067",
        "\u2068",
        "\u2069",
    ],
)
def test_bidi_controls_are_kept_and_do_not_break_segmentation(tmp_path: Path, control: str) -> None:
    text = f"{control}جملة أولى.{control} جملة{control} ثانية؟"
    document = load_document(_write(tmp_path, text.encode()))
    assert document.text == text
    assert len(document.segments) == 2
    for sentence in document.segments:
        assert text[sentence.start : sentence.end] == sentence.text
    assert_exact_spans(document)


# --- bad inputs: one clear line each -------------------------------------------------------------------


def test_missing_path(tmp_path: Path) -> None:
    with pytest.raises(BadInput, match=r"^no such file: .*nothing\.txt$"):
        load_text(tmp_path / "nothing.txt")


def test_directory(tmp_path: Path) -> None:
    with pytest.raises(BadInput, match="is a folder, not a document"):
        load_text(tmp_path)


@pytest.mark.parametrize(
    "data",
    [
        b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj",
        b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR",
        b"PK\x03\x04\x14\x00\x06\x00",
        bytes(range(256)) * 8,
        b"\x7fELF\x02\x01\x01" + b"\x00" * 100,
        os.urandom(0) + bytes([0, 1, 2, 3, 4, 5, 6, 7, 8]) * 200,
    ],
    ids=["pdf", "png", "zip", "all-bytes", "elf", "controls"],
)
def test_binary_is_not_a_text_document(tmp_path: Path, data: bytes) -> None:
    with pytest.raises(BadInput, match=r"^doc\.txt: not a text document"):
        load_text(_write(tmp_path, data))


def test_broken_utf16_is_not_a_text_document(tmp_path: Path) -> None:
    with pytest.raises(BadInput, match="not a text document"):
        load_text(_write(tmp_path, codecs.BOM_UTF16_LE + b"\x00\xd8A"))  # lone surrogate


def test_empty_file(tmp_path: Path) -> None:
    with pytest.raises(BadInput, match=r"^doc\.txt: no text$"):
        load_text(_write(tmp_path, b""))


@pytest.mark.parametrize("data", [b"   \n\t\r\n  ", "\ufeff \u200f\n".encode(), codecs.BOM_UTF8])
def test_whitespace_only_file(tmp_path: Path, data: bytes) -> None:
    with pytest.raises(BadInput, match="no text"):
        load_text(_write(tmp_path, data))


def test_unreadable_file_is_one_line(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = _write(tmp_path, b"text")

    def refuse(*_args: object) -> int:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr("reader.input_file.os.open", refuse)
    with pytest.raises(BadInput, match=r"^cannot read .*: Permission denied$"):
        load_text(path)


def test_errors_are_single_lines(tmp_path: Path) -> None:
    for path in (tmp_path / "x", tmp_path, _write(tmp_path, b""), _write(tmp_path, b"\x00" * 50, "bin")):
        with pytest.raises(BadInput) as caught:
            load_text(path)
        assert "\n" not in str(caught.value)


# --- whole documents ---------------------------------------------------------------------------------------


def test_load_document_names_it_after_the_file(seed_path: Path) -> None:
    document = load_document(seed_path)
    assert document.name == seed_path.name
    assert len(document.segments) == 15


def test_five_megabyte_book_loads_fast(tmp_path: Path, seed_text: str) -> None:
    """A guard against pathological slowness; the benchmark script measures properly."""
    path = _write(tmp_path, ((seed_text + "\r\n") * 1150).encode("utf-8"))
    assert path.stat().st_size > 5_000_000
    started = time.perf_counter()
    text = load_text(path)
    assert time.perf_counter() - started < 2
    assert "\r" not in text


# --- properties ------------------------------------------------------------------------------------------

_TEXT = st.text(
    st.sampled_from(list("ابتثجحخدذرسشصضطظعغفقكلمنهوي ءأإآةى،؛؟.!0123 \n\r\t") + ["\u200f", "\u200e"]),
    min_size=1,
    max_size=200,
).filter(lambda t: any(ch.strip("\n\r\t \u200f\u200e") for ch in t))


@settings(max_examples=200, deadline=None)
@given(_TEXT, st.sampled_from(["utf-8", "utf-8-sig", "utf-16", "cp1256"]))
def test_property_round_trip_every_encoding(text: str, encoding: str) -> None:
    expected = text.replace("\r\n", "\n").replace("\r", "\n")
    data = text.encode(encoding)
    if encoding == "cp1256":
        # A few short cp1256 byte strings are also valid (or mostly valid) UTF-8, and are read as
        # such by design; real documents are not that short.
        assume(_invalid_utf8(data) >= _valid_non_ascii_utf8(data) and not _valid_utf8(data))
    assert decode_bytes(data) == expected


def _invalid_utf8(data: bytes) -> int:
    return data.decode("utf-8", errors="replace").count("\ufffd")


def _valid_non_ascii_utf8(data: bytes) -> int:
    text = data.decode("utf-8", errors="replace")
    return sum(1 for ch in text if ord(ch) > 127 and ch != "\ufffd")


def _valid_utf8(data: bytes) -> bool:
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True


@settings(max_examples=200, deadline=None)
@given(st.binary(max_size=400))
def test_property_any_bytes_decode_or_fail_cleanly(data: bytes) -> None:
    outcome: str
    try:
        outcome = decode_bytes(data)
    except BadInput as error:
        outcome = str(error)
        assert outcome in {"no text", "not a text document"} or outcome.startswith("not a text document:")
    assert "\r" not in outcome
    assert "\x00" not in outcome


def test_normalise_text_keeps_length_of_nul_and_unifies_line_ends() -> None:
    from reader.formats.text_bytes import normalise_text

    assert normalise_text("أ\r\nب\rج\x00د") == "أ\nب\nج\ufffdد"
