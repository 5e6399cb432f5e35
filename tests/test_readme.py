"""The README's promises: its rule table and its test command match reality."""

from __future__ import annotations

import re

from seolint.cli.rules import rules_markdown_table
from seolint.registry.catalog import known_rules
from tests.conftest import ROOT

README = (ROOT / "README.md").read_text(encoding="utf-8")


def test_rule_table_matches_registry() -> None:
    table = re.search(r"<!-- rules:start -->\n(.*?)\n<!-- rules:end -->", README, re.DOTALL)
    assert table is not None
    assert table.group(1) == rules_markdown_table(known_rules().rules)


def test_ci_runs_the_readme_test_command_then_the_slow_tests() -> None:
    command = "ruff check seolint tests && mypy seolint && pytest -q -n auto"
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert command in README
    assert command in ci
    slow = 'SEOLINT_EXAMPLES=full pytest -q -p no:cacheprovider -m "slow or hypothesis"'
    assert ci.index(slow) > ci.index(command)  # the default run skips these, or draws a share
    assert 'SEOLINT_EXAMPLES=full pytest -q -m "slow or hypothesis"' in README
