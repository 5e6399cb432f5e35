"""Which rules exist: the built-in modules and packs, plugins, and the config's own packs.

An explicit list of rule modules (no directory scanning) plus third-party entry points
in the `seolint.rules` group (sqlfluff's plugin pattern), then packs named by config.
"""

from __future__ import annotations

import importlib
import types
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path

from seolint.registry.rule import Rule, RuleError, RuleSet

BUILTIN_MODULES = (
    "seolint.checks.headings",
    "seolint.checks.links",
    "seolint.checks.images",
    "seolint.checks.cta",
    "seolint.checks.meta",
    "seolint.checks.publish",
    "seolint.checks.publish_site",
    "seolint.checks.code",
    "seolint.checks.readability",
    "seolint.checks.scaffolding",
    "seolint.checks.leftovers",
    "seolint.checks.suppressions",
    "seolint.checks.sitewide",
)


def known_rules(pack_paths: Sequence[Path] = ()) -> RuleSet:
    """Built-in rules plus the packs at `pack_paths` (files or folders of `*.toml`);
    PackError names a broken pack."""
    rules = load_builtin_rules()
    if pack_paths:
        from seolint.registry.packs.load import load_packs

        rules += load_packs(pack_paths, rules)
    return RuleSet(sorted(rules, key=lambda r: r.code))


def load_builtin_rules() -> list[Rule]:
    """Every built-in rule (Python and packs) plus rules from `seolint.rules` entry points."""
    from seolint.registry.packs.load import builtin_pack_rules

    rules: list[Rule] = []
    for module_name in BUILTIN_MODULES:
        module = importlib.import_module(module_name)
        rules.extend(v for v in vars(module).values() if isinstance(v, Rule))
    rules.extend(builtin_pack_rules())
    rules.extend(_entry_point_rules())
    return _unique(rules)


def _entry_point_rules() -> Iterator[Rule]:
    from seolint.registry.plugins import may_declare

    if not may_declare("seolint.rules"):
        return
    from importlib.metadata import entry_points

    for entry in entry_points(group="seolint.rules"):
        loaded = entry.load()
        candidates = vars(loaded).values() if isinstance(loaded, types.ModuleType) else [loaded]
        yield from (v for v in candidates if isinstance(v, Rule))


def _unique(rules: Iterable[Rule]) -> list[Rule]:
    by_code: dict[str, Rule] = {}
    names: set[str] = set()
    for r in rules:
        if r.code in by_code or r.name in names:
            raise RuleError(f"rule {r.code} ({r.name}) is defined twice")
        by_code[r.code] = r
        names.add(r.name)
    return sorted(by_code.values(), key=lambda r: r.code)
