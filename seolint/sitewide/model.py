"""The model of one site, built once per run from the facts of every content file.

It knows each page's URLs, language and whether it is built at all, what every outgoing
link and image resolves to (a page, a file, a page the generator writes itself, a page it
never builds, content made at build time that cannot be checked, nothing, or something it
cannot read), and answers the site rules' questions. Nothing here parses a draft: the facts
came from the pipeline (or the cache).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import os
import posixpath
import re
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING, Literal
from urllib.parse import unquote, urljoin, urlsplit

from seolint.document.model import ARTICLE_KINDS
from seolint.findings.facts import FileFacts, Reference
from seolint.site import Site, url_key
from seolint.site.adapter import PAGE_SUFFIXES
from seolint.site.publication import today as current_day
from seolint.site.publication import withheld_on
from seolint.sitewide.near_names import NearNames, ratio

NEAR = 0.8  # how close a page's name must be to a broken link's for a "did you mean"
# The last segments of some URLs, indexed, and the URLs ending in each.
UrlNames = tuple[NearNames, dict[str, list[str]]]

if TYPE_CHECKING:
    from seolint.site.build_time import BuildTime
    from seolint.site.head import PageHead

MAX_HOPS = 5  # redirects (and fallbacks) followed before a link is left unresolved

# "unpublished": a page the generator never builds (a draft, a future post); "not-checked":
# content made at build time (a mount fetched by the build, a .gitignored generated file).
Status = Literal["page", "file", "generated", "unpublished", "not-checked", "broken", "uninterpretable"]
# Pages every generator writes itself: feeds and sitemaps, at the root or per section.
GENERATED_NAMES = frozenset({"index.xml", "feed.xml", "atom.xml", "rss.xml", "sitemap.xml", "robots.txt"})
_TEMPLATE_MARKS = ("{{", "{%", "}}", "%}")
_LABEL = re.compile(r"[a-z0-9-]+", re.IGNORECASE)
_NOT_TOP_LEVEL = frozenset({"md", "markdown", "html", "htm", "txt"})


@dataclass(frozen=True)
class SitePage:
    """A content file of the site: where it is, how reports name it, what it says, and
    whether the generator builds it on the day of the run."""

    path: Path  # absolute
    shown: str  # the path as reports show it
    facts: FileFacts | None  # None when the file could not be linted
    urls: tuple[str, ...] = ()  # the facts' URLs, or the path's alone when there are no facts
    withheld: str | None = None  # why it is not built today, or None

    @classmethod
    def of(
        cls, site: Site, path: Path, shown: str, facts: FileFacts | None, day: dt.date | None = None
    ) -> SitePage:
        urls = facts.urls if facts is not None else tuple(site.url_for(path))
        return cls(path, shown, facts, urls, withheld_on(facts, day or current_day()))

    @property
    def published(self) -> bool:
        return self.withheld is None and bool(self.urls)

    @property
    def language(self) -> str | None:
        return self.facts.language if self.facts is not None else None

    def at(self, line: int) -> str:
        return f"{self.shown}:{line}"


@dataclass(frozen=True)
class Resolution:
    """Where one reference of a page leads."""

    source: SitePage
    reference: Reference
    status: Status
    wanted: str = ""  # the URL or path looked for, as a reader would recognise it
    target: SitePage | None = None  # the page it reaches (status "page" and "unpublished")
    fragment: str | None = None
    reason: str = ""  # why it is uninterpretable or not checked
    via: str = ""  # the redirect it followed ("/old -> /new"), if any


@dataclass
class SiteModel:
    """The site's pages, and where the references that matter to this run lead.

    `focus` holds the pages the run reports on (the files given). Every reference of a
    focus page is resolved, and of the other pages' references only those that may lead
    to a focus page (their last path segment names it), which is what orphan checks
    need: a one-file run inside a large site resolves a handful of links, not all.
    A page the generator does not build is reported on only when it was named (a writer
    working on a draft); found by walking a folder, it is skipped (`reported`).
    `vanished` are pages known from an earlier run that no longer exist (renamed or
    deleted): links to them are looked for across the site.
    """

    site: Site
    pages: Mapping[Path, SitePage]
    focus: frozenset[Path] = frozenset()
    resolutions: list[Resolution] = field(default_factory=list)
    named: frozenset[Path] = frozenset()  # focus pages given by name
    build_time: BuildTime | None = None
    vanished: tuple[SitePage, ...] = ()
    # The pages a finding about the whole site or a group of pages (M010, M011) may go on,
    # when known from the stored tables (seolint.sitewide.stored); None: ask every page.
    anchors: frozenset[Path] | None = None

    @classmethod
    def build(
        cls,
        site: Site,
        pages: Iterable[SitePage],
        focus: Iterable[Path] | None = None,
        named: Iterable[Path] = (),
        generated: tuple[str, ...] = (),
        vanished: Iterable[SitePage] = (),
    ) -> SiteModel:
        """The model; `focus` None means every page (a whole-site run); `generated` are URL
        globs of build-time content the config declares."""
        by_path = {page.path: page for page in pages}
        model = cls(site, by_path, frozenset(by_path) if focus is None else frozenset(focus) & by_path.keys())
        model.named = frozenset(named) & model.focus
        model.build_time = site.build_time(generated)
        model.vanished = tuple(vanished)
        everything = model.focus == by_path.keys()
        may_lead_to_focus = reaching(site, [*(by_path[path] for path in model.focus), *model.vanished])
        model.resolutions = [
            model._resolve(page, reference)
            for page in model.pages.values()
            if page.facts is not None
            for reference in page.facts.references
            if everything or page.path in model.focus or may_lead_to_focus(reference.target)
        ]
        return model

    def close(self) -> None:
        """Let go of what the model reads from (the stored tables' file); nothing here."""

    # -- lookups ----------------------------------------------------------------------
    def peers(self, field: str) -> Iterable[SitePage]:
        """The pages whose `field` (title, description, keyphrase) may equal a focus page's,
        in path order: every page here; only the pages sharing a value with a focus page
        when the model comes from the stored tables."""
        return self.pages.values()

    def section_habits(self, section: str, page: SitePage) -> tuple[int, int, int]:
        """How many posts of `section` other than `page` there are, and how many of them
        have a date and an author (P007): the section's totals less the page's own, so a
        whole-site run is linear (counting the others page by page was quadratic: a
        20,000-page site's cold run spent minutes there)."""
        posts, dated, authored, members = self._sections.get(section, (0, 0, 0, frozenset()))
        own = self.pages[page.path].facts if page.path in members else None
        if own is None:
            return posts, dated, authored
        return posts - 1, dated - own.dated, authored - own.authored

    @cached_property
    def _sections(self) -> dict[str, tuple[int, int, int, frozenset[Path]]]:
        """Per section: its posts (ARTICLE_KINDS), how many have a date, an author, and their paths."""
        found: dict[str, list[SitePage]] = defaultdict(list)
        for page in self.pages.values():
            facts = page.facts
            if facts is not None and facts.kind in ARTICLE_KINDS and facts.section is not None:
                found[facts.section].append(page)
        return {
            section: (
                len(pages),
                sum(p.facts is not None and p.facts.dated for p in pages),
                sum(p.facts is not None and p.facts.authored for p in pages),
                frozenset(p.path for p in pages),
            )
            for section, pages in found.items()
        }

    def reported(self, page: SitePage) -> bool:
        """Whether the run reports on the page: in focus, and built or named."""
        return page.path in self.focus and (page.published or page.path in self.named)

    @cached_property
    def heads(self) -> dict[Path, PageHead]:
        """What the site's templates write in the head of each published page, for a page
        with a title and no description (M010, M011: what the templates do, not the page)."""
        return {
            page.path: self.site.page_head(page.path, {"title": "Title"})
            for page in self.pages.values()
            if page.facts is not None and page.published
        }

    @cached_property
    def by_url(self) -> Mapping[str, list[SitePage]]:
        """Published pages by the key of each URL they publish to (primary and aliases)."""
        return _by_url(p for p in self.pages.values() if p.published)

    @cached_property
    def unpublished_by_url(self) -> Mapping[str, list[SitePage]]:
        """Pages the generator does not build, by the URLs they would publish to."""
        return _by_url(p for p in self.pages.values() if not p.published)

    @cached_property
    def primary_urls(self) -> list[str]:
        return sorted({url_key(p.urls[0]) for p in self.pages.values() if p.urls and p.published})

    @cached_property
    def navigation_urls(self) -> frozenset[str]:
        """URL keys the site's menus and navigation data link to."""
        return self.site.navigation_urls()

    @cached_property
    def _generated(self) -> frozenset[str]:
        """URL keys of pages the generator writes without a content file: the home page
        (of each language), the sections above every page, and taxonomy pages."""
        keys = {url_key(self.site.base_path or "/")}
        keys.update(
            url_key(posixpath.join(self.site.base_path or "/", lang.prefix.lstrip("/")))
            for lang in self.site.languages()
        )
        for page in self.pages.values():
            for url in page.urls[:1]:
                parts = url_key(url).strip("/").split("/")
                keys.update(url_key("/" + "/".join(parts[:n])) for n in range(len(parts)))
        return frozenset(keys)

    @cached_property
    def _taxonomy_prefixes(self) -> tuple[str, ...]:
        return self.site.taxonomy_prefixes()

    @cached_property
    def _primary_by_language(self) -> dict[str | None, list[str]]:
        found: dict[str | None, set[str]] = defaultdict(set)
        for page in self.pages.values():
            if page.urls and page.published:
                found[page.language].add(url_key(page.urls[0]))
        return {language: sorted(urls) for language, urls in found.items()}

    def suggestion(self, wanted: str, language: str | None = None) -> str | None:
        """The published URL closest to `wanted`, for a "did you mean": its last segment
        must be close (a moved page keeps its name), then the whole URL breaks ties; a
        page in `language` (the linking page's) first."""
        if language is not None and len(self._primary_by_language) > 1:
            own = self._suggested(wanted, self._url_names_by_language.get(language))
            if own is not None:
                return own
        return self._suggested(wanted, self._url_names)

    def _suggested(self, wanted: str, indexed: UrlNames | None) -> str | None:
        if indexed is None:
            return None
        key = url_key(wanted)
        best: tuple[float, str] | None = None
        names, urls = indexed
        for name, near in names.near(posixpath.basename(key), NEAR):
            for url in urls[name]:
                if url != key:
                    score = 0.7 * near + 0.3 * ratio(key, url)
                    best = max(best or (score, url), (score, url))
        return best[1] if best else None

    def page_suggestion(self, wanted: Path) -> SitePage | None:
        """The content file whose name is closest to a missing one's."""
        best: tuple[float, str, SitePage] | None = None
        names, pages = self._page_names
        for name, near in names.near(_page_name(wanted), NEAR):
            for page in pages[name]:
                best = max(best or (near, page.shown, page), (near, page.shown, page), key=lambda b: b[:2])
        return best[2] if best else None

    @cached_property
    def _url_names(self) -> UrlNames:
        return _url_names(self.primary_urls)

    @cached_property
    def _url_names_by_language(self) -> dict[str | None, UrlNames]:
        return {language: _url_names(urls) for language, urls in self._primary_by_language.items()}

    @cached_property
    def _page_names(self) -> tuple[NearNames, Mapping[str, list[SitePage]]]:
        """The pages' names, indexed, and the pages of each."""
        pages: defaultdict[str, list[SitePage]] = defaultdict(list)
        for page in self.pages.values():
            pages[_page_name(page.path).lower()].append(page)
        return NearNames(pages), pages

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

    def not_checked(self) -> Counter[str]:
        """Links and images of reported pages into build-time content, by reason."""
        return Counter(
            item.reason
            for item in self.resolutions
            if item.status == "not-checked" and self.reported(item.source)
        )

    def unpublished(self) -> Counter[str]:
        """Pages the generator does not build, by reason (the part before any parenthesis)."""
        return Counter(page.withheld.split(" (")[0] for page in self.pages.values() if page.withheld)

    # -- resolution -------------------------------------------------------------------
    def _resolve(self, page: SitePage, reference: Reference) -> Resolution:
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

    def _by_path(self, page: SitePage, reference: Reference, path: Path, fragment: str | None) -> Resolution:
        path = Path(os.path.normpath(unquote(str(path))))
        if not _inside(path, self.site.root):
            if self._repository is not None and not _inside(path, self._repository):
                return Resolution(page, reference, "broken", str(path))  # nothing there is published
            return Resolution(page, reference, "uninterpretable", reason="path outside the site")
        if path in self.pages:
            found = self.pages[path]
            status: Status = "page" if found.published else "unpublished"
            return Resolution(page, reference, status, str(path), found, fragment)
        if path.is_dir():
            inner = next((self.pages[p] for p in _indexes(path) if p in self.pages), None)
            status = "generated" if inner is None else "page" if inner.published else "unpublished"
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
        why = self._build_time_path(path)
        if why:
            return Resolution(page, reference, "not-checked", str(path), reason=why)
        return Resolution(page, reference, "broken", str(path))

    def _build_time_path(self, path: Path) -> str | None:
        """Why a missing file is made at build time: ignored there by the repository, or
        published at a URL the config or a mount says is built."""
        assert self.build_time is not None
        candidates = [path]
        if path.suffix.lower() not in PAGE_SUFFIXES:  # `api/v2` names `api/v2.md` or a bundle
            candidates += [path.with_name(path.name + ".md"), path / "index.md", path / "_index.md"]
        why = next((w for c in candidates if (w := self.build_time.for_path(c))), None)
        if why is None and path.suffix.lower() in PAGE_SUFFIXES:
            urls = self.site.url_for(path)
            why = self.build_time.for_url(urls[0]) if urls else None
        return why

    def _by_url(
        self, page: SitePage, reference: Reference, url: str, fragment: str | None, hops: int = 0
    ) -> Resolution:
        url = re.sub(r"/{2,}", "/", unquote(urlsplit(url).path)) or "/"  # servers merge slashes
        base = self.site.base_path
        if base and not (url == base or url.startswith(base + "/")):
            url = base + url  # written without the base path the generator adds
        key = url_key(url)
        if key in self.by_url:
            return Resolution(
                page, reference, "page", url, self._in_language(self.by_url[key], page), fragment
            )
        if self._file_at(url):
            return Resolution(page, reference, "file", url)
        followed = self._redirect(page, reference, url, fragment, hops)
        if followed is not None:
            return followed
        name = posixpath.basename(key)
        if key in self._generated or name in GENERATED_NAMES or key.startswith(self._taxonomy_prefixes):
            return Resolution(page, reference, "generated", url)
        if "/page/" in key and name.isdigit():  # paginated list pages
            return Resolution(page, reference, "generated", url)
        if key in self.unpublished_by_url:
            return Resolution(page, reference, "unpublished", url, self.unpublished_by_url[key][0], fragment)
        why = self._build_time_url(key)
        if why:
            return Resolution(page, reference, "not-checked", url, reason=why)
        if key in self.navigation_urls:  # no content file, yet the site's own menus link it
            why = "the site's menus or navigation data link to it: made at build time"
            return Resolution(page, reference, "not-checked", url, reason=why)
        fallback = self.site.fallback_url(url)
        if fallback is not None and hops < MAX_HOPS:
            shown = self._by_url(page, reference, fallback, fragment, hops + 1)
            if shown.status != "broken":
                return dataclasses.replace(shown, wanted=url)
        return Resolution(page, reference, "broken", url)

    def _build_time_url(self, key: str) -> str | None:
        """Why the page at URL key `key` is made at build time (asked once per URL)."""
        memo = self._build_time_urls
        if key not in memo:
            build = self.build_time
            assert build is not None
            memo[key] = build.for_url(key) or next(
                (w for c in self.site.source_candidates(key) if (w := build.for_path(c))), None
            )
        return memo[key]

    @cached_property
    def _build_time_urls(self) -> dict[str, str | None]:
        return {}

    def _redirect(
        self, page: SitePage, reference: Reference, url: str, fragment: str | None, hops: int
    ) -> Resolution | None:
        """Where a redirect rule of the host sends `url`, judged there (anchor included)."""
        destination = self.site.redirects().destination(url)
        if destination is None:
            return None
        via = f"{url} -> {destination}"
        parts = urlsplit(destination)
        if parts.scheme or parts.netloc or hops >= MAX_HOPS:
            return Resolution(page, reference, "generated", url, via=via)
        found = self._by_url(page, reference, parts.path or "/", parts.fragment or fragment, hops + 1)
        return dataclasses.replace(found, wanted=url, via=via)

    def _in_language(self, candidates: list[SitePage], page: SitePage) -> SitePage:
        """Of the pages at one URL, the one in the linking page's language (and host)."""
        language = page.language
        return next((c for c in candidates if c.language == language), candidates[0])

    @cached_property
    def _repository(self) -> Path | None:
        """The repository the site is in (the nearest folder above it with `.git`), if any: a
        relative link that climbs out of it cannot lead to anything the site publishes."""
        return next((f for f in (self.site.root, *self.site.root.parents) if (f / ".git").exists()), None)

    @cached_property
    def _file_roots(self) -> tuple[str, ...]:
        return tuple(str(root) for root in (*self.site.static_roots(), *self.site.content_roots()))

    def _file_at(self, url: str) -> bool:
        """Whether a URL names a static file, or a file beside a page (a bundle resource)."""
        inner = url.removeprefix(self.site.base_path).lstrip("/")
        for root in self._file_roots:
            candidate = os.path.join(root, inner)
            if os.path.isfile(candidate) or os.path.isfile(os.path.join(candidate, "index.html")):
                return True
        folder, _, name = url.rstrip("/").rpartition("/")
        beside = self.by_url.get(url_key(folder or "/"), ())
        return any(
            os.path.isfile(beside_file := os.path.join(os.path.dirname(p.path), name))
            and not self.site.is_content(beside_file)  # a page is published as a page, not a file
            for p in beside
        )


def last_segment(target: str) -> str:
    """The last segment of a link target, as a page name: "/a/b/#x" and "../b.md" give "b"."""
    path = target.split("#", 1)[0].split("?", 1)[0].strip().rstrip("/")
    name = path.rsplit("/", 1)[-1]
    name = unquote(name) if "%" in name else name
    return os.path.splitext(name)[0].casefold() if "." in name else name.casefold()


def reaching(site: Site, pages: Iterable[SitePage]) -> Callable[[str], bool]:
    """Whether a link target may lead to one of `pages` (its last segment names one, or
    any target when a redirect rule may send links there from sources no name describes):
    the other pages' references a model with these pages in focus (or vanished) resolves."""
    names = names_of(site, pages)
    return _named_by(set(names)) if names is not None else lambda target: True


def names_of(site: Site, pages: Iterable[SitePage]) -> frozenset[str] | None:
    """Every last segment (`last_segment`) of a link that may lead to one of `pages`: their
    own names, and those of the redirect sources that may send a link to them; None when
    a rule may send links there from sources no name describes (`_through_redirects`)."""
    return _through_redirects(site, {name for page in pages for name in _names(page)})


def _through_redirects(site: Site, names: set[str]) -> frozenset[str] | None:
    """`names` and the last segments of the redirect rules' sources whose destination may
    be a page so named, rule after rule until none adds one (chains of rules). A link to
    `/old/` that the host sends to a page reaches it in the whole model, so the page has an
    incoming link there (W008), and a model focused on the page must resolve that link too.
    A rule whose destination ends in what its source's last segment matched (`/docs/*` to
    `/flux/:splat`) keeps the link's own last segment: the names already decide. None (any
    link may lead there) when a rule's source is a pattern and its destination may be the
    page, or its destination's last segment is filled in some other way."""
    found = set(names)
    rules = site.redirects().rules if found else ()
    grew = True
    while grew:
        grew = False
        for rule in rules:
            parts = urlsplit(rule.destination)
            if parts.scheme or parts.netloc:
                continue  # another host: the model never follows it to a page
            end = last_segment(parts.path)
            if _FILLED.search(end):
                if _keeps_last_segment(rule.source, parts.path):
                    continue
                return None
            if end not in found:
                continue
            if _PATTERN.search(rule.source):
                return None
            source = last_segment(rule.source)
            if source not in found:
                found.add(source)
                grew = True
    return frozenset(found)


_FILLED = re.compile(r":[A-Za-z_]|\$\d")  # a destination's part filled from the source
_PATTERN = re.compile(r"[*(]|:[A-Za-z_]")  # a source matching more than one path


def _keeps_last_segment(source: str, destination: str) -> bool:
    """Whether the destination's last segment is whatever the source's last one matched."""
    tail, end = source.rstrip("/").rsplit("/", 1)[-1], destination.rstrip("/").rsplit("/", 1)[-1]
    if tail == "*":
        return end == ":splat"
    return tail == end and re.fullmatch(r":[A-Za-z_]\w*", tail) is not None


def _named_by(names: set[str]) -> Callable[[str], bool]:
    """Whether a link target's last segment is one of `names`, worked out once per distinct
    target (a one-file run inside a large site asks it of every link of every page)."""
    known: dict[str, bool] = {}

    def named(target: str) -> bool:
        found = known.get(target)
        if found is None:
            found = known[target] = last_segment(target) in names
        return found

    return named


def _by_url(pages: Iterable[SitePage]) -> dict[str, list[SitePage]]:
    found: dict[str, list[SitePage]] = defaultdict(list)
    for page in pages:
        for url in dict.fromkeys(url_key(u) for u in page.urls):
            found[url].append(page)
    return dict(found)


def _names(page: SitePage) -> set[str]:
    """Every last segment a link to `page` may end in: its file name, its folder's for a
    folder's index page (a link to a folder reaches only its index, `_indexes`), and the
    last segment of each URL it publishes to. (Every link to a section's folder named a
    page beside its index too: 216 pages were read for one docs page of 5,046.)"""
    names = {page.path.stem.casefold()}
    if page.path.stem.casefold() in _INDEX_STEMS:
        names.add(page.path.parent.name.casefold())
    names.update(last_segment(url) for url in page.urls)
    return names


def _url_names(urls: list[str]) -> UrlNames:
    """The last segments of `urls`, indexed, and the URLs ending in each."""
    by_name: defaultdict[str, list[str]] = defaultdict(list)
    for url in urls:
        by_name[posixpath.basename(url).lower()].append(url)
    return NearNames(by_name), by_name


def _page_name(path: Path) -> str:
    """What a page is called: its file name without suffix, or its folder's for an index."""
    return path.parent.name if path.stem in ("index", "_index") else path.stem


def _inside(path: Path, root: Path) -> bool:
    return path == root or str(path).startswith(str(root).rstrip(os.sep) + os.sep)


_INDEX_STEMS = frozenset({"index", "_index"})  # the stems of `_indexes`


def _indexes(folder: Path) -> tuple[Path, ...]:
    return tuple(
        folder / name for name in ("index.md", "_index.md", "index.html", "_index.html", "index.markdown")
    )
