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
