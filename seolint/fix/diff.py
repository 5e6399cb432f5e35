"""`--diff`: what `--fix` would write, as a unified diff that `patch -p1` (or `git apply`)
turns into exactly those bytes.

Lines are split where patch splits them, at LF only: a CR, alone or before the LF, is a
byte of its line, so CRLF and CR-only files and a lone CR inside a hunk's context come
back as they were. Names are written as git writes them: C-quoted when they hold a
control character, a quote, a backslash or a non-ASCII byte (`"a/tab\\tpost.md"`), and
followed by a TAB when they hold a space, so patch knows where the name ends instead of
asking "File to patch:".
"""

from __future__ import annotations

import difflib
import os

_ESCAPES = {
    7: b"\\a", 8: b"\\b", 9: b"\\t", 10: b"\\n", 11: b"\\v", 12: b"\\f", 13: b"\\r", 34: b'\\"', 92: b"\\\\"
}  # fmt: skip


def unified_diff(path: str, before: str, after: str, encoding: str) -> bytes:
    """The diff of a draft's text, its lines written in `encoding`; "" when nothing changed."""
    old, new = _lines(before), _lines(after)
    name = path.replace(os.sep, "/").encode("utf-8", "surrogateescape")
    lines = difflib.unified_diff(old, new, n=3)
    if next(lines, None) is None:  # "---": the headers are written here, as git writes them
        return b""
    next(lines)  # "+++"
    out = [header(b"--- a/", name), header(b"+++ b/", name)]
    for line in lines:  # a removed "---" line is "----": never a header
        out.append(line.encode(encoding, "surrogateescape"))
        if not line.endswith("\n"):
            out.append(b"\n\\ No newline at end of file\n")
    return b"".join(out)


def header(side: bytes, name: bytes) -> bytes:
    """`--- a/name` as git writes it (side is `--- a/` or `+++ b/`)."""
    marker, prefix = side[:4], side[4:]
    tab = b"\t" if b" " in name else b""
    return marker + git_quoted(prefix + name) + tab + b"\n"


def git_quoted(name: bytes) -> bytes:
    """`name` C-quoted as git quotes a path (core.quotePath on), or as it is when it need not be."""
    if not any(byte < 0x20 or byte >= 0x7F or byte in (34, 92) for byte in name):
        return name
    return b'"' + b"".join(_escaped(byte) for byte in name) + b'"'


def _escaped(byte: int) -> bytes:
    if byte in _ESCAPES:
        return _ESCAPES[byte]
    return b"\\%03o" % byte if byte < 0x20 or byte >= 0x7F else bytes([byte])


def _lines(text: str) -> list[str]:
    """Lines as patch reads them: each up to and with its LF; the last may have none."""
    parts = text.split("\n")
    lines = [part + "\n" for part in parts[:-1]]
    if parts[-1]:
        lines.append(parts[-1])
    return lines
