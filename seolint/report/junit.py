"""JUnit XML (GitLab, Jenkins): a testsuite per file, a testcase per rule that ran on it.

A testcase fails only for findings at or above the run's fail level, so the XML agrees
with the exit code; findings below it pass, with their lines in `system-out`.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections import defaultdict
from typing import TYPE_CHECKING, TextIO

from seolint.findings.records import Finding, Severity

if TYPE_CHECKING:
    from seolint.findings.records import RunResult
    from seolint.report import ReportOptions


def report(result: RunResult, stream: TextIO, options: ReportOptions) -> None:
    names = {r.code: r.name for r in options.rules}
    fail_on = options.fail_on or Severity.ERROR
    root = ET.Element("testsuites", name="seolint", time=f"{result.elapsed:.3f}")
    total_tests = total_failures = 0
    for file in result.files:
        by_code: defaultdict[str, list[Finding]] = defaultdict(list)
        for finding in file.findings:
            by_code[finding.code].append(finding)
        codes = sorted(set(file.rules) | set(by_code))
        failing = {code for code, found in by_code.items() if any(f.severity >= fail_on for f in found)}
        suite = ET.SubElement(root, "testsuite", name=file.path, tests=str(len(codes)))
        suite.set("failures", str(len(failing)))
        suite.set("errors", str(len(file.errors)))
        for code in codes:
            case = ET.SubElement(suite, "testcase", name=f"{code} {names.get(code, '')}".strip())
            case.set("classname", file.path)
            case.set("file", file.path)
            found = by_code.get(code)
            if found and code in failing:
                failure = ET.SubElement(case, "failure", type=code)
                failure.set("message", f"{len(found)} × {found[0].message}")
                failure.text = _lines(found)
            elif found:
                ET.SubElement(case, "system-out").text = _lines(found)
        for error in file.errors:
            case = ET.SubElement(suite, "testcase", name="internal error", classname=file.path)
            ET.SubElement(case, "error", message=error.message)
        total_tests += len(codes)
        total_failures += len(failing)
    for error in result.errors:
        if any(e is error for file in result.files for e in file.errors):
            continue
        suite = ET.SubElement(root, "testsuite", name=error.path, tests="1", failures="0", errors="1")
        case = ET.SubElement(suite, "testcase", name="read and parse", classname=error.path)
        ET.SubElement(case, "error", message=error.message)
    root.set("tests", str(total_tests))
    root.set("failures", str(total_failures))
    ET.indent(root)
    stream.write('<?xml version="1.0" encoding="UTF-8"?>\n')
    stream.write(ET.tostring(root, encoding="unicode"))
    stream.write("\n")


def _lines(found: list[Finding]) -> str:
    return "\n".join(
        f"{f.path}:{f.span.line}:{f.span.column}: {f.code} [{f.severity.label}] {f.message}" for f in found
    )
