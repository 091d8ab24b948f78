"""What ``models list`` finds on disk: catalogue entries, other Marian models in the hub cache, imported folders."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from reader.models.catalogue import CATALOGUE, known_model
from reader.models.inventory import list_models
from reader.models.registry import remember_folder


def _hub_model(root: Path, repo_id: str, source: Path | None) -> None:
    repo = root / f"models--{repo_id.replace('/', '--')}"
    snapshot = repo / "snapshots" / "c0"
    if source is None:
        snapshot.mkdir(parents=True)
        (snapshot / "config.json").write_text('{"model_type": "bert"}')
    else:
        shutil.copytree(source, snapshot)
    (repo / "refs").mkdir()
    (repo / "refs" / "main").write_text("c0")


def test_catalogue_then_hub_cache_then_imported(
    tiny_model: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import huggingface_hub.constants

    hub = tmp_path / "hub"
    monkeypatch.setattr(huggingface_hub.constants, "HF_HUB_CACHE", str(hub))
    _hub_model(hub, "org/marian", tiny_model)
    _hub_model(hub, "org/bert", None)  # another tool's model: not listed
    _hub_model(hub, CATALOGUE[1].model_id, tiny_model)
    remember_folder(tmp_path / "moved-away")
    entries = list_models()
    assert [(e.model, e.origin) for e in entries] == [
        (CATALOGUE[0].model_id, "catalogue"),
        (CATALOGUE[1].model_id, "catalogue"),
        ("org/marian", "hub cache"),
        (str(tmp_path / "moved-away"), "imported"),
    ]
    assert not entries[0].installed
    assert entries[1].installed
    assert entries[1].known == known_model(CATALOGUE[1].model_id)
    assert entries[1].disk_bytes() > 0
    assert entries[3].problem is not None
    assert "does not exist" in entries[3].problem
    assert entries[3].record()["installed"] is False
