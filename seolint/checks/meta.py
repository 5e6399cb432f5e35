"""Meta rules (M): title, description, length of the post, keyphrase and slug."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import PurePath
from typing import Any

from seolint.document import Document, Field, Span
from seolint.findings import Problem, Severity
from seolint.parse.front_matter import key_span
from seolint.registry import option, rule


@rule("M001", "missing-title", Severity.ERROR)
def missing_title(doc: Document, opts: object) -> Iterator[Problem]:
    """The post has no title: no front-matter `title`, no `<title>`, no H1.

    Why: the title is what search results and social cards show first; without one,
    the page is listed under a guess such as its URL.
    Example: add `title: "Tracing slow handlers in Go"` to the front matter.
    """
    if doc.title is None and not any(h.level == 1 and h.text.strip() for h in doc.headings):
        yield Problem(Span.point(1), "no title: add a front-matter `title`, a <title> or an H1")


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


def seo_title(doc: Document) -> Field | None:
    """`seo_title`/`meta_title` in front matter win over `title` and `<title>`."""
    for key in ("seo_title", "meta_title"):
        value = doc.front_matter.get(key)
        if isinstance(value, str) and value.strip():
            return Field(" ".join(value.split()), _key_span(doc, key), "front-matter")
    return doc.title


def _key_span(doc: Document, key: str) -> Span:
    if doc.front_matter_span is None:
        return Span.point(1)
    return key_span(doc.lines[: doc.front_matter_span.end_line], key) or Span.point(1)


@dataclass(frozen=True)
class TitleLengthOptions:
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
    title = seo_title(doc)
    if title is None:
        return
    pixels = title_pixels(title.text)
    if problem := _length_problem("title", title, opts.min, opts.max):
        yield problem
    elif pixels > opts.max_pixels:
        yield Problem(
            title.span, f"title is about {pixels} px wide (max {opts.max_pixels}); search results cut it"
        )


@dataclass(frozen=True)
class DescriptionOptions:
    keys: tuple[str, ...] = ("description", "summary", "excerpt")  # front-matter keys, first wins


def description(doc: Document, keys: tuple[str, ...]) -> Field | None:
    if doc.format == "html":
        return doc.description
    for key in keys:
        value = doc.front_matter.get(key)
        if isinstance(value, str) and value.strip():
            return Field(" ".join(value.split()), _key_span(doc, key), "front-matter")
    return None


@rule("M003", "missing-description", Severity.WARNING, DescriptionOptions)
def missing_description(doc: Document, opts: DescriptionOptions) -> Iterator[Problem]:
    """The post has no meta description.

    Why: search engines and social cards show the description under the title; without
    one they pick a random sentence, often from the middle of a code sample.
    Example: `description: "How we cut CI time in half by caching build artefacts."`
    """
    if description(doc, opts.keys) is None:
        where = '<meta name="description">' if doc.format == "html" else f"front-matter `{opts.keys[0]}`"
        yield Problem(doc.front_matter_span or Span.point(1), f"no meta description: add a {where}")


@dataclass(frozen=True)
class DescriptionLengthOptions:
    min: int = option(70, minimum=0)
    max: int = option(160, minimum=1)
    keys: tuple[str, ...] = ("description", "summary", "excerpt")


@rule("M004", "description-length", Severity.WARNING, DescriptionLengthOptions)
def description_length(doc: Document, opts: DescriptionLengthOptions) -> Iterator[Problem]:
    """The meta description is too short or too long.

    Why: search results show about 160 characters; a longer description is cut
    mid-sentence, a very short one leaves the snippet to chance.
    Example: a one-line "Release notes." -> one or two sentences on what changed and why.
    """
    found = description(doc, opts.keys)
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


@dataclass(frozen=True)
class ThinOptions:
    min_words: int = option(300, minimum=0)


@rule("M006", "thin-content", Severity.WARNING, ThinOptions)
def thin_content(doc: Document, opts: ThinOptions) -> Iterator[Problem]:
    """The post has too little prose.

    Why: very short pages rarely answer a question well and search engines treat them
    as thin content; code samples and headings do not count as prose.
    Example: a 120-word announcement -> explain what changed, why, and how to try it.
    """
    if doc.word_count < opts.min_words:
        yield Problem(Span.point(1), f"{doc.word_count} words of prose (min {opts.min_words})")


@dataclass(frozen=True)
class KeyphraseOptions:
    keys: tuple[str, ...] = ("keyphrase", "focus_keyword", "focus_keyphrase")  # front-matter keys


def keyphrase(doc: Document, keys: tuple[str, ...]) -> str | None:
    for key in keys:
        value = doc.front_matter.get(key)
        if isinstance(value, str) and value.strip():
            return " ".join(value.split())
    return None


def _mentions(text: str, phrase: str) -> bool:
    return re.search(rf"(?<!\w){re.escape(phrase)}(?!\w)", text, re.IGNORECASE) is not None


def _slugify(text: str) -> str:
    return "-".join(re.findall(r"[a-z0-9]+", text.lower()))


@rule("M007", "keyphrase-placement", Severity.WARNING, KeyphraseOptions)
def keyphrase_placement(doc: Document, opts: KeyphraseOptions) -> Iterator[Problem]:
    """The focus keyphrase is missing from a place where it matters.

    Why: when front matter names a keyphrase, search engines and readers expect to see
    it in the title, the first paragraph, the description, at least one H2/H3 and the
    slug; each missing place is one finding. Runs only when a keyphrase is set.
    Example: `keyphrase: OpenTelemetry` with the title "Tracing in Go" -> put
    "OpenTelemetry" in the title.
    """
    phrase = keyphrase(doc, opts.keys)
    if phrase is None:
        return
    at = doc.front_matter_span or Span.point(1)
    places: list[tuple[str, str | None, Span]] = []
    title = seo_title(doc)
    places.append(("the title", title.text if title else None, title.span if title else at))
    first = next((b for b in doc.blocks if b.kind == "paragraph"), None)
    places.append(("the first paragraph", first.text if first else None, first.span if first else at))
    found = description(doc, ("description", "summary", "excerpt"))
    places.append(("the description", found.text if found else None, found.span if found else at))
    subheadings = [h for h in doc.headings if h.level in (2, 3)]
    places.append(("any H2/H3", " \n ".join(h.text for h in subheadings) or None, at))
    for place, text, span in places:
        if text is None or not _mentions(text, phrase):
            yield Problem(span, f"keyphrase {phrase!r} is missing from {place}")
    slug = post_slug(doc)
    if slug is not None and _slugify(phrase) not in _slugify(slug):
        yield Problem(at, f"keyphrase {phrase!r} is missing from the slug {slug!r}")


@dataclass(frozen=True)
class DensityOptions:
    min: float = option(0.5, minimum=0, maximum=100)  # percent
    max: float = option(3.0, minimum=0, maximum=100)
    min_words: int = option(100, minimum=0)
    keys: tuple[str, ...] = ("keyphrase", "focus_keyword", "focus_keyphrase")


@rule("M008", "keyphrase-density", Severity.WARNING, DensityOptions)
def keyphrase_density(doc: Document, opts: DensityOptions) -> Iterator[Problem]:
    """The focus keyphrase appears too rarely or too often in the prose.

    Why: a keyphrase that hardly appears does not tell search engines what the post is
    about; one repeated in every sentence reads as keyword stuffing. Density is the
    number of occurrences per 100 words of prose (posts of `min-words` or more).
    Example: 2 mentions in 1,500 words (0.13 %) -> mention it where it fits naturally.
    """
    phrase = keyphrase(doc, opts.keys)
    words = doc.word_count
    if phrase is None or words < opts.min_words:
        return
    occurrences = len(re.findall(rf"(?<!\w){re.escape(phrase)}(?!\w)", doc.prose, re.IGNORECASE))
    density = occurrences * 100 / words
    at = doc.front_matter_span or Span.point(1)
    if density < opts.min:
        yield Problem(at, f"keyphrase {phrase!r} density is {density:.2f}% (min {opts.min}%)")
    elif density > opts.max:
        yield Problem(at, f"keyphrase {phrase!r} density is {density:.2f}% (max {opts.max}%)")


def post_slug(doc: Document) -> str | None:
    """Front-matter `slug`, else the last part of `path`/`permalink`/`url`, else the file name."""
    for key in ("slug", "path", "permalink", "url"):
        value: Any = doc.front_matter.get(key)
        if isinstance(value, str) and value.strip("/ "):
            return value.strip("/ ").rsplit("/", 1)[-1] if key != "slug" else value.strip()
    if doc.path in ("", "-"):
        return None
    path = PurePath(doc.path)
    return path.parent.name if path.stem == "index" and path.parent.name else path.stem


@dataclass(frozen=True)
class SlugOptions:
    max_length: int = option(75, minimum=1)


@rule("M009", "slug", Severity.INFO, SlugOptions)
def slug(doc: Document, opts: SlugOptions) -> Iterator[Problem]:
    """The URL slug is long or has uppercase letters, spaces or underscores.

    Why: short, lower-case, hyphenated slugs are easy to read, share and type, and
    search engines treat hyphens (not underscores) as word separators.
    Example: `My_Post About Go.md` -> `post-about-go.md` (or `slug: post-about-go`).
    """
    value = post_slug(doc)
    if value is None:
        return
    at = _key_span(doc, "slug") if "slug" in doc.front_matter else Span.point(1)
    problems = [
        f"is {len(value)} characters (max {opts.max_length})" if len(value) > opts.max_length else "",
        "has uppercase letters" if value != value.lower() else "",
        "has spaces" if " " in value else "",
        "has underscores" if "_" in value else "",
    ]
    found = [p for p in problems if p]
    if found:
        yield Problem(at, f"slug {value!r} " + ", ".join(found))
