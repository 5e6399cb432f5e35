"""The command line's entry: run the command named first, and end every way with an exit code.

Options are read with the standard library's argparse (seolint.cli.arguments), and only
the invoked command's module and parser are loaded; heavy modules (parsers, rules, Rich)
are imported inside the commands, so `seolint --help` starts in a few tens of milliseconds.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING

from seolint import __version__
from seolint.cli import arguments
from seolint.cli.errors import EXIT_CLEAN, EXIT_CLOSED_PIPE, EXIT_ERROR, EXIT_INTERRUPTED, fail, unknown

if TYPE_CHECKING:
    from collections.abc import Sequence

    from seolint.cli.arguments import Command

NAMES = ("check", "rules", "explain", "init", "server")  # in the order `seolint -h` lists them


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line and return its exit code; nothing escapes as a traceback.

    An uncaught error would otherwise exit 1, which CI reads as "findings": here it is
    one line and exit 2 (the traceback with --debug). A report that cannot be written
    (a full disk) is one line and exit 2 too; Ctrl-C exits 130. A reader that stopped
    reading (`seolint check | head`) is no error to report: the rest of the output goes
    nowhere and the exit is 141, as for other tools a closed pipe ends.
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
        arguments.top_parser(commands()).print_help(sys.stderr)
        return EXIT_ERROR
    name, rest = args[0], args[1:]
    if name in ("-h", "--help"):
        arguments.top_parser(commands()).print_help()
        return EXIT_CLEAN
    if name == "--version":
        print(f"seolint {__version__}")
        return EXIT_CLEAN
    if name.startswith("-"):
        unknown("option", name, ["-h", "--help", "--version"], "seolint")
    if name not in NAMES:
        unknown("command", name, NAMES, "seolint")
    chosen = command(name)
    parsed = arguments.parse(chosen, rest)
    try:
        Path.cwd()
    except FileNotFoundError:
        fail("the working directory no longer exists")
    return chosen.run(**parsed)


def command(name: str) -> Command:
    """The command called `name` (one of NAMES), importing its module alone."""
    if name == "check":
        from seolint.cli.check import CHECK

        return CHECK
    if name == "rules":
        from seolint.cli.rules import RULES

        return RULES
    if name == "explain":
        from seolint.cli.rules import EXPLAIN

        return EXPLAIN
    if name == "init":
        from seolint.cli.init import INIT

        return INIT
    from seolint.cli.server import SERVER

    return SERVER


def commands() -> list[Command]:
    """Every command, for the top-level help."""
    return [command(name) for name in NAMES]


def _output_failed(error: OSError) -> int:
    _silence_stdout()
    if isinstance(error, BrokenPipeError):
        return EXIT_CLOSED_PIPE
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
