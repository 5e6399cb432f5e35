"""Lint one Source: parse it, run the plan's rules, apply its suppressions.

This is the whole per-draft pipeline; the runner, the cache and the workers only decide
which Sources reach it. A rule that raises becomes an internal error for that file, so
one broken rule never takes the other rules or files down.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from seolint.config.plan import ActiveRule, Plan
from seolint.discover.source import FileError, Source
from seolint.document.model import Document, Field, Page, Span, revised
from seolint.findings.records import FileResult, Finding, Problem
from seolint.lint import suppress
from seolint.lint.page import page_of
from seolint.parse import ParseError, parse
from seolint.registry.edits import Locator

if TYPE_CHECKING:
    from seolint.findings.facts import FileFacts
    from seolint.site import Site


class DraftError(Exception):
    """A file that cannot be linted; the message is shown after its path."""

    def __init__(self, message: str, detail: str = "") -> None:
        super().__init__(message)
        self.detail = detail  # a traceback, shown with --debug


def lint_source(source: Source, plan: Plan, site: Site | None = None) -> FileResult:
    """The findings, stats and outline of one draft (DraftError if it cannot be parsed).

    Inside a site, the site's template syntax is read as what it means. What is known of
    the page (its kind and language; in a site its title's heading level and its domain)
    becomes the Document's `page`: it decides which rules judge it, and tunes their options
    wherever the config left the choice open.
    """
    plan = plan.for_path(source.path)
    doc = read_page(source, plan, site)
    plan = plan.for_page(doc.page)
    findings, errors = lint_document(doc, plan)
    facts = _site_facts(site, doc, errors) if site is not None else None
    findings = suppress.apply(doc, findings, plan)
    outline = tuple((h.level, h.text, h.span.line) for h in doc.headings)
    ran = tuple(active.rule.code for active in plan.rules)
    title = doc.title.text if doc.title is not None and doc.title.origin == "front-matter" else None
    return FileResult(
        source.path,
        source.format,
        tuple(findings),
        _stats(doc, plan),
        outline,
        tuple(errors),
        ran,
        title,
        facts,
    )


def read_page(source: Source, plan: Plan, site: Site | None = None) -> Document:
    """The draft parsed, with the page it publishes as (DraftError if it cannot be parsed)."""
    from seolint.parse.templates import template_regions  # the site's syntax, or MDX's

    keys = plan.front_matter_keys
    if site is not None and site.front_matter_any_case:
        keys = keys._replace(any_case=True)
    try:
        templates = template_regions(source.text, source.path, site)
        late = site is not None and site.front_matter_after_blank_lines
        doc = parse(source.text, source.path, source.format, plan.content_selector, keys, templates, late)
    except ParseError as error:
        raise DraftError(str(error)) from None
    except Exception as error:  # a front-end bug on odd input is reported, not a crash
        raise DraftError(f"internal error while parsing: {describe(error)}", trace(error)) from error
    return as_published(doc, page_of(doc, plan, site))


def as_published(doc: Document, page: Page) -> Document:
    """`doc` with the page the site publishes from it, and the title the generator gives a
    page whose front matter sets none (Jekyll's, from the file name)."""
    if doc.title is None and page.generated_title:
        title = Field(page.generated_title, Span.point(1), "generator")
        return revised(doc, page=page, title=title, seo_title=doc.seo_title or title)
    return revised(doc, page=page)


def _site_facts(site: Site, doc: Document, errors: list[FileError]) -> FileFacts | None:
    """What the site model needs of this page; a bug here is an internal error of the file."""
    from seolint.sitewide.facts import file_facts

    try:
        return file_facts(site, doc)
    except Exception as error:
        errors.append(
            FileError(
                doc.path, f"internal error while collecting site facts: {describe(error)}", trace(error)
            )
        )
        return None


def lint_document(doc: Document, plan: Plan) -> tuple[list[Finding], list[FileError]]:
    """Findings of every planned rule, sorted; a rule that raises becomes an internal error."""
    errors: list[FileError] = []
    problems = [(active, problem) for active in plan.rules for problem in _run_rule(active, doc, errors)]
    context = ContextLines(doc.lines)
    locator = Locator(doc.source) if any(problem.fix for _, problem in problems) else None
    findings = [
        Finding(
            doc.path,
            problem.span,
            active.rule.code,
            active.rule.name,
            active.severity,
            problem.message,
            context.at(problem.span.line),
            locator.locate(problem.fix) if locator is not None and problem.fix is not None else None,
            whole_post=problem.about == "post",
        )
        for active, problem in problems
    ]
    return sorted(findings), errors


class ContextLines:
    """A finding's line, or the first non-blank one after it when it is blank.

    Whole-post findings sit on line 1; when that is blank (the post starts with empty
    lines) the next text line gives the report context and the baseline a stable key.
    The next-text-line table is built once, so any number of findings costs linear time.
    """

    def __init__(self, lines: Sequence[str]) -> None:
        self._lines = lines
        self._next_text: list[int] | None = None

    def at(self, line: int) -> str:
        index = max(line, 1) - 1
        if index >= len(self._lines):
            return ""
        if self._lines[index].strip():
            return self._lines[index]
        found = self._table()[index]
        return self._lines[found] if found >= 0 else ""

    def _table(self) -> list[int]:
        if self._next_text is None:
            following = -1
            table = [-1] * len(self._lines)
            for index in range(len(self._lines) - 1, -1, -1):
                if self._lines[index].strip():
                    following = index
                table[index] = following
            self._next_text = table
        return self._next_text


def _run_rule(active: ActiveRule, doc: Document, errors: list[FileError]) -> list[Problem]:
    try:
        return list(active.rule.run(doc, active.options))
    except Exception as error:  # one broken rule must not take the other rules or files down
        where = f"rule {active.rule.code} ({active.rule.name})"
        errors.append(FileError(doc.path, f"internal error in {where}: {describe(error)}", trace(error)))
        return []


def describe(error: BaseException) -> str:
    return f"{type(error).__name__}: {error}" if str(error) else type(error).__name__


def trace(error: BaseException) -> str:
    import traceback

    return "".join(traceback.format_exception(error))


def _stats(doc: Document, plan: Plan) -> dict[str, Any]:
    stats: dict[str, Any] = {
        "words": doc.word_count,
        "headings": len(doc.headings),
        "links": len(doc.links),
        "images": len(doc.images),
        "code_blocks": len(doc.code_blocks),
    }
    if any(active.rule.family == "R" for active in plan.rules):  # textstat only when R rules run
        from seolint.document.prose import stats as readability_stats

        stats.update(readability_stats(doc))
    return stats
