"""Text from files and the command line made safe to print: nothing in it can drive the terminal.

A file name or a document may hold control characters (a newline, a carriage return, an ANSI
escape sequence, a C1 control, an undecodable byte kept as a surrogate). Printed raw, those can
recolour or rewrite the user's terminal, or break an error's one line into several. Everything
the CLI prints that came from outside goes through :func:`one_line` or :func:`safe_text`.
Bidi controls are left alone: they are meaningful in Arabic text and cannot move the cursor.
"""

from __future__ import annotations

import re
from pathlib import Path

# C0 controls except tab, DEL, C1 controls, lone surrogates (undecodable bytes in a file name),
# and the Unicode line and paragraph separators.
_UNSAFE = re.compile("[\x00-\x08\x0a-\x1f\x7f-\x9f\u2028\u2029\ud800-\udfff]")
_UNSAFE_IN_TEXT = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029\ud800-\udfff]")
_NAMED = {"\n": "\\n", "\r": "\\r"}


def _escape(match: re.Match[str]) -> str:
    char = match.group()
    if char in _NAMED:
        return _NAMED[char]
    code = ord(char)
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def one_line(text: str | Path) -> str:
    """``text`` with every control character (newlines included) shown as a visible escape."""
    return _UNSAFE.sub(_escape, str(text))


def safe_text(text: str) -> str:
    """Like :func:`one_line` but keeping line feeds: for multi-line document text."""
    return _UNSAFE_IN_TEXT.sub(_escape, text)


def json_safe(dumped: str) -> str:
    """JSON text with DEL and C1 controls written as ``\\u`` escapes (the same value, never raw).

    ``json.dumps`` already escapes C0 controls; with ``ensure_ascii=False`` it leaves these.
    """
    return re.sub("[\x7f-\x9f\u2028\u2029]", lambda m: f"\\u{ord(m.group()):04x}", dumped)
