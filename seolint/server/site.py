"""Site rules in the editor: the site model of the CLI, with the open buffers' unsaved text on top.

Each site's pages are read once from disk by the site pass's own builder (the facts index
and cache first, so a site `seolint check` has seen costs a read per file), then kept: a
keystroke replaces one page's facts with its buffer's and runs the site rules again, with
every open buffer of the site as the model's focus. So a heading renamed in one buffer
shows up as W002 in another open buffer that links to it, before anything is saved.
"""

from __future__ import annotations

import functools
import os
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path

from seolint.checks.sitewide import closest_id
from seolint.discover.source import FileError
from seolint.discover.walk import DraftFile
from seolint.findings.records import Edit, FileResult, Finding, Fix
from seolint.lint import runner
from seolint.lint.settings import Overrides, Settings
from seolint.lint.site_pass import merged, site_pages, site_problems
from seolint.server.positions import LineIndex
from seolint.site import Site
from seolint.sitewide.model import Resolution, SiteModel, SitePage

FIXABLE = frozenset({"W001", "W002"})  # site rules whose "did you mean" becomes a fix


class EditorModel(SiteModel):
    """The site model of one pause in typing, whose "did you mean" answers outlive it.

    A suggestion compares a broken link with every page's URL; the answers hold as long as
    the site's URLs do (they rarely change while a post is edited), and recomputing them
    was 40% of a re-lint in a 1,000-page site.
    """

    suggestions: dict[str, str | None]  # by the URL wanted, shared by the models of one site

    def suggestion(self, wanted: str, language: str | None = None) -> str | None:
        key = f"{language or ''} {wanted}"
        if key not in self.suggestions:
            self.suggestions[key] = super().suggestion(wanted, language)
        return self.suggestions[key]


class SitePages:
    """The pages of one site as the server knows them: from disk, then open buffers' on top."""

    def __init__(self, site: Site, pages: Iterable[SitePage]) -> None:
        self.site = site
        self.disk = {page.path: page for page in pages}
        self.buffers: dict[Path, SitePage] = {}
        self._urls: list[str] = []  # the site's primary URLs when the suggestions were made
        self._suggestions: dict[str, str | None] = {}

    @classmethod
    def read(cls, site: Site) -> SitePages:
        """Every page's facts from disk (with a Settings of its own: this may run in a thread
        while the server lints buffers with its own)."""
        settings = Settings(Overrides())
        lint = functools.partial(runner.lint_file, settings)
        return cls(site, site_pages(site, {}, settings, lint, jobs=1))

    def model(self, focus: Iterable[Path]) -> SiteModel:
        pages = {**self.disk, **self.buffers}
        model = EditorModel.build(self.site, sorted(pages.values(), key=lambda p: p.path), focus=focus)
        assert isinstance(model, EditorModel)
        if model.primary_urls != self._urls:  # a page moved, came or went: other answers now
            self._urls, self._suggestions = model.primary_urls, {}
        model.suggestions = self._suggestions
        return model

    def saved(self, path: Path) -> None:
        """The buffer was written: what it says is what the disk says."""
        if path in self.buffers:
            self.disk[path] = self.buffers[path]

    def changed_on_disk(self, path: Path, settings: Settings) -> None:
        """A content file changed, appeared or went away outside the editor."""
        if not os.path.isfile(path):
            self.disk.pop(path, None)
            return
        if not self.site.is_content(path):
            return
        outcome = runner.lint_file(settings, DraftFile.at(str(path)))
        facts = outcome.facts if isinstance(outcome, FileResult) else None
        self.disk[path] = SitePage.of(self.site, path, str(path), facts)


@dataclass(frozen=True)
class SiteVerdict:
    """The site findings of each open buffer of a site, and the model they came from."""

    findings: Mapping[Path, tuple[Finding, ...]]
    model: SiteModel
    crashes: tuple[str, ...] = ()


def site_findings(pages: SitePages, buffers: Mapping[Path, FileResult], settings: Settings) -> SiteVerdict:
    """The site findings of every open buffer (`buffers`: their latest lint), under each
    page's own plan and suppressions, as the CLI's site pass reports them."""
    for path, result in buffers.items():
        pages.buffers[path] = SitePage.of(pages.site, path, _shown(path), result.facts)
    for path in [p for p in pages.buffers if p not in buffers]:
        del pages.buffers[path]  # closed: the disk's version counts again
    model = pages.model(buffers.keys())
    errors: list[FileError] = []
    problems = site_problems(model, settings, errors)
    found: dict[Path, tuple[Finding, ...]] = {}
    for path, result in buffers.items():
        draft = DraftFile(result.path, result.path)
        mine = problems.get(str(path), [])
        found[path] = merged(draft, result._replace(findings=()), mine, settings).findings if mine else ()
    return SiteVerdict(found, model, tuple(e.message for e in errors))


def with_fixes(
    findings: Iterable[Finding], model: SiteModel, path: Path, index: LineIndex
) -> tuple[Finding, ...]:
    """The findings, W001 and W002 with their "did you mean" as a fix where the link's
    target is written out in the buffer: a guess, so unsafe (never in "fix all")."""
    by_span: dict[tuple[int, int], Resolution] = {
        (item.reference.span.line, item.reference.span.column): item
        for item in model.resolutions
        if item.source.path == path
    }
    out = []
    for finding in findings:
        item = by_span.get((finding.span.line, finding.span.column))
        if finding.code in FIXABLE and item is not None and finding.fix is None:
            replacement = _suggested_target(model, item, finding.code)
            edit = _edit(index, item, replacement) if replacement else None
            if edit is not None:
                finding = finding.with_fix(Fix((edit,), "unsafe", f"Change the link to {replacement}"))
        out.append(finding)
    return tuple(out)


def _shown(path: Path) -> str:
    """A buffer's path as other pages' findings name it: relative to the server's folder
    when under it, as the site pass names the pages it reads."""
    relative = os.path.relpath(path)
    return str(path) if relative.startswith("..") else relative


def _suggested_target(model: SiteModel, item: Resolution, code: str) -> str | None:
    """The link target the rule's "did you mean" names, written as the link was."""
    written = item.reference.target
    if item.reference.syntax != "url":
        return None  # a shortcode's or tag's argument: not a URL to swap in
    if code == "W002":
        target = item.target
        if target is None or target.facts is None or not item.fragment:
            return None
        close = closest_id(item.fragment, target.facts.ids)
        head, hash_mark, _ = written.partition("#")
        return f"{head}{hash_mark}{close}" if close and hash_mark else None
    external = model.missing_scheme(item)
    if external:
        return external
    if item.wanted.startswith(str(model.site.root)):
        return None  # a file path: its suggestion is a file, not a URL
    close = model.suggestion(item.wanted)
    if close is None:
        return None
    _, hash_mark, fragment = written.partition("#")
    slash = "/" if written.split("#", 1)[0].endswith("/") and not close.endswith("/") else ""
    return f"{close}{slash}{hash_mark}{fragment}"


def _edit(index: LineIndex, item: Resolution, replacement: str) -> Edit | None:
    """Where the written target is in the buffer: its first occurrence from the link's start
    to the end of the line after the link's span (the span may cover only the link's text)."""
    span = item.reference.span
    first = index.line_start(span.line) + span.column - 1
    last = index.line_end(span.end_line + 1)
    written = item.reference.target
    at = index.text.find(written, first, last)
    return Edit(at, at + len(written), replacement) if at >= 0 else None
