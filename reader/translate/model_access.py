"""Find a model, or fetch it first: what an engine calls when it is about to load one.

Kept apart from :mod:`reader.translate.model_location` (finding, no network) and
:mod:`reader.translate.model_download` (fetching, no finding) so those two never import each other.
"""

from __future__ import annotations

from reader.translate.model_download import download_from_hub
from reader.translate.model_files import Progress
from reader.translate.model_location import ModelLocation, find_model, hub_location


def require_model(model: str, progress: Progress | None = None) -> ModelLocation:
    """Locate ``model``, downloading a hub id first if needed (with ``progress`` reports).

    Raises :class:`ModelUnavailable` when it is neither on disk nor reachable, or when a
    downloaded file does not match the hub's checksum.
    """
    found = find_model(model)
    if found is not None:
        return found
    return hub_location(model, download_from_hub(model, progress))
