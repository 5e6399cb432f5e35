"""GitLab Code Quality (`artifacts:reports:codequality`): the findings in a merge request's widget
and its diff.

The report is a JSON array of issues, the subset of the Code Climate spec that GitLab reads:
description, check_name, fingerprint, severity and location (path and lines). GitLab
compares fingerprints between the base and the merge request to tell new findings from
fixed ones, so each must be unique and survive edits elsewhere in the file: it hashes the
path, the rule, the finding's line text and which occurrence of that line it is, as the
baseline does, never the line number.
"""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any, TextIO

from seolint.findings.records import Finding, Severity

if TYPE_CHECKING:
    from seolint.findings.records import RunResult
    from seolint.report import ReportOptions

# GitLab's levels are info, minor, major, critical and blocker; "blocker" and "critical"
# are for what stops a release, which a draft's finding never is.
SEVERITIES = {Severity.ERROR: "major", Severity.WARNING: "minor", Severity.INFO: "info"}


def report(result: RunResult, stream: TextIO, options: ReportOptions) -> None:
    json.dump(issues(result.findings), stream, indent=2, ensure_ascii=False)
    stream.write("\n")


def issues(findings: list[Finding]) -> list[dict[str, Any]]:
    from pathlib import Path

    from seolint.lint.baseline import fingerprint, keys

    return [
        {
            "description": f"{finding.code} {finding.message}",
            "check_name": f"{finding.code} {finding.name}",
            "fingerprint": fingerprint(key),
            "severity": SEVERITIES[finding.severity],
            "location": {
                "path": Path(finding.path).as_posix(),
                "lines": {
                    "begin": max(finding.span.line, 1),
                    "end": max(finding.span.end_line, finding.span.line, 1),
                },
            },
        }
        for finding, key in keys(findings, Path.cwd())
    ]
