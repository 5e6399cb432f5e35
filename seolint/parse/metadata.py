"""Page metadata (title, SEO title, description, keyphrase, slug), resolved once per draft.

Front-ends read what their markup holds (`<title>`, `<meta name="description">`); the
front-matter keys that hold metadata are one setting (`[front-matter]`), applied here for
every format, so no rule looks keys up and every rule sees the same values.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import PurePath

from seolint.document.model import Document, Field, Hints, Span, revised
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
