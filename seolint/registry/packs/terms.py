"""House terminology: a pack rule of `terms` ("Github -> GitHub") reports each wrong spelling
in the text a reader reads and offers the right one as a safe fix.

Only words of prose are touched: the rule reads the `lines` scope (no front matter, code,
inline code, comments or URLs), skips a link's target and the inside of a tag, and skips
a spelling glued to a path, a domain name, a handle or an identifier (`github.com`,
`encoding/json`, `@github`, `github-actions`, `GITHUB_TOKEN`). Spellings are literal and
case-sensitive: "Github" is reported, "GitHub" is what it becomes. Words of others are not
the post's to respell: a blockquote quoting an event's abstract or a maintainer keeps
their spelling, while the author's own callout in a quote (`> **Note:** ...`, `> [!TIP]`)
is the post's prose and is read.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from functools import cached_property

from seolint.document.intervals import Intervals
from seolint.document.model import Document, Span
from seolint.document.tags import tag_spans
from seolint.findings.records import Edit, Fix, Problem
from seolint.registry.options import Options
from seolint.registry.packs.regex_safety import Pattern

ARROW = "->"
# What may not touch a spelling: word characters, and the marks paths, domain names,
# handles, anchors and identifiers are made of. A mark that ends a sentence ("on Github.")
# is fine; one followed by more of a name ("Github.com", "Github/x", "Github-Actions") is not.
_BEFORE = r"(?<![\w./@#$~\\-])"
_AFTER = r"(?![\w@$~\\]|[./:#-][\w/])"
_REFERENCE_LABEL = re.compile(r"\]?\[[^\[\]]*\]")  # after the text's closing bracket
# A quote the author speaks in opens with a label: `[!NOTE]`, `Note:`, `Heads up:`, or a symbol
# (a warning sign, a light bulb) that is not a quotation mark.
_CALLOUT = re.compile(r"^\s*(?:\[!\w+\]|[^\w\s\"'“‘„«]|\w+(?:[ -]\w+)?\s?:)")
_QUOTES = {'"': '"', "'": "'", "“": "”", "‘": "’"}  # a spelling quoted whole is a string, not prose


class TermsOptions(Options):
    extend_terms: tuple[str, ...] = ()  # more "Wrong -> Right" spellings


class TermError(ValueError):
    """An entry that is not `wrong -> right`; the message names it."""


def parse_terms(entries: Iterable[str]) -> tuple[tuple[str, str], ...]:
    """`"Github -> GitHub"` entries as (wrong, right) pairs; TermError for a bad one."""
    pairs = []
    for entry in entries:
        wrong, arrow, right = entry.partition(ARROW)
        wrong, right = " ".join(wrong.split()), " ".join(right.split())
        if not arrow or not wrong or not right or ARROW in right:
            raise TermError(f"{entry!r} is not 'wrong -> right'")
        if wrong == right:
            raise TermError(f"{entry!r} replaces a spelling with itself")
        pairs.append((wrong, right))
    return tuple(pairs)


class TermsCheck:
    """The check function of a `terms` pack rule (a plain class, like PackCheck)."""

    def __init__(
        self, message: str, terms: tuple[tuple[str, str], ...], exceptions: tuple[Pattern, ...] = ()
    ) -> None:
        self.message = message  # with {match} and {replacement}
        self.terms = terms
        self.exceptions = exceptions

    @cached_property
    def pattern(self) -> re.Pattern[str]:
        return terms_pattern(self.terms)

    @cached_property
    def screen(self) -> re.Pattern[str]:
        return terms_screen(self.terms)

    def __call__(self, doc: Document, options: TermsOptions) -> Iterator[Problem]:
        terms, pattern, screen = self.terms, self.pattern, self.screen
        if options.extend_terms:
            terms = (*terms, *parse_terms(options.extend_terms))
            pattern, screen = terms_pattern(terms), terms_screen(terms)
        right = dict(terms)
        lines = [line for line in doc.views.lines.values() if screen.search(line.text)]
        if lines and (quoted := _quotations(doc)):
            lines = [line for line in lines if not quoted.covers(line.number)]
        hidden = _link_targets(doc) if lines else {}
        for line in lines:
            found = list(pattern.finditer(line.text))
            if not found:
                continue
            tags = tag_spans(line.text)
            excepted = Intervals(e.span() for x in self.exceptions for e in x.finditer(line.text))
            for match in found:
                start, end = match.span()
                column = line.column + start
                if tags.overlaps(start, end) or excepted.overlaps(start, end):
                    continue
                if _quoted(line.text, start, end):
                    continue
                if hidden.get(line.number, Intervals(())).overlaps(column, column + end - start):
                    continue
                wrong = match.group()
                offset = doc.offset(line.number, column)
                fix = Fix((Edit(offset, offset + len(wrong), right[wrong]),), "safe", f"Write {right[wrong]}")
                span = Span(line.number, column, line.number, column + len(wrong))
                yield Problem(span, self.message.format(match=wrong, replacement=right[wrong]), fix)


def _quotations(doc: Document) -> Intervals | None:
    """The lines of blockquotes that quote someone: every quote but the author's callouts."""
    found = [
        (block.span.line, block.span.end_line)
        for block in doc.blocks
        if block.kind == "quote" and not _CALLOUT.match(block.text)
    ]
    return Intervals.of_lines(found) if found else None


def _quoted(text: str, start: int, end: int) -> bool:
    opening = text[start - 1 : start]
    return bool(opening) and _QUOTES.get(opening) == text[end : end + 1]


def terms_pattern(terms: Iterable[tuple[str, str]]) -> re.Pattern[str]:
    """The wrong spellings as one case-sensitive alternation, longest first, each a whole name."""
    return re.compile(f"{_BEFORE}(?:{_alternation(terms)}){_AFTER}")


def terms_screen(terms: Iterable[tuple[str, str]]) -> re.Pattern[str]:
    """The alternation alone: a line it misses has no match of `terms_pattern`.

    Without the look-behind in front, `re` knows the letters a match can start with and
    skips to them, where the whole pattern tries every position: a third of the time on
    the corpus's lines, and only 1 line in 3,500 names a spelling at all.
    """
    return re.compile(_alternation(terms))


def _alternation(terms: Iterable[tuple[str, str]]) -> str:
    # Longest first, then in alphabetical order: the same pattern in every process.
    spellings = sorted({wrong for wrong, _ in terms}, key=lambda wrong: (-len(wrong), wrong))
    return "|".join(r"\s+".join(map(re.escape, wrong.split())) for wrong in spellings)


def _link_targets(doc: Document) -> dict[int, Intervals]:
    """Columns of each one-line link's span that are not its text (the target, brackets, tag)."""
    spans: dict[int, list[tuple[int, int]]] = {}
    for link in doc.links:
        span = link.span
        if span.line != span.end_line:
            continue
        source_line = doc.lines[span.line - 1]
        end = span.end_column - 1
        if label := _REFERENCE_LABEL.match(source_line, end):  # `[text][label]`: the label is syntax
            end = label.end()
        written = source_line[span.column - 1 : end]
        at = written.find(link.text) if link.text else -1
        pieces = [(0, len(written))] if at < 0 else [(0, at), (at + len(link.text), len(written))]
        spans.setdefault(span.line, []).extend(
            (span.column + first, span.column + last) for first, last in pieces if last > first
        )
    return {line: Intervals(found) for line, found in spans.items()}
