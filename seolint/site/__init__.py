"""Site awareness: which generator built the site a draft lives in, and what that means for
linting it (content files, page kinds, title level, URLs, template syntax, link targets).

A library of pure functions over the site's own files; no dependency on the engine, the
CLI, the cache or the front-ends. See `Site` (site.adapter) for the questions every adapter answers.

The names below are imported when first asked for: checking a draft outside any site asks
for the detector alone, and the adapter's module with its regions, heads and publication
records cost such a check ~10 M instructions.

May import: discover, document, findings.
"""

import importlib
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from seolint.document.model import PageKind
    from seolint.site.adapter import LinkSyntax, LinkTarget, Region, RegionKind, Site
    from seolint.site.detect import GENERATORS, Generator, SiteFinder, find_site, find_sites
    from seolint.site.paths import serves_missing, url_key
    from seolint.site.plain import plain_site

_HOMES = {
    "PageKind": "seolint.document.model",
    **dict.fromkeys(("LinkSyntax", "LinkTarget", "Region", "RegionKind", "Site"), "seolint.site.adapter"),
    **dict.fromkeys(
        ("GENERATORS", "Generator", "SiteFinder", "find_site", "find_sites"), "seolint.site.detect"
    ),
    **dict.fromkeys(("serves_missing", "url_key"), "seolint.site.paths"),
    "plain_site": "seolint.site.plain",
}


def __getattr__(name: str) -> object:
    if name not in _HOMES:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(_HOMES[name]), name)
    globals()[name] = value  # asked once
    return value


__all__ = [
    "GENERATORS",
    "Generator",
    "LinkSyntax",
    "LinkTarget",
    "PageKind",
    "Region",
    "RegionKind",
    "Site",
    "SiteFinder",
    "find_site",
    "find_sites",
    "plain_site",
    "serves_missing",
    "url_key",
]
