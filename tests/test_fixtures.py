"""The fixtures are the spec: every `<!-- expect: CODE -->` marker must be reported on its
line, and nothing else may be (markdownlint's pattern).

A fixture may limit the rules it exercises with `<!-- fixture-select: H L001 -->`;
without it every rule runs, so the clean showcase posts must stay clean as rules grow.
`<!-- fixture-flags: report-unused-suppressions -->` turns on a run-time flag.
"""

from __future__ import annotations

import dataclasses
import re
from collections import Counter
from pathlib import Path

import pytest

from seolint.catalog import known_rules
from seolint.config import Config
from seolint.plan import make_plan
from tests.conftest import FIXTURES, lint_path

EXPECT = re.compile(r"<!--\s*expect(?:-line\s+(\d+))?:\s*([\w\s-]+?)\s*-->")
SELECT = re.compile(r"<!--\s*fixture-select:\s*([\w\s-]+?)\s*-->")
FLAGS = re.compile(r"<!--\s*fixture-flags:\s*([\w\s-]+?)\s*-->")
KNOWN_FLAGS = {"report-unused-suppressions"}
# fixtures/sites/ holds whole site trees (templates included) for tests/test_site_*.py.
SITE_TREES = FIXTURES / "sites"
FIXTURE_FILES = sorted(
    p for p in FIXTURES.rglob("*") if p.suffix in {".md", ".html", ".txt"} and SITE_TREES not in p.parents
)


def expectations(text: str) -> Counter[tuple[int, str]]:
    expected: Counter[tuple[int, str]] = Counter()
    for number, line in enumerate(text.splitlines(), start=1):
        for match in EXPECT.finditer(line):
            target = int(match.group(1)) if match.group(1) else number
            expected.update((target, code) for code in match.group(2).split())
    return expected


def selection(text: str) -> tuple[str, ...] | None:
    match = SELECT.search(text)
    return tuple(match.group(1).split()) if match else None


@pytest.mark.parametrize("path", FIXTURE_FILES, ids=lambda p: str(p.relative_to(FIXTURES)))
def test_fixture_findings_match_markers(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    flags = set(match.group(1).split()) if (match := FLAGS.search(text)) else set()
    assert flags <= KNOWN_FLAGS, f"unknown fixture flags {flags - KNOWN_FLAGS}"
    plan = make_plan(Config(select=selection(text)))
    plan = dataclasses.replace(plan, report_unused_suppressions="report-unused-suppressions" in flags)
    result = lint_path(str(path), plan)
    actual = Counter((f.span.line, f.code) for f in result.findings)
    assert actual == expectations(text)


def test_every_rule_has_a_firing_and_a_quiet_fixture() -> None:
    fired: set[str] = set()
    quiet: set[str] = set()
    ruleset = known_rules()
    for path in FIXTURE_FILES:
        text = path.read_text(encoding="utf-8")
        expected = {code for _, code in expectations(text)}
        selected = {r.code for r in ruleset.select(selection(text), ())}
        fired |= expected
        quiet |= selected - expected
    codes = {r.code for r in ruleset.rules}
    assert codes - fired == set(), "rules without a fixture that fires"
    assert codes - quiet == set(), "rules without a fixture where they stay quiet"


def test_clean_showcase_posts_exist_and_select_all_rules() -> None:
    for name in ("clean-post.md", "clean-post.html"):
        text = (FIXTURES / name).read_text(encoding="utf-8")
        assert selection(text) is None and not expectations(text)
