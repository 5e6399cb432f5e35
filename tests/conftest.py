"""Shared test helpers: lint a snippet, find the corpus, block the network."""

from __future__ import annotations

import socket
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from seolint.config import Config
from seolint.document import Document, Format
from seolint.findings import FileResult, Finding
from seolint.parse import format_for, parse
from seolint.pipeline import lint_source
from seolint.plan import Plan, make_plan
from seolint.source import Source

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "fixtures"
CORPUS = ROOT.parent / "shared" / "corpus"


def lint(
    text: str,
    fmt: Format = "markdown",
    select: tuple[str, ...] | None = None,
    rules: dict[str, dict[str, Any]] | None = None,
) -> list[Finding]:
    """Findings for a snippet, with only `select` rules (all when None)."""
    plan = make_plan(Config(select=select, rules=rules or {}))
    return list(
        lint_text(
            text, f"snippet.{ {'markdown': 'md', 'html': 'html', 'text': 'txt'}[fmt] }", fmt, plan
        ).findings
    )


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


@pytest.fixture
def corpus() -> Path:
    if not CORPUS.is_dir():
        pytest.skip("../shared/corpus is not present")
    return CORPUS


@pytest.fixture
def no_network(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Any attempt to open a socket fails the test."""

    def refuse(*args: object, **kwargs: object) -> None:
        raise AssertionError("seolint tried to use the network")

    monkeypatch.setattr(socket, "socket", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    monkeypatch.setattr(socket, "getaddrinfo", refuse)
    yield
