"""Meta rules (M): title, description, length of the post, keyphrase and slug."""

from __future__ import annotations

import re
from collections.abc import Iterator

from seolint.document.model import ARTICLE_KINDS, Document, Field, Span
from seolint.findings.records import About, Problem, Severity
from seolint.registry.options import Options, option
from seolint.registry.rule import NoOptions, rule


@rule("M001", "missing-title", Severity.ERROR, kinds=ARTICLE_KINDS)
def missing_title(doc: Document, opts: NoOptions) -> Iterator[Problem]:
    """The post has no title: no front-matter `title`, no `<title>`, no H1.

    Why: the title is what search results and social cards show first; without one,
    the page is listed under a guess such as its URL.
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
    """Estimated rendered width of `text` in a search result title, in pixels."""
    units = sum(_WIDTHS.get(c, _WIDE_WIDTH if ord(c) >= 0x1100 else _DEFAULT_WIDTH) for c in text)
    return round(units * TITLE_FONT_PX / 1000)


class TitleLengthOptions(Options):
    min: int = option(30, minimum=0)
    max: int = option(60, minimum=1)
    max_pixels: int = option(600, minimum=1)  # search results cut titles at about this width


@rule("M002", "title-length", Severity.WARNING, TitleLengthOptions)
def title_length(doc: Document, opts: TitleLengthOptions) -> Iterator[Problem]:
    """The SEO title is too short, too long, or too wide for a search result.

    Why: search results show about 600 pixels of title; a longer one is cut with an
    ellipsis, a very short one wastes the most visible words of the listing. The width
    is estimated with Arial's character widths, so `WWW` counts wider than `iii`.
    Example: "Go" -> "Tracing slow HTTP handlers in Go with OpenTelemetry".
    """
    title = doc.seo_title
    if title is None:
        return
    pixels = title_pixels(title.text)
    if problem := _length_problem("title", title, opts.min, opts.max):
        yield problem
    elif pixels > opts.max_pixels:
        yield Problem(
            title.span, f"title is about {pixels} px wide (max {opts.max_pixels}); search results cut it"
        )


@rule("M003", "missing-description", Severity.WARNING)
def missing_description(doc: Document, opts: NoOptions) -> Iterator[Problem]:
    """The post has no meta description.

    Why: search engines and social cards show the description under the title; without
    one they pick a random sentence, often from the middle of a code sample.
    The front-matter keys read are the top-level `[front-matter] description` setting.
    Example: `description: "How we cut CI time in half by caching build artefacts."`
    """
    if doc.description is None:
        yield Problem(
            doc.front_matter_span or Span.point(1),
            f"no meta description: add a {doc.hints.description}",
            about="post",
        )


class DescriptionLengthOptions(Options):
    min: int = option(70, minimum=0)
    max: int = option(160, minimum=1)


@rule("M004", "description-length", Severity.WARNING, DescriptionLengthOptions)
def description_length(doc: Document, opts: DescriptionLengthOptions) -> Iterator[Problem]:
    """The meta description is too short or too long.

    Why: search results show about 160 characters; a longer description is cut
    mid-sentence, a very short one leaves the snippet to chance.
    Example: a one-line "Release notes." -> one or two sentences on what changed and why.
    """
    found = doc.description
    if found is None:
        return
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


@rule("M006", "thin-content", Severity.WARNING, ThinOptions, kinds=ARTICLE_KINDS)
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


@rule("M009", "slug", Severity.INFO, SlugOptions)
def slug(doc: Document, opts: SlugOptions) -> Iterator[Problem]:
    """The URL slug is long or has uppercase letters, spaces or underscores.

    Why: short, lower-case, hyphenated slugs are easy to read, share and type, and
    search engines treat hyphens (not underscores) as word separators.
    The slug is the first of the top-level `[front-matter] slug` keys that is set (the
    last part of a path such as `url: /blog/post/`), else the file name.
    Example: `My_Post About Go.md` -> `post-about-go.md` (or `slug: post-about-go`).
    """
    if doc.slug is None:
        return
    value = doc.slug.text
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
