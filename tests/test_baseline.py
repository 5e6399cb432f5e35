"""The baseline ratchet: old findings stay hidden through unrelated edits; new ones fail."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from tests.conftest import FIXTURES, CliResult, run_cli


def run(*args: str) -> CliResult:
    return run_cli(["check", "--format", "json", *args])


def findings(result: CliResult) -> list[tuple[str, int, str]]:
    return [(Path(f["path"]).as_posix(), f["line"], f["code"]) for f in json.loads(result.stdout)["findings"]]


@pytest.fixture(scope="module")
def written(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A folder with the fixtures and their baseline, written once for the module: linting
    every fixture is the cost."""
    folder = tmp_path_factory.mktemp("archive")
    shutil.copytree(FIXTURES, folder / "fixtures")
    with pytest.MonkeyPatch.context() as monkeypatch:
        monkeypatch.chdir(folder)
        result = run("fixtures", "--write-baseline", "seolint-baseline.json")
    assert result.exit_code == 0, result.stderr  # writing a baseline accepts what is there
    assert len(findings(result)) > 20  # the fixtures are full of findings
    return folder


@pytest.fixture
def archive(written: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The module's folder as the baseline left it, whatever an earlier test changed: the
    fixtures copied afresh beside the baseline and the result cache that writing it filled.
    The same folder each time, so the cache (keyed by path and bytes) stays warm."""
    for entry in written.iterdir():
        if entry.name == ".seolint_cache":
            continue
        if entry.is_dir():
            shutil.rmtree(entry)
        elif entry.name != "seolint-baseline.json":
            entry.unlink()
    shutil.copytree(FIXTURES, written / "fixtures")
    monkeypatch.chdir(written)
    return written


def test_round_trip_reports_exactly_the_one_new_finding(archive: Path) -> None:
    assert findings(run("fixtures", "--baseline", "seolint-baseline.json")) == []
    draft = archive / "fixtures" / "rules" / "headings-h1.md"
    lines = draft.read_text(encoding="utf-8").splitlines()
    # Front matter must stay first, so the blank lines go at the top of the body.
    end = lines.index("---", 1) + 1
    lines[end:end] = ["", "", ""]
    lines.append("")
    lines.append("A new [placeholder link](#) slipped in.")
    draft.write_text("\n".join(lines) + "\n", encoding="utf-8")
    result = run("fixtures", "--baseline", "seolint-baseline.json")
    assert findings(result) == [("fixtures/rules/headings-h1.md", len(lines), "L001")]
    assert result.exit_code == 1
    assert "entries no longer match" not in result.stderr


def test_blank_lines_at_the_very_top_of_a_plain_draft(archive: Path) -> None:
    draft = archive / "fixtures" / "ai-draft.txt"
    text = draft.read_text(encoding="utf-8")
    text = text.replace("Call to Action", "Read [Link to the incident timeline] first.\n\nCall to Action")
    draft.write_text("\n\n\n" + text, encoding="utf-8")
    line = ("\n\n\n" + text).splitlines().index("Read [Link to the incident timeline] first.") + 1
    new = findings(run("fixtures", "--baseline", "seolint-baseline.json"))
    assert new == [("fixtures/ai-draft.txt", line, "L001")]


def test_fixed_findings_are_counted_as_stale_entries(archive: Path) -> None:
    draft = archive / "fixtures" / "rules" / "links-placeholder.md"
    text = draft.read_text(encoding="utf-8").replace("[the docs](#)", "[the docs](https://docs.example.org/)")
    draft.write_text(text, encoding="utf-8")
    result = run("fixtures", "--baseline", "seolint-baseline.json", "--select", "L001")
    assert findings(result) == [] and result.exit_code == 0
    assert "1 entries no longer match" in result.stderr  # only rules that ran count


def test_files_and_rules_not_checked_are_not_stale(archive: Path) -> None:
    result = run("fixtures/rules/links-placeholder.md", "--baseline", "seolint-baseline.json")
    assert findings(result) == [] and "no longer match" not in result.stderr
    result = run("fixtures", "--baseline", "seolint-baseline.json", "--select", "H001")
    assert findings(result) == [] and "no longer match" not in result.stderr


def test_a_second_identical_defect_is_new(archive: Path) -> None:
    draft = archive / "fixtures" / "rules" / "links-placeholder.md"
    lines = draft.read_text(encoding="utf-8").splitlines()
    duplicate = next(line for line in lines if "[the docs](#)" in line)
    draft.write_text("\n".join([*lines, "", duplicate]) + "\n", encoding="utf-8")
    new = findings(run("fixtures", "--baseline", "seolint-baseline.json"))
    assert new == [("fixtures/rules/links-placeholder.md", len(lines) + 2, "L001")]


def test_baseline_paths_do_not_depend_on_the_working_directory(
    archive: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(archive / "fixtures")
    assert findings(run(".", "--baseline", "../seolint-baseline.json")) == []


def test_unreadable_baseline_is_a_usage_error(archive: Path) -> None:
    (archive / "bad.json").write_text("{not json", encoding="utf-8")
    for name in ("bad.json", "missing.json"):
        result = run("fixtures", "--baseline", name)
        assert result.exit_code == 2 and name in result.stderr
