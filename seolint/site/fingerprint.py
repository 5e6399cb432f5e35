"""A hash of everything in a site that can change a page's findings, for the result cache.

The generator and its config decide URLs, content roots and template syntax; the
templates decide the level the title renders at; section pages' `cascade` decides whether
the pages below them are built. A cached result is reused only while
all of these are unchanged.
"""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

from seolint.discover.digest import update_with_files
from seolint.site.adapter import Site
from seolint.site.reads import read_site_bytes

# Folders that hold page templates in some generator (Hugo, Jekyll, Zola, themes).
TEMPLATE_FOLDERS = ("layouts", "_layouts", "_includes", "templates", "themes")


def site_fingerprint(site: Site) -> str:
    digest = hashlib.sha256()
    digest.update(
        repr((site.generator, str(site.root), site.reason, site.base_url)).encode("utf-8", "replace")
    )
    digest.update(_stable(site.config).encode("utf-8", "replace"))
    digest.update(_stable(site.cache_inputs()).encode("utf-8", "replace"))
    update_with_files(digest, [*_template_files(site.root), *site.fingerprint_files()], read_site_bytes)
    return digest.hexdigest()


def _template_files(root: Path) -> list[Path]:
    found: list[Path] = []
    for name in TEMPLATE_FOLDERS:
        for folder, dirs, files in os.walk(root / name):
            dirs.sort()
            found.extend(Path(folder, f) for f in sorted(files) if f.endswith((".html", ".htm", ".liquid")))
    return found


def _stable(value: object) -> str:
    """A repr of parsed config that does not depend on the order keys were read in."""
    if isinstance(value, dict):
        return (
            "{"
            + ", ".join(f"{k!r}: {_stable(v)}" for k, v in sorted(value.items(), key=lambda i: str(i[0])))
            + "}"
        )
    if isinstance(value, (list, tuple)):
        return "[" + ", ".join(_stable(v) for v in value) + "]"
    return repr(value)
