"""The heads that known themes and plugins write when their templates are not in the
repository: Docsy (a Hugo module) and jekyll-seo-tag's `{% seo %}`. Each is written here
as the documented behaviour, in Python: it returns the <title> and meta description tags
the symbolic renderer would have produced from the real template.

Sources (read for issue 25; see the notes in the pull request):
- Docsy `layouts/partials/head.html` (v0.6.0, unchanged through v0.16 in `_partials/`):
  home: the site title; other pages: `Title | Site title` (the site title alone when the
  page has none). `page-description.html` up to v0.10: `.Description`, else `.Summary` on
  regular pages and the site's `params.description` on list pages; from v0.11 on:
  `.Description`, else `.Summary`, else the site description, on every kind of page.
- jekyll-seo-tag v2.9 `lib/jekyll-seo-tag/drop.rb`: title `page title | site title`
  (site title = `site.title || site.name`); a page without a title, or titled like the
  site, gets `site title | site.tagline || site.description`; description =
  `page.description || page.excerpt || site.description`.
"""

from __future__ import annotations

import html
from collections.abc import Mapping, Sequence
from typing import Any

from seolint.site.head_render import Builtin
from seolint.site.template_values import SUMMARY, UNKNOWN_MARK, Record, Scope, attribute, text_of, truthy

DOCSY_SUMMARY_EVERYWHERE = (0, 11)  # from this version on, list pages use their summary too


def docsy_head(version: tuple[int, int] | None) -> Builtin:
    """Docsy's head partial for a Hugo page context (None `version`: not known)."""

    def head(args: Sequence[Any], kwargs: Mapping[str, Any], scope: Scope) -> str:
        page = args[0] if args else None
        if not isinstance(page, Record):
            return UNKNOWN_MARK
        site = page.field("site")
        site_title = text_of(attribute(site, "title"))
        own = page.field("title")
        if page.field("ishome") is True:
            title = site_title
        else:
            title = (text_of(own) + " | " if truthy(own) else "") + site_title
        description = page.field("description")
        if truthy(description):
            written = text_of(description)
        elif page.field("ispage") is True or (version is not None and version >= DOCSY_SUMMARY_EVERYWHERE):
            written = SUMMARY
        elif version is None or page.field("ispage") is not False:
            written = UNKNOWN_MARK
        else:
            written = text_of(attribute(attribute(site, "params"), "description"))
        return head_tags(title, written)

    return head


def seo_tag(args: Sequence[Any], kwargs: Mapping[str, Any], scope: Scope) -> str:
    """`{% seo %}` (jekyll-seo-tag) for the page and site in `scope`."""
    page, site = scope.get("page"), scope.get("site")
    site_title = _first_set(attribute(site, "title"), attribute(site, "name"))
    page_title = _first_set(attribute(page, "title"), site_title)
    if UNKNOWN_MARK in (site_title, page_title):
        title = UNKNOWN_MARK
    elif site_title and page_title != site_title:
        title = f"{page_title} | {site_title}"
    elif site_title and (description := _first_set(attribute(site, "description"))):
        title = f"{site_title} | {_first_set(attribute(site, 'tagline')) or description}"
    else:
        title = page_title or site_title
    description = _first_set(
        attribute(page, "description"), attribute(page, "excerpt"), attribute(site, "description")
    )
    arguments = " ".join(str(a) for a in args).replace(" ", "")
    return head_tags(None if "title=false" in arguments else title, description)


def head_tags(title: str | None, description: str) -> str:
    """A <title> (unless None) and a meta description, as a head template writes them."""
    written = f"<title>{html.escape(title)}</title>\n" if title is not None else ""
    return written + f'<meta name="description" content="{html.escape(description)}">\n'


def _first_set(*values: Any) -> str:
    """The text of the first value that is set ("" when none is); UNKNOWN_MARK on an unknown."""
    for value in values:
        known = truthy(value)
        if known is None:
            return UNKNOWN_MARK
        if known:
            return text_of(value)
    return ""
