"""Fetch one file over HTTP into a partial file of our own, resuming with ``Range``, checked as it streams.

huggingface_hub (≥ 2.5) deletes its partial file when a download fails, so a dropped connection
costs the whole file again; here the partial file stays beside its final place and the next
attempt (in this run or the next) asks only for the bytes after it. The bytes are hashed as they
arrive (sha256 for an LFS file, git's blob sha1 otherwise) and the file is renamed into place only
when size and hash match what the hub listed: a damaged or substituted file is deleted, never used.
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

_CHUNK = 1 << 20
_ATTEMPTS = 3  # a dropped connection is resumed this many times before the run gives up


@dataclass(frozen=True)
class ExpectedFile:
    """A file as the hub lists it: name, size, and its sha256 (LFS) or git blob id (plain file)."""

    name: str
    size: int
    sha256: str | None
    git_blob: str | None

    @property
    def etag(self) -> str:
        """The name huggingface_hub's cache gives the file's blob (sha256, else the git blob id)."""
        return self.sha256 or self.git_blob or self.name

    def hasher(self) -> Any:
        if self.sha256 is not None:
            return hashlib.sha256()
        digest = hashlib.sha1(usedforsecurity=False)
        digest.update(b"blob %d\0" % self.size)
        return digest

    def matches(self, digest: str) -> bool:
        return digest == (self.sha256 or self.git_blob)

    @property
    def checksum_kind(self) -> str:
        return "sha256" if self.sha256 else "git sha1"


class ChecksumMismatch(Exception):
    """The bytes fetched are not the file the hub listed (size or hash); the partial file is gone."""


class Interrupted(Exception):
    """The connection kept dropping; the partial file is kept so a later run resumes it."""


def hash_file(path: Path, expected: ExpectedFile) -> str:
    """The checksum of ``path`` in ``expected``'s kind."""
    digest = expected.hasher()
    with path.open("rb") as handle:
        while chunk := handle.read(_CHUNK):
            digest.update(chunk)
    return str(digest.hexdigest())


def fetch(
    client: Any,
    url: str,
    headers: dict[str, str],
    partial: Path,
    expected: ExpectedFile,
    on_bytes: Callable[[int], None],
    on_resumed: Callable[[int], None] | None = None,
) -> None:
    """Complete ``partial`` from ``url`` and check it; on return it holds exactly ``expected``.

    ``on_bytes(n)`` is called for every chunk fetched, ``on_resumed(n)`` once for the bytes already
    there; whatever ``on_bytes`` raises (a cancel) stops the transfer with the partial file kept. Raises :class:`ChecksumMismatch`
    or :class:`Interrupted`; HTTP errors and unreachable hosts propagate as the client raises them.
    """
    import httpx2

    digest = expected.hasher()
    have = partial.stat().st_size if partial.exists() else 0
    if have > expected.size:
        partial.unlink()
        have = 0
    if have:
        with partial.open("rb") as handle:
            while chunk := handle.read(_CHUNK):
                digest.update(chunk)
        if on_resumed is not None:
            on_resumed(have)
    for attempt in range(_ATTEMPTS):
        if have == expected.size:
            break
        wanted = {**headers, "Range": f"bytes={have}-"} if have else dict(headers)
        try:
            with client.stream("GET", url, headers=wanted, follow_redirects=True) as response:
                response.raise_for_status()
                if have and response.status_code != 206:  # the server ignored Range: start over
                    digest, have = expected.hasher(), 0
                    partial.unlink(missing_ok=True)
                with partial.open("ab") as out:
                    for chunk in response.iter_bytes():  # as received: a drop keeps every byte so far
                        if have + len(chunk) > expected.size:
                            partial.unlink(missing_ok=True)
                            raise ChecksumMismatch(f"more bytes than the {expected.size} listed")
                        out.write(chunk)
                        digest.update(chunk)
                        have += len(chunk)
                        on_bytes(len(chunk))
        except httpx2.TransportError as error:  # a disk error (OSError) is not retried: the caller says it
            if isinstance(error, httpx2.ConnectError) or attempt == _ATTEMPTS - 1:
                if have:
                    raise Interrupted(f"{have} of {expected.size} bytes") from error
                raise
    if have != expected.size:
        raise Interrupted(f"{have} of {expected.size} bytes")
    if not expected.matches(str(digest.hexdigest())):
        partial.unlink(missing_ok=True)
        raise ChecksumMismatch(f"its {expected.checksum_kind} differs from the hub's")


def place(partial: Path, blob: Path) -> None:
    """Move a checked partial file to its blob name (same folder, so the rename is atomic)."""
    os.replace(partial, blob)
