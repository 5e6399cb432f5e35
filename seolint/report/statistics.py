"""`--statistics`: how many findings each rule produced, most frequent first, and how many of
them `--fix` would repair (the `[*]`/`[~]` column, shown when any rule has fixes)."""

from __future__ import annotations

from collections import Counter
from typing import TYPE_CHECKING, TextIO

from seolint.discover.records import NamedTuple
from seolint.report.fixable import Fixable, fixable

if TYPE_CHECKING:
    from seolint.findings.records import Finding, RunResult
    from seolint.report import ReportOptions


class RuleCount(NamedTuple):
    code: str
    name: str
    severity: str
    found: int
    fixable: Fixable


def counts(result: RunResult) -> list[RuleCount]:
    """One row per rule, most frequent first, then by code."""
    found = Counter((f.code, f.name, f.severity.label) for f in result.findings)
    by_code: dict[str, list[Finding]] = {}
    for finding in result.findings:
        by_code.setdefault(finding.code, []).append(finding)
    fixes = {code: fixable(findings) for code, findings in by_code.items()}
    ordered = sorted(found.items(), key=lambda item: (-item[1], item[0]))
    return [RuleCount(code, name, severity, count, fixes[code]) for (code, name, severity), count in ordered]


def report(result: RunResult, stream: TextIO, options: ReportOptions) -> None:
    rows = counts(result)
    fixes = [_fix_cell(row.fixable) for row in rows]
    width = max(map(len, fixes), default=0)
    for row, fix in zip(rows, fixes, strict=True):
        cell = f"{fix:<{width}}  " if width else ""
        stream.write(f"{row.found:>6}  {cell}{row.code}  {row.name}  [{row.severity}]\n")
    total = sum(row.found for row in rows)
    stream.write(f"{total:>6}  {' ' * (width + 2) if width else ''}total in {len(result.files)} files\n")
    sentence = fixable(result.findings).sentence()
    if sentence is not None:
        stream.write(f"{sentence}\n")
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


def _fix_cell(counted: Fixable) -> str:
    """`3 [*]`, `1 [~]`, `3 [*] 1 [~]`: how many findings of the rule have a safe or unsafe fix."""
    parts = [f"{counted.safe} [*]"] if counted.safe else []
    return " ".join([*parts, f"{counted.unsafe} [~]"] if counted.unsafe else parts)
