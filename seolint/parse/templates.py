"""Template syntax around a front-end: a site's shortcodes and tags, read as what they mean.

A site adapter (seolint.site) finds the regions of template syntax in a draft. Before the
front-end runs, each region is masked in a copy of the text of the same length, so every
position still points into the original: a link region becomes a token the Markdown and
HTML parsers accept as a link target (a bare one, outside a link, is then just text, as
on the published page), everything else becomes filler that no rule reads as prose, a
placeholder or a heading. After parsing, link tokens are turned back into the
targets they stand for (with the syntax they were written in), figures become images,
`highlight` bodies become code blocks, and the Document keeps the original source.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Callable, Sequence
from typing import TypeVar

from seolint.document import CodeBlock, Document, Image, Link, alt_state
from seolint.site.model import Region

_TOKEN = re.compile(r"\{\{(\d+)x*\}\}")  # what a link region is masked as
_MIN_TOKEN = 5  # "{{0}}": shorter regions are blanked instead


def masked(text: str, regions: Sequence[Region]) -> str:
    """`text` with each region replaced, character for character, by its mask."""
    parts: list[str] = []
    cursor = 0
    for index, region in enumerate(regions):
        if region.start < cursor:
            continue  # regions never overlap; be safe if an adapter disagrees
        parts.append(text[cursor : region.start])
        piece = text[region.start : region.end]
        if region.kind != "link":
            parts.append(_filler(text, region))
        elif _fits_token(piece):
            parts.append(_link_token(index, len(piece)))
        else:
            parts.append(piece)  # short targets such as Zola's `@/a.md` parse as they are
        cursor = region.end
    parts.append(text[cursor:])
    return "".join(parts)


def _fits_token(piece: str) -> bool:
    return "\n" not in piece and len(piece) >= _MIN_TOKEN + 3


def _link_token(index: int, length: int) -> str:
    head = f"{{{{{index}"
    return head + "x" * (length - len(head) - 2) + "}}"


def _filler(text: str, region: Region) -> str:
    """Spaces where a line holds nothing else (a blank line), else `{{xxx}}` runs.

    Spaces inside a line could turn what follows into an indented code block; a braced
    run is plain text to the parsers and template syntax (not prose) to every rule.
    """
    out: list[str] = []
    line_start = text.rfind("\n", 0, region.start) + 1
    for piece_start, piece in _line_pieces(text, region.start, region.end):
        line_end = text.find("\n", piece_start)
        line_end = len(text) if line_end < 0 else line_end
        before = text[line_start:piece_start]
        after = text[piece_start + len(piece) : line_end]
        if (not before.strip() and not after.strip()) or len(piece) < _MIN_TOKEN:
            out.append(" " * len(piece))
        else:
            out.append("{{" + "x" * (len(piece) - 4) + "}}")
        line_start = line_end + 1
    return "\n".join(out)


def _line_pieces(text: str, start: int, end: int) -> list[tuple[int, str]]:
    pieces: list[tuple[int, str]] = []
    cursor = start
    for line in text[start:end].split("\n"):
        pieces.append((cursor, line.rstrip("\r")))
        cursor += len(line) + 1
    return pieces


def parse_with_templates(
    text: str, regions: Sequence[Region], front_end: Callable[[str], Document]
) -> Document:
    """The front-end's Document for `text`, with the regions read as what they mean."""
    if not regions:
        return front_end(text)
    doc = front_end(masked(text, regions))
    doc = dataclasses.replace(doc, source=text)  # positions are unchanged; lines are the writer's
    links = tuple(_restored(link, regions) for link in doc.links)
    images = [
        Image(region.target, region.alt, doc.span_at(region.start, region.end), alt_state(region.alt, False))
        for region in regions
        if region.kind == "image"
    ]
    code = [
        CodeBlock(
            region.language,
            doc.span_at(region.start, region.end),
            fenced=True,
            text=text[region.body[0] : region.body[1]] if region.body else "",
        )
        for region in regions
        if region.kind == "code"
    ]
    opaque = tuple(doc.span_at(r.start, r.end) for r in regions if r.kind in ("opaque", "code", "image"))
    return dataclasses.replace(
        doc,
        links=links,
        images=_by_position((*doc.images, *images)),
        code_blocks=_by_position((*doc.code_blocks, *code)),
        templates=opaque,
    )


def _restored(link: Link, regions: Sequence[Region]) -> Link:
    """A link whose target is a token: the region's target, in the region's syntax."""
    found = _TOKEN.fullmatch(link.href or "")
    if found is None or int(found.group(1)) >= len(regions):
        return link
    region = regions[int(found.group(1))]
    return dataclasses.replace(link, href=region.target, syntax=region.syntax)


Positioned = TypeVar("Positioned", Image, CodeBlock)


def _by_position(items: Sequence[Positioned]) -> tuple[Positioned, ...]:
    return tuple(sorted(items, key=lambda item: (item.span.line, item.span.column)))
