"""Run the pipeline: discover files, read and decode, parse, run rules, collect results.

Everything a run needs is fixed up front in a Plan (rules with their severities and
options), so per-file work is a pure function of the file's text and the plan.
"""

from __future__ import annotations

import dataclasses
import fnmatch
import os
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from seolint import gitignore, suppress
from seolint.config import Config, ConfigError, FrontMatterKeys
from seolint.document import Document, Format
from seolint.findings import FileError, FileResult, Finding, Problem, Severity
from seolint.parse import FORMATS, ParseError, format_for, parse
from seolint.reading import DEFAULT_MAX_FILE_SIZE, STDIN, ReadError, decode, read_bytes
from seolint.registry import Rule, RuleError, RuleSet, build_options, load_builtin_rules

if TYPE_CHECKING:
    from seolint.cache import Cache


class DraftError(Exception):
    """A file that cannot be linted; the message is shown after its path."""

    def __init__(self, message: str, detail: str = "") -> None:
        super().__init__(message)
        self.detail = detail  # a traceback, shown with --debug


@dataclass(frozen=True)
class ActiveRule:
    rule: Rule
    severity: Severity
    options: Any


@dataclass(frozen=True)
class Plan:
    rules: tuple[ActiveRule, ...]
    content_selector: str | None = None
    encoding: str = "utf-8"
    max_file_size: int = DEFAULT_MAX_FILE_SIZE
    aliases: Mapping[str, str] = field(default_factory=dict)  # every rule's code and name -> code
    report_unused_suppressions: bool = False
    per_file_ignores: tuple[tuple[str, frozenset[str]], ...] = ()  # (glob, codes) from config
    root: Path = field(default_factory=Path.cwd)  # globs are relative to the config's folder
    front_matter_keys: FrontMatterKeys = field(default_factory=FrontMatterKeys)

    def for_path(self, path: str) -> Plan:
        """The plan without the rules that `per-file-ignores` turns off for this file."""
        here = Path(path)
        ignores = self.per_file_ignores
        dropped = {c for glob, codes in ignores if matches(here, (glob,), self.root) for c in codes}
        if not dropped:
            return self
        kept = tuple(a for a in self.rules if a.rule.code not in dropped)
        return dataclasses.replace(self, rules=kept)

    def fingerprint(self, extra_files: Iterable[Path] = ()) -> str:
        """A stable hash of everything that decides findings (names the cache's folder).

        `extra_files` are files whose contents also matter: the config file, rule packs.
        """
        from seolint.cache import fingerprint

        return fingerprint(self, extra_files)


@dataclass(frozen=True)
class RunResult:
    files: tuple[FileResult, ...]
    errors: tuple[FileError, ...]
    elapsed: float = 0.0

    @property
    def findings(self) -> list[Finding]:
        return [f for result in self.files for f in result.findings]


def known_rules(config: Config | None = None) -> RuleSet:
    """Built-in rules plus the config's `rule-packs` (paths relative to the config file)."""
    from seolint.packs import PackError, load_packs

    rules = load_builtin_rules()
    if config is not None and config.rule_packs:
        try:
            rules += load_packs([config.root / path for path in config.rule_packs], rules)
        except PackError as error:
            raise ConfigError(f"{config.where}: rule-packs: {error}") from None
    return RuleSet(sorted(rules, key=lambda r: r.code))


def make_plan(config: Config, ruleset: RuleSet | None = None) -> Plan:
    """Resolve selection, severities and options against the registry (ConfigError if off)."""
    ruleset = ruleset or known_rules(config)
    try:
        chosen = ruleset.select(config.select, config.ignore)
        severities = {ruleset.get(key).code: level for key, level in config.severity.items()}
        raw_options = {ruleset.get(key).code: values for key, values in config.rules.items()}
        per_file = tuple(
            (glob, frozenset(r.code for s in selectors for r in ruleset.matching(s)))
            for glob, selectors in config.per_file_ignores.items()
        )
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
    aliases = {key: r.code for r in ruleset.rules for key in (r.code, r.name)}
    return Plan(
        active,
        config.content_selector,
        config.encoding,
        config.max_file_size,
        aliases,
        per_file_ignores=per_file,
        root=config.root,
        front_matter_keys=config.front_matter,
    )


def _shared_options(rule: Rule, config: Config) -> dict[str, Any]:
    """Top-level settings a rule opts into by naming an option after them (`site-domains`).

    The rule's own `[rules.X]` table still wins, so one rule can be tuned on its own.
    """
    shared = {"site-domains": list(config.site_domains)} if config.site_domains else {}
    return {key: value for key, value in shared.items() if key in rule.option_defaults()}


def lint_document(doc: Document, plan: Plan) -> tuple[list[Finding], list[FileError]]:
    """Findings of every planned rule; a rule that raises becomes an internal error."""
    lines = doc.lines
    errors: list[FileError] = []
    findings = [
        Finding(
            doc.path,
            problem.span,
            active.rule.code,
            active.rule.name,
            active.severity,
            problem.message,
            context_line(lines, problem.span.line),
        )
        for active in plan.rules
        for problem in _run_rule(active, doc, errors)
    ]
    return sorted(findings), errors


def context_line(lines: Sequence[str], line: int) -> str:
    """The finding's line, or the first non-blank one after it when it is blank.

    Whole-post findings sit on line 1; when that is blank (the post starts with empty
    lines) the next text line gives the report context and the baseline a stable key.
    """
    for text in lines[max(line, 1) - 1 :]:
        if text.strip():
            return text
    return ""


def _run_rule(active: ActiveRule, doc: Document, errors: list[FileError]) -> list[Problem]:
    try:
        return list(active.rule.run(doc, active.options))
    except Exception as error:  # one broken rule must not take the other rules or files down
        where = f"rule {active.rule.code} ({active.rule.name})"
        errors.append(FileError(doc.path, f"internal error in {where}: {_describe(error)}", _trace(error)))
        return []


def lint_text(text: str, path: str, fmt: Format, plan: Plan) -> FileResult:
    plan = plan.for_path(path)
    try:
        doc = parse(text, path, fmt, plan.content_selector, plan.front_matter_keys)
    except ParseError as error:
        raise DraftError(str(error)) from None
    except Exception as error:  # a front-end bug on odd input is reported, not a crash
        raise DraftError(f"internal error while parsing: {_describe(error)}", _trace(error)) from error
    findings, errors = lint_document(doc, plan)
    findings = suppress.apply(doc, findings, plan)
    outline = tuple((h.level, h.text, h.span.line) for h in doc.headings)
    ran = tuple(active.rule.code for active in plan.rules)
    return FileResult(path, fmt, tuple(findings), _stats(doc, plan), outline, tuple(errors), ran)


def _describe(error: BaseException) -> str:
    return f"{type(error).__name__}: {error}" if str(error) else type(error).__name__


def _trace(error: BaseException) -> str:
    import traceback

    return "".join(traceback.format_exception(error))


def _stats(doc: Document, plan: Plan) -> dict[str, Any]:
    stats: dict[str, Any] = {
        "words": doc.word_count,
        "headings": len(doc.headings),
        "links": len(doc.links),
        "images": len(doc.images),
        "code_blocks": len(doc.code_blocks),
    }
    if any(active.rule.family == "R" for active in plan.rules):  # textstat only when R rules run
        from seolint.prose import stats as readability_stats

        stats.update(readability_stats(doc))
    return stats


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
            walked = list(_walk(path, config))
            skipped = gitignore.ignored(path, walked) if config.respect_gitignore else set()
            found = [str(p) for p in walked if p not in skipped]
            if not found:
                errors.append(FileError(given, "no drafts found (looked for " + ", ".join(FORMATS) + ")"))
            files.extend(found)
        elif path.exists() or path.is_symlink():  # a broken link or loop is reported when read
            files.append(given)
        else:
            errors.append(FileError(given, "no such file or directory"))
    return files, errors


def _walk(folder: Path, config: Config) -> Iterator[Path]:
    """Draft files under `folder`, sorted, without excluded folders and files."""
    globs = config.excluded_globs
    for root, dirs, names in os.walk(folder):
        dirs[:] = sorted(d for d in dirs if not matches(Path(root) / d, globs, config.root))
        for name in sorted(names):
            path = Path(root) / name
            if format_for(name) is not None and not matches(path, globs, config.root):
                yield path


def matches(path: Path, globs: Iterable[str], root: Path) -> bool:
    """Whether a glob matches the path relative to `root` (the config's folder) or its name."""
    try:
        relative = path.resolve().relative_to(root.resolve()).as_posix()
    except ValueError:
        relative = path.as_posix()
    return any(fnmatch.fnmatch(relative, glob) or fnmatch.fnmatch(path.name, glob) for glob in globs)


def lint_path(
    path: str, plan: Plan, stdin_format: Format = "markdown", cache: Cache | None = None
) -> FileResult:
    fmt = stdin_format if path == STDIN else format_for(path)
    if fmt is None:
        raise DraftError("unsupported file type (seolint reads " + ", ".join(FORMATS) + ")")
    try:
        data = read_bytes(path, plan.max_file_size)
        key = cache.key(path, data) if cache is not None and path != STDIN else None
        if key is not None and (hit := cache.get(key)) is not None:  # type: ignore[union-attr]
            return hit
        text = decode(data, plan.encoding)
    except ReadError as error:
        raise DraftError(str(error)) from None
    result = lint_text(text, path, fmt, plan)
    if key is not None and not result.errors:  # a crashed rule is retried next time
        cache.put(key, result)  # type: ignore[union-attr]
    return result


def run(
    paths: Iterable[str],
    plan: Plan,
    config: Config,
    stdin_format: Format = "markdown",
    jobs: int = 1,
    cache: Cache | None = None,
) -> RunResult:
    """Lint every draft under `paths`, over `jobs` processes; results in discovery order."""
    import time

    from seolint.parallel import lint_files

    started = time.perf_counter()
    files, errors = discover(list(paths), config)
    results: list[FileResult] = []
    for outcome in lint_files(files, plan, stdin_format, jobs, cache):
        if isinstance(outcome, FileError):
            errors.append(outcome)
            continue
        results.append(outcome)
        errors.extend(outcome.errors)
    return RunResult(tuple(results), tuple(errors), time.perf_counter() - started)
