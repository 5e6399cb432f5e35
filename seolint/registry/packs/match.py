"""Pack rules at lint time: the texts each scope reads, and the matchers that run over them.

A pack rule is a PackCheck: its scope (lines | prose | headings | link-text | link-target
| alt-text), the message, and one Matcher per group of patterns with the exceptions,
position and fix they share. seolint.registry.packs.load builds them from TOML.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Iterable, Iterator, Sequence
from typing import TYPE_CHECKING

from seolint.discover.records import NamedTuple
from seolint.document.intervals import Intervals
from seolint.document.language import DEFAULT_LANGUAGE
from seolint.document.model import Document, Span
from seolint.findings.records import Applicability, Edit, Fix, Problem
from seolint.registry.edits import removable, remove_section, remove_sentence
from seolint.registry.options import Options
from seolint.registry.packs.regex_safety import Match, Pattern
from seolint.registry.packs.screen import screen_for
from seolint.registry.phrases import phrase_pattern

if TYPE_CHECKING:
    from seolint.document.lines import TextLine

SCOPES = ("lines", "prose", "own-prose", "headings", "link-text", "link-target", "alt-text")
# Positions that read what follows a line.
SECTIONS = ("empty-section", "section-without-links", "short-section")
WHERE = ("anywhere", "first-line", "outside-headings", "outside-label-blocks", *SECTIONS)
# "short-section": what follows the line up to the next heading or label is a few words at most
# ("Call to Action" above its one sentence, not a "## Call to action" section of a post about CTAs).
# "outside-label-blocks": not a heading, nor a line of a block of `Key: value` lines (a
# field among a plan's `Hook:` and `Thesis:` items, shown in a post about outlining).
_KEY_VALUE = re.compile(r"^[^\W\d_][\w'’ /()-]{0,30}:\s*\S")
_SHORT_SECTION_WORDS = 60
_SHORT_SECTION_BLOCKS = 2
# A fix action and the scope it works on: a label removed with the placeholder lines
# under it, or the sentence that holds a phrase. "own-prose" is prose outside quotations: a
# blockquote is someone else's words (a post quoting a chatbot's reply).
FIX_ACTIONS = {"remove-label": ("lines",), "remove-sentence": ("prose", "own-prose")}
_MARKUP_ONLY = re.compile(r"(?:<!--.*?-->|</?[A-Za-z][^<>]*>|\s)+")  # closing tags, comments
_BRACKETED_NOTE = re.compile(r"\[[^\[\]\n]*\]:?")  # a whole line "[Link to ...]" that is no link


class PackOptions(Options):
    extend_phrases: tuple[str, ...] = ()  # more literal phrases (case-insensitive, whole words)


class FixSpec(NamedTuple):
    """A pack's declared fix (`[rule.fix]`): what to remove, and how safe that is."""

    action: str  # a key of FIX_ACTIONS
    applicability: Applicability
    title: str
    with_lines: tuple[Pattern, ...] = ()  # remove-label: lines under the label that go with it


class Matcher(NamedTuple):
    """One group of patterns with the exceptions, position and fix they share."""

    patterns: tuple[Pattern, ...]
    exceptions: tuple[Pattern, ...] = ()
    where: str = "anywhere"
    fix: FixSpec | None = None
    section_ends: tuple[Pattern, ...] = ()  # positions in SECTIONS: the rule's other labels
    languages: frozenset[str] | None = None  # the languages its phrases are in; None: any

    def reads(self, language: str) -> bool:
        return self.languages is None or language in self.languages

    def matches(self, text: str) -> Iterator[Match]:
        """Each stretch of text once: where two patterns match overlapping text ("Sure, here's"
        and "here's a blog post"), the match that starts first (then the longer) is reported."""
        found = sorted(
            (m for pattern in self.patterns for m in pattern.finditer(text) if m.end() > m.start()),
            key=lambda match: (match.start(), -match.end()),
        )
        if not found:
            return
        excepted = Intervals(e.span() for x in self.exceptions for e in x.finditer(text))
        reported_to = -1
        for match in found:
            if match.start() >= reported_to and not excepted.overlaps(match.start(), match.end()):
                reported_to = match.end()
                yield match


class PackCheck:
    """The check function of a pack rule: run its matchers over its scope.

    A plain class, as the rule's other checks are functions: a dataclass would compile its
    methods at every start (BENCHMARKS.md, "Figures behind the code")."""

    __slots__ = ("matchers", "message", "plain", "scope")

    def __init__(self, scope: str, message: str, matchers: tuple[Matcher, ...]) -> None:
        self.scope = scope
        self.message = message
        self.matchers = matchers
        # The key of the rule's plain run (no `extend-phrases`) among the document's derived
        # views: the pipeline and a rule that reads these findings too (C001 sets notes aside)
        # share it.
        self.plain: Callable[[Document], tuple[Problem, ...]] = functools.partial(_plain_run, self)

    def __call__(self, doc: Document, options: PackOptions) -> Iterator[Problem]:
        if not options.extend_phrases:
            return iter(doc.views.derived(self.plain))
        return self.problems(doc, options)

    def problems(self, doc: Document, options: PackOptions) -> Iterator[Problem]:
        language = doc.page.language or DEFAULT_LANGUAGE
        matchers = tuple(m for m in self.matchers if m.reads(language))
        if options.extend_phrases:
            matchers = (*matchers, Matcher((phrase_pattern(options.extend_phrases),)))
        for matcher, (span, found) in self._found(doc, matchers):
            fix = self._fix(doc, matcher.fix, span) if matcher.fix is not None else None
            yield Problem(span, self.message.format(match=" ".join(found.split())), fix)

    def _found(
        self, doc: Document, matchers: Sequence[Matcher]
    ) -> Iterator[tuple[Matcher, tuple[Span, str]]]:
        """Each matcher's matches in the scope's texts that pass the rule's screen."""
        screen = screen_for(tuple(p for matcher in matchers for p in matcher.patterns))
        if self.scope == "lines":
            lines = list(doc.views.lines.values())
            passed = lines if screen is None else screen.passing(lines)
            first = passed[:1] if passed and passed[0] is lines[0] else []
            for matcher in matchers:
                scanned = first if matcher.where == "first-line" else passed
                yield from ((matcher, hit) for hit in _scan_lines(doc, matcher, scanned))
        else:
            items = _TEXTS[self.scope](doc)
            items = items if screen is None else screen.passing(items)
            for matcher in matchers:
                hits = _scan_texts(doc, matcher, items, locate=self.scope in _LOCATED)
                yield from ((matcher, hit) for hit in hits)

    def _fix(self, doc: Document, spec: FixSpec, span: Span) -> Fix | None:
        if spec.action == "remove-label":
            edit = _label_section(doc, span.line, self.matchers, spec.with_lines)
        else:
            block = doc.views.block_on(span.line)
            edit = remove_sentence(doc, span, block) if block is not None else None
        return Fix((edit,), spec.applicability, spec.title) if edit is not None else None


def _plain_run(check: PackCheck, doc: Document) -> tuple[Problem, ...]:
    return tuple(check.problems(doc, PackOptions()))


def _label_section(
    doc: Document, line: int, matchers: Sequence[Matcher], with_lines: Sequence[Pattern]
) -> Edit | None:
    """The label's line and the `with_lines` under it, when nothing else is under it
    before a heading, another label or the end; None when the label has content."""
    if not removable(doc.lines[line - 1]):
        return None
    headings = doc.views.heading_lines
    last = line
    for number in range(line + 1, len(doc.lines) + 1):
        raw = doc.lines[number - 1]
        if not raw.strip():
            continue
        text = doc.views.lines.get(number)
        if number in headings or (text is not None and any(_hits(m, text.text) for m in matchers)):
            break
        if text is None or not removable(raw) or not any(_whole(p, text.text) for p in with_lines):
            return None
        last = number
    return remove_section(doc, line, last)


def _hits(matcher: Matcher, text: str) -> bool:
    return any(True for _ in matcher.matches(text))


def _whole(pattern: Pattern, text: str) -> bool:
    return any(match.span() == (0, len(text)) for match in pattern.finditer(text))


def _scan_lines(doc: Document, matcher: Matcher, lines: Sequence[TextLine]) -> Iterator[tuple[Span, str]]:
    if not lines:
        return
    empty: set[int] | None = None
    headings = (
        {n for h in doc.headings for n in range(h.span.line, h.span.end_line + 1)}
        if matcher.where in ("outside-headings", "outside-label-blocks")
        else set()
    )
    if matcher.where == "outside-label-blocks":
        headings |= _label_blocks(doc)
    for line in lines:
        if line.number in headings:
            continue
        for match in matcher.matches(line.text):
            if matcher.where in SECTIONS:
                if empty is None:
                    sections = _short_sections if matcher.where == "short-section" else _empty_sections
                    empty = sections(doc, matcher)
                if line.number not in empty:
                    continue
            start = line.column + match.start()
            yield Span(line.number, start, line.number, start + len(match.group())), match.group()


def _label_blocks(doc: Document) -> set[int]:
    """Lines of `Key: value` in a paragraph (lines with no blank between) that holds another
    such line: a plan's `Key points:` item may have its own list under it."""
    keyed = {number for number, line in doc.views.lines.items() if _KEY_VALUE.match(line.text)}
    blocks: set[int] = set()
    paragraph: list[int] = []
    for number, raw in enumerate([*doc.lines, ""], start=1):
        if raw.strip():
            paragraph.append(number)
            continue
        found = [n for n in paragraph if n in keyed]
        if len(found) > 1:
            blocks.update(found)
        paragraph = []
    return blocks


def _empty_sections(doc: Document, matcher: Matcher) -> set[int]:
    """Lines followed by nothing real up to a heading, another of the rule's labels, or the end.

    Blank lines, markup, bracketed placeholders ("[Link to ...]") and more such labels are
    never real; with where = "section-without-links" only a link (or code) is. One backward
    pass, so a post made of thousands of labels still takes linear time.
    """
    heading_lines = {h.span.line for h in doc.headings}
    link_lines = {k.span.line for k in doc.links}
    links_only = matcher.where == "section-without-links"
    prose = doc.views.lines
    empty: set[int] = set()
    clear = True  # nothing real after the current line, up to the end of its section
    for number in range(len(doc.lines), 0, -1):
        if clear:
            empty.add(number)
        raw = doc.lines[number - 1].strip()
        line = prose.get(number)
        if number in heading_lines:
            clear = True
        elif not raw or _MARKUP_ONLY.fullmatch(raw):
            continue
        elif line is None or number in link_lines:
            clear = False  # code or other content, or a real link
        elif any(True for _ in matcher.matches(line.text)):
            continue
        elif any(True for p in matcher.section_ends for _ in p.finditer(line.text)):
            clear = True  # another label ("Image Alt Text:") starts the next section
        elif not links_only and not _BRACKETED_NOTE.fullmatch(line.text):
            clear = False  # prose
    return empty


def _short_sections(doc: Document, matcher: Matcher) -> set[int]:
    """Lines followed by at most a couple of short paragraphs up to a heading, another of the
    rule's labels, or the end. One backward pass, like `_empty_sections`."""
    heading_lines = {h.span.line for h in doc.headings}
    block_starts = {b.span.line for b in doc.blocks}
    prose = doc.views.lines
    short: set[int] = set()
    words = blocks = 0
    for number in range(len(doc.lines), 0, -1):
        line = prose.get(number)
        labelled = line is not None and (
            any(True for _ in matcher.matches(line.text))
            or any(True for p in matcher.section_ends for _ in p.finditer(line.text))
        )
        if labelled and words <= _SHORT_SECTION_WORDS and blocks <= _SHORT_SECTION_BLOCKS:
            short.add(number)
        if number in heading_lines or labelled:
            words = blocks = 0
        elif line is not None:
            words += len(line.text.split())
            blocks += number in block_starts
    return short


def _scan_texts(
    doc: Document, matcher: Matcher, items: Sequence[ScopeItem], locate: bool
) -> Iterator[tuple[Span, str]]:
    for item in items:
        found = [m.group() for m in matcher.matches(item.text)]
        spans = doc.locate(found, item.span) if locate else [item.span] * len(found)
        yield from zip(spans, found, strict=True)


class ScopeItem(NamedTuple):
    """One text a scope other than `lines` reads, and where it is."""

    text: str
    span: Span


def _texts(
    items: Callable[[Document], Iterable[tuple[str | None, Span]]],
) -> Callable[[Document], list[ScopeItem]]:
    return lambda doc: [ScopeItem(text or "", span) for text, span in items(doc)]


_TEXTS: dict[str, Callable[[Document], list[ScopeItem]]] = {
    "prose": _texts(lambda d: ((b.text, b.span) for b in d.blocks)),
    "own-prose": _texts(lambda d: ((b.text, b.span) for b in d.blocks if b.kind != "quote")),
    "headings": _texts(lambda d: ((h.text, h.span) for h in d.headings)),
    "link-text": _texts(lambda d: ((k.text, k.span) for k in d.links)),
    "link-target": _texts(lambda d: ((k.href, k.span) for k in d.links)),
    "alt-text": _texts(lambda d: ((i.alt, i.span) for i in d.images)),
}
# Texts whose matches are found within them; the others report the item.
_LOCATED = {"prose", "own-prose", "headings"}
