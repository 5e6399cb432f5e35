"""Docusaurus sites: detection, content, URLs and MDX.

Rules implemented (docusaurus.io "Docs introduction", "Blog", "Creating pages"):
- A site has `docusaurus.config.{js,mjs,cjs,ts,mts}`; `url` and `baseUrl` in it give the
  domain and base path (read by pattern: the config is a program, not data).
- Content: `.md`/`.mdx` under `docs/`, `blog/`, `versioned_docs/` and `src/pages/`;
  files and folders starting with `_` are partials, not pages.
- URL: docs at `/docs/<path>` (`index`/`README` name their folder; `slug` front matter,
  absolute or relative to the folder, wins); blog posts at `/blog/<slug>`, where a
  `YYYY-MM-DD-` prefix (file or folder) gives `/blog/YYYY/MM/DD/<name>`; pages at their path.
- The title: Docusaurus renders the front-matter title as the page's H1 only when the body
  has none, so a body `#` is never a second H1; the level is left unknown (None).
All pages are posts; the generated blog list is not a file.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from typing import Any

from seolint.site.adapter import AnyPath, Region, Site, absolute, join_url
from seolint.site.configs import js_config_url, text_value
from seolint.site.dates import split_date_prefix
from seolint.site.mdx import mdx_regions

CONFIG_NAMES = tuple(f"docusaurus.config.{ext}" for ext in ("js", "mjs", "cjs", "ts", "mts"))
ROOTS = ("docs", "blog", "versioned_docs", "src/pages")


def detect(folder: Path, forced: bool = False) -> DocusaurusSite | None:
    found = js_config_url(folder, CONFIG_NAMES, "url", "baseUrl")
    if found is None:
        return None
    name, url = found
    return DocusaurusSite("docusaurus", absolute(folder), f"{name} at the site root", {}, url)


@dataclass(frozen=True)
class DocusaurusSite(Site):
    suffixes = frozenset({".md", ".mdx"})

    def content_roots(self) -> tuple[Path, ...]:
        return tuple(self.root / r for r in ROOTS)

    def static_roots(self) -> tuple[Path, ...]:
        return (self.root / "static",)

    def is_content(self, path: AnyPath) -> bool:
        """Content, unless a file or folder name starts with `_` (partials, not pages)."""
        parts = self.relative_parts(path)
        return super().is_content(path) and parts is not None and not any(p.startswith("_") for p in parts)

    def url_for(self, path: Path, front_matter: Mapping[str, Any] | None = None) -> list[str]:
        fm = front_matter or {}
        if self.relative_parts(path) is None:
            return []  # not a page of this site
        relative = PurePosixPath(absolute(path).relative_to(self.root).as_posix())
        section, inner = relative.parts[0], PurePosixPath(*relative.parts[1:])
        slug = text_value(fm, "slug")
        if section == "src":
            inner = PurePosixPath(*relative.parts[2:])
            url = _page_path("", inner, slug)
        elif section == "blog":
            date, name = split_date_prefix(inner.with_suffix("").as_posix().replace("/index", ""))
            if slug:
                url = join_url("/blog", slug)
            elif date:
                url = join_url("/blog", f"{date.year:04d}/{date.month:02d}/{date.day:02d}", name)
            else:
                url = join_url("/blog", name)
        else:
            if section == "versioned_docs":
                inner = PurePosixPath(*relative.parts[2:])
            url = _page_path("/docs", inner, slug)
        return [join_url(self.base_path, url) if self.base_path else url]

    def template_regions(self, text: str, path: Path | None = None) -> list[Region]:
        return mdx_regions(text) if path is None or path.suffix.lower() == ".mdx" else []


def _page_path(prefix: str, inner: PurePosixPath, slug: str | None) -> str:
    folder = "" if str(inner.parent) == "." else str(inner.parent)
    if slug:
        return join_url(prefix, slug) if slug.startswith("/") else join_url(prefix, folder, slug)
    name = "" if inner.stem.lower() in ("index", "readme") else inner.stem
    return join_url(prefix, folder, name)
