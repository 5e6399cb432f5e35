"""The site pass: after every draft is linted, model each site and run the site rules.

The model is built from every content file of the site, not only the files given (a
pre-commit run names one post, and its broken link is still found): the other files go
through the normal cached lint, so an unchanged site costs a cache read per file. Only
the files given are reported on; their site findings obey the page's suppressions,
`per-file-ignores`, and the selection and severities of the page's own config.
"""

from __future__ import annotations

import os
from collections import defaultdict
from collections.abc import Callable, Iterable, Mapping, Sequence
from pathlib import Path
from typing import NamedTuple

from seolint.cache.store import Cache
from seolint.config.plan import ActiveRule
from seolint.discover.reading import ReadError, read_bytes
from seolint.discover.source import FileError, format_for
from seolint.discover.walk import DraftFile, shown
from seolint.document.model import Page
from seolint.findings.facts import FileFacts
from seolint.findings.records import FileResult, Finding, Problem, SiteSummary
from seolint.lint import suppress
from seolint.lint.parallel import map_ordered
from seolint.lint.pipeline import describe, trace
from seolint.lint.settings import Settings
from seolint.site import Site, url_key
from seolint.sitewide.index import FactsIndex, IndexKey, Stamp, racy_before, stamp
from seolint.sitewide.model import SiteModel, SitePage, names_of

LintFile = Callable[[DraftFile], "FileResult | FileError"]


class SitePass(NamedTuple):
    """What the site pass adds to a run."""

    updated: dict[str, FileResult]  # the given files' results with their site findings, by path
    extra: list[FileResult]  # pages not given that the change breaks (they link to a vanished page)
    errors: list[FileError]  # site rules that crashed
    summaries: list[SiteSummary]


def add_site_findings(
    linted: Sequence[tuple[DraftFile, FileResult]],
    settings: Settings,
    lint: LintFile,
    jobs: int,
    named: frozenset[str] = frozenset(),
) -> SitePass:
    """Results of the given files with their site findings added, results of the pages
    they break, the errors of site rules that crashed, and a summary per site. `named` are
    the locations given by name (a page the generator does not build is reported on only
    then)."""
    by_site: dict[Path, tuple[Site, dict[Path, tuple[DraftFile, FileResult]]]] = {}
    sites: dict[str, Site | None] = {}  # by folder: a site holds whole folders
    for draft, result in linted:
        folder = os.path.dirname(draft.location)
        if folder not in sites:
            sites[folder] = settings.site_for(Path(draft.location))
        site = sites[folder]
        if site is None or not settings.plan_for(settings.config_for(site.root)).site_checks:
            continue
        by_site.setdefault(site.root, (site, {}))[1][_absolute(draft.location)] = (draft, result)
    done = SitePass({}, [], [], [])
    for site, given in by_site.values():
        names = frozenset(path for path, (draft, _) in given.items() if draft.location in named)
        model = build_model(site, dict(given), settings, lint, jobs, named=names)
        found = site_problems(model, settings, done.errors)
        for path, (draft, result) in given.items():
            done.updated[draft.path] = merged(draft, result, found.get(str(path), []), settings)
        for path in sorted(model.focus - given.keys()):  # pages the change breaks
            if found.get(str(path)) and model.pages[path].facts is not None:
                draft = _draft(path)
                outcome = lint(draft)  # its cache entry: the facts index keeps no source lines
                if isinstance(outcome, FileResult) and outcome.facts is not None:
                    empty = FileResult(draft.path, "markdown", (), {}, facts=outcome.facts)
                    done.extra.append(merged(draft, empty, found[str(path)], settings))
        done.summaries.append(summary(model))
    return done


def summary(model: SiteModel) -> SiteSummary:
    """The counts `--statistics` and `--show-site` print for one site."""
    return SiteSummary(
        str(model.site.root),
        model.site.generator,
        len(model.pages),
        tuple(sorted(model.unpublished().items())),
        tuple(sorted(model.not_checked().items())),
    )


def build_model(
    site: Site,
    given: Mapping[Path, tuple[DraftFile, FileResult]],
    settings: Settings,
    lint: LintFile,
    jobs: int,
    everything: bool = False,
    named: frozenset[Path] = frozenset(),
) -> SiteModel:
    """The model of `site` from the given results plus the facts of its other files.

    Its focus (the pages whose references are all resolved) is the given files, or every
    page with `everything` (a pull request's check compares whole sites). Pages the
    facts index knew that are gone (renamed or deleted since) are the model's `vanished`:
    the pages linking to them join the focus, for their broken links."""
    pages, vanished = _pages_and_vanished(site, given, settings, lint, jobs, focused=not everything)
    generated = settings.config_for(site.root).generated
    focus = None if everything else given.keys()
    model = SiteModel.build(site, pages, focus, named, generated, vanished)
    if vanished and not everything:
        model = _with_breakage(model, vanished, given.keys(), named, generated)
    return model


def _with_breakage(
    model: SiteModel,
    vanished: Sequence[SitePage],
    given: Iterable[Path],
    named: frozenset[Path],
    generated: tuple[str, ...],
) -> SiteModel:
    """The model with the pages that link to a vanished page in focus too."""
    gone_urls = {url_key(u) for page in vanished for u in page.urls}
    gone_paths = {page.path for page in vanished}
    breaking = {
        item.source.path
        for item in model.resolutions
        if item.status in ("broken", "not-checked")
        and (url_key(item.wanted) in gone_urls or Path(item.wanted) in gone_paths)
    }
    if not breaking - set(given):
        return model
    focus = {*given, *breaking}
    return SiteModel.build(model.site, model.pages.values(), focus, named, generated, vanished)


def site_pages(
    site: Site,
    given: Mapping[Path, tuple[DraftFile, FileResult]],
    settings: Settings,
    lint: LintFile,
    jobs: int,
) -> list[SitePage]:
    """Every content page of `site`, sorted: the given results, and the facts of the other
    files from the site's facts index when their bytes are unchanged, else from a (cached)
    lint. The one builder of the site model's pages: the site pass, pull requests' checks
    and the language server all read pages from here."""
    return _pages_and_vanished(site, given, settings, lint, jobs)[0]


def _pages_and_vanished(
    site: Site,
    given: Mapping[Path, tuple[DraftFile, FileResult]],
    settings: Settings,
    lint: LintFile,
    jobs: int,
    focused: bool = False,
) -> tuple[list[SitePage], list[SitePage]]:
    """`site_pages`, and the pages the facts index knew that no longer exist. `focused`:
    for a model whose focus is the given pages, so the other pages' references are needed
    only where they may lead to a given page; the others come without references."""
    root_cache = settings.cache_for(settings.config_for(site.root))
    index = FactsIndex(root_cache, site.root) if root_cache is not None else None
    salt = settings.site_key(site)
    facts: dict[Path, FileFacts | None] = {path: result.facts for path, (_, result) in given.items()}
    drafts = {path: draft for path, (draft, _) in given.items()}
    keys: dict[Path, IndexKey] = {}
    stamps: dict[Path, Stamp | None] = {}
    caches: dict[str, tuple[Cache | None, int]] = {}  # by folder: one config lookup per folder
    listing = settings.listing_for(site)
    content = [path for path in site.content_files() if format_for(str(path)) is not None]
    if index is not None:
        since = racy_before()
        nearest = listing.nearest_configs() if listing is not None else {}
        for path in content:
            draft = drafts.setdefault(path, _draft(path))
            stamps[path] = stamp(draft.location, salt[:16], since)
            key = _index_key(settings, caches, nearest, draft, salt, index, stamps[path])
            if key is not None:
                keys[path] = key
    else:
        for path in content:
            drafts.setdefault(path, _draft(path))
    vanished: list[SitePage] = []
    if index is not None:
        present = {drafts[path].location for path in content}
        for location in index.locations():
            if location not in present and not os.path.exists(location):
                old = index.facts_of(location)
                if old is not None:
                    vanished.append(SitePage(_absolute(location), shown(location), old, old.urls))
    names = None
    if focused and not vanished:  # else pages linking to a vanished one join the focus
        names = names_of(SitePage.of(site, path, drafts[path].path, facts[path]) for path in given)
    wanted = {drafts[path].location: keys[path] for path in content if path not in facts and path in keys}
    stored = index.stored(wanted, names) if index is not None else {}
    missing: list[Path] = []
    for path in content:
        if path not in facts:
            found = stored.get(drafts[path].location)
            if found is not None:
                facts[path] = found
            else:
                missing.append(path)
    for path in missing:  # resolve plans before workers fork, as the runner does
        settings.plan_for(settings.config_for(path.parent))
    for path, outcome in zip(
        missing, map_ordered(lint, [drafts[p] for p in missing], jobs, lost=_unread), strict=True
    ):
        facts[path] = outcome.facts if isinstance(outcome, FileResult) else None
    if index is not None:
        known = {p: found for p, found in facts.items() if found is not None and p in keys}
        index.save({drafts[p].location: (keys[p], found, stamps[p]) for p, found in known.items()})
    pages = [SitePage.of(site, path, drafts[path].path, found) for path, found in facts.items()]
    return sorted(pages, key=lambda page: page.path), vanished


def _unread(draft: DraftFile, why: str) -> FileError:
    """A page whose worker died: the model goes without its facts, as for an unreadable page."""
    return FileError(draft.path, why)


def _index_key(
    settings: Settings,
    caches: dict[str, tuple[Cache | None, int]],
    nearest: Mapping[str, str],
    draft: DraftFile,
    salt: str,
    index: FactsIndex,
    stamped: Stamp | None,
) -> IndexKey | None:
    """The page's cache key (as the runner computes it) within its config's cache folder:
    the index's when the page's stamp is unchanged, else from its bytes. `nearest` names,
    for a folder of the content tree, the folder whose config it shares (no probing)."""
    folder = os.path.dirname(draft.location)
    if folder not in caches:
        config = settings.config_for(Path(nearest.get(os.path.abspath(folder or "."), folder or ".")))
        caches[folder] = (settings.cache_for(config), settings.plan_for(config).max_file_size)
    cache, max_size = caches[folder]
    if cache is None:
        return None
    known = index.key_by_stamp(draft.location, cache.folder.name, stamped)
    if known is not None:
        return known
    try:
        data = read_bytes(draft.location, max_size)
    except ReadError:
        return None
    return cache.folder.name, cache.key(draft.location, data, salt)


def site_problems(
    model: SiteModel, settings: Settings, errors: list[FileError]
) -> dict[str, list[tuple[ActiveRule, Problem]]]:
    """Every problem the site root's plan finds, by the page's absolute path."""
    plan = settings.plan_for(settings.config_for(model.site.root))
    found: dict[str, list[tuple[ActiveRule, Problem]]] = defaultdict(list)
    for active in plan.site_rules:
        try:
            for path, problem in active.rule.run_site(model, active.options):
                found[path].append((active, problem))
        except Exception as error:  # one broken rule must not take the other rules down
            where = f"rule {active.rule.code} ({active.rule.name})"
            errors.append(
                FileError(str(model.site.root), f"internal error in {where}: {describe(error)}", trace(error))
            )
    return found


def merged(
    draft: DraftFile, result: FileResult, problems: list[tuple[ActiveRule, Problem]], settings: Settings
) -> FileResult:
    """The file's result plus its site findings, under its own plan and suppressions, from
    the rules that judge its kind of page."""
    facts = result.facts
    if facts is None:
        return result
    plan = settings.plan_for(settings.config_for(Path(draft.location).parent)).for_path(draft.path)
    active = {a.rule.code: a for a in plan.for_page(Page(kind=facts.kind)).site_rules}
    if not active:
        return result
    findings = [
        Finding(
            draft.path,
            problem.span,
            code,
            active[code].rule.name,
            active[code].severity,
            problem.message,
            facts.context(problem.span.line),
            whole_post=problem.about == "post",
        )
        for rule, problem in problems
        if (code := rule.rule.code) in active
    ]
    if findings and (facts.directives or facts.ignore is not None):
        directives = suppress.Directives(facts.directives, facts.line_count, facts.ignore)
        findings = suppress.unsuppressed(directives, findings, plan.aliases)
    if not findings:
        return result._replace(rules=(*result.rules, *active))
    return result._replace(
        findings=tuple(sorted((*result.findings, *findings))), rules=(*result.rules, *active)
    )


def _draft(path: Path) -> DraftFile:
    """A content file not given on the command line, named relative to the working
    directory when it is under it (as a folder walk from there would name it)."""
    text = str(path)
    here = os.path.join(os.getcwd(), "")
    if text.startswith(here) and f"{os.sep}..{os.sep}" not in text:  # relpath's answer, cheaply
        location = text[len(here) :]
    else:
        relative = os.path.relpath(text)
        location = relative if not relative.startswith("..") else text
    return DraftFile(location, shown(location))


def _absolute(location: str) -> Path:
    return Path(os.path.abspath(location))
