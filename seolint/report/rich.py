"""The report for people: per file, findings with their source line, the outline, stats.

Everything fits the terminal's width: findings are rows of a grid whose position,
severity and code columns never wrap, messages wrap between words, and a source line
too long for the width is shown as a window around the finding's column.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Iterable
from typing import TYPE_CHECKING, TextIO

from rich.console import Console, ConsoleOptions, RenderResult
from rich.measure import Measurement
from rich.padding import Padding
from rich.table import Table
from rich.text import Text
from rich.tree import Tree

from seolint.findings import FileResult, Finding, Severity
from seolint.report.printable import printable

if TYPE_CHECKING:
    from seolint.findings import RunResult
    from seolint.report import ReportOptions

STYLES = {Severity.ERROR: "bold red", Severity.WARNING: "yellow", Severity.INFO: "cyan"}
WHOLE_POST = "post"  # the position shown for a finding about the whole post
_HEADING_ID = re.compile(r"\s*\{:?\s*#[^}]*\}\s*$")  # `## Settings {#our-settings}`
_GUTTER = "│ "


def report(result: RunResult, stream: TextIO, options: ReportOptions) -> None:
    console = Console(
        file=stream,
        color_system="auto" if options.color else None,
        no_color=not options.color,
        highlight=False,
    )
    for file in result.files:
        if options.quiet and not file.findings:
            continue
        console.print(_file_header(file, console.width))
        if file.findings:
            console.print(Padding(_findings(file.findings), (0, 0, 0, 2)))
        if not options.quiet:
            if file.outline or file.title:
                console.print(_outline(file))
            console.print(Padding(_stats(file), (0, 0, 0, 2)), style="dim")
        console.print()
    console.print(_summary(result))
    hint = explain_hint(result.findings)
    if hint is not None:
        console.print(hint, style="dim")


def _counts(findings: Iterable[Finding]) -> str:
    counts = Counter(f.severity for f in findings)
    return ", ".join(
        _count(counts[s], "info" if s is Severity.INFO else f"{s.label}s") for s in reversed(Severity)
    )


def _file_header(file: FileResult, width: int) -> Text:
    """Path, format and verdict on one line, or the verdict on the next when they do not fit."""
    verdict = _counts(file.findings) if file.findings else "clean"
    style = "bold green" if not file.findings else "bold"
    path = printable(file.path)
    rest = f"[{file.format}]  "
    fits = len(path) + 2 + len(rest) + len(verdict) <= width
    return Text.assemble((path, "bold underline"), "  " if fits else "\n  ", rest, (verdict, style))


def _findings(findings: Iterable[Finding]) -> Table:
    """One grid for a file's findings, whole-post ones first, so the columns line up."""
    table = Table.grid(padding=(0, 2))
    table.add_column(justify="right", no_wrap=True)  # line:column, or "post"
    table.add_column(no_wrap=True)  # severity
    table.add_column(no_wrap=True)  # code
    table.add_column(overflow="fold")  # message; a word longer than the column is folded
    ordered = sorted(findings, key=lambda f: not f.whole_post)  # stable: keeps line order
    for finding in ordered:
        where = WHOLE_POST if finding.whole_post else f"{finding.span.line}:{finding.span.column}"
        table.add_row(
            Text(where, style="dim" if finding.whole_post else ""),
            Text(finding.severity.label, style=STYLES[finding.severity]),
            Text(finding.code, style="bold"),
            Text.assemble(printable(finding.message), (f"  [{finding.name}]", "dim")),
        )
        if not finding.whole_post and finding.source_line.strip():
            table.add_row("", "", "", Snippet(finding))
    return table


class Snippet:
    """A finding's source line, cut to the width it is given around the finding's column."""

    def __init__(self, finding: Finding) -> None:
        raw = finding.source_line.replace("\t", " ")
        indent = len(raw) - len(raw.lstrip())
        line = raw.strip()
        span = finding.span
        start = min(max(span.column - 1 - indent, 0), len(line))
        end = span.end_column - 1 - indent if span.end_line == span.line else len(line)
        end = min(max(end, start), len(line))
        # control characters become `\xNN`: measure the finding's place in the shown text
        self.text = printable(line)
        self.start = len(printable(line[:start]))
        self.end = len(printable(line[:end]))

    def __rich_measure__(self, console: Console, options: ConsoleOptions) -> Measurement:
        return Measurement(len(_GUTTER) + 1, len(_GUTTER) + len(self.text))

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        width = max(options.max_width - len(_GUTTER), 1)
        first, last = window(len(self.text), self.start, self.end, width)
        left = "…" if first > 0 else ""
        right = "…" if last < len(self.text) else ""
        body_start, body_end = first + len(left), last - len(right)
        shown = Text.assemble((_GUTTER, "dim"), left, (self.text[body_start:body_end], "dim italic"), right)
        offset = len(_GUTTER) + len(left) - body_start
        focus_start, focus_end = max(self.start, body_start), min(self.end, body_end)
        if focus_end > focus_start:
            shown.stylize("not dim underline", focus_start + offset, focus_end + offset)
        shown.no_wrap, shown.overflow = True, "ellipsis"  # wide characters: never wrap onto a new line
        yield shown


def window(length: int, start: int, end: int, width: int) -> tuple[int, int]:
    """The `[first, last)` slice of a `length`-character line to show in `width` columns:
    the finding's `[start, end)` in the middle, or its start a little in when it is
    wider than the window (moved to an end when the line ends sooner)."""
    if length <= width:
        return 0, length
    focus = (start + end) // 2 if end - start < width - 2 else start + width // 2 - 4
    first = min(max(focus - width // 2, 0), length - width)
    return first, first + width


def heading_text(text: str) -> str:
    """A heading as readers see it: without a trailing `{#id}` attribute."""
    return _HEADING_ID.sub("", text)


def _outline(file: FileResult) -> Tree:
    """The headings as a tree; the front-matter title, which counts as the H1, is its root."""
    codes_by_line: defaultdict[int, set[str]] = defaultdict(set)
    for finding in file.findings:
        if not finding.whole_post:
            codes_by_line[finding.span.line].add(finding.code)
    if file.title is not None:
        root = Text.assemble(("H1 ", "bold magenta"), printable(file.title), ("  (title)", "dim"))
        tree, top = Tree(root, guide_style="dim"), 1
    else:
        tree, top = Tree(Text("Outline", style="bold"), guide_style="dim"), 0
    stack: list[tuple[int, Tree]] = [(top, tree)]
    for level, text, line in file.outline:
        while len(stack) > 1 and stack[-1][0] >= level:
            stack.pop()
        label = Text.assemble((f"H{level} ", "bold magenta"), printable(heading_text(text)) or "(empty)")
        if codes_by_line.get(line):
            label.append("  " + " ".join(sorted(codes_by_line[line])), style="red")
        stack.append((level, stack[-1][1].add(label)))
    return tree


def _stats(file: FileResult) -> Text:
    stats = file.stats
    parts = [
        _count(stats.get(key, 0), key) for key in ("words", "headings", "links", "images", "code_blocks")
    ]
    if "reading_minutes" in stats:
        parts.append(f"{stats['reading_minutes']} min read")
    if stats.get("reading_ease") is not None:
        parts.append(f"reading ease {stats['reading_ease']:.0f}")
        parts.append(f"grade {stats['grade_level']:.1f}")
    return Text(" · ".join(parts))


def _count(number: int, plural_key: str) -> str:
    """`1 image`, `2 images`; the key is the plural (`code_blocks`), as in the stats."""
    noun = plural_key.replace("_", " ")
    return f"{number} {noun.removesuffix('s') if number == 1 else noun}"


def _summary(result: RunResult) -> Text:
    findings = result.findings
    files = len(result.files)
    text = Text.assemble(
        ("Checked ", "bold"),
        f"{_count(files, 'files')}: ",
        (_count(len(findings), "findings"), "bold"),
        f" ({_counts(findings)})",
        f" in {result.elapsed:.2f}s",
    )
    if result.errors:
        text.append(f"; {_count(len(result.errors), 'files')} could not be linted", style="bold red")
    return text


def explain_hint(findings: Iterable[Finding]) -> Text | None:
    """Where to read more about the most frequent finding (ties: the first code)."""
    counts = Counter(f.code for f in findings)
    if not counts:
        return None
    code = min(counts, key=lambda c: (-counts[c], c))
    times = f" ({counts[code]}x, the most frequent)" if counts[code] > 1 else ""
    return Text(f"Tip: seolint explain {code} says why {code}{times} matters and how to fix it")
