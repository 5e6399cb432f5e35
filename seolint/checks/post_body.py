"""The post inside a pasted draft, and the lines outside it (part of S010).

A draft pasted out of a chat, a writing tool or a web page is the post (its title, then its
first paragraph of prose through its last) with the tool's interface around it: the
request, the assistant's preface, the SEO brief, a score panel, buttons and footers. Once
a zone outside the post (above its title or first paragraph, or under its last paragraph)
holds a leftover another form found, that zone is the tool's, and its other lines that are
not the post's prose (short lines, labels, counters, prompts, headings of a checklist) are
leftovers too; a zone with no leftover in it is left alone, as a published post's header
and footer are. Everything above the post's H1 is outside it, whatever it says. A reasoning
model's `<think>` trace is outside the post wherever it is.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Sequence
from itertools import pairwise, takewhile

from seolint.checks.draft_units import Unit, is_prose_line, title_cased
from seolint.checks.label_lines import is_known, parse_label
from seolint.checks.page_debris import Debris, before_controls
from seolint.document.model import Document

_REFERENCE = re.compile(r"^\[\d{1,3}\]\s")  # "[1] RFC 1035, section 3.2.1": a list of sources
# The post's sources written on one line: "Sources: MDN (Cache-Control), RFC 9111".
_SOURCES_LINE = re.compile(
    r"^(?:sources?|references?|further reading|bibliography|credits)\s*:\s*\S", re.IGNORECASE
)
_PREFACE_WORDS = 30  # a line before the assistant's own preface or after its closing offer
_TITLE_WORDS = 3
_LEAD_SHARE = 3  # the prose above an H1 is a preface only when the post under it is 3 times longer


def find_outside(
    doc: Document,
    units: Sequence[Unit],
    taken: Collection[int],
    whole: Collection[int],
    framing: Collection[int],
    chrome: Collection[int] = (),
) -> list[Debris]:
    """Lines outside the post, in zones that already hold another leftover (`taken`);
    `whole`: the lines a leftover is all of (a placeholder inside a sentence leaves it prose);
    `framing`: the assistant's sentences, which end a post above them; `chrome`: the lines of
    a page's controls, under which a little prose (comments, an author card) is the page's."""
    prose = [u for u in units if u.line not in whole and is_prose_line(u) and not _labelled(u)]
    content = before_controls(_trimmed(prose, framing, units), chrome, units)
    if not content:
        return []
    skipped = {*taken, *(b.line for a, b in pairwise(units) if a.text == b.text)}  # S004 has repeats
    title = _title(units, content, taken)
    found = _above_title(units, title, taken, skipped) if title is not None else []
    start = title.line if title is not None else 0
    head = [u for u in units if start < u.line < content[0].line]
    found += _head(head, content[0], title is not None, taken, skipped)
    tail = [u for u in units if u.line > content[-1].line]
    if any(u.line in taken for u in tail):
        closing = _closing(tail, taken)
        found += [
            _outside(u, "under the post's last paragraph")
            for at, u in enumerate(tail)
            if u.line not in skipped and u.line not in closing and not _listed(u, tail[at + 1 : at + 2])
        ]
        cells = {b.span.line for b in doc.blocks if b.kind == "table-cell" and b.span.line > content[-1].line}
        found += [Debris(n, n, "a table under the post's last paragraph", False) for n in sorted(cells)]
    return found


def _above_title(
    units: Sequence[Unit], title: Unit, taken: Collection[int], skipped: set[int]
) -> list[Debris]:
    """Every line above the post's H1, once one of them is a leftover or the H1 is an
    outline marker (`[H1] ...`: the draft was never made into a page)."""
    above = [u for u in units if u.line < title.line]
    if not (title.marker or any(u.line in taken for u in above)):
        return []
    return [_outside(u, "above the post's title") for u in above if u.line not in skipped]


def _head(
    head: list[Unit], first: Unit, titled: bool, taken: Collection[int], skipped: set[int]
) -> list[Debris]:
    """The lines between the title (or the top) and the first paragraph `first`, once one
    of them is a leftover, but for the post's own: headings, a list, the section head right
    above the paragraph, and with no H1 the post's title (its first title-cased line, else
    its first line if more than a word: a badge such as "Member-only story" above the title
    is the page's)."""
    if not any(u.line in taken for u in head):
        return []
    free = [u for u in head if u.line not in skipped]
    kept = set()
    if free and not any(free[-1].line < line < first.line for line in taken):
        kept.add(free[-1].line)
    if free and not titled:  # the post's title: a title-cased line, else the first if more than a word
        title = next((u for u in free if _title_like(u)), free[0])
        if title is not free[0] or len(title.text.split()) > 1:
            kept.add(title.line)
    return [
        _outside(u, "above the post's first paragraph")
        for at, u in enumerate(free)
        if u.line not in kept
        and u.kind != "heading"
        and (titled or not _title_like(u))
        and not _listed(u, free[at + 1 : at + 2])
    ]


def _closing(tail: list[Unit], taken: Collection[int]) -> set[int]:
    """The post's own short closing lines under its last paragraph, above the first
    leftover there: a sentence ("Happy hashing!") and a heading over one."""
    gap = list(takewhile(lambda unit: unit.line not in taken, tail))
    said = {u.line for u in gap if u.kind != "heading" and u.text.rstrip().endswith((".", "!", "?"))}
    return said | {u.line for u in gap if u.kind == "heading" and any(line > u.line for line in said)}


def _labelled(unit: Unit) -> bool:
    """A line of metadata ("Reading time: 6 min"), which is no prose of the post."""
    label = parse_label(unit.text) if ":" in unit.text else None
    return label is not None and is_known(label[0])


def _listed(unit: Unit, following: Sequence[Unit]) -> bool:
    """A list around the post (its sources, further reading, a docs page's list of changes),
    or its sources on one line, and the head over it are the writer's: a tool's chrome is
    lines and buttons, not lists."""
    return _item(unit) or any(map(_item, following))


def _item(unit: Unit) -> bool:
    return unit.kind == "list-item" or bool(_REFERENCE.match(unit.text) or _SOURCES_LINE.match(unit.text))


def _outside(unit: Unit, where: str) -> Debris:
    return Debris(unit.line, unit.line, f"a line {where}", False)


def _trimmed(content: list[Unit], framing: Collection[int], units: Sequence[Unit]) -> list[Unit]:
    """The post's prose lines without a lone line the assistant's own sentence cuts off:
    one above its preface (a model's reasoning), one under its closing offer (a disclaimer)."""
    while len(content) > 1 and _cut_off(content[-1], content[-2], framing, units):
        content = content[:-1]
    while len(content) > 1 and _cut_off(content[0], content[1], framing, units):
        content = content[1:]
    return content


def _cut_off(edge: Unit, neighbour: Unit, framing: Collection[int], units: Sequence[Unit]) -> bool:
    low, high = sorted((edge.line, neighbour.line))
    said = [line for line in framing if low < line < high]
    alone = edge.first and edge.block != neighbour.block and len(edge.text.split()) <= _PREFACE_WORDS
    if not (said and alone):
        return False
    near = (min(said), edge.line) if edge.line > neighbour.line else (edge.line, max(said))
    return not any(u.kind == "heading" and near[0] < u.line < near[1] for u in units)


def _title(units: Sequence[Unit], content: list[Unit], taken: Collection[int]) -> Unit | None:
    """The post's H1, when the prose above it is a preface (shorter than the post under it)."""
    h1 = next(
        (u for u in units if u.kind == "heading" and u.level == 1 and (u.marker or u.line not in taken)), None
    )
    if h1 is None:
        return None
    lead = sum(u.line < h1.line for u in content)
    return h1 if _LEAD_SHARE * lead <= len(content) - lead else None


def _title_like(unit: Unit) -> bool:
    """The post's title, or a section head, written as a line of its own."""
    text = unit.text.strip("*_ ")
    return len(text.split()) >= _TITLE_WORDS and title_cased(text) and not _labelled(unit)


_TRACE = ("<think>", "</think>")  # how reasoning models mark the reasoning they show


def find_trace(doc: Document) -> list[Debris]:
    """A reasoning model's trace (`<think>` ... `</think>`, each tag on a line of its own),
    which a local model's console prints above its answer; not one shown in a code block."""
    if _TRACE[0] not in doc.source:
        return []  # most drafts
    code = {n for block in doc.code_blocks for n in range(block.span.line, block.span.end_line + 1)}
    found: list[Debris] = []
    start = None
    for number, text in enumerate(doc.lines, 1):
        tag = text.strip().lower()
        if number in code or tag not in _TRACE:
            continue
        if tag == _TRACE[0]:
            start = number
        elif start is not None:
            found.append(Debris(start, number, "the model's reasoning trace", True))
            start = None
    return found
