"""`--statistics`: how many findings each rule produced, most frequent first."""

from __future__ import annotations

from collections import Counter
from typing import TYPE_CHECKING, TextIO

if TYPE_CHECKING:
    from seolint.findings.records import RunResult
    from seolint.report import ReportOptions


def counts(result: RunResult) -> list[tuple[str, str, str, int]]:
    """(code, name, severity, count) per rule, most frequent first, then by code."""
    found = Counter((f.code, f.name, f.severity.label) for f in result.findings)
    ordered = sorted(found.items(), key=lambda item: (-item[1], item[0]))
    return [(code, name, severity, count) for (code, name, severity), count in ordered]


def report(result: RunResult, stream: TextIO, options: ReportOptions) -> None:
    rows = counts(result)
    for code, name, severity, count in rows:
        stream.write(f"{count:>6}  {code}  {name}  [{severity}]\n")
    total = sum(row[3] for row in rows)
    stream.write(f"{total:>6}  total in {len(result.files)} files\n")
    for line in site_lines(result):
        stream.write(line + "\n")


def site_lines(result: RunResult) -> list[str]:
    """What the site pass left out: links into build-time content, pages not built."""
    lines: list[str] = []
    not_checked = sum(count for site in result.sites for _, count in site.not_checked)
    if not_checked:
        lines.append(f"{not_checked:>6}  links not checked (content made at build time)")
    skipped = sum(1 for file in result.files if "unpublished" in file.stats)
    if skipped:
        lines.append(f"{skipped:>6}  pages skipped: not built by the generator (draft, future, ...)")
    return lines
