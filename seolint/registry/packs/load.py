"""Rule packs from TOML: read the files, check every key, and build ordinary Rules.

A pack rule names a scope (which text of the Document it reads) and gives regex
`patterns` and/or literal `phrases`; the built-in packs live in the top-level `rules/`
folder (installed as `seolint.packs_data`), user packs come from `rule-packs` in config.
The format is documented in the README ("Rule packs"); what the rules do at lint time is
seolint.registry.packs.match.
"""

from __future__ import annotations

import functools
import string
from collections.abc import Callable, Iterable, Mapping, Sequence
from functools import cache
from pathlib import Path
from typing import Any

from seolint.discover.reading import MAX_DATA_FILE_SIZE, ReadError, read_regular_file
from seolint.document.language import language_tag
from seolint.findings.records import Applicability, Severity
from seolint.registry.packs.match import (
    FIX_ACTIONS,
    SCOPES,
    SECTIONS,
    WHERE,
    FixSpec,
    Matcher,
    PackCheck,
    PackOptions,
)
from seolint.registry.packs.regex_safety import (
    Pattern,
    PatternError,
    compile_builtin_pattern,
    compile_user_pattern,
)
from seolint.registry.phrases import phrase_pattern
from seolint.registry.rule import Rule, RuleError, check_identity

_RULE_KEYS = {
    "code", "name", "severity", "summary", "message", "help", "scope",
    "patterns", "phrases", "exceptions", "where", "match", "fix", "language", "terms", "opt-in",
}  # fmt: skip
# A `terms` rule ("Github -> GitHub") replaces spellings in prose: it takes no matchers.
_NOT_WITH_TERMS = ("patterns", "phrases", "where", "match", "fix", "language")
_MATCH_KEYS = {"patterns", "phrases", "exceptions", "where", "fix", "language"}
_FIX_KEYS = {"action", "applicability", "title", "with-lines"}
PatternCompiler = Callable[[str], Pattern]


class PackError(RuleError):
    """A pack that cannot be loaded; the message names the file and the rule."""


@cache
def builtin_pack_rules() -> tuple[Rule, ...]:
    """The packs shipped with seolint, compiled once per process."""
    from seolint.registry.package_data import package_files
    from seolint.registry.shipped_toml import parsed_toml

    rules: list[Rule] = []
    for name, text in package_files("seolint.packs_data", ".toml"):
        where = f"rules/{name}"
        data = _parsed(where, functools.partial(parsed_toml, f"seolint.packs_data/{name}"), text)
        rules.extend(pack_rules(data, where, _taken(rules), compile_builtin_pattern))
    return tuple(rules)


def load_packs(paths: Sequence[Path], existing: Sequence[Rule]) -> list[Rule]:
    """User packs: each path is a TOML file or a folder of them (sorted, not recursive)."""
    rules: list[Rule] = []
    for path in paths:
        if path.is_dir():
            files = sorted(path.glob("*.toml"))
        elif path.is_file():
            files = [path]
        else:
            raise PackError(f"{path}: rule pack not found")
        for file in files:
            try:
                text = read_regular_file(str(file), MAX_DATA_FILE_SIZE, "the rule pack limit").decode("utf-8")
            except (OSError, UnicodeDecodeError, ReadError) as error:
                raise PackError(f"{file}: cannot read rule pack: {error}") from None
            rules.extend(parse_pack(text, str(file), _taken([*existing, *rules])))
    return rules


def _taken(rules: Iterable[Rule]) -> set[str]:
    return {key for r in rules for key in (r.code, r.name)}


def parse_pack(
    text: str, where: str, taken: set[str], compile_pattern: PatternCompiler = compile_user_pattern
) -> list[Rule]:
    """The rules of one pack; `compile_pattern` is RE2's unless the pack is built in."""
    from seolint.discover.toml import tomllib

    return pack_rules(_parsed(where, tomllib.loads, text), where, taken, compile_pattern)


def _parsed(where: str, parse: Callable[[str], dict[str, Any]], text: str) -> dict[str, Any]:
    """`parse(text)`; PackError naming `where` when the text is not TOML."""
    try:
        return parse(text)
    except ValueError as error:  # tomllib.TOMLDecodeError, without importing tomllib to name it
        raise PackError(f"{where}: invalid TOML: {error}") from None


def pack_rules(
    data: dict[str, Any], where: str, taken: set[str], compile_pattern: PatternCompiler
) -> list[Rule]:
    """The rules of a pack's parsed TOML (see `parse_pack`)."""
    unknown = sorted(set(data) - {"rule"})
    if unknown:
        raise PackError(f"{where}: unknown key {unknown[0]!r} (a pack holds [[rule]] tables)")
    entries = data.get("rule", [])
    if not isinstance(entries, list) or not entries or not all(isinstance(e, dict) for e in entries):
        raise PackError(f"{where}: a pack needs at least one [[rule]] table")
    rules: list[Rule] = []
    for number, entry in enumerate(entries, start=1):
        label = f"{where}: rule {entry.get('code') or f'#{number}'}"
        built = _build_rule(entry, label, compile_pattern)
        for key in (built.code, built.name):
            if key in taken:
                raise PackError(f"{label}: {key} is already defined by another rule")
            taken.add(key)
        rules.append(built)
    return rules


def _build_rule(entry: dict[str, Any], label: str, compile_pattern: PatternCompiler) -> Rule:
    unknown = sorted(set(entry) - _RULE_KEYS)
    if unknown:
        raise PackError(f"{label}: unknown key {unknown[0]!r}")
    if "terms" in entry:
        return _terms_rule(entry, label, compile_pattern)
    code, name, summary, message, scope = (
        _string(entry, key, label) for key in ("code", "name", "summary", "message", "scope")
    )
    if scope not in SCOPES:
        raise PackError(f"{label}: unknown scope {scope!r}; scopes: {', '.join(SCOPES)}")
    try:
        severity = Severity.parse(_string(entry, "severity", label))
    except ValueError as error:
        raise PackError(f"{label}: {error}") from None
    _check_message(message, label)
    shared_exceptions = _patterns(entry.get("exceptions", []), f"{label}: exceptions", compile_pattern)
    language = _languages(entry.get("language"), label)
    build = functools.partial(
        _matcher, shared=shared_exceptions, scope=scope, compile_pattern=compile_pattern, language=language
    )
    own: dict[str, Any] = {key: entry[key] for key in ("patterns", "phrases", "where", "fix") if key in entry}
    if "fix" in own and not _has_matcher(own):
        raise PackError(f"{label}: fix: the rule has no patterns or phrases of its own to fix")
    matchers = [build(own, label)] if _has_matcher(own) else []
    extra = entry.get("match", [])
    if not isinstance(extra, list) or not all(isinstance(m, dict) for m in extra):
        raise PackError(f"{label}: match must be a list of [[rule.match]] tables")
    for index, table in enumerate(extra, start=1):
        unknown = sorted(set(table) - _MATCH_KEYS)
        if unknown:
            raise PackError(f"{label}: match #{index}: unknown key {unknown[0]!r}")
        if not _has_matcher(table):
            raise PackError(f"{label}: match #{index}: needs patterns or phrases")
        matchers.append(build(table, f"{label}: match #{index}"))
    if not matchers:
        raise PackError(f"{label}: needs patterns or phrases")
    labels = tuple(p for m in matchers for p in m.patterns)
    matchers = [m._replace(section_ends=labels) if m.where in SECTIONS else m for m in matchers]
    doc = _rule_doc(entry, code, name, summary, label)
    check = PackCheck(scope, message, tuple(matchers))
    readable = [m.languages for m in matchers]
    languages = None if None in readable else frozenset().union(*(r for r in readable if r is not None))
    by_default = not _opt_in(entry, label)
    return Rule(
        code, name, severity, PackOptions, check, summary, doc, languages=languages, by_default=by_default
    )


def _languages(value: object, label: str) -> frozenset[str] | None:
    """`language = "de"` or `language = ["de", "at"]`: the languages a rule's or a match
    table's phrases are in, as primary subtags; None when not said (any language)."""
    if value is None:
        return None
    values = value if isinstance(value, list) else [value]
    codes = [language_tag(v) for v in values]
    if not values or any(code is None for code in codes):
        raise PackError(f'{label}: language must be a language tag such as "en" or a list of them')
    return frozenset(code for code in codes if code is not None)


def _opt_in(entry: dict[str, Any], label: str) -> bool:
    """`opt-in = true`: the rule runs only where `select` or `extend-select` names it."""
    value = entry.get("opt-in", False)
    if not isinstance(value, bool):
        raise PackError(f"{label}: opt-in must be true or false")
    return value


def _terms_rule(entry: dict[str, Any], label: str, compile_pattern: PatternCompiler) -> Rule:
    """A rule of house spellings: `terms = ["Github -> GitHub", ...]`, read in the lines scope."""
    from seolint.registry.packs.terms import TermError, TermsCheck, TermsOptions, parse_terms

    clash = next((key for key in _NOT_WITH_TERMS if key in entry), None)
    if clash is not None:
        raise PackError(f"{label}: {clash!r} does not go with terms (a terms rule only replaces spellings)")
    if entry.get("scope", "lines") != "lines":
        raise PackError(f"{label}: a terms rule reads scope 'lines', got {entry['scope']!r}")
    code, name, summary, message = (
        _string(entry, key, label) for key in ("code", "name", "summary", "message")
    )
    try:
        severity = Severity.parse(_string(entry, "severity", label))
    except ValueError as error:
        raise PackError(f"{label}: {error}") from None
    _check_message(message, label, allowed=("match", "replacement"))
    values = entry["terms"]
    if not isinstance(values, list) or not values or not all(isinstance(v, str) for v in values):
        raise PackError(f"{label}: terms must be a list of 'wrong -> right' strings")
    try:
        terms = parse_terms(values)
    except TermError as error:
        raise PackError(f"{label}: terms: {error}") from None
    exceptions = _patterns(entry.get("exceptions", []), f"{label}: exceptions", compile_pattern)
    doc = _rule_doc(entry, code, name, summary, label)
    check = TermsCheck(message, terms, exceptions)
    return Rule(code, name, severity, TermsOptions, check, summary, doc, by_default=not _opt_in(entry, label))


def _has_matcher(table: dict[str, Any]) -> bool:
    return bool(table.get("patterns") or table.get("phrases"))


def _check_message(message: str, label: str, allowed: tuple[str, ...] = ("match",)) -> None:
    """Only `{match}` fields (and `{replacement}` in a terms rule), with !r, !s or !a: a format
    spec such as `{match:>999999999}` would let a pack allocate gigabytes per finding."""
    try:
        fields = [(name, spec, conversion) for _, name, spec, conversion in string.Formatter().parse(message)]
    except ValueError as error:
        raise PackError(f"{label}: message: {error}") from None
    for name, spec, conversion in fields:
        if name is not None and (name not in allowed or spec or conversion not in (None, "r", "s", "a")):
            field = "{" + name + (f"!{conversion}" if conversion else "") + (f":{spec}" if spec else "") + "}"
            names = " or ".join(f"{{{a}}} or {{{a}!r}}" for a in allowed)
            raise PackError(f"{label}: message: field {field[:40]!r} is not allowed; use {names}")


def _matcher(
    table: dict[str, Any],
    label: str,
    shared: tuple[Pattern, ...],
    scope: str,
    compile_pattern: PatternCompiler,
    language: frozenset[str] | None,
) -> Matcher:
    patterns = list(_patterns(table.get("patterns", []), f"{label}: patterns", compile_pattern))
    phrases = table.get("phrases", [])
    if not isinstance(phrases, list) or not all(isinstance(p, str) and p.strip() for p in phrases):
        raise PackError(f"{label}: phrases must be a list of non-empty strings")
    if phrases:
        patterns.append(phrase_pattern(phrases))
    where = table.get("where", "anywhere")
    if where not in WHERE:
        raise PackError(f"{label}: where must be one of {', '.join(WHERE)}, got {where!r}")
    if where != "anywhere" and scope != "lines":
        raise PackError(f"{label}: where = {where!r} needs scope = 'lines'")
    own = _patterns(table.get("exceptions", []), f"{label}: exceptions", compile_pattern)
    fix = _fix_spec(table["fix"], f"{label}: fix", scope, compile_pattern) if "fix" in table else None
    own_language = _languages(table["language"], label) if "language" in table else language
    return Matcher(tuple(patterns), (*shared, *own), where, fix, languages=own_language)


def _fix_spec(table: object, label: str, scope: str, compile_pattern: PatternCompiler) -> FixSpec:
    """A `[rule.fix]` table: action, applicability (safe | unsafe), title, with-lines."""
    if not isinstance(table, dict):
        raise PackError(f"{label}: must be a table with action, applicability and title")
    unknown = sorted(set(table) - _FIX_KEYS)
    if unknown:
        raise PackError(f"{label}: unknown key {unknown[0]!r}")
    action, applicability, title = (
        _string(table, key, label) for key in ("action", "applicability", "title")
    )
    if action not in FIX_ACTIONS:
        raise PackError(f"{label}: unknown action {action!r}; actions: {', '.join(FIX_ACTIONS)}")
    if scope not in FIX_ACTIONS[action]:
        needed = " or ".join(map(repr, FIX_ACTIONS[action]))
        raise PackError(f"{label}: action {action!r} needs scope = {needed}")
    if applicability not in ("safe", "unsafe"):
        raise PackError(f"{label}: applicability must be 'safe' or 'unsafe', got {applicability!r}")
    if "with-lines" in table and action != "remove-label":
        raise PackError(f"{label}: with-lines only goes with action 'remove-label'")
    with_lines = _patterns(table.get("with-lines", []), f"{label}: with-lines", compile_pattern)
    safety: Applicability = "safe" if applicability == "safe" else "unsafe"
    return FixSpec(action, safety, title, with_lines)


def _patterns(values: object, label: str, compile_pattern: PatternCompiler) -> tuple[Pattern, ...]:
    if not isinstance(values, list) or not all(isinstance(v, str) and v for v in values):
        raise PackError(f"{label} must be a list of regular expressions")
    try:
        return tuple(compile_pattern(value) for value in values)
    except PatternError as error:
        raise PackError(f"{label}: {error}") from None


def _string(entry: dict[str, Any], key: str, label: str) -> str:
    value = entry.get(key)
    if not isinstance(value, str) or not value.strip():
        raise PackError(f"{label}: missing or empty {key!r}")
    return value.strip()


def _rule_doc(entry: Mapping[str, Any], code: str, name: str, summary: str, label: str) -> str:
    """The rule's help (its summary, then `help`), once its code and name are known good."""
    help_text = entry.get("help", "")
    if not isinstance(help_text, str):
        raise PackError(f"{label}: help must be a string")
    try:
        check_identity(code, name)
    except RuleError as error:
        raise PackError(f"{label}: {error}") from None
    return summary + ("\n\n" + help_text.strip() if help_text.strip() else "")
