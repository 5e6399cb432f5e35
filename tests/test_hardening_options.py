"""Rule options out of range are config errors naming the key, not internal errors on every file."""

from __future__ import annotations

import dataclasses
import typing
from pathlib import Path
from typing import Any

import pytest

from seolint.config.files import Config
from seolint.config.plan import make_plan
from seolint.findings.records import Severity
from seolint.registry.catalog import load_builtin_rules
from seolint.registry.options import fields as option_fields
from seolint.registry.rule import RuleError, build_options, rule
from tests.conftest import lint_text, run_cli

BAD = [
    ("R006", "min-run", 0, "must be at least 2"),
    ("R006", "min-run", -1, "must be at least 2"),
    ("C001", "window", 1.5, "must be at most 1"),
    ("R005", "max-share", -0.1, "must be at least 0"),
    ("R003", "max-words", 0, "must be at least 1"),
    ("M008", "max", float("nan"), "must be a finite number"),
    ("R001", "min", float("inf"), "must be a finite number"),
]


def toml_value(value: Any) -> str:
    if isinstance(value, float) and value != value:
        return "nan"
    if isinstance(value, float) and value in (float("inf"), float("-inf")):
        return "inf" if value > 0 else "-inf"
    return repr(value)


@pytest.mark.parametrize(("code", "key", "value", "problem"), BAD)
def test_out_of_range_option_is_one_config_error_line(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, code: str, key: str, value: Any, problem: str
) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "post.md").write_text("# A title\n\nWe went. We saw. We left.\n", encoding="utf-8")
    (tmp_path / ".seolint.toml").write_text(
        f"[rules.{code}]\n{key} = {toml_value(value)}\n", encoding="utf-8"
    )
    result = run_cli(["check", "--no-cache", "--format", "json", "post.md"])
    assert result.exit_code == 2, (result.stdout, result.stderr)
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert ".seolint.toml" in lines[0] and repr(key) in lines[0] and code in lines[0], lines[0]
    assert problem in lines[0], lines[0]


def test_every_builtin_option_default_is_within_its_own_bounds() -> None:
    for rule_ in load_builtin_rules():
        defaults = rule_.option_defaults()
        build_options(
            rule_, {key: list(v) if isinstance(v, tuple) else v for key, v in defaults.items()}, "t"
        )


def test_bounds_are_inclusive() -> None:
    plan = make_plan(Config(select=("R006",), rules={"R006": {"min-run": 2}}))
    findings = lint_text("# T\n\nWe went. We saw.\n", "p.md", "markdown", plan).findings
    assert [(f.span.line, f.code) for f in findings] == [(3, "R006")]


def test_no_builtin_rule_raises_with_a_number_option_at_zero_or_minus_one() -> None:
    """No built-in rule raises on a whole draft with any of its numbers at 0 or -1."""
    draft = "---\ntitle: T\ndescription: D\nkeyphrase: k\n---\n# T\n\nWe went. We saw k.\n\n![a](b.png)\n"
    for rule_ in load_builtin_rules():
        hints = typing.get_type_hints(rule_.options_type)
        for spec in option_fields(rule_.options_type):
            if hints[spec.name] not in (int, float):
                continue
            for value in (0, -1):
                key = spec.name.replace("_", "-")
                try:
                    plan = make_plan(Config(select=(rule_.code,), rules={rule_.code: {key: value}}))
                except ValueError:
                    continue
                assert not lint_text(draft, "p.md", "markdown", plan).errors, (rule_.code, key, value)


@dataclasses.dataclass(frozen=True)
class PluginOptions:
    low: int = 1
    high: int = 2

    def __post_init__(self) -> None:
        if self.low > self.high:
            raise ValueError("low must not exceed high")


@rule("Z901", "plugin-rule", Severity.INFO, PluginOptions)
def plugin_rule(doc: object, opts: PluginOptions) -> typing.Iterator[Any]:
    """A plugin rule that validates its own options."""
    return iter(())


def test_value_error_from_an_options_dataclass_is_a_rule_error_naming_the_rule() -> None:
    with pytest.raises(RuleError, match=r"^cfg: options of Z901 \(plugin-rule\): low must not exceed high$"):
        build_options(plugin_rule, {"low": 5}, "cfg")


@dataclasses.dataclass(frozen=True)
class ListOptions:
    words: tuple[str, ...] = ("alpha",)


@rule("Z902", "list-rule", Severity.INFO, ListOptions)
def list_rule(doc: object, opts: ListOptions) -> typing.Iterator[Any]:
    """A rule whose list option has items by default."""
    return iter(())


def test_emptying_a_list_that_has_items_by_default_is_refused() -> None:
    with pytest.raises(RuleError, match="must not be empty"):
        build_options(list_rule, {"words": []}, "cfg")
    assert build_options(list_rule, {"words": ["beta"]}, "cfg") == ListOptions(("beta",))
