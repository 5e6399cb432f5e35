"""The report for people: per file, findings with their source line, the outline, stats.

Everything fits the terminal's width: findings are rows of a grid whose position,
severity and code columns never wrap, messages wrap between words, and a source line
too long for the width is shown as a window around the finding's column.

Without colour (a pipe, a pre-commit hook, CI) the report is written as plain text, and
Rich is not even imported: messages, long paths and long outline headings are wrapped
here exactly where Rich would wrap them. Rich draws colour, and a file with text whose
width in cells Rich must measure (wide characters, tabs) (seolint.report.rich_render).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, TextIO

from seolint.report import layout

if TYPE_CHECKING:
    from seolint.findings.records import FileResult, RunResult
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
    fixable = layout.fixable_line(result.findings)
    if fixable is not None:
        writer.paragraph(fixable)
    hint = layout.explain_hint(result.findings)
    if hint is not None:
        writer.paragraph([(hint, None)], style="dim")


class PlainReport:
    """The report without colour: parts of narrow text are laid out here, the rest drawn
    by Rich at the same width, so the output is what Rich would print."""

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
        self.stream.write("".join(f"{line}\n" for line in _wrapped(text, self.width)))

    def _file_lines(self, file: FileResult, quiet: bool) -> list[str] | None:
        """The file's part as lines, or None if Rich must measure or wrap some of it."""
        width = self.width
        lines = [
            wrapped
            for line in _plain(layout.header(file, width)).split("\n")
            for wrapped in _wrapped(line, width)
        ]
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
                if row.above is not None:  # stacked: the location on a line of its own
                    lines.append(_plain(row.above))
                lines.append(_plain(row.prefix) + parts[0])
                lines += [" " * rows.indent + part for part in parts[1:]]
                if row.snippet is not None:
                    lines.append(" " * rows.indent + _plain(row.snippet))
        if not quiet:
            if file.outline or file.title:
                for guides, label in layout.outline_rows(layout.outline(file)):
                    text, room = _plain(label), width - 4 * len(guides)
                    if self.ascii_only or room < 1 or "\n" in text or not layout.narrow(text):
                        return None
                    parts = _wrapped(text, room)
                    lines.append("".join(guides) + parts[0])
                    lines += ["".join(_continued(guides)) + part for part in parts[1:]]
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


def _continued(guides: tuple[str, ...]) -> tuple[str, ...]:
    """The guides in front of a wrapped label's next lines, as Rich's Tree draws them."""
    if not guides:
        return guides
    return (*guides[:-1], "│   " if guides[-1] == "├── " else "    ")


def _wrapped(line: str, width: int) -> list[str]:
    """A line of narrow text as Rich wraps it to `width` (a long path folds); others as they are."""
    if len(line) <= width or not layout.narrow(line):
        return [line]
    return [_strip_beyond(part, width) for part in layout.wrap(line, width)]


def _strip_beyond(line: str, width: int) -> str:
    """`line` without the trailing spaces that pass `width`: a wrapped paragraph keeps
    the others, as Rich prints it."""
    excess = len(line) - width
    return line[: len(line) - min(excess, len(line) - len(line.rstrip()))] if excess > 0 else line
