"""What an HTML page's head says about going live: robots, canonical URL, share image,
dates, author and JSON-LD (the publish-gate rules read them as `Document.publishing`).

Tags are read wherever they are, as browsers and crawlers do: a `<meta>` a template put in
the body still counts. JSON-LD lives in `<script>`, whose text the page tree leaves out, so
only a page that mentions `ld+json` is tokenized a second time to read it.
"""

from __future__ import annotations

from seolint.document.model import Document, Field, Publishing, Span
from seolint.parse.html import tokens as html_tokens
from seolint.parse.html.tree import Element, Tree

# Which tag fills which field: (attribute that names it, its value) -> field.
_META = {
    ("name", "robots"): "robots",
    ("name", "googlebot"): "robots",
    ("property", "og:image"): "image",
    ("name", "og:image"): "image",
    ("name", "twitter:image"): "image",
    ("property", "article:published_time"): "date",
    ("property", "article:modified_time"): "lastmod",
    ("name", "author"): "author",
    ("property", "article:author"): "author",
}
_JSON_LD = "application/ld+json"


def publishing(tree: Tree, doc: Document) -> Publishing:
    """The page's publishing facts from its tags (the first tag of each kind wins)."""
    found: dict[str, Field] = {}
    full_page = False
    for element in tree.elements:
        name = element.name
        if name in ("html", "head"):
            full_page = True
        elif name == "meta":
            _meta(element, doc, found)
        elif name == "link" and "canonical" in (element.get("rel") or "").lower().split():
            href = (element.get("href") or "").strip()
            found.setdefault("canonical", Field(href, _span(element, doc), "link-tag"))
        elif name == "title" and "head_title" not in found:
            found["head_title"] = Field(tree.text(element), _span(element, doc), "title-tag")
    return Publishing(
        robots=found.get("robots"),
        date=found.get("date"),
        lastmod=found.get("lastmod"),
        author=found.get("author"),
        image=found.get("image"),
        canonical=found.get("canonical"),
        head_title=found.get("head_title"),
        structured_data=_json_ld(doc) if _JSON_LD in doc.source.lower() else (),
        full_page=full_page,
    )


def _meta(element: Element, doc: Document, found: dict[str, Field]) -> None:
    for attribute in ("name", "property"):
        key = (attribute, (element.get(attribute) or "").strip().lower())
        field = _META.get(key)
        if field is not None and field not in found:
            content = " ".join((element.get("content") or "").split())
            found[field] = Field(content, _span(element, doc), "meta-tag")


def _json_ld(doc: Document) -> tuple[Field, ...]:
    """The text of every `<script type="application/ld+json">`, spanning the script."""
    scripts: list[Field] = []
    tokens = html_tokens.tokenize(doc.source)
    for index, token in enumerate(tokens):
        if not isinstance(token, html_tokens.StartTag) or token.name != "script":
            continue
        kind = next((value for key, value in token.attrs if key == "type"), None) or ""
        if kind.strip().lower() != _JSON_LD:
            continue
        following = tokens[index + 1] if index + 1 < len(tokens) else None
        text = following.text if isinstance(following, html_tokens.Text) else ""
        scripts.append(Field(text, doc.span_at(token.start, token.end), "script"))
    return tuple(scripts)


def _span(element: Element, doc: Document) -> Span:
    return doc.span_at(element.offset, element.end)
