"""Where a site's files and pages are, asked without the adapter: site detection and the
site rules' modules need these, and importing `seolint.site.adapter` (regions, heads,
publication) for them cost every check of a lone draft ~10 M instructions."""

import os
import re
from functools import lru_cache
from pathlib import Path
from urllib.parse import urlsplit

# Folders that are never content whatever the generator: dependencies, caches, VCS.
NEVER_CONTENT = frozenset({"node_modules", ".git", ".hg", ".svn", "__pycache__", ".venv", "venv"})


def absolute(path: Path) -> Path:
    """`path` made absolute without resolving symlinks (a site may be a symlink farm)."""
    return Path(os.path.abspath(path))


@lru_cache(maxsize=1 << 16)
def url_key(url: str) -> str:
    """A URL path reduced for matching: no `index.html`, no trailing slash, no fragment or
    query; "/a/b/", "/a/b" and "/a/b/index.html" are one page to a web server.

    Kept: the site model asks for the key of every page's URLs each time it is built,
    which the language server does on every pause in typing (a third of a re-lint in a
    1,000-page site was urlsplit and this regex)."""
    path = urlsplit(url).path or "/"
    path = re.sub(r"/index\.html?$", "/", path)
    return path.rstrip("/") or "/"


def serves_missing(url: str) -> bool:
    """Whether `url` is the page hosts serve, with status 404, for a URL that has none."""
    return url_key(url).rsplit("/", 1)[-1] in ("404", "404.html")
