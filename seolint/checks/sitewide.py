"""Site rules: questions no single draft can answer (W, "website"), and what the site's
templates make of every page's head (M010, M011).

Each rule reads the site model (seolint.sitewide.model) built from every content file of
the site, and says which page each problem is on; findings name the other files and
lines involved. They run once per site, after the rules of each draft.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING
from urllib.parse import unquote

from seolint.document.model import PageKind, Span
from seolint.findings.records import Problem, Severity
from seolint.registry.options import Options, option
from seolint.registry.rule import NoOptions, site_rule
from seolint.site.paths import serves_missing, url_key

if TYPE_CHECKING:
    from pathlib import Path

    from seolint.findings.facts import Fact
    from seolint.sitewide.model import Resolution, SiteModel, SitePage

Located = tuple[str, Problem]


class BrokenLinkOptions(Options):
    # URL globs (fnmatch) of pages made outside the repository at build time, e.g.
    # ["/flux/components/*"] for docs a build step imports; links to them are not checked.
    ignore_targets: tuple[str, ...] = ()


@site_rule("W001", "broken-internal-link", Severity.ERROR, BrokenLinkOptions)
def broken_internal_link(model: SiteModel, opts: BrokenLinkOptions) -> Iterator[Located]:
    """A link points at a page or file of this site that does not exist.

    Why: a broken internal link is a dead end for readers and wastes crawl budget; site
    crawlers find it only after the post is live. Hugo `ref`/`relref`, Liquid `{% link %}`
    and `{% post_url %}`, Zola `@/` links and relative `.md` links are checked too, and a
    page with a close URL is suggested.
    Example: `[repos](/posts/go-repositories/)` while the post publishes to
    `/posts/go-repository/` -> fix the link (did you mean /posts/go-repository?).
    Redirects (`_redirects`, `netlify.toml`, `vercel.json`, aliases, `redirect_from`) are
    followed. A link into content made at build time (a mount the build fetches, a file
    the repository's `.gitignore` keeps out, the config's `generated` globs) is not checked.
    On a multilingual site a link resolves in the page's own language first.
    """
    import fnmatch

    for item in model.resolutions:
        if item.status != "broken" or item.reference.kind != "link" or not model.reported(item.source):
            continue
        wanted = _shown_target(model, item.wanted)
        if any(fnmatch.fnmatchcase(wanted, glob) for glob in opts.ignore_targets):
            continue
        message = f"no page or file of this site at {wanted}"
        hint = _hint(model, item)
        yield str(item.source.path), Problem(item.reference.span, message + hint)


@site_rule("W002", "broken-page-anchor", Severity.WARNING)
def broken_page_anchor(model: SiteModel, opts: NoOptions) -> Iterator[Located]:
    """A link to another page's `#section` names no heading or id on that page.

    Why: the reader lands at the top of the other page instead of the section promised;
    it usually means the heading was renamed. Ids are the generator's own automatic
    heading ids (Hugo/Goldmark, Jekyll/kramdown, Zola) and explicit `{#id}`/`id=` ones.
    Example: `[install](/docs/setup/#instal)` while the heading is `## Install`
    (id `install`) -> `/docs/setup/#install`.
    """
    for item in model.resolutions:
        target = item.target
        if item.status != "page" or not item.fragment or target is None or target is item.source:
            continue
        if not model.reported(item.source):
            continue
        if target.facts is None or target.facts.kind in ("list", "landing"):  # their templates add ids
            continue
        fragment = unquote(item.fragment)
        ids = target.facts.ids
        if fragment in ids or fragment.lower() in {i.lower() for i in ids} or fragment == "top":
            continue
        message = f"{target.shown} has no heading or id #{fragment}"
        close = closest_id(fragment, ids)
        yield (
            str(item.source.path),
            Problem(item.reference.span, message + (f" (did you mean #{close}?)" if close else "")),
        )


@site_rule("W003", "missing-asset", Severity.ERROR)
def missing_asset(model: SiteModel, opts: NoOptions) -> Iterator[Located]:
    """A local image is not in the site (page bundle, static folder or relative path).

    Why: the published post shows a broken image; a missing file is found before the
    commit instead of by a reader.
    Example: `![diagram](arch.png)` in `posts/x/index.md` with no `posts/x/arch.png` ->
    add the file or fix the name.
    """
    for item in model.resolutions:
        if item.status == "broken" and item.reference.kind == "image" and model.reported(item.source):
            wanted = _shown_target(model, item.wanted)
            yield str(item.source.path), Problem(item.reference.span, f"image not found: {wanted}")


class DuplicateOptions(Options):
    include_list_pages: bool = False  # section, index and home pages count too
    min_length: int = option(1, minimum=1)  # shorter texts ("Blog") are not compared


@site_rule("W004", "duplicate-title", Severity.WARNING, DuplicateOptions)
def duplicate_title(model: SiteModel, opts: DuplicateOptions) -> Iterator[Located]:
    """Two pages of the site have the same SEO title.

    Why: search engines show one of them, or rewrite both; readers cannot tell the
    results apart. Compared without case and extra spaces, between pages of one language
    (a translation is another language's page); pages the generator does not build are
    left out.
    Example: two posts titled "Getting started" -> "Getting started with Flux" and
    "Getting started with Helm".
    """
    yield from _duplicates(model, opts, "title", "SEO title")


@site_rule("W005", "duplicate-description", Severity.WARNING, DuplicateOptions)
def duplicate_description(model: SiteModel, opts: DuplicateOptions) -> Iterator[Located]:
    """Two pages of the site have the same meta description.

    Why: the description is the snippet under the title in search results; a copied one
    says nothing about this page (Google flags duplicate descriptions).
    Example: a description copied from the previous post -> write one for this post.
    """
    yield from _duplicates(model, opts, "description", "meta description")


@site_rule("W006", "keyphrase-reused", Severity.WARNING, DuplicateOptions)
def keyphrase_reused(model: SiteModel, opts: DuplicateOptions) -> Iterator[Located]:
    """Another page of the site targets the same focus keyphrase.

    Why: two posts competing for one query split its clicks and links (Yoast's
    "previously used keyphrase"); link to the older post or pick another phrase.
    Example: `keyphrase: flux bootstrap` in two posts -> one of them targets
    "flux bootstrap github".
    """
    yield from _duplicates(model, opts, "keyphrase", "keyphrase")


@site_rule("W007", "url-collision", Severity.ERROR)
def url_collision(model: SiteModel, opts: NoOptions) -> Iterator[Located]:
    """Two pages publish to the same URL (a path, `slug`, `url`, permalink or alias).

    Why: the generator writes one over the other (or fails the build); one page silently
    disappears from the site. Each language's pages publish under its own prefix (or host),
    and pages the generator does not build publish nothing.
    Example: `slug: setup` in `posts/a.md` and `posts/setup.md` -> give one another slug.
    """
    mine = {url_key(u) for path in model.focus for u in model.pages[path].urls}  # a finding's own URLs
    for key in sorted(mine):
        pages = model.by_url.get(key, [])
        if len(pages) < 2:
            continue
        hosts: dict[str, list[SitePage]] = defaultdict(list)
        for page in pages:
            hosts[model.site.namespace(page.language)].append(page)
        for sharing in hosts.values():
            for page in sharing if len(sharing) > 1 else ():
                if not model.reported(page):
                    continue
                others = ", ".join(other.shown for other in sharing if other is not page)
                yield (
                    str(page.path),
                    Problem(_page_span(page), f"publishes to {key} like {others}", about="post"),
                )


class OrphanOptions(Options):
    min_incoming: int = option(1, minimum=1)  # links from other pages a post needs
    # also on sites whose navigation seolint cannot read (Astro), where every page the
    # templates list would be reported
    everywhere: bool = False


# Not on list pages (their template links them) nor landing pages (menus and the home link do).
_LINKED_BY_TEMPLATES: tuple[PageKind, ...] = ("post", "docs", "reference", "release-notes")


@site_rule("W008", "orphan-page", Severity.INFO, OrphanOptions, kinds=_LINKED_BY_TEMPLATES)
def orphan_page(model: SiteModel, opts: OrphanOptions) -> Iterator[Located]:
    """No page, menu or list of the site links to this post.

    Why: readers and crawlers reach a post through links; one nothing links to is found
    late and ranks low. A page the site's navigation lists is reached: Hugo menus
    (front matter and config) and section list pages (and Docsy's sidebar), Zola section
    templates that list their pages, Jekyll `_data` navigation and loops over
    `site.posts` or a collection, Docusaurus sidebars and the blog list, MkDocs `nav`.
    List pages (sections, the home page) and the 404 page are not checked. Off on Astro
    sites unless `everywhere = true`: their lists are components seolint does not read.
    Example: a new post nobody links to -> link it from a related post.
    """
    if not model.site.orphans_checked and not opts.everywhere:
        return
    incoming: dict[str, set[str]] = defaultdict(set)
    for item in model.resolutions:
        target = item.target
        if (
            item.status == "page"
            and target is not None
            and target is not item.source
            and item.source.published
            and item.reference.kind in ("link", "image")  # a canonical URL is no way in
        ):
            incoming[str(target.path)].add(str(item.source.path))
    navigation = model.navigation_urls
    for page in (
        model.pages[path] for path in sorted(model.focus)
    ):  # others' incoming links are not all known
        if page.facts is None or not page.published or any(serves_missing(u) for u in page.urls):
            continue  # the 404 page is reached by missing URLs, never by links
        if (
            page.facts.listed
            or model.site.navigated(page.path)
            or any(url_key(u) in navigation for u in page.urls)
        ):
            continue
        count = len(incoming[str(page.path)])
        if count < opts.min_incoming:
            message = "no other page links here" if count == 0 else f"only {count} other page(s) link here"
            yield str(page.path), Problem(_page_span(page), message, about="post")


@site_rule("W009", "link-to-unpublished", Severity.ERROR)
def link_to_unpublished(model: SiteModel, opts: NoOptions) -> Iterator[Located]:
    """A published page links to a page the generator does not build.

    Why: a draft, a post dated in the future, an expired page or one its build options
    keep out (`build.render: never`, a headless bundle, `published: false`) has no URL
    on the live site: the link 404s as soon as this page is published.
    Example: `[the plan](/posts/roadmap/)` while `posts/roadmap.md` has `draft: true`
    -> publish the draft first, or link elsewhere.
    """
    for item in model.resolutions:
        target = item.target
        if item.status != "unpublished" or target is None or not item.source.published:
            continue
        if not model.reported(item.source) or target.withheld is None:
            continue
        message = f"links to {target.shown}, which is not built ({target.withheld})"
        yield str(item.source.path), Problem(item.reference.span, message + ": it will 404 on the live site")


# -- the site's templates --------------------------------------------------------------


@site_rule("M010", "shared-description", Severity.WARNING)
def shared_description(model: SiteModel, opts: NoOptions) -> Iterator[Located]:
    """The site's templates give every page the same meta description.

    Why: search results show the description under each page's title; when the templates
    write one fixed text (a tagline) for all pages, every result reads the same, and the
    `description` a writer puts in front matter changes nothing because it is never
    written. One finding for the whole site, on its home page (else its first page), naming
    the template line to change; M003 and M004 stay quiet on each page. A template that
    falls back to one text only when a page has no description is not this problem: M003
    asks those pages for a description.
    Example: `<meta name="description" content="Empowering everyone...">` in
    templates/layout.html -> `content="{{ page.description | default(value=...) }}"`.
    """
    if not _may_anchor(model):
        return
    anchor = _site_page(model)
    if anchor is None:
        return
    groups: dict[tuple[str, str], int] = defaultdict(int)
    for head in model.heads.values():
        if head.description_source == "site" and not head.description_settable:
            groups[(head.fixed_description or "", head.description_at)] += 1
    for (text, at), count in sorted(groups.items()):
        message = (
            f"{count} pages get the same meta description, {text!r}, from {at}; "
            "a front-matter `description` is never written: write it from the template"
        )
        yield str(anchor.path), Problem(Span.point(1), message, about="post")


class AffixOptions(Options):
    # What a template may add around page titles: M002's max - min, so that a title of the
    # minimum length still fits whole.
    max: int = option(30, minimum=0)


@site_rule("M011", "long-title-affix", Severity.WARNING, AffixOptions)
def long_title_affix(model: SiteModel, opts: AffixOptions) -> Iterator[Located]:
    """The site's templates add so much to every page's <title> that search results cut it.

    Why: search results show about 60 characters of title. A template that writes
    "Title | Jekyll • Simple, blog-aware, static sites" spends 44 of them on the site,
    so any page title over 16 characters is cut. One finding for the whole site, on its
    home page (else its first page), naming the template; M002 then judges each page's
    own title with room for a short site name only.
    Example: a site `name` of "Jekyll • Simple, blog-aware, static sites" -> "Jekyll",
    with the tagline kept for the home page.
    """
    if not _may_anchor(model):
        return
    groups: dict[tuple[str, str, str], list[Path]] = defaultdict(list)
    for path, head in model.heads.items():
        if head.title_affixes is not None and len("".join(head.title_affixes)) > opts.max:
            groups[(*head.title_affixes, head.title_at)].append(path)
    for (before, after, at), paths in sorted(groups.items()):
        anchor = _home_of(model, paths)
        if anchor is None:
            continue
        added = " and ".join(repr(a) for a in (before, after) if a)
        message = (
            f"the template adds {added} ({len(before + after)} characters, max {opts.max}) "
            f"to the <title> of {len(paths)} pages ({at}): search results cut their titles"
        )
        yield str(anchor.path), Problem(Span.point(1), message, about="post")


def _may_anchor(model: SiteModel) -> bool:
    """Whether a finding about the whole site or a group of pages may go on a focus page:
    always, unless the stored tables name the pages such findings go on."""
    return model.anchors is None or not model.anchors.isdisjoint(model.focus)


def anchors(model: SiteModel) -> set[Path]:
    """Every page M010 or M011 may put a finding on, whatever the run reports on and
    whatever M011's `max`: the site tables keep them, so that a one-file run on any
    other page skips both rules without reading every page's head."""
    found = {page.path for page in [_anchor_of(model, None)] if page is not None}
    groups: dict[tuple[str, str, str], list[Path]] = defaultdict(list)
    for path, head in model.heads.items():
        if head.title_affixes is not None:
            groups[(*head.title_affixes, head.title_at)].append(path)
    found.update(page.path for paths in groups.values() if (page := _anchor_of(model, paths)) is not None)
    return found


def _site_page(model: SiteModel) -> SitePage | None:
    """The page a finding about the whole site goes on, if this run reports on it: the
    home page (the one at the site's root URL), else the site's first page by path."""
    return _home_of(model, None)


def _home_of(model: SiteModel, among: Iterable[Path] | None) -> SitePage | None:
    """The page a finding about the pages `among` (None: the whole site) goes on, if this
    run reports on it."""
    chosen = _anchor_of(model, among)
    return chosen if chosen is not None and chosen.path in model.focus else None


def _anchor_of(model: SiteModel, among: Iterable[Path] | None) -> SitePage | None:
    """The page a finding about the pages `among` (None: the whole site) goes on: the
    home page of their language (`/fr/`; the site's root URL for one language), else the
    first of them by path."""
    pages = sorted(_published(model), key=lambda page: page.path)
    pages_among = pages
    base = model.site.base_path or ""
    homes = {url_key(base or "/")}
    if among is not None:
        kept = set(among)
        pages_among = [page for page in pages if page.path in kept]
        codes = {page.facts.language for page in pages_among if page.facts is not None}
        prefixes = [lang.prefix for lang in model.site.languages() if lang.code in codes]
        if len(codes) == 1 and prefixes:
            homes = {url_key(f"{base}{prefixes[0]}/")}
    if not pages_among:
        return None
    return next((page for page in pages if url_key(page.urls[0]) in homes), pages_among[0])


def _published(model: SiteModel) -> Iterator[SitePage]:
    return (page for page in model.pages.values() if page.facts is not None and page.published)


# -- shared ---------------------------------------------------------------------------


def _duplicates(model: SiteModel, opts: DuplicateOptions, field: str, what: str) -> Iterator[Located]:
    groups: dict[tuple[str | None, str], list[tuple[SitePage, Fact]]] = defaultdict(list)
    for page in model.peers(field):
        facts = page.facts
        listing = facts is not None and facts.kind in ("list", "landing")  # titled by the site
        if facts is None or not page.published or (listing and not opts.include_list_pages):
            continue
        value: Fact | None = getattr(facts, field)
        if value is not None and len(value.text.strip()) >= opts.min_length:
            groups[facts.language, " ".join(value.text.casefold().split())].append((page, value))
    for members in groups.values():
        if len(members) < 2:
            continue
        for page, value in members:
            if not model.reported(page):
                continue
            others = [f"{o.at(v.span.line)}" for o, v in members if o is not page]
            shown = ", ".join(others[:3]) + (f" and {len(others) - 3} more" if len(others) > 3 else "")
            yield (
                str(page.path),
                Problem(value.span, f"{what} {value.text.strip()!r} is also used by {shown}"),
            )


def _page_span(page: SitePage) -> Span:
    facts = page.facts
    return facts.title.span if facts is not None and facts.title is not None else Span.point(1)


def _hint(model: SiteModel, item: Resolution) -> str:
    external = model.missing_scheme(item)
    if external:
        return f" (a relative link: did you mean {external}?)"
    if not item.wanted.startswith(str(model.site.root)):
        close = model.suggestion(item.wanted, item.source.language)
        return f" (did you mean {close}?)" if close else ""
    from pathlib import Path

    page = model.page_suggestion(Path(item.wanted))
    return f" (did you mean {page.shown}?)" if page else ""


def _shown_target(model: SiteModel, wanted: str) -> str:
    root = str(model.site.root).rstrip("/") + "/"
    return wanted.removeprefix(root) if wanted.startswith(root) else wanted


def closest_id(fragment: str, ids: tuple[str, ...]) -> str | None:
    """The page's id closest to a missing `#fragment` (W002's "did you mean", and the
    language server's fix for it)."""
    import difflib

    close = difflib.get_close_matches(fragment.lower(), [i for i in ids if re.fullmatch(r"[^\s]+", i)], n=1)
    return close[0] if close else None
