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

import re
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

from seolint.document.model import CodeBlock, Document, Image, Link, Stretch, alt_state, merged

if TYPE_CHECKING:  # a draft outside any site loads none of the adapter
    from seolint.site.adapter import Region, Site

_TOKEN = re.compile(r"\{\{(\d+)x*\}\}")  # what a region within a line is masked as


def template_regions(text: str, path: str, site: Site | None) -> Sequence[Region]:
    """The site's template syntax in a draft; an MDX draft's imports, exports and JSX even
    outside a site (the `.mdx` extension says it is MDX, whoever renders it)."""
    if site is not None:
        return site.template_regions(text, Path(path))
    if path.lower().endswith(".mdx"):
        from seolint.site.mdx import mdx_regions

        return mdx_regions(text)
    return ()


def masked(text: str, regions: Sequence[Region]) -> str:
    """`text` with each region replaced, character for character, by its mask."""
    parts: list[str] = []
    cursor = 0
    for index, region in enumerate(regions):
        if region.start < cursor:
            continue  # regions never overlap; be safe if an adapter disagrees
        parts.append(text[cursor : region.start])
        piece = text[region.start : region.end]
        if region.kind == "link" and "\n" not in piece and not _fits(index, piece):
            parts.append(piece)  # short targets such as Zola's `@/a.md` parse as they are
        else:
            parts.append(_mask(text, region, index))
        cursor = region.end
    parts.append(text[cursor:])
    return "".join(parts)


def _fits(index: int, piece: str) -> bool:
    return "\n" not in piece and len(piece) >= len(str(index)) + 4


def _token(index: int, length: int) -> str:
    """`{{7xxx}}`: plain text to the parsers, a valid link target, template syntax (not
    prose) to every rule, and the index of the region it stands for."""
    head = f"{{{{{index}"
    return head + "x" * (length - len(head) - 2) + "}}"


def _mask(text: str, region: Region, index: int) -> str:
    """Each line of the region: spaces where the line holds nothing else (a blank line),
    else the region's token (spaces inside a line could start an indented code block).
    A link spread over lines (`{% link\n  x.md %}`) is one token, on its first line long
    enough, and white space elsewhere: inside `[text](...)` a link target may have a line
    break around it, and the generator writes the target on one line anyway."""
    pieces = _line_pieces(text, region.start, region.end)
    if region.kind == "link" and len(pieces) > 1:
        chosen = next((n for n, (_, piece) in enumerate(pieces) if _fits(index, piece)), None)
        if chosen is not None:
            return "\n".join(
                _token(index, len(piece)) if n == chosen else " " * len(piece)
                for n, (_, piece) in enumerate(pieces)
            )
    out: list[str] = []
    line_start = text.rfind("\n", 0, region.start) + 1
    for piece_start, piece in pieces:
        line_end = text.find("\n", piece_start)
        line_end = len(text) if line_end < 0 else line_end
        before = text[line_start:piece_start]
        after = text[piece_start + len(piece) : line_end]
        alone = not before.strip() and not after.strip()
        out.append(_token(index, len(piece)) if not alone and _fits(index, piece) else " " * len(piece))
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
    doc = doc._replace(source=text)  # positions are unchanged; lines are the writer's
    links = tuple(_restored(link, regions, text) for link in doc.links)
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
    opaque = [r for r in regions if r.kind in ("opaque", "code", "image")]
    not_text = [(r.start, r.end) if r.kind != "code" else _whole_lines(doc, r) for r in opaque]
    return doc._replace(
        links=links,
        images=_by_position((*doc.images, *images)),
        code_blocks=_by_position((*doc.code_blocks, *code)),
        templates=tuple(doc.span_at(r.start, r.end) for r in opaque),
        not_text=merged((*doc.not_text, *not_text)),
    )


def _whole_lines(doc: Document, region: Region) -> Stretch:
    """The lines a code region covers, as a code block's: none of them is prose."""
    span = doc.span_at(region.start, region.end)
    end = doc.offset(span.end_line + 1) if span.end_line < len(doc.lines) else len(doc.source)
    return doc.offset(span.line), end


def _restored(link: Link, regions: Sequence[Region], text: str) -> Link:
    """A link whose target is a link region's token gets the region's target and syntax;
    one computed by other template code (`{{ site.repo }}/tree/x`) gets its written text
    back and is marked generated (not a placeholder: the generator fills it in)."""
    href = link.href or ""
    whole = _TOKEN.fullmatch(href)
    if (
        whole is not None
        and int(whole.group(1)) < len(regions)
        and regions[int(whole.group(1))].kind == "link"
    ):
        region = regions[int(whole.group(1))]
        return link._replace(
            href=region.target, syntax=region.syntax, text=_unmasked(link.text, regions, text)
        )
    if _TOKEN.search(href) is None and _TOKEN.search(link.text) is None:
        return link
    return link._replace(
        href=_unmasked(href, regions, text),
        text=_unmasked(link.text, regions, text),
        generated=link.generated or _TOKEN.search(href) is not None,
    )


def _unmasked(masked_text: str, regions: Sequence[Region], text: str) -> str:
    """Tokens in a parsed string put back to the template syntax they stand for."""

    def original(match: re.Match[str]) -> str:
        index = int(match.group(1))
        if index >= len(regions):  # the writer's own `{{7}}`, not a mask
            return match.group(0)
        region = regions[index]
        return text[region.start : region.end].split("\n", 1)[0]

    return _TOKEN.sub(original, masked_text)


Positioned = TypeVar("Positioned", Image, CodeBlock)


def _by_position(items: Sequence[Positioned]) -> tuple[Positioned, ...]:
    return tuple(sorted(items, key=lambda item: (item.span.line, item.span.column)))
