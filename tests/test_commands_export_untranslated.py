"""``export --allow-untranslated``: without a model, export anyway with marks, as the window can."""

from __future__ import annotations

from pathlib import Path

import pytest

from reader.cli import main


def test_without_a_model_and_with_the_flag_the_pdf_marks_what_is_missing(
    seed_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    from pypdf import PdfReader

    monkeypatch.setenv("HF_HOME", str(tmp_path / "hf"))  # an empty hub cache; the hub is offline
    out = tmp_path / "out.pdf"
    args = ["export", str(seed_path), "-o", str(out), "--model", "someone/not-a-model"]
    assert main([*args, "--allow-untranslated"]) == 0
    err = capsys.readouterr().err.splitlines()
    assert err[0].startswith("warning: model 'someone/not-a-model'")
    assert err[0].endswith("exporting without the missing translations")
    assert err[1] == "warning: 15 sentence(s) not translated, marked as not translated"
    text = " ".join(page.extract_text() for page in PdfReader(out).pages)
    assert text.count("[not translated]") == 15
    assert main(args) == 3  # without the flag: refused, as before


@pytest.mark.parametrize("suffix", [".epub", ".html"])
def test_epub_and_html_behave_as_the_pdf_without_a_model(
    seed_path: Path,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    suffix: str,
) -> None:
    import zipfile

    monkeypatch.setenv("HF_HOME", str(tmp_path / "hf"))
    out = tmp_path / f"out{suffix}"
    args = ["export", str(seed_path), "-o", str(out), "--model", "someone/not-a-model"]
    assert main(args) == 3  # refused without the flag, nothing written
    assert not out.exists()
    capsys.readouterr()
    assert main([*args, "--allow-untranslated"]) == 0
    assert (
        capsys.readouterr().err.splitlines()[1]
        == "warning: 15 sentence(s) not translated, marked as not translated"
    )
    if suffix == ".epub":
        with zipfile.ZipFile(out) as book:
            text = "".join(book.read(n).decode() for n in book.namelist() if n.endswith(".xhtml"))
    else:
        text = out.read_text(encoding="utf-8")
    assert text.count("[not translated]") == 15
