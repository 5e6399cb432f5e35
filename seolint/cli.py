"""The command line: parse options, resolve settings, run the pipeline, pick a reporter.

Heavy modules (parsers, rules, Rich) are imported inside the commands, so
`seolint --version` and `--help` start in a few tens of milliseconds.

No `from __future__ import annotations` here: typer reads every command's signature on
every run, and string annotations would be compiled and evaluated again each time (4 %
of checking one post); names imported only for type checking are quoted instead.
"""

import dataclasses
import enum
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, NoReturn, Optional, TypeVar

import typer

from seolint import __version__

if TYPE_CHECKING:
    from collections.abc import Sequence

    from seolint.config import Config
    from seolint.findings import RunResult
    from seolint.registry import Rule, RuleSet
    from seolint.report import ReportOptions
    from seolint.settings import Settings

app = typer.Typer(
    name="seolint",
    help="Lint blog drafts (Markdown, HTML, plain text) for SEO and publish-readiness.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,  # click's plain help: wraps within 80 columns, prints `[default: ...]` as is
    context_settings={"help_option_names": ["-h", "--help"]},
)

EXIT_CLEAN, EXIT_FINDINGS, EXIT_ERROR = 0, 1, 2
EXIT_INTERRUPTED = 130  # 128 + SIGINT, as shells report it
T = TypeVar("T")


class OutputFormat(str, enum.Enum):
    rich = "rich"
    text = "text"
    concise = "concise"
    json = "json"
    sarif = "sarif"
    github = "github"
    junit = "junit"
    html = "html"


class Level(str, enum.Enum):
    error = "error"
    warning = "warning"
    info = "info"


def _version(value: bool) -> None:
    if value:
        typer.echo(f"seolint {__version__}")
        raise typer.Exit()


@app.callback()
def main_options(
    version: Annotated[
        bool, typer.Option("--version", callback=_version, is_eager=True, help="Show the version and exit.")
    ] = False,
) -> None:
    """seolint: is this draft ready to publish?"""
    try:
        Path.cwd()
    except FileNotFoundError:
        fail("the working directory no longer exists")


def fail(message: str) -> NoReturn:
    typer.echo(f"seolint: error: {message}", err=True)
    raise typer.Exit(EXIT_ERROR)


def _split(values: list[str] | None) -> list[str]:
    return [item.strip() for value in values or [] for item in value.split(",") if item.strip()]


def _load_config(config_path: Path | None) -> "Config":
    from seolint import config as config_module

    try:
        path = config_path if config_path is not None else config_module.discover(Path.cwd())
        if config_path is not None and not config_path.is_file():
            fail(f"{config_path}: config file not found")
        return config_module.load(path)
    except config_module.ConfigError as error:
        fail(str(error))


@app.command()
def check(
    paths: Annotated[
        Optional[list[str]], typer.Argument(help="Files or folders to lint; `-` reads standard input.")
    ] = None,
    output_format: Annotated[
        OutputFormat, typer.Option("--format", help="Report format.")
    ] = OutputFormat.rich,
    select: Annotated[
        Optional[list[str]],
        typer.Option(
            metavar="CODES", help="Only these rules: codes, names, prefixes (H) or ALL; comma-separated."
        ),
    ] = None,
    ignore: Annotated[
        Optional[list[str]],
        typer.Option(metavar="CODES", help="Skip these rules (added to the config's ignore)."),
    ] = None,
    config_path: Annotated[
        Optional[Path],
        typer.Option("--config", metavar="FILE", help="Use this config file instead of searching for one."),
    ] = None,
    fail_on: Annotated[
        Optional[Level], typer.Option(help="Lowest severity that fails the run.  [default: error]")
    ] = None,
    exit_zero: Annotated[
        bool, typer.Option("--exit-zero", help="Exit 0 even when there are findings.")
    ] = False,
    no_color: Annotated[bool, typer.Option("--no-color", help="Plain output without colour.")] = False,
    quiet: Annotated[
        bool, typer.Option("--quiet", "-q", help="Only show findings (no outline, stats or clean files).")
    ] = False,
    stdin_filename: Annotated[
        Optional[str],
        typer.Option(
            metavar="NAME", help="Name (and so format) of the draft read from `-`; without it, sniffed."
        ),
    ] = None,
    encoding: Annotated[
        Optional[str],
        typer.Option(metavar="NAME", help="Encoding of drafts without a BOM.  [default: utf-8]"),
    ] = None,
    max_file_size: Annotated[
        Optional[str],
        typer.Option(metavar="SIZE", help="Refuse larger drafts, e.g. 10MB.  [default: 10MB]"),
    ] = None,
    debug: Annotated[bool, typer.Option("--debug", help="Show tracebacks of internal errors.")] = False,
    respect_gitignore: Annotated[
        Optional[bool],
        typer.Option(
            "--respect-gitignore/--no-respect-gitignore",
            help="Skip files git ignores when walking folders.  [default: respect]",
        ),
    ] = None,
    output_file: Annotated[
        Optional[Path],
        typer.Option(
            "--output-file",
            "-o",
            metavar="FILE",
            help="Write the --format report to this file; the terminal gets the rich one.",
        ),
    ] = None,
    statistics: Annotated[
        bool,
        typer.Option(
            "--statistics",
            help="Show how many findings each rule produced instead (JSON with --format json).",
        ),
    ] = False,
    write_baseline: Annotated[
        Optional[Path],
        typer.Option("--write-baseline", metavar="FILE", help="Record current findings as accepted; exit 0."),
    ] = None,
    baseline_path: Annotated[
        Optional[Path],
        typer.Option("--baseline", metavar="FILE", help="Hide findings recorded in this baseline file."),
    ] = None,
    report_unused_suppressions: Annotated[
        bool,
        typer.Option(
            "--report-unused-suppressions", help="Report suppressions that silenced nothing (X002)."
        ),
    ] = False,
    jobs: Annotated[
        Optional[int],
        typer.Option("--jobs", "-j", min=1, metavar="N", help="Worker processes.  [default: CPU count]"),
    ] = None,
    no_cache: Annotated[
        bool, typer.Option("--no-cache", help="Neither read nor write .seolint_cache/.")
    ] = False,
    force_exclude: Annotated[
        bool,
        typer.Option("--force-exclude", help="Apply excludes to files named on the command line too."),
    ] = False,
    show_site: Annotated[
        bool, typer.Option("--show-site", help="Show the site generator detected for each path, and why.")
    ] = False,
    no_progress: Annotated[
        bool, typer.Option("--no-progress", help="No progress bar (shown on long runs in a terminal).")
    ] = False,
    show_settings: Annotated[
        bool,
        typer.Option(
            "--show-settings", help="Print the effective settings for the first path (a file) and exit."
        ),
    ] = False,
    fix: Annotated[bool, typer.Option("--fix", help="Apply safe fixes, then report what remains.")] = False,
    unsafe_fixes: Annotated[
        bool, typer.Option("--unsafe-fixes", help="With --fix or --diff, apply unsafe fixes too.")
    ] = False,
    diff: Annotated[
        bool, typer.Option("--diff", help="Print the fixes as a unified diff, change nothing; exit 1 if any.")
    ] = False,
    no_site: Annotated[
        bool, typer.Option("--no-site", help="Skip the site-wide checks (W rules) across a site's pages.")
    ] = False,
) -> None:
    """Lint drafts and report what to fix before publishing."""
    from seolint import runner
    from seolint.config import ConfigError, parse_size
    from seolint.findings import Severity
    from seolint.parse import format_for
    from seolint.reading import check_encoding
    from seolint.report import ReportOptions, color_wanted
    from seolint.settings import Overrides, Settings

    if config_path is not None and not config_path.is_file():
        fail(f"{config_path}: config file not found")
    if select is not None and not _split(select):
        fail("--select: names no rule, so nothing would be checked (use codes, names, prefixes or ALL)")
    overrides = Overrides(
        select=tuple(_split(select)) if select is not None else None,
        ignore=tuple(_split(ignore)),
        fail_on=Severity.parse(fail_on.value) if fail_on is not None else None,
        respect_gitignore=respect_gitignore,
        force_exclude=True if force_exclude else None,
        encoding=_checked("--encoding", check_encoding, encoding) if encoding is not None else None,
        max_file_size=_checked("--max-file-size", parse_size, max_file_size) if max_file_size else None,
        report_unused_suppressions=report_unused_suppressions,
        site_checks=False if no_site else None,
    )
    if show_site:
        _show_sites(paths or ["."], config_path)
        raise typer.Exit(EXIT_CLEAN)
    from seolint.parallel import available_cpus
    from seolint.progress import DelayedProgress, wanted

    try:
        settings = Settings(overrides, config_path, use_cache=not no_cache)
        run_config = settings.config_for(Path.cwd())
        settings.plan_for(run_config)  # a broken config stops the run before any file is read
        if show_settings:
            _show_settings(settings, (paths or ["."])[0])
            raise typer.Exit(EXIT_CLEAN)
        stdin_format = format_for(stdin_filename, run_config.extension_map) if stdin_filename else None
        if stdin_filename and stdin_format is None:
            fail(f"--stdin-filename {stdin_filename}: unsupported file type")
        stdin = runner.Stdin(stdin_filename or "-", stdin_format)
        terminal = "rich" if output_file is not None else output_format.value
        show = wanted(terminal, sys.stderr, no_progress or statistics)
        if fix or diff:  # fixing never reads or writes the cache
            from seolint import fixing_run

            mode = fixing_run.Mode(unsafe=unsafe_fixes, diff=diff)
            fixed = fixing_run.run(paths or ["."], settings, stdin, mode, jobs or available_cpus())
            if fixed.exit_code is not None:  # --diff, or stdin: the output is already written
                raise typer.Exit(fixed.exit_code)
            result = fixed.result
        else:
            with DelayedProgress(sys.stderr) as progress:
                result = runner.run(
                    paths or ["."], settings, jobs or available_cpus(), stdin, progress if show else None
                )
    except ConfigError as error:
        fail(str(error))
    except KeyboardInterrupt:  # workers ignore Ctrl-C; one line here instead of their tracebacks
        typer.echo("seolint: interrupted", err=True)
        raise typer.Exit(EXIT_INTERRUPTED) from None
    if write_baseline is not None or baseline_path is not None:
        result = _baseline(result, write_baseline, baseline_path)
        exit_zero = exit_zero or write_baseline is not None
    options = ReportOptions(
        color=not no_color and color_wanted(sys.stdout),
        quiet=quiet,
        fail_on=run_config.fail_on,
        rules=settings.known_rules(),
    )
    _report(result, output_format, options, debug, output_file, statistics)
    raise typer.Exit(_exit_code(result, run_config.fail_on, exit_zero))


def _show_sites(paths: "Sequence[str]", config_path: Path | None) -> None:
    """What site each path belongs to (sites below a folder too), as `--show-site` prints it."""
    from seolint.config import ConfigError
    from seolint.settings import Overrides, Settings
    from seolint.site import find_sites

    settings = Settings(Overrides(), config_path, use_cache=False)
    for given in paths:
        path = Path(given)
        try:
            site = settings.site_for(path)
            generator = settings.config_for(path if path.is_dir() else path.parent).generator
        except ConfigError as error:
            fail(str(error))
        sites = [site] if site is not None else find_sites(path, generator) if path.is_dir() else []  # type: ignore[arg-type]
        typer.echo(f"{given}:")
        for found in sites:
            typer.echo("  " + found.describe().replace("\n", "\n  "))
        if not sites:
            typer.echo("  no site generator found: every draft is linted as a plain file")


def _show_settings(settings: "Settings", path: str) -> None:
    """What `path` is linted with, as TOML a config could hold (ruff's --show-settings)."""
    target = Path(path)
    folder = target if target.is_dir() else target.parent
    config = settings.config_for(folder)
    plan = settings.plan_for(config).for_path(path)
    lines = [
        f"# settings for {path}",
        f"# config file: {config.source or 'none (defaults)'}",
        f"select = {_toml_value(list(config.select) if config.select is not None else ['ALL'])}",
        f"ignore = {_toml_value(list(config.ignore))}",
        f"fail-on = {_toml_value(config.fail_on.label)}",
        f"encoding = {_toml_value(config.encoding)}",
        f"max-file-size = {config.max_file_size}",
        f"respect-gitignore = {_toml_value(config.respect_gitignore)}",
        f"content-selector = {_toml_value(config.content_selector)}",
        f"site-domains = {_toml_value(list(config.site_domains))}",
        "extension-map = {"
        + ", ".join(f"{_toml_value(k)} = {_toml_value(v)}" for k, v in sorted(config.extension_map.items()))
        + "}",
    ]
    for active in plan.rules:
        lines += [
            "",
            f"[rules.{active.rule.code}]  # {active.rule.name}",
            f"severity = {_toml_value(active.severity.label)}",
        ]
        for field in dataclasses.fields(active.options):
            lines.append(
                f"{field.name.replace('_', '-')} = {_toml_value(getattr(active.options, field.name))}"
            )
    typer.echo("\n".join(lines))


def _baseline(result: "RunResult", write_to: Path | None, read_from: Path | None) -> "RunResult":
    """Write a baseline, or hide what one accepts; the summary goes to stderr."""
    from seolint import baseline

    try:
        if write_to is not None:
            count = baseline.write(result, write_to)
            typer.echo(f"seolint: wrote {count} findings to baseline {write_to}", err=True)
            return result
        assert read_from is not None
        outcome = baseline.apply(result, read_from)
    except baseline.BaselineError as error:
        fail(str(error))
    note = f"seolint: baseline {read_from}: {outcome.hidden} known findings hidden"
    if outcome.stale:
        note += f"; {outcome.stale} entries no longer match (fixed): --write-baseline again to shrink it"
    typer.echo(note, err=True)
    return outcome.result


def _checked(option: str, convert: Callable[[str], T], value: str) -> T:
    try:
        return convert(value)
    except ValueError as error:
        fail(f"{option}: {error}")


def _report(
    result: "RunResult",
    output_format: OutputFormat,
    options: "ReportOptions",
    debug: bool,
    output_file: Path | None,
    statistics: bool,
) -> None:
    """The chosen format to stdout, or to --output-file with the rich report (or statistics) on stdout."""
    from seolint.report import reporter

    for error in result.errors:
        typer.echo(f"{error.path}: error: {error.message}", err=True)
        if debug and error.detail:
            typer.echo(error.detail.rstrip(), err=True)
    if output_file is not None:
        try:
            with output_file.open("w", encoding="utf-8", newline="\n") as stream:
                reporter(output_format.value)(result, stream, options._replace(color=False))
        except OSError as error:
            fail(f"--output-file {output_file}: {error.strerror or error}")
    terminal = "statistics" if statistics else "rich" if output_file is not None else output_format.value
    if statistics and output_format is OutputFormat.json and output_file is None:
        from seolint.report.json import statistics_report as print_report
    else:
        print_report = reporter(terminal)
    try:
        print_report(result, sys.stdout, options)
        sys.stdout.flush()
    except OSError as error:  # typer would turn a closed pipe into exit 1, "findings"
        raise typer.Exit(_output_failed(error)) from None


def _exit_code(result: "RunResult", fail_on: object, exit_zero: bool) -> int:
    if result.errors:
        return EXIT_ERROR
    if exit_zero:
        return EXIT_CLEAN
    failing = any(f.severity >= fail_on for f in result.findings)  # type: ignore[operator]
    return EXIT_FINDINGS if failing else EXIT_CLEAN


class RulesFormat(str, enum.Enum):
    rich = "rich"
    markdown = "markdown"
    json = "json"


@app.command("rules")
def list_rules(
    output_format: Annotated[
        RulesFormat, typer.Option("--format", help="Table for people, Markdown for docs, or JSON.")
    ] = RulesFormat.rich,
) -> None:
    """List every rule: code, name, default severity and summary."""
    rules = _known_rules().rules
    if output_format is RulesFormat.json:
        import json

        rows = [
            {
                "code": r.code,
                "name": r.name,
                "severity": r.severity.label,
                "summary": r.summary,
                "options": r.option_defaults(),
            }
            for r in rules
        ]
        typer.echo(json.dumps(rows, indent=2))
    elif output_format is RulesFormat.markdown:
        typer.echo(rules_markdown_table(rules))
    else:
        from rich.console import Console
        from rich.table import Table

        table = Table(box=None, header_style="bold")
        for column in ("code", "name", "severity", "summary"):
            table.add_column(column)
        for r in rules:
            table.add_row(r.code, r.name, r.severity.label, r.summary)
        Console().print(table)


def _known_rules() -> "RuleSet":
    """Built-in rules plus the packs named by the config found from here."""
    from seolint.catalog import known_rules
    from seolint.config import ConfigError

    try:
        return known_rules(_load_config(None))
    except ConfigError as error:
        fail(str(error))


def rules_markdown_table(rules: "Sequence[Rule]") -> str:
    """The README's rule table (tests keep the README equal to this)."""
    lines = ["| code | name | severity | summary |", "| --- | --- | --- | --- |"]
    lines += [f"| {r.code} | `{r.name}` | {r.severity.label} | {r.summary} |" for r in rules]
    return "\n".join(lines)


@app.command()
def explain(
    rule_name: Annotated[str, typer.Argument(metavar="CODE|NAME", help="A rule code or name.")],
) -> None:
    """Explain a rule: what it checks, why, an example, and its options."""
    from seolint.registry import RuleError

    try:
        found = _known_rules().get(rule_name)
    except RuleError as error:
        fail(f"{error} (`seolint rules` lists them)")
    typer.echo(f"{found.code} {found.name} [{found.severity.label}]\n")
    typer.echo(found.doc)
    defaults = found.option_defaults()
    typer.echo("\nOptions" + (f" ([tool.seolint.rules.{found.code}]):" if defaults else ": none"))
    for key, value in defaults.items():
        typer.echo(f"  {key} = {_toml_value(value)}")


def _toml_value(value: object) -> str:
    import json
    import re

    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (tuple, list)):
        return "[" + ", ".join(_toml_value(v) for v in value) + "]"
    if isinstance(value, re.Pattern):
        return json.dumps(value.pattern)
    if value is None:
        return '""  # not set'
    return json.dumps(value, ensure_ascii=False, default=str)


INIT_FILE = ".seolint.toml"
INIT_TEMPLATE = """\
# seolint configuration for the drafts in this folder and below (`seolint init` wrote it).
# In pyproject.toml the same keys go under [tool.seolint]; here they are top-level.
# Every rule and its options: `seolint rules`, `seolint explain CODE`.

# select = ["ALL"]               # codes (H003), names (heading-skip), prefixes (H) or ALL
# ignore = []
fail-on = "error"                # lowest severity that fails a run: error | warning | info
# extend-exclude = ["drafts/archive"]  # globs, relative to this file's folder
# extension-map = { ".mdx" = "markdown", ".qmd" = "markdown" }
{site}
# [severity]
# multiple-h1 = "warning"

# [per-file-ignores]
# "notes/*" = ["H001"]

# [rules.M006]                   # per-rule options
# min-words = 300
"""
# Until the site generator can be detected (seolint.site, in progress), these stay
# commented out; detection will fill in the generator's content selector and domain.
UNDETECTED_SITE = """\
# content-selector = "article"   # HTML: where the post body is
# site-domains = ["example.com"] # hosts that count as internal links (L002)
"""


@app.command()
def init() -> None:
    """Write a commented .seolint.toml here (never overwrites one)."""
    target = Path.cwd() / INIT_FILE
    if target.exists() or target.is_symlink():
        fail(f"{target}: already exists; edit it, or delete it to start again")
    try:
        with target.open("x", encoding="utf-8", newline="\n") as stream:
            stream.write(INIT_TEMPLATE.replace("{site}", UNDETECTED_SITE))
    except OSError as error:
        fail(f"{target}: cannot write: {error.strerror or error}")
    typer.echo(f"seolint: wrote {target}")


@app.command()
def server() -> None:
    """Run the language server over stdin/stdout, for editors.

    It needs pygls, from the `server` extra: pip install -e '.[server]' in your clone.
    """
    try:
        from seolint.server import run
    except ImportError as error:
        fail(f"the language server needs pygls ({error}): pip install -e '.[server]' in your seolint clone")
    raise typer.Exit(run())


def main(argv: "Sequence[str] | None" = None) -> int:
    """Run the command line and return its exit code; nothing escapes as a traceback.

    An uncaught error would otherwise exit 1, which CI reads as "findings": here it is
    one line and exit 2 (the traceback with --debug). A report that cannot be written
    (a full disk, a closed pipe) is one line and exit 2 too; Ctrl-C exits 130.
    """
    args = list(sys.argv[1:] if argv is None else argv)
    try:
        app(args, prog_name="seolint")
        code: object = EXIT_CLEAN
    except SystemExit as done:
        code = EXIT_CLEAN if done.code is None else done.code
    except OSError as error:
        code = _output_failed(error)
    except Exception as error:
        from seolint.pipeline import describe, trace

        sys.stderr.write(f"seolint: internal error: {describe(error)} (run with --debug for details)\n")
        if "--debug" in args:
            sys.stderr.write(trace(error))
        code = EXIT_ERROR
    try:
        sys.stdout.flush()
    except OSError as error:
        code = _output_failed(error)
    return code if isinstance(code, int) else EXIT_ERROR


def _output_failed(error: OSError) -> int:
    _silence_stdout()
    sys.stderr.write(f"seolint: error: cannot write output: {error.strerror or error}\n")
    return EXIT_ERROR


def _silence_stdout() -> None:
    """Point stdout at the null device, so the interpreter's last flush cannot fail again."""
    import os

    try:
        null = os.open(os.devnull, os.O_WRONLY)
        os.dup2(null, sys.stdout.fileno())
    except (OSError, ValueError):
        pass
