"""Zola sites: detection, content, page kinds, the title's level, URLs and shortcodes.

Rules implemented (getzola.org "Configuration", "Content > Page", "Content > Section",
"Internal links"):
- A Zola site has `config.toml` with `base_url`, its only required key.
- Content is every `.md` file under `content/` not matched by `ignored_content`; other
  files there are co-located assets. `templates/`, `themes/`, `sass/`, `static/` and
  `public/` are never content.
- `_index.md` is a section: a list page. `index.md` is a page named after its folder.
- URL of a page: `path` front matter (leading `/` dropped) wins; else the section folders
  plus `slug` front matter or the file name, with a `YYYY-MM-DD[Thh:mm:ss]` + `_`/`-`
  date prefix removed unless `slugify.paths_keep_dates`; folders and names go through
  `[slugify] paths` ("on" by default: ASCII, lowercase; "safe"; "off"). Zola URLs end
  in `/`. `aliases` are site paths.
- `@/a/b.md#x` links name `content/a/b.md`.
- Title level: the first `<hN>` holding `page.title` in the page's `template` (front
  matter), else `templates/page.html` (`section.html` for a section, `index.html` for
  the home section), in the site's or the theme's `templates/`.
"""

from __future__ import annotations

import fnmatch
import os
import re
from collections.abc import Mapping
from functools import cached_property
from pathlib import Path, PurePosixPath
from typing import TYPE_CHECKING, Any, ClassVar

from seolint.document.kinds import KindGuess
from seolint.site.adapter import AnyPath, Language, LinkSyntax, LinkTarget, Region, Site, join_url
from seolint.site.configs import dig, read_config, string_list, text_value
from seolint.site.dates import DATE_PREFIX
from seolint.site.head import HeadReading, PageHead, page_head
from seolint.site.paths import absolute
from seolint.site.publication import Publication, true_flag
from seolint.site.reads import read_site_bytes, read_site_text
from seolint.site.slugs import zola_slugify
from seolint.site.tera import zola_regions
from seolint.site.titles import first_level

if TYPE_CHECKING:  # the head reader is imported when a page's head is read
    from seolint.site.zola_head import ZolaHead

_TITLE = re.compile(r"\{\{[^{}]{0,300}\b(?:page|section)\.title\b[^{}]{0,300}\}\}")
_EXTENDS = re.compile(r"\{%-?\s*extends\s+[\"']([^\"']+)[\"']")
_LISTS_PAGES = re.compile(r"\b(?:section|paginator)\.pages\b")


def detect(folder: Path, forced: bool = False) -> ZolaSite | None:
    config_path = folder / "config.toml"
    if not config_path.is_file():
        return None
    config = read_config(config_path)
    base = text_value(config, "base_url")
    if base is None and not forced:
        return None
    return ZolaSite("zola", absolute(folder), "config.toml sets base_url (Zola's required key)", config, base)


class ZolaSite(Site):
    suffixes = frozenset({".md"})
    front_matter_after_blank_lines = True  # its front-matter pattern starts `^[[:space:]]*`
    navigation_read: ClassVar[str] = "section templates that list `section.pages`"

    # -- languages (a file's language is its `name.<code>.md` suffix) -------------------
    @cached_property
    def _default_language(self) -> str:
        return (text_value(self.config, "default_language") or "en").lower()

    @cached_property
    def _other_languages(self) -> frozenset[str]:
        table = self.config.get("languages")
        return (
            frozenset(str(k).lower() for k in table if str(k).lower() != self._default_language)
            if isinstance(table, dict)
            else frozenset()
        )

    def languages(self) -> tuple[Language, ...]:
        if not self._other_languages:
            return ()
        others = (Language(code, "/" + code) for code in sorted(self._other_languages))
        return (Language(self._default_language, "", True), *others)

    def _split_language(self, stem: str) -> tuple[str, str | None]:
        name, dot, suffix = stem.rpartition(".")
        return (name, suffix.lower()) if dot and suffix.lower() in self._other_languages else (stem, None)

    def language_of(self, path: Path, front_matter: Mapping[str, Any] | None = None) -> str | None:
        return self._split_language(Path(path).stem)[1] or self._default_language

    def translation_key(self, path: Path, front_matter: Mapping[str, Any] | None = None) -> str | None:
        try:
            relative = PurePosixPath(absolute(path).relative_to(self.content_dir).as_posix())
        except ValueError:
            return None
        return str(relative.with_name(self._split_language(relative.stem)[0]))

    # -- publication and navigation ---------------------------------------------------
    def publication(self, path: Path, front_matter: Mapping[str, Any] | None = None) -> Publication:
        fm = front_matter or {}
        if true_flag(fm.get("draft")):
            return Publication("draft = true")
        if fm.get("render") is False:
            return Publication("render = false")
        return Publication()

    def listed(self, path: Path, front_matter: Mapping[str, Any] | None = None) -> str | None:
        if Path(path).name.startswith("_index"):
            return None
        folder = absolute(path).parent
        if Path(path).stem == "index":
            folder = folder.parent
        while True:
            section = folder / "_index.md"
            fm = self._section_front_matter(section)
            if not fm.get("transparent") or folder == self.content_dir:
                break
            folder = folder.parent
        if fm.get("render") is False:
            return None
        template = text_value(fm, "template") or (
            "index.html" if folder == self.content_dir else "section.html"
        )
        return f"the section page {self._shown(section)}" if self._lists_pages(template) else None

    def _section_front_matter(self, section: Path) -> dict[str, Any]:
        memo = self._memo.setdefault("sections", {})
        if section not in memo:
            memo[section] = self.front_matter_of(read_site_text(section) or "")
        return memo[section]  # type: ignore[no-any-return]

    def _lists_pages(self, template: str) -> bool:
        """Whether a section template (or one it extends) lists the section's pages; a
        template not in the repository (a theme not checked out) is taken to."""
        memo = self._memo.setdefault("lists", {})
        if template not in memo:
            memo[template] = True
            seen: set[str] = set()
            name: str | None = template
            while name and name not in seen:
                seen.add(name)
                text = self._template_text(name)
                if text is None:
                    break
                if _LISTS_PAGES.search(text):
                    break
                found = _EXTENDS.search(text)
                name = found.group(1) if found else None
                if name is None:
                    memo[template] = False
        return bool(memo[template])

    def _template_text(self, name: str) -> str | None:
        folders = [self.root / "templates"]
        folders += [self.root / "themes" / t / "templates" for t in string_list(self.config.get("theme"))]
        for folder in folders:
            text = read_site_text(folder / name)
            if text is not None:
                return text
        return None

    @cached_property
    def _memo(self) -> dict[str, dict[Any, Any]]:
        return {}

    def _shown(self, path: Path) -> str:
        try:
            return path.relative_to(self.root).as_posix()
        except ValueError:
            return str(path)

    def cache_inputs(self) -> object:
        """Sections' `render`, `transparent` and `template`: they decide what lists a page."""
        found = []
        for path in self.content_files():
            if path.name.startswith("_index"):
                fm = self._section_front_matter(path)
                found.append((str(path), [fm.get(k) for k in ("render", "transparent", "template")]))
        return found

    @property
    def content_dir(self) -> Path:
        return self.root / "content"

    def static_roots(self) -> tuple[Path, ...]:
        return (self.root / "static",)

    def content_roots(self) -> tuple[Path, ...]:
        return (self.content_dir,)

    def taxonomy_prefixes(self) -> tuple[str, ...]:
        """The `name` of each `[[taxonomies]]` entry."""
        table = self.config.get("taxonomies")
        entries = table if isinstance(table, list) else []
        names = [t.get("name") for t in entries if isinstance(t, dict)]
        return self.folder_prefixes(str(name) for name in names if name)

    def is_content(self, path: AnyPath) -> bool:
        if not super().is_content(path):
            return False
        ignored = string_list(self.config.get("ignored_content"))
        relative = "/".join(self.relative_parts(path) or ())
        return not any(fnmatch.fnmatch(relative, glob) for glob in ignored)

    def dates_by_name(self, path: Path) -> bool:
        name = path.parent.name if path.stem == "index" else path.stem
        return bool(DATE_PREFIX.match(name))

    def page_kind(self, path: Path, front_matter: Mapping[str, Any] | None = None) -> KindGuess:
        """`_index.md` is the home page (a landing page) at the content root, a section's
        list page below it; pages by seolint.document.kinds, also their `[extra]` table."""
        parts = self.relative_parts(path) or ()
        if Path(path).stem.split(".")[0] == "_index":  # `_index.fr.md` too
            if len(parts) == 1:
                return KindGuess("landing", "_index.md at the content root is the home page")
            return KindGuess("list", "_index.md is a section page: the template lists its pages")
        fm = dict(front_matter or {})
        extra = fm.get("extra")
        merged = {**extra, **fm} if isinstance(extra, dict) else fm
        return self.infer_kind(merged, list(parts[:-1]))

    @property
    def site_title(self) -> str | None:
        """`title` in config.toml, else the home page's (`content/_index.md`) title."""
        return text_value(self.config, "title") or self._home_title

    @cached_property
    def _home_title(self) -> str | None:
        data = read_site_bytes(self.content_dir / "_index.md")
        try:
            home = self.front_matter_of(data.decode("utf-8")) if data is not None else {}
        except UnicodeDecodeError:
            return None
        return text_value(home, "title")

    def title_heading_level(
        self, path: Path | None = None, front_matter: Mapping[str, Any] | None = None
    ) -> int | None:
        chosen = text_value(front_matter or {}, "template")
        if chosen is None and path is not None and Path(path).name == "_index.md":
            at_root = absolute(path).parent == self.content_dir
            chosen = "index.html" if at_root else "section.html"
        names = [chosen or "page.html"]
        folders = [self.root / "templates"]
        folders += [self.root / "themes" / t / "templates" for t in string_list(self.config.get("theme"))]
        return first_level([folder / name for name in names for folder in folders], _TITLE)

    def url_for(self, path: Path, front_matter: Mapping[str, Any] | None = None) -> list[str]:
        fm = front_matter or {}
        if self.relative_parts(path) is None:
            return []  # not a page of this site
        relative = PurePosixPath(absolute(path).relative_to(self.content_dir).as_posix())
        strategy = str(dig(self.config, "slugify", "paths") or "on")
        stem, language = self._split_language(relative.stem)
        lead = "/" + language if language else ""
        relative = relative.with_name(stem + relative.suffix)
        folders = [zola_slugify(f, strategy) for f in relative.parts[:-1]]
        explicit = text_value(fm, "path")
        if relative.name == "_index.md":
            primary = join_url(lead, *folders, "/")
        elif explicit:
            primary = join_url(explicit.strip(), "/")
        else:
            name = relative.stem
            if name == "index" and folders:
                name = relative.parts[-2]
                folders = folders[:-1]
            keep_dates = bool(dig(self.config, "slugify", "paths_keep_dates"))
            if not keep_dates and not text_value(fm, "slug"):
                name = DATE_PREFIX.sub("", name, count=1)
            primary = join_url(lead, *folders, zola_slugify(text_value(fm, "slug") or name, strategy), "/")
        aliases = ["/" + a.lstrip("/") for a in string_list(fm.get("aliases"))]
        return [join_url(self.base_path, u) if self.base_path else u for u in [primary, *aliases]]

    # -- the head ---------------------------------------------------------------------
    @cached_property
    def _head(self) -> ZolaHead:
        from seolint.site.zola_head import ZolaHead  # its template reader, only for sites

        return ZolaHead(self.root, self.config)

    def page_head(self, path: Path, front_matter: Mapping[str, Any]) -> PageHead:
        from seolint.site.zola_head import page_variables

        if self.relative_parts(path) is None:
            return PageHead()
        relative = PurePosixPath(absolute(path).relative_to(self.content_dir).as_posix())
        is_section = relative.name == "_index.md"
        template = self._template_of(relative, front_matter)
        folders = list(relative.parts[:-1])
        ancestors = [
            p
            for n in range(len(folders) + (0 if is_section else 1))
            if (self.content_dir / (p := _index(folders[:n]))).is_file()
        ]
        urls = self.url_for(path, front_matter)
        components = [c for c in (urls[0] if urls else "").strip("/").split("/") if c]
        own_section = self._head.section(str(relative)) if is_section else None

        def read(with_description: bool) -> HeadReading:
            variables = page_variables(
                front_matter,
                is_section,
                ancestors,
                components,
                with_description,
                own_section,
            )
            return self._head.reading(template, variables)

        return page_head(
            read, bool(text_value(front_matter, "description")), text_value(front_matter, "title")
        )

    def head_examples(self) -> list[tuple[str, tuple[HeadReading, HeadReading]]]:
        from seolint.site.zola_head import page_variables

        sections = sorted(p.relative_to(self.content_dir).as_posix() for p in self.fingerprint_files())
        inner = next((s for s in sections if "/" in s), "x/_index.md")
        examples = []
        for label, relative in (("page", "x.md"), ("section", inner), ("home", "_index.md")):
            place = PurePosixPath(relative)
            section = place.name == "_index.md"
            found = self._head.section(relative)
            own = dict(found or {}) if section else {}
            readings = tuple(
                self._head.reading(
                    self._template_of(place, own),
                    page_variables(
                        {**own, "title": "x"},
                        section,
                        ["_index.md"],
                        ["x"],
                        with_description,
                        found,
                    ),
                )
                for with_description in (True, False)
            )
            examples.append((label, (readings[0], readings[1])))
        return examples

    def fingerprint_files(self) -> list[Path]:
        return [p for p in self.content_files() if p.name.startswith("_index.")]  # section titles

    def _template_of(self, relative: PurePosixPath, front_matter: Mapping[str, Any]) -> str:
        chosen = text_value(front_matter, "template")
        if chosen:
            return chosen
        if relative.name != "_index.md":
            return "page.html"
        return "index.html" if len(relative.parts) == 1 else "section.html"

    def template_regions(self, text: str, path: Path | None = None) -> list[Region]:
        return zola_regions(text)

    def resolve_link(self, target: str, from_path: Path, syntax: LinkSyntax = "url") -> LinkTarget | None:
        target = target.strip()
        if target.startswith("@/"):
            name, _, fragment = target[2:].partition("#")
            return LinkTarget(Path(os.path.normpath(self.content_dir / name)), None, fragment or None)
        return self._resolve_url(target, from_path)


def _index(folders: list[str]) -> str:
    return "/".join([*folders, "_index.md"])
