"""The SQLite translation cache: keys, WAL, two processes, damaged files, unusable folders."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from reader.translate.cache import TranslationCache


@pytest.fixture
def cache(tmp_path: Path) -> TranslationCache:
    return TranslationCache(tmp_path / "translations.sqlite3")


def test_round_trip_by_setup_and_exact_source(cache: TranslationCache) -> None:
    cache.put_many("model-a|fp1", {"قال الرئيس": "The president said", "نعم": "Yes"})
    assert cache.get_many("model-a|fp1", ["قال الرئيس", "نعم", "لا"]) == {
        "قال الرئيس": "The president said",
        "نعم": "Yes",
    }
    assert cache.get_many("model-a|fp2", ["قال الرئيس"]) == {}  # another fingerprint: no hit
    assert cache.get_many("model-a|fp1", ["قال الرئيس "]) == {}  # the exact sentence only
    cache.close()


def test_later_writes_replace_earlier_ones(cache: TranslationCache) -> None:
    cache.put_many("s", {"نعم": "Yes"})
    cache.put_many("s", {"نعم": "Yes indeed"})
    assert cache.get_many("s", ["نعم"]) == {"نعم": "Yes indeed"}


def test_many_sources_in_one_lookup(cache: TranslationCache) -> None:
    pairs = {f"جملة {i}": f"sentence {i}" for i in range(1200)}
    cache.put_many("s", pairs)
    assert cache.get_many("s", list(pairs)) == pairs


def test_file_is_in_wal_mode_and_survives_reopening(cache: TranslationCache) -> None:
    cache.put_many("s", {"نعم": "Yes"})
    cache.close()
    with sqlite3.connect(cache.path) as connection:
        assert connection.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert TranslationCache(cache.path).get_many("s", ["نعم"]) == {"نعم": "Yes"}


def test_garbage_file_is_set_aside_and_rebuilt(
    cache: TranslationCache, caplog: pytest.LogCaptureFixture
) -> None:
    cache.path.write_bytes(b"this is not a database at all " * 100)
    assert cache.get_many("s", ["نعم"]) == {}
    cache.put_many("s", {"نعم": "Yes"})
    assert cache.get_many("s", ["نعم"]) == {"نعم": "Yes"}
    aside = list(cache.path.parent.glob("translations.sqlite3.corrupt-*"))
    assert len(aside) == 1
    assert aside[0].read_bytes().startswith(b"this is not a database")
    assert "set it aside" in caplog.text
    assert cache.enabled


def test_damage_found_mid_session_is_recovered(cache: TranslationCache) -> None:
    cache.put_many("s", {f"جملة {i}": "x" * 500 for i in range(200)})
    cache.close()
    data = bytearray(cache.path.read_bytes())
    # Keep the header valid, wreck the pages behind it (b-tree pages start at 4096).
    data[4096:] = b"\xff" * (len(data) - 4096)
    cache.path.write_bytes(bytes(data))
    reopened = TranslationCache(cache.path)
    assert reopened.get_many("s", ["جملة 1"]) == {}
    reopened.put_many("s", {"نعم": "Yes"})
    assert reopened.get_many("s", ["نعم"]) == {"نعم": "Yes"}
    assert list(cache.path.parent.glob("translations.sqlite3.corrupt-*"))


def test_unusable_folder_disables_the_cache_without_raising(tmp_path: Path) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    cache = TranslationCache(blocker / "translations.sqlite3")
    cache.put_many("s", {"نعم": "Yes"})
    assert cache.get_many("s", ["نعم"]) == {}
    assert not cache.enabled


def test_two_processes_write_and_read_at_once(tmp_path: Path) -> None:
    path = tmp_path / "shared.sqlite3"
    writer = textwrap.dedent(
        """
        import sys
        from pathlib import Path
        from reader.translate.cache import TranslationCache
        cache = TranslationCache(Path(sys.argv[1]))
        name = sys.argv[2]
        for i in range(150):
            cache.put_many("s", {f"{name} {i}": f"{name} translation {i}"})
            assert cache.get_many("s", [f"{name} {i}"]) == {f"{name} {i}": f"{name} translation {i}"}
        assert cache.enabled
        print("ok")
        """
    )
    processes = [
        subprocess.Popen([sys.executable, "-c", writer, str(path), name], stdout=subprocess.PIPE, text=True)
        for name in ("first", "second")
    ]
    outputs = [p.communicate(timeout=120)[0] for p in processes]
    assert [p.returncode for p in processes] == [0, 0]
    assert outputs == ["ok\n", "ok\n"]
    everything = TranslationCache(path).get_many(
        "s", [f"{n} {i}" for n in ("first", "second") for i in range(150)]
    )
    assert len(everything) == 300


def test_qualities_round_trip_with_the_translations(cache: TranslationCache) -> None:
    cache.put_many("s", {"نعم": "Yes", "لا": "No"}, qualities={"نعم": (-0.25, False), "لا": (None, True)})
    assert cache.get_qualities("s", ["نعم", "لا", "ربما"]) == {"نعم": (-0.25, False), "لا": (None, True)}
    assert cache.get_qualities("other", ["نعم"]) == {}


def test_a_version_3_file_gains_the_qualities_table_and_keeps_its_translations(tmp_path: Path) -> None:
    path = tmp_path / "translations.sqlite3"
    with sqlite3.connect(path) as old:
        old.execute(
            "CREATE TABLE translations (setup TEXT NOT NULL, source TEXT NOT NULL, translation TEXT NOT NULL,"
            " created INTEGER NOT NULL, PRIMARY KEY (setup, source)) WITHOUT ROWID"
        )
        old.execute("INSERT INTO translations VALUES ('s', 'نعم', 'Yes', 0)")
        old.execute("PRAGMA user_version = 3")
    old.close()
    cache = TranslationCache(path)
    assert cache.get_many("s", ["نعم"]) == {"نعم": "Yes"}
    assert cache.get_qualities("s", ["نعم"]) == {}  # cached before scores were kept: none
    cache.put_many("s", {"لا": "No"}, qualities={"لا": (-1.0, False)})
    assert cache.get_qualities("s", ["لا"]) == {"لا": (-1.0, False)}
    cache.close()
    with sqlite3.connect(path) as check:
        assert check.execute("PRAGMA user_version").fetchone()[0] == 4
    check.close()
