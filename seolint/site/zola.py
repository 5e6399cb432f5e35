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

On list pages (sections), skip missing call to action (C001), thin content (M006), the
link counts (L002/L003) and the orphan-page check.
"""

from __future__ import annotations

import fnmatch
import os
import re
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from typing import Any

from seolint.site.adapter import (
    AnyPath,
    LinkSyntax,
    LinkTarget,
    PageKind,
    Region,
    Site,
    absolute,
    join_url,
    url_prefixes,
)
from seolint.site.configs import dig, read_config, string_list, text_value
from seolint.site.dates import DATE_PREFIX
from seolint.site.slugs import zola_slugify
from seolint.site.tera import zola_regions
from seolint.site.titles import first_level

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

    def static_roots(self) -> tuple[Path, ...]:
        return (self.root / "static",)

    def taxonomy_prefixes(self) -> tuple[str, ...]:
        """The `name` of each `[[taxonomies]]` entry."""
        table = self.config.get("taxonomies")
        entries = table if isinstance(table, list) else []
        names = [t.get("name") for t in entries if isinstance(t, dict)]
        return url_prefixes(self.base_path, [str(name) for name in names if name])

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

    def template_regions(self, text: str, path: Path | None = None) -> list[Region]:
        return zola_regions(text)

    def resolve_link(self, target: str, from_path: Path, syntax: LinkSyntax = "url") -> LinkTarget | None:
        target = target.strip()
        if target.startswith("@/"):
            name, _, fragment = target[2:].partition("#")
            return LinkTarget(Path(os.path.normpath(self.content_dir / name)), None, fragment or None)
        return self._resolve_url(target, from_path)
