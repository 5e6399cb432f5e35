"""The page a draft becomes: what the site says of it, the config's `[kinds]`, its language.

Kept apart from the pipeline so that `--show-settings` reports exactly the page the rules
will judge.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from seolint.document import kinds
from seolint.document.language import page_language
from seolint.document.model import Document, Page

if TYPE_CHECKING:
    from seolint.config.plan import Plan
    from seolint.site import Site


def page_of(doc: Document, plan: Plan, site: Site | None) -> Page:
    """What the draft publishes as: the site's answer (outside a site: what its front matter
    and title say), its kind overridden by `[kinds]`, and its language."""
    page = site.page(Path(doc.path), doc.front_matter) if site is not None else _bare_page(doc)
    if doc.publishing.date is not None or (site is not None and site.dates_by_name(Path(doc.path))):
        page = page._replace(dated=True)
    configured = plan.kind_for(doc.path)
    if configured is not None:
        kind, glob = configured
        page = _because(page._replace(kind=kind), "kind", f'config: [kinds] "{glob}" = "{kind}"')
    site_reason = dict(page.reasons).get("language", "")
    language = page_language(doc, page.language, site_reason)
    return _because(page._replace(language=language.code), "language", language.reason)


def _bare_page(doc: Document) -> Page:
    guess = kinds.infer(doc.front_matter, doc.title.text if doc.title is not None else None)
    return Page(kind=guess.kind, reasons=(("kind", guess.reason),))


def _because(page: Page, field: str, reason: str) -> Page:
    """`page` with `reason` as the one reason for `field`."""
    return page._replace(reasons=(*((f, r) for f, r in page.reasons if f != field), (field, reason)))
