"""The argparse layer: each command's parser, built only when that command runs.

argparse with seolint's conventions: usage errors are one `seolint: error: ...` line and
exit 2, a misspelt option gets a suggestion, help fits 80 columns under a `Usage:` line,
options and operands mix in any order, and no option is ever abbreviated.
"""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING, Any, NoReturn

from seolint.cli.errors import fail, unknown

if TYPE_CHECKING:
    from argparse import _ArgumentGroup as Group
    from collections.abc import Callable, Iterable

DESCRIPTION = "Lint blog drafts (Markdown, HTML, plain text) for SEO and publish-readiness."

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
    """A command: its name, the function it runs (called with the parsed arguments as
    keywords; its docstring is the command's help) and what it takes."""

    __slots__ = ("add_options", "name", "operand", "run")

    def __init__(
        self,
        name: str,
        run: Callable[..., int],
        add_options: Callable[[Group], None] | None = None,
        operand: Operand | None = None,
    ) -> None:
        self.name = name
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


def top_parser(commands: Iterable[Command]) -> Parser:
    """`seolint -h`: the commands and the two options that need none."""
    parser = new_parser("seolint", "[OPTIONS] COMMAND [ARGS]...", DESCRIPTION)
    listed = parser.add_argument_group("Commands")
    for command in commands:  # listed as arguments so argparse lays them out like options
        listed.add_argument(command.name, help=command.summary)
    options = parser.add_argument_group("Options")
    options.add_argument("--version", action="store_true", help="Show the version and exit.")
    options.add_argument("-h", "--help", action="store_true", help="Show this message and exit.")
    return parser


def command_parser(command: Command) -> Parser:
    """The parser of one command, built only when that command runs."""
    operand = command.operand
    usage = "[OPTIONS]"
    if operand is not None:
        usage += f" [{operand.metavar}]..." if operand.many else f" {operand.metavar}"
    parser = new_parser(f"seolint {command.name}", usage, command.summary, command.details)
    if operand is not None:  # any number here: `parse` counts them, after adding those past `--`
        arguments = parser.add_argument_group("Arguments")
        arguments.add_argument(operand.name, nargs="*", metavar=operand.metavar, help=operand.help)
    options = parser.add_argument_group("Options")
    if command.add_options is not None:
        command.add_options(options)
    options.add_argument("-h", "--help", action="help", help="Show this message and exit.")
    return parser


def parse(command: Command, args: list[str]) -> dict[str, Any]:
    """The keyword arguments of `command` from its command line.

    Options and operands may come in any order (`check a.md -q b.md`), and everything
    after `--` is an operand. argparse's intermixed parsing loses an operand that follows
    a leading `--` (Python 3.11), so it never sees one.
    """
    parser = command_parser(command)
    end = args.index("--") if "--" in args else len(args)
    options, extras = parser.parse_known_intermixed_args(args[:end])
    for extra in extras:
        if extra.startswith("-") and extra != "-":
            known = [option for action in parser._actions for option in action.option_strings]
            unknown("option", extra, known, parser.prog)
    operand = command.operand
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
