"""Where a post ends, as a reader finds the ending: before the back matter, in its final part.

Release notes end in lists of resolved issues, announcements in thanks and lists of
contributors, essays in footnotes: a reader has stopped reading before them, so a call to
action is looked for in the final part of what comes before. The headings that open back
matter, and those that open a list of places to go next ("Further reading"), are data in
cta_words.toml, like the rest of C001's words.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING

from seolint.discover.records import NamedTuple
from seolint.document.model import Block, Document, Heading
from seolint.registry.lazy_patterns import LazyRegex

if TYPE_CHECKING:
    from seolint.document.views import ProseBlock

# A list item that cites an issue ("[FLINK-123] - Check ...", "... #1234") is a changelog entry.
CHANGELOG_ENTRY = LazyRegex(r"^\W*[A-Z][A-Z0-9]*-\d+\b|#\d+\W*$")
_THANKS = LazyRegex(
    r"^\W*(?:(?:a |and )?(?:big |special |many |huge |heartfelt |final )?thanks?\b|thank you\b"
    r"|(?:we|i)(?:'d|’d| would) (?:also )?like to (?:thank|acknowledge)\b"
    r"|(?:we are|we're|i am|i'm) (?:very )?(?:grateful|thankful)\b"
    r"|(?:this release|it) (?:was|is) (?:made possible|brought to you) by\b)",
    re.IGNORECASE,
)
_NAME = LazyRegex(r"@?[\w][\w.'’-]*(?: [A-Z][\w.'’-]*){0,3}|&")  # "Ana María", "steelman", "@ana"
# A sign-off: a short last word to the reader ("Happy Jekylling!!", "Enjoy!", "Cheers,").
_SIGN_OFF = LazyRegex(r"^\W*(?:happy|enjoy|cheers|onwards?|have fun|best|regards|thanks for reading)\b", re.I)
_SIGN_OFF_WORDS = 5
_MIN_CLOSING_BLOCKS = 3  # the final part never holds fewer paragraphs than this


class Ending(NamedTuple):
    """Lines of the ending: the final part runs from `start` up to `end` (the back matter, or
    the end of the post); the last few paragraphs of its final section start at `closing`."""

    start: int
    end: int
    closing: int


def ending(
    doc: Document,
    window: float,
    back_matter: frozenset[str],
    left_over: Callable[[Block], bool] | None = None,
    marks: Iterable[int] = (),
) -> Ending:
    """The ending of `doc` (which has prose): the last H2 section or the last `window` of the
    prose, whichever is longer, and at least the last paragraphs, all before back matter;
    blocks `left_over` says are no part of the post (a chatbot's offer, a label) are skipped.
    Its closing is the last paragraphs of the final section, under the last heading or
    outline marker (`marks`, the lines of `H2: Conclusion`): a reader reads a section before it
    as the body, however short the final section is."""
    blocks = (
        tuple(b for b in doc.views.blocks if left_over is None or not left_over(b.block)) or doc.views.blocks
    )
    body = _before_back_matter(doc, blocks, back_matter) or len(blocks)
    kept = blocks[:body]
    end = blocks[body].block.span.line if body < len(blocks) else len(doc.lines) + 1
    last = kept[-1].block.span.end_line
    end = min([end, *(h.span.line for h in doc.headings if last < h.span.line < end)])  # back matter's own
    budget = sum(b.words for b in kept) * window
    start, seen = kept[-1].block.span.line, 0
    for prose in reversed(kept):
        start = prose.block.span.line
        seen += prose.words
        if seen >= budget:
            break
    closing = kept[max(0, len(kept) - _MIN_CLOSING_BLOCKS)].block.span.line
    last_h2 = max((h.span.line for h in doc.headings if h.level == 2 and h.span.line < end), default=None)
    start = min(start, closing, last_h2 if last_h2 is not None else start)
    return Ending(start, end, _closing(doc, kept, marks))


def _closing(doc: Document, kept: tuple[ProseBlock, ...], marks: Iterable[int]) -> int:
    """Where the last paragraphs of the final section start: a list counts as one paragraph
    (a reader reads the items as one), and a section before the final one is the body."""
    paragraphs = [
        prose
        for before, prose in zip((None, *kept), kept, strict=False)
        if before is None or not (prose.block.kind == before.block.kind == "list-item")
    ]
    closing = paragraphs[max(0, len(paragraphs) - _MIN_CLOSING_BLOCKS)].block.span.line
    heads = [*(h.span.line for h in doc.headings), *marks]
    final = max((line for line in heads if line < kept[-1].block.span.line), default=0)
    return max(closing, next((p.block.span.line for p in kept if p.block.span.line > final), closing))


def _before_back_matter(doc: Document, blocks: tuple[ProseBlock, ...], back_matter: frozenset[str]) -> int:
    """How many prose blocks come before the trailing back matter (0: all of it is back matter)."""
    heading_lines = [h.span.line for h in doc.headings]
    count = len(blocks)
    after_thanks = False
    while count > 0 and _is_back_matter(
        doc, blocks[count - 1], heading_lines, back_matter, after_thanks, count == len(blocks)
    ):
        after_thanks = after_thanks or _THANKS.match(blocks[count - 1].block.text) is not None
        count -= 1
    return count


def _governing(headings: tuple[Heading, ...], lines: list[int], line: int) -> Heading | None:
    index = bisect_right(lines, line) - 1
    return headings[index] if index >= 0 else None


def _is_back_matter(
    doc: Document,
    prose: ProseBlock,
    heading_lines: list[int],
    back_matter: frozenset[str],
    after_thanks: bool,
    last: bool,
) -> bool:
    """Whether a block, read from the end, is back matter: under a back-matter heading, a
    changelog entry, thanks, a list of names (or list items after thanks), a sign-off."""
    block = prose.block
    governing = _governing(doc.headings, heading_lines, block.span.line)
    return (
        (governing is not None and is_named(governing.text, back_matter))
        or (block.kind == "list-item" and CHANGELOG_ENTRY.search(block.text) is not None)
        or _THANKS.match(block.text) is not None
        or _names(block.text)
        or (after_thanks and block.kind == "list-item")
        or (last and prose.words <= _SIGN_OFF_WORDS and _SIGN_OFF.search(block.text) is not None)
    )


def is_named(heading: str, names: frozenset[str]) -> bool:
    """Whether a heading opens with one of `names` ("Release Notes - Flink 1.5.4", "Thanks!")."""
    words = re.findall(r"[a-z0-9]+(?:['’-][a-z0-9]+)*", heading.lower())
    return any(" ".join(words[:size]) in names for size in range(1, min(len(words), 4) + 1))


def _names(text: str) -> bool:
    """A list of people: at least four comma-separated names and nothing else."""
    parts = [part.strip() for part in re.split(r",|\band\b", text.strip().rstrip(".!"))]
    parts = [part for part in parts if part]
    return len(parts) >= 4 and all(_NAME.fullmatch(part) for part in parts)
