"""Jekyll sites: detection, content, page kinds, the title's level, URLs and Liquid.

Rules implemented (jekyllrb.com "Permalinks", "Collections", "Posts", "Configuration"; the
placeholder tables are the site's own `_data/permalinks.yml`):
- The site is the folder of `_config.yml` (or `_config.toml`); `source` moves the source.
- Content: files with front matter in the source: posts (`_posts/`, also `<dir>/_posts/`),
  drafts (`_drafts/`), documents of configured collections (`_<name>/` under
  `collections_dir`) and pages (anywhere else). Never `_layouts`, `_includes`, `_sass`,
  `_data`, `_site` (the `destination`), other `_`/`.` folders, `vendor`, `node_modules`,
  Jekyll's default excludes, or the config's `exclude` (paths, folders or globs).
- Built: not `published: false`, not in `_drafts`, not dated in the future (unless
  `future`), and a post only from a file named `YYYY-MM-DD-title` (the post reader skips
  other names, unless a plugin in `_plugins` replaces the reader, as `no_date.rb` does).
- Page kinds: the home page (`index.*` at the root, or `permalink: /`) is "landing"; another
  `index.*` page, and any page or document with `pagination`/`paginate` front matter, lists
  posts: "list"; posts are read as in a `_posts` section, documents as in a section named
  after their collection (`_docs`: "docs"), pages by their folders (seolint.document.kinds).
- URL of a page: `permalink` front matter (placeholders :path :basename :output_ext), else
  `/:path/` for index pages, else `/:path/:basename` plus `/` (pretty styles) or
  `.html`. Posts: `permalink` front matter, else the posts collection's permalink, else the
  site `permalink` (a style name date/pretty/ordinal/weekdate/none, or a pattern) with
  :year :month :i_month :day :i_day :y_day :short_year :title :slug :categories
  :slugified_categories :output_ext; the date comes from `date` front matter, else the
  file name. Other collections with `output: true`: their `permalink`, else
  `/:collection/:path` plus the style's suffix; `output: false` and drafts publish
  nothing. `redirect_from` (jekyll-redirect-from) gives aliases; `baseurl` prefixes all.
- Title level: the layout chain from the page's `layout` (front matter, then `defaults`
  for its path/type, then `post`/`page`), each layout's own `layout`, then `default`;
  the first `<hN>` holding `page.title` wins.
"""

from __future__ import annotations

import datetime as dt
import fnmatch
import os
import re
from collections.abc import Iterator, Mapping
from functools import cached_property
from pathlib import Path, PurePosixPath
from typing import TYPE_CHECKING, Any, ClassVar
from urllib.parse import quote

from seolint.document.kinds import KindGuess
from seolint.site.adapter import AnyPath, Language, LinkSyntax, LinkTarget, Region, Site, join_url, walk_names
from seolint.site.configs import (
    front_matter_of,
    has_front_matter,
    read_config,
    read_data,
    string_list,
    text_value,
)
from seolint.site.dates import DATE_PREFIX, date_of, split_date_prefix
from seolint.site.head import HeadReading, PageHead, page_head
from seolint.site.kramdown import kramdown_regions
from seolint.site.liquid import liquid_regions
from seolint.site.paths import absolute, url_key
from seolint.site.publication import Publication
from seolint.site.reads import read_site_text
from seolint.site.scan import outermost
from seolint.site.slugs import jekyll_slugify
from seolint.site.titles import heading_level_around

if TYPE_CHECKING:  # the head reader is imported when a page's head is read
    from seolint.site.jekyll_head import JekyllHead

CONFIG_NAMES = ("_config.yml", "_config.yaml", "_config.toml")
STYLES = {
    "date": "/:categories/:year/:month/:day/:title:output_ext",
    "pretty": "/:categories/:year/:month/:day/:title/",
    "ordinal": "/:categories/:year/:y_day/:title:output_ext",
    "weekdate": "/:categories/:year/W:week/:short_day/:title:output_ext",
    "none": "/:categories/:title:output_ext",
}
DEFAULT_EXCLUDE = (
    ".sass-cache",
    ".jekyll-cache",
    "gemfiles",
    "Gemfile",
    "Gemfile.lock",
    "node_modules",
    "vendor",
)
_H1 = re.compile(r"<h1\b", re.IGNORECASE)
# Liquid tags that open (group 1) or close a block whose content may not be written
_LIQUID_BLOCK = re.compile(
    r"\{%-?\s*(?:(if|unless|case|for|capture|comment)|end(?:if|unless|case|for|capture|comment))\b"
)
_TITLE = re.compile(r"\{\{[^{}]{0,300}\bpage\.title\b[^{}]{0,300}\}\}")
# Data files a theme's navigation bar is drawn from, by the names themes give them.
_MAIN_MENU_DATA = re.compile(
    r"(?:(?:main|primary|top|site|header)[-_]?)?(?:nav|navigation|menus?|navbar)\.(?:ya?ml|json)",
    re.IGNORECASE,
)
_MAIN_MENU_KEYS = frozenset({"main", "primary", "header", "navbar", "top"})
_LOOP = re.compile(r"\{%-?\s*for\s+\w+\s+in\s+(?:site|paginator)\.(\w+)")
# `{% assign steps = site.docs | where_exp: "d", "d.url contains '/step-by-step/'" %}` and a
# loop over `steps`: the collection's pages whose URL holds the text are listed.
_ASSIGNED = re.compile(r"\{%-?\s*assign\s+(\w+)\s*=\s*site\.(\w+)\s*([^%]{0,300})-?%\}")
_URL_CONTAINS = re.compile(
    r"""^\|\s*where_exp:\s*["'](\w+)["']\s*,\s*["']\1\.url\s+contains\s+'([^'"]{1,200})'["']\s*$"""
)
# Jekyll's Document::DATE_FILENAME_MATCHER, the names its post reader takes from `_posts`.
_POST_FILE_NAME = re.compile(r"\d{2,4}-\d{1,2}-\d{1,2}-[^/]*\.[^.]+")
_TOKEN = re.compile(r":([a-z_]{2,30})")
# A link a layout or include writes to a fixed page: `href="/news/"` or
# `href="{{ '/news/releases/' | relative_url }}"`: site navigation, on every page that uses it.
_TEMPLATE_LINK = re.compile(
    r"""href=["'](?:(/[^"'{}\s<>]{0,300})|\{\{\s*["'](/[^"'{}\s]{0,300})["']\s*\|\s*(?:relative|absolute)_url\s*\}\})["']"""
)


def detect(folder: Path, forced: bool = False) -> JekyllSite | None:
    for name in CONFIG_NAMES:
        if (folder / name).is_file():
            config = read_config(folder / name)
            url = text_value(config, "url") or ""
            base = text_value(config, "baseurl") or ""
            return JekyllSite(
                "jekyll", absolute(folder), f"{name} at the site root", config, (url + base) or None
            )
    return None


def _layout_chain(layouts: Path, name: str) -> Iterator[tuple[str, str]]:
    """The layout `name` and the layouts it sits in (its front matter's `layout`), with their text."""
    seen: set[str] = set()
    current: str | None = name
    while current and current not in seen and len(seen) < 8:
        seen.add(current)
        text = read_site_text(layouts / f"{current}.html")
        if text is None:
            return
        yield current, text
        current = text_value(front_matter_of(text), "layout")


def writes_own_h1(template: str) -> bool:
    """Whether a layout writes an `<h1>` wherever it is used: one inside a Liquid block
    (`if`, `unless`, `case`, `for`, `capture`, `comment`) may not be written."""
    h1 = _H1.search(template)
    if h1 is None:
        return False
    depth = 0
    for tag in _LIQUID_BLOCK.finditer(template, 0, h1.start()):
        depth += 1 if tag.group(1) else -1
    return depth <= 0


class JekyllSite(Site):
    navigation_read: ClassVar[str] = (
        "`_data` files, loops over `site.posts` and collections (kept by a URL text or whole)"
    )

    # -- languages (jekyll-polyglot's `languages`/`default_lang`, else a `lang` key) ----
    @cached_property
    def _polyglot(self) -> tuple[str, tuple[str, ...]] | None:
        languages = [str(code).lower() for code in string_list(self.config.get("languages"))]
        default = (text_value(self.config, "default_lang") or "").lower()
        return (default or languages[0], tuple(languages)) if languages else None

    def languages(self) -> tuple[Language, ...]:
        if self._polyglot is None:
            return ()
        default, codes = self._polyglot
        return tuple(Language(code, "" if code == default else "/" + code, code == default) for code in codes)

    def language_of(self, path: Path, front_matter: Mapping[str, Any] | None = None) -> str | None:
        fm = front_matter or {}
        declared = text_value(fm, "lang") or text_value(fm, "language")
        if declared:
            return declared.lower()
        if self._polyglot is not None:
            return self._polyglot[0]
        site = text_value(self.config, "lang")
        return site.lower() if site else None

    def translation_key(self, path: Path, front_matter: Mapping[str, Any] | None = None) -> str | None:
        fm = front_matter or {}
        declared = text_value(fm, "translation_key") or text_value(fm, "ref")
        if declared or self._polyglot is None:
            return declared
        return self._unprefixed_url(path, fm)

    # -- publication and navigation ---------------------------------------------------
    def publication(self, path: Path, front_matter: Mapping[str, Any] | None = None) -> Publication:
        fm = front_matter or {}
        where = self._where(path)
        if fm.get("published") is False:
            return Publication("published: false")
        if where is not None and where[0] == "drafts":
            return Publication("in _drafts (built only with --drafts)")
        if where is not None and where[0] == "posts" and not self._builds_post_named(path.name):
            return Publication("the file name has no date: Jekyll builds posts named YYYY-MM-DD-title")
        if where is None or where[0] == "page" or self.config.get("future") is True:
            return Publication()
        if self._collections.get(where[0], {}).get("future") is True:
            return Publication()
        file_date = split_date_prefix(where[1].stem)[0] if where[0] == "posts" else None
        return Publication(publish_date=date_of(fm.get("date")) or file_date)

    def _builds_post_named(self, name: str) -> bool:
        """Jekyll's post reader skips a file in `_posts` whose name does not start with a
        date, unless a plugin of the site's replaces the reader (a common `no_date.rb`)."""
        return bool(_POST_FILE_NAME.fullmatch(name)) or self._plugin_reads_posts

    @cached_property
    def _plugin_reads_posts(self) -> bool:
        folder = self.source / (text_value(self.config, "plugins_dir") or "_plugins")
        plugins = (Path(f, n) for f, n in walk_names(folder) if n.endswith(".rb"))
        return any("read_posts" in (read_site_text(path) or "") for path in plugins)

    def navigated(self, path: Path) -> str | None:
        where = self._where(path)
        if where is None or where[0] in ("page", "drafts"):
            return None
        loop = self._loops.get(where[0])
        if loop:
            return f"the loop over site.{where[0]} in {loop}"
        urls = self.url_for(path)
        for holding, found_in in self._filtered_loops.get(where[0], ()):
            if any(holding in url for url in urls):
                return f"the loop over site.{where[0]} whose URL contains {holding!r} in {found_in}"
        if where[1].stem in self._data_values:
            return "a `_data` file naming it"
        return None

    @cached_property
    def _layout_texts(self) -> list[tuple[Path, str]]:
        """Layouts and includes with their text, each read once: the site's chrome."""
        folders = [self.source / "_layouts", self.source / "_includes"]
        paths = (Path(f, n) for folder in folders for f, n in walk_names(folder))
        return [(path, text) for path in paths if (text := read_site_text(path)) is not None]

    @cached_property
    def _template_texts(self) -> list[tuple[Path, str]]:
        """Layouts, includes and pages with their text: the files whose Liquid may list other pages."""
        pages = (p for p in self.content_files() if (w := self._where(p)) is not None and w[0] == "page")
        return self._layout_texts + [
            (path, text) for path in pages if (text := read_site_text(path)) is not None
        ]

    @cached_property
    def _loops(self) -> dict[str, str]:
        """Collections some layout, include or page loops over, with where (the first)."""
        found: dict[str, str] = {}
        for path, text in self._template_texts:
            for name in _LOOP.findall(text):
                found.setdefault(name, path.relative_to(self.source).as_posix())
        return found

    @cached_property
    def _filtered_loops(self) -> dict[str, list[tuple[str, str]]]:
        """Collections some template loops over after keeping the pages whose URL contains a
        text: (the text, where) by collection. Other filters say nothing seolint can follow."""
        found: dict[str, list[tuple[str, str]]] = {}
        for path, text in self._template_texts:
            if "assign" not in text:
                continue
            for variable, collection, filters in _ASSIGNED.findall(text):
                kept = _URL_CONTAINS.match(filters.strip().removesuffix("-").strip())
                looped = re.search(rf"\{{%-?\s*for\s+\w+\s+in\s+{variable}\b", text)
                if kept and looped:
                    found.setdefault(collection, []).append(
                        (kept.group(2), path.relative_to(self.source).as_posix())
                    )
        return found

    @cached_property
    def _data_values(self) -> frozenset[str]:
        """Every string in the `_data` files (navigation lists name pages by URL or slug)."""
        found: set[str] = set()
        for folder, name in walk_names(self.source / (text_value(self.config, "data_dir") or "_data")):
            if name.endswith((".yml", ".yaml", ".json")):
                _strings_in(read_data(Path(folder, name)), found)
        return frozenset(found)

    def main_menu(self, path: Path, front_matter: Mapping[str, Any] | None, url: str | None) -> str | None:
        """The data file themes draw the navigation bar from (`_data/navigation.yml`'s `main`
        list, `primary_nav.yml`, `menu.yml`; not a docs sidebar's), when it links the page."""
        if url is None:
            return None
        key = url_key(url)
        for found_in, urls in self._main_menu_data.items():
            if key in urls:
                return f"{found_in} (the main navigation) links it"
        return None

    @cached_property
    def _main_menu_data(self) -> dict[str, frozenset[str]]:
        found: dict[str, frozenset[str]] = {}
        for data in self._main_menu_files:
            value = read_data(data)
            if isinstance(value, dict):  # Minimal Mistakes' navigation.yml: `main`, then sidebars
                value = [v for k, v in value.items() if str(k).lower() in _MAIN_MENU_KEYS]
            strings: set[str] = set()
            _strings_in(value, strings)
            urls = [v for v in strings if v.startswith("/")]
            keys = {url_key(u) for u in urls} | {url_key(join_url(self.base_path, u)) for u in urls}
            found[data.relative_to(self.source).as_posix()] = frozenset(keys)
        return found

    def fingerprint_files(self) -> list[Path]:
        """The main navigation's data files: which pages it links decides M003's findings."""
        return list(self._main_menu_files)

    @cached_property
    def _main_menu_files(self) -> tuple[Path, ...]:
        folder = self.source / (text_value(self.config, "data_dir") or "_data")
        names = sorted(os.listdir(folder)) if folder.is_dir() else []
        return tuple(folder / name for name in names if _MAIN_MENU_DATA.fullmatch(name))

    def navigation_urls(self) -> frozenset[str]:
        data = (url_key(v) for v in self._data_values if v.startswith("/"))
        return frozenset((*data, *(url_key(u) for u in self._template_links)))

    @cached_property
    def _template_links(self) -> frozenset[str]:
        """The fixed pages layouts and includes link to (their navigation and footers)."""
        found: set[str] = set()
        for _path, text in self._layout_texts:
            if "href" in text:
                for plain, filtered in _TEMPLATE_LINK.findall(text):  # the filters add the base path
                    found.add(plain or (join_url(self.base_path, filtered) if self.base_path else filtered))
        return frozenset(found)

    # -- layout of the source ---------------------------------------------------------
    @cached_property
    def source(self) -> Path:
        return absolute(self.root / (text_value(self.config, "source") or "."))

    @cached_property
    def _collections(self) -> dict[str, dict[str, Any]]:
        raw = self.config.get("collections") or {}
        collections: dict[str, dict[str, Any]] = (
            {name: dict(meta) if isinstance(meta, dict) else {} for name, meta in raw.items()}
            if isinstance(raw, dict)
            else {str(name): {} for name in raw if isinstance(name, str)}
        )
        style = str(self.config.get("permalink") or "date")
        posts = collections.setdefault("posts", {"output": True})
        posts.setdefault("output", True)
        posts.setdefault("permalink", STYLES.get(style, style))
        return collections

    @cached_property
    def _collections_dir(self) -> Path:
        return self.source / (text_value(self.config, "collections_dir") or "")

    def content_roots(self) -> tuple[Path, ...]:
        return (self.source,)

    def static_roots(self) -> tuple[Path, ...]:
        return (self.source,)  # every file without front matter is copied as it is

    def _where(self, path: AnyPath) -> tuple[str, PurePosixPath] | None:
        """("page" | collection name | "drafts", path inside it) for content, else None."""
        parts = self.relative_parts(path)
        if parts is None or self._excluded("/".join(parts)):
            return None
        placed = self._place(parts)
        return (placed[0], PurePosixPath(*placed[1])) if placed else None

    def _place(self, parts: tuple[str, ...]) -> tuple[str, tuple[str, ...]] | None:
        folders = parts[:-1]
        for index, folder in enumerate(folders):
            if folder in ("_posts", "_drafts"):
                if any(f.startswith(("_", ".")) for f in folders[:index]):
                    return None
                return ("posts" if folder == "_posts" else "drafts"), parts[index + 1 :]
        prefix = self._collections_prefix
        inside = parts[len(prefix) :] if parts[: len(prefix)] == prefix else ()
        if len(inside) > 1 and inside[0].startswith("_") and inside[0][1:] in self._collections:
            return inside[0][1:], inside[1:]
        if any(p.startswith(("_", ".")) for p in parts):
            return None
        return "page", parts

    @cached_property
    def _collections_prefix(self) -> tuple[str, ...]:
        folder = text_value(self.config, "collections_dir") or ""
        return tuple(p for p in folder.strip("/").split("/") if p)

    @cached_property
    def _exclude_patterns(self) -> tuple[tuple[str, str, bool], ...]:
        """(path, pattern, is a glob) for Jekyll's and the config's excludes."""
        destination = text_value(self.config, "destination") or "_site"
        patterns = (*DEFAULT_EXCLUDE, destination, *string_list(self.config.get("exclude")))
        return tuple((p.strip("/"), p, any(c in p for c in "*?[")) for p in patterns)

    def _excluded(self, relative: str) -> bool:
        return any(
            relative == bare
            or relative.startswith(bare + "/")
            or (glob and fnmatch.fnmatch(relative, pattern))
            for bare, pattern, glob in self._exclude_patterns
        )

    def is_content(self, path: AnyPath) -> bool:
        """Jekyll renders a page or a collection's document only when it opens with front
        matter (else it copies the file as it is); its post reader renders every post and
        draft, front matter or not."""
        where = self._where(path)
        return (
            os.path.splitext(path)[1].lower() in self.suffixes
            and where is not None
            and (where[0] in ("posts", "drafts") or has_front_matter(Path(path)))
        )

    def dates_by_name(self, path: Path) -> bool:
        where = self._where(path)
        return where is not None and where[0] in ("posts", "drafts") and bool(DATE_PREFIX.match(path.stem))

    def section_of(self, path: Path, url: str | None) -> str | None:
        """Posts with posts and each collection's documents with each other, pages with
        pages, whatever their permalinks say; a collection's `index` is its home page."""
        where = self._where(path)
        if where is None or (where[0] != "page" and path.stem == "index"):
            return None
        return where[0]

    def publishes_from(self, path: Path) -> bool:
        where = self._where(path)
        return where is not None and where[0] != "drafts" and self.is_content(path)

    def page_kind(self, path: Path, front_matter: Mapping[str, Any] | None = None) -> KindGuess:
        """Paginated pages, redirect stubs and folder indexes are lists, the home page a
        landing page; posts and collection documents are read as in the section named
        after their collection (`_posts`, `_docs`), pages as in their folders."""
        fm = front_matter or {}
        if fm.get("pagination") or fm.get("paginate"):
            return KindGuess("list", "it is paginated: the template lists other pages")
        if fm.get("redirect_to"):
            return KindGuess("list", "`redirect_to`: a redirect stub, no article in it")
        where = self._where(path)
        if where is None:
            return self.infer_kind(fm, [])
        collection, inner = where
        if collection == "page":
            if fm.get("permalink") == "/" or (Path(path).stem == "index" and len(inner.parts) == 1):
                return KindGuess("landing", "the home page")
            if Path(path).stem == "index":
                return KindGuess("list", f"{inner} indexes its folder")
            return self.infer_kind(fm, list(inner.parts[:-1]))
        return self.infer_kind(fm, [f"_{collection}", *inner.parts[:-1]])

    @property
    def site_title(self) -> str | None:
        """`title`, else `name` (which jekyll-seo-tag uses the same way)."""
        return text_value(self.config, "title") or text_value(self.config, "name")

    # -- title level --------------------------------------------------------------------
    def title_heading_level(
        self, path: Path | None = None, front_matter: Mapping[str, Any] | None = None
    ) -> int | None:
        where = self._where(path) if path else None
        names = self._layout_names(where, front_matter or {})
        layouts = self.source / (text_value(self.config, "layouts_dir") or "_layouts")
        for name in dict.fromkeys(names):
            level = self._level_in_chain(layouts, name)
            if level is not None:
                return level
        return None

    def _level_in_chain(self, layouts: Path, name: str) -> int | None:
        for _, text in _layout_chain(layouts, name):
            level = heading_level_around(text, _TITLE)
            if level is not None:
                return level
        return None

    def template_h1(self, path: Path, front_matter: Mapping[str, Any] | None) -> str | None:
        where = self._where(path)
        layouts = self.source / (text_value(self.config, "layouts_dir") or "_layouts")
        for name in dict.fromkeys(self._layout_names(where, front_matter or {})):
            for current, text in _layout_chain(layouts, name):
                if writes_own_h1(text):
                    return f"_layouts/{current}.html writes an <h1> on every page"
        return None

    def _default_layout(self, where: tuple[str, PurePosixPath]) -> str | None:
        kind = "pages" if where[0] == "page" else where[0]
        for entry in self.config.get("defaults") or []:
            scope, values = (
                (entry.get("scope") or {}, entry.get("values") or {}) if isinstance(entry, dict) else ({}, {})
            )
            if not isinstance(scope, dict) or not isinstance(values, dict):
                continue
            scope_type = scope.get("type")
            scope_path = str(scope.get("path") or "").strip("/")
            own = f"_{where[0]}" if where[0] != "page" else str(where[1].parent)
            matches_type = scope_type in (None, kind)
            if matches_type and own.startswith(scope_path) and values.get("layout"):
                return str(values["layout"])
        return None

    # -- the head ---------------------------------------------------------------------
    @cached_property
    def _head(self) -> JekyllHead:
        from seolint.site.jekyll_head import JekyllHead  # its template reader, only for sites

        return JekyllHead(self.source, self.config)

    def page_head(self, path: Path, front_matter: Mapping[str, Any]) -> PageHead:
        from seolint.site.jekyll_head import page_context, titleized

        where = self._where(path)
        if where is None:
            return PageHead()
        if text_value(front_matter, "redirect_to"):  # jekyll-redirect-from writes a redirect page
            return PageHead("Redirecting…", None, "none", False, title_at="jekyll-redirect-from")
        document = where[0] != "page"
        own = text_value(front_matter, "title")
        generated = None
        if own is None and document:
            generated = titleized(
                split_date_prefix(where[1].stem)[1] if where[0] == "posts" else where[1].stem
            )
        urls = self.url_for(path, front_matter)
        names = self._layout_names(where, front_matter)

        def read(with_description: bool) -> HeadReading:
            context = page_context(
                front_matter,
                own or generated,
                document,
                urls[0] if urls else "",
                with_description,
                self._excerpts(document),
            )
            return self._head.reading(names, context)

        head = page_head(read, bool(text_value(front_matter, "description")), own or generated)
        return head._replace(generated_title=generated)

    def head_examples(self) -> list[tuple[str, tuple[HeadReading, HeadReading]]]:
        from seolint.site.jekyll_head import page_context

        examples = []
        for label, where in (
            ("document (post, collection)", ("posts", PurePosixPath("x.md"))),
            ("page", ("page", PurePosixPath("x.md"))),
        ):
            names = self._layout_names(where, {})
            readings = tuple(
                self._head.reading(
                    names,
                    page_context(
                        {"title": "x"}, "x", where[0] != "page", "/x/", d, self._excerpts(where[0] != "page")
                    ),
                )
                for d in (True, False)
            )
            examples.append((label, (readings[0], readings[1])))
        return examples

    def _excerpts(self, document: bool) -> bool:
        """Whether such a page has an excerpt: documents unless `excerpt_separator` is
        empty; pages only with `page_excerpts`."""
        if self.config.get("excerpt_separator") == "":
            return False
        return document or self.config.get("page_excerpts") is True

    def _layout_names(
        self, where: tuple[str, PurePosixPath] | None, front_matter: Mapping[str, Any]
    ) -> list[str]:
        """The layout a page asks for (front matter, then `defaults`), else the usual names."""
        first = text_value(front_matter, "layout") or (self._default_layout(where) if where else None)
        return [first] if first else ["post" if where and where[0] == "posts" else "page", "default"]

    # -- URLs ---------------------------------------------------------------------------
    def url_for(self, path: Path, front_matter: Mapping[str, Any] | None = None) -> list[str]:
        urls = self._unprefixed_urls(path, front_matter)
        language = self.language_of(path, front_matter) if self._polyglot is not None else None
        if not urls or self._polyglot is None or language == self._polyglot[0]:
            return urls
        lead = "/" + (language or "")
        return [
            join_url(self.base_path, lead, u.removeprefix(self.base_path))
            + ("/" if u.endswith("/") and u != "/" else "")
            for u in urls
        ]

    def _unprefixed_url(self, path: Path, front_matter: Mapping[str, Any] | None) -> str | None:
        urls = self._unprefixed_urls(path, front_matter)
        return urls[0] if urls else None

    def _unprefixed_urls(self, path: Path, front_matter: Mapping[str, Any] | None = None) -> list[str]:
        fm = front_matter or {}
        where = self._where(path)
        if where is None or where[0] == "drafts":
            return []
        kind, inner = where
        output_ext = ".html"
        if kind == "page":
            template = text_value(fm, "permalink") or self._page_template(inner)
            folder = "" if str(inner.parent) == "." else str(inner.parent)
            values = {"path": folder, "basename": inner.stem, "output_ext": output_ext}
        else:
            meta = self._collections.get(kind, {})
            if meta.get("output") is not True and kind != "posts":
                return []
            template = text_value(fm, "permalink") or self._collection_template(kind, meta)
            values = self._document_values(kind, inner, fm, path)
        url = _expand(template, values)
        aliases = string_list(fm.get("redirect_from"))
        return [join_url(self.base_path, u) if self.base_path else u for u in [url, *aliases]]

    def _style(self) -> str:
        return str(self.config.get("permalink") or "date")

    def _suffix(self) -> str:
        style = self._style()
        if style == "pretty" or style.endswith("/"):
            return "/"
        return ":output_ext" if style in STYLES or style.endswith(":output_ext") else ""

    def _page_template(self, inner: PurePosixPath) -> str:
        if inner.stem == "index":
            return "/:path/"
        return "/:path/:basename" + self._suffix()

    def _collection_template(self, name: str, meta: Mapping[str, Any]) -> str:
        permalink = text_value(meta, "permalink")
        if permalink:
            return STYLES.get(permalink, permalink)
        return "/:collection/:path" + self._suffix()

    def _document_values(
        self, kind: str, inner: PurePosixPath, fm: Mapping[str, Any], path: Path
    ) -> dict[str, str]:
        file_date, name = split_date_prefix(inner.stem) if kind == "posts" else (None, inner.stem)
        day = date_of(fm.get("date")) or file_date or dt.date(1970, 1, 1)
        slug = text_value(fm, "slug") or name
        categories = self._categories(path, fm) if kind == "posts" else []
        folder = "" if str(inner.parent) == "." else str(inner.parent) + "/"
        iso_year, iso_week, _ = day.isocalendar()
        return {
            "collection": kind,
            "path": folder + inner.stem,
            "name": jekyll_slugify(inner.stem),
            "title": jekyll_slugify(slug, "pretty", cased=True),
            "slug": jekyll_slugify(slug),
            "year": f"{day.year:04d}",
            "short_year": f"{day.year % 100:02d}",
            "month": f"{day.month:02d}",
            "i_month": str(day.month),
            "short_month": day.strftime("%b"),
            "long_month": day.strftime("%B"),
            "day": f"{day.day:02d}",
            "i_day": str(day.day),
            "y_day": f"{day.timetuple().tm_yday:03d}",
            "w_year": str(iso_year),
            "week": f"{iso_week:02d}",
            "w_day": str(day.isoweekday()),
            "short_day": day.strftime("%a"),
            "long_day": day.strftime("%A"),
            "categories": "/".join(categories),
            "slugified_categories": "/".join(jekyll_slugify(c) for c in categories),
            "output_ext": ".html",
        }

    def _categories(self, path: Path, fm: Mapping[str, Any]) -> list[str]:
        relative = PurePosixPath(absolute(path).relative_to(self.source).as_posix())
        folders = list(relative.parts[:-1])
        from_path = folders[: folders.index("_posts")] if "_posts" in folders else []
        declared: list[str] = []
        for key in ("category", "categories"):
            value = fm.get(key)
            declared += value.split() if isinstance(value, str) else string_list(value)
        return list(dict.fromkeys(c.lower() for c in (*from_path, *declared)))

    # -- template syntax ----------------------------------------------------------------
    def template_regions(self, text: str, path: Path | None = None) -> list[Region]:
        """Liquid, and the HTML tags around Markdown that kramdown reads (seolint.site.kramdown)."""
        kramdown = kramdown_regions(text) if path is None or path.suffix.lower() != ".html" else []
        return outermost([*liquid_regions(text), *kramdown]) if kramdown else liquid_regions(text)

    def resolve_link(self, target: str, from_path: Path, syntax: LinkSyntax = "url") -> LinkTarget | None:
        target = target.strip()
        if syntax == "link":
            name, _, fragment = target.partition("#")
            return LinkTarget(absolute(self.source / name.strip("/")), None, fragment or None)
        if syntax == "post_url":
            return LinkTarget(self._post_named(target), None, None)
        if syntax == "relative_url":  # the filter reads its input from the site root
            if "://" not in target and not target.startswith("/"):
                target = "/" + target
            resolved = self._resolve_url(target, from_path)
            if resolved and resolved.url is not None and self.base_path:
                return LinkTarget(None, join_url(self.base_path, resolved.url), resolved.fragment)
            return resolved
        return self._resolve_url(target, from_path)

    def _post_named(self, name: str) -> Path:
        """The post `{% post_url name %}` names: by its path inside `_posts/`, or (Jekyll's
        deprecated but working fallback) by its file name alone."""
        wanted = name.strip("/")
        by_name: list[Path] = []
        for candidate in self.content_files():
            where = self._where(candidate)
            if where is None or where[0] != "posts":
                continue
            if str(where[1].with_suffix("")) == wanted:
                return candidate
            if where[1].stem == wanted.rsplit("/", 1)[-1]:
                by_name.append(candidate)
        return by_name[0] if by_name else self.source / "_posts" / (wanted + ".md")


def _expand(template: str, values: Mapping[str, str]) -> str:
    """Placeholders filled in, `//` collapsed, `index.html` dropped and the path escaped
    as Jekyll's `URL.escape_path` does (a space becomes `%20`)."""
    expanded = _TOKEN.sub(lambda m: values.get(m.group(1), m.group(0)), template)
    expanded = re.sub(r"/{2,}", "/", "/" + expanded.lstrip("/"))
    return quote(re.sub(r"/index\.html$", "/", expanded), safe="/-._~!$&'()*+,;=:@%")


def _strings_in(value: Any, found: set[str]) -> None:
    if isinstance(value, str):
        found.add(value.strip())
    elif isinstance(value, dict):
        for item in value.values():
            _strings_in(item, found)
    elif isinstance(value, list):
        for item in value:
            _strings_in(item, found)
