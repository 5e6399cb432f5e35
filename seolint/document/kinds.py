"""What kind of page a draft is, from what any site shows: front matter, its title, the
section it sits in, and what the site calls itself.

The generator adapters add what only they know (Hugo `_index.md` is a list page and a
section's `cascade`, Jekyll `_posts` versus collections, the home page) and then ask
`infer` for the rest. Outside a site only the front matter and the title are there.
The order, first answer wins:

1. front matter `kind:` naming a page kind (seolint's own key);
2. a release title ("Announcing Rust 1.24", "Jekyll 3.4.0 Released", "Go 1.22 is
   released!", "Flux v2.3.0", "Flink ML 2.2.0 Release Announcement", "1.54.0 pre-release
   testing") or a `category`/`categories`/`tags` entry such as `release`;
3. front matter `type` or `layout` with a known meaning (`docs`, `post`, `home`, ...);
4. the nearest enclosing section with a known name (`blog`, `news`, `docs`, `api`,
   `glossary`, `changelog`, `releases`, ...);
5. the site's own title ("Cloud Native Glossary", "Rust Blog");
6. otherwise a post: what seolint judged every page as before it knew kinds.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from functools import cache
from typing import Any

from seolint.discover.records import NamedTuple
from seolint.document.model import PAGE_KINDS, PageKind


class KindGuess(NamedTuple):
    kind: PageKind
    reason: str  # for people: `--show-settings` and `--show-site` print it


DEFAULT = KindGuess("post", "no sign of another kind: a post")

# Folder names, lowercased, with `_` and `-` as written (Jekyll collections keep their `_`).
SECTIONS: Mapping[str, PageKind] = {
    **dict.fromkeys(("blog", "blogs", "posts", "post", "_posts", "news", "articles", "stories"), "post"),
    **dict.fromkeys(
        (
            "docs", "doc", "_docs", "documentation", "guide", "guides", "tutorial", "tutorials",
            "_tutorials", "handbook", "manual", "learn", "how-to", "howto", "getting-started",
        ),
        "docs",
    ),
    **dict.fromkeys(
        ("reference", "references", "glossary", "api", "apis", "cli", "cmd", "commands", "specs", "faq"),
        "reference",
    ),
    **dict.fromkeys(
        ("releases", "release-notes", "release_notes", "releasenotes", "changelog", "changelogs", "changes"),
        "release-notes",
    ),
}  # fmt: skip
# Front matter `type` (Hugo) and `layout` (Jekyll, Hugo) values.
LAYOUTS: Mapping[str, PageKind] = {
    **dict.fromkeys(("post", "posts", "blog", "article", "news", "news_item"), "post"),
    **dict.fromkeys(("docs", "doc", "documentation", "tutorial", "tutorials", "guide"), "docs"),
    **dict.fromkeys(("reference", "glossary", "api"), "reference"),
    **dict.fromkeys(("release", "releases", "release-notes", "changelog"), "release-notes"),
    **dict.fromkeys(("home", "landing", "landing-page", "homepage"), "landing"),
}
_RELEASE_LABELS = frozenset({"release", "releases", "release-notes", "release notes", "changelog"})
# The patterns below are compiled on first use (about 2 ms together): a page outside a site
# never reads a site title, and most titles fail the release title's word test first.
_SITE_WORDS: tuple[tuple[str, PageKind], ...] = (
    (r"\b(?:glossary|dictionary|reference|encyclopedia)\b", "reference"),
    (r"\b(?:docs|documentation|handbook|manual|wiki)\b", "docs"),
    (r"\b(?:changelog|release notes)\b", "release-notes"),
    (r"\b(?:blog|news|journal)\b", "post"),
)
_VERSION = r"v?\d+(?:\.\d+)+(?:[ .-]?(?:rc|beta|alpha|preview)[ .-]?\d*)?"
# Each branch of the release title needs one of these words (or ends in a `v1.2` version).
_RELEASE_WORDS = ("announcing", "release", "available", "out", "here")
_RELEASE_TITLE = (
    rf"^announcing\s+(?:[\w.'’-]+\s+){{1,4}}{_VERSION}"  # Announcing Rust 1.24, Announcing Flux 2.2 GA
    # a version starts after no word character or dot: one start per version, linear time
    rf"|(?<![\w.]){_VERSION}(?:\s+\"[^\"]{{1,40}}\")?\s+(?:is\s+(?:now\s+)?)?(?:released|available|out|here)\b"
    r"|\brelease\s+(?:announcement|candidate|notes)\b"  # Flink ML 2.2.0 Release Announcement
    rf"|^{_VERSION}\s+pre-release\b"  # 1.54.0 pre-release testing
    rf"|^(?:[\w-]+\s+){{1,3}}v\d+(?:\.\d+)+$"  # Flux v2.3.0
)


@cache
def _pattern(source: str) -> re.Pattern[str]:
    return re.compile(source, re.IGNORECASE)


def _announces_release(title: str) -> bool:
    lowered = title.lower()
    if not (any(word in lowered for word in _RELEASE_WORDS) or (lowered[-1:].isdigit() and "v" in lowered)):
        return False
    return _pattern(_RELEASE_TITLE).search(title) is not None


def infer(
    front_matter: Mapping[str, Any],
    title: str | None,
    sections: Sequence[str] = (),
    site_title: str | None = None,
    cascaded: Mapping[str, Any] | None = None,
) -> KindGuess:
    """The kind of a page (see the module's docstring for the order). `sections` are the
    folders from the content root down to the page; `cascaded` is what the site's sections
    hand down to it (Hugo `cascade`), read like the page's own front matter."""
    return (
        declared(front_matter)
        or release(front_matter, title)
        or from_layout(front_matter)
        or (
            from_layout(cascaded, f"cascaded from {cascaded.get('__from__') or 'its section'}")
            if cascaded
            else None
        )
        or from_sections(sections)
        or from_site_title(site_title)
        or DEFAULT
    )


def declared(front_matter: Mapping[str, Any]) -> KindGuess | None:
    value = front_matter.get("kind")
    if isinstance(value, str) and value.strip().lower() in PAGE_KINDS:
        kind: PageKind = value.strip().lower()  # type: ignore[assignment]
        return KindGuess(kind, f"front matter `kind: {value}`")
    return None


def release(front_matter: Mapping[str, Any], title: str | None) -> KindGuess | None:
    """Release notes, by title or by a category or tag."""
    if title and _announces_release(title.strip()):
        return KindGuess("release-notes", f"the title {title.strip()!r} announces a release")
    for key in ("category", "categories", "tags"):
        for label in _labels(front_matter.get(key)):
            if label.lower() in _RELEASE_LABELS:
                return KindGuess("release-notes", f"front matter `{key}` has {label!r}")
    return None


def from_layout(front_matter: Mapping[str, Any], how: str = "") -> KindGuess | None:
    for key in ("type", "layout"):
        value = front_matter.get(key)
        if isinstance(value, str) and value.strip().lower() in LAYOUTS:
            where = f" ({how})" if how else ""
            return KindGuess(LAYOUTS[value.strip().lower()], f"front matter `{key}: {value}`{where}")
    return None


def from_sections(sections: Sequence[str]) -> KindGuess | None:
    """The kind the nearest enclosing folder with a known name gives (`docs/api/x.md`: api)."""
    for name in reversed(sections):
        kind = SECTIONS.get(name.lower())
        if kind is not None:
            return KindGuess(kind, f"it is in the {name!r} section")
    return None


def from_site_title(site_title: str | None) -> KindGuess | None:
    if not site_title:
        return None
    for pattern, kind in _SITE_WORDS:
        if _pattern(pattern).search(site_title):
            return KindGuess(kind, f"the site calls itself {site_title!r}")
    return None


def _labels(value: object) -> Iterable[str]:
    """A category or tag list: YAML list, or a string of labels (Jekyll splits on spaces)."""
    if isinstance(value, str):
        return [value, *re.split(r"[,\s]+", value)]
    if isinstance(value, list):
        return [v for v in value if isinstance(v, str)]
    return []
