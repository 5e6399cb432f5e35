"""Call-to-action rule (C): a post should end by telling the reader what to do next."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache

from seolint.document import Document, Span
from seolint.findings import Problem, Severity
from seolint.registry import option, rule

CTA_PHRASES = (
    "subscribe",
    "sign up",
    "get started",
    "try it",
    "give it a try",
    "download",
    "contact us",
    "get in touch",
    "join",
    "book a demo",
    "request a demo",
    "register",
    "follow us",
    "star the repo",
    "leave a comment",
    "in the comments",
    "share your thoughts",
    "let us know",
    "read next",
)
_CTA_CLASS = re.compile(r"(?:^|[-_])(?:cta|btn|button)(?:$|[-_])", re.IGNORECASE)


@dataclass(frozen=True)
class CtaOptions:
    # The final share of the prose that must hold the call to action.
    window: float = option(0.25, minimum=0, maximum=1)
    phrases: tuple[str, ...] = CTA_PHRASES
    extend_phrases: tuple[str, ...] = ()


@rule("C001", "missing-cta", Severity.WARNING, CtaOptions)
def missing_cta(doc: Document, opts: CtaOptions) -> Iterator[Problem]:
    """The end of the post has no call to action.

    Why: a reader who finished the post is ready for a next step (subscribe, try the
    tool, read the follow-up); without one, the post ends in a dead end. The final part
    is the last H2 section or the last `window` of the prose, whichever is longer. A CTA
    is one of `phrases` in the prose or link text there, or a link styled as a button
    (class `cta`, `btn`, `button`, or `role="button"`).
    Example: end with "Try it on your service and [subscribe](/newsletter/) for part two."
    """
    blocks = doc.views.blocks
    if not blocks:
        return
    start = _final_part_start(doc, opts.window)
    pattern = phrase_pattern((*opts.phrases, *opts.extend_phrases))
    texts = [b.block.text for b in blocks if b.block.span.line >= start]  # link URLs may name the CTA
    links = [link for link in doc.links if link.span.line >= start]
    texts += [link.text for link in links]
    if any(pattern.search(text) for text in texts) or any(
        _styled_as_cta(link.classes, link.role) for link in links
    ):
        return
    yield Problem(Span.point(start), "no call to action in the final part of the post (from this line on)")


@lru_cache(maxsize=32)
def phrase_pattern(phrases: tuple[str, ...]) -> re.Pattern[str]:
    """One case-insensitive, word-bounded alternation, compiled once per phrase list."""
    alternatives = "|".join(re.escape(p.strip()) for p in phrases if p.strip()) or r"(?!)"
    return re.compile(rf"\b(?:{alternatives})\b", re.IGNORECASE)


def _final_part_start(doc: Document, window: float) -> int:
    """First line of the final part: the larger of the last H2 section and the window."""
    blocks = doc.views.blocks
    budget = doc.views.words * window
    window_start, seen = blocks[-1].block.span.line, 0
    for prose in reversed(blocks):
        window_start = prose.block.span.line
        seen += prose.words
        if seen >= budget:
            break
    last_h2 = max((h.span.line for h in doc.headings if h.level == 2), default=None)
    return min(window_start, last_h2) if last_h2 is not None else window_start


def _styled_as_cta(classes: tuple[str, ...], role: str | None) -> bool:
    return (role or "").lower() == "button" or any(_CTA_CLASS.search(c) for c in classes)
