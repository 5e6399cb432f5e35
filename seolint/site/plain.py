"""A plain folder of drafts: no generator, so every draft is content, a page's URL is its
file path under the folder (as a static file server would publish it), there is no
template syntax, and the title level is unknown. All pages are posts."""

from __future__ import annotations

from pathlib import Path

from seolint.site.adapter import Site
from seolint.site.paths import absolute


def plain_site(folder: Path, reason: str = "no generator config found; a plain folder of drafts") -> Site:
    return Site("plain", absolute(folder), reason)
