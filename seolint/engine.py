"""Run the pipeline: discover files, read and decode, parse, run rules, collect results.

Everything a run needs is fixed up front in a Plan (rules with their severities and
options), so per-file work is a pure function of the file's text and the plan.
"""

from __future__ import annotations

import fnmatch
import os
import sys
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from seolint.config import Config, ConfigError
from seolint.document import Document, Format
from seolint.findings import FileError, FileResult, Finding, Severity
from seolint.parse import FORMATS, ParseError, format_for, parse
from seolint.registry import Rule, RuleError, RuleSet, build_options, load_builtin_rules

STDIN = "-"
_SKIPPED_DIRS = {".git", ".hg", ".svn", ".venv", "venv", "node_modules", "__pycache__", ".seolint_cache"}


class DraftError(Exception):
    """A file that cannot be linted; the message is shown after its path."""


@dataclass(frozen=True)
class ActiveRule:
    rule: Rule
    severity: Severity
    options: Any


@dataclass(frozen=True)
class Plan:
    rules: tuple[ActiveRule, ...]
    content_selector: str | None = None


@dataclass(frozen=True)
class RunResult:
    files: tuple[FileResult, ...]
    errors: tuple[FileError, ...]
    elapsed: float = 0.0

    @property
    def findings(self) -> list[Finding]:
        return [f for result in self.files for f in result.findings]


def known_rules() -> RuleSet:
    return RuleSet(load_builtin_rules())


def make_plan(config: Config, ruleset: RuleSet | None = None) -> Plan:
    """Resolve selection, severities and options against the registry (ConfigError if off)."""
    ruleset = ruleset or known_rules()
    try:
        chosen = ruleset.select(config.select, config.ignore)
        severities = {ruleset.get(key).code: level for key, level in config.severity.items()}
        raw_options = {ruleset.get(key).code: values for key, values in config.rules.items()}
        active = tuple(
            ActiveRule(
                r,
                severities.get(r.code, r.severity),
                build_options(r, {**_shared_options(r, config), **raw_options.get(r.code, {})}, config.where),
            )
            for r in chosen
        )
    except RuleError as error:
        message = str(error)
        raise ConfigError(
            message if message.startswith(config.where) else f"{config.where}: {message}"
        ) from None
    return Plan(active, config.content_selector)


def _shared_options(rule: Rule, config: Config) -> dict[str, Any]:
    """Top-level settings a rule opts into by naming an option after them (`site-domains`).

    The rule's own `[rules.X]` table still wins, so one rule can be tuned on its own.
    """
    shared = {"site-domains": list(config.site_domains)} if config.site_domains else {}
    return {key: value for key, value in shared.items() if key in rule.option_defaults()}


def lint_document(doc: Document, plan: Plan) -> list[Finding]:
    lines = doc.lines
    findings = [
        Finding(
            doc.path,
            problem.span,
            active.rule.code,
            active.rule.name,
            active.severity,
            problem.message,
            lines[problem.span.line - 1] if 0 < problem.span.line <= len(lines) else "",
        )
        for active in plan.rules
        for problem in _run_rule(active, doc)
    ]
    return sorted(findings)


def _run_rule(active: ActiveRule, doc: Document) -> list[Any]:
    try:
        return list(active.rule.run(doc, active.options))
    except Exception as error:  # one broken rule must not take the run down
        raise DraftError(
            f"internal error in rule {active.rule.code} ({active.rule.name}): {error!r}"
        ) from error


def lint_text(text: str, path: str, fmt: Format, plan: Plan) -> FileResult:
    try:
        doc = parse(text, path, fmt, plan.content_selector)
    except ParseError as error:
        raise DraftError(str(error)) from None
    findings = lint_document(doc, plan)
    return FileResult(
        path, fmt, tuple(findings), _stats(doc), tuple((h.level, h.text, h.span.line) for h in doc.headings)
    )


def _stats(doc: Document) -> dict[str, Any]:
    return {
        "words": doc.word_count,
        "headings": len(doc.headings),
        "links": len(doc.links),
        "images": len(doc.images),
        "code_blocks": len(doc.code_blocks),
    }


def decode(data: bytes) -> str:
    """UTF-8 text (a BOM is dropped); anything else is refused with the reason."""
    if b"\x00" in data[:8192]:
        raise DraftError("binary file (contains NUL bytes), not a text draft")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise DraftError(f"not valid UTF-8: byte 0x{data[error.start]:02x} at offset {error.start}") from None


def read_draft(path: str) -> str:
    if path == STDIN:
        return decode(sys.stdin.buffer.read())
    try:
        return decode(Path(path).read_bytes())
    except IsADirectoryError:
        raise DraftError("is a directory") from None
    except OSError as error:
        raise DraftError(f"cannot read: {(error.strerror or str(error)).lower()}") from None


def discover(paths: Sequence[str], config: Config) -> tuple[list[str], list[FileError]]:
    """Expand directories into draft files (sorted); explicit files are always kept."""
    files: list[str] = []
    errors: list[FileError] = []
    for given in paths:
        if given == STDIN:
            files.append(given)
            continue
        path = Path(given)
        if path.is_dir():
            found = [str(p) for p in _walk(path) if not _excluded(p, config)]
            if not found:
                errors.append(FileError(given, "no drafts found (looked for " + ", ".join(FORMATS) + ")"))
            files.extend(found)
        elif path.exists():
            files.append(given)
        else:
            errors.append(FileError(given, "no such file or directory"))
    return files, errors


def _walk(folder: Path) -> Iterator[Path]:
    for root, dirs, names in os.walk(folder):
        dirs[:] = sorted(d for d in dirs if d not in _SKIPPED_DIRS)
        for name in sorted(names):
            if format_for(name) is not None:
                yield Path(root) / name


def _excluded(path: Path, config: Config) -> bool:
    try:
        relative = path.resolve().relative_to(config.root.resolve()).as_posix()
    except ValueError:
        relative = path.as_posix()
    return any(
        fnmatch.fnmatch(relative, pattern) or fnmatch.fnmatch(path.name, pattern)
        for pattern in config.exclude
    )


def lint_path(path: str, plan: Plan, stdin_format: Format = "markdown") -> FileResult:
    fmt = stdin_format if path == STDIN else format_for(path)
    if fmt is None:
        raise DraftError("unsupported file type (seolint reads " + ", ".join(FORMATS) + ")")
    return lint_text(read_draft(path), path, fmt, plan)


def run(paths: Iterable[str], plan: Plan, config: Config, stdin_format: Format = "markdown") -> RunResult:
    import time

    started = time.perf_counter()
    files, errors = discover(list(paths), config)
    results: list[FileResult] = []
    for path in files:
        try:
            results.append(lint_path(path, plan, stdin_format))
        except DraftError as error:
            errors.append(FileError(path, str(error)))
    return RunResult(tuple(results), tuple(errors), time.perf_counter() - started)
