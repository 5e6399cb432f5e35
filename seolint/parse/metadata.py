"""Page metadata (title, SEO title, description, keyphrase, slug), resolved once per draft.

Front-ends read what their markup holds (`<title>`, `<meta name="description">`); the
front-matter keys that hold metadata are one setting (`[front-matter]`), applied here for
every format, so no rule looks keys up and every rule sees the same values.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import PurePath

from seolint.document.model import Document, Field, Span, revised
from seolint.parse.front_matter import key_span


@dataclass(frozen=True)
class FrontMatterKeys:
    """Which front-matter keys hold each piece of page metadata; the first non-empty one wins.

    One setting for every rule, so the description M003 finds is the one M004 measures
    and M007 searches.
    """

    title: tuple[str, ...] = ("title",)
    seo_title: tuple[str, ...] = ("seo_title", "meta_title")
    description: tuple[str, ...] = ("description", "summary", "excerpt")
    keyphrase: tuple[str, ...] = ("keyphrase", "focus_keyword", "focus_keyphrase")
    slug: tuple[str, ...] = ("slug", "path", "permalink", "url")  # a path's last part is the slug


def resolve(doc: Document, keys: FrontMatterKeys) -> Document:
    """`doc` with its metadata fields filled from front matter (which wins) and the markup."""
    title = _first(doc, keys.title) or doc.title
    return revised(
        doc,
        title=title,
        seo_title=_first(doc, keys.seo_title) or title,
        description=_first(doc, keys.description) or doc.description,
        keyphrase=_first(doc, keys.keyphrase),
        slug=_slug(doc, keys.slug),
        hints=doc.hints._replace(description=doc.hints.description.format(key=keys.description[0])),
    )


def _first(doc: Document, keys: Sequence[str]) -> Field | None:
    """The first of `keys` holding a non-empty string, spanning the line that sets it."""
    for key in keys:
        value = doc.front_matter.get(key)
        if isinstance(value, str) and value.strip():
            return Field(" ".join(value.split()), _key_span(doc, key), "front-matter")
    return None


def _slug(doc: Document, keys: Sequence[str]) -> Field | None:
    """The last part of the first of `keys` set (`slug: x`, `url: /blog/x/`), else the file name."""
    for key in keys:
        value = doc.front_matter.get(key)
        if isinstance(value, str) and (trimmed := value.strip("/ ")):
            return Field(trimmed.rsplit("/", 1)[-1], _key_span(doc, key), "front-matter")
    if doc.path in ("", "-"):
        return None
    path = PurePath(doc.path)
    name = path.parent.name if path.stem == "index" and path.parent.name else path.stem
    return Field(name, Span.point(1), "file-name")


def _key_span(doc: Document, key: str) -> Span:
    fm = doc.front_matter_span
    if fm is None:
        return Span.point(1)
    return key_span(doc.lines[: fm.end_line], key) or fm
