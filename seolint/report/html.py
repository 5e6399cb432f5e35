"""One self-contained HTML file for editors: every draft with its findings marked in place.

The page loads nothing (a Content-Security-Policy of `default-src 'none'` allows only the
inline style and script, by hash), so it opens offline from a CI artifact; both are files
(assets/report.css and assets/report.js) inlined into the page. Reporters never see
Documents: each draft is read back from disk by its path; when that fails, or the file
changed since the run, the findings are shown without the draft. Every piece of text from a
draft (lines, headings, messages, paths) goes through `html.escape`; the script only
shows and hides elements, it never builds markup.
"""

from __future__ import annotations

import base64
import hashlib
import html
import itertools
import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, TextIO

from seolint import __version__
from seolint.discover.reading import STDIN, ReadError, decode, read_bytes
from seolint.discover.source import FileError
from seolint.findings.records import FileResult, Finding, Severity
from seolint.report.fixable import fixable

if TYPE_CHECKING:
    from seolint.findings.records import RunResult
    from seolint.registry.rule import Rule
    from seolint.report import ReportOptions

SEVERITIES = tuple(reversed(Severity))  # errors first
_LINE_END = re.compile(r"\r\n|\r|\n")
# C0 controls (but tab), DEL and C1 shown as one visible character each, so columns still line up.
_CONTROL = re.compile(r"[\x00-\x08\x0a-\x1f\x7f-\x9f]")


def _asset(name: str) -> str:
    """A file of seolint/report/assets (package data, so a wheel carries it)."""
    from importlib.resources import files

    return (files("seolint.report") / "assets" / name).read_text(encoding="utf-8")


def _hash(source: str) -> str:
    digest = hashlib.sha256(source.encode("utf-8")).digest()
    return "'sha256-" + base64.b64encode(digest).decode("ascii") + "'"


CSS = _asset("report.css")
SCRIPT = _asset("report.js")
CSP = (
    f"default-src 'none'; style-src {_hash(CSS)}; script-src {_hash(SCRIPT)}; "
    "base-uri 'none'; form-action 'none'"
)


def report(result: RunResult, stream: TextIO, options: ReportOptions) -> None:
    rules = {rule.code: rule for rule in options.rules}
    files = sorted(enumerate(result.files), key=lambda item: _rank(item[1]))
    stream.write(_head(result))
    stream.write(_summary(result))
    stream.write(_filters(result))
    stream.write(_index(files, result.errors))
    for number, file in files:
        if options.quiet and not file.findings:
            continue
        stream.write("".join(_file_section(FileView(number, file), rules)))
    stream.write(f"<script>{SCRIPT}</script>\n</body>\n</html>\n")


def _rank(file: FileResult) -> tuple[int, int, int, str]:
    """Files with the most errors first, then warnings, then info, then by path."""
    counts = Counter(f.severity for f in file.findings)
    return (-counts[Severity.ERROR], -counts[Severity.WARNING], -counts[Severity.INFO], file.path)


def esc(text: object) -> str:
    """Text as HTML (quotes too, so it is safe in attributes), control characters made visible."""
    return html.escape(_CONTROL.sub(_control_picture, str(text)), quote=True)


def _control_picture(match: re.Match[str]) -> str:
    code = ord(match.group())
    return chr(0x2400 + code) if code < 0x20 else "\u2421" if code == 0x7F else "\ufffd"


def _head(result: RunResult) -> str:
    title = result.files[0].path if len(result.files) == 1 else f"{len(result.files)} files"
    return (
        '<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n'
        f'<meta http-equiv="Content-Security-Policy" content="{CSP}">\n'
        '<meta name="referrer" content="no-referrer">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>seolint report: {esc(title)}</title>\n<style>{CSS}</style>\n</head>\n<body>\n"
    )


def _summary(result: RunResult) -> str:
    findings = result.findings
    failed = f', <span class="failed">{_plural(len(result.errors), "file")} not linted</span>'
    sentence = fixable(findings).sentence()
    fixing = f' · <span class="fixable">{esc(sentence)}</span>' if sentence else ""
    return (
        "<header><h1>seolint report</h1>"
        f'<p class="muted">{_plural(len(result.files), "file")} checked, '
        f"{_plural(len(findings), 'finding')} {_badges(findings)}"
        f"{failed if result.errors else ''}{fixing} · seolint {esc(__version__)}</p></header>\n"
    )


def _filters(result: RunResult) -> str:
    codes = Counter(f.code for f in result.findings)
    boxes = "".join(
        f'<label><input type="checkbox" name="severity" value="{s.label}" checked> {s.label}</label>'
        for s in SEVERITIES
    )
    choices = "".join(
        f'<option value="{esc(code)}">{esc(code)} ({count})</option>' for code, count in sorted(codes.items())
    )
    return (
        f'<form id="filters"><span>Show: {boxes}</span>'
        f'<label>Rule <select name="code"><option value="">all rules</option>{choices}</select></label>'
        f'<span class="muted"><span id="shown">{len(result.findings)}</span> findings shown</span></form>\n'
    )


def _index(files: Sequence[tuple[int, FileResult]], errors: Sequence[FileError]) -> str:
    rows = [
        f'<tr class="not-linted"><td class="path">{esc(error.path)}</td>'
        f'<td colspan="3" class="failed">not linted: {esc(error.message)}</td></tr>'
        for error in errors
    ]
    for number, file in files:
        counts = Counter(f.severity for f in file.findings)
        cells = "".join(f'<td class="num">{_count(counts[s], s)}</td>' for s in SEVERITIES)
        rows.append(
            f'<tr data-file="file-{number}"><td class="path"><a href="#file-{number}">{esc(file.path)}</a>'
            f"</td>{cells}</tr>"
        )
    head = "".join(f'<th class="num">{_plural_label(2, s)}</th>' for s in SEVERITIES)
    return (
        f'<table class="index"><thead><tr><th>file</th>{head}</tr></thead>'
        f"<tbody>\n{chr(10).join(rows)}\n</tbody></table>\n"
    )


@dataclass(frozen=True)
class FileView:
    """One file's findings with the ids the page links by (`f3-7`: finding 7 of file 3)."""

    number: int
    file: FileResult

    @property
    def anchor(self) -> str:
        return f"file-{self.number}"

    def finding_id(self, index: int) -> str:
        return f"f{self.number}-{index}"

    def line_id(self, line: int) -> str:
        return f"{self.anchor}-L{line}"


def _file_section(view: FileView, rules: dict[str, Rule]) -> Iterator[str]:
    file = view.file
    lines, missing = _draft_lines(file) if file.findings else (None, "")
    yield (
        f'<section class="file" id="{view.anchor}" data-path="{esc(file.path)}">'
        f'<div class="file-head"><h2>{esc(file.path)}</h2>'
        f'<span class="muted">{esc(file.format)} · {_badges(file.findings) or "clean"}</span></div>\n'
    )
    for error in file.errors:
        yield f'<p class="failed">{esc(error.message)}</p>\n'
    yield '<div class="panels"><div><h3>Outline</h3>'
    yield _outline(view, linked=lines is not None)
    yield "</div><div><h3>Stats</h3>"
    yield _stats(file.stats)
    yield "</div></div>\n"
    if not file.findings:
        yield '<p class="muted">No findings.</p>\n'
    elif lines is None:
        yield f'<h3>Findings</h3><p class="unavailable">The draft is not shown: {esc(missing)}.</p>\n'
        yield _note_list(view, range(len(file.findings)), "post-notes")
    else:
        yield from _draft(view, lines)
    yield _rules(view, rules)
    yield "</section>\n"


def _draft_lines(file: FileResult) -> tuple[list[str] | None, str]:
    """The draft as it was checked, or None and why it cannot be shown."""
    if file.path == STDIN:
        return None, "it was read from standard input"
    try:
        text = decode(read_bytes(file.path))
    except ReadError as error:
        return None, f"{file.path}: {error}"
    lines = _LINE_END.split(text)
    if len(lines) > 1 and lines[-1] == "":
        lines.pop()
    checked: set[int] = set()  # once a line: a minified page has all its findings on one
    for finding in file.findings:
        at = finding.span.line - 1
        if at in checked:
            continue
        checked.add(at)
        if 0 <= at < len(lines) and lines[at].strip() and lines[at] != finding.source_line:
            return None, "the file on disk changed since it was checked"
    return lines, ""


def _outline(view: FileView, linked: bool) -> str:
    codes: dict[int, set[str]] = {}
    for finding in view.file.findings:
        codes.setdefault(finding.span.line, set()).add(finding.code)
    if not view.file.outline:
        return '<p class="muted">No headings.</p>'
    items = []
    for level, text, line in view.file.outline:
        label = esc(text) or "(empty)"
        if linked:
            label = f'<a href="#{view.line_id(line)}">{label}</a>'
        flagged = " ".join(sorted(codes.get(line, ())))
        items.append(
            f'<li class="d{min(max(level, 1), 6)}" data-level="{level}" data-line="{line}">'
            f'<span class="lvl">H{level}</span>{label}'
            f"{f'<span class=codes>{esc(flagged)}</span>' if flagged else ''}</li>"
        )
    return f'<ol class="outline">{"".join(items)}</ol>'


def _stats(stats: dict[str, Any]) -> str:
    rows = "".join(
        f"<dt>{esc(key.replace('_', ' '))}</dt><dd>{esc(_value(value))}</dd>" for key, value in stats.items()
    )
    return f'<dl class="stats">{rows}</dl>'


def _value(value: object) -> str:
    if value is None:
        return "–"
    return f"{value:.1f}" if isinstance(value, float) else str(value)


def _draft(view: FileView, lines: Sequence[str]) -> Iterator[str]:
    """Each line with its findings' spans marked, and the findings listed right under it."""
    findings = view.file.findings
    placed = [i for i, f in enumerate(findings) if not f.whole_post and 1 <= f.span.line <= len(lines)]
    loose = sorted(set(range(len(findings))) - set(placed))
    if loose:
        yield "<h3>About the whole post</h3>"
        yield _note_list(view, loose, "post-notes")
    marks = _marks_by_line(view, lines, placed)
    notes_at: dict[int, list[int]] = {}
    for index in placed:
        notes_at.setdefault(findings[index].span.line, []).append(index)
    yield '<h3>Draft</h3><div class="draft">\n'
    for number, text in enumerate(lines, 1):
        source = _marked(text, marks.get(number, []), number)
        notes = _note_list(view, notes_at[number], "notes") if number in notes_at else ""
        yield (
            f'<div class="row{" flagged" if notes else ""}" id="{view.line_id(number)}" data-line="{number}">'
            f'<div class="src">{source}</div>{notes}</div>\n'
        )
    yield "</div>\n"


@dataclass(frozen=True)
class Mark:
    start: int  # 0-based code point offsets in the line, end exclusive
    end: int
    finding: str
    severity: Severity


def _marks_by_line(view: FileView, lines: Sequence[str], placed: Iterable[int]) -> dict[int, list[Mark]]:
    """Each finding's span cut into one piece per line it covers; a zero-width span is a point."""
    marks: dict[int, list[Mark]] = {}
    for index in placed:
        finding = view.file.findings[index]
        span = finding.span
        if (span.line, span.column) == (span.end_line, span.end_column):
            at = min(max(span.column - 1, 0), len(lines[span.line - 1]))
            marks.setdefault(span.line, []).append(Mark(at, at, view.finding_id(index), finding.severity))
            continue
        last = min(max(span.end_line, span.line), len(lines))
        for line in range(span.line, last + 1):
            start = span.column - 1 if line == span.line else 0
            end = span.end_column - 1 if line == span.end_line else len(lines[line - 1])
            start, end = max(start, 0), min(end, len(lines[line - 1]))
            if start < end:
                marks.setdefault(line, []).append(Mark(start, end, view.finding_id(index), finding.severity))
    return marks


def _marked(text: str, marks: Sequence[Mark], line: int) -> str:
    """The line escaped, each stretch covered by findings in one <mark> naming all of them.

    A point (an image, the place a section starts) is an empty <mark> drawn as a bar. The
    cuts are swept once, left to right, with the marks open at each: asking every mark at
    every cut was quadratic in the findings on one line (a minified page has them all).
    """
    points: dict[int, list[Mark]] = defaultdict(list)
    opening: dict[int, list[int]] = defaultdict(list)
    closing: dict[int, list[int]] = defaultdict(list)
    for order, mark in enumerate(marks):
        if mark.start == mark.end:
            points[mark.start].append(mark)
        else:
            opening[mark.start].append(order)
            closing[mark.end].append(order)
    cuts = sorted({0, len(text), *points, *opening, *closing})
    open_marks: set[int] = set()
    parts = []
    for start, end in itertools.pairwise([*cuts, len(text)]):
        open_marks.difference_update(closing.get(start, ()))
        open_marks.update(opening.get(start, ()))
        parts += [_point(line, m) for m in points.get(start, ())]
        piece = esc(text[start:end])
        covering = [marks[order] for order in sorted(open_marks)] if open_marks and piece else []
        parts.append(_mark(line, piece, covering) if covering else piece)
    return "".join(parts)


def _mark(line: int, content: str, covering: Sequence[Mark]) -> str:
    severity = max(m.severity for m in covering).label
    ids = " ".join(m.finding for m in covering)
    return f'<mark class="{severity}" data-line="{line}" data-findings="{ids}">{content}</mark>'


def _point(line: int, mark: Mark) -> str:
    return (
        f'<mark class="point {mark.severity.label}" data-line="{line}" data-findings="{mark.finding}"></mark>'
    )


def _note_list(view: FileView, indexes: Iterable[int], kind: str) -> str:
    items = []
    for index in indexes:
        finding = view.file.findings[index]
        span, severity = finding.span, finding.severity.label
        items.append(
            f'<li class="note {severity}" id="{view.finding_id(index)}" data-line="{span.line}" '
            f'data-column="{span.column}" data-code="{esc(finding.code)}" data-severity="{severity}">'
            f'<span class="code">{esc(finding.code)}</span> <span class="sev">{severity}</span> '
            f'<span class="msg">{esc(finding.message)}</span> {_fix_badge(finding)}'
            f"{'' if finding.whole_post else f'<span class=muted>{span.line}:{span.column}</span> '}"
            f'<a href="#{view.anchor}-rule-{esc(finding.code)}">why?</a></li>'
        )
    return f'<ul class="{kind}">{"".join(items)}</ul>'


def _fix_badge(finding: Finding) -> str:
    """What `--fix` would do about the finding: a safe fix, an unsafe one, or nothing."""
    fix = finding.fix
    if fix is None:
        return ""
    option = "--fix" if fix.applicability == "safe" else "--fix --unsafe-fixes"
    return (
        f'<span class="fix {fix.applicability}" title="{esc(option)}: {esc(fix.title)}">'
        f"{'safe fix' if fix.applicability == 'safe' else 'unsafe fix'}</span> "
    )


def _rules(view: FileView, rules: dict[str, Rule]) -> str:
    """What each rule that fired here checks and why, from its docstring."""
    fired = sorted({(f.code, f.name) for f in view.file.findings})
    if not fired:
        return ""
    items = []
    for code, name in fired:
        rule = rules.get(code)
        summary = f" — {esc(rule.summary)}" if rule else ""
        doc = f'<div class="doc">{esc(rule.doc)}</div>' if rule else ""
        items.append(
            f'<details id="{view.anchor}-rule-{esc(code)}"><summary><b>{esc(code)}</b> {esc(name)}{summary}'
            f"</summary>{doc}</details>"
        )
    return f'<div class="rules"><h3>Rules</h3>{"".join(items)}</div>\n'


def _badges(findings: Iterable[Finding]) -> str:
    counts = Counter(f.severity for f in findings)
    return " ".join(_count(counts[s], s) for s in SEVERITIES if counts[s])


def _plural_label(number: int, severity: Severity) -> str:
    """`1 error`, `2 errors`, `2 info`."""
    return severity.label + ("s" if number != 1 and severity is not Severity.INFO else "")


def _count(number: int, severity: Severity) -> str:
    label = _plural_label(number, severity)
    kind = severity.label if number else "zero"
    return f'<span class="count {kind}" title="{number} {label}">{number}</span>'


def _plural(number: int, noun: str) -> str:
    return f"{number} {noun}{'' if number == 1 else 's'}"
