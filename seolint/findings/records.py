"""What rules report (Problem) and what the engine hands to reporters (Finding).

The records are NamedTuples, like the Document's (see seolint.document.model), except Finding,
which sorts and compares by path, span and code alone.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Literal, NamedTuple

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


@dataclass(frozen=True, order=True)
class Finding:
    path: str
    span: Span
    code: str
    name: str = field(compare=False)
    severity: Severity = field(compare=False)
    message: str = field(compare=False)
    source_line: str = field(compare=False, default="")  # the offending line, for context
    fix: Fix | None = field(compare=False, default=None)
    whole_post: bool = field(compare=False, default=False)  # its Problem was about the post


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
