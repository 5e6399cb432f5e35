"""Someone else's web page saved whole as a draft (part of S010).

A site's own page holds its post in an `<article>` or `<main>`, and its navigation and
footer around it are the site's. A page saved from a blog platform is the same shape, but
its article holds the platform's chrome too (a byline with a reading time, claps, "Follow",
"Listen · Share"): then the page is a copy, and what it shows around its article (the
platform's header bar, tags, responses, author card, "More from" lists, footer) was pasted
with it, as are the lines above the post's title inside the article ("Member-only story",
"Published in ...") and its `<title>` with the platform's name after the post's.
"""

from __future__ import annotations

from collections.abc import Sequence

from seolint.checks.page_debris import Debris
from seolint.document.model import Document, Field

_CHROME_INSIDE = (
    2  # pieces of chrome in the article that make the page a copy (one may be the site's ad slot)
)
_SUFFIXES = (" | ", " - ", " – ", " — ", " · ")  # "Post title | by Ana | Medium", "Post - The Ledger"


def find_page_around(doc: Document, debris: Sequence[Debris]) -> list[Debris]:
    """The lines around a page's article and above its H1, and its suffixed `<title>`, once
    the article's own text holds two pieces of a page's chrome or more (`debris`: what
    page_debris found in the post body); one finding a line, none on a line `debris` has."""
    if not doc.page_text or len(debris) < _CHROME_INSIDE:
        return []
    found: dict[int, Debris] = {}
    title = doc.title
    for block in doc.page_text:
        line = block.span.line
        if not _shows_title(block.text, line, title):
            found.setdefault(line, Debris(line, line, "the source page's chrome around its article", True))
    h1 = next((heading for heading in doc.headings if heading.level == 1), None)
    above = [block.span.line for block in doc.blocks if h1 is not None and block.span.end_line < h1.span.line]
    for line in above:
        found.setdefault(line, Debris(line, line, "the source page's line above the post's title", False))
    if title is not None and title.origin == "title-tag" and any(s in title.text for s in _SUFFIXES):
        line = title.span.line
        found.setdefault(line, Debris(line, line, "the source page's title with its site's name", False))
    taken = {line for d in debris for line in range(d.first, d.last + 1)}
    return [d for line, d in sorted(found.items()) if line not in taken]


def _shows_title(text: str, line: int, title: Field | None) -> bool:
    """Whether a line of the page around the article is its heading with the post's title
    (`<header><h1>` over `<main>`): the post's own, when it comes after the page's `<title>`."""
    return title is not None and line > title.span.line and text.strip() == title.text.strip()
