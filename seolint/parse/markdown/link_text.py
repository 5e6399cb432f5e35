"""A link's target as the writer typed it, from the parser's normalised URL.

markdown-it (Python and Rust alike) percent-encodes a destination and punycodes its host;
this undoes both the way markdown-it-py's `normalizeLinkText` does (the same mdurl calls,
the same host mapping), without importing markdown-it-py for one function.
"""

from __future__ import annotations

import re
from contextlib import suppress

_RECODE_HOSTNAME_FOR = ("http:", "https:", "mailto:")
# ASCII without spaces, `%` or `@`, and no `xn--` label: checked equal to the slow path on the
# corpus's links and 200,000 random strings (tests/test_markdown_native.py keeps a sample).
_UNCHANGED = re.compile(r"[!-$&-?A-~]*")
_LABEL_SEPARATORS = re.compile(r"[\x2E\u3002\uFF0E\uFF61]")


def as_written(url: str) -> str:
    if _UNCHANGED.fullmatch(url) and "xn--" not in url.lower():
        return url  # nothing to decode: most links, and mdurl's parse + format would give it back
    import mdurl

    parsed = mdurl.parse(url, slashes_denote_host=True)
    if parsed.hostname and (not parsed.protocol or parsed.protocol in _RECODE_HOSTNAME_FOR):
        with suppress(Exception):
            parsed = parsed._replace(hostname=_unicode_host(parsed.hostname))
    return str(mdurl.decode(mdurl.format(parsed), mdurl.DECODE_DEFAULT_CHARS + "%"))


def _unicode_host(host: str) -> str:
    """Each `xn--` label decoded; in an email address only the domain (as markdown-it-py maps it)."""
    parts = host.split("@")
    prefix = f"{parts[0]}@" if len(parts) > 1 else ""
    labels = _LABEL_SEPARATORS.split(parts[1] if len(parts) > 1 else host)
    return prefix + ".".join(_decode(label) for label in labels)


def _decode(label: str) -> str:
    return label[4:].lower().encode("ascii").decode("punycode") if label.startswith("xn--") else label
