"""Publish-gate rules (P): what keeps a finished page from going live as intended.

A draft flag left on, a `noindex`, a date the generator will not publish yet, a page
without `<title>`, Article structured data search engines reject. They read
`Document.publishing` (front matter, or the HTML head), never markup; the questions only
the whole site can answer (dates other posts have, files that exist) are site rules, in
seolint.checks.publish_site.
"""

from __future__ import annotations

import datetime
import re
from collections.abc import Iterator
from typing import Any

from seolint.document.model import ARTICLE_KINDS, Document, Field, Span
from seolint.findings.records import Edit, Fix, Problem, Severity
from seolint.parse.front_matter import opener_after_blank_lines
from seolint.registry.edits import remove_lines
from seolint.registry.options import Options
from seolint.registry.rule import NoOptions, rule

_ISO_DATE = re.compile(r"\A\s*(\d{4})-(\d{1,2})-(\d{1,2})")
# A front-matter line that only sets the flag: `draft: true`, `draft = true`, `published: false`.
_FLAG_LINE = re.compile(r"\A\s*(?:draft|published|status)\s*[:=]\s*[\"']?(?:true|false|draft)[\"']?\s*", re.I)


class DraftOptions(Options):
    outside_sites: bool = False  # also drafts that are not content of a detected site


@rule("P001", "draft-flag", Severity.WARNING, DraftOptions)
def draft_flag(doc: Document, opts: DraftOptions) -> Iterator[Problem]:
    """The page is still marked as a draft.

    Why: `draft: true` (Hugo, Zola, Astro), `published: false` (Jekyll) or `status: draft`
    keeps the page out of the published site: a post committed for publication with the
    flag still on silently never goes live. Checked in pages under the published content
    roots of a detected site (not in a drafts folder such as Jekyll's `_drafts/`), where
    the flag decides what is built; `outside-sites = true` checks every draft. A page the
    generator does not build is reported when named (as a pre-commit hook names the files
    it commits), not when a folder walk comes across it.
    Example: `draft: true` in `content/posts/new.md` -> delete the line when the post is
    ready.
    Fix (unsafe): the flag's line is deleted; unsafe because the page may not be ready.
    """
    flag = doc.publishing.draft
    if flag is None or not (doc.page.site_content or opts.outside_sites):
        return
    yield Problem(
        flag.span,
        f"`{flag.text}` keeps this page from being published; remove it when the page is ready",
        _drop_flag_line(doc, flag),
    )


def _drop_flag_line(doc: Document, flag: Field) -> Fix | None:
    line = flag.span.line
    if flag.span.end_line != line or not _FLAG_LINE.fullmatch(doc.lines[line - 1]):
        return None
    return Fix((remove_lines(doc, line, line),), "unsafe", f"Delete `{flag.text}`")


@rule("P002", "noindex", Severity.WARNING)
def noindex(doc: Document, opts: NoOptions) -> Iterator[Problem]:
    """The page asks search engines not to index it.

    Why: a `noindex` (front-matter `robots: noindex`, `noindex: true`, or `<meta
    name="robots" content="noindex">`) left in from staging hides the post from search
    for as long as it stays; nobody notices, because the page itself looks fine.
    Example: `robots: noindex, nofollow` in a post's front matter -> delete it.
    """
    robots = doc.publishing.robots
    if robots is None:
        return
    directives = {part.strip().lower() for part in robots.text.split(",")}
    if directives & {"noindex", "none"}:
        yield Problem(robots.span, f"robots {robots.text!r} keeps the page out of search results")


class DateOptions(Options):
    today: str = ""  # the date to compare with (YYYY-MM-DD); empty: the clock's date

    def __init__(self, **values: Any) -> None:
        super().__init__(**values)
        if self.today.strip():
            try:
                datetime.date.fromisoformat(self.today.strip())
            except ValueError:
                raise ValueError(f"today must be a date such as 2025-03-01, got {self.today!r}") from None


@rule("P003", "future-date", Severity.WARNING, DateOptions)
def future_date(doc: Document, opts: DateOptions) -> Iterator[Problem]:
    """The page's date lies in the future.

    Why: static site generators leave out pages dated in the future (Hugo without
    `--buildFuture`, Jekyll without `future: true`), so the post is merged but does not
    appear; a typo in the year does the same. Compared by day, with the date the run
    starts (option `today` fixes it, for reproducible builds).
    Example: `date: 2052-03-01` in a post meant for today -> `date: 2025-03-01`.
    """
    date = doc.publishing.date
    when = _day(date)
    if date is None or when is None:
        return
    today = _today(opts.today)
    if when > today:
        yield Problem(
            date.span,
            f"date {when.isoformat()} is after today ({today.isoformat()}): the site will not publish it yet",
        )


@rule("P004", "lastmod-before-date", Severity.WARNING)
def lastmod_before_date(doc: Document, opts: NoOptions) -> Iterator[Problem]:
    """The page says it was last changed before it was published.

    Why: `lastmod` (or `updated`) feeds sitemaps and the "updated" line readers see; one
    before `date` is a copied front matter or a typo, and search engines distrust it.
    Example: `date: 2025-03-01` with `lastmod: 2024-03-01` -> fix the year or drop `lastmod`.
    """
    published, changed = doc.publishing.date, doc.publishing.lastmod
    first, last = _day(published), _day(changed)
    if changed is not None and first is not None and last is not None and last < first:
        yield Problem(changed.span, f"last modified {last.isoformat()}, before the date {first.isoformat()}")


@rule("P010", "unread-front-matter", Severity.ERROR)
def unread_front_matter(doc: Document, opts: NoOptions) -> Iterator[Problem]:
    """The front matter comes after blank lines, where the generator does not read it.

    Why: Jekyll, Astro, Docusaurus, Eleventy and MkDocs read front matter only when its
    `---` is the file's first line; after a blank line the page is built without its
    title, description, layout or date, and the settings show as text at the top of the
    page. Hugo and Zola skip the blank lines, so their pages are not reported.
    Example: an empty line above `---` -> delete it.
    Fix (safe): the blank lines above the front matter are deleted.
    """
    if doc.front_matter_span is not None:
        return
    line = opener_after_blank_lines(doc.source)
    if line is not None:
        blank_lines = Edit(0, doc.offset(line), "")
        delete = Fix((blank_lines,), "safe", "Delete the blank lines above the front matter")
        message = "front matter after blank lines is not read: it must open the file"
        yield Problem(Span(line, 1, line, 4), message, delete)


@rule("P005", "missing-title-tag", Severity.ERROR)
def missing_title_tag(doc: Document, opts: NoOptions) -> Iterator[Problem]:
    """An HTML page has no `<title>`.

    Why: the title element is what search results and browser tabs show; without it,
    search engines make one up from the page. Only whole pages (with `<html>` or
    `<head>`) are checked: a fragment gets its title from the template that wraps it.
    Example: `<head><meta charset="utf-8"></head>` -> add `<title>Post title</title>`.
    """
    facts = doc.publishing
    if facts.full_page and (facts.head_title is None or not facts.head_title.text.strip()):
        where = facts.head_title.span if facts.head_title is not None else Span.point(1)
        yield Problem(where, "the page has no <title>", about="post")


ARTICLE_TYPES = frozenset(
    {"Article", "BlogPosting", "NewsArticle", "TechArticle", "ScholarlyArticle", "Report"}
)


class StructuredDataOptions(Options):
    required: tuple[str, ...] = ("headline", "image", "datePublished", "author")
    require_on_pages: bool = False  # a whole HTML page without Article JSON-LD is reported too


@rule("P006", "article-structured-data", Severity.WARNING, StructuredDataOptions, kinds=ARTICLE_KINDS)
def article_structured_data(doc: Document, opts: StructuredDataOptions) -> Iterator[Problem]:
    """An HTML page's Article JSON-LD lacks a property search engines require.

    Why: search engines show an article's rich result only when its structured data
    (`Article`, `BlogPosting`, `NewsArticle`, `TechArticle`) names the headline, an image,
    the publication date and the author; JSON-LD that does not parse is ignored whole.
    With `require-on-pages`, a whole HTML page with no Article JSON-LD is reported too.
    Example: `{"@type": "BlogPosting", "headline": "X"}` -> add `image`, `datePublished`
    and `author`.
    """
    found = False
    for block in doc.publishing.structured_data:
        try:
            data = _load_json(block.text)
        except ValueError as error:
            yield Problem(block.span, f"JSON-LD does not parse: {error}")
            continue
        for item in _articles(data):
            found = True
            missing = [name for name in opts.required if _empty(item.get(name))]
            if missing:
                kind = item.get("@type")
                shown = kind if isinstance(kind, str) else "Article"
                yield Problem(block.span, f"{shown} JSON-LD lacks {', '.join(missing)}")
    if opts.require_on_pages and doc.publishing.full_page and not found:
        yield Problem(Span.point(1), "the page has no Article JSON-LD", about="post")


def _load_json(text: str) -> Any:
    import json

    try:
        return json.loads(text)
    except RecursionError:
        raise ValueError("nested too deeply") from None
    except json.JSONDecodeError as error:
        raise ValueError(f"{error.msg} (line {error.lineno} of the script)") from None


def _articles(data: Any) -> Iterator[dict[str, Any]]:
    """The Article-typed objects of a JSON-LD document: at the top, in a list or in `@graph`."""
    pending = [data]
    while pending:
        item = pending.pop()
        if isinstance(item, list):
            pending.extend(reversed(item))
        elif isinstance(item, dict):
            kinds = item.get("@type")
            kinds = kinds if isinstance(kinds, list) else [kinds]
            if any(isinstance(k, str) and k in ARTICLE_TYPES for k in kinds):
                yield item
            if "@graph" in item:
                pending.append(item["@graph"])


def _empty(value: Any) -> bool:
    return value is None or value == "" or value == [] or value == {}


def _day(field: Field | None) -> datetime.date | None:
    """The calendar day an ISO 8601 date starts with; None when it is not one."""
    found = _ISO_DATE.match(field.text) if field is not None else None
    if found is None:
        return None
    try:
        return datetime.date(*(int(part) for part in found.groups()))
    except ValueError:
        return None


def _today(configured: str) -> datetime.date:
    """The configured day (checked by DateOptions), else the clock's."""
    return datetime.date.fromisoformat(configured.strip()) if configured.strip() else datetime.date.today()
