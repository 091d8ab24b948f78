"""A small model hub on 127.0.0.1 that speaks the endpoints huggingface_hub and the reader use.

No hub is reachable from the test machines, so download tests run against this one, with
``HF_ENDPOINT`` pointed at it. It serves what ``HfApi.model_info`` (``/api/models/ID`` and
``/api/models/ID/revision/REV``, ``?blobs=true`` for sizes and checksums), ``list_repo_tree``
(``/api/models/ID/tree/REV``) and ``hf_hub_download`` (HEAD and GET on ``/ID/resolve/REV/FILE``,
with ``X-Repo-Commit``, ``X-Linked-Etag``/``ETag``, ``X-Linked-Size`` and ``Range``) ask for, in
the hub's JSON shapes: weights and sentencepiece models are LFS files (sha256 oid), the rest are
plain git blobs (sha1 of ``blob SIZE\\0`` + bytes), as on huggingface.co.

Faults a test can switch on: ``corrupt`` (serve other bytes than the checksum says) and ``drop``
(close the connection after N bytes of a file: one cut per GET, in order) and ``hold`` (send a
file's headers, then wait for an event before its bytes); :func:`closed_port` is a hub that is down. Every request is recorded (method, path, Range) for assertions. The server runs on
a daemon thread, stops when its ``with`` block ends, and stops itself after ``lifetime`` seconds
whatever happens, so a failing test never leaves it listening.
"""

from __future__ import annotations

import hashlib
import json
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlsplit

LFS_SUFFIXES = (".safetensors", ".bin", ".spm")


def git_blob_id(data: bytes) -> str:
    """The git object id of a file's bytes (what the hub reports as ``blobId`` for non-LFS files)."""
    return hashlib.sha1(b"blob %d\0" % len(data) + data).hexdigest()


@dataclass
class Repo:
    """One model repository: its files' bytes at one commit."""

    files: dict[str, bytes]
    commit: str = "4f1e2d3c4b5a69788796a5b4c3d2e1f00f1e2d3c"

    def is_lfs(self, name: str) -> bool:
        return name.endswith(LFS_SUFFIXES)

    def sibling(self, name: str) -> dict[str, object]:
        data = self.files[name]
        entry: dict[str, object] = {"rfilename": name, "size": len(data), "blobId": git_blob_id(data)}
        if self.is_lfs(name):
            digest = hashlib.sha256(data).hexdigest()
            entry["lfs"] = {"size": len(data), "sha256": digest, "pointerSize": 134}
        return entry

    def etag(self, name: str) -> str:
        data = self.files[name]
        return hashlib.sha256(data).hexdigest() if self.is_lfs(name) else git_blob_id(data)


@dataclass
class HubState:
    """What the hub serves and how it misbehaves; tests change it between requests."""

    repos: dict[str, Repo] = field(default_factory=dict)
    corrupt: set[str] = field(default_factory=set)
    drop: dict[str, list[int]] = field(default_factory=dict)
    hold: dict[str, threading.Event] = field(default_factory=dict)
    requests: list[tuple[str, str, str | None]] = field(default_factory=list)
    lock: threading.Lock = field(default_factory=threading.Lock)


def repo_from_folder(folder: Path) -> Repo:
    """A repo holding every file of ``folder`` (a model checkpoint) plus a README, as on the hub."""
    files = {path.name: path.read_bytes() for path in sorted(folder.iterdir()) if path.is_file()}
    files["README.md"] = b"---\nlicense: cc-by-4.0\n---\n# test model\n"
    return Repo(files)


class _Handler(BaseHTTPRequestHandler):
    server: _HubServer
    protocol_version = "HTTP/1.1"

    def log_message(self, format: str, *args: object) -> None:  # noqa: A002 (the base class's name)
        pass  # keep the test output clean

    def do_HEAD(self) -> None:  # noqa: N802 (http.server's name)
        self._answer(body=False)

    def do_GET(self) -> None:  # noqa: N802
        self._answer(body=True)

    def _answer(self, body: bool) -> None:
        state = self.server.state
        path = unquote(urlsplit(self.path).path)
        with state.lock:
            state.requests.append((self.command, path, self.headers.get("Range")))
        if path.startswith("/api/models/"):
            self._api(path.removeprefix("/api/models/"), "blobs=true" in self.path)
        elif "/resolve/" in path:
            repo_id, _, rest = path.lstrip("/").partition("/resolve/")
            _, _, name = rest.partition("/")
            self._file(repo_id, name, body)
        else:
            self._error(404, "EntryNotFound", "not found")

    def _repo(self, repo_id: str) -> Repo | None:
        repo = self.server.state.repos.get(repo_id)
        if repo is None:
            self._error(404, "RepoNotFound", "Repository not found")
        return repo

    def _api(self, rest: str, blobs: bool) -> None:
        if "/tree/" in rest:
            repo_id = rest.partition("/tree/")[0]
            repo = self._repo(repo_id)
            if repo is not None:
                self._json([self._tree_entry(repo, name) for name in repo.files])
            return
        repo_id = rest.partition("/revision/")[0]
        repo = self._repo(repo_id)
        if repo is None:
            return
        siblings = [repo.sibling(name) if blobs else {"rfilename": name} for name in repo.files]
        self._json({"id": repo_id, "modelId": repo_id, "sha": repo.commit, "siblings": siblings})

    @staticmethod
    def _tree_entry(repo: Repo, name: str) -> dict[str, object]:
        sibling = repo.sibling(name)
        entry: dict[str, object] = {
            "type": "file",
            "path": name,
            "size": sibling["size"],
            "oid": sibling["blobId"],
        }
        lfs = sibling.get("lfs")
        if isinstance(lfs, dict):
            entry["lfs"] = {"oid": lfs["sha256"], "size": lfs["size"], "pointerSize": lfs["pointerSize"]}
        return entry

    def _file(self, repo_id: str, name: str, body: bool) -> None:
        state = self.server.state
        repo = self._repo(repo_id)
        if repo is None:
            return
        if name not in repo.files:
            self._error(404, "EntryNotFound", f"{name} does not exist")
            return
        data = repo.files[name]
        if name in state.corrupt:
            data = bytes(b ^ 0x5A for b in data)
        start = 0
        wanted = self.headers.get("Range", "")
        if wanted.startswith("bytes=") and wanted.endswith("-"):
            start = int(wanted[6:-1])
        part = data[start:]
        self.send_response(206 if start else 200)
        self.send_header("Content-Type", "application/octet-stream")
        self.send_header("Content-Length", str(len(part)))
        self.send_header("Accept-Ranges", "bytes")
        if start:
            self.send_header("Content-Range", f"bytes {start}-{len(data) - 1}/{len(data)}")
        self.send_header("X-Repo-Commit", repo.commit)
        self.send_header("ETag", f'"{repo.etag(name)}"')
        if repo.is_lfs(name):
            self.send_header("X-Linked-Etag", f'"{repo.etag(name)}"')
            self.send_header("X-Linked-Size", str(len(data)))
        self.end_headers()
        if not body:
            return
        gate = state.hold.get(name)
        if gate is not None:
            gate.wait(timeout=30)  # the test opens it; a stuck test still ends
        with state.lock:
            cuts = state.drop.get(name) or [None]
            cut = cuts.pop(0)
        if cut is not None and cut < len(part):
            self.wfile.write(part[:cut])
            self.wfile.flush()
            self.close_connection = True
            self.connection.shutdown(2)  # the peer sees the stream end early: a dropped connection
            return
        self.wfile.write(part)

    def _json(self, value: object) -> None:
        data = json.dumps(value).encode()
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(data)

    def _error(self, status: int, code: str, message: str) -> None:
        data = json.dumps({"error": message}).encode()
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("X-Error-Code", code)
        self.send_header("X-Error-Message", message)
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(data)


class _HubServer(ThreadingHTTPServer):
    daemon_threads = True

    def __init__(self, state: HubState) -> None:
        super().__init__(("127.0.0.1", 0), _Handler)
        self.state = state

    @property
    def endpoint(self) -> str:
        host, port = self.server_address[:2]
        return f"http://{host!s}:{port}"


@contextmanager
def running_hub(state: HubState, lifetime: float = 120.0) -> Iterator[str]:
    """Serve ``state`` on 127.0.0.1 for the ``with`` block (at most ``lifetime`` s); yield the endpoint."""
    server = _HubServer(state)
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
    thread.start()
    watchdog = threading.Timer(lifetime, server.shutdown)
    watchdog.daemon = True
    watchdog.start()
    try:
        yield server.endpoint
    finally:
        watchdog.cancel()
        server.shutdown()
        server.server_close()
        thread.join(timeout=5)


def closed_port() -> str:
    """An endpoint on 127.0.0.1 where nothing listens (the hub is down)."""
    import socket

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    return f"http://127.0.0.1:{port}"


@contextmanager
def hub_for_tests(state: HubState, hub_cache: Path, monkeypatch: Any) -> Iterator[str]:
    """Run the hub and point this process at it: ``HF_ENDPOINT``, an empty hub cache, online."""
    import huggingface_hub.constants

    monkeypatch.setattr(huggingface_hub.constants, "HF_HUB_CACHE", str(hub_cache))
    monkeypatch.setattr(huggingface_hub.constants, "HF_HUB_OFFLINE", False)  # read at import: conftest's 1
    monkeypatch.setenv("HF_HUB_OFFLINE", "0")
    monkeypatch.setenv("TRANSFORMERS_OFFLINE", "0")
    with running_hub(state) as endpoint:
        monkeypatch.setenv("HF_ENDPOINT", endpoint)
        yield endpoint
