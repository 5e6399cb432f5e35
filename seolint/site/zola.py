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
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path, PurePosixPath
from typing import TYPE_CHECKING, Any

from seolint.document.model import PageKind
from seolint.site.adapter import AnyPath, LinkSyntax, LinkTarget, Region, Site, absolute, join_url
from seolint.site.configs import dig, read_config, string_list, text_value
from seolint.site.dates import DATE_PREFIX
from seolint.site.head import HeadReading, PageHead, page_head
from seolint.site.slugs import zola_slugify
from seolint.site.tera import zola_regions
from seolint.site.titles import first_level

if TYPE_CHECKING:  # the head reader is imported when a page's head is read
    from seolint.site.zola_head import ZolaHead

_TITLE = re.compile(r"\{\{[^{}]{0,300}\b(?:page|section)\.title\b[^{}]{0,300}\}\}")


def detect(folder: Path, forced: bool = False) -> ZolaSite | None:
    config_path = folder / "config.toml"
    if not config_path.is_file():
        return None
    config = read_config(config_path)
    base = text_value(config, "base_url")
    if base is None and not forced:
        return None
    return ZolaSite("zola", absolute(folder), "config.toml sets base_url (Zola's required key)", config, base)


@dataclass(frozen=True)
class ZolaSite(Site):
    suffixes = frozenset({".md"})

    @property
    def content_dir(self) -> Path:
        return self.root / "content"

    def content_roots(self) -> tuple[Path, ...]:
        return (self.content_dir,)

    def is_content(self, path: AnyPath) -> bool:
        if not super().is_content(path):
            return False
        ignored = string_list(self.config.get("ignored_content"))
        relative = "/".join(self.relative_parts(path) or ())
        return not any(fnmatch.fnmatch(relative, glob) for glob in ignored)

    def page_kind(self, path: Path, front_matter: Mapping[str, Any] | None = None) -> PageKind:
        return "list" if Path(path).name == "_index.md" else "post"

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
        folders = [zola_slugify(f, strategy) for f in relative.parts[:-1]]
        explicit = text_value(fm, "path")
        if relative.name == "_index.md":
            primary = join_url(*folders, "/")
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
            primary = join_url(*folders, zola_slugify(text_value(fm, "slug") or name, strategy), "/")
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
