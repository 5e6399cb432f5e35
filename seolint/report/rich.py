"""The report for people: per file, findings with their source line, the outline, stats.

Everything fits the terminal's width: findings are rows of a grid whose position,
severity and code columns never wrap, messages wrap between words, and a source line
too long for the width is shown as a window around the finding's column.

Without colour (a pipe, a pre-commit hook, CI) a file whose lines all fit is written as
plain text, and Rich is not even imported; Rich draws colour, and any file with a line
it must wrap (seolint.report.rich_render).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, TextIO

from seolint.report import layout

if TYPE_CHECKING:
    from seolint.findings import FileResult, RunResult
    from seolint.report import ReportOptions
    from seolint.report.layout import Piece
    from seolint.report.rich_render import RichReport


def report(result: RunResult, stream: TextIO, options: ReportOptions) -> None:
    writer: PlainReport | RichReport
    if options.color:
        from seolint.report.rich_render import RichReport

        writer = RichReport(stream, color=True)
    else:
        writer = PlainReport(stream)
    for file in result.files:
        if not options.quiet or file.findings:
            writer.file(file, options.quiet)
    writer.paragraph(layout.summary(result))
    hint = layout.explain_hint(result.findings)
    if hint is not None:
        writer.paragraph([(hint, None)], style="dim")


class PlainReport:
    """The report without colour: parts whose lines all fit are written as they are,
    the rest drawn by Rich at the same width, so the output is what Rich would print."""

    def __init__(self, stream: TextIO) -> None:
        self.stream = stream
        self.width = layout.console_width()
        # Rich draws tree guides in ASCII when the stream cannot encode them
        self.ascii_only = not (getattr(stream, "encoding", None) or "utf-8").lower().startswith("utf")
        self._rich: RichReport | None = None

    def file(self, file: FileResult, quiet: bool) -> None:
        lines = self._file_lines(file, quiet)
        if lines is None:
            self._fallback().file(file, quiet)
        else:
            self.stream.write("".join(f"{line}\n" for line in lines))

    def paragraph(self, pieces: list[Piece], style: str | None = None) -> None:
        text = _plain(pieces)
        if not layout.narrow(text):
            self._fallback().paragraph(pieces, style)
            return
        lines = [text] if len(text) <= self.width else layout.wrap(text, self.width)
        self.stream.write("".join(f"{_strip_beyond(line, self.width)}\n" for line in lines))

    def _file_lines(self, file: FileResult, quiet: bool) -> list[str] | None:
        """The file's part as lines, or None if one of them would need Rich's wrapping."""
        width = self.width
        lines = _plain(layout.header(file, width)).split("\n")
        if file.findings:
            rows = layout.FindingRows(file.findings, width)
            for row in rows.rows:
                message = _plain(row.message)
                if not layout.narrow(message):
                    return None
                if len(message) <= rows.message_width:
                    parts = [message]
                else:
                    parts = [part.rstrip() for part in layout.wrap(message, rows.message_width)]
                lines.append(_plain(row.prefix) + parts[0])
                lines += [" " * rows.indent + part for part in parts[1:]]
                if row.snippet is not None:
                    lines.append(" " * rows.indent + _plain(row.snippet))
        if not quiet:
            if file.outline or file.title:
                for guides, label in layout.outline_rows(layout.outline(file)):
                    text = _plain(label)
                    if self.ascii_only or not layout.fits(text, width - 4 * len(guides)):
                        return None
                    lines.append("".join(guides) + text)
            lines += [f"  {line}" for line in layout.stats_lines(file, max(width - 2, 20))]
        if not all(layout.fits(line, width) for line in lines):
            return None
        lines.append("")
        return lines

    def _fallback(self) -> RichReport:
        if self._rich is None:
            from seolint.report.rich_render import RichReport

            self._rich = RichReport(self.stream, color=False, width=self.width)
        return self._rich


def _plain(pieces: list[Piece]) -> str:
    return "".join(text for text, _ in pieces)


def _strip_beyond(line: str, width: int) -> str:
    """`line` without the trailing spaces that pass `width`: a wrapped paragraph keeps
    the others, as Rich prints it."""
    excess = len(line) - width
    return line[: len(line) - min(excess, len(line) - len(line.rstrip()))] if excess > 0 else line
