"""Meta rules (M): title, description, length of the post, keyphrase and slug."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from urllib.parse import unquote

from seolint.document.model import ARTICLE_KINDS, Document, Field, Page, PageKind, Span
from seolint.findings.records import About, Problem, Severity
from seolint.registry.options import Options, option
from seolint.registry.rule import NoOptions, rule


@rule("M001", "missing-title", Severity.ERROR, kinds=ARTICLE_KINDS, on_unindexed=False)
def missing_title(doc: Document, opts: NoOptions) -> Iterator[Problem]:
    """The post has no title: no front-matter `title`, no `<title>`, no H1.

    Why: the title is what search results and social cards show first; without one,
    the page is listed under a guess such as its URL. A page search results never show
    (robots `noindex`, the site's 404 page) is not judged.
    Example: add `title: "Tracing slow handlers in Go"` to the front matter.
    """
    if doc.title is None and not any(h.level == 1 and h.text.strip() for h in doc.headings):
        yield Problem(Span.point(1), "no title: add a front-matter `title`, a <title> or an H1", about="post")


# Advance widths of Arial/Helvetica in 1/1000 em (the public AFM metrics); search
# results set titles at about 20 px, so width in px = sum / 1000 * 20.
_WIDTHS = dict(
    zip(
        " !\"#$%&'()*+,-./0123456789:;<=>?@ABCDEFGHIJKLMNOPQRSTUVWXYZ[\\]^_`abcdefghijklmnopqrstuvwxyz{|}~",
        (
            278, 278, 355, 556, 556, 889, 667, 191, 333, 333, 389, 584, 278, 333, 278, 278,
            556, 556, 556, 556, 556, 556, 556, 556, 556, 556, 278, 278, 584, 584, 584, 556,
            1015, 667, 667, 722, 722, 667, 611, 778, 722, 278, 500, 667, 556, 833, 722, 778,
            667, 778, 722, 667, 611, 722, 667, 944, 667, 667, 611, 278, 278, 278, 469, 556,
            333, 556, 556, 500, 556, 556, 278, 556, 556, 222, 222, 500, 222, 833, 556, 556,
            556, 556, 333, 500, 278, 556, 500, 722, 500, 500, 500, 334, 260, 334, 584,
        ),
        strict=True,
    )
)  # fmt: skip
_DEFAULT_WIDTH = 556  # accented Latin letters and most other characters
_WIDE_WIDTH = 1000  # CJK and other full-width characters
TITLE_FONT_PX = 20


def title_pixels(text: str) -> int:
    """Estimated rendered width of `text` in a search result title, in pixels; a combining
    mark (a vowel sign of Devanagari or Bengali) sits on its letter and takes no room."""
    units = sum(_char_units(c) for c in text)
    return round(units * TITLE_FONT_PX / 1000)


def _char_units(c: str) -> int:
    if (known := _WIDTHS.get(c)) is not None:
        return known
    if unicodedata.category(c) in ("Mn", "Me", "Cf"):
        return 0
    return _WIDE_WIDTH if ord(c) >= 0x1100 else _DEFAULT_WIDTH


def title_width(text: str) -> int:
    """Characters of `text` by the room they take in a search result: a full-width
    character (Chinese, Japanese, Korean) counts two, a combining mark (the vowel signs
    of Devanagari or Bengali) none."""
    return sum(
        0
        if unicodedata.category(c) in ("Mn", "Me", "Cf")
        else 2
        if unicodedata.east_asian_width(c) in "WF"
        else 1
        for c in text
    )


def _wide(text: str) -> str:
    return " (wide ones counted twice, marks not at all)" if title_width(text) != len(text) else ""


class TitleLengthOptions(Options):
    min: int = option(30, minimum=0)
    # Search results cut a title by its width; `max` is a cap on characters whatever their
    # width, for titles too long even in narrow letters.
    max: int = option(70, minimum=1)
    max_pixels: int = option(600, minimum=1)  # search results cut titles at about this width


# What M002 counts of a prefix a template writes before a page's title when it judges
# "too long": " | " and a short site name ("Jekyll | "). Search results now show the site's
# name on a line of its own and cut or drop a title's suffix first, so a suffix counts
# nothing: what matters is that the page's own words fit, and a prefix pushes them along.
# A longer prefix or suffix is the site's problem, M011's, reported once.
SITE_NAME_ROOM = 10


# A docs page or a glossary entry is named for what it documents ("Webhooks", "eBPF"):
# nobody pads it to 30 characters, so only "too long" is judged there.
_NAMED_FOR_THEIR_SUBJECT: dict[PageKind, dict[str, int]] = {"docs": {"min": 0}, "reference": {"min": 0}}


# A site's page gets its <title> from templates that add the site's name, and editors of
# published sites do not pad "Install | Flux" or "May 2022 Update | Flux" to 30 characters,
# nor retitle a live page whose last word is cut: there "too long" means that search results
# hide a good part of the title (a quarter past the cut). A lone draft, whose title is still
# being written, keeps the search results' own bounds.
_TITLED_BY_THE_SITE = {"min": 0, "max": 90, "max_pixels": 750}


@rule(
    "M002",
    "title-length",
    Severity.WARNING,
    TitleLengthOptions,
    on_unindexed=False,
    kind_defaults=_NAMED_FOR_THEIR_SUBJECT,
    site_defaults=_TITLED_BY_THE_SITE,
)
def title_length(doc: Document, opts: TitleLengthOptions) -> Iterator[Problem]:
    """The SEO title is too short, too long, or too wide for a search result.

    Why: search results show about 600 pixels of title; a longer one is cut with an
    ellipsis, a very short one wastes the most visible words of the listing. The width
    is estimated with Arial's character widths, so `WWW` counts wider than `iii`: a
    64-character title in narrow letters fits, and is not reported. `max` caps the
    characters whatever their width, counted by the room they take (a Chinese or Japanese
    character counts two, a combining vowel sign none).
    On the pages of a site the bounds are those of a live page (`seolint explain M002`):
    no minimum, since the templates add the site's name and nobody pads a published title
    (a `min` set in the config is judged on the <title> the page gets: "Webhooks | Flux" is
    15 characters, not 8; `seolint check --show-site` shows what seolint read of the
    templates), and "too long" from 750 px or 90 characters, where search results hide a
    good part of the title, not its last word. "Too long" and "too wide" are judged on the
    page's own words: search results cut or drop a suffix such as " | Flux" first, so it
    counts nothing, and a prefix counts up to 10 characters (room for a short site name and
    " | "). A prefix or suffix so long that it alone crowds the titles out (over `max` -
    `min` characters) is one problem of the site, reported once by M011, not on every page.
    A page whose <title> does not show its own title (a home page usually shows the site's
    name) is not judged, nor a page whose templates write robots `noindex` (search results
    never show it).
    Example: "Go" -> "Tracing slow HTTP handlers in Go with OpenTelemetry".
    """
    title = doc.seo_title
    page = doc.page
    if title is None:
        return
    if page.rendered_title is not None and page.title_affixes is None:
        return  # the template shows a title of its own here, not the page's
    before, after = page.title_affixes or ("", "")
    shown = before + title.text + after
    if (width := title_width(shown)) < opts.min:
        seen = f" as the page shows it ({shown!r})" if shown != title.text else ""
        yield Problem(title.span, f"title is {width} characters{_wide(shown)}{seen} (min {opts.min})")
        return
    kept_before = before[-SITE_NAME_ROOM:] if before else ""
    judged = kept_before + title.text
    counted = f" counting {len(kept_before)} of the template's {before!r}" if kept_before else ""
    if (width := title_width(judged)) > opts.max:
        yield Problem(
            title.span,
            f"title is {width} characters{_wide(judged)}{counted} (max {opts.max}); search results cut it",
        )
    elif (pixels := title_pixels(judged)) > opts.max_pixels:
        yield Problem(
            title.span,
            f"title is about {pixels} px wide{counted} (max {opts.max_pixels}); search results cut it",
        )


class MissingDescriptionOptions(Options):
    # also a page the site's shared description serves that is neither dated nor in the main menu
    secondary_pages: bool = False


@rule("M003", "missing-description", Severity.WARNING, MissingDescriptionOptions, on_unindexed=False)
def missing_description(doc: Document, opts: MissingDescriptionOptions) -> Iterator[Problem]:
    """The post has no meta description.

    Why: search engines and social cards show the description under the title; without
    one they pick a random sentence, often from the middle of a code sample.
    The front-matter keys read are the top-level `[front-matter] description` setting.
    Inside a site whose templates seolint reads, a page is fine when they write its own
    summary or excerpt instead (Docsy's `.Summary`, jekyll-seo-tag's excerpt), and is
    reported when they write the site's one shared text instead, if it is a page search
    results lead to by the site's name: one in the main menu, or a dated post. A secondary
    page (a section's list, an "about the team" page) served by the shared text is left
    alone unless `secondary-pages` is on. When the templates never write a front-matter
    description at all, adding one changes nothing: M010 reports that once for the site. A
    page whose templates write robots `noindex`, or the site's 404 page, has no search
    snippet to describe and is not judged.
    Example: `description: "How we cut CI time in half by caching build artefacts."`
    """
    page = doc.page
    if doc.description is not None:
        return
    if not page.description_settable:
        return  # the templates write the same text whatever the page says: M010's
    if page.description_source == "summary" and doc.word_count > 0:
        return  # the templates write the page's own summary or excerpt
    if _shared_fallback(page) and not (page.main_menu or page.dated or opts.secondary_pages):
        return  # a secondary page: the site's shared text serves it well enough
    shared = " (search results show the site's shared one)" if page.description_source == "site" else ""
    yield Problem(
        doc.front_matter_span or Span.point(1),
        f"no meta description{shared}: add a {doc.hints.description}",
        about="post",
    )


def _shared_fallback(page: Page) -> bool:
    """Whether search results show the site's shared description for the page: its
    templates write that text, or it is a list page whose unread template does in most themes."""
    if page.description_source == "site":
        return True
    return page.in_site and page.description_source == "unknown" and page.kind in ("list", "landing")


class DescriptionLengthOptions(Options):
    min: int = option(70, minimum=0)
    max: int = option(160, minimum=1)


# Docs themes show the description as the page's lead, one line under the title: it is
# short on purpose, so only "too long" (cut in search results) is judged there.
_LEAD_DESCRIPTIONS: dict[PageKind, dict[str, int]] = {"docs": {"min": 0}, "reference": {"min": 0}}


# A published page's description is rewritten only when the cut hides what the page is
# about: a description that says what the page is in 45 characters is complete, and one cut
# in its last 20 characters loses a closing phrase. A lone draft, still being written, keeps
# the search results' own bounds.
_PUBLISHED_DESCRIPTIONS = {"min": 0, "max": 180}


@rule(
    "M004",
    "description-length",
    Severity.WARNING,
    DescriptionLengthOptions,
    on_unindexed=False,
    kind_defaults=_LEAD_DESCRIPTIONS,
    site_defaults=_PUBLISHED_DESCRIPTIONS,
)
def description_length(doc: Document, opts: DescriptionLengthOptions) -> Iterator[Problem]:
    """The meta description is too short or too long.

    Why: search results show about 160 characters; a longer description is cut
    mid-sentence, a very short one leaves the snippet to chance. On the pages of a site
    only a description over 180 characters is reported (`seolint explain M004`): a live
    page is rewritten when the cut hides its subject, not to pad it. A front-matter
    description that the site's templates never write is not measured, nor one of a page
    they keep out of search results (robots `noindex`).
    Example: a one-line "Release notes." -> one or two sentences on what changed and why.
    """
    found = doc.description
    if found is None:
        return
    if found.origin == "front-matter" and doc.page.description_source not in ("front-matter", "unknown"):
        return  # the templates never write it: its length changes nothing
    if problem := _length_problem("description", found, opts.min, opts.max):
        yield problem


def _length_problem(what: str, field: Field, low: int, high: int) -> Problem | None:
    length = len(field.text)
    if length < low:
        return Problem(field.span, f"{what} is {length} characters (min {low})")
    if length > high:
        return Problem(field.span, f"{what} is {length} characters (max {high}); search results cut it")
    return None


class ThinOptions(Options):
    min_words: int = option(300, minimum=0)


@rule(
    "M006",
    "thin-content",
    Severity.WARNING,
    ThinOptions,
    kinds=("post",),
    counts_words=True,
    by_default=False,
    on_lone_drafts=True,
)
def thin_content(doc: Document, opts: ThinOptions) -> Iterator[Problem]:
    """The post has too little prose.

    Why: very short pages rarely answer a question well and search engines treat them
    as thin content; code samples and headings do not count as prose.
    Example: a 120-word announcement -> explain what changed, why, and how to try it.
    """
    if doc.word_count < opts.min_words:
        yield Problem(Span.point(1), f"{doc.word_count} words of prose (min {opts.min_words})", about="post")


def _mentions(text: str, phrase: str) -> bool:
    return re.search(rf"(?<!\w){re.escape(phrase)}(?!\w)", text, re.IGNORECASE) is not None


def _slugify(text: str) -> str:
    return "-".join(re.findall(r"[a-z0-9]+", text.lower()))


@rule("M007", "keyphrase-placement", Severity.WARNING)
def keyphrase_placement(doc: Document, opts: NoOptions) -> Iterator[Problem]:
    """The focus keyphrase is missing from a place where it matters.

    Why: when front matter names a keyphrase, search engines and readers expect to see
    it in the title, the first paragraph, the description, at least one H2/H3 and the
    slug; each missing place is one finding. Runs only when a keyphrase is set (the
    front-matter keys read are the top-level `[front-matter] keyphrase` setting).
    Example: `keyphrase: OpenTelemetry` with the title "Tracing in Go" -> put
    "OpenTelemetry" in the title.
    """
    if doc.keyphrase is None:
        return
    phrase = doc.keyphrase.text
    at = doc.front_matter_span or Span.point(1)
    # (place, its text, its span); a place the post lacks, or has many of, is the post's
    places: list[tuple[str, str | None, Span | None]] = []
    title = doc.seo_title
    places.append(("the title", title.text if title else None, title.span if title else None))
    first = next((b for b in doc.blocks if b.kind == "paragraph"), None)
    places.append(("the first paragraph", first.text if first else None, first.span if first else None))
    found = doc.description
    places.append(("the description", found.text if found else None, found.span if found else None))
    subheadings = [h for h in doc.headings if h.level in (2, 3)]
    places.append(("any H2/H3", " \n ".join(h.text for h in subheadings) or None, None))
    for place, text, span in places:
        if text is None or not _mentions(text, phrase):
            message = f"keyphrase {phrase!r} is missing from {place}"
            yield Problem(span, message) if span is not None else Problem(at, message, about="post")
    slug = doc.slug
    if slug is not None and _slugify(phrase) not in _slugify(slug.text):
        yield Problem(at, f"keyphrase {phrase!r} is missing from the slug {slug.text!r}", about="post")


class DensityOptions(Options):
    min: float = option(0.5, minimum=0, maximum=100)  # percent
    max: float = option(3.0, minimum=0, maximum=100)
    min_words: int = option(100, minimum=0)


@rule("M008", "keyphrase-density", Severity.WARNING, DensityOptions)
def keyphrase_density(doc: Document, opts: DensityOptions) -> Iterator[Problem]:
    """The focus keyphrase appears too rarely or too often in the prose.

    Why: a keyphrase that hardly appears does not tell search engines what the post is
    about; one repeated in every sentence reads as keyword stuffing. Density is the
    number of occurrences per 100 words of prose (posts of `min-words` or more).
    Example: 2 mentions in 1,500 words (0.13 %) -> mention it where it fits naturally.
    """
    words = doc.word_count
    if doc.keyphrase is None or words < opts.min_words:
        return
    phrase = doc.keyphrase.text
    occurrences = len(re.findall(rf"(?<!\w){re.escape(phrase)}(?!\w)", doc.views.text, re.IGNORECASE))
    density = occurrences * 100 / words
    at = doc.front_matter_span or Span.point(1)
    if density < opts.min:
        yield Problem(at, f"keyphrase {phrase!r} density is {density:.2f}% (min {opts.min}%)", about="post")
    elif density > opts.max:
        yield Problem(at, f"keyphrase {phrase!r} density is {density:.2f}% (max {opts.max}%)", about="post")


class SlugOptions(Options):
    max_length: int = option(75, minimum=1)


@rule("M009", "slug", Severity.INFO, SlugOptions, by_default=False, on_lone_drafts=True, on_unindexed=False)
def slug(doc: Document, opts: SlugOptions) -> Iterator[Problem]:
    """The URL slug is long or has uppercase letters, spaces or underscores.

    Why: short, lower-case, hyphenated slugs are easy to read, share and type, and
    search engines treat hyphens (not underscores) as word separators.
    The slug is the first of the top-level `[front-matter] slug` keys that is set (the
    last part of a path such as `url: /blog/post/`), else the file name; a section's
    `_index` file has none (its URL is its folder's). Only what the writer can still
    change is judged: a URL set by hand (`slug`, `path`, `url`, `permalink`) on a page
    that older URLs already redirect to (`aliases`, `redirect_from`) is published, and
    renaming it would take one more redirect for nothing, so it is left alone. When the
    site says what URL the page gets, its last part is judged as published (Hugo and Zola
    lowercase file names: `SUMMARY.md` publishes at `/summary/`). A page search results
    never show (robots `noindex`, the 404 page) is not judged. On by default for a draft
    outside a site only: a site's pages are mostly live, and renaming a live URL costs a
    redirect for nothing (name the rule to judge them, e.g. in a pull request's check).
    Example: `My_Post About Go.md` -> `post-about-go.md` (or `slug: post-about-go`).
    """
    if doc.slug is None:
        return
    if doc.slug.origin == "front-matter" and doc.page.aliases:
        return  # a URL set by hand and already redirected from older ones: it is published
    value = _published_slug(doc.slug.text, doc.page.url)
    problems = [
        f"is {len(value)} characters (max {opts.max_length})" if len(value) > opts.max_length else "",
        "has uppercase letters" if value != value.lower() else "",
        "has spaces" if " " in value else "",
        "has underscores" if "_" in value else "",
    ]
    found = [p for p in problems if p]
    if found:  # a slug taken from the file name is written nowhere in the post
        about: About = "post" if doc.slug.origin == "file-name" else "place"
        yield Problem(doc.slug.span, f"slug {value!r} " + ", ".join(found), about=about)


def _published_slug(slug: str, url: str | None) -> str:
    """The slug as the page's URL has it, when the site says what that URL is."""
    if not url:
        return slug
    last = url.split("?", 1)[0].split("#", 1)[0].rstrip("/").rsplit("/", 1)[-1]
    last = re.sub(r"\.html?$", "", last)
    return unquote(last) or slug
