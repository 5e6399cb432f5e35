"""The answers every site adapter gives: what a site is, which files are content, the
regions of template syntax in a draft, and where a link points.

`Site` is the adapter's base class: each generator module (hugo, jekyll, zola, docusaurus,
astro, mkdocs, plain) subclasses it and overrides what differs. Everything here is pure
except reading the site's own files (config, templates, and the content tree when a link
has to be looked up by name), which is done lazily and at most once per `Site`.
"""

from __future__ import annotations

import os
import posixpath
from collections.abc import Iterable, Iterator, Mapping
from functools import cached_property
from pathlib import Path, PurePosixPath
from typing import TYPE_CHECKING, Any, ClassVar, Final, Literal, Union
from urllib.parse import urlsplit

from seolint.discover.records import NamedTuple
from seolint.document import kinds
from seolint.document.kinds import KindGuess
from seolint.document.model import Page
from seolint.site.head import HeadReading, PageHead, describe_head, with_head
from seolint.site.paths import NEVER_CONTENT, absolute, serves_missing, url_key
from seolint.site.publication import Publication, today

if TYPE_CHECKING:
    from seolint.site.build_time import BuildTime
    from seolint.site.redirects import Redirects

AnyPath = Union[str, "os.PathLike[str]"]
RegionKind = Literal["link", "image", "code", "opaque"]
# How a link target is written: a plain URL or path, or a generator's own link syntax.
LinkSyntax = Literal["url", "ref", "relref", "link", "post_url", "relative_url"]

# Draft formats a generator renders as pages (the linter reads .md/.html/.txt; .mdx and
# .markdown are content too, for the front-ends that learn them).
MARKDOWN_SUFFIXES = frozenset({".md", ".markdown", ".mdown", ".mkd", ".mdx"})
PAGE_SUFFIXES = MARKDOWN_SUFFIXES | {".html", ".htm"}


class Region(NamedTuple):
    """A stretch of template syntax in a draft, by character offsets into the text given.

    kind "link": an internal link; `target` is what it names, `syntax` how it is written
      (pass both to `Site.resolve_link`).
    kind "image": an image; `target` is its source, `alt` and `caption` as written.
    kind "code": a code block; `language` if named, `body` the offsets of the code itself.
    kind "opaque": neither prose nor a placeholder (a shortcode, a Liquid tag, an MDX import).
      When a paired shortcode's body is prose, only its two tags are regions and the body
      between them is left to the Markdown front-end.
    Regions never overlap. They may lie inside fenced code blocks: Hugo and Liquid expand
    their syntax there too; a front-end that reads code blocks on its own decides.
    """

    start: int
    end: int
    kind: RegionKind
    target: str | None = None
    syntax: LinkSyntax = "url"
    alt: str | None = None
    caption: str | None = None
    language: str | None = None
    body: tuple[int, int] | None = None
    name: str | None = None  # the shortcode, tag or component name, for messages


class LinkTarget(NamedTuple):
    """Where an internal link points: a content file (which may not exist: that is a broken
    link for the site rules to report), a site URL path, or both; plus the `#fragment`."""

    path: Path | None
    url: str | None
    fragment: str | None = None


class Language(NamedTuple):
    """A language the site is published in."""

    code: str  # as the config names it: "en", "pt-br"
    prefix: str  # the URL path its pages start with: "" at the site root, "/fr"
    default: bool = False
    host: str | None = None  # its own host, when each language is a site of its own (Hugo multihost)


class Site:
    """A site rooted at `root`, built by `generator`; `reason` says why, for `--show-site`.

    Sites are told apart by their kind, generator, root, reason and URL, never by the config
    they read. A plain class: a frozen dataclass compiled its methods at every start, site
    or no site (BENCHMARKS.md, "Figures behind the code"); mypy keeps its fields read-only.
    """

    suffixes: ClassVar[frozenset[str]] = PAGE_SUFFIXES  # file types this generator renders
    front_matter_any_case: ClassVar[bool] = False  # front-matter keys are read in any case (Hugo)
    front_matter_after_blank_lines: ClassVar[bool] = False  # blank lines may come before it (Hugo, Zola)

    def __init__(
        self,
        generator: str,
        root: Path,
        reason: str,
        config: Mapping[str, Any] | None = None,
        base_url: str | None = None,  # as configured: "https://example.org/blog/"
    ) -> None:
        self.generator: Final = generator
        self.root: Final = root
        self.reason: Final = reason
        self.config: Final[Mapping[str, Any]] = {} if config is None else config
        self.base_url: Final = base_url

    def _identity(self) -> tuple[str, Path, str, str | None]:
        return self.generator, self.root, self.reason, self.base_url

    def __eq__(self, other: object) -> bool:
        return type(other) is type(self) and self._identity() == other._identity()

    def __hash__(self) -> int:
        return hash(self._identity())

    def __repr__(self) -> str:
        return f"{type(self).__name__}{self._identity()!r}"

    def front_matter_of(self, text: str) -> dict[str, Any]:
        """The front matter of a section or page source, found where this generator finds it."""
        from seolint.site.configs import front_matter_of

        return front_matter_of(text, after_blank_lines=self.front_matter_after_blank_lines)

    @property
    def generator_name(self) -> str:
        """The generator's name as its project spells it ("Hugo", "MkDocs"), for messages."""
        return self.generator.capitalize()

    # -- identity ---------------------------------------------------------------------
    @property
    def domain(self) -> str | None:
        """The host of the site's configured URL ("example.org"), if it has one."""
        return host_of(self.base_url)

    @property
    def base_path(self) -> str:
        """The path the site is published under ("" at the domain's root, or "/blog")."""
        return base_path_of(self.base_url)

    def describe(self) -> str:
        """A few lines for `seolint check --show-site`."""
        roots = ", ".join(_relative(r, self.root) for r in self.content_roots()) or "(none)"
        level = self.title_heading_level()
        lines = [
            f"generator: {self.generator} ({self.reason})",
            f"root: {self.root}",
            f"domain: {self.domain or '(none configured)'}",
            f"content: {roots}",
            f"title rendered as: {f'<h{level}>' if level else 'unknown (assume <h1>)'}",
        ]
        languages = self.languages()
        if languages:
            shown = (f"{lang.code} at {lang.host or ''}{lang.prefix or '/'}" for lang in languages)
            lines.append(f"languages: {', '.join(shown)}")
        lines += self.describe_build()
        redirects = self.redirects().origins()
        if redirects:
            lines.append("redirects: " + ", ".join(f"{count} in {name}" for name, count in redirects.items()))
        lines.append(
            "orphan check (W008): "
            + (
                "on; navigation read: " + self.navigation_read
                if self.orphans_checked
                else "opt-in (navigation not read)"
            )
        )
        lines += self._head_lines()
        return "\n".join(lines)

    def describe_build(self) -> list[str]:
        """Lines about mounts and build-time content, for `describe`."""
        build = self.build_time()
        lines = [f"build-time content: {prefix or '/'} ({why})" for prefix, why in build.absent]
        ignores = build.gitignore_files()
        if ignores:
            lines.append("generated files read from: " + ", ".join(ignores))
        return lines

    # -- languages, publication, navigation --------------------------------------------
    def published_at(
        self, path: Path, front_matter: Mapping[str, Any] | None = None
    ) -> tuple[list[str], Publication]:
        """`url_for` and `publication` of a page, worked out once for one front-matter
        mapping: the pipeline's Page and the page's site facts both ask."""
        memo = self._published_memo
        known = memo.get(path)
        if known is not None and known[0] is front_matter:
            return known[1], known[2]
        urls, publication = self.url_for(path, front_matter), self.publication(path, front_matter)
        memo.clear()  # one page at a time: the pair of questions comes back to back
        memo[path] = (front_matter, urls, publication)
        return urls, publication

    @cached_property
    def _published_memo(self) -> dict[Path, tuple[Mapping[str, Any] | None, list[str], Publication]]:
        return {}

    orphans_checked: ClassVar[bool] = True  # whether W008 runs without being selected by name
    navigation_read: ClassVar[str] = "links between pages only"

    def languages(self) -> tuple[Language, ...]:
        """The languages the site is configured in (empty: one, unnamed)."""
        return ()

    def language_of(self, path: Path, front_matter: Mapping[str, Any] | None = None) -> str | None:
        """The language code (as the config names it) a page is published in, or None."""
        return None

    def publication(self, path: Path, front_matter: Mapping[str, Any] | None = None) -> Publication:
        """Whether the generator builds the page, and the dates that decide it."""
        return Publication()

    def translation_key(self, path: Path, front_matter: Mapping[str, Any] | None = None) -> str | None:
        """What the translations of one page share (their path in their language, or a
        declared key); None outside a multilingual site."""
        return None

    def listed(self, path: Path, front_matter: Mapping[str, Any] | None = None) -> str | None:
        """Why the site's navigation links to the page whatever its text says (a menu entry in
        its front matter, the list page of its section), or None."""
        return None

    def navigation_urls(self) -> frozenset[str]:
        """URL keys the site's menus and navigation data files link to."""
        return frozenset()

    def main_menu(self, path: Path, front_matter: Mapping[str, Any] | None, url: str | None) -> str | None:
        """Why the site's main menu (the navigation bar on every page) links the page, or
        None: these are the pages visitors and search results land on by the site's name."""
        return None

    def template_h1(self, path: Path, front_matter: Mapping[str, Any] | None) -> str | None:
        """Where the page's templates write an <h1> of their own on every page (a site's logo
        in a heading), or None: such a page has its H1 whatever its body holds."""
        return None

    def navigated(self, path: Path) -> str | None:
        """Why a template lists the page (a loop over its collection), asked with the whole
        site in view; None when none does."""
        return None

    def namespace(self, language: str | None) -> str:
        """Which of the site's hosts a language publishes on ("" when they share one)."""
        return ""

    def fallback_url(self, url: str) -> str | None:
        """The URL a page missing at `url` is published from anyway (an untranslated page
        shown in another language), or None."""
        return None

    # -- build-time content and redirects ----------------------------------------------
    def static_roots(self) -> tuple[Path, ...]:
        """Folders copied to the site's root as they are."""
        return tuple(self.content_roots()) or (self.root,)

    def url_roots(self) -> tuple[tuple[str, Path], ...]:
        """(URL prefix, folder) pairs: where a URL's file would be found in the checkout."""
        prefix = self.base_path
        return tuple((prefix, root) for root in (*self.content_roots(), *self.static_roots()))

    def source_candidates(self, url: str) -> list[Path]:
        """The files that would publish at URL path `url` (they need not exist)."""
        key = url_key(url)
        found: list[Path] = []
        for prefix, folder in self.url_roots():
            bare = prefix.rstrip("/")
            if key != bare and not key.startswith(bare + "/"):
                continue
            inner = key[len(bare) :].strip("/")
            base = folder / inner if inner else folder
            found += [base, base / "index.md", base / "_index.md", base / "index.html"]
            if inner:
                found += [base.with_name(base.name + suffix) for suffix in (".md", ".html")]
        return found

    def build_time(self, declared: tuple[str, ...] = ()) -> BuildTime:
        """Where content made at build time is, with the config's `generated` URL globs."""
        from seolint.site.build_time import BuildTime

        roots = [r for r in (*self.content_roots(), *self.static_roots()) if r.is_dir()]
        return BuildTime(self.root, roots, self.absent_mounts(), declared)

    def absent_mounts(self) -> tuple[tuple[str, str], ...]:
        """(URL prefix, why) of content the config mounts from folders not in the checkout."""
        return ()

    def cache_inputs(self) -> object:
        """What besides its config and templates changes the site's pages (for the cache key)."""
        return ()

    def redirects(self) -> Redirects:
        """The host's redirect rules found in the site (static folders, the site root)."""
        return self._redirects

    @cached_property
    def _redirects(self) -> Redirects:
        from seolint.site.redirects import read_redirects  # config readers: only for the site pass

        return read_redirects((*self.static_roots(), self.root), self.root)

    def _head_lines(self) -> list[str]:
        examples = self.head_examples()
        if not examples:
            return ["head: unknown (no templates read for this generator)"]
        return ["head, as the templates write it:", *("  " + describe_head(k, *r) for k, r in examples)]

    # -- content selection ------------------------------------------------------------
    def content_roots(self) -> tuple[Path, ...]:
        """Folders whose page files are content."""
        return (self.root,)

    def is_content(self, path: AnyPath) -> bool:
        """Whether the generator publishes `path` as a page (never templates, archetypes,
        themes, includes, build output or dependencies)."""
        return os.path.splitext(path)[1].lower() in self.suffixes and self.relative_parts(path) is not None

    def relative_parts(self, path: AnyPath) -> tuple[str, ...] | None:
        """The parts of `path` below the first content root holding it, or None when it is
        outside them or under a dot-folder or dependency folder. String work only: this
        runs once per file of the site."""
        text = os.path.abspath(path)
        for root in self._root_texts:
            if text.startswith(root):
                parts = tuple(text[len(root) :].split(os.sep))
                if any(p.startswith(".") or p in NEVER_CONTENT for p in parts):
                    return None
                return parts
        return None

    @cached_property
    def _root_texts(self) -> tuple[str, ...]:
        return tuple(os.path.join(os.path.abspath(r), "") for r in self.content_roots())

    def content_files(self) -> tuple[Path, ...]:
        """Every content file of the site, sorted."""
        return self._content_files

    def content_locations(self) -> list[str]:
        """`content_files` as text, sorted: a listing's without making a `Path` of each
        (20,000 of them cost a one-file run inside a 20,000-page site 0.07 s)."""
        return self._content_locations

    def use_content_files(self, locations: list[str]) -> None:
        """Take the content files from a listing the caller keeps current (the site pass's,
        trusted by folder stamps) instead of walking the content folders again: absolute,
        normalised paths as text, sorted, made into `Path`s only when asked for."""
        self.__dict__["_listed"] = locations
        self.__dict__.pop("_content_files", None)
        self.__dict__.pop("_content_locations", None)

    @cached_property
    def _content_locations(self) -> list[str]:
        listed: list[str] | None = self.__dict__.get("_listed")
        return listed if listed is not None else [str(path) for path in self._content_files]

    @cached_property
    def _content_files(self) -> tuple[Path, ...]:
        listed: list[str] | None = self.__dict__.get("_listed")
        if listed is not None:
            return _paths(listed)
        found: set[str] = set()
        for root in self.content_roots():
            for folder, name in walk_names(root):
                if os.path.splitext(name)[1].lower() in self.suffixes:
                    path = os.path.join(folder, name)
                    if self.is_content(path):
                        found.add(path)
        return tuple(Path(p) for p in sorted(found))

    def taxonomy_prefixes(self) -> tuple[str, ...]:
        """URL path prefixes ("/tags/", "/fr/tags/") of the taxonomy pages the generator
        writes itself."""
        return ()

    def folder_prefixes(self, names: Iterable[str]) -> tuple[str, ...]:
        """URL path prefixes ("/blog/tags/") of the folders `names` under the site's base
        path, in each of its languages."""
        leads = dict.fromkeys(["", *(language.prefix.strip("/") for language in self.languages())])
        base = self.base_path or "/"
        return tuple(
            url_key(posixpath.join(base, lead, name)) + "/" for name in names if name for lead in leads
        )

    def page_kind(self, path: Path, front_matter: Mapping[str, Any] | None = None) -> KindGuess:
        """What kind of page `path` is, and why (seolint.document.kinds; adapters add what only
        the generator knows: list pages, sections it hands settings down from).

        The rules say which kinds of page they judge (seolint.registry.rule).
        """
        parts = self.relative_parts(path) or ()
        return self.infer_kind(front_matter or {}, list(parts[:-1]))

    def infer_kind(
        self, front_matter: Mapping[str, Any], sections: list[str], cascaded: Mapping[str, Any] | None = None
    ) -> KindGuess:
        """seolint.document.kinds.infer with this site's title."""
        title = front_matter.get("title")
        return kinds.infer(
            front_matter, title if isinstance(title, str) else None, sections, self.site_title, cascaded
        )

    @property
    def site_title(self) -> str | None:
        """What the site calls itself (its config's `title`), if it says."""
        title = self.config.get("title")
        return title if isinstance(title, str) else None

    # -- rendering facts --------------------------------------------------------------
    def page(self, path: Path, front_matter: Mapping[str, Any] | None = None) -> Page:
        """What the site publishes from the draft at `path`, as far as this adapter knows."""
        kind, why = self.page_kind(path, front_matter)
        level = self.title_heading_level(path, front_matter)
        domain = self.domain
        by = self.generator
        reasons = [("kind", f"{by}: {why}")]
        if level:
            reasons.append(("title_level", f"{by}: the page template renders the title as <h{level}>"))
        elif level == 0:
            reasons.append(("title_level", f"{by}: the page template renders no title heading"))
        if domain:
            reasons.append(("site_domain", f"{by}: the site's URL is {self.base_url}"))
        publishes = self.publishes_from(path)
        if publishes:
            reasons.append(("site_content", f"{by}: {path.name} is under a published content root"))
        language = self.language_of(path, front_matter)
        if language:
            reasons.append(("language", f"{by}: the page is in the site's {language!r} language"))
        translation = self._translates(language)
        if translation:
            reasons.append(("translation", f"{by}: {language!r} is not the site's default language"))
        urls, publication = self.published_at(path, front_matter)
        withheld = publication.reason(today())
        if withheld:
            reasons.append(("published", f"{by}: not built: {withheld}"))
        page = Page(
            kind=kind,
            language=language.split("-")[0].lower() if language else None,
            url=urls[0] if urls else None,
            aliases=tuple(urls[1:]),
            published=withheld is None and bool(urls),
            in_site=True,
            translation=translation,
            site_content=publishes,
            title_level=level,
            site_domain=domain,
            reasons=tuple(reasons),
        )
        in_menu = self.main_menu(path, front_matter, page.url)
        if in_menu:
            page = page._replace(main_menu=True, reasons=(*page.reasons, ("main_menu", f"{by}: {in_menu}")))
        own_h1 = self.template_h1(path, front_matter)
        if own_h1:
            page = page._replace(
                template_h1=True, reasons=(*page.reasons, ("template_h1", f"{by}: {own_h1}"))
            )
        home = page.url is not None and url_key(page.url) == url_key(self.base_path or "/")
        page = with_head(page, self.page_head(path, front_matter or {}), by, home)
        if page.url is not None and serves_missing(page.url):
            why = f"{by}: {page.url} is the page hosts serve for a missing URL, with status 404"
            return page._replace(indexed=False, reasons=(*page.reasons, ("indexed", why)))
        return page

    def _translates(self, language: str | None) -> bool:
        """Whether a page in `language` is a translation: the site is configured in several
        languages and this is not its default one."""
        configured = self.languages()
        if language is None or len(configured) < 2:
            return False
        default = next((lang.code for lang in configured if lang.default), None)
        return default is not None and language.lower() != default.lower()

    def page_head(self, path: Path, front_matter: Mapping[str, Any]) -> PageHead:
        """What the site's templates write in the page's head (seolint.site.head); unknown
        unless the adapter reads its generator's templates."""
        return PageHead()

    def head_examples(self) -> list[tuple[str, tuple[HeadReading, HeadReading]]]:
        """For `--show-site`: the head of each kind of page, with and without a front-matter
        description, as read from the templates."""
        return []

    def fingerprint_files(self) -> list[Path]:
        """Files besides config and templates whose change changes findings (a Zola section's
        title is in its pages' <title>)."""
        return []

    def dates_by_name(self, path: Path) -> bool:
        """Whether the generator reads the page's date from its file name (Jekyll posts,
        Zola's `2024-01-15-title.md`), so that it has one without a `date` key."""
        return False

    def section_of(self, path: Path, url: str | None) -> str | None:
        """The group of pages `path` belongs to, whose habits (a date, an author) it is
        compared with: the first part of its URL (`/blog/`), `/` for a page at the top;
        None when it is compared with nothing."""
        if url is None:
            return None
        parts = [part for part in url.split("/") if part]
        return f"/{parts[0]}/" if len(parts) > 1 else "/"

    def publishes_from(self, path: Path) -> bool:
        """Whether the generator publishes `path` unless its front matter holds it back: it
        is content, and not in a folder kept for drafts."""
        return self.is_content(path)

    def title_heading_level(
        self, path: Path | None = None, front_matter: Mapping[str, Any] | None = None
    ) -> int | None:
        """The heading level the page template renders the front-matter title at, 0 when
        it renders none, or None when the template is not in the repository (callers then
        assume 1)."""
        return None

    def url_for(self, path: Path, front_matter: Mapping[str, Any] | None = None) -> list[str]:
        """The URL paths the page publishes to: primary first, then aliases (redirects).
        Empty when the page is not published. Paths include the site's base path."""
        try:
            relative = PurePosixPath(absolute(path).relative_to(self.root).as_posix())
        except ValueError:
            return []  # not under the site
        return [join_url(self.base_path, "/" + str(relative))]

    # -- template syntax --------------------------------------------------------------
    def template_regions(self, text: str, path: Path | None = None) -> list[Region]:
        """The template syntax in `text` (a draft's whole source), sorted by offset;
        `path` tells MDX from Markdown where a generator has both."""
        return []

    def resolve_link(self, target: str, from_path: Path, syntax: LinkSyntax = "url") -> LinkTarget | None:
        """What an internal link names, or None for external links and targets this site
        cannot interpret (mailto:, a bare fragment is the page itself)."""
        return self._resolve_url(target, from_path)

    def _resolve_url(self, target: str, from_path: Path) -> LinkTarget | None:
        """Plain links: relative file paths (`../x.md`), site paths and URLs on the domain."""
        target = target.strip()
        if target.startswith("<") and target.endswith(">"):
            target = target[1:-1]
        parts = urlsplit(target)
        fragment = parts.fragment or None
        if parts.scheme or parts.netloc:
            if parts.scheme not in ("http", "https", "") or not self._is_own_host(parts.netloc):
                return None
            return LinkTarget(None, parts.path or "/", fragment)
        if not parts.path:
            return LinkTarget(absolute(from_path), None, fragment) if fragment else None
        if parts.path.startswith("/"):
            return LinkTarget(None, parts.path, fragment)
        resolved = Path(os.path.normpath(absolute(from_path).parent / parts.path))
        return LinkTarget(resolved, None, fragment)

    def _is_own_host(self, netloc: str) -> bool:
        own = self.domain
        host = netloc.lower().split("@")[-1].split(":")[0]
        return own is not None and host.removeprefix("www.") == own.removeprefix("www.")


# -- helpers shared by the adapters ---------------------------------------------------------


def host_of(url: str | None) -> str | None:
    if not url:
        return None
    parts = urlsplit(url if "//" in url else "//" + url)
    host = (parts.hostname or "").lower()
    return host or None


def base_path_of(url: str | None) -> str:
    if not url:
        return ""
    parts = urlsplit(url if "//" in url or url.startswith("/") else "//" + url)
    return parts.path.rstrip("/")


def join_url(*pieces: str) -> str:
    """Join URL path pieces with single slashes, keeping a trailing slash if the last had one."""
    joined = "/".join(p.strip("/") for p in pieces if p.strip("/"))
    trailing = bool(pieces) and pieces[-1].endswith("/") and bool(joined)
    return "/" + joined + ("/" if trailing else "")


def walk_names(folder: Path) -> Iterator[tuple[str, str]]:
    """(folder, file name) for the files under `folder`, skipping dot-folders and
    dependency folders."""
    for root, dirs, names in os.walk(folder):
        dirs[:] = [d for d in dirs if not d.startswith(".") and d not in NEVER_CONTENT]
        for name in names:
            if not name.startswith("."):
                yield root, name


def _relative(path: Path, root: Path) -> str:
    try:
        return path.relative_to(root).as_posix() + "/"
    except ValueError:
        return str(path)


def _paths(locations: list[str]) -> tuple[Path, ...]:
    """Paths of normalised absolute locations, one `Path` parsed per folder (its files'
    made from it)."""
    bases: dict[str, Path] = {}
    paths = []
    for text in locations:
        folder, name = os.path.split(text)
        base = bases.get(folder) or bases.setdefault(folder, Path(folder))
        paths.append(base / name)
    return tuple(paths)
