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
from typing import TYPE_CHECKING

from seolint.cache.store import Cache, facts_from_json
from seolint.config.plan import ActiveRule
from seolint.discover.reading import ReadError, read_bytes
from seolint.discover.records import NamedTuple
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
from seolint.site.publication import today as current_day
from seolint.sitewide.index import FactsIndex, IndexKey, Stamp, racy_before, stamp
from seolint.sitewide.model import SiteModel, SitePage, names_of

if TYPE_CHECKING:
    from seolint.sitewide.listing import Listing
    from seolint.sitewide.stored import StoredSiteModel
    from seolint.sitewide.tables import SiteTables

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
        model: SiteModel | None = stored_model(site, given, settings, names)
        rows: _Rows | None = None
        if model is None:
            model, rows = _built(site, dict(given), settings, lint, jobs, False, names)
        outlook = _outlook(site, settings, model, rows) if rows is not None else None
        if outlook is not None and outlook.anchors is not None:
            model.anchors = outlook.anchors
        found = site_problems(model, settings, done.errors)
        if outlook is not None and rows is not None:
            _save_tables(site, outlook, model, rows)
        elif rows is None:
            _update_tables(site, settings, model, given)
        model.close()
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
    return _built(site, given, settings, lint, jobs, everything, named)[0]


# Each page's facts JSON, cache key and stamp, by absolute path: what the site tables store.
_Rows = dict[str, tuple[object, IndexKey, Stamp | None]]


def _built(
    site: Site,
    given: Mapping[Path, tuple[DraftFile, FileResult]],
    settings: Settings,
    lint: LintFile,
    jobs: int,
    everything: bool,
    named: frozenset[Path],
) -> tuple[SiteModel, _Rows | None]:
    """`build_model`, and the rows of the site tables when the model holds every page as
    it is now (none vanished) and the cache is on."""
    pages, vanished, rows = _pages_and_vanished(site, given, settings, lint, jobs, focused=not everything)
    generated = settings.config_for(site.root).generated
    focus = None if everything else given.keys()
    model = SiteModel.build(site, pages, focus, named, generated, vanished)
    if vanished and not everything:
        model = _with_breakage(model, vanished, given.keys(), named, generated)
    return model, rows if not vanished else None


# The site rules the stored tables can answer (seolint.sitewide.stored): a plan with any
# other site rule (a plugin's) builds the whole model.
TABLE_RULES = frozenset(
    {"W001", "W002", "W003", "W004", "W005", "W006", "W007", "W008", "W009", "M010", "M011"}
    | {"P007", "P008", "P009"}
)


# Given pages beyond which a run builds the whole model: a hook or an editor names a few
# pages; a run over a folder of a site resolves most of its links anyway, and reading
# each given page's stored row to compare cost more than the facts index.
MAX_GIVEN = 200

# Pages other than the given ones whose stamp moved (touched, or written within the last
# two seconds) that a run compares by their bytes before the tables may answer; more, and
# it builds the whole model (a checkout touched the site).
MAX_DOUBTFUL = 32


def stored_model(
    site: Site,
    given: Mapping[Path, tuple[DraftFile, FileResult]],
    settings: Settings,
    named: frozenset[Path],
) -> SiteModel | None:
    """The model of a run over `given` from the site tables, or None when they cannot
    answer: none stored (or another site key, day, config), a page added, removed or
    changed other than the given ones, a given page publishing elsewhere, in another
    language or on other terms than stored, one on which a finding about the whole site
    may go, a site rule the tables do not serve, or more than MAX_GIVEN pages given."""
    config = settings.config_for(site.root)
    cache = settings.cache_for(config)
    listing = settings.listing_for(site)
    if cache is None or listing is None or not given or len(given) > MAX_GIVEN:
        return None
    from seolint.sitewide.stored import STAT, unmoved  # SQLite: only for site runs
    from seolint.sitewide.tables import SiteTables

    if any(active.rule.code not in TABLE_RULES for active in settings.plan_for(config).site_rules):
        return None
    tables = SiteTables(cache, site.root)
    meta = tables.meta()
    if meta is None or meta.get("state") != _state(site, settings, listing):
        return None
    content = _with_format(site, listing.locations())
    named_given = {str(path) for path in given}
    as_stored = unmoved(tables.get(STAT), content, sorted(named_given))
    if as_stored is not None:
        model = _from_tables(site, settings, tables, meta, content, given, named)
        if model is not None:
            model.as_stored = as_stored
        return model
    stamps = tables.get("stamps")
    if not isinstance(stamps, dict) or len(stamps) != len(content):
        return None
    salt, since = settings.site_key(site), racy_before()
    prefix = salt[:16]
    doubtful: list[tuple[Path, list[object]]] = []  # stamp moved or untrusted: compare bytes
    for text in content:
        entry = stamps.get(text)
        if not isinstance(entry, list) or len(entry) != 3:
            return None
        if text not in named_given and (entry[2] is None or stamp(text, prefix, since) != entry[2]):
            doubtful.append((Path(text), entry))
            if len(doubtful) > MAX_DOUBTFUL:
                return None
    restamped: dict[str, list[object]] = {}
    caches: dict[str, tuple[Cache | None, int]] = {}
    nearest = listing.nearest_configs()
    for path, entry in doubtful:
        draft = _draft(path)
        stamped = stamp(draft.location, salt[:16], since)
        key = _key_from_bytes(settings, caches, nearest, draft, salt)
        if key is None or list(key) != entry[:2]:
            return None
        if stamped is not None:
            restamped[str(path)] = [*key, stamped]
    model = _from_tables(site, settings, tables, meta, stamps, given, named)
    if model is not None:
        model.restamped = restamped
        model.as_stored = not doubtful and all(
            (was := stamps[text][2]) is not None and stamp(text, prefix, since) == was for text in named_given
        )
    return model


def _from_tables(
    site: Site,
    settings: Settings,
    tables: SiteTables,
    meta: Mapping[str, object],
    paths: Iterable[str],
    given: Mapping[Path, tuple[DraftFile, FileResult]],
    named: frozenset[Path],
) -> StoredSiteModel | None:
    """The stored model once every page but the given ones is known to be as stored
    (`paths`: every page's), or None when a given page is an anchor or no longer
    publishes as stored."""
    from seolint.sitewide.stored import PAGE, StoredSiteModel

    anchors = meta.get("anchors")
    if not isinstance(anchors, list) or not {str(path) for path in given}.isdisjoint(anchors):
        return None
    pages = {}
    old = tables.get_many(PAGE + str(path) for path in given)
    for path, (draft, result) in given.items():
        page = SitePage.of(site, path, draft.path, result.facts)
        if result.facts is None or not _publishes_as_stored(site, page, old.get(PAGE + str(path))):
            return None
        pages[path] = page
    if names_of(site, pages.values()) is None:  # a redirect may send any link to a given page
        return None
    generated = settings.config_for(site.root).generated
    return StoredSiteModel.from_tables(
        site, tables, meta, paths, pages, named, generated, lambda path: _draft(path).path
    )


def _with_format(site: Site, locations: list[str]) -> list[str]:
    """The content files seolint reads (`format_for` knows their suffix), asked once per
    suffix the site's listing keeps rather than once per file (20,000 calls at 20,000 pages):
    a listed file's suffix is one of the site's, and none of those holds a second dot."""
    known = tuple(suffix for suffix in site.suffixes if format_for("page" + suffix) is not None)
    if len(known) == len(site.suffixes):
        return locations
    return [text for text in locations if text.lower().endswith(known)]


def _update_tables(
    site: Site, settings: Settings, model: SiteModel, given: Mapping[Path, tuple[DraftFile, FileResult]]
) -> None:
    """After a run the tables answered, store the given pages as they are now (their rows,
    stamps and entries in the derived rows) and the new stamps of pages found unchanged,
    so that a run on another page is answered too: edit A, check A; edit B, check B."""
    from seolint.sitewide.index import page_json
    from seolint.sitewide.stored import StoredSiteModel, update_pages

    if not isinstance(model, StoredSiteModel) or model.tables is None or model.as_stored:
        return
    listing = settings.listing_for(site)
    if listing is None:
        return
    salt, since = settings.site_key(site), racy_before()
    caches: dict[str, tuple[Cache | None, int]] = {}
    nearest = listing.nearest_configs()
    stamps = dict(model.restamped)
    pages: dict[Path, tuple[SitePage, object]] = {}
    for path, (draft, result) in given.items():
        stamped = stamp(draft.location, salt[:16], since)
        key = _key_from_bytes(settings, caches, nearest, draft, salt)
        if key is None or result.facts is None:
            return  # unreadable now: the next run on another page rebuilds the tables
        stamps[str(path)] = [*key, stamped]
        pages[path] = (model.pages[path], page_json(result.facts))
    update_pages(model.tables, site, _state(site, settings, listing), stamps, pages)


class _Outlook(NamedTuple):
    """The stored tables as a run that built the whole model finds them, before its site
    rules run: whether they hold this state, and which pages' entries moved."""

    tables: SiteTables
    state: list[object]
    stamps: dict[str, list[object]]  # every page's key and stamp now
    before: dict[str, object]  # as stored (any state)
    moved: dict[str, list[object]] | None  # the entries that moved, when the state is the same
    changed: dict[Path, tuple[SitePage, object]]  # the pages whose bytes changed, in place
    anchors: frozenset[Path] | None  # the stored anchors, when they still hold


def _outlook(site: Site, settings: Settings, model: SiteModel, rows: _Rows) -> _Outlook | None:
    """The stored tables against a model of every page; their anchors (the pages M010 and
    M011 may report on) still hold when the state is the same, no page came or went and
    every changed page publishes as stored: a page's head depends on its path, URLs and
    language only, so the rules need not render every page's head to know."""
    from seolint.sitewide.stored import PAGE
    from seolint.sitewide.tables import SiteTables

    config = settings.config_for(site.root)
    cache = settings.cache_for(config)
    listing = settings.listing_for(site)
    if cache is None or listing is None or len(rows) != len(model.pages):
        return None
    state = _state(site, settings, listing)
    stamps: dict[str, list[object]] = {path: [*key, stamped] for path, (_, key, stamped) in rows.items()}
    tables = SiteTables(cache, site.root)
    meta = tables.meta()
    found = tables.get("stamps") if meta is not None else None
    before = found if isinstance(found, dict) else {}
    if meta is None or meta.get("state") != state or before.keys() != stamps.keys():
        return _Outlook(tables, state, stamps, before, None, {}, None)
    moved = {path: entry for path, entry in stamps.items() if before[path] != entry}
    changed = {
        Path(path): (model.pages[Path(path)], rows[path][0])
        for path, entry in moved.items()
        if not isinstance(before[path], list) or before[path][:2] != entry[:2]
    }
    if len(changed) > MAX_GIVEN:
        return _Outlook(tables, state, stamps, before, None, {}, None)
    stored = tables.get_many(PAGE + str(path) for path in changed)
    for path, (page, _) in changed.items():
        if not _publishes_as_stored(site, page, stored.get(PAGE + str(path))):
            return _Outlook(tables, state, stamps, before, None, {}, None)
    anchors = meta.get("anchors")
    kept = frozenset(Path(str(p)) for p in anchors) if isinstance(anchors, list) else None
    return _Outlook(tables, state, stamps, before, moved, changed, kept)


def _save_tables(site: Site, outlook: _Outlook, model: SiteModel, rows: _Rows) -> None:
    """Bring the site tables up to date with a model of every page: nothing to do when
    they hold this state and every page's key and stamp; the changed pages' rows alone
    when only a few pages changed in place (`update_pages`); else every row but the page
    rows of pages whose key is unchanged."""
    from seolint.checks.sitewide import anchors
    from seolint.sitewide.stored import PAGE, STAT, stat_row, table_rows, update_pages

    tables, state, stamps, before, moved, changed, _ = outlook
    if moved is not None and (not moved or update_pages(tables, site, state, moved, changed)):
        return tables.close()
    table = table_rows(model, {p: data for p, (data, _, _) in rows.items()}, {"state": state}, anchors(model))
    table["stamps"] = stamps
    table[STAT] = stat_row(stamps)
    kept = {
        PAGE + p
        for p, (_, key, _) in rows.items()
        if isinstance(entry := before.get(p), list) and entry[:2] == list(key)
    }
    table.update({PAGE + p: data for p, (data, _, _) in rows.items() if PAGE + p not in kept})
    tables.write(table, PAGE, kept)
    tables.close()


def _state(site: Site, settings: Settings, listing: Listing) -> list[object]:
    """What the site tables hold true only while it is unchanged: the site key, the day
    (publication dates), and the cache folder (plan) of each config of the content tree."""
    configs = {
        folder: getattr(settings.cache_for(settings.config_for(Path(folder))), "folder", Path()).name
        for folder in listing.governing_folders()
    }
    return [settings.site_key(site), current_day().isoformat(), configs]


def _publishes_as_stored(site: Site, page: SitePage, stored: object) -> bool:
    """Whether `page` publishes as its stored row says (the same URLs, terms and language):
    the rows about URLs, names and anchors were derived from those alone."""
    facts = _stored_facts(stored)
    if facts is None:
        return False
    was = SitePage.of(site, page.path, page.shown, facts)
    return (was.urls, was.withheld, was.language) == (page.urls, page.withheld, page.language)


def _stored_facts(data: object) -> FileFacts | None:
    try:
        return facts_from_json(data)  # type: ignore[arg-type]
    except (TypeError, ValueError, KeyError):
        return None


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
) -> tuple[list[SitePage], list[SitePage], _Rows | None]:
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
        names = names_of(site, (SitePage.of(site, path, drafts[path].path, facts[path]) for path in given))
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
    rows: _Rows | None = None
    if index is not None:
        known = {p: found for p, found in facts.items() if found is not None and p in keys}
        index.save({drafts[p].location: (keys[p], found, stamps[p]) for p, found in known.items()})
        rows = {
            str(p): (index.json_of(drafts[p].location, keys[p], found), keys[p], stamps[p])
            for p, found in known.items()
        }
    pages = [SitePage.of(site, path, drafts[path].path, found) for path, found in facts.items()]
    return sorted(pages, key=lambda page: page.path), vanished, rows


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
    cache = _cache_of(settings, caches, nearest, draft)[0]
    if cache is None:
        return None
    known = index.key_by_stamp(draft.location, cache.folder.name, stamped)
    if known is not None:
        return known
    return _key_from_bytes(settings, caches, nearest, draft, salt)


def _cache_of(
    settings: Settings,
    caches: dict[str, tuple[Cache | None, int]],
    nearest: Mapping[str, str],
    draft: DraftFile,
) -> tuple[Cache | None, int]:
    """The cache and size bound of the page's config, one lookup per folder."""
    folder = os.path.dirname(draft.location)
    if folder not in caches:
        config = settings.config_for(Path(nearest.get(os.path.abspath(folder or "."), folder or ".")))
        caches[folder] = (settings.cache_for(config), settings.plan_for(config).max_file_size)
    return caches[folder]


def _key_from_bytes(
    settings: Settings,
    caches: dict[str, tuple[Cache | None, int]],
    nearest: Mapping[str, str],
    draft: DraftFile,
    salt: str,
) -> IndexKey | None:
    """The page's cache key (as the runner computes it) from its bytes now."""
    cache, max_size = _cache_of(settings, caches, nearest, draft)
    if cache is None:
        return None
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
