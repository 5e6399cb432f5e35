"""A pull request's check (`check --diff-base REF`): only what the change did.

In the files the change touched: the findings on the lines it added or changed, and the
whole-post findings the base version did not have. Elsewhere: the site findings the change
caused. Each touched site is modelled twice, as it is and as it was at the base (the base
versions of touched and deleted pages put back, added ones taken out), and a site finding
on an untouched page counts when the base model did not have it: a link broken by a
renamed heading or a moved post, a title now duplicated, a page no longer linked at all.
"""

from __future__ import annotations

import functools
import os
import time
from collections.abc import Callable, Sequence
from pathlib import Path

from seolint.config.plan import ActiveRule
from seolint.discover.changes import ChangedFile, Changes
from seolint.discover.reading import decode
from seolint.discover.source import FileError, Source, format_for
from seolint.discover.walk import DraftFile
from seolint.findings.records import FileResult, Finding, Problem, RunResult
from seolint.lint import runner
from seolint.lint.pipeline import DraftError, lint_source
from seolint.lint.settings import Settings
from seolint.lint.site_pass import build_model, merged, site_problems
from seolint.site import Site
from seolint.sitewide.model import SiteModel, SitePage

Spot = tuple[int, int, str]  # (line, column, code): a site problem on a page the change left alone
Lint = Callable[[DraftFile], "FileResult | FileError"]


def run(
    paths: Sequence[str],
    settings: Settings,
    changes: Changes,
    jobs: int = 1,
    on_file_done: runner.Progress | None = None,
) -> RunResult:
    """What the change did to the drafts under `paths`, and the pages it broke anywhere in their sites."""
    started = time.perf_counter()
    touched = changes.files
    result = runner.run(
        paths, settings, jobs, None, on_file_done, keep=lambda draft: _absolute(draft.location) in touched
    )
    base = _Base(settings, changes)
    errors = list(result.errors)
    elsewhere: list[FileResult] = []
    lint = functools.partial(runner.lint_file, settings)
    for site in _sites(settings, changes):
        given = {_absolute(f.path): f for f in result.files if f.facts is not None}
        elsewhere += _caused(site, given, base, settings, lint, jobs, errors)
    files = [_on_changed_lines(file, touched[_absolute(file.path)], base) for file in result.files]
    shown = frozenset(file.path for file in files)
    everything = sorted([*files, *(f for f in elsewhere if f.path not in shown)], key=lambda f: f.path)
    return RunResult(tuple(everything), tuple(errors), time.perf_counter() - started, shown)


class _Base:
    """The base revision of the change: its versions of touched pages, linted as they were,
    and the site findings of its pages."""

    def __init__(self, settings: Settings, changes: Changes) -> None:
        self.settings, self.changes = settings, changes
        self.site_codes: dict[Path, set[str]] = {}  # rules with site findings on each base page
        self._results: dict[Path, FileResult | None] = {}

    def result(self, path: Path) -> FileResult | None:
        """The base version of the file at `path` (as the base named it), linted; None when
        it did not exist there, or cannot be read or parsed."""
        if path not in self._results:
            self._results[path] = self._lint(path)
        return self._results[path]

    def codes(self, change: ChangedFile) -> set[str]:
        """The rules with findings, of the draft or the site, on a touched file's base version."""
        if change.added or change.base_path is None:
            return set()
        result = self.result(change.base_path)
        found = {f.code for f in result.findings} if result is not None else set()
        return found | self.site_codes.get(change.base_path, set())

    def _lint(self, path: Path) -> FileResult | None:
        config = self.settings.config_for(path.parent)
        fmt = format_for(str(path), config.extension_map)
        data = self.changes.base_text(path) if fmt is not None else None
        if data is None or fmt is None:
            return None
        plan = self.settings.plan_for(config)
        site = self.settings.site_for(path)
        try:
            return lint_source(Source(decode(data, plan.encoding), _shown(path), fmt), plan, site)
        except (DraftError, ValueError):
            return None


def _sites(settings: Settings, changes: Changes) -> list[Site]:
    """The sites holding a touched or deleted page, if their site rules run."""
    found: dict[Path, Site] = {}
    for path in (*changes.files, *changes.deleted):
        site = settings.site_for(path)
        if site is None or site.root in found or not site.is_content(path):
            continue
        if settings.plan_for(settings.config_for(site.root)).site_checks:
            found[site.root] = site
    return list(found.values())


def _caused(
    site: Site,
    given: dict[Path, FileResult],
    base: _Base,
    settings: Settings,
    lint: Lint,
    jobs: int,
    errors: list[FileError],
) -> list[FileResult]:
    """The untouched pages of `site`, each with the site findings the change caused on it."""
    touched = base.changes.files
    pairs = {p: (DraftFile.at(r.path), r) for p, r in given.items() if p in touched and site.is_content(p)}
    now = build_model(site, pairs, settings, lint, jobs, everything=True)
    before: dict[Path, set[Spot]] = {}
    for location, problems in site_problems(_base_model(site, now, base), settings, []).items():
        before[Path(location)] = {_spot(active, problem) for active, problem in problems}
        base.site_codes[Path(location)] = {active.rule.code for active, _ in problems}
    found: list[FileResult] = []
    for location, problems in site_problems(now, settings, errors).items():
        path = Path(location)
        new = [(a, p) for a, p in problems if _spot(a, p) not in before.get(path, set())]
        if not new or path in touched:
            continue
        draft = DraftFile.at(now.pages[path].shown)
        outcome = lint(draft)  # from the cache, as the model was just built
        if isinstance(outcome, FileResult):
            found.append(merged(draft, outcome._replace(findings=()), new, settings))
    return found


def _base_model(site: Site, now: SiteModel, base: _Base) -> SiteModel:
    """The site as it was at the base: touched pages as they were (or gone, if the change
    added them), deleted pages back."""
    touched = base.changes.files
    pages = {path: page for path, page in now.pages.items() if path not in touched}
    earlier = {change.base_path for change in touched.values() if change.base_path is not None}
    for path in sorted(earlier | base.changes.deleted):
        result = base.result(path) if site.is_content(path) else None
        if result is not None:
            pages[path] = SitePage.of(site, path, result.path, result.facts)
    return SiteModel.build(site, sorted(pages.values(), key=lambda page: page.path))


def _spot(active: ActiveRule, problem: Problem) -> Spot:
    return problem.span.line, problem.span.column, active.rule.code


def _on_changed_lines(file: FileResult, change: ChangedFile, base: _Base) -> FileResult:
    """The file's findings on lines the change touched, and its whole-post findings that
    the base version did not have (a post the change made too short, or left unlinked)."""
    had: set[str] | None = None
    kept: list[Finding] = []
    for finding in file.findings:
        if not finding.whole_post:
            if change.touches(finding.span.line, finding.span.end_line):
                kept.append(finding)
            continue
        if had is None:
            had = base.codes(change)
        if finding.code not in had:
            kept.append(finding)
    return file._replace(findings=tuple(kept))


def _absolute(location: str) -> Path:
    return Path(os.path.abspath(location))


def _shown(path: Path) -> str:
    """A path as a folder walk from the working folder names it."""
    relative = os.path.relpath(path)
    return str(path) if relative.startswith("..") else relative
