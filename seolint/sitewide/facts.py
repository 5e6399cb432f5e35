"""What the site model needs to know about one page, taken from its Document once.

The facts are cached with the file's result (seolint.cache.store), so a site whose files did
not change is modelled without parsing any of them again. Link targets are kept as
written: what they resolve to depends on the other files of the site, which is the site
model's question, asked fresh on every run.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from seolint.document.model import Document, Field
from seolint.document.placeholders import is_placeholder_target
from seolint.findings.facts import Fact, FileFacts, Reference, ReferenceKind

if TYPE_CHECKING:
    from seolint.site import Site

_SUPPRESSION_PREFIX = "seolint-"


def file_facts(site: Site, doc: Document) -> FileFacts:
    """The facts of one page of `site`."""
    from seolint.site.slugs import heading_ids

    path = Path(doc.path)
    lines = doc.lines

    def fact(field: Field | None) -> Fact | None:
        if field is None or not field.text.strip() or field.origin == "file-name":
            return None
        return Fact(field.text, field.span)

    automatic = heading_ids(site.generator, site.config, (h.text for h in doc.headings if not h.anchor))
    references = [
        Reference("link", link.href.strip(), link.syntax, link.span)
        for link in doc.links
        if link.href and _maybe_internal(site, link.href, path, link.syntax)
    ]
    references += [
        Reference("image", image.src.strip(), "url", image.span)
        for image in doc.images
        if image.src and _maybe_internal(site, image.src, path, "url")
    ]
    publishing = doc.publishing
    pointers: tuple[tuple[ReferenceKind, Field | None], ...] = (
        ("cover", publishing.image),
        ("canonical", publishing.canonical),
    )
    for kind, field in pointers:
        if field is not None and field.text.strip() and _maybe_internal(site, field.text, path, "url"):
            references.append(Reference(kind, field.text.strip(), "url", field.span))
    urls, publication = site.published_at(path, doc.front_matter)
    title, keyphrase = fact(doc.seo_title), fact(doc.keyphrase)
    description = fact(_published_description(doc))
    return FileFacts(
        urls=tuple(urls),
        kind=doc.page.kind,
        title=title,
        description=description,
        keyphrase=keyphrase,
        ids=tuple(dict.fromkeys((*doc.ids, *automatic))),
        references=tuple(references),
        line_count=max(len(lines), 1),
        first_line=next((line for line in lines if line.strip()), ""),
        directives=tuple(c for c in doc.comments if c.text.strip().lower().startswith(_SUPPRESSION_PREFIX)),
        ignore=_front_matter_ignore(doc),
        dated=doc.page.dated,
        authored=publishing.author is not None,
        section=site.section_of(path, urls[0] if urls else None),
        language=site.language_of(path, doc.front_matter),
        translation=site.translation_key(path, doc.front_matter),
        withheld=publication.withheld,
        publish_date=_iso(publication.publish_date),
        expiry_date=_iso(publication.expiry_date),
        listed=site.listed(path, doc.front_matter),
        contexts=_contexts(lines, (title, description, keyphrase, *references)),
    )


def _contexts(lines: Sequence[str], items: Iterable[Fact | Reference | None]) -> dict[int, str]:
    """The source line of each item, by line number (a line with three links, once)."""
    return {
        item.span.line: lines[item.span.line - 1] if 0 < item.span.line <= len(lines) else ""
        for item in items
        if item is not None
    }


def _iso(day: dt.date | None) -> str | None:
    return day.isoformat() if day is not None else None


def _maybe_internal(site: Site, target: str, path: Path, syntax: str) -> bool:
    """Generator link syntax always names this site; a plain URL does when the site's
    adapter reads it as a path or a URL on the site's own domain (pure string work)."""
    if syntax != "url":
        return True
    stripped = target.strip()
    if is_placeholder_target(stripped):  # a link still to add: no link at all (L001 reports it)
        return False
    if stripped.startswith("#") or stripped.lower().startswith(("data:", "mailto:", "tel:", "javascript:")):
        return False
    return site.resolve_link(stripped, path, "url") is not None


def _front_matter_ignore(doc: Document) -> tuple[str, ...] | None:
    entry = doc.front_matter.get("seolint")
    ignore = entry.get("ignore") if isinstance(entry, dict) else None
    if isinstance(ignore, str):
        ignore = [ignore]
    if isinstance(ignore, list) and all(isinstance(name, str) for name in ignore):
        return tuple(ignore)
    return None


def _published_description(doc: Document) -> Field | None:
    """The description the page's head will carry: none from front matter the site's
    templates never write (two such pages "sharing" one changes nothing)."""
    found = doc.description
    unwritten = doc.page.description_source not in ("front-matter", "unknown")
    return None if found is not None and found.origin == "front-matter" and unwritten else found
