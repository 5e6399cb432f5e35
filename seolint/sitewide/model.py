"""The model of one site, built once per run from the facts of every content file.

It knows each page's URLs, what every outgoing link and image resolves to (a page, a
file, a page the generator writes itself, nothing, or something it cannot read), and
answers the site rules' questions. Nothing here parses a draft: the facts came from the
pipeline (or the cache).
"""

from __future__ import annotations

import difflib
import os
import posixpath
import re
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import Literal
from urllib.parse import unquote, urljoin, urlsplit

from seolint.findings.facts import FileFacts, Reference
from seolint.site import Site, url_key
from seolint.site.adapter import PAGE_SUFFIXES

Status = Literal["page", "file", "generated", "broken", "uninterpretable"]
# Pages every generator writes itself: feeds and sitemaps, at the root or per section.
GENERATED_NAMES = frozenset({"index.xml", "feed.xml", "atom.xml", "rss.xml", "sitemap.xml", "robots.txt"})
_TEMPLATE_MARKS = ("{{", "{%", "}}", "%}")
_LABEL = re.compile(r"[a-z0-9-]+", re.IGNORECASE)
_NOT_TOP_LEVEL = frozenset({"md", "markdown", "html", "htm", "txt"})


@dataclass(frozen=True)
class Page:
    """A content file of the site: where it is, how reports name it, what it says."""

    path: Path  # absolute
    shown: str  # the path as reports show it
    facts: FileFacts | None  # None when the file could not be linted
    urls: tuple[str, ...] = ()  # the facts' URLs, or the path's alone when there are no facts

    @classmethod
    def of(cls, site: Site, path: Path, shown: str, facts: FileFacts | None) -> Page:
        return cls(path, shown, facts, facts.urls if facts is not None else tuple(site.url_for(path)))

    def at(self, line: int) -> str:
        return f"{self.shown}:{line}"


@dataclass(frozen=True)
class Resolution:
    """Where one reference of a page leads."""

    source: Page
    reference: Reference
    status: Status
    wanted: str = ""  # the URL or path looked for, as a reader would recognise it
    target: Page | None = None  # the page it reaches (status "page")
    fragment: str | None = None
    reason: str = ""  # why it is uninterpretable


@dataclass
class SiteModel:
    """The site's pages, and where the references that matter to this run lead.

    `focus` holds the pages the run reports on (the files given). Every reference of a
    focus page is resolved, and of the other pages' references only those that may lead
    to a focus page (their last path segment names it), which is what orphan checks
    need: a one-file run inside a large site resolves a handful of links, not all.
    """

    site: Site
    pages: dict[Path, Page]
    focus: frozenset[Path] = frozenset()
    resolutions: list[Resolution] = field(default_factory=list)

    @classmethod
    def build(cls, site: Site, pages: Iterable[Page], focus: Iterable[Path] | None = None) -> SiteModel:
        """The model; `focus` None means every page (a whole-site run)."""
        by_path = {page.path: page for page in pages}
        model = cls(site, by_path, frozenset(by_path) if focus is None else frozenset(focus) & by_path.keys())
        names = {name for path in model.focus for name in _names(by_path[path])}
        everything = model.focus == by_path.keys()
        model.resolutions = [
            model._resolve(page, reference)
            for page in model.pages.values()
            if page.facts is not None
            for reference in page.facts.references
            if everything or page.path in model.focus or _last_segment(reference.target) in names
        ]
        return model

    # -- lookups ----------------------------------------------------------------------
    @cached_property
    def by_url(self) -> dict[str, list[Page]]:
        """Pages by the key of each URL they publish to (primary and aliases)."""
        found: dict[str, list[Page]] = defaultdict(list)
        for page in self.pages.values():
            for url in dict.fromkeys(url_key(u) for u in page.urls):
                found[url].append(page)
        return dict(found)

    @cached_property
    def primary_urls(self) -> list[str]:
        return sorted({url_key(p.urls[0]) for p in self.pages.values() if p.urls})

    @cached_property
    def _generated(self) -> frozenset[str]:
        """URL keys of pages the generator writes without a content file: the home page,
        the sections above every page, and taxonomy pages."""
        keys = {url_key(self.site.base_path or "/")}
        for page in self.pages.values():
            for url in page.urls[:1]:
                parts = url_key(url).strip("/").split("/")
                keys.update(url_key("/" + "/".join(parts[:n])) for n in range(len(parts)))
        return frozenset(keys)

    @cached_property
    def _taxonomy_prefixes(self) -> tuple[str, ...]:
        return self.site.taxonomy_prefixes()

    @cached_property
    def _static_roots(self) -> tuple[Path, ...]:
        return self.site.static_roots()

    def suggestion(self, wanted: str) -> str | None:
        """The published URL closest to `wanted`, for a "did you mean": its last segment
        must be close (a moved page keeps its name), then the whole URL breaks ties."""
        key = url_key(wanted)
        name = posixpath.basename(key)
        best: tuple[float, str] | None = None
        for url in self.primary_urls:
            near = _similarity(name, posixpath.basename(url), at_least=0.8)
            if near >= 0.8 and url != key:
                score = 0.7 * near + 0.3 * _similarity(key, url)
                best = max(best or (score, url), (score, url))
        return best[1] if best else None

    def page_suggestion(self, wanted: Path) -> Page | None:
        """The content file whose name is closest to a missing one's."""
        best: tuple[float, str, Page] | None = None
        for page in self.pages.values():
            near = _similarity(_page_name(wanted), _page_name(page.path), at_least=0.8)
            if near >= 0.8:
                best = max(best or (near, page.shown, page), (near, page.shown, page), key=lambda b: b[:2])
        return best[2] if best else None

    @cached_property
    def _redirects(self) -> tuple[frozenset[str], tuple[str, ...]]:
        """URL keys (and splat prefixes) redirected by a Netlify-style `_redirects` file
        in a static folder: a link to them still reaches a page."""
        exact: set[str] = set()
        prefixes: list[str] = []
        for root in self._static_roots:
            try:
                text = (root / "_redirects").read_text(encoding="utf-8", errors="replace")
            except OSError:
                continue
            for line in text.splitlines():
                fields = line.split()
                if len(fields) >= 2 and fields[0].startswith("/"):
                    source = fields[0]
                    if source.endswith("*"):
                        prefixes.append(source[:-1])
                    else:
                        exact.add(url_key(source))
        return frozenset(exact), tuple(prefixes)

    def redirected(self, url: str) -> bool:
        exact, prefixes = self._redirects
        return url_key(url) in exact or url.startswith(prefixes)

    def missing_scheme(self, item: Resolution) -> str | None:
        """The external URL a broken relative link was meant to be, when it starts with a
        domain name (`github.com/rust-lang/rust/pull/1`)."""
        written = item.reference.target.strip()
        host, slash, _ = written.partition("/")
        labels = host.split(".")
        domain_like = (
            len(labels) >= 2
            and all(_LABEL.fullmatch(label) for label in labels)
            and labels[-1].isalpha()
            and len(labels[-1]) >= 2
            and labels[-1].lower() not in _NOT_TOP_LEVEL
        )
        return "https://" + written if item.reference.syntax == "url" and slash and domain_like else None

    def stats(self) -> Counter[str]:
        """How many references resolved to what; uninterpretable ones by reason."""
        counts: Counter[str] = Counter()
        for item in self.resolutions:
            counts[
                item.status if item.status != "uninterpretable" else f"uninterpretable: {item.reason}"
            ] += 1
        return counts

    # -- resolution -------------------------------------------------------------------
    def _resolve(self, page: Page, reference: Reference) -> Resolution:
        target = reference.target
        if any(mark in target for mark in _TEMPLATE_MARKS):
            return Resolution(page, reference, "uninterpretable", reason="template expression in the target")
        try:
            found = self.site.resolve_link(target, page.path, reference.syntax)  # type: ignore[arg-type]
        except (ValueError, OSError):
            found = None
        if found is None:
            return Resolution(
                page, reference, "uninterpretable", reason=f"{reference.syntax} target not readable"
            )
        if found.path is not None:
            return self._by_path(page, reference, found.path, found.fragment)
        assert found.url is not None
        return self._by_url(page, reference, found.url, found.fragment)

    def _by_path(self, page: Page, reference: Reference, path: Path, fragment: str | None) -> Resolution:
        path = Path(os.path.normpath(unquote(str(path))))
        if not _inside(path, self.site.root):
            return Resolution(page, reference, "uninterpretable", reason="path outside the site")
        if path in self.pages:
            return Resolution(page, reference, "page", str(path), self.pages[path], fragment)
        if path.is_dir():
            inner = next((self.pages[p] for p in _indexes(path) if p in self.pages), None)
            status: Status = "page" if inner else "generated"
            return Resolution(page, reference, status, str(path), inner, fragment)
        if path.is_file():
            return Resolution(page, reference, "file", str(path))
        relative = reference.syntax == "url" and not reference.target.lstrip().startswith(("/", "@"))
        if relative and page.urls and path.suffix.lower() not in PAGE_SUFFIXES:
            # A relative link is relative to the page's URL in the browser (pretty URLs)
            url = urljoin(page.urls[0], urlsplit(reference.target.strip()).path)
            by_url = self._by_url(page, reference, url, fragment)
            if by_url.status != "broken":
                return by_url
        return Resolution(page, reference, "broken", str(path))

    def _by_url(self, page: Page, reference: Reference, url: str, fragment: str | None) -> Resolution:
        url = unquote(urlsplit(url).path) or "/"
        base = self.site.base_path
        if base and not (url == base or url.startswith(base + "/")):
            url = base + url  # written without the base path the generator adds
        key = url_key(url)
        if key in self.by_url:
            return Resolution(page, reference, "page", url, self.by_url[key][0], fragment)
        if self._file_at(url):
            return Resolution(page, reference, "file", url)
        if self.redirected(url):
            return Resolution(page, reference, "generated", url)
        name = posixpath.basename(key)
        if key in self._generated or name in GENERATED_NAMES or key.startswith(self._taxonomy_prefixes):
            return Resolution(page, reference, "generated", url)
        if "/page/" in key and name.isdigit():  # paginated list pages
            return Resolution(page, reference, "generated", url)
        return Resolution(page, reference, "broken", url)

    @cached_property
    def _file_roots(self) -> tuple[str, ...]:
        return tuple(str(root) for root in (*self._static_roots, *self.site.content_roots()))

    def _file_at(self, url: str) -> bool:
        """Whether a URL names a static file, or a file beside a page (a bundle resource)."""
        inner = url.removeprefix(self.site.base_path).lstrip("/")
        for root in self._file_roots:
            candidate = os.path.join(root, inner)
            if os.path.isfile(candidate) or os.path.isfile(os.path.join(candidate, "index.html")):
                return True
        folder, _, name = url.rstrip("/").rpartition("/")
        beside = self.by_url.get(url_key(folder or "/"), ())
        return any(os.path.isfile(os.path.join(os.path.dirname(p.path), name)) for p in beside)


def _last_segment(target: str) -> str:
    """The last segment of a link target, as a page name: "/a/b/#x" and "../b.md" give "b"."""
    path = target.split("#", 1)[0].split("?", 1)[0].strip().rstrip("/")
    name = path.rsplit("/", 1)[-1]
    name = unquote(name) if "%" in name else name
    return os.path.splitext(name)[0].casefold() if "." in name else name.casefold()


def _names(page: Page) -> set[str]:
    """Every last segment a link to `page` may end in: its file or folder name, and the
    last segment of each URL it publishes to."""
    names = {page.path.stem.casefold(), page.path.parent.name.casefold()}
    names.update(_last_segment(url) for url in page.urls)
    return names


def _similarity(a: str, b: str, at_least: float = 0.0) -> float:
    """difflib's ratio of the two, case aside; 0.0 for a pair whose cheap upper bounds already
    fall short of `at_least`. A site with many broken links compares each with every page:
    ratio() on all of them was half of a run over a 235-page Hugo site."""
    a, b = a.lower(), b.lower()
    length = len(a) + len(b)
    if at_least and length and 2.0 * min(len(a), len(b)) / length < at_least:  # real_quick_ratio()
        return 0.0
    matcher = difflib.SequenceMatcher(None, a, b)
    if at_least and matcher.quick_ratio() < at_least:
        return 0.0
    return matcher.ratio()


def _page_name(path: Path) -> str:
    """What a page is called: its file name without suffix, or its folder's for an index."""
    return path.parent.name if path.stem in ("index", "_index") else path.stem


def _inside(path: Path, root: Path) -> bool:
    return path == root or str(path).startswith(str(root).rstrip(os.sep) + os.sep)


def _indexes(folder: Path) -> tuple[Path, ...]:
    return tuple(
        folder / name for name in ("index.md", "_index.md", "index.html", "_index.html", "index.markdown")
    )
