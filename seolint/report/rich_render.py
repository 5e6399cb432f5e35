"""The report for people drawn by Rich: in colour, and wherever text must be wrapped.

Rows already fitted to the width go out as segments (laying every row out again
through Rich's Text was most of the cost of a long report); a message too long for its
column, a terminal narrower than the columns, or wide characters go through Rich's
wrapping and cropping.
"""

from __future__ import annotations

from functools import cache
from typing import TYPE_CHECKING, TextIO

from rich.console import Console, ConsoleOptions, RenderResult
from rich.segment import Segment
from rich.style import Style
from rich.text import Text
from rich.tree import Tree

from seolint.report import layout

if TYPE_CHECKING:
    from seolint.findings.records import FileResult
    from seolint.report.layout import Piece


class RichReport:
    """Draws the parts of the report on a Rich console."""

    def __init__(self, stream: TextIO, color: bool, width: int | None = None) -> None:
        self.console = Console(
            file=stream,
            color_system="auto" if color else None,
            no_color=not color,
            highlight=False,
            width=width,  # None: Rich asks the terminal
        )

    def file(self, file: FileResult, quiet: bool) -> None:
        self.console.print(FileReport(file, quiet))

    def paragraph(self, pieces: list[Piece], style: str | None = None) -> None:
        self.console.print(_text(pieces), style=style)


class FileReport:
    """One file's part of the report: header, findings, then (unless quiet) outline and stats.

    One renderable per file, so Rich sets up a print once per file, not once per part.
    """

    def __init__(self, file: FileResult, quiet: bool) -> None:
        self.file, self.quiet = file, quiet

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        file = self.file
        yield _text(layout.header(file, options.max_width))
        if file.findings:
            yield FindingList(layout.FindingRows(file.findings, options.max_width))
        if not self.quiet:
            if file.outline or file.title:
                yield Outline(layout.outline(file))
            for line in layout.stats_lines(file, max(options.max_width - 2, 20)):
                yield Text.assemble("  ", line, style="dim")
        yield Segment.line()


class FindingList:
    """The finding rows: a message too long for its column wraps under its first word."""

    def __init__(self, rows: layout.FindingRows) -> None:
        self.rows = rows

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        rows = self.rows
        for row in rows.rows:
            prefix = _segments(row.prefix)
            if layout.fits("".join(text for text, _ in row.message), rows.message_width):
                lines = [_segments(row.message)]
            else:
                lines = []
                for part in _text(row.message).wrap(console, rows.message_width, overflow="fold"):
                    part.rstrip()
                    lines.append(list(part.render(console)))
            if row.above is not None:  # stacked: the location on a line of its own
                yield from _row(_segments(row.above), options)
            for number, line in enumerate(lines):
                yield from _row([*(prefix if number == 0 else [Segment(" " * rows.indent)]), *line], options)
            if row.snippet is not None:
                yield from _row([Segment(" " * rows.indent), *_segments(row.snippet)], options, crop=True)


def _row(segments: list[Segment], options: ConsoleOptions, crop: bool = False) -> RenderResult:
    """One line of the list: as segments when it fits the width; otherwise (a terminal
    narrower than the columns, wide characters) as a Text that Rich wraps, or crops with an
    ellipsis when `crop`."""
    if Segment.get_line_length(segments) <= options.max_width:
        yield from (*segments, Segment.line())
    else:
        pieces = ((segment.text, segment.style or "") for segment in segments)
        yield Text.assemble(*pieces, no_wrap=crop, overflow="ellipsis" if crop else None)


class Outline:
    """The headings as a tree, drawn as Rich draws a Tree, by hand when every label fits its line."""

    def __init__(self, root: layout.OutlineNode) -> None:
        self.root = root

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        rows = layout.outline_rows(self.root)
        if options.ascii_only or not all(
            layout.fits("".join(text for text, _ in label), options.max_width - 4 * len(guides))
            for guides, label in rows
        ):
            yield _tree(self.root)  # Rich wraps long labels under their guides
            return
        guide_style = _style("dim")
        for guides, label in rows:
            yield from (*(Segment(guide, guide_style) for guide in guides), *_segments(label))
            yield Segment.line()


def _tree(node: layout.OutlineNode, tree: Tree | None = None) -> Tree:
    if tree is None:
        tree = Tree(_text(node.label), guide_style="dim")
    for child in node.children:
        _tree(child, tree.add(_text(child.label)))
    return tree


def _text(pieces: list[Piece]) -> Text:
    return Text.assemble(*((text, style or "") for text, style in pieces))


def _segments(pieces: list[Piece]) -> list[Segment]:
    return [Segment(text, _style(style)) for text, style in pieces]


@cache
def _style(name: str | None) -> Style | None:
    return None if name is None else Style.parse(name)
