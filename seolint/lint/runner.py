"""The run loop: discover drafts, read them, reuse cached results, lint the rest in parallel.

Every file's settings (config, plan, cache) are resolved in this process before any
worker starts, so forked workers inherit them and results do not depend on `--jobs`.
"""

from __future__ import annotations

import functools
import itertools
import os
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from seolint.discover.reading import STDIN, ReadError, decode, read_bytes
from seolint.discover.records import NamedTuple
from seolint.discover.source import FORMATS, FileError, Format, Source, format_for, sniff
from seolint.discover.walk import DraftFile, discover
from seolint.findings.records import FileResult, RunResult, SiteSummary
from seolint.lint import cycles
from seolint.lint.parallel import map_ordered
from seolint.lint.pipeline import DraftError, lint_source
from seolint.lint.settings import Settings
from seolint.parse import preload
from seolint.registry.screening import SCREENING
from seolint.site.reads import skipped_under

if TYPE_CHECKING:
    from seolint.cache.store import Cache
    from seolint.config.plan import Plan
    from seolint.site import Site

Outcome = FileResult | FileError
Progress = Callable[[int, int], None]  # (files done, files in the run), called as each one is done


class Stdin(NamedTuple):
    """The draft read from `-`: the name it is linted as, and its format."""

    path: str = STDIN
    format: Format | None = None  # None: sniffed from the text (HTML if it starts like a page)


def run(
    paths: Sequence[str],
    settings: Settings,
    jobs: int = 1,
    stdin: Stdin | None = None,
    on_file_done: Progress | None = None,
    keep: Callable[[DraftFile], bool] | None = None,
) -> RunResult:
    """Lint every draft under `paths` (only those `keep` accepts, when given); results in
    discovery order, whatever `jobs` is."""
    started = time.perf_counter()
    cwd = settings.config_for(Path.cwd())
    drafts, errors = discover(paths, settings.config_for, cwd.force_exclude, settings.site_for)
    if keep is not None:
        drafts = [d for d in drafts if d.location == STDIN or keep(d)]
    files = [d for d in drafts if d.location != STDIN]
    for draft in files:  # resolve every plan, cache and site here, before workers fork
        if (site := settings.for_draft(draft.location).site) is not None:
            settings.site_key(site)
    count = itertools.count(1)

    def file_done() -> None:
        if on_file_done is not None:
            on_file_done(next(count), len(drafts))

    task = functools.partial(lint_file, settings)
    cached = _cached_results(settings, files)
    for _ in cached:
        file_done()
    missed = [d for i, d in enumerate(files) if i not in cached]
    if len(missed) > 1:  # parsers, screening and collector pace set before workers fork: each inherits them
        preload({fmt for d in missed if (fmt := _format(settings, d))})
        SCREENING.screen_every_document()
        cycles.for_many_drafts()
    fresh = iter(map_ordered(task, missed, jobs, file_done, lost_draft))
    linted = (cached[i] if i in cached else next(fresh) for i in range(len(files)))
    results: list[FileResult] = []
    in_sites: list[tuple[DraftFile, FileResult]] = []
    for draft in drafts:
        if draft.location == STDIN:
            outcome = lint_stdin(settings, stdin or Stdin())
            file_done()
        else:
            outcome = next(linted)
        if isinstance(outcome, FileError):
            errors.append(outcome)
        else:
            results.append(outcome)
            errors.extend(outcome.errors)
            if outcome.facts is not None and draft.location != STDIN:
                in_sites.append((draft, outcome))
    named = frozenset(paths)
    summaries: tuple[SiteSummary, ...] = ()
    if in_sites and settings.overrides.site_checks is not False:  # the site pass, unless --no-site
        from seolint.lint.site_pass import add_site_findings

        done = add_site_findings(in_sites, settings, task, jobs, named)
        results = [done.updated.get(r.path, r) for r in results] + done.extra
        errors.extend(done.errors)
        summaries = tuple(done.summaries)
    errors.extend(skipped_site_files(settings, files))
    results = [r if r.path in named else skip_unpublished(r) for r in results]
    return RunResult(tuple(results), tuple(errors), time.perf_counter() - started, sites=summaries)


def skipped_site_files(settings: Settings, drafts: Sequence[DraftFile]) -> list[FileError]:
    """One error for each file of the drafts' sites that was skipped (a FIFO, a link to a
    device, an alias bomb in a config): the run went on as if it were absent."""
    roots = {site.root: None for d in drafts if (site := settings.for_draft(d.location).site) is not None}
    return [
        FileError(_shown_path(path), f"skipped: {why}") for root in roots for path, why in skipped_under(root)
    ]


def _shown_path(path: Path) -> str:
    """`path` relative to the working directory when it is inside it, as drafts are shown."""
    relative = os.path.relpath(path)
    return str(path) if relative.startswith("..") else relative


def skip_unpublished(result: FileResult) -> FileResult:
    """A page the generator never builds, found by walking a folder, without findings: its
    stats say why. Named, it is linted (a writer works on a draft by name)."""
    facts = result.facts
    if facts is None:
        return result
    from seolint.site.publication import today, withheld_on

    why = withheld_on(facts, today())
    if why is None:
        return result
    return result._replace(findings=(), stats={**result.stats, "unpublished": why})


# A run reads cached results here before forking workers (one process probes as fast as two:
# BENCHMARKS.md, "Figures behind the code"); after this many misses in a row the files are
# linted, not probed: a cold run reads and hashes only these twice.
MISSES_BEFORE_LINTING = 8


def _cached_results(settings: Settings, files: Sequence[DraftFile]) -> dict[int, FileResult]:
    """The cached results of `files` by index, probed in order until misses run on."""
    found: dict[int, FileResult] = {}
    misses = 0
    for index, draft in enumerate(files):
        hit = cached_result(settings, draft)
        if hit is not None:
            found[index], misses = hit, 0
        elif (misses := misses + 1) >= MISSES_BEFORE_LINTING:
            break
    return found


def cached_result(settings: Settings, draft: DraftFile) -> FileResult | None:
    """The draft's result from the cache, or None (no cache, a miss, or a read error that
    linting it will report)."""
    try:
        looked_up = _look_up(settings, draft)
    except ReadError:
        return None
    return looked_up.hit if isinstance(looked_up, _LookedUp) else None


def lint_file(settings: Settings, draft: DraftFile) -> Outcome:
    """One draft's result, from the cache when its bytes and settings are unchanged."""
    try:
        looked_up = _look_up(settings, draft)
        if isinstance(looked_up, FileError):
            return looked_up
        if looked_up.hit is not None:
            return looked_up.hit
        fmt, plan, site, data, cache, key, _ = looked_up
        result = lint_source(Source(decode(data, plan.encoding), draft.path, fmt), plan, site)
    except (ReadError, DraftError) as error:
        return FileError(draft.path, str(error), getattr(error, "detail", ""))
    if cache is not None and key is not None and not result.errors:  # a crashed rule is retried next time
        cache.put(key, result)
    return result


class _LookedUp(NamedTuple):
    """A draft read and looked up in its cache: everything linting it needs on a miss."""

    fmt: Format
    plan: Plan
    site: Site | None
    data: bytes
    cache: Cache | None  # None with --no-cache
    key: str | None
    hit: FileResult | None


def _look_up(settings: Settings, draft: DraftFile) -> _LookedUp | FileError:
    """The draft's context, bytes and cache entry (ReadError when it cannot be read)."""
    found = draft_context(settings, draft)
    if isinstance(found, FileError):
        return found
    fmt, plan, site = found
    data = read_bytes(draft.location, plan.max_file_size)
    cache = settings.for_draft(draft.location).cache
    if cache is None:
        return _LookedUp(fmt, plan, site, data, None, None, None)
    key = cache.key(draft.location, data, settings.site_key(site) if site is not None else "")
    return _LookedUp(fmt, plan, site, data, cache, key, cache.get(key, draft.path))


def draft_context(settings: Settings, draft: DraftFile) -> tuple[Format, Plan, Site | None] | FileError:
    """What a draft is linted (or fixed) with: its format, its config's plan and its site."""
    fmt = _format(settings, draft)
    if fmt is None:
        return FileError(draft.path, "unsupported file type (seolint reads " + ", ".join(FORMATS) + ")")
    _, plan, _, site = settings.for_draft(draft.location)
    return fmt, plan, site


def stdin_context(settings: Settings, stdin: Stdin) -> tuple[Plan, Site | None]:
    """The plan and site of the name standard input is given (the working directory's without one)."""
    folder = Path(stdin.path).parent if stdin.path != STDIN else Path.cwd()
    site = settings.site_for(Path(stdin.path)) if stdin.path != STDIN else None
    return settings.plan_for(settings.config_for(folder)), site


def _format(settings: Settings, draft: DraftFile) -> Format | None:
    return format_for(draft.location, settings.for_draft(draft.location).config.extension_map)


def lost_draft(draft: DraftFile, why: str) -> FileError:
    """The outcome of a draft whose worker process died linting it; the other files go on."""
    return FileError(draft.path, f"not linted: its worker process died ({why})")


def lint_stdin(settings: Settings, stdin: Stdin) -> Outcome:
    """The draft on standard input, linted under the settings of the name it is given."""
    plan, site = stdin_context(settings, stdin)
    try:
        text = decode(read_bytes(STDIN, plan.max_file_size), plan.encoding)
        return lint_source(Source(text, stdin.path, stdin.format or sniff(text)), plan, site)
    except (ReadError, DraftError) as error:
        return FileError(stdin.path, str(error), getattr(error, "detail", ""))
