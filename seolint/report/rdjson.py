"""reviewdog's Diagnostic Format: `rdjson` (one DiagnosticResult) and `rdjsonl` (a Diagnostic a line).

reviewdog turns these into review comments on the lines a pull request changed, with the
filters reviewers already use (`added`, `diff_context`, `file`), and a diagnostic's
suggestions into suggested changes: each safe fix becomes suggestions, unsafe ones stay
for a person to make. Positions are 1-based with columns counted in UTF-8 bytes and ends
exclusive, as reviewdog's proto/rdf/reviewdog.proto defines them.
"""

from __future__ import annotations

import contextlib
import json
import re
from typing import TYPE_CHECKING, Any, TextIO

from seolint.discover.reading import STDIN, ReadError, decode, read_bytes
from seolint.findings.records import Finding, Severity

if TYPE_CHECKING:
    from seolint.findings.records import RunResult
    from seolint.report import ReportOptions

SOURCE = {"name": "seolint"}
SEVERITIES = {Severity.ERROR: "ERROR", Severity.WARNING: "WARNING", Severity.INFO: "INFO"}
_LINE_BREAK = re.compile(r"\r\n|\r|\n")  # as the Document splits lines


def report(result: RunResult, stream: TextIO, options: ReportOptions) -> None:
    """`--format rdjson`: one DiagnosticResult (`reviewdog -f=rdjson`)."""
    document = {"source": SOURCE, "diagnostics": list(diagnostics(result))}
    json.dump(document, stream, indent=2, ensure_ascii=False)
    stream.write("\n")


def report_lines(result: RunResult, stream: TextIO, options: ReportOptions) -> None:
    """`--format rdjsonl`: one Diagnostic per line (`reviewdog -f=rdjsonl`), written as found."""
    for diagnostic in diagnostics(result):
        stream.write(json.dumps(diagnostic, ensure_ascii=False) + "\n")


def diagnostics(result: RunResult) -> list[dict[str, Any]]:
    found = []
    for file in result.files:
        lines = _Lines(file.path)
        found += [diagnostic(finding, lines) for finding in file.findings]
    return found


def diagnostic(finding: Finding, lines: _Lines) -> dict[str, Any]:
    span = finding.span
    entry: dict[str, Any] = {
        "message": finding.message,
        "location": {
            "path": finding.path,
            "range": {
                "start": lines.position(finding, span.line, span.column),
                "end": lines.position(finding, span.end_line, span.end_column),
            },
        },
        "severity": SEVERITIES[finding.severity],
        "source": SOURCE,
        "code": {"value": finding.code},
    }
    fix = finding.fix
    if fix is not None and fix.applicability == "safe":
        suggestions = []
        for edit in fix.edits:
            if edit.start_point is None or edit.end_point is None:
                return entry  # a fix whose place reporters cannot name is no suggestion
            start, end = lines.position(finding, *edit.start_point), lines.position(finding, *edit.end_point)
            suggestions.append({"range": {"start": start, "end": end}, "text": edit.text})
        entry["suggestions"] = suggestions
    return entry


class _Lines:
    """A draft's lines, read back from disk only when a position lies off the finding's own
    line (whose text the finding carries): UTF-8 columns need the text before them."""

    def __init__(self, path: str) -> None:
        self.path = path
        self._lines: list[str] | None = None

    def position(self, finding: Finding, line: int, column: int) -> dict[str, int]:
        """reviewdog's Position of a 1-based (line, column in characters)."""
        text = finding.source_line if line == finding.span.line else self._line(line)
        line, column = max(line, 1), max(column, 1)
        if text is None:  # the draft is gone or was standard input: characters it is
            return {"line": line, "column": column}
        past_end = max(column - 1 - len(text), 0)  # an end just after the line's last character
        before = len(text[: column - 1].encode("utf-8", "surrogatepass"))
        return {"line": line, "column": before + 1 + past_end}

    def _line(self, line: int) -> str | None:
        if self._lines is None:
            self._lines = []
            if self.path != STDIN:
                with contextlib.suppress(OSError, ReadError, ValueError):
                    self._lines = _LINE_BREAK.split(decode(read_bytes(self.path)))
        return self._lines[line - 1] if 0 < line <= len(self._lines) else None
