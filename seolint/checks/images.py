"""Image rules (I): every meaningful image needs good, distinct alt text."""

from __future__ import annotations

import re
from collections.abc import Iterator

from seolint.document.model import Document
from seolint.findings.records import Problem, Severity
from seolint.registry.options import Options, option
from seolint.registry.rule import NoOptions, rule


@rule("I001", "image-missing-alt", Severity.ERROR)
def image_missing_alt(doc: Document, opts: NoOptions) -> Iterator[Problem]:
    """An image has no alt text.

    Why: alt text is what screen readers read and what search engines index for the
    image. HTML can mark an image decorative (`alt=""` with `role="presentation"` or
    `aria-hidden="true"`); Markdown cannot, so `![](x.png)` is always missing its alt.
    Example: `![](arch.png)` -> `![Request flow from gateway to service](arch.png)`.
    """
    for image in doc.images:
        if image.alt_state == "missing":
            what = "no alt attribute" if image.alt is None else "empty alt text"
            yield Problem(image.span, f"image {image.src or '(no src)'!r} has {what}")


@rule("I002", "image-empty-alt", Severity.WARNING)
def image_empty_alt(doc: Document, opts: NoOptions) -> Iterator[Problem]:
    """An HTML image has `alt=""` but is not marked decorative.

    Why: `alt=""` tells screen readers to skip the image, which is right only for pure
    decoration; a chart or screenshot with empty alt is invisible to those readers.
    Example: `<img src="latency.png" alt="">` -> describe it, or add `role="presentation"`
    if it really is decoration.
    """
    for image in doc.images:
        if image.alt_state == "empty":
            yield Problem(
                image.span, f"image {image.src or '(no src)'!r} has empty alt but is not marked decorative"
            )


PLACEHOLDER_ALTS = (
    "image",
    "photo",
    "picture",
    "screenshot",
    "graphic",
    "alt text",
    "placeholder",
    "todo",
    "img",
)
IMAGE_SUFFIXES = (".png", ".jpg", ".jpeg", ".gif", ".svg", ".webp", ".avif", ".bmp", ".tif", ".tiff", ".heic")
_FILE_NAME_CHARACTERS = re.compile(r"[\w.\- ]+")
_CAMERA_NAME = re.compile(r"(?:img|dsc|dscn|pxl|screenshot)[_ -]?[\d_ -]{1,40}", re.IGNORECASE)
_VAGUE_START = re.compile(r"(?:an?\s+)?(?:image|picture)\s+of\b", re.IGNORECASE)


class AltQualityOptions(Options):
    extend_words: tuple[str, ...] = ()  # more alt texts that say nothing
    image_of: bool = True  # also alt text that starts with "image of" (a describing one, worded long)


@rule(
    "I003",
    "image-alt-quality",
    Severity.WARNING,
    AltQualityOptions,
    site_defaults={"image_of": False},
)
def image_alt_quality(doc: Document, opts: AltQualityOptions) -> Iterator[Problem]:
    """An image's alt text is a file name, a placeholder, or starts with "image of".

    Why: alt text replaces the image for people who cannot see it; `IMG_2034.jpg` or
    "screenshot" tells them nothing, and "image of" is redundant (readers already
    announce it as an image). On a site's published pages "image of" is not reported
    (`image-of` off unless set): an alt text that goes on to describe the image serves its
    readers, and nobody edits a live post for two words.
    Example: `alt="screenshot-2.png"` -> `alt="Dashboard showing p99 latency at 2 s"`.
    """
    placeholders = {w.lower() for w in (*PLACEHOLDER_ALTS, *opts.extend_words)}
    for image in doc.images:
        alt = " ".join((image.alt or "").split())
        if not alt:
            continue
        if _names_a_file(alt):
            yield Problem(image.span, f"alt text {alt!r} is a file name; describe what the image shows")
        elif _is_placeholder(alt, placeholders):
            yield Problem(image.span, f"alt text {alt!r} is a placeholder; describe what the image shows")
        elif opts.image_of and _VAGUE_START.match(alt):
            yield Problem(image.span, "alt text starts with 'image of'; describe the content directly")


def _names_a_file(alt: str) -> bool:
    """A file or camera name ("IMG_2034.jpg", "DSC 0042"): I003 reports it, I005 leaves it."""
    return _is_file_name(alt) or _CAMERA_NAME.fullmatch(alt) is not None


def _is_placeholder(alt: str, placeholders: set[str]) -> bool:
    return alt.lower().strip(".!:") in placeholders


def _is_file_name(alt: str) -> bool:
    return alt.lower().endswith(IMAGE_SUFFIXES) and _FILE_NAME_CHARACTERS.fullmatch(alt) is not None


class AltLengthOptions(Options):
    max_length: int = option(125, minimum=1)  # screen readers cut or rush longer alt text


@rule("I004", "image-alt-length", Severity.WARNING, AltLengthOptions, by_default=False)
def image_alt_length(doc: Document, opts: AltLengthOptions) -> Iterator[Problem]:
    """An image's alt text is too long.

    Why: alt text is read in one breath; past about 125 characters screen readers may
    cut it, and long explanations belong in a caption or the text around the image.
    Example: move the detailed description of a chart into a `<figcaption>`.
    """
    for image in doc.images:
        alt = " ".join((image.alt or "").split())
        if len(alt) > opts.max_length:
            yield Problem(image.span, f"alt text is {len(alt)} characters (max {opts.max_length})")


@rule("I005", "duplicate-alt", Severity.INFO, on_translations=False)
def duplicate_alt(doc: Document, opts: NoOptions) -> Iterator[Problem]:
    """Two different images share the same alt text.

    Why: different images show different things; identical alt text usually means one
    was copied and never updated, and readers cannot tell the images apart. A translation
    is judged on its original: it keeps the original's alt texts, one for one.
    Example: two charts both `alt="Benchmark results"` -> say which benchmark each shows.
    An alt text that is a placeholder or a file name ("Image", `IMG_2034.jpg`) is I003's
    to report: one problem, one finding.
    """
    placeholders = {w.lower() for w in PLACEHOLDER_ALTS}
    first_src: dict[str, tuple[str | None, int]] = {}
    for image in doc.images:
        alt = " ".join((image.alt or "").split()).lower()
        said_nothing = _names_a_file(alt) or _is_placeholder(alt, placeholders)
        if not alt or image.alt_state == "decorative" or said_nothing:
            continue
        if alt in first_src and first_src[alt][0] != image.src:
            line = first_src[alt][1]
            yield Problem(
                image.span, f"same alt text as the image on line {line}; describe how this one differs"
            )
        first_src.setdefault(alt, (image.src, image.span.line))
