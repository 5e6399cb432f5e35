"""Shared test helpers: lint a snippet, run the CLI, find the corpus, block the network.

New tests reach the pipeline only through the helpers here (`plan_for`, `lint_result`,
`lint_file`, `lint`, `lint_selected`, `run_cli`), so a change to its API is one edit in this
file. Growth (linear time) is checked with tests/growth.py.
"""

from __future__ import annotations

import functools
import io
import os
import socket
import subprocess
import sys
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TypeVar

import pytest
from hypothesis import HealthCheck, settings

from seolint.config.files import Config
from seolint.config.plan import Plan, make_plan
from seolint.discover.source import Format, Source, format_for
from seolint.document.model import Document
from seolint.findings.records import FileResult, Finding
from seolint.lint.pipeline import DraftError, lint_document, lint_source
from seolint.parse import parse
from tests.examples import examples

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "fixtures"
CORPUS = ROOT.parent / "shared" / "corpus"
SUFFIXES: dict[Format, str] = {"markdown": "md", "html": "html", "text": "txt"}

__all__ = ["DraftError"]  # re-exported: tests use it without importing the pipeline

T = TypeVar("T")

# Every property of the suite runs under one profile, loaded here so that it holds whichever
# test file a run starts from (a property without its own @settings takes these).
settings.register_profile(
    "ci",
    max_examples=examples(60),
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
    # Under CI the examples are the same on every run: a red CI is a change, never a draw;
    # locally each run draws new ones, and what they find becomes an @example.
    derandomize=bool(os.environ.get("CI") or os.environ.get("SEOLINT_DERANDOMIZE")),
)
CAMPAIGN = 1_000_000  # examples per property in a campaign: a long run on request, never in the suite
settings.register_profile(
    "campaign", max_examples=CAMPAIGN, deadline=None, suppress_health_check=list(HealthCheck)
)
settings.load_profile("campaign" if os.environ.get("SEOLINT_FUZZ") == "campaign" else "ci")


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


def lint_selected(text: str, select: tuple[str, ...] | None = None, fmt: Format = "markdown") -> FileResult:
    """`lint_result` with only `select` rules, its plan made once: a work tests.growth can pickle."""
    return lint_result(text, fmt, _plan_selecting(select))


def rule_findings(select: tuple[str, ...], doc: Document) -> list[Finding]:
    """The findings of only `select` rules on a parsed document: the rules' work alone."""
    findings, errors = lint_document(doc, _plan_selecting(select))
    assert errors == [], errors
    return findings


@functools.cache
def _plan_selecting(select: tuple[str, ...] | None) -> Plan:
    return plan_for(select)


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


# --- counted growth --------------------------------------------------------------------------


@pytest.hookimpl(optionalhook=True)
def pytest_xdist_make_scheduler(config: pytest.Config, log: Any) -> Any:
    """`--dist loadgroup`, with the tests that count instructions (tests/growth.py) as one group
    on one xdist worker, so that one counting process, whose start costs seconds, serves them
    all. xdist groups by renaming each marked test, which pytest 9 no longer lets it do: the
    group is decided here, in the controller, from the tests' source."""
    if config.getvalue("dist") != "loadgroup":
        return None
    from xdist.scheduler import LoadGroupScheduling

    counting = _tests_calling("assert_linear")

    class CountingTogether(LoadGroupScheduling):  # type: ignore[misc]
        def _split_scope(self, nodeid: str) -> str:
            return "counting" if nodeid.partition("[")[0] in counting else nodeid

    return CountingTogether(config, log)


def _tests_calling(name: str) -> set[str]:
    """The node ids, without parameters, of the module-level test functions that use `name`."""
    import ast

    found = set()
    for path in sorted((ROOT / "tests").glob("test_*.py")):
        source = path.read_text(encoding="utf-8")
        if name not in source:
            continue
        functions = [node for node in ast.parse(source).body if isinstance(node, ast.FunctionDef)]
        for test in (function for function in functions if function.name.startswith("test")):
            if any(isinstance(used, ast.Name) and used.id == name for used in ast.walk(test)):
                found.add(f"{path.relative_to(ROOT).as_posix()}::{test.name}")
    return found


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


# The default run lints every CORPUS_SAMPLE-th post (spread over every blog); the slow set
# (`pytest -m slow`, run by CI) lints them all.
CORPUS_SAMPLE = 4
CORPUS_RUNS = ["corpus_sample_results", pytest.param("corpus_results", marks=pytest.mark.slow)]


@pytest.fixture(scope="session")
def corpus_results(
    corpus_posts: list[Path], tmp_path_factory: pytest.TempPathFactory
) -> dict[Path, FileResult]:
    """Every post linted with every rule at its defaults (for the slow set)."""
    return _shared_lint(corpus_posts, tmp_path_factory, "every-post")


@pytest.fixture(scope="session")
def corpus_sample_results(
    corpus_posts: list[Path], tmp_path_factory: pytest.TempPathFactory
) -> dict[Path, FileResult]:
    """Every CORPUS_SAMPLE-th post linted with every rule at its defaults (for the default run)."""
    return _shared_lint(corpus_posts[::CORPUS_SAMPLE], tmp_path_factory, "sample")


def _shared_lint(
    posts: list[Path], tmp_path_factory: pytest.TempPathFactory, name: str
) -> dict[Path, FileResult]:
    """One lint of `posts` on every CPU, shared by every test and every xdist worker of the
    session (the slowest step of the suite)."""
    return _once_per_session(tmp_path_factory, f"corpus-{name}", lambda: _lint_everywhere(posts))


def _once_per_session(tmp_path_factory: pytest.TempPathFactory, name: str, make: Callable[[], T]) -> T:
    """`make()` once in the session: the first test or xdist worker to ask makes and stores it,
    the others wait on the lock and read it."""
    import pickle

    from filelock import FileLock

    stored = _session_folder(tmp_path_factory) / f"{name}.pickle"
    with FileLock(f"{stored}.lock"):
        if not stored.is_file():
            stored.write_bytes(pickle.dumps(make()))
        made: T = pickle.loads(stored.read_bytes())
    return made


def _session_folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The session's temporary folder, shared by its xdist workers (above each worker's own)."""
    folder = tmp_path_factory.getbasetemp()
    return folder.parent if "PYTEST_XDIST_WORKER" in os.environ else folder


@pytest.fixture(scope="session", autouse=True)
def _children_compile_once(tmp_path_factory: pytest.TempPathFactory) -> Iterator[None]:
    """Child Pythons (`seolint` runs, the growth counter) share one bytecode folder per session,
    outside the tree: with PYTHONDONTWRITEBYTECODE set, each child would compile seolint anew
    (a third of a short run's CPU)."""
    with pytest.MonkeyPatch.context() as monkeypatch:
        monkeypatch.setenv("PYTHONPYCACHEPREFIX", str(_session_folder(tmp_path_factory) / "bytecode"))
        monkeypatch.delenv("PYTHONDONTWRITEBYTECODE", raising=False)
        yield


def _lint_everywhere(posts: list[Path]) -> dict[Path, FileResult]:
    import functools

    from seolint.discover.walk import DraftFile
    from seolint.lint.parallel import available_cpus, map_ordered
    from seolint.lint.runner import lint_file as lint_draft
    from seolint.lint.settings import Overrides, Settings

    settings = Settings(Overrides(), use_cache=False)
    drafts = [DraftFile.at(str(p)) for p in posts]
    outcomes = map_ordered(functools.partial(lint_draft, settings), drafts, available_cpus())
    results = {path: outcome for path, outcome in zip(posts, outcomes, strict=True)}
    refused = [o for o in results.values() if not isinstance(o, FileResult)]
    assert refused == [], "published posts are all readable"
    return {path: o for path, o in results.items() if isinstance(o, FileResult)}


# --- the shared sites ----------------------------------------------------------------------

SHARED_SITES = ROOT.parent / "shared" / "sites"


@pytest.fixture(scope="session")
def rust_blog_run(tmp_path_factory: pytest.TempPathFactory) -> CliResult:
    """`seolint check` of the whole shared Zola site with its link and description rules, in
    JSON on two workers: one run (the site model reads all its 1,181 pages) for every test
    and xdist worker that asks."""
    site = SHARED_SITES / "zola-rust-blog"
    if not site.is_dir():
        pytest.skip("../shared/sites/zola-rust-blog is not present")

    def run() -> CliResult:
        with pytest.MonkeyPatch.context() as monkeypatch:
            monkeypatch.chdir(site)
            return run_cli(
                ["check", "--format", "json", "--no-cache", "-j", "2", "--select", "M003,M004,M010,W001,W003"]
            )

    return _once_per_session(tmp_path_factory, "site-zola-rust-blog", run)


@pytest.fixture
def no_network(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Any attempt to open a socket fails the test."""

    def refuse(*args: object, **kwargs: object) -> None:
        raise AssertionError("seolint tried to use the network")

    monkeypatch.setattr(socket, "socket", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    monkeypatch.setattr(socket, "getaddrinfo", refuse)
    yield


def seolint_process(
    *args: str, cwd: Path, timeout: float, env: dict[str, str] | None = None, memory: int | None = None
) -> subprocess.CompletedProcess[str]:
    """`seolint ARGS` in a child process, as the console script starts it: for what must not
    take the test run down with it (a crash, a hang past `timeout` seconds, `memory` bytes of
    address space at most)."""

    def limit_memory() -> None:
        import resource

        assert memory is not None
        resource.setrlimit(resource.RLIMIT_AS, (memory, memory))

    return subprocess.run(
        [sys.executable, "-c", "from seolint.cli.launch import main; main()", *args],
        capture_output=True,
        text=True,
        cwd=cwd,
        env={**os.environ, "PYTHONPATH": str(ROOT), **(env or {})},
        timeout=timeout,
        check=False,
        preexec_fn=None if memory is None else limit_memory,
    )
