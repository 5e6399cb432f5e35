"""Link rules (L): placeholders left where a real link should be."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from seolint.document import Document
from seolint.findings import Problem, Severity
from seolint.registry import rule

PLACEHOLDER_TARGETS = (
    "#",
    "todo",
    "tbd",
    "url",
    "link",
    "http://",
    "https://",
    "javascript:void(0)",
    "javascript:void(0);",
    "javascript:;",
)
_EXAMPLE_HOST = re.compile(r"^(?:https?:)?//(?:www\.)?example\.(?:com|org|net)(?:[/?#]|$)", re.IGNORECASE)
# "{{CTA_LINK}}", "{{ product_url }}", "[[link]]", "<url>"; but not a Go template
# expression ("{{.URL}}") or Hugo shortcode ("{{< ref >}}"): published templates use those.
_TEMPLATE_TARGET = re.compile(r"^\{\{(?![\s]*[.<%$])[^{}]*\}\}$|^\[\[[^\[\]]*\]\]$|^<[^<>]*>$")
# "[Link to article about 5G]", "[Insert link]", "[URL]"... in prose, not followed by "(" (a real link).
BRACKETED = re.compile(
    r"\[\s*(?:links?(?:\s+(?:to|for|here|about)\b[^\[\]\n]*|\s*)"
    r"|(?:insert|add)\s+(?:an?\s+|the\s+)?(?:\w+\s+)?(?:link|url|source)\b[^\[\]\n]*"
    r"|(?:url|source|tk)\s*)\](?![(\[:])",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class PlaceholderOptions:
    extend_targets: tuple[str, ...] = ()  # more link targets that mean "not filled in yet"
    allow_hash: bool = False  # accept href="#" (pages whose script handles such links)


@rule("L001", "link-placeholder", Severity.ERROR, PlaceholderOptions)
def link_placeholder(doc: Document, opts: PlaceholderOptions) -> Iterator[Problem]:
    """A link placeholder was never filled in.

    Why: a draft marks links to add later as `[Link to ...]`, `href="#"` or `(TODO)`;
    published, readers get a dead link or bracketed instructions, and the post loses
    the internal and external links it was meant to have.
    Example: `[Link to article about 5G]` or `[5G](#)` -> link the real article.
    """
    placeholders = {t.lower() for t in (*PLACEHOLDER_TARGETS, *opts.extend_targets)}
    if opts.allow_hash:
        placeholders.discard("#")
    for link in doc.links:
        target = (link.href or "").strip()
        if (
            not target
            or target.lower() in placeholders
            or _EXAMPLE_HOST.match(target)
            or _TEMPLATE_TARGET.match(target)
        ):
            yield Problem(
                link.span, f"link {link.text or '(no text)'!r} has placeholder target {target or '(empty)'!r}"
            )
    for block in doc.blocks:
        matches = [m.group() for m in BRACKETED.finditer(block.text)]
        for span, text in zip(doc.locate(matches, block.span), matches, strict=True):
            yield Problem(span, f"unfilled link placeholder {text!r}")
