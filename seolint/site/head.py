"""What a page's <head> will say: the <title> and meta description the site's templates
write, read from a symbolic rendering (seolint.site.head_render) or a known theme's rules.

The model is small on purpose. A title is the page's own title with what the template
writes around it ("" and " | Flux"), or a fixed text (a home page shows the site's name),
or unknown. A description comes from the writer's front matter, from the page's own
summary or excerpt, from one text the whole site shares, from nothing, or is unknown;
and a front-matter description may be one the templates never print.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import TYPE_CHECKING

from seolint.discover.records import NamedTuple
from seolint.document.model import DescriptionSource, Page
from seolint.site.template_values import DESCRIPTION, SUMMARY, TITLE, UNKNOWN_MARK

if TYPE_CHECKING:  # the renderer is imported only where templates are read
    from seolint.site.head_render import Origin, Rendered

_TITLE_TAG = re.compile(r"<title\b[^>]*>(.*?)</title\s*>", re.IGNORECASE | re.DOTALL)
_META = re.compile(r"<meta\b([^>]*)>", re.IGNORECASE | re.DOTALL)
_ATTRIBUTE = re.compile(r"""(?<![\w:-])([\w:-]+)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+))""", re.DOTALL)
_INSTANT = re.compile(r"\A\s*(?:0+(?:\.0*)?|\.0+)\s*[;,]\s*url\s*=", re.IGNORECASE)  # "0; url=/target"
_MARKS = (TITLE, DESCRIPTION, SUMMARY, UNKNOWN_MARK)


class HeadReading(NamedTuple):
    """The <title> and meta description the templates write for one page.

    `title` holds the TITLE marker where the page's own title goes (None: unknown);
    `description` holds DESCRIPTION or SUMMARY markers, or is "" when no meta description
    is written (None: unknown). `*_at` say where they were read ("layouts/x.html:3").
    """

    title: str | None
    title_at: str
    description: str | None
    description_at: str
    noindex: bool = False  # a robots meta tag, certainly written, keeps the page out of search results
    redirect: bool = False  # an instant meta refresh, certainly written: search engines index its target


UNKNOWN_HEAD = HeadReading(None, "", None, "")


def read_head(rendered: Rendered) -> HeadReading:
    """The first <title> and meta description of a symbolic rendering; a part that came
    from a branch the renderer could not decide is unknown."""
    title: str | None = None
    title_at = ""
    found = _TITLE_TAG.search(rendered.text)
    if found and not rendered.uncertain(found.start(), found.end()):
        title = _clean(found.group(1))
        title_at = _where(rendered.at(found.start()))
    description: str | None = None if UNKNOWN_MARK in rendered.text else ""  # none written, if all was read
    description_at = ""
    noindex = redirect = False
    seen: set[str] = set()
    for meta in _META.finditer(rendered.text):
        attributes = {
            m.group(1).lower(): next(g for g in m.groups()[1:] if g is not None)
            for m in _ATTRIBUTE.finditer(meta.group(1))
        }
        if attributes.get("http-equiv", "").lower() == "refresh" and _INSTANT.match(
            attributes.get("content", "")
        ):
            redirect = (
                redirect or not rendered.uncertain(meta.start(), meta.end()) or _all_uncertain(rendered)
            )
        name = attributes.get("name", "").lower()
        if name not in ("description", "robots") or name in seen:
            continue
        seen.add(name)
        certain = not rendered.uncertain(meta.start(), meta.end())
        if name == "robots":
            noindex = certain and "noindex" in attributes.get("content", "").lower()
        else:
            description = _clean(attributes.get("content", "")) if certain else None
            description_at = _where(rendered.at(meta.start()))
    return HeadReading(title, title_at, description, description_at, noindex, redirect)


def _all_uncertain(rendered: Rendered) -> bool:
    """Whether the templates write nothing for certain: a page that is a redirect in the
    one arm or loop they may write (Zola's "latest release" page) is a redirect or empty."""
    bounds = [o.offset for o in rendered.origins] + [len(rendered.text)]
    return all(
        origin.uncertain or not rendered.text[start:end].replace(UNKNOWN_MARK, "").strip()
        for origin, start, end in zip(rendered.origins, bounds, bounds[1:], strict=False)
    )


def _where(origin: Origin) -> str:
    return f"{origin.template}:{origin.line}" if origin.line else origin.template


def _clean(text: str) -> str:
    """Text as a browser shows it: entities decoded, runs of white space made one space."""
    import html  # its entity table is large: only where heads are read

    return " ".join(html.unescape(text).split())


class PageHead(NamedTuple):
    """What rules need to know of one page's head (seolint.document.model.Page)."""

    rendered_title: str | None = None
    title_affixes: tuple[str, str] | None = None
    description_source: DescriptionSource = "unknown"
    description_settable: bool = True
    fixed_description: str | None = None  # the text, when it is one the site shares
    generated_title: str | None = None  # the title the generator gives a page that sets none
    noindex: bool = False  # the templates keep the page out of search results
    redirect: bool = False  # the templates send visitors on at once (meta refresh)
    title_at: str = ""
    description_at: str = ""


def page_head(read: Callable[[bool], HeadReading], has_description: bool, own_title: str | None) -> PageHead:
    """The head of a page whose `read(with_description)` renders its templates with or
    without a front-matter description; `own_title` is the title it has, if any."""
    reading = read(has_description)
    rendered_title, affixes = _title(reading.title, own_title)
    source, fixed = _description(reading.description)
    settable = source in ("front-matter", "summary", "unknown")
    if not has_description and source in ("site", "none"):  # would a front-matter description show?
        settable = _description(read(True).description)[0] == "front-matter"
    return PageHead(
        rendered_title,
        affixes,
        source,
        settable,
        fixed,
        noindex=reading.noindex,
        redirect=reading.redirect,
        title_at=reading.title_at,
        description_at=reading.description_at,
    )


def _title(title: str | None, own: str | None) -> tuple[str | None, tuple[str, str] | None]:
    if title is None or any(mark in title for mark in (DESCRIPTION, SUMMARY, UNKNOWN_MARK)):
        return None, None
    count = title.count(TITLE)
    if count == 0:
        return title, None
    if count > 1 or own is None:
        return None, None
    before, _, after = title.partition(TITLE)
    return before + own + after, (before, after)


def _description(description: str | None) -> tuple[DescriptionSource, str | None]:
    if description is None or UNKNOWN_MARK in description:
        return "unknown", None
    if DESCRIPTION in description:
        return "front-matter", None
    if SUMMARY in description:
        return "summary", None
    if TITLE in description:
        return "unknown", None
    return ("site", description) if description else ("none", None)


def with_head(page: Page, head: PageHead, by: str, home: bool = False) -> Page:
    """`page` with what its head says, and why (for `--show-site` and people). The site's
    shared description on its `home` page is that page's own: it describes the site."""
    reasons = list(page.reasons)
    if home and head.description_source == "site":
        head = head._replace(description_source="summary")
        reasons.append(("description_source", f"{by}: the site's description describes its home page"))
    if head.rendered_title is not None:
        written = f"<title>{head.rendered_title}</title>"
        reasons.append(("rendered_title", f"{by}: {head.title_at or 'the theme'} writes {written}"))
    if head.noindex:
        reasons.append(("indexed", f'{by}: the templates write <meta name="robots" content="noindex">'))
    elif head.redirect:
        reasons.append(
            ("indexed", f"{by}: the templates redirect at once (meta refresh): its target is indexed")
        )
    if head.description_source != "unknown":
        reasons.append(
            (
                "description_source",
                f"{by}: {head.description_at or 'the theme'} writes the "
                f"description from {DESCRIPTION_WORDS[head.description_source]}",
            )
        )
    return page._replace(
        rendered_title=head.rendered_title,
        title_affixes=head.title_affixes,
        description_source=head.description_source,
        description_settable=head.description_settable,
        generated_title=head.generated_title,
        indexed=not (head.noindex or head.redirect),
        redirect=head.redirect,
        reasons=tuple(reasons),
    )


DESCRIPTION_WORDS: dict[DescriptionSource, str] = {
    "front-matter": "the front matter",
    "summary": "the page's own summary or excerpt",
    "site": "one text the whole site shares",
    "none": "nothing (no meta description)",
    "unknown": "an unknown source",
}


def pattern(reading: HeadReading) -> str:
    """A title reading as people read it: `"<page title> | Flux"`."""
    if reading.title is None:
        return "unknown"
    return repr(reading.title.replace(TITLE, "<page title>"))


def describe_head(label: str, with_description: HeadReading, without: HeadReading) -> str:
    """One line of `--show-site` for a kind of page: its title pattern and where its
    description comes from, with the template each was read from."""
    title = pattern(with_description)
    at = f" ({with_description.title_at})" if with_description.title_at else ""
    written = _description(with_description.description)[0]
    fallback, fixed = _description(without.description)
    if written == "front-matter":
        source = "front matter, else " + (f"{fixed!r}" if fixed else DESCRIPTION_WORDS[fallback])
    elif written == "unknown":
        source = "unknown"
    else:
        source = "never the front matter: " + (f"{fixed!r}" if fixed else DESCRIPTION_WORDS[fallback])
    where = f" ({without.description_at})" if without.description_at else ""
    return f"{label}: title {title}{at}; description: {source}{where}"
