"""MkDocs sites: detection, content and URLs.

Rules implemented (mkdocs.org "Configuration", "Writing your docs"):
- A site has `mkdocs.yml` (or `mkdocs.yaml`); `site_url` gives the domain and base path.
- Content: Markdown under `docs_dir` (default `docs/`).
- URL: with `use_directory_urls` (the default) `a/b.md` publishes at `/a/b/` and
  `index.md`/`README.md` at their folder; without it at `/a/b.html`.
- Title level: the theme decides, and MkDocs takes the page title from the first H1;
  unknown (None). All pages are posts.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path, PurePosixPath
from typing import Any, ClassVar

from seolint.site.adapter import MARKDOWN_SUFFIXES, Site, join_url
from seolint.site.configs import read_config, text_value
from seolint.site.paths import absolute

CONFIG_NAMES = ("mkdocs.yml", "mkdocs.yaml")


def detect(folder: Path, forced: bool = False) -> MkDocsSite | None:
    for name in CONFIG_NAMES:
        if (folder / name).is_file():
            config = read_config(folder / name)
            return MkDocsSite(
                "mkdocs", absolute(folder), f"{name} at the site root", config, text_value(config, "site_url")
            )
    return None


class MkDocsSite(Site):
    suffixes = MARKDOWN_SUFFIXES - {".mdx"}

    navigation_read: ClassVar[str] = "`nav` in the config (every page when it has none)"
    generator_name = "MkDocs"

    def content_roots(self) -> tuple[Path, ...]:
        return (absolute(self.root / (text_value(self.config, "docs_dir") or "docs")),)

    def listed(self, path: Path, front_matter: Mapping[str, Any] | None = None) -> str | None:
        nav = self.config.get("nav")
        if not nav:
            return "the navigation MkDocs builds from every page"
        relative = "/".join(self.relative_parts(path) or ())
        return "`nav` in the config" if relative in _strings(nav) else None

    def url_for(self, path: Path, front_matter: Mapping[str, Any] | None = None) -> list[str]:
        if self.relative_parts(path) is None:
            return []  # not a page of this site
        inner = PurePosixPath(absolute(path).relative_to(self.content_roots()[0]).as_posix())
        folder = "" if str(inner.parent) == "." else str(inner.parent)
        is_index = inner.stem.lower() in ("index", "readme")
        if self.config.get("use_directory_urls", True) is False:
            url = join_url(folder, "index.html" if is_index else inner.stem + ".html")
        else:
            url = join_url(folder, "" if is_index else inner.stem, "/")
        return [join_url(self.base_path, url) if self.base_path else url]


def _strings(value: Any) -> set[str]:
    if isinstance(value, str):
        return {value.strip()}
    items = value.values() if isinstance(value, dict) else value if isinstance(value, list) else []
    return {text for item in items for text in _strings(item)}
