"""One line per finding, `path:line:col: CODE [severity] message`, for editors and grep."""

from __future__ import annotations

from typing import TYPE_CHECKING, TextIO

from seolint.report.printable import printable, printable_name

if TYPE_CHECKING:
    from seolint.findings.records import RunResult
    from seolint.report import ReportOptions


def report(result: RunResult, stream: TextIO, options: ReportOptions) -> None:
    for finding in result.findings:
        where = f"{printable_name(finding.path)}:{finding.span.line}:{finding.span.column}"
        stream.write(f"{where}: {finding.code} [{finding.severity.label}] {printable(finding.message)}\n")
