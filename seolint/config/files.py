"""Find, load and validate seolint's configuration.

`.seolint.toml` (top-level keys) or `[tool.seolint]` in `pyproject.toml`, found by
walking up from the current directory. Only the shape of the file is checked here;
rule codes and option types are checked against the registry by `seolint.config.plan`.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import Any

from seolint.discover.reading import (
    DEFAULT_MAX_FILE_SIZE,
    MAX_FILE_SIZE_LIMIT,
    ReadError,
    check_encoding,
    read_regular_file,
)
from seolint.discover.records import NamedTuple
from seolint.discover.source import Format
from seolint.document.model import PAGE_KINDS, PageKind
from seolint.findings.records import Severity
from seolint.parse.metadata import FrontMatterKeys
from seolint.registry.suggest import did_you_mean

CONFIG_FILES = (".seolint.toml", "pyproject.toml")
FORMAT_NAMES: tuple[Format, ...] = ("markdown", "html", "text")
MAX_CONFIG_SIZE = 16 * 1024 * 1024  # a config (or a parent pyproject.toml) larger than this is not read
# Folders never worth linting; `exclude` replaces this list, `extend-exclude` adds to it.
DEFAULT_EXCLUDE = (".git", ".hg", ".svn", ".venv", "venv", "node_modules", "__pycache__", ".seolint_cache")


def __getattr__(name: str) -> Any:
    """`tomllib`, imported when first asked for: tests read their TOML data with it, and a
    run with no config file (nor any TOML it has not parsed before) never imports it."""
    if name == "tomllib":
        from seolint.discover.toml import tomllib

        return tomllib
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


class ConfigError(ValueError):
    """A config problem; the message names the file and the key."""


class KindSettings(NamedTuple):
    """`[kind.<kind>]`: which rules judge pages of one kind, and their options there.

    `select` replaces the rules' own choice of kinds (None: keep it), `extend-select` adds
    to it, `ignore` takes away; all within the rules the config selects. `rules` holds
    options by rule, over the top-level `[rules.X]` ones.
    """

    select: tuple[str, ...] | None = None
    extend_select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    rules: Mapping[str, Mapping[str, Any]] = {}


class Config(NamedTuple):
    """The settings of one config file (or of none), their shape checked.

    A NamedTuple, not a dataclass: defining a frozen dataclass of 25 fields compiled its
    methods at every start (BENCHMARKS.md, "Figures behind the code")."""

    source: Path | None = None  # the file the settings came from, for messages
    # Paths in `exclude` are relative to this; "." is the working folder (`load` gives it whole).
    root: Path = Path()
    select: tuple[str, ...] | None = None
    extend_select: tuple[str, ...] = ()  # added to `select` (or to the rules on by default)
    ignore: tuple[str, ...] = ()
    fail_on: Severity = Severity.ERROR
    exclude: tuple[str, ...] | None = None  # None: DEFAULT_EXCLUDE
    extend_exclude: tuple[str, ...] = ()
    respect_gitignore: bool = True
    force_exclude: bool = False  # excludes apply to files named on the command line too
    per_file_ignores: Mapping[str, tuple[str, ...]] = {}  # glob -> rules
    site_domains: tuple[str, ...] = ()
    content_selector: str | None = None
    rule_packs: tuple[str, ...] = ()
    severity: Mapping[str, Severity] = {}
    rules: Mapping[str, Mapping[str, Any]] = {}
    front_matter: FrontMatterKeys = FrontMatterKeys()
    generator: str = "auto"  # the site generator: detected, named, or "none" (checked by settings)
    site_checks: bool = True  # the site-wide rules (W): links across pages, duplicates, orphans
    generated: tuple[str, ...] = ()  # URL globs of pages made at build time: links there are not checked
    encoding: str = "utf-8"  # for drafts without a BOM
    max_file_size: int = DEFAULT_MAX_FILE_SIZE  # bytes; larger drafts are refused
    extension_map: Mapping[str, Format] = {}  # ".mdx" -> "markdown"
    kinds: tuple[tuple[str, PageKind], ...] = ()  # `[kinds]`: glob -> page kind, the first match wins
    kind_settings: Mapping[PageKind, KindSettings] = {}  # `[kind.<kind>]`

    @property
    def where(self) -> str:
        return str(self.source) if self.source else "command line"

    @property
    def excluded_globs(self) -> tuple[str, ...]:
        return (*(DEFAULT_EXCLUDE if self.exclude is None else self.exclude), *self.extend_exclude)


def discover(start: Path) -> Path | None:
    """The nearest config file at or above `start` (a pyproject.toml counts only with [tool.seolint])."""
    for folder in (start.resolve(), *start.resolve().parents):
        found = config_file_in(folder)
        if found is not None:
            return found
    return None


def config_file_in(folder: Path) -> Path | None:
    """The config file of this very folder, if it has one."""
    for name in CONFIG_FILES:
        candidate = folder / name
        if candidate.is_file() and (name != "pyproject.toml" or _has_seolint_table(candidate)):
            return candidate
    return None


def load(path: Path | None) -> Config:
    if path is None:
        return Config(root=Path.cwd())
    table = _read_table(path)
    return from_table(table, path)


def _has_seolint_table(path: Path) -> bool:
    """Whether a pyproject.toml holds [tool.seolint]; one that cannot be read is not a config."""
    try:
        return "seolint" in _tool_table(path, _parse_toml(path))
    except ConfigError:
        return False


def _read_table(path: Path) -> Mapping[str, Any]:
    data = _parse_toml(path)
    if path.name == "pyproject.toml":
        table = _tool_table(path, data).get("seolint", {})
        if not isinstance(table, dict):
            raise ConfigError(f"{path}: [tool.seolint] must be a table")
        return table
    return data


def _parse_toml(path: Path) -> dict[str, Any]:
    from seolint.discover.toml import tomllib  # a run with no config file needs no TOML parser

    try:
        data = read_regular_file(str(path), MAX_CONFIG_SIZE, "the config limit")
        return tomllib.loads(data.decode("utf-8"))
    except OSError as error:
        raise ConfigError(f"{path}: cannot read config: {error.strerror or error}") from None
    except ReadError as error:
        raise ConfigError(f"{path}: cannot read config: {error}") from None
    except UnicodeDecodeError:
        raise ConfigError(f"{path}: config is not valid UTF-8") from None
    except tomllib.TOMLDecodeError as error:
        raise ConfigError(f"{path}: invalid TOML: {error}") from None
    except RecursionError:  # tomllib recurses once per nested array or inline table
        raise ConfigError(f"{path}: invalid TOML: nested too deeply") from None


def _tool_table(path: Path, data: Mapping[str, Any]) -> Mapping[str, Any]:
    """The pyproject's [tool] table (PEP 518 reserves `tool` for tables of tools)."""
    tool = data.get("tool", {})
    if not isinstance(tool, dict):
        raise ConfigError(f"{path}: `tool` must be a table, got {type(tool).__name__}")
    return tool


def from_table(table: Mapping[str, Any], source: Path) -> Config:
    prefix = "tool.seolint." if source.name == "pyproject.toml" else ""
    reader = _TableReader(table, source, prefix)
    config = Config(
        source=source,
        root=source.parent,
        select=reader.strings("select", optional=True),
        extend_select=reader.strings("extend-select") or (),
        ignore=reader.strings("ignore") or (),
        fail_on=reader.severity_value("fail-on") or Severity.ERROR,
        exclude=reader.strings("exclude"),
        extend_exclude=reader.strings("extend-exclude") or (),
        respect_gitignore=reader.boolean("respect-gitignore", True),
        force_exclude=reader.boolean("force-exclude", False),
        per_file_ignores=reader.glob_table("per-file-ignores"),
        site_domains=reader.strings("site-domains") or (),
        content_selector=reader.css_selector("content-selector"),
        rule_packs=reader.strings("rule-packs") or (),
        severity=reader.severity_table("severity"),
        rules=reader.rule_tables("rules"),
        front_matter=reader.front_matter_keys("front-matter"),
        generator=reader.string("generator") or "auto",
        site_checks=reader.boolean("site-checks", True),
        generated=reader.url_globs("generated"),
        encoding=reader.encoding("encoding") or "utf-8",
        max_file_size=reader.size("max-file-size") or DEFAULT_MAX_FILE_SIZE,
        extension_map=reader.extension_map("extension-map"),
        kinds=reader.kind_globs("kinds"),
        kind_settings=reader.kind_tables("kind"),
    )
    reader.reject_unknown()
    return config


_UNITS = {"": 1, "B": 1, "KB": 1024, "MB": 1024**2, "GB": 1024**3}


def parse_size(value: object) -> int:
    """Bytes from an integer or a string such as "10MB" or "512 KB", at most 1 GB."""
    import re

    size = None
    if isinstance(value, int) and not isinstance(value, bool):
        size = value
    elif isinstance(value, str):
        match = re.fullmatch(r"\s*0*(\d+)\s*([KMG]?B?)\s*", value, re.IGNORECASE)
        if match is not None:  # more than 19 digits is over the limit anyway (and int() of 5,000 is slow)
            digits, unit = match.groups()
            size = int(digits) * _UNITS[unit.upper()] if len(digits) <= 19 else MAX_FILE_SIZE_LIMIT + 1
    if size is None or size <= 0:
        raise ValueError(f'must be a positive size in bytes or like "10MB", got {value!r}')
    if size > MAX_FILE_SIZE_LIMIT:
        raise ValueError(f"must be at most 1GB, got {value!r}")
    return size


class _TableReader:
    """Typed access to one config table that remembers which keys were read."""

    def __init__(self, table: Mapping[str, Any], source: Path, prefix: str) -> None:
        self.table, self.source, self.prefix = table, source, prefix
        self.seen: set[str] = set()

    def _error(self, key: str, problem: str) -> ConfigError:
        return ConfigError(f"{self.source}: {self.prefix}{key}: {problem}")

    def _get(self, key: str) -> Any:
        self.seen.add(key)
        return self.table.get(key)

    def strings(self, key: str, optional: bool = False) -> tuple[str, ...] | None:
        value = self._get(key)
        if value is None:
            return None
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            raise self._error(key, "must be a list of strings")
        return tuple(value)

    def url_globs(self, key: str) -> tuple[str, ...]:
        """Site URL paths with globs ("/flux/cmd/**"): each must start with "/"."""
        value = self._get(key)
        if value is None:
            return ()
        example = 'e.g. ["/flux/cmd/**", "/support/"]'
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            raise self._error(key, f"must be a list of URL paths, {example}")
        for glob in value:
            if not glob.startswith("/"):
                raise self._error(key, f"{glob!r} must be a URL path starting with /, {example}")
        return tuple(value)

    def string(self, key: str) -> str | None:
        value = self._get(key)
        if value is not None and not isinstance(value, str):
            raise self._error(key, "must be a string")
        return value

    def boolean(self, key: str, default: bool) -> bool:
        value = self._get(key)
        if value is None:
            return default
        if not isinstance(value, bool):
            raise self._error(key, "must be true or false")
        return value

    def glob_table(self, key: str) -> dict[str, tuple[str, ...]]:
        value = self._get(key) or {}
        if not isinstance(value, dict) or not all(
            isinstance(v, list) and all(isinstance(c, str) for c in v) for v in value.values()
        ):
            raise self._error(key, 'must map globs to lists of rules, e.g. "drafts/*" = ["H001"]')
        return {glob: tuple(codes) for glob, codes in value.items()}

    def encoding(self, key: str) -> str | None:
        value = self.string(key)
        try:
            return check_encoding(value) if value is not None else None
        except ValueError as error:
            raise self._error(key, str(error)) from None

    def size(self, key: str) -> int | None:
        value = self._get(key)
        if value is None:
            return None
        try:
            return parse_size(value)
        except ValueError as error:
            raise self._error(key, str(error)) from None

    def severity_value(self, key: str) -> Severity | None:
        value = self.string(key)
        try:
            return Severity.parse(value) if value is not None else None
        except ValueError as error:
            raise self._error(key, str(error)) from None

    def severity_table(self, key: str) -> dict[str, Severity]:
        value = self._get(key) or {}
        if not isinstance(value, dict):
            raise self._error(key, "must be a table of rule = severity")
        result = {}
        for rule_key, level in value.items():
            if not isinstance(level, str):
                raise self._error(f"{key}.{rule_key}", "must be error, warning or info")
            try:
                result[rule_key] = Severity.parse(level)
            except ValueError as error:
                raise self._error(f"{key}.{rule_key}", str(error)) from None
        return result

    def rule_tables(self, key: str) -> dict[str, dict[str, Any]]:
        value = self._get(key) or {}
        if not isinstance(value, dict) or not all(isinstance(v, dict) for v in value.values()):
            raise self._error(key, "must hold one table per rule, e.g. [rules.H003]")
        return {name: dict(options) for name, options in value.items()}

    def front_matter_keys(self, key: str) -> FrontMatterKeys:
        value = self._get(key) or {}
        if not isinstance(value, dict):
            raise self._error(key, 'must be a table, e.g. description = ["description", "summary"]')
        table = _TableReader(value, self.source, f"{self.prefix}{key}.")
        defaults = FrontMatterKeys()
        found: dict[str, tuple[str, ...]] = {}
        # `any_case` is the site's call, not a list of keys
        lists = (name for name in FrontMatterKeys._fields if name != "any_case")
        for name in (field_name.replace("_", "-") for field_name in lists):
            keys = table.strings(name)
            if keys is not None and not keys:
                raise table._error(name, "must list at least one front-matter key")
            found[name.replace("-", "_")] = keys or getattr(defaults, name.replace("-", "_"))
        table.reject_unknown()
        return FrontMatterKeys(**found)  # type: ignore[arg-type]  # all tuple fields: any_case left out

    def reject_unknown(self) -> None:
        unknown = sorted(set(self.table) - self.seen)
        if not unknown:
            return
        key = unknown[0]
        if key == "tool" and not self.prefix:  # a [tool.seolint] block pasted into .seolint.toml
            raise self._error(
                key,
                "unknown key; `[tool.seolint]` tables belong in pyproject.toml: in .seolint.toml "
                "write the same keys without the `tool.seolint.` prefix (`[rules.H003]`, not "
                "`[tool.seolint.rules.H003]`)",
            )
        raise self._error(key, "unknown key" + did_you_mean(key, self.seen))

    def kind_globs(self, key: str) -> tuple[tuple[str, PageKind], ...]:
        value = self._get(key) or {}
        example = 'e.g. "content/glossary/**" = "reference"'
        if not isinstance(value, dict):
            raise self._error(key, f"must map globs to page kinds, {example}")
        return tuple((glob, self._kind(f"{key}.{glob}", kind)) for glob, kind in value.items())

    def kind_tables(self, key: str) -> dict[PageKind, KindSettings]:
        value = self._get(key) or {}
        if not isinstance(value, dict) or not all(isinstance(v, dict) for v in value.values()):
            raise self._error(key, "must hold one table per page kind, e.g. [kind.docs]")
        found: dict[PageKind, KindSettings] = {}
        for name, entries in value.items():
            table = _TableReader(entries, self.source, f"{self.prefix}{key}.{name}.")
            kind = self._kind(f"{key}.{name}", name, "unknown page kind")
            found[kind] = KindSettings(
                select=table.strings("select", optional=True),
                extend_select=table.strings("extend-select") or (),
                ignore=table.strings("ignore") or (),
                rules=table.rule_tables("rules"),
            )
            table.reject_unknown()
        return found

    def _kind(self, key: str, value: object, problem: str = "must be a page kind") -> PageKind:
        if value not in PAGE_KINDS:
            hint = did_you_mean(value, PAGE_KINDS) if isinstance(value, str) else ""
            raise self._error(key, f"{problem} {value!r}{hint or '; kinds: ' + ', '.join(PAGE_KINDS)}")
        return value

    def extension_map(self, key: str) -> dict[str, Format]:
        value = self._get(key) or {}
        example = 'e.g. {".mdx" = "markdown", ".qmd" = "markdown"}'
        if not isinstance(value, dict):
            raise self._error(key, f"must be a table of file extension = format, {example}")
        found: dict[str, Format] = {}
        for extension, fmt in value.items():
            if not extension.startswith(".") or len(extension) < 2 or "/" in extension:
                raise self._error(f"{key}.{extension}", f'must be a file extension such as ".mdx", {example}')
            if fmt not in FORMAT_NAMES:
                choices = ", ".join(FORMAT_NAMES)
                raise self._error(f"{key}.{extension}", f"must be one of {choices}, got {fmt!r}")
            found[extension.lower()] = fmt
        return found

    def css_selector(self, key: str) -> str | None:
        """A CSS selector, compiled once here so a bad one is one error, not one per HTML file."""
        value = self.string(key)
        if value is None:
            return None
        import soupsieve

        try:
            soupsieve.compile(value)
        except soupsieve.SelectorSyntaxError as error:
            problem = str(error).splitlines()[0]
            raise self._error(key, f"invalid CSS selector {value!r}: {problem}") from None
        return value
