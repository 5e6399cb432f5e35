"""Find the site a file or folder belongs to: the nearest generator config above it.

Walking up stops at the repository root (the first folder holding `.git`) so a stray config
above a repository never captures it. At each folder the generators are tried in a fixed
order; the specific config names first (Docusaurus, Astro, MkDocs, Jekyll), then Zola's
`config.toml` with `base_url`, then Hugo's config files. Only when no folder up to the
repository root has a config is Hugo's bare `content/` + `layouts/` layout accepted (an
Astro site's `src/` has `content/` and `layouts/` too).
"""

from __future__ import annotations

import importlib
import os
from collections.abc import Callable, Mapping
from pathlib import Path
from types import ModuleType
from typing import TYPE_CHECKING, Literal

from seolint.site import markers
from seolint.site.paths import NEVER_CONTENT, absolute

if TYPE_CHECKING:
    from seolint.site.adapter import Site

Generator = Literal["auto", "hugo", "jekyll", "zola", "docusaurus", "astro", "mkdocs", "plain", "none"]
GENERATORS: tuple[str, ...] = (
    "auto",
    "hugo",
    "jekyll",
    "zola",
    "docusaurus",
    "astro",
    "mkdocs",
    "plain",
    "none",
)
Detector = Callable[[Path, bool], "Site | None"]


def _detector(generator: str) -> Detector:
    """The adapter's `detect`, its module imported only once a folder holds one of its
    config files (seolint.site.markers): a draft outside any site loads no adapter."""

    def detect(folder: Path, forced: bool) -> Site | None:
        if not forced and not markers.may_be_root(generator, folder):
            return None
        site: Site | None = _adapter(generator).detect(folder, forced)
        return site

    return detect


def _adapter(generator: str) -> ModuleType:
    return importlib.import_module(f"seolint.site.{generator}")


DETECTORS: dict[str, Detector] = {
    name: _detector(name) for name in ("docusaurus", "astro", "mkdocs", "jekyll", "zola", "hugo")
}


def find_site(
    path: Path, generator: Generator = "auto", rooted: dict[Path, Site | None] | None = None
) -> Site | None:
    """The site `path` (a file or folder) belongs to, or None (a plain draft, or `none`).

    `generator` is the config override: "auto" detects; a generator's name only looks for
    that generator's config (and, finding none, roots that generator at the folder of
    `path`); "plain" treats the folder as a plain folder of drafts; "none" turns it off.
    `rooted` keeps, per folder, the site its config roots there (or None), for callers that
    walk up from many folders with the same ancestors.
    """
    if generator == "none":
        return None
    start = absolute(path)
    if not start.is_dir():
        start = start.parent
    if generator == "plain":
        from seolint.site.plain import plain_site  # a site's adapter only once there is a site

        return plain_site(start, 'generator = "plain" in the config')
    chosen: dict[str, Detector] = DETECTORS if generator == "auto" else {generator: DETECTORS[generator]}
    folders = _upwards(start)
    rooted = {} if rooted is None else rooted
    for folder in folders:
        if folder not in rooted:
            rooted[folder] = _rooted_at(folder, chosen, generator != "auto")
        if (site := rooted[folder]) is not None:
            return site
    if generator in ("auto", "hugo"):
        laid_out = next((s for f in folders if (s := _hugo_layout(f)) is not None), None)
        if laid_out is not None:
            return laid_out
    if generator == "auto":
        return None
    forced = chosen[generator](start, True)
    if forced is not None:
        return forced
    return _fallback(generator, start)


def find_sites(folder: Path, generator: Generator = "auto", max_depth: int = 2) -> list[Site]:
    """The sites at or below `folder` (at most `max_depth` folders down), for a run over a
    folder that holds a site in a subfolder (a repository with the site in `docs/`)."""
    above = find_site(folder, generator)
    if above is not None or generator in ("none", "plain"):
        return [above] if above else []
    found: list[Site] = []
    root = absolute(folder)
    for current, dirs, _ in os.walk(root):
        depth = len(Path(current).relative_to(root).parts)
        dirs[:] = sorted(
            d for d in dirs if not d.startswith((".", "_")) and d not in NEVER_CONTENT and d != "vendor"
        )
        if depth == 0:
            continue
        site = next((s for d in DETECTORS.values() if (s := d(Path(current), False)) is not None), None)
        if site is not None:
            found.append(site)
            dirs[:] = []
        elif depth >= max_depth:
            dirs[:] = []
    return found


class SiteFinder:
    """`find_site` with the answer kept per folder, for runs over many files."""

    def __init__(self, generator: Generator = "auto") -> None:
        self.generator = generator
        self._by_folder: dict[Path, Site | None] = {}
        self._rooted: dict[Path, Site | None] = {}  # folders walked up through, for find_site

    def find(self, path: Path) -> Site | None:
        folder = absolute(path)
        folder = folder if folder.is_dir() else folder.parent
        if folder not in self._by_folder:
            self._by_folder[folder] = find_site(folder, self.generator, self._rooted)
        return self._by_folder[folder]


def _rooted_at(folder: Path, detectors: Mapping[str, Detector], forced: bool) -> Site | None:
    """The site the first of `detectors` finds a config for in `folder` itself, if any."""
    for detector in detectors.values():
        site = detector(folder, forced)
        if site is not None:
            return site
    return None


def _hugo_layout(folder: Path) -> Site | None:
    if not (folder / "content").is_dir():  # what hugo.detect_layout looks for first
        return None
    site: Site | None = _adapter("hugo").detect_layout(folder)
    return site


def _upwards(start: Path) -> list[Path]:
    folders: list[Path] = []
    for folder in (start, *start.parents):
        folders.append(folder)
        if (folder / ".git").exists():
            break
    return folders


def _fallback(generator: str, start: Path) -> Site:
    """A forced generator with no config anywhere: the folder itself, with defaults."""
    reason = f'generator = "{generator}" in the config; no {generator} config found, so rooted here'
    names = {"hugo": "HugoSite", "jekyll": "JekyllSite", "zola": "ZolaSite", "docusaurus": "DocusaurusSite"}
    names |= {"astro": "AstroSite", "mkdocs": "MkDocsSite"}
    site_class: type[Site] = getattr(_adapter(generator), names[generator])
    return site_class(generator, start, reason)
