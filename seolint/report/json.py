"""A stable, versioned JSON document for CI tooling (schema in the README)."""

from __future__ import annotations

import json
from collections import Counter
from typing import TYPE_CHECKING, Any, TextIO

from seolint import __version__
from seolint.findings.records import Severity

if TYPE_CHECKING:
    from seolint.findings.records import Fix, RunResult
    from seolint.report import ReportOptions

SCHEMA_VERSION = 2  # 2: each finding has `fix` (null, or its applicability, title and edits)


def report(result: RunResult, stream: TextIO, options: ReportOptions) -> None:
    write_document(as_dict(result), stream)


def statistics_report(result: RunResult, stream: TextIO, options: ReportOptions) -> None:
    """`--statistics --format json`: the counts per rule as a JSON document."""
    write_document(statistics_dict(result), stream)


def write_document(data: dict[str, Any], stream: TextIO) -> None:
    """The document with each top-level key on its line and each item of a list on its own.

    One finding per line reads well in a diff and a grep, and Python's C encoder writes
    each line: indenting every key (`indent=2`) runs the pure-Python encoder, 0.4 s per
    10,000 findings, which was half of a warm-cache run. Lines are written as they are
    made: the whole document as one string would be several copies of it in memory.
    """
    encode = json.JSONEncoder(ensure_ascii=False).encode  # one encoder: dumps() makes one a call
    stream.write("{")
    for number, (key, value) in enumerate(data.items()):
        stream.write(f"{',' if number else ''}\n  {encode(key)}: ")
        if isinstance(value, list) and value:
            stream.write("[")
            for index, item in enumerate(value):
                stream.write(f"{',' if index else ''}\n    {encode(item)}")
            stream.write("\n  ]")
        else:
            stream.write(encode(value))
    stream.write("\n}\n")


def statistics_dict(result: RunResult) -> dict[str, Any]:
    from seolint.report.fixable import fixable
    from seolint.report.statistics import counts

    rows = counts(result)
    return {
        "version": SCHEMA_VERSION,
        "tool": {"name": "seolint", "version": __version__},
        "statistics": [
            {"code": c, "name": n, "severity": s, "count": k, "fixable": fix._asdict()}
            for c, n, s, k, fix in rows
        ],
        "total": sum(row.found for row in rows),
        "files": len(result.files),
        "fixable": fixable(result.findings)._asdict(),
        "not_checked": sum(count for site in result.sites for _, count in site.not_checked),
        "unpublished": sum(1 for file in result.files if "unpublished" in file.stats),
    }


def as_dict(result: RunResult) -> dict[str, Any]:
    findings = result.findings
    labels = {severity: severity.label for severity in Severity}  # `label` is two lookups and a lower()
    by_severity = Counter(labels[f.severity] for f in findings)
    return {
        "version": SCHEMA_VERSION,
        "tool": {"name": "seolint", "version": __version__},
        "files": [{"path": r.path, "format": r.format, "stats": r.stats} for r in result.files],
        "findings": [
            {
                "path": f.path,
                "line": line,
                "column": column,
                "end_line": end_line,
                "end_column": end_column,
                "code": f.code,
                "name": f.name,
                "severity": labels[f.severity],
                "message": f.message,
                "whole_post": f.whole_post,
                "fix": fix_dict(f.fix) if f.fix is not None else None,
            }
            for f in findings
            for line, column, end_line, end_column in (f.span,)  # the span unpacked once
        ],
        "errors": [{"path": e.path, "message": e.message} for e in result.errors],
        "summary": {
            "files": len(result.files),
            "findings": len(findings),
            "errors": by_severity.get("error", 0),
            "warnings": by_severity.get("warning", 0),
            "info": by_severity.get("info", 0),
            "file_errors": len(result.errors),
            "elapsed_seconds": round(result.elapsed, 3),
        },
    }


def fix_dict(fix: Fix) -> dict[str, Any]:
    """A fix as tools apply it: 1-based line/column and 0-based character offsets (code
    points of the decoded text, after any BOM) of each edit's [start, end)."""
    return {
        "applicability": fix.applicability,
        "title": fix.title,
        "edits": [
            {
                "start_line": edit.start_point[0] if edit.start_point else None,
                "start_column": edit.start_point[1] if edit.start_point else None,
                "end_line": edit.end_point[0] if edit.end_point else None,
                "end_column": edit.end_point[1] if edit.end_point else None,
                "start_offset": edit.start,
                "end_offset": edit.end,
                "text": edit.text,
            }
            for edit in fix.edits
        ],
    }
