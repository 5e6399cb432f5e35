"""A progress bar on stderr for long runs: it appears only once a run has taken a while.

Short runs (most pre-commit and single-draft runs) never see it, so their output is
exactly the report; the bar is transient and leaves nothing behind when it stops.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from types import TracebackType
from typing import TYPE_CHECKING, TextIO

if TYPE_CHECKING:
    from rich.progress import Progress, TaskID

DELAY_SECONDS = 1.0  # a run shorter than this shows no bar


class DelayedProgress:
    """Call with (done, total) after each file; the bar starts after `delay` seconds."""

    def __init__(
        self,
        stream: TextIO,
        delay: float = DELAY_SECONDS,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self._stream, self._delay, self._clock = stream, delay, clock
        self._started = clock()
        self._bar: Progress | None = None
        self._task: TaskID | None = None

    @property
    def shown(self) -> bool:
        return self._bar is not None

    def __call__(self, done: int, total: int) -> None:
        if self._bar is None:
            if self._clock() - self._started < self._delay:
                return
            self._start(total)
        assert self._bar is not None and self._task is not None
        self._bar.update(self._task, completed=done, total=total)

    def _start(self, total: int) -> None:
        from rich.console import Console
        from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

        console = Console(file=self._stream, force_terminal=True)
        self._bar = Progress(
            TextColumn("linting"),
            BarColumn(),
            MofNCompleteColumn(),
            TimeRemainingColumn(),
            console=console,
            transient=True,
        )
        self._task = self._bar.add_task("lint", total=total)
        self._bar.start()

    def __enter__(self) -> DelayedProgress:
        return self

    def __exit__(
        self, kind: type[BaseException] | None, error: BaseException | None, trace: TracebackType | None
    ) -> None:
        if self._bar is not None:
            self._bar.stop()


def wanted(terminal_report: str, stderr: TextIO, disabled: bool) -> bool:
    """Only for people: the Rich report on the terminal, stderr a terminal, not turned off."""
    return not disabled and terminal_report == "rich" and stderr.isatty()
