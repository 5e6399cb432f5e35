"""Publish-gate rules that need the whole site (P): what the other posts have, what exists.

Like the W rules they read the site model (seolint.sitewide.model) once per site and say
which page each problem is on. The rules of one draft are in seolint.checks.publish.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from seolint.document.model import ARTICLE_KINDS, Span
from seolint.findings.records import Problem, Severity
from seolint.registry.options import Options, option
from seolint.registry.rule import NoOptions, site_rule

if TYPE_CHECKING:
    from seolint.findings.facts import FileFacts
    from seolint.sitewide.model import SiteModel, SitePage

Located = tuple[str, Problem]


class BylineOptions(Options):
    min_pages: int = option(5, minimum=1)  # other posts the section needs before its habit counts
    share: float = option(0.9, minimum=0.5, maximum=1)  # of them that must have the date (or author)


@site_rule("P007", "missing-date-author", Severity.WARNING, BylineOptions, kinds=ARTICLE_KINDS)
def missing_date_author(model: SiteModel, opts: BylineOptions) -> Iterator[Located]:
    """A post has no date or no author, though the other posts of its section have one.

    Why: themes show the date and author, feeds and sitemaps sort by the date, and search
    engines read both; a post without them looks broken next to its neighbours, or sorts
    as the oldest post of the site. A section is the first part of the pages' URL
    (`/blog/`; in Jekyll, the posts or a collection); it counts when at least `min-pages`
    other posts are in it and `share` of them have the field. A date in the file name
    (Jekyll posts, Zola) is a date.
    Example: every post under `/blog/` has `author:` but the new one -> add it.
    """
    for path in sorted(model.focus):
        page = model.pages[path]
        section = page.facts.section if page.facts is not None else None
        if page.facts is None or page.facts.kind not in ARTICLE_KINDS or section is None:
            continue
        others, dated, authored = model.section_habits(section, page)
        if others < opts.min_pages:
            continue
        for what, has, count in (("date", _dated, dated), ("author", _authored, authored)):
            if not has(page.facts) and count >= opts.share * others:
                message = f"no {what}, though {count} of the {others} other posts in {section} have one"
                yield str(page.path), Problem(_page_span(page), message, about="post")


def _dated(facts: FileFacts) -> bool:
    return facts.dated


def _authored(facts: FileFacts) -> bool:
    return facts.authored


@site_rule("P008", "missing-share-image", Severity.ERROR)
def missing_share_image(model: SiteModel, opts: NoOptions) -> Iterator[Located]:
    """The page's share image (front-matter `image`, `cover`, or `og:image`) does not exist.

    Why: social networks and chat apps show that image when the post is shared; a missing
    file shows a broken card, and the theme may show a broken header image too. Paths are
    looked up like images in the text: beside the page, in `static/` or the site's assets.
    Example: `image: /img/launch.png` with no `static/img/launch.png` -> add the file or fix
    the path.
    """
    for item in model.resolutions:
        if item.reference.kind == "cover" and item.status == "broken":
            yield str(item.source.path), Problem(item.reference.span, f"share image not found: {item.wanted}")


@site_rule("P009", "broken-canonical", Severity.ERROR)
def broken_canonical(model: SiteModel, opts: NoOptions) -> Iterator[Located]:
    """The page's canonical URL points at no page of this site.

    Why: search engines index the canonical URL instead of the page; one that leads
    nowhere can drop the post from search altogether. A canonical URL on another site (a
    post first published elsewhere) is not checked.
    Example: `canonical: /blog/old-slug/` after the post moved -> its new URL.
    """
    for item in model.resolutions:
        if item.reference.kind == "canonical" and item.status == "broken":
            yield (
                str(item.source.path),
                Problem(item.reference.span, f"canonical URL leads nowhere: {item.wanted}"),
            )


def _page_span(page: SitePage) -> Span:
    facts = page.facts
    return facts.title.span if facts is not None and facts.title is not None else Span.point(1)
