"""The report for people: per file, findings with their source line, the outline, stats."""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable
from typing import TYPE_CHECKING, TextIO

from rich.console import Console, Group
from rich.text import Text
from rich.tree import Tree

from seolint.findings import FileResult, Finding, Severity
from seolint.report.printable import printable

if TYPE_CHECKING:
    from seolint.findings import RunResult
    from seolint.report import ReportOptions

STYLES = {Severity.ERROR: "bold red", Severity.WARNING: "yellow", Severity.INFO: "cyan"}


def report(result: RunResult, stream: TextIO, options: ReportOptions) -> None:
    console = Console(
        file=stream,
        color_system="auto" if options.color else None,
        no_color=not options.color,
        highlight=False,
        soft_wrap=True,
    )
    for file in result.files:
        if options.quiet and not file.findings:
            continue
        console.print(_file_header(file))
        for finding in file.findings:
            console.print(_finding(finding))
        if not options.quiet:
            if file.outline:
                console.print(_outline(file))
            console.print(_stats(file), style="dim")
        console.print()
    console.print(_summary(result))


def _counts(findings: Iterable[Finding]) -> str:
    counts = Counter(f.severity for f in findings)
    return ", ".join(
        _count(counts[s], "info" if s is Severity.INFO else f"{s.label}s") for s in reversed(Severity)
    )


def _file_header(file: FileResult) -> Text:
    verdict = _counts(file.findings) if file.findings else "clean"
    style = "bold green" if not file.findings else "bold"
    return Text.assemble((printable(file.path), "bold underline"), f"  [{file.format}]  ", (verdict, style))


def _finding(finding: Finding) -> Group:
    where = f"{finding.span.line}:{finding.span.column}"
    line = Text.assemble(
        f"  {where:>7}  ",
        (f"{finding.severity.label:<7}", STYLES[finding.severity]),
        "  ",
        (finding.code, "bold"),
        "  ",
        printable(finding.message),
        (f"  [{finding.name}]", "dim"),
    )
    source = printable(finding.source_line.strip())
    if not source:
        return Group(line)
    shown = source if len(source) <= 100 else source[:99] + "…"
    return Group(line, Text.assemble(" " * 11, ("│ ", "dim"), (shown, "dim italic")))


def _outline(file: FileResult) -> Tree:
    codes_by_line: defaultdict[int, set[str]] = defaultdict(set)
    for finding in file.findings:
        codes_by_line[finding.span.line].add(finding.code)
    tree = Tree(Text("Outline", style="bold"), guide_style="dim")
    stack: list[tuple[int, Tree]] = [(0, tree)]
    for level, text, line in file.outline:
        while stack[-1][0] >= level:
            stack.pop()
        label = Text.assemble((f"H{level} ", "bold magenta"), printable(text) or "(empty)")
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
    return Text("  " + " · ".join(parts))


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
