"""``bireader export``: translate what the cache lacks, write the PDF, one-line errors with exit codes.

One test runs the real engine on the tiny model; the others plug the fake translator in behind
the real translation service, so they never import torch.
"""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest
from pypdf import PdfReader

from reader.cli import main
from reader.commands import engine_options
from reader.export.pdf import MISSING_MARK
from reader.translate.fake import FakeTranslator
from reader.translate.protocol import EngineSettings
from reader.translate.service import TranslationService
from tests.helpers.loading import load_document


def pdf_text(path: Path) -> str:
    return re.sub(r"\s+", "", "".join(page.extract_text() for page in PdfReader(path).pages))


def no_space(text: str) -> str:
    return re.sub(r"\s+", "", text)


class FakeFactory:
    """Stands in for ``create_translator``: the real service, a fake engine, and a log of calls."""

    def __init__(self, **fake_options: object) -> None:
        self.fake_options = fake_options
        self.calls: list[tuple[EngineSettings, bool]] = []

    def __call__(self, settings: EngineSettings, *, use_cache: bool = True) -> TranslationService:
        self.calls.append((settings, use_cache))
        return TranslationService(
            settings,
            use_cache=use_cache,
            engine_factory=lambda _: FakeTranslator(**self.fake_options),  # type: ignore[arg-type]
        )


@pytest.fixture
def fake(monkeypatch: pytest.MonkeyPatch) -> FakeFactory:
    factory = FakeFactory()
    monkeypatch.setattr(engine_options, "create_translator", factory)
    return factory


def test_exports_with_the_real_engine(
    tiny_model: Path, seed_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "seed.pdf"
    assert main(["export", str(seed_path), "-o", str(out), "--model", str(tiny_model)]) == 0
    assert capsys.readouterr().err.strip().splitlines()[-1] == f"wrote {out}"
    # The same translations, now straight from the cache the export filled.
    assert main(["translate", str(seed_path), "--model", str(tiny_model), "--json"]) == 0
    import json

    records = json.loads(capsys.readouterr().out)
    text = pdf_text(out)
    for record in records:
        assert no_space(record["source"]) in text
        assert no_space(record["translation"]) in text
    assert MISSING_MARK not in text


def test_options_reach_the_pdf_and_the_engine(fake: FakeFactory, seed_path: Path, tmp_path: Path) -> None:
    out = tmp_path / "seed.pdf"
    args = ["export", str(seed_path), "-o", str(out), "--layout", "interleaved", "--page-size", "Letter"]
    assert main([*args, "--numbers", "--model", "some/model", "--engine", "transformers", "--no-cache"]) == 0
    reader = PdfReader(out)
    box = reader.pages[0].mediabox
    assert (float(box.width), float(box.height)) == pytest.approx((612, 792), abs=0.1)
    tokens = "\n".join(page.extract_text() for page in reader.pages).split()
    assert {str(n) for n in range(5, 16)} <= set(tokens)  # sentence numbers
    settings, use_cache = fake.calls[0]
    assert (settings.model, settings.engine, use_cache) == ("some/model", "transformers", False)
    document = load_document(seed_path)
    text = pdf_text(out)
    assert all(no_space(f"[en] {s.text}") in text for s in document.segments)


def test_justify_reaches_the_pdf(fake: FakeFactory, seed_path: Path, tmp_path: Path) -> None:
    ragged, justified = tmp_path / "ragged.pdf", tmp_path / "justified.pdf"
    assert main(["export", str(seed_path), "-o", str(ragged), "--model", "m"]) == 0
    assert main(["export", str(seed_path), "-o", str(justified), "--model", "m", "--justify"]) == 0
    assert ragged.read_bytes() != justified.read_bytes()
    assert pdf_text(justified) == pdf_text(ragged)  # only the spaces moved


def test_failed_sentences_are_marked_and_reported(
    monkeypatch: pytest.MonkeyPatch, seed_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    factory = FakeFactory(fail_when=lambda s: s.startswith("وقال"))
    monkeypatch.setattr(engine_options, "create_translator", factory)
    out = tmp_path / "seed.pdf"
    assert main(["export", str(seed_path), "-o", str(out)]) == 0
    failing = [s for s in load_document(seed_path).segments if s.text.startswith("وقال")]
    assert pdf_text(out).count(no_space(MISSING_MARK)) == len(failing) == 3
    warning = [line for line in capsys.readouterr().err.splitlines() if line.startswith("warning:")]
    assert warning == [
        "warning: 3 sentence(s) marked as not translated: the fake translator was told to fail"
    ]


def test_missing_output_folder_exits_2_before_translating(
    fake: FakeFactory, seed_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["export", str(seed_path), "-o", str(tmp_path / "missing" / "out.pdf")]) == 2
    assert capsys.readouterr().err == f"error: output folder does not exist: {tmp_path / 'missing'}\n"
    assert fake.calls == []
    assert list(tmp_path.iterdir()) == []


def test_output_folder_that_is_a_file_exits_2(
    fake: FakeFactory, seed_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("x")
    assert main(["export", str(seed_path), "-o", str(blocker / "out.pdf")]) == 2
    err = capsys.readouterr().err
    assert err.startswith("error: output folder is not a folder")
    assert err.count("\n") == 1
    assert fake.calls == []


def test_unwritable_output_folder_exits_2_before_translating(
    fake: FakeFactory,
    seed_path: Path,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # Root may write anywhere a mode allows, so have os.access say what it says to other users.
    monkeypatch.setattr(os, "access", lambda path, mode: False)
    assert main(["export", str(seed_path), "-o", str(tmp_path / "out.pdf")]) == 2
    assert capsys.readouterr().err == f"error: output folder is not writable: {tmp_path}\n"
    assert fake.calls == []
    assert list(tmp_path.iterdir()) == []


def test_unavailable_model_exits_3_and_writes_nothing(
    seed_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("HF_HOME", str(tmp_path / "hf"))  # an empty hub cache; the hub is offline
    out = tmp_path / "out.pdf"
    assert main(["export", str(seed_path), "-o", str(out), "--model", "someone/not-a-model"]) == 3
    err = capsys.readouterr().err
    assert err.startswith("error: model 'someone/not-a-model'")
    assert err.count("\n") == 1
    assert not out.exists()


def test_unknown_layout_is_a_usage_error(
    seed_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["export", str(seed_path), "-o", str(tmp_path / "o.pdf"), "--layout", "columns"]) == 2
    assert capsys.readouterr().err.startswith("error: argument --layout: invalid choice: 'columns'")


def test_missing_input_file_exits_2(
    fake: FakeFactory, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["export", str(tmp_path / "nope.txt"), "-o", str(tmp_path / "o.pdf")]) == 2
    assert capsys.readouterr().err.startswith("error: ")
    assert list(tmp_path.iterdir()) == []


def test_output_naming_the_input_exits_2_and_keeps_it(
    fake: FakeFactory, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = tmp_path / "doc.txt"
    source.write_text("جملة أولى. جملة ثانية.", encoding="utf-8")
    (tmp_path / "alias.pdf").symlink_to(source)
    for output in (source, tmp_path / "alias.pdf", tmp_path / "." / "doc.txt"):
        assert main(["export", str(source), "-o", str(output)]) == 2
        err = capsys.readouterr().err
        assert err.startswith("error: output path is the input file:")
        assert err.count("\n") == 1
    assert source.read_text(encoding="utf-8") == "جملة أولى. جملة ثانية."
    assert fake.calls == []


def test_output_naming_a_device_exits_2(
    fake: FakeFactory, seed_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    if not os.path.exists("/dev/null"):
        pytest.skip("no /dev/null here")
    assert main(["export", str(seed_path), "-o", "/dev/null"]) == 2
    assert (
        capsys.readouterr().err
        == "error: output path is not a regular file (a device or a pipe?): /dev/null\n"
    )
    assert os.path.exists("/dev/null")
    assert not os.path.isfile("/dev/null")
    assert fake.calls == []


@pytest.mark.parametrize(("suffix", "magic"), [(".epub", b"PK\x03\x04"), (".html", b"<!DOCTYPE html>")])
def test_the_extension_chooses_the_format(
    fake: FakeFactory,
    seed_path: Path,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    suffix: str,
    magic: bytes,
) -> None:
    out = tmp_path / f"seed{suffix}"
    assert main(["export", str(seed_path), "-o", str(out)]) == 0
    assert out.read_bytes().startswith(magic)
    assert capsys.readouterr().err.strip().splitlines()[-1] == f"wrote {out}"


def test_format_option_overrides_the_extension(fake: FakeFactory, seed_path: Path, tmp_path: Path) -> None:
    out = tmp_path / "seed.txt.out"
    assert (
        main(["export", str(seed_path), "-o", str(out), "--format", "html", "--layout", "interleaved"]) == 0
    )
    page = out.read_text(encoding="utf-8")
    assert '<body class="interleaved">' in page
    assert load_document(seed_path).segment_at(0).text in page


def test_unknown_extension_exits_2_before_any_translation(
    fake: FakeFactory, seed_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["export", str(seed_path), "-o", str(tmp_path / "seed.docx")]) == 2
    err = capsys.readouterr().err
    assert err.startswith("error: cannot tell the format of")
    assert err.count("\n") == 1
    assert fake.calls == []
    assert list(tmp_path.iterdir()) == []


def test_amiri_font_option_reaches_the_pdf(fake: FakeFactory, seed_path: Path, tmp_path: Path) -> None:
    out = tmp_path / "seed.pdf"
    assert main(["export", str(seed_path), "-o", str(out), "--arabic-font", "amiri"]) == 0
    fonts = {
        str(f.get_object()["/BaseFont"]) for f in PdfReader(out).pages[0]["/Resources"]["/Font"].values()
    }
    assert any(name.endswith("+Amiri") for name in fonts)
