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
- The head (docusaurus-theme-common `titleFormatterUtils`, docs "docusaurus.config.js"):
  <title> is `Title | Site title` with the config's `titleDelimiter` (default `|`); the
  meta description is the front-matter `description`, else the first line of the content.
  A site that swizzles its theme (`src/theme/`) may change both: the head is then unknown.
All pages are posts; the generated blog list is not a file.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from functools import cached_property
from pathlib import Path, PurePosixPath
from typing import Any, ClassVar

from seolint.site.adapter import AnyPath, Language, Region, Site, join_url
from seolint.site.configs import js_config_string, js_config_url, text_value, without_comments
from seolint.site.dates import split_date_prefix
from seolint.site.head import HeadReading, PageHead
from seolint.site.mdx import mdx_regions
from seolint.site.paths import absolute
from seolint.site.publication import Publication, true_flag
from seolint.site.reads import read_site_text
from seolint.site.template_values import DESCRIPTION, SUMMARY, TITLE

CONFIG_NAMES = tuple(f"docusaurus.config.{ext}" for ext in ("js", "mjs", "cjs", "ts", "mts"))
ROOTS = ("docs", "blog", "versioned_docs", "src/pages")
# Where a locale's translations live (docusaurus.io "i18n tutorial"), by the root they translate.
I18N_ROOTS = {
    "docusaurus-plugin-content-docs/current": "docs",
    "docusaurus-plugin-content-blog": "blog",
    "docusaurus-plugin-content-pages": "src/pages",
}
_DEFAULT_LOCALE = re.compile(r"\bdefaultLocale\s{0,10}:\s{0,10}['\"`]([\w-]{1,20})['\"`]")
_LOCALES = re.compile(r"\blocales\s{0,10}:\s{0,10}\[([^\]]{0,2000})\]")


def detect(folder: Path, forced: bool = False) -> DocusaurusSite | None:
    found = js_config_url(folder, CONFIG_NAMES, "url", "baseUrl")
    if found is None:
        return None
    name, url = found
    text = without_comments(read_site_text(folder / name) or "")
    default = _DEFAULT_LOCALE.search(text)
    listed = _LOCALES.search(text)
    locales = re.findall(r"['\"`]([\w-]{1,20})['\"`]", listed.group(1)) if listed else []
    config = {"i18n": {"defaultLocale": default.group(1), "locales": locales}} if default else {}
    return DocusaurusSite("docusaurus", absolute(folder), f"{name} at the site root", config, url)


class DocusaurusSite(Site):
    suffixes = frozenset({".md", ".mdx"})
    navigation_read: ClassVar[str] = "docs sidebars and the blog list (they list every doc and post)"

    @cached_property
    def _locales(self) -> tuple[str, tuple[str, ...]]:
        i18n = self.config.get("i18n") or {}
        default = str(i18n.get("defaultLocale") or "en")
        return default, tuple(str(code) for code in i18n.get("locales") or () if code != default)

    def languages(self) -> tuple[Language, ...]:
        default, others = self._locales
        if not others:
            return ()
        return (Language(default, "", True), *(Language(code, "/" + code) for code in others))

    def content_roots(self) -> tuple[Path, ...]:
        translated = [self.root / "i18n" / code / inner for code in self._locales[1] for inner in I18N_ROOTS]
        return (*(self.root / r for r in ROOTS), *translated)

    def static_roots(self) -> tuple[Path, ...]:
        return (self.root / "static",)

    def _translated(self, path: Path) -> tuple[str, Path] | None:
        """(locale, the default-locale file it translates) for a file under `i18n/`."""
        try:
            relative = PurePosixPath(absolute(path).relative_to(self.root / "i18n").as_posix())
        except ValueError:
            return None
        code, rest = relative.parts[0], PurePosixPath(*relative.parts[1:]).as_posix()
        for inner, root in I18N_ROOTS.items():
            if rest.startswith(inner + "/"):
                return code, self.root / root / rest[len(inner) + 1 :]
        return None

    def language_of(self, path: Path, front_matter: Mapping[str, Any] | None = None) -> str | None:
        translated = self._translated(path)
        return translated[0] if translated else self._locales[0]

    def translation_key(self, path: Path, front_matter: Mapping[str, Any] | None = None) -> str | None:
        translated = self._translated(path)
        source = translated[1] if translated else absolute(path)
        return source.relative_to(self.root).as_posix() if source.is_relative_to(self.root) else None

    def fallback_url(self, url: str) -> str | None:
        """An untranslated doc is published in every locale from the default one."""
        for code in self._locales[1]:
            lead = join_url(self.base_path, code)
            if url == lead or url.startswith(lead + "/"):
                return join_url(self.base_path, url[len(lead) :] or "/")
        return None

    def publication(self, path: Path, front_matter: Mapping[str, Any] | None = None) -> Publication:
        if true_flag((front_matter or {}).get("draft")):
            return Publication("draft: true (development builds only)")
        return Publication()

    def listed(self, path: Path, front_matter: Mapping[str, Any] | None = None) -> str | None:
        translated = self._translated(path)
        relative = (translated[1] if translated else absolute(path)).relative_to(self.root).as_posix()
        if relative.startswith(("docs/", "versioned_docs/")):
            return "the docs sidebar"
        return "the blog list" if relative.startswith("blog/") else None

    def is_content(self, path: AnyPath) -> bool:
        """Content, unless a file or folder name starts with `_` (partials, not pages)."""
        parts = self.relative_parts(path)
        return super().is_content(path) and parts is not None and not any(p.startswith("_") for p in parts)

    def url_for(self, path: Path, front_matter: Mapping[str, Any] | None = None) -> list[str]:
        fm = front_matter or {}
        if self.relative_parts(path) is None:
            return []  # not a page of this site
        translated = self._translated(path)
        if translated is not None:
            urls = self._default_urls(translated[1], fm)
            return [join_url(self.base_path, translated[0], u.removeprefix(self.base_path)) for u in urls]
        return self._default_urls(absolute(path), fm)

    def _default_urls(self, path: Path, fm: Mapping[str, Any]) -> list[str]:
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

    @cached_property
    def _config_text(self) -> tuple[str, str]:
        """(file name, text) of the site's config."""
        for name in CONFIG_NAMES:
            text = read_site_text(self.root / name)
            if text is not None:
                return name, without_comments(text[:200_000])
        return "", ""

    def page_head(self, path: Path, front_matter: Mapping[str, Any]) -> PageHead:
        name, text = self._config_text
        site_title = js_config_string(text, "title")
        if site_title is None or (self.root / "src" / "theme").is_dir():
            return PageHead()
        delimiter = js_config_string(text, "titleDelimiter") or "|"
        own = text_value(front_matter, "title")
        after = f" {delimiter} {site_title}"
        has_description = bool(text_value(front_matter, "description"))
        return PageHead(
            own + after if own and own != site_title else (site_title if own else None),
            ("", after) if own != site_title else None,
            "front-matter" if has_description else "summary",
            True,
            title_at=name,
            description_at="Docusaurus: front matter, else the first line of content",
        )

    def head_examples(self) -> list[tuple[str, tuple[HeadReading, HeadReading]]]:
        name, text = self._config_text
        site_title = js_config_string(text, "title")
        if site_title is None or (self.root / "src" / "theme").is_dir():
            return []
        title = f"{TITLE} {js_config_string(text, 'titleDelimiter') or '|'} {site_title}"
        first_line = "Docusaurus: the first line of content"
        readings = (
            HeadReading(title, name, DESCRIPTION, first_line),
            HeadReading(title, name, SUMMARY, first_line),
        )
        return [("doc, blog post or page", readings)]

    def template_regions(self, text: str, path: Path | None = None) -> list[Region]:
        return mdx_regions(text) if path is None or path.suffix.lower() == ".mdx" else []


def _page_path(prefix: str, inner: PurePosixPath, slug: str | None) -> str:
    folder = "" if str(inner.parent) == "." else str(inner.parent)
    if slug:
        return join_url(prefix, slug) if slug.startswith("/") else join_url(prefix, folder, slug)
    name = "" if inner.stem.lower() in ("index", "readme") else inner.stem
    return join_url(prefix, folder, name)
