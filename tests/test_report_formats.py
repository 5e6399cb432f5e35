"""SARIF, GitHub annotations, JUnit XML, --output-file and --statistics, checked by parsing."""

from __future__ import annotations

import json
import re
import xml.etree.ElementTree as ET
from collections import Counter
from pathlib import Path

import jsonschema
import pytest

from seolint.registry.catalog import known_rules
from tests.conftest import FIXTURES, ROOT, CliResult, run_cli

SCHEMA = json.loads((ROOT / "tests" / "data" / "sarif-schema-2.1.0.json").read_text(encoding="utf-8"))
BAD = "# Title\n\n#### Skipped\n\nSee [the docs](#), 100%: a, b.\n"  # H003 line 3, L001 line 5


def run(*args: str) -> CliResult:
    return run_cli(["check", *args])


def fixture_findings() -> Counter[tuple[str, int, str]]:
    data = json.loads(run("fixtures", "--format", "json").stdout)
    return Counter((Path(f["path"]).as_posix(), f["line"], f["code"]) for f in data["findings"])


@pytest.fixture
def bad(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "bad.md").write_text(BAD, encoding="utf-8")
    (tmp_path / "good.md").write_text("# Title\n\nFine.\n", encoding="utf-8")
    return tmp_path


def test_sarif_of_the_fixtures_is_valid_against_the_official_schema(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(FIXTURES.parent)  # relative URIs, as code scanning expects
    out = tmp_path / "fixtures.sarif"
    result = run("fixtures", "--format", "sarif", "--output-file", str(out))
    assert result.exit_code == 1
    sarif = json.loads(out.read_text(encoding="utf-8"))
    jsonschema.Draft4Validator(SCHEMA).validate(sarif)
    (sarif_run,) = sarif["runs"]
    rules = sarif_run["tool"]["driver"]["rules"]
    assert [r["id"] for r in rules] == [r.code for r in known_rules().rules]
    for rule, meta in zip(rules, known_rules().rules, strict=True):
        assert rule["name"] == meta.name and rule["shortDescription"]["text"] == meta.summary
        assert rule["help"]["text"] and rule["defaultConfiguration"]["level"] in {"error", "warning", "note"}
    got = Counter(
        (
            r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"],
            r["locations"][0]["physicalLocation"]["region"]["startLine"],
            r["ruleId"],
        )
        for r in sarif_run["results"]
    )
    assert got == fixture_findings() and len(got) > 20
    for r in sarif_run["results"]:
        assert rules[r["ruleIndex"]]["id"] == r["ruleId"]


def test_schema_validation_can_fail() -> None:
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.Draft4Validator(SCHEMA).validate({"version": "2.1.0", "runs": [{"tool": {}}]})


def test_sarif_levels_follow_severity(bad: Path) -> None:
    (bad / ".seolint.toml").write_text('[severity]\nH003 = "info"\n', encoding="utf-8")
    sarif = json.loads(run("bad.md", "--format", "sarif", "--select", "H003,L001").stdout)
    levels = {r["ruleId"]: r["level"] for r in sarif["runs"][0]["results"]}
    assert levels == {"H003": "note", "L001": "error"}


def test_sarif_reports_unreadable_files_as_notifications(bad: Path) -> None:
    (bad / "broken.md").write_bytes(b"# T\n\xff\xfe\xfa\n")
    sarif = json.loads(run("broken.md", "bad.md", "--format", "sarif").stdout)
    jsonschema.Draft4Validator(SCHEMA).validate(sarif)
    invocation = sarif["runs"][0]["invocations"][0]
    assert invocation["executionSuccessful"] is False
    assert invocation["toolExecutionNotifications"][0]["locations"][0]["physicalLocation"][
        "artifactLocation"
    ] == {"uri": "broken.md"}


COMMAND = re.compile(r"::(error|warning|notice) ((?:[a-zA-Z]+=[^,:]*,?)+)::(.*)")


def test_github_annotations_grouped_per_file(bad: Path) -> None:
    (bad / "warn.md").write_text("# Title\n\n#### Skipped\n", encoding="utf-8")
    (bad / ".seolint.toml").write_text('[severity]\nH003 = "warning"\n', encoding="utf-8")
    lines = run(".", "--format", "github", "--select", "H003,L001").stdout.splitlines()
    groups = [line.removeprefix("::group::").split(" (")[0] for line in lines if line.startswith("::group::")]
    assert groups == ["bad.md", "warn.md"]
    assert lines.count("::endgroup::") == 2
    annotations = []
    for line in lines:
        match = COMMAND.fullmatch(line)
        if match:
            props = dict(p.split("=", 1) for p in match.group(2).rstrip(",").split(","))
            annotations.append((match.group(1), Path(props["file"]).name, int(props["line"]), props["title"]))
    assert annotations == [
        ("warning", "bad.md", 3, "H003 heading-skip"),
        ("error", "bad.md", 5, "L001 link-placeholder"),
        ("warning", "warn.md", 3, "H003 heading-skip"),
    ]
    assert all(line.startswith("::") for line in lines)  # nothing else on stdout


def test_github_escapes_data_and_properties() -> None:
    from seolint.report.github import escape_data, escape_property

    assert escape_data("100%\nnext") == "100%25%0Anext"
    assert escape_property("a,b:c") == "a%2Cb%3Ac"


def test_github_notice_for_info(bad: Path) -> None:
    (bad / ".seolint.toml").write_text('[severity]\nL001 = "info"\n', encoding="utf-8")
    out = run("bad.md", "--format", "github", "--select", "L001").stdout
    assert "::notice file=bad.md,line=5," in out


def test_junit_rules_suite_per_file_case_per_rule(bad: Path) -> None:
    out = run("bad.md", "good.md", "--format", "junit-rules", "--select", "H003,L001,I001").stdout
    root = ET.fromstring(out)
    assert root.tag == "testsuites" and root.get("tests") == "6" and root.get("failures") == "2"
    suites = {s.get("name"): s for s in root.findall("testsuite")}
    assert set(suites) == {"bad.md", "good.md"}
    cases = {c.get("name"): c for c in suites["bad.md"].findall("testcase")}
    assert set(cases) == {"H003 heading-skip", "L001 link-placeholder", "I001 image-missing-alt"}
    assert cases["H003 heading-skip"].find("failure") is not None
    assert cases["I001 image-missing-alt"].find("failure") is None
    failure = cases["L001 link-placeholder"].find("failure")
    assert failure is not None and failure.text and "bad.md:5:" in failure.text
    assert suites["good.md"].get("failures") == "0" and len(suites["good.md"].findall("testcase")) == 3


@pytest.mark.parametrize("fmt", ["junit", "junit-rules"])
def test_junit_lists_unreadable_files_as_errors(bad: Path, fmt: str) -> None:
    (bad / "broken.md").write_bytes(b"\xff\xfe\xfa")
    root = ET.fromstring(run("broken.md", "--format", fmt).stdout)
    (suite,) = root.findall("testsuite")
    assert suite.find("testcase/error") is not None and suite.get("errors") == "1"
    (case,) = suite.findall("testcase")
    assert "broken.md" in (case.get("name", ""), case.get("classname", ""))


def test_output_file_gets_the_format_and_the_terminal_gets_rich(bad: Path) -> None:
    result = run(
        "bad.md", "--format", "json", "--output-file", "report.json", "--no-color", "--select", "H003,L001"
    )
    assert result.exit_code == 1
    data = json.loads((bad / "report.json").read_text(encoding="utf-8"))
    assert {(f["line"], f["code"]) for f in data["findings"]} == {(3, "H003"), (5, "L001")}
    assert "Checked 1 file" in result.stdout and "H003" in result.stdout
    with pytest.raises(json.JSONDecodeError):
        json.loads(result.stdout)


def test_output_file_that_cannot_be_written_is_exit_2(bad: Path) -> None:
    result = run("bad.md", "--format", "sarif", "--output-file", "missing/dir/out.sarif")
    assert result.exit_code == 2 and "--output-file" in result.stderr


def test_statistics_counts_per_rule(bad: Path) -> None:
    (bad / "more.md").write_text("# T\n\n[a](#) and [b](#)\n", encoding="utf-8")
    out = run(".", "--statistics", "--select", "H003,L001").stdout.splitlines()
    rows = [line.split() for line in out]
    assert rows[0][:2] == ["3", "L001"] and rows[1][:4] == ["1", "1", "[~]", "H003"]  # H003's fix is unsafe
    assert rows[2][:2] == ["4", "total"]
    assert out[3] == "0 fixable with `--fix` (1 more with `--unsafe-fixes`)"


def test_statistics_without_fixes_has_no_fixable_column(bad: Path) -> None:
    out = run("bad.md", "--statistics", "--select", "L001").stdout.splitlines()
    expected = [["1", "L001", "link-placeholder", "[error]"], ["1", "total", "in", "1", "files"]]
    assert [line.split() for line in out] == expected


def test_statistics_json_counts_fixes(bad: Path) -> None:
    data = json.loads(run("bad.md", "--statistics", "--format", "json", "--select", "H003,L001").stdout)
    assert {row["code"]: row["fixable"] for row in data["statistics"]} == {
        "H003": {"safe": 0, "unsafe": 1},
        "L001": {"safe": 0, "unsafe": 0},
    }
    assert data["fixable"] == {"safe": 0, "unsafe": 1}


def test_concise_is_text(bad: Path) -> None:
    assert run("bad.md", "--format", "concise").stdout == run("bad.md", "--format", "text").stdout
