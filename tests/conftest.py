"""Shared test helpers: lint a snippet, run the CLI, find the corpus, block the network, measure growth.

New tests reach the pipeline only through the helpers here (`plan_for`, `lint_result`,
`lint_file`, `lint`, `run_cli`), so a change to its API is one edit in this file.
"""

from __future__ import annotations

import gc
import io
import socket
import sys
import time
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from types import FrameType
from typing import Any

import pytest

from seolint.config.files import Config
from seolint.config.plan import Plan, make_plan
from seolint.discover.source import Format, Source, format_for
from seolint.document.model import Document
from seolint.findings.records import FileResult, Finding
from seolint.lint.pipeline import DraftError, lint_source
from seolint.parse import parse

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "fixtures"
CORPUS = ROOT.parent / "shared" / "corpus"
SUFFIXES: dict[Format, str] = {"markdown": "md", "html": "html", "text": "txt"}

__all__ = ["DraftError"]  # re-exported: tests use it without importing the pipeline


def plan_for(select: tuple[str, ...] | None = None, rules: dict[str, dict[str, Any]] | None = None) -> Plan:
    """The plan of a run with only `select` rules (all when None) and these rule options."""
    return make_plan(Config(select=select, rules=rules or {}))


def lint_result(text: str, fmt: Format = "markdown", plan: Plan | None = None, path: str = "") -> FileResult:
    """The whole result (findings, stats, errors) of linting `text`; DraftError if refused."""
    return lint_text(text, path or f"snippet.{SUFFIXES[fmt]}", fmt, plan or plan_for())


def lint_file(path: Path, plan: Plan | None = None) -> FileResult:
    """The result of linting a file on disk, its format taken from its name."""
    return lint_path(str(path), plan or plan_for())


def lint(
    text: str,
    fmt: Format = "markdown",
    select: tuple[str, ...] | None = None,
    rules: dict[str, dict[str, Any]] | None = None,
) -> list[Finding]:
    """Findings for a snippet, with only `select` rules (all when None)."""
    return list(lint_result(text, fmt, plan_for(select, rules)).findings)


def lint_text(text: str, path: str, fmt: Format, plan: Plan) -> FileResult:
    """The pipeline on a snippet known by `path`."""
    return lint_source(Source(text, path, fmt), plan)


def lint_path(path: str, plan: Plan) -> FileResult:
    """The pipeline on a draft file (UTF-8), its format from its name."""
    fmt = format_for(path)
    assert fmt is not None, path
    return lint_source(Source(Path(path).read_text(encoding="utf-8"), path, fmt), plan)


def codes_at(findings: list[Finding]) -> list[tuple[int, str]]:
    return [(f.span.line, f.code) for f in findings]


def doc_of(text: str, fmt: Format = "markdown") -> Document:
    return parse(text, "snippet", fmt)


# --- the command line ----------------------------------------------------------------------


@dataclass
class CliResult:
    """What one `seolint` run in this process printed, and its exit code."""

    exit_code: int
    stdout: str
    stderr: str
    stdout_bytes: bytes = field(default=b"", compare=False)  # as written: `--diff` writes bytes


def run_cli(args: Sequence[str], input: str | None = None) -> CliResult:
    """`seolint ARGS` through `seolint.cli.main.main`, with `input` as standard input (UTF-8).

    The streams are byte-backed like real ones (`--fix -` writes bytes to stdout) and are
    not terminals, so reports come without colour or progress, as in a pipe.
    """
    from seolint.cli.main import main

    out, err = io.BytesIO(), io.BytesIO()
    streams = [
        io.TextIOWrapper(data, encoding="utf-8", newline="")
        for data in (io.BytesIO((input or "").encode("utf-8")), out, err)
    ]
    saved = sys.stdin, sys.stdout, sys.stderr
    sys.stdin, sys.stdout, sys.stderr = streams
    try:
        code = main(list(args))
    finally:
        sys.stdin, sys.stdout, sys.stderr = saved
        for captured in streams[1:]:
            captured.flush()
    stdout, stderr = (data.getvalue().decode("utf-8", "replace") for data in (out, err))
    return CliResult(code, stdout, stderr, out.getvalue())


# --- growth, not seconds -------------------------------------------------------------------
# A test never asserts how long something takes: machines differ and other processes share
# the CPU. It compares the cost of the same work on a small and a ten-times-larger input.
# Linear work costs ~10x (measured 9.8x); a quadratic step costs ~100x where it dominates.
# The bound leaves room for a loaded 2-core machine (a linear pattern once measured 20.1x
# there) and still catches any quadratic step that matters (issue 10: "10x input <= 25x").

LINEAR_BOUND = 25.0


def _cpu_seconds(call: Callable[[], object]) -> float:
    """CPU time of one call: other processes on the machine do not count against it, nor
    does a garbage collection of what earlier tests left behind."""
    gc.disable()
    try:
        started = time.process_time()
        call()
        return time.process_time() - started
    finally:
        gc.enable()


def growth(small: Callable[[], object], large: Callable[[], object], runs: int = 3) -> float:
    """How many times the large call costs the small one: the best of `runs` each, interleaved
    so a burst of load hits both; a ratio over the bound is measured again before it counts."""
    small_best = large_best = float("inf")
    for attempt in range(2):
        for _ in range(runs if attempt == 0 else runs + 2):
            small_best = min(small_best, _cpu_seconds(small))
            large_best = min(large_best, _cpu_seconds(large))
        ratio = large_best / max(small_best, 1e-6)
        if ratio <= LINEAR_BOUND:
            break
    return ratio


def assert_linear(small: Callable[[], object], large: Callable[[], object], what: str, runs: int = 3) -> None:
    """The large call (ten times the input of the small one) costs at most LINEAR_BOUND times more."""
    ratio = growth(small, large, runs)
    assert ratio <= LINEAR_BOUND, f"{what}: 10x the input cost {ratio:.1f}x the CPU time"


@dataclass
class CallCounter:
    """Counts Python and C function calls made under `counting()`; deterministic on any machine.

    With a `budget`, profiling stops once the count passes it, so runaway work (an alias bomb
    being expanded) ends in a failed assertion rather than a hung test.
    """

    budget: int = 0
    calls: int = 0

    @property
    def exceeded(self) -> bool:
        return bool(self.budget) and self.calls > self.budget

    def _event(self, frame: FrameType, event: str, arg: object) -> None:
        if event in ("call", "c_call"):
            self.calls += 1
            if self.exceeded:
                sys.setprofile(None)
                raise RuntimeError(f"call budget of {self.budget:,} exceeded")

    def count(self, call: Callable[[], object]) -> int:
        sys.setprofile(self._event)
        try:
            call()
        finally:
            sys.setprofile(None)
        return self.calls


# --- the shared corpus ---------------------------------------------------------------------


@pytest.fixture(scope="session")
def corpus() -> Path:
    if not CORPUS.is_dir():
        pytest.skip("../shared/corpus is not present")
    return CORPUS


@pytest.fixture(scope="session")
def corpus_posts(corpus: Path) -> list[Path]:
    """Every draft in the corpus seolint reads, in a stable order (its README excluded)."""
    from seolint.discover.source import format_for

    return [p for p in sorted(corpus.rglob("*")) if p.name != "README.md" and format_for(p.name)]


@pytest.fixture(scope="session")
def corpus_results(corpus_posts: list[Path]) -> dict[Path, FileResult]:
    """One lint of the whole corpus with every rule at its defaults, on every CPU, shared by
    every test that asks how rules behave on published posts (the slowest step of the suite)."""
    import functools

    from seolint.discover.walk import DraftFile
    from seolint.lint.parallel import available_cpus, map_ordered
    from seolint.lint.runner import lint_file as lint_draft
    from seolint.lint.settings import Overrides, Settings

    settings = Settings(Overrides(), use_cache=False)
    drafts = [DraftFile.at(str(p)) for p in corpus_posts]
    outcomes = map_ordered(functools.partial(lint_draft, settings), drafts, available_cpus())
    results = {path: outcome for path, outcome in zip(corpus_posts, outcomes, strict=True)}
    refused = [o for o in results.values() if not isinstance(o, FileResult)]
    assert refused == [], "published posts are all readable"
    return {path: o for path, o in results.items() if isinstance(o, FileResult)}


@pytest.fixture
def no_network(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Any attempt to open a socket fails the test."""

    def refuse(*args: object, **kwargs: object) -> None:
        raise AssertionError("seolint tried to use the network")

    monkeypatch.setattr(socket, "socket", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    monkeypatch.setattr(socket, "getaddrinfo", refuse)
    yield
