"""``bireader translate``: plain and JSON output on the tiny model, cache use, and exit codes."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from reader.cli import main
from reader.paths import translation_cache_path

REPO = Path(__file__).resolve().parent.parent


def run_cli(args: list[str], cache: Path, **env: str) -> subprocess.CompletedProcess[str]:
    environment = {**os.environ, "HF_HUB_OFFLINE": "1", "BIREADER_CACHE_DIR": str(cache), **env}
    if "BIREADER_MODEL" not in env:
        environment.pop("BIREADER_MODEL", None)
    return subprocess.run(
        [sys.executable, "-m", "reader", *args], capture_output=True, text=True, cwd=REPO, env=environment
    )


def test_plain_output_pairs_arabic_and_english(
    tiny_model: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "doc.txt"
    path.write_text("العنوان\nجملة أولى. جملة ثانية؟\n", encoding="utf-8")
    assert (
        main(["translate", str(path), "--model", str(tiny_model), "--beams", "1", "--engine", "transformers"])
        == 0
    )
    blocks = capsys.readouterr().out.rstrip("\n").split("\n\n")
    assert len(blocks) == 2
    first, second = (block.split("\n") for block in blocks)
    assert first[0] == "العنوان"
    assert len(first) == 2
    assert first[1]
    assert second[0::2] == ["جملة أولى.", "جملة ثانية؟"]
    assert all(second[1::2])


def test_json_sources_equal_segment_texts(
    tiny_model: Path, seed_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["segment", str(seed_path), "--json"]) == 0
    segments = json.loads(capsys.readouterr().out)
    assert main(["translate", str(seed_path), "--model", str(tiny_model), "--json", "--batch-size", "5"]) == 0
    records = json.loads(capsys.readouterr().out)
    assert [r["source"] for r in records] == [s["text"] for s in segments]
    assert [(r["paragraph"], r["index"], r["id"]) for r in records] == [
        (s["paragraph"], s["index"], s["id"]) for s in segments
    ]
    keys = {"paragraph", "index", "id", "source", "translation", "origin", "model", "score", "flags"}
    assert all(set(r) == keys for r in records)
    assert all(isinstance(r["translation"], str) and r["translation"] for r in records)
    assert {r["origin"] for r in records} == {"machine"}
    assert all(isinstance(r["model"], str) and r["model"] for r in records)


def test_second_run_is_served_from_the_cache_and_no_cache_skips_it(
    tiny_model: Path, seed_path: Path, tmp_path: Path
) -> None:
    cache = tmp_path / "cache"
    args = ["translate", str(seed_path), "--model", str(tiny_model), "--json", "--beams", "1"]
    args += ["--engine", "transformers"]  # ct2 would keep its converted model in the cache folder
    first = run_cli(args, cache)
    assert first.returncode == 0, first.stderr
    assert (cache / "translations.sqlite3").is_file()
    again = run_cli(args, cache)  # same command, now served from the cache
    assert again.stdout == first.stdout
    assert again.stderr == ""
    fresh_cache = tmp_path / "unused"
    uncached = run_cli([*args, "--no-cache"], fresh_cache)
    assert uncached.returncode == 0
    assert uncached.stdout == first.stdout
    assert not fresh_cache.exists()


def test_model_from_the_environment(
    tiny_model: Path, seed_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("BIREADER_MODEL", str(tiny_model))
    assert main(["translate", str(seed_path), "--json", "--beams", "1"]) == 0
    assert len(json.loads(capsys.readouterr().out)) == 15


def test_offline_and_not_downloaded_exits_3_with_one_line(seed_path: Path, tmp_path: Path) -> None:
    result = run_cli(["translate", str(seed_path)], tmp_path / "cache", HF_HUB_CACHE=str(tmp_path / "hub"))
    assert result.returncode == 3
    assert result.stdout == ""
    lines = result.stderr.splitlines()
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith("error: model 'Helsinki-NLP/opus-mt-ar-en' is not downloaded")
    assert "connect to the internet once" in lines[0]
    assert "--model PATH" in lines[0]
    assert "Traceback" not in result.stderr


def test_folder_that_is_not_marian_exits_3(seed_path: Path, tmp_path: Path) -> None:
    (tmp_path / "config.json").write_text('{"model_type": "bert"}')
    result = run_cli(["translate", str(seed_path), "--model", str(tmp_path)], tmp_path / "cache")
    assert result.returncode == 3
    assert (
        result.stderr
        == f"error: '{tmp_path}' is not a MarianMT checkpoint: its config.json says model_type 'bert'\n"
    )


@pytest.mark.parametrize(
    ("model", "message"),
    [
        ("./no/such/model", "error: model folder './no/such/model' does not exist"),
        (
            "~nosuchuser/model",
            "error: model folder '~nosuchuser/model' cannot be found: there is no user 'nosuchuser'",
        ),
        (
            "/tmp/" + "m" * 300 + "/x",
            "error: cannot use model folder '/tmp/" + "m" * 300 + "/x': File name too long",
        ),
    ],
)
@pytest.mark.parametrize("where", ["--model", "BIREADER_MODEL"])
def test_every_model_path_problem_exits_3_with_one_line(
    model: str,
    message: str,
    where: str,
    seed_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    args = ["translate", str(seed_path), "--no-cache"]
    if where == "--model":
        args += ["--model", model]
    else:
        monkeypatch.setenv("BIREADER_MODEL", model)
    assert main(args) == 3
    captured = capsys.readouterr()
    assert captured.err == message + "\n"
    assert captured.out == ""


def test_cache_folder_under_an_unknown_user_exits_2(
    seed_path: Path, tiny_model: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("BIREADER_CACHE_DIR", "~nosuchuser/cache")
    assert main(["translate", str(seed_path), "--model", str(tiny_model), "--engine", "transformers"]) == 2
    assert capsys.readouterr().err == (
        "error: BIREADER_CACHE_DIR names a home folder that does not exist: ~nosuchuser/cache\n"
    )


def test_model_under_a_folder_without_search_permission_exits_3() -> None:
    import os
    import shutil
    import tempfile

    from tests.helpers.unprivileged import run_cli_as_nobody, unsearchable_folder

    base = tempfile.mkdtemp(prefix="bireader-perm-")
    try:
        locked = unsearchable_folder(base)
        source = Path(base) / "doc.txt"
        source.write_text("نص.", encoding="utf-8")
        source.chmod(0o644)
        result = run_cli_as_nobody(
            ["translate", str(source), "--no-cache", "--no-library", "--model", f"{locked}/model"],
            preload=("reader.commands.translate", "reader.translate.model_location", "hashlib"),
        )
    finally:
        os.chmod(os.path.join(base, "locked"), 0o700)
        shutil.rmtree(base)
    assert result.returncode == 3, result.stderr
    assert result.stderr == f"error: cannot use model folder '{locked}/model': Permission denied\n"


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["translate", "/no/such/file.txt"], "error: no such file: /no/such/file.txt"),
        (["translate"], "error: the following arguments are required: file (see --help)"),
        (
            ["translate", "SEED", "--beams", "0"],
            "error: argument --beams: expected a number of at least 1, got 0 (see --help)",
        ),
        (
            ["translate", "SEED", "--batch-size", "many"],
            "error: argument --batch-size: expected a whole number, got 'many' (see --help)",
        ),
        (
            ["translate", "SEED", "--engine", "onnx"],
            "error: argument --engine: invalid choice: 'onnx' (choose from 'auto', 'ct2', 'transformers') (see --help)",
        ),
    ],
)
def test_bad_input_exits_2_with_one_line(
    args: list[str], message: str, seed_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    args = [str(seed_path) if a == "SEED" else a for a in args]
    assert main(args) == 2
    captured = capsys.readouterr()
    assert captured.err == message + "\n"
    assert captured.out == ""


def test_binary_file_exits_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "scan.pdf"
    path.write_bytes(b"%PDF-1.7\n\x00\x01\x02")
    assert main(["translate", str(path)]) == 2
    assert capsys.readouterr().err.count("\n") == 1


def test_failed_sentences_are_marked_and_warned(
    tiny_model: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    from reader.translate.transformers_engine import TransformersEngine

    def broken(self: TransformersEngine, texts: list[str]) -> list[list[int]]:
        raise RuntimeError("simulated failure")

    monkeypatch.setattr(TransformersEngine, "generate_ids", broken)
    path = tmp_path / "doc.txt"
    path.write_text("جملة أولى.\n", encoding="utf-8")
    assert (
        main(["translate", str(path), "--model", str(tiny_model), "--no-cache", "--engine", "transformers"])
        == 0
    )
    captured = capsys.readouterr()
    assert captured.out == "جملة أولى.\n[translation failed]\n"
    assert (
        captured.err
        == "warning: 1 sentence(s) could not be translated: translation failed: simulated failure\n"
    )
    assert not translation_cache_path().exists()


@pytest.mark.parametrize("engine", ["transformers", "ct2"])
def test_json_carries_the_engine_s_score_and_the_cut_flag(
    engine: str, tiny_model: Path, seed_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The tiny model never ends a sentence itself, so every output stops at its cap."""
    args = [
        "translate",
        str(seed_path),
        "--model",
        str(tiny_model),
        "--json",
        "--no-cache",
        "--engine",
        engine,
    ]
    assert main(args) == 0
    records = json.loads(capsys.readouterr().out)
    assert records
    assert all(isinstance(r["score"], float) and r["score"] < 0 for r in records)
    assert all("cut" in r["flags"] and "low_score" in r["flags"] for r in records)
