"""Astro sites: detection, content and MDX.

Rules implemented (docs.astro.build "Configuration reference", "Content collections",
"Pages"):
- A site has `astro.config.{mjs,js,ts,mts,cjs}`; `site` and `base` in it give the domain
  and base path (read by pattern).
- Content: `.md`/`.mdx`/`.markdown` under `src/content/` (collections) and under
  `src/pages/` (each file is a route); `_`-prefixed files and folders are not routes.
- URL: a page under `src/pages/` publishes at its path (`index` names its folder, with a
  trailing `/`, Astro's default `trailingSlash: "ignore"` makes both forms work). A
  collection entry's URL is decided by a route file's code, so it is not known: [].
- Title level: decided by the layout component; unknown (None).
All pages are posts.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path, PurePosixPath
from typing import Any, ClassVar

from seolint.site.adapter import AnyPath, Region, Site, join_url
from seolint.site.configs import js_config_url
from seolint.site.mdx import mdx_regions
from seolint.site.paths import absolute

CONFIG_NAMES = tuple(f"astro.config.{ext}" for ext in ("mjs", "js", "ts", "mts", "cjs"))


def detect(folder: Path, forced: bool = False) -> AstroSite | None:
    found = js_config_url(folder, CONFIG_NAMES, "site", "base")
    if found is None:
        return None
    name, url = found
    return AstroSite("astro", absolute(folder), f"{name} at the site root", {}, url)


class AstroSite(Site):
    suffixes = frozenset({".md", ".mdx", ".markdown"})

    orphans_checked: ClassVar[bool] = False  # pages are listed by components seolint cannot read

    def static_roots(self) -> tuple[Path, ...]:
        return (self.root / "public",)

    def content_roots(self) -> tuple[Path, ...]:
        return (self.root / "src" / "content", self.root / "src" / "pages")

    def is_content(self, path: AnyPath) -> bool:
        """Content, unless a file or folder name starts with `_` (partials, not pages)."""
        parts = self.relative_parts(path)
        return super().is_content(path) and parts is not None and not any(p.startswith("_") for p in parts)

    def url_for(self, path: Path, front_matter: Mapping[str, Any] | None = None) -> list[str]:
        pages = self.root / "src" / "pages"
        try:
            inner = PurePosixPath(absolute(path).relative_to(pages).as_posix())
        except ValueError:
            return []
        folder = "" if str(inner.parent) == "." else str(inner.parent)
        url = join_url(folder, "" if inner.stem == "index" else inner.stem, "/")
        return [join_url(self.base_path, url) if self.base_path else url]

    def template_regions(self, text: str, path: Path | None = None) -> list[Region]:
        return mdx_regions(text) if path is None or path.suffix.lower() == ".mdx" else []
