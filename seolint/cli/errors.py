"""How the command line ends: its exit codes, and a usage error as one line on stderr."""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING, NoReturn

if TYPE_CHECKING:
    from collections.abc import Iterable

EXIT_CLEAN, EXIT_FINDINGS, EXIT_ERROR = 0, 1, 2
EXIT_INTERRUPTED = 130  # 128 + SIGINT, as shells report it
EXIT_CLOSED_PIPE = 141  # 128 + SIGPIPE: what `git log | head` ends with


def fail(message: str) -> NoReturn:
    """`seolint: error: message` and exit 2: a usage, config or I/O error."""
    sys.stderr.write(f"seolint: error: {message}\n")
    raise SystemExit(EXIT_ERROR)


def unknown(kind: str, word: str, known: Iterable[str], prog: str) -> NoReturn:
    """A usage error for a misspelt option or command: the closest one, or where to look."""
    from seolint.registry.suggest import did_you_mean

    hint = did_you_mean(word.partition("=")[0], known) or f" (`{prog} -h` lists them)"
    fail(f"unknown {kind} {word!r}{hint}")
