"""``bireader models list|download|remove|import``: see, get and drop translation models.

``download`` shows progress on stderr (bytes, rate, time left), checks every file against the
hub's checksum, resumes an interrupted download, and converts the model for CTranslate2 right
after so the first translation does not wait. Exit codes: 0 ok, 2 bad input, 3 model unavailable
(offline, unknown id, checksum mismatch).
"""

from __future__ import annotations

import argparse
import json
import sys
import time

from reader.commands.stdout import write_output
from reader.display import one_line
from reader.errors import EXIT_BAD_INPUT, EXIT_OK
from reader.translate.model_download import size_text


def add_arguments(parser: argparse.ArgumentParser) -> None:
    actions = parser.add_subparsers(dest="action", metavar="ACTION", required=True)
    listing = actions.add_parser("list", help="known and installed models")
    listing.add_argument("--json", action="store_true", help="print a JSON list")
    download = actions.add_parser("download", help="download a hub model (verified) and prepare it")
    download.add_argument("model", help="a model hub id, e.g. Helsinki-NLP/opus-mt-tc-big-ar-en")
    remove = actions.add_parser("remove", help="delete a model, its conversions and cached translations")
    remove.add_argument("model", help="a hub id, or an imported folder (which is only forgotten)")
    remove.add_argument("--yes", action="store_true", help="remove without asking (required)")
    imported = actions.add_parser("import", help="check a local MarianMT folder, remember and prepare it")
    imported.add_argument("path", help="a MarianMT checkpoint folder")


class StderrProgress:
    """Progress lines on stderr: rewritten in place on a terminal, at most one a second otherwise."""

    def __init__(self) -> None:
        self.tty = sys.stderr.isatty()
        self._last = 0.0
        self._message = ""

    def __call__(self, message: str, fraction: float | None) -> None:
        if message == self._message:
            return
        now = time.monotonic()
        final = fraction is not None and fraction >= 1.0
        if not self.tty and not final and now - self._last < 1.0 and message.startswith("downloading"):
            return
        self._last, self._message = now, message
        line = one_line(message) + (f" ({fraction:.0%})" if fraction is not None and not final else "")
        if self.tty:
            sys.stderr.write(f"\r\033[K{line}")
        else:
            sys.stderr.write(f"{line}\n")
        sys.stderr.flush()

    def done(self) -> None:
        if self.tty and self._message:
            sys.stderr.write("\n")


def run(args: argparse.Namespace) -> int:
    if args.action == "list":
        return _list(args.json)
    if args.action == "remove":
        return _remove(args.model, args.yes)
    from reader.models.manage import import_folder, install

    progress = StderrProgress()
    try:
        if args.action == "download":
            location, warning = install(args.model, progress)
        else:
            location, warning = import_folder(args.path, progress)
    finally:
        progress.done()
    if warning:
        print(f"warning: {one_line(warning)}", file=sys.stderr)
    write_output(f"{location.model}\t{location.folder}\n")
    return EXIT_OK


def _list(as_json: bool) -> int:
    from reader.models.inventory import list_models

    entries = list_models()
    if as_json:
        write_output(json.dumps([entry.record() for entry in entries], ensure_ascii=False, indent=1) + "\n")
        return EXIT_OK
    lines = []
    for entry in entries:
        state = "installed" if entry.installed else "not installed"
        if entry.installed:
            state += ", converted" if entry.converted else ", not converted"
        size = size_text(
            entry.disk_bytes() if entry.installed else (entry.known.approx_bytes if entry.known else 0)
        )
        lines.append(f"{entry.model}  [{state}]  {size}")
        if entry.known is not None:
            known = entry.known
            lines.append(f"    {known.summary}; {known.licence}; {known.quality} ({known.quality_source})")
        if entry.location is not None:
            lines.append(f"    {entry.location.folder}")
        if entry.problem:
            lines.append(f"    unusable: {one_line(entry.problem)}")
    write_output("\n".join(lines) + "\n")
    return EXIT_OK


def _remove(model: str, confirmed: bool) -> int:
    from reader.models.manage import plan_removal, remove

    removal = plan_removal(model)
    what = [str(path) for path in removal.paths]
    if removal.forget is not None:
        what.append(f"(forget, keep the folder) {removal.forget}")
    if not confirmed:
        print(
            f"error: would remove {', '.join(what)} and the model's cached translations; "
            "add --yes to remove them",
            file=sys.stderr,
        )
        return EXIT_BAD_INPUT
    done = remove(removal)
    print(
        f"removed {model}: {len(done.paths)} folders, {done.cache_rows} cached translations", file=sys.stderr
    )
    return EXIT_OK
