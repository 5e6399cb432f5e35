"""Inline suppressions: `<!-- seolint-disable ... -->` comments and front-matter `seolint: {ignore}`.

Applied by the engine after the rules ran (rules never see them), the same way in Markdown,
HTML and plain-text drafts because every front-end collects HTML comments into
`Document.comments`. Misspelt rule names are reported as X001; suppressions that silenced
nothing as X002 (only when the plan asks for it).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from seolint.document import Document, Span
from seolint.findings import Finding

if TYPE_CHECKING:
    from seolint.plan import Plan

INVALID, UNUSED = "X001", "X002"
_PREFIX = "seolint-"
_DIRECTIVES = ("disable", "enable", "disable-next-line", "disable-line", "disable-file")
_SEPARATOR = re.compile(r"[\s,]+")
ALL = "*"


@dataclass
class Suppression:
    """One directive's reach: lines [first, last] for `codes` (ALL for every rule)."""

    span: Span
    directive: str
    codes: tuple[str, ...]
    first: int
    last: int
    used: set[str] = field(default_factory=set)
    # For a region of every rule: codes re-enabled inside it, and the last line it covers them.
    enabled_after: dict[str, int] = field(default_factory=dict)

    def covers(self, finding: Finding) -> str | None:
        """The code (or ALL) under which this suppression silences the finding."""
        line = finding.span.line
        if not self.first <= line <= self.last:
            return None
        if finding.code in self.codes:
            return finding.code
        if ALL in self.codes and line <= self.enabled_after.get(finding.code, self.last):
            return ALL
        return None


@dataclass
class _Parsed:
    suppressions: list[Suppression] = field(default_factory=list)
    invalid: list[tuple[Span, str]] = field(default_factory=list)


def apply(doc: Document, findings: Iterable[Finding], plan: Plan) -> list[Finding]:
    """Findings left after the draft's suppressions, plus X001/X002 about the suppressions."""
    parsed = parse(doc, plan.aliases)
    kept: list[Finding] = []
    for finding in findings:
        silenced = False
        for suppression in parsed.suppressions:
            key = suppression.covers(finding)
            if key is not None:
                suppression.used.add(key)
                silenced = True
        if not silenced:
            kept.append(finding)
    meta = [_meta(doc, plan, INVALID, span, message) for span, message in parsed.invalid]
    if plan.report_unused_suppressions:
        running = {active.rule.code for active in plan.rules}
        meta += [
            _meta(doc, plan, UNUSED, s.span, msg) for s in parsed.suppressions for msg in _unused(s, running)
        ]
    return sorted(kept + [m for m in meta if m is not None])


def _unused(suppression: Suppression, running: set[str]) -> list[str]:
    """Messages for the codes of a suppression that silenced nothing (rules that ran only)."""
    if suppression.directive == "enable":
        return []
    if suppression.codes == (ALL,):
        return [] if suppression.used else [f"`{suppression.directive}` without codes silenced nothing"]
    return [
        f"suppression of {code} silenced nothing"
        for code in suppression.codes
        if code in running and code not in suppression.used
    ]


def _meta(doc: Document, plan: Plan, code: str, span: Span, message: str) -> Finding | None:
    active = next((a for a in plan.rules if a.rule.code == code), None)
    if active is None:
        return None
    line = doc.lines[span.line - 1] if 0 < span.line <= len(doc.lines) else ""
    return Finding(doc.path, span, code, active.rule.name, active.severity, message, line)


def parse(doc: Document, aliases: Mapping[str, str]) -> _Parsed:
    """Every suppression in the draft, with the lines it reaches."""
    parsed = _Parsed()
    last_line = max(len(doc.lines), 1)
    _front_matter(doc, aliases, parsed, last_line)
    open_ranges: dict[str, Suppression] = {}
    for comment in doc.comments:
        words = comment.text.split(None, 1)
        if not words or not words[0].lower().startswith(_PREFIX):
            continue
        directive = words[0].lower().removeprefix(_PREFIX)
        if directive not in _DIRECTIVES:
            parsed.invalid.append((comment.span, f"unknown directive `{words[0]}`"))
            continue
        names = [n for n in _SEPARATOR.split(words[1] if len(words) > 1 else "") if n]
        codes = _resolve(names, aliases, comment.span, parsed) or ((ALL,) if not names else ())
        if not codes:
            continue
        span = comment.span
        if directive == "disable-line":
            parsed.suppressions.append(Suppression(span, directive, codes, span.line, span.end_line))
        elif directive == "disable-next-line":
            next_line = span.end_line + 1
            parsed.suppressions.append(Suppression(span, directive, codes, next_line, next_line))
        elif directive == "disable-file":
            parsed.suppressions.append(Suppression(span, directive, codes, 1, last_line))
        elif directive == "disable":
            for code in codes:
                if code not in open_ranges:
                    region = Suppression(span, directive, (code,), span.line, last_line)
                    open_ranges[code] = region
                    parsed.suppressions.append(region)
        else:  # enable: closes the named regions, or all of them
            for code in list(open_ranges) if codes == (ALL,) else codes:
                if code in open_ranges:
                    open_ranges.pop(code).last = span.end_line
                if code != ALL and ALL in open_ranges:  # one rule back on inside `disable` of all
                    open_ranges[ALL].enabled_after.setdefault(code, span.end_line)
    return parsed


def _front_matter(doc: Document, aliases: Mapping[str, str], parsed: _Parsed, last_line: int) -> None:
    """`seolint: {ignore: [H001, thin-content]}` in front matter silences those rules file-wide."""
    if "seolint" not in doc.front_matter:
        return
    span = doc.front_matter_span or Span.point(1)
    entry = doc.front_matter["seolint"]
    ignore = entry.get("ignore") if isinstance(entry, dict) else None
    if isinstance(ignore, str):
        ignore = [ignore]
    if (
        not isinstance(ignore, list)
        or not all(isinstance(n, str) for n in ignore)
        or set(entry) != {"ignore"}
    ):
        parsed.invalid.append((span, "front matter `seolint` must be `{ignore: [codes or names]}`"))
        return
    codes = _resolve(ignore, aliases, span, parsed)
    if codes:
        parsed.suppressions.append(Suppression(span, "front-matter ignore", codes, 1, last_line))


def _resolve(names: list[str], aliases: Mapping[str, str], span: Span, parsed: _Parsed) -> tuple[str, ...]:
    codes: list[str] = []
    for name in names:
        code = aliases.get(name) or aliases.get(name.upper())
        if code is None:
            parsed.invalid.append((span, f"unknown rule `{name}` in suppression"))
        elif code not in codes:
            codes.append(code)
    return tuple(codes)
