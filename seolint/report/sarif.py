"""SARIF 2.1.0 for code scanning (GitHub, GitLab, Azure DevOps): every rule's metadata plus results."""

from __future__ import annotations

import json
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, TextIO

from seolint import __version__
from seolint.findings.records import Finding, Fix, Severity

if TYPE_CHECKING:
    from seolint.findings.records import RunResult
    from seolint.registry.rule import Rule
    from seolint.report import ReportOptions

SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
LEVELS = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "note"}


def report(result: RunResult, stream: TextIO, options: ReportOptions) -> None:
    json.dump(as_dict(result, options.rules), stream, indent=2, ensure_ascii=False)
    stream.write("\n")


def as_dict(result: RunResult, rules: Sequence[Rule]) -> dict[str, Any]:
    index = {r.code: i for i, r in enumerate(rules)}
    run: dict[str, Any] = {
        "tool": {
            "driver": {
                "name": "seolint",
                "version": __version__,
                "rules": [_rule(r) for r in rules],
            }
        },
        "invocations": [_invocation(result)],
        "results": [_result(f, index) for f in result.findings],
        "columnKind": "unicodeCodePoints",
    }
    return {"$schema": SCHEMA, "version": "2.1.0", "runs": [run]}


def _rule(rule: Rule) -> dict[str, Any]:
    help_text = rule.doc.split("\n", 1)[1].strip() if "\n" in rule.doc else rule.summary
    return {
        "id": rule.code,
        "name": rule.name,
        "shortDescription": {"text": rule.summary},
        "fullDescription": {"text": rule.doc},
        "help": {"text": help_text, "markdown": help_text},
        "defaultConfiguration": {"level": LEVELS[rule.severity]},
        "properties": {"tags": ["seo", rule.family]},
    }


def _invocation(result: RunResult) -> dict[str, Any]:
    return {
        "executionSuccessful": not result.errors,
        "toolExecutionNotifications": [
            {
                "level": "error",
                "message": {"text": error.message},
                "locations": [{"physicalLocation": {"artifactLocation": {"uri": _uri(error.path)}}}],
            }
            for error in result.errors
        ],
    }


def _result(finding: Finding, index: dict[str, int]) -> dict[str, Any]:
    from seolint.lint.baseline import fingerprint, normalise

    span = finding.span
    region: dict[str, Any] = {
        "startLine": max(span.line, 1),
        "startColumn": max(span.column, 1),
        "endLine": max(span.end_line, span.line, 1),
        "endColumn": max(span.end_column, 1),
    }
    if finding.source_line:
        region["snippet"] = {"text": finding.source_line}
    entry: dict[str, Any] = {
        "ruleId": finding.code,
        "level": LEVELS[finding.severity],
        "message": {"text": finding.message},
        "locations": [
            {"physicalLocation": {"artifactLocation": {"uri": _uri(finding.path)}, "region": region}}
        ],
        "partialFingerprints": {
            "seolintLine/v1": fingerprint((finding.path, finding.code, normalise(finding.source_line), 0))
        },
    }
    if finding.code in index:
        entry["ruleIndex"] = index[finding.code]
    if finding.fix is not None and all(e.start_point and e.end_point for e in finding.fix.edits):
        entry["fixes"] = [_fix(finding.fix, finding.path)]
    return entry


def _fix(fix: Fix, path: str) -> dict[str, Any]:
    """SARIF's fix: replacements of regions (end column exclusive, as in every region)."""
    replacements = []
    for edit in fix.edits:
        assert edit.start_point is not None and edit.end_point is not None
        region = {
            "startLine": edit.start_point[0],
            "startColumn": edit.start_point[1],
            "endLine": edit.end_point[0],
            "endColumn": edit.end_point[1],
        }
        replacements.append({"deletedRegion": region, "insertedContent": {"text": edit.text}})
    return {
        "description": {"text": fix.title},
        "artifactChanges": [{"artifactLocation": {"uri": _uri(path)}, "replacements": replacements}],
        "properties": {"applicability": fix.applicability},
    }


def _uri(path: str) -> str:
    """Relative paths stay relative (code scanning resolves them against the checkout)."""
    candidate = Path(path)
    return candidate.as_uri() if candidate.is_absolute() else candidate.as_posix()
