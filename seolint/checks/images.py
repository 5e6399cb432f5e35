"""Image rules (I): every meaningful image needs alt text."""

from __future__ import annotations

from collections.abc import Iterator

from seolint.document import Document
from seolint.findings import Problem, Severity
from seolint.registry import rule


@rule("I001", "image-missing-alt", Severity.ERROR)
def image_missing_alt(doc: Document, opts: object) -> Iterator[Problem]:
    """An image has no alt text.

    Why: alt text is what screen readers read and what search engines index for the
    image. HTML can mark an image decorative (`alt=""` with `role="presentation"` or
    `aria-hidden="true"`); Markdown cannot, so `![](x.png)` is always missing its alt.
    Example: `![](arch.png)` -> `![Request flow from gateway to service](arch.png)`.
    """
    for image in doc.images:
        name = image.src or "(no src)"
        if image.alt is None and not image.decorative:
            yield Problem(image.span, f"image {name!r} has no alt attribute")
        elif image.syntax == "markdown" and not (image.alt or "").strip():
            yield Problem(image.span, f"image {name!r} has empty alt text")
