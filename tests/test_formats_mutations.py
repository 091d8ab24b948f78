"""A small seeded mutation test over valid files of every format: each damaged copy is read as the
CLI reads it, in one child process under a memory limit and a timeout, and every outcome is a
document or a one-line refusal: never a traceback, a hang or an abort (issue 29).

Larger campaigns (hundreds per format, archive members damaged inside sound archives) ran while
this was written; the few examples here keep the classes covered in a few seconds.
"""

from __future__ import annotations

import io
import json
import random
import zipfile
from pathlib import Path

import pytest

from reader.formats.plain_text import build_text_document
from reader.library.project import save_project
from tests.helpers import format_fixtures as fx
from tests.helpers.hostile import run_segment
from tests.helpers.mutation import CHILD, mutants

SEED = 29
PER_FORMAT = 6
_TEXT = "قال الرجل. ثم ذهب.\n\nوعاد في المساء."


def _valid_files(tmp_path: Path) -> dict[str, bytes]:
    project = tmp_path / "valid.bireader"
    save_project(project, build_text_document(_TEXT, name="b.txt"))
    return {
        "txt": _TEXT.encode(),
        "md": fx.markdown_text().encode(),
        "html": fx.article_page(),
        "epub": fx.make_epub(),
        "docx": fx.make_docx(table=[["أ", "ب"], ["ج", "د"]]),
        "odt": fx.make_odt(note="حاشية."),
        "pdf": fx.make_pdf([["مرحبا بكم في البيت."], ["ثم ذهب إلى السوق."]]),
        "bireader": project.read_bytes(),
    }


def _member_damaged(data: bytes, seed: int) -> bytes:
    """The archive with one XML member damaged and the archive itself sound (CRCs right), so the
    damage reaches the XML parsers and python-docx instead of stopping at the ZIP check."""
    rng = random.Random(seed)
    source = zipfile.ZipFile(io.BytesIO(data))
    names = [
        i.filename for i in source.infolist() if i.filename.endswith((".xml", ".xhtml", ".opf", ".rels"))
    ]
    chosen = rng.choice(names)
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for info in source.infolist():
            content = source.read(info.filename)
            if info.filename == chosen:
                content = next(mutants(content, 1, seed))
            archive.writestr(info.filename, content)
    return out.getvalue()


@pytest.mark.slow
def test_damaged_files_of_every_format_are_read_or_refused_in_one_line(tmp_path: Path) -> None:
    folder = tmp_path / "mutants"
    folder.mkdir()
    for fmt, data in _valid_files(tmp_path).items():
        damaged = list(mutants(data, PER_FORMAT, SEED))
        if fmt in ("epub", "docx", "odt"):
            damaged += [_member_damaged(data, SEED + k) for k in range(PER_FORMAT)]
        for k, content in enumerate(damaged):
            (folder / f"{fmt}-{k:02d}.{fmt}").write_bytes(content)
    outcome = run_segment(folder, code=CHILD, timeout=120)
    started = [json.loads(line)["file"] for line in outcome.stderr.splitlines() if line.startswith("{")]
    assert outcome.code == 0, f"the child died on {started[-1:]}: exit {outcome.code} {outcome.stderr[-400:]}"
    records = [json.loads(line) for line in outcome.stdout.splitlines()]
    assert len(records) == len(list(folder.iterdir()))
    crashed = [(r["file"], r["message"]) for r in records if r["outcome"] == "crashed"]
    assert not crashed
    for record in records:
        if record["outcome"] == "refused":
            assert "\n" not in record["message"]
            assert record["message"].startswith(record["file"])
    kinds = {r["outcome"] for r in records}
    assert kinds == {"ok", "refused"}  # the damage both spares and breaks files: the test can tell
