"""What rules report (Problem) and what the engine hands to reporters (Finding).

The records are NamedTuples, like the Document's (see seolint.document.model), except Finding,
a plain class that sorts and compares by path, span and code alone.
"""

from __future__ import annotations

import enum
import functools
from typing import TYPE_CHECKING, Any, Final, Literal

from seolint.discover.records import NamedTuple
from seolint.discover.source import FileError
from seolint.document.model import Span

if TYPE_CHECKING:
    from seolint.findings.facts import FileFacts


class Severity(enum.IntEnum):
    """Ordered so that `severity >= fail_on` reads naturally."""

    INFO = 1
    WARNING = 2
    ERROR = 3

    @property
    def label(self) -> str:
        return self.name.lower()

    @classmethod
    def parse(cls, value: str) -> Severity:
        try:
            return cls[value.strip().upper()]
        except KeyError:
            raise ValueError(f"unknown severity {value!r} (use error, warning or info)") from None


Applicability = Literal["safe", "unsafe"]


class Edit(NamedTuple):
    """Replace the source characters [start, end) (offsets into Document.source) with `text`."""

    start: int
    end: int
    text: str
    # 1-based (line, column) of `start` and `end`, filled in by the pipeline so that
    # reporters, which never see the source, can show where the edit goes (they follow
    # from `start` and `end`, so they never change how edits compare or sort).
    start_point: tuple[int, int] | None = None
    end_point: tuple[int, int] | None = None


class Fix(NamedTuple):
    """How to repair a problem (ruff's model): edits applied together, and whether doing so
    without a human looking can only improve the draft ("safe") or may change what it
    says or where it points ("unsafe")."""

    edits: tuple[Edit, ...]
    applicability: Applicability
    title: str  # what the fix does, e.g. "Make it a real heading: ## Lessons"


# What a problem is about: one place in the draft, or the post as a whole ("no internal
# link", "reading ease 31"). A whole-post problem still has a span (where a suppression or
# a fix would go), but reports show it apart from the lines, as `post`.
About = Literal["place", "post"]


class Problem(NamedTuple):
    """A rule's verdict about one place, or the whole post; the engine adds path, code and
    severity."""

    span: Span
    message: str
    fix: Fix | None = None
    about: About = "place"


@functools.total_ordering
class Finding:
    """A rule's problem where it was found, with the rule's name and configured severity.

    Findings compare, hash and sort by path, span and code alone: sorting keeps the order
    in which a rule gave the problems it found at one place. A plain class, where an
    ordered frozen dataclass compiled ten methods at every start (BENCHMARKS.md, "Figures
    behind the code"); mypy keeps its fields read-only.
    """

    __slots__ = ("code", "fix", "message", "name", "path", "severity", "source_line", "span", "whole_post")

    def __init__(
        self,
        path: str,
        span: Span,
        code: str,
        name: str,
        severity: Severity,
        message: str,
        source_line: str = "",  # the offending line, for context
        fix: Fix | None = None,
        whole_post: bool = False,  # its Problem was about the post
    ) -> None:
        self.path: Final = path
        self.span: Final = span
        self.code: Final = code
        self.name: Final = name
        self.severity: Final = severity
        self.message: Final = message
        self.source_line: Final = source_line
        self.fix: Final = fix
        self.whole_post: Final = whole_post

    def _place(self) -> tuple[str, Span, str]:
        return self.path, self.span, self.code

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Finding) and self._place() == other._place()

    def __lt__(self, other: Finding) -> bool:
        return self._place() < other._place()

    def __hash__(self) -> int:
        return hash(self._place())

    def __repr__(self) -> str:
        return f"Finding({self.path!r}, {self.span!r}, {self.code!r}, {self.message!r})"

    def with_fix(self, fix: Fix | None) -> Finding:
        """The same finding with another fix."""
        return Finding(
            *self._place(), self.name, self.severity, self.message, self.source_line, fix, self.whole_post
        )


class FileResult(NamedTuple):
    path: str
    format: str
    findings: tuple[Finding, ...]
    stats: dict[str, Any]
    outline: tuple[tuple[int, str, int], ...] = ()  # (level, text, line) of each heading
    errors: tuple[FileError, ...] = ()  # rules that crashed on this file
    rules: tuple[str, ...] = ()  # codes of the rules that ran on this file
    title: str | None = None  # the front-matter title: the outline's root (it counts as the H1)
    facts: FileFacts | None = None  # what the site model needs, for a page of a site


class SiteSummary(NamedTuple):
    """What the site pass saw of one site, for `--statistics` and `--show-site`."""

    root: str
    generator: str
    pages: int
    unpublished: tuple[tuple[str, int], ...] = ()  # pages the generator does not build, by reason
    not_checked: tuple[tuple[str, int], ...] = ()  # links into build-time content, by reason


class RunResult(NamedTuple):
    """Everything one run found, in discovery order: what every reporter reads."""

    files: tuple[FileResult, ...]
    errors: tuple[FileError, ...]
    elapsed: float = 0.0
    # A pull request's check (`--diff-base`): the files the change touched, whose findings are
    # on the lines it changed; findings in any other file are site findings the change caused.
    changed: frozenset[str] | None = None
    sites: tuple[SiteSummary, ...] = ()  # one per site the site pass modelled

    @property
    def findings(self) -> list[Finding]:
        return [f for result in self.files for f in result.findings]
