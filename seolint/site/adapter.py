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
import re
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path, PurePosixPath
from typing import Any, ClassVar, Literal, NamedTuple, Union
from urllib.parse import urlsplit

AnyPath = Union[str, "os.PathLike[str]"]
PageKind = Literal["post", "list"]
RegionKind = Literal["link", "image", "code", "opaque"]
# How a link target is written: a plain URL or path, or a generator's own link syntax.
LinkSyntax = Literal["url", "ref", "relref", "link", "post_url", "relative_url"]

# Draft formats a generator renders as pages (the linter reads .md/.html/.txt; .mdx and
# .markdown are content too, for the front-ends that learn them).
MARKDOWN_SUFFIXES = frozenset({".md", ".markdown", ".mdown", ".mkd", ".mdx"})
PAGE_SUFFIXES = MARKDOWN_SUFFIXES | {".html", ".htm"}
# Folders that are never content whatever the generator: dependencies, caches, VCS.
NEVER_CONTENT = frozenset({"node_modules", ".git", ".hg", ".svn", "__pycache__", ".venv", "venv"})


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


@dataclass(frozen=True)
class Site:
    """A site rooted at `root`, built by `generator`; `reason` says why, for `--show-site`."""

    generator: str
    root: Path
    reason: str
    config: Mapping[str, Any] = field(default_factory=dict, repr=False, compare=False)
    base_url: str | None = None  # as configured: "https://example.org/blog/"
    suffixes: ClassVar[frozenset[str]] = PAGE_SUFFIXES  # file types this generator renders

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
        return "\n".join(
            (
                f"generator: {self.generator} ({self.reason})",
                f"root: {self.root}",
                f"domain: {self.domain or '(none configured)'}",
                f"content: {roots}",
                f"title rendered as: {f'<h{level}>' if level else 'unknown (assume <h1>)'}",
            )
        )

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

    @cached_property
    def _content_files(self) -> tuple[Path, ...]:
        found: set[str] = set()
        for root in self.content_roots():
            for folder, name in walk_names(root):
                if os.path.splitext(name)[1].lower() in self.suffixes:
                    path = os.path.join(folder, name)
                    if self.is_content(path):
                        found.add(path)
        return tuple(Path(p) for p in sorted(found))

    def static_roots(self) -> tuple[Path, ...]:
        """Folders the generator copies to the site's root as they are (images, downloads,
        a `_redirects` file): a link to a file in one reaches that file."""
        return self.content_roots() or (self.root,)

    def taxonomy_prefixes(self) -> tuple[str, ...]:
        """URL path prefixes ("/tags/") of the taxonomy pages the generator writes itself."""
        return ()

    def page_kind(self, path: Path, front_matter: Mapping[str, Any] | None = None) -> PageKind:
        """Whether a page is a "list" (section, index and paginated pages) or a "post".

        A list page is mostly generated (the template lists other pages), so the rules that
        judge an article should skip it: missing call to action (C001), thin content
        (M006), the internal/external link counts (L002/L003) and the orphan-page check.
        """
        return "post"

    # -- rendering facts --------------------------------------------------------------
    def title_heading_level(
        self, path: Path | None = None, front_matter: Mapping[str, Any] | None = None
    ) -> int | None:
        """The heading level the page template renders the front-matter title at, or None
        when the template is not in the repository (callers then assume 1)."""
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


def absolute(path: Path) -> Path:
    """`path` made absolute without resolving symlinks (a site may be a symlink farm)."""
    return Path(os.path.abspath(path))


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


def url_prefixes(base_path: str, names: Iterable[str]) -> tuple[str, ...]:
    """URL path prefixes ("/blog/tags/") of the folders `names` under the site's base path."""
    return tuple(url_key(posixpath.join(base_path or "/", name)) + "/" for name in names)


def url_key(url: str) -> str:
    """A URL path reduced for matching: no `index.html`, no trailing slash, no fragment or
    query; "/a/b/", "/a/b" and "/a/b/index.html" are one page to a web server."""
    path = urlsplit(url).path or "/"
    path = re.sub(r"/index\.html?$", "/", path)
    return path.rstrip("/") or "/"


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
