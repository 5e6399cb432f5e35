"""Page metadata (title, SEO title, description, keyphrase, slug, and what the publish gate
reads: draft flag, robots, dates, author, share image, canonical), resolved once per draft.

Front-ends read what their markup holds (`<title>`, `<meta name="description">`); the
front-matter keys that hold metadata are one setting (`[front-matter]`), applied here for
every format, so no rule looks keys up and every rule sees the same values.
"""

from __future__ import annotations

import datetime
from collections.abc import Callable, Sequence
from pathlib import PurePath
from typing import Any

from seolint.discover.records import NamedTuple
from seolint.document.model import Document, Field, Hints, Publishing, Span, revised
from seolint.parse.front_matter import key_span


class FrontMatterKeys(NamedTuple):
    """Which front-matter keys hold each piece of page metadata; the first non-empty one wins.

    One setting for every rule, so the description M003 finds is the one M004 measures
    and M007 searches.
    """

    title: tuple[str, ...] = ("title",)
    seo_title: tuple[str, ...] = ("seo_title", "meta_title")
    description: tuple[str, ...] = ("description", "summary", "excerpt")
    keyphrase: tuple[str, ...] = ("keyphrase", "focus_keyword", "focus_keyphrase")
    slug: tuple[str, ...] = ("slug", "path", "permalink", "url")  # a path's last part is the slug
    date: tuple[str, ...] = ("date", "publishDate", "pubDate", "published_at", "publish_date")
    lastmod: tuple[str, ...] = (
        "lastmod", "last_modified_at", "updated", "modified", "updated_at", "updatedDate",
    )  # fmt: skip
    author: tuple[str, ...] = ("author", "authors", "by")
    image: tuple[str, ...] = (
        "image", "images", "cover", "featured_image", "feature_image", "og_image", "heroImage",
    )  # fmt: skip
    canonical: tuple[str, ...] = ("canonical", "canonical_url", "canonicalURL", "canonical_link")
    robots: tuple[str, ...] = ("robots",)
    any_case: bool = False  # keys match in any case (`Title:`), as Hugo reads front matter


def resolve(doc: Document, keys: FrontMatterKeys) -> Document:
    """`doc` with its metadata fields filled from front matter (which wins) and the markup."""
    written = _written_keys(doc, keys.any_case)
    title = _first(doc, written, keys.title) or doc.title
    return revised(
        doc,
        title=title,
        seo_title=_first(doc, written, keys.seo_title) or title,
        description=_first(doc, written, keys.description) or doc.description,
        keyphrase=_first(doc, written, keys.keyphrase),
        slug=_slug(doc, written, keys.slug),
        publishing=_publishing(doc, keys),
        hints=doc.hints._replace(description=_description_hint(doc).format(key=keys.description[0])),
    )


def _description_hint(doc: Document) -> str:
    """Where to add a description: in front matter when the draft has some (an HTML page
    of a site, whose head the site's templates write), else as the format spells it."""
    return Hints().description if doc.front_matter_span is not None else doc.hints.description


KeyFinder = Callable[[str], "str | None"]


def _written_keys(doc: Document, any_case: bool) -> KeyFinder:
    """A lookup from a configured key to the key as the front matter writes it: the same
    key, or with `any_case` its first spelling in any case (`title` finds `Title`), as a
    generator that lowercases keys reads it."""
    if not any_case:
        return lambda key: key if key in doc.front_matter else None
    spelled: dict[str, str] = {}
    for key in doc.front_matter:
        if isinstance(key, str):
            spelled.setdefault(key.lower(), key)
    return lambda key: spelled.get(key.lower())


def _value(doc: Document, written: KeyFinder, key: str) -> tuple[str, object] | None:
    found = written(key)
    return (found, doc.front_matter[found]) if found is not None else None


def _first(doc: Document, written: KeyFinder, keys: Sequence[str]) -> Field | None:
    """The first of `keys` holding a non-empty string, spanning the line that sets it."""
    for key in keys:
        found = _value(doc, written, key)
        if found is not None and isinstance(found[1], str) and found[1].strip():
            return Field(" ".join(found[1].split()), _key_span(doc, found[0]), "front-matter")
    return None


def _publishing(doc: Document, keys: FrontMatterKeys) -> Publishing:
    """The markup's publishing facts, with front matter winning wherever it says something."""
    head = doc.publishing
    if not doc.front_matter:
        return head
    return head._replace(
        draft=_draft(doc),
        robots=_noindex(doc) or _first_value(doc, keys.robots) or head.robots,
        date=_first_value(doc, keys.date) or head.date,
        lastmod=_first_value(doc, keys.lastmod) or head.lastmod,
        author=_first_value(doc, keys.author) or head.author,
        image=_first_value(doc, keys.image, first_item=True) or head.image,
        canonical=_first_value(doc, keys.canonical) or head.canonical,
    )


def _draft(doc: Document) -> Field | None:
    """`draft: true` (Hugo, Zola, Astro, Eleventy), `published: false` (Jekyll) or `status: draft`."""
    fm = doc.front_matter
    for key, held_back in (("draft", fm.get("draft") is True), ("published", fm.get("published") is False)):
        if held_back:
            return Field(f"{key}: {str(fm[key]).lower()}", _key_span(doc, key), "front-matter")
    status = fm.get("status")
    if isinstance(status, str) and status.strip().lower() == "draft":
        return Field(f"status: {status.strip()}", _key_span(doc, "status"), "front-matter")
    return None


def _noindex(doc: Document) -> Field | None:
    """`noindex: true`, as some themes spell robots' noindex."""
    if doc.front_matter.get("noindex") is not True:
        return None
    return Field("noindex", _key_span(doc, "noindex"), "front-matter")


def _first_value(doc: Document, keys: Sequence[str], first_item: bool = False) -> Field | None:
    """Like `_first`, for values that need not be strings: a date, a list of authors (or with
    `first_item`, the first of a list of images), a table holding one (`cover: {image: x.png}`)."""
    for key in keys:
        value = doc.front_matter.get(key)
        if first_item and isinstance(value, list):
            value = value[0] if value else None
        text = _text(value)
        if text:
            return Field(text, _key_span(doc, key), "front-matter")
    return None


def _text(value: Any) -> str:
    if isinstance(value, str):
        return " ".join(value.split())
    if isinstance(value, (datetime.date, datetime.datetime)):
        return value.isoformat()
    if isinstance(value, list):
        return ", ".join(text for item in value if (text := _text(item)))
    if isinstance(value, dict):
        return next((text for key in ("image", "src", "url", "name") if (text := _text(value.get(key)))), "")
    return ""


def _slug(doc: Document, written: KeyFinder, keys: Sequence[str]) -> Field | None:
    """The last part of the first of `keys` set (`slug: x`, `url: /blog/x/`), else the file
    name; none for a section's `_index` file, whose URL is its folder's."""
    for key in keys:
        found = _value(doc, written, key)
        if found is not None and isinstance(found[1], str) and (trimmed := found[1].strip("/ ")):
            return Field(trimmed.rsplit("/", 1)[-1], _key_span(doc, found[0]), "front-matter")
    if doc.path in ("", "-"):
        return None
    path = PurePath(doc.path)
    if path.stem == "_index":
        return None
    name = path.parent.name if path.stem == "index" and path.parent.name else path.stem
    return Field(name, Span.point(1), "file-name")


def _key_span(doc: Document, key: str) -> Span:
    fm = doc.front_matter_span
    if fm is None:
        return Span.point(1)
    return key_span(doc.lines[: fm.end_line], key) or fm
