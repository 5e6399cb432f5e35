"""Site awareness: which generator built the site a draft lives in, and what that means for
linting it (content files, page kinds, title level, URLs, template syntax, link targets).

A library of pure functions over the site's own files; no dependency on the engine, the
CLI, the cache or the front-ends. See `Site` (site.adapter) for the questions every adapter answers.

May import: discover, document, findings.
"""

from seolint.document.model import PageKind
from seolint.site.adapter import LinkSyntax, LinkTarget, Region, RegionKind, Site, serves_missing, url_key
from seolint.site.detect import GENERATORS, Generator, SiteFinder, find_site, find_sites
from seolint.site.plain import plain_site

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
