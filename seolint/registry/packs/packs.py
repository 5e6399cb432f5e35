"""Declarative rule packs: TOML files of pattern rules, compiled once into ordinary Rules.

A pack rule names a scope (which text of the Document it reads) and gives regex
`patterns` and/or literal `phrases`; the built-in packs live in the top-level `rules/`
folder (installed as `seolint.packs_data`), user packs come from `rule-packs` in config.
The format is documented in the README ("Rule packs").
"""

from __future__ import annotations

import bisect
import functools
import re
import string
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, replace
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any, NamedTuple

from seolint.discover.reading import MAX_DATA_FILE_SIZE, ReadError, read_regular_file
from seolint.document.model import Document, Span
from seolint.findings.records import Applicability, Edit, Fix, Problem, Severity
from seolint.registry.edits import removable, remove_section, remove_sentence
from seolint.registry.options import Options
from seolint.registry.packs.regex_safety import (
    LazyPattern,
    Match,
    Pattern,
    PatternError,
    compile_builtin_pattern,
    compile_user_pattern,
)
from seolint.registry.packs.screen import screen_for
from seolint.registry.rule import Rule, RuleError, check_identity

if TYPE_CHECKING:
    from seolint.document.lines import TextLine

_MARKUP_ONLY = re.compile(r"(?:<!--.*?-->|</?[A-Za-z][^<>]*>|\s)+")  # closing tags, comments
_BRACKETED_NOTE = re.compile(r"\[[^\[\]\n]*\]:?")  # a whole line "[Link to ...]" that is no link
SCOPES = ("lines", "prose", "headings", "link-text", "link-target", "alt-text")
WHERE = ("anywhere", "first-line", "outside-headings", "empty-section", "section-without-links")
_SECTIONS = ("empty-section", "section-without-links")  # positions that read what follows a line
_RULE_KEYS = {
    "code", "name", "severity", "summary", "message", "help", "scope",
    "patterns", "phrases", "exceptions", "where", "match", "fix",
}  # fmt: skip
_MATCH_KEYS = {"patterns", "phrases", "exceptions", "where", "fix"}
_FIX_KEYS = {"action", "applicability", "title", "with-lines"}
# A fix action and the scope it works on: a label removed with the placeholder lines
# under it, or the sentence that holds a phrase.
FIX_ACTIONS = {"remove-label": "lines", "remove-sentence": "prose"}
PatternCompiler = Callable[[str], Pattern]


class PackError(RuleError):
    """A pack that cannot be loaded; the message names the file and the rule."""


class PackOptions(Options):
    extend_phrases: tuple[str, ...] = ()  # more literal phrases (case-insensitive, whole words)


@dataclass(frozen=True)
class FixSpec:
    """A pack's declared fix (`[rule.fix]`): what to remove, and how safe that is."""

    action: str  # a key of FIX_ACTIONS
    applicability: Applicability
    title: str
    with_lines: tuple[Pattern, ...] = ()  # remove-label: lines under the label that go with it


@dataclass(frozen=True)
class Matcher:
    """One group of patterns with the exceptions, position and fix they share."""

    patterns: tuple[Pattern, ...]
    exceptions: tuple[Pattern, ...] = ()
    where: str = "anywhere"
    fix: FixSpec | None = None
    section_ends: tuple[Pattern, ...] = ()  # positions in _SECTIONS: the rule's other labels

    def matches(self, text: str) -> Iterator[Match]:
        """Each stretch of text once: where two patterns match overlapping text ("Sure, here's"
        and "here's a blog post"), the match that starts first (then the longer) is reported."""
        found = sorted(
            (m for pattern in self.patterns for m in pattern.finditer(text) if m.end() > m.start()),
            key=lambda match: (match.start(), -match.end()),
        )
        if not found:
            return
        excepted = _Intervals(e.span() for x in self.exceptions for e in x.finditer(text))
        reported_to = -1
        for match in found:
            if match.start() >= reported_to and not excepted.overlaps(match.start(), match.end()):
                reported_to = match.end()
                yield match


class _Intervals:
    """A union of [start, end) spans with a logarithmic overlap test."""

    def __init__(self, spans: Iterable[tuple[int, int]]) -> None:
        merged: list[list[int]] = []
        for start, end in sorted(spans):
            if merged and start <= merged[-1][1]:
                merged[-1][1] = max(merged[-1][1], end)
            else:
                merged.append([start, end])
        self.starts = [start for start, _ in merged]
        self.ends = [end for _, end in merged]

    def overlaps(self, start: int, end: int) -> bool:
        index = bisect.bisect_left(self.starts, end) - 1
        return index >= 0 and self.ends[index] > start


@dataclass(frozen=True)
class PackCheck:
    """The check function of a pack rule: run its matchers over its scope."""

    scope: str
    message: str
    matchers: tuple[Matcher, ...]

    def __call__(self, doc: Document, options: PackOptions) -> Iterator[Problem]:
        matchers = self.matchers
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
            block = next((b for b in doc.blocks if b.span.line <= span.line <= b.span.end_line), None)
            edit = remove_sentence(doc, span, block) if block is not None else None
        return Fix((edit,), spec.applicability, spec.title) if edit is not None else None


def _label_section(
    doc: Document, line: int, matchers: Sequence[Matcher], with_lines: Sequence[Pattern]
) -> Edit | None:
    """The label's line and the `with_lines` under it, when nothing else is under it
    before a heading, another label or the end; None when the label has content."""
    if not removable(doc.lines[line - 1]):
        return None
    headings = {h.span.line for h in doc.headings}
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


def phrase_pattern(phrases: Iterable[str]) -> LazyPattern:
    """Literal phrases as one case-insensitive, word-bounded alternation.

    Built with `re`, also for user phrases: they are escaped literals in this one shape,
    which scans each whitespace run once per start, and need Unicode word boundaries.
    """
    escaped = sorted(
        (
            r"\s+".join(re.escape(word).replace("'", "['’]") for word in phrase.split())
            for phrase in phrases
            if phrase.strip()
        ),
        key=len,
        reverse=True,
    )
    return LazyPattern(r"(?i)(?<!\w)(?:" + "|".join(escaped) + r")(?!\w)")


def _scan_lines(doc: Document, matcher: Matcher, lines: Sequence[TextLine]) -> Iterator[tuple[Span, str]]:
    if not lines:
        return
    empty: set[int] | None = None
    headings = (
        {n for h in doc.headings for n in range(h.span.line, h.span.end_line + 1)}
        if matcher.where == "outside-headings"
        else set()
    )
    for line in lines:
        if line.number in headings:
            continue
        for match in matcher.matches(line.text):
            if matcher.where in _SECTIONS:
                empty = _empty_sections(doc, matcher) if empty is None else empty
                if line.number not in empty:
                    continue
            start = line.column + match.start()
            yield Span(line.number, start, line.number, start + len(match.group())), match.group()


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
    "headings": _texts(lambda d: ((h.text, h.span) for h in d.headings)),
    "link-text": _texts(lambda d: ((k.text, k.span) for k in d.links)),
    "link-target": _texts(lambda d: ((k.href, k.span) for k in d.links)),
    "alt-text": _texts(lambda d: ((i.alt, i.span) for i in d.images)),
}
_LOCATED = {"prose", "headings"}  # texts whose matches are found within them; the others report the item


@cache
def builtin_pack_rules() -> tuple[Rule, ...]:
    """The packs shipped with seolint, compiled once per process."""
    from importlib.resources import files

    folder = files("seolint.packs_data")
    packs = sorted(
        (entry for entry in folder.iterdir() if entry.name.endswith(".toml")), key=lambda e: e.name
    )
    rules: list[Rule] = []
    for entry in packs:
        text = entry.read_text(encoding="utf-8")
        rules.extend(parse_pack(text, f"rules/{entry.name}", _taken(rules), compile_builtin_pattern))
    return tuple(rules)


def load_packs(paths: Sequence[Path], existing: Sequence[Rule]) -> list[Rule]:
    """User packs: each path is a TOML file or a folder of them (sorted, not recursive)."""
    rules: list[Rule] = []
    for path in paths:
        if path.is_dir():
            files = sorted(path.glob("*.toml"))
        elif path.is_file():
            files = [path]
        else:
            raise PackError(f"{path}: rule pack not found")
        for file in files:
            try:
                text = read_regular_file(str(file), MAX_DATA_FILE_SIZE, "the rule pack limit").decode("utf-8")
            except (OSError, UnicodeDecodeError, ReadError) as error:
                raise PackError(f"{file}: cannot read rule pack: {error}") from None
            rules.extend(parse_pack(text, str(file), _taken([*existing, *rules])))
    return rules


def _taken(rules: Iterable[Rule]) -> set[str]:
    return {key for r in rules for key in (r.code, r.name)}


def parse_pack(
    text: str, where: str, taken: set[str], compile_pattern: PatternCompiler = compile_user_pattern
) -> list[Rule]:
    """The rules of one pack; `compile_pattern` is RE2's unless the pack is built in."""
    from seolint.discover.toml import tomllib

    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        raise PackError(f"{where}: invalid TOML: {error}") from None
    unknown = sorted(set(data) - {"rule"})
    if unknown:
        raise PackError(f"{where}: unknown key {unknown[0]!r} (a pack holds [[rule]] tables)")
    entries = data.get("rule", [])
    if not isinstance(entries, list) or not entries or not all(isinstance(e, dict) for e in entries):
        raise PackError(f"{where}: a pack needs at least one [[rule]] table")
    rules: list[Rule] = []
    for number, entry in enumerate(entries, start=1):
        label = f"{where}: rule {entry.get('code') or f'#{number}'}"
        built = _build_rule(entry, label, compile_pattern)
        for key in (built.code, built.name):
            if key in taken:
                raise PackError(f"{label}: {key} is already defined by another rule")
            taken.add(key)
        rules.append(built)
    return rules


def _build_rule(entry: dict[str, Any], label: str, compile_pattern: PatternCompiler) -> Rule:
    unknown = sorted(set(entry) - _RULE_KEYS)
    if unknown:
        raise PackError(f"{label}: unknown key {unknown[0]!r}")
    code, name, summary, message, scope = (
        _string(entry, key, label) for key in ("code", "name", "summary", "message", "scope")
    )
    if scope not in SCOPES:
        raise PackError(f"{label}: unknown scope {scope!r}; scopes: {', '.join(SCOPES)}")
    try:
        severity = Severity.parse(_string(entry, "severity", label))
    except ValueError as error:
        raise PackError(f"{label}: {error}") from None
    _check_message(message, label)
    shared_exceptions = _patterns(entry.get("exceptions", []), f"{label}: exceptions", compile_pattern)
    build = functools.partial(
        _matcher, shared=shared_exceptions, scope=scope, compile_pattern=compile_pattern
    )
    own: dict[str, Any] = {key: entry[key] for key in ("patterns", "phrases", "where", "fix") if key in entry}
    if "fix" in own and not _has_matcher(own):
        raise PackError(f"{label}: fix: the rule has no patterns or phrases of its own to fix")
    matchers = [build(own, label)] if _has_matcher(own) else []
    extra = entry.get("match", [])
    if not isinstance(extra, list) or not all(isinstance(m, dict) for m in extra):
        raise PackError(f"{label}: match must be a list of [[rule.match]] tables")
    for index, table in enumerate(extra, start=1):
        unknown = sorted(set(table) - _MATCH_KEYS)
        if unknown:
            raise PackError(f"{label}: match #{index}: unknown key {unknown[0]!r}")
        if not _has_matcher(table):
            raise PackError(f"{label}: match #{index}: needs patterns or phrases")
        matchers.append(build(table, f"{label}: match #{index}"))
    if not matchers:
        raise PackError(f"{label}: needs patterns or phrases")
    labels = tuple(p for m in matchers for p in m.patterns)
    matchers = [replace(m, section_ends=labels) if m.where in _SECTIONS else m for m in matchers]
    help_text = entry.get("help", "")
    if not isinstance(help_text, str):
        raise PackError(f"{label}: help must be a string")
    try:
        check_identity(code, name)
    except RuleError as error:
        raise PackError(f"{label}: {error}") from None
    doc = summary + ("\n\n" + help_text.strip() if help_text.strip() else "")
    return Rule(code, name, severity, PackOptions, PackCheck(scope, message, tuple(matchers)), summary, doc)


def _has_matcher(table: dict[str, Any]) -> bool:
    return bool(table.get("patterns") or table.get("phrases"))


def _check_message(message: str, label: str) -> None:
    """Only `{match}` fields (with !r, !s or !a): a format spec such as `{match:>999999999}`
    would let a pack allocate gigabytes per finding."""
    try:
        fields = [(name, spec, conversion) for _, name, spec, conversion in string.Formatter().parse(message)]
    except ValueError as error:
        raise PackError(f"{label}: message: {error}") from None
    for name, spec, conversion in fields:
        if name is not None and (name != "match" or spec or conversion not in (None, "r", "s", "a")):
            field = "{" + name + (f"!{conversion}" if conversion else "") + (f":{spec}" if spec else "") + "}"
            raise PackError(
                f"{label}: message: field {field[:40]!r} is not allowed; use {{match}} or {{match!r}}"
            )


def _matcher(
    table: dict[str, Any],
    label: str,
    shared: tuple[Pattern, ...],
    scope: str,
    compile_pattern: PatternCompiler,
) -> Matcher:
    patterns = list(_patterns(table.get("patterns", []), f"{label}: patterns", compile_pattern))
    phrases = table.get("phrases", [])
    if not isinstance(phrases, list) or not all(isinstance(p, str) and p.strip() for p in phrases):
        raise PackError(f"{label}: phrases must be a list of non-empty strings")
    if phrases:
        patterns.append(phrase_pattern(phrases))
    where = table.get("where", "anywhere")
    if where not in WHERE:
        raise PackError(f"{label}: where must be one of {', '.join(WHERE)}, got {where!r}")
    if where != "anywhere" and scope != "lines":
        raise PackError(f"{label}: where = {where!r} needs scope = 'lines'")
    own = _patterns(table.get("exceptions", []), f"{label}: exceptions", compile_pattern)
    fix = _fix_spec(table["fix"], f"{label}: fix", scope, compile_pattern) if "fix" in table else None
    return Matcher(tuple(patterns), (*shared, *own), where, fix)


def _fix_spec(table: object, label: str, scope: str, compile_pattern: PatternCompiler) -> FixSpec:
    """A `[rule.fix]` table: action, applicability (safe | unsafe), title, with-lines."""
    if not isinstance(table, dict):
        raise PackError(f"{label}: must be a table with action, applicability and title")
    unknown = sorted(set(table) - _FIX_KEYS)
    if unknown:
        raise PackError(f"{label}: unknown key {unknown[0]!r}")
    action, applicability, title = (
        _string(table, key, label) for key in ("action", "applicability", "title")
    )
    if action not in FIX_ACTIONS:
        raise PackError(f"{label}: unknown action {action!r}; actions: {', '.join(FIX_ACTIONS)}")
    if FIX_ACTIONS[action] != scope:
        raise PackError(f"{label}: action {action!r} needs scope = {FIX_ACTIONS[action]!r}")
    if applicability not in ("safe", "unsafe"):
        raise PackError(f"{label}: applicability must be 'safe' or 'unsafe', got {applicability!r}")
    if "with-lines" in table and action != "remove-label":
        raise PackError(f"{label}: with-lines only goes with action 'remove-label'")
    with_lines = _patterns(table.get("with-lines", []), f"{label}: with-lines", compile_pattern)
    safety: Applicability = "safe" if applicability == "safe" else "unsafe"
    return FixSpec(action, safety, title, with_lines)


def _patterns(values: object, label: str, compile_pattern: PatternCompiler) -> tuple[Pattern, ...]:
    if not isinstance(values, list) or not all(isinstance(v, str) and v for v in values):
        raise PackError(f"{label} must be a list of regular expressions")
    try:
        return tuple(compile_pattern(value) for value in values)
    except PatternError as error:
        raise PackError(f"{label}: {error}") from None


def _string(entry: dict[str, Any], key: str, label: str) -> str:
    value = entry.get(key)
    if not isinstance(value, str) or not value.strip():
        raise PackError(f"{label}: missing or empty {key!r}")
    return value.strip()
