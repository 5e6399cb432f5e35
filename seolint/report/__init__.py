"""Reporters: one module per output format, imported only when chosen.

May import every stage before fix (not fix, server or cli); reporters read findings, never Documents.
"""

from __future__ import annotations

import importlib
import os
from typing import TYPE_CHECKING, Protocol, TextIO

from seolint.discover.records import NamedTuple

if TYPE_CHECKING:
    from seolint.findings.records import RunResult, Severity
    from seolint.registry.rule import Rule

# Each format's module, and the function in it when that is not `report`.
FORMATS = {
    "rich": "seolint.report.rich",
    "text": "seolint.report.text",
    "concise": "seolint.report.text",
    "json": "seolint.report.json",
    "sarif": "seolint.report.sarif",
    "github": "seolint.report.github",
    "junit": "seolint.report.junit",
    "junit-rules": "seolint.report.junit:report_by_rule",
    "html": "seolint.report.html",
    "rdjson": "seolint.report.rdjson",
    "rdjsonl": "seolint.report.rdjson:report_lines",
    "gitlab": "seolint.report.gitlab",
    "summary": "seolint.report.summary",
    "statistics": "seolint.report.statistics",
}


class ReportOptions(NamedTuple):
    color: bool = True
    quiet: bool = False
    fail_on: Severity | None = None
    rules: tuple[Rule, ...] = ()  # every known rule, for formats that describe them (sarif, junit)


class Reporter(Protocol):
    def __call__(self, result: RunResult, stream: TextIO, options: ReportOptions) -> None: ...


def color_wanted(stream: TextIO) -> bool:
    """Whether the report for people is in colour: on a terminal that is not a dumb one,
    unless NO_COLOR is set (no-color.org); FORCE_COLOR forces it (force-color.org)."""
    if os.environ.get("NO_COLOR"):
        return False
    if os.environ.get("FORCE_COLOR"):
        return True
    if os.environ.get("TERM", "").lower() in ("dumb", "unknown"):
        return False
    try:
        return stream.isatty()
    except ValueError:  # a closed stream
        return False


def reporter(name: str) -> Reporter:
    module_name, _, function = FORMATS[name].partition(":")
    report: Reporter = getattr(importlib.import_module(module_name), function or "report")
    return report
