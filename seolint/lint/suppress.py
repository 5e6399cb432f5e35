"""Inline suppressions: `<!-- seolint-disable ... -->` comments and front-matter `seolint: {ignore}`.

Applied by the engine after the rules ran (rules never see them), the same way in Markdown,
HTML and plain-text drafts because every front-end collects HTML comments into
`Document.comments`. Misspelt rule names are reported as X001; suppressions that silenced
nothing as X002 (only when the plan asks for it).
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from typing import TYPE_CHECKING

from seolint.discover.records import NamedTuple
from seolint.document.intervals import Intervals
from seolint.document.model import Comment, Document, Span
from seolint.findings.records import Finding
from seolint.registry.suggest import did_you_mean

if TYPE_CHECKING:
    from seolint.config.plan import Plan

INVALID, UNUSED = "X001", "X002"
_PREFIX = "seolint-"
_DIRECTIVES = ("disable", "enable", "disable-next-line", "disable-line", "disable-file")
_SEPARATOR = re.compile(r"[\s,]+")
ALL = "*"


class Directives(NamedTuple):
    """All that suppressions read of a draft: its HTML comments, its front matter's
    `seolint: {ignore: [...]}` entry and how many lines it has. The site pass has these
    from a page's cached facts, without the page's Document."""

    comments: Sequence[Comment]
    line_count: int
    ignore: Sequence[str] | None = None  # the rules the front matter silences file-wide
    ignore_span: Span = Span.point(1)  # where that entry is written
    malformed: bool = False  # the front matter's `seolint` entry is not `{ignore: [...]}`

    @classmethod
    def of(cls, doc: Document) -> Directives:
        lines = max(len(doc.lines), 1)
        if "seolint" not in doc.front_matter:
            return cls(doc.comments, lines)
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
            return cls(doc.comments, lines, ignore_span=span, malformed=True)
        return cls(doc.comments, lines, tuple(ignore), span)


class Suppression:
    """One directive's reach: lines [first, last] for `codes` (ALL for every rule), and the
    codes it silenced, filled in as findings are matched."""

    __slots__ = ("codes", "directive", "enabled_after", "first", "last", "span", "used")

    def __init__(self, span: Span, directive: str, codes: tuple[str, ...], first: int, last: int) -> None:
        self.span, self.directive, self.codes, self.first, self.last = span, directive, codes, first, last
        self.used: set[str] = set()
        # For a region of every rule: codes re-enabled inside it, and the last line it covers them.
        self.enabled_after: dict[str, int] = {}

    def last_line_for(self, code: str) -> int:
        """The last line on which this suppression silences `code`."""
        return min(self.last, self.enabled_after.get(code, self.last))


class _Parsed:
    __slots__ = ("invalid", "suppressions")

    def __init__(self) -> None:
        self.suppressions: list[Suppression] = []
        self.invalid: list[tuple[Span, str]] = []


def apply(doc: Document, findings: Iterable[Finding], plan: Plan) -> list[Finding]:
    """Findings left after the draft's suppressions, plus X001/X002 about the suppressions."""
    parsed = parse(Directives.of(doc), plan.aliases)
    findings = list(findings)
    reach = _Reach(parsed.suppressions)
    kept = [finding for finding in findings if not reach.silences(finding)]
    _mark_used(parsed.suppressions, _FindingLines(findings))
    meta = [_meta(doc, plan, INVALID, span, message) for span, message in parsed.invalid]
    if plan.report_unused_suppressions:
        running = {active.rule.code for active in plan.rules}
        meta += [
            _meta(doc, plan, UNUSED, s.span, msg) for s in parsed.suppressions for msg in _unused(s, running)
        ]
    return sorted(kept + [m for m in meta if m is not None])


def unsuppressed(
    directives: Directives, findings: Iterable[Finding], aliases: Mapping[str, str]
) -> list[Finding]:
    """The findings no suppression of a draft silences, for findings made after its own
    rules ran (the site rules'); X001/X002 about the suppressions come from `apply`."""
    reach = _Reach(parse(directives, aliases).suppressions)
    return [finding for finding in findings if not reach.silences(finding)]


class _Reach:
    """Every suppression's lines, indexed by code, so a finding is looked up, not compared to all."""

    def __init__(self, suppressions: Iterable[Suppression]) -> None:
        named: dict[str, list[tuple[int, int]]] = defaultdict(list)
        every_rule: list[Suppression] = []
        for suppression in suppressions:
            if suppression.codes == (ALL,):
                every_rule.append(suppression)
            else:
                for code in suppression.codes:
                    named[code].append((suppression.first, suppression.last))
        self._named = {code: Intervals.of_lines(spans) for code, spans in named.items()}
        self._every_rule = Intervals.of_lines((s.first, s.last) for s in every_rule if not s.enabled_after)
        # Regions of every rule with some rules re-enabled inside: one index per re-enabled
        # code (there are at most as many as rules), one for all the other codes.
        regions = [s for s in every_rule if s.enabled_after]
        reenabled = {code for region in regions for code in region.enabled_after}
        self._regions = Intervals.of_lines((s.first, s.last) for s in regions)
        self._regions_for = {
            code: Intervals.of_lines((s.first, s.last_line_for(code)) for s in regions) for code in reenabled
        }

    def silences(self, finding: Finding) -> bool:
        line, code = finding.span.line, finding.code
        named = self._named.get(code)
        return (
            (named is not None and named.covers(line))
            or self._every_rule.covers(line)
            or self._regions_for.get(code, self._regions).covers(line)
        )


class _FindingLines:
    """Sorted finding lines, overall and per code, to count the findings within a range."""

    def __init__(self, findings: Iterable[Finding]) -> None:
        by_code: dict[str, list[int]] = defaultdict(list)
        for finding in findings:
            by_code[finding.code].append(finding.span.line)
        self._by_code = {code: sorted(lines) for code, lines in by_code.items()}
        self._all = sorted(line for lines in by_code.values() for line in lines)

    def count(self, first: int, last: int, code: str | None = None) -> int:
        """Findings on lines [first, last], of `code` or of any code."""
        lines = self._all if code is None else self._by_code.get(code, [])
        return bisect_right(lines, last) - bisect_left(lines, first)


def _mark_used(suppressions: Iterable[Suppression], lines: _FindingLines) -> None:
    """Record under which codes each suppression silenced something (for X002)."""
    for suppression in suppressions:
        if suppression.codes != (ALL,):
            suppression.used.update(
                code for code in suppression.codes if lines.count(suppression.first, suppression.last, code)
            )
            continue
        # Every finding in reach, less those of re-enabled rules past their `enable`.
        silenced = lines.count(suppression.first, suppression.last) - sum(
            lines.count(max(suppression.first, end + 1), suppression.last, code)
            for code, end in suppression.enabled_after.items()
        )
        if silenced > 0:
            suppression.used.add(ALL)


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


def parse(directives: Directives, aliases: Mapping[str, str]) -> _Parsed:
    """Every suppression of a draft, with the lines it reaches."""
    parsed = _Parsed()
    last_line = directives.line_count
    _front_matter(directives, aliases, parsed)
    open_ranges: dict[str, Suppression] = {}
    for comment in directives.comments:
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


def _front_matter(directives: Directives, aliases: Mapping[str, str], parsed: _Parsed) -> None:
    """`seolint: {ignore: [H001, thin-content]}` in front matter silences those rules file-wide."""
    span = directives.ignore_span
    if directives.malformed:
        parsed.invalid.append((span, "front matter `seolint` must be `{ignore: [codes or names]}`"))
    elif directives.ignore is not None:
        codes = _resolve(list(directives.ignore), aliases, span, parsed)
        if codes:
            whole_file = Suppression(span, "front-matter ignore", codes, 1, directives.line_count)
            parsed.suppressions.append(whole_file)


def _resolve(names: list[str], aliases: Mapping[str, str], span: Span, parsed: _Parsed) -> tuple[str, ...]:
    codes: list[str] = []
    for name in names:
        code = aliases.get(name) or aliases.get(name.upper())
        if code is None:
            hint = did_you_mean(name, aliases) or did_you_mean(name.upper(), aliases)
            parsed.invalid.append((span, f"unknown rule `{name}` in suppression{hint}"))
        elif code not in codes:
            codes.append(code)
    return tuple(codes)
