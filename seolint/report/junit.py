"""JUnit XML (GitLab, Jenkins): a testcase per file (`junit`), or per rule and file (`junit-rules`).

GitLab's test report lists every case: one per file reads as "which drafts fail", where
one per rule and file was 351 cases for 7 files; the per-rule layout stays for CI that
charts rules over time. A testcase fails only for findings at or above the run's fail
level, so the XML agrees with the exit code; findings below it pass, with their lines in
`system-out`.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections import defaultdict
from typing import TYPE_CHECKING, TextIO

from seolint.findings.records import Finding, Severity

if TYPE_CHECKING:
    from seolint.discover.source import FileError
    from seolint.findings.records import RunResult
    from seolint.report import ReportOptions


def report(result: RunResult, stream: TextIO, options: ReportOptions) -> None:
    """`--format junit`: one testsuite, a testcase per file."""
    fail_on = options.fail_on or Severity.ERROR
    root = ET.Element("testsuites", name="seolint", time=f"{result.elapsed:.3f}")
    suite = ET.SubElement(root, "testsuite", name="seolint")
    failures = errors = 0
    for file in result.files:
        case = ET.SubElement(suite, "testcase", name=file.path, classname="seolint", file=file.path)
        failing = [f for f in file.findings if f.severity >= fail_on]
        if failing:
            failures += 1
            failure = ET.SubElement(case, "failure", type="seolint", message=_counted(failing))
            failure.text = _lines(failing)
        passing = [f for f in file.findings if f.severity < fail_on]
        if passing:
            ET.SubElement(case, "system-out").text = _lines(passing)
        for error in file.errors:
            errors += 1
            ET.SubElement(case, "error", message=error.message)
    for error in _unlinted(result):
        errors += 1
        case = ET.SubElement(suite, "testcase", name=error.path, classname="seolint", file=error.path)
        ET.SubElement(case, "error", message=error.message)
    tests = str(len(suite))
    suite.set("tests", tests)
    suite.set("failures", str(failures))
    suite.set("errors", str(errors))
    root.set("tests", tests)
    root.set("failures", str(failures))
    _write(root, stream)


def report_by_rule(result: RunResult, stream: TextIO, options: ReportOptions) -> None:
    """`--format junit-rules`: a testsuite per file, a testcase per rule that ran on it."""
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
    for error in _unlinted(result):
        suite = ET.SubElement(root, "testsuite", name=error.path, tests="1", failures="0", errors="1")
        case = ET.SubElement(suite, "testcase", name="read and parse", classname=error.path)
        ET.SubElement(case, "error", message=error.message)
    root.set("tests", str(total_tests))
    root.set("failures", str(total_failures))
    _write(root, stream)


def _unlinted(result: RunResult) -> list[FileError]:
    """The run's errors about files that could not be linted at all (not a file's crashed rule)."""
    known = {id(error) for file in result.files for error in file.errors}
    return [error for error in result.errors if id(error) not in known]


def _write(root: ET.Element, stream: TextIO) -> None:
    ET.indent(root)
    stream.write('<?xml version="1.0" encoding="UTF-8"?>\n')
    stream.write(ET.tostring(root, encoding="unicode"))
    stream.write("\n")


def _counted(found: list[Finding]) -> str:
    """`3 findings: H003 x2, L001`, the failure's one-line message."""
    by_code: dict[str, int] = {}
    for finding in found:
        by_code[finding.code] = by_code.get(finding.code, 0) + 1
    codes = ", ".join(code + (f" x{n}" if n > 1 else "") for code, n in sorted(by_code.items()))
    return f"{len(found)} finding{'s' if len(found) != 1 else ''}: {codes}"


def _lines(found: list[Finding]) -> str:
    return "\n".join(
        f"{f.path}:{f.span.line}:{f.span.column}: {f.code} [{f.severity.label}] {f.message}" for f in found
    )
