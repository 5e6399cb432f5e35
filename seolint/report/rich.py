"""The report for people: per file, findings with their source line, the outline, stats.

Everything fits the terminal's width: findings are rows of a grid whose position,
severity and code columns never wrap, messages wrap between words, and a source line
too long for the width is shown as a window around the finding's column.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING, TextIO

from rich.cells import cell_len
from rich.console import Console, ConsoleOptions, RenderResult
from rich.segment import Segment
from rich.style import Style
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
_SNIPPET = {
    "gutter": Style.parse("dim"),
    "line": Style.parse("dim italic"),
    "focus": Style.parse("dim italic") + Style.parse("not dim underline"),
}


def report(result: RunResult, stream: TextIO, options: ReportOptions) -> None:
    console = Console(
        file=stream,
        color_system="auto" if options.color else None,
        no_color=not options.color,
        highlight=False,
    )
    for file in result.files:
        if not options.quiet or file.findings:
            console.print(FileReport(file, options.quiet))
    console.print(_summary(result))
    hint = explain_hint(result.findings)
    if hint is not None:
        console.print(hint, style="dim")


class FileReport:
    """One file's part of the report: header, findings, then (unless quiet) outline and stats.

    One renderable per file, so Rich sets up a print once per file, not once per part.
    """

    def __init__(self, file: FileResult, quiet: bool) -> None:
        self.file, self.quiet = file, quiet

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        file = self.file
        yield _file_header(file, options.max_width)
        if file.findings:
            yield FindingList(file.findings)
        if not self.quiet:
            if file.outline or file.title:
                yield Outline(_outline(file))
            for line in _stats_lines(file, max(options.max_width - 2, 20)):
                yield Text.assemble("  ", line, style="dim")
        yield Segment.line()


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
        styles = {name: Style.parse(name) for name in ("dim", "bold", *STYLES.values())}
        for finding, place in zip(self.findings, places, strict=True):
            prefix = (
                Segment("  "),
                Segment(f"{place:>{place_width}}", styles["dim"] if finding.whole_post else None),
                Segment("  "),
                Segment(f"{finding.severity.label:<{severity_width}}", styles[STYLES[finding.severity]]),
                Segment("  "),
                Segment(f"{finding.code:<{code_width}}", styles["bold"]),
                Segment("  "),
            )
            message, name = printable(finding.message), f"  [{finding.name}]"
            if _fits(message + name, width):
                lines = [[Segment(message), Segment(name, styles["dim"])]]
            else:
                lines = []
                for part in Text.assemble(message, (name, "dim")).wrap(console, width, overflow="fold"):
                    part.rstrip()
                    lines.append(list(part.render(console)))
            for number, line in enumerate(lines):
                yield from _row([*(prefix if number == 0 else (Segment(" " * indent),)), *line], options)
            if not finding.whole_post and finding.source_line.strip():
                snippet = (Segment(text, style) for text, style in Snippet(finding).pieces(width))
                yield from _row([Segment(" " * indent), *snippet], options, crop=True)


def _fits(text: str, width: int) -> bool:
    """Whether `text` is one line of at most `width` cells, so it needs no wrapping."""
    return "\n" not in text and "\t" not in text and cell_len(text) <= width


def _row(segments: list[Segment], options: ConsoleOptions, crop: bool = False) -> RenderResult:
    """One line of the list: as segments when it fits the width, since laying out every row
    again through Rich's Text was most of the cost of a long report; otherwise (a terminal
    narrower than the columns, wide characters) as a Text that Rich wraps, or crops with an
    ellipsis when `crop`."""
    if Segment.get_line_length(segments) <= options.max_width:
        yield from (*segments, Segment.line())
    else:
        pieces = ((segment.text, segment.style or "") for segment in segments)
        yield Text.assemble(*pieces, no_wrap=crop, overflow="ellipsis" if crop else None)


class Outline:
    """A Tree of headings, drawn as Rich draws it, by hand when every label fits on its line."""

    def __init__(self, tree: Tree) -> None:
        self.tree = tree

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        nodes = [((), self.tree), *_nodes(self.tree.children, ())]
        # labels drawn by hand: Texts whose styles are all spans (a base style is Rich's to apply)
        rows = [(g, n.label) for g, n in nodes if isinstance(n.label, Text) and not n.label.style]
        if (
            options.ascii_only
            or len(rows) < len(nodes)
            or not all(_fits(label.plain, options.max_width - 4 * len(guides)) for guides, label in rows)
        ):
            yield self.tree  # Rich wraps long labels under their guides
            return
        guide_style = Style.parse(str(self.tree.guide_style))
        for guides, label in rows:
            yield from (*(Segment(guide, guide_style) for guide in guides), *label.render(console))
            yield Segment.line()


def _nodes(children: list[Tree], above: tuple[str, ...]) -> Iterator[tuple[tuple[str, ...], Tree]]:
    """Each node under a tree, depth first, with the guides drawn before its label."""
    for index, child in enumerate(children):
        last = index == len(children) - 1
        yield (*above, "└── " if last else "├── "), child
        yield from _nodes(child.children, (*above, "    " if last else "│   "))


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

    def pieces(self, width: int) -> list[tuple[str, Style | None]]:
        """The gutter and as much of the line as fits in `width` columns, an ellipsis where
        cut, as (text, style) pieces: the finding's part underlined, the rest dimmed."""
        first, last = window(len(self.text), self.start, self.end, max(width - len(_GUTTER), 1))
        left = "…" if first > 0 else ""
        right = "…" if last < len(self.text) else ""
        body_start, body_end = first + len(left), last - len(right)
        focus_start = min(max(self.start, body_start), body_end)
        focus_end = max(min(self.end, body_end), focus_start)
        shown = [
            (_GUTTER, _SNIPPET["gutter"]),
            (left, None),
            (self.text[body_start:focus_start], _SNIPPET["line"]),
            (self.text[focus_start:focus_end], _SNIPPET["focus"]),
            (self.text[focus_end:body_end], _SNIPPET["line"]),
            (right, None),
        ]
        return [(text, style) for text, style in shown if text]


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
        tree, top = Tree(Text.assemble(("Outline", "bold")), guide_style="dim"), 0
    stack: list[tuple[int, Tree]] = [(top, tree)]
    for level, text, line in file.outline:
        while len(stack) > 1 and stack[-1][0] >= level:
            stack.pop()
        label = Text.assemble((f"H{level} ", "bold magenta"), printable(heading_text(text)) or "(empty)")
        if codes_by_line.get(line):
            label.append("  " + " ".join(sorted(codes_by_line[line])), style="red")
        stack.append((level, stack[-1][1].add(label)))
    return tree


def _stats_lines(file: FileResult, width: int) -> list[str]:
    """The stats joined by " · ", broken between two stats (never after a separator)
    when they do not fit in `width` cells."""
    lines = [""]
    for part in _stats(file):
        joined = f"{lines[-1]} · {part}" if lines[-1] else part
        if lines[-1] and cell_len(joined) > width:
            lines.append(part)
        else:
            lines[-1] = joined
    return lines


def _stats(file: FileResult) -> list[str]:
    stats = file.stats
    parts = [
        _count(stats.get(key, 0), key) for key in ("words", "headings", "links", "images", "code_blocks")
    ]
    if "reading_minutes" in stats:
        parts.append(f"{stats['reading_minutes']} min read")
    if stats.get("reading_ease") is not None:
        parts.append(f"reading ease {stats['reading_ease']:.0f}")
        parts.append(f"grade {stats['grade_level']:.1f}")
    return parts


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
