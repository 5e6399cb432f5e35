"""Growth, not seconds: how much more work a call does on ten times the input, in instructions.

A test never reads a clock to judge speed: machines differ and other processes share the
CPU. It counts the machine instructions a call executes on an input and on one ten times
larger, with valgrind's callgrind, which gives the same count on a loaded machine as on an
idle one. Linear work grows about 10x; a quadratic step about 100x where it dominates, so
one measurement decides and nothing is measured twice.

The calls run in a Python process under callgrind, started on first use and kept for the
rest of the test process. They reach it pickled, so the work is a module-level function or
a `functools.partial` of one, with picklable arguments, and a monkeypatch in the test does
not reach it. Without valgrind (macOS, Windows) the growth tests skip, except under CI.

    assert_linear(Growth("tokenize, a run of spaces", tokenize, "<a" + " " * 500, "<a" + " " * 5_000))
"""

from __future__ import annotations

import atexit
import gc
import importlib
import os
import pickle
import pickletools
import select
import shutil
import struct
import subprocess
import sys
import tempfile
import traceback
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, BinaryIO

import pytest

ROOT = Path(__file__).resolve().parent.parent

# Linear work counts 3-11x here (fixed costs pull it under 10x). Counts do not vary, so
# the bound needs no room for noise: a quadratic step that costs a twentieth of the rest
# on the small input already takes the large one past 15x.
LINEAR_BOUND = 15.0

# Not a measurement: a catastrophic pattern never answers, and the test must end.
HANG_GUARD_SECONDS = 600


@dataclass(frozen=True)
class Growth:
    """One check: `work(large)` costs at most LINEAR_BOUND times `work(small)`; `large` is
    usually ten times the input. `setup`, when given, turns `small` and `large` into the
    work's argument in the counting process, uncounted: a parsed Document, say, so that the
    count is the rule's alone (and arguments need not pickle)."""

    what: str
    work: Callable[[Any], object]
    small: object
    large: object
    setup: Callable[[Any], Any] | None = None


def assert_linear(*checks: Growth) -> None:
    """Every check's large input costs at most LINEAR_BOUND times the instructions of its small one."""
    counted = _counter().count(checks)
    too_much = [
        f"{check.what}: {large / small:.1f}x the instructions ({small:,} -> {large:,})"
        for check, (small, large) in zip(checks, counted, strict=True)
        if large > LINEAR_BOUND * small
    ]
    assert too_much == [], f"more than {LINEAR_BOUND:.0f}x:\n" + "\n".join(too_much)


# --- the counting process ------------------------------------------------------------------
# callgrind zeroes its counts when the process enters getpgrp() and writes them to a file
# when it enters getppid(): os.getpgrp() and os.getppid() around a call are the markers.

_CALLGRIND = ("--tool=callgrind", "--zero-before=getpgrp", "--dump-before=getppid", "--dump-line=no")


class _Counter:
    """A Python process under callgrind that runs pickled checks and answers with their counts."""

    def __init__(self) -> None:
        self.folder = Path(tempfile.mkdtemp(prefix="seolint-growth-"))
        command = [
            "valgrind",
            *_CALLGRIND,
            "--instr-atstart=no",  # imports run at near-native speed; counting starts with the checks
            f"--callgrind-out-file={self.folder / 'counts'}",
            f"--log-file={self.folder / 'valgrind.log'}",
            sys.executable,
            "-m",
            "tests.growth",
            str(self.folder),
        ]
        # The installed bytecode, not the session's folder (tests/conftest.py): with that
        # folder, the standard library and pytest were compiled again, under valgrind (~9 s).
        env = {**os.environ, "PYTHONHASHSEED": "0", "PYTHONDONTWRITEBYTECODE": "1"}
        env.pop("PYTHONPYCACHEPREFIX", None)
        self.process = subprocess.Popen(
            command, cwd=ROOT, env=env, stdin=subprocess.PIPE, stdout=subprocess.PIPE
        )
        atexit.register(self.close)

    def count(self, checks: Sequence[Growth]) -> list[tuple[int, int]]:
        assert self.process.stdin is not None and self.process.stdout is not None
        work = pickle.dumps(list(checks))
        _send(self.process.stdin, (_modules_named(work), work))
        ready, _, _ = select.select([self.process.stdout], [], [], HANG_GUARD_SECONDS)
        if not ready:
            self.close()
            raise AssertionError(f"no count after {HANG_GUARD_SECONDS} s: the work does not end")
        answer = _receive(self.process.stdout)
        if isinstance(answer, str):
            raise AssertionError(f"the work failed in the counting process:\n{answer}")
        return list(answer)

    def close(self) -> None:
        if self.process.poll() is None:
            self.process.kill()
            self.process.wait()
        shutil.rmtree(self.folder, ignore_errors=True)


_running: list[_Counter] = []


def _counter() -> _Counter:
    if not _running:
        missing = [tool for tool in ("valgrind", "callgrind_control") if shutil.which(tool) is None]
        if missing:
            message = f"growth is counted with valgrind; not installed: {', '.join(missing)}"
            if os.environ.get("CI"):
                pytest.fail(message)
            pytest.skip(message)
        _running.append(_Counter())
    return _running[0]


def _modules_named(work: bytes) -> list[str]:
    """The modules whose functions and classes the pickled work names: the counting process
    imports them before unpickling it, with counting off (an import counted runs ~10x slower)."""
    return sorted(
        {name for _, name, _ in pickletools.genops(work) if isinstance(name, str) and name in sys.modules}
    )


def _send(stream: BinaryIO, value: object) -> None:
    data = pickle.dumps(value)
    stream.write(struct.pack("!Q", len(data)) + data)
    stream.flush()


def _receive(stream: BinaryIO) -> Any:
    header = stream.read(8)
    if len(header) < 8:
        raise AssertionError("the counting process ended; see its valgrind.log")
    (size,) = struct.unpack("!Q", header)
    return pickle.loads(stream.read(size))


# --- inside the counting process -----------------------------------------------------------


def _serve(folder: Path) -> None:
    """Answer each request (a list of work, small, large) with the instructions of each call."""
    replies = os.fdopen(os.dup(1), "wb")
    os.dup2(2, 1)  # whatever the work prints does not mix with the answers
    meter = _Meter(folder)
    while header := sys.stdin.buffer.read(8):
        (size,) = struct.unpack("!Q", header)
        try:
            modules, work = pickle.loads(sys.stdin.buffer.read(size))  # names and bytes: no import
            meter.import_uncounted(modules)
            answer: object = meter.measure(pickle.loads(work))
        except BaseException:
            answer = traceback.format_exc()
        _send(replies, answer)


class _Meter:
    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.dumps = 0
        self.counting = False

    def import_uncounted(self, modules: list[str]) -> None:
        """Import what the work needs and this process has not imported yet, counting off."""
        missing = [name for name in modules if name not in sys.modules]
        if missing:
            self._count("off")
            for name in missing:
                importlib.import_module(name)

    def measure(self, checks: list[Growth]) -> list[tuple[int, int]]:
        if any(check.setup for check in checks):
            self._count("off")  # a parse or a plan for each input: made at near-native speed
        arguments = []
        for check in checks:
            made = check.setup or _same
            check.work(made(check.small))  # compiled patterns, imports inside functions: not counted
            arguments.append((made(check.small), made(check.large)))  # afresh: no memo of the warm-up
        self._count("on")
        return [
            (self._instructions(check.work, small), self._instructions(check.work, large))
            for check, (small, large) in zip(checks, arguments, strict=True)
        ]

    def _count(self, state: str) -> None:
        """Switch callgrind's counting on or off: off, code runs ~10x faster."""
        if self.counting == (state == "on"):
            return
        switch = ["callgrind_control", f"--instr={state}", str(os.getpid())]
        subprocess.run(switch, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=True)
        if not self.dumps:
            self._instructions(len, "")  # the markers' own first call (symbol lookup) is not counted later
        self.counting = state == "on"

    def _instructions(self, work: Callable[[Any], object], argument: object) -> int:
        gc.disable()
        try:
            os.getpgrp()
            work(argument)
            os.getppid()
        finally:
            gc.enable()
        self.dumps += 1
        dump = self.folder / f"counts.{self.dumps}"
        data = dump.read_bytes()  # read and searched in C: Python code here runs ~50x slower
        dump.unlink()
        at = data.rindex(b"\ntotals: ") + len(b"\ntotals: ")
        return int(data[at : data.index(b"\n", at)])


def _same(argument: object) -> object:
    return argument


if __name__ == "__main__":
    _serve(Path(sys.argv[1]))
