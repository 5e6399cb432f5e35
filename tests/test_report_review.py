"""Formats for pull and merge requests: reviewdog's rdjson/rdjsonl, GitLab Code Quality, JUnit
per file, and the job summary, checked by parsing them (issue 28)."""

from __future__ import annotations

import functools
import json
import xml.etree.ElementTree as ET
from collections import Counter
from pathlib import Path
from typing import Any

import jsonschema
import pytest

from tests.conftest import FIXTURES, ROOT, run_cli

DATA = ROOT / "tests" / "data"
RDFORMAT = json.loads((DATA / "rdformat-schema.json").read_text(encoding="utf-8"))
GITLAB = json.loads((DATA / "gitlab-code-quality-schema.json").read_text(encoding="utf-8"))
DRAFT = (
    "# Title\n"
    "\n"
    "H2: Setup\n"  # H006, with a safe fix
    "\n"
    "Café 🚀 costs [Link to article about caching](http://example.com/x) here.\n"  # L001
    "\n"
    "Read [the docs](http://kubernetes.io/docs/) too.\n"  # L005, with an unsafe fix
)


def check(*args: str) -> str:
    result = run_cli(["check", "--no-cache", *args])
    assert result.exit_code in (0, 1), result.stderr
    return result.stdout


@functools.cache
def fixture_json() -> dict[str, Any]:
    """The fixtures' JSON report, once per test process (run from the repository root)."""
    result = run_cli(["check", "--no-cache", "--format", "json", str(FIXTURES.relative_to(ROOT))])
    return json.loads(result.stdout)  # type: ignore[no-any-return]


def fixture_count() -> Counter[tuple[str, int, str]]:
    return Counter((f["path"], f["line"], f["code"]) for f in fixture_json()["findings"])


@pytest.fixture
def draft(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "post.md").write_text(DRAFT, encoding="utf-8")
    return tmp_path / "post.md"


def test_rdjson_of_the_fixtures_is_valid_and_has_every_finding(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(FIXTURES.parent)
    document = json.loads(check("fixtures", "--format", "rdjson"))
    jsonschema.Draft7Validator(RDFORMAT).validate(document)
    assert document["source"] == {"name": "seolint"}
    got = Counter(
        (d["location"]["path"], d["location"]["range"]["start"]["line"], d["code"]["value"])
        for d in document["diagnostics"]
    )
    assert got == fixture_count()


def test_rdjsonl_is_one_valid_diagnostic_per_line(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(FIXTURES.parent)
    lines = check("fixtures", "--format", "rdjsonl").splitlines()
    assert len(lines) == sum(fixture_count().values())
    for line in lines:
        jsonschema.Draft7Validator(RDFORMAT).validate(json.loads(line))


def test_safe_fixes_become_suggestions_and_unsafe_ones_do_not(draft: Path) -> None:
    out = check("post.md", "--format", "rdjsonl", "--select", "H006,L001,L005")
    by_code = {d["code"]["value"]: d for d in map(json.loads, out.splitlines())}
    assert set(by_code) == {"H006", "L001", "L005"}
    (suggestion,) = by_code["H006"]["suggestions"]
    assert suggestion == {
        "range": {"start": {"line": 3, "column": 1}, "end": {"line": 3, "column": 10}},
        "text": "## Setup",
    }
    assert "suggestions" not in by_code["L005"]  # https may not be served: a person decides
    assert "suggestions" not in by_code["L001"]


def test_rdjson_columns_count_utf8_bytes(draft: Path) -> None:
    out = check("post.md", "--format", "rdjsonl", "--select", "L001")
    (diagnostic,) = map(json.loads, out.splitlines())
    # `[` is the 14th character of its line; before it, é takes 2 bytes and 🚀 takes 4
    assert diagnostic["location"]["range"]["start"] == {"line": 5, "column": 18}


def test_gitlab_report_is_valid_with_unique_fingerprints(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(FIXTURES.parent)
    issues = json.loads(check("fixtures", "--format", "gitlab"))
    jsonschema.Draft7Validator(GITLAB).validate(issues)
    assert len({issue["fingerprint"] for issue in issues}) == len(issues) == sum(fixture_count().values())
    assert (
        Counter(
            (i["location"]["path"], i["location"]["lines"]["begin"], i["check_name"].split()[0])
            for i in issues
        )
        == fixture_count()
    )
    assert {i["severity"] for i in issues} <= {"major", "minor", "info"}


def test_gitlab_fingerprints_survive_lines_added_above(draft: Path) -> None:
    before = {i["check_name"]: i["fingerprint"] for i in json.loads(check("post.md", "--format", "gitlab"))}
    draft.write_text(DRAFT.replace("# Title\n", "# Title\n\nA new first paragraph.\n"), encoding="utf-8")
    after = {i["check_name"]: i["fingerprint"] for i in json.loads(check("post.md", "--format", "gitlab"))}
    assert before["H006 pseudo-heading"] == after["H006 pseudo-heading"]


def test_junit_has_one_case_per_file(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(FIXTURES.parent)
    root = ET.fromstring(check("fixtures", "--format", "junit"))
    cases = root.findall("testsuite/testcase")
    files = {path for path, _, _ in fixture_count()}
    data = fixture_json()
    assert len(cases) == len(data["files"]) == int(root.get("tests", "0"))
    failing = {case.get("name") for case in cases if case.find("failure") is not None}
    errors = {f["path"] for f in data["findings"] if f["severity"] == "error"}
    assert failing == errors and failing <= files
    assert root.get("failures") == str(len(failing))


def test_summary_escapes_draft_text(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "a|b.md").write_text("# <script>x</script> | `y`\n\nSee [Link to article about X](#).\n")
    out = check("a|b.md", "--format", "summary", "--select", "L001")
    assert "`a\\|b.md`" in out and "<script>" not in out
    assert out.startswith("## seolint\n") and "| L001 `link-placeholder` | 1 |" in out
