"""Hugo sites: detection, content, page kinds, the title's level, URLs and shortcodes.

Rules implemented (gohugo.io "URL management", "Configure permalinks", "Content
organization", "Page bundles"):
- Content is under `contentDir` (default `content/`), or under the folders mounted onto
  `content` by `module.mounts` (which replace the default), plus each language's
  `contentDir`. Layouts, archetypes, themes, `static/`, `assets/`, `data/`, `public/`
  and `resources/` are outside it and never content.
- `_index.md` is a section, a list page (the home page: a landing page); other pages'
  kinds come from seolint.document.kinds, with what their sections `cascade`. `index.md` is a
  leaf bundle: a regular page named after its folder.
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
"""

from __future__ import annotations

import datetime as dt
import os
import re
from collections.abc import Iterable, Iterator, Mapping
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING, Any, ClassVar
from urllib.parse import unquote, urlsplit

from seolint.document.kinds import KindGuess
from seolint.site.adapter import (
    MARKDOWN_SUFFIXES,
    AnyPath,
    Language,
    LinkSyntax,
    LinkTarget,
    Region,
    Site,
    base_path_of,
    host_of,
    join_url,
)
from seolint.site.configs import dig, read_config, string_list, text_value
from seolint.site.dates import date_of
from seolint.site.head import HeadReading, PageHead, page_head
from seolint.site.hugo_config import (
    Mount,
    content_mounts,
    hugo_glob,
    language_tables,
    lowered,
    module_content_targets,
    static_mounts,
)
from seolint.site.hugo_shortcodes import hugo_regions
from seolint.site.paths import NEVER_CONTENT, absolute, url_key
from seolint.site.publication import Publication, true_flag
from seolint.site.reads import read_site_text
from seolint.site.slugs import hugo_path
from seolint.site.titles import heading_level_around

if TYPE_CHECKING:  # the head reader is imported when a page's head is read
    from seolint.site.build_time import BuildTime
    from seolint.site.hugo_head import HugoHead, HugoKind

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
# What may write the title from a template seolint does not follow: a block, a template, a
# view rendered by `.Render` (a partial is followed by name).
_DELEGATES_ELSEWHERE = re.compile(r"\{\{-?\s*(?:block|template)\b|\.Render\b")
_PARTIAL = re.compile(r"\{\{-?\s*partial(?:Cached)?\s+\"([\w./-]{1,200})\"")
_UNNAMED_PARTIAL = re.compile(r"\{\{-?\s*partial(?:Cached)?\s+[^\"\s]")  # a name computed when it builds
_PARTIAL_DEPTH = 5  # partials calling partials, followed this deep (a cycle ends here too)
_HOME_TEMPLATES = ("index.html", "home.html", "_default/index.html", "_default/home.html")
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


class HugoSite(Site):
    suffixes = _SUFFIXES
    front_matter_any_case = True  # Hugo lowercases front-matter keys: `Title:` is the title
    front_matter_after_blank_lines = True  # its page lexer skips white space before the opener
    navigation_read: ClassVar[str] = "menus, section list pages (and Docsy's sidebar)"

    # -- where content comes from -----------------------------------------------------
    @cached_property
    def _content_mounts(self) -> tuple[Mount, ...]:
        """Content mounts, the deepest source first (a file belongs to the closest one)."""
        mounts = content_mounts(self.root, self.config)
        ordered = sorted(enumerate(mounts), key=lambda item: (-len(item[1].source.parts), item[0]))
        return tuple(mount for _, mount in ordered)

    def content_roots(self) -> tuple[Path, ...]:
        return tuple(dict.fromkeys(m.source for m in self._content_mounts if m.source.is_dir()))

    def static_roots(self) -> tuple[Path, ...]:
        return tuple(dict.fromkeys(m.source for m in static_mounts(self.root, self.config)))

    def taxonomy_prefixes(self) -> tuple[str, ...]:
        """`[taxonomies]` values (tags and categories when none are configured)."""
        table = self.config.get("taxonomies")
        names = list(table.values()) if isinstance(table, dict) else ["tags", "categories"]
        return self.folder_prefixes(str(name) for name in names if name)

    @cached_property
    def _root_texts(self) -> tuple[str, ...]:
        return tuple(os.path.join(str(m.source), "") for m in self._content_mounts)

    def _locate(self, path: AnyPath) -> tuple[Mount, tuple[str, ...]] | None:
        """The mount holding `path` and the parts below its source (None: not content)."""
        text = os.path.abspath(path)
        for mount, root in zip(self._content_mounts, self._root_texts, strict=True):
            if text.startswith(root):
                parts = tuple(text[len(root) :].split(os.sep))
                if any(p.startswith(".") or p in NEVER_CONTENT for p in parts):
                    return None
                if (mount.includes or mount.excludes) and not mount.admits("/".join(parts)):
                    continue
                return mount, parts
        return None

    def relative_parts(self, path: AnyPath) -> tuple[str, ...] | None:
        found = self._locate(path)
        return found[1] if found else None

    def absent_mounts(self) -> tuple[tuple[str, str], ...]:
        found: list[tuple[str, str]] = []
        for mount in (*self._content_mounts, *static_mounts(self.root, self.config)):
            if mount.declared and not mount.source.exists():
                prefix = self._mount_prefix(mount)
                found.append((prefix, f"mounted from {_shown(mount.source, self.root)}, not in the checkout"))
        for target, module in module_content_targets(self.config):
            found.append(
                (
                    join_url(self.base_path, self._language_prefix(None), target),
                    f"mounted from module {module}",
                )
            )
        return tuple(found)

    def _mount_prefix(self, mount: Mount) -> str:
        language = mount.language if mount.component == "content" else None
        lead = self._language_prefix(language) if mount.component == "content" else ""
        return join_url(self.base_path, lead, mount.target)

    def url_roots(self) -> tuple[tuple[str, Path], ...]:
        pairs = [(self._mount_prefix(m), m.source) for m in self._content_mounts]
        pairs += [(self._mount_prefix(m), m.source) for m in static_mounts(self.root, self.config)]
        return tuple(pairs)

    # -- languages --------------------------------------------------------------------
    @cached_property
    def _languages(self) -> dict[str, dict[str, Any]]:
        return language_tables(self.config)

    @cached_property
    def _default_language(self) -> str:
        return (text_value(self.config, "defaultcontentlanguage") or "en").lower()

    @cached_property
    def _multihost(self) -> bool:
        return any(text_value(table, "baseurl") for table in self._languages.values())

    def languages(self) -> tuple[Language, ...]:
        return tuple(
            Language(
                key,
                self._language_prefix(key),
                key == self._default_language,
                host_of(text_value(t, "baseurl")),
            )
            for key, t in self._languages.items()
        )

    def _language_prefix(self, language: str | None) -> str:
        """`/<key>` for a language published in its own folder, else ""."""
        language = language or self._default_language
        if self._multihost or not self._languages:
            return ""
        in_subdir = self.config.get("defaultcontentlanguageinsubdir") is True
        return "" if language == self._default_language and not in_subdir else "/" + language

    def _split_language(self, name: str) -> tuple[str, str | None]:
        """`about.fr` -> ("about", "fr") when fr is a configured language."""
        stem, dot, suffix = name.rpartition(".")
        if dot and suffix.lower() in self._languages:
            return stem, suffix.lower()
        return name, None

    def language_of(self, path: Path, front_matter: Mapping[str, Any] | None = None) -> str | None:
        found = self._locate(path)
        if found is not None and found[0].language:
            return found[0].language
        suffixed = self._split_language(Path(path).stem)[1]
        if suffixed:
            return suffixed
        if self._languages or self.config.get("defaultcontentlanguage"):
            return self._default_language
        code = text_value(self.config, "languagecode")
        return code.lower() if code else None

    def namespace(self, language: str | None) -> str:
        return (language or self._default_language) if self._multihost else ""

    def translation_key(self, path: Path, front_matter: Mapping[str, Any] | None = None) -> str | None:
        declared = text_value(_lowered(front_matter), "translationkey")
        return declared or self._logical_path(path)

    def _logical_path(self, path: Path) -> str:
        """The page's path in Hugo's terms: below the content root, no extension or
        language, a bundle or section named by its folder ("/docs/setup")."""
        found = self._locate(path)
        if found is None:
            return "/" + Path(path).stem
        mount, parts = found
        stem = self._split_language(Path(parts[-1]).stem)[0]
        pieces = [*mount.target.split("/"), *parts[:-1]]
        if stem not in ("index", "_index"):
            pieces.append(stem)
        return "/" + "/".join(p for p in pieces if p).lower()

    # -- publication ------------------------------------------------------------------
    def publication(self, path: Path, front_matter: Mapping[str, Any] | None = None) -> Publication:
        own = _lowered(front_matter)
        cascaded = self._cascade(path)
        values = {**cascaded, **own}

        def why(key: str, text: str) -> str:
            return text if key in own else f"{text} (cascade from {cascaded['__from__']})"

        withheld: str | None = None
        build = _lowered(values.get("build") or values.get("_build"))
        build_key = "build" if "build" in values else "_build"
        render, listing = str(build.get("render", "")).lower(), str(build.get("list", "")).lower()
        if true_flag(values.get("draft")) and self.config.get("builddrafts") is not True:
            withheld = why("draft", "draft: true")
        elif values.get("published") is False:
            withheld = why("published", "published: false")
        elif render in ("never", "false"):
            withheld = why(build_key, "build.render: never")
        elif render == "link":
            withheld = why(build_key, "build.render: link (no page is written)")
        elif true_flag(own.get("headless")):
            withheld = "headless bundle"
        else:
            withheld = self._bundle_resource(path)
        publish = expiry = None
        if self.config.get("buildfuture") is not True:
            publish = next(
                (d for k in ("publishdate", "pubdate", "published", "date") if (d := date_of(values.get(k)))),
                None,
            )
        if self.config.get("buildexpired") is not True:
            expiry = date_of(values.get("expirydate")) or date_of(values.get("unpublishdate"))
        listed = listing not in ("never", "false", "local") and not true_flag(own.get("headless"))
        return Publication(withheld, publish, expiry, listed)

    def _bundle_resource(self, path: Path) -> str | None:
        """Why a content file inside a leaf bundle is a resource of it, not a page."""
        found = self._locate(path)
        if found is None or Path(path).stem.split(".")[0] == "index":
            return None
        mount, parts = found
        folder = mount.source
        for part in parts[:-1]:
            folder = folder / part
            if self._leaf_bundle(folder):
                return f"a resource of the leaf bundle {_shown(folder, self.root)}/index.md, not a page"
        return None

    def _leaf_bundle(self, folder: Path) -> bool:
        memo = self._memo.setdefault("leaf", {})
        if folder not in memo:
            memo[folder] = any(
                (folder / f"index{suffix}").is_file() for suffix in (".md", ".html", ".markdown")
            )
        return bool(memo[folder])

    @cached_property
    def _memo(self) -> dict[str, dict[Any, Any]]:
        return {}

    def _cascade(self, path: Path) -> dict[str, Any]:
        """Front matter the page gets from `cascade` tables above it (site config, then each
        ancestor section, the closest last), with "__from__" naming the last source."""
        found = self._locate(path)
        if found is None:
            return {}
        mount, parts = found
        language = self.language_of(path)
        logical = self._logical_path(path)
        kind = (
            ("home" if logical == "/" else "section") if Path(path).stem.split(".")[0] == "_index" else "page"
        )
        merged: dict[str, Any] = {}
        sources: list[tuple[str, Any]] = [("the site config", self.config.get("cascade"))]
        folder = mount.source
        chain = [folder]
        for part in parts[:-1]:
            folder = folder / part
            chain.append(folder)
        own_section = Path(path).stem.split(".")[0] == "_index"
        for index, section in enumerate(chain):
            if own_section and index == len(chain) - 1:
                break  # a section's own cascade is for the pages below it
            sources.append(self._section_cascade(section, language))
        for origin, cascade in sources:
            for entry in _cascade_entries(cascade):
                target = _lowered(entry.get("_target") or entry.get("target"))
                if _targets(target, logical, kind, language):
                    merged.update({k: v for k, v in entry.items() if k not in ("_target", "target")})
                    merged["__from__"] = origin
        return merged

    def _section_cascade(self, folder: Path, language: str | None) -> tuple[str, Any]:
        memo = self._memo.setdefault("cascade", {})
        key = (folder, language)
        if key not in memo:
            names = [f"_index.{language}{s}" for s in (".md", ".html")] if language else []
            names += ["_index.md", "_index.html", "_index.markdown"]
            memo[key] = ("", None)
            for name in names:
                text = read_site_text(folder / name)
                if text is None:
                    continue
                cascade = _lowered(self.front_matter_of(text)).get("cascade")
                memo[key] = (_shown(folder / name, self.root), cascade)
                break
        return memo[key]  # type: ignore[no-any-return]

    def cache_inputs(self) -> object:
        """Every section's `cascade`: a change there changes the pages below it."""
        found = []
        for root in self.content_roots():  # only section files: no need to list every page
            for folder, dirs, names in os.walk(root):
                dirs.sort()
                for name in sorted(n for n in names if n.startswith("_index.")):
                    text = read_site_text(Path(folder, name)) or ""
                    if "cascade" in text.lower():
                        cascade = _lowered(self.front_matter_of(text)).get("cascade")
                        found.append((os.path.join(folder, name), cascade))
        return found

    # -- navigation -------------------------------------------------------------------
    def listed(self, path: Path, front_matter: Mapping[str, Any] | None = None) -> str | None:
        own = _lowered(front_matter)
        if own.get("menu") or own.get("menus"):
            return "a menu entry in its front matter"
        if not self.publication(path, front_matter).listed:
            return None
        section = self._logical_path(path).strip("/").rpartition("/")[0]
        if section:
            return f"the list page of /{section}/"
        if self._docsy:
            return "Docsy's sidebar"
        return None

    @cached_property
    def _docsy(self) -> bool:
        """Whether the site uses Docsy, whose sidebar lists every page of the docs tree."""
        imports = [str(_lowered(i).get("path", "")) for i in dig(self.config, "module", "imports") or []]
        themes = string_list(self.config.get("theme"))
        return any("docsy" in name.lower() for name in (*imports, *themes))

    def navigation_urls(self) -> frozenset[str]:
        entries = [e for table in self._menu_tables for menu in table.values() for e in _as_list(menu)]
        return frozenset(url_key(join_url(self.base_path, url)) for url in _menu_targets(entries))

    @cached_property
    def _menu_tables(self) -> list[dict[str, Any]]:
        """The config's menus, each a table of menu name to entries (the root's, each language's)."""
        tables = [self.config.get("menus"), self.config.get("menu")]
        tables += [t.get("menus") or t.get("menu") for t in self._languages.values()]
        return [t for t in tables if isinstance(t, dict)]

    def main_menu(self, path: Path, front_matter: Mapping[str, Any] | None, url: str | None) -> str | None:
        """Hugo's menu named `main` (the one themes draw as the navigation bar): an entry in
        the page's front matter, or one in the config that links its URL."""
        own = _lowered(front_matter)
        for key in ("menu", "menus"):
            names = own.get(key)
            if names == "main" or (isinstance(names, (list, dict)) and "main" in names):
                return f"its front matter puts it in the `main` menu (`{key}`)"
        if url is not None and url_key(url) in self._main_menu_urls:
            return "the config's `main` menu links it"
        return None

    @cached_property
    def _main_menu_urls(self) -> frozenset[str]:
        entries = [e for table in self._menu_tables for e in _as_list(_lowered(table).get("main"))]
        return frozenset(url_key(join_url(self.base_path, url)) for url in _menu_targets(entries))

    # -- title level ------------------------------------------------------------------
    def page_kind(self, path: Path, front_matter: Mapping[str, Any] | None = None) -> KindGuess:
        """`_index` is the home page (a landing page) at a language's root, a list page
        below it; other pages by seolint.document.kinds, with what their sections `cascade`."""
        if Path(path).stem.split(".")[0] == "_index":
            if self._logical_path(path) == "/":
                return KindGuess("landing", f"{Path(path).name} is the home page")
            return KindGuess("list", f"{Path(path).name} is a section page: the template lists its pages")
        return self.infer_kind(_lowered(front_matter), self._place(path)[2], self._cascade(path))

    def title_heading_level(
        self, path: Path | None = None, front_matter: Mapping[str, Any] | None = None
    ) -> int | None:
        """The level Hugo's page template renders the title at: the first template in
        Hugo's lookup order (the page's `type`, else its section; its `layout`), 0 when
        that template, and the partials it calls, write no title at all."""
        folders_to_page = self._place(path)[2] if path else []
        own = _lowered(front_matter)
        page_type = text_value(own, "type")
        section = [page_type] if page_type else folders_to_page[:1]
        is_list = path is not None and Path(path).stem.split(".")[0] == "_index"
        kinds: tuple[str, ...] = ("list.html", "section.html") if is_list else ("single.html", "page.html")
        layout = text_value(own, "layout")
        if layout:
            kinds = (f"{layout}.html", *kinds)
        names = [f"{s}/{kind}" for s in section for kind in kinds]
        names += [f"_default/{kind}" for kind in kinds] + list(kinds)
        if is_list and not folders_to_page and self._home_shows_no_title():
            return 0
        chosen = self._first_template(names)
        if chosen is None:
            return None
        level = heading_level_around(chosen, _TITLE)
        if level is None and self._shows_no_title(chosen) and self._frame_shows_no_title(section):
            return 0
        return level

    def _first_template(self, names: Iterable[str]) -> str | None:
        """The text of the first of `names` in Hugo's lookup: name by name, the project's
        layouts before a theme's."""
        found = (read_site_text(folder / name) for name in names for folder in self._layout_folders)
        return next((text for text in found if text is not None), None)

    def _frame_shows_no_title(self, section: list[str]) -> bool:
        """Whether the base template a page's blocks fill (`baseof.html`) puts no title in a
        heading. A base template the checkout lacks (a theme module's) is taken to be the
        site's chrome, which names the site, not the page."""
        frame = self._first_template([*(f"{s}/baseof.html" for s in section), "_default/baseof.html"])
        return frame is None or heading_level_around(frame, _TITLE) is None

    @cached_property
    def _layout_folders(self) -> list[Path]:
        themes = string_list(self.config.get("theme"))
        return [self.root / "layouts", *(self.root / "themes" / name / "layouts" for name in themes)]

    def _home_shows_no_title(self) -> bool:
        """Whether the home page's own template (Hugo looks for it before any list template)
        writes no title."""
        home = self._first_template(_HOME_TEMPLATES)
        return home is not None and self._shows_no_title(home)

    def _shows_no_title(self, template: str, depth: int = 0) -> bool:
        """Whether `template` writes neither the page's title nor a block or template that
        could, and each partial it calls by name (found in the layouts, followed five calls
        deep) writes none either."""
        if _TITLE.search(template) or _DELEGATES_ELSEWHERE.search(template):
            return False
        if _UNNAMED_PARTIAL.search(template):
            return False
        for name in _PARTIAL.findall(template):
            partial = self._first_template([f"partials/{name}"])
            if partial is None or depth >= _PARTIAL_DEPTH or not self._shows_no_title(partial, depth + 1):
                return False
        return True

    # -- the head ---------------------------------------------------------------------
    @cached_property
    def _head(self) -> HugoHead:
        from seolint.site.hugo_head import HugoHead  # its template reader, only for sites

        return HugoHead(self.root, self.config)

    def page_head(self, path: Path, front_matter: Mapping[str, Any]) -> PageHead:
        from seolint.site.hugo_head import page_context

        fm = {str(k).lower(): v for k, v in front_matter.items()}
        kind, folders = self._head_place(path)
        language = (self.language_of(path) if self._languages else None) or self._default_language

        def read(with_description: bool) -> HeadReading:
            context = page_context(
                fm,
                kind,
                folders[-1] if folders else "",
                *self._site_text(language),
                language,
                with_description,
            )
            return self._head.reading(context, kind, _lookup_folders(fm, folders))

        return page_head(read, bool(text_value(fm, "description")), text_value(fm, "title"))

    def head_examples(self) -> list[tuple[str, tuple[HeadReading, HeadReading]]]:
        from seolint.site.hugo_head import page_context

        language = self._default_language
        title, params = self._site_text(language)
        examples = []
        kinds: tuple[tuple[str, HugoKind], ...] = (
            ("regular page", "page"),
            ("section", "section"),
            ("home", "home"),
        )
        for label, kind in kinds:
            folders = ["docs"] if kind != "home" else []
            readings = tuple(
                self._head.reading(
                    page_context({"title": "x"}, kind, "docs", title, params, language, with_description),
                    kind,
                    folders,
                )
                for with_description in (True, False)
            )
            examples.append((label, (readings[0], readings[1])))
        return examples

    def fingerprint_files(self) -> list[Path]:
        return [self.root / "go.mod"]  # the version of a theme module (Docsy) decides descriptions

    def _head_place(self, path: Path) -> tuple[HugoKind, list[str]]:
        """The page's kind as Hugo's templates see it, and its folders below the content root."""
        parts = self.relative_parts(path)
        folders = list(parts[:-1]) if parts else []
        if Path(path).stem.split(".")[0] != "_index":
            return "page", folders
        return ("section" if folders else "home"), folders

    def _site_text(self, language: str) -> tuple[str, dict[str, Any]]:
        """The site title and params in `language` (its own settings over the root ones)."""
        settings = self._languages.get(language, {})
        title = text_value(settings, "title") or text_value(self.config, "title") or ""
        params = dict(self.config.get("params") or {}) if isinstance(self.config.get("params"), dict) else {}
        own = settings.get("params")
        if isinstance(own, dict):
            params.update(own)
        return title, params

    # -- URLs -------------------------------------------------------------------------
    def _place(self, path: Path) -> tuple[Mount | None, str, list[str]]:
        """(mount, URL prefix, folders from the content root to the file)."""
        found = self._locate(path)
        if found is None:
            path = absolute(path)
            inside = path.is_relative_to(self.root)
            return None, "", list(path.relative_to(self.root).parts[:-1]) if inside else []
        mount, parts = found
        return mount, mount.target, [*(p for p in mount.target.split("/") if p), *parts[:-1]]

    def url_for(self, path: Path, front_matter: Mapping[str, Any] | None = None) -> list[str]:
        fm = front_matter or {}
        path = absolute(path)
        _, _, folders = self._place(path)
        language = self.language_of(path, fm) if self._languages else None
        lead = self._language_prefix(language)
        stem = self._split_language(path.stem)[0]
        is_section = stem == "_index"
        if stem == "index" and folders:  # a leaf bundle is named after its folder
            stem, folders = folders[-1], folders[:-1]
        lower = not bool(self.config.get("disablepathtolower"))
        explicit = text_value(fm, "url")
        if explicit:
            primary = explicit if explicit.startswith("/") else join_url(lead, explicit)
            if explicit.endswith("/") and not primary.endswith("/"):
                primary += "/"
        elif is_section:
            pattern = self._pattern("section", folders)
            primary = (
                join_url(lead, self._expand(pattern, fm, folders, stem, lower))
                if pattern
                else join_url(lead, *(hugo_path(f, lower) for f in folders), "/")
            )
        else:
            pattern = self._pattern("page", folders)
            if pattern:
                primary = join_url(lead, self._expand(pattern, fm, folders, stem, lower))
                primary += "/" if pattern.endswith("/") and not primary.endswith("/") else ""
            else:
                name = hugo_path(text_value(fm, "slug") or stem, lower)
                if self.config.get("uglyurls") is True:
                    primary = join_url(lead, *(hugo_path(f, lower) for f in folders), name + ".html")
                else:
                    primary = join_url(lead, *(hugo_path(f, lower) for f in folders), name, "/")
        folder_url = join_url(lead, *folders, "/")
        aliases = [
            join_url(lead, a) if a.startswith("/") else join_url(folder_url, a)
            for a in string_list(fm.get("aliases"))
        ]
        base = self._base_path(language)
        return [join_url(base, url) if base else url for url in [primary, *aliases]]

    def _base_path(self, language: str | None) -> str:
        if self._multihost and language:
            return base_path_of(text_value(self._languages.get(language, {}), "baseurl"))
        return self.base_path

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
        regions = hugo_regions(text)
        if self._own_figure:
            return regions
        return [_caption_as_alt(r) if r.kind == "image" and r.name == "figure" else r for r in regions]

    @cached_property
    def _own_figure(self) -> bool:
        """Whether the site or a theme in the repository replaces Hugo's `figure` shortcode."""
        folders = [
            self.root / "layouts",
            *(self.root / "themes" / t / "layouts" for t in string_list(self.config.get("theme"))),
        ]
        return any(
            (folder / kind / "figure.html").is_file()
            for folder in folders
            for kind in ("shortcodes", "_shortcodes")
        )

    def resolve_link(self, target: str, from_path: Path, syntax: LinkSyntax = "url") -> LinkTarget | None:
        if syntax not in ("ref", "relref"):
            if self._link_hook_finds_pages:
                looked_up = self._get_page(target, from_path)
                if looked_up is not None:
                    return looked_up
            return self._resolve_url(target, from_path)
        name, _, fragment = target.strip().partition("#")
        if not name:
            return LinkTarget(absolute(from_path), None, fragment or None)
        language = self.language_of(from_path) if self._languages else None
        bases = self._language_bases(language)
        if not name.startswith("/"):
            bases = [absolute(from_path).parent, *bases]
        for base in bases:
            found = self._page_in(base / name.strip("/"), language)
            if found:
                return LinkTarget(found, None, fragment or None)
        bare = name.strip("/")
        if "/" not in bare:  # a one-segment ref is also looked up by name across the site
            matches = [
                p
                for p in self.content_files()
                if bare in (p.name, p.stem) or (p.stem in ("index", "_index") and p.parent.name == bare)
            ]
            if language is not None:
                matches = [p for p in matches if self.language_of(p) == language] or matches
            if len(matches) == 1:
                return LinkTarget(matches[0], None, fragment or None)
        return LinkTarget(Path(os.path.normpath(bases[0] / name.strip("/"))), None, fragment or None)

    def _language_bases(self, language: str | None) -> list[Path]:
        """Content folders whose logical root holds the pages of `language`, in mount order."""
        bases: list[Path] = []
        for mount in self._content_mounts:
            if mount.language in (None, language) or language is None:
                bases.append(
                    mount.source / "/".join(".." for p in mount.target.split("/") if p)
                    if mount.target
                    else mount.source
                )
        return [Path(os.path.normpath(b)) for b in bases]

    def _page_in(self, candidate: Path, language: str | None) -> Path | None:
        """The page a logical path names within one content folder, in `language` when a
        translation sits beside it (`about.fr.md`). Looked up among the content files (no
        file system call: a site's links ask this thousands of times)."""
        pages = self._content_set
        text = os.path.normpath(candidate)
        options: list[str] = []
        if language and not os.path.splitext(text)[1]:
            options += [f"{text}.{language}.md", os.path.join(text, f"index.{language}.md")]
            options.append(os.path.join(text, f"_index.{language}.md"))
        if os.path.splitext(text)[1]:
            options.append(text)
        options += [text + ".md", os.path.join(text, "index.md"), os.path.join(text, "_index.md")]
        options += [text + ".html", os.path.join(text, "_index.html"), os.path.join(text, "index.html")]
        if os.path.basename(text) in ("index.md", "_index.md"):  # `x/index.md` names the page x (0.123+)
            folder = os.path.dirname(text)
            options += [folder + ".md", folder + ".html"]
        found = next((o for o in options if o in pages), None)
        if found is None:
            return None
        if language and self._languages and self.language_of(Path(found)) != language:
            return None
        return Path(found)

    @cached_property
    def _content_set(self) -> frozenset[str]:
        return frozenset(self.content_locations())

    @cached_property
    def _link_hook_finds_pages(self) -> bool:
        """Whether plain Markdown links are rewritten to the page a content path names, as
        Hugo's embedded link render hook does on a multilingual single-host site (0.123+)
        and as a project hook calling `GetPage` does (hugo-fluxcd's)."""
        for folder in (
            self.root / "layouts",
            *(self.root / "themes" / t / "layouts" for t in string_list(self.config.get("theme"))),
        ):
            for name in ("_default/_markup/render-link.html", "_markup/render-link.html"):
                text = read_site_text(folder / name)
                if text is None:
                    continue
                return "GetPage" in text
        hooks = _lowered(dig(_lowered(dig(_lowered(self.config.get("markup")), "goldmark")), "renderhooks"))
        link = _lowered(hooks.get("link"))
        if (
            str(link.get("useembedded", "auto")).lower() in ("never", "false")
            or link.get("enabledefault") is False
        ):
            return False
        return len(self._languages) > 1 and not self._multihost

    def _get_page(self, target: str, from_path: Path) -> LinkTarget | None:
        """The page a link's destination names as a content path, looked up as `GetPage`
        does: beside the page, then from the content root, in the page's language."""
        written = target.strip()
        if written.startswith("<") and written.endswith(">"):
            written = written[1:-1]
        parts = urlsplit(written)
        if parts.scheme or parts.netloc or not parts.path:
            return None
        name = unquote(parts.path).rstrip("/")
        if not name or name in (".", ".."):
            return None
        language = self.language_of(from_path) if self._languages else None
        bases = self._language_bases(language)
        if not name.startswith("/"):
            bases = [absolute(from_path).parent, *bases]
        for base in bases:
            found = self._page_in(base / name.lstrip("/"), language)
            if found is not None:
                return LinkTarget(found, None, parts.fragment or None)
        for base in bases:  # GetPage finds a page the build writes before rendering
            missing = base / name.lstrip("/")
            files = (missing.with_name(missing.name + ".md"), missing / "index.md", missing / "_index.md")
            if any(self._build_times.for_path(f) for f in files):
                return LinkTarget(missing, None, parts.fragment or None)
        return None

    @cached_property
    def _build_times(self) -> BuildTime:
        return self.build_time()


def _lowered(mapping: Any) -> dict[str, Any]:
    """Front matter as Hugo reads it: keys without case."""
    return lowered(mapping) if mapping else {}


def _cascade_entries(cascade: Any) -> list[dict[str, Any]]:
    """A `cascade` value (one table or a list of them) as lower-cased tables."""
    tables = cascade if isinstance(cascade, list) else [cascade]
    return [lowered(t) for t in tables if isinstance(t, dict)]


def _targets(target: Mapping[str, Any], logical: str, kind: str, language: str | None) -> bool:
    """Whether a cascade's `target` (`_target`) page matcher matches a page."""
    if not target:
        return True
    pattern = text_value(target, "path")
    if pattern and not hugo_glob(pattern.lower()).fullmatch(logical):
        return False
    wanted_kind = text_value(target, "kind")
    if wanted_kind and not hugo_glob(wanted_kind.lower()).fullmatch("/" + kind):
        return False
    wanted_language = text_value(target, "lang")
    if wanted_language and language and not hugo_glob(wanted_language.lower()).fullmatch("/" + language):
        return False
    environment = text_value(target, "environment")
    return environment is None or hugo_glob(environment.lower()).fullmatch("/production") is not None


def _shown(path: Path, root: Path) -> str:
    try:
        return path.relative_to(root).as_posix()
    except ValueError:
        return str(path)


def _lookup_folders(front_matter: Mapping[str, Any], folders: list[str]) -> list[str]:
    """Layout folders for a page: its `type`, then its top-level section."""
    return list(dict.fromkeys(f for f in (text_value(front_matter, "type"), *folders[:1]) if f))


def _caption_as_alt(figure: Region) -> Region:
    """Hugo's own `figure` writes the caption as the image's alt when it has no `alt`
    (`alt="{{ with .Get "alt" }}...{{ else }}{{ .Get "caption" | markdownify | plainify }}"`)."""
    if figure.alt is not None or not figure.caption:
        return figure
    plain = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", figure.caption)
    return figure._replace(alt=re.sub(r"[*_`]", "", plain))


def _as_list(value: Any) -> list[Any]:
    return value if isinstance(value, list) else []


def _menu_targets(entries: Iterable[Any]) -> Iterator[str]:
    """The site paths menu entries link to (`url`, or `pageref` read as a path)."""
    for entry in entries:
        item = _lowered(entry) if isinstance(entry, dict) else {}
        target = text_value(item, "url") or text_value(item, "pageref")
        if target and target.startswith("/"):
            yield target
