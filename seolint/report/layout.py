"""What the report for people shows, laid out as styled pieces of text, without Rich.

The report module writes these pieces straight to the stream when colour is off and
everything fits the width (a pre-commit hook, CI, a pipe), and hands them to Rich for
colour and for the text Rich must wrap. Laying out here, once, keeps the two identical.
"""

from __future__ import annotations

import bisect
import itertools
import os
import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING

from seolint.findings.records import Finding, Severity
from seolint.report.printable import escaped_at, printable, printable_name

if TYPE_CHECKING:
    from seolint.findings.records import FileResult, RunResult

Piece = tuple[str, "str | None"]  # a text and its Rich style ("bold red"), None for none
STYLES = {Severity.ERROR: "bold red", Severity.WARNING: "yellow", Severity.INFO: "cyan"}
GUTTER = "│ "
SNIPPET_STYLES = {"gutter": "dim", "line": "dim italic", "focus": "dim italic not dim underline"}
DEFAULT_WIDTH = 80
# Characters one cell wide whatever the terminal: printable ASCII, Latin letters, general
# punctuation (dashes, quotes, the ellipsis), currency, arrows and box drawing (the
# outline's guides). Text with any other character is measured by Rich's tables.
_NOT_NARROW = re.compile(
    "[^\x20-\x7e\u00a0-\u024f\u1e00-\u1eff\u2010-\u2027\u2030-\u205e\u20a0-\u20c0\u2190-\u21ff\u2500-\u257f]"
)
# A word and the spaces after it, as Rich splits text to wrap it (the first word takes the
# text's leading spaces); spaces are matched only after a word, so a long run stays linear.
_WORD = re.compile(r"\A\s*\S+\s*|\S+\s*")


def console_width() -> int:
    """Columns of the report: $COLUMNS, else the first terminal among stdin, stdout and
    stderr, else 80; the width Rich picks for a console that is not a dumb terminal."""
    columns = os.environ.get("COLUMNS", "")
    if columns.isdigit():
        return int(columns)
    for descriptor in (0, 1, 2):
        try:
            return os.get_terminal_size(descriptor).columns or DEFAULT_WIDTH
        except (OSError, ValueError):
            continue
    return DEFAULT_WIDTH


def narrow(text: str) -> bool:
    """Whether every character of `text` takes one cell (and is neither a tab nor a line break)."""
    return not _NOT_NARROW.search(text)


def cells(text: str) -> int:
    """Terminal columns `text` takes: wide characters (CJK, emoji) take two."""
    if narrow(text):
        return len(text)
    from rich.cells import cell_len

    return cell_len(text)


def wrap(text: str, width: int) -> list[str]:
    """One line of narrow text broken before the words that would pass `width` cells, a word
    longer than a whole line folded: where Rich's Text.wrap breaks it. Lines keep their
    trailing spaces; callers strip them as Rich does in their place."""
    breaks: list[int] = []
    used = 0
    for match in _WORD.finditer(text):
        start, word = match.start(), match.group()
        length = len(word.rstrip())
        if width - used >= length:
            used += len(word)
        elif length > width:  # no line can hold it: fold it over as many as it needs
            chunks = [word[at : at + width] for at in range(0, len(word), width)]
            for chunk in chunks[:-1]:
                if start:
                    breaks.append(start)
                start += len(chunk)
            if start:
                breaks.append(start)
            used = len(chunks[-1])
        elif used and start:
            breaks.append(start)
            used = len(word)
    bounds = [0, *breaks, len(text)]
    return [text[a:b] for a, b in itertools.pairwise(bounds)]


def fits(text: str, width: int) -> bool:
    """Whether `text` is one line of at most `width` cells, so it needs no wrapping."""
    return "\n" not in text and "\t" not in text and cells(text) <= width


def header(file: FileResult, width: int) -> list[Piece]:
    """Path, format and verdict on one line, or the verdict on the next when they do not fit."""
    verdict = counts(file.findings) if file.findings else "clean"
    path = printable_name(file.path)
    rest = f"[{file.format}]  "
    one_line = len(path) + 2 + len(rest) + len(verdict) <= width
    return [
        (path, "bold underline"),
        ("  " if one_line else "\n  ", None),
        (rest, None),
        (verdict, "bold green" if not file.findings else "bold"),
    ]


class FindingRow:
    """One finding in the list: its location line (stacked rows only), its fixed columns, its
    message, and the snippet line under it."""

    __slots__ = ("above", "message", "prefix", "snippet")

    def __init__(
        self,
        prefix: list[Piece],
        message: list[Piece],
        snippet: list[Piece] | None,
        above: list[Piece] | None = None,
    ) -> None:
        self.prefix, self.message, self.snippet, self.above = prefix, message, snippet, above


# The fix marker after a finding's code, as ruff marks what `--fix` repairs: `[*]` a safe
# fix, `[~]` an unsafe one (`--unsafe-fixes`: it may change what the post says).
MARKERS = {"safe": ("[*]", "green"), "unsafe": ("[~]", "yellow")}
MIN_MESSAGE_WIDTH = 40  # fewer cells beside the location: the location gets a line of its own


class FindingRows:
    """A file's findings in aligned columns, whole-post ones first.

    Each finding's location comes first, as compilers and ruff print it, `path:line:col`,
    which terminals and editors open on a click; a finding about the whole post has no
    place in the text, so its location is the path alone. Then severity, code and fix
    marker, which never wrap, and the message, which wraps between words in the
    `message_width` cells left after `indent` (a word longer than that is folded).

    When the location would leave the message fewer than MIN_MESSAGE_WIDTH cells (a long
    path, a narrow terminal), the rows are `stacked`: the location goes on a line of its
    own above the columns (a whole-post finding's is the file's header). Lines are never
    padded to the width, so piped output has no trailing spaces.
    """

    def __init__(self, findings: Iterable[Finding], width: int) -> None:
        ordered = sorted(findings, key=lambda f: not f.whole_post)  # stable: keeps line order
        places = [location(f) for f in ordered]
        place_width = max(map(len, places))
        code_width = max(len(f.code) for f in ordered)
        marked = any(f.fix is not None for f in ordered)
        severity_width = max(len(s.label) for s in Severity)
        columns = severity_width + 2 + code_width + (4 if marked else 0) + 2
        self.stacked = width - (2 + place_width + 2 + columns) < MIN_MESSAGE_WIDTH
        self.indent = 4 + columns if self.stacked else 2 + place_width + 2 + columns
        self.message_width = max(width - self.indent, 20)
        self._shown: dict[int, ShownLine] = {}
        self.rows = []
        for finding, place in zip(ordered, places, strict=True):
            style = "dim" if finding.whole_post else None
            columns_pieces: list[Piece] = [
                (f"{finding.severity.label:<{severity_width}}", STYLES[finding.severity]),
                ("  ", None),
                (f"{finding.code:<{code_width}}", "bold"),
                *_marker(finding, marked),
                ("  ", None),
            ]
            if self.stacked:
                prefix: list[Piece] = [("    ", None), *columns_pieces]
                above = None if finding.whole_post else [("  ", None), (place, style)]
            else:
                prefix, above = (
                    [("  ", None), (f"{place:<{place_width}}", style), ("  ", None), *columns_pieces],
                    None,
                )
            snippet = (
                Snippet(finding, shown).pieces(self.message_width)
                if not finding.whole_post and (shown := self._line(finding.source_line)).text
                else None
            )
            message: list[Piece] = [(printable(finding.message), None), (f"  [{finding.name}]", "dim")]
            self.rows.append(FindingRow(prefix, message, snippet, above))

    def _line(self, source_line: str) -> ShownLine:
        """The source line as shown, made once for all the findings on it (found by identity:
        the pipeline gives every finding of a line the same string), not once per finding:
        a minified page's one line with 8,000 findings was 8,000 copies of the line."""
        shown = self._shown.get(id(source_line))
        if shown is None or shown.raw is not source_line:
            shown = self._shown[id(source_line)] = ShownLine(source_line)
        return shown


def location(finding: Finding) -> str:
    """`path:line:col`, or the path alone for a finding about the whole post."""
    path = printable_name(finding.path)
    return path if finding.whole_post else f"{path}:{finding.span.line}:{finding.span.column}"


def _marker(finding: Finding, marked: bool) -> list[Piece]:
    if not marked:
        return []
    if finding.fix is None:
        return [("    ", None)]
    text, style = MARKERS[finding.fix.applicability]
    return [(" ", None), (text, style)]


class ShownLine:
    """A source line as a snippet shows it: tabs as spaces, stripped, control characters
    as `\\xNN`; and where each of its characters lands in that text."""

    def __init__(self, raw: str) -> None:
        self.raw = raw
        spaced = raw.replace("\t", " ")
        line = spaced.strip()
        self.indent = len(spaced) - len(spaced.lstrip())
        self.length = len(line)
        self.text = printable(line)
        self._escaped = escaped_at(line)

    def offset(self, index: int) -> int:
        """Where `line[index]` lands in the shown text."""
        return index + 3 * bisect.bisect_left(self._escaped, index)


class Snippet:
    """A finding's source line, cut to a width around the finding's column."""

    def __init__(self, finding: Finding, shown: ShownLine | None = None) -> None:
        shown = shown or ShownLine(finding.source_line)
        span, length = finding.span, shown.length
        start = min(max(span.column - 1 - shown.indent, 0), length)
        end = span.end_column - 1 - shown.indent if span.end_line == span.line else length
        end = min(max(end, start), length)
        # control characters become `\xNN`: measure the finding's place in the shown text
        self.text = shown.text
        self.start = shown.offset(start)
        self.end = shown.offset(end)

    def pieces(self, width: int) -> list[Piece]:
        """The gutter and as much of the line as fits in `width` columns, an ellipsis where
        cut: the finding's part underlined, the rest dimmed."""
        first, last = window(len(self.text), self.start, self.end, max(width - len(GUTTER), 1))
        left = "…" if first > 0 else ""
        right = "…" if last < len(self.text) else ""
        body_start, body_end = first + len(left), last - len(right)
        focus_start = min(max(self.start, body_start), body_end)
        focus_end = max(min(self.end, body_end), focus_start)
        shown = [
            (GUTTER, SNIPPET_STYLES["gutter"]),
            (left, None),
            (self.text[body_start:focus_start], SNIPPET_STYLES["line"]),
            (self.text[focus_start:focus_end], SNIPPET_STYLES["focus"]),
            (self.text[focus_end:body_end], SNIPPET_STYLES["line"]),
            (right, None),
        ]
        return [(text, style) for text, style in shown if text]


def window(length: int, start: int, end: int, width: int) -> tuple[int, int]:
    """The `[first, last)` slice of a `length`-character line to show in `width` columns:
    the finding's `[start, end)` in the middle, or its start a little in when it is
    wider than the window (moved to an end when the line ends sooner)."""
    if length <= width:
        return 0, length
    focus = (start + end) // 2 if end - start < width - 2 else start + width // 2 - 4
    first = min(max(focus - width // 2, 0), length - width)
    return first, first + width


class OutlineNode:
    """A heading of the outline (or its root) and the headings under it."""

    __slots__ = ("children", "label")

    def __init__(self, label: list[Piece]) -> None:
        self.label = label
        self.children: list[OutlineNode] = []


def outline(file: FileResult) -> OutlineNode:
    """The headings as a tree; the front-matter title, which counts as the H1, is its root."""
    codes_by_line: defaultdict[int, set[str]] = defaultdict(set)
    for finding in file.findings:
        if not finding.whole_post:
            codes_by_line[finding.span.line].add(finding.code)
    if file.title is not None:
        root = OutlineNode([("H1 ", "bold magenta"), (printable(file.title), None), ("  (title)", "dim")])
        top = 1
    else:
        root, top = OutlineNode([("Outline", "bold")]), 0
    stack: list[tuple[int, OutlineNode]] = [(top, root)]
    for level, text, line in file.outline:
        while len(stack) > 1 and stack[-1][0] >= level:
            stack.pop()
        shown = printable(heading_text(text)) or "(empty)"
        label: list[Piece] = [(f"H{level} ", "bold magenta"), (shown, None)]
        if codes_by_line.get(line):
            label.append(("  " + " ".join(sorted(codes_by_line[line])), "red"))
        node = OutlineNode(label)
        stack[-1][1].children.append(node)
        stack.append((level, node))
    return root


def outline_rows(root: OutlineNode) -> list[tuple[tuple[str, ...], list[Piece]]]:
    """Each node's tree guides (drawn as Rich's Tree draws them) and label, depth first."""
    return [((), root.label), *_rows_under(root.children, ())]


def _rows_under(
    children: list[OutlineNode], above: tuple[str, ...]
) -> Iterator[tuple[tuple[str, ...], list[Piece]]]:
    for index, child in enumerate(children):
        last = index == len(children) - 1
        yield (*above, "└── " if last else "├── "), child.label
        yield from _rows_under(child.children, (*above, "    " if last else "│   "))


def heading_text(text: str) -> str:
    """A heading as readers see it: without a trailing `{#id}` (or `{: #id .class}`) attribute."""
    stripped = text.rstrip()
    start = stripped.rfind("{")
    if stripped.endswith("}") and start >= 0 and stripped[start + 1 :].lstrip(": ").startswith("#"):
        return stripped[:start].rstrip()
    return text


def stats_lines(file: FileResult, width: int) -> list[str]:
    """The stats joined by " · ", broken between two stats (never after a separator)
    when they do not fit in `width` cells."""
    lines = [""]
    for part in _stats(file):
        joined = f"{lines[-1]} · {part}" if lines[-1] else part
        if lines[-1] and cells(joined) > width:
            lines.append(part)
        else:
            lines[-1] = joined
    return lines


def _stats(file: FileResult) -> list[str]:
    stats = file.stats
    parts = [count(stats.get(key, 0), key) for key in ("words", "headings", "links", "images", "code_blocks")]
    if "reading_minutes" in stats:
        parts.append(f"{stats['reading_minutes']} min read")
    if stats.get("reading_ease") is not None:  # None where the page's language has no formula
        parts.append(f"reading ease {stats['reading_ease']:.0f}")
    if stats.get("grade_level") is not None:
        parts.append(f"grade {stats['grade_level']:.1f}")
    return parts


def counts(findings: Iterable[Finding]) -> str:
    """`2 errors, 0 warnings, 1 info`."""
    by_severity = Counter(f.severity for f in findings)
    return ", ".join(
        count(by_severity[s], "info" if s is Severity.INFO else f"{s.label}s") for s in reversed(Severity)
    )


def count(number: int, plural_key: str) -> str:
    """`1 image`, `2 images`; the key is the plural (`code_blocks`), as in the stats."""
    noun = plural_key.replace("_", " ")
    return f"{number} {noun.removesuffix('s') if number == 1 else noun}"


def summary(result: RunResult) -> list[Piece]:
    findings = result.findings
    pieces: list[Piece] = [
        ("Checked ", "bold"),
        (f"{count(len(result.files), 'files')}: ", None),
        (count(len(findings), "findings"), "bold"),
        (f" ({counts(findings)})", None),
        (f" in {result.elapsed:.2f}s", None),
    ]
    if result.errors:
        pieces.append((f"; {count(len(result.errors), 'files')} could not be linted", "bold red"))
    return pieces


def fixable_line(findings: Iterable[Finding]) -> list[Piece] | None:
    """`[*] 6 fixable with `--fix` ([~] 2 more with `--unsafe-fixes`)`: what the markers mean
    and what fixing would repair; None when nothing is fixable."""
    from seolint.report.fixable import fixable

    counted = fixable(findings)
    if not counted.safe and not counted.unsafe:
        return None
    pieces: list[Piece] = [
        (MARKERS["safe"][0], MARKERS["safe"][1]),
        (f" {counted.safe} fixable with `--fix`", None),
    ]
    if counted.unsafe:
        pieces += [(" (", None), (MARKERS["unsafe"][0], MARKERS["unsafe"][1])]
        pieces.append((f" {counted.unsafe} more with `--unsafe-fixes`)", None))
    return pieces


def explain_hint(findings: Iterable[Finding]) -> str | None:
    """Where to read more about the most frequent finding (ties: the first code)."""
    by_code = Counter(f.code for f in findings)
    if not by_code:
        return None
    code = min(by_code, key=lambda c: (-by_code[c], c))
    times = f" ({by_code[code]}x, the most frequent)" if by_code[code] > 1 else ""
    return f"Tip: seolint explain {code} says why {code}{times} matters and how to fix it"
