"""Hugo sites: detection, content, page kinds, the title's level, URLs and shortcodes.

Rules implemented (gohugo.io "URL management", "Configure permalinks", "Content
organization", "Page bundles"):
- Content is under `contentDir` (default `content/`), or under the folders mounted onto
  `content` by `module.mounts` (which replace the default), plus each language's
  `contentDir`. Layouts, archetypes, themes, `static/`, `assets/`, `data/`, `public/`
  and `resources/` are outside it and never content.
- `_index.md` is a section (or the home page): a list page. `index.md` is a leaf bundle:
  a regular page (post) named after its folder.
- URL: `url` front matter wins as written (Hugo does not sanitise it). Otherwise the
  top-level section's `[permalinks]` pattern (flat `{section: pattern}` or the
  `page`/`section` tables) with :year :month :monthname :day :weekday :weekdayname
  :yearday :section :sections :title :slug :filename :slugorfilename :contentbasename
  :slugorcontentbasename. Otherwise the content path, with `slug` replacing the last
  segment. Paths are sanitised (spaces to `-`) and lowercased unless
  `disablePathToLower`; `uglyURLs` gives `name.html`. `aliases` follow; a relative alias
  is relative to the page's folder. The base path of `baseURL` prefixes everything.
- Title level: the first `<hN>` holding `.Title` in `layouts/<section>/single.html`,
  `layouts/_default/single.html`, `layouts/single.html`, `layouts/page.html` (for
  `_index` pages the `list.html`/`section.html` ones), then the same under
  `themes/<theme>/`; a theme fetched as a Hugo module is not in the repository, so the
  level is then unknown.

On list pages the rules that assume an article make no sense: missing call to action
(C001), thin content (M006), the internal/external link counts (L002/L003) and the
orphan-page check should be skipped there.
"""

from __future__ import annotations

import datetime as dt
import os
import re
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from typing import Any

from seolint.site.adapter import (
    MARKDOWN_SUFFIXES,
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
from seolint.site.dates import date_of
from seolint.site.hugo_shortcodes import hugo_regions
from seolint.site.slugs import hugo_path
from seolint.site.titles import first_level

CONFIG_NAMES = ("hugo.toml", "hugo.yaml", "hugo.yml", "hugo.json")
GENERIC_CONFIG_NAMES = ("config.toml", "config.yaml", "config.yml", "config.json")
HUGO_KEYS = frozenset(
    {
        "baseurl",
        "theme",
        "contentdir",
        "languagecode",
        "publishdir",
        "defaultcontentlanguage",
        "disablekinds",
        "permalinks",
        "module",
        "markup",
        "taxonomies",
        "paginate",
        "pagination",
    }
)
_SUFFIXES = (MARKDOWN_SUFFIXES - {".mdx"}) | {".html", ".htm", ".adoc", ".org", ".rst", ".pandoc"}
_TITLE = re.compile(r"\{\{[^{}]{0,300}(?<!Site)\.(?:Link)?Title\b[^{}]{0,300}\}\}")
_TOKEN = re.compile(r":([a-z]{2,30})")


def detect(folder: Path, forced: bool = False) -> HugoSite | None:
    """A Hugo site rooted at `folder`, or None; `forced` accepts any config file name."""
    for name in CONFIG_NAMES:
        if (folder / name).is_file():
            return _site(folder, read_config(folder / name), f"{name} at the site root")
    for name in GENERIC_CONFIG_NAMES:
        path = folder / name
        if path.is_file():
            config = read_config(path)
            keys = sorted(HUGO_KEYS & {k.lower() for k in config})
            if "base_url" in config and not forced:
                return None  # Zola's
            if keys or forced:
                return _site(folder, config, f"{name} sets {', '.join(keys) or 'site settings'} (Hugo keys)")
    default_dir = folder / "config" / "_default"
    if default_dir.is_dir():
        for name in (*CONFIG_NAMES, *GENERIC_CONFIG_NAMES):
            if (default_dir / name).is_file():
                return _site(
                    folder, read_config(default_dir / name), f"config/_default/{name} (Hugo's config folder)"
                )
    if forced:
        return detect_layout(folder, forced)
    return None


def detect_layout(folder: Path, forced: bool = False) -> HugoSite | None:
    """A Hugo site recognised by its folders alone (`content/` next to `layouts/`,
    `themes/` or `archetypes/`): weaker evidence than any config file, so it is only
    tried once no folder above holds one."""
    if (folder / "content").is_dir():
        beside = [d for d in ("layouts", "themes", "archetypes") if (folder / d).is_dir()]
        if beside or forced:
            return _site(folder, {}, f"content/ next to {', '.join(beside) or 'nothing'}/ (Hugo's layout)")
    return None


def _site(folder: Path, config: dict[str, Any], reason: str) -> HugoSite:
    lowered = {k.lower(): v for k, v in config.items()}
    base = lowered.get("baseurl")
    return HugoSite("hugo", absolute(folder), reason, lowered, base if isinstance(base, str) else None)


@dataclass(frozen=True)
class HugoSite(Site):
    suffixes = _SUFFIXES

    @cached_property
    def _mounts(self) -> tuple[tuple[Path, str], ...]:
        """(folder, URL prefix) for every folder mounted as content."""
        mounts: list[tuple[Path, str]] = []
        for mount in dig(self.config, "module", "mounts") or []:
            target = text_value(mount, "target") or ""
            source = text_value(mount, "source")
            if source and (target == "content" or target.startswith("content/")):
                mounts.append((self.root / source, target.removeprefix("content")))
        if not mounts:
            mounts.append((self.root / (text_value(self.config, "contentdir") or "content"), ""))
        for language in (self.config.get("languages") or {}).values():
            content_dir = text_value(
                {k.lower(): v for k, v in language.items()} if isinstance(language, dict) else {},
                "contentdir",
            )
            if content_dir:
                mounts.append((self.root / content_dir, ""))
        return tuple((absolute(folder), prefix) for folder, prefix in mounts)

    def content_roots(self) -> tuple[Path, ...]:
        return tuple(folder for folder, _ in self._mounts)

    def static_roots(self) -> tuple[Path, ...]:
        themes = string_list(self.config.get("theme"))
        return (self.root / "static", *(self.root / "themes" / theme / "static" for theme in themes))

    def taxonomy_prefixes(self) -> tuple[str, ...]:
        """`[taxonomies]` values (tags and categories when none are configured)."""
        table = self.config.get("taxonomies")
        names = list(table.values()) if isinstance(table, dict) else ["tags", "categories"]
        return url_prefixes(self.base_path, [str(name) for name in names if name])

    def page_kind(self, path: Path, front_matter: Mapping[str, Any] | None = None) -> PageKind:
        return "list" if Path(path).stem == "_index" else "post"

    def title_heading_level(
        self, path: Path | None = None, front_matter: Mapping[str, Any] | None = None
    ) -> int | None:
        section = self._place(path)[2][:1] if path else []
        is_list = path is not None and Path(path).stem == "_index"
        kinds = ("list.html", "section.html") if is_list else ("single.html", "page.html")
        names = [f"{s}/{kind}" for s in section for kind in kinds]
        names += [f"_default/{kind}" for kind in kinds] + list(kinds)
        folders = [self.root / "layouts"]
        folders += [self.root / "themes" / name / "layouts" for name in string_list(self.config.get("theme"))]
        return first_level([folder / name for folder in folders for name in names], _TITLE)

    # -- URLs -------------------------------------------------------------------------
    def _place(self, path: Path) -> tuple[Path, str, list[str]]:
        """(content root, URL prefix, folders from the root to the file)."""
        path = absolute(path)
        for folder, prefix in self._mounts:
            try:
                relative = path.relative_to(folder)
            except ValueError:
                continue
            return folder, prefix, list(relative.parts[:-1])
        return (
            self.root,
            "",
            list(path.relative_to(self.root).parts[:-1]) if path.is_relative_to(self.root) else [],
        )

    def url_for(self, path: Path, front_matter: Mapping[str, Any] | None = None) -> list[str]:
        fm = front_matter or {}
        path = absolute(path)
        _, prefix, folders = self._place(path)
        stem = path.stem
        is_section = stem == "_index"
        if stem == "index" and folders:  # a leaf bundle is named after its folder
            stem, folders = folders[-1], folders[:-1]
        lower = not bool(self.config.get("disablepathtolower"))
        explicit = text_value(fm, "url")
        if explicit:
            primary = explicit if explicit.startswith("/") else "/" + explicit
        elif is_section:
            pattern = self._pattern("section", folders)
            primary = (
                self._expand(pattern, fm, folders, stem, lower)
                if pattern
                else join_url(prefix, *(hugo_path(f, lower) for f in folders), "/")
            )
        else:
            pattern = self._pattern("page", folders)
            if pattern:
                primary = self._expand(pattern, fm, folders, stem, lower)
            else:
                name = hugo_path(text_value(fm, "slug") or stem, lower)
                if self.config.get("uglyurls") is True:
                    primary = join_url(prefix, *(hugo_path(f, lower) for f in folders), name + ".html")
                else:
                    primary = join_url(prefix, *(hugo_path(f, lower) for f in folders), name, "/")
        folder_url = join_url(prefix, *folders, "/")
        aliases = [
            a if a.startswith("/") else join_url(folder_url, a) for a in string_list(fm.get("aliases"))
        ]
        return [join_url(self.base_path, url) if self.base_path else url for url in [primary, *aliases]]

    def _pattern(self, kind: str, folders: list[str]) -> str | None:
        section = folders[0] if folders else ""
        table = self.config.get("permalinks")
        if not isinstance(table, dict) or not section:
            return None
        nested = table.get(kind)
        if isinstance(nested, dict) and isinstance(nested.get(section), str):
            return str(nested[section])
        flat = table.get(section)
        return flat if kind == "page" and isinstance(flat, str) else None

    def _expand(self, pattern: str, fm: Mapping[str, Any], folders: list[str], stem: str, lower: bool) -> str:
        day = date_of(fm.get("date")) or date_of(fm.get("publishDate")) or dt.date(1, 1, 1)
        title = hugo_path(str(fm.get("title") or ""), lower)
        slug = hugo_path(str(fm.get("slug") or ""), lower)
        values = {
            "year": f"{day.year:04d}",
            "month": f"{day.month:02d}",
            "monthname": day.strftime("%B").lower(),
            "day": f"{day.day:02d}",
            "weekday": str(day.isoweekday() % 7),
            "weekdayname": day.strftime("%A").lower(),
            "yearday": str(day.timetuple().tm_yday),
            "section": hugo_path(folders[0] if folders else "", lower),
            "sections": "/".join(hugo_path(f, lower) for f in folders),
            "title": title,
            "slug": slug or title,
            "filename": hugo_path(stem, lower),
            "contentbasename": hugo_path(stem, lower),
            "slugorfilename": slug or hugo_path(stem, lower),
            "slugorcontentbasename": slug or hugo_path(stem, lower),
        }
        expanded = _TOKEN.sub(lambda m: values.get(m.group(1), m.group(0)), pattern)
        return re.sub(r"/{2,}", "/", expanded if expanded.startswith("/") else "/" + expanded)

    # -- template syntax --------------------------------------------------------------
    def template_regions(self, text: str, path: Path | None = None) -> list[Region]:
        return hugo_regions(text)

    def resolve_link(self, target: str, from_path: Path, syntax: LinkSyntax = "url") -> LinkTarget | None:
        if syntax not in ("ref", "relref"):
            return self._resolve_url(target, from_path)
        name, _, fragment = target.strip().partition("#")
        if not name:
            return LinkTarget(absolute(from_path), None, fragment or None)
        bases = (
            list(self.content_roots())
            if name.startswith("/")
            else [absolute(from_path).parent, *self.content_roots()]
        )
        for base in bases:
            found = _page_at(Path(os.path.normpath(base / name.strip("/"))))
            if found:
                return LinkTarget(found, None, fragment or None)
        bare = name.strip("/")
        if "/" not in bare:  # a one-segment ref is also looked up by name across the site
            matches = [
                p
                for p in self.content_files()
                if bare in (p.name, p.stem) or (p.stem in ("index", "_index") and p.parent.name == bare)
            ]
            if len(matches) == 1:
                return LinkTarget(matches[0], None, fragment or None)
        return LinkTarget(Path(os.path.normpath(bases[0] / name.strip("/"))), None, fragment or None)


def _page_at(candidate: Path) -> Path | None:
    """The content file a ref path names: the file itself, with `.md`, or a bundle."""
    options = [candidate] if candidate.suffix else []
    options += [candidate.with_name(candidate.name + ".md"), candidate / "index.md", candidate / "_index.md"]
    options += [
        candidate.with_name(candidate.name + ".html"),
        candidate / "_index.html",
        candidate / "index.html",
    ]
    return next((o for o in options if o.is_file()), None)
