"""The report for people: per file, findings with their source line, the outline, stats.

Everything fits the terminal's width: findings are rows of a grid whose position,
severity and code columns never wrap, messages wrap between words, and a source line
too long for the width is shown as a window around the finding's column.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable
from typing import TYPE_CHECKING, TextIO

from rich.console import Console, ConsoleOptions, RenderResult
from rich.text import Text
from rich.tree import Tree

from seolint.findings import FileResult, Finding, Severity
from seolint.report.printable import printable

if TYPE_CHECKING:
    from seolint.findings import RunResult
    from seolint.report import ReportOptions

STYLES = {Severity.ERROR: "bold red", Severity.WARNING: "yellow", Severity.INFO: "cyan"}
WHOLE_POST = "post"  # the position shown for a finding about the whole post
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
            console.print(FindingList(file.findings))
        if not options.quiet:
            if file.outline or file.title:
                console.print(_outline(file))
            for line in _stats(file).wrap(console, max(console.width - 2, 20)):
                console.print(Text.assemble("  ", line), style="dim")
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


class FindingList:
    """A file's findings in aligned columns, whole-post ones first.

    Position, severity and code never wrap; the message wraps between words in the
    space left (a word longer than that is folded), continuing under its first word.
    Lines are never padded to the width, so piped output has no trailing spaces.
    """

    def __init__(self, findings: Iterable[Finding]) -> None:
        self.findings = sorted(findings, key=lambda f: not f.whole_post)  # stable: keeps line order

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        places = [WHOLE_POST if f.whole_post else f"{f.span.line}:{f.span.column}" for f in self.findings]
        place_width = max(map(len, places))
        code_width = max(len(f.code) for f in self.findings)
        severity_width = max(len(s.label) for s in Severity)
        indent = 2 + place_width + 2 + severity_width + 2 + code_width + 2
        width = max(options.max_width - indent, 20)
        for finding, place in zip(self.findings, places, strict=True):
            prefix = Text.assemble(
                "  ",
                (f"{place:>{place_width}}", "dim" if finding.whole_post else ""),
                "  ",
                (f"{finding.severity.label:<{severity_width}}", STYLES[finding.severity]),
                "  ",
                (f"{finding.code:<{code_width}}", "bold"),
                "  ",
            )
            message = Text.assemble(printable(finding.message), (f"  [{finding.name}]", "dim"))
            for number, line in enumerate(message.wrap(console, width, overflow="fold")):
                line.rstrip()
                yield Text.assemble(prefix if number == 0 else " " * indent, line)
            if not finding.whole_post and finding.source_line.strip():
                row = Text.assemble(" " * indent, Snippet(finding).line(width))
                row.no_wrap, row.overflow = True, "ellipsis"  # wide characters: cropped, never wrapped
                yield row


class Snippet:
    """A finding's source line, cut to a width around the finding's column."""

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

    def line(self, width: int) -> Text:
        """The gutter and as much of the line as fits in `width`, an ellipsis where cut."""
        first, last = window(len(self.text), self.start, self.end, max(width - len(_GUTTER), 1))
        left = "…" if first > 0 else ""
        right = "…" if last < len(self.text) else ""
        body_start, body_end = first + len(left), last - len(right)
        shown = Text.assemble((_GUTTER, "dim"), left, (self.text[body_start:body_end], "dim italic"), right)
        offset = len(_GUTTER) + len(left) - body_start
        focus_start, focus_end = max(self.start, body_start), min(self.end, body_end)
        if focus_end > focus_start:
            shown.stylize("not dim underline", focus_start + offset, focus_end + offset)
        return shown


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
    """A heading as readers see it: without a trailing `{#id}` (or `{: #id .class}`) attribute."""
    stripped = text.rstrip()
    start = stripped.rfind("{")
    if stripped.endswith("}") and start >= 0 and stripped[start + 1 :].lstrip(": ").startswith("#"):
        return stripped[:start].rstrip()
    return text


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
