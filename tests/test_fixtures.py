"""The fixtures are the spec: every `<!-- expect: CODE -->` marker must be reported on its
line, and nothing else may be (markdownlint's pattern).

- `<!-- expect: L001 -->` expects a finding on the marker's line; `<!-- expect-line 3: M002 -->`
  on line 3. `L001@12` also pins the column (1-based in the source line); codes without `@`
  match any column. Several codes may share a marker: `<!-- expect: L001@5 L001@27 -->`.
- `<!-- fixture-select: H L001 -->` limits the rules that run; without it every rule runs,
  so the clean showcase posts must stay clean as rules grow.
- `<!-- fixture-flags: report-unused-suppressions -->` turns on a run-time flag.
- `<!-- fixture-options: P001 outside-sites = true -->` sets a rule's option (a TOML value).
- `<!-- near-miss: L001 L004 -->` says the fixture holds what those rules look at (a link
  whose target looks odd but is fine, a sentence just under the limit...) and they must not
  fire. Every rule needs a firing fixture and a near miss of its own: a post that merely
  never mentions what a rule looks for proves nothing, so the showcase posts do not count.
"""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

import pytest

from seolint.registry.catalog import known_rules
from tests.conftest import FIXTURES, lint_file, plan_for

EXPECT = re.compile(r"<!--\s*expect(?:-line\s+(\d+))?:\s*([\w\s@-]+?)\s*-->")
EXPECTED_CODE = re.compile(r"(\w+)(?:@(\d+))?")
NEAR_MISS = re.compile(r"<!--\s*near-miss:\s*([\w\s]+?)\s*-->")
SELECT = re.compile(r"<!--\s*fixture-select:\s*([\w\s-]+?)\s*-->")
FLAGS = re.compile(r"<!--\s*fixture-flags:\s*([\w\s-]+?)\s*-->")
OPTIONS = re.compile(r"<!--\s*fixture-options:\s*(\w+)\s+([\w-]+)\s*=\s*(.+?)\s*-->")
KNOWN_FLAGS = {"report-unused-suppressions"}
# fixtures/sites/ holds whole site trees (templates included) for tests/test_site_*.py.
SITE_TREES = FIXTURES / "sites"
FIXTURE_FILES = sorted(
    p for p in FIXTURES.rglob("*") if p.suffix in {".md", ".html", ".txt"} and SITE_TREES not in p.parents
)


Expected = tuple[int, str, int | None]  # line, code, column (None: any column)


def expectations(text: str) -> Counter[Expected]:
    expected: Counter[Expected] = Counter()
    for number, line in enumerate(text.splitlines(), start=1):
        for match in EXPECT.finditer(line):
            target = int(match.group(1)) if match.group(1) else number
            for item in match.group(2).split():
                code = EXPECTED_CODE.fullmatch(item)
                assert code is not None, f"line {number}: bad expectation {item!r}"
                expected[(target, code.group(1), int(code.group(2)) if code.group(2) else None)] += 1
    return expected


Found = tuple[int, str, int]  # line, code, column


def unmatched(expected: Counter[Expected], found: Counter[Found]) -> tuple[list[str], list[str]]:
    """Expectations no finding met, and findings nothing expected (each as `line:col CODE`)."""
    left = Counter(found)
    missing: list[str] = []
    pinned_first = sorted(expected.elements(), key=lambda e: (e[2] is None, e[0], e[1], e[2] or 0))
    for line, code, column in pinned_first:  # so a loose expectation cannot take a pinned one's finding
        meets = (k for k in sorted(left.elements()) if k[:2] == (line, code) and column in (None, k[2]))
        key = next(meets, None)
        if key is None:
            missing.append(f"{line}:{column or '*'} {code}")
        else:
            left[key] -= 1
    return missing, [f"{line}:{column} {code}" for line, code, column in sorted(left.elements())]


def near_misses(text: str) -> set[str]:
    return {code for match in NEAR_MISS.finditer(text) for code in match.group(1).split()}


def options(text: str) -> dict[str, dict[str, object]]:
    from seolint.discover.toml import tomllib

    found: dict[str, dict[str, object]] = {}
    for match in OPTIONS.finditer(text):
        found.setdefault(match.group(1), {})[match.group(2)] = tomllib.loads(f"v = {match.group(3)}")["v"]
    return found


def selection(text: str) -> tuple[str, ...] | None:
    match = SELECT.search(text)
    return tuple(match.group(1).split()) if match else None


@pytest.mark.parametrize("path", FIXTURE_FILES, ids=lambda p: str(p.relative_to(FIXTURES)))
def test_fixture_findings_match_markers(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    flags = set(match.group(1).split()) if (match := FLAGS.search(text)) else set()
    assert flags <= KNOWN_FLAGS, f"unknown fixture flags {flags - KNOWN_FLAGS}"
    plan = plan_for(selection(text), options(text))
    plan = plan._replace(report_unused_suppressions="report-unused-suppressions" in flags)
    result = lint_file(path, plan)
    found = Counter((f.span.line, f.code, f.span.column) for f in result.findings)
    missing, unexpected = unmatched(expectations(text), found)
    assert (missing, unexpected) == ([], []), "expected but not found, found but not expected"


def test_every_rule_has_a_firing_fixture_and_a_near_miss_of_its_own() -> None:
    fired: set[str] = set()
    near: set[str] = set()
    ruleset = known_rules()
    for path in FIXTURE_FILES:
        text = path.read_text(encoding="utf-8")
        expected = {code for _, code, _ in expectations(text)}
        declared = near_misses(text)
        if declared:
            assert selection(text) is not None, f"{path.name}: a near miss selects the rules it is about"
            selected = {r.code for r in ruleset.select(selection(text), ())}
            assert declared <= selected, f"{path.name}: near miss for unselected {declared - selected}"
            assert not declared & expected, f"{path.name}: near miss for a rule it expects to fire"
        fired |= expected
        near |= declared
    codes = {r.code for r in ruleset.rules if r.scope == "draft"}  # site rules: tests/test_site_rules.py
    assert sorted(codes - fired) == [], "rules without a fixture that fires"
    assert sorted(codes - near) == [], "rules without a near-miss fixture"


def test_expectations_with_and_without_columns() -> None:
    text = "x <!-- expect: L001@3 L001 -->\n<!-- expect-line 1: M002 -->\n"
    assert expectations(text) == Counter({(1, "L001", 3): 1, (1, "L001", None): 1, (1, "M002", None): 1})
    found = Counter({(1, "L001", 3): 1, (1, "L001", 9): 1, (1, "M002", 1): 1})
    assert unmatched(expectations(text), found) == ([], [])
    missed = unmatched(Counter({(1, "L001", 4): 1}), Counter({(1, "L001", 3): 1}))
    assert missed == (["1:4 L001"], ["1:3 L001"])


def test_clean_showcase_posts_exist_and_select_all_rules() -> None:
    for name in ("clean-post.md", "clean-post.html"):
        text = (FIXTURES / name).read_text(encoding="utf-8")
        assert selection(text) is None and not expectations(text) and not near_misses(text)
