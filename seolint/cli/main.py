"""The command line: parse options, resolve settings, run the pipeline, pick a reporter.

Options are read with the standard library's argparse, and only the invoked command's
parser is built; heavy modules (parsers, rules, Rich) are imported inside the commands,
so `seolint --help` starts in a few tens of milliseconds.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any, NoReturn, TypeVar

from seolint import __version__

if TYPE_CHECKING:
    from argparse import _ArgumentGroup as Group
    from collections.abc import Callable, Iterable, Sequence

    from seolint.config.files import Config
    from seolint.findings.records import RunResult
    from seolint.lint.settings import Settings
    from seolint.registry.rule import Rule, RuleSet
    from seolint.report import ReportOptions

EXIT_CLEAN, EXIT_FINDINGS, EXIT_ERROR = 0, 1, 2
EXIT_INTERRUPTED = 130  # 128 + SIGINT, as shells report it
T = TypeVar("T")

DESCRIPTION = "Lint blog drafts (Markdown, HTML, plain text) for SEO and publish-readiness."
FORMATS = ("rich", "text", "concise", "json", "sarif", "github", "junit", "html")
LEVELS = ("error", "warning", "info")
RULES_FORMATS = ("rich", "markdown", "json")


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line and return its exit code; nothing escapes as a traceback.

    An uncaught error would otherwise exit 1, which CI reads as "findings": here it is
    one line and exit 2 (the traceback with --debug). A report that cannot be written
    (a full disk, a closed pipe) is one line and exit 2 too; Ctrl-C exits 130.
    """
    args = list(sys.argv[1:] if argv is None else argv)
    try:
        code: object = _dispatch(args)
    except SystemExit as done:
        code = EXIT_CLEAN if done.code is None else done.code
    except KeyboardInterrupt:  # workers ignore Ctrl-C; one line here instead of their tracebacks
        sys.stderr.write("seolint: interrupted\n")
        code = EXIT_INTERRUPTED
    except OSError as error:
        code = _output_failed(error)
    except Exception as error:
        from seolint.lint.pipeline import describe, trace

        sys.stderr.write(f"seolint: internal error: {describe(error)} (run with --debug for details)\n")
        if "--debug" in args:
            sys.stderr.write(trace(error))
        code = EXIT_ERROR
    try:
        sys.stdout.flush()
    except OSError as error:
        code = _output_failed(error)
    return code if isinstance(code, int) else EXIT_ERROR


def _dispatch(args: list[str]) -> int:
    """Run the command named first; `seolint -h` and `seolint --version` need none."""
    if not args:  # the help, on stderr, as a usage error
        top_parser().print_help(sys.stderr)
        return EXIT_ERROR
    name, rest = args[0], args[1:]
    if name in ("-h", "--help"):
        top_parser().print_help()
        return EXIT_CLEAN
    if name == "--version":
        print(f"seolint {__version__}")
        return EXIT_CLEAN
    if name.startswith("-"):
        unknown("option", name, ["-h", "--help", "--version"], "seolint")
    if name not in COMMANDS:
        unknown("command", name, COMMANDS, "seolint")
    command = COMMANDS[name]
    arguments = parse(name, rest)
    try:
        Path.cwd()
    except FileNotFoundError:
        fail("the working directory no longer exists")
    return command.run(**arguments)


def fail(message: str) -> NoReturn:
    sys.stderr.write(f"seolint: error: {message}\n")
    raise SystemExit(EXIT_ERROR)


def unknown(kind: str, word: str, known: Iterable[str], prog: str) -> NoReturn:
    """A usage error for a misspelt option or command: the closest one, or where to look."""
    from seolint.registry.suggest import did_you_mean

    hint = did_you_mean(word.partition("=")[0], known) or f" (`{prog} -h` lists them)"
    fail(f"unknown {kind} {word!r}{hint}")


# --- parsing -------------------------------------------------------------------------------
# Operand and Command are plain classes: a NamedTuple or dataclass costs ~0.2 ms to define.


class Operand:
    """What a command takes besides options: any number of PATHs, or exactly one CODE|NAME."""

    __slots__ = ("help", "many", "metavar", "name")

    def __init__(self, name: str, metavar: str, help: str, many: bool) -> None:
        self.name = name  # the command function's parameter
        self.metavar = metavar
        self.help = help
        self.many = many


class Command:
    """A command: the function it runs (its docstring is its help) and what it takes."""

    __slots__ = ("add_options", "operand", "run")

    def __init__(
        self,
        run: Callable[..., int],
        add_options: Callable[[Group], None] | None = None,
        operand: Operand | None = None,
    ) -> None:
        self.run = run
        self.add_options = add_options
        self.operand = operand

    @property
    def summary(self) -> str:
        """The docstring's first paragraph: what `seolint -h` lists."""
        return (self.run.__doc__ or "").partition("\n\n")[0]

    @property
    def details(self) -> str | None:
        """The rest of the docstring, shown below the command's options."""
        return (self.run.__doc__ or "").partition("\n\n")[2] or None


class Parser(argparse.ArgumentParser):
    """argparse with seolint's usage errors: one `seolint: error: ...` line and exit 2."""

    def error(self, message: str) -> NoReturn:
        fail(message.removeprefix("argument "))


class HelpFormatter(argparse.HelpFormatter):
    """argparse's help, at most 80 columns wide, under a `Usage:` line as other tools print it."""

    def __init__(self, prog: str) -> None:
        import shutil

        width = min(shutil.get_terminal_size().columns, 80) - 2
        super().__init__(prog, max_help_position=32, width=width)

    def add_usage(
        self,
        usage: str | None,
        actions: Iterable[argparse.Action],
        groups: Iterable[argparse._MutuallyExclusiveGroup],
        prefix: str | None = None,
    ) -> None:
        super().add_usage(usage, actions, groups, "Usage: ")


def new_parser(prog: str, usage: str, description: str, epilog: str | None = None) -> Parser:
    return Parser(
        prog=prog,
        usage=f"%(prog)s {usage}",
        description=description,
        epilog=epilog,
        formatter_class=HelpFormatter,
        add_help=False,
        allow_abbrev=False,  # `--sel` is not `--select`: a new option must not change what old scripts mean
    )


def top_parser() -> Parser:
    """`seolint -h`: the commands and the two options that need none."""
    parser = new_parser("seolint", "[OPTIONS] COMMAND [ARGS]...", DESCRIPTION)
    commands = parser.add_argument_group("Commands")
    for name, command in COMMANDS.items():  # listed as arguments so argparse lays them out like options
        commands.add_argument(name, help=command.summary)
    options = parser.add_argument_group("Options")
    options.add_argument("--version", action="store_true", help="Show the version and exit.")
    options.add_argument("-h", "--help", action="store_true", help="Show this message and exit.")
    return parser


def command_parser(name: str) -> Parser:
    """The parser of one command, built only when that command runs."""
    command = COMMANDS[name]
    operand = command.operand
    usage = "[OPTIONS]"
    if operand is not None:
        usage += f" [{operand.metavar}]..." if operand.many else f" {operand.metavar}"
    parser = new_parser(f"seolint {name}", usage, command.summary, command.details)
    if operand is not None:  # any number here: `parse` counts them, after adding those past `--`
        arguments = parser.add_argument_group("Arguments")
        arguments.add_argument(operand.name, nargs="*", metavar=operand.metavar, help=operand.help)
    options = parser.add_argument_group("Options")
    if command.add_options is not None:
        command.add_options(options)
    options.add_argument("-h", "--help", action="help", help="Show this message and exit.")
    return parser


def parse(name: str, args: list[str]) -> dict[str, Any]:
    """The keyword arguments of command `name` from its command line.

    Options and operands may come in any order (`check a.md -q b.md`), and everything
    after `--` is an operand. argparse's intermixed parsing loses an operand that follows
    a leading `--` (Python 3.11), so it never sees one.
    """
    parser = command_parser(name)
    end = args.index("--") if "--" in args else len(args)
    options, extras = parser.parse_known_intermixed_args(args[:end])
    for extra in extras:
        if extra.startswith("-") and extra != "-":
            known = [option for action in parser._actions for option in action.option_strings]
            unknown("option", extra, known, parser.prog)
    operand = COMMANDS[name].operand
    arguments = vars(options)
    words = [*(arguments.pop(operand.name) if operand else extras), *args[end + 1 :]]
    if operand is not None and operand.many:
        arguments[operand.name] = words
        return arguments
    if operand is not None:
        if not words:
            fail(f"missing {operand.metavar} (`{parser.prog} -h` shows the usage)")
        arguments[operand.name] = words.pop(0)
    if words:
        fail(f"unexpected argument {words[0]!r} (`{parser.prog} -h` shows the usage)")
    return arguments


def one_of(choices: tuple[str, ...]) -> Callable[[str], str]:
    """An option value that must be one of `choices` (a misspelt one gets a suggestion)."""

    def checked(value: str) -> str:
        if value in choices:
            return value
        from seolint.registry.suggest import did_you_mean

        listed = ", ".join(choices)
        raise argparse.ArgumentTypeError(f"{value!r} is not one of {listed}{did_you_mean(value, choices)}")

    return checked


def worker_count(value: str) -> int:
    try:
        count = int(value)
    except ValueError:
        count = 0
    if count < 1:
        raise argparse.ArgumentTypeError(f"must be a whole number of at least 1, not {value!r}")
    return count


def choices_metavar(choices: tuple[str, ...]) -> str:
    return "<" + "|".join(choices) + ">"


# --- check ---------------------------------------------------------------------------------


def check_options(options: Group) -> None:
    add = options.add_argument
    add(
        "--format",
        dest="output_format",
        type=one_of(FORMATS),
        default="rich",
        metavar=choices_metavar(FORMATS),
        help="Report format.  [default: rich]",
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


def check(
    paths: list[str],
    output_format: str,
    select: list[str] | None,
    ignore: list[str] | None,
    config_path: Path | None,
    fail_on: str | None,
    exit_zero: bool,
    no_color: bool,
    quiet: bool,
    stdin_filename: str | None,
    encoding: str | None,
    max_file_size: str | None,
    debug: bool,
    respect_gitignore: bool | None,
    output_file: Path | None,
    statistics: bool,
    write_baseline: Path | None,
    baseline_path: Path | None,
    report_unused_suppressions: bool,
    jobs: int | None,
    no_cache: bool,
    force_exclude: bool,
    show_site: bool,
    no_progress: bool,
    show_settings: bool,
    fix: bool,
    unsafe_fixes: bool,
    diff: bool,
    no_site: bool,
) -> int:
    """Lint drafts and report what to fix before publishing."""
    from seolint.config.files import ConfigError, parse_size
    from seolint.discover.reading import check_encoding
    from seolint.discover.source import format_for
    from seolint.findings.records import Severity
    from seolint.lint import runner
    from seolint.lint.settings import Overrides, Settings
    from seolint.report import ReportOptions, color_wanted

    if config_path is not None and not config_path.is_file():
        fail(f"{config_path}: config file not found")
    if select is not None and not _split(select):
        fail("--select: names no rule, so nothing would be checked (use codes, names, prefixes or ALL)")
    overrides = Overrides(
        select=tuple(_split(select)) if select is not None else None,
        ignore=tuple(_split(ignore)),
        fail_on=Severity.parse(fail_on) if fail_on is not None else None,
        respect_gitignore=respect_gitignore,
        force_exclude=True if force_exclude else None,
        encoding=_checked("--encoding", check_encoding, encoding) if encoding is not None else None,
        max_file_size=_checked("--max-file-size", parse_size, max_file_size) if max_file_size else None,
        report_unused_suppressions=report_unused_suppressions,
        site_checks=False if no_site else None,
    )
    if show_site:
        _show_sites(paths or ["."], config_path)
        return EXIT_CLEAN
    from seolint.cli.progress import DelayedProgress, wanted
    from seolint.lint.parallel import available_cpus

    try:
        settings = Settings(overrides, config_path, use_cache=not no_cache)
        run_config = settings.config_for(Path.cwd())
        settings.plan_for(run_config)  # a broken config stops the run before any file is read
        if show_settings:
            _show_settings(settings, (paths or ["."])[0])
            return EXIT_CLEAN
        stdin_format = format_for(stdin_filename, run_config.extension_map) if stdin_filename else None
        if stdin_filename and stdin_format is None:
            fail(f"--stdin-filename {stdin_filename}: unsupported file type")
        stdin = runner.Stdin(stdin_filename or "-", stdin_format)
        terminal = "rich" if output_file is not None else output_format
        show = wanted(terminal, sys.stderr, no_progress or statistics)
        if fix or diff:  # fixing never reads or writes the cache
            from seolint.fix import run as fixing_run

            mode = fixing_run.Mode(unsafe=unsafe_fixes, diff=diff)
            fixed = fixing_run.run(paths or ["."], settings, stdin, mode, jobs or available_cpus())
            if fixed.exit_code is not None:  # --diff, or stdin: the output is already written
                return fixed.exit_code
            result = fixed.result
        else:
            with DelayedProgress(sys.stderr) as progress:
                result = runner.run(
                    paths or ["."], settings, jobs or available_cpus(), stdin, progress if show else None
                )
    except ConfigError as error:
        fail(str(error))
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
    return _exit_code(result, run_config.fail_on, exit_zero)


def _split(values: list[str] | None) -> list[str]:
    return [item.strip() for value in values or [] for item in value.split(",") if item.strip()]


def _load_config(config_path: Path | None) -> Config:
    from seolint.config import files as config_module

    try:
        path = config_path if config_path is not None else config_module.discover(Path.cwd())
        if config_path is not None and not config_path.is_file():
            fail(f"{config_path}: config file not found")
        return config_module.load(path)
    except config_module.ConfigError as error:
        fail(str(error))


def _show_sites(paths: Sequence[str], config_path: Path | None) -> None:
    """What site each path belongs to (sites below a folder too), as `--show-site` prints it."""
    from seolint.config.files import ConfigError
    from seolint.lint.settings import Overrides, Settings
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
        print(f"{given}:")
        for found in sites:
            print("  " + found.describe().replace("\n", "\n  "))
        if not sites:
            print("  no site generator found: every draft is linted as a plain file")


def _show_settings(settings: Settings, path: str) -> None:
    """What `path` is linted with, as TOML a config could hold (ruff's --show-settings)."""
    from seolint.registry import options

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
        for field in options.fields(type(active.options)):
            lines.append(
                f"{field.name.replace('_', '-')} = {_toml_value(getattr(active.options, field.name))}"
            )
    print("\n".join(lines))


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


def _checked(option: str, convert: Callable[[str], T], value: str) -> T:
    try:
        return convert(value)
    except ValueError as error:
        fail(f"{option}: {error}")


def _report(
    result: RunResult,
    output_format: str,
    options: ReportOptions,
    debug: bool,
    output_file: Path | None,
    statistics: bool,
) -> None:
    """The chosen format to stdout, or to --output-file with the rich report (or statistics) on stdout.

    A report that cannot be written raises OSError, which `main` turns into one line and exit 2.
    """
    from seolint.report import reporter
    from seolint.report.printable import printable, printable_name

    for error in result.errors:
        sys.stderr.write(f"{printable_name(error.path)}: error: {printable(error.message)}\n")
        if debug and error.detail:
            sys.stderr.write(error.detail.rstrip() + "\n")
    if output_file is not None:
        try:
            with output_file.open("w", encoding="utf-8", newline="\n") as stream:
                reporter(output_format)(result, stream, options._replace(color=False))
        except OSError as error:
            fail(f"--output-file {output_file}: {error.strerror or error}")
    terminal = "statistics" if statistics else "rich" if output_file is not None else output_format
    if statistics and output_format == "json" and output_file is None:
        from seolint.report.json import statistics_report as print_report
    else:
        print_report = reporter(terminal)
    print_report(result, sys.stdout, options)


def _exit_code(result: RunResult, fail_on: object, exit_zero: bool) -> int:
    if result.errors:
        return EXIT_ERROR
    if exit_zero:
        return EXIT_CLEAN
    failing = any(f.severity >= fail_on for f in result.findings)  # type: ignore[operator]
    return EXIT_FINDINGS if failing else EXIT_CLEAN


# --- rules, explain ------------------------------------------------------------------------


def rules_options(options: Group) -> None:
    options.add_argument(
        "--format",
        dest="output_format",
        type=one_of(RULES_FORMATS),
        default="rich",
        metavar=choices_metavar(RULES_FORMATS),
        help="Table for people, Markdown for docs, or JSON.  [default: rich]",
    )


def list_rules(output_format: str) -> int:
    """List every rule: code, name, default severity and summary."""
    rules = _known_rules().rules
    if output_format == "json":
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
        print(json.dumps(rows, indent=2))
    elif output_format == "markdown":
        print(rules_markdown_table(rules))
    else:
        from rich.console import Console
        from rich.table import Table

        table = Table(box=None, header_style="bold")
        for column in ("code", "name", "severity", "summary"):
            table.add_column(column)
        for r in rules:
            table.add_row(r.code, r.name, r.severity.label, r.summary)
        Console().print(table)
    return EXIT_CLEAN


def _known_rules() -> RuleSet:
    """Built-in rules plus the packs named by the config found from here."""
    from seolint.config.files import ConfigError
    from seolint.config.plan import rules_for

    try:
        return rules_for(_load_config(None))
    except ConfigError as error:
        fail(str(error))


def rules_markdown_table(rules: Sequence[Rule]) -> str:
    """The README's rule table (tests keep the README equal to this)."""
    lines = ["| code | name | severity | summary |", "| --- | --- | --- | --- |"]
    lines += [f"| {r.code} | `{r.name}` | {r.severity.label} | {r.summary} |" for r in rules]
    return "\n".join(lines)


def explain(rule_name: str) -> int:
    """Explain a rule: what it checks, why, an example, and its options."""
    from seolint.registry.rule import RuleError

    try:
        found = _known_rules().get(rule_name)
    except RuleError as error:
        fail(f"{error} (`seolint rules` lists them)")
    print(f"{found.code} {found.name} [{found.severity.label}]\n")
    print(found.doc)
    defaults = found.option_defaults()
    print("\nOptions" + (f" ([tool.seolint.rules.{found.code}]):" if defaults else ": none"))
    for key, value in defaults.items():
        print(f"  {key} = {_toml_value(value)}")
    return EXIT_CLEAN


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


# --- init, server --------------------------------------------------------------------------

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


def init() -> int:
    """Write a commented .seolint.toml here (never overwrites one)."""
    target = Path.cwd() / INIT_FILE
    if target.exists() or target.is_symlink():
        fail(f"{target}: already exists; edit it, or delete it to start again")
    try:
        with target.open("x", encoding="utf-8", newline="\n") as stream:
            stream.write(INIT_TEMPLATE.replace("{site}", UNDETECTED_SITE))
    except OSError as error:
        fail(f"{target}: cannot write: {error.strerror or error}")
    print(f"seolint: wrote {target}")
    return EXIT_CLEAN


def server() -> int:
    """Run the language server over stdin/stdout, for editors.

    It needs pygls, from the `server` extra: pip install -e '.[server]' in your clone.
    """
    try:
        from seolint.server.server import run
    except ImportError as error:
        fail(f"the language server needs pygls ({error}): pip install -e '.[server]' in your seolint clone")
    return run()


COMMANDS: dict[str, Command] = {
    "check": Command(
        check,
        check_options,
        Operand("paths", "PATH", "Files or folders to lint; `-` reads standard input.", many=True),
    ),
    "rules": Command(list_rules, rules_options),
    "explain": Command(
        explain, operand=Operand("rule_name", "CODE|NAME", "A rule code or name.", many=False)
    ),
    "init": Command(init),
    "server": Command(server),
}


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
