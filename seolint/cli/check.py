"""`seolint check`: lint drafts, report the findings, and exit 0, 1 or 2.

Its options arrive as one record (CheckOptions); the pipeline, the fixer and the reporters
are imported when the command runs, not when its parser is built.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

from seolint.cli.arguments import Command, Operand, choices_metavar, one_of, worker_count
from seolint.cli.errors import EXIT_CLEAN, EXIT_ERROR, EXIT_FINDINGS, fail
from seolint.discover.records import NamedTuple

if TYPE_CHECKING:
    from argparse import _ArgumentGroup as Group
    from collections.abc import Callable

    from seolint.findings.records import RunResult, Severity
    from seolint.lint.runner import Progress
    from seolint.lint.settings import Overrides, Settings
    from seolint.registry.rule import Rule
    from seolint.report import ReportOptions

T = TypeVar("T")

FORMATS = (
    "rich",
    "text",
    "concise",
    "json",
    "sarif",
    "github",
    "junit",
    "junit-rules",
    "html",
    "rdjson",
    "rdjsonl",
    "gitlab",
    "summary",
)
LEVELS = ("error", "warning", "info")


class CheckOptions(NamedTuple):
    """Everything `seolint check` was told, as its parser names it."""

    paths: Sequence[str]
    output_format: str
    select: list[str] | None
    ignore: list[str] | None
    config_path: Path | None
    fail_on: str | None
    exit_zero: bool
    no_color: bool
    quiet: bool
    stdin_filename: str | None
    encoding: str | None
    max_file_size: str | None
    debug: bool
    respect_gitignore: bool | None
    output_file: Path | None
    statistics: bool
    write_baseline: Path | None
    baseline_path: Path | None
    report_unused_suppressions: bool
    jobs: int | None
    no_cache: bool
    force_exclude: bool
    show_site: bool
    no_progress: bool
    show_settings: bool
    fix: bool
    unsafe_fixes: bool
    diff: bool
    no_site: bool
    diff_base: str | None
    extend_exclude: list[str] | None


def add_options(options: Group) -> None:
    add = options.add_argument
    add(
        "--format",
        dest="output_format",
        type=one_of(FORMATS),
        default="rich",
        metavar="FORMAT",
        help="Report format: " + ", ".join(FORMATS) + ".  [default: rich]",
    )
    add(
        "--select",
        action="append",
        metavar="CODES",
        help="Only these rules: codes, names, prefixes (H) or ALL; comma-separated.",
    )
    add("--ignore", action="append", metavar="CODES", help="Skip these rules (added to the config's ignore).")
    add(
        "--config",
        dest="config_path",
        type=Path,
        metavar="FILE",
        help="Use this config file instead of searching for one.",
    )
    add(
        "--fail-on",
        type=one_of(LEVELS),
        metavar=choices_metavar(LEVELS),
        help="Lowest severity that fails the run.  [default: error]",
    )
    add("--exit-zero", action="store_true", help="Exit 0 even when there are findings.")
    add("--no-color", action="store_true", help="Plain output without colour.")
    add("-q", "--quiet", action="store_true", help="Only show findings (no outline, stats or clean files).")
    add(
        "--stdin-filename",
        metavar="NAME",
        help="Name (and so format) of the draft read from `-`; without it, sniffed.",
    )
    add("--encoding", metavar="NAME", help="Encoding of drafts without a BOM.  [default: utf-8]")
    add("--max-file-size", metavar="SIZE", help="Refuse larger drafts, e.g. 10MB.  [default: 10MB]")
    add("--debug", action="store_true", help="Show tracebacks of internal errors.")
    add(
        "--respect-gitignore",
        action=argparse.BooleanOptionalAction,
        help="Skip files git ignores when walking folders.  [default: respect]",
    )
    add(
        "-o",
        "--output-file",
        type=Path,
        metavar="FILE",
        help="Write the --format report to this file; the terminal gets the rich one.",
    )
    add(
        "--statistics",
        action="store_true",
        help="Show how many findings each rule produced instead (JSON with --format json).",
    )
    add(
        "--write-baseline",
        type=Path,
        metavar="FILE",
        help="Record current findings as accepted; exit 0.",
    )
    add(
        "--baseline",
        dest="baseline_path",
        type=Path,
        metavar="FILE",
        help="Hide findings recorded in this baseline file.",
    )
    add(
        "--report-unused-suppressions",
        action="store_true",
        help="Report suppressions that silenced nothing (X002).",
    )
    add("-j", "--jobs", type=worker_count, metavar="N", help="Worker processes.  [default: CPU count]")
    add("--no-cache", action="store_true", help="Neither read nor write .seolint_cache/.")
    add(
        "--extend-exclude",
        action="append",
        metavar="GLOBS",
        help="Also skip these files and folders (added to the config's extend-exclude).",
    )
    add("--force-exclude", action="store_true", help="Apply excludes to files named on the command line too.")
    add("--show-site", action="store_true", help="Show the site generator detected for each path, and why.")
    add("--no-progress", action="store_true", help="No progress bar (shown on long runs in a terminal).")
    add(
        "--show-settings",
        action="store_true",
        help="Print the effective settings for the first path (a file) and exit.",
    )
    add("--fix", action="store_true", help="Apply safe fixes, then report what remains.")
    add("--unsafe-fixes", action="store_true", help="With --fix or --diff, apply unsafe fixes too.")
    add(
        "--diff",
        action="store_true",
        help="Print the fixes as a unified diff, change nothing; exit 1 if any.",
    )
    add("--no-site", action="store_true", help="Skip the site-wide checks (W rules) across a site's pages.")
    add(
        "--diff-base",
        metavar="REF",
        help="Only findings on lines changed since REF (git), and the pages the change broke.",
    )


def run(**arguments: Any) -> int:
    """Lint drafts and report what to fix before publishing."""
    return check(CheckOptions(**arguments))


def check(options: CheckOptions) -> int:
    """Lint `options.paths` (the folder we are in when none) and report; the exit code.

    `re` is handed the code of the patterns earlier runs compiled before any rule module
    is imported, and what this run compiled or translated for RE2 anew is kept for the
    next one."""
    from seolint.registry import compiled_patterns
    from seolint.registry.packs import kept_supersets

    patterns = compiled_patterns.user_store()
    patterns.seed()
    try:
        return _check(options)
    finally:
        patterns.save()
        kept_supersets.user_store().save()


def _check(options: CheckOptions) -> int:
    from seolint.config.files import ConfigError
    from seolint.discover.source import format_for
    from seolint.lint import runner
    from seolint.lint.settings import Settings

    if options.config_path is not None and not options.config_path.is_file():
        fail(f"{options.config_path}: config file not found")
    overrides = _overrides(options)
    paths = list(options.paths) or ["."]
    if options.show_site:
        from seolint.cli.show import show_sites

        show_sites(paths, options.config_path, use_cache=not options.no_cache)
        return EXIT_CLEAN
    from seolint.cli.check_record import recorder

    record = recorder(options, paths)
    replayed = record.replay() if record is not None else None
    if replayed is not None:
        result, fail_on = replayed
        return _finish(result, options, fail_on, ())
    from seolint.cli.progress import DelayedProgress, wanted
    from seolint.lint.parallel import available_cpus

    if record is not None:
        record.start()
    try:
        settings = Settings(overrides, options.config_path, use_cache=not options.no_cache)
        run_config = settings.config_for(Path.cwd())
        settings.plan_for(run_config)  # a broken config stops the run before any file is read
        if options.show_settings:
            from seolint.cli.show import show_settings

            show_settings(settings, paths[0])
            return EXIT_CLEAN
        stdin_filename = options.stdin_filename
        stdin_format = format_for(stdin_filename, run_config.extension_map) if stdin_filename else None
        if stdin_filename and stdin_format is None:
            fail(f"--stdin-filename {stdin_filename}: unsupported file type")
        stdin = runner.Stdin(stdin_filename or "-", stdin_format)
        jobs = options.jobs or available_cpus()
        if (options.fix or options.diff) and options.diff_base is not None:
            fail("--diff-base reports on a change; it cannot be combined with --fix or --diff")
        if options.fix or options.diff:  # fixing never reads or writes the cache
            from seolint.fix import run as fixing_run

            mode = fixing_run.Mode(unsafe=options.unsafe_fixes, diff=options.diff)
            fixed = fixing_run.run(paths, settings, stdin, mode, jobs)
            if fixed.exit_code is not None:  # --diff, or stdin: the output is already written
                return fixed.exit_code
            result = fixed.result
        else:
            terminal = "rich" if options.output_file is not None else options.output_format
            show = wanted(terminal, sys.stderr, options.no_progress or options.statistics)
            with DelayedProgress(sys.stderr) as progress:
                if options.diff_base is not None:
                    result = _changed(paths, settings, options.diff_base, jobs, progress if show else None)
                else:
                    result = runner.run(paths, settings, jobs, stdin, progress if show else None)
    except ConfigError as error:
        fail(str(error))
    if record is not None:
        record.finish(result, settings, run_config.fail_on)
    return _finish(result, options, run_config.fail_on, settings.known_rules())


def _finish(result: RunResult, options: CheckOptions, fail_on: Severity, rules: Sequence[Rule]) -> int:
    """Apply or write the baseline, report, and give the exit code."""
    from seolint.report import ReportOptions, color_wanted

    exit_zero = options.exit_zero
    if options.write_baseline is not None or options.baseline_path is not None:
        result = _baseline(result, options.write_baseline, options.baseline_path)
        exit_zero = exit_zero or options.write_baseline is not None
    report_options = ReportOptions(
        color=not options.no_color and color_wanted(sys.stdout),
        quiet=options.quiet,
        fail_on=fail_on,
        rules=tuple(rules),
    )
    _report(result, options, report_options)
    return _exit_code(result, fail_on, exit_zero)


def _changed(
    paths: list[str], settings: Settings, revision: str, jobs: int, progress: Progress | None
) -> RunResult:
    """The findings of the change since `revision` (`--diff-base`)."""
    from seolint.discover.changes import ChangesError, changes_since
    from seolint.lint import changed

    if "-" in paths:
        fail("--diff-base: reads changes from git, not a draft from standard input")
    try:
        changes = changes_since(revision, Path.cwd())
    except ChangesError as error:
        fail(f"--diff-base: {error}")
    return changed.run(paths, settings, changes, jobs, progress)


def _overrides(options: CheckOptions) -> Overrides:
    """What the command line changes in every config, checked before any config is read."""
    from seolint.config.files import parse_size
    from seolint.discover.reading import check_encoding
    from seolint.findings.records import Severity
    from seolint.lint.settings import Overrides

    if options.select is not None and not _split(options.select):
        fail("--select: names no rule, so nothing would be checked (use codes, names, prefixes or ALL)")
    encoding, max_file_size = options.encoding, options.max_file_size
    return Overrides(
        select=tuple(_split(options.select)) if options.select is not None else None,
        ignore=tuple(_split(options.ignore)),
        fail_on=Severity.parse(options.fail_on) if options.fail_on is not None else None,
        respect_gitignore=options.respect_gitignore,
        force_exclude=True if options.force_exclude else None,
        encoding=_checked("--encoding", check_encoding, encoding) if encoding is not None else None,
        max_file_size=_checked("--max-file-size", parse_size, max_file_size) if max_file_size else None,
        report_unused_suppressions=options.report_unused_suppressions,
        site_checks=False if options.no_site else None,
        extend_exclude=tuple(_split(options.extend_exclude)),
    )


def _split(values: list[str] | None) -> list[str]:
    return [item.strip() for value in values or [] for item in value.split(",") if item.strip()]


def _checked(option: str, convert: Callable[[str], T], value: str) -> T:
    try:
        return convert(value)
    except ValueError as error:
        fail(f"{option}: {error}")


def _baseline(result: RunResult, write_to: Path | None, read_from: Path | None) -> RunResult:
    """Write a baseline, or hide what one accepts; the summary goes to stderr."""
    from seolint.lint import baseline

    try:
        if write_to is not None:
            count = baseline.write(result, write_to)
            sys.stderr.write(f"seolint: wrote {count} findings to baseline {write_to}\n")
            return result
        assert read_from is not None
        outcome = baseline.apply(result, read_from)
    except baseline.BaselineError as error:
        fail(str(error))
    note = f"seolint: baseline {read_from}: {outcome.hidden} known findings hidden"
    if outcome.stale:
        note += f"; {outcome.stale} entries no longer match (fixed): --write-baseline again to shrink it"
    sys.stderr.write(note + "\n")
    return outcome.result


def _report(result: RunResult, options: CheckOptions, report_options: ReportOptions) -> None:
    """The chosen format to stdout, or to --output-file with the rich report (or statistics) on stdout.

    A report that cannot be written raises OSError, which `main` turns into one line and exit 2.
    """
    from seolint.report import reporter
    from seolint.report.printable import printable, printable_name

    for error in result.errors:
        sys.stderr.write(f"{printable_name(error.path)}: error: {printable(error.message)}\n")
        if options.debug and error.detail:
            sys.stderr.write(error.detail.rstrip() + "\n")
    output_format, output_file, statistics = options.output_format, options.output_file, options.statistics
    if output_file is not None:
        try:
            with output_file.open("w", encoding="utf-8", newline="\n") as stream:
                reporter(output_format)(result, stream, report_options._replace(color=False))
        except OSError as error:
            fail(f"--output-file {output_file}: {error.strerror or error}")
    terminal = "statistics" if statistics else "rich" if output_file is not None else output_format
    if statistics and output_format == "json" and output_file is None:
        from seolint.report.json import statistics_report as print_report
    else:
        print_report = reporter(terminal)
    print_report(result, sys.stdout, report_options)


def _exit_code(result: RunResult, fail_on: Severity, exit_zero: bool) -> int:
    if result.errors:
        return EXIT_ERROR
    if exit_zero:
        return EXIT_CLEAN
    failing = any(f.severity >= fail_on for f in result.findings)
    return EXIT_FINDINGS if failing else EXIT_CLEAN


CHECK = Command(
    "check",
    run,
    add_options,
    Operand("paths", "PATH", "Files or folders to lint; `-` reads standard input.", many=True),
)
