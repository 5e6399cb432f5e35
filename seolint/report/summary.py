"""A Markdown summary of the run, for a CI job's page (GitHub's GITHUB_STEP_SUMMARY, a GitLab note).

Counts, what `--fix` would repair, the rules with most findings and the files with most, and
for a pull request's check (`--diff-base`) the pages the change breaks elsewhere in the
site. Tables are cut to their first rows, so a run with thousands of findings still
writes a page of a few kilobytes (GitHub takes at most 1 MiB per step). Draft text is
escaped: it is shown, never rendered as Markdown or HTML.
"""

from __future__ import annotations

import re
from collections import Counter
from typing import TYPE_CHECKING, TextIO

from seolint.findings.records import Finding, Severity
from seolint.report.fixable import fixable
from seolint.report.printable import printable

if TYPE_CHECKING:
    from seolint.findings.records import FileResult, RunResult
    from seolint.report import ReportOptions

TOP = 10  # rows of the rule and file tables
BROKEN = 50  # rows of the table of pages a change breaks
_SPECIAL = re.compile(r"[\\`*_{}\[\]<>()#+!|~&]")


def report(result: RunResult, stream: TextIO, options: ReportOptions) -> None:
    stream.write("\n".join(lines(result)) + "\n")


def lines(result: RunResult) -> list[str]:
    findings = result.findings
    by_severity = Counter(f.severity for f in findings)
    changed = result.changed
    scope = " from this change" if changed is not None else ""
    out = ["## seolint", ""]
    if not findings and not result.errors:
        out.append(f"No findings{scope} in {_count(len(result.files), 'file')}.")
        return out
    severities = ", ".join(
        _count(by_severity[s], s.label if s is not Severity.INFO else "info", plural=s is not Severity.INFO)
        for s in reversed(Severity)
    )
    files = _count(len(result.files), "file")
    out.append(f"**{_count(len(findings), 'finding')}**{scope} ({severities}) in {files}.")
    sentence = fixable(findings).sentence()
    if sentence is not None:
        out += ["", f"{sentence}."]
    if result.errors:
        out += ["", f"**{_count(len(result.errors), 'file')} could not be linted:**", ""]
        out += [f"- `{_code(e.path)}`: {_escape(e.message)}" for e in result.errors[:TOP]]
    if changed is not None:
        out += _broken_elsewhere([f for f in findings if f.path not in changed])
    if findings:
        out += _top_rules(findings) + _top_files(result)
    return out


def _broken_elsewhere(findings: list[Finding]) -> list[str]:
    """The pages the change breaks: site findings it caused on pages it did not touch."""
    if not findings:
        return []
    pages = len({f.path for f in findings})
    out = ["", f"### Pages this change breaks ({_count(pages, 'page')})", ""]
    out += ["| page | finding |", "| --- | --- |"]
    for finding in findings[:BROKEN]:
        where = f"{finding.path}:{finding.span.line}"
        out.append(f"| `{_code(where)}` | {finding.code} {_escape(finding.message)} |")
    if len(findings) > BROKEN:
        out.append(f"| … | {len(findings) - BROKEN} more |")
    return out


def _top_rules(findings: list[Finding]) -> list[str]:
    by_rule = Counter((f.code, f.name) for f in findings)
    fixes = Counter(f.code for f in findings if f.fix is not None and f.fix.applicability == "safe")
    out = ["", "### Top rules", "", "| rule | findings | fixable |", "| --- | ---: | ---: |"]
    for (code, name), number in sorted(by_rule.items(), key=lambda item: (-item[1], item[0]))[:TOP]:
        out.append(f"| {code} `{name}` | {number} | {fixes[code] or ''} |")
    if len(by_rule) > TOP:
        out.append(f"| {len(by_rule) - TOP} more rules | | |")
    return out


def _top_files(result: RunResult) -> list[str]:
    def rank(file: FileResult) -> tuple[int, int, str]:
        return -sum(f.severity is Severity.ERROR for f in file.findings), -len(file.findings), file.path

    ranked = sorted((file for file in result.files if file.findings), key=rank)
    out = ["", "### Files", "", "| file | errors | warnings | info |", "| --- | ---: | ---: | ---: |"]
    for file in ranked[:TOP]:
        counts = Counter(f.severity for f in file.findings)
        cells = " | ".join(str(counts[s]) for s in reversed(Severity))
        out.append(f"| `{_code(file.path)}` | {cells} |")
    if len(ranked) > TOP:
        out.append(f"| {len(ranked) - TOP} more files | | | |")
    return out


def _count(number: int, noun: str, plural: bool = True) -> str:
    return f"{number} {noun}{'s' if plural and number != 1 else ''}"


def _escape(text: str) -> str:
    """Draft text as literal Markdown inline text: one line, its markup characters escaped."""
    return _SPECIAL.sub(lambda m: "\\" + m.group(), " ".join(printable(text).split()))


def _code(text: str) -> str:
    """Text for inside a code span: backticks and pipes (which end a table cell) replaced."""
    return " ".join(printable(text).split()).replace("`", "'").replace("|", "\\|")
