"""GitHub Actions workflow commands: one annotation per finding, grouped per file."""

from __future__ import annotations

from itertools import groupby
from typing import TYPE_CHECKING, TextIO

from seolint.findings.records import Finding, Severity
from seolint.report.printable import printable

if TYPE_CHECKING:
    from seolint.findings.records import RunResult
    from seolint.report import ReportOptions

COMMANDS = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "notice"}


def report(result: RunResult, stream: TextIO, options: ReportOptions) -> None:
    for path, findings in groupby(result.findings, key=lambda f: f.path):
        shown = list(findings)
        stream.write(f"::group::{escape_data(path)} ({len(shown)} findings)\n")
        for finding in shown:
            stream.write(annotation(finding) + "\n")
        stream.write("::endgroup::\n")
    for error in result.errors:
        stream.write(f"::error file={escape_property(error.path)}::{escape_data(error.message)}\n")


def annotation(finding: Finding) -> str:
    span = finding.span
    properties = {
        "file": finding.path,
        "line": str(span.line),
        "endLine": str(span.end_line),
        "col": str(span.column),
        "endColumn": str(span.end_column),
        "title": f"{finding.code} {finding.name}",
    }
    if span.end_line != span.line:  # columns only make sense on a one-line span
        del properties["col"], properties["endColumn"]
    joined = ",".join(f"{key}={escape_property(value)}" for key, value in properties.items())
    return f"::{COMMANDS[finding.severity]} {joined}::{escape_data(finding.message)}"


def escape_data(text: str) -> str:
    return printable(text).replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")
